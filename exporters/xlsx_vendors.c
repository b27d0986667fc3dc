/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Vendors sheet: one long, filterable table.  For the baseline and
 * each scenario with a plan, every vendor is kept, dropped or not used;
 * a kept vendor has one row per product it supplies.  Spend and overhead
 * link to the plan sheets, so they follow an edited price.
 */
#include <stdio.h>
#include "xlsx_book_int.h"

enum {
    V_SCENARIO,
    V_VENDOR,
    V_STATUS,
    V_CLIENTS,
    V_PRODUCT,
    V_UNITS,
    V_TIER,
    V_PRICE,
    V_SPEND,
    V_OH_MONTH,
    V_OH_TOTAL,
    V_NCOLS
};

enum { V_HEADER = 3 };

/* One plan's block of rows. */
struct block {
    const char *name;
    const struct sp_plan *plan;
    const struct sp_costing *cost;
    const struct sp_xplan *model;
    const struct sp_xsheet *sheet;
};

static int vendor_clients(const struct sp_problem *pb,
                          const struct sp_plan *plan, int v)
{
    int c, p, n = 0;

    for (c = 0; c < pb->nclients; c++) {
        bool uses = false;
        for (p = 0; p < pb->nproducts && !uses; p++)
            uses = pb->products[p].vendor == v && sp_plan_has(plan, c, p);
        n += uses;
    }
    return n;
}

static void product_row(struct sp_xbook *b, const struct block *k, int row,
                        int p)
{
    struct sp_xsheet *s = &b->vendors;
    const struct sp_xplan *o = k->model;
    char a[300], z[300], tier[64];
    double spend = 0;
    int i;

    sp_xs_str(s, row, V_PRODUCT, b->pb->products[p].id, NULL);
    sp_xs_num(s, row, V_UNITS, k->cost->product_units[p], b->fmt.number);
    if (o->prod_tier[p] >= 0) {
        sp_xtier_text(b->pb, k->cost, p, tier, sizeof(tier));
        sp_xs_str(s, row, V_TIER, tier, NULL);
        sp_xref(a, k->sheet, sp_xplan_price_row(o, o->prod_tier[p]),
                SP_PT_PRICE, true);
        sp_xs_formulaf(s, row, V_PRICE, b->fmt.price,
                       o->prices[o->prod_tier[p]].price, "=%s", a);
    } else {
        sp_xs_str(s, row, V_TIER, "contract", NULL);
    }
    for (i = o->prod_first[p]; i <= o->prod_last[p]; i++)
        spend += o->prices[i].monthly;
    sp_xref(a, k->sheet, sp_xplan_price_row(o, o->prod_first[p]),
            SP_PT_MONTHLY, true);
    sp_xref(z, NULL, sp_xplan_price_row(o, o->prod_last[p]), SP_PT_MONTHLY,
            true);
    /* 'Sheet'!$K$8:$K$10: the sheet is named once for the range */
    sp_xs_formulaf(s, row, V_SPEND, b->fmt.money, spend, "=SUM(%s:%s)", a, z);
}

/* Writes one vendor of one plan from row; returns the next free row. */
static int vendor_rows(struct sp_xbook *b, const struct block *k, int row,
                       int v)
{
    struct sp_xsheet *s = &b->vendors;
    const struct sp_problem *pb = b->pb;
    const struct sp_xplan *o = k->model;
    const char *status = k->plan->kept[v]           ? "kept"
                         : b->res->current->kept[v] ? "dropped"
                                                    : "not used";
    int first = row, p;
    char ref[300];

    for (p = 0; p < pb->nproducts; p++) {
        if (pb->products[p].vendor != v || o->prod_first[p] < 0)
            continue;
        product_row(b, k, row, p);
        row++;
    }
    if (row == first)
        row++; /* a vendor with no product still gets its row */
    for (p = first; p < row; p++) {
        sp_xs_str(s, p, V_SCENARIO, k->name, NULL);
        sp_xs_str(s, p, V_VENDOR, pb->vendors[v].name, NULL);
        sp_xs_str(s, p, V_STATUS, status, NULL);
    }
    if (!k->plan->kept[v])
        return row;
    sp_xs_num(s, first, V_CLIENTS, vendor_clients(pb, k->plan, v),
              b->fmt.number);
    sp_xref(ref, k->sheet, sp_xplan_vendor_row(o, v), SP_OH_MONTH, true);
    sp_xs_formulaf(s, first, V_OH_MONTH, b->fmt.money, o->vendor_oh_month[v],
                   "=%s", ref);
    sp_xref(ref, k->sheet, sp_xplan_vendor_row(o, v), SP_OH_TOTAL, true);
    sp_xs_formulaf(s, first, V_OH_TOTAL, b->fmt.money, o->vendor_oh_total[v],
                   "=%s", ref);
    return row;
}

static int block_rows(struct sp_xbook *b, const struct block *k, int row)
{
    int v;

    for (v = 0; v < b->pb->nvendors; v++)
        row = vendor_rows(b, k, row, v);
    return row;
}

void sp_xbook_write_vendors(struct sp_xbook *b)
{
    static const char *const names[V_NCOLS] = {"Scenario",
                                               "Vendor",
                                               "Status",
                                               "Clients",
                                               "Product",
                                               "Billable units (all clients)",
                                               "Tier reached",
                                               "Effective unit price / month",
                                               "Monthly spend",
                                               "Overhead / month",
                                               "Overhead over the horizon"};
    struct sp_xsheet *s = &b->vendors;
    struct block k;
    int row = V_HEADER + 1, i;

    sp_xs_label(s, 0, 0, "Vendors kept and dropped", b->fmt.title);
    sp_xs_label(s, 1, 0,
                "Per plan: each vendor's status, the clients on it, units "
                "and tier per product, monthly spend and overhead (linked "
                "to the plan sheets).",
                b->fmt.subtitle);
    for (i = 0; i < V_NCOLS; i++)
        sp_xs_str(s, V_HEADER, i, names[i], b->fmt.header);

    k.name = "Baseline";
    k.plan = b->res->current;
    k.cost = b->res->baseline;
    k.model = &b->base_model;
    k.sheet = &b->baseline;
    row = block_rows(b, &k, row);
    for (i = 0; i < b->res->nscenarios; i++) {
        const struct sp_scenario_result *sr = &b->res->scenarios[i];
        if (!sr->plan || !sr->cost)
            continue;
        k.name = sr->scenario->name;
        k.plan = sr->plan;
        k.cost = sr->cost;
        k.model = &b->scen_model[i];
        k.sheet = &b->scen[i];
        row = block_rows(b, &k, row);
    }
    worksheet_autofilter(s->ws, V_HEADER, 0, (lxw_row_t)(row - 1),
                         V_NCOLS - 1);
    worksheet_freeze_panes(s->ws, V_HEADER + 1, 2);
    sp_xs_finish(s, V_HEADER);
}
