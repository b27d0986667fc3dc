/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The parts of the scenario workbook (exporters/workbook.c puts them
 * together).  A "plan sheet" is the Baseline sheet or one scenario's
 * sheet: the same layout for both, so the baseline is a what-if too.
 *
 *   rows 0-2   title, status, the what-if note
 *   rows 3-4   key figures: horizon, licence, migration, termination,
 *              vendor overhead, total, run-rate, baseline, savings
 *   row 7      effective prices: one row per product at its tier price,
 *              one per contract-priced (client, product) row
 *   then       vendor overhead: one row per vendor
 *   then       client table: one row per client, totals row
 *   then       licence lines: one row per (client, product) chosen, with
 *              (scenario sheets) its start month and migration cost
 *   then       (scenario sheets) leaving costs: one row per (client,
 *              product) left, then the baseline under its settings
 *   then       (baseline) unmapped inventory rows
 *
 * Licence figures are formulas: a line is units x its price-table price,
 * a client's monthly licence is the sum of its lines, the horizon figure
 * is that x the horizon cell; totals and the Summary sheet sum those.
 */
#ifndef SP_XLSX_BOOK_INT_H
#define SP_XLSX_BOOK_INT_H

#include "core_int.h"
#include "stackplan/export.h"
#include "xlsx_int.h"

/* Rows of the key-figure block of a plan sheet. */
enum { SP_TOP_LABEL_ROW = 3, SP_TOP_ROW = 4, SP_FIRST_TABLE_HDR = 7 };

/* A book with more clients than this prints only the title, key figures,
 * prices and vendor overhead of each plan sheet: its client table and
 * licence lines are for filtering on screen, not for paper. */
#define SP_PRINT_MAX_CLIENTS 40

/* Columns of the key-figure block. */
enum sp_top_col {
    SP_TOP_H,
    SP_TOP_LICENCE,
    SP_TOP_MIGRATION,
    SP_TOP_TERMINATION,
    SP_TOP_OVERHEAD,
    SP_TOP_TOTAL,
    SP_TOP_RUNRATE,
    SP_TOP_BASELINE, /* scenario: baseline, same settings; baseline sheet:
                        unmapped spend per month (not included) */
    SP_TOP_SAVINGS,
    SP_TOP_NCOLS
};

/* Columns of the price table. */
enum {
    SP_PT_VENDOR,
    SP_PT_PRODUCT,
    SP_PT_BASIS,
    SP_PT_CLIENT,
    SP_PT_UNITS,
    SP_PT_TIER,
    SP_PT_TOTAL_UNITS,
    SP_PT_CATALOG,
    SP_PT_CHANGE,
    SP_PT_PRICE,
    SP_PT_MONTHLY
};

/* Columns of the vendor overhead table. */
enum {
    SP_OH_VENDOR,
    SP_OH_STATUS,
    SP_OH_FEE,
    SP_OH_HOURS,
    SP_OH_LABOUR,
    SP_OH_COMMIT,
    SP_OH_SPEND,
    SP_OH_SHORTFALL,
    SP_OH_MONTH,
    SP_OH_TOTAL
};

/* Columns of the licence lines. */
enum {
    SP_LN_CLIENT,
    SP_LN_PRODUCT,
    SP_LN_VENDOR,
    SP_LN_STATUS,
    SP_LN_UNITS,
    SP_LN_PRICE,
    SP_LN_MONTHLY,
    SP_LN_START,    /* scenario sheets: the month it starts (0-based) */
    SP_LN_MIGRATION /* scenario sheets: its one-time migration cost */
};

/* Columns of the leaving-cost table (scenario sheets). */
enum {
    SP_LV_CLIENT,
    SP_LV_PRODUCT,
    SP_LV_VENDOR,
    SP_LV_HOW,
    SP_LV_END,
    SP_LV_MONTHS,
    SP_LV_MONTHLY,
    SP_LV_FEE,
    SP_LV_COST
};

/** How a product a client leaves ends (sp_cost_leaving's cases). */
enum sp_xleave_how {
    SP_LEAVE_ENDED,   /* its contract ended by the start: nothing */
    SP_LEAVE_FEE,     /* terminated at the start, its fee paid */
    SP_LEAVE_MONTHLY, /* month-to-month: nothing left to pay */
    SP_LEAVE_RUN_OUT  /* paid month by month until its contract ends */
};

/** A current (client, product) the plan leaves. */
struct sp_xleave {
    int client, product, holding;
    enum sp_xleave_how how;
    double months_to_end; /* run out: months to contract end, uncapped */
    double months;        /* run out: capped at the horizon */
    double monthly;       /* run out: what it costs each month */
    double cost;          /* fee, or months x monthly */
};

