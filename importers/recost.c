/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stackplan recost: the plans of a solve's JSON, unchanged, costed on the
 * data as it is now (new prices, tiers, a new horizon or labour rate in
 * the scenarios file).  The plan file is read by importers/results.c, as
 * for merge, but its data digest is not compared: changed data is the
 * point.  Each plan must still satisfy its scenario (sp_verify_plan) and
 * is costed by the model's own rules (sp_cost_plan), as is the current
 * stack under the same settings, so the savings are against the baseline
 * on the new data.
 */
#include <stdio.h>
#include <string.h>
#include "importers_int.h"

enum sp_status sp_result_recost(const char *plan_path, const char *dir,
                                const struct sp_load_options *load,
                                sp_problem **problem, sp_result **out,
                                sp_diags *diags, char *err, size_t errsize)
{
    struct sp_problem *pb = NULL;
    struct sp_result *res = NULL;
    enum sp_status st;

    *problem = NULL;
    *out = NULL;
    if (err && errsize)
        err[0] = '\0';
    if (!plan_path || !dir) {
        snprintf(err, errsize, "recost: no plan file or data folder");
        return SP_ERR_USAGE;
    }
    st = sp_problem_load(dir, load, &pb, diags);
    if (st != SP_OK) {
        /* the diagnostics say what is wrong with the data */
        return st == SP_ERR_IO ? SP_ERR_INPUT : st;
    }
    st = sp_results_read_plans(plan_path, pb, &res, err, errsize);
    if (st != SP_OK) {
        sp_problem_free(pb);
        return st;
    }
    res->recosted = true;
    *problem = pb;
    *out = res;
    return SP_OK;
}
