/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Summary sheet: the baseline and every scenario side by side, each
 * figure a formula over the plan sheet's key figures, and two charts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_book_int.h"

enum {
    R_HEADER = 3,
    R_SHEET,
    R_STATUS,
    R_GAP,
    R_HORIZON,
    R_TOTAL,
    R_PERMONTH,
    R_RUNRATE,
    R_BASE,
    R_SAVINGS,
    R_SAVPCT,
    R_PAYBACK,
    R_LICENCE,
    R_MIGRATION,
    R_TERMINATION,
    R_OVERHEAD,
    R_NVENDORS,
    R_VENDORS,
    R_MIGRATIONS,
    R_GAPS,
    R_CLOSED,
    R_NOTE,
    R_END
};

static const char *const row_labels[R_END - R_SHEET] = {
    "Sheet",
    "Solver status",
    "Solver gap",
    "Horizon (months)",
    "Total cost",
    "Cost per month (total / horizon)",
    "Monthly run-rate",
    "Baseline under the scenario's settings",
    "Savings",
    "Savings %",
    "Payback month (0 if none)",
    "Licence",
    "Migration",
    "Termination",
    "Vendor overhead",
    "Vendors kept",
    "Vendors kept (names)",
    "Migrations (products adopted)",
    "Coverage gaps (client \xC3\x97 category)",
    "Coverage gaps closed",
    "Note"};

/* A figure of a plan sheet's key-figure block. */
static void link_top(struct sp_xsheet *s, int row, int col,
                     const struct sp_xsheet *plan, int top_col, double cached,
                     lxw_format *f)
{
    char ref[300];

    sp_xref(ref, plan, SP_TOP_ROW, top_col, true);
    sp_xs_formulaf(s, row, col, f, cached, "=%s", ref);
}

/* Total / horizon of a Summary column: totals over different horizons
 * do not compare, this does. */
static void per_month(struct sp_xsheet *s, int col, const struct sp_xplan *o,
                      lxw_format *f)
{
    char t[300], h[300];

    sp_xref(t, NULL, R_TOTAL, col, false);
    sp_xref(h, NULL, R_HORIZON, col, false);
    sp_xs_formulaf(s, R_PERMONTH, col, f,
                   o->horizon > 0 ? o->top[SP_TOP_TOTAL] / o->horizon : 0,
                   "=IF(%s>0,%s/%s,0)", h, t, h);
}

static int count_kept(const struct sp_problem *pb, const struct sp_plan *pl)
{
    int v, n = 0;

    for (v = 0; v < pb->nvendors; v++)
        n += pl->kept[v] != 0;
    return n;
}

static int count_adopted(const struct sp_problem *pb, const struct sp_plan *pl,
                         const struct sp_plan *cur)
{
    int c, p, n = 0;

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            n += sp_plan_has(pl, c, p) && !sp_plan_has(cur, c, p);
    return n;
}

static void write_vendor_names(struct sp_xsheet *s, int col,
                               const struct sp_problem *pb,
                               const struct sp_plan *pl)
{
    struct sp_xbuf names = {0};

    sp_xkept_names(pb, pl, &names);
    sp_xs_str(s, R_VENDORS, col, sp_xbuf_str(&names), s->fmt->wrap);
    s->nomem = s->nomem || names.nomem;
    sp_xbuf_free(&names);
}

static void write_baseline(struct sp_xbook *b)
{
    struct sp_xsheet *s = &b->summary;
    const struct sp_xplan *o = &b->base_model;
    const struct sp_xfmt *f = &b->fmt;
    char note[96];
    int i, unmapped = 0;

    sp_xs_str(s, R_HEADER, 1, "Baseline", f->header);
    sp_xs_sheet_link(s, R_SHEET, 1, &b->baseline);
    sp_xs_str(s, R_STATUS, 1, "current stack", NULL);
    link_top(s, R_HORIZON, 1, &b->baseline, SP_TOP_H, o->horizon, f->number);
    link_top(s, R_TOTAL, 1, &b->baseline, SP_TOP_TOTAL, o->top[SP_TOP_TOTAL],
             f->money_total);
    per_month(s, 1, o, f->money);
    link_top(s, R_RUNRATE, 1, &b->baseline, SP_TOP_RUNRATE,
             o->top[SP_TOP_RUNRATE], f->money);
    link_top(s, R_LICENCE, 1, &b->baseline, SP_TOP_LICENCE,
             o->top[SP_TOP_LICENCE], f->money);
    link_top(s, R_MIGRATION, 1, &b->baseline, SP_TOP_MIGRATION, 0, f->money);
    link_top(s, R_TERMINATION, 1, &b->baseline, SP_TOP_TERMINATION, 0,
             f->money);
    link_top(s, R_OVERHEAD, 1, &b->baseline, SP_TOP_OVERHEAD,
             o->top[SP_TOP_OVERHEAD], f->money);
    sp_xs_num(s, R_NVENDORS, 1, count_kept(b->pb, b->res->current), f->number);
    write_vendor_names(s, 1, b->pb, b->res->current);
    sp_xs_num(s, R_MIGRATIONS, 1, 0, f->number);
    sp_xs_num(s, R_GAPS, 1, b->res->baseline->nuncovered, f->number);
    for (i = 0; i < b->pb->nholdings; i++)
        unmapped += b->pb->holdings[i].product < 0;
    if (unmapped > 0) {
        snprintf(note, sizeof(note),
                 "%d unmapped inventory row%s (see Baseline)", unmapped,
                 unmapped == 1 ? "" : "s");
        sp_xs_str(s, R_NOTE, 1, note, NULL);
    }
}

