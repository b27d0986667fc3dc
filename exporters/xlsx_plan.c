/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A plan sheet: the Baseline sheet or one scenario's sheet.  The layout is
 * described in xlsx_book_int.h; this file writes the title, the key
 * figures and the client table, then the tables below it.
 */
#include <stdio.h>
#include <string.h>
#include "xlsx_book_int.h"

static const char what_if_note[] =
    "What-if: prices, price changes, the horizon and the labour rate come "
    "from the Prices sheet; edit them there and every total, baseline and "
    "saving follows, migration labour and leaving costs included. Fixed "
    "as solved: the plan, the tier reached, contracted amounts, setup and "
    "termination fees, the month each new product starts.";

/* Columns of the client table after the category matrix. */
struct client_cols {
    int first_cat, now, monthly, licence, migration, termination, total,
        change, adopts, leaves, missing, last;
};

static struct client_cols client_cols(const struct sp_xplan_in *in)
{
    struct client_cols k;
    int c0 = 6 + in->pb->ncategories;

    k.first_cat = 6;
    if (!in->before) {
        k.now = k.migration = k.termination = k.total = -1;
        k.change = k.adopts = k.leaves = -1;
        k.monthly = c0;
        k.licence = c0 + 1;
        k.missing = c0 + 2;
    } else {
        k.now = c0;
        k.monthly = c0 + 1;
        k.licence = c0 + 2;
        k.migration = c0 + 3;
        k.termination = c0 + 4;
        k.total = c0 + 5;
        k.change = c0 + 6;
        k.adopts = c0 + 7;
        k.leaves = c0 + 8;
        k.missing = c0 + 9;
    }
    k.last = k.missing;
    return k;
}

static void write_title(struct sp_xsheet *s, const struct sp_xplan_in *in,
                        const struct sp_xplan *o)
{
    char line[512], start[11];
    const struct sp_scenario_result *sr = in->sr;

    sp_date_format(&in->settings->start_date, start);
    if (!sr) {
        sp_xs_label(s, 0, 0, "Baseline: the current stack", s->fmt->title);
        snprintf(line, sizeof(line),
                 "The current stack costed by the same rules over %.10g "
                 "months from %s, with no migration. Coverage gaps are "
                 "marked \"gap\".",
                 o->horizon, start);
    } else {
        snprintf(line, sizeof(line), "Scenario: %s", sr->scenario->name);
        sp_xs_label(s, 0, 0, line, s->fmt->title);
        snprintf(line, sizeof(line),
                 "Status: %s \xC2\xB7 solver gap %.4f%% \xC2\xB7 solved in "
                 "%.2f s \xC2\xB7 horizon %.10g months from %s",
                 sp_plan_status_name(sr->status), sr->gap * 100,
                 sr->solve_seconds, o->horizon, start);
    }
    sp_xs_label(s, 1, 0, line, s->fmt->subtitle);
    sp_xs_label(s, 2, 0, what_if_note, s->fmt->note);
}

static double unmapped_spend(const struct sp_problem *pb)
{
    double sum = 0;
    int i;

    for (i = 0; i < pb->nholdings; i++)
        if (pb->holdings[i].product < 0 && pb->holdings[i].has_monthly_cost)
            sum += pb->holdings[i].monthly_cost;
    return sum;
}

