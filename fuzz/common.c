/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What every fuzz target shares (fuzz_int.h).  The readers are fuzzed
 * through sp_problem_load on a real folder, the way `stackplan check`
 * reads one, so every path a user's file takes is the path fuzzed.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "fuzz_int.h"
#include "stackplan.h"

#ifndef SP_FUZZ_DATA
#error "SP_FUZZ_DATA (the fuzz/data folder of the source tree) is not set"
#endif

const char *const sp_fuzz_files[] = {
    "catalog.csv", "clients.csv",    "inventory.csv", "vendors.csv",
    "tiers.csv",   "scenarios.json", "controls.csv"};

/* fuzz/data/'s files, read once. */
static struct {
    char *data;
    size_t len;
} base[SP_FUZZ_NFILES];

static char dir[4096];

void sp_fuzz_fail(const char *fmt, ...)
{
    va_list ap;

    fputs("fuzz: invariant broken: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

static void remove_dir(void)
{
    DIR *d;
    struct dirent *e;
    char path[4200];

    if (!dir[0])
        return;
    d = opendir(dir);
    if (d) {
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

static void read_base(void)
{
    char path[4200];
    int i;

    for (i = 0; i < SP_FUZZ_NFILES; i++) {
        FILE *f;
        long n;

        snprintf(path, sizeof(path), "%s/%s", SP_FUZZ_DATA, sp_fuzz_files[i]);
        f = fopen(path, "rb");
        if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
            fseek(f, 0, SEEK_SET) != 0)
            sp_fuzz_fail("cannot read %s: %s", path, strerror(errno));
        base[i].len = (size_t)n;
        base[i].data = malloc(base[i].len + 1);
        if (!base[i].data ||
            fread(base[i].data, 1, base[i].len, f) != base[i].len)
            sp_fuzz_fail("cannot read %s", path);
        fclose(f);
    }
}

const char *sp_fuzz_dir(void)
{
    const char *tmp;

    if (dir[0])
        return dir;
    tmp = getenv("TMPDIR");
    /* /dev/shm when there is one: every run writes its files */
    if (!tmp || !tmp[0])
        tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof(dir), "%s/stackplan-fuzz.XXXXXX", tmp);
    if (!mkdtemp(dir))
        sp_fuzz_fail("mkdtemp %s: %s", dir, strerror(errno));
    atexit(remove_dir);
    read_base();
    sp_fuzz_reset();
    return dir;
}

const char *sp_fuzz_path(int slot, const char *name)
{
    static char paths[8][4200];

    snprintf(paths[slot & 7], sizeof(paths[0]), "%s/%s", sp_fuzz_dir(), name);
    return paths[slot & 7];
}

void sp_fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    const char *path = sp_fuzz_path(7, name);
    FILE *f = fopen(path, "wb");

    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        sp_fuzz_fail("cannot write %s: %s", path, strerror(errno));
}

void sp_fuzz_remove(const char *name)
{
    const char *path = sp_fuzz_path(7, name);

    if (unlink(path) != 0 && errno != ENOENT)
        sp_fuzz_fail("cannot remove %s: %s", path, strerror(errno));
}

void sp_fuzz_reset(void)
{
    DIR *d;
    struct dirent *e;
    int i;

    d = opendir(sp_fuzz_dir());
    if (!d)
        sp_fuzz_fail("cannot list %s: %s", dir, strerror(errno));
    while ((e = readdir(d)) != NULL) {
        bool known = false;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        for (i = 0; i < SP_FUZZ_NFILES; i++)
            known = known || !strcmp(e->d_name, sp_fuzz_files[i]);
        if (!known)
            sp_fuzz_remove(e->d_name);
    }
    closedir(d);
    for (i = 0; i < SP_FUZZ_NFILES; i++)
        sp_fuzz_write(sp_fuzz_files[i], (const uint8_t *)base[i].data,
                      base[i].len);
}

void sp_fuzz_check_diags(const sp_diags *diags, int errors_expected)
{
    size_t i, n = sp_diags_count(diags), errors = sp_diags_errors(diags);
    char line[8192];

    if (errors_expected == 1 && errors == 0)
        sp_fuzz_fail("the load failed without reporting an error");
    if (errors_expected == 0 && errors > 0)
        sp_fuzz_fail("the load succeeded with %zu errors reported", errors);
    for (i = 0; i < n; i++) {
        const struct sp_diag *d = sp_diags_get(diags, i);
        if (!d || !d->message || !d->message[0] || d->line < 0)
            sp_fuzz_fail("diagnostic %zu without a message", i);
        /* only a note about the whole run (no line, column or scenario)
         * may go without a file */
        if ((!d->file || !d->file[0]) &&
            (d->line != 0 || d->column || d->scenario))
            sp_fuzz_fail("diagnostic %zu has a place but no file", i);
        sp_diag_format(d, line, sizeof(line));
        /* docs/formats.md: every problem is one line */
        if (strchr(line, '\n') || strchr(line, '\r'))
            sp_fuzz_fail("diagnostic %zu is not one line: %s", i, line);
        if (strncmp(line, "stackplan: ", 11) != 0)
            sp_fuzz_fail("diagnostic %zu is not in the error-line form: %s", i,
                         line);
    }
}

struct sp_problem *sp_fuzz_load(void)
{
    return sp_fuzz_load_dir(sp_fuzz_dir(), false);
}

struct sp_problem *sp_fuzz_load_dir(const char *path, bool must_load)
{
    struct sp_load_options lo = {NULL, 0, 0, "2027-01-01"};
    struct sp_problem *pb = NULL;
    struct sp_summary sum;
    sp_diags *diags = sp_diags_new();
    char digest[17], line[8192];
    enum sp_status st;

    if (!diags)
        sp_fuzz_fail("out of memory");
    st = sp_problem_load(path, &lo, &pb, diags);
    if (st != SP_OK && st != SP_ERR_INPUT)
        sp_fuzz_fail("sp_problem_load returned %d (%s)", (int)st,
                     sp_strerror(st));
    if ((st == SP_OK) != (pb != NULL))
        sp_fuzz_fail("sp_problem_load returned %d with problem %p", (int)st,
                     (void *)pb);
    sp_fuzz_check_diags(diags, st == SP_OK ? 0 : 1);
    if (must_load && st != SP_OK) {
        size_t i;
        for (i = 0; i < sp_diags_count(diags); i++) {
            sp_diag_format(sp_diags_get(diags, i), line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
        sp_fuzz_fail("%s does not load (%zu errors above)", path,
                     sp_diags_errors(diags));
    }
    sp_diags_free(diags);
    if (pb) {
        if (pb->nscenarios < 1)
            sp_fuzz_fail("a loaded problem without a scenario");
        sp_problem_summary(pb, &sum);
        sp_problem_digest(pb, digest);
    }
    return pb;
}

/* ---- outputs ---------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long n;

    if (!f)
        sp_fuzz_fail("%s was not written: %s", path, strerror(errno));
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0)
        sp_fuzz_fail("cannot read %s", path);
    data = malloc((size_t)n + 1);
    if (!data || fread(data, 1, (size_t)n, f) != (size_t)n)
        sp_fuzz_fail("cannot read %s", path);
    fclose(f);
    data[n] = '\0';
    *len = (size_t)n;
    return data;
}

static void check_json(const sp_result *res, const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    cJSON *root = cJSON_ParseWithLength(text, len);
    const cJSON *scenarios, *e;
    int i = 0;

    if (!root)
        sp_fuzz_fail("%s does not parse as JSON", path);
    scenarios = cJSON_GetObjectItemCaseSensitive(root, "scenarios");
    if (!cJSON_IsArray(scenarios) ||
        cJSON_GetArraySize(scenarios) != sp_result_count(res))
        sp_fuzz_fail("%s: 'scenarios' is not a list of %d", path,
                     sp_result_count(res));
    cJSON_ArrayForEach(e, scenarios)
    {
        const cJSON *status = cJSON_GetObjectItemCaseSensitive(e, "status");
        const cJSON *total = cJSON_GetObjectItemCaseSensitive(e, "total_cost");
        if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "name")) ||
            !cJSON_IsString(status))
            sp_fuzz_fail("%s: scenario %d without a name or status", path, i);
        /* a feasible plan's total is a finite number (cJSON writes an
         * infinite or NaN figure as null) */
        if (strcmp(status->valuestring, "infeasible") != 0 &&
            (!cJSON_IsNumber(total) || !isfinite(total->valuedouble)))
            sp_fuzz_fail("%s: scenario %d (%s) has no finite total_cost", path,
                         i, status->valuestring);
        i++;
    }
    cJSON_Delete(root);
    free(text);
}

static void check_zip(const char *path)
{
    static const char local[] = "PK\003\004", eocd[] = "PK\005\006";
    size_t len, i;
    char *data = slurp(path, &len);
    bool found = false;

    if (len < 22 + 4 || memcmp(data, local, 4) != 0)
        sp_fuzz_fail("%s is not a zip file (%zu bytes)", path, len);
    /* the end-of-central-directory record is the last 22 bytes plus a
     * comment (libxlsxwriter writes none) */
    for (i = len - 22; !found && i + 65535 + 22 >= len; i--) {
        found = memcmp(data + i, eocd, 4) == 0;
        if (i == 0)
            break;
    }
    if (!found)
        sp_fuzz_fail("%s has no end of central directory: cut short", path);
    free(data);
}

/* A writer's temporary is "NAME.tmpXXXXXX" beside its target. */
static void check_no_temporaries(void)
{
    DIR *d = opendir(sp_fuzz_dir());
    struct dirent *e;

    if (!d)
        sp_fuzz_fail("cannot list %s", dir);
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".tmp"))
            sp_fuzz_fail("a temporary file was left behind: %s", e->d_name);
    closedir(d);
}

void sp_fuzz_write_outputs(const sp_result *res)
{
    const char *json = sp_fuzz_path(0, "plan.json");
    const char *xlsx = sp_fuzz_path(1, "plan.xlsx");
    char err[2048] = "", *summary = NULL;
    enum sp_status st;

    st = sp_json_write(res, json, err, sizeof(err));
    if (st != SP_OK)
        sp_fuzz_fail("sp_json_write: %s (%s)", sp_strerror(st), err);
    st = sp_workbook_write(res, xlsx, err, sizeof(err));
    if (st != SP_OK)
        sp_fuzz_fail("sp_workbook_write: %s (%s)", sp_strerror(st), err);
    st = sp_result_summary(res, &summary);
    if (st != SP_OK || !summary)
        sp_fuzz_fail("sp_result_summary: %s", sp_strerror(st));
    free(summary);
    check_json(res, json);
    check_zip(xlsx);
    check_no_temporaries();
    sp_fuzz_remove("plan.json");
    sp_fuzz_remove("plan.xlsx");
}
