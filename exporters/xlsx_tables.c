/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The tables below a plan sheet's client table: effective prices (the
 * what-if inputs), vendor overhead, licence lines and, on the Baseline
 * sheet, the unmapped inventory rows.
 */
#include <stdio.h>
#include <string.h>
#include "xlsx_book_int.h"

/* Formulas name columns by letter: E/J in the price table are
 * SP_PT_UNITS/SP_PT_PRICE; C, E, F, G, H, I, J in the overhead table are
 * fee, labour, commit, spend, shortfall, month, total; E/F in the lines
 * are units and price. */

static void headers(struct sp_xsheet *s, int row, const char *const *names,
                    int n)
{
    int i;

    for (i = 0; i < n; i++)
        sp_xs_str(s, row, i, names[i], s->fmt->header);
}

static void write_price_row(struct sp_xsheet *s, const struct sp_xplan *o,
                            const struct sp_xplan_in *in, int i)
{
    const struct sp_problem *pb = in->pb;
    const struct sp_xprice_row *r = &o->prices[i];
    const struct sp_product *pd = &pb->products[r->product];
    const struct sp_xfmt *f = s->fmt;
    int row = sp_xplan_price_row(o, i);
    char text[64];

    sp_xs_str(s, row, SP_PT_VENDOR, pb->vendors[pd->vendor].name, NULL);
    sp_xs_str(s, row, SP_PT_PRODUCT, pd->id, NULL);
    double mult = in->cost->multiplier[r->product];
    int tier = in->cost->product_tier[r->product];
    char base[300], chg[300], cell[300], u[300];

    sp_xs_num(s, row, SP_PT_UNITS, r->units, f->number);
    /* the base price and the change come from the Prices sheet; a
     * contract's base is its contracted amount, fixed as solved */
    if (r->client < 0 && tier >= 0)
        sp_xprices_ref(in->px, in->px->tier_row[r->product] + tier,
                       PX_PRICE_COL, base);
    else
        sp_xprices_ref(in->px, in->px->catalog_row[r->product], PX_PRICE_COL,
                       base);
    sp_xs_formulaf(s, row, SP_PT_CATALOG, f->price,
                   r->client < 0 && tier >= 0 ? pd->tiers[tier].price
                                              : pd->price,
                   "=%s", base);
    if (sp_xprices_change(in->px, in->slot, r->product, chg))
        sp_xs_formulaf(s, row, SP_PT_CHANGE, f->percent, mult - 1, "=%s", chg);
    else
        sp_xs_num(s, row, SP_PT_CHANGE, 0, f->percent);
    sp_xref(cell, NULL, row, SP_PT_CATALOG, false);
    sp_xref(chg, NULL, row, SP_PT_CHANGE, false);
    sp_xref(u, NULL, row, SP_PT_UNITS, false);
    if (r->client < 0) {
        sp_xtier_text(pb, in->cost, r->product, text, sizeof(text));
        sp_xs_str(s, row, SP_PT_BASIS,
                  in->cost->product_tier[r->product] < 0 ? "catalog"
                                                         : "volume tier",
                  NULL);
        sp_xs_str(s, row, SP_PT_TIER, text, NULL);
        sp_xs_num(s, row, SP_PT_TOTAL_UNITS,
                  in->cost->product_units[r->product], f->number);
    } else {
        sp_xs_str(s, row, SP_PT_BASIS, "contract", NULL);
        sp_xs_str(s, row, SP_PT_CLIENT, pb->clients[r->client].id, NULL);
    }
    if (r->client < 0) {
        sp_xs_formulaf(s, row, SP_PT_PRICE, f->price, r->price, "=%s*(1+%s)",
                       cell, chg);
        sp_xs_formulaf(s, row, SP_PT_MONTHLY, f->money, r->monthly, "=E%d*J%d",
                       row + 1, row + 1);
        return;
    }
    /* a contract: its amount as solved (before the change) x (1 + change) */
    {
        double amount = mult != 0 ? r->monthly / mult : 0;
        if (r->has_price) {
            sp_xs_formulaf(s, row, SP_PT_PRICE, f->price, r->price,
                           "=%.15g*(1+%s)/%s", amount, chg, u);
            sp_xs_formulaf(s, row, SP_PT_MONTHLY, f->money, r->monthly,
                           "=E%d*J%d", row + 1, row + 1);
        } else {
            sp_xs_formulaf(s, row, SP_PT_MONTHLY, f->money, r->monthly,
                           "=%.15g*(1+%s)", amount, chg);
        }
    }
}

