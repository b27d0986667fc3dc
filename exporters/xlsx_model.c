/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The model of a plan sheet: which rows the price table, the licence
 * lines and the vendor table hold, and the value of every formula, worked
 * out with the same arithmetic the formulas do so that the cached results
 * equal a recalculation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_book_int.h"

void sp_xplan_free(struct sp_xplan *o)
{
    free(o->prices);
    free(o->lines);
    free(o->line_start);
    free(o->line_migration);
    free(o->leaves);
    free(o->client_leave_first);
    free(o->client_nleaves);
    free(o->client_first);
    free(o->client_nlines);
    free(o->client_monthly);
    free(o->prod_first);
    free(o->prod_last);
    free(o->prod_tier);
    free(o->vendor_first);
    free(o->vendor_last);
    free(o->vendor_spend);
    free(o->vendor_oh_month);
    free(o->vendor_oh_total);
    memset(o, 0, sizeof(*o));
}

/* A kept row with a contracted monthly_cost keeps that price. */
static bool contract_priced(const struct sp_problem *pb, int c, int p)
{
    int h = sp_current_holding(pb, c, p);

    return h >= 0 && pb->holdings[h].has_monthly_cost;
}

static int *ints(size_t n)
{
    int *a = malloc((n ? n : 1) * sizeof(int));
    size_t i;

    if (a)
        for (i = 0; i < n; i++)
            a[i] = -1;
    return a;
}

static double *doubles(size_t n)
{
    return calloc(n ? n : 1, sizeof(double));
}

static bool alloc_model(struct sp_xplan *o, const struct sp_problem *pb,
                        const struct sp_plan *plan)
{
    size_t pairs = 0, nc = (size_t)pb->nclients, np = (size_t)pb->nproducts,
           nv = (size_t)pb->nvendors, i;

    for (i = 0; i < nc * np; i++)
        pairs += plan->x[i] != 0;
    /* at most one tier row per product plus one row per chosen pair */
    o->prices = calloc(pairs + np + 1, sizeof(*o->prices));
    o->lines = calloc(pairs + 1, sizeof(*o->lines));
    o->line_start = calloc(pairs + 1, sizeof(int));
    o->line_migration = doubles(pairs);
    o->leaves = calloc((size_t)pb->nholdings + 1, sizeof(*o->leaves));
    o->client_leave_first = ints(nc);
    o->client_nleaves = calloc(nc + 1, sizeof(int));
    o->client_first = ints(nc);
    o->client_nlines = ints(nc);
    o->client_monthly = doubles(nc);
    o->prod_first = ints(np);
    o->prod_last = ints(np);
    o->prod_tier = ints(np);
    o->vendor_first = ints(nv);
    o->vendor_last = ints(nv);
    o->vendor_spend = doubles(nv);
    o->vendor_oh_month = doubles(nv);
    o->vendor_oh_total = doubles(nv);
    return o->prices && o->lines && o->line_start && o->line_migration &&
           o->leaves && o->client_leave_first && o->client_nleaves &&
           o->client_first && o->client_nlines && o->client_monthly &&
           o->prod_first && o->prod_last && o->prod_tier && o->vendor_first &&
           o->vendor_last && o->vendor_spend && o->vendor_oh_month &&
           o->vendor_oh_total;
}

static void add_price_row(struct sp_xplan *o, int p, int c, int v)
{
    if (o->prod_first[p] < 0)
        o->prod_first[p] = o->nprices;
    o->prod_last[p] = o->nprices;
    if (o->vendor_first[v] < 0)
        o->vendor_first[v] = o->nprices;
    o->vendor_last[v] = o->nprices;
    if (c < 0)
        o->prod_tier[p] = o->nprices;
    o->prices[o->nprices].product = p;
    o->prices[o->nprices].client = c;
    o->nprices++;
}

/* Price rows grouped by vendor, then product: a vendor's and a product's
 * rows are contiguous, so their sums are plain SUM ranges. */
static void build_prices(struct sp_xplan *o, const struct sp_xplan_in *in)
{
    const struct sp_problem *pb = in->pb;
    int v, p, c;

    for (v = 0; v < pb->nvendors; v++) {
        for (p = 0; p < pb->nproducts; p++) {
            bool tier = false;
            double units = 0;
            if (pb->products[p].vendor != v)
                continue;
            for (c = 0; c < pb->nclients; c++) {
                if (!sp_plan_has(in->plan, c, p) || contract_priced(pb, c, p))
                    continue;
                tier = true;
                units += sp_cost_billable(pb, c, p);
            }
            if (tier) {
                struct sp_xprice_row *r = &o->prices[o->nprices];
                add_price_row(o, p, -1, v);
                r->units = units;
                r->price = in->cost->product_price[p];
                r->has_price = true;
                r->monthly = r->units * r->price;
            }
            for (c = 0; c < pb->nclients; c++) {
                struct sp_xprice_row *r = &o->prices[o->nprices];
                double amount;
                if (!sp_plan_has(in->plan, c, p) || !contract_priced(pb, c, p))
                    continue;
                add_price_row(o, p, c, v);
                amount = sp_cost_pair_monthly(pb, in->cost, c, p);
                r->units = sp_cost_billable(pb, c, p);
                r->has_price = r->units > 0;
                r->price = r->has_price ? amount / r->units : 0;
                r->monthly = r->has_price ? r->units * r->price : amount;
            }
        }
    }
}

