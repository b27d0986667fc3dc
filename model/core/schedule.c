/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A plan's migration schedule, month-by-month cash flow and payback
 * (docs/model.md "Schedule and payback"), read off the finished plan
 * and its costing, under both switch modes.
 *
 * Month m (0-based) pays: the licence of every product active in it (a
 * kept current product every month; a new one from its start month d; a
 * left product without a termination fee for its r_q remaining months,
 * which is its leaving cost spread over them), the vendor overhead and
 * min_commit shortfall every month, a termination fee at month 0, and a
 * migration cost in its product's start month (the last month when the
 * product starts at H).  The months sum to the costing's total.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"
#include "stackplan/solve.h"

void sp_schedule_free(struct sp_schedule *self)
{
    if (!self)
        return;
    free(self->starts);
    free(self->events);
    free(self->cash_flow);
    free(self->baseline_flow);
    free(self);
}

/* Order of events within a month: what ends before what starts. */
static int action_rank(enum sp_action a)
{
    return a == SP_ACTION_ADOPT ? 1 : 0;
}

static int cmp_event(const void *pa, const void *pb)
{
    const struct sp_event *a = pa, *b = pb;

    if (a->month != b->month)
        return a->month < b->month ? -1 : 1;
    if (a->client != b->client)
        return a->client < b->client ? -1 : 1;
    if (action_rank(a->action) != action_rank(b->action))
        return action_rank(a->action) < action_rank(b->action) ? -1 : 1;
    if (a->product != b->product)
        return a->product < b->product ? -1 : 1;
    return 0;
}

const char *sp_action_name(enum sp_action a)
{
    switch (a) {
    case SP_ACTION_ADOPT:
        return "adopt";
    case SP_ACTION_RUN_OUT:
        return "run_out";
    case SP_ACTION_TERMINATE:
        return "terminate";
    case SP_ACTION_ENDED:
        return "ended";
    }
    return "ended";
}

static void add_event(struct sp_schedule *k, const struct sp_settings *s,
                      int month, int c, int p, enum sp_action a, double cost)
{
    struct sp_event *e = &k->events[k->nevents++];

    e->month = month;
    e->date = sp_date_add_months(&s->start_date, month);
    e->client = c;
    e->product = p;
    e->action = a;
    e->one_time_cost = cost;
}

/* Adds amount to every month in [from, to). */
static void spread(double *flow, int from, int to, double amount)
{
    int m;

    for (m = from; m < to; m++)
        flow[m] += amount;
}

/* payback_months: the first month m (1-based) from which the cumulative
 * baseline minus the cumulative plan is >= 0 through the horizon; 0 when
 * none.  A hair below zero (1e-9 of the totals) is summation noise. */
static int payback(const struct sp_schedule *k)
{
    double cb = 0.0, cp = 0.0, tol;
    int m, first = 0;

    for (m = 0; m < k->nmonths; m++) {
        cb += k->baseline_flow[m];
        cp += k->cash_flow[m];
    }
    tol = 1e-9 * fmax(1.0, fmax(fabs(cb), fabs(cp)));
    cb = cp = 0.0;
    for (m = 0; m < k->nmonths; m++) {
        cb += k->baseline_flow[m];
        cp += k->cash_flow[m];
        if (cb - cp >= -tol) {
            if (!first)
                first = m + 1;
        } else {
            first = 0;
        }
    }
    return first;
}

