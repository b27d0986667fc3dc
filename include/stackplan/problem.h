/* SPDX-License-Identifier: GPL-3.0-or-later */
/** @file problem.h  The in-memory problem: catalog, clients, inventory. */
#ifndef STACKPLAN_PROBLEM_H
#define STACKPLAN_PROBLEM_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Everything read from a data folder.  Opaque. */
typedef struct sp_problem sp_problem;

/** How to load a data folder. */
struct sp_load_options {
    /** scenarios.json to read; NULL = DATA_DIR/scenarios.json if present. */
    const char *scenarios_path;
    /** 1 = unmapped inventory rows are errors, not warnings. */
    int strict;
    /** 1 = unknown columns are reported as warnings. */
    int verbose;
    /** Date used when settings give no start_date ("YYYY-MM-DD");
     *  NULL = today (UTC). */
    const char *today;
    /** controls.csv to read; NULL = DATA_DIR/controls.csv if present. */
    const char *controls_path;
};

/**
 * @brief Reads every input file of a data folder.
 * @param dir      the folder holding catalog.csv, clients.csv, ...
 * @param options  may be NULL for the defaults.
 * @param out      set to the new problem on SP_OK (caller frees with
 *                 sp_problem_free), NULL otherwise.
 * @param diags    receives every error and warning found.
 * @return SP_OK, SP_ERR_INPUT (see diags), SP_ERR_IO or SP_ERR_NOMEM.
 */
enum sp_status sp_problem_load(const char *dir,
                               const struct sp_load_options *options,
                               sp_problem **out, sp_diags *diags);

/** @brief Frees a problem; accepts NULL. */
void sp_problem_free(sp_problem *self);

/** Counts shown by `stackplan check`. */
struct sp_summary {
    int clients, products, vendors, categories, scenarios;
    int holdings;          /**< inventory rows */
    int unmapped;          /**< inventory rows naming no catalog product */
    int vendors_in_use;    /**< vendors with a current product */
    int clients_with_gaps; /**< clients whose current stack misses a
                                required category */
    char start_date[11];   /**< the start date used, YYYY-MM-DD */
};

/** @brief 1 when the problem has a client with this id (exact match). */
int sp_problem_has_client(const sp_problem *self, const char *id);
/** @brief 1 when the problem has a scenario with this name. */
int sp_problem_has_scenario(const sp_problem *self, const char *name);

/** @brief Fills a summary of the problem. */
void sp_problem_summary(const sp_problem *self, struct sp_summary *out);

#ifdef __cplusplus
}
#endif
#endif
