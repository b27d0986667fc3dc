/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The heuristic's cover step: each client's cheapest cover of its
 * required categories (and framework controls) by the kept vendors at
 * the prices in h, solved exactly by dynamic programming over the subsets
 * of its few required categories; the LP's own choice where it rounds to
 * a cover.  Used by the first plan (heuristic.c), the vendor-set bounds
 * and covers (bounds.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heur_int.h"

double sp_heur_cand_cost(const struct heur *h, const struct sp_cand *cd)
{
    int l = h->level[cd->product];

    if (l >= cd->nlev)
        l = cd->nlev - 1;
    return cd->obj + h->m->H * cd->lic[l];
}

bool sp_heur_usable(const struct heur *h, const struct sp_cand *cd)
{
    return h->kept[h->pb->products[cd->product].vendor] != 0;
}

/* Client c's cheapest cover at the costs in h->marg, as cands indices
 * in h->pick; returns how many, or -1 when there is none.  A candidate
 * that costs nothing or less is taken whether it covers anything or
 * not (a current product cheaper to keep than to leave), and so is a
 * pin (essential, keep_products, keep_client_products); a pin that is
 * not usable (HUGE_VAL: its vendor is not kept, or a move rules it out)
 * leaves no cover at all. */
int sp_heur_cheapest_cover(struct heur *h, int c)
{
    unsigned full = (1u << h->nbits[c]) - 1, start = 0, s;
    int i, j, n = 0, nuse = 0;
    int single[MAX_BITS]; /* the cheapest candidate for one category */

    for (j = 0; j < h->nbits[c]; j++)
        single[j] = -1;
    for (i = h->first[c]; i < h->first[c + 1]; i++) {
        unsigned b = h->bits[i];
        if (h->m->cands[i].held && h->marg[i] == HUGE_VAL)
            return -1;
        if (h->marg[i] <= 0.0 || h->m->cands[i].held) {
            h->pick[n++] = i;
            start |= b;
        } else if (h->marg[i] == HUGE_VAL || b == 0) {
            continue; /* not usable, or covers nothing needed */
        } else if ((b & (b - 1)) == 0) {
            /* of those covering one category only the cheapest counts */
            for (j = 0; (1u << j) != b; j++)
                ;
            if (single[j] < 0 || h->marg[i] < h->marg[single[j]])
                single[j] = i;
        } else {
            h->use[nuse++] = i; /* the DP looks at these alone */
        }
    }
    for (j = 0; j < h->nbits[c]; j++)
        if (single[j] >= 0)
            h->use[nuse++] = single[j];
    for (s = 0; s <= full; s++)
        h->best[s] = HUGE_VAL;
    h->best[start] = 0.0;
    for (s = start; s <= full; s++) {
        if (h->best[s] == HUGE_VAL)
            continue;
        for (j = 0; j < nuse; j++) {
            unsigned t = s | h->bits[h->use[j]];
            double to = h->best[s] + h->marg[h->use[j]];
            if (t == s || to >= h->best[t])
                continue;
            h->best[t] = to;
            h->via[t] = h->use[j];
            h->from[t] = (int)s;
        }
    }
    if (h->best[full] == HUGE_VAL)
        return -1;
    for (s = full; s != start; s = (unsigned)h->from[s])
        h->pick[n++] = h->via[s];
    return n;
}

/* Client c's cheapest cover by the kept vendors at h->level prices, into
 * out; a client of keep_clients runs its current stack. */
bool sp_heur_cover_client(struct heur *h, int c, struct sp_plan *out)
{
    const struct sp_model *m = h->m;
    size_t np = (size_t)h->pb->nproducts;
    int i, n;

    if (m->cands[h->first[c]].pinned) {
        /* every candidate of a pinned client is a current product */
        for (i = h->first[c]; i < h->first[c + 1]; i++)
            out->x[(size_t)c * np + (size_t)m->cands[i].product] = 1;
        return true;
    }
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        h->marg[i] = sp_heur_usable(h, &m->cands[i])
                         ? sp_heur_cand_cost(h, &m->cands[i])
                         : HUGE_VAL;
    n = sp_heur_cheapest_cover(h, c);
    for (i = 0; i < n; i++)
        out->x[(size_t)c * np + (size_t)m->cands[h->pick[i]].product] = 1;
    return n >= 0;
}

/* Client c as the LP solution in lp has it, rounded; false (and out
 * untouched) when that leaves a required category uncovered. */
static bool round_client(struct heur *h, int c, glp_prob *lp,
                         struct sp_plan *out)
{
    const struct sp_model *m = h->m;
    size_t np = (size_t)h->pb->nproducts;
    unsigned got = 0;
    int i, l;

    for (i = h->first[c]; i < h->first[c + 1]; i++) {
        const struct sp_cand *cd = &m->cands[i];
        double x = 0.0;
        for (l = 0; cd->col && l < cd->nlev; l++)
            x += glp_get_col_prim(lp, cd->col + l);
        h->marg[i] = x > 0.5 && sp_heur_usable(h, cd); /* 1 = taken */
        if (h->marg[i] > 0.0)
            got |= h->bits[i];
        else if (cd->held)
            return false; /* a pin must be in the plan */
    }
    if (got != (1u << h->nbits[c]) - 1)
        return false;
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (h->marg[i] > 0.0)
            out->x[(size_t)c * np + (size_t)m->cands[i].product] = 1;
    return true;
}

/* Every client covered by the kept vendors: as the LP in lp has it
 * where that rounds to a cover (lp NULL: nowhere), else by its cheapest
 * cover; false when one cannot be covered. */
bool sp_heur_cover_all(struct heur *h, glp_prob *lp, struct sp_plan *out)
{
    const struct sp_problem *pb = h->pb;
    int c, v, i;

    memset(out->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
    for (c = 0; c < pb->nclients; c++) {
        if (h->first[c] == h->first[c + 1])
            continue;
        if (lp && !h->m->cands[h->first[c]].pinned &&
            round_client(h, c, lp, out))
            continue;
        if (!sp_heur_cover_client(h, c, out))
            return false;
    }
    /* kept = the vendors used, and those the scenario requires */
    for (v = 0; v < pb->nvendors; v++)
        out->kept[v] = 0;
    for (i = 0; i < h->m->ncands; i++) {
        const struct sp_cand *cd = &h->m->cands[i];
        if (sp_plan_has(out, cd->client, cd->product))
            out->kept[pb->products[cd->product].vendor] = 1;
    }
    for (i = 0; i < h->m->sc->nrequire_vendors; i++)
        out->kept[h->m->sc->require_vendors[i]] = 1;
    return true;
}
