/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Add / drop / swap local search over the set of kept vendors (issue 15).
 *
 * The model generalises uncapacitated facility location: vendors are
 * facilities, their overhead the opening cost.  There, the classic
 * incumbent comes from local search over the open set (Kuehn and
 * Hamburger's add/drop, Teitz and Bart's swap), each set valued by
 * every client's cheapest assignment to it.  Here a set S is valued by
 * sp_heuristic_bounds: S's overhead plus every client's cheapest cover
 * by S's products at their cheapest price levels — exactly the cost of
 * the best plan keeping S on a book without tiers or min_commits, and a
 * lower bound otherwise.  The search walks on that value; its best set
 * is then made a real plan (sp_heuristic_plan_vendors: covers, levels
 * reached, the heuristic's improvements) and costed exactly, and it is
 * used only when it is cheaper than the plan in hand.  So the search can
 * only lower the incumbent, and every plan it yields goes through the
 * same verification as any other (model/mip/solve.c).
 *
 * Where it pays: on facility-location books the root LP keeps most
 * vendors fractionally and the LP-rounding heuristic finds no plan at
 * all (uniform costs, 300 clients x 100 facilities), so GLPK searched
 * without an incumbent and reduced-cost fixing had nothing to fix with.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

struct ls {
    const struct sp_model *m;
    int nv;
    unsigned char *allowed; /* vendor may be kept (a y column, not fixed 0) */
    unsigned char *must;    /* vendor is kept in every plan (y fixed 1) */
    unsigned char *cur;     /* the current set */
    int max;                /* max_vendors: its size at most; -1 = any */
    double value;           /* its value */
    unsigned char *batch;   /* neighbours, nv flags each */
    double *vals;
    double t0, seconds; /* GLPK clock, budget */
    long evaluated, moves;
};

static bool out_of_time(const struct ls *s)
{
    return glp_difftime(glp_time(), s->t0) >= s->seconds;
}

/* Values nb sets of s->batch; the index of the best, -1 if none beats
 * the current set by more than a cent's fraction. */
static enum sp_status best_of(struct ls *s, int nb, int *best)
{
    enum sp_status st;
    int i;

    *best = -1;
    if (nb == 0)
        return SP_OK;
    st = sp_heuristic_bounds(s->m, s->batch, nb, s->vals);
    s->evaluated += nb;
    if (st != SP_OK)
        return st;
    for (i = 0; i < nb; i++)
        if (s->vals[i] < s->value - 1e-6 &&
            (*best < 0 || s->vals[i] < s->vals[*best]))
            *best = i;
    return SP_OK;
}

static void apply(struct ls *s, int i)
{
    memcpy(s->cur, s->batch + (size_t)i * (size_t)s->nv, (size_t)s->nv);
    s->value = s->vals[i];
    s->moves++;
}

static int kept(const struct ls *s)
{
    int v, n = 0;

    for (v = 0; v < s->nv; v++)
        n += s->cur[v] != 0;
    return n;
}

/* Can one more vendor be kept? */
static bool room(const struct ls *s)
{
    return s->max < 0 || kept(s) < s->max;
}

/* One vendor in or out: the best such move. */
static enum sp_status add_drop(struct ls *s, bool *moved)
{
    int v, nb = 0, best;
    bool add = room(s);
    enum sp_status st;

    *moved = false;
    for (v = 0; v < s->nv; v++) {
        unsigned char *set = s->batch + (size_t)nb * (size_t)s->nv;
        if (!s->allowed[v] || s->must[v] || (!s->cur[v] && !add))
            continue;
        memcpy(set, s->cur, (size_t)s->nv);
        set[v] = !set[v];
        nb++;
    }
    st = best_of(s, nb, &best);
    if (st == SP_OK && best >= 0) {
        apply(s, best);
        *moved = true;
    }
    return st;
}

/* One kept vendor out and another in: for each kept vendor the best
 * partner, the first that improves taken (first improvement keeps a
 * sweep at one batch per kept vendor). */
static enum sp_status swap(struct ls *s, bool *moved)
{
    int v, u, nb, best;
    enum sp_status st = SP_OK;

    *moved = false;
    for (v = 0; v < s->nv && !*moved && st == SP_OK; v++) {
        if (!s->cur[v] || s->must[v] || out_of_time(s))
            continue;
        nb = 0;
        for (u = 0; u < s->nv; u++) {
            unsigned char *set = s->batch + (size_t)nb * (size_t)s->nv;
            if (s->cur[u] || !s->allowed[u])
                continue;
            memcpy(set, s->cur, (size_t)s->nv);
            set[v] = 0;
            set[u] = 1;
            nb++;
        }
        st = best_of(s, nb, &best);
        if (st == SP_OK && best >= 0) {
            apply(s, best);
            *moved = true;
        }
    }
    return st;
}

/* max_vendors: the required vendors, then one vendor at a time, each
 * the one whose candidates cover the most (client, required category)
 * pairs still uncovered (Chvatal's greedy set cover), until every
 * client is covered or s->max are kept.  Pinned clients keep their
 * stacks and need nothing.  *ok: a set of at most s->max that covers. */
static enum sp_status greedy_cover(struct ls *s, bool *ok)
{
    const struct sp_model *m = s->m;
    const struct sp_problem *pb = m->pb;
    size_t ncat = (size_t)pb->ncategories;
    unsigned char *need = calloc((size_t)pb->nclients * ncat + 1, 1);
    long *gain = calloc((size_t)s->nv + 1, sizeof(long));
    int i, k, v, nreq, best;
    long left = 0;

    *ok = false;
    if (!need || !gain) {
        free(need);
        free(gain);
        return SP_ERR_NOMEM;
    }
    for (v = 0; v < s->nv; v++)
        s->cur[v] = s->must[v];
    for (i = 0; i < pb->nclients; i++) {
        const int *req =
            sp_client_requires(pb, &pb->clients[i], &m->sc->settings, &nreq);
        for (k = 0; k < nreq; k++)
            need[(size_t)i * ncat + (size_t)req[k]] = 1;
    }
    for (i = 0; i < m->ncands; i++)
        if (m->cands[i].pinned)
            memset(need + (size_t)m->cands[i].client * ncat, 0, ncat);
    for (best = -2; best != -1;) {
        /* the pairs the kept vendors cover are met */
        memset(gain, 0, (size_t)s->nv * sizeof(long));
        left = 0;
        for (i = 0; i < m->ncands; i++) {
            const struct sp_cand *cd = &m->cands[i];
            const struct sp_product *pr = &pb->products[cd->product];
            unsigned char *row = need + (size_t)cd->client * ncat;
            for (k = 0; k < (int)ncat; k++)
                if (row[k] && s->cur[pr->vendor] && sp_product_covers(pr, k))
                    row[k] = 0;
        }
        for (i = 0; i < m->ncands; i++) {
            const struct sp_cand *cd = &m->cands[i];
            const struct sp_product *pr = &pb->products[cd->product];
            const unsigned char *row = need + (size_t)cd->client * ncat;
            if (!s->allowed[pr->vendor] || s->cur[pr->vendor])
                continue;
            for (k = 0; k < (int)ncat; k++)
                gain[pr->vendor] += row[k] && sp_product_covers(pr, k);
        }
        for (i = 0; i < pb->nclients * (int)ncat; i++)
            left += need[i];
        best = -1;
        if (left > 0 && kept(s) < s->max)
            for (v = 0; v < s->nv; v++)
                if (gain[v] > 0 && (best < 0 || gain[v] > gain[best]))
                    best = v;
        if (best >= 0)
            s->cur[best] = 1;
    }
    free(need);
    free(gain);
    if (left > 0)
        return SP_OK;
    memcpy(s->batch, s->cur, (size_t)s->nv);
    {
        enum sp_status st = sp_heuristic_bounds(m, s->batch, 1, &s->value);
        *ok = st == SP_OK && s->value < HUGE_VAL && s->value > -HUGE_VAL;
        return st;
    }
}

/* max_vendors: from a set that covers every client, vendors out until
 * at most s->max are left (Kuehn and Hamburger's drop heuristic), each
 * step the ones whose loss raises the value least — half of those
 * still to go at once, one when that many together leave a client
 * uncovered.  *ok false: no set of s->max covers everyone on this path
 * (or the time ran out). */
static enum sp_status drop_to(struct ls *s, bool *ok)
{
    int *who = malloc(((size_t)s->nv + 1) * sizeof(int));
    enum sp_status st = who ? SP_OK : SP_ERR_NOMEM;

    *ok = false;
    while (st == SP_OK && kept(s) > s->max && !out_of_time(s)) {
        int v, nb = 0, i, r, take, excess = kept(s) - s->max;
        for (v = 0; v < s->nv; v++) {
            unsigned char *set = s->batch + (size_t)nb * (size_t)s->nv;
            if (!s->cur[v] || s->must[v])
                continue;
            memcpy(set, s->cur, (size_t)s->nv);
            set[v] = 0;
            who[nb++] = v;
        }
        if (nb == 0)
            break; /* the required vendors alone are too many */
        st = sp_heuristic_bounds(s->m, s->batch, nb, s->vals);
        s->evaluated += nb;
        if (st != SP_OK)
            break;
        /* the cheapest losses first (selection: take is small) */
        take = excess / 2 > 1 ? excess / 2 : 1;
        for (r = 0; r < take && r < nb; r++) {
            int b = r;
            for (i = r + 1; i < nb; i++)
                if (s->vals[i] < s->vals[b])
                    b = i;
            double tv = s->vals[r];
            int tw = who[r];
            s->vals[r] = s->vals[b];
            who[r] = who[b];
            s->vals[b] = tv;
            who[b] = tw;
        }
        if (s->vals[0] == HUGE_VAL)
            break; /* every vendor is needed */
        for (r = 0; r < take && r < nb && s->vals[r] < HUGE_VAL; r++)
            s->cur[who[r]] = 0;
        memcpy(s->batch, s->cur, (size_t)s->nv);
        st = sp_heuristic_bounds(s->m, s->batch, 1, &s->value);
        if (st == SP_OK && s->value == HUGE_VAL) {
            /* together they were needed: only the first goes */
            for (i = 1; i < r; i++)
                s->cur[who[i]] = 1;
            s->value = s->vals[0];
        }
        s->moves++;
    }
    *ok = st == SP_OK && kept(s) <= s->max && s->value < HUGE_VAL;
    free(who);
    return st;
}

/* ---- the facility-location case -------------------------------------
 *
 * When every client that is not pinned is covered by any one of its
 * candidates (each covers every category it requires, none is free: a
 * facility-location book, or any book of one required category), a set's
 * value is Σ fees + Σ_c min over the set's vendors of c's cost there, and
 * a move is valued in O(clients) from each client's best and second-best
 * vendor in the set (Whitaker's fast interchange), instead of a cover DP
 * per client per set.  The values are the same as sp_heuristic_bounds'.
 */
struct fast {
    int n, nv;
    double *cost; /* n * nv: client c's cheapest candidate at vendor v */
    double base;  /* the constant, and pinned clients' stacks */
    double *fee;  /* nv */
    int *b1, *b2; /* per client: best and second-best vendor in the set */
    double *cur;  /* per client: its cost now */
    double *alt;  /* scratch: its cost without one vendor */
};

static void fast_free(struct fast *f)
{
    free(f->cost);
    free(f->fee);
    free(f->b1);
    free(f->b2);
    free(f->cur);
    free(f->alt);
}

/* false when the book is not of that kind (or too big, or no memory). */
static bool fast_init(struct fast *f, const struct sp_model *m)
{
    const struct sp_problem *pb = m->pb;
    int i, v, k, nreq;
    size_t cells = (size_t)pb->nclients * (size_t)pb->nvendors;

    memset(f, 0, sizeof(*f));
    if (cells > 20000000)
        return false;
    f->n = pb->nclients;
    f->nv = pb->nvendors;
    f->base = m->constant;
    f->cost = malloc(cells * sizeof(double) + 1);
    f->fee = calloc((size_t)f->nv + 1, sizeof(double));
    f->b1 = malloc(((size_t)f->n + 1) * sizeof(int));
    f->b2 = malloc(((size_t)f->n + 1) * sizeof(int));
    f->cur = malloc(((size_t)f->n + 1) * sizeof(double));
    f->alt = malloc(((size_t)f->n + 1) * sizeof(double));
    if (!f->cost || !f->fee || !f->b1 || !f->b2 || !f->cur || !f->alt)
        return false;
    for (i = 0; i < (int)cells; i++)
        f->cost[i] = HUGE_VAL;
    for (v = 0; v < f->nv; v++)
        f->fee[v] = m->ycol[v] ? glp_get_obj_coef(m->lp, m->ycol[v]) : 0.0;
    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        const struct sp_product *p = &pb->products[cd->product];
        const int *req;
        double low = sp_model_cheapest(m, cd);
        double *cell =
            &f->cost[(size_t)cd->client * (size_t)f->nv + (size_t)p->vendor];

        if (cd->pinned) {
            f->base += low; /* its vendors are kept in every plan */
            continue;
        }
        if (low <= 0.0)
            return false; /* taken whatever it covers */
        req = sp_client_requires(pb, &pb->clients[cd->client],
                                 &m->sc->settings, &nreq);
        for (k = 0; k < nreq; k++)
            if (!sp_product_covers(p, req[k]))
                return false; /* a cover may need two products */
        if (low < *cell)
            *cell = low;
    }
    return true;
}