static int contract_row(const struct sp_xplan *o, int c, int p)
{
    int i;

    for (i = o->prod_first[p]; i >= 0 && i <= o->prod_last[p]; i++)
        if (o->prices[i].client == c)
            return i;
    return -1;
}

static void build_lines(struct sp_xplan *o, const struct sp_xplan_in *in)
{
    const struct sp_problem *pb = in->pb;
    int c, p;

    for (c = 0; c < pb->nclients; c++) {
        o->client_first[c] = o->nlines;
        o->client_nlines[c] = 0;
        o->client_monthly[c] = 0;
        for (p = 0; p < pb->nproducts; p++) {
            struct sp_xline *l = &o->lines[o->nlines];
            const struct sp_xprice_row *r;
            int row;
            if (!sp_plan_has(in->plan, c, p))
                continue;
            row = contract_priced(pb, c, p) ? contract_row(o, c, p)
                                            : o->prod_tier[p];
            if (row < 0)
                continue; /* cannot happen: build_prices made it */
            r = &o->prices[row];
            l->client = c;
            l->product = p;
            l->price_row = row;
            l->units = sp_cost_billable(pb, c, p);
            l->has_price = r->has_price;
            l->price = r->price;
            /* a contract line refers to its row's monthly amount */
            l->monthly = r->client >= 0 ? r->monthly : l->units * l->price;
            if (in->before && sp_current_holding(pb, c, p) < 0) {
                o->line_start[o->nlines] =
                    sp_start_month(pb, in->settings, in->plan, c, p);
                o->line_migration[o->nlines] =
                    sp_cost_migration(pb, in->settings, c, p);
            }
            o->client_monthly[c] += l->monthly;
            o->client_nlines[c]++;
            o->nlines++;
        }
    }
}

/* What each product the plan leaves costs to leave, by sp_cost_leaving's
 * rules: a contract that ended by the start or a month-to-month row
 * nothing, a termination fee that fee, else its monthly cost for the
 * months to its contract end (capped at the horizon). */
static void build_leaves(struct sp_xplan *o, const struct sp_xplan_in *in)
{
    const struct sp_problem *pb = in->pb;
    const struct sp_settings *s = in->settings;
    struct sp_settings uncapped = *s;
    int c, p, h;

    uncapped.horizon_months = 1e9;
    for (c = 0; c < pb->nclients; c++) {
        o->client_leave_first[c] = o->nleaves;
        for (p = 0; in->before && p < pb->nproducts; p++) {
            struct sp_xleave *lv = &o->leaves[o->nleaves];
            const struct sp_holding *hd;
            double mult = in->cost->multiplier[p];
            h = sp_current_holding(pb, c, p);
            if (h < 0 || sp_plan_has(in->plan, c, p))
                continue;
            hd = &pb->holdings[h];
            lv->client = c;
            lv->product = p;
            lv->holding = h;
            if (hd->has_contract_end &&
                sp_date_cmp(&hd->contract_end, &s->start_date) <= 0) {
                lv->how = SP_LEAVE_ENDED;
            } else if (hd->has_termination_fee) {
                lv->how = SP_LEAVE_FEE;
                lv->cost = hd->termination_fee;
            } else if (!hd->has_contract_end) {
                lv->how = SP_LEAVE_MONTHLY;
            } else {
                lv->how = SP_LEAVE_RUN_OUT;
                lv->months_to_end = sp_run_months(pb, &uncapped, h);
                lv->months = sp_run_months(pb, s, h);
                lv->monthly = hd->has_monthly_cost
                                  ? hd->monthly_cost * mult
                                  : sp_cost_billable(pb, c, p) *
                                        pb->products[p].price * mult;
                lv->cost = lv->monthly * lv->months;
            }
            o->nleaves++;
            o->client_nleaves[c]++;
        }
    }
}

