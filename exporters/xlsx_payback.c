/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Payback sheet, right after the Executive summary: per scenario the
 * payback month, and the cumulative savings month by month (the baseline
 * under the scenario's settings, spread evenly, less what the plan pays
 * in each month: SPEC section 6, "Schedule and payback"), with a line
 * chart of them crossing zero at the payback month.
 *
 * Every cumulative figure is a formula over its plan sheet, so it follows
 * an edit of the Prices sheet.  Through month m (1-based) a plan pays:
 *
 *   m x its vendor overhead per month
 *   + each licence line x the months it has run, max(0, m - its start)
 *   + each migration whose month (its start, the last month at most) is
 *     before m
 *   + each product left with months to run: its monthly cost x min(m, its
 *     months paid)
 *   + the termination fees (month 0)
 *
 * against m x the baseline per month.  The payback month is the first
 * from which the cumulative savings stay >= 0 (half a cent) through the
 * horizon.  Fixed as solved: the month each new product starts, and the
 * months in the table (the longest horizon solved; a horizon edited past
 * it is read over the months shown).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_book_int.h"

enum { PB_HDR = 7, PB_CHART_ROWS = 23 };

static bool has_plan(const struct sp_scenario_result *sr)
{
    return sr->plan && sr->cost;
}

/* The plan sheet ranges the month formulas read. */
struct ranges {
    char h[300], base[300], oh[300];
    char ls[600], lm[600], lmig[600];   /* lines: start, monthly, migration */
    char vm[600], vmon[600], vfee[600]; /* leaving: months, monthly, fee */
    bool lines, leaves;
};

static void range(char *buf, const struct sp_xsheet *s, int r0, int r1,
                  int col)
{
    char a[300], b[300];

    sp_xref(a, s, r0, col, true);
    sp_xref(b, NULL, r1, col, true);
    snprintf(buf, 600, "%s:%s", a, b);
}

static void ranges_of(struct ranges *g, const struct sp_xbook *b, int i)
{
    const struct sp_xsheet *s = &b->scen[i];
    const struct sp_xplan *o = &b->scen_model[i];
    int l0 = sp_xplan_line_row(o, 0), v0 = sp_xplan_leave_row(o, 0);

    sp_xref(g->h, s, SP_TOP_ROW, SP_TOP_H, true);
    /* the total of "Baseline under this scenario's settings" */
    sp_xref(g->base, s, o->unmapped_hdr + 1 + b->pb->nvendors, 6, true);
    sp_xref(g->oh, s, o->oh_total_row, SP_OH_MONTH, true);
    g->lines = o->nlines > 0;
    g->leaves = o->nleaves > 0;
    if (g->lines) {
        range(g->ls, s, l0, l0 + o->nlines - 1, SP_LN_START);
        range(g->lm, s, l0, l0 + o->nlines - 1, SP_LN_MONTHLY);
        range(g->lmig, s, l0, l0 + o->nlines - 1, SP_LN_MIGRATION);
    }
    if (g->leaves) {
        range(g->vm, s, v0, v0 + o->nleaves - 1, SP_LV_MONTHS);
        range(g->vmon, s, v0, v0 + o->nleaves - 1, SP_LV_MONTHLY);
        range(g->vfee, s, v0, v0 + o->nleaves - 1, SP_LV_FEE);
    }
}

/* The cumulative savings through month m, whose number is in cell mref. */
static void month_formula(struct sp_xbuf *f, const struct ranges *g,
                          const char *m)
{
    char t[8192];

    snprintf(t, sizeof(t), "=IF(%s>%s,NA(),%s*%s-(%s*%s", m, g->h, m, g->base,
             m, g->oh);
    sp_xbuf_add(f, t);
    if (g->lines) {
        snprintf(t, sizeof(t),
                 "+SUMPRODUCT((%s<%s)*(%s-%s)*%s)"
                 "+SUMPRODUCT(((%s<%s)+(%s>=%s)*(%s>=%s))*%s)",
                 g->ls, m, m, g->ls, g->lm, g->ls, m, g->ls, m, m, g->h,
                 g->lmig);
        sp_xbuf_add(f, t);
    }
    if (g->leaves) {
        snprintf(t, sizeof(t),
                 "+SUMPRODUCT(((%s<%s)*%s+(%s>=%s)*%s)*%s)+SUM(%s)", g->vm, m,
                 g->vm, g->vm, m, m, g->vmon, g->vfee);
        sp_xbuf_add(f, t);
    }
    sp_xbuf_add(f, "))");
}

