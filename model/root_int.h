/*
 * The root of the search for a lazy model (model/root.c).
 */
#ifndef SP_ROOT_INT_H
#define SP_ROOT_INT_H

#include "formulate_int.h"

/**
 * @brief Solves the LP relaxation of the lazy model m (rows and columns
 *        generated as its solution asks), builds a first plan from it and
 *        fixes the columns no cheaper plan can use.
 * @param tm_lim milliseconds, INT_MAX = none.
 * @param gap the relative gap the search stops at: the root's cuts stop
 *        there too.
 * @param first set to a plan (free with sp_plan_free) or NULL.
 * @param ub set to first's cost.
 * @param rc set to 0 when m->lp holds the optimal LP basis, ready for
 *        glp_intopt without presolve; GLP_ENOPFS when the LP has no
 *        feasible solution; GLP_ETMLIM when the time ran out; another
 *        GLPK code on failure.
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_root_solve(struct sp_model *m, int tm_lim, double gap,
                             struct sp_plan **first, double *ub, int *rc);

#endif
