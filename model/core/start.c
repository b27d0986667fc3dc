/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * When a newly adopted product starts (docs/model.md "Switching at
 * renewal"): under "switch": "renewal" at d(c,p), the smallest r'_q over
 * the current products q that the plan leaves and that share a required
 * category with p; under "now" at month 0.  Read off the finished plan,
 * for the cost check and the schedule, never taken from the solver.
 */
#include "core_int.h"

/* Started months from start to end (section 3), never negative. */
static double months_between(const struct sp_date *start,
                             const struct sp_date *end)
{
    int m = (end->year - start->year) * 12 + (end->month - start->month);
    if (end->day > start->day)
        m++;
    return m > 0 ? (double)m : 0.0;
}

double sp_run_months(const struct sp_problem *pb, const struct sp_settings *s,
                     int h)
{
    const struct sp_holding *hd = &pb->holdings[h];
    double r;

    if (!hd->has_contract_end)
        return 0.0; /* month-to-month */
    r = months_between(&s->start_date, &hd->contract_end);
    return r < s->horizon_months ? r : s->horizon_months;
}

double sp_renewal_months(const struct sp_problem *pb,
                         const struct sp_settings *s, int h)
{
    if (pb->holdings[h].has_termination_fee)
        return 0.0; /* terminated at the start, paying the fee */
    return sp_run_months(pb, s, h);
}

/* Do products a and b both cover one of the categories req[0..n)? */
static bool share(const struct sp_product *a, const struct sp_product *b,
                  const int *req, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (sp_product_covers(a, req[i]) && sp_product_covers(b, req[i]))
            return true;
    return false;
}

int sp_start_month(const struct sp_problem *pb, const struct sp_settings *s,
                   const struct sp_plan *plan, int c, int p)
{
    const struct sp_client *cl = &pb->clients[c];
    const int *req;
    double d = -1.0, r;
    int i, n;

    if (!s->switch_renewal || !sp_plan_has(plan, c, p) ||
        sp_current_holding(pb, c, p) >= 0)
        return 0;
    req = sp_client_requires(pb, cl, s, &n);
    for (i = 0; i < cl->nholdings; i++) {
        const struct sp_holding *hd = &pb->holdings[cl->holdings[i]];
        if (hd->product < 0 || sp_plan_has(plan, c, hd->product) ||
            !share(&pb->products[p], &pb->products[hd->product], req, n))
            continue;
        r = sp_renewal_months(pb, s, cl->holdings[i]);
        if (d < 0.0 || r < d)
            d = r;
    }
    return d > 0.0 ? (int)d : 0;
}
