/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing the consolidation frontier: its JSON (docs/whatif.md), the
 * Frontier sheet (a table, a line chart of cost against vendors kept, and
 * which vendors survive at each count), and the what-if workbook that
 * holds it and/or the Sensitivity sheet (exporters/sensitivity.c).
 *
 * The cJSON trees of both what-if results are built in these two files
 * and never leave them.
 */
#include "config.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "exporters_int.h"
#include "whatif_int.h"
#include "xlsx_int.h"

/* ---- JSON ------------------------------------------------------------- */

cJSON *sp_whatif_money(double v)
{
    return isfinite(v) ? cJSON_CreateNumber(sp_round_money(v))
                       : cJSON_CreateNull();
}

cJSON *sp_whatif_names(const char *const *names, int n)
{
    cJSON *arr = cJSON_CreateArray(), *item;
    int i;

    for (i = 0; arr && i < n; i++) {
        item = cJSON_CreateString(names[i]);
        if (!item || !cJSON_AddItemToArray(arr, item)) {
            cJSON_Delete(item);
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

static cJSON *point_json(const sp_frontier *f,
                         const struct sp_frontier_point *p)
{
    cJSON *obj = cJSON_CreateObject();

    if (!obj ||
        !sp_json_put(obj, "max_vendors",
                     p->max_vendors >= 0 ? cJSON_CreateNumber(p->max_vendors)
                                         : cJSON_CreateNull()) ||
        !sp_json_put(obj, "status", cJSON_CreateString(p->status)) ||
        !sp_json_put(obj, "total_cost", sp_whatif_money(p->total_cost)) ||
        !sp_json_put(obj, "monthly_run_rate",
                     sp_whatif_money(p->monthly_run_rate)) ||
        !sp_json_put(obj, "vendors",
                     sp_whatif_names(p->vendors, p->nvendors)) ||
        !sp_json_put(obj, "gap",
                     cJSON_CreateNumber(sp_round_fraction(p->gap))) ||
        !sp_json_put(obj, "vendor_count", cJSON_CreateNumber(p->nvendors)) ||
        !sp_json_put(obj, "savings",
                     sp_whatif_money(f->baseline_total - p->total_cost)) ||
        !sp_json_put(obj, "solved", cJSON_CreateBool(p->solved))) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static cJSON *frontier_json(const sp_frontier *f)
{
    cJSON *obj = cJSON_CreateObject(), *points, *base, *item;
    char start[11];
    int i;

    sp_date_format(&f->base.settings.start_date, start);
    if (!obj ||
        !sp_json_put(obj, "scenario", sp_json_str_or_null(f->scenario)) ||
        !sp_json_put(obj, "infeasible_below",
                     f->infeasible_below >= 0
                         ? cJSON_CreateNumber(f->infeasible_below)
                         : cJSON_CreateNull()))
        goto fail;
    points = cJSON_CreateArray();
    if (!sp_json_put(obj, "points", points))
        goto fail;
    for (i = 0; i < f->npoints; i++) {
        item = point_json(f, &f->points[i]);
        if (!item || !cJSON_AddItemToArray(points, item)) {
            cJSON_Delete(item);
            goto fail;
        }
    }
    base = cJSON_CreateObject();
    if (!sp_json_put(obj, "infeasible_reason",
                     sp_json_str_or_null(f->below_reason)) ||
        !sp_json_put(obj, "reason", sp_json_str_or_null(f->reason)) ||
        !sp_json_put(obj, "baseline", base) ||
        !sp_json_put(base, "vendor_count",
                     cJSON_CreateNumber(f->baseline_vendors)) ||
        !sp_json_put(base, "total_cost", sp_whatif_money(f->baseline_total)) ||
        !sp_json_put(base, "monthly_run_rate",
                     sp_whatif_money(f->baseline_run_rate)) ||
        !sp_json_put_meta(obj, f->base.settings.horizon_months, start,
                          f->base.settings.currency))
        goto fail;
    return obj;
fail:
    cJSON_Delete(obj);
    return NULL;
}

enum sp_status sp_frontier_json_write(const sp_frontier *f, const char *path,
                                      char *err, size_t errsize)
{
    if (!f || !path) {
        snprintf(err, errsize,
                 "sp_frontier_json_write: missing frontier or "
                 "path");
        return SP_ERR_USAGE;
    }
    return sp_json_save(frontier_json(f), path, err, errsize);
}

/* ---- the Frontier sheet ----------------------------------------------- */

enum {
    F_LIMIT,
    F_KEPT,
    F_TOTAL,
    F_STEP,
    F_RUN,
    F_SAVINGS,
    F_STATUS,
    F_GAP,
    F_VENDORS,
    F_TODAY, /* today's total on the row of today's vendor count: the
                chart's "today" point */
    F_NCOLS
};

enum { F_BASE_ROW = 4, F_HEADER = 6 };

static void frontier_header(struct sp_xsheet *s, const sp_frontier *f)
{
    static const char *const names[F_NCOLS] = {
        "Max vendors",
        "Vendors kept",
        "Least total cost",
        "Extra cost of one vendor fewer",
        "Monthly run rate",
        "Savings vs today",
        "Status",
        "Gap",
        "Vendors kept (names)",
        "Today (same vendor count)"};
    const struct sp_xfmt *x = s->fmt;
    char text[1024];
    int i;

    sp_xs_label(s, 0, 0, "Consolidation frontier", x->title);
    snprintf(text, sizeof(text),
             "Least total cost of ownership over %g months for each number "
             "of vendors kept, from %s%s%s. Money in %s.",
             f->base.settings.horizon_months,
             f->scenario ? "scenario '" : "the file's settings",
             f->scenario ? f->scenario : "", f->scenario ? "'" : "",
             f->base.settings.currency);
    sp_xs_label(s, 1, 0, text, x->subtitle);
    if (f->reason)
        snprintf(text, sizeof(text), "No plan at all: %s", f->reason);
    else if (f->below_reason)
        snprintf(text, sizeof(text),
                 "Each point is a plan solved to a proven optimum (see "
                 "Status and Gap). Fewer than %d vendors is infeasible: %s",
                 f->infeasible_below, f->below_reason);
    else
        snprintf(text, sizeof(text),
                 "Each point is a plan solved to a proven optimum (see "
                 "Status and Gap).");
    sp_xs_label(s, 2, 0, text, x->note);
    sp_xs_str(s, F_BASE_ROW - 1, F_LIMIT, "Today", x->bold);
    sp_xs_str(s, F_BASE_ROW - 1, F_KEPT, "Vendors", x->bold);
    sp_xs_str(s, F_BASE_ROW - 1, F_TOTAL, "Total cost", x->bold);
    sp_xs_str(s, F_BASE_ROW, F_LIMIT, "baseline", NULL);
    sp_xs_num(s, F_BASE_ROW, F_KEPT, f->baseline_vendors, x->number);
    sp_xs_num(s, F_BASE_ROW, F_TOTAL, f->baseline_total, x->money);
    for (i = 0; i < F_NCOLS; i++)
        sp_xs_str(s, F_HEADER, i, names[i], x->header);
}

static void frontier_row(struct sp_xsheet *s, const sp_frontier *f, int i,
                         int row)
{
    const struct sp_xfmt *x = s->fmt;
    const struct sp_frontier_point *p = &f->points[i];
    struct sp_xbuf names = {0};
    char base[300], here[32], next[32];
    int v;

    if (p->max_vendors >= 0)
        sp_xs_num(s, row, F_LIMIT, p->max_vendors, x->number);
    else
        sp_xs_str(s, row, F_LIMIT, "no limit", NULL);
    sp_xs_num(s, row, F_KEPT, p->nvendors, x->number);
    sp_xs_num(s, row, F_TOTAL, p->total_cost, x->money);
    /* the limit above is the next row; the unconstrained point has none */
    if (i + 1 < f->npoints && f->points[i + 1].max_vendors >= 0) {
        sp_xref(here, NULL, row, F_TOTAL, false);
        sp_xref(next, NULL, row + 1, F_TOTAL, false);
        sp_xs_formulaf(s, row, F_STEP, x->money,
                       p->total_cost - f->points[i + 1].total_cost, "=%s-%s",
                       here, next);
    }
    sp_xs_num(s, row, F_RUN, p->monthly_run_rate, x->money);
    sp_xref(base, NULL, F_BASE_ROW, F_TOTAL, true);
    sp_xref(here, NULL, row, F_TOTAL, false);
    sp_xs_formulaf(s, row, F_SAVINGS, x->money,
                   f->baseline_total - p->total_cost, "=%s-%s", base, here);
    sp_xs_str(s, row, F_STATUS, p->status, NULL);
    sp_xs_num(s, row, F_GAP, sp_round_fraction(p->gap), x->percent);
    for (v = 0; v < p->nvendors; v++)
        sp_xbuf_item(&names, ", ", p->vendors[v]);
    if (names.nomem)
        s->nomem = true;
    sp_xs_str(s, row, F_VENDORS, sp_xbuf_str(&names), x->wrap);
    sp_xbuf_free(&names);
    if (p->max_vendors >= 0 && p->max_vendors == f->baseline_vendors)
        /* a number, not a formula: the chart's cache holds cell values */
        sp_xs_num(s, row, F_TODAY, f->baseline_total, x->money);
}

/* Cost against the vendor limit: the limit rows only (the unconstrained
 * point has no number to stand on). */
static void frontier_chart(struct sp_xsheet *s, lxw_workbook *wb,
                           const sp_frontier *f, int first, int last, int at)
{
    lxw_chart *ch;
    lxw_chart_series *ser;
    char money[64];

    if (last < first)
        return;
    ch = workbook_add_chart(wb, LXW_CHART_LINE);
    if (!ch) {
        s->nomem = true;
        return;
    }
    ser = chart_add_series(ch, NULL, NULL);
    if (!ser) {
        s->nomem = true;
        return;
    }
    chart_series_set_categories(ser, s->name, (lxw_row_t)first, F_LIMIT,
                                (lxw_row_t)last, F_LIMIT);
    chart_series_set_values(ser, s->name, (lxw_row_t)first, F_TOTAL,
                            (lxw_row_t)last, F_TOTAL);
    chart_series_set_name(ser, "Least total cost");
    chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
    sp_xchart_labels(ser, f->base.settings.currency);
    /* today: one point at today's vendor count, when the limits reach it */
    if (f->baseline_vendors >= 0) {
        lxw_chart_line none = {0};
        lxw_chart_series *now = chart_add_series(ch, NULL, NULL);
        if (!now) {
            s->nomem = true;
            return;
        }
        chart_series_set_categories(now, s->name, (lxw_row_t)first, F_LIMIT,
                                    (lxw_row_t)last, F_LIMIT);
        chart_series_set_values(now, s->name, (lxw_row_t)first, F_TODAY,
                                (lxw_row_t)last, F_TODAY);
        chart_series_set_name(now, "Today");
        chart_series_set_marker_type(now, LXW_CHART_MARKER_DIAMOND);
        chart_series_set_marker_size(now, 10);
        none.none = LXW_TRUE;
        chart_series_set_line(now, &none);
        sp_xchart_labels(now, f->base.settings.currency);
    }
    chart_title_set_name(ch, "Total cost against vendors kept");
    chart_axis_set_name(ch->x_axis, "Max vendors");
    chart_axis_set_name(ch->y_axis, "Total cost over the horizon");
    snprintf(money, sizeof(money), "%s", f->base.settings.currency);
    sp_xchart_style(ch, money);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    if (sp_xchart_insert(s, (lxw_row_t)at, ch, 1.3) != LXW_NO_ERROR)
        s->nomem = true;
}

/* Which vendors each point keeps: one row per vendor kept today or at
 * some point, one column per point. */
static int vendor_matrix(struct sp_xsheet *s, const sp_frontier *f, int row)
{
    const struct sp_problem *pb = f->pb;
    const struct sp_xfmt *x = s->fmt;
    struct sp_plan *today = sp_plan_current(pb);
    char label[32];
    int v, i;

    if (!today) {
        s->nomem = true;
        return row;
    }
    sp_xs_label(s, row++, 0, "Vendors kept at each limit", x->section);
    sp_xs_str(s, row, 0, "Vendor", x->header);
    sp_xs_str(s, row, 1, "Today", x->header);
    for (i = 0; i < f->npoints; i++) {
        if (f->points[i].max_vendors >= 0)
            snprintf(label, sizeof(label), "At most %d",
                     f->points[i].max_vendors);
        else
            snprintf(label, sizeof(label), "No limit");
        sp_xs_str(s, row, 2 + i, label, x->header);
    }
    row++;
    for (v = 0; v < pb->nvendors; v++) {
        bool any = today->kept[v];
        for (i = 0; i < f->npoints && !any; i++)
            any = f->plans[f->point_plan[i]].plan->kept[v];
        if (!any)
            continue;
        sp_xs_str(s, row, 0, pb->vendors[v].name, NULL);
        if (today->kept[v])
            sp_xs_str(s, row, 1, "kept", x->good);
        for (i = 0; i < f->npoints; i++)
            if (f->plans[f->point_plan[i]].plan->kept[v])
                sp_xs_str(s, row, 2 + i, "kept", x->good);
        row++;
    }
    sp_plan_free(today);
    return row;
}

void sp_xfrontier_write(struct sp_xsheet *s, lxw_workbook *wb,
                        const sp_frontier *f)
{
    int row = F_HEADER + 1, i, first = row, last = row - 1;

    frontier_header(s, f);
    for (i = 0; i < f->npoints; i++, row++) {
        frontier_row(s, f, i, row);
        if (f->points[i].max_vendors >= 0)
            last = row;
    }
    worksheet_freeze_panes(s->ws, F_HEADER + 1, 1);
    /* about 20 rows of chart under the table, then the vendors */
    frontier_chart(s, wb, f, first, last, row + 1);
    vendor_matrix(s, f, row + 22);
    sp_xs_finish(s, F_HEADER);
}

/* ---- the what-if workbook --------------------------------------------- */

static void set_properties(lxw_workbook *wb, const sp_frontier *f,
                           const sp_breakeven *b)
{
    char title[] = "Security vendor consolidation: what-if analysis";
    char author[] = "stackplan", company[] = "stackplan";
    char category[] = "What-if analysis";
    char keywords[] = "stackplan, MSP, frontier, break-even, sensitivity";
    char comments[256];
    lxw_doc_properties props;

    snprintf(comments, sizeof(comments), "Written by stackplan %s:%s%s.",
             PACKAGE_VERSION, f ? " the consolidation frontier" : "",
             b ? (f ? " and break-even prices" : " break-even prices") : "");
    memset(&props, 0, sizeof(props));
    props.title = title;
    props.author = author;
    props.company = company;
    props.category = category;
    props.keywords = keywords;
    props.comments = comments;
    workbook_set_properties(wb, &props);
}

enum sp_status sp_whatif_workbook_write(const sp_frontier *f,
                                        const sp_breakeven *b,
                                        const char *path, char *err,
                                        size_t errsize)
{
    struct sp_xfmt fmt;
    struct sp_xsheet front, sens;
    lxw_workbook *wb = NULL;
    char tmp[4096];
    const char *currency;
    enum sp_status st;
    lxw_error e;

    memset(&front, 0, sizeof(front));
    memset(&sens, 0, sizeof(sens));
    if (err && errsize)
        err[0] = '\0'; /* on SP_OK, a warning or nothing */
    if ((!f && !b) || !path || !*path) {
        snprintf(err, errsize,
                 "what-if workbook: nothing to write or no "
                 "path");
        return SP_ERR_USAGE;
    }
    currency = f ? f->base.settings.currency : b->currency;
    st = sp_atomic_tmpname(path, tmp, sizeof(tmp), err, errsize);
    if (st != SP_OK)
        return st;
    wb = workbook_new(tmp);
    st = SP_ERR_NOMEM;
    if (!wb || !sp_xfmt_init(&fmt, wb, currency) ||
        (f && !sp_xsheet_add(&front, wb, &fmt, "Frontier")) ||
        (b && !sp_xsheet_add(&sens, wb, &fmt, "Sensitivity"))) {
        snprintf(err, errsize, "out of memory");
        goto cleanup;
    }
    if (f)
        sp_xfrontier_write(&front, wb, f);
    if (b)
        sp_xsensitivity_write(&sens, wb, b);
    set_properties(wb, f, b);
    st = f ? sp_xs_status(&front, err, errsize) : SP_OK;
    if (st == SP_OK && b)
        st = sp_xs_status(&sens, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    e = workbook_close(wb);
    wb = NULL;
    if (e != LXW_NO_ERROR) {
        snprintf(err, errsize, "%s: %s", path, lxw_strerror(e));
        st = SP_ERR_IO;
    }

cleanup:
    if (wb)
        workbook_close(wb); /* frees it; the file is removed below */
    sp_xsheet_clear(&front);
    sp_xsheet_clear(&sens);
    if (st == SP_OK)
        return sp_atomic_finish(tmp, path, 1, err, errsize);
    sp_atomic_finish(tmp, path, 0, NULL, 0);
    return st;
}
