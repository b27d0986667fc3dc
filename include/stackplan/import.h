/* SPDX-License-Identifier: GPL-3.0-or-later */
/** @file import.h  Turning PSA and distributor exports (ConnectWise
 *  agreement additions, Autotask contract services, Pax8 subscriptions,
 *  or any CSV a profile file describes) into a data folder: clients.csv,
 *  inventory.csv, import-report.csv and copies of the catalog's files
 *  (docs/import.md). */
#ifndef STACKPLAN_IMPORT_H
#define STACKPLAN_IMPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One export to read: a profile and a CSV file. */
struct sp_import_source {
    /** "connectwise", "autotask", "pax8", or the path of a profile file
     *  (a value holding '/' or ending in ".json"). */
    const char *profile;
    const char *path; /**< the export */
};

/** What to import.  Strings are borrowed for the call. */
struct sp_import_options {
    const char *catalog_dir; /**< holds catalog.csv (required) and the
                                  files copied beside it */
    const struct sp_import_source *sources; /**< in priority order */
    int nsources;
    const char *product_map; /**< `source,product[,factor]`; NULL = none */
    const char *client_map;  /**< `name,client`; NULL = none */
    const char *counts; /**< `client,users,devices,servers,tb`; NULL = none */
    /** "YYYY-MM-DD": rows whose end date is on or before it are skipped;
     *  NULL = the settings' start_date of CATALOG_DIR/scenarios.json,
     *  else today (UTC). */
    const char *as_of;
    /** The folder holding the built-in profiles (NAME.json); NULL = none
     *  (only profile files by path). */
    const char *profiles_dir;
    int force; /**< 1 = replace an existing output folder */
};

/** Rows of one export (or of all) by what became of them. */
struct sp_import_counts {
    int rows;                /**< data rows read */
    int mapped;              /**< written under a catalog product */
    int unmapped;            /**< written under their source name */
    int skipped;             /**< not written (the report says why) */
    double unmapped_monthly; /**< monthly cost of the unmapped rows */
};

/** What an import did.  Free with sp_import_summary_free. */
struct sp_import_summary {
    int nfiles;
    char **files;                   /**< base names, in --from order */
    struct sp_import_counts *count; /**< per file */
    struct sp_import_counts total;
    int clients;        /**< rows of clients.csv */
    int inventory_rows; /**< rows of inventory.csv */
    int count_warnings; /**< "no device count" lines in the report */
    char as_of[11];     /**< the date used, YYYY-MM-DD */
    char currency[16];  /**< the settings' currency ("" when none) */
};

/**
 * @brief Reads the exports and writes the data folder out_dir, as a
 *        whole or not at all: everything goes to a temporary folder
 *        beside it, renamed to out_dir at the end.
 * @param out_dir  must not exist unless options->force.
 * @param summary  set on SP_OK (caller frees with sp_import_summary_free);
 *                 may be NULL.
 * @param diags    every error and warning about the inputs, in the
 *                 one-line form of docs/formats.md.
 * @param err      on SP_ERR_USAGE and SP_ERR_IO, what went wrong.
 * @return SP_OK; SP_ERR_INPUT (see diags; nothing written); SP_ERR_USAGE
 *         (an unknown profile name, an existing out_dir without force, an
 *         out_dir that is the catalog folder); SP_ERR_IO (out_dir could not
 *         be written; nothing replaced); SP_ERR_NOMEM.
 *
 * @code
 * struct sp_import_source src[] = {{"pax8", "pax8.csv"}};
 * struct sp_import_options o = {"catalog", src, 1};
 * st = sp_import_run("data", &o, NULL, diags, err, sizeof(err));
 * @endcode
 */
enum sp_status sp_import_run(const char *out_dir,
                             const struct sp_import_options *options,
                             struct sp_import_summary **summary,
                             sp_diags *diags, char *err, size_t errsize);

/**
 * @brief The summary as a JSON object: {"out_dir", "as_of", "currency",
 *        "files": [{"file", "rows", "mapped", "unmapped", "skipped",
 *        "unmapped_monthly"}], "total": {...}, "clients",
 *        "inventory_rows", "missing_counts"} (docs/import.md).
 * @param out  a malloc'd string on SP_OK; the caller frees it.
 */
enum sp_status sp_import_summary_json(const struct sp_import_summary *self,
                                      const char *out_dir, char **out);

/** @brief Frees a summary; accepts NULL. */
void sp_import_summary_free(struct sp_import_summary *self);

/** @brief Removes the temporary folder of an import under way (its
 *         files, then the folder); async-signal-safe, for a signal
 *         handler that then calls _exit. */
void sp_import_unlink_all(void);

/** @brief The built-in profile names, "connectwise, autotask, pax8" (a
 *         static string). */
const char *sp_import_builtin_profiles(void);

#ifdef __cplusplus
}
#endif
#endif