/* Cumulative savings through months 1..n of scenario i, as solved. */
static double *cumulative(const struct sp_xbook *b, int i, int *payback)
{
    const struct sp_scenario_result *sr = &b->res->scenarios[i];
    struct sp_schedule *k =
        sp_schedule_new(b->pb, sr->scenario, sr->plan, sr->cost,
                        sr->baseline ? sr->baseline : b->res->baseline);
    double *cum, sum = 0;
    int m, last = 0;

    if (!k)
        return NULL;
    cum = calloc((size_t)k->nmonths + 1, sizeof(double));
    for (m = 0; cum && m < k->nmonths; m++) {
        sum += k->baseline_flow[m] - k->cash_flow[m];
        cum[m] = sum;
        if (sum < -0.005)
            last = m + 1;
    }
    /* the rule the sheet's formula applies (the schedule's own
     * payback_months allows only summation noise below zero) */
    *payback = last >= k->nmonths ? 0 : last + 1;
    sp_schedule_free(k);
    return cum;
}

static void write_na(struct sp_xsheet *s, int row, int col, const char *f)
{
    if (worksheet_write_formula_str(s->ws, (lxw_row_t)row, (lxw_col_t)col, f,
                                    s->fmt->money, "#N/A") != LXW_NO_ERROR &&
        s->error == LXW_NO_ERROR)
        s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
}

/* One line per scenario; its payback point (as solved) is labelled with
 * its month.  LibreOffice does not show a label's text taken from a cell,
 * so the label is the point's category: the month. */
