/*
 * A first plan from the root LP (model/heuristic.c).
 */
#ifndef SP_HEURISTIC_INT_H
#define SP_HEURISTIC_INT_H

#include "formulate_int.h"

/**
 * @brief A plan built from the LP solution in lp (m->lp solved, any
 *        link rows added): the LP's vendors and tier levels, every
 *        client's cheapest cover by them, improved by re-pricing and
 *        dropping vendors.
 * @return SP_OK with *out a plan and *cost its cost by model/cost.c, or
 *         *out NULL when the LP's vendors cannot cover every client;
 *         SP_ERR_NOMEM.
 */
enum sp_status sp_heuristic_plan(const struct sp_model *m, glp_prob *lp,
                                 struct sp_plan **out, double *cost);

#endif
