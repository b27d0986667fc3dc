/*
 * A good first plan, fast, from the root LP (model/solve.c hands it to
 * GLPK as its first incumbent).
 *
 * The root LP keeps almost every vendor and tier level integral; what
 * is left fractional is a handful of clients meeting a tier minimum or a
 * min_commit with a fraction of their units.  So: keep the vendors and
 * levels the LP keeps, give every client the cheapest cover by those
 * vendors at those prices (a set-cover over its few required categories,
 * solved exactly by dynamic programming over category subsets), then
 * improve: re-price at the levels the plan's units really reach, and
 * drop a vendor whenever the clients do better without it.  Every plan
 * compared is costed by model/cost.c, the same checker that accepts the
 * solver's plans, so the heuristic cannot report a cost it does not have.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heuristic_int.h"

/* Categories a client requires, at most; a cover DP over 2^n subsets. */
#define MAX_BITS 16

struct heur {
    const struct sp_model *m;
    const struct sp_problem *pb;
    unsigned char *kept; /* nvendors: its products may be used */
    unsigned char *must; /* nvendors: required, or run by a kept client */
    int *level;          /* nproducts: the price level a client pays */
    int *first;          /* nclients + 1: client c's cands */
    unsigned *bits;      /* ncands: the required categories it covers */
    int *nbits;          /* nclients: how many categories c requires */
    double *best;        /* DP over category subsets */
    int *via, *from;
    struct sp_plan *plan, *trial;
    double cost;         /* of plan, by model/cost.c */

    /* h->plan's cost by parts, for moving one client at a time */
    double *units;       /* nproducts: units on p */
    double *sumlic;      /* nproducts * maxlev: its clients' licence at l */
    int *users;          /* nvendors: (client, product) pairs on v */
    double *fee;         /* nvendors: H * (fee + labour), the y objective */
    double *marg;        /* ncands: what adding it alone would cost */
    int *pick;           /* a client's products, at most nproducts */
    int *target;         /* nproducts: the level the LP priced p at */
    double *gain;        /* nclients: what moving c onto p costs */
    int *order;          /* nclients */
};

static double cand_cost(const struct heur *h, const struct sp_cand *cd)
{
    int l = h->level[cd->product];

    if (l >= cd->nlev)
        l = cd->nlev - 1;
    return cd->obj + h->m->H * cd->lic[l];
}

static bool usable(const struct heur *h, const struct sp_cand *cd)
{
    return h->kept[h->pb->products[cd->product].vendor] != 0;
}

/* Client c's cheapest cover by the kept vendors at h->level prices, into
 * out.  A current product whose keeping costs less than leaving it is
 * kept whether it covers anything or not. */
static bool cover_client(struct heur *h, int c, struct sp_plan *out)
{
    const struct sp_model *m = h->m;
    size_t np = (size_t)h->pb->nproducts;
    unsigned full = (1u << h->nbits[c]) - 1, start = 0, s;
    int i;

    for (i = h->first[c]; i < h->first[c + 1]; i++) {
        const struct sp_cand *cd = &m->cands[i];
        if (cd->pinned || (usable(h, cd) && cand_cost(h, cd) <= 0.0)) {
            out->x[(size_t)c * np + (size_t)cd->product] = 1;
            start |= h->bits[i];
        }
    }
    if (m->cands[h->first[c]].pinned)
        return true; /* keep_clients: the current stack, covered or not */
    for (s = 0; s <= full; s++)
        h->best[s] = HUGE_VAL;
    h->best[start] = 0.0;
    for (s = start; s <= full; s++) {
        if (h->best[s] == HUGE_VAL)
            continue;
        for (i = h->first[c]; i < h->first[c + 1]; i++) {
            const struct sp_cand *cd = &m->cands[i];
            unsigned t = s | h->bits[i];
            double v;
            if (t == s || !usable(h, cd))
                continue;
            v = h->best[s] + cand_cost(h, cd);
            if (v < h->best[t]) {
                h->best[t] = v;
                h->via[t] = i;
                h->from[t] = (int)s;
            }
        }
    }
    if (h->best[full] == HUGE_VAL)
        return false;
    for (s = full; s != start; s = (unsigned)h->from[s])
        out->x[(size_t)c * np + (size_t)m->cands[h->via[s]].product] = 1;
    return true;
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
        if (x > 0.5 && usable(h, cd))
            got |= h->bits[i];
    }
    if (got != (1u << h->nbits[c]) - 1)
        return false;
    for (i = h->first[c]; i < h->first[c + 1]; i++) {
        const struct sp_cand *cd = &m->cands[i];
        double x = 0.0;
        for (l = 0; cd->col && l < cd->nlev; l++)
            x += glp_get_col_prim(lp, cd->col + l);
        if (x > 0.5 && usable(h, cd))
            out->x[(size_t)c * np + (size_t)cd->product] = 1;
    }
    return true;
}