static void write_top(struct sp_xsheet *s, const struct sp_xplan_in *in,
                      const struct sp_xplan *o, const struct client_cols *k)
{
    static const char *labels[SP_TOP_NCOLS] = {
        "Horizon (months)", "Licence",
        "Migration",        "Termination",
        "Vendor overhead",  "Total cost",
        "Monthly run-rate", "Baseline (same settings)",
        "Savings"};
    const struct sp_xfmt *f = s->fmt;
    char a[300], b[300];
    int r = SP_TOP_ROW, i;

    for (i = 0; i < SP_TOP_NCOLS; i++)
        sp_xs_str(s, SP_TOP_LABEL_ROW, i, labels[i], f->header);
    sp_xprices_ref(in->px, in->px->plan_row[in->slot], PX_HORIZON_COL, a);
    sp_xs_formulaf(s, r, SP_TOP_H, f->number, o->horizon, "=%s", a);
    sp_xref(a, NULL, o->total_row, k->licence, false);
    sp_xs_formulaf(s, r, SP_TOP_LICENCE, f->money, o->top[SP_TOP_LICENCE],
                   "=%s", a);
    if (in->before) {
        sp_xref(a, NULL, o->total_row, k->migration, false);
        sp_xs_formulaf(s, r, SP_TOP_MIGRATION, f->money,
                       o->top[SP_TOP_MIGRATION], "=%s", a);
        sp_xref(a, NULL, o->total_row, k->termination, false);
        sp_xs_formulaf(s, r, SP_TOP_TERMINATION, f->money,
                       o->top[SP_TOP_TERMINATION], "=%s", a);
    } else {
        sp_xs_num(s, r, SP_TOP_MIGRATION, 0, f->money);
        sp_xs_num(s, r, SP_TOP_TERMINATION, 0, f->money);
    }
    sp_xref(a, NULL, o->oh_total_row, SP_OH_TOTAL, false);
    sp_xs_formulaf(s, r, SP_TOP_OVERHEAD, f->money, o->top[SP_TOP_OVERHEAD],
                   "=%s", a);
    sp_xs_formulaf(s, r, SP_TOP_TOTAL, f->money_total, o->top[SP_TOP_TOTAL],
                   "=B%d+C%d+D%d+E%d", r + 1, r + 1, r + 1, r + 1);
    sp_xref(a, NULL, o->total_row, k->monthly, false);
    sp_xref(b, NULL, o->oh_total_row, SP_OH_MONTH, false);
    sp_xs_formulaf(s, r, SP_TOP_RUNRATE, f->money, o->top[SP_TOP_RUNRATE],
                   "=%s+%s", a, b);
    if (in->before) {
        /* the total of the baseline-under-settings table x the horizon */
        sp_xs_formulaf(s, r, SP_TOP_BASELINE, f->money,
                       o->top[SP_TOP_BASELINE], "=G%d*A%d",
                       o->unmapped_hdr + 1 + in->pb->nvendors + 1, r + 1);
        sp_xs_formulaf(s, r, SP_TOP_SAVINGS, f->money, o->top[SP_TOP_SAVINGS],
                       "=H%d-F%d", r + 1, r + 1);
    } else {
        sp_xs_str(s, SP_TOP_LABEL_ROW, SP_TOP_BASELINE,
                  "Unmapped spend / month (not included)", f->header);
        sp_xs_blank(s, SP_TOP_LABEL_ROW, SP_TOP_SAVINGS, NULL);
        sp_xs_num(s, r, SP_TOP_BASELINE, unmapped_spend(in->pb), f->money);
    }
}

static void write_headers(struct sp_xsheet *s, const struct sp_xplan_in *in,
                          const struct sp_xplan *o,
                          const struct client_cols *k)
{
    static const char *units[] = {"Users", "Devices", "Servers", "TB"};
    lxw_format *h = s->fmt->header;
    int r = o->client_hdr, i;

    sp_xs_str(s, r, 0, "Client", h);
    sp_xs_str(s, r, 1, "Name", h);
    for (i = 0; i < 4; i++)
        sp_xs_str(s, r, 2 + i, units[i], h);
    for (i = 0; i < in->pb->ncategories; i++)
        sp_xs_str(s, r, k->first_cat + i, in->pb->categories[i], h);
    if (in->before) {
        sp_xs_str(s, r, k->now, "Monthly licence now", h);
        sp_xs_str(s, r, k->monthly, "Monthly licence proposed", h);
        sp_xs_str(s, r, k->migration, "Migration", h);
        sp_xs_str(s, r, k->termination, "Termination", h);
        sp_xs_str(s, r, k->total, "Client total (excl. vendor overhead)", h);
        sp_xs_str(s, r, k->change, "Change", h);
        sp_xs_str(s, r, k->adopts, "Adopts", h);
        sp_xs_str(s, r, k->leaves, "Leaves", h);
    } else {
        sp_xs_str(s, r, k->monthly, "Monthly licence", h);
    }
    sp_xs_str(s, r, k->licence, "Licence over the horizon", h);
    sp_xs_str(s, r, k->missing, "Missing categories", h);
}

