/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Executive summary, the workbook's first sheet: the recommended
 * scenario with its savings, one-time cost, vendors, clients affected and
 * risks, then every scenario on comparable terms (per month, with its
 * horizon beside every total) and two charts.
 *
 * The recommendation is the scenario named by the caller (solve
 * --recommend NAME), else the cheapest per month (total cost / horizon:
 * totals over different horizons do not compare) among the scenarios with
 * a proven-optimal plan that scenarios.json does not mark
 * "eligible": false.
 *
 * Each block is one function over the result: the money, the outcomes
 * (payback from the migration schedule, margin, capabilities lost,
 * compliance), the change (vendors, clients) and the risks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compliance_int.h"
#include "xlsx_book_int.h"

/* Columns of the comparison table. */
enum {
    X_NAME,
    X_STATUS,
    X_ELIGIBLE,
    X_HORIZON,
    X_TOTAL,
    X_PERMONTH,
    X_RUNRATE,
    X_SAVINGS,
    X_SAVPERMONTH,
    X_ONETIME,
    X_NVENDORS,
    X_NCOLS
};

/* Columns of the per-month parts table. */
enum { P_NAME, P_LICENCE, P_MIGRATION, P_TERMINATION, P_OVERHEAD, P_NCOLS };

static bool has_plan(const struct sp_scenario_result *sr)
{
    return sr->plan && sr->cost;
}

int sp_xrecommend(const struct sp_result *res, const char *name, bool *named)
{
    int i, best = -1;
    double best_pm = 0;

    *named = false;
    if (name) {
        for (i = 0; i < res->nscenarios; i++)
            if (strcmp(res->scenarios[i].scenario->name, name) == 0) {
                *named = true;
                return has_plan(&res->scenarios[i]) ? i : -1;
            }
        return -1;
    }
    for (i = 0; i < res->nscenarios; i++) {
        const struct sp_scenario_result *sr = &res->scenarios[i];
        double pm;
        if (!has_plan(sr) || sr->status != SP_PLAN_OPTIMAL ||
            sr->scenario->ineligible || sr->cost->horizon <= 0)
            continue;
        pm = sr->cost->total / sr->cost->horizon;
        /* the first of equal ones: the order of scenarios.json */
        if (best < 0 || pm < best_pm - 0.005) {
            best = i;
            best_pm = pm;
        }
    }
    return best;
}

int sp_workbook_recommended(const sp_result *res, const char *recommend)
{
    bool named;

    return res ? sp_xrecommend(res, recommend, &named) : -1;
}

static const struct sp_xsheet *plan_sheet(const struct sp_xbook *b, int i)
{
    return i < 0 ? &b->baseline : &b->scen[i];
}

static const struct sp_xplan *plan_model(const struct sp_xbook *b, int i)
{
    return i < 0 ? &b->base_model : &b->scen_model[i];
}

/* "=Plan!$X$5" with op and a second key figure: "=Plan!A op Plan!B". */
static void top_formula(struct sp_xsheet *s, int row, int col, lxw_format *f,
                        const struct sp_xbook *b, int i, int top1,
                        const char *op, int top2)
{
    const struct sp_xplan *m = plan_model(b, i);
    char a[300], c[300];
    double v = m->top[top1];

    sp_xref(a, plan_sheet(b, i), SP_TOP_ROW, top1, true);
    if (!op) {
        sp_xs_formulaf(s, row, col, f, v, "=%s", a);
        return;
    }
    sp_xref(c, plan_sheet(b, i), SP_TOP_ROW, top2, true);
    if (op[0] == '+')
        v = m->top[top1] + m->top[top2];
    else
        v = m->top[top2] > 0 ? m->top[top1] / m->top[top2] : 0;
    if (op[0] == '/')
        sp_xs_formulaf(s, row, col, f, v, "=IF(%s>0,%s/%s,0)", c, a, c);
    else
        sp_xs_formulaf(s, row, col, f, v, "=%s%s%s", a, op, c);
}