/** A price-table row: a product at its tier price (client -1), or one
 *  client's contracted row of a product. */
struct sp_xprice_row {
    int product, client;
    double units; /* billable units priced by this row */
    double price; /* effective unit price; has_price false when a
                     contract row has 0 units (its monthly is the input) */
    bool has_price;
    double monthly; /* cached: units x price, or the contract amount */
};

/** A licence line: client c runs product p, priced by a price row. */
struct sp_xline {
    int client, product, price_row;
    double units, price, monthly;
    bool has_price;
};

/** Where the Prices sheet (xlsx_prices.c) holds each input. */
struct sp_xprices {
    const struct sp_xsheet *sheet;
    int nproducts;
    int *plan_row;    /* per slot (0 = Baseline, 1 + scenario index) */
    int *catalog_row; /* per product */
    int *tier_row;    /* per product: its first tier's row */
    int *change_row;  /* per (slot, product); -1 = no price change */
    int catalog_hdr, tier_hdr, change_hdr, end_row;
};
enum {
    PX_HORIZON_COL = 1,
    PX_LABOUR_COL = 2,
    PX_PRICE_COL = 2,
    PX_CHANGE_COL = 2
};

struct sp_xbook;
/** Places every input; @return false when out of memory. */
bool sp_xprices_layout(struct sp_xprices *px, struct sp_xbook *b);
void sp_xprices_free(struct sp_xprices *px);
/** "'Prices'!$C$9" of a row and column of the Prices sheet. */
void sp_xprices_ref(const struct sp_xprices *px, int row, int col, char *buf);
/** The change cell of (slot, product p); false when it has none. */
bool sp_xprices_change(const struct sp_xprices *px, int slot, int p,
                       char *buf);

/** What a plan sheet shows. */
struct sp_xplan_in {
    const struct sp_problem *pb;
    const struct sp_plan *plan;
    const struct sp_plan *current;
    const struct sp_costing *cost;   /* plan costed */
    const struct sp_costing *before; /* current stack, same settings;
                                        NULL on the Baseline sheet */
    const struct sp_settings *settings;
    const struct sp_scenario *scenario;  /* NULL on the Baseline sheet */
    const struct sp_scenario_result *sr; /* NULL on the Baseline sheet */
    /* the what-if inputs, and (scenario sheets) the Baseline sheet whose
     * rows the baseline under this scenario's settings is summed from */
    const struct sp_xprices *px;
    int slot; /* 0 = Baseline, 1 + scenario index */
    const struct sp_xplan *base_model;
    const struct sp_xsheet *base_sheet;
};

/** A plan sheet's model: every row's place and every formula's value. */
struct sp_xplan {
    struct sp_xprice_row *prices;
    int nprices;
    struct sp_xline *lines;
    int nlines;
    int *line_start;          /* per line: the month it starts (0 = kept) */
    double *line_migration;   /* per line: its migration cost (0 = kept) */
    struct sp_xleave *leaves; /* scenario sheets; grouped by client */
    int nleaves;
    int *client_leave_first, *client_nleaves;
    bool has_leave_table;
    int *client_first; /* first line of each client; lines are grouped */
    int *client_nlines;
    double *client_monthly;          /* sum of its lines */
    int *prod_first, *prod_last;     /* price rows of a product; -1 = none */
    int *prod_tier;                  /* its tier row; -1 = contracts only */
    int *vendor_first, *vendor_last; /* price rows of a vendor */
    double *vendor_spend, *vendor_oh_month, *vendor_oh_total;
    double sum_now, sum_monthly, sum_licence, sum_migration, sum_termination,
        sum_client_total, sum_oh_month, sum_oh_total;
    double top[SP_TOP_NCOLS];
    double horizon;
    /* sheet rows */
    int client_hdr, total_row, price_hdr, oh_hdr, oh_total_row, lines_hdr,
        leave_hdr,    /* scenario sheets: the leaving costs */
        unmapped_hdr; /* on a scenario sheet: the baseline under its
                         settings, one row per vendor, then a total */
};

/** @brief Computes the model of a plan sheet.  @return false when out of
 *  memory (free with sp_xplan_free either way). */
bool sp_xplan_model(struct sp_xplan *o, const struct sp_xplan_in *in);
void sp_xplan_free(struct sp_xplan *o);

/** Sheet row of price row i / line i / vendor v's overhead row. */
static inline int sp_xplan_price_row(const struct sp_xplan *o, int i)
{
    return o->price_hdr + 1 + i;
}
static inline int sp_xplan_line_row(const struct sp_xplan *o, int i)
{
    return o->lines_hdr + 1 + i;
}
static inline int sp_xplan_leave_row(const struct sp_xplan *o, int i)
{
    return o->leave_hdr + 1 + i;
}
static inline int sp_xplan_vendor_row(const struct sp_xplan *o, int v)
{
    return o->oh_hdr + 1 + v;
}