/* Best and second-best vendors of set for every client; the set's
 * value (HUGE_VAL when a client has no vendor in it). */
static double fast_value(struct fast *f, const unsigned char *set)
{
    double total = f->base;
    int c, v;

    for (v = 0; v < f->nv; v++)
        if (set[v])
            total += f->fee[v];
    for (c = 0; c < f->n; c++) {
        const double *row = f->cost + (size_t)c * (size_t)f->nv;
        int b1 = -1, b2 = -1;
        for (v = 0; v < f->nv; v++) {
            if (!set[v] || row[v] == HUGE_VAL)
                continue;
            if (b1 < 0 || row[v] < row[b1]) {
                b2 = b1;
                b1 = v;
            } else if (b2 < 0 || row[v] < row[b2]) {
                b2 = v;
            }
        }
        f->b1[c] = b1;
        f->b2[c] = b2;
        f->cur[c] = b1 < 0 ? HUGE_VAL : row[b1];
        /* a client none of whose candidates a vendor sells needs none */
        if (b1 < 0) {
            for (v = 0; v < f->nv && row[v] == HUGE_VAL; v++)
                ;
            if (v == f->nv)
                f->cur[c] = 0.0;
        }
        total += f->cur[c];
    }
    return total;
}

/* Best-improvement add / drop / swap on the fast values. */
static void fast_search(struct ls *s, struct fast *f)
{
    int c, v, u, bv, bu;
    double value = fast_value(f, s->cur), best, d;

    if (value == HUGE_VAL)
        return;
    while (!out_of_time(s)) {
        best = -1e-6;
        bv = bu = -1;
        /* add u */
        for (u = 0; u < s->nv && room(s); u++) {
            if (s->cur[u] || !s->allowed[u])
                continue;
            d = f->fee[u];
            for (c = 0; c < f->n; c++) {
                double x = f->cost[(size_t)c * (size_t)f->nv + (size_t)u];
                if (x < f->cur[c])
                    d += x - f->cur[c];
            }
            s->evaluated++;
            if (d < best) {
                best = d;
                bv = -1;
                bu = u;
            }
        }
        /* drop v, alone or for some u */
        for (v = 0; v < s->nv; v++) {
            double dropped = -f->fee[v];
            if (!s->cur[v] || s->must[v])
                continue;
            for (c = 0; c < f->n; c++) {
                const double *row = f->cost + (size_t)c * (size_t)f->nv;
                f->alt[c] = f->b1[c] != v   ? f->cur[c]
                            : f->b2[c] >= 0 ? row[f->b2[c]]
                                            : HUGE_VAL;
                if (f->b1[c] == v)
                    dropped += f->alt[c] - f->cur[c];
            }
            s->evaluated++;
            if (dropped < best) {
                best = dropped;
                bv = v;
                bu = -1;
            }
            for (u = 0; u < s->nv; u++) {
                if (s->cur[u] || !s->allowed[u])
                    continue;
                d = f->fee[u] - f->fee[v];
                for (c = 0; c < f->n && d < HUGE_VAL; c++) {
                    double x = f->cost[(size_t)c * (size_t)f->nv + (size_t)u];
                    d += fmin(x, f->alt[c]) - f->cur[c];
                }
                s->evaluated++;
                if (d < best) {
                    best = d;
                    bv = v;
                    bu = u;
                }
            }
        }
        if (bv < 0 && bu < 0)
            break;
        if (bv >= 0)
            s->cur[bv] = 0;
        if (bu >= 0)
            s->cur[bu] = 1;
        s->moves++;
        value = fast_value(f, s->cur);
    }
    s->value = value;
}