static void vendor_lists(const struct sp_problem *pb,
                         const struct sp_plan *now, const struct sp_plan *pl,
                         struct sp_xbuf *kept, struct sp_xbuf *dropped,
                         int *nkept, int *ndropped)
{
    int v;

    *nkept = *ndropped = 0;
    for (v = 0; v < pb->nvendors; v++) {
        if (pl->kept[v]) {
            sp_xbuf_item(kept, ", ", pb->vendors[v].name);
            ++*nkept;
        } else if (now->kept[v]) {
            sp_xbuf_item(dropped, ", ", pb->vendors[v].name);
            ++*ndropped;
        }
    }
}

/* Clients whose products change; pinned = kept as they are by
 * keep_clients. */
static int clients_changed(const struct sp_problem *pb,
                           const struct sp_plan *now, const struct sp_plan *pl)
{
    int c, p, n = 0;

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(now, c, p) != sp_plan_has(pl, c, p)) {
                n++;
                break;
            }
    return n;
}

static int label_row(struct sp_xsheet *s, int row, const char *label)
{
    sp_xs_str(s, row, 0, label, s->fmt->bold);
    return row;
}

/* The recommendation's money: savings, run-rate, one-time cost. */
static int block_money(struct sp_xbook *b, int row, int i)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_scenario_result *sr = &b->res->scenarios[i];
    const struct sp_costing *before =
        sr->baseline ? sr->baseline : b->res->baseline;
    char line[160];

    snprintf(line, sizeof(line), "Savings over the horizon (%.0f months)",
             sr->cost->horizon);
    label_row(s, row, line);
    top_formula(s, row, 1, f->money, b, i, SP_TOP_SAVINGS, NULL, 0);
    sp_xs_label(s, row, 2,
                "against the current stack costed under the same settings",
                f->note);
    row++;
    label_row(s, row, "Savings per month (savings / horizon)");
    top_formula(s, row, 1, f->money, b, i, SP_TOP_SAVINGS, "/", SP_TOP_H);
    row++;
    label_row(s, row, "Monthly run-rate today");
    {
        /* the total of the scenario sheet's "Baseline under this
         * scenario's settings" table: it follows the Prices sheet */
        const struct sp_xplan *m = plan_model(b, i);
        char ref[300];
        sp_xref(ref, plan_sheet(b, i), m->unmapped_hdr + 1 + b->pb->nvendors,
                6, true);
        sp_xs_formulaf(s, row, 1, f->money, before->monthly_run_rate, "=%s",
                       ref);
    }
    sp_xs_label(s, row, 2,
                "licence + vendor overhead per month of the current stack "
                "under the same settings",
                f->note);
    row++;
    label_row(s, row, "Monthly run-rate once migrated");
    top_formula(s, row, 1, f->money, b, i, SP_TOP_RUNRATE, NULL, 0);
    row++;
    label_row(s, row, "Saved each month once migrated");
    {
        char a[300], c[300];
        sp_xref(a, NULL, row - 2, 1, false);
        sp_xref(c, NULL, row - 1, 1, false);
        sp_xs_formulaf(s, row, 1, f->money,
                       before->monthly_run_rate -
                           plan_model(b, i)->top[SP_TOP_RUNRATE],
                       "=%s-%s", a, c);
    }
    sp_xs_label(s, row, 2,
                "the run-rate today less the run-rate once migrated", f->note);
    row++;
    label_row(s, row, "One-time cost (migration + termination)");
    top_formula(s, row, 1, f->money, b, i, SP_TOP_MIGRATION, "+",
                SP_TOP_TERMINATION);
    return row + 1;
}

