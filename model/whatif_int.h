/*
 * What-if analysis and scale-out, private to the library: scenario
 * copies and solving (model/whatif.c), the frontier and break-even
 * results (model/frontier.c, model/breakeven.c), their writers
 * (exporters/frontier.c, exporters/sensitivity.c), sweeps in
 * scenarios.json (importers/sweep.c)
 * and shard results read back for merging (importers/results.c).
 */
#ifndef SP_WHATIF_INT_H
#define SP_WHATIF_INT_H

#include "result_int.h"
#include "stackplan/whatif.h"

/* ---- scenarios (model/whatif.c) ---------------------------------------- */

/** Deep copy of a scenario (name, settings, every list); false when out
 *  of memory (dst is then cleared). */
bool sp_scenario_copy(struct sp_scenario *dst, const struct sp_scenario *src);
/** Frees what a scenario owns (not the struct) and zeroes it. */
void sp_scenario_clear(struct sp_scenario *sc);

/* ---- solved plans ----------------------------------------------------- */

/** A solved plan kept by a what-if result: the plan, its costing and the
 *  names of the vendors it keeps (pointers into the problem). */
struct sp_wplan {
    struct sp_plan *plan;
    struct sp_costing *cost;
    const char **names;
    int nnames;
};

/* ---- solving what-ifs (model/whatif.c) ------------------------------- */

/* What every solve of one analysis shares. */
struct sp_wctx {
    const struct sp_problem *pb;
    struct sp_plan *current;
    struct sp_solve_options opt;
    int steps; /* solves so far, for progress */
    char *err;
    size_t errsize;
};

/* One solve's outcome: a verified plan with its costing, or the reason
 * why there is none. */
struct sp_outcome {
    enum sp_plan_status status;
    double gap, bound;
    char *reason;
    struct sp_wplan w;
};

/** The scenario named name (a copy), or the file's settings with no
 *  constraint when name is NULL.  SP_ERR_USAGE for an unknown name. */
enum sp_status sp_whatif_base(const struct sp_problem *pb, const char *name,
                              struct sp_scenario *out, char *err,
                              size_t errsize);
/** A copy of base renamed by fmt with a (a string) and x (a double). */
bool sp_whatif_variant(struct sp_scenario *out, const struct sp_scenario *base,
                       const char *fmt, const char *a, double x);
/** Sets up the shared state: the current stack, the caller's options
 *  without model files or shards. */
enum sp_status sp_wctx_init(struct sp_wctx *w, const struct sp_problem *pb,
                            const struct sp_solve_options *options, char *err,
                            size_t errsize);
void sp_wplan_clear(struct sp_wplan *w);
void sp_outcome_clear(struct sp_outcome *o);
bool sp_outcome_has_plan(const struct sp_outcome *o);
/** Solves sc into o (o is overwritten; release with sp_outcome_clear)
 *  and reports one progress line per solve. */
enum sp_status sp_whatif_solve(struct sp_wctx *w, const struct sp_scenario *sc,
                               struct sp_outcome *o);

/* ---- results (model/frontier.c, model/breakeven.c) -------------------- */

struct sp_frontier {
    const struct sp_problem *pb;
    char *scenario;          /* NULL = the file's settings */
    struct sp_scenario base; /* the starting point, max_vendors -1 */
    struct sp_frontier_point *points;
    int *point_plan;     /* index into plans, per point */
    double *point_bound; /* best bound, per point */
    int npoints;
    struct sp_wplan *plans;
    int nplans;
    int infeasible_below;
    char *below_reason; /* why infeasible_below - 1 vendors fail */
    char *reason;       /* why no plan exists at all */
    int baseline_vendors;
    double baseline_total;
    double baseline_run_rate;
};

struct sp_breakeven {
    const struct sp_problem *pb;
    char *scenario; /* NULL = the file's settings */
    char currency[16];
    double horizon_months;
    struct sp_date start_date;
    double max_rise, precision;
    struct sp_breakeven_side plan; /* the optimum at today's prices */
    struct sp_breakeven_item *items;
    int nitems;
    /* every string and name array the items point to */
    void **owned;
    int nowned, capowned;
};

/* ---- writers (exporters/frontier.c, exporters/sensitivity.c) --------- */

struct cJSON;
struct sp_xsheet;
struct lxw_workbook;

/** A money figure rounded as sp_json_write does; null when not finite. */
struct cJSON *sp_whatif_money(double v);
/** Names as a JSON array of strings. */
struct cJSON *sp_whatif_names(const char *const *names, int n);
/** The Frontier and Sensitivity sheets. */
void sp_xfrontier_write(struct sp_xsheet *s, struct lxw_workbook *wb,
                        const sp_frontier *f);
void sp_xsensitivity_write(struct sp_xsheet *s, struct lxw_workbook *wb,
                           const sp_breakeven *b);

/* ---- sweeps (importers/sweep.c) --------------------------------------- */

struct sp_load;

/** Line of a JSON value in scenarios.json (its key's line when at_key);
 *  0 = unknown.  Given by the reader of scenarios.json, which keeps the
 *  positions. */
typedef int (*sp_json_line_fn)(const void *ctx, const struct cJSON *node,
                               bool at_key);

/**
 * @brief Expands every scenario of the "scenarios" list that carries a
 *        "sweep" into one scenario per value, in place and in order.
 *        Called by the scenarios.json reader once every scenario has been
 *        read (so that expanded names can avoid all the others).  Errors
 *        are reported in ld->diags in the one-line form of SPEC section 2;
 *        the list is then left as read.
 * @param file       the file's base name for messages.
 * @param scenarios  the "scenarios" array of the document (borrowed for
 *                   the call; the tree never leaves the reader).
 */
enum sp_status sp_sweep_expand(struct sp_load *ld, const char *file,
                               const struct cJSON *scenarios,
                               sp_json_line_fn line_of, const void *ctx);

/* ---- shards (importers/results.c) ------------------------------------- */

/** path made absolute and canonical (realpath), or a copy of path when
 *  it does not resolve; NULL when out of memory.  Caller frees. */
char *sp_path_absolute(const char *path);
/** A digest of everything the loaded problem holds that a plan's cost
 *  depends on (not its folder's path): 16 hex digits and a NUL. */
void sp_problem_digest(const struct sp_problem *pb, char out[17]);

#endif