/* The category matrix of client c: the plan's products covering each
 * category, "gap" where a required category is uncovered. */
static void write_matrix(struct sp_xsheet *s, const struct sp_xplan_in *in,
                         int row, int c, int first_col, struct sp_xbuf *miss)
{
    const struct sp_problem *pb = in->pb;
    int k, p, n, i;
    const int *req = sp_client_requires(pb, &pb->clients[c], in->settings, &n);

    for (k = 0; k < pb->ncategories; k++) {
        struct sp_xbuf cell = {0};
        bool required = false;
        for (i = 0; i < n; i++)
            required = required || req[i] == k;
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(in->plan, c, p) &&
                sp_product_covers(&pb->products[p], k))
                sp_xbuf_item(&cell, ", ", pb->products[p].id);
        if (cell.len == 0 && required) {
            sp_xs_str(s, row, first_col + k, "gap", s->fmt->text);
            sp_xbuf_item(miss, ", ", pb->categories[k]);
        } else {
            sp_xs_str(s, row, first_col + k, sp_xbuf_str(&cell), NULL);
        }
        s->nomem = s->nomem || cell.nomem;
        sp_xbuf_free(&cell);
    }
}

static void write_change(struct sp_xsheet *s, const struct sp_xplan_in *in,
                         int row, int c, const struct client_cols *k)
{
    const struct sp_problem *pb = in->pb;
    struct sp_xbuf adopts = {0}, leaves = {0};
    int p;

    for (p = 0; p < pb->nproducts; p++) {
        bool now = sp_plan_has(in->current, c, p);
        bool then = sp_plan_has(in->plan, c, p);
        if (then && !now)
            sp_xbuf_item(&adopts, ", ", pb->products[p].id);
        if (now && !then)
            sp_xbuf_item(&leaves, ", ", pb->products[p].id);
    }
    if (sp_xpinned(in->scenario, c))
        sp_xs_str(s, row, k->change, "pinned", NULL);
    else
        sp_xs_str(s, row, k->change,
                  adopts.len || leaves.len ? "changed" : "unchanged", NULL);
    sp_xs_str(s, row, k->adopts, sp_xbuf_str(&adopts), NULL);
    sp_xs_str(s, row, k->leaves, sp_xbuf_str(&leaves), NULL);
    s->nomem = s->nomem || adopts.nomem || leaves.nomem;
    sp_xbuf_free(&adopts);
    sp_xbuf_free(&leaves);
}