/* Vendors kept and dropped, clients affected. */
static int block_change(struct sp_xbook *b, int row, int i)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_problem *pb = b->pb;
    const struct sp_scenario_result *sr = &b->res->scenarios[i];
    struct sp_xbuf kept = {0}, dropped = {0};
    char line[160];
    int nk, nd, changed;

    vendor_lists(pb, b->res->current, sr->plan, &kept, &dropped, &nk, &nd);
    snprintf(line, sizeof(line), "Vendors kept (%d)", nk);
    label_row(s, row, line);
    sp_xs_str(s, row, 1, sp_xbuf_str(&kept), f->wrap);
    row++;
    snprintf(line, sizeof(line), "Vendors dropped (%d)", nd);
    label_row(s, row, line);
    sp_xs_str(s, row, 1, nd ? sp_xbuf_str(&dropped) : "none", f->wrap);
    row++;
    changed = clients_changed(pb, b->res->current, sr->plan);
    label_row(s, row, "Clients affected");
    snprintf(line, sizeof(line), "%d of %d change products", changed,
             pb->nclients);
    sp_xs_str(s, row, 1, line, f->text);
    if (kept.nomem || dropped.nomem)
        s->nomem = true;
    sp_xbuf_free(&kept);
    sp_xbuf_free(&dropped);
    return row + 1;
}

/* What could go wrong: a plan not proven optimal, coverage left open,
 * clients kept as they are, a horizon other than the baseline's. */
static int block_risks(struct sp_xbook *b, int row, int i)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_problem *pb = b->pb;
    const struct sp_scenario_result *sr = &b->res->scenarios[i];
    const struct sp_scenario *sc = sr->scenario;
    char line[512];
    int k, n = 0;

    label_row(s, row, "Risks");
    if (sr->status != SP_PLAN_OPTIMAL) {
        snprintf(line, sizeof(line),
                 "the plan is not proven optimal (%s, gap %.2f%%): a "
                 "cheaper one may exist",
                 sp_plan_status_name(sr->status), sr->gap * 100);
        sp_xs_label(s, row + n++, 1, line, f->text);
    }
    if (sr->cost->nuncovered > 0) {
        snprintf(line, sizeof(line),
                 "%d coverage gap%s (client \xC3\x97 category) left open",
                 sr->cost->nuncovered, sr->cost->nuncovered == 1 ? "" : "s");
        sp_xs_label(s, row + n++, 1, line, f->text);
    }
    if (sc->nkeep_clients > 0) {
        struct sp_xbuf names = {0};
        for (k = 0; k < sc->nkeep_clients; k++)
            sp_xbuf_item(&names, ", ", pb->clients[sc->keep_clients[k]].id);
        snprintf(line, sizeof(line),
                 "%d client%s kept as they are (keep_clients): %s",
                 sc->nkeep_clients, sc->nkeep_clients == 1 ? "" : "s",
                 sp_xbuf_str(&names));
        sp_xs_label(s, row + n++, 1, line, f->text);
        if (names.nomem)
            s->nomem = true;
        sp_xbuf_free(&names);
    }
    if (sr->cost->horizon != b->res->baseline->horizon) {
        snprintf(line, sizeof(line),
                 "a %.0f-month horizon, the baseline's is %.0f: compare "
                 "per month",
                 sr->cost->horizon, b->res->baseline->horizon);
        sp_xs_label(s, row + n++, 1, line, f->text);
    }
    if (sc->settings.labor_rate == 0 ||
        (sc->settings.migration_hours_fixed == 0 &&
         sc->settings.migration_hours_per_unit == 0))
        sp_xs_label(s, row + n++, 1,
                    "migration labour is priced at nothing (labor_rate or "
                    "the migration hours are 0): only setup fees count",
                    f->text);
    if (!sc->settings.start_date_given)
        sp_xs_label(s, row + n++, 1,
                    "no start_date in the settings: computed as of the day "
                    "it was solved, so the figures change from day to day",
                    f->text);
    if (n == 0)
        sp_xs_label(s, row + n++, 1, "none found", f->text);
    return row + n;
}

/* Payback (the migration schedule), margin before and after (revenue
 * under the scenario's pricing), capabilities lost and compliance:
 * values as solved, each with what it rests on beside it. */
