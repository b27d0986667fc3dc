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
#include <stdint.h>
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

/* The vendor-set enumeration: every set of at most k of the vendors in
 * pick[] (on top of base) that can cover every cover row, each a DFS
 * leaf.  Why: sets that cannot cover some client were enumerated and
 * then dropped; at 144 vendors, at most 3, that was 497,785 sets, over
 * the work limit, so the scenario went to GLPK's search on the complete
 * model and ended with no bound.  A set covers every row when each row
 * has one of its vendors: the first row still uncovered must be covered
 * by a vendor to come, and with one vendor to come, by that vendor
 * alone, so whole subtrees go without a look (the set-cover branching
 * on an uncovered element). */
struct walk {
    const unsigned char *base;
    const int *pick;
    int nfree, nv, k;
    int nrows, words;    /* cover rows, 64-bit words of a row set */
    uint64_t *cover;     /* nfree row sets: the rows pick[i] covers */
    uint64_t *open;      /* depth + 1 row sets: rows still uncovered */
    int *last;           /* nrows: the last i whose vendor covers it */
    int idx[64];         /* the set: pick indices, ascending */
    unsigned char *sets; /* found sets, nv flags each */
    long n, cap, limit;
    double steps;    /* words compared so far, against WALK_STEPS */
    double deadline; /* sp_mip_now seconds, 0 = none */
    bool over, nomem;
};

/* Words of row sets the walk may compare, about a second's work: beyond
 * it the sets are too many to rank and the caller searches the whole
 * model instead. */
#define WALK_STEPS 3e8

static int first_open(const struct walk *w, const uint64_t *open)
{
    int j;

    for (j = 0; j < w->words; j++)
        if (open[j])
            return j * 64 + __builtin_ctzll(open[j]);
    return -1;
}

static void record(struct walk *w, int size)
{
    unsigned char *s;
    int j;

    if (w->n >= w->limit) {
        w->over = true;
        return;
    }
    if (w->n == w->cap) {
        long cap = w->cap ? 2 * w->cap : 256;
        unsigned char *grown = realloc(w->sets, (size_t)cap * (size_t)w->nv);
        if (!grown) {
            w->nomem = true;
            return;
        }
        w->sets = grown;
        w->cap = cap;
    }
    s = w->sets + (size_t)w->n * (size_t)w->nv;
    memcpy(s, w->base, (size_t)w->nv);
    for (j = 0; j < size; j++)
        s[w->pick[w->idx[j]]] = 1;
    w->n++;
}

/* Sets of `size` so far (rows open: w->open + size * words), the next
 * vendor from pick index `from`. */
static void walk_from(struct walk *w, int size, int from)
{
    const uint64_t *open = w->open + (size_t)size * (size_t)w->words;
    uint64_t *next = w->open + (size_t)(size + 1) * (size_t)w->words;
    int e = first_open(w, open), i, j;

    if (e < 0)
        record(w, size);
    if (size == w->k || w->over || w->nomem)
        return;
    for (i = from; i < w->nfree && !w->over && !w->nomem; i++) {
        const uint64_t *cov = w->cover + (size_t)i * (size_t)w->words;
        bool left = false;
        if (e >= 0 && w->last[e] < i)
            break; /* no vendor from i on covers row e */
        w->steps += w->words;
        if (w->steps > WALK_STEPS ||
            (w->deadline > 0.0 && fmod(w->steps, 1 << 20) < w->words &&
             sp_mip_now() > w->deadline)) {
            w->over = true;
            return;
        }
        for (j = 0; j < w->words; j++) {
            next[j] = open[j] & ~cov[j];
            left = left || next[j];
        }
        if (left && size + 1 == w->k)
            continue; /* the last vendor, and rows still open */
        w->idx[size] = i;
        walk_from(w, size + 1, i + 1);
    }
}

/* Every set of at most k vendors of pick[] on top of base that covers
 * every cover row of m, into *sets (n of them); *n = -1 when there are
 * more than limit. */
