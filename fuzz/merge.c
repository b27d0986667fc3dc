/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `stackplan merge`'s reader of shard JSON (importers/results.c),
 * fuzzed.  The input is one to four shard files separated by form feeds
 * (0x0C); "@DATA@" in it stands for the fuzzing process's data folder,
 * which holds fuzz/data/, so a shard can name real data and get past
 * the digest check (the seeds are shards of fuzz/data/ solved by
 * `stackplan solve --shard`, docs/fuzzing.md).  A shard naming a folder
 * or file outside that folder is skipped: the fuzzer must not wander the
 * file system.  The merge ends in a result, which must write complete
 * outputs (common.c), or in a message; never in a crash or a status
 * other than bad input or a plan that fails its verification (which
 * `merge --help` documents as exit 4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fuzz_int.h"
#include "stackplan.h"

#define MAX_SHARDS 4
#define TOKEN "@DATA@"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* How many inputs merged into a result, shown at exit so that a run says
 * how deep it went. */
static long runs, merged;

static void report(void)
{
    fprintf(stderr, "fuzz-merge: %ld inputs, %ld merged\n", runs, merged);
}

/* part with every TOKEN replaced by the folder; a new string. */
static char *expand(const uint8_t *part, size_t n, const char *folder)
{
    size_t tl = strlen(TOKEN), fl = strlen(folder), count = 0, i, o = 0;
    char *out;

    for (i = 0; i + tl <= n; i++)
        if (memcmp(part + i, TOKEN, tl) == 0)
            count++;
    out = malloc(n + count * fl + 1);
    if (!out)
        sp_fuzz_fail("out of memory");
    for (i = 0; i < n;) {
        if (i + tl <= n && memcmp(part + i, TOKEN, tl) == 0) {
            memcpy(out + o, folder, fl);
            o += fl;
            i += tl;
        } else {
            out[o++] = (char)part[i++];
        }
    }
    out[o] = '\0';
    return out;
}

/* Whether a path the shard names stays inside the folder: it starts
 * with the folder's path and has no "..". */
static int inside(const cJSON *v, const char *folder)
{
    size_t fl = strlen(folder);

    if (!cJSON_IsString(v))
        return 1; /* not a path: the reader reports it */
    return strncmp(v->valuestring, folder, fl) == 0 &&
           (v->valuestring[fl] == '\0' || v->valuestring[fl] == '/') &&
           !strstr(v->valuestring, "..");
}

static int confined(const char *text, const char *folder)
{
    cJSON *root = cJSON_Parse(text);
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(root, "source");
    int ok =
        inside(cJSON_GetObjectItemCaseSensitive(src, "data_dir"), folder) &&
        inside(cJSON_GetObjectItemCaseSensitive(src, "scenarios_path"),
               folder);

    cJSON_Delete(root);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *folder = sp_fuzz_dir();
    const char *paths[MAX_SHARDS];
    char name[32], err[2048] = "";
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    sp_diags *diags = NULL;
    size_t start = 0, i;
    int n = 0, ok = 1;
    enum sp_status st;

    if (runs++ == 0)
        atexit(report);
    for (i = 0; i <= size && n < MAX_SHARDS; i++) {
        char *text;
        FILE *f;
        if (i < size && data[i] != '\f')
            continue;
        text = expand(data + start, i - start, folder);
        ok = ok && confined(text, folder);
        snprintf(name, sizeof(name), "shard-%d.json", n + 1);
        paths[n] = sp_fuzz_path(n, name);
        f = fopen(paths[n], "wb");
        if (!f || fputs(text, f) == EOF || fclose(f) != 0)
            sp_fuzz_fail("cannot write %s", paths[n]);
        free(text);
        n++;
        start = i + 1;
    }
    if (!ok)
        goto cleanup;

    diags = sp_diags_new();
    if (!diags)
        sp_fuzz_fail("out of memory");
    st = sp_result_merge(paths, n, NULL, &pb, &res, diags, err, sizeof(err));
    /* fuzz/data/ loads without errors, whatever the shard says */
    sp_fuzz_check_diags(diags, -1);
    if (st == SP_OK) {
        if (!pb || !res)
            sp_fuzz_fail("sp_result_merge: SP_OK without a result");
        sp_fuzz_write_outputs(res);
        merged++;
    } else if (st != SP_ERR_INPUT && st != SP_ERR_VERIFY) {
        sp_fuzz_fail("sp_result_merge returned %d (%s): %s", (int)st,
                     sp_strerror(st), err);
    } else if (!err[0] || strchr(err, '\n')) {
        sp_fuzz_fail("sp_result_merge failed without a one-line message: "
                     "'%s'",
                     err);
    } else if (pb || res) {
        sp_fuzz_fail("sp_result_merge failed and still set a result");
    }

cleanup:
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    for (i = 0; i < (size_t)n; i++)
        sp_fuzz_remove(strrchr(paths[i], '/') + 1);
    return 0;
}
