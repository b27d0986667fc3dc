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
        n += res->scenarios[i].status == SP_PLAN_INFEASIBLE;
    return n;
}

double sp_result_baseline_total(const sp_result *res)
{
    return res->baseline->total;
}