/* Every client covered by the kept vendors: as the LP in lp has it
 * where that rounds to a cover (lp NULL: nowhere), else by its cheapest
 * cover; false when one cannot be covered. */
static bool cover_all(struct heur *h, glp_prob *lp, struct sp_plan *out)
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
        if (!cover_client(h, c, out))
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

/* The plan in h->trial, if its vendors respect max_vendors and it costs
 * less than h->plan, becomes h->plan. */
static enum sp_status consider(struct heur *h)
{
    struct sp_costing *cost;
    struct sp_plan *swap;
    int v, n = 0;

    for (v = 0; v < h->pb->nvendors; v++)
        n += h->trial->kept[v];
    if (h->m->sc->max_vendors >= 0 && n > h->m->sc->max_vendors)
        return SP_OK;
    cost = sp_cost_plan(h->pb, h->m->sc, h->trial);
    if (!cost)
        return SP_ERR_NOMEM;
    if (h->cost - cost->total > 1e-6) { /* a cent is 1e-2 */
        h->cost = cost->total;
        swap = h->plan;
        h->plan = h->trial;
        h->trial = swap;
    }
    sp_costing_free(cost);
    return SP_OK;
}

/* Re-prices at the levels h->plan's units reach until that changes
 * nothing. */
static enum sp_status settle_levels(struct heur *h)
{
    int round;
    bool changed = true;
    enum sp_status st;

    for (round = 0; round < 8 && changed; round++) {
        double before = h->cost;
        sp_model_plan_levels(h->m, h->plan, h->level);
        if (!cover_all(h, NULL, h->trial))
            return SP_OK;
        st = consider(h);
        if (st != SP_OK)
            return st;
        changed = h->cost < before;
    }
    return SP_OK;
}

/* Drops one vendor at a time while that lowers the cost. */
static enum sp_status drop_vendors(struct heur *h)
{
    const struct sp_problem *pb = h->pb;
    unsigned char *allowed = malloc((size_t)pb->nvendors + 1);
    bool improved = true;
    int v;
    enum sp_status st = SP_OK;

    if (!allowed)
        return SP_ERR_NOMEM;
    memcpy(allowed, h->kept, (size_t)pb->nvendors);
    while (improved && st == SP_OK) {
        improved = false;
        for (v = 0; v < pb->nvendors && st == SP_OK; v++) {
            double before = h->cost;
            if (!h->plan->kept[v] || h->must[v])
                continue;
            memcpy(h->kept, allowed, (size_t)pb->nvendors);
            h->kept[v] = 0;
            sp_model_plan_levels(h->m, h->plan, h->level);
            if (!cover_all(h, NULL, h->trial))
                continue;
            st = consider(h);
            if (st == SP_OK && h->cost < before) {
                allowed[v] = 0;
                improved = true;
                st = settle_levels(h);
            }
        }
    }
    /* what the clients may use from here on */
    memcpy(h->kept, allowed, (size_t)pb->nvendors);
    free(allowed);
    return st;
}

/* Vendors and levels from the LP solution in lp. */
static void from_lp(struct heur *h, glp_prob *lp)
{
    const struct sp_model *m = h->m;
    const struct sp_problem *pb = h->pb;
    int v, p, l, n = 0, max = m->sc->max_vendors;

    for (v = 0; v < pb->nvendors; v++)
        h->kept[v] = h->must[v] ||
                     (m->ycol[v] && glp_get_col_prim(lp, m->ycol[v]) > 0.5);
    /* max_vendors: the LP's most-kept vendors */
    for (v = 0; v < pb->nvendors; v++)
        n += h->kept[v];
    while (max >= 0 && n > max) {
        int worst = -1;
        double wy = HUGE_VAL;
        for (v = 0; v < pb->nvendors; v++)
            if (h->kept[v] && !h->must[v] &&
                glp_get_col_prim(lp, m->ycol[v]) < wy) {
                wy = glp_get_col_prim(lp, m->ycol[v]);
                worst = v;
            }
        if (worst < 0)
            break;
        h->kept[worst] = 0;
        n--;
    }
    for (p = 0; p < pb->nproducts; p++) {
        double bz = 0.0;
        h->level[p] = 0;
        for (l = 0; l < m->nlev[p]; l++) {
            int j = m->zcol[p * m->maxlev + l];
            if (j && glp_get_col_prim(lp, j) > bz) {
                bz = glp_get_col_prim(lp, j);
                h->level[p] = l;
            }
        }
    }
}