/** Writes a plan sheet (xlsx_plan.c) and its tables (xlsx_tables.c). */
void sp_xplan_write(struct sp_xsheet *s, const struct sp_xplan *o,
                    const struct sp_xplan_in *in);
void sp_xplan_write_prices(struct sp_xsheet *s, const struct sp_xplan *o,
                           const struct sp_xplan_in *in);
void sp_xplan_write_overhead(struct sp_xsheet *s, const struct sp_xplan *o,
                             const struct sp_xplan_in *in);
void sp_xplan_write_lines(struct sp_xsheet *s, const struct sp_xplan *o,
                          const struct sp_xplan_in *in);
void sp_xplan_write_leaving(struct sp_xsheet *s, const struct sp_xplan *o,
                            const struct sp_xplan_in *in);
void sp_xplan_write_unmapped(struct sp_xsheet *s, const struct sp_xplan *o,
                             const struct sp_xplan_in *in);

/** A scenario's sheet when it has no plan: status and the reason. */
void sp_xsheet_write_infeasible(struct sp_xsheet *s,
                                const struct sp_scenario_result *sr);

/** Everything the sheets share. */
struct sp_xbook {
    lxw_workbook *wb;
    const struct sp_result *res;
    const struct sp_problem *pb;
    struct sp_xfmt fmt;
    struct sp_workbook_options opt;
    struct sp_xsheet exec, payback, summary, prices, baseline, scorecard,
        vendors, inputs;
    /* per scenario: the Payback sheet's row of its payback month (-1 = no
     * plan) and that month as solved (0 = none within the horizon) */
    int *payback_row;
    int *payback_value;
    struct sp_xprices prices_px;
    struct sp_xsheet *scen; /* one per scenario */
    struct sp_xplan base_model;
    struct sp_xplan *scen_model; /* one per scenario; zeroed if no plan */
};

/** The Executive summary (xlsx_exec.c), Summary (xlsx_summary.c),
 *  Vendors (xlsx_vendors.c) and Inputs (xlsx_inputs.c) sheets. */
void sp_xbook_write_exec(struct sp_xbook *b);
/** The Payback sheet (xlsx_payback.c); before the Executive summary and
 *  the Summary, which link to its payback months. */
void sp_xbook_write_payback(struct sp_xbook *b);
/** The Vendor scorecard (xlsx_scorecard.c). */
void sp_xbook_write_scorecard(struct sp_xbook *b);
/** The Prices sheet (xlsx_prices.c): the what-if inputs. */
void sp_xbook_write_prices(struct sp_xbook *b);
/** The baseline under a scenario's settings, as formulas over the
 *  Baseline sheet's price rows and the Prices sheet (xlsx_tables.c). */
void sp_xplan_write_base_under(struct sp_xsheet *s, const struct sp_xplan *o,
                               const struct sp_xplan_in *in);
void sp_xbook_write_summary(struct sp_xbook *b);
void sp_xbook_write_vendors(struct sp_xbook *b);
void sp_xbook_write_inputs(struct sp_xbook *b);

/**
 * @brief The recommended scenario: the one named (when name is given:
 *        *named is set if it exists), else the cheapest per month (total /
 *        horizon) of the proven-optimal plans of scenarios not marked
 *        "eligible": false.  @return its index, -1 when none (or the
 *        named one has no plan).
 */
int sp_xrecommend(const struct sp_result *res, const char *name, bool *named);

struct sp_breakeven;
struct sp_breakeven_item;
/** The break-even item of a vendor (solve --breakeven), or NULL. */
const struct sp_breakeven_item *sp_xflip_item(const struct sp_breakeven *be,
                                              const char *vendor);
/** "dropped above +4.7 %": where the recommended plan flips about a
 *  vendor; "" when the break-even does not cover it (xlsx_prices.c). */
void sp_xflip_text(const struct sp_breakeven *be, const char *vendor,
                   char *buf, size_t size);

/** "+10.00%" style text of a price_change multiplier; "" for 1. */
void sp_xpercent_text(double multiplier, char *buf, size_t size);
/** Kept vendor names of a plan, joined with ", ". */
void sp_xkept_names(const struct sp_problem *pb, const struct sp_plan *plan,
                    struct sp_xbuf *out);
/** Does scenario sc pin client c (keep_clients)? */
bool sp_xpinned(const struct sp_scenario *sc, int c);
/** Tier text: "catalog" or "≥ N units". */
void sp_xtier_text(const struct sp_problem *pb, const struct sp_costing *k,
                   int p, char *buf, size_t size);

#endif