void sp_xplan_write_prices(struct sp_xsheet *s, const struct sp_xplan *o,
                           const struct sp_xplan_in *in)
{
    static const char *const names[] = {"Vendor",
                                        "Product",
                                        "Basis",
                                        "Client (contract)",
                                        "Billable units",
                                        "Tier reached",
                                        "Product units, all clients",
                                        "Base price (Prices sheet)",
                                        "Price change",
                                        "Effective unit price / month",
                                        "Monthly licence"};
    int i;

    sp_xs_label(s, o->price_hdr - 1, 0,
                "Effective prices (base price from the Prices sheet x (1 + "
                "price change); a contract row keeps its contracted amount, "
                "shown per unit)",
                s->fmt->section);
    headers(s, o->price_hdr, names, (int)(sizeof(names) / sizeof(*names)));
    for (i = 0; i < o->nprices; i++)
        write_price_row(s, o, in, i);
    if (o->nprices == 0)
        sp_xs_label(s, o->price_hdr + 1, 0, "No product is chosen.",
                    s->fmt->note);
}

static const char *vendor_status(const struct sp_xplan_in *in, int v)
{
    if (in->plan->kept[v])
        return "kept";
    return in->current->kept[v] ? "dropped" : "not used";
}

void sp_xplan_write_overhead(struct sp_xsheet *s, const struct sp_xplan *o,
                             const struct sp_xplan_in *in)
{
    static const char *const names[] = {"Vendor",
                                        "Status",
                                        "Monthly fee",
                                        "Admin hours / month",
                                        "Admin labour / month",
                                        "Min commit / month",
                                        "Licence spend / month",
                                        "Shortfall / month",
                                        "Overhead / month",
                                        "Overhead over the horizon"};
    const struct sp_problem *pb = in->pb;
    const struct sp_xfmt *f = s->fmt;
    char a[300], b[300], h[300];
    int v, first = o->oh_hdr + 1, last = o->oh_total_row - 1, c;

    sp_xs_label(s, o->oh_hdr - 1, 0,
                "Vendor overhead (paid each month a vendor is kept; a "
                "shortfall below its min commit is paid too)",
                s->fmt->section);
    headers(s, o->oh_hdr, names, (int)(sizeof(names) / sizeof(*names)));
    sp_xref(h, NULL, SP_TOP_ROW, SP_TOP_H, true);
    for (v = 0; v < pb->nvendors; v++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        int row = sp_xplan_vendor_row(o, v), r1 = row + 1;
        double shortfall;
        sp_xs_str(s, row, SP_OH_VENDOR, vd->name, NULL);
        sp_xs_str(s, row, SP_OH_STATUS, vendor_status(in, v), NULL);
        if (!in->plan->kept[v])
            continue;
        sp_xs_num(s, row, SP_OH_FEE, vd->monthly_fee, f->money);
        sp_xs_num(s, row, SP_OH_HOURS, vd->admin_hours, f->number);
        sp_xprices_ref(in->px, in->px->plan_row[in->slot], PX_LABOUR_COL, a);
        sp_xs_formulaf(s, row, SP_OH_LABOUR, f->money,
                       in->settings->labor_rate * vd->admin_hours, "=D%d*%s",
                       r1, a);
        sp_xs_num(s, row, SP_OH_COMMIT, vd->min_commit, f->money);
        if (o->vendor_first[v] >= 0) {
            sp_xref(a, NULL, sp_xplan_price_row(o, o->vendor_first[v]),
                    SP_PT_MONTHLY, true);
            sp_xref(b, NULL, sp_xplan_price_row(o, o->vendor_last[v]),
                    SP_PT_MONTHLY, true);
            sp_xs_formulaf(s, row, SP_OH_SPEND, f->money, o->vendor_spend[v],
                           "=SUM(%s:%s)", a, b);
        } else {
            sp_xs_num(s, row, SP_OH_SPEND, 0, f->money);
        }
        shortfall = vd->min_commit - o->vendor_spend[v];
        sp_xs_formulaf(s, row, SP_OH_SHORTFALL, f->money,
                       shortfall > 0 ? shortfall : 0, "=MAX(0,F%d-G%d)", r1,
                       r1);
        sp_xs_formulaf(s, row, SP_OH_MONTH, f->money, o->vendor_oh_month[v],
                       "=C%d+E%d+H%d", r1, r1, r1);
        sp_xs_formulaf(s, row, SP_OH_TOTAL, f->money, o->vendor_oh_total[v],
                       "=I%d*%s", r1, h);
    }
    for (c = 0; c <= SP_OH_TOTAL; c++)
        sp_xs_blank(s, o->oh_total_row, c, f->total_label);
    sp_xs_str(s, o->oh_total_row, 0, "Total", f->total_label);
    if (last < first) {
        sp_xs_num(s, o->oh_total_row, SP_OH_MONTH, 0, f->money_total);
        sp_xs_num(s, o->oh_total_row, SP_OH_TOTAL, 0, f->money_total);
        return;
    }
    sp_xs_formulaf(s, o->oh_total_row, SP_OH_MONTH, f->money_total,
                   o->sum_oh_month, "=SUM(I%d:I%d)", first + 1, last + 1);
    sp_xs_formulaf(s, o->oh_total_row, SP_OH_TOTAL, f->money_total,
                   o->sum_oh_total, "=SUM(J%d:J%d)", first + 1, last + 1);
}