static void build_totals(struct sp_xplan *o, const struct sp_xplan_in *in)
{
    const struct sp_problem *pb = in->pb;
    const struct sp_costing *k = in->cost;
    double H = o->horizon;
    int c, v, i;

    for (c = 0; c < pb->nclients; c++) {
        double licence = o->client_monthly[c] * H - in->cost->client_delay[c];
        if (in->before)
            o->sum_now += in->before->client_monthly[c];
        o->sum_monthly += o->client_monthly[c];
        o->sum_licence += licence;
        if (in->before) {
            o->sum_migration += k->client_migration[c];
            o->sum_termination += k->client_termination[c];
            o->sum_client_total +=
                licence + k->client_migration[c] + k->client_termination[c];
        }
    }
    for (v = 0; v < pb->nvendors; v++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        double shortfall;
        if (!in->plan->kept[v])
            continue;
        for (i = o->vendor_first[v]; i >= 0 && i <= o->vendor_last[v]; i++)
            o->vendor_spend[v] += o->prices[i].monthly;
        shortfall = vd->min_commit - o->vendor_spend[v];
        if (shortfall < 0)
            shortfall = 0;
        o->vendor_oh_month[v] = vd->monthly_fee +
                                in->settings->labor_rate * vd->admin_hours +
                                shortfall;
        o->vendor_oh_total[v] = o->vendor_oh_month[v] * H;
        o->sum_oh_month += o->vendor_oh_month[v];
        o->sum_oh_total += o->vendor_oh_total[v];
    }
    o->top[SP_TOP_H] = H;
    o->top[SP_TOP_LICENCE] = o->sum_licence;
    o->top[SP_TOP_MIGRATION] = o->sum_migration;
    o->top[SP_TOP_TERMINATION] = o->sum_termination;
    o->top[SP_TOP_OVERHEAD] = o->sum_oh_total;
    o->top[SP_TOP_TOTAL] = o->sum_licence + o->sum_migration +
                           o->sum_termination + o->sum_oh_total;
    o->top[SP_TOP_RUNRATE] = o->sum_monthly + o->sum_oh_month;
    if (in->before) {
        o->top[SP_TOP_BASELINE] = in->before->total;
        o->top[SP_TOP_SAVINGS] = in->before->total - o->top[SP_TOP_TOTAL];
    }
}

static void layout(struct sp_xplan *o, const struct sp_problem *pb)
{
    /* the short tables first (they print); each table has a section
     * heading above its header and starts a printed page */
    o->price_hdr = SP_FIRST_TABLE_HDR;
    o->oh_hdr = o->price_hdr + (o->nprices ? o->nprices : 1) + 4;
    o->oh_total_row = o->oh_hdr + 1 + pb->nvendors;
    o->client_hdr = o->oh_total_row + 4;
    o->total_row = o->client_hdr + 1 + pb->nclients;
    o->lines_hdr = o->total_row + 4;
    o->leave_hdr = o->lines_hdr + (o->nlines ? o->nlines : 1) + 4;
    o->unmapped_hdr = o->leave_hdr;
    if (o->has_leave_table)
        o->unmapped_hdr += (o->nleaves ? o->nleaves : 1) + 4;
}

bool sp_xplan_model(struct sp_xplan *o, const struct sp_xplan_in *in)
{
    memset(o, 0, sizeof(*o));
    if (!alloc_model(o, in->pb, in->plan))
        return false;
    o->horizon = in->settings->horizon_months;
    build_prices(o, in);
    build_lines(o, in);
    build_leaves(o, in);
    o->has_leave_table = in->before != NULL;
    build_totals(o, in);
    layout(o, in->pb);
    return true;
}

/* ---- small shared helpers -------------------------------------------- */

void sp_xpercent_text(double multiplier, char *buf, size_t size)
{
    double pct = (multiplier - 1) * 100;

    if (fabs(pct) < 1e-9)
        snprintf(buf, size, "%s", "");
    else
        snprintf(buf, size, "%+.4g%%", pct);
}

void sp_xkept_names(const struct sp_problem *pb, const struct sp_plan *plan,
                    struct sp_xbuf *out)
{
    int v;

    for (v = 0; v < pb->nvendors; v++)
        if (plan->kept[v])
            sp_xbuf_item(out, ", ", pb->vendors[v].name);
}

bool sp_xpinned(const struct sp_scenario *sc, int c)
{
    int i;

    for (i = 0; sc && i < sc->nkeep_clients; i++)
        if (sc->keep_clients[i] == c)
            return true;
    return false;
}

void sp_xtier_text(const struct sp_problem *pb, const struct sp_costing *k,
                   int p, char *buf, size_t size)
{
    int t = k->product_tier[p];

    if (t < 0 || t >= pb->products[p].ntiers)
        snprintf(buf, size, "catalog");
    else
        snprintf(buf, size, "\xE2\x89\xA5 %.10g units",
                 pb->products[p].tiers[t].min_units);
}
