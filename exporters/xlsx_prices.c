/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Prices sheet: the workbook's one table of what-if inputs, which
 * the Baseline and every scenario sheet read through formulas, so an edit
 * here moves every total, baseline and saving:
 *
 *   plans       one row per plan (Baseline, each scenario with a plan):
 *               horizon and labour rate
 *   catalog     one row per product: its catalog price per unit per month
 *   tiers       one row per volume tier: its price
 *   changes     one row per (plan, product) with a price_change: the
 *               fraction (0.10 = +10 %)
 *
 * What stays as solved is said beside it: the plans, the tier each product
 * reaches, contracted amounts, migration and termination costs.  Input
 * cells are unlocked and accept numbers >= 0 only (a change >= -1); every
 * sheet is protected without a password.  Each input has a defined name.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stackplan/whatif.h"
#include "xlsx_book_int.h"

enum { PX_PLANS_HDR = 5 };

static int slots(const struct sp_xbook *b)
{
    return b->res->nscenarios + 1;
}

static const struct sp_costing *cost_of(const struct sp_xbook *b, int slot)
{
    if (slot == 0)
        return b->res->baseline;
    return b->res->scenarios[slot - 1].cost;
}

bool sp_xprices_layout(struct sp_xprices *px, struct sp_xbook *b)
{
    const struct sp_problem *pb = b->pb;
    int n = slots(b), p, k, row;

    memset(px, 0, sizeof(*px));
    px->sheet = &b->prices;
    px->nproducts = pb->nproducts;
    px->plan_row = calloc((size_t)n, sizeof(int));
    px->catalog_row = calloc((size_t)pb->nproducts + 1, sizeof(int));
    px->tier_row = calloc((size_t)pb->nproducts + 1, sizeof(int));
    px->change_row =
        calloc((size_t)n * (size_t)(pb->nproducts + 1), sizeof(int));
    if (!px->plan_row || !px->catalog_row || !px->tier_row || !px->change_row)
        return false;
    row = PX_PLANS_HDR + 1;
    for (k = 0; k < n; k++)
        px->plan_row[k] = row++;
    px->catalog_hdr = row + 2;
    row = px->catalog_hdr + 1;
    for (p = 0; p < pb->nproducts; p++)
        px->catalog_row[p] = row++;
    px->tier_hdr = row + 2;
    row = px->tier_hdr + 1;
    for (p = 0; p < pb->nproducts; p++) {
        px->tier_row[p] = row;
        row += pb->products[p].ntiers;
    }
    px->change_hdr = row + 2;
    row = px->change_hdr + 1;
    for (k = 0; k < n; k++)
        for (p = 0; p < pb->nproducts; p++) {
            const struct sp_costing *c = cost_of(b, k);
            int *at = &px->change_row[(size_t)k * (size_t)pb->nproducts + p];
            *at = -1;
            if (c && c->multiplier[p] != 1.0)
                *at = row++;
        }
    px->end_row = row;
    return true;
}

void sp_xprices_free(struct sp_xprices *px)
{
    free(px->plan_row);
    free(px->catalog_row);
    free(px->tier_row);
    free(px->change_row);
    memset(px, 0, sizeof(*px));
}

void sp_xprices_ref(const struct sp_xprices *px, int row, int col, char *buf)
{
    sp_xref(buf, px->sheet, row, col, true);
}

bool sp_xprices_change(const struct sp_xprices *px, int slot, int p, char *buf)
{
    int row = px->change_row[(size_t)slot * (size_t)px->nproducts + p];

    if (row < 0)
        return false;
    sp_xprices_ref(px, row, PX_CHANGE_COL, buf);
    return true;
}

/* A defined name from parts: letters, digits, '_' and '.'; never a cell
 * reference ("Price_E1" is fine: it starts with "Price_"). */
static void define(struct sp_xbook *b, const char *prefix, const char *what,
                   int k, int row, int col)
{
    char name[128], formula[300];
    size_t j = strlen(prefix), i;

    snprintf(name, sizeof(name), "%s", prefix);
    for (i = 0; what && what[i] && j + 8 < sizeof(name); i++)
        name[j++] = isalnum((unsigned char)what[i]) ? what[i] : '_';
    snprintf(name + j, sizeof(name) - j, k >= 0 ? "_%d" : "", k);
    sp_xref(formula, b->prices_px.sheet, row, col, true);
    if (workbook_define_name(b->wb, name, formula) != LXW_NO_ERROR)
        b->prices.error = LXW_ERROR_PARAMETER_VALIDATION;
}

