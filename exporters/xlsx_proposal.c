/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Proposal sheet: the client's monthly price today and proposed, the
 * stack today with what happens to each product, the proposed stack,
 * what changes in sentences, and the compliance section.  Today's price
 * is what the client is invoiced (inventory monthly_price, else units x
 * resale); the proposed one is the client's price under the scenario's
 * pricing (SPEC section 8), its total the client's revenue_monthly.  A
 * price that is units x a unit price to the cent is a formula, so the
 * sales engineer can adjust a unit price in front of the client; unit
 * prices are rounded to the cent.  Products are shown by provider and
 * name, categories by plain labels: no internal id, product code or
 * internal cost.
 */
#include <stdio.h>
#include <string.h>
#include "xlsx_prop_int.h"
#include "xlsx_compliance_int.h"

enum {
    K_LABEL_ROW = 6,
    K_ROW = 7,
    T_NAME = 0,
    T_PROVIDER,
    T_COVERS,
    T_PER,
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
    sp_xprop_labels(pb, p, b); /* what the client reads: plain labels */
}

static void table_header(struct sp_xsheet *s, int row, const char *status)
{
    static const char *const names[T_NCOLS - 1] = {
        "Product", "Provider",           "Covers",       "Priced",
        "Units",   "Unit price / month", "Monthly price"};
    int i;

    for (i = 0; i < T_NCOLS - 1; i++)
        sp_xs_str(s, row, i, names[i], s->fmt->header);
    sp_xs_str(s, row, T_STATUS, status, s->fmt->header);
}

/* Name, provider, covers, unit and units of product p in a row. */
static void describe(struct sp_xprop *x, int row, int p, const char *name)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_product *pd = &x->pb->products[p];
    struct sp_xbuf covers = {0};

    sp_xs_str(s, row, T_NAME, name ? name : pd->name, x->fmt.wrap);
    sp_xs_str(s, row, T_PROVIDER, x->pb->vendors[pd->vendor].name, NULL);
    sp_xprop_labels(x->pb, p, &covers);
    sp_xs_str(s, row, T_COVERS, sp_xbuf_str(&covers), x->fmt.wrap);
    s->nomem = s->nomem || covers.nomem;
    sp_xbuf_free(&covers);
    sp_xs_str(s, row, T_PER, sp_xunit_word(pd->unit), NULL);
    sp_xs_num(s, row, T_UNITS, sp_xprop_units(x, p), x->fmt.number);
}

/* A price that is units x a unit price to the cent: a formula, so the
 * sales engineer can adjust the unit price in front of the client.  A
 * resale price finer than the cent (it would reveal the markup) is shown
 * rounded and the monthly figure as a value to the cent, so that the
 * total stays what the client is charged. */
static double unit_row(struct sp_xprop *x, int row, int p, double unit)
{
    struct sp_xsheet *s = &x->main;
    double units = sp_xprop_units(x, p), price = sp_xcents(unit);
    char u[300], pr[300];

    sp_xs_num(s, row, T_PRICE, price, x->fmt.money);
    if (price != unit) {
        double monthly = sp_xcents(units * unit);
        sp_xs_num(s, row, T_MONTHLY, monthly, x->fmt.money);
        return monthly;
    }
    sp_xref(u, NULL, row, T_UNITS, false);
    sp_xref(pr, NULL, row, T_PRICE, false);
    sp_xs_formulaf(s, row, T_MONTHLY, x->fmt.money, units * price, "=%s*%s", u,
                   pr);
    return units * price;
}

/* A price invoiced per month (an inventory monthly_price, possibly x a
 * price change): the monthly figure, and per unit to the cent. */
static double monthly_row(struct sp_xprop *x, int row, int p, double monthly)
{
    struct sp_xsheet *s = &x->main;
    double units = sp_xprop_units(x, p);

    monthly = sp_xcents(monthly);
    if (units > 0)
        sp_xs_num(s, row, T_PRICE, sp_xcents(monthly / units), x->fmt.money);
    sp_xs_num(s, row, T_MONTHLY, monthly, x->fmt.money);
    return monthly;
}

/* Inventory row h: its monthly_price when it has one, else units x
 * today's resale price (SPEC section 8), times mult. */
static double held_row(struct sp_xprop *x, int row, int h, double mult)
{
    const struct sp_settings *st = &x->sr->scenario->settings;
    const struct sp_holding *hd = &x->pb->holdings[h];

    if (hd->has_monthly_price || mult != 1)
        return monthly_row(x, row, hd->product,
                           sp_margin_row_price(x->pb, st, h) * mult);
    return unit_row(x, row, hd->product,
                    sp_margin_resale(x->pb, st, hd->product, 1.0));
}

static int total_row(struct sp_xprop *x, int row, int first, double sum)
{
    struct sp_xsheet *s = &x->main;
    int c;

    for (c = 0; c < T_NCOLS; c++)
        sp_xs_blank(s, row, c, x->fmt.total_label);
    sp_xs_str(s, row, 0, "Total per month", x->fmt.total_label);
    if (row > first) {
        char a[300], b[300];
        sp_xref(a, NULL, first, T_MONTHLY, false);
        sp_xref(b, NULL, row - 1, T_MONTHLY, false);
        sp_xs_formulaf(s, row, T_MONTHLY, x->fmt.money_total, sum,
                       "=SUM(%s:%s)", a, b);
    } else
        sp_xs_num(s, row, T_MONTHLY, 0, x->fmt.money_total);
    return row;
}

