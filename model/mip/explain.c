/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Why a scenario has no feasible plan, in the user's terms: which client
 * and category cannot be covered and by which exclusion, or how many
 * vendors the smallest feasible plan needs when max_vendors is too low.
 */
#include <glpk.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

/* A growing malloc'd string. */
struct text {
    char *s;
    size_t len, cap;
    bool failed;
};

static void put(struct text *t, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (t->failed)
        return;
    for (;;) {
        size_t room = t->cap - t->len;
        va_start(ap, fmt);
        n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if (t->s && (size_t)n < room) {
            t->len += (size_t)n;
            return;
        }
        {
            size_t cap = (t->cap + (size_t)n + 64) * 2;
            char *s = realloc(t->s, cap);
            if (!s) {
                t->failed = true;
                return;
            }
            t->s = s;
            t->cap = cap;
        }
    }
}

static char *finish(struct text *t)
{
    if (t->failed) {
        free(t->s);
        return strdup("no feasible plan");
    }
    return t->s;
}

static bool product_excluded(const struct sp_problem *pb,
                             const struct sp_scenario *sc, int p)
{
    return sp_in_list(sc->exclude_products, sc->nexclude_products, p) ||
           sp_in_list(sc->exclude_vendors, sc->nexclude_vendors,
                      pb->products[p].vendor);
}

static void why_excluded(struct text *t, const struct sp_problem *pb,
                         const struct sp_scenario *sc, int p)
{
    if (sp_in_list(sc->exclude_products, sc->nexclude_products, p))
        put(t, "%s (exclude_products)", pb->products[p].id);
    else
        put(t, "%s (vendor %s in exclude_vendors)", pb->products[p].id,
            pb->vendors[pb->products[p].vendor].name);
}

static char *conflicts(const struct sp_problem *pb,
                       const struct sp_scenario *sc)
{
    struct text t = {0};
    int i, c, p;

    /* A vendor both required and excluded is kept (it pays its overhead)
     * with none of its products in use: that is not a conflict. */
    for (i = 0; i < sc->nkeep_clients; i++) {
        c = sc->keep_clients[i];
        for (p = 0; p < pb->nproducts; p++)
            if (sp_current_holding(pb, c, p) >= 0 &&
                product_excluded(pb, sc, p)) {
                put(&t, "client %s is in keep_clients but runs ",
                    pb->clients[c].id);
                why_excluded(&t, pb, sc, p);
                put(&t, ", which is excluded");
                return finish(&t);
            }
    }
    /* A pin (essential, keep_products, keep_client_products) on an
     * excluded product: the client must keep what it may not run. */
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++) {
            const char *why;
            if (sp_in_list(sc->keep_clients, sc->nkeep_clients, c) ||
                !product_excluded(pb, sc, p) ||
                !sp_scenario_pins(pb, sc, c, p, &why))
                continue;
            put(&t, "client %s must keep %s (%s) but it is excluded: ",
                pb->clients[c].id, pb->products[p].id, why);
            why_excluded(&t, pb, sc, p);
            return finish(&t);
        }
    return NULL;
}

static char *uncoverable(const struct sp_problem *pb,
                         const struct sp_scenario *sc)
{
    struct text t = {0};
    int c, i, p, n, listed = 0;

    for (c = 0; c < pb->nclients; c++) {
        const int *req;
        if (sp_in_list(sc->keep_clients, sc->nkeep_clients, c))
            continue;
        req = sp_client_requires(pb, &pb->clients[c], &sc->settings, &n);
        for (i = 0; i < n; i++) {
            bool available = false;
            for (p = 0; p < pb->nproducts && !available; p++)
                available = sp_product_covers(&pb->products[p], req[i]) &&
                            !product_excluded(pb, sc, p);
            if (available)
                continue;
            put(&t,
                "client %s requires '%s' but every product covering it is "
                "excluded:",
                pb->clients[c].id, pb->categories[req[i]]);
            for (p = 0; p < pb->nproducts; p++)
                if (sp_product_covers(&pb->products[p], req[i])) {
                    put(&t, listed++ ? ", " : " ");
                    why_excluded(&t, pb, sc, p);
                }
            return finish(&t);
        }
    }
    return NULL;
}

/* The fewest vendors any plan can keep: a small set-cover MIP over the
 * (client, category) needs, with the vendors the scenario forces.  Fills
 * kept (nvendors) with one smallest set.  -1 when the MIP fails. */
