/* SPDX-License-Identifier: GPL-3.0-or-later */
/** @file export.h  Writing results: JSON, the scenario workbook, the
 *  client proposal.  Every writer writes to a temporary file beside
 *  the target and renames it, so a failed write leaves no partial file. */
#ifndef STACKPLAN_EXPORT_H
#define STACKPLAN_EXPORT_H

#include "common.h"
#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Writes the JSON of docs/json.md (plus migrations, tiers and
 *         the start date) to path; "-" = standard output. */
enum sp_status sp_json_write(const sp_result *result, const char *path,
                             char *err, size_t errsize);

/** @brief Writes the scenario workbook (Summary, Baseline, one sheet per
 *         scenario, Vendors, Inputs) to path.  On SP_OK err holds a
 *         warning for the user, or "" (a text longer than Excel's 32,767
 *         characters per cell was cut); the same for every workbook
 *         writer. */
enum sp_status sp_workbook_write(const sp_result *result, const char *path,
                                 char *err, size_t errsize);

/**
 * @brief Writes the client-facing proposal for one client.
 * @param client    the client id.
 * @param scenario  the scenario name; NULL = the first feasible one.
 * @return SP_ERR_USAGE (message in err) for an unknown client or scenario.
 */
enum sp_status sp_proposal_write(const sp_result *result, const char *client,
                                 const char *scenario, const char *path,
                                 char *err, size_t errsize);

/**
 * @brief A few lines for a terminal: the start date used, the baseline and
 *        each scenario's status, total, savings and vendors.
 * @param out  set to a malloc'd string on SP_OK; the caller frees it.
 */
enum sp_status sp_result_summary(const sp_result *result, char **out);

/**
 * @brief Opens the process's output set: from now on every writer leaves
 *        its finished temporary file in place, and sp_outset_commit
 *        renames them all, so several outputs are replaced together or
 *        not at all.
 */
void sp_outset_begin(void);
/**
 * @brief Renames every finished temporary to its target and closes the
 *        set.  @return SP_ERR_IO (message in err) when a rename failed;
 *        the temporaries not renamed are removed.
 */
enum sp_status sp_outset_commit(char *err, size_t errsize);
/** @brief Removes every temporary and closes the set. */
void sp_outset_abort(void);
/** @brief Unlinks every live temporary; async-signal-safe, for a signal
 *         handler that then calls _exit. */
void sp_outset_unlink_all(void);

#ifdef __cplusplus
}
#endif
#endif
