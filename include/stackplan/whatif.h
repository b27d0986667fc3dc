/* SPDX-License-Identifier: GPL-3.0-or-later */
/** @file whatif.h  What-if analysis beside the scenarios: the
 *  consolidation frontier (least cost for every vendor count), break-even
 *  prices and vendor value, and merging the JSON of sharded solves.
 *
 *  Every figure here comes from plans solved by the same model and
 *  checked by the same independent recomputation as sp_solve: nothing is
 *  estimated from a solver's objective or from a linear relaxation. */
#ifndef STACKPLAN_WHATIF_H
#define STACKPLAN_WHATIF_H

#include "common.h"
#include "problem.h"
#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the consolidation frontier --------------------------------------- */

/** The least total cost for every vendor count.  Opaque. */
typedef struct sp_frontier sp_frontier;

/** One point of the frontier: the best plan keeping at most max_vendors
 *  vendors.  Strings are owned by the frontier (or its problem). */
struct sp_frontier_point {
    int max_vendors;    /**< the limit; -1 = no limit (the unconstrained
                             optimum) */
    const char *status; /**< "optimal", "feasible" or "time_limit" */
    double total_cost;  /**< recomputed by the cost rules */
    double monthly_run_rate;
    double gap;                 /**< (total - bound) / total; 0 when proven */
    int nvendors;               /**< vendors the plan keeps (<= max_vendors) */
    const char *const *vendors; /**< their names, in problem order */
    /** 1 = this limit was solved; 0 = the plan of another point is
     *  proven optimal here too (it keeps no more vendors than this limit
     *  allows and an optimum under a looser limit), so no solve was
     *  needed. */
    int solved;
};

/**
 * @brief Solves the least total cost for every vendor count, from the
 *        smallest feasible count up to the larger of the baseline's
 *        count and the unconstrained optimum's, plus the unconstrained
 *        optimum.
 *
 * The unconstrained plan is solved first; its vendor count K* means every
 * limit k >= K* has the same optimum.  Then k walks down from K* - 1 until
 * the first infeasible k (found without a MIP by model/mip/explain.c); a plan
 * that keeps fewer vendors than its limit is also the optimum of the
 * smaller limits down to its own count.  Finally the points are made
 * non-increasing in cost: a plan for k vendors is feasible for k + 1, so
 * a cheaper one found for k (within the solver's gap) replaces a dearer
 * one for k + 1.
 *
 * @param problem   a loaded problem; must outlive the frontier.
 * @param scenario  start from this scenario's settings and constraints
 *                  (its own max_vendors is replaced by each limit); NULL =
 *                  the file's settings with no scenario constraint.
 * @param options   time limit, gap and progress as for sp_solve (the
 *                  shard and model-file options are ignored); may be NULL.
 * @param out       the frontier on SP_OK (free with sp_frontier_free).  A
 *                  scenario with no plan at all is SP_OK with no points
 *                  and sp_frontier_reason() set.
 * @return SP_OK; SP_ERR_USAGE for an unknown scenario (message in err);
 *         SP_ERR_VERIFY, SP_ERR_SOLVER or SP_ERR_NOMEM as sp_solve.
 *
 * @code
 * sp_frontier *f;
 * if (sp_frontier_compute(pb, NULL, NULL, &f, err, sizeof(err)) == SP_OK)
 *     for (int i = 0; i < sp_frontier_count(f); i++)
 *         printf("%d %.2f\n", sp_frontier_get(f, i)->max_vendors,
 *                sp_frontier_get(f, i)->total_cost);
 * sp_frontier_free(f);
 * @endcode
 */
enum sp_status sp_frontier_compute(const sp_problem *problem,
                                   const char *scenario,
                                   const struct sp_solve_options *options,
                                   sp_frontier **out, char *err,
                                   size_t errsize);

/** @brief Frees a frontier; accepts NULL. */
void sp_frontier_free(sp_frontier *self);
/** @brief The scenario it started from, or NULL for the file's
 *         settings. */
const char *sp_frontier_scenario(const sp_frontier *self);
/** @brief Number of points: the limits in ascending order, then the
 *         unconstrained point (max_vendors -1) last. */
int sp_frontier_count(const sp_frontier *self);
/** @brief Point i (0 <= i < count); owned by the frontier. */
const struct sp_frontier_point *sp_frontier_get(const sp_frontier *self,
                                                int i);
/** @brief The smallest vendor count with a feasible plan: every smaller
 *         limit is infeasible.  -1 when no plan exists at all. */
int sp_frontier_infeasible_below(const sp_frontier *self);
/** @brief Why no plan exists (the scenario itself is infeasible), or
 *         NULL. */
const char *sp_frontier_reason(const sp_frontier *self);
/** @brief Vendors the current stack keeps, and its total cost under the
 *         frontier's settings and prices. */
