/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fuzz targets of `stackplan import` (docs/import.md): the input is
 * one of the files an import reads, SP_FUZZ_IMPORT (built once per file
 * kind, docs/fuzzing.md), imported with fixed other files against the
 * sample catalog (datasets/sample) through sp_import_run, as the CLI
 * calls it:
 *
 *   product-map, client-map, counts
 *                that file, for the three exports of datasets/exports
 *                with their built-in profiles and the other two of
 *                these files from there (examples/import.sh)
 *   profile      a profile, for fuzz/import/export.csv (an export with
 *                the headers of the three built-in profiles), read
 *                before the three exports and with the three files
 *   export       an export, read through fuzz/import/profile.json (the
 *                three built-in profiles in one), the same way
 *
 * Whatever the bytes: the import returns SP_OK or SP_ERR_INPUT, SP_OK
 * exactly when no error was reported, and every diagnostic is one line
 * naming its file (common.c); the output folder exists exactly on
 * SP_OK, with its three files; no temporary folder is left beside it;
 * and what it wrote loads, as `stackplan check` loads a folder.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "fuzz_int.h"
#include "stackplan.h"

#ifndef SP_FUZZ_IMPORT
#error "SP_FUZZ_IMPORT (the import file this target fuzzes) is not set"
#endif
#ifndef SP_FUZZ_TOP
#error "SP_FUZZ_TOP (the source tree) is not set"
#endif

#define EXPORTS SP_FUZZ_TOP "/datasets/exports/"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool is(const char *kind)
{
    return strcmp(SP_FUZZ_IMPORT, kind) == 0;
}

/* The output folder's files, then the folder (it holds no folder). */
static void remove_out(const char *out)
{
    DIR *d = opendir(out);
    struct dirent *e;
    char path[4200];

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof(path), "%s/%s", out, e->d_name);
        if (unlink(path) != 0)
            sp_fuzz_fail("cannot remove %s", path);
    }
    closedir(d);
    if (rmdir(out) != 0)
        sp_fuzz_fail("cannot remove %s", out);
}

/* All or nothing (docs/import.md): the folder exists exactly on SP_OK,
 * and no `.out.import-XXXXXX` is left beside it. */
static void check_folder(const char *out, bool ok)
{
    static const char *const written[] = {"clients.csv", "inventory.csv",
                                          "import-report.csv"};
    DIR *d = opendir(sp_fuzz_dir());
    struct dirent *e;
    struct stat sb;
    char path[4200];
    size_t k;

    if (!d)
        sp_fuzz_fail("cannot list %s", sp_fuzz_dir());
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".import-"))
            sp_fuzz_fail("a temporary folder was left behind: %s", e->d_name);
    closedir(d);
    if ((stat(out, &sb) == 0) != ok)
        sp_fuzz_fail("the import %s, and the output folder is %s",
                     ok ? "succeeded" : "failed", ok ? "missing" : "there");
    for (k = 0; ok && k < sizeof(written) / sizeof(written[0]); k++) {
        snprintf(path, sizeof(path), "%s/%s", out, written[k]);
        if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            sp_fuzz_fail("the import succeeded without writing %s",
                         written[k]);
    }
}

static void check_summary(const struct sp_import_summary *sum, const char *out)
{
    char *json = NULL;
    cJSON *root;

    if (!sum)
        sp_fuzz_fail("the import succeeded without a summary");
    if (sp_import_summary_json(sum, out, &json) != SP_OK || !json)
        sp_fuzz_fail("sp_import_summary_json failed");
    root = cJSON_Parse(json);
    if (!cJSON_IsObject(root))
        sp_fuzz_fail("the summary is not a JSON object: %s", json);
    cJSON_Delete(root);
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sp_import_source src[4] = {
        {SP_FUZZ_TOP "/fuzz/import/profile.json",
         SP_FUZZ_TOP "/fuzz/import/export.csv"},
        {"connectwise", EXPORTS "connectwise-agreement-additions.csv"},
        {"autotask", EXPORTS "autotask-contract-services.csv"},
        {"pax8", EXPORTS "pax8-subscriptions.csv"}};
    struct sp_import_options o = {0};
    struct sp_import_summary *sum = NULL;
    const char *out = sp_fuzz_path(0, "out");
    const char *input;
    sp_diags *diags = sp_diags_new();
    char err[2048];
    enum sp_status st;

    if (!diags)
        sp_fuzz_fail("out of memory");
    o.catalog_dir = SP_FUZZ_TOP "/datasets/sample";
    o.profiles_dir = SP_FUZZ_TOP "/importers/profiles";
    /* the fuzzed export, or the one the fuzzed profile reads, comes
     * first (first file wins) */
    o.sources = src + 1;
    o.nsources = 3;
    o.product_map = EXPORTS "product-map.csv";
    o.client_map = EXPORTS "client-map.csv";
    o.counts = EXPORTS "counts.csv";
    input =
        sp_fuzz_path(1, is("profile") ? "fuzz.json" : SP_FUZZ_IMPORT ".csv");
    sp_fuzz_write(strrchr(input, '/') + 1, data, size);
    if (is("profile"))
        src[0].profile = input;
    else if (is("export"))
        src[0].path = input;
    else if (is("product-map"))
        o.product_map = input;
    else if (is("client-map"))
        o.client_map = input;
    else if (is("counts"))
        o.counts = input;
    else
        sp_fuzz_fail("unknown SP_FUZZ_IMPORT '%s'", SP_FUZZ_IMPORT);
    if (is("profile") || is("export")) {
        o.sources = src;
        o.nsources = 4;
    }

    st = sp_import_run(out, &o, &sum, diags, err, sizeof(err));
    if (st != SP_OK && st != SP_ERR_INPUT)
        sp_fuzz_fail("sp_import_run returned %d (%s): %s", (int)st,
                     sp_strerror(st), err);
    sp_fuzz_check_diags(diags, st == SP_OK ? 0 : 1);
    check_folder(out, st == SP_OK);
    if (st == SP_OK) {
        check_summary(sum, out);
        sp_problem_free(sp_fuzz_load_dir(out, true));
        remove_out(out);
    }
    sp_import_summary_free(sum);
    sp_diags_free(diags);
    sp_fuzz_remove(strrchr(input, '/') + 1);
    return 0;
}
