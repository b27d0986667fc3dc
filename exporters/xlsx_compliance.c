/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Compliance in the workbooks (docs/compliance.md, docs/workbook.md).
 *
 * The scenario workbook's Compliance sheet: a client x control matrix,
 * one row per client, framework and plan, today (the current stack under
 * that plan's frameworks) and after; "met" or "gap" per control,
 * highlighted; per row how many controls are met and whether all are
 * (formulas over the row, with their values cached); and above it, per
 * framework and plan, the clients and how many meet every control today
 * and after (SUMPRODUCT over the matrix, exact matching, no wildcards).
 *
 * The client proposal's compliance section: the client's controls, met
 * today and after the change, by which product, in plain words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_compliance_int.h"

enum { M_CLIENT, M_NAME, M_FRAMEWORK, M_PLAN, M_WHEN, M_FIRST };

/* A plan of the sheet: -1 the baseline, else a scenario with a plan. */
static const struct sp_settings *plan_settings(const struct sp_result *res,
                                               int i)
{
    return i < 0 ? &res->problem->settings
                 : &res->scenarios[i].scenario->settings;
}

static const char *plan_name(const struct sp_result *res, int i)
{
    return i < 0 ? "Baseline" : res->scenarios[i].scenario->name;
}

static bool usable_plan(const struct sp_result *res, int i)
{
    return i < 0 || (res->scenarios[i].plan && res->scenarios[i].cost);
}

/* Matrix rows for plan i: two (today, after) per client and framework,
 * one (today) for the baseline. */
static int plan_rows(const struct sp_result *res, int i)
{
    const struct sp_problem *pb = res->problem;
    int c, f, n = 0;

    if (!usable_plan(res, i))
        return 0;
    for (c = 0; c < pb->nclients; c++)
        for (f = 0; f < pb->nframeworks; f++)
            n += sp_client_has_framework(pb, plan_settings(res, i), c, f)
                     ? (i < 0 ? 1 : 2)
                     : 0;
    return n;
}

static void matrix_row(struct sp_xsheet *s, const struct sp_result *res, int i,
                       int c, int f, bool after, int row, int last)
{
    const struct sp_problem *pb = res->problem;
    const struct sp_plan *plan = after ? res->scenarios[i].plan : res->current;
    char a[300], b[300];
    int k, met = 0, gaps = 0;

    sp_xs_str(s, row, M_CLIENT, pb->clients[c].id, NULL);
    sp_xs_str(s, row, M_NAME, pb->clients[c].name, NULL);
    sp_xs_str(s, row, M_FRAMEWORK, pb->frameworks[f].label, NULL);
    sp_xs_str(s, row, M_PLAN, plan_name(res, i), NULL);
    sp_xs_str(s, row, M_WHEN, after ? "after" : "today", NULL);
    for (k = 0; k < pb->ncontrols; k++) {
        bool yes;
        if (pb->controls[k].framework != f)
            continue;
        yes = sp_plan_meets_control(pb, plan, c, k);
        sp_xs_str(s, row, M_FIRST + k, yes ? "met" : "gap", NULL);
        met += yes;
        gaps += !yes;
    }
    sp_xref(a, NULL, row, M_FIRST, false);
    sp_xref(b, NULL, row, last, false);
    sp_xs_formulaf(s, row, last + 1, s->fmt->number, met,
                   "=COUNTIF(%s:%s,\"met\")", a, b);
    sp_xs_formulaf(s, row, last + 2, s->fmt->number, gaps == 0,
                   "=IF(COUNTIF(%s:%s,\"gap\")=0,1,0)", a, b);
}

static void highlight(struct sp_xsheet *s, int r0, int r1, int c0, int c1)
{
    static const char *const values[] = {"\"gap\"", "\"met\""};
    lxw_conditional_format cf;
    int i;

    if (r1 < r0 || c1 < c0)
        return;
    for (i = 0; i < 2; i++) {
        memset(&cf, 0, sizeof(cf));
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        cf.value_string = (char *)values[i];
        cf.format = i == 0 ? s->fmt->bad : s->fmt->good;
        if (worksheet_conditional_format_range(
                s->ws, (lxw_row_t)r0, (lxw_col_t)c0, (lxw_row_t)r1,
                (lxw_col_t)c1, &cf) != LXW_NO_ERROR)
            s->nomem = true;
    }
}

/* SUMPRODUCT of the matrix rows [m0, m1] of framework cell A, plan cell
 * B, when `when`, of column col (1 = counted): clients or fully met. */
static void count_cell(struct sp_xsheet *s, int row, int col, double cached,
                       int m0, int m1, const char *when, int sumcol)
{
    char fw0[300], fw1[300], pl0[300], pl1[300], wh0[300], wh1[300];
    char v0[300], v1[300], fa[300], pa[300];

    sp_xref(fw0, NULL, m0, M_FRAMEWORK, true);
    sp_xref(fw1, NULL, m1, M_FRAMEWORK, true);
    sp_xref(pl0, NULL, m0, M_PLAN, true);
    sp_xref(pl1, NULL, m1, M_PLAN, true);
    sp_xref(wh0, NULL, m0, M_WHEN, true);
    sp_xref(wh1, NULL, m1, M_WHEN, true);
    sp_xref(fa, NULL, row, 0, false);
    sp_xref(pa, NULL, row, 1, false);
    if (sumcol < 0) {
        sp_xs_formulaf(s, row, col, s->fmt->number, cached,
                       "=SUMPRODUCT((%s:%s=%s)*(%s:%s=%s)*(%s:%s=\"%s\"))",
                       fw0, fw1, fa, pl0, pl1, pa, wh0, wh1, when);
        return;
    }
    sp_xref(v0, NULL, m0, sumcol, true);
    sp_xref(v1, NULL, m1, sumcol, true);
    sp_xs_formulaf(s, row, col, s->fmt->number, cached,
                   "=SUMPRODUCT((%s:%s=%s)*(%s:%s=%s)*(%s:%s=\"%s\")*%s:%s)",
                   fw0, fw1, fa, pl0, pl1, pa, wh0, wh1, when, v0, v1);
}

static void write_sheet(struct sp_xsheet *s, const struct sp_result *res)
{
    const struct sp_problem *pb = res->problem;
    static const char *const sum_hdr[] = {
        "Framework",          "Plan",    "Controls in scope",
        "Framework controls", "Clients", "Fully met today",
        "Fully met after"};
    struct sp_xbuf scope = {0};
    char part[300];
    int i, f, c, k, row, m0, m1, nrows = 0, nsum = 0, last, full;

    for (i = -1; i < res->nscenarios; i++) {
        nrows += plan_rows(res, i);
        for (f = 0; usable_plan(res, i) && f < pb->nframeworks; f++) {
            int n;
            sp_compliance_count(pb, plan_settings(res, i), res->current, f,
                                &n);
            nsum += n > 0;
        }
    }
    sp_xs_label(s, 0, 0, "Compliance: controls met today and after each plan",
                s->fmt->title);
    for (f = 0; f < pb->nframeworks; f++) {
        const struct sp_framework *fw = &pb->frameworks[f];
        if (fw->total > 0)
            snprintf(part, sizeof(part), "%s %d of %d controls", fw->label,
                     fw->ncontrols, fw->total);
        else
            snprintf(part, sizeof(part), "%s %d controls", fw->label,
                     fw->ncontrols);
        sp_xbuf_item(&scope, "; ", part);
    }
    sp_xs_label(s, 1, 0,
                "A control is met when a product of the plan covers one of "
                "its categories. \"Fully met\" means every control in scope, "
                "not compliance: the rest of a framework is process no "
                "product choice meets.",
                s->fmt->subtitle);
    {
        char *line = malloc(strlen(sp_xbuf_str(&scope)) + 32);
        if (line) {
            sprintf(line, "In scope: %s.", sp_xbuf_str(&scope));
            sp_xs_label(s, 2, 0, line, s->fmt->note);
            free(line);
        } else {
            s->nomem = true;
        }
    }
    sp_xbuf_free(&scope);

    /* summary first, its formulas over the matrix below */
    row = 4;
    for (k = 0; k < 7; k++)
        sp_xs_str(s, row, k, sum_hdr[k], s->fmt->header);
    m0 = row + 1 + nsum + 3;
    m1 = m0 + nrows - 1;
    last = M_FIRST + pb->ncontrols - 1;
    full = last + 2;
    row++;
    for (i = -1; i < res->nscenarios; i++) {
        const struct sp_settings *st = plan_settings(res, i);
        for (f = 0; usable_plan(res, i) && f < pb->nframeworks; f++) {
            const struct sp_framework *fw = &pb->frameworks[f];
            int n, today = sp_compliance_count(pb, st, res->current, f, &n);
            if (n == 0)
                continue;
            sp_xs_str(s, row, 0, fw->label, NULL);
            sp_xs_str(s, row, 1, plan_name(res, i), NULL);
            sp_xs_num(s, row, 2, fw->ncontrols, s->fmt->number);
            if (fw->total > 0)
                sp_xs_num(s, row, 3, fw->total, s->fmt->number);
            count_cell(s, row, 4, n, m0, m1, "today", -1);
            count_cell(s, row, 5, today, m0, m1, "today", full);
            if (i >= 0)
                count_cell(
                    s, row, 6,
                    sp_compliance_count(pb, st, res->scenarios[i].plan, f, &n),
                    m0, m1, "after", full);
            row++;
        }
    }

    /* the matrix */
    row = m0 - 1;
    sp_xs_str(s, row, M_CLIENT, "Client", s->fmt->header);
    sp_xs_str(s, row, M_NAME, "Name", s->fmt->header);
    sp_xs_str(s, row, M_FRAMEWORK, "Framework", s->fmt->header);
    sp_xs_str(s, row, M_PLAN, "Plan", s->fmt->header);
    sp_xs_str(s, row, M_WHEN, "When", s->fmt->header);
    for (k = 0; k < pb->ncontrols; k++) {
        snprintf(part, sizeof(part), "%s %s",
                 pb->frameworks[pb->controls[k].framework].label,
                 pb->controls[k].id);
        sp_xs_str(s, row, M_FIRST + k, part, s->fmt->header);
    }
    sp_xs_str(s, row, last + 1, "Controls met", s->fmt->header);
    sp_xs_str(s, row, full, "Fully met (1 = yes)", s->fmt->header);
    sp_xs_label(s, row - 1, 0, "Client by control", s->fmt->section);
    row++;
    for (i = -1; i < res->nscenarios; i++) {
        if (!usable_plan(res, i))
            continue;
        for (c = 0; c < pb->nclients; c++)
            for (f = 0; f < pb->nframeworks; f++) {
                if (!sp_client_has_framework(pb, plan_settings(res, i), c, f))
                    continue;
                matrix_row(s, res, i, c, f, false, row++, last);
                if (i >= 0)
                    matrix_row(s, res, i, c, f, true, row++, last);
            }
    }
    highlight(s, m0, m1, M_FIRST, last);
    worksheet_freeze_panes(s->ws, (lxw_row_t)m0, M_FIRST);
    sp_xs_finish(s, m0 - 1);
}

enum sp_status sp_xcompliance_write(lxw_workbook *wb,
                                    const struct sp_xfmt *fmt,
                                    const struct sp_result *res,
                                    struct sp_xnames *names, char *err,
                                    size_t errsize)
{
    struct sp_xsheet s;
    char name[SP_XLSX_NAME_SIZE];
    enum sp_status st;

    memset(&s, 0, sizeof(s));
    if (res->problem->nframeworks == 0 || res->problem->ncontrols == 0)
        return SP_OK; /* no controls.csv: no sheet */
    if (!sp_xnames_make(names, "Compliance", "Compliance", name) ||
        !sp_xsheet_add(&s, wb, fmt, name)) {
        sp_xsheet_clear(&s);
        snprintf(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    write_sheet(&s, res);
    st = sp_xs_status(&s, err, errsize);
    sp_xsheet_clear(&s);
    return st;
}

/* ---- the proposal's section ------------------------------------------- */

/* "met by NAME, NAME" or "not met". */
static void met_text(const struct sp_problem *pb, const struct sp_plan *plan,
                     int c, int k, struct sp_xbuf *b)
{
    int p;

    for (p = 0; p < pb->nproducts; p++)
        if (sp_plan_has(plan, c, p) && sp_control_met_by(pb, k, p)) {
            if (!b->len)
                sp_xbuf_add(b, "met by ");
            else
                sp_xbuf_add(b, ", ");
            sp_xbuf_add(b, pb->products[p].name);
        }
    if (!b->len)
        sp_xbuf_add(b, "not met");
}

int sp_xprop_write_compliance(struct sp_xprop *x, int row)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_problem *pb = x->pb;
    const struct sp_settings *st = &x->sr->scenario->settings;
    int f, k, first = row;
    char line[512];

    for (f = 0; f < pb->nframeworks; f++) {
        const struct sp_framework *fw = &pb->frameworks[f];
        int met_now = 0, met_after = 0;
        if (!sp_client_has_framework(pb, st, x->client, f))
            continue;
        if (row == first) {
            sp_xs_label(s, row++, 0, "Compliance evidence", x->fmt.section);
            sp_xs_label(s, row++, 0,
                        "Which of your framework's controls your security "
                        "products meet, today and after the change. The "
                        "other controls are policies and processes, not "
                        "products.",
                        x->fmt.note);
        }
        for (k = 0; k < pb->ncontrols; k++)
            if (pb->controls[k].framework == f) {
                met_now +=
                    sp_plan_meets_control(pb, x->res->current, x->client, k);
                met_after +=
                    sp_plan_meets_control(pb, x->sr->plan, x->client, k);
            }
        if (fw->total > 0)
            snprintf(line, sizeof(line),
                     "%s: %d of its %d controls can be met by products; "
                     "today %d are met, after the change %d.",
                     fw->label, fw->ncontrols, fw->total, met_now, met_after);
        else
            snprintf(line, sizeof(line),
                     "%s: %d controls can be met by products; today %d are "
                     "met, after the change %d.",
                     fw->label, fw->ncontrols, met_now, met_after);
        row++;
        sp_xs_label(s, row++, 0, line, x->fmt.bold);
        sp_xs_str(s, row, 0, "Control", x->fmt.header);
        sp_xs_str(s, row, 1, "What it asks", x->fmt.header);
        sp_xs_str(s, row, 2, "Today", x->fmt.header);
        sp_xs_str(s, row, 3, "After the change", x->fmt.header);
        row++;
        for (k = 0; k < pb->ncontrols; k++) {
            struct sp_xbuf now = {0}, after = {0};
            if (pb->controls[k].framework != f)
                continue;
            met_text(pb, x->res->current, x->client, k, &now);
            met_text(pb, x->sr->plan, x->client, k, &after);
            sp_xs_str(s, row, 0, pb->controls[k].id, NULL);
            sp_xs_str(s, row, 1, pb->controls[k].title, NULL);
            sp_xs_str(s, row, 2, sp_xbuf_str(&now), NULL);
            sp_xs_str(s, row, 3, sp_xbuf_str(&after), NULL);
            if (now.nomem || after.nomem)
                s->nomem = true;
            sp_xbuf_free(&now);
            sp_xbuf_free(&after);
            row++;
        }
    }
    return row;
}
