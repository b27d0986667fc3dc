/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Revenue and margin of a costed plan (docs/model.md "Revenue and
 * margin").  A report on a plan, never an input to choosing it: the
 * objective stays the total cost of ownership, so pricing cannot change
 * which plan is optimal.
 *
 * Revenue per client per month, steady state:
 *   hold (default): sum of today's invoiced price of c's mapped rows,
 *                   kept or not, + b x resale x (1 + price_change) for
 *                   each product c adopts that covers a category none of
 *                   its current products covers (a gap closed);
 *   list:           each current row the plan keeps at today's price x
 *                   (1 + price_change), each adopted product at
 *                   b x resale x (1 + price_change).
 * Today's price of a row is its monthly_price, else b x the resale price
 * (catalog resale_price, else price x (1 + markup)) before any price
 * change.  Margin = revenue - licence per month; the portfolio margin
 * also takes off the monthly vendor overhead (fees, admin labour,
 * min_commit shortfall), as monthly_run_rate counts it.
 */
#include <math.h>
#include <stdlib.h>
#include "core_int.h"

double sp_margin_resale(const struct sp_problem *pb,
                        const struct sp_settings *s, int p, double mult)
{
    const struct sp_product *pr = &pb->products[p];
    double base =
        pr->has_resale_price ? pr->resale_price : pr->price * (1 + s->markup);

    return base * mult;
}

double sp_margin_row_price(const struct sp_problem *pb,
                           const struct sp_settings *s, int h)
{
    const struct sp_holding *hd = &pb->holdings[h];

    if (hd->has_monthly_price)
        return hd->monthly_price;
    if (hd->product < 0)
        return 0.0; /* unmapped: no catalog price to default to */
    return sp_cost_billable(pb, hd->client, hd->product) *
           sp_margin_resale(pb, s, hd->product, 1.0);
}

/* Does p cover a category that none of client c's current mapped
 * products covers (a gap it closes)? */
static bool closes_gap(const struct sp_problem *pb, int c, int p)
{
    const struct sp_client *cl = &pb->clients[c];
    const struct sp_product *pr = &pb->products[p];
    int i, j;

    for (j = 0; j < pr->ncovers; j++) {
        bool today = false;
        for (i = 0; i < cl->nholdings && !today; i++) {
            int q = pb->holdings[cl->holdings[i]].product;
            today =
                q >= 0 && sp_product_covers(&pb->products[q], pr->covers[j]);
        }
        if (!today)
            return true;
    }
    return false;
}

double sp_margin_row_revenue(const struct sp_problem *pb,
                             const struct sp_settings *s,
                             const struct sp_plan *plan,
                             const struct sp_costing *k, int h)
{
    const struct sp_holding *hd = &pb->holdings[h];

    if (hd->product < 0)
        return 0.0; /* unmapped revenue is reported, never counted */
    if (s->pricing != SP_PRICING_LIST)
        return sp_margin_row_price(pb, s, h); /* held, kept or not */
    if (!sp_plan_has(plan, hd->client, hd->product))
        return 0.0;
    return sp_margin_row_price(pb, s, h) * k->multiplier[hd->product];
}

double sp_margin_adopted_revenue(const struct sp_problem *pb,
                                 const struct sp_settings *s,
                                 const struct sp_costing *k, int c, int p)
{
    if (s->pricing != SP_PRICING_LIST && !closes_gap(pb, c, p))
        return 0.0; /* included in the held price */
    return sp_cost_billable(pb, c, p) *
           sp_margin_resale(pb, s, p, k->multiplier[p]);
}

double sp_margin_client_revenue(const struct sp_problem *pb,
                                const struct sp_scenario *sc,
                                const struct sp_plan *plan,
                                const struct sp_costing *k, int c)
{
    const struct sp_settings *s = sc ? &sc->settings : &pb->settings;
    const struct sp_client *cl = &pb->clients[c];
    double revenue = 0.0;
    int i, p;

    for (i = 0; i < cl->nholdings; i++)
        revenue += sp_margin_row_revenue(pb, s, plan, k, cl->holdings[i]);
    for (p = 0; p < pb->nproducts; p++)
        if (sp_plan_has(plan, c, p) && sp_current_holding(pb, c, p) < 0)
            revenue += sp_margin_adopted_revenue(pb, s, k, c, p);
    return revenue;
}

void sp_margin_plan(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan, const struct sp_costing *k,
                    struct sp_margin *out)
{
    int c, h;

    out->revenue_monthly = 0.0;
    for (c = 0; c < pb->nclients; c++)
        out->revenue_monthly += sp_margin_client_revenue(pb, sc, plan, k, c);
    out->licence_monthly = k->monthly_licence;
    out->margin_monthly = out->revenue_monthly - out->licence_monthly;
    out->portfolio_margin_monthly = out->margin_monthly - k->monthly_overhead;
    out->unmapped_revenue_monthly = 0.0;
    for (h = 0; h < pb->nholdings; h++)
        if (pb->holdings[h].product < 0 && pb->holdings[h].has_monthly_price)
            out->unmapped_revenue_monthly += pb->holdings[h].monthly_price;
}

/* ---- the result's accessors ------------------------------------------- */

/* Scenario i's (or the baseline's) scenario, plan and costing; false
 * when it has none. */
static bool pick(const sp_result *res, int i, const struct sp_scenario **sc,
                 const struct sp_plan **plan, const struct sp_costing **k)
{
    const struct sp_scenario_result *r;

    if (i == SP_RESULT_BASELINE) {
        *sc = NULL;
        *plan = res->current;
        *k = res->baseline;
        return *plan && *k;
    }
    if (i < 0 || i >= res->nscenarios)
        return false;
    r = &res->scenarios[i];
    *sc = r->scenario;
    *plan = r->plan;
    *k = r->cost;
    return r->status != SP_PLAN_INFEASIBLE && *plan && *k;
}

int sp_result_margin(const sp_result *res, int i, struct sp_margin *out)
{
    const struct sp_scenario *sc;
    const struct sp_plan *plan;
    const struct sp_costing *k;

    if (!pick(res, i, &sc, &plan, &k)) {
        out->revenue_monthly = out->licence_monthly = NAN;
        out->margin_monthly = out->portfolio_margin_monthly = NAN;
        out->unmapped_revenue_monthly = NAN;
        return -1;
    }
    sp_margin_plan(res->problem, sc, plan, k, out);
    return 0;
}

double sp_result_client_revenue(const sp_result *res, int i, int c)
{
    const struct sp_scenario *sc;
    const struct sp_plan *plan;
    const struct sp_costing *k;

    if (c < 0 || c >= res->problem->nclients || !pick(res, i, &sc, &plan, &k))
        return NAN;
    return sp_margin_client_revenue(res->problem, sc, plan, k, c);
}

double sp_result_client_margin(const sp_result *res, int i, int c)
{
    const struct sp_scenario *sc;
    const struct sp_plan *plan;
    const struct sp_costing *k;

    if (c < 0 || c >= res->problem->nclients || !pick(res, i, &sc, &plan, &k))
        return NAN;
    return sp_margin_client_revenue(res->problem, sc, plan, k, c) -
           k->client_monthly[c];
}

int sp_result_lost_count(const sp_result *res, int i, int c)
{
    const struct sp_scenario *sc;
    const struct sp_plan *plan;
    const struct sp_costing *k;

    if (c < 0 || c >= res->problem->nclients || !pick(res, i, &sc, &plan, &k))
        return 0;
    return sp_plan_client_lost(res->problem, plan, c, NULL, 0);
}

const char *sp_result_lost(const sp_result *res, int i, int c, int k)
{
    const struct sp_problem *pb = res->problem;
    const struct sp_scenario *sc;
    const struct sp_plan *plan;
    const struct sp_costing *cost;
    int *cats, n, cat = -1;

    if (k < 0 || c < 0 || c >= pb->nclients ||
        !pick(res, i, &sc, &plan, &cost))
        return NULL;
    cats = malloc(((size_t)pb->ncategories + 1) * sizeof(int));
    if (!cats)
        return NULL;
    n = sp_plan_client_lost(pb, plan, c, cats, pb->ncategories);
    if (k < n)
        cat = cats[k];
    free(cats);
    return cat >= 0 ? pb->categories[cat] : NULL;
}
