/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A good first plan, fast, from an LP solution (model/mip/root.c hands it to
 * GLPK as its first incumbent; model/mip/solve.c runs it again from the LPs
 * of later nodes).
 *
 * The root LP keeps almost every vendor and tier level integral; what
 * is left fractional is a handful of clients meeting a tier minimum or a
 * min_commit with a fraction of their units.  So: keep the vendors and
 * levels the LP keeps; give every client the LP's own choice where it
 * rounds to a cover, else its cheapest cover by those vendors at those
 * prices (a set-cover over its few required categories, solved exactly
 * by dynamic programming over category subsets); then improve: each
 * client's best response to everyone else's choices, costed exactly
 * (tier levels reached, min_commit shortfalls, vendor overhead); clients
 * moved onto a tiered product until it reaches the level the LP priced
 * it at; vendors dropped while that pays.  Every plan compared is costed
 * by model/core/cost.c, the checker that accepts the solver's plans, so the
 * heuristic cannot report a cost it does not have.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

#include "heur_int.h"

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
        if (!sp_heur_cover_all(h, NULL, h->trial))
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
            if (!sp_heur_cover_all(h, NULL, h->trial))
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

static double product_cost(const struct heur *h, int p)
{
    int l = p == h->pinned_p ? h->pinned_l
                             : sp_model_level_reached(h->m, p, h->units[p]);
    return h->m->H * h->sumlic[(size_t)p * (size_t)h->m->maxlev + (size_t)l];
}