static int block_outcomes(struct sp_xbook *b, int row, int i)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_problem *pb = b->pb;
    const struct sp_scenario_result *sr = &b->res->scenarios[i];
    const struct sp_scenario *sc = sr->scenario;
    struct sp_schedule *k =
        sp_schedule_new(pb, sc, sr->plan, sr->cost, sr->baseline);
    struct sp_margin before, after;
    struct sp_xbuf lost = {0};
    char line[512], *comp;
    int c, nlost = 0;

    label_row(s, row, "Payback");
    if (!k) {
        s->nomem = true;
    } else {
        /* the Payback sheet's month, so it follows an edit too */
        char p[300], h[300], fx[1600];
        int pm = b->payback_value[i];
        if (pm > 0)
            snprintf(line, sizeof(line), "month %d of %d", pm, k->nmonths);
        else
            snprintf(line, sizeof(line), "none within the %d-month horizon",
                     k->nmonths);
        sp_xref(p, &b->payback, b->payback_row[i], 1, true);
        sp_xref(h, plan_sheet(b, i), SP_TOP_ROW, SP_TOP_H, true);
        snprintf(fx, sizeof(fx),
                 "=IF(%s>0,\"month \"&%s&\" of \"&%s,\"none within the "
                 "\"&%s&\"-month horizon\")",
                 p, p, h, h);
        if (worksheet_write_formula_str(s->ws, (lxw_row_t)row, 1, fx, f->text,
                                        line) != LXW_NO_ERROR)
            s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
        sp_xs_widen(s, 1, (double)strlen(line));
    }
    sp_xs_label(s, row, 2,
                sc->settings.switch_renewal
                    ? "cumulative savings stay >= 0 from this month (the "
                      "Payback sheet); products switch at renewal, start "
                      "months as solved"
                    : "cumulative savings stay >= 0 from this month (the "
                      "Payback sheet); products switch at the start",
                f->note);
    sp_schedule_free(k);
    row++;
    sp_margin_plan(pb, sc, b->res->current,
                   sr->baseline ? sr->baseline : b->res->baseline, &before);
    sp_margin_plan(pb, sc, sr->plan, sr->cost, &after);
    label_row(s, row, "Licence margin per month today");
    sp_xs_num(s, row, 1, before.margin_monthly, f->money);
    snprintf(line, sizeof(line),
             "revenue %.2f less licences %.2f (%s pricing, as solved)",
             before.revenue_monthly, before.licence_monthly,
             sc->settings.pricing == SP_PRICING_LIST ? "list" : "hold");
    sp_xs_label(s, row, 2, line, f->note);
    row++;
    label_row(s, row, "Licence margin per month once migrated");
    sp_xs_num(s, row, 1, after.margin_monthly, f->money);
    snprintf(line, sizeof(line),
             "revenue %.2f less licences %.2f; after vendor overhead %.2f",
             after.revenue_monthly, after.licence_monthly,
             after.portfolio_margin_monthly);
    sp_xs_label(s, row, 2, line, f->note);
    row++;
    for (c = 0; c < pb->nclients; c++)
        if (sp_plan_client_lost(pb, sr->plan, c, NULL, 0) > 0) {
            nlost++;
            sp_xbuf_item(&lost, ", ", pb->clients[c].id);
        }
    label_row(s, row, "Capabilities lost");
    if (nlost) {
        snprintf(line, sizeof(line),
                 "%d client%s lose%s a category covered today: %s", nlost,
                 nlost == 1 ? "" : "s", nlost == 1 ? "s" : "",
                 sp_xbuf_str(&lost));
        sp_xs_str(s, row, 1, line, f->wrap);
    } else {
        sp_xs_str(s, row, 1, "none", f->text);
    }
    if (lost.nomem)
        s->nomem = true;
    sp_xbuf_free(&lost);
    row++;
    comp = pb->nframeworks ? sp_compliance_line(pb, &sc->settings, sr->plan,
                                                b->res->current)
                           : NULL;
    if (comp) {
        label_row(s, row, "Compliance");
        sp_xs_str(s, row, 1, comp, f->wrap);
        sp_xs_label(s, row, 2,
                    "clients meeting every control of a framework (today "
                    "in brackets); see the Compliance sheet",
                    f->note);
        free(comp);
        row++;
    }
    return row;
}

