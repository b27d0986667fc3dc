/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Load -> solve -> write, fuzzed.  The input is a whole data folder in
 * one file: catalog.csv, clients.csv, inventory.csv, vendors.csv,
 * tiers.csv and scenarios.json in that order, separated by form feeds
 * (0x0C); a file that is empty or not given is absent (docs/fuzzing.md).
 * What the readers accept must solve: sp_solve returns SP_OK (never a
 * plan that fails its verification, a solver failure or any other
 * internal error, the CLI's exit 4), and the JSON and workbook written
 * are complete (common.c).  Only small problems are solved, with a short
 * time limit, so that a run stays fast.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_int.h"
#include "stackplan.h"

/* Bigger problems are skipped, not solved: the fuzzer looks for inputs
 * that break the model, and size alone only slows it down. */
#define MAX_CLIENTS 8
#define MAX_PRODUCTS 12
#define MAX_SCENARIOS 4
#define TIME_LIMIT 1.0

/* How many inputs loaded, were skipped as too big and were solved,
 * shown at exit so that a run says how deep it went. */
static long runs, loaded, too_big, solved;

static void report(void)
{
    fprintf(stderr,
            "fuzz-solve: %ld inputs, %ld loaded, %ld skipped as too big, "
            "%ld solved\n",
            runs, loaded, too_big, solved);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sp_solve_options so;
    struct sp_problem *pb;
    sp_result *res = NULL;
    char err[2048] = "";
    size_t start = 0, i;
    int f = 0;
    enum sp_status st;

    if (runs++ == 0)
        atexit(report);
    sp_fuzz_dir();
    for (i = 0; i <= size && f < SP_FUZZ_NFILES; i++) {
        if (i < size && data[i] != '\f')
            continue;
        if (i > start)
            sp_fuzz_write(sp_fuzz_files[f], data + start, i - start);
        else
            sp_fuzz_remove(sp_fuzz_files[f]);
        f++;
        start = i + 1;
    }
    for (; f < SP_FUZZ_NFILES; f++)
        sp_fuzz_remove(sp_fuzz_files[f]);

    pb = sp_fuzz_load();
    if (!pb)
        return 0;
    loaded++;
    if (pb->nclients > MAX_CLIENTS || pb->nproducts > MAX_PRODUCTS ||
        pb->nscenarios > MAX_SCENARIOS) {
        too_big++;
        sp_problem_free(pb);
        return 0;
    }
    memset(&so, 0, sizeof(so));
    so.time_limit = TIME_LIMIT;
    st = sp_solve(pb, &so, &res, err, sizeof(err));
    if (st != SP_OK)
        sp_fuzz_fail("sp_solve on accepted input: %s: %s", sp_strerror(st),
                     err);
    sp_fuzz_write_outputs(res);
    solved++;
    sp_result_free(res);
    sp_problem_free(pb);
    return 0;
}