int sp_frontier_baseline_vendors(const sp_frontier *self);
double sp_frontier_baseline_total(const sp_frontier *self);

/**
 * @brief Writes {"scenario", "infeasible_below", "points": [...]} (see
 *        docs/whatif.md) to path; "-" = standard output.  Money is
 *        rounded to cents as in sp_json_write.
 */
enum sp_status sp_frontier_json_write(const sp_frontier *self,
                                      const char *path, char *err,
                                      size_t errsize);

/* ---- break-even prices and vendor value ------------------------------- */

/** What to look at. */
struct sp_breakeven_request {
    const char *vendor;  /**< one vendor by name, or NULL */
    const char *product; /**< one product by id, or NULL */
    /** 1 = every vendor the optimal plan keeps or the current stack uses
     *  (vendor and product are then ignored). */
    int all;
    /** The largest rise searched, as a fraction; 0 = 3.0 (+300 %).  Cuts
     *  are searched down to -1 (free). */
    double max_rise;
    /** Width of the final bracket, as a fraction; 0 = 0.001 (0.1 %). */
    double precision;
    /** 1 = also the vendor value of every vendor the plan keeps (with
     *  `all` it is always computed). */
    int vendor_value;
};

/** A plan on one side of a flip. */
struct sp_breakeven_side {
    double change;      /**< the price change it was solved at */
    const char *status; /**< "optimal", "feasible" or "time_limit" */
    double total_cost;  /**< at that price */
    int nvendors;
    const char *const *vendors; /**< names, problem order */
    int uses;                   /**< 1 = this plan keeps the vendor / runs the
                                     product */
};

/** The break-even of one vendor or product. */
struct sp_breakeven_item {
    const char *kind;   /**< "vendor" or "product" */
    const char *name;   /**< the vendor's name or the product's id */
    const char *vendor; /**< the vendor (of the product) */
    /** 1 = the optimal plan at today's prices keeps the vendor (runs the
     *  product): the search is for the rise that drops it.  0 = it is
     *  left out: the search is for the cut that takes it up. */
    int in_plan;
    /** Its licence spend per month in the optimal plan (0 when left
     *  out). */
    double monthly_spend;
    /** The searched range, as fractions: [0, max_rise] or [-1, 0]. */
    double range_from, range_to;
    /** Why no price can change the decision: the scenario's own
     *  constraints fix it (require_vendors, exclude_*, keep_clients);
     *  NULL otherwise.  Nothing is searched then. */
    const char *forced;
    /** 1 = the flip lies in the range; 0 = the decision holds over the
     *  whole range ("never within range"). */
    int found;
    /** With found: the break-even change, the middle of the final
     *  bracket: the flip lies in [lower, upper], upper - lower <=
     *  precision.  For a rise, lower is the largest rise tested at which
     *  the plan still keeps it and upper the smallest at which it is
     *  dropped; for a cut, upper is the deepest cut tested at which it is
     *  still left out and lower the shallowest at which it is taken
     *  up. */
    double change, lower, upper;
    /** The plan on today's side of the flip (at the bracket end nearest
     *  0, or today's plan when not found) and on the far side (not set
     *  when not found: far.status is NULL). */
    struct sp_breakeven_side near, far;
    /** 1 = every solve was proven optimal; 0 = a time limit or --gap left
     *  some decision unproven. */
    int proven;
    /** Vendor value: with has_value, the best plan without this vendor
     *  costs value more than the optimal plan (its total is
     *  value_total).  value_note says why there is none (not kept,
     *  required by the scenario, no plan without it). */
    int has_value;
    double value, value_total;
    const char *value_note;
    /** A sentence for a person: "Vendor X may rise 14.2 % before it stops
     *  being worth keeping." */
    const char *sentence;
};

/** Break-even prices for a set of vendors or products.  Opaque. */
typedef struct sp_breakeven sp_breakeven;

/**
 * @brief For a vendor or product the optimal plan uses, the price rise at
 *        which the optimum drops it; for one it leaves out, the price cut
 *        at which the optimum takes it up.  Bisection over the
 *        price_change of that vendor's (product's) licences, each step an
 *        exact MIP solve, until the bracket is narrower than the
 *        precision.  The change is applied on top of the scenario's own
 *        price_change: prices are multiplied by (1 + change).
 * @param problem   a loaded problem; must outlive the result.
 * @param scenario  the scenario to start from; NULL = the file's settings
 *                  with no scenario constraint.
 * @param request   what to search; see sp_breakeven_request.
 * @param options   as for sp_frontier_compute; may be NULL.
 * @param out       the result on SP_OK (free with sp_breakeven_free).
 * @return SP_OK; SP_ERR_USAGE for an unknown scenario, vendor or product,
 *         or nothing requested; SP_ERR_INFEASIBLE when the scenario has no
 *         plan at today's prices (reason in err); SP_ERR_VERIFY,
 *         SP_ERR_SOLVER, SP_ERR_NOMEM as sp_solve.
 */