static int write_recommendation(struct sp_xbook *b, int row)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_xfmt *f = &b->fmt;
    const char *name = b->opt.recommend;
    bool named;
    int i = sp_xrecommend(b->res, name, &named), eligible = 0, k;
    char line[512];

    for (k = 0; k < b->res->nscenarios; k++)
        eligible += has_plan(&b->res->scenarios[k]) &&
                    b->res->scenarios[k].status == SP_PLAN_OPTIMAL &&
                    !b->res->scenarios[k].scenario->ineligible;
    sp_xs_label(s, row++, 0, "Recommendation", f->section);
    label_row(s, row, "Recommended scenario");
    if (i < 0) {
        if (named)
            snprintf(line, sizeof(line),
                     "'%s' (chosen with --recommend) has no plan", name);
        else
            snprintf(line, sizeof(line),
                     "none: no eligible scenario has a proven-optimal plan");
        sp_xs_str(s, row, 1, line, f->text);
        return row + 1;
    }
    sp_xs_sheet_link(s, row, 1, &b->scen[i]);
    if (named)
        snprintf(line, sizeof(line), "chosen with --recommend");
    else
        snprintf(line, sizeof(line),
                 "the cheapest per month of %d eligible scenario%s with a "
                 "proven-optimal plan",
                 eligible, eligible == 1 ? "" : "s");
    sp_xs_label(s, row, 2, line, f->note);
    row++;
    label_row(s, row, "Solver status");
    sp_xs_str(s, row, 1, sp_plan_status_name(b->res->scenarios[i].status),
              f->text);
    row++;
    row = block_money(b, row, i);
    row = block_outcomes(b, row, i);
    row = block_change(b, row, i);
    row = block_risks(b, row, i);
    return row;
}

/* The baseline (i = -1) or a scenario on comparable terms. */
static void compare_row(struct sp_xbook *b, int row, int i)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_scenario_result *sr = i < 0 ? NULL : &b->res->scenarios[i];
    const struct sp_plan *pl = sr ? sr->plan : b->res->current;
    int v, n = 0;

    if (sr && !has_plan(sr)) {
        sp_xs_str(s, row, X_NAME, sr->scenario->name, f->text);
        sp_xs_str(s, row, X_STATUS, sp_plan_status_name(sr->status), f->text);
        sp_xs_str(s, row, X_ELIGIBLE, "no plan", f->text);
        return;
    }
    sp_xs_sheet_link(s, row, X_NAME, plan_sheet(b, i));
    sp_xs_str(s, row, X_STATUS,
              sr ? sp_plan_status_name(sr->status) : "current stack", f->text);
    sp_xs_str(s, row, X_ELIGIBLE,
              !sr                             ? ""
              : sr->scenario->ineligible      ? "no (eligible: false)"
              : sr->status != SP_PLAN_OPTIMAL ? "no (not proven)"
                                              : "yes",
              f->text);
    top_formula(s, row, X_HORIZON, f->number, b, i, SP_TOP_H, NULL, 0);
    top_formula(s, row, X_TOTAL, f->money, b, i, SP_TOP_TOTAL, NULL, 0);
    top_formula(s, row, X_PERMONTH, f->money, b, i, SP_TOP_TOTAL, "/",
                SP_TOP_H);
    top_formula(s, row, X_RUNRATE, f->money, b, i, SP_TOP_RUNRATE, NULL, 0);
    if (sr) {
        top_formula(s, row, X_SAVINGS, f->money, b, i, SP_TOP_SAVINGS, NULL,
                    0);
        top_formula(s, row, X_SAVPERMONTH, f->money, b, i, SP_TOP_SAVINGS, "/",
                    SP_TOP_H);
    }
    top_formula(s, row, X_ONETIME, f->money, b, i, SP_TOP_MIGRATION, "+",
                SP_TOP_TERMINATION);
    for (v = 0; v < b->pb->nvendors; v++)
        n += pl->kept[v] != 0;
    sp_xs_num(s, row, X_NVENDORS, n, f->number);
}

