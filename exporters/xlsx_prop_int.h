/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The client proposal (exporters/proposal.c puts it together): a
 * client-facing workbook with the Proposal, Coverage and Migration plan
 * sheets.  It shows resale prices only: no catalog price, tier, vendor
 * fee, migration labour or termination amount, and nothing about another
 * client, reaches any part of the file.
 */
#ifndef SP_XLSX_PROP_INT_H
#define SP_XLSX_PROP_INT_H

#include "core_int.h"
#include "xlsx_int.h"

struct sp_xprop {
    lxw_workbook *wb;
    const struct sp_problem *pb;
    const struct sp_result *res;
    const struct sp_scenario_result *sr; /* has a plan */
    int client;
    struct sp_xfmt fmt;
    struct sp_xsheet main, coverage, steps;
};

/** The client's price for product p per month: billable units x the
 *  product's resale price. */
double sp_xprop_units(const struct sp_xprop *x, int p);

void sp_xprop_write_main(struct sp_xprop *x);
void sp_xprop_write_coverage(struct sp_xprop *x);
void sp_xprop_write_steps(struct sp_xprop *x);

/** What happens to product p the client runs today: "keep", "replace
 *  now (why)" or "replace at contract end DATE". */
void sp_xprop_next_step(const struct sp_xprop *x, int p, char *buf,
                        size_t size);

/** Category names of a product, joined with ", ". */
void sp_xprop_covers(const struct sp_problem *pb, int p, struct sp_xbuf *b);

#endif