void sp_xplan_write_lines(struct sp_xsheet *s, const struct sp_xplan *o,
                          const struct sp_xplan_in *in)
{
    static const char *const names[] = {"Client",
                                        "Product",
                                        "Vendor",
                                        "Status",
                                        "Billable units",
                                        "Effective unit price / month",
                                        "Monthly licence",
                                        "Starts (month, 0 = at the start)",
                                        "Migration (one-time)"};
    const struct sp_problem *pb = in->pb;
    const struct sp_xfmt *f = s->fmt;
    char ref[300], lab[300];
    int i;

    sp_xs_label(s, o->lines_hdr - 1, 0,
                in->before
                    ? "Licence lines (one per client and product; each price "
                      "links to the price table above; a new product is "
                      "paid from its start month, fixed as solved, and "
                      "costs setup fee + migration hours x the labour rate)"
                    : "Licence lines (one per client and product; each price "
                      "links to the price table above)",
                s->fmt->section);
    headers(s, o->lines_hdr, names,
            in->before ? (int)(sizeof(names) / sizeof(*names))
                       : SP_LN_MONTHLY + 1);
    sp_xprices_ref(in->px, in->px->plan_row[in->slot], PX_LABOUR_COL, lab);
    for (i = 0; i < o->nlines; i++) {
        const struct sp_xline *l = &o->lines[i];
        const struct sp_product *pd = &pb->products[l->product];
        int row = sp_xplan_line_row(o, i);
        int prow = sp_xplan_price_row(o, l->price_row);
        bool held = sp_plan_has(in->current, l->client, l->product);

        sp_xs_str(s, row, SP_LN_CLIENT, pb->clients[l->client].id, NULL);
        sp_xs_str(s, row, SP_LN_PRODUCT, pd->id, NULL);
        sp_xs_str(s, row, SP_LN_VENDOR, pb->vendors[pd->vendor].name, NULL);
        sp_xs_str(s, row, SP_LN_STATUS,
                  !in->before ? "current"
                  : held      ? "kept"
                              : "new",
                  NULL);
        sp_xs_num(s, row, SP_LN_UNITS, l->units, f->number);
        if (l->has_price) {
            sp_xref(ref, NULL, prow, SP_PT_PRICE, true);
            sp_xs_formulaf(s, row, SP_LN_PRICE, f->price, l->price, "=%s",
                           ref);
        }
        if (o->prices[l->price_row].client >= 0) {
            sp_xref(ref, NULL, prow, SP_PT_MONTHLY, true);
            sp_xs_formulaf(s, row, SP_LN_MONTHLY, f->money, l->monthly, "=%s",
                           ref);
        } else {
            sp_xs_formulaf(s, row, SP_LN_MONTHLY, f->money, l->monthly,
                           "=E%d*F%d", row + 1, row + 1);
        }
        if (!in->before)
            continue;
        sp_xs_num(s, row, SP_LN_START, o->line_start[i], f->number);
        if (held) {
            sp_xs_num(s, row, SP_LN_MIGRATION, 0, f->money);
        } else {
            /* sp_cost_migration: setup fee + hours x the labour rate */
            const struct sp_settings *st = in->settings;
            double n = pd->unit == SP_UNIT_FLAT
                           ? 1.0
                           : pb->clients[l->client].count[pd->unit];
            double hours =
                st->migration_hours_fixed + st->migration_hours_per_unit * n;
            sp_xs_formulaf(s, row, SP_LN_MIGRATION, f->money,
                           o->line_migration[i], "=%.15g+%.15g*%s",
                           pd->setup_fee, hours, lab);
        }
    }
}

