/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Vendor scorecard: every vendor against the baseline and every
 * scenario, in four tables of the same shape (one a printed page): kept or
 * dropped, spend per month (licence + overhead, linked to the plan
 * sheet's vendor overhead table so it follows an edit), share of the
 * plan's spend per month, and clients served; and, beside the first, when
 * the vendor's contracts in the current stack end and (solve --breakeven)
 * where the recommended plan flips about it and what it is worth.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stackplan/whatif.h"
#include "xlsx_book_int.h"

enum { SC_STATUS, SC_SPEND, SC_SHARE, SC_CLIENTS, SC_NTABLES };

static bool has_plan(const struct sp_xbook *b, int i)
{
    return i < 0 || (b->res->scenarios[i].plan && b->res->scenarios[i].cost);
}

static const struct sp_plan *plan_of(const struct sp_xbook *b, int i)
{
    return i < 0 ? b->res->current : b->res->scenarios[i].plan;
}

static const struct sp_xplan *model_of(const struct sp_xbook *b, int i)
{
    return i < 0 ? &b->base_model : &b->scen_model[i];
}

static const struct sp_xsheet *sheet_of(const struct sp_xbook *b, int i)
{
    return i < 0 ? &b->baseline : &b->scen[i];
}

static int clients_of(const struct sp_problem *pb, const struct sp_plan *pl,
                      int v)
{
    int c, p, n = 0;

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == v && sp_plan_has(pl, c, p)) {
                n++;
                break;
            }
    return n;
}

/* "2028-01-31 (3 contracts)", "month-to-month", or "" when not run. */
static void contract_text(const struct sp_problem *pb, int v, char *buf,
                          size_t size)
{
    struct sp_date last = {0, 0, 0};
    int i, n = 0, rows = 0;
    char date[11];

    for (i = 0; i < pb->nholdings; i++) {
        const struct sp_holding *h = &pb->holdings[i];
        if (h->product < 0 || pb->products[h->product].vendor != v)
            continue;
        rows++;
        if (!h->has_contract_end)
            continue;
        if (n++ == 0 || sp_date_cmp(&h->contract_end, &last) > 0)
            last = h->contract_end;
    }
    if (rows == 0) {
        snprintf(buf, size, "not run today");
        return;
    }
    if (n == 0) {
        snprintf(buf, size, "month-to-month");
        return;
    }
    sp_date_format(&last, date);
    snprintf(buf, size, "last %s (%d contract%s)", date, n, n == 1 ? "" : "s");
}

static void cell(struct sp_xbook *b, int table, int row, int col, int i, int v)
{
    struct sp_xsheet *s = &b->scorecard;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_problem *pb = b->pb;
    const struct sp_plan *pl = plan_of(b, i), *now = b->res->current;
    const struct sp_xplan *m = model_of(b, i);
    char a[300], c[300], t[300];
    double spend, total;

    if (!has_plan(b, i)) {
        if (table == SC_STATUS)
            sp_xs_str(s, row, col, "no plan", f->text);
        return;
    }
    spend = m->vendor_spend[v] + m->vendor_oh_month[v];
    switch (table) {
    case SC_STATUS:
        sp_xs_str(s, row, col,
                  pl->kept[v]    ? (i < 0 ? "current" : "kept")
                  : now->kept[v] ? "dropped"
                                 : "not used",
                  f->text);
        break;
    case SC_SPEND:
        sp_xref(a, sheet_of(b, i), sp_xplan_vendor_row(m, v), SP_OH_SPEND,
                true);
        sp_xref(c, sheet_of(b, i), sp_xplan_vendor_row(m, v), SP_OH_MONTH,
                true);
        sp_xs_formulaf(s, row, col, f->money, spend, "=%s+%s", a, c);
        break;
    case SC_SHARE:
        total = m->top[SP_TOP_RUNRATE];
        sp_xref(a, NULL, row - (pb->nvendors + 4), col, false);
        sp_xref(t, sheet_of(b, i), SP_TOP_ROW, SP_TOP_RUNRATE, true);
        sp_xs_formulaf(s, row, col, f->percent, total > 0 ? spend / total : 0,
                       "=IF(%s>0,%s/%s,0)", t, a, t);
        break;
    default:
        sp_xs_num(s, row, col, clients_of(pb, pl, v), f->number);
    }
}

/* One table: a title row, a header, one row per vendor; returns the row
 * after it. */
static int write_table(struct sp_xbook *b, int table, int row)
{
    static const char *const titles[SC_NTABLES] = {
        "Kept or dropped", "Spend per month (licence + overhead)",
        "Share of the plan's spend per month",
        "Clients served (running one of its products)"};
    struct sp_xsheet *s = &b->scorecard;
    const struct sp_xfmt *f = &b->fmt;
    int i, v, col;

    sp_xs_label(s, row, 0, titles[table], f->section);
    if (row > 4)
        sp_xs_page_break(s, row);
    row++;
    sp_xs_str(s, row, 0, "Vendor", f->header);
    for (i = -1, col = 1; i < b->res->nscenarios; i++, col++)
        sp_xs_str(s, row, col,
                  i < 0 ? "Baseline" : b->res->scenarios[i].scenario->name,
                  f->header);
    if (table == SC_STATUS) {
        sp_xs_str(s, row, col, "Contracts today end", f->header);
        if (b->opt.breakeven) {
            sp_xs_str(s, row, col + 1,
                      "Break-even (recommended plan, its price change)",
                      f->header);
            sp_xs_str(s, row, col + 2,
                      "Vendor value (extra total cost without it)", f->header);
        }
    }
    row++;
    for (v = 0; v < b->pb->nvendors; v++, row++) {
        sp_xs_str(s, row, 0, b->pb->vendors[v].name, f->bold);
        for (i = -1, col = 1; i < b->res->nscenarios; i++, col++)
            cell(b, table, row, col, i, v);
        if (table == SC_STATUS) {
            const struct sp_breakeven_item *it =
                sp_xflip_item(b->opt.breakeven, b->pb->vendors[v].name);
            char text[512];
            contract_text(b->pb, v, text, sizeof(text));
            sp_xs_str(s, row, col, text, f->text);
            if (!it)
                continue;
            sp_xflip_text(b->opt.breakeven, b->pb->vendors[v].name, text,
                          sizeof(text));
            sp_xs_str(s, row, col + 1, text, f->text);
            if (it->has_value)
                sp_xs_num(s, row, col + 2, it->value, f->money);
            else if (it->value_note)
                sp_xs_str(s, row, col + 2, it->value_note, f->text);
        }
    }
    return row + 2;
}

void sp_xbook_write_scorecard(struct sp_xbook *b)
{
    struct sp_xsheet *s = &b->scorecard;
    int row = 3, t;

    sp_xs_label(s, 0, 0, "Vendor scorecard", b->fmt.title);
    sp_xs_label(s, 1, 0,
                "Each vendor against the baseline and every scenario. "
                "Spend links to each plan sheet's vendor overhead table "
                "and follows an edit there.",
                b->fmt.subtitle);
    /* the tables share their shape: the share table's spend is the same
     * cell of the spend table, nvendors + 4 rows up (title, header,
     * rows, two blank) -- written in that order */
    for (t = 0; t < SC_NTABLES; t++)
        row = write_table(b, t, row);
    sp_xs_finish(s, -1);
}