static void write_scenario(struct sp_xbook *b, int i)
{
    struct sp_xsheet *s = &b->summary, *plan = &b->scen[i];
    const struct sp_scenario_result *sr = &b->res->scenarios[i];
    const struct sp_xplan *o = &b->scen_model[i];
    const struct sp_xfmt *f = &b->fmt;
    int col = 2 + i;
    char sav[300], base[300];

    sp_xs_str(s, R_HEADER, col, sr->scenario->name, f->header);
    sp_xs_sheet_link(s, R_SHEET, col, plan);
    sp_xs_str(s, R_STATUS, col, sp_plan_status_name(sr->status), NULL);
    if (!sr->plan || !sr->cost) {
        sp_xs_num(s, R_HORIZON, col, sr->scenario->settings.horizon_months,
                  f->number);
        sp_xs_str(s, R_NOTE, col, sr->reason ? sr->reason : "no plan", NULL);
        return;
    }
    sp_xs_num(s, R_GAP, col, sr->gap, f->percent);
    link_top(s, R_HORIZON, col, plan, SP_TOP_H, o->horizon, f->number);
    link_top(s, R_TOTAL, col, plan, SP_TOP_TOTAL, o->top[SP_TOP_TOTAL],
             f->money_total);
    per_month(s, col, o, f->money);
    link_top(s, R_RUNRATE, col, plan, SP_TOP_RUNRATE, o->top[SP_TOP_RUNRATE],
             f->money);
    link_top(s, R_BASE, col, plan, SP_TOP_BASELINE, o->top[SP_TOP_BASELINE],
             f->money);
    link_top(s, R_SAVINGS, col, plan, SP_TOP_SAVINGS, o->top[SP_TOP_SAVINGS],
             f->money);
    sp_xref(sav, NULL, R_SAVINGS, col, false);
    sp_xref(base, NULL, R_BASE, col, false);
    sp_xs_formulaf(s, R_SAVPCT, col, f->percent,
                   o->top[SP_TOP_BASELINE] != 0
                       ? o->top[SP_TOP_SAVINGS] / o->top[SP_TOP_BASELINE]
                       : 0,
                   "=IF(%s=0,0,%s/%s)", base, sav, base);
    if (b->payback_row[i] >= 0) {
        char p[300];
        sp_xref(p, &b->payback, b->payback_row[i], 1, true);
        sp_xs_formulaf(s, R_PAYBACK, col, f->number, b->payback_value[i],
                       "=%s", p);
    }
    link_top(s, R_LICENCE, col, plan, SP_TOP_LICENCE, o->top[SP_TOP_LICENCE],
             f->money);
    link_top(s, R_MIGRATION, col, plan, SP_TOP_MIGRATION,
             o->top[SP_TOP_MIGRATION], f->money);
    link_top(s, R_TERMINATION, col, plan, SP_TOP_TERMINATION,
             o->top[SP_TOP_TERMINATION], f->money);
    link_top(s, R_OVERHEAD, col, plan, SP_TOP_OVERHEAD,
             o->top[SP_TOP_OVERHEAD], f->money);
    sp_xs_num(s, R_NVENDORS, col, count_kept(b->pb, sr->plan), f->number);
    write_vendor_names(s, col, b->pb, sr->plan);
    sp_xs_num(s, R_MIGRATIONS, col,
              count_adopted(b->pb, sr->plan, b->res->current), f->number);
    sp_xs_num(s, R_GAPS, col, sr->cost->nuncovered, f->number);
    if (sr->baseline)
        sp_xs_num(s, R_CLOSED, col,
                  sr->baseline->nuncovered - sr->cost->nuncovered, f->number);
}

static lxw_chart *new_chart(struct sp_xbook *b, uint8_t type,
                            const char *title, const char *money)
{
    lxw_chart *ch = workbook_add_chart(b->wb, type);

    if (!ch) {
        b->summary.nomem = true;
        return NULL;
    }
    chart_title_set_name(ch, title);
    sp_xchart_style(ch, money);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    return ch;
}

/* The chart cache of one Summary row: the figure top_col of each column's
 * plan sheet, none for an infeasible scenario. */