/* ---- one client at a time ------------------------------------------- */

static int reached(const struct heur *h, int p)
{
    const struct sp_model *m = h->m;
    int l, lev = 0;

    for (l = 1; l < m->nlev[p]; l++)
        if (m->levelmin[(size_t)p * (size_t)m->maxlev + (size_t)l] <=
            h->units[p])
            lev = l;
    return lev;
}

static double product_cost(const struct heur *h, int p)
{
    return h->m->H * h->sumlic[(size_t)p * (size_t)h->m->maxlev +
                               (size_t)reached(h, p)];
}

static double vendor_cost(const struct heur *h, int v)
{
    const struct sp_problem *pb = h->pb;
    double spend = 0.0;
    int p;

    if (!h->users[v] && !h->must[v])
        return 0.0;
    if (pb->vendors[v].min_commit > 0.0) {
        for (p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == v)
                spend += product_cost(h, p) / h->m->H;
        spend = fmax(0.0, pb->vendors[v].min_commit - spend);
    }
    return h->fee[v] + h->m->H * spend;
}

/* Puts cd on (sign 1) or off (-1) the books. */
static void book(struct heur *h, const struct sp_cand *cd, int sign)
{
    size_t base = (size_t)cd->product * (size_t)h->m->maxlev;
    int l;

    h->units[cd->product] += sign * cd->b;
    for (l = 0; l < cd->nlev; l++)
        h->sumlic[base + (size_t)l] += sign * cd->lic[l];
    h->users[h->pb->products[cd->product].vendor] += sign;
}

/* What the products and vendors of cands[set[0..n-1]] cost now. */
static double part_cost(const struct heur *h, const int *set, int n)
{
    double total = 0.0;
    int i, k;

    for (i = 0; i < n; i++) {
        const struct sp_cand *cd = &h->m->cands[set[i]];
        int v = h->pb->products[cd->product].vendor;
        total += product_cost(h, cd->product) + cd->obj;
        for (k = 0; k < i; k++)
            if (h->pb->products[h->m->cands[set[k]].product].vendor == v)
                break;
        if (k == i)
            total += vendor_cost(h, v);
    }
    return total;
}

/* The cost of adding cands[set[0..n-1]] to the books as they stand. */
static double add_cost(struct heur *h, const int *set, int n, int *aff,
                       int naff)
{
    double before = part_cost(h, aff, naff) , after;
    int i;

    for (i = 0; i < naff; i++) /* aff's obj counts only when added */
        before -= h->m->cands[aff[i]].obj;
    for (i = 0; i < n; i++)
        book(h, &h->m->cands[set[i]], 1);
    after = part_cost(h, aff, naff);
    for (i = 0; i < naff; i++)
        after -= h->m->cands[aff[i]].obj;
    for (i = 0; i < n; i++) {
        after += h->m->cands[set[i]].obj;
        book(h, &h->m->cands[set[i]], -1);
    }
    return after - before;
}

/* Books h->plan. */
static void book_plan(struct heur *h)
{
    const struct sp_model *m = h->m;
    int i;

    memset(h->units, 0, (size_t)h->pb->nproducts * sizeof(double));
    memset(h->sumlic, 0,
           (size_t)h->pb->nproducts * (size_t)m->maxlev * sizeof(double));
    memset(h->users, 0, (size_t)h->pb->nvendors * sizeof(int));
    for (i = 0; i < m->ncands; i++)
        if (sp_plan_has(h->plan, m->cands[i].client, m->cands[i].product))
            book(h, &m->cands[i], 1);
}

/* Client c's cheapest cover at the marginal costs in h->marg (the
 * client taken off the books), as cand indices into h->pick. */
