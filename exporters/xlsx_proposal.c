/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Proposal sheet: the client's monthly price today and proposed, the
 * stack today with what happens to each product, and the proposed stack.
 * Every price is the client's price (resale), units x unit price as a
 * formula, so the sales engineer can adjust a unit price in front of the
 * client and every total follows.
 */
#include <stdio.h>
#include <string.h>
#include "xlsx_prop_int.h"
#include "xlsx_compliance_int.h"

enum {
    K_LABEL_ROW = 4,
    K_ROW = 5,
    T_PRODUCT = 0,
    T_NAME,
    T_PROVIDER,
    T_COVERS,
    T_UNITS,
    T_PRICE,
    T_MONTHLY,
    T_STATUS,
    T_NCOLS
};

double sp_xprop_units(const struct sp_xprop *x, int p)
{
    return sp_cost_billable(x->pb, x->client, p);
}

void sp_xprop_covers(const struct sp_problem *pb, int p, struct sp_xbuf *b)
{
    int i;

    for (i = 0; i < pb->products[p].ncovers; i++)
        sp_xbuf_item(b, ", ", pb->categories[pb->products[p].covers[i]]);
}

static void table_header(struct sp_xsheet *s, int row, const char *status)
{
    static const char *const names[T_NCOLS - 1] = {
        "Product",      "Name",  "Provider",
        "Covers",       "Units", "Unit price / month",
        "Monthly price"};
    int i;

    for (i = 0; i < T_NCOLS - 1; i++)
        sp_xs_str(s, row, i, names[i], s->fmt->header);
    sp_xs_str(s, row, T_STATUS, status, s->fmt->header);
}

/* One product row; returns its monthly price. */
static double product_row(struct sp_xprop *x, int row, int p,
                          const char *status)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_product *pd = &x->pb->products[p];
    double units = sp_xprop_units(x, p), monthly = units * pd->resale_price;
    struct sp_xbuf covers = {0};

    sp_xs_str(s, row, T_PRODUCT, pd->id, NULL);
    sp_xs_str(s, row, T_NAME, pd->name, NULL);
    sp_xs_str(s, row, T_PROVIDER, x->pb->vendors[pd->vendor].name, NULL);
    sp_xprop_covers(x->pb, p, &covers);
    sp_xs_str(s, row, T_COVERS, sp_xbuf_str(&covers), NULL);
    s->nomem = s->nomem || covers.nomem;
    sp_xbuf_free(&covers);
    sp_xs_num(s, row, T_UNITS, units, x->fmt.number);
    sp_xs_num(s, row, T_PRICE, pd->resale_price, x->fmt.price);
    sp_xs_formulaf(s, row, T_MONTHLY, x->fmt.money, monthly, "=E%d*F%d",
                   row + 1, row + 1);
    sp_xs_str(s, row, T_STATUS, status, NULL);
    return monthly;
}

static int total_row(struct sp_xprop *x, int row, int first, double sum)
{
    struct sp_xsheet *s = &x->main;
    int c;

    for (c = 0; c < T_NCOLS; c++)
        sp_xs_blank(s, row, c, x->fmt.total_label);
    sp_xs_str(s, row, 0, "Total per month", x->fmt.total_label);
    if (row > first)
        sp_xs_formulaf(s, row, T_MONTHLY, x->fmt.money_total, sum,
                       "=SUM(G%d:G%d)", first + 1, row);
    else
        sp_xs_num(s, row, T_MONTHLY, 0, x->fmt.money_total);
    return row;
}

/* The stack today: mapped products priced, unmapped ones listed. */
static int write_today(struct sp_xprop *x, int row, double *sum)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_client *cl = &x->pb->clients[x->client];
    char step[128];
    int p, i, first;

    sp_xs_label(s, row++, 0, "Your security stack today", x->fmt.section);
    table_header(s, row++, "Next step");
    first = row;
    *sum = 0;
    for (p = 0; p < x->pb->nproducts; p++) {
        if (!sp_plan_has(x->res->current, x->client, p))
            continue;
        sp_xprop_next_step(x, p, step, sizeof(step));
        *sum += product_row(x, row++, p, step);
    }
    for (i = 0; i < cl->nholdings; i++) {
        const struct sp_holding *hd = &x->pb->holdings[cl->holdings[i]];
        if (hd->product >= 0)
            continue;
        sp_xs_str(s, row, T_PRODUCT, hd->product_id, NULL);
        sp_xs_str(s, row, T_NAME, "(not in our catalog: not priced)", NULL);
        sp_xs_str(s, row++, T_STATUS, "to review with us", NULL);
    }
    return total_row(x, row, first, *sum);
}

static int write_proposed(struct sp_xprop *x, int row, double *sum)
{
    int p, first;

    sp_xs_label(&x->main, row++, 0, "Proposed security stack", x->fmt.section);
    table_header(&x->main, row++, "Status");
    first = row;
    *sum = 0;
    for (p = 0; p < x->pb->nproducts; p++) {
        if (!sp_plan_has(x->sr->plan, x->client, p))
            continue;
        *sum += product_row(
            x, row++, p,
            sp_plan_has(x->res->current, x->client, p) ? "kept" : "new");
    }
    return total_row(x, row, first, *sum);
}