static int fewest_vendors(const struct sp_problem *pb,
                          const struct sp_scenario *sc, unsigned char *kept)
{
    glp_prob *lp = glp_create_prob();
    glp_iocp parm;
    int *ind = malloc(((size_t)pb->nvendors + 1) * sizeof(int));
    double *val = malloc(((size_t)pb->nvendors + 1) * sizeof(double));
    unsigned char *offers = calloc((size_t)pb->nvendors + 1, 1);
    int v, c, i, p, n, best = -1;

    if (!ind || !val || !offers)
        goto cleanup;
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_cols(lp, pb->nvendors);
    for (v = 0; v < pb->nvendors; v++) {
        glp_set_col_kind(lp, v + 1, GLP_BV);
        glp_set_obj_coef(lp, v + 1, 1.0);
        if (sp_in_list(sc->exclude_vendors, sc->nexclude_vendors, v))
            glp_set_col_bnds(lp, v + 1, GLP_FX, 0.0, 0.0);
        if (sp_in_list(sc->require_vendors, sc->nrequire_vendors, v))
            glp_set_col_bnds(lp, v + 1, GLP_FX, 1.0, 1.0);
    }
    for (c = 0; c < pb->nclients; c++) {
        const int *req;
        if (sp_in_list(sc->keep_clients, sc->nkeep_clients, c)) {
            for (p = 0; p < pb->nproducts; p++)
                if (sp_current_holding(pb, c, p) >= 0)
                    glp_set_col_bnds(lp, pb->products[p].vendor + 1, GLP_FX,
                                     1.0, 1.0);
            continue;
        }
        /* a pinned product keeps its vendor */
        for (p = 0; p < pb->nproducts; p++)
            if (sp_scenario_pins(pb, sc, c, p, NULL))
                glp_set_col_bnds(lp, pb->products[p].vendor + 1, GLP_FX, 1.0,
                                 1.0);
        req = sp_client_requires(pb, &pb->clients[c], &sc->settings, &n);
        for (i = 0; i < n; i++) {
            int k = 0, row;
            memset(offers, 0, (size_t)pb->nvendors);
            /* a product a guard forbids by itself offers nothing (a
             * client not in keep_clients never runs it) */
            for (p = 0; p < pb->nproducts; p++)
                if (sp_product_covers(&pb->products[p], req[i]) &&
                    !product_excluded(pb, sc, p) &&
                    !sp_explain_guard_forbids(pb, sc, p, req, n))
                    offers[pb->products[p].vendor] = 1;
            for (v = 0; v < pb->nvendors; v++)
                if (offers[v]) {
                    k++;
                    ind[k] = v + 1;
                    val[k] = 1.0;
                }
            row = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, row, GLP_LO, 1.0, 0.0);
            glp_set_mat_row(lp, row, k, ind, val);
        }
        /* the controls of its frameworks too (docs/compliance.md) */
        for (i = 0; i < pb->ncontrols; i++) {
            int k = 0, row;
            if (!sp_client_has_framework(pb, &sc->settings, c,
                                         pb->controls[i].framework))
                continue;
            memset(offers, 0, (size_t)pb->nvendors);
            for (p = 0; p < pb->nproducts; p++)
                if (sp_control_met_by(pb, i, p) &&
                    !product_excluded(pb, sc, p) &&
                    !sp_explain_guard_forbids(pb, sc, p, req, n))
                    offers[pb->products[p].vendor] = 1;
            for (v = 0; v < pb->nvendors; v++)
                if (offers[v]) {
                    k++;
                    ind[k] = v + 1;
                    val[k] = 1.0;
                }
            row = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, row, GLP_LO, 1.0, 0.0);
            glp_set_mat_row(lp, row, k, ind, val);
        }
    }
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    if (glp_intopt(lp, &parm) == 0 && glp_mip_status(lp) == GLP_OPT) {
        best = 0;
        for (v = 0; v < pb->nvendors; v++) {
            kept[v] = glp_mip_col_val(lp, v + 1) > 0.5;
            best += kept[v];
        }
    }

cleanup:
    glp_delete_prob(lp);
    free(ind);
    free(val);
    free(offers);
    return best;
}

static char *too_few_vendors(const struct sp_problem *pb,
                             const struct sp_scenario *sc)
{
    struct text t = {0};
    unsigned char *kept;
    int v, fewest, listed = 0;

    if (sc->max_vendors < 0)
        return NULL;
    kept = calloc((size_t)pb->nvendors + 1, 1);
    if (!kept)
        return strdup("no feasible plan");
    fewest = fewest_vendors(pb, sc, kept);
    if (fewest >= 0 && fewest > sc->max_vendors) {
        put(&t,
            "max_vendors %d is too few: the smallest feasible plan keeps "
            "%d vendor%s (",
            sc->max_vendors, fewest, fewest == 1 ? "" : "s");
        for (v = 0; v < pb->nvendors; v++)
            if (kept[v])
                put(&t, "%s%s", listed++ ? ", " : "", pb->vendors[v].name);
        put(&t, ")");
    }
    free(kept);
    return fewest >= 0 && fewest > sc->max_vendors ? finish(&t) : NULL;
}

char *sp_explain_infeasible(const struct sp_problem *pb,
                            const struct sp_scenario *sc, bool proved)
{
    char *why = conflicts(pb, sc);

    if (!why)
        why = uncoverable(pb, sc);
    if (!why) /* controls, separate, max_categories_per_vendor */
        why = sp_explain_guards(pb, sc, proved);
    /* The set-cover MIP is only worth running once the solver has shown
     * there is no plan at all. */
    if (!why && proved)
        why = too_few_vendors(pb, sc);
    if (!why && proved)
        why = strdup("no plan satisfies every constraint together (the "
                     "solver proved it)");
    return why;
}
