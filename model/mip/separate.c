/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The concentration guards of a scenario in the MIP (docs/compliance.md,
 * docs/model.md).  With X[c,p] = x[c,p] for an untiered p and
 * sum_l w[c,p,l] for a tiered one, for every client c not pinned by
 * keep_clients:
 *
 * separate, each group G:
 *   bundle[c,p]:  X[c,p] <= 0        p covers two categories of G
 *   sep[c,p,q]:   X[c,p] + X[c,q] <= 1
 *                  p, q of one vendor, each covering one category of G,
 *                  not the same one
 * Exact: a vendor covers two categories of G for c through its chosen
 * products exactly when one product covers two, or two products cover one
 * each and they differ.
 *
 * max_categories_per_vendor N, with K[c,v] the categories of R(c) that
 * v's candidates for c cover, where |K[c,v]| > N (else nothing binds):
 *   use[c,v,k]:   X[c,p] - u[c,v,k] <= 0    p of v covers k, k in K[c,v]
 *   maxcat[c,v]:  sum_k u[c,v,k] <= N
 * with 0 <= u <= 1 continuous: for integral X the least u is 0 or 1, so
 * the rows allow exactly the plans in which v covers at most N of R(c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

/* One u[c,v,k] column. */
struct ucol {
    int client, vendor, category, col;
};

struct sp_guard_cols {
    struct ucol *u;
    int n;
};

void sp_model_guard_free(struct sp_guard_cols *g)
{
    if (!g)
        return;
    free(g->u);
    free(g);
}

/* Candidates of client c: m->cands[*first, *last). */
static void client_range(const struct sp_model *m, int from, int *first,
                         int *last)
{
    int c = m->cands[from].client;

    *first = from;
    for (*last = from; *last < m->ncands && m->cands[*last].client == c;
         (*last)++)
        ;
}

enum sp_status sp_model_guard_cols(struct sp_model *m)
{
    const struct sp_problem *pb = m->pb;
    const struct sp_guards *g = &m->sc->guards;
    unsigned char *cover = NULL;
    int first, last, i, v, k, nreq, cap = 0, count;
    const int *req;

    if (g->max_per_vendor <= 0 || m->ncands == 0)
        return SP_OK;
    m->guard = calloc(1, sizeof(*m->guard));
    cover = malloc((size_t)pb->ncategories + 1);
    if (!m->guard || !cover) {
        free(cover);
        return SP_ERR_NOMEM;
    }
    for (first = 0; first < m->ncands; first = last) {
        client_range(m, first, &first, &last);
        if (m->cands[first].pinned)
            continue;
        req = sp_client_requires(pb, &pb->clients[m->cands[first].client],
                                 &m->sc->settings, &nreq);
        for (v = 0; v < pb->nvendors; v++) {
            memset(cover, 0, (size_t)pb->ncategories);
            for (i = first; i < last; i++) {
                const struct sp_product *pr =
                    &pb->products[m->cands[i].product];
                if (pr->vendor != v)
                    continue;
                for (k = 0; k < pr->ncovers; k++)
                    if (sp_in_list(req, nreq, pr->covers[k]))
                        cover[pr->covers[k]] = 1;
            }
            for (count = 0, k = 0; k < pb->ncategories; k++)
                count += cover[k];
            if (count <= g->max_per_vendor)
                continue;
            for (k = 0; k < pb->ncategories; k++) {
                struct ucol *u;
                if (!cover[k])
                    continue;
                if (m->guard->n == cap) {
                    struct ucol *grown;
                    cap = cap ? 2 * cap : 64;
                    grown = realloc(m->guard->u, (size_t)cap * sizeof(*grown));
                    if (!grown) {
                        free(cover);
                        return SP_ERR_NOMEM;
                    }
                    m->guard->u = grown;
                }
                u = &m->guard->u[m->guard->n++];
                u->client = m->cands[first].client;
                u->vendor = v;
                u->category = k;
                snprintf(m->name, 256, "u[%s,%s,%s]",
                         pb->clients[u->client].id, pb->vendors[v].name,
                         pb->categories[k]);
                u->col = glp_add_cols(m->lp, 1);
                glp_set_col_name(m->lp, u->col, m->name);
                glp_set_col_kind(m->lp, u->col, GLP_CV);
                glp_set_col_bnds(m->lp, u->col, GLP_DB, 0.0, 1.0);
            }
        }
    }
    free(cover);
    return SP_OK;
}

/* How many categories of group gi product p covers. */
static int in_group(const struct sp_guards *g, int gi,
                    const struct sp_product *pr)
{
    int k, n = 0;

    for (k = g->group_first[gi]; k < g->group_first[gi + 1]; k++)
        n += sp_product_covers(pr, g->group_cats[k]);
    return n;
}

/* The category of group gi that p covers (p covers exactly one). */
static int group_category(const struct sp_guards *g, int gi,
                          const struct sp_product *pr)
{
    int k;

    for (k = g->group_first[gi]; k < g->group_first[gi + 1]; k++)
        if (sp_product_covers(pr, g->group_cats[k]))
            return g->group_cats[k];
    return -1;
}

/* Appends cd's columns with coefficient coef to ind/val after n. */
static int put_cand(const struct sp_cand *cd, double coef, int *ind,
                    double *val, int n)
{
    int l;

    for (l = 0; cd->col && l < cd->nlev; l++) {
        ind[++n] = cd->col + l;
        val[n] = coef;
    }
    return n;
}

/* Do p and q (one vendor's, neither a bundle of any group) together cover
 * two categories of some group? */
static bool conflict(const struct sp_guards *g, const struct sp_product *p,
                     const struct sp_product *q)
{
    int gi;

    for (gi = 0; gi < g->ngroups; gi++)
        if (in_group(g, gi, p) == 1 && in_group(g, gi, q) == 1 &&
            group_category(g, gi, p) != group_category(g, gi, q))
            return true;
    return false;
}

static bool is_bundle(const struct sp_guards *g, const struct sp_product *p)
{
    int gi;

    for (gi = 0; gi < g->ngroups; gi++)
        if (in_group(g, gi, p) >= 2)
            return true;
    return false;
}

static void separate_rows(struct sp_model *m, int *ind, double *val)
{
    const struct sp_problem *pb = m->pb;
    const struct sp_guards *g = &m->sc->guards;
    int first, last, i, j, n, row;

    for (first = 0; first < m->ncands; first = last) {
        client_range(m, first, &first, &last);
        if (m->cands[first].pinned)
            continue;
        for (i = first; i < last; i++) {
            const struct sp_cand *ci = &m->cands[i];
            const struct sp_product *p = &pb->products[ci->product];
            const char *cid = pb->clients[ci->client].id;
            if (is_bundle(g, p)) {
                n = put_cand(ci, 1.0, ind, val, 0);
                snprintf(m->name, 256, "bundle[%s,%s]", cid, p->id);
                row = glp_add_rows(m->lp, 1);
                glp_set_row_name(m->lp, row, m->name);
                glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, 0.0);
                glp_set_mat_row(m->lp, row, n, ind, val);
                continue;
            }
            for (j = i + 1; j < last; j++) {
                const struct sp_cand *cj = &m->cands[j];
                const struct sp_product *q = &pb->products[cj->product];
                if (q->vendor != p->vendor || is_bundle(g, q) ||
                    !conflict(g, p, q))
                    continue;
                n = put_cand(ci, 1.0, ind, val, 0);
                n = put_cand(cj, 1.0, ind, val, n);
                snprintf(m->name, 256, "sep[%s,%s,%s]", cid, p->id, q->id);
                row = glp_add_rows(m->lp, 1);
                glp_set_row_name(m->lp, row, m->name);
                glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, 1.0);
                glp_set_mat_row(m->lp, row, n, ind, val);
            }
        }
    }
}

