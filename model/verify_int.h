/* The independent check every plan passes before it is reported. */
#ifndef SP_VERIFY_INT_H
#define SP_VERIFY_INT_H

#include "result_int.h"

/**
 * @brief Checks that plan satisfies scenario sc: every required category
 *        of every client not pinned by keep_clients is covered, pinned
 *        clients run exactly their current stack, nothing excluded is
 *        used, every used product's vendor is kept, required vendors are
 *        kept, and at most max_vendors vendors are kept.
 * @return true when it does; otherwise false with the first violation
 *         described in err.
 */
bool sp_verify_plan(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan, char *err, size_t errsize);

/** Why scenario sc has no feasible plan: a malloc'd sentence (caller
 *  frees).  Before solving (proved = false) only the quick checks run and
 *  NULL means none found; once the solver has proved infeasibility
 *  (proved = true) it also looks for a max_vendors below the fewest
 *  vendors any plan keeps, and always returns a reason.
 *  model/explain.c. */
char *sp_explain_infeasible(const struct sp_problem *pb,
                            const struct sp_scenario *sc, bool proved);

#endif
