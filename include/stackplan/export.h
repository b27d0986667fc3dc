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

/** @brief Writes the scenario workbook (Executive summary, Summary,
 *         Baseline, one sheet per scenario, Vendors, Inputs) to path.  On
 *         SP_OK err holds a warning for the user, or "" (a text longer
 *         than Excel's 32,767 characters per cell was cut); the same for
 *         every workbook writer. */
enum sp_status sp_workbook_write(const sp_result *result, const char *path,
                                 char *err, size_t errsize);

/** Choices for the scenario workbook; all may be NULL. */
struct sp_workbook_options {
    /** The scenario the Executive summary recommends; NULL = the
     *  cheapest per month of the eligible proven-optimal plans. */
    const char *recommend;
    /** The MSP's name for the page headers; NULL = none. */
    const char *msp_name;
    /** Break-even prices of the recommended scenario (sp_breakeven_compute
     *  with that scenario; see sp_workbook_recommended): the Prices sheet
     *  shows beside each product the price change of its vendor at which
     *  the optimum flips.  NULL = the column says how to get them.  Owned
     *  by the caller. */
    const struct sp_breakeven *breakeven;
};

/**
 * @brief The scenario the workbook's Executive summary recommends: the
 *        one named (recommend), else the cheapest per month (total /
 *        horizon) of the proven-optimal plans of scenarios not marked
 *        "eligible": false.
 * @return its index, or -1 when there is none (or the named one has no
 *         plan, or is unknown).
 */
int sp_workbook_recommended(const sp_result *result, const char *recommend);

/**
 * @brief sp_workbook_write with options (opt NULL = the defaults).
 * @return SP_ERR_USAGE (message in err) when opt->recommend names no
 *         scenario of the result.
 */
enum sp_status sp_workbook_write_opt(const sp_result *result, const char *path,
                                     const struct sp_workbook_options *opt,
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

/** What a proposal says about the MSP; every field may be NULL / 0. */
struct sp_proposal_options {
    const char *msp_name;    /**< shown as the author of the proposal */
    const char *msp_contact; /**< e-mail, phone: one line */
    const char *logo;        /**< a PNG file, shown top right */
    int valid_days;          /**< days the offer stands; 0 = 30 */
    const char *issue_date;  /**< YYYY-MM-DD; NULL = today (UTC) */
};

/**
 * @brief sp_proposal_write with the MSP's name, logo, contact and the
 *        offer's validity (opt NULL = none, 30 days from today).
 * @return SP_ERR_USAGE for a bad issue date; SP_ERR_INPUT (message in
 *         err) when the logo cannot be read as a PNG file.
 */
enum sp_status sp_proposal_write_opt(const sp_result *result,
                                     const char *client, const char *scenario,
                                     const char *path,
                                     const struct sp_proposal_options *opt,
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