static int write_comparison(struct sp_xbook *b, int row, int *first)
{
    static const char *const names[X_NCOLS] = {
        "Scenario",
        "Status",
        "Eligible",
        "Horizon (months)",
        "Total cost over the horizon",
        "Cost per month (total / horizon)",
        "Monthly run-rate once migrated",
        "Savings over the horizon",
        "Savings per month",
        "One-time cost",
        "Vendors kept"};
    struct sp_xsheet *s = &b->exec;
    int c, i;

    sp_xs_label(s, row++, 0,
                "Scenarios compared (per month: totals over different "
                "horizons do not compare)",
                b->fmt.section);
    for (c = 0; c < X_NCOLS; c++)
        sp_xs_str(s, row, c, names[c], b->fmt.header);
    row++;
    *first = row;
    compare_row(b, row++, -1);
    for (i = 0; i < b->res->nscenarios; i++)
        compare_row(b, row++, i);
    return row;
}

/* Each part of the cost per month (part / horizon), for the chart. */
static int write_parts(struct sp_xbook *b, int row, int *first)
{
    static const char *const names[P_NCOLS] = {
        "Scenario", "Licence per month", "Migration per month",
        "Termination per month", "Vendor overhead per month"};
    static const int tops[P_NCOLS] = {0, SP_TOP_LICENCE, SP_TOP_MIGRATION,
                                      SP_TOP_TERMINATION, SP_TOP_OVERHEAD};
    struct sp_xsheet *s = &b->exec;
    int c, i;

    sp_xs_label(s, row++, 0,
                "Cost per month by part (each part / the horizon; one-time "
                "costs spread over it)",
                b->fmt.section);
    for (c = 0; c < P_NCOLS; c++)
        sp_xs_str(s, row, c, names[c], b->fmt.header);
    row++;
    *first = row;
    for (i = -1; i < b->res->nscenarios; i++) {
        if (i >= 0 && !has_plan(&b->res->scenarios[i])) {
            sp_xs_str(s, row++, P_NAME, b->res->scenarios[i].scenario->name,
                      b->fmt.text);
            continue;
        }
        sp_xs_str(s, row, P_NAME,
                  i < 0 ? "Baseline" : b->res->scenarios[i].scenario->name,
                  b->fmt.text);
        for (c = 1; c < P_NCOLS; c++)
            top_formula(s, row, c, b->fmt.money, b, i, tops[c], "/", SP_TOP_H);
        row++;
    }
    return row;
}

/* The cached values of rows first.. of column col of the table. */
static void cache_col(struct sp_xbook *b, lxw_chart_series *ser, int top1)
{
    int n = 1 + b->res->nscenarios, i;
    double *v = calloc((size_t)n, sizeof(*v));
    bool *has = calloc((size_t)n, sizeof(*has));

    if (v && has)
        for (i = -1; i < b->res->nscenarios; i++) {
            const struct sp_xplan *m = plan_model(b, i);
            has[i + 1] = i < 0 || has_plan(&b->res->scenarios[i]);
            v[i + 1] = has[i + 1] && m->top[SP_TOP_H] > 0
                           ? m->top[top1] / m->top[SP_TOP_H]
                           : 0;
        }
    if (!v || !has || !sp_xchart_cache(ser, v, has, n))
        b->exec.nomem = true;
    free(v);
    free(has);
}