static int marginal_cover(struct heur *h, int c)
{
    unsigned full = (1u << h->nbits[c]) - 1, start = 0, s;
    int i, n = 0;

    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (h->marg[i] <= 0.0) {
            h->pick[n++] = i;
            start |= h->bits[i];
        }
    for (s = 0; s <= full; s++)
        h->best[s] = HUGE_VAL;
    h->best[start] = 0.0;
    for (s = start; s <= full; s++) {
        if (h->best[s] == HUGE_VAL)
            continue;
        for (i = h->first[c]; i < h->first[c + 1]; i++) {
            unsigned t = s | h->bits[i];
            if (t == s || h->marg[i] == HUGE_VAL ||
                h->best[s] + h->marg[i] >= h->best[t])
                continue;
            h->best[t] = h->best[s] + h->marg[i];
            h->via[t] = i;
            h->from[t] = (int)s;
        }
    }
    if (h->best[full] == HUGE_VAL)
        return -1;
    for (s = full; s != start; s = (unsigned)h->from[s])
        h->pick[n++] = h->via[s];
    return n;
}

/* Moves client c to a cheaper cover given everyone else's choices, if
 * there is one; returns the saving. */
static double improve_client(struct heur *h, int c)
{
    const struct sp_model *m = h->m;
    size_t np = (size_t)h->pb->nproducts;
    int *cur = h->pick + np, ncur = 0, *aff = cur + np, naff, n, i, k;
    double now, alt;

    if (h->first[c] == h->first[c + 1] || m->cands[h->first[c]].pinned)
        return 0.0;
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (sp_plan_has(h->plan, c, m->cands[i].product)) {
            cur[ncur++] = i;
            book(h, &m->cands[i], -1);
        }
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        h->marg[i] = usable(h, &m->cands[i]) ? add_cost(h, &i, 1, &i, 1)
                                               : HUGE_VAL;
    n = marginal_cover(h, c);
    alt = HUGE_VAL;
    if (n > 0) {
        naff = 0;
        for (i = 0; i < ncur; i++)
            aff[naff++] = cur[i];
        for (i = 0; i < n; i++) {
            for (k = 0; k < ncur && cur[k] != h->pick[i]; k++)
                ;
            if (k == ncur)
                aff[naff++] = h->pick[i];
        }
        now = add_cost(h, cur, ncur, aff, naff);
        alt = add_cost(h, h->pick, n, aff, naff);
        if (alt < now - 1e-6) {
            for (i = 0; i < ncur; i++)
                h->plan->x[(size_t)c * np + (size_t)m->cands[cur[i]].product] = 0;
            for (i = 0; i < n; i++) {
                h->plan->x[(size_t)c * np +
                           (size_t)m->cands[h->pick[i]].product] = 1;
                book(h, &m->cands[h->pick[i]], 1);
            }
            return now - alt;
        }
    }
    for (i = 0; i < ncur; i++)
        book(h, &m->cands[cur[i]], 1);
    return 0.0;
}

/* What putting client c onto product p costs, everyone else as booked;
 * HUGE_VAL when c cannot run p.  With apply, c moves. */
static double move_onto(struct heur *h, int c, int p, bool apply)
{
    const struct sp_model *m = h->m;
    size_t np = (size_t)h->pb->nproducts;
    int *cur = h->pick + np, ncur = 0, *aff = cur + np, naff, n, i, k;
    int ip = -1;
    double delta = HUGE_VAL;

    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (m->cands[i].product == p && usable(h, &m->cands[i]))
            ip = i;
    if (ip < 0 || m->cands[ip].pinned || sp_plan_has(h->plan, c, p))
        return HUGE_VAL;
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (sp_plan_has(h->plan, c, m->cands[i].product)) {
            cur[ncur++] = i;
            book(h, &m->cands[i], -1);
        }
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        h->marg[i] = usable(h, &m->cands[i]) ? add_cost(h, &i, 1, &i, 1)
                                               : HUGE_VAL;
    h->marg[ip] = -HUGE_VAL; /* forced */
    n = marginal_cover(h, c);
    if (n > 0) {
        naff = 0;
        for (i = 0; i < ncur; i++)
            aff[naff++] = cur[i];
        for (i = 0; i < n; i++) {
            for (k = 0; k < ncur && cur[k] != h->pick[i]; k++)
                ;
            if (k == ncur)
                aff[naff++] = h->pick[i];
        }
        delta = add_cost(h, h->pick, n, aff, naff) -
                add_cost(h, cur, ncur, aff, naff);
    }
    if (apply && n > 0) {
        for (i = 0; i < ncur; i++)
            h->plan->x[(size_t)c * np + (size_t)m->cands[cur[i]].product] = 0;
        for (i = 0; i < n; i++) {
            h->plan->x[(size_t)c * np +
                       (size_t)m->cands[h->pick[i]].product] = 1;
            book(h, &m->cands[h->pick[i]], 1);
        }
    } else {
        for (i = 0; i < ncur; i++)
            book(h, &m->cands[cur[i]], 1);
    }
    return delta;
}