/* Vendors beyond which there is no local search (its batch of sets
 * takes nv^2 bytes: 16 MB at 4,000). */
#define MAX_VENDORS 4000

static void ls_free(struct ls *s)
{
    free(s->allowed);
    free(s->must);
    free(s->cur);
    free(s->batch);
    free(s->vals);
}

/* With too many vendors for the search, and no plan yet: the plan of
 * the vendors of every client's cheapest cover (model/mip/bounds.c), so
 * that a time limit still ends with a plan.  Not every vendor allowed:
 * on the book of 100,000 vendors the heuristic's improvement over them
 * all took 1.7 s of a 5 s limit.  Under max_vendors only when the plan
 * keeps few enough. */
static enum sp_status covers_plan(const struct sp_model *m,
                                  struct sp_plan **first, double *ub)
{
    unsigned char *use = calloc((size_t)m->pb->nvendors + 1, 1);
    unsigned char *none = calloc((size_t)m->ncands + 1, 1);
    unsigned char *taken = malloc((size_t)m->ncands + 1);
    struct sp_plan *plan = NULL;
    double cost = 0.0;
    int i, n = 0;
    enum sp_status st = SP_ERR_NOMEM;

    if (use && none && taken)
        st = sp_heuristic_covers(m, none, taken);
    for (i = 0; st == SP_OK && i < m->ncands; i++)
        if (taken[i])
            use[m->pb->products[m->cands[i].product].vendor] = 1;
    if (st == SP_OK)
        st = sp_heuristic_plan_vendors(m, use, &plan, &cost);
    for (i = 0; plan && i < m->pb->nvendors; i++)
        n += plan->kept[i] != 0;
    if (st == SP_OK && plan &&
        (m->sc->max_vendors < 0 || n <= m->sc->max_vendors)) {
        *first = plan;
        *ub = cost;
        plan = NULL;
    }
    sp_plan_free(plan);
    free(use);
    free(none);
    free(taken);
    return st;
}

