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

/** One input file held in memory, for sp_problem_load_texts. */
struct sp_text_file {
    const char *name; /**< "catalog.csv", "clients.csv", "inventory.csv",
                           "vendors.csv", "tiers.csv" or "scenarios.json" */
    const char *text; /**< its bytes (need not end in NUL) */
    size_t len;       /**< how many */
};
/** The data folder name a problem loaded from memory reports. */
#define SP_TEXTS_DIR "(in memory)"

/**
 * @brief Reads the input files from memory instead of a folder: the same
 * rules and diagnostics as sp_problem_load (a file absent from files is
 * absent from the folder; options->scenarios_path is not read).
 * @return as sp_problem_load; SP_ERR_USAGE for an unknown or repeated
 * file name.
 */
enum sp_status sp_problem_load_texts(const struct sp_text_file *files, int n,
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
    int start_date_given;  /**< 1 when the settings give start_date */
    int migration_free;    /**< 1 when the file's settings price migration
                                labour at nothing (labor_rate or both
                                migration_hours_* are 0) */
};

/** @brief 1 when the problem has a client with this id (exact match). */
int sp_problem_has_client(const sp_problem *self, const char *id);
/** @brief 1 when the problem has a scenario with this name. */
int sp_problem_has_scenario(const sp_problem *self, const char *name);

/** The kinds of names a user types on the command line. */
enum sp_name_kind {
    SP_NAME_SCENARIO, /**< scenario names, sweeps expanded */
    SP_NAME_CLIENT,   /**< client ids */
    SP_NAME_VENDOR,   /**< vendor names */
    SP_NAME_PRODUCT   /**< product ids */
};
/** @brief How many names of a kind the problem has. */
int sp_problem_name_count(const sp_problem *self, enum sp_name_kind kind);
/** @brief Name i (0 <= i < count) of a kind, in file order; NULL when out
 *  of range.  Owned by the problem. */
const char *sp_problem_name(const sp_problem *self, enum sp_name_kind kind,
                            int i);
/** @brief The name of a kind closest to typed ("did you mean"), or NULL. */
const char *sp_problem_suggest(const sp_problem *self, enum sp_name_kind kind,
                               const char *typed);

/** @brief Fills a summary of the problem. */
void sp_problem_summary(const sp_problem *self, struct sp_summary *out);

#ifdef __cplusplus
}
#endif
#endif