/* "4 of 5" required categories the plan covers. */
static void covered_text(const struct sp_xprop *x, const struct sp_plan *pl,
                         char *buf, size_t size)
{
    const struct sp_settings *st = &x->sr->scenario->settings;
    int n, gaps;

    sp_client_requires(x->pb, &x->pb->clients[x->client], st, &n);
    gaps = sp_plan_client_gaps(x->pb, st, pl, x->client, NULL, 0);
    snprintf(buf, size, "%d of %d", n - gaps, n);
}

static void write_key_figures(struct sp_xprop *x, int today_total,
                              double today, int proposed_total,
                              double proposed)
{
    static const char *const labels[] = {"Monthly price today",
                                         "Proposed monthly price",
                                         "Change per month",
                                         "Change",
                                         "Required categories covered today",
                                         "Required categories covered after"};
    struct sp_xsheet *s = &x->main;
    char text[32];
    int i;

    for (i = 0; i < 6; i++)
        sp_xs_str(s, K_LABEL_ROW, i, labels[i], x->fmt.header);
    sp_xs_formulaf(s, K_ROW, 0, x->fmt.money, today, "=G%d", today_total + 1);
    sp_xs_formulaf(s, K_ROW, 1, x->fmt.money, proposed, "=G%d",
                   proposed_total + 1);
    sp_xs_formulaf(s, K_ROW, 2, x->fmt.money, proposed - today, "=B%d-A%d",
                   K_ROW + 1, K_ROW + 1);
    sp_xs_formulaf(s, K_ROW, 3, x->fmt.percent,
                   today != 0 ? (proposed - today) / today : 0,
                   "=IF(A%d=0,0,C%d/A%d)", K_ROW + 1, K_ROW + 1, K_ROW + 1);
    covered_text(x, x->res->current, text, sizeof(text));
    sp_xs_str(s, K_ROW, 4, text, NULL);
    covered_text(x, x->sr->plan, text, sizeof(text));
    sp_xs_str(s, K_ROW, 5, text, NULL);
}

/* Today against proposed: the chart's only data are the two figures the
 * sheet shows anyway. */
static void add_chart(struct sp_xprop *x, int row, double today,
                      double proposed)
{
    const double values[2] = {today, proposed};
    const bool present[2] = {true, true};
    struct sp_xsheet *s = &x->main;
    lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
    lxw_chart_series *ser;
    lxw_chart_options opt = {0};
    char money[64];

    if (!ch) {
        s->nomem = true;
        return;
    }
    ser = chart_add_series(ch, NULL, NULL);
    if (!ser) {
        s->nomem = true;
        return;
    }
    sp_xfmt_currency(x->pb->settings.currency, 0, money, sizeof(money));
    chart_series_set_categories(ser, s->name, K_LABEL_ROW, 0, K_LABEL_ROW, 1);
    chart_series_set_values(ser, s->name, K_ROW, 0, K_ROW, 1);
    chart_series_set_name(ser, "Monthly price");
    if (!sp_xchart_cache(ser, values, present, 2))
        s->nomem = true;
    chart_title_set_name(ch, "Monthly price");
    chart_axis_set_num_format(ch->y_axis, money);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    opt.x_scale = 1.0;
    opt.y_scale = 1.0;
    if (worksheet_insert_chart_opt(s->ws, (lxw_row_t)row, 0, ch, &opt) !=
        LXW_NO_ERROR)
        s->nomem = true;
}

void sp_xprop_write_main(struct sp_xprop *x)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_client *cl = &x->pb->clients[x->client];
    char line[512], start[11];
    double today, proposed;
    int today_total, proposed_total;

    sp_date_format(&x->sr->scenario->settings.start_date, start);
    snprintf(line, sizeof(line), "Security stack proposal for %s", cl->name);
    sp_xs_label(s, 0, 0, line, x->fmt.title);
    snprintf(line, sizeof(line),
             "Prepared for %s (%s) \xC2\xB7 prices per month from %s",
             cl->name, cl->id, start);
    sp_xs_label(s, 1, 0, line, x->fmt.subtitle);
    sp_xs_label(s, 2, 0,
                "Monthly prices for the units shown. The Coverage sheet "
                "shows what each product protects; the Migration plan "
                "sheet shows when each change happens.",
                x->fmt.note);
    today_total = write_today(x, K_ROW + 3, &today);
    proposed_total = write_proposed(x, today_total + 3, &proposed);
    write_key_figures(x, today_total, today, proposed_total, proposed);
    add_chart(x, proposed_total + 3, today, proposed);
    sp_xprop_write_compliance(x, proposed_total + 20); /* below the chart */
    sp_xs_finish(s, -1);
}
