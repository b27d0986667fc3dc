/*
 * max_vendors by vendor sets (model/vendorsets.c).
 */
#ifndef SP_VENDORSETS_INT_H
#define SP_VENDORSETS_INT_H

#include "formulate_int.h"

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
 * @param out set to the ranking (free with sp_vsets_free), or NULL when
 *        there are more than limit sets or a bound cannot be had.
 * @return SP_OK or SP_ERR_NOMEM.
 */
enum sp_status sp_vsets_rank(const struct sp_model *m, long limit,
                             struct sp_vsets **out);
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

#endif
