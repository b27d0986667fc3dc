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
    sp_xs_num(s, row, SP_PT_UNITS, r->units, f->number);
    sp_xs_num(s, row, SP_PT_CATALOG, pd->price, f->price);
    sp_xpercent_text(in->cost->multiplier[r->product], text, sizeof(text));
    sp_xs_str(s, row, SP_PT_CHANGE, text, NULL);
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
    if (r->has_price) {
        sp_xs_num(s, row, SP_PT_PRICE, r->price, f->price_input);
        sp_xs_formulaf(s, row, SP_PT_MONTHLY, f->money, r->monthly, "=E%d*J%d",
                       row + 1, row + 1);
    } else {
        /* a contract on 0 units: its monthly amount is the input */
        sp_xs_num(s, row, SP_PT_MONTHLY, r->monthly, f->price_input);
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
                                        "Catalog unit price",
                                        "Price change",
                                        "Effective unit price / month",
                                        "Monthly licence"};
    int i;

    sp_xs_label(s, o->price_hdr - 1, 0,
                "Effective prices (after price changes; the blue cells are "
                "inputs: a contract row keeps its contracted price, shown "
                "per unit)",
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
        sp_xs_num(s, row, SP_OH_LABOUR,
                  in->settings->labor_rate * vd->admin_hours, f->money);
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
    static const char *const names[] = {
        "Client",         "Product",        "Vendor",
        "Status",         "Billable units", "Effective unit price / month",
        "Monthly licence"};
    const struct sp_problem *pb = in->pb;
    const struct sp_xfmt *f = s->fmt;
    char ref[300];
    int i;

    sp_xs_label(s, o->lines_hdr - 1, 0,
                "Licence lines (one per client and product; each price "
                "links to the price table above)",
                s->fmt->section);
    headers(s, o->lines_hdr, names, (int)(sizeof(names) / sizeof(*names)));
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
    }
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
