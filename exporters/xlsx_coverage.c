/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Coverage sheet: which categories each product protects, today and
 * in the proposal, and which gaps the proposal closes.
 */
#include <stdio.h>
#include <string.h>
#include "xlsx_prop_int.h"

#define CHECK_MARK "\xE2\x9C\x93"

enum { C_HEADER = 3, C_FIRST_CAT = 3 };

static bool required(const struct sp_xprop *x, int k)
{
    int n, i;
    const int *req = sp_client_requires(x->pb, &x->pb->clients[x->client],
                                        &x->sr->scenario->settings, &n);

    for (i = 0; i < n; i++)
        if (req[i] == k)
            return true;
    return false;
}

static bool covered(const struct sp_xprop *x, const struct sp_plan *pl, int k)
{
    int p;

    for (p = 0; p < x->pb->nproducts; p++)
        if (sp_plan_has(pl, x->client, p) &&
            sp_product_covers(&x->pb->products[p], k))
            return true;
    return false;
}

/* Categories shown: required ones and those a listed product covers. */
static bool shown(const struct sp_xprop *x, int k)
{
    return required(x, k) || covered(x, x->res->current, k) ||
           covered(x, x->sr->plan, k);
}

static void status_row(struct sp_xprop *x, int row, const char *label,
                       const struct sp_plan *pl)
{
    struct sp_xsheet *s = &x->coverage;
    int k, col = C_FIRST_CAT;

    sp_xs_str(s, row, 0, label, x->fmt.bold);
    for (k = 0; k < x->pb->ncategories; k++) {
        if (!shown(x, k))
            continue;
        if (covered(x, pl, k))
            sp_xs_str(s, row, col, CHECK_MARK, NULL);
        else if (required(x, k))
            sp_xs_str(s, row, col, "gap", NULL);
        else if (pl != x->res->current && covered(x, x->res->current, k))
            sp_xs_str(s, row, col, "no longer covered", x->fmt.wrap);
        else
            sp_xs_str(s, row, col, "not covered", x->fmt.wrap);
        col++;
    }
}

static void closed_row(struct sp_xprop *x, int row)
{
    struct sp_xsheet *s = &x->coverage;
    int k, col = C_FIRST_CAT;

    sp_xs_str(s, row, 0, "Gap closed", x->fmt.bold);
    for (k = 0; k < x->pb->ncategories; k++) {
        if (!shown(x, k))
            continue;
        if (required(x, k) && !covered(x, x->res->current, k) &&
            covered(x, x->sr->plan, k))
            sp_xs_str(s, row, col, "closed", NULL);
        col++;
    }
}

static void highlight(struct sp_xsheet *s, int r0, int r1, int c1)
{
    static const char *const values[] = {"\"gap\"", "\"no longer covered\"",
                                         "\"" CHECK_MARK "\"", "\"closed\""};
    lxw_conditional_format cf;
    int i;

    if (c1 < C_FIRST_CAT)
        return;
    for (i = 0; i < 4; i++) {
        memset(&cf, 0, sizeof(cf));
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        cf.value_string = (char *)values[i];
        cf.format = i < 2 ? s->fmt->bad : s->fmt->good;
        if (worksheet_conditional_format_range(
                s->ws, (lxw_row_t)r0, C_FIRST_CAT, (lxw_row_t)r1,
                (lxw_col_t)c1, &cf) != LXW_NO_ERROR)
            s->nomem = true;
    }
}

void sp_xprop_write_coverage(struct sp_xprop *x)
{
    struct sp_xsheet *s = &x->coverage;
    const struct sp_problem *pb = x->pb;
    int k, p, col = C_FIRST_CAT, row = C_HEADER + 2, last_col;

    sp_xs_label(s, 0, 0, "Coverage today and after the change", x->fmt.title);
    sp_xs_label(s, 1, 0,
                CHECK_MARK " = the product protects this category; \"gap\" "
                           "= a category you need that nothing covers; "
                           "\"no longer covered\" = covered today, not "
                           "after the change.",
                x->fmt.subtitle);
    sp_xs_str(s, C_HEADER, 0, "Provider", x->fmt.header);
    sp_xs_str(s, C_HEADER, 1, "Product", x->fmt.header);
    sp_xs_str(s, C_HEADER, 2, "In your stack", x->fmt.header);
    sp_xs_str(s, C_HEADER + 1, 0, "Needed by you", x->fmt.bold);
    for (k = 0; k < pb->ncategories; k++) {
        if (!shown(x, k))
            continue;
        char label[128];
        sp_xs_str(s, C_HEADER, col,
                  sp_xcategory_label(pb->categories[k], label, sizeof(label)),
                  x->fmt.header);
        sp_xs_str(s, C_HEADER + 1, col, required(x, k) ? "yes" : "", NULL);
        col++;
    }
    last_col = col - 1;
    for (p = 0; p < pb->nproducts; p++) {
        bool now = sp_plan_has(x->res->current, x->client, p);
        bool then = sp_plan_has(x->sr->plan, x->client, p);
        if (!now && !then)
            continue;
        sp_xs_str(s, row, 0, pb->vendors[pb->products[p].vendor].name, NULL);
        sp_xs_str(s, row, 1, pb->products[p].name, NULL);
        sp_xs_str(s, row, 2,
                  now && then ? "today and proposed"
                  : now       ? "today only"
                              : "proposed (new)",
                  NULL);
        for (k = 0, col = C_FIRST_CAT; k < pb->ncategories; k++) {
            if (!shown(x, k))
                continue;
            if (sp_product_covers(&pb->products[p], k))
                sp_xs_str(s, row, col, CHECK_MARK, NULL);
            col++;
        }
        row++;
    }
    row++;
    status_row(x, row, "Covered today", x->res->current);
    status_row(x, row + 1, "Covered after", x->sr->plan);
    closed_row(x, row + 2);
    highlight(s, C_HEADER + 2, row + 2, last_col);
    worksheet_freeze_panes(s->ws, C_HEADER + 1, 1);
    sp_xs_finish(s, C_HEADER);
}