/* The stack today at what the client is invoiced for each row; unmapped
 * rows listed, not priced. */
static int write_today(struct sp_xprop *x, int row, double *sum)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_client *cl = &x->pb->clients[x->client];
    char step[128];
    int i, first;

    sp_xs_label(s, row++, 0, "Your security stack today", x->fmt.section);
    table_header(s, row++, "Next step");
    first = row;
    *sum = 0;
    for (i = 0; i < cl->nholdings; i++) {
        int h = cl->holdings[i], p = x->pb->holdings[h].product;
        if (p < 0)
            continue;
        describe(x, row, p, NULL);
        sp_xprop_next_step(x, p, step, sizeof(step));
        sp_xs_str(s, row, T_STATUS, step, x->fmt.wrap);
        *sum += held_row(x, row++, h, 1.0);
    }
    for (i = 0; i < cl->nholdings; i++) {
        const struct sp_holding *hd = &x->pb->holdings[cl->holdings[i]];
        if (hd->product >= 0)
            continue;
        /* the client's own name for it: all we know */
        sp_xs_str(s, row, T_NAME, hd->product_id, NULL);
        sp_xs_str(s, row, T_COVERS, "(not in our catalog: not priced)", NULL);
        sp_xs_str(s, row++, T_STATUS, "to review with us", NULL);
    }
    return total_row(x, row, first, *sum);
}

/* After lead, the names of the products the client adopts that share a
 * category with q, a product it leaves (what replaces q): those included
 * in the held price (hold, no gap closed) when included, else those
 * priced on their own; false when there is none. */
static bool replaced_by(const struct sp_xprop *x, int q, bool included,
                        struct sp_xbuf *b, const char *lead)
{
    const struct sp_product *qd = &x->pb->products[q];
    int p, i;
    bool any = false;

    for (p = 0; p < x->pb->nproducts; p++) {
        bool shares = false;
        if (!sp_plan_has(x->sr->plan, x->client, p) ||
            sp_plan_has(x->res->current, x->client, p) ||
            (sp_margin_adopted_revenue(x->pb, &x->sr->scenario->settings,
                                       x->sr->cost, x->client, p) == 0) !=
                included)
            continue;
        for (i = 0; i < qd->ncovers && !shares; i++)
            shares = sp_product_covers(&x->pb->products[p], qd->covers[i]);
        if (!shares)
            continue;
        sp_xbuf_add(b, any ? ", " : lead);
        sp_xbuf_add(b, x->pb->products[p].name);
        any = true;
    }
    return any;
}

/* The proposed stack at the client's price under the scenario's pricing
 * (SPEC section 8; model/core/margin.c prices each part): kept rows at
 * today's price (x the price change under list); under hold, the price
 * of each row left is held and carries its replacement, which is shown
 * as included; an adopted product that is priced (list, or one that
 * closes a gap) at units x resale price.  The total is the client's
 * revenue_monthly. */