static const double *sort_key;
static int by_key(const void *a, const void *b)
{
    double x = sort_key[*(const int *)a], y = sort_key[*(const int *)b];
    return x < y ? -1 : x > y;
}

static enum sp_status improve_clients(struct heur *h);

/* A tiered product the LP priced at a level the plan's units miss (the
 * LP met the minimum with fractions of clients): move the clients that
 * cost least per unit onto it until the level is reached, let everyone
 * respond, and keep the result if the whole plan costs less. */
static enum sp_status reach_levels(struct heur *h)
{
    const struct sp_problem *pb = h->pb;
    const struct sp_model *m = h->m;
    int p, c, i, n;
    double before;
    enum sp_status st;

    for (p = 0; p < pb->nproducts; p++) {
        double need;
        if (m->nlev[p] < 2 || h->target[p] == 0)
            continue;
        book_plan(h);
        need = m->levelmin[(size_t)p * (size_t)m->maxlev +
                           (size_t)h->target[p]] - h->units[p];
        if (need <= 0.0)
            continue;
        memcpy(h->trial->x, h->plan->x, (size_t)pb->nclients * (size_t)pb->nproducts);
        memcpy(h->trial->kept, h->plan->kept, (size_t)pb->nvendors);
        before = h->cost;
        for (c = n = 0; c < pb->nclients; c++) {
            double d = move_onto(h, c, p, false);
            if (d == HUGE_VAL)
                continue;
            for (i = h->first[c]; m->cands[i].product != p; i++)
                ;
            h->gain[c] = d / fmax(m->cands[i].b, 1e-9);
            h->order[n++] = c;
        }
        sort_key = h->gain;
        qsort(h->order, (size_t)n, sizeof(int), by_key);
        need += h->units[p]; /* the level's minimum */
        for (i = 0; i < n && h->units[p] < need; i++)
            move_onto(h, h->order[i], p, true);
        st = improve_clients(h);
        if (st != SP_OK)
            return st;
        if (h->cost > before - 1e-6) { /* no better: back */
            struct sp_plan *swap = h->plan;
            h->plan = h->trial;
            h->trial = swap;
            h->cost = before;
        }
    }
    book_plan(h);
    return SP_OK;
}

/* Best responses, client by client, until a pass saves nothing. */
static enum sp_status improve_clients(struct heur *h)
{
    const struct sp_problem *pb = h->pb;
    double saved;
    int c, pass, v;
    struct sp_costing *cost;

    book_plan(h);
    for (pass = 0; pass < 20; pass++) {
        saved = 0.0;
        for (c = 0; c < pb->nclients; c++)
            saved += improve_client(h, c);
        if (saved < 1e-6)
            break;
    }
    for (v = 0; v < pb->nvendors; v++)
        h->plan->kept[v] = h->users[v] > 0 || h->must[v];
    cost = sp_cost_plan(pb, h->m->sc, h->plan);
    if (!cost)
        return SP_ERR_NOMEM;
    h->cost = cost->total;
    sp_costing_free(cost);
    return SP_OK;
}

static void heur_free(struct heur *h)
{
    free(h->target);
    free(h->gain);
    free(h->order);
    free(h->units);
    free(h->sumlic);
    free(h->users);
    free(h->fee);
    free(h->marg);
    free(h->pick);
    free(h->kept);
    free(h->must);
    free(h->level);
    free(h->first);
    free(h->bits);
    free(h->nbits);
    free(h->best);
    free(h->via);
    free(h->from);
    sp_plan_free(h->plan);
    sp_plan_free(h->trial);
}

/* Client ranges, each candidate's category bits, and the vendors every
 * plan keeps. */
