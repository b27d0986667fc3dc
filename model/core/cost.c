/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The cost rules of docs/model.md, applied to a finished plan.
 *
 * This is the independent checker: it shares no code with the GLPK model
 * builder (model/mip/formulate.c), so a mistake in one shows up as a
 * disagreement with the other instead of being repeated in both.  It
 * works from the assignment alone: the tier a product reaches is read off
 * the units actually chosen, never taken from the solver.
 */
#include <math.h>
#include <stdlib.h>
#include "core_int.h"

void sp_costing_free(struct sp_costing *k)
{
    if (!k)
        return;
    free(k->client_monthly);
    free(k->client_migration);
    free(k->client_termination);
    free(k->client_delay);
    free(k->product_units);
    free(k->product_tier);
    free(k->product_price);
    free(k->product_monthly);
    free(k->multiplier);
    free(k->vendor_monthly);
    free(k->vendor_overhead_monthly);
    free(k->vendor_shortfall_monthly);
    free(k);
}

double sp_tier_threshold(double min_units)
{
    return min_units - 1e-9 * fmax(1.0, min_units);
}

bool sp_tier_reached(double total, double min_units)
{
    return total >= sp_tier_threshold(min_units);
}

double sp_cost_billable(const struct sp_problem *pb, int c, int p)
{
    const struct sp_product *pr = &pb->products[p];
    int h = sp_current_holding(pb, c, p);
    double b;

    if (pr->unit == SP_UNIT_FLAT)
        return 1.0;
    if (h >= 0 && pb->holdings[h].has_units)
        b = pb->holdings[h].units;
    else
        b = pb->clients[c].count[pr->unit];
    return b > pr->min_units ? b : pr->min_units;
}

/* 1 + the price change that applies to p: a product key wins over a
 * vendor key. */
static double multiplier(const struct sp_problem *pb,
                         const struct sp_scenario *sc, int p)
{
    double vendor_f = 0.0;
    int i;

    if (!sc)
        return 1.0;
    for (i = 0; i < sc->nprice_changes; i++) {
        const struct sp_price_change *pc = &sc->price_changes[i];
        if (!pc->is_vendor && pc->index == p)
            return 1.0 + pc->fraction;
        if (pc->is_vendor && pc->index == pb->products[p].vendor)
            vendor_f = pc->fraction;
    }
    return 1.0 + vendor_f;
}

/* Started months from start to end: (ey-sy)*12 + (em-sm), plus one when
 * the end day is past the start day. */
static double months_between(const struct sp_date *start,
                             const struct sp_date *end)
{
    int m = (end->year - start->year) * 12 + (end->month - start->month);
    if (end->day > start->day)
        m++;
    return m > 0 ? (double)m : 0.0;
}

double sp_cost_pair_monthly(const struct sp_problem *pb,
                            const struct sp_costing *k, int c, int p)
{
    int h = sp_current_holding(pb, c, p);

    if (h >= 0 && pb->holdings[h].has_monthly_cost)
        return pb->holdings[h].monthly_cost * k->multiplier[p];
    return sp_cost_billable(pb, c, p) * k->product_price[p];
}

static double migration_cost(const struct sp_problem *pb,
                             const struct sp_settings *s, int c, int p)
{
    const struct sp_product *pr = &pb->products[p];
    double n = pr->unit == SP_UNIT_FLAT ? 1.0 : pb->clients[c].count[pr->unit];

    return pr->setup_fee + s->labor_rate * (s->migration_hours_fixed +
                                            s->migration_hours_per_unit * n);
}

double sp_cost_migration(const struct sp_problem *pb,
                         const struct sp_settings *s, int c, int p)
{
    return migration_cost(pb, s, c, p);
}

double sp_cost_leaving(const struct sp_problem *pb,
                       const struct sp_settings *s, double mult, int h)
{
    const struct sp_holding *hd = &pb->holdings[h];
    double monthly, months;

    if (hd->has_contract_end &&
        sp_date_cmp(&hd->contract_end, &s->start_date) <= 0)
        return 0.0;
    if (hd->has_termination_fee)
        return hd->termination_fee;
    if (!hd->has_contract_end)
        return 0.0; /* month-to-month: nothing left to pay */
    monthly = hd->has_monthly_cost
                  ? hd->monthly_cost * mult
                  : sp_cost_billable(pb, hd->client, hd->product) *
                        pb->products[hd->product].price * mult;
    months = months_between(&s->start_date, &hd->contract_end);
    if (months > s->horizon_months)
        months = s->horizon_months;
    return monthly * months;
}

