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

/* How many inputs loaded, were skipped (too big, or known16 below) and
 * were solved, shown at exit so that a run says how deep it went. */
static long runs, loaded, too_big, known, solved;

static void report(void)
{
    fprintf(stderr,
            "fuzz-solve: %ld inputs, %ld loaded, %ld skipped as too big, "
            "%ld skipped as known (#16), %ld solved\n",
            runs, loaded, too_big, known, solved);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * TODO(#16 hardening): inputs of the classes issue #16 lists, which the
 * readers still accept and the solver cannot take -- an id, vendor,
 * category or scenario name with a control character (GLPK aborts on
 * the row and column names) and numbers beyond the bounds the issue
 * asks for (money 1e12 a month, units 1e9, horizon 1200 months; GLPK
 * assertions, overflow to infinity).  The `harden` branch makes the
 * readers reject them; until it is merged they are skipped here so that
 * the target looks for other failures.  Delete this function once the
 * readers refuse these inputs (docs/fuzzing.md).
 */
#define KNOWN16_MONEY 1e12
#define KNOWN16_UNITS 1e9
#define KNOWN16_HORIZON 1200
#define KNOWN16_FRACTION 1e6

static bool has_control(const char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return true;
    return false;
}

static bool big(double v, double bound)
{
    return !(fabs(v) <= bound);
}

static bool known16_settings(const struct sp_settings *s)
{
    return big(s->horizon_months, KNOWN16_HORIZON) ||
           big(s->labor_rate, KNOWN16_MONEY) ||
           big(s->migration_hours_fixed, KNOWN16_UNITS) ||
           big(s->migration_hours_per_unit, KNOWN16_UNITS) ||
           big(s->markup, KNOWN16_FRACTION);
}

static bool known16(const struct sp_problem *pb)
{
    int i, u;

    for (i = 0; i < pb->ncategories; i++)
        if (has_control(pb->categories[i]))
            return true;
    for (i = 0; i < pb->nproducts; i++) {
        const struct sp_product *p = &pb->products[i];
        int t;
        if (has_control(p->id) || big(p->price, KNOWN16_MONEY) ||
            big(p->min_units, KNOWN16_UNITS) ||
            big(p->setup_fee, KNOWN16_MONEY) ||
            big(p->resale_price, KNOWN16_MONEY))
            return true;
        for (t = 0; t < p->ntiers; t++)
            if (big(p->tiers[t].min_units, KNOWN16_UNITS) ||
                big(p->tiers[t].price, KNOWN16_MONEY))
                return true;
    }
    for (i = 0; i < pb->nvendors; i++)
        if (has_control(pb->vendors[i].name) ||
            big(pb->vendors[i].monthly_fee, KNOWN16_MONEY) ||
            big(pb->vendors[i].admin_hours, KNOWN16_UNITS) ||
            big(pb->vendors[i].min_commit, KNOWN16_MONEY))
            return true;
    for (i = 0; i < pb->nclients; i++) {
        if (has_control(pb->clients[i].id))
            return true;
        for (u = 0; u < SP_UNIT_COUNT; u++)
            if (big(pb->clients[i].count[u], KNOWN16_UNITS))
                return true;
    }
    for (i = 0; i < pb->nholdings; i++)
        if (has_control(pb->holdings[i].product_id) ||
            big(pb->holdings[i].units, KNOWN16_UNITS) ||
            big(pb->holdings[i].monthly_cost, KNOWN16_MONEY) ||
            big(pb->holdings[i].termination_fee, KNOWN16_MONEY))
            return true;
    if (known16_settings(&pb->settings))
        return true;
    for (i = 0; i < pb->nscenarios; i++) {
        const struct sp_scenario *sc = &pb->scenarios[i];
        int k;
        if (has_control(sc->name) || known16_settings(&sc->settings))
            return true;
        for (k = 0; k < sc->nprice_changes; k++)
            if (big(sc->price_changes[k].fraction, KNOWN16_FRACTION))
                return true;
    }
    return false;
}

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
    if (known16(pb)) {
        known++;
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