static void max_rows(struct sp_model *m, int *ind, double *val)
{
    const struct sp_problem *pb = m->pb;
    const struct sp_guard_cols *gc = m->guard;
    int a, b, i, n, row, first = 0, last = 0;

    for (a = 0; a < gc->n; a = b) {
        const struct ucol *ua = &gc->u[a];
        /* the u of one (client, vendor) are consecutive */
        for (b = a; b < gc->n && gc->u[b].client == ua->client &&
                    gc->u[b].vendor == ua->vendor;
             b++)
            ;
        while (first < m->ncands && m->cands[first].client != ua->client)
            first++;
        for (last = first;
             last < m->ncands && m->cands[last].client == ua->client; last++)
            ;
        for (i = a; i < b; i++) {
            const struct ucol *u = &gc->u[i];
            int j;
            for (j = first; j < last; j++) {
                const struct sp_cand *cd = &m->cands[j];
                const struct sp_product *pr = &pb->products[cd->product];
                if (pr->vendor != u->vendor ||
                    !sp_product_covers(pr, u->category))
                    continue;
                n = put_cand(cd, 1.0, ind, val, 0);
                ind[++n] = u->col;
                val[n] = -1.0;
                snprintf(m->name, 256, "use[%s,%s,%s]",
                         pb->clients[u->client].id, pr->id,
                         pb->categories[u->category]);
                row = glp_add_rows(m->lp, 1);
                glp_set_row_name(m->lp, row, m->name);
                glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, 0.0);
                glp_set_mat_row(m->lp, row, n, ind, val);
            }
        }
        for (n = 0, i = a; i < b; i++) {
            ind[++n] = gc->u[i].col;
            val[n] = 1.0;
        }
        snprintf(m->name, 256, "maxcat[%s,%s]", pb->clients[ua->client].id,
                 pb->vendors[ua->vendor].name);
        row = glp_add_rows(m->lp, 1);
        glp_set_row_name(m->lp, row, m->name);
        glp_set_row_bnds(m->lp, row, GLP_UP, 0.0,
                         (double)m->sc->guards.max_per_vendor);
        glp_set_mat_row(m->lp, row, n, ind, val);
    }
}

enum sp_status sp_model_guard_rows(struct sp_model *m)
{
    const struct sp_guards *g = &m->sc->guards;
    size_t width = 2 * (size_t)m->maxlev + (size_t)m->pb->ncategories + 4;
    int *ind;
    double *val;

    if (!sp_guards_on(g) || m->ncands == 0)
        return SP_OK;
    ind = malloc(width * sizeof(int));
    val = malloc(width * sizeof(double));
    if (!ind || !val) {
        free(ind);
        free(val);
        return SP_ERR_NOMEM;
    }
    if (g->ngroups > 0)
        separate_rows(m, ind, val);
    if (m->guard)
        max_rows(m, ind, val);
    free(ind);
    free(val);
    return SP_OK;
}

void sp_model_guard_point(const struct sp_model *m, const struct sp_plan *plan,
                          double *x)
{
    const struct sp_problem *pb = m->pb;
    int i, p;

    for (i = 0; m->guard && i < m->guard->n; i++) {
        const struct ucol *u = &m->guard->u[i];
        x[u->col] = 0.0;
        for (p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == u->vendor &&
                sp_plan_has(plan, u->client, p) &&
                sp_product_covers(&pb->products[p], u->category))
                x[u->col] = 1.0;
    }
}
