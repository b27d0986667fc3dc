/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The result's lifetime and the accessors the CLI uses. */
#include <math.h>
#include <stdlib.h>
#include "core_int.h"

void sp_result_free(sp_result *res)
{
    int i;

    if (!res)
        return;
    for (i = 0; i < res->nscenarios; i++)
        sp_scenario_result_clear(&res->scenarios[i]);
    free(res->scenarios);
    sp_plan_free(res->current);
    sp_costing_free(res->baseline);
    free(res);
}

int sp_result_count(const sp_result *res)
{
    return res->nscenarios;
}

const char *sp_result_name(const sp_result *res, int i)
{
    return res->scenarios[i].scenario->name;
}

const char *sp_result_status(const sp_result *res, int i)
{
    return sp_plan_status_name(res->scenarios[i].status);
}

double sp_result_total(const sp_result *res, int i)
{
    return res->scenarios[i].cost ? res->scenarios[i].cost->total : NAN;
}

const char *sp_result_reason(const sp_result *res, int i)
{
    return res->scenarios[i].reason;
}

int sp_result_infeasible(const sp_result *res)
{
    int i, n = 0;

    for (i = 0; i < res->nscenarios; i++)
        n += res->scenarios[i].status == SP_PLAN_INFEASIBLE ||
             !res->scenarios[i].plan;
    return n;
}

double sp_result_baseline_total(const sp_result *res)
{
    return res->baseline->total;
}

/* ---- the plans, for C callers that do not read the JSON ---------------- */

double sp_result_savings(const sp_result *res, int i)
{
    const struct sp_scenario_result *r = &res->scenarios[i];

    return r->cost && r->baseline ? r->baseline->total - r->cost->total : NAN;
}

double sp_result_run_rate(const sp_result *res, int i)
{
    const struct sp_scenario_result *r = &res->scenarios[i];

    return r->cost ? r->cost->monthly_run_rate : NAN;
}

/* The k-th index set in flags[0..n), or -1. */
static int nth_set(const unsigned char *flags, int n, int k)
{
    int j;

    for (j = 0; j < n && k >= 0; j++)
        if (flags[j] && k-- == 0)
            return j;
    return -1;
}

static int count_set(const unsigned char *flags, int n)
{
    int j, count = 0;

    for (j = 0; j < n; j++)
        count += flags[j] != 0;
    return count;
}

int sp_result_vendor_count(const sp_result *res, int i)
{
    const struct sp_plan *pl = res->scenarios[i].plan;

    return pl ? count_set(pl->kept, pl->nvendors) : 0;
}

const char *sp_result_vendor(const sp_result *res, int i, int k)
{
    const struct sp_plan *pl = res->scenarios[i].plan;
    int v = pl ? nth_set(pl->kept, pl->nvendors, k) : -1;

    return v >= 0 ? res->problem->vendors[v].name : NULL;
}

int sp_result_client_count(const sp_result *res)
{
    return res->problem->nclients;
}

const char *sp_result_client(const sp_result *res, int c)
{
    return c >= 0 && c < res->problem->nclients ? res->problem->clients[c].id
                                                : NULL;
}

int sp_result_product_count(const sp_result *res, int i, int c)
{
    const struct sp_plan *pl = res->scenarios[i].plan;

    if (!pl || c < 0 || c >= pl->nclients)
        return 0;
    return count_set(pl->x + (size_t)c * (size_t)pl->nproducts, pl->nproducts);
}

const char *sp_result_product(const sp_result *res, int i, int c, int k)
{
    const struct sp_plan *pl = res->scenarios[i].plan;
    int p;

    if (!pl || c < 0 || c >= pl->nclients)
        return NULL;
    p = nth_set(pl->x + (size_t)c * (size_t)pl->nproducts, pl->nproducts, k);
    return p >= 0 ? res->problem->products[p].id : NULL;
}
