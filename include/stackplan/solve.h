/* SPDX-License-Identifier: GPL-3.0-or-later */
/** @file solve.h  Solving every scenario of a problem. */
#ifndef STACKPLAN_SOLVE_H
#define STACKPLAN_SOLVE_H

#include "common.h"
#include "problem.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The baseline and one verified plan per scenario.  Opaque. */
typedef struct sp_result sp_result;

/** What the progress callback is told while a scenario solves. */
struct sp_progress {
    int index;            /**< 0-based scenario index */
    int count;            /**< number of scenarios being solved */
    const char *scenario; /**< its name */
    double incumbent;     /**< best plan's objective so far; HUGE_VAL = none */
    double bound;         /**< best bound so far; -HUGE_VAL = none */
    double seconds;       /**< time spent on this scenario */
    int done;             /**< 1 on the last call for this scenario */
    const char *status;   /**< with done: "optimal", "infeasible", ... */
};

/** Called from inside the solve; must not call back into the library. */
typedef void (*sp_progress_fn)(const struct sp_progress *progress, void *user);

/** Called with one line (no line end) of the solver's log: GLPK's own
 *  output and the search's trace (rounds, cuts, vendor sets).  Called
 *  from inside the solve; must not call back into the library. */
typedef void (*sp_log_fn)(const char *line, void *user);

/** How to solve.  A zeroed struct gives the defaults. */
struct sp_solve_options {
    double time_limit; /**< seconds per scenario; 0 = none */
    double gap;        /**< relative gap to stop at; 0 = 1e-6 (optimal) */
    /** Write each scenario's model in CPLEX LP / free MPS format; the
     *  scenario's index and a safe form of its name are put before the
     *  extension ("model.lp" -> "model.1-optimal.lp").  NULL = none. */
    const char *write_lp;
    const char *write_mps;
    sp_progress_fn progress; /**< NULL = silent */
    void *progress_user;
    /** Solve only scenarios shard_index, shard_index + shard_count, ...
     *  (1-based); shard_count 0 = all. */
    int shard_index, shard_count;
    /** Solve only the scenario of this name; NULL = all. */
    const char *only;
    /** The solver's log, line by line; NULL = none (GLPK never writes to
     *  stdout or stderr itself). */
    sp_log_fn log;
    void *log_user;
};

/**
 * @brief Costs the baseline and solves every scenario, each plan checked by
 *        an independent recomputation of coverage and cost.
 * @param problem  a loaded problem; must outlive the result.
 * @param options  may be NULL for the defaults.
 * @param out      the result on SP_OK (free with sp_result_free).  An
 *                 infeasible scenario is part of a successful result:
 *                 see sp_result_infeasible().
 * @param err      message buffer for a non-SP_OK status.
 * @return SP_OK; SP_ERR_VERIFY when a plan failed verification (no result);
 *         SP_ERR_SOLVER, SP_ERR_IO (model export) or SP_ERR_NOMEM.
 */
enum sp_status sp_solve(const sp_problem *problem,
                        const struct sp_solve_options *options,
                        sp_result **out, char *err, size_t errsize);

/** @brief Frees a result; accepts NULL. */
void sp_result_free(sp_result *self);

/** @brief Number of scenarios in the result. */
int sp_result_count(const sp_result *self);
/** @brief Scenario i's name. */
const char *sp_result_name(const sp_result *self, int i);
/** @brief Scenario i's status: "optimal", "feasible", "time_limit" or
 *         "infeasible". */
const char *sp_result_status(const sp_result *self, int i);
/** @brief Scenario i's total cost recomputed by the cost rules (NAN when
 *         infeasible). */
double sp_result_total(const sp_result *self, int i);
/** @brief Why scenario i has no plan (infeasible, or the time limit ran
 *         out before any plan was found), or NULL. */
const char *sp_result_reason(const sp_result *self, int i);
/** @brief Number of scenarios with no plan: infeasible ones, and those
 *         whose time limit ran out before any plan (status
 *         "time_limit" with no plan). */
int sp_result_infeasible(const sp_result *self);
/** @brief The baseline's total cost under the file's settings. */
double sp_result_baseline_total(const sp_result *self);

/** @brief Scenario i's savings: the baseline costed under that
 *         scenario's settings minus its total (NAN when infeasible). */
double sp_result_savings(const sp_result *self, int i);
/** @brief Scenario i's monthly run rate once migrated (NAN when
 *         infeasible). */
double sp_result_run_rate(const sp_result *self, int i);
/** @brief Number of vendors scenario i keeps (0 when infeasible). */
int sp_result_vendor_count(const sp_result *self, int i);
/** @brief The k-th vendor (in data order) that scenario i keeps, or NULL
 *         when k is out of range. */