static void input_cell(struct sp_xbook *b, int row, int col, double v,
                       double min, lxw_format *f)
{
    struct sp_xsheet *s = &b->prices;
    lxw_data_validation dv = {0};

    sp_xs_num(s, row, col, v, f);
    dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
    dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    dv.value_number = min;
    dv.error_title = "Not a valid input";
    dv.error_message = min < 0 ? "A price change is a fraction of -1 or more "
                                 "(0.10 = +10 %)."
                               : "Enter a number of 0 or more.";
    if (worksheet_data_validation_cell(s->ws, (lxw_row_t)row, (lxw_col_t)col,
                                       &dv) != LXW_NO_ERROR)
        s->error = LXW_ERROR_PARAMETER_VALIDATION;
}

const struct sp_breakeven_item *sp_xflip_item(const struct sp_breakeven *be,
                                              const char *vendor)
{
    int i;

    for (i = 0; be && i < sp_breakeven_count(be); i++) {
        const struct sp_breakeven_item *it = sp_breakeven_get(be, i);
        if (strcmp(it->kind, "vendor") == 0 && strcmp(it->name, vendor) == 0)
            return it;
    }
    return NULL;
}

void sp_xflip_text(const struct sp_breakeven *be, const char *vendor,
                   char *buf, size_t size)
{
    const struct sp_breakeven_item *it = sp_xflip_item(be, vendor);

    buf[0] = '\0';
    if (!it)
        return;
    if (it->forced)
        snprintf(buf, size, "never: %s", it->forced);
    else if (it->in_plan && it->found)
        snprintf(buf, size, "dropped above %+.1f %%", 100 * it->change);
    else if (it->in_plan)
        snprintf(buf, size, "kept up to %+.0f %% and more",
                 100 * it->range_to);
    else if (it->found)
        snprintf(buf, size, "taken up below %+.1f %%", 100 * it->change);
    else
        snprintf(buf, size, "not taken up even at %+.0f %%",
                 100 * it->range_from);
    if (!it->proven && !it->forced)
        snprintf(buf + strlen(buf), size - strlen(buf), " (not proven)");
}

static const char *slot_name(const struct sp_xbook *b, int k)
{
    return k == 0 ? "Baseline" : b->res->scenarios[k - 1].scenario->name;
}