enum sp_status sp_breakeven_compute(const sp_problem *problem,
                                    const char *scenario,
                                    const struct sp_breakeven_request *request,
                                    const struct sp_solve_options *options,
                                    sp_breakeven **out, char *err,
                                    size_t errsize);

/** @brief Frees a break-even result; accepts NULL. */
void sp_breakeven_free(sp_breakeven *self);
/** @brief The scenario it started from, or NULL for the file's
 *         settings. */
const char *sp_breakeven_scenario(const sp_breakeven *self);
/** @brief The currency of its money figures (the scenario's settings). */
const char *sp_breakeven_currency(const sp_breakeven *self);
/** @brief The optimal plan at today's prices. */
const struct sp_breakeven_side *sp_breakeven_plan(const sp_breakeven *self);
/** @brief Number of items, and item i (owned by the result). */
int sp_breakeven_count(const sp_breakeven *self);
const struct sp_breakeven_item *sp_breakeven_get(const sp_breakeven *self,
                                                 int i);

/** @brief Writes the break-even result as JSON (docs/whatif.md); "-" =
 *         standard output. */
enum sp_status sp_breakeven_json_write(const sp_breakeven *self,
                                       const char *path, char *err,
                                       size_t errsize);

/**
 * @brief Writes a workbook with a Frontier sheet (a table and a line
 *        chart of cost against vendors kept) and/or a Sensitivity sheet
 *        (break-even prices and vendor value, one row per item).
 * @param frontier     NULL = no Frontier sheet.
 * @param breakeven    NULL = no Sensitivity sheet.  At least one is given.
 */
enum sp_status sp_whatif_workbook_write(const sp_frontier *frontier,
                                        const sp_breakeven *breakeven,
                                        const char *path, char *err,
                                        size_t errsize);

/* ---- merging shards --------------------------------------------------- */

/**
 * @brief Builds one result from the JSON files of `solve --shard i/n`
 *        runs, as if every scenario had been solved in one run.
 *
 * Each file records its data folder, scenarios file and a digest of the
 * loaded problem (key `source`, docs/json.md).  The problem is loaded
 * again from there and must give the same digest; every scenario must
 * come from exactly one file.  Each plan is rebuilt from its assignments
 * and vendors, verified (sp_verify_plan) and costed again: the figures in
 * the files are never trusted.  Statuses, gaps, solve times and reasons
 * are taken from the files.
 *
 * @param paths     n JSON files written by sp_json_write.
 * @param load      options for loading the problem (strict, verbose);
 *                  scenarios_path and today are taken from the files; may
 *                  be NULL.
 * @param problem   the loaded problem on SP_OK (free with sp_problem_free
 *                  after the result).
 * @param out       the result on SP_OK (free with sp_result_free).
 * @param diags     receives the problem's load diagnostics.
 * @return SP_OK; SP_ERR_INPUT (unreadable or mismatched files, or a
 *         changed data folder; message in err, or diags when loading
 *         failed); SP_ERR_VERIFY (a plan fails verification); SP_ERR_IO,
 *         SP_ERR_NOMEM.
 */
enum sp_status sp_result_merge(const char *const *paths, int n,
                               const struct sp_load_options *load,
                               sp_problem **problem, sp_result **out,
                               sp_diags *diags, char *err, size_t errsize);

/**
 * @brief The plans of a solve's JSON, unchanged, costed on the data of
 *        dir as it is now: the command-line twin of the workbook's
 *        what-if (stackplan recost).
 *
 * The problem is loaded from dir (load->scenarios_path and today as for
 * sp_problem_load); each scenario of the file is found there by name and
 * its plan (assignments and vendors) rebuilt, verified (sp_verify_plan)
 * and costed (sp_cost_plan) under that scenario's settings now, and so is
 * the current stack, so savings compare with the baseline on the new
 * data.  The plans are not re-optimised: statuses, gaps and solve times
 * are the file's, and the result says it was recosted.
 *
 * @param plan_path  a JSON file written by sp_json_write.
 * @param problem    the loaded problem on SP_OK (free after the result).
 * @param out        the result on SP_OK (free with sp_result_free).
 * @return SP_OK; SP_ERR_INPUT (an unreadable plan file, a scenario not in
 *         the data, data that does not load: see diags); SP_ERR_VERIFY (a
 *         plan no longer satisfies its scenario); SP_ERR_NOMEM.
 */
enum sp_status sp_result_recost(const char *plan_path, const char *dir,
                                const struct sp_load_options *load,
                                sp_problem **problem, sp_result **out,
                                sp_diags *diags, char *err, size_t errsize);

#ifdef __cplusplus
}
#endif
#endif
