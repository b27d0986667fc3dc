/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Lower bounds for vendor sets and the covers the root starts from: each
 * client's cheapest cover with every candidate at its cheapest price
 * level, whatever the units (model/mip/vendorsets.c, root.c).  Valid
 * bounds because the prices are never above what a plan pays.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "heur_int.h"

enum sp_status sp_heuristic_bounds(const struct sp_model *m,
                                   const unsigned char *sets, int nsets,
                                   double *lb)
{
    const struct sp_problem *pb = m->pb;
    struct heur h;
    double *low = NULL;
    bool too_wide = false;
    int s, c, i, v, n;
    enum sp_status st = SP_ERR_NOMEM;

    if (!sp_heur_init(&h, m, &too_wide))
        goto cleanup;
    st = SP_OK;
    if (too_wide) {
        for (s = 0; s < nsets; s++)
            lb[s] = -HUGE_VAL;
        goto cleanup;
    }
    /* each candidate at its cheapest price level, whatever the units */
    low = malloc(((size_t)m->ncands + 1) * sizeof(double));
    if (!low) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    for (i = 0; i < m->ncands; i++)
        low[i] = sp_model_cheapest(m, &m->cands[i]);
    for (s = 0; s < nsets; s++) {
        const unsigned char *set = sets + (size_t)s * (size_t)pb->nvendors;
        double total = m->constant;
        memcpy(h.kept, set, (size_t)pb->nvendors);
        for (v = 0; v < pb->nvendors; v++)
            total += set[v] ? h.fee[v] : 0.0;
        for (c = 0; c < pb->nclients && total < HUGE_VAL; c++) {
            if (h.first[c] == h.first[c + 1])
                continue;
            for (i = h.first[c]; i < h.first[c + 1]; i++)
                h.marg[i] =
                    sp_heur_usable(&h, &m->cands[i]) ? low[i] : HUGE_VAL;
            if (m->cands[h.first[c]].pinned) {
                /* its current stack, every product of which it keeps */
                for (i = h.first[c]; i < h.first[c + 1]; i++)
                    total += h.marg[i];
                continue;
            }
            n = sp_heur_cheapest_cover(&h, c);
            if (n < 0)
                total = HUGE_VAL;
            for (i = 0; i < n; i++)
                total += h.marg[h.pick[i]];
        }
        lb[s] = total;
    }

cleanup:
    free(low);
    sp_heur_free(&h);
    return st;
}

enum sp_status sp_heuristic_covers(const struct sp_model *m,
                                   const unsigned char *skip,
                                   unsigned char *taken)
{
    struct heur h;
    bool too_wide = false;
    int c, i, n;

    memset(taken, 0, (size_t)m->ncands);
    if (!sp_heur_init(&h, m, &too_wide)) {
        sp_heur_free(&h);
        return SP_ERR_NOMEM;
    }
    for (c = 0; !too_wide && c < m->pb->nclients; c++) {
        if (h.first[c] == h.first[c + 1] || m->cands[h.first[c]].pinned)
            continue;
        for (i = h.first[c]; i < h.first[c + 1]; i++)
            h.marg[i] =
                skip[i] ? HUGE_VAL : sp_model_cheapest(m, &m->cands[i]);
        n = sp_heur_cheapest_cover(&h, c);
        for (i = 0; i < n; i++)
            taken[h.pick[i]] = 1;
    }
    sp_heur_free(&h);
    return SP_OK;
}
