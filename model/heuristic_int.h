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

#endif
