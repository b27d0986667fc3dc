/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The MIP layer (model/mip/): the GLPK formulation of one scenario, its
 * root (first plan, cuts, fixing), the heuristic, vendor sets, the solve
 * driver and the infeasibility explanations.  A glp_prob never leaves
 * model/mip/.
 */
#ifndef SP_MIP_INT_H
#define SP_MIP_INT_H

#include "core_int.h"

/*
 * The GLPK model of one scenario (model/mip/formulate.c).  A glp_prob never
 * leaves model/.
 */

#include <glpk.h>
#include <setjmp.h>

/* One product a client may run (docs/model.md "Candidates") with what
 * it costs that client, and where its columns are. */
struct sp_cand {
    int client, product;
    int nlev;          /* price levels it has columns for (1 = untiered) */
    int col;           /* x[c,p], or w[c,p,0] of nlev columns; 0 once
                          dropped (sp_model_drop_fixed) */
    int cover, ncover; /* its cover rows: m->coverrows[cover ...] */
    double obj;        /* one-time: adoption when new, minus leaving */
    double b;          /* billable units */
    double *lic;       /* licence per month at each level */
    bool pinned;       /* keep_clients: its columns are fixed */
    bool held;         /* a pin (sp_scenario_pins) of a client not in
                          keep_clients: fixed like pinned, its client's
                          coverage still enforced */
};

struct sp_model {
    const struct sp_problem *pb;
    const struct sp_scenario *sc;
    glp_prob *lp;
    struct sp_cand *cands; /* grouped by client */
    int ncands;
    int *coverrows; /* rows of the candidates' covered categories */
    double *licbuf; /* storage of every cand's lic[] */
    int *ycol;      /* nvendors: column of y[v], 0 = none (never kept) */
    int *commitrow; /* nvendors: commit[v] row, 0 = none */
    int *scol;      /* nvendors: its shortfall s[v], 0 = none */
    int maxlev;     /* levels per product, at most */
    int *nlev;      /* nproducts: reachable levels (1 = untiered) */
    int *zcol, *tminrow, *tmaxrow; /* nproducts * maxlev, 0 = none */
    double *levelmin;              /* nproducts * maxlev: m_l */
    int constcol; /* a column fixed at 1 carrying the constant */
    double H;     /* horizon, months */
    int *ind;     /* scratch: one row's or column's entries */
    double *val;
    char name[512];  /* scratch: column and row names */
    bool lazy;       /* link and wz rows are added when violated
                        (sp_model_add_violated), not at build */
    double constant; /* leaving costs of every current product, paid
                        unless x[c,p] = 1 takes them back */
    /* "switch": "renewal" (model/mip/delay.c); all 0 under "now" */
    int *dcol;    /* ncands: the delay saving column sv[c,p], 0 = none */
    double *dmax; /* ncands: D, the longest delay it can get */
    int *dfirst;  /* ncands + 1: its Q(c,p) is dqcand/dqr[dfirst[i] ..) */
    int *dqcand;  /* candidate of the current product q, -1 = none */
    double *dqr;  /* r'_q */
    struct sp_guard_cols *guard; /* separate.c's columns; NULL = none */
};

/* ---- GLPK kept inside the library (model/mip/glpk_guard.c) ---------- */

/** One solve's hold on GLPK's output and fatal errors. */
struct sp_glpk_guard {
    jmp_buf jump; /* where GLPK's error hook returns to */
    sp_log_fn log;
    void *log_user;
    char buf[512], last[512], prev[512]; /* the line being put together,
                                            the last two lines */
    size_t len;
    struct sp_glpk_guard *outer; /* the guard this one is inside, or NULL */
};

/**
 * Use at a solve's entry, with g on the heap or otherwise untouched until
 * the end:
 *
 *     sp_glpk_guard_begin(g, opt->log, opt->log_user);
 *     if (setjmp(g->jump))
 *         return sp_glpk_guard_failed(g, err, errsize);
 *     ... every glp_* call ...
 *     sp_glpk_guard_end(g);
 */
