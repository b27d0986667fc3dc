/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The what-if layer (model/whatif/), private to the library: solving
 * scenarios built from a starting one (whatif.c), the frontier and
 * break-even results (frontier.c, breakeven.c).  Exporters read these
 * results; nothing here knows how they are written.
 */
#ifndef SP_WHATIF_INT_H
#define SP_WHATIF_INT_H

#include "core_int.h"
#include "stackplan/whatif.h"

/* ---- solved plans ----------------------------------------------------- */

/** A solved plan kept by a what-if result: the plan, its costing and the
 *  names of the vendors it keeps (pointers into the problem). */
struct sp_wplan {
    struct sp_plan *plan;
    struct sp_costing *cost;
    const char **names;
    int nnames;
};

/* ---- solving what-ifs (whatif.c) ------------------------------- */

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

/* ---- results (frontier.c, breakeven.c) -------------------- */

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

#endif