struct sp_schedule *sp_schedule_new(const struct sp_problem *pb,
                                    const struct sp_scenario *sc,
                                    const struct sp_plan *plan,
                                    const struct sp_costing *cost,
                                    const struct sp_costing *baseline)
{
    const struct sp_settings *s = sc ? &sc->settings : &pb->settings;
    struct sp_schedule *k = calloc(1, sizeof(*k));
    int H = (int)s->horizon_months, c, p, h, d, nevents = 0, nstarts = 0;

    if (!k)
        return NULL;
    k->nmonths = H;
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++) {
            bool has = sp_plan_has(plan, c, p);
            h = sp_current_holding(pb, c, p);
            nstarts += has && h < 0;
            nevents += (has && h < 0) || (!has && h >= 0);
        }
    k->starts = calloc((size_t)nstarts + 1, sizeof(*k->starts));
    k->events = calloc((size_t)nevents + 1, sizeof(*k->events));
    k->cash_flow = calloc((size_t)H + 1, sizeof(double));
    k->baseline_flow = calloc((size_t)H + 1, sizeof(double));
    if (!k->starts || !k->events || !k->cash_flow || !k->baseline_flow) {
        sp_schedule_free(k);
        return NULL;
    }

    for (c = 0; c < pb->nclients; c++) {
        for (p = 0; p < pb->nproducts; p++) {
            bool has = sp_plan_has(plan, c, p);
            h = sp_current_holding(pb, c, p);
            if (has && h >= 0) {
                spread(k->cash_flow, 0, H,
                       sp_cost_pair_monthly(pb, cost, c, p));
            } else if (has) {
                double g = sp_cost_migration(pb, s, c, p);
                struct sp_start *st = &k->starts[k->nstarts++];
                d = sp_start_month(pb, s, plan, c, p);
                st->client = c;
                st->product = p;
                st->month = d;
                st->date = sp_date_add_months(&s->start_date, d);
                spread(k->cash_flow, d, H,
                       sp_cost_pair_monthly(pb, cost, c, p));
                k->cash_flow[d < H ? d : H - 1] += g;
                add_event(k, s, d, c, p, SP_ACTION_ADOPT, g);
            } else if (h >= 0) {
                const struct sp_holding *hd = &pb->holdings[h];
                double leave = sp_cost_leaving(pb, s, cost->multiplier[p], h);
                int r = (int)sp_run_months(pb, s, h);
                if (hd->has_contract_end &&
                    sp_date_cmp(&hd->contract_end, &s->start_date) <= 0) {
                    add_event(k, s, 0, c, p, SP_ACTION_ENDED, 0.0);
                } else if (hd->has_termination_fee) {
                    k->cash_flow[0] += leave;
                    add_event(k, s, 0, c, p, SP_ACTION_TERMINATE, leave);
                } else if (r <= 0) {
                    add_event(k, s, 0, c, p, SP_ACTION_ENDED, 0.0);
                } else {
                    /* paid month by month until it runs out */
                    spread(k->cash_flow, 0, r, leave / (double)r);
                    add_event(k, s, r, c, p, SP_ACTION_RUN_OUT, 0.0);
                }
            }
        }
    }
    spread(k->cash_flow, 0, H, cost->monthly_overhead);
    if (baseline)
        spread(k->baseline_flow, 0, H, baseline->total / (double)H);
    qsort(k->events, (size_t)k->nevents, sizeof(*k->events), cmp_event);
    k->payback_months = baseline ? payback(k) : 0;
    return k;
}

int sp_schedule_start(const struct sp_schedule *k, int c, int p)
{
    int i;

    for (i = 0; i < k->nstarts; i++)
        if (k->starts[i].client == c && k->starts[i].product == p)
            return i;
    return -1;
}

/* ---- the public accessors (include/stackplan/solve.h) ----------------- */

/* Scenario i's schedule, or NULL without a plan or memory. */
static struct sp_schedule *result_schedule(const sp_result *res, int i)
{
    const struct sp_scenario_result *r;

    if (!res || i < 0 || i >= res->nscenarios)
        return NULL;
    r = &res->scenarios[i];
    if (!r->plan || !r->cost)
        return NULL;
    return sp_schedule_new(res->problem, r->scenario, r->plan, r->cost,
                           r->baseline);
}

int sp_result_switch_renewal(const sp_result *res, int i)
{
    if (!res || i < 0 || i >= res->nscenarios)
        return 0;
    return res->scenarios[i].scenario->settings.switch_renewal ? 1 : 0;
}

int sp_result_payback_months(const sp_result *res, int i)
{
    struct sp_schedule *k = result_schedule(res, i);
    int m = k ? k->payback_months : 0;

    sp_schedule_free(k);
    return m;
}

int sp_result_start_month(const sp_result *res, int i, int c,
                          const char *product)
{
    const struct sp_problem *pb = res ? res->problem : NULL;
    const struct sp_scenario_result *r;
    int p;

    if (!pb || i < 0 || i >= res->nscenarios || c < 0 || c >= pb->nclients ||
        !product)
        return -1;
    r = &res->scenarios[i];
    p = sp_problem_find_product(pb, product);
    if (!r->plan || p < 0 || !sp_plan_has(r->plan, c, p) ||
        sp_current_holding(pb, c, p) >= 0)
        return -1;
    return sp_start_month(pb, &r->scenario->settings, r->plan, c, p);
}

double sp_result_cash_flow(const sp_result *res, int i, int month)
{
    struct sp_schedule *k = result_schedule(res, i);
    double v = NAN;

    if (k && month >= 0 && month < k->nmonths)
        v = k->cash_flow[month];
    sp_schedule_free(k);
    return v;
}