static void add_charts(struct sp_xbook *b, int at, int cmp_first,
                       int parts_first)
{
    static const int tops[] = {SP_TOP_LICENCE, SP_TOP_MIGRATION,
                               SP_TOP_TERMINATION, SP_TOP_OVERHEAD};
    struct sp_xsheet *s = &b->exec;
    const char *cur = b->pb->settings.currency;
    int last = cmp_first + b->res->nscenarios, plast, i;
    lxw_chart *bar = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
    lxw_chart *stack = workbook_add_chart(b->wb, LXW_CHART_COLUMN_STACKED);
    lxw_chart_series *ser;

    if (!bar || !stack) {
        s->nomem = true;
        return;
    }
    plast = parts_first + b->res->nscenarios;
    /* the default size, side by side (sp_xchart_insert) */
    chart_title_set_name(bar, "Cost per month (total / horizon)");
    sp_xchart_style(bar, cur);
    chart_legend_set_position(bar, LXW_CHART_LEGEND_NONE);
    ser = chart_add_series(bar, NULL, NULL);
    if (!ser) {
        s->nomem = true;
        return;
    }
    chart_series_set_categories(ser, s->name, (lxw_row_t)cmp_first, X_NAME,
                                (lxw_row_t)last, X_NAME);
    chart_series_set_values(ser, s->name, (lxw_row_t)cmp_first, X_PERMONTH,
                            (lxw_row_t)last, X_PERMONTH);
    chart_series_set_name(ser, "Cost per month");
    sp_xchart_labels(ser, cur);
    cache_col(b, ser, SP_TOP_TOTAL);

    chart_title_set_name(stack, "Cost per month by part");
    sp_xchart_style(stack, cur);
    chart_legend_set_position(stack, LXW_CHART_LEGEND_BOTTOM);
    for (i = 0; i < 4; i++) {
        ser = chart_add_series(stack, NULL, NULL);
        if (!ser) {
            s->nomem = true;
            return;
        }
        chart_series_set_categories(ser, s->name, (lxw_row_t)parts_first,
                                    P_NAME, (lxw_row_t)plast, P_NAME);
        chart_series_set_values(ser, s->name, (lxw_row_t)parts_first,
                                (lxw_col_t)(i + 1), (lxw_row_t)plast,
                                (lxw_col_t)(i + 1));
        chart_series_set_name_range(ser, s->name, (lxw_row_t)(parts_first - 1),
                                    (lxw_col_t)(i + 1));
        cache_col(b, ser, tops[i]);
    }
    if (sp_xchart_insert(s, (lxw_row_t)at, bar, 1) != LXW_NO_ERROR ||
        sp_xchart_insert_beside(s, (lxw_row_t)at, stack) != LXW_NO_ERROR)
        s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
}

void sp_xbook_write_exec(struct sp_xbook *b)
{
    struct sp_xsheet *s = &b->exec;
    const struct sp_problem *pb = b->pb;
    const struct sp_xfmt *f = &b->fmt;
    char line[512], start[11];
    int row, cmp_first, parts_first, end;

    sp_date_format(&pb->settings.start_date, start);
    sp_xs_label(s, 0, 0, "Executive summary", f->title);
    snprintf(line, sizeof(line),
             "%d clients \xC2\xB7 %d scenarios \xC2\xB7 start %s \xC2\xB7 "
             "money in %s",
             pb->nclients, b->res->nscenarios, start,
             pb->settings.currency[0] ? pb->settings.currency : "(none)");
    sp_xs_label(s, 1, 0, line, f->subtitle);
    sp_xs_label(s, 2, 0,
                b->res->recosted
                    ? "Recosted (stackplan recost): the plans as solved "
                      "earlier, costed on the data as it is now and not "
                      "re-optimised; a status is that of the earlier solve."
                    : "The figures link to the plan sheets and follow an "
                      "edit there; the plans themselves are fixed until "
                      "solved again.",
                f->note);
    row = write_recommendation(b, 4);
    row = write_comparison(b, row + 1, &cmp_first);
    sp_xs_page_break(s, cmp_first - 2);
    end = write_parts(b, row + 1, &parts_first);
    sp_xs_page_break(s, parts_first - 2);
    add_charts(b, end + 1, cmp_first, parts_first);
    sp_xs_page_break(s, end + 1);
    sp_xs_finish(s, -1);
}