const char *sp_result_vendor(const sp_result *self, int i, int k);
/** @brief Number of clients of the problem behind the result. */
int sp_result_client_count(const sp_result *self);
/** @brief Client c's id (c in data order), or NULL when out of range. */
const char *sp_result_client(const sp_result *self, int c);
/** @brief Number of products client c runs in scenario i's plan (0 when
 *         infeasible). */
int sp_result_product_count(const sp_result *self, int i, int c);
/** @brief The k-th product id (in catalog order) client c runs in
 *         scenario i's plan, or NULL when out of range. */
const char *sp_result_product(const sp_result *self, int i, int c, int k);

/* ---- switching at renewal, schedule and payback (docs/model.md) ------- */

/** @brief 1 when scenario i switches at renewal, 0 for "now". */
int sp_result_switch_renewal(const sp_result *self, int i);
/** @brief Scenario i's payback_months (1-based: the first month from
 *         which its cumulative savings against the baseline stay >= 0);
 *         0 when there is none, or no plan. */
int sp_result_payback_months(const sp_result *self, int i);
/** @brief The month (0-based) client c (data order) starts product (an
 *         id) in scenario i's plan: 0 under "now", d(c,p) at renewal;
 *         -1 when the plan does not newly adopt it for c.
 *  Example: `sp_result_start_month(res, 0, 5, "NA-MailAssure")` = 18. */
int sp_result_start_month(const sp_result *self, int i, int c,
                          const char *product);
/** @brief What scenario i's plan pays in month (0-based) of its horizon,
 *         in full precision (the months sum to sp_result_total); NAN when
 *         out of range or without a plan. */
double sp_result_cash_flow(const sp_result *self, int i, int month);
/* ---- revenue, margin and capabilities (docs/model.md) ----------------- */

/** Scenario index that names the baseline (today's stack under the
 *  file's settings) in the accessors below. */
#define SP_RESULT_BASELINE (-1)

/** Revenue and margin per month, steady state (docs/model.md "Revenue
 *  and margin"), in the settings' currency, unrounded. */
struct sp_margin {
    double revenue_monthly;          /**< what the clients are invoiced */
    double licence_monthly;          /**< the licences' cost */
    double margin_monthly;           /**< revenue - licence */
    double portfolio_margin_monthly; /**< margin - vendor overhead */
    double unmapped_revenue_monthly; /**< monthly_price of unmapped rows,
                                          never in revenue */
};

/**
 * @brief Scenario i's revenue and margin per month under its `pricing`.
 * @param i a scenario index, or SP_RESULT_BASELINE.
 * @param out filled (every figure NAN when scenario i has no plan).
 * @return 0, or -1 when i has no plan or is out of range.
 *
 * @code
 * struct sp_margin m;
 * if (sp_result_margin(res, 0, &m) == 0)
 *     printf("margin %.2f a month
", m.margin_monthly);
 * @endcode
 */
int sp_result_margin(const sp_result *self, int i, struct sp_margin *out);
/** @brief Client c's revenue per month in scenario i's plan (i may be
 *         SP_RESULT_BASELINE); NAN without a plan or out of range. */
double sp_result_client_revenue(const sp_result *self, int i, int c);
/** @brief Client c's margin per month (revenue - its licences) in
 *         scenario i's plan; NAN without a plan or out of range. */
double sp_result_client_margin(const sp_result *self, int i, int c);
/** @brief How many categories client c covers today that scenario i's
 *         plan does not cover for it (capabilities_lost); 0 without a
 *         plan. */
int sp_result_lost_count(const sp_result *self, int i, int c);
/** @brief The k-th such category (normalised name, in the problem's
 *         category order), or NULL when out of range. */
const char *sp_result_lost(const sp_result *self, int i, int c, int k);
/* ---- compliance (docs/compliance.md) ---------------------------------- */

/** @brief Number of frameworks controls.csv defines (0 without one). */
int sp_result_framework_count(const sp_result *self);
/** @brief Framework f's name as controls.csv writes it, or NULL when f is
 *         out of range. */
const char *sp_result_framework(const sp_result *self, int f);
/** @brief How many controls of framework f the mapping holds (those in
 *         scope); 0 when f is out of range. */
int sp_result_framework_in_scope(const sp_result *self, int f);
/**
 * @brief How many clients meet every control of framework f: in scenario
 *        i's plan, or today (the current stack, the file's settings) with
 *        i = -1.
 * @param clients set to how many clients have the framework there (its
 *        own column or require_frameworks); may be NULL.
 * @return the fully compliant clients; -1 when i or f is out of range or
 *         scenario i has no plan.
 *
 * Example: `int n, ok = sp_result_compliant_clients(res, 0, 0, &n);`
 */
int sp_result_compliant_clients(const sp_result *self, int i, int f,
                                int *clients);

#ifdef __cplusplus
}
#endif
#endif
