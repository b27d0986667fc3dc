/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/brute_dir DIR: solves every scenario of a (tiny) data folder and
 * checks each optimum against enumeration — every assignment of
 * candidate products, each plan checked and costed by the independent
 * checker (model/core/verify.c, cost.c), the least kept.  Prints one line
 * a scenario; exits 0 when all agree to the cent, 1 when one does not, 2
 * when the folder cannot be read or is too big to enumerate (more than
 * 20 candidate pairs in a scenario).  Used by tests/test_generate.sh on
 * tiny books of every `stackplan generate` family.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

#define MAX_PAIRS 20

/* Is product p a candidate for client c (SPEC section 3)? */
static bool candidate(const struct sp_problem *pb,
                      const struct sp_scenario *sc, int c, int p)
{
    int n, i;
    const int *req =
        sp_client_requires(pb, &pb->clients[c], &sc->settings, &n);

    if (sp_current_holding(pb, c, p) >= 0)
        return true;
    for (i = 0; i < n; i++)
        if (sp_product_covers(&pb->products[p], req[i]))
            return true;
    return false;
}

/* Least cost over every assignment of candidate products; vendors kept =
 * those used plus the required ones (keeping more never lowers cost);
 * HUGE_VAL when no plan passes the checker; NAN when too many pairs. */
static double brute(const struct sp_problem *pb, const struct sp_scenario *sc)
{
    int pairs[MAX_PAIRS][2], npairs = 0, c, p, v, i;
    uint64_t mask, nmask;
    double best = HUGE_VAL;
    struct sp_plan *plan;
    char why[256];

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (candidate(pb, sc, c, p)) {
                if (npairs == MAX_PAIRS)
                    return NAN;
                pairs[npairs][0] = c;
                pairs[npairs][1] = p;
                npairs++;
            }
    plan = sp_plan_new(pb);
    nmask = (uint64_t)1 << npairs;
    for (mask = 0; mask < nmask; mask++) {
        struct sp_costing *k;
        memset(plan->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
        memset(plan->kept, 0, (size_t)pb->nvendors);
        for (i = 0; i < npairs; i++)
            if (mask >> i & 1) {
                plan->x[pairs[i][0] * pb->nproducts + pairs[i][1]] = 1;
                plan->kept[pb->products[pairs[i][1]].vendor] = 1;
            }
        for (v = 0; v < sc->nrequire_vendors; v++)
            plan->kept[sc->require_vendors[v]] = 1;
        if (!sp_verify_plan(pb, sc, plan, why, sizeof(why)))
            continue;
        k = sp_cost_plan(pb, sc, plan);
        if (k->total < best)
            best = k->total;
        sp_costing_free(k);
    }
    sp_plan_free(plan);
    return best;
}

int main(int argc, char **argv)
{
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    sp_diags *diags = sp_diags_new();
    char err[512];
    int i, bad = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: brute_dir DIR\n");
        return 2;
    }
    if (sp_problem_load(argv[1], NULL, &pb, diags) != SP_OK) {
        fprintf(stderr, "brute_dir: %s: cannot load\n", argv[1]);
        sp_diags_free(diags);
        return 2;
    }
    sp_diags_free(diags);
    if (sp_solve(pb, NULL, &res, err, sizeof(err)) != SP_OK) {
        fprintf(stderr, "brute_dir: solve: %s\n", err);
        sp_problem_free(pb);
        return 1;
    }
    for (i = 0; i < pb->nscenarios; i++) {
        double b = brute(pb, &pb->scenarios[i]);
        double mip = sp_result_total(res, i);
        const char *status = sp_result_status(res, i);
        int agree;

        if (isnan(b)) {
            fprintf(stderr,
                    "brute_dir: scenario '%s': more than %d "
                    "candidate pairs to enumerate\n",
                    pb->scenarios[i].name, MAX_PAIRS);
            bad = bad ? bad : 2;
            continue;
        }
        if (isinf(b))
            agree = strcmp(status, "infeasible") == 0;
        else
            agree = strcmp(status, "optimal") == 0 && fabs(mip - b) < 0.005;
        printf("%s: scenario '%s': enumeration %.2f, solve %.2f (%s)\n",
               agree ? "ok" : "MISMATCH", pb->scenarios[i].name, b, mip,
               status);
        if (!agree)
            bad = 1;
    }
    sp_result_free(res);
    sp_problem_free(pb);
    return bad;
}