static void write_client(struct sp_xsheet *s, const struct sp_xplan_in *in,
                         const struct sp_xplan *o, int c,
                         const struct client_cols *k)
{
    const struct sp_client *cl = &in->pb->clients[c];
    const struct sp_xfmt *f = s->fmt;
    int row = o->client_hdr + 1 + c, i;
    /* at renewal, less what is not paid before new products start */
    double licence =
        o->client_monthly[c] * o->horizon - in->cost->client_delay[c];
    struct sp_xbuf miss = {0};
    char a[300], b[300];

    sp_xs_str(s, row, 0, cl->id, NULL);
    sp_xs_str(s, row, 1, cl->name, NULL);
    for (i = 0; i < 4; i++)
        sp_xs_num(s, row, 2 + i, cl->count[i], f->number);
    write_matrix(s, in, row, c, k->first_cat, &miss);
    if (o->client_nlines[c] > 0) {
        int l0 = sp_xplan_line_row(o, o->client_first[c]);
        sp_xref(a, NULL, l0, SP_LN_MONTHLY, false);
        sp_xref(b, NULL, l0 + o->client_nlines[c] - 1, SP_LN_MONTHLY, false);
        sp_xs_formulaf(s, row, k->monthly, f->money, o->client_monthly[c],
                       "=SUM(%s:%s)", a, b);
    } else {
        sp_xs_num(s, row, k->monthly, 0, f->money);
    }
    sp_xref(a, NULL, row, k->monthly, false);
    sp_xref(b, NULL, SP_TOP_ROW, SP_TOP_H, true);
    if (in->before && o->client_nlines[c] > 0) {
        /* each line paid from its start month to the horizon */
        int l0 = sp_xplan_line_row(o, o->client_first[c]) + 1;
        int l1 = l0 + o->client_nlines[c] - 1;
        sp_xs_formulaf(s, row, k->licence, f->money, licence,
                       "=SUMPRODUCT(G%d:G%d,%s-H%d:H%d)", l0, l1, b, l0, l1);
    } else {
        sp_xs_formulaf(s, row, k->licence, f->money, licence, "=%s*%s", a, b);
    }
    if (in->before) {
        double mig = in->cost->client_migration[c];
        double term = in->cost->client_termination[c];
        char m[300];
        sp_xs_num(s, row, k->now, in->before->client_monthly[c], f->money);
        if (o->client_nlines[c] > 0) {
            int l0 = sp_xplan_line_row(o, o->client_first[c]) + 1;
            sp_xs_formulaf(s, row, k->migration, f->money, mig,
                           "=SUM(I%d:I%d)", l0, l0 + o->client_nlines[c] - 1);
        } else {
            sp_xs_num(s, row, k->migration, mig, f->money);
        }
        if (o->client_nleaves[c] > 0) {
            int v0 = sp_xplan_leave_row(o, o->client_leave_first[c]) + 1;
            sp_xs_formulaf(s, row, k->termination, f->money, term,
                           "=SUM(I%d:I%d)", v0, v0 + o->client_nleaves[c] - 1);
        } else {
            sp_xs_num(s, row, k->termination, term, f->money);
        }
        sp_xref(a, NULL, row, k->licence, false);
        sp_xref(b, NULL, row, k->migration, false);
        sp_xref(m, NULL, row, k->termination, false);
        sp_xs_formulaf(s, row, k->total, f->money, licence + mig + term,
                       "=%s+%s+%s", a, b, m);
        write_change(s, in, row, c, k);
    }
    sp_xs_str(s, row, k->missing, sp_xbuf_str(&miss), NULL);
    s->nomem = s->nomem || miss.nomem;
    sp_xbuf_free(&miss);
}

static void sum_cell(struct sp_xsheet *s, int row, int col, int first,
                     int last, double cached)
{
    char a[300], b[300];

    if (last < first) {
        sp_xs_num(s, row, col, 0, s->fmt->money_total);
        return;
    }
    sp_xref(a, NULL, first, col, false);
    sp_xref(b, NULL, last, col, false);
    sp_xs_formulaf(s, row, col, s->fmt->money_total, cached, "=SUM(%s:%s)", a,
                   b);
}

static void write_totals(struct sp_xsheet *s, const struct sp_xplan_in *in,
                         const struct sp_xplan *o, const struct client_cols *k)
{
    int r = o->total_row, first = o->client_hdr + 1, last = r - 1, c;

    for (c = 0; c <= k->last; c++)
        sp_xs_blank(s, r, c, s->fmt->total_label);
    sp_xs_str(s, r, 0, "Total", s->fmt->total_label);
    sum_cell(s, r, k->monthly, first, last, o->sum_monthly);
    sum_cell(s, r, k->licence, first, last, o->sum_licence);
    if (!in->before)
        return;
    sum_cell(s, r, k->now, first, last, o->sum_now);
    sum_cell(s, r, k->migration, first, last, o->sum_migration);
    sum_cell(s, r, k->termination, first, last, o->sum_termination);
    sum_cell(s, r, k->total, first, last, o->sum_client_total);
}

/* Coverage gaps stand out: the matrix's "gap" cells and the list of
 * missing categories. */