static double vendor_cost(const struct heur *h, int v)
{
    const struct sp_problem *pb = h->pb;
    double spend = 0.0;
    int p;

    if (!h->users[v] && !h->must[v])
        return 0.0;
    if (pb->vendors[v].min_commit > 0.0) {
        for (p = h->vfirst[v]; p < h->vfirst[v + 1]; p++)
            spend += product_cost(h, h->vprod[p]) / h->m->H;
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
    double before = part_cost(h, aff, naff), after;
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

/* Takes client c off the books, its products into cur (returns how
 * many), and prices each of its candidates alone against everyone else
 * into h->marg. */
static int unbook_client(struct heur *h, int c, int *cur)
{
    const struct sp_model *m = h->m;
    int i, n = 0;

    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (sp_plan_has(h->plan, c, m->cands[i].product)) {
            cur[n++] = i;
            book(h, &m->cands[i], -1);
        }
    for (i = h->first[c]; i < h->first[c + 1]; i++)
        h->marg[i] = sp_heur_usable(h, &m->cands[i])
                         ? add_cost(h, &i, 1, &i, 1)
                         : HUGE_VAL;
    return n;
}

/* With client c off the books: what its n products in h->pick cost
 * against the ncur in cur, every product and vendor either touches
 * costed at the units it would then have. */
static double switch_cost(struct heur *h, const int *cur, int ncur, int n)
{
    int *aff = h->pick + 2 * (size_t)h->pb->nproducts, naff = 0, i, k;

    for (i = 0; i < ncur; i++)
        aff[naff++] = cur[i];
    for (i = 0; i < n; i++) {
        for (k = 0; k < ncur && cur[k] != h->pick[i]; k++)
            ;
        if (k == ncur)
            aff[naff++] = h->pick[i];
    }
    return add_cost(h, h->pick, n, aff, naff) -
           add_cost(h, cur, ncur, aff, naff);
}

/* Puts client c back on the books: with the n products in h->pick
 * (move) or as it was (cur). */
static void rebook_client(struct heur *h, int c, const int *cur, int ncur,
                          int n, bool move)
{
    const struct sp_model *m = h->m;
    size_t np = (size_t)h->pb->nproducts;
    int i;

    if (!move) {
        for (i = 0; i < ncur; i++)
            book(h, &m->cands[cur[i]], 1);
        return;
    }
    for (i = 0; i < ncur; i++)
        h->plan->x[(size_t)c * np + (size_t)m->cands[cur[i]].product] = 0;
    for (i = 0; i < n; i++) {
        h->plan->x[(size_t)c * np + (size_t)m->cands[h->pick[i]].product] = 1;
        book(h, &m->cands[h->pick[i]], 1);
    }
}

/* Moves client c to a cheaper cover given everyone else's choices, if
 * there is one; returns the saving. */
static double improve_client(struct heur *h, int c)
{
    int *cur = h->pick + h->pb->nproducts, ncur, n;
    double d = HUGE_VAL;

    if (h->first[c] == h->first[c + 1] || h->m->cands[h->first[c]].pinned)
        return 0.0;
    ncur = unbook_client(h, c, cur);
    n = sp_heur_cheapest_cover(h, c);
    if (n > 0)
        d = switch_cost(h, cur, ncur, n);
    rebook_client(h, c, cur, ncur, n, d < -1e-6);
    return d < -1e-6 ? -d : 0.0;
}

static int by_per_unit(const void *a, const void *b)
{
    double x = ((const struct move *)a)->per_unit;
    double y = ((const struct move *)b)->per_unit;
    return x < y ? -1 : x > y;
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

/* Client c's candidate for product p, usable and neither pinned by
 * keep_clients nor a pin (both stay where they are), or -1. */
static int cand_of(const struct heur *h, int c, int p)
{
    const struct sp_model *m = h->m;
    int i;

    for (i = h->first[c]; i < h->first[c + 1]; i++)
        if (m->cands[i].product == p)
            return sp_heur_usable(h, &m->cands[i]) && !m->cands[i].pinned &&
                           !m->cands[i].held
                       ? i
                       : -1;
    return -1;
}

/* Client c's best cover with product p (cands index ip) forced on
 * (on true) or ruled out, against everyone else as booked: its cost
 * against c's current products, HUGE_VAL when there is none.  With
 * apply, c moves there. */
static double cover_with(struct heur *h, int c, int ip, bool on, bool apply)
{
    int *cur = h->pick + h->pb->nproducts, ncur, n;
    double d = HUGE_VAL;

    ncur = unbook_client(h, c, cur);
    h->marg[ip] = on ? -HUGE_VAL : HUGE_VAL;
    n = sp_heur_cheapest_cover(h, c);
    if (n > 0)
        d = switch_cost(h, cur, ncur, n);
    rebook_client(h, c, cur, ncur, n, apply && n > 0);
    return d;
}

/* Client c's candidate for product p that it may move onto, or -1. */
static int movable(const struct heur *h, int c, int p)
{
    return sp_plan_has(h->plan, c, p) ? -1 : cand_of(h, c, p);
}

/* Keeps a copy of h->plan in h->trial before a move of many clients. */
static void save_trial(struct heur *h)
{
    memcpy(h->trial->x, h->plan->x,
           (size_t)h->pb->nclients * (size_t)h->pb->nproducts);
    memcpy(h->trial->kept, h->plan->kept, (size_t)h->pb->nvendors);
}

/* After such a move: everyone responds, and the copy comes back unless
 * the plan now costs less than before. */
static enum sp_status keep_if_cheaper(struct heur *h, double before)
{
    enum sp_status st = improve_clients(h);

    if (st == SP_OK && h->cost > before - 1e-6) {
        struct sp_plan *swap = h->plan;
        h->plan = h->trial;
        h->trial = swap;
        h->cost = before;
    }
    return st;
}

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
        double level_min;
        if (m->nlev[p] < 2 || h->target[p] == 0)
            continue;
        book_plan(h);
        level_min =
            m->levelmin[(size_t)p * (size_t)m->maxlev + (size_t)h->target[p]];
        if (sp_tier_reached(h->units[p], level_min))
            continue;
        save_trial(h);
        before = h->cost;
        for (c = n = 0; c < pb->nclients; c++) {
            int ip = movable(h, c, p);
            double d = ip < 0 ? HUGE_VAL : cover_with(h, c, ip, true, false);
            if (d == HUGE_VAL)
                continue;
            h->moves[n].per_unit = d / fmax(m->cands[ip].b, 1e-9);
            h->moves[n++].client = c;
        }
        qsort(h->moves, (size_t)n, sizeof(*h->moves), by_per_unit);
        for (i = 0; i < n && !sp_tier_reached(h->units[p], level_min); i++) {
            int ip = movable(h, h->moves[i].client, p);
            if (ip >= 0)
                cover_with(h, h->moves[i].client, ip, true, true);
        }
        st = keep_if_cheaper(h, before);
        if (st != SP_OK)
            return st;
    }
    book_plan(h);
    return SP_OK;
}

/* Which clients a tiered product's level is worth to: the product stays
 * at the level its units reach, and which clients make up those units is
 * a covering knapsack: each client's cost on the product less its cost
 * off it (everyone else as they are), at least the level's minimum in
 * units, least total.  Solved exactly by dynamic programming over whole
 * units; then everyone responds and the plan is kept if it costs less.
 * This trades clients between two tiered products that both sit just
 * over a tier minimum, which moving one client at a time cannot do. */
static enum sp_status repack(struct heur *h, int p)
{
    const struct sp_problem *pb = h->pb;
    const struct sp_model *m = h->m;
    int l = sp_model_level_reached(m, p, h->units[p]), c, i, n = 0, w, t;
    double need, full, before = h->cost, gain = 0.0, *dp = NULL, *d = NULL;
    int *item = NULL, *wt = NULL, *fromcap = NULL;
    unsigned char *take = NULL, *in = NULL;
    enum sp_status st = SP_ERR_NOMEM;

    if (l == 0)
        return SP_OK;
    need = m->levelmin[(size_t)p * (size_t)m->maxlev + (size_t)l];
    full = need;
    item = malloc(((size_t)pb->nclients + 1) * sizeof(int));
    wt = malloc(((size_t)pb->nclients + 1) * sizeof(int));
    d = malloc(((size_t)pb->nclients + 1) * sizeof(double));
    in = calloc((size_t)pb->nclients + 1, 1);
    fromcap = malloc(((size_t)pb->nclients + 1) * sizeof(int));
    if (!item || !wt || !d || !in || !fromcap)
        goto cleanup;
    h->pinned_p = p;
    h->pinned_l = l;
    for (c = 0; c < pb->nclients; c++) {
        int ip = cand_of(h, c, p);
        bool on = sp_plan_has(h->plan, c, p);
        double con, coff;
        if (ip < 0) {
            /* a pinned client on p stays there */
            for (i = h->first[c]; on && i < h->first[c + 1]; i++)
                if (m->cands[i].product == p)
                    need -= m->cands[i].b;
            continue;
        }
        con = on ? 0.0 : cover_with(h, c, ip, true, false);
        coff = on ? cover_with(h, c, ip, false, false) : 0.0;
        if (con == HUGE_VAL)
            continue;
        if (coff == HUGE_VAL || con - coff <= 0.0) {
            in[c] = 1; /* on the product in any case */
            need -= m->cands[ip].b;
            gain += on ? 0.0 : coff - con;
            continue;
        }
        item[n] = c;
        /* units past the minimum add nothing: capped there, the cast
         * stays in int whatever the count */
        wt[n] = (int)floor(fmin(m->cands[ip].b, full + 1.0) + 1e-9);
        d[n] = con - coff;
        if (on)
            gain += d[n]; /* what the present members cost */
        n++;
    }
    if (need > REPACK_MAX_UNITS ||
        (double)n * (ceil(need) + 1.0) > REPACK_MAX_CELLS) {
        st = SP_OK; /* too large a table for a heuristic: no repack */
        goto cleanup;
    }
    t = need > 0.0 ? (int)ceil(need - 1e-9) : 0;
    dp = malloc(((size_t)t + 1) * sizeof(double));
    take = calloc((size_t)n * ((size_t)t + 1) + 1, 1);
    if (!dp || !take)
        goto cleanup;
    /* dp[w]: least cost of the items so far whose units reach w (capped
     * at t); take[i][w]: item i improved it; fromcap[i]: from where it
     * reached t */
    for (w = 1; w <= t; w++)
        dp[w] = HUGE_VAL;
    dp[0] = 0.0;
    for (i = 0; i < n; i++)
        for (w = t; w >= 0; w--) {
            int to = w + wt[i] > t ? t : w + wt[i];
            if (dp[w] == HUGE_VAL || dp[w] + d[i] >= dp[to] || to == w)
                continue;
            dp[to] = dp[w] + d[i];
            take[(size_t)i * ((size_t)t + 1) + (size_t)to] = 1;
            if (to == t)
                fromcap[i] = w;
        }
    st = SP_OK;
    if (dp[t] == HUGE_VAL || dp[t] >= gain - 1e-6)
        goto cleanup; /* the present members are as cheap */
    for (i = n - 1, w = t; i >= 0 && w > 0; i--)
        if (take[(size_t)i * ((size_t)t + 1) + (size_t)w]) {
            in[item[i]] = 1;
            w = w == t ? fromcap[i] : w - wt[i];
        }
    save_trial(h);
    for (c = 0; c < pb->nclients; c++) {
        int ip = cand_of(h, c, p);
        if (ip >= 0 && in[c] != sp_plan_has(h->plan, c, p))
            cover_with(h, c, ip, in[c], true);
    }
    h->pinned_p = -1;
    st = keep_if_cheaper(h, before);
    book_plan(h);

cleanup:
    h->pinned_p = -1;
    free(item);
    free(wt);
    free(fromcap);
    free(d);
    free(in);
    free(dp);
    free(take);
    return st;
}

/* Repacks every tiered product, again while that saves (one product's
 * clients moving changes what another's are worth). */
static enum sp_status repack_levels(struct heur *h)
{
    enum sp_status st = SP_OK;
    double before = HUGE_VAL;
    int p, pass;

    book_plan(h);
    for (pass = 0; pass < 4 && h->cost < before - 1e-6; pass++) {
        before = h->cost;
        for (p = 0; p < h->pb->nproducts && st == SP_OK; p++)
            if (h->m->nlev[p] > 1)
                st = repack(h, p);
    }
    return st;
}

/* Best responses, the tier step, vendor drops, best responses again. */
static enum sp_status improve(struct heur *h)
{
    enum sp_status st = improve_clients(h);

    if (st == SP_OK)
        st = reach_levels(h);
    if (st == SP_OK)
        st = repack_levels(h);
    if (st == SP_OK)
        st = drop_vendors(h);
    if (st == SP_OK)
        st = improve_clients(h);
    return st;
}

void sp_heur_free(struct heur *h)
{
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
    free(h->units);
    free(h->sumlic);
    free(h->users);
    free(h->fee);
    free(h->vfirst);
    free(h->vprod);
    free(h->marg);
    free(h->use);
    free(h->pick);
    free(h->target);
    free(h->moves);
}

/* Client ranges, each candidate's category bits, and the vendors every
 * plan keeps; the DP's tables sized for the widest client.  false when
 * out of memory; *too_wide when a client requires more than MAX_BITS
 * categories. */
bool sp_heur_init(struct heur *h, const struct sp_model *m, bool *too_wide)
{
    const struct sp_problem *pb = m->pb;
    int c, i, k, widest = 0;
    size_t nsub;

    memset(h, 0, sizeof(*h));
    h->m = m;
    h->pb = pb;
    h->cost = HUGE_VAL;
    h->pinned_p = -1;
    h->first = calloc((size_t)pb->nclients + 2, sizeof(int));
    h->nbits = calloc((size_t)pb->nclients + 1, sizeof(int));
    if (!h->first || !h->nbits)
        return false;
    for (i = 0, c = 0; c <= pb->nclients; c++) {
        h->first[c] = i;
        while (i < m->ncands && m->cands[i].client == c)
            i++;
    }
    for (c = 0; c < pb->nclients; c++) {
        sp_client_requires(pb, &pb->clients[c], &m->sc->settings,
                           &h->nbits[c]);
        /* a control row is one more bit (docs/compliance.md) */
        h->nbits[c] += sp_client_control_needs(pb, &m->sc->settings, c, NULL);
        widest = h->nbits[c] > widest ? h->nbits[c] : widest;
    }
    *too_wide = widest > MAX_BITS;
    if (*too_wide)
        return true;
    nsub = (size_t)1 << widest;
    h->kept = calloc((size_t)pb->nvendors + 1, 1);
    h->must = calloc((size_t)pb->nvendors + 1, 1);
    h->level = calloc((size_t)pb->nproducts + 1, sizeof(int));
    h->bits = calloc((size_t)m->ncands + 1, sizeof(unsigned));
    h->best = malloc(nsub * sizeof(double));
    h->via = malloc(nsub * sizeof(int));
    h->from = malloc(nsub * sizeof(int));
    h->plan = sp_plan_new(pb);
    h->trial = sp_plan_new(pb);
    h->units = calloc((size_t)pb->nproducts + 1, sizeof(double));
    h->sumlic =
        calloc((size_t)pb->nproducts * (size_t)m->maxlev + 1, sizeof(double));
    h->users = calloc((size_t)pb->nvendors + 1, sizeof(int));
    h->fee = calloc((size_t)pb->nvendors + 1, sizeof(double));
    h->vfirst = calloc((size_t)pb->nvendors + 2, sizeof(int));
    h->vprod = calloc((size_t)pb->nproducts + 1, sizeof(int));
    h->marg = calloc((size_t)m->ncands + 1, sizeof(double));
    h->use = calloc((size_t)m->ncands + 1, sizeof(int));
    h->pick = calloc(3 * (size_t)pb->nproducts + 1, sizeof(int));
    h->target = calloc((size_t)pb->nproducts + 1, sizeof(int));
    h->moves = calloc((size_t)pb->nclients + 1, sizeof(struct move));
    if (!h->kept || !h->must || !h->level || !h->bits || !h->best || !h->via ||
        !h->from || !h->plan || !h->trial || !h->units || !h->sumlic ||
        !h->users || !h->fee || !h->vfirst || !h->vprod || !h->marg ||
        !h->use || !h->pick || !h->target || !h->moves)
        return false;
    for (i = 0; i < pb->nvendors; i++)
        h->fee[i] = m->ycol[i] ? glp_get_obj_coef(m->lp, m->ycol[i]) : 0.0;
    /* products by vendor (a counting sort) */
    for (i = 0; i < pb->nproducts; i++)
        h->vfirst[pb->products[i].vendor + 2]++;
    for (i = 0; i < pb->nvendors; i++)
        h->vfirst[i + 2] += h->vfirst[i + 1];
    for (i = 0; i < pb->nproducts; i++)
        h->vprod[h->vfirst[pb->products[i].vendor + 1]++] = i;
    for (c = 0; c < pb->nclients; c++) {
        int base = -1;
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
            if (cd->pinned || cd->held)
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
    struct sp_plan *best = NULL;
    double best_cost = HUGE_VAL;
    bool too_wide = false;
    int start;
    enum sp_status st = SP_ERR_NOMEM;

    *out = NULL;
    if (!sp_heur_init(&h, m, &too_wide))
        goto cleanup;
    st = SP_OK;
    /* its covers know nothing of separate and max_categories_per_vendor
     * (model/mip/separate.c): the search goes without its plans */
    if (too_wide || sp_guards_on(&m->sc->guards))
        goto cleanup;
    best = sp_plan_new(m->pb);
    if (!best) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    /* Two starts, each improved on its own, the better kept: the LP's own
     * choices rounded (at a node, that follows what branching decided),
     * and every client's cheapest cover at the LP's prices (from the root
     * LP it ended lower: $2,454 at 1,000 clients, $21,438 at 3,000). */
    for (start = 0; start < 2 && st == SP_OK; start++) {
        from_lp(&h, lp);
        memcpy(h.target, h.level, (size_t)m->pb->nproducts * sizeof(int));
        h.cost = HUGE_VAL;
        if (!sp_heur_cover_all(&h, start == 0 ? lp : NULL, h.trial))
            continue; /* the LP's vendors cannot cover every client */
        st = consider(&h);
        if (st == SP_OK)
            st = improve(&h);
        if (st == SP_OK && h.cost < best_cost) {
            struct sp_plan *swap = best;
            best = h.plan;
            h.plan = swap;
            best_cost = h.cost;
        }
    }
    if (st == SP_OK && best_cost < HUGE_VAL) {
        *out = best;
        *cost = best_cost;
        best = NULL;
    }

cleanup:
    sp_plan_free(best);
    sp_heur_free(&h);
    return st;
}

enum sp_status sp_heuristic_plan_vendors(const struct sp_model *m,
                                         const unsigned char *vendors,
                                         struct sp_plan **out, double *cost)
{
    struct heur h;
    bool too_wide = false;
    int v;
    enum sp_status st = SP_ERR_NOMEM;

    *out = NULL;
    if (!sp_heur_init(&h, m, &too_wide))
        goto cleanup;
    st = SP_OK;
    /* the cover step knows nothing of separate and
     * max_categories_per_vendor: no plan rather than a plan that breaks
     * them (as sp_heuristic_plan) */
    if (too_wide || sp_guards_on(&m->sc->guards))
        goto cleanup;
    for (v = 0; v < m->pb->nvendors; v++)
        h.kept[v] = h.must[v] || vendors[v];
    /* priced at the catalog first; settle_levels then re-prices at the
     * levels the plan's units reach */
    memset(h.level, 0, (size_t)m->pb->nproducts * sizeof(int));
    memset(h.target, 0, (size_t)m->pb->nproducts * sizeof(int));
    h.cost = HUGE_VAL;
    if (!sp_heur_cover_all(&h, NULL, h.trial))
        goto cleanup;
    st = consider(&h);
    /* consider takes no plan over max_vendors; improving the empty plan
     * left in its place gave a plan that covered no one */
    if (st != SP_OK || h.cost == HUGE_VAL)
        goto cleanup;
    st = settle_levels(&h);
    if (st == SP_OK)
        st = improve(&h);
    if (st == SP_OK && h.cost < HUGE_VAL) {
        *out = h.plan;
        *cost = h.cost;
        h.plan = NULL;
    }

cleanup:
    sp_heur_free(&h);
    return st;
}