void sp_xbook_write_prices(struct sp_xbook *b)
{
    struct sp_xsheet *s = &b->prices;
    const struct sp_xprices *px = &b->prices_px;
    const struct sp_problem *pb = b->pb;
    const struct sp_xfmt *f = &b->fmt;
    const struct sp_breakeven *be;
    char note[512];
    int k, p, t;

    sp_xs_label(s, 0, 0, "Prices and settings (the what-if inputs)", f->title);
    sp_xs_label(s, 1, 0,
                "Edit a yellow cell: every plan sheet, the Summary and the "
                "Executive summary follow, savings included.",
                f->subtitle);
    sp_xs_label(s, 2, 0,
                "Fixed as solved: the plans (which products each client "
                "runs), the tier each product reaches, contracted amounts, "
                "setup and termination fees, start months. Solve again to "
                "re-optimise.",
                f->note);
    sp_xs_label(s, PX_PLANS_HDR - 1, 0, "Settings of each plan", f->section);
    sp_xs_str(s, PX_PLANS_HDR, 0, "Plan", f->header);
    sp_xs_str(s, PX_PLANS_HDR, 1, "Horizon (months)", f->header);
    sp_xs_str(s, PX_PLANS_HDR, 2, "Labour rate / hour", f->header);
    for (k = 0; k < slots(b); k++) {
        const struct sp_costing *c = cost_of(b, k);
        const struct sp_settings *st =
            k == 0 ? &pb->settings
                   : &b->res->scenarios[k - 1].scenario->settings;
        sp_xs_str(s, px->plan_row[k], 0, slot_name(b, k), f->text);
        if (!c) {
            sp_xs_str(s, px->plan_row[k], 1, "no plan", f->text);
            continue;
        }
        input_cell(b, px->plan_row[k], 1, c->horizon, 0, f->number_input);
        input_cell(b, px->plan_row[k], 2, st->labor_rate, 0, f->price_input);
        define(b, "Horizon", NULL, k, px->plan_row[k], 1);
        define(b, "Labour", NULL, k, px->plan_row[k], 2);
    }
    sp_xs_label(s, px->catalog_hdr - 1, 0, "Catalog prices", f->section);
    sp_xs_str(s, px->catalog_hdr, 0, "Product", f->header);
    sp_xs_str(s, px->catalog_hdr, 1, "Vendor", f->header);
    sp_xs_str(s, px->catalog_hdr, 2, "Price / unit / month", f->header);
    sp_xs_str(s, px->catalog_hdr, 3, "Flips at (vendor's price change)",
              f->header);
    /* under the title, in short lines: a long label beside the narrow
     * table would shrink the printed page */
    be = b->opt.breakeven;
    if (be) {
        snprintf(note, sizeof(note),
                 "Flips at: the change of a vendor's prices at which the "
                 "optimum of '%.60s' (recommended) drops or takes it up.",
                 sp_breakeven_scenario(be) ? sp_breakeven_scenario(be)
                                           : "the file's settings");
        sp_xs_label(s, 3, 0, note, f->note);
    } else {
        sp_xs_label(s, 3, 0,
                    "Flips at: not computed (stackplan solve --breakeven, "
                    "or stackplan breakeven DATA_DIR --all).",
                    f->note);
    }
    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pd = &pb->products[p];
        if (be) {
            sp_xflip_text(be, pb->vendors[pd->vendor].name, note,
                          sizeof(note));
            sp_xs_str(s, px->catalog_row[p], 3, note, f->text);
        }
        sp_xs_str(s, px->catalog_row[p], 0, pd->id, f->text);
        sp_xs_str(s, px->catalog_row[p], 1, pb->vendors[pd->vendor].name,
                  f->text);
        input_cell(b, px->catalog_row[p], PX_PRICE_COL, pd->price, 0,
                   f->price_input);
        define(b, "Price_", pd->id, p, px->catalog_row[p], PX_PRICE_COL);
    }
    sp_xs_label(s, px->tier_hdr - 1, 0,
                "Volume tier prices (the tier each plan reaches is fixed as "
                "solved)",
                f->section);
    sp_xs_str(s, px->tier_hdr, 0, "Product", f->header);
    sp_xs_str(s, px->tier_hdr, 1, "From units", f->header);
    sp_xs_str(s, px->tier_hdr, 2, "Price / unit / month", f->header);
    for (p = 0; p < pb->nproducts; p++)
        for (t = 0; t < pb->products[p].ntiers; t++) {
            int row = px->tier_row[p] + t;
            sp_xs_str(s, row, 0, pb->products[p].id, f->text);
            sp_xs_num(s, row, 1, pb->products[p].tiers[t].min_units,
                      f->number);
            input_cell(b, row, PX_PRICE_COL, pb->products[p].tiers[t].price, 0,
                       f->price_input);
            define(b, "Tier_", pb->products[p].id, p * 100 + t, row,
                   PX_PRICE_COL);
        }
    sp_xs_label(s, px->change_hdr - 1, 0,
                "Price changes (a fraction: 0.10 = +10 %)", f->section);
    sp_xs_str(s, px->change_hdr, 0, "Plan", f->header);
    sp_xs_str(s, px->change_hdr, 1, "Product", f->header);
    sp_xs_str(s, px->change_hdr, 2, "Change", f->header);
    for (k = 0; k < slots(b); k++)
        for (p = 0; p < pb->nproducts; p++) {
            int row =
                px->change_row[(size_t)k * (size_t)pb->nproducts + (size_t)p];
            if (row < 0)
                continue;
            sp_xs_str(s, row, 0, slot_name(b, k), f->text);
            sp_xs_str(s, row, 1, pb->products[p].id, f->text);
            input_cell(b, row, PX_CHANGE_COL, cost_of(b, k)->multiplier[p] - 1,
                       -1, f->number_input);
            define(b, "Change_", pb->products[p].id, k * 10000 + p, row,
                   PX_CHANGE_COL);
        }
    worksheet_freeze_panes(s->ws, PX_PLANS_HDR + 1, 0);
    sp_xs_finish(s, -1);
}