static void cache_row(struct sp_xbook *b, lxw_chart_series *ser, int top_col)
{
    int n = 1 + b->res->nscenarios, i;
    double *v = calloc((size_t)n, sizeof(*v));
    bool *has = calloc((size_t)n, sizeof(*has));

    if (v && has) {
        v[0] = b->base_model.top[top_col];
        has[0] = true;
        for (i = 0; i < b->res->nscenarios; i++) {
            has[i + 1] =
                b->res->scenarios[i].plan && b->res->scenarios[i].cost;
            v[i + 1] = has[i + 1] ? b->scen_model[i].top[top_col] : 0;
        }
    }
    if (!v || !has || !sp_xchart_cache(ser, v, has, n))
        b->summary.nomem = true;
    free(v);
    free(has);
}

/* A bar of total cost per column, and the same split into its parts.
 * Infeasible scenarios have blank cells: no bar. */
static void add_charts(struct sp_xbook *b, int row)
{
    static const int parts[] = {R_LICENCE, R_MIGRATION, R_TERMINATION,
                                R_OVERHEAD};
    static const int tops[] = {SP_TOP_LICENCE, SP_TOP_MIGRATION,
                               SP_TOP_TERMINATION, SP_TOP_OVERHEAD};
    struct sp_xsheet *s = &b->summary;
    int last = 1 + b->res->nscenarios, i;
    lxw_chart *bar, *stack;
    lxw_chart_series *ser;
    char money[64];

    snprintf(money, sizeof(money), "%s", b->pb->settings.currency);
    /* the default size, side by side (sp_xchart_insert) */

    bar = new_chart(b, LXW_CHART_COLUMN, "Total cost over the horizon", money);
    stack =
        new_chart(b, LXW_CHART_COLUMN_STACKED, "Where the cost goes", money);
    if (!bar || !stack)
        return;
    ser = chart_add_series(bar, NULL, NULL);
    if (!ser) {
        s->nomem = true;
        return;
    }
    chart_series_set_categories(ser, s->name, R_HEADER, 1, R_HEADER,
                                (lxw_col_t)last);
    chart_series_set_values(ser, s->name, R_TOTAL, 1, R_TOTAL,
                            (lxw_col_t)last);
    chart_series_set_name(ser, "Total cost");
    sp_xchart_labels(ser, money);
    cache_row(b, ser, SP_TOP_TOTAL);
    chart_legend_set_position(bar, LXW_CHART_LEGEND_NONE);
    for (i = 0; i < 4; i++) {
        ser = chart_add_series(stack, NULL, NULL);
        if (!ser) {
            s->nomem = true;
            return;
        }
        chart_series_set_categories(ser, s->name, R_HEADER, 1, R_HEADER,
                                    (lxw_col_t)last);
        chart_series_set_values(ser, s->name, (lxw_row_t)parts[i], 1,
                                (lxw_row_t)parts[i], (lxw_col_t)last);
        chart_series_set_name_range(ser, s->name, (lxw_row_t)parts[i], 0);
        cache_row(b, ser, tops[i]);
    }
    if (sp_xchart_insert(s, (lxw_row_t)row, bar, 1) != LXW_NO_ERROR ||
        sp_xchart_insert_beside(s, (lxw_row_t)row, stack) != LXW_NO_ERROR)
        s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
}

void sp_xbook_write_summary(struct sp_xbook *b)
{
    struct sp_xsheet *s = &b->summary;
    const struct sp_problem *pb = b->pb;
    const struct sp_xfmt *f = &b->fmt;
    char line[512], start[11];
    int r, i;

    sp_date_format(&pb->settings.start_date, start);
    sp_xs_label(s, 0, 0, "Scenario comparison", f->title);
    snprintf(line, sizeof(line),
             "%d clients \xC2\xB7 %d products from %d vendors \xC2\xB7 "
             "start %s \xC2\xB7 money in %s",
             pb->nclients, pb->nproducts, pb->nvendors, start,
             pb->settings.currency[0] ? pb->settings.currency : "(none)");
    sp_xs_label(s, 1, 0, line, f->subtitle);
    sp_xs_label(s, 2, 0,
                "Each figure links to its sheet: edit an effective price "
                "there and this page follows (the plans are not "
                "re-optimised). Savings compare with the baseline costed "
                "under the scenario's own settings.",
                f->note);
    sp_xs_blank(s, R_HEADER, 0, f->header);
    for (r = R_SHEET; r < R_END; r++)
        sp_xs_str(s, r, 0, row_labels[r - R_SHEET], f->bold);
    write_baseline(b);
    for (i = 0; i < b->res->nscenarios; i++)
        write_scenario(b, i);
    worksheet_freeze_panes(s->ws, R_HEADER + 1, 1);
    add_charts(b, R_END + 2);
    /* the two charts, side by side, have a page of their own: a chart
     * across a page break is cut */
    sp_xs_page_break(s, R_END + 2);
    sp_xs_finish(s, R_HEADER);
}
