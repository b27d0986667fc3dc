/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * max_vendors by vendor sets.  The LP relaxation of "keep at most k
 * vendors" spreads every vendor's y over fractions, and GLPK's search on
 * it found no plan at 1,000 clients in 30 s (bench/README.md).  But the
 * sets a plan may keep are few (2,626 of at most 3 among 25 vendors), and
 * a cheap bound ranks them: for a set kept exactly, its overhead plus
 * every client's cheapest cover by its products at their cheapest price
 * level (model/mip/heuristic.c).  model/mip/solve.c solves the sets in that
 * order, each as a scenario without max_vendors and with the other
 * vendors excluded, until the next set's bound is no lower than the best
 * plan found: that plan is then optimal.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

void sp_vsets_free(struct sp_vsets *vs)
{
    if (!vs)
        return;
    free(vs->sets);
    free(vs->lb);
    free(vs);
}

/* How many subsets of at most k of n things, or limit + 1 when more. */
static long count_sets(int n, int k, long limit)
{
    long total = 0, choose = 1; /* C(n, i) */
    int i;

    for (i = 0; i <= k && i <= n; i++) {
        if (i > 0) {
            if (choose > limit)
                return limit + 1;
            choose = choose * (n - i + 1) / i;
        }
        total += choose;
        if (total > limit)
            return limit + 1;
    }
    return total;
}

/* Writes every subset of at most k of the n vendors in pick[], each on
 * top of base, to sets; returns how many. */
static long enumerate(const unsigned char *base, int nvendors, const int *pick,
                      int n, int k, unsigned char *sets)
{
    int idx[64], size, j;
    long count = 0;

    for (size = 0; size <= k && size <= n; size++) {
        for (j = 0; j < size; j++)
            idx[j] = j;
        for (;;) {
            unsigned char *s = sets + (size_t)count * (size_t)nvendors;
            memcpy(s, base, (size_t)nvendors);
            for (j = 0; j < size; j++)
                s[pick[idx[j]]] = 1;
            count++;
            /* next combination of size among n */
            for (j = size - 1; j >= 0 && idx[j] == n - size + j; j--)
                ;
            if (j < 0)
                break;
            idx[j]++;
            for (j++; j < size; j++)
                idx[j] = idx[j - 1] + 1;
        }
    }
    return count;
}

struct ranked {
    double lb;
    int size;
    long index;
};

/* Cheapest bound first; of equal bounds the larger set, whose solve
 * settles its subsets too. */
static int by_bound(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;

    if (x->lb != y->lb)
        return x->lb < y->lb ? -1 : 1;
    if (x->size != y->size)
        return y->size - x->size;
    return x->index < y->index ? -1 : x->index > y->index;
}

enum sp_status sp_vsets_rank(const struct sp_model *m, long limit,
                             struct sp_vsets **out)
{
    const struct sp_problem *pb = m->pb;
    int nv = pb->nvendors, k = m->sc->max_vendors, nbase = 0, nfree = 0;
    int v, i;
    long n = 0, j, kept = 0;
    unsigned char *base = calloc((size_t)nv + 1, 1), *all = NULL;
    int *pick = calloc((size_t)nv + 1, sizeof(int));
    double *lb = NULL;
    struct ranked *rk = NULL;
    struct sp_vsets *vs = NULL;
    enum sp_status st = SP_ERR_NOMEM;

    *out = NULL;
    if (!base || !pick)
        goto cleanup;
    /* every plan keeps the required vendors, a pinned client's and a
     * pinned product's */
    for (i = 0; i < m->sc->nrequire_vendors; i++)
        base[m->sc->require_vendors[i]] = 1;
    for (i = 0; i < m->ncands; i++)
        if (m->cands[i].pinned || m->cands[i].held)
            base[pb->products[m->cands[i].product].vendor] = 1;
    for (v = 0; v < nv; v++) {
        nbase += base[v];
        if (!base[v] && m->ycol[v])
            pick[nfree++] = v; /* may be kept: not excluded */
    }
    st = SP_OK;
    if (k < 0 || k - nbase >= 64)
        goto cleanup;
    if (nbase <= k) {
        n = count_sets(nfree, k - nbase, limit);
        if (n > limit)
            goto cleanup;
    }
    st = SP_ERR_NOMEM;
    all = calloc((size_t)(n + 1), (size_t)nv);
    lb = malloc((size_t)(n + 1) * sizeof(double));
    rk = malloc((size_t)(n + 1) * sizeof(*rk));
    vs = calloc(1, sizeof(*vs));
    if (!all || !lb || !rk || !vs)
        goto cleanup;
    if (n > 0)
        enumerate(base, nv, pick, nfree, k - nbase, all);
    st = sp_heuristic_bounds(m, all, (int)n, lb);
    if (st != SP_OK)
        goto cleanup;
    if (n > 0 && lb[0] == -HUGE_VAL)
        goto cleanup; /* no bound: the caller solves the whole model */
    for (j = 0; j < n; j++) {
        if (lb[j] == HUGE_VAL)
            continue;
        rk[kept].lb = lb[j];
        rk[kept].index = j;
        rk[kept].size = 0;
        for (v = 0; v < nv; v++)
            rk[kept].size += all[(size_t)j * (size_t)nv + (size_t)v];
        kept++;
    }
    qsort(rk, (size_t)kept, sizeof(*rk), by_bound);
    vs->nvendors = nv;
    vs->n = (int)kept;
    vs->sets = malloc((size_t)(kept + 1) * (size_t)nv);
    vs->lb = malloc((size_t)(kept + 1) * sizeof(double));
    if (!vs->sets || !vs->lb)
        goto cleanup;
    for (j = 0; j < kept; j++) {
        memcpy(vs->sets + (size_t)j * (size_t)nv,
               all + (size_t)rk[j].index * (size_t)nv, (size_t)nv);
        vs->lb[j] = rk[j].lb;
    }
    *out = vs;
    vs = NULL;
    st = SP_OK;

cleanup:
    sp_vsets_free(vs);
    free(base);
    free(pick);
    free(all);
    free(lb);
    free(rk);
    return st;
}

bool sp_vsets_within(const struct sp_vsets *vs, int a, int b)
{
    const unsigned char *x = vs->sets + (size_t)a * (size_t)vs->nvendors;
    const unsigned char *y = vs->sets + (size_t)b * (size_t)vs->nvendors;
    int v;

    for (v = 0; v < vs->nvendors; v++)
        if (x[v] && !y[v])
            return false;
    return true;
}

enum sp_status sp_vsets_scenario(const struct sp_vsets *vs, int i,
                                 const struct sp_scenario *sc,
                                 struct sp_scenario *out)
{
    const unsigned char *set = vs->sets + (size_t)i * (size_t)vs->nvendors;
    int v, n = sc->nexclude_vendors;

    *out = *sc;
    out->max_vendors = -1;
    out->exclude_vendors =
        malloc(((size_t)sc->nexclude_vendors + (size_t)vs->nvendors + 1) *
               sizeof(int));
    if (!out->exclude_vendors)
        return SP_ERR_NOMEM;
    if (n > 0) /* memcpy from NULL is undefined even for 0 bytes */
        memcpy(out->exclude_vendors, sc->exclude_vendors,
               (size_t)n * sizeof(int));
    for (v = 0; v < vs->nvendors; v++)
        if (!set[v])
            out->exclude_vendors[n++] = v;
    out->nexclude_vendors = n;
    return SP_OK;
}