static void add_chart(struct sp_xbook *b, int at, int first, int nmonths,
                      const int *col_of, double **cum, const int *pay, int nf)
{
    struct sp_xsheet *s = &b->payback;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
    lxw_chart_font text = {0};
    double *v = calloc((size_t)nmonths + 1, sizeof(double));
    bool *has = calloc((size_t)nmonths + 1, sizeof(bool));
    lxw_chart_data_label hide = {0},
                         *lab = calloc((size_t)nf + 1, sizeof(*lab));
    lxw_chart_data_label **pts = calloc((size_t)nmonths + 1, sizeof(*pts));
    int k, m, last = first + nmonths - 1;

    if (!ch || !v || !has || !lab || !pts) {
        s->nomem = true;
        goto done;
    }
    chart_title_set_name(ch, "Cumulative savings by month");
    sp_xchart_style(ch, b->pb->settings.currency);
    chart_axis_set_name(ch->x_axis, "Month");
    chart_axis_set_label_position(ch->x_axis,
                                  LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
    text.size = 13;
    hide.hide = LXW_TRUE;
    for (k = 0; k < nf; k++) {
        int H = (int)b->scen_model[col_of[k]].horizon;
        lxw_chart_series *ser = chart_add_series(ch, NULL, NULL);
        if (!ser) {
            s->nomem = true;
            goto done;
        }
        /* its own horizon's months: LibreOffice draws #N/A as 0 */
        chart_series_set_categories(ser, s->name, (lxw_row_t)first, 0,
                                    (lxw_row_t)last, 0);
        chart_series_set_values(ser, s->name, (lxw_row_t)first,
                                (lxw_col_t)(1 + k), (lxw_row_t)(first + H - 1),
                                (lxw_col_t)(1 + k));
        chart_series_set_name_range(ser, s->name, (lxw_row_t)(first - 1),
                                    (lxw_col_t)(1 + k));
        for (m = 0; m < H; m++) {
            has[m] = true;
            v[m] = cum[k][m];
        }
        if (!sp_xchart_cache(ser, v, has, H))
            s->nomem = true;
        if (pay[k] <= 0)
            continue;
        lab[k].font = &text;
        /* every other point's label hidden: LibreOffice labels the
         * points a custom list leaves out */
        for (m = 0; m < H; m++)
            pts[m] = m == pay[k] - 1 ? &lab[k] : &hide;
        pts[H] = NULL;
        chart_series_set_labels_options(ser, LXW_FALSE, LXW_TRUE, LXW_FALSE);
        chart_series_set_labels_custom(ser, pts);
        chart_series_set_labels_position(ser, LXW_CHART_LABEL_POSITION_ABOVE);
        chart_series_set_marker_type(ser, LXW_CHART_MARKER_NONE);
    }
    /* taller than the default for the legend */
    if (sp_xchart_insert(s, (lxw_row_t)at, ch, 1.4) != LXW_NO_ERROR)
        s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
done:
    free(v);
    free(has);
    free(lab);
    free(pts);
}

/* The per-scenario table: its payback month (0 = "none", by the cell's
 * number format), horizon, and the cumulative savings at the horizon. */
static void write_heads(struct sp_xbook *b, lxw_format *pfmt, int first,
                        int nmonths, const int *feas_col, double **cum,
                        const int *pay)
{
    struct sp_xsheet *s = &b->payback;
    const struct sp_xfmt *f = &b->fmt;
    int i, last = first + nmonths - 1;
    char sr[600], mr[600], h[300], t[4096], at[300];

    sp_xs_label(s, PB_HDR - 1, 0, "Payback per scenario", f->section);
    sp_xs_str(s, PB_HDR, 0, "Scenario", f->header);
    sp_xs_str(s, PB_HDR, 1, "Payback month", f->header);
    sp_xs_str(s, PB_HDR, 2, "Horizon (months)", f->header);
    sp_xs_str(s, PB_HDR, 3, "Cumulative savings at the horizon", f->header);
    sp_xs_str(s, PB_HDR, 4, "New products switch", f->header);
    range(mr, NULL, first, last, 0);
    for (i = 0; i < b->res->nscenarios; i++) {
        const struct sp_scenario_result *res = &b->res->scenarios[i];
        int row = PB_HDR + 1 + i, k = feas_col[i];
        double H;
        sp_xs_str(s, row, 0, res->scenario->name, f->text);
        if (k < 0) {
            sp_xs_str(s, row, 1, "no plan", f->text);
            continue;
        }
        H = b->scen_model[i].horizon;
        range(sr, NULL, first, last, 1 + k);
        sp_xref(h, &b->scen[i], SP_TOP_ROW, SP_TOP_H, true);
        /* the month after the last one below zero; none when that is
         * the horizon (or the last month shown) */
        snprintf(t, sizeof(t),
                 "{=IF(MAX(IF(ISNUMBER(%s),IF(%s<-0.005,%s,0),0))>=MIN(%s,%d),"
                 "0,MAX(IF(ISNUMBER(%s),IF(%s<-0.005,%s,0),0))+1)}",
                 sr, sr, mr, h, nmonths, sr, sr, mr);
        if (worksheet_write_array_formula_num(s->ws, (lxw_row_t)row, 1,
                                              (lxw_row_t)row, 1, t, pfmt,
                                              pay[k]) != LXW_NO_ERROR)
            s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
        sp_xs_widen(s, 1, 6);
        sp_xs_formulaf(s, row, 2, f->number, H, "=%s", h);
        sp_xref(at, NULL, first, 1 + k, true);
        sp_xs_formulaf(s, row, 3, f->money, cum[k][(int)H - 1],
                       "=INDEX(%s:%s,MIN(%s,%d))", at, strchr(sr, ':') + 1, h,
                       nmonths);
        sp_xs_str(s, row, 4,
                  res->scenario->settings.switch_renewal
                      ? "at renewal (start months as solved)"
                      : "at the start",
                  f->text);
        b->payback_row[i] = row;
        b->payback_value[i] = pay[k];
    }
}

void sp_xbook_write_payback(struct sp_xbook *b)
{
    static const char *const intro[] = {
        "The baseline under each scenario's settings, spread evenly, less "
        "what the plan pays each month:",
        "licences running, vendor overhead, leaving costs as paid, "
        "migration in its start month, fees at the start.",
        "Formulas over the plan sheets: they follow an edit of the Prices "
        "sheet. Fixed as solved: the plans,",
        "the month each new product starts, and the months listed (the "
        "longest horizon solved)."};
    struct sp_xsheet *s = &b->payback;
    const struct sp_xfmt *f = &b->fmt;
    int n = b->res->nscenarios, nf = 0, nmonths = 0, i, k, m, hdr, chart_at;
    int *feas_col = calloc((size_t)n + 1, sizeof(int));
    int *col_of = calloc((size_t)n + 1, sizeof(int));
    int *pay = calloc((size_t)n + 1, sizeof(int));
    double **cum = calloc((size_t)n + 1, sizeof(double *));
    lxw_format *pfmt = workbook_add_format(b->wb);
    struct ranges g;
    char mref[300];

    if (!feas_col || !col_of || !pay || !cum || !pfmt) {
        s->nomem = true;
        goto done;
    }
    format_set_num_format(pfmt, "0;-0;\"none\"");
    format_set_align(pfmt, LXW_ALIGN_LEFT);
    for (i = 0; i < n; i++) {
        feas_col[i] = -1;
        if (!has_plan(&b->res->scenarios[i]))
            continue;
        cum[nf] = cumulative(b, i, &pay[nf]);
        if (!cum[nf]) {
            s->nomem = true;
            goto done;
        }
        if ((int)b->scen_model[i].horizon > nmonths)
            nmonths = (int)b->scen_model[i].horizon;
        col_of[nf] = i;
        feas_col[i] = nf++;
    }
    sp_xs_label(s, 0, 0, "Payback: cumulative savings by month", f->title);
    /* short lines: LibreOffice prints a label's overflow, and a long
     * one beside a narrow table would shrink the page */
    for (i = 0; i < (int)(sizeof(intro) / sizeof(*intro)); i++)
        sp_xs_label(s, 1 + i, 0, intro[i], i < 2 ? f->subtitle : f->note);
    chart_at = PB_HDR + 1 + n + 1;
    hdr = chart_at + 1 + PB_CHART_ROWS + 2;
    if (nf == 0) {
        for (i = 0; i < n; i++) {
            sp_xs_str(s, PB_HDR + 1 + i, 0,
                      b->res->scenarios[i].scenario->name, f->text);
            sp_xs_str(s, PB_HDR + 1 + i, 1, "no plan", f->text);
        }
        sp_xs_label(s, PB_HDR - 1, 0, "No scenario has a plan.", f->note);
        sp_xs_finish(s, -1);
        goto done;
    }
    sp_xs_label(s, hdr - 1, 0,
                "Cumulative savings through each month (#N/A past the "
                "plan's horizon)",
                f->section);
    sp_xs_str(s, hdr, 0, "Month", f->header);
    for (k = 0; k < nf; k++) {
        sp_xs_str(s, hdr, 1 + k, b->res->scenarios[col_of[k]].scenario->name,
                  f->header);
    }
    write_heads(b, pfmt, hdr + 1, nmonths, feas_col, cum, pay);
    for (m = 1; m <= nmonths; m++)
        sp_xs_num(s, hdr + m, 0, m, f->number);
    for (k = 0; k < nf; k++) {
        int H = (int)b->scen_model[col_of[k]].horizon;
        ranges_of(&g, b, col_of[k]);
        for (m = 1; m <= nmonths; m++) {
            struct sp_xbuf fx = {0};
            int row = hdr + m;
            sp_xref(mref, NULL, row, 0, true);
            month_formula(&fx, &g, mref);
            if (fx.nomem) {
                s->nomem = true;
            } else if (m <= H) {
                sp_xs_formula(s, row, 1 + k, f->money, cum[k][m - 1],
                              sp_xbuf_str(&fx));
            } else {
                write_na(s, row, 1 + k, sp_xbuf_str(&fx));
            }
            sp_xbuf_free(&fx);
        }
    }
    add_chart(b, chart_at, hdr + 1, nmonths, col_of, cum, pay, nf);
    /* the chart and the monthly table each start a printed page */
    sp_xs_page_break(s, chart_at);
    sp_xs_page_break(s, hdr - 1);
    sp_xs_finish(s, -1);
done:
    for (i = 0; cum && i < nf; i++)
        free(cum[i]);
    free(cum);
    free(feas_col);
    free(col_of);
    free(pay);
}