static void highlight_gaps(struct sp_xsheet *s, const struct sp_xplan_in *in,
                           const struct sp_xplan *o,
                           const struct client_cols *k)
{
    lxw_conditional_format cf;
    int first = o->client_hdr + 1, last = o->client_hdr + in->pb->nclients;
    lxw_error e;

    if (last < first)
        return;
    if (in->pb->ncategories > 0) {
        memset(&cf, 0, sizeof(cf));
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        cf.value_string = "\"gap\"";
        cf.format = s->fmt->bad;
        e = worksheet_conditional_format_range(
            s->ws, (lxw_row_t)first, (lxw_col_t)k->first_cat, (lxw_row_t)last,
            (lxw_col_t)(k->first_cat + in->pb->ncategories - 1), &cf);
        if (e != LXW_NO_ERROR && s->error == LXW_NO_ERROR)
            s->error = e;
    }
    memset(&cf, 0, sizeof(cf));
    cf.type = LXW_CONDITIONAL_TYPE_NO_BLANKS;
    cf.format = s->fmt->bad;
    e = worksheet_conditional_format_range(
        s->ws, (lxw_row_t)first, (lxw_col_t)k->missing, (lxw_row_t)last,
        (lxw_col_t)k->missing, &cf);
    if (e != LXW_NO_ERROR && s->error == LXW_NO_ERROR)
        s->error = e;
}

void sp_xplan_write(struct sp_xsheet *s, const struct sp_xplan *o,
                    const struct sp_xplan_in *in)
{
    struct client_cols k = client_cols(in);
    int c;

    write_title(s, in, o);
    write_top(s, in, o, &k);
    sp_xplan_write_prices(s, o, in);
    sp_xplan_write_overhead(s, o, in);
    sp_xs_label(s, o->client_hdr - 1, 0,
                "Clients (one row per client: the products covering each "
                "category, the licence now and proposed; filter with the "
                "header's arrows)",
                s->fmt->section);
    write_headers(s, in, o, &k);
    for (c = 0; c < in->pb->nclients; c++)
        write_client(s, in, o, c, &k);
    write_totals(s, in, o, &k);
    highlight_gaps(s, in, o, &k);
    worksheet_autofilter(s->ws, (lxw_row_t)o->client_hdr, 0,
                         (lxw_row_t)(o->total_row - 1), (lxw_col_t)k.last);
    /* the key figures stay in view while prices are edited below */
    worksheet_freeze_panes(s->ws, SP_TOP_ROW + 1, 0);
    sp_xplan_write_lines(s, o, in);
    if (!in->before) {
        sp_xplan_write_unmapped(s, o, in);
    } else {
        sp_xplan_write_leaving(s, o, in);
        sp_xplan_write_base_under(s, o, in);
        sp_xs_page_break(s, o->leave_hdr - 1);
    }
    /* each table starts a printed page, with its own header at its top;
     * a big book prints the short tables only */
    sp_xs_page_break(s, o->oh_hdr - 1);
    sp_xs_page_break(s, o->client_hdr - 1);
    sp_xs_page_break(s, o->lines_hdr - 1);
    sp_xs_page_break(s, o->unmapped_hdr - 1);
    if (in->pb->nclients > SP_PRINT_MAX_CLIENTS)
        sp_xs_print_to(s, o->oh_total_row);
    sp_xs_finish(s, -1);
}

void sp_xsheet_write_infeasible(struct sp_xsheet *s,
                                const struct sp_scenario_result *sr)
{
    char line[512];

    snprintf(line, sizeof(line), "Scenario: %s", sr->scenario->name);
    sp_xs_label(s, 0, 0, line, s->fmt->title);
    snprintf(line, sizeof(line), "Status: %s",
             sp_plan_status_name(sr->status));
    sp_xs_label(s, 1, 0, line, s->fmt->subtitle);
    sp_xs_str(s, 3, 0, "Why", s->fmt->bold);
    sp_xs_label(s, 3, 1, sr->reason ? sr->reason : "no plan was found", NULL);
    sp_xs_label(s, 5, 0,
                sr->status == SP_PLAN_TIME_LIMIT
                    ? "No plan was found within the time limit, so it has "
                      "no figures: solve again with a longer --time-limit. "
                      "Its settings are listed on the Inputs sheet."
                    : "No plan meets this scenario's constraints, so it has "
                      "no figures. Its settings are listed on the Inputs "
                      "sheet.",
                s->fmt->note);
    sp_xs_finish(s, -1);
}
