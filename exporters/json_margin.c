/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The revenue, margin and capabilities parts of the --json results
 * (docs/json.md "Revenue and margin", "Capabilities lost"), for
 * exporters/json.c.  The figures come from model/core/margin.c and
 * model/core/pins.c; this file only writes them.
 */
#include <math.h>
#include <stdlib.h>
#include <cJSON.h>
#include "exporters_int.h"
#include "core_int.h"

static cJSON *money(double v)
{
    return isfinite(v) ? cJSON_CreateNumber(sp_round_money(v))
                       : cJSON_CreateNull();
}

cJSON *sp_json_margin(const struct sp_problem *pb,
                      const struct sp_scenario *sc, const struct sp_plan *plan,
                      const struct sp_costing *k)
{
    cJSON *obj, *out = NULL;
    struct sp_margin mg;

    if (!plan || !k)
        return cJSON_CreateNull();
    sp_margin_plan(pb, sc, plan, k, &mg);
    obj = cJSON_CreateObject();
    if (!obj ||
        !sp_json_put(obj, "revenue_monthly", money(mg.revenue_monthly)) ||
        !sp_json_put(obj, "licence_monthly", money(mg.licence_monthly)) ||
        !sp_json_put(obj, "margin_monthly", money(mg.margin_monthly)) ||
        !sp_json_put(obj, "portfolio_margin_monthly",
                     money(mg.portfolio_margin_monthly)))
        goto cleanup;
    out = obj;
    obj = NULL;
cleanup:
    cJSON_Delete(obj);
    return out;
}

double sp_json_unmapped_revenue(const struct sp_problem *pb)
{
    double sum = 0.0;
    int h;

    for (h = 0; h < pb->nholdings; h++)
        if (pb->holdings[h].product < 0 && pb->holdings[h].has_monthly_price)
            sum += pb->holdings[h].monthly_price;
    return sum;
}

bool sp_json_client_margin(cJSON *entry, const struct sp_problem *pb,
                           const struct sp_scenario *sc,
                           const struct sp_plan *plan,
                           const struct sp_costing *k, int c, bool lost)
{
    double revenue = sp_margin_client_revenue(pb, sc, plan, k, c);
    int *cats = NULL, n, i;
    cJSON *arr;
    bool good = false;

    if (lost) {
        cats = malloc(((size_t)pb->ncategories + 1) * sizeof(int));
        arr = cJSON_CreateArray();
        if (!cats || !sp_json_put(entry, "capabilities_lost", arr))
            goto cleanup;
        n = sp_plan_client_lost(pb, plan, c, cats, pb->ncategories);
        for (i = 0; i < n && i < pb->ncategories; i++) {
            cJSON *name = cJSON_CreateString(pb->categories[cats[i]]);
            if (!name || !cJSON_AddItemToArray(arr, name)) {
                cJSON_Delete(name);
                goto cleanup;
            }
        }
    }
    good = sp_json_put(entry, "revenue_monthly", money(revenue)) &&
           sp_json_put(entry, "margin_monthly",
                       money(revenue - k->client_monthly[c]));
cleanup:
    free(cats);
    return good;
}

cJSON *sp_json_baseline_clients(const struct sp_problem *pb,
                                const struct sp_plan *current,
                                const struct sp_costing *k)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *entry;
    int c;

    if (!arr)
        goto cleanup;
    for (c = 0; current && k && c < pb->nclients; c++) {
        entry = cJSON_CreateObject();
        if (!entry || !cJSON_AddItemToArray(arr, entry)) {
            cJSON_Delete(entry);
            goto cleanup;
        }
        if (!sp_json_put(entry, "client",
                         cJSON_CreateString(pb->clients[c].id)) ||
            !sp_json_client_margin(entry, pb, NULL, current, k, c, false))
            goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}