static const char *leave_how(const struct sp_xleave *lv)
{
    switch (lv->how) {
    case SP_LEAVE_ENDED:
        return "contract ended by the start";
    case SP_LEAVE_FEE:
        return "terminated at the start (fee)";
    case SP_LEAVE_MONTHLY:
        return "month-to-month: stops at the start";
    case SP_LEAVE_RUN_OUT:
        return "paid until its contract ends";
    }
    return "";
}

/* What leaving each current product costs: a fee (as given), or its
 * monthly cost until its contract ends — the catalog price (or the row's
 * own monthly_cost) x (1 + the plan's change), so it follows an edit on
 * the Prices sheet; the months are capped at the horizon cell. */
void sp_xplan_write_leaving(struct sp_xsheet *s, const struct sp_xplan *o,
                            const struct sp_xplan_in *in)
{
    static const char *const names[] = {
        "Client",       "Product",         "Vendor",
        "How it ends",  "Contract end",    "Months paid",
        "Monthly cost", "Termination fee", "Leaving cost"};
    const struct sp_problem *pb = in->pb;
    const struct sp_xfmt *f = s->fmt;
    char h[300], chg[300], price[300];
    int i;

    sp_xs_label(s, o->leave_hdr - 1, 0,
                "Leaving costs (each current product the plan leaves: its "
                "fee, or its monthly cost until its contract ends, at most "
                "the horizon)",
                f->section);
    headers(s, o->leave_hdr, names, (int)(sizeof(names) / sizeof(*names)));
    sp_xref(h, NULL, SP_TOP_ROW, SP_TOP_H, true);
    for (i = 0; i < o->nleaves; i++) {
        const struct sp_xleave *lv = &o->leaves[i];
        const struct sp_holding *hd = &pb->holdings[lv->holding];
        const struct sp_product *pd = &pb->products[lv->product];
        int row = sp_xplan_leave_row(o, i);
        char date[11];
        bool has_chg = sp_xprices_change(in->px, in->slot, lv->product, chg);

        sp_xs_str(s, row, SP_LV_CLIENT, pb->clients[lv->client].id, NULL);
        sp_xs_str(s, row, SP_LV_PRODUCT, pd->id, NULL);
        sp_xs_str(s, row, SP_LV_VENDOR, pb->vendors[pd->vendor].name, NULL);
        sp_xs_str(s, row, SP_LV_HOW, leave_how(lv), NULL);
        if (hd->has_contract_end) {
            sp_date_format(&hd->contract_end, date);
            sp_xs_str(s, row, SP_LV_END, date, NULL);
        }
        if (lv->how == SP_LEAVE_FEE)
            sp_xs_num(s, row, SP_LV_FEE, lv->cost, f->money);
        if (lv->how != SP_LEAVE_RUN_OUT) {
            sp_xs_formulaf(s, row, SP_LV_COST, f->money, lv->cost, "=H%d+0",
                           row + 1);
            continue;
        }
        sp_xs_formulaf(s, row, SP_LV_MONTHS, f->number, lv->months,
                       "=MIN(%.10g,%s)", lv->months_to_end, h);
        if (hd->has_monthly_cost) {
            if (has_chg)
                sp_xs_formulaf(s, row, SP_LV_MONTHLY, f->money, lv->monthly,
                               "=%.15g*(1+%s)", hd->monthly_cost, chg);
            else
                sp_xs_num(s, row, SP_LV_MONTHLY, lv->monthly, f->money);
        } else {
            sp_xprices_ref(in->px, in->px->catalog_row[lv->product],
                           PX_PRICE_COL, price);
            double units = sp_cost_billable(pb, lv->client, lv->product);
            if (has_chg)
                sp_xs_formulaf(s, row, SP_LV_MONTHLY, f->money, lv->monthly,
                               "=%.15g*%s*(1+%s)", units, price, chg);
            else
                sp_xs_formulaf(s, row, SP_LV_MONTHLY, f->money, lv->monthly,
                               "=%.15g*%s", units, price);
        }
        sp_xs_formulaf(s, row, SP_LV_COST, f->money, lv->cost, "=F%d*G%d",
                       row + 1, row + 1);
    }
    if (o->nleaves == 0)
        sp_xs_label(s, o->leave_hdr + 1, 0,
                    "None: the plan leaves no current product.", f->note);
}

