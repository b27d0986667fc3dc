/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Feasibility of a finished plan, checked from the scenario's own words
 * rather than from the model's rows, so a missing or wrong row in
 * model/mip/formulate.c cannot hide here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "core_int.h"

bool sp_verify_plan(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan, char *err, size_t errsize)
{
    int c, p, v, kept = 0, missing[1];

    for (c = 0; c < pb->nclients; c++) {
        const struct sp_client *cl = &pb->clients[c];
        bool pinned = sp_in_list(sc->keep_clients, sc->nkeep_clients, c);
        for (p = 0; p < pb->nproducts; p++) {
            const struct sp_product *pr = &pb->products[p];
            bool has = sp_plan_has(plan, c, p);
            bool current = sp_current_holding(pb, c, p) >= 0;
            const char *why = NULL;
            if (pinned && has != current) {
                snprintf(err, errsize,
                         "client %s is pinned but its plan %s %s", cl->id,
                         has ? "adds" : "drops", pr->id);
                return false;
            }
            /* essential, keep_products, keep_client_products */
            if (!has && sp_scenario_pins(pb, sc, c, p, &why)) {
                snprintf(err, errsize, "client %s must keep %s (%s)", cl->id,
                         pr->id, why);
                return false;
            }
            if (!has)
                continue;
            if (!plan->kept[pr->vendor]) {
                snprintf(err, errsize,
                         "client %s uses %s but vendor %s is not kept", cl->id,
                         pr->id, pb->vendors[pr->vendor].name);
                return false;
            }
            if (sp_in_list(sc->exclude_products, sc->nexclude_products, p) ||
                sp_in_list(sc->exclude_vendors, sc->nexclude_vendors,
                           pr->vendor)) {
                snprintf(err, errsize, "client %s uses excluded product %s",
                         cl->id, pr->id);
                return false;
            }
        }
        if (!pinned &&
            sp_plan_client_gaps(pb, &sc->settings, plan, c, missing, 1)) {
            snprintf(err, errsize, "client %s does not cover '%s'", cl->id,
                     pb->categories[missing[0]]);
            return false;
        }
        if (!pinned && !sp_verify_compliance(pb, sc, plan, c, err, errsize))
            return false;
    }
    for (v = 0; v < pb->nvendors; v++) {
        kept += plan->kept[v];
        if (!plan->kept[v] &&
            sp_in_list(sc->require_vendors, sc->nrequire_vendors, v)) {
            snprintf(err, errsize, "required vendor %s is not kept",
                     pb->vendors[v].name);
            return false;
        }
    }
    if (sc->max_vendors >= 0 && kept > sc->max_vendors) {
        snprintf(err, errsize, "%d vendors kept, max_vendors is %d", kept,
                 sc->max_vendors);
        return false;
    }
    return true;
}

enum sp_status sp_verify_schedule(const struct sp_problem *pb,
                                  const struct sp_scenario *sc,
                                  const struct sp_plan *plan,
                                  const struct sp_costing *cost, char *err,
                                  size_t errsize)
{
    struct sp_schedule *k = sp_schedule_new(pb, sc, plan, cost, NULL);
    double sum = 0.0;
    int m;

    if (!k)
        return SP_ERR_NOMEM;
    /* the months are built from the plan by other rules than the total
     * (month by month, leaving costs spread over their months) */
    for (m = 0; m < k->nmonths; m++)
        sum += k->cash_flow[m];
    sp_schedule_free(k);
    if (fabs(sum - cost->total) > 1e-6 * fmax(1.0, fabs(cost->total))) {
        snprintf(err, errsize,
                 "the cash flow sums to %.6f but the plan costs %.6f", sum,
                 cost->total);
        return SP_ERR_VERIFY;
    }
    return SP_OK;
}