#define ALLOC(field, n, type)                                                 \
    do {                                                                      \
        k->field = calloc((size_t)(n) + 1, sizeof(type));                     \
        if (!k->field)                                                        \
            goto fail;                                                        \
    } while (0)

struct sp_costing *sp_cost_plan(const struct sp_problem *pb,
                                const struct sp_scenario *sc,
                                const struct sp_plan *plan)
{
    const struct sp_settings *s = sc ? &sc->settings : &pb->settings;
    struct sp_costing *k = calloc(1, sizeof(*k));
    double H = s->horizon_months;
    int c, p, v, t, h;

    if (!k)
        return NULL;
    ALLOC(client_monthly, pb->nclients, double);
    ALLOC(client_migration, pb->nclients, double);
    ALLOC(client_termination, pb->nclients, double);
    ALLOC(client_delay, pb->nclients, double);
    ALLOC(product_units, pb->nproducts, double);
    ALLOC(product_tier, pb->nproducts, int);
    ALLOC(product_price, pb->nproducts, double);
    ALLOC(product_monthly, pb->nproducts, double);
    ALLOC(multiplier, pb->nproducts, double);
    ALLOC(vendor_monthly, pb->nvendors, double);
    ALLOC(vendor_overhead_monthly, pb->nvendors, double);
    ALLOC(vendor_shortfall_monthly, pb->nvendors, double);
    k->horizon = H;

    /* Units per product decide the tier, contract-priced rows included. */
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(plan, c, p))
                k->product_units[p] += sp_cost_billable(pb, c, p);
    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pr = &pb->products[p];
        double price = pr->price;
        k->multiplier[p] = multiplier(pb, sc, p);
        k->product_tier[p] = -1;
        /* Tiers ascend: the last one reached sets the price of every
         * unit (all-units pricing). */
        for (t = 0; t < pr->ntiers; t++)
            if (sp_tier_reached(k->product_units[p], pr->tiers[t].min_units)) {
                price = pr->tiers[t].price;
                k->product_tier[p] = t;
            }
        k->product_price[p] = price * k->multiplier[p];
    }

    for (c = 0; c < pb->nclients; c++) {
        for (p = 0; p < pb->nproducts; p++) {
            h = sp_current_holding(pb, c, p);
            if (sp_plan_has(plan, c, p)) {
                double m = sp_cost_pair_monthly(pb, k, c, p);
                k->client_monthly[c] += m;
                k->product_monthly[p] += m;
                k->vendor_monthly[pb->products[p].vendor] += m;
                if (h < 0) {
                    k->client_migration[c] += migration_cost(pb, s, c, p);
                    k->client_delay[c] +=
                        m * (double)sp_start_month(pb, s, plan, c, p);
                }
            } else if (h >= 0) {
                k->client_termination[c] +=
                    sp_cost_leaving(pb, s, k->multiplier[p], h);
            }
        }
        k->monthly_licence += k->client_monthly[c];
        k->migration += k->client_migration[c];
        k->termination += k->client_termination[c];
        k->delay_saving += k->client_delay[c];
        k->nuncovered += sp_plan_client_gaps(pb, s, plan, c, NULL, 0);
    }

    for (v = 0; v < pb->nvendors; v++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        double short_m;
        if (!plan->kept[v])
            continue;
        k->vendor_overhead_monthly[v] =
            vd->monthly_fee + s->labor_rate * vd->admin_hours;
        short_m = vd->min_commit - k->vendor_monthly[v];
        k->vendor_shortfall_monthly[v] = short_m > 0 ? short_m : 0.0;
        k->monthly_overhead +=
            k->vendor_overhead_monthly[v] + k->vendor_shortfall_monthly[v];
    }

    k->licence = H * k->monthly_licence - k->delay_saving;
    k->vendor_overhead = H * k->monthly_overhead;
    k->total = k->licence + k->migration + k->termination + k->vendor_overhead;
    k->monthly_run_rate = k->monthly_licence + k->monthly_overhead;
    return k;

fail:
    sp_costing_free(k);
    return NULL;
}