static enum sp_status covering_sets(const struct sp_model *m,
                                    const unsigned char *base, const int *pick,
                                    int nfree, int k, long limit,
                                    double deadline, unsigned char **sets,
                                    long *n)
{
    const struct sp_problem *pb = m->pb;
    int nglp = glp_get_num_rows(m->lp), i, c, r;
    int *dense = calloc((size_t)nglp + 1, sizeof(int));
    int *slot = calloc((size_t)pb->nvendors + 1, sizeof(int));
    struct walk w;
    enum sp_status st = SP_ERR_NOMEM;

    memset(&w, 0, sizeof(w));
    *sets = NULL;
    *n = 0;
    if (!dense || !slot)
        goto cleanup;
    /* cover rows, numbered densely; a row a base vendor covers is met */
    for (i = 0; i < m->ncands; i++)
        for (c = 0; c < m->cands[i].ncover; c++) {
            r = m->coverrows[m->cands[i].cover + c];
            if (!dense[r])
                dense[r] = ++w.nrows;
        }
    w.base = base;
    w.pick = pick;
    w.nfree = nfree;
    w.nv = pb->nvendors;
    w.k = k;
    w.limit = limit;
    w.deadline = deadline;
    w.words = (w.nrows + 63) / 64 + 1;
    w.cover = calloc((size_t)nfree * (size_t)w.words + 1, sizeof(uint64_t));
    w.open = calloc((size_t)(k + 2) * (size_t)w.words, sizeof(uint64_t));
    w.last = malloc(((size_t)w.nrows + 1) * sizeof(int));
    if (!w.cover || !w.open || !w.last)
        goto cleanup;
    for (i = 0; i < pb->nvendors; i++)
        slot[i] = -1;
    for (i = 0; i < nfree; i++)
        slot[pick[i]] = i;
    for (r = 0; r < w.nrows; r++) {
        w.open[r / 64] |= (uint64_t)1 << (r % 64);
        w.last[r] = -1;
    }
    for (i = 0; i < m->ncands; i++) {
        int v = pb->products[m->cands[i].product].vendor;
        for (c = 0; c < m->cands[i].ncover; c++) {
            r = dense[m->coverrows[m->cands[i].cover + c]] - 1;
            if (base[v])
                w.open[r / 64] &= ~((uint64_t)1 << (r % 64));
            else if (slot[v] >= 0) {
                w.cover[(size_t)slot[v] * (size_t)w.words +
                        (size_t)(r / 64)] |= (uint64_t)1 << (r % 64);
                if (slot[v] > w.last[r])
                    w.last[r] = slot[v];
            }
        }
    }
    walk_from(&w, 0, 0);
    if (w.nomem)
        goto cleanup;
    st = SP_OK;
    if (w.over) {
        *n = -1;
    } else {
        *n = w.n;
        *sets = w.sets;
        w.sets = NULL;
    }

cleanup:
    free(w.sets);
    free(w.cover);
    free(w.open);
    free(w.last);
    free(dense);
    free(slot);
    return st;
}

/* Bytes of found sets, at most: a set takes a byte per vendor, and on a
 * book of 100,000 vendors (one product each, 50 clients) at most 3 the
 * walk went on recording sets of 100 kB each up to the limit in sets
 * (588,000), past 24 GB.  Beyond it the caller searches the complete
 * model, as when the sets are too many to rank. */
#define VSET_BYTES 100000000L

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

/* Sets bounded a call of sp_heuristic_bounds: the deadline is looked at
 * between calls.  Why: the bound of a set costs more with more cover
 * rows a client, and on a many-vendors book of 60 clients requiring CIS
 * v8 IG1 (max 4 vendors, separated) ranking 140,325 sets took 13.7 s of
 * an 8 s limit. */
#define BOUND_CHUNK 1024

enum sp_status sp_vsets_rank(const struct sp_model *m, long limit,
                             double deadline, struct sp_vsets **out)
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
        limit = limit < VSET_BYTES / (nv + 1) ? limit : VSET_BYTES / (nv + 1);
        st = covering_sets(m, base, pick, nfree, k - nbase, limit, deadline,
                           &all, &n);
        if (st != SP_OK || n < 0)
            goto cleanup;
    }
    st = SP_ERR_NOMEM;
    lb = malloc((size_t)(n + 1) * sizeof(double));
    rk = malloc((size_t)(n + 1) * sizeof(*rk));
    vs = calloc(1, sizeof(*vs));
    if (!lb || !rk || !vs)
        goto cleanup;
    st = SP_OK;
    for (j = 0; j < n; j += BOUND_CHUNK) {
        if (deadline > 0.0 && sp_mip_now() > deadline)
            goto cleanup; /* out of time: no ranking */
        st = sp_heuristic_bounds(
            m, all + (size_t)j * (size_t)nv,
            (int)(n - j < BOUND_CHUNK ? n - j : BOUND_CHUNK), lb + j);
        if (st != SP_OK)
            goto cleanup;
    }
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