void sp_xplan_write_unmapped(struct sp_xsheet *s, const struct sp_xplan *o,
                             const struct sp_xplan_in *in)
{
    static const char *const names[] = {"Client",
                                        "Product (as written)",
                                        "Units",
                                        "Monthly cost",
                                        "Contract end",
                                        "Termination fee",
                                        "inventory.csv line"};
    const struct sp_problem *pb = in->pb;
    const struct sp_xfmt *f = s->fmt;
    int i, row = o->unmapped_hdr + 1;

    sp_xs_label(s, o->unmapped_hdr - 1, 0,
                "Unmapped inventory rows (product not in the catalog: the "
                "model ignores them; their cost is not in the baseline)",
                s->fmt->section);
    headers(s, o->unmapped_hdr, names, (int)(sizeof(names) / sizeof(*names)));
    for (i = 0; i < pb->nholdings; i++) {
        const struct sp_holding *hd = &pb->holdings[i];
        char date[11];
        if (hd->product >= 0)
            continue;
        sp_xs_str(s, row, 0, pb->clients[hd->client].id, NULL);
        sp_xs_str(s, row, 1, hd->product_id, NULL);
        if (hd->has_units)
            sp_xs_num(s, row, 2, hd->units, f->number);
        if (hd->has_monthly_cost)
            sp_xs_num(s, row, 3, hd->monthly_cost, f->money);
        if (hd->has_contract_end) {
            sp_date_format(&hd->contract_end, date);
            sp_xs_str(s, row, 4, date, NULL);
        }
        if (hd->has_termination_fee)
            sp_xs_num(s, row, 5, hd->termination_fee, f->money);
        sp_xs_num(s, row, 6, hd->line, f->number);
        row++;
    }
    if (row == o->unmapped_hdr + 1)
        sp_xs_label(s, row, 0, "None: every inventory row is in the catalog.",
                    f->note);
}