void sp_glpk_guard_begin(struct sp_glpk_guard *g, sp_log_fn log, void *user);
void sp_glpk_guard_end(struct sp_glpk_guard *g);
/** After GLPK's error: frees GLPK's environment, writes GLPK's message
 *  into err; returns SP_ERR_SOLVER. */
enum sp_status sp_glpk_guard_failed(struct sp_glpk_guard *g, char *err,
                                    size_t errsize);
/** A line of the search's trace for the log callback of the running
 *  solve; nothing without one. */
void sp_mip_log(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* ---- switching at renewal (delay.c) ---------------------------------- */

/** The delay saving columns sv[c,p] of a renewal scenario (and the
 *  arrays, empty under "now"); before the candidates' columns. */
bool sp_delay_columns(struct sp_model *m);
/** Their rows, once the candidates have columns. */
bool sp_delay_rows(struct sp_model *m);
/** d(c,p) of candidate i in plan as the model's rows give it (0 when
 *  it has no delay column). */
double sp_delay_months(const struct sp_model *m, const struct sp_plan *plan,
                       int i);

/**
 * @brief Builds the mixed-integer model of scenario sc.
 * @param lazy leave out the link and wz rows; the solver adds those its
 *        LP solution violates (sp_model_add_violated).
 * @return SP_OK with *out set (free with sp_model_free), or SP_ERR_NOMEM.
 */
enum sp_status sp_model_build(const struct sp_problem *pb,
                              const struct sp_scenario *sc, bool lazy,
                              struct sp_model **out);
/** Seconds on a monotonic clock: the solve's time limit and deadlines. */
double sp_mip_now(void);
/** sp_model_build with a deadline (sp_mip_now seconds, 0 = none):
 *  past it the build stops and returns SP_OK with *out NULL. */
enum sp_status sp_model_build_by(const struct sp_problem *pb,
                                 const struct sp_scenario *sc, bool lazy,
                                 double deadline, struct sp_model **out);

/** Adds to lp (m->lp or the branch-and-cut's copy of it, same columns)
 *  every link and wz row of a lazy model that lp's basic solution
 *  violates; returns how many, or -1 when out of memory. */
int sp_model_add_violated(const struct sp_model *m, glp_prob *lp);
void sp_model_free(struct sp_model *m);

/** Writes the model as CPLEX LP (mps = 0) or free MPS (mps = 1), with the
 *  objective constant noted in a comment at the top. */
enum sp_status sp_model_write(const struct sp_model *m, const char *path,
                              int mps, char *err, size_t errsize);

/** The plan held in the MIP solution of m->lp. */
enum sp_status sp_model_plan(const struct sp_model *m, struct sp_plan *plan);

/** Deletes from m->lp the candidates whose every column is fixed at 0,
 *  except those keep uses, renumbering the rest (candidate columns come
 *  after every other column, so no other index moves); returns how many
 *  columns went.  The LP basis stays valid: they are all non-basic. */
int sp_model_drop_fixed(struct sp_model *m, const struct sp_plan *keep);

/** What candidate cd costs at its cheapest price level: its one-time
 *  cost plus the horizon's licence, whatever the units reach. */
double sp_model_cheapest(const struct sp_model *m, const struct sp_cand *cd);

/** The price level that `units` units of product p reach (the tier
 *  reached, docs/model.md), among the levels the model has. */
int sp_model_level_reached(const struct sp_model *m, int p, double units);

/** The price level each product's units in plan reach (level[p], 0 for
 *  an untiered or unused product). */
void sp_model_plan_levels(const struct sp_model *m, const struct sp_plan *plan,
                          int *level);

/** The point of m's columns that is plan (x[1..n], GLPK's numbering):
 *  levels reached, shortfalls, the constant; its objective is the plan's
 *  cost.  A new array (free it), NULL when out of memory. */
double *sp_model_point(const struct sp_model *m, const struct sp_plan *plan);

/*
 * A first plan from the root LP (model/mip/heuristic.c).
 */

/**
 * @brief A plan built from the LP solution in lp (m->lp solved, any
 *        link rows added): the LP's vendors and tier levels, every
 *        client's cheapest cover by them, improved by re-pricing and
 *        dropping vendors.
 * @return SP_OK with *out a plan and *cost its cost by model/core/cost.c, or
 *         *out NULL when the LP's vendors cannot cover every client;
 *         SP_ERR_NOMEM.
 */
enum sp_status sp_heuristic_plan(const struct sp_model *m, glp_prob *lp,
                                 struct sp_plan **out, double *cost);

/**
 * @brief For each vendor set, a lower bound on the cost of every plan
 *        that keeps exactly those vendors: their overhead, and every
 *        client's cheapest cover by their products with each product at
 *        its cheapest price level (tier minimums and min_commits left
 *        out).  No LP is needed.
 * @param sets nsets arrays of m->pb->nvendors flags, one after another.
 * @param lb set to nsets bounds: HUGE_VAL where the set cannot cover
 *        some client, -HUGE_VAL for all when a client requires more
 *        categories than the cover DP takes.
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_heuristic_bounds(const struct sp_model *m,
                                   const unsigned char *sets, int nsets,
                                   double *lb);

/**
 * @brief Every client's cheapest cover by the candidates skip leaves
 *        (ncands flags), each at its cheapest price level; pinned
 *        clients are left out.
 * @param taken set to ncands flags: 1 for a candidate in a cover.
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_heuristic_covers(const struct sp_model *m,
                                   const unsigned char *skip,
                                   unsigned char *taken);

/**
 * @brief A plan that keeps the vendors flagged in vendors (nvendors
 *        flags; the required ones are added): every client's cheapest
 *        cover by them, re-priced at the levels reached and improved as
 *        sp_heuristic_plan does.
 * @return SP_OK with *out a plan and *cost its cost by model/core/cost.c,
 *         or *out NULL when those vendors cannot cover every client;
 *         SP_ERR_NOMEM.
 */
enum sp_status sp_heuristic_plan_vendors(const struct sp_model *m,
                                         const unsigned char *vendors,
                                         struct sp_plan **out, double *cost);

/*
 * Local search over the vendor set (model/mip/localsearch.c).
 */

/**
 * @brief Add / drop / swap local search over the kept vendors, each set
 *        valued by sp_heuristic_bounds (exact on facility-location
 *        books, a lower bound where tiers and min_commits apply), from
 *        *first's vendors, else the vendors lp's solution uses; the best
 *        set found becomes a plan by sp_heuristic_plan_vendors, costed
 *        by model/core/cost.c, and replaces *first when cheaper than *ub.
 *        Under max_vendors no set is bigger than the limit (a start
 *        with more is replaced by a greedy cover, or all vendors dropped
 *        to the limit).  Nothing is done beyond 4,000 vendors.
 * @param lp a solved LP of m (m->lp), or NULL.
 * @param ms milliseconds it may take, at most.
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_localsearch_improve(const struct sp_model *m, glp_prob *lp,
                                      int ms, struct sp_plan **first,
                                      double *ub);

/*
 * The root of the search for a lazy model (model/mip/root.c).
 */

/* What the root hands the search. */
struct sp_root {
    struct sp_plan *first; /* a plan (free with sp_plan_free), or NULL */
    double ub;             /* its cost */
    double lp;             /* the LP relaxation's bound */
    double lb;             /* the bound with the root's cuts: for every
                              plan no dearer than ub */
    int cuts;              /* rows of cuts in m->lp */
    double early_lb;       /* with rc GLP_ETMLIM: a bound from the last
                              LP the rounds solved (its value plus every
                              parked column's negative reduced cost: the
                              Lagrangian bound of column generation),
                              -HUGE_VAL when none */
    int rc;                /* 0: m->lp holds the optimal LP basis, ready
                              for glp_intopt without presolve;
                              GLP_ENOPFS: the LP has no feasible solution;
                              GLP_ETMLIM: the time ran out; another GLPK
                              code on failure */
};

/**
 * @brief Solves the LP relaxation of the lazy model m (rows and columns
 *        generated as its solution asks), builds a first plan from it,
 *        adds cuts, and fixes the columns no cheaper plan can use.
 * @param tm_lim milliseconds, INT_MAX = none.
 * @param gap the relative gap the search stops at: the root's cuts stop
 *        there too.
 * @return SP_OK or SP_ERR_NOMEM; out filled either way.
 */
enum sp_status sp_root_solve(struct sp_model *m, int tm_lim, double gap,
                             struct sp_root *out);

/*
 * max_vendors by vendor sets (model/mip/vendorsets.c).
 */

/* The vendor sets a plan of a max_vendors scenario may keep, each with a
 * lower bound on every plan that keeps exactly it, cheapest bound first. */
struct sp_vsets {
    int nvendors;
    int n;               /* sets that can cover every client */
    unsigned char *sets; /* n arrays of nvendors flags */
    double *lb;          /* n bounds, ascending */
};

/**
 * @brief Ranks every set of at most m->sc->max_vendors vendors that holds
 *        the required vendors and those of keep_clients, by the bound of
 *        sp_heuristic_bounds; sets that cannot cover a client are left
 *        out.
 * @param limit the most sets worth enumerating.
 * @param deadline sp_mip_now seconds past which the ranking stops, 0 =
 *        none.
 * @param out set to the ranking (free with sp_vsets_free), or NULL when
 *        there are more than limit sets, a bound cannot be had or the
 *        deadline passed.
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_vsets_rank(const struct sp_model *m, long limit,
                             double deadline, struct sp_vsets **out);
void sp_vsets_free(struct sp_vsets *vs);

/** Is set a (nvendors flags) a subset of set b? */
bool sp_vsets_within(const struct sp_vsets *vs, int a, int b);

/**
 * @brief sc without max_vendors and with every vendor outside set i
 *        excluded: its plans are the plans of sc that keep vendors of
 *        set i alone.
 * @param out a shallow copy of sc sharing its arrays but a new
 *        exclude_vendors (free that alone).
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_vsets_scenario(const struct sp_vsets *vs, int i,
                                 const struct sp_scenario *sc,
                                 struct sp_scenario *out);

/* ---- infeasibility (explain.c) -------------------------------------- */

/** Why scenario sc has no feasible plan: a malloc'd sentence (caller
 *  frees).  Before solving (proved = false) only the quick checks run and
 *  NULL means none found; once the solver has proved infeasibility
 *  (proved = true) it also looks for a max_vendors below the fewest
 *  vendors any plan keeps, and always returns a reason.
 *  explain.c. */
char *sp_explain_infeasible(const struct sp_problem *pb,
                            const struct sp_scenario *sc, bool proved);

/*
 * separate and max_categories_per_vendor (model/mip/separate.c).
 */

struct sp_guard_cols;
/** Adds the columns u[c,v,k] of max_categories_per_vendor; called before
 *  the candidates' columns, which must come last. */
enum sp_status sp_model_guard_cols(struct sp_model *m);
/** Adds the rows of separate and max_categories_per_vendor over the
 *  candidates' columns. */
enum sp_status sp_model_guard_rows(struct sp_model *m);
/** Sets the u columns of x (sp_model_point) to what plan covers. */
void sp_model_guard_point(const struct sp_model *m, const struct sp_plan *plan,
                          double *x);
void sp_model_guard_free(struct sp_guard_cols *g);
/** Why the guards make sc infeasible before any solve, or NULL
 *  (model/mip/explain_guards.c); also the controls exclusions leave
 *  unmet.  malloc'd. */
char *sp_explain_guards(const struct sp_problem *pb,
                        const struct sp_scenario *sc, bool proved);
/** Does product p, by itself, break a guard of sc for a client whose
 *  R(c) is req (nreq): a bundle of two categories of a separate group,
 *  or more of R(c) than max_categories_per_vendor.  No plan gives such
 *  a product to a client outside keep_clients. */
bool sp_explain_guard_forbids(const struct sp_problem *pb,
                              const struct sp_scenario *sc, int p,
                              const int *req, int nreq);

#endif