static int write_proposed(struct sp_xprop *x, int row, double *sum)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_settings *st = &x->sr->scenario->settings;
    const struct sp_client *cl = &x->pb->clients[x->client];
    bool list = st->pricing == SP_PRICING_LIST;
    int i, p, first;

    sp_xs_label(s, row++, 0, "Proposed security stack", x->fmt.section);
    sp_xs_label(s, row++, 0,
                list ? "Products kept at today's price (with any price "
                       "change); new products at their unit price."
                     : "Your price for each product replaced is held: it "
                       "now pays for what replaces it. A new product that "
                       "covers something nothing covers today is added at "
                       "its unit price.",
                x->fmt.note);
    table_header(s, row++, "Status");
    first = row;
    *sum = 0;
    for (i = 0; i < cl->nholdings; i++) {
        int h = cl->holdings[i], q = x->pb->holdings[h].product;
        if (q < 0 || !sp_plan_has(x->sr->plan, x->client, q))
            continue;
        describe(x, row, q, NULL);
        sp_xs_str(s, row, T_STATUS, "kept", NULL);
        *sum += held_row(x, row++, h, list ? x->sr->cost->multiplier[q] : 1);
    }
    for (p = 0; p < x->pb->nproducts; p++) {
        double r;
        if (!sp_plan_has(x->sr->plan, x->client, p) ||
            sp_current_holding(x->pb, x->client, p) >= 0)
            continue;
        describe(x, row, p, NULL);
        r = sp_margin_adopted_revenue(x->pb, st, x->sr->cost, x->client, p);
        if (r > 0 || list) {
            sp_xs_str(s, row, T_STATUS, list ? "new" : "new: closes a gap",
                      NULL);
            *sum += unit_row(
                x, row++, p,
                sp_margin_resale(x->pb, st, p, x->sr->cost->multiplier[p]));
        } else {
            sp_xs_str(s, row, T_MONTHLY, "included", NULL);
            sp_xs_str(s, row++, T_STATUS,
                      "new: included in the held price below", x->fmt.wrap);
        }
    }
    for (i = 0; i < cl->nholdings && !list; i++) {
        int h = cl->holdings[i], q = x->pb->holdings[h].product;
        struct sp_xbuf name = {0}, by = {0};
        if (q < 0 || sp_plan_has(x->sr->plan, x->client, q))
            continue;
        sp_xbuf_add(&name, "Held price of ");
        sp_xbuf_add(&name, x->pb->products[q].name);
        describe(x, row, q, sp_xbuf_str(&name));
        sp_xbuf_add(&by, "your price today, held");
        if (!replaced_by(x, q, true, &by, "; now includes ") &&
            !replaced_by(x, q, false, &by, "; replaced by "))
            sp_xbuf_add(&by, "; no longer in your stack");
        sp_xs_str(s, row, T_STATUS, sp_xbuf_str(&by), x->fmt.wrap);
        s->nomem = s->nomem || name.nomem || by.nomem;
        sp_xbuf_free(&name);
        sp_xbuf_free(&by);
        *sum += held_row(x, row++, h, 1.0);
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
    char a[300];

    sp_xref(a, NULL, today_total, T_MONTHLY, false);
    sp_xs_formulaf(s, K_ROW, 0, x->fmt.money, today, "=%s", a);
    sp_xref(a, NULL, proposed_total, T_MONTHLY, false);
    sp_xs_formulaf(s, K_ROW, 1, x->fmt.money, proposed, "=%s", a);
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
    snprintf(money, sizeof(money), "%s", x->pb->settings.currency);
    chart_series_set_categories(ser, s->name, K_LABEL_ROW, 0, K_LABEL_ROW, 1);
    chart_series_set_values(ser, s->name, K_ROW, 0, K_ROW, 1);
    chart_series_set_name(ser, "Monthly price");
    if (!sp_xchart_cache(ser, values, present, 2))
        s->nomem = true;
    chart_title_set_name(ch, "Your monthly price: today and proposed");
    sp_xchart_style(ch, money);
    sp_xchart_labels(ser, money);
    chart_axis_set_name(ch->y_axis, "Per month");
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    if (sp_xchart_insert(s, (lxw_row_t)row, ch, 1) != LXW_NO_ERROR)
        s->nomem = true;
}

/* Who offers it, when, until when: rows 1-3, the logo top right. */
static void write_branding(struct sp_xprop *x, const char *start)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_client *cl = &x->pb->clients[x->client];
    char line[512], issued[11], until[11];

    sp_date_format(&x->issued, issued);
    sp_date_format(&x->valid_until, until);
    if (x->opt.msp_name && *x->opt.msp_name)
        snprintf(line, sizeof(line), "Prepared for %s by %s", cl->name,
                 x->opt.msp_name);
    else
        snprintf(line, sizeof(line), "Prepared for %s", cl->name);
    sp_xs_label(s, 1, 0, line, x->fmt.subtitle);
    snprintf(line, sizeof(line),
             "Issued %s \xC2\xB7 valid until %s \xC2\xB7 prices per month "
             "from %s",
             issued, until, start);
    sp_xs_label(s, 2, 0, line, x->fmt.subtitle);
    if (x->opt.msp_contact && *x->opt.msp_contact) {
        snprintf(line, sizeof(line), "Contact: %s", x->opt.msp_contact);
        sp_xs_label(s, 3, 0, line, x->fmt.subtitle);
    }
    if (x->opt.logo) {
        lxw_image_options io = {0};
        io.x_scale = 1;
        io.y_scale = 1;
        io.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
        io.description = "logo";
        if (worksheet_insert_image_opt(s->ws, 0, T_UNITS, x->opt.logo, &io) !=
            LXW_NO_ERROR)
            s->error = LXW_ERROR_CREATING_TMPFILE;
    }
}

void sp_xprop_write_main(struct sp_xprop *x)
{
    struct sp_xsheet *s = &x->main;
    const struct sp_client *cl = &x->pb->clients[x->client];
    char line[512], start[11];
    double today, proposed;
    int today_total, proposed_total, row;

    sp_date_format(&x->sr->scenario->settings.start_date, start);
    snprintf(line, sizeof(line), "Security stack proposal for %s", cl->name);
    sp_xs_label(s, 0, 0, line, x->fmt.title);
    write_branding(x, start);
    sp_xs_label(s, 4, 0,
                "Monthly prices for the units shown. The Coverage sheet "
                "shows what each product protects; the Migration plan "
                "sheet shows when each change happens.",
                x->fmt.note);
    today_total = write_today(x, K_ROW + 3, &today);
    proposed_total = write_proposed(x, today_total + 3, &proposed);
    write_key_figures(x, today_total, today, proposed_total, proposed);
    row = sp_xprop_write_changes(x, s, proposed_total + 2);
    add_chart(x, row + 1, today, proposed);
    sp_xprop_write_compliance(x, row + 18); /* below the chart */
    sp_xs_finish(s, -1);
}