/* The current stack under this scenario's settings: each vendor kept
 * today, its licence spend = the Baseline sheet's rows of its products x
 * (1 + this scenario's change), its overhead at this scenario's labour
 * rate; the total x the horizon is the key figure "Baseline (same
 * settings)", so savings follow an edit on the Prices sheet. */
void sp_xplan_write_base_under(struct sp_xsheet *s, const struct sp_xplan *o,
                               const struct sp_xplan_in *in)
{
    static const char *const names[] = {"Vendor",
                                        "Licence spend / month",
                                        "Monthly fee",
                                        "Admin labour / month",
                                        "Min commit / month",
                                        "Shortfall / month",
                                        "Total / month"};
    const struct sp_problem *pb = in->pb;
    const struct sp_costing *k = in->before;
    const struct sp_xplan *bm = in->base_model;
    const struct sp_xfmt *f = s->fmt;
    int hdr = o->unmapped_hdr, v, p, row, first = hdr + 1;
    double sum = 0;
    char a[300], b[300], lab[300];

    sp_xs_label(s, hdr - 1, 0,
                "Baseline under this scenario's settings (today's stack at "
                "its prices, price changes and labour rate: the savings "
                "compare with this)",
                f->section);
    headers(s, hdr, names, (int)(sizeof(names) / sizeof(*names)));
    sp_xprices_ref(in->px, in->px->plan_row[in->slot], PX_LABOUR_COL, lab);
    for (v = 0, row = first; v < pb->nvendors; v++, row++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        struct sp_xbuf fx = {0};
        double spend = k->vendor_monthly[v];
        double total = spend + k->vendor_overhead_monthly[v] +
                       k->vendor_shortfall_monthly[v];
        sp_xs_str(s, row, 0, vd->name, NULL);
        if (!in->current->kept[v])
            continue;
        for (p = 0; p < pb->nproducts; p++) {
            char chg[300];
            if (pb->products[p].vendor != v || bm->prod_first[p] < 0)
                continue;
            sp_xref(a, in->base_sheet,
                    sp_xplan_price_row(bm, bm->prod_first[p]), SP_PT_MONTHLY,
                    true);
            sp_xref(b, in->base_sheet,
                    sp_xplan_price_row(bm, bm->prod_last[p]), SP_PT_MONTHLY,
                    true);
            sp_xbuf_item(&fx, "+", "SUM(");
            sp_xbuf_add(&fx, a);
            sp_xbuf_add(&fx, ":");
            sp_xbuf_add(&fx, b);
            sp_xbuf_add(&fx, ")");
            if (sp_xprices_change(in->px, in->slot, p, chg)) {
                sp_xbuf_add(&fx, "*(1+");
                sp_xbuf_add(&fx, chg);
                sp_xbuf_add(&fx, ")");
            }
        }
        if (fx.len)
            sp_xs_formulaf(s, row, 1, f->money, spend, "=%s",
                           sp_xbuf_str(&fx));
        else
            sp_xs_num(s, row, 1, 0, f->money);
        if (fx.nomem)
            s->nomem = true;
        sp_xbuf_free(&fx);
        sp_xs_num(s, row, 2, vd->monthly_fee, f->money);
        sp_xs_formulaf(s, row, 3, f->money,
                       vd->admin_hours * in->settings->labor_rate, "=%.15g*%s",
                       vd->admin_hours, lab);
        sp_xs_num(s, row, 4, vd->min_commit, f->money);
        sp_xs_formulaf(s, row, 5, f->money, k->vendor_shortfall_monthly[v],
                       "=MAX(0,E%d-B%d)", row + 1, row + 1);
        sp_xs_formulaf(s, row, 6, f->money, total, "=B%d+C%d+D%d+F%d", row + 1,
                       row + 1, row + 1, row + 1);
        sum += total;
    }
    sp_xs_str(s, row, 0, "Total", f->total_label);
    sp_xs_formulaf(s, row, 6, f->money_total, sum, "=SUM(G%d:G%d)", first + 1,
                   row);
}