enum sp_status sp_localsearch_improve(const struct sp_model *m, glp_prob *lp,
                                      int ms, struct sp_plan **first,
                                      double *ub)
{
    struct ls s;
    struct fast fast;
    struct sp_plan *plan = NULL;
    double cost = 0.0;
    bool moved = true;
    int v, n = 0;
    size_t nv;
    enum sp_status st = SP_ERR_NOMEM;

    if (ms > 0 && m->pb->nvendors > MAX_VENDORS && !*first)
        return covers_plan(m, first, ub);
    /* batch holds a set per vendor: nv^2 bytes */
    if (ms <= 0 || m->pb->nvendors == 0 || m->pb->nvendors > MAX_VENDORS)
        return SP_OK;
    memset(&s, 0, sizeof(s));
    s.m = m;
    s.max = m->sc->max_vendors;
    s.nv = m->pb->nvendors;
    nv = (size_t)s.nv;
    s.t0 = glp_time();
    s.seconds = ms / 1000.0;
    s.allowed = calloc(nv, 1);
    s.must = calloc(nv, 1);
    s.cur = calloc(nv, 1);
    s.batch = malloc(nv * nv);
    s.vals = malloc(nv * sizeof(double));
    if (!s.allowed || !s.must || !s.cur || !s.batch || !s.vals)
        goto cleanup;
    for (v = 0; v < s.nv; v++) {
        int j = m->ycol[v];
        if (!j)
            continue;
        s.allowed[v] = glp_get_col_ub(m->lp, j) > 0.5;
        s.must[v] = glp_get_col_lb(m->lp, j) > 0.5;
        /* start: the first plan's vendors, else those the LP uses */
        s.cur[v] =
            s.must[v] ||
            (s.allowed[v] && (*first ? (*first)->kept[v] != 0
                                     : !lp || glp_get_col_prim(lp, j) > 1e-6));
        n += s.allowed[v];
    }
    st = SP_OK;
    if (n == 0)
        goto cleanup;
    memcpy(s.batch, s.cur, nv);
    st = sp_heuristic_bounds(m, s.batch, 1, &s.value);
    if (st != SP_OK)
        goto cleanup;
    if (s.value == HUGE_VAL || (s.max >= 0 && kept(&s) > s.max)) {
        /* the start cannot cover everyone (or keeps too many): every
         * vendor allowed, then, under max_vendors, dropped to it */
        bool ok = false;
        if (s.max >= 0)
            st = greedy_cover(&s, &ok);
        if (st != SP_OK)
            goto cleanup;
        if (!ok) {
            for (v = 0; v < s.nv; v++)
                s.cur[v] = s.cur[v] || s.allowed[v];
            memcpy(s.batch, s.cur, nv);
            st = sp_heuristic_bounds(m, s.batch, 1, &s.value);
            if (st != SP_OK || s.value == HUGE_VAL || s.value == -HUGE_VAL)
                goto cleanup;
            ok = true;
            if (s.max >= 0)
                st = drop_to(&s, &ok);
        }
        if (st != SP_OK || !ok)
            goto cleanup;
    } else if (s.value == -HUGE_VAL) {
        goto cleanup; /* no bounds: a client too wide for the DP */
    }
    /* the fast values are the same as the DP's: no second search */
    if (fast_init(&fast, m)) {
        fast_search(&s, &fast);
        moved = false;
    }
    fast_free(&fast);
    while (moved && st == SP_OK && !out_of_time(&s)) {
        st = add_drop(&s, &moved);
        if (st == SP_OK && !moved && !out_of_time(&s))
            st = swap(&s, &moved);
    }
    if (st != SP_OK)
        goto cleanup;
    /* no move from the first plan's vendors: the heuristic made that
     * plan from them already */
    if (*first && s.moves == 0)
        goto cleanup;
    st = sp_heuristic_plan_vendors(m, s.cur, &plan, &cost);
    if (st == SP_OK && plan && (!*first || cost < *ub - 1e-6)) {
        sp_plan_free(*first);
        *first = plan;
        *ub = cost;
        plan = NULL;
    }
    if (getenv("STACKPLAN_TRACE"))
        fprintf(stderr,
                "local search: %ld sets valued, %ld moves, set value %.6f, "
                "plan %.6f, %.2f s\n",
                s.evaluated, s.moves, s.value,
                plan || *first ? (plan ? cost : *ub) : HUGE_VAL,
                glp_difftime(glp_time(), s.t0));

cleanup:
    sp_plan_free(plan);
    ls_free(&s);
    return st;
}
