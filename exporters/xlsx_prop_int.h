/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The client proposal (exporters/proposal.c puts it together): a
 * client-facing workbook with the Proposal, Coverage and Migration plan
 * sheets.  It shows the client's prices only (what it is invoiced today,
 * its price under the scenario's pricing): no catalog price, tier,
 * vendor fee, migration labour or termination amount, no internal id,
 * and nothing about another client, reaches any part of the file.
 */
#ifndef SP_XLSX_PROP_INT_H
#define SP_XLSX_PROP_INT_H

#include "core_int.h"
#include "stackplan/export.h"
#include "xlsx_int.h"

struct sp_xprop {
    lxw_workbook *wb;
    const struct sp_problem *pb;
    const struct sp_result *res;
    const struct sp_scenario_result *sr; /* has a plan */
    int client;
    struct sp_proposal_options opt; /* branding, filled in from settings */
    struct sp_date issued, valid_until;
    struct sp_schedule *sched; /* the plan's (model/core/schedule.c) */
    struct sp_xfmt fmt;
    struct sp_xsheet main, coverage, steps;
};

/** The client's billable units of product p. */
double sp_xprop_units(const struct sp_xprop *x, int p);

void sp_xprop_write_main(struct sp_xprop *x);
void sp_xprop_write_coverage(struct sp_xprop *x);
void sp_xprop_write_steps(struct sp_xprop *x);

/** The "What changes" section on sheet s from row: a sentence per new
 *  product (what it replaces, what it covers, when), per product left
 *  without a replacement, and per capability lost; the next free row. */
int sp_xprop_write_changes(struct sp_xprop *x, struct sp_xsheet *s, int row);

/** What happens to product p the client runs today: "keep", "replace
 *  now (why)" or "replace at contract end DATE". */
void sp_xprop_next_step(const struct sp_xprop *x, int p, char *buf,
                        size_t size);

/** Category labels of a product (sp_xcategory_label), joined with ", ". */
void sp_xprop_covers(const struct sp_problem *pb, int p, struct sp_xbuf *b);

/* ---- for the client's eyes (xlsx_brand.c) ---------------------------- */

/** A category as a client reads it: a built-in label ("email" -> "Email
 *  security"), else the name with '_' as ' ', capitalised (in buf). */
const char *sp_xcategory_label(const char *category, char *buf, size_t size);
/** The label inside a sentence: first letter lowercased unless the
 *  first word is a name or an abbreviation ("email security", "DNS
 *  filtering", "Microsoft 365 backup"). */
const char *sp_xcategory_phrase(const char *category, char *buf, size_t size);
/** The category labels of a product, joined with ", ". */
void sp_xprop_labels(const struct sp_problem *pb, int p, struct sp_xbuf *b);
/** "per user", "per device", "per server", "per TB" or "flat". */
const char *sp_xunit_word(enum sp_unit unit);
/** The date days later (or earlier, days < 0). */
struct sp_date sp_xdate_add_days(struct sp_date d, int days);
/** v rounded to the cent, half away from zero. */
double sp_xcents(double v);

#endif
