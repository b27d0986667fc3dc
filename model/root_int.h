/*
 * The root of the search for a lazy model (model/root.c).
 */
#ifndef SP_ROOT_INT_H
#define SP_ROOT_INT_H

#include "formulate_int.h"

/* What the root hands the search. */
struct sp_root {
    struct sp_plan *first; /* a plan (free with sp_plan_free), or NULL */
    double ub;             /* its cost */
    double lp;             /* the LP relaxation's bound */
    double lb;             /* the bound with the root's cuts: for every
                              plan no dearer than ub */
    int cuts;              /* rows of cuts in m->lp */
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

#endif