static bool heur_init(struct heur *h, const struct sp_model *m)
{
    const struct sp_problem *pb = m->pb;
    size_t nsub = (size_t)1 << MAX_BITS;
    int c, i, k;

    memset(h, 0, sizeof(*h));
    h->m = m;
    h->pb = pb;
    h->kept = calloc((size_t)pb->nvendors + 1, 1);
    h->must = calloc((size_t)pb->nvendors + 1, 1);
    h->level = calloc((size_t)pb->nproducts + 1, sizeof(int));
    h->first = calloc((size_t)pb->nclients + 2, sizeof(int));
    h->bits = calloc((size_t)m->ncands + 1, sizeof(unsigned));
    h->nbits = calloc((size_t)pb->nclients + 1, sizeof(int));
    h->best = malloc(nsub * sizeof(double));
    h->via = malloc(nsub * sizeof(int));
    h->from = malloc(nsub * sizeof(int));
    h->plan = sp_plan_new(pb);
    h->trial = sp_plan_new(pb);
    h->cost = HUGE_VAL;
    h->units = calloc((size_t)pb->nproducts + 1, sizeof(double));
    h->sumlic = calloc((size_t)pb->nproducts * (size_t)m->maxlev + 1,
                       sizeof(double));
    h->users = calloc((size_t)pb->nvendors + 1, sizeof(int));
    h->fee = calloc((size_t)pb->nvendors + 1, sizeof(double));
    h->marg = calloc((size_t)m->ncands + 1, sizeof(double));
    h->pick = calloc(3 * (size_t)pb->nproducts + 1, sizeof(int));
    h->target = calloc((size_t)pb->nproducts + 1, sizeof(int));
    h->gain = calloc((size_t)pb->nclients + 1, sizeof(double));
    h->order = calloc((size_t)pb->nclients + 1, sizeof(int));
    if (!h->target || !h->gain || !h->order)
        return false;
    if (!h->units || !h->sumlic || !h->users || !h->fee || !h->marg ||
        !h->pick)
        return false;
    for (c = 0; c < pb->nvendors; c++)
        h->fee[c] = m->ycol[c] ? glp_get_obj_coef(m->lp, m->ycol[c]) : 0.0;
    if (!h->kept || !h->must || !h->level || !h->first || !h->bits ||
        !h->nbits || !h->best || !h->via || !h->from || !h->plan ||
        !h->trial)
        return false;
    for (i = 0, c = 0; c <= pb->nclients; c++) {
        h->first[c] = i;
        while (i < m->ncands && m->cands[i].client == c)
            i++;
    }
    for (c = 0; c < pb->nclients; c++) {
        int base = -1;
        sp_client_requires(pb, &pb->clients[c], &m->sc->settings,
                           &h->nbits[c]);
        if (h->nbits[c] > MAX_BITS)
            return false;
        /* a client's cover rows were added one per category, in order */
        for (i = h->first[c]; i < h->first[c + 1]; i++)
            for (k = 0; k < m->cands[i].ncover; k++) {
                int r = m->coverrows[m->cands[i].cover + k];
                if (base < 0 || r < base)
                    base = r;
            }
        for (i = h->first[c]; i < h->first[c + 1]; i++) {
            const struct sp_cand *cd = &m->cands[i];
            for (k = 0; k < cd->ncover; k++)
                h->bits[i] |= 1u << (m->coverrows[cd->cover + k] - base);
            if (cd->pinned)
                h->must[pb->products[cd->product].vendor] = 1;
        }
    }
    for (i = 0; i < m->sc->nrequire_vendors; i++)
        h->must[m->sc->require_vendors[i]] = 1;
    return true;
}

enum sp_status sp_heuristic_plan(const struct sp_model *m, glp_prob *lp,
                                 struct sp_plan **out, double *cost)
{
    struct heur h;
    enum sp_status st = SP_ERR_NOMEM;

    *out = NULL;
    if (!heur_init(&h, m))
        goto cleanup;
    from_lp(&h, lp);
    memcpy(h.target, h.level, (size_t)m->pb->nproducts * sizeof(int));
    /* two starts: the LP's own choices rounded, and every client's
     * cheapest cover at the LP's prices */
    st = SP_OK;
    if (cover_all(&h, lp, h.trial))
        st = consider(&h);
    if (st == SP_OK && cover_all(&h, NULL, h.trial))
        st = consider(&h);
    if (st != SP_OK || h.cost == HUGE_VAL)
        goto cleanup; /* the LP's vendors cannot cover every client */
    st = improve_clients(&h);
    if (st == SP_OK)
        st = reach_levels(&h);
    if (st == SP_OK)
        st = drop_vendors(&h);
    if (st == SP_OK)
        st = improve_clients(&h);
    if (st == SP_OK) {
        *out = h.plan;
        *cost = h.cost;
        h.plan = NULL;
    }

cleanup:
    heur_free(&h);
    return st;
}
