/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Security and compliance from the scenario's own words
 * (docs/compliance.md): which frameworks and controls a client must meet,
 * whether a plan meets them, and whether a plan breaks the concentration
 * guards (separate, max_categories_per_vendor).  The model's rows
 * (model/mip/formulate.c, model/mip/separate.c) are built elsewhere; the
 * checker (model/core/verify.c) and the reports use these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

void sp_guards_clear(struct sp_guards *g)
{
    free(g->group_cats);
    free(g->group_first);
    memset(g, 0, sizeof(*g));
}

bool sp_guards_copy(struct sp_guards *dst, const struct sp_guards *src)
{
    int n = src->ngroups > 0 ? src->group_first[src->ngroups] : 0;

    *dst = *src;
    dst->group_cats = NULL;
    dst->group_first = NULL;
    if (src->ngroups == 0)
        return true;
    dst->group_cats = malloc(((size_t)n + 1) * sizeof(int));
    dst->group_first = malloc(((size_t)src->ngroups + 1) * sizeof(int));
    if (!dst->group_cats || !dst->group_first) {
        sp_guards_clear(dst);
        return false;
    }
    memcpy(dst->group_cats, src->group_cats, (size_t)n * sizeof(int));
    memcpy(dst->group_first, src->group_first,
           ((size_t)src->ngroups + 1) * sizeof(int));
    return true;
}

bool sp_guards_on(const struct sp_guards *g)
{
    return g->ngroups > 0 || g->max_per_vendor > 0;
}

bool sp_client_has_framework(const struct sp_problem *pb,
                             const struct sp_settings *s, int c, int f)
{
    const struct sp_client *cl = &pb->clients[c];

    return sp_in_list(cl->frameworks, cl->nframeworks, f) ||
           sp_in_list(s->require_frameworks, s->nrequire_frameworks, f);
}

bool sp_control_met_by(const struct sp_problem *pb, int i, int p)
{
    const struct sp_control *ct = &pb->controls[i];
    int k;

    for (k = 0; k < ct->ncategories; k++)
        if (sp_product_covers(&pb->products[p], ct->categories[k]))
            return true;
    return false;
}

bool sp_control_candidate(const struct sp_problem *pb,
                          const struct sp_settings *s, int c, int p)
{
    int i;

    for (i = 0; i < pb->ncontrols; i++)
        if (sp_client_has_framework(pb, s, c, pb->controls[i].framework) &&
            sp_control_met_by(pb, i, p))
            return true;
    return false;
}

static bool same_categories(const struct sp_control *a,
                            const struct sp_control *b)
{
    return a->ncategories == b->ncategories &&
           (a->ncategories == 0 ||
            memcmp(a->categories, b->categories,
                   (size_t)a->ncategories * sizeof(int)) == 0);
}

/* Must client c meet control i under s, by a row of its own: one of its
 * frameworks' controls that no category of R(c) meets. */
static bool own_need(const struct sp_problem *pb, const struct sp_settings *s,
                     int c, int i, const int *req, int nreq)
{
    const struct sp_control *ct = &pb->controls[i];
    int k;

    if (!sp_client_has_framework(pb, s, c, ct->framework))
        return false;
    /* a plan that covers R(c) meets it anyway */
    for (k = 0; k < ct->ncategories; k++)
        if (sp_in_list(req, nreq, ct->categories[k]))
            return false;
    return true;
}

int sp_client_control_needs(const struct sp_problem *pb,
                            const struct sp_settings *s, int c, int *out)
{
    const int *req;
    int i, j, n = 0, nreq;

    req = sp_client_requires(pb, &pb->clients[c], s, &nreq);
    for (i = 0; i < pb->ncontrols; i++) {
        if (!own_need(pb, s, c, i, req, nreq))
            continue;
        /* two controls over the same categories are one requirement */
        for (j = 0; j < i; j++)
            if (own_need(pb, s, c, j, req, nreq) &&
                same_categories(&pb->controls[j], &pb->controls[i]))
                break;
        if (j < i)
            continue;
        if (out)
            out[n] = i;
        n++;
    }
    return n;
}

bool sp_plan_meets_control(const struct sp_problem *pb,
                           const struct sp_plan *plan, int c, int i)
{
    int p;

    for (p = 0; p < pb->nproducts; p++)
        if (sp_plan_has(plan, c, p) && sp_control_met_by(pb, i, p))
            return true;
    return false;
}

/* The categories vendor v covers for client c in plan, as flags. */
static void vendor_cover(const struct sp_problem *pb,
                         const struct sp_plan *plan, int c, int v,
                         unsigned char *flags)
{
    int p, k;

    memset(flags, 0, (size_t)pb->ncategories);
    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pr = &pb->products[p];
        if (pr->vendor != v || !sp_plan_has(plan, c, p))
            continue;
        for (k = 0; k < pr->ncovers; k++)
            flags[pr->covers[k]] = 1;
    }
}

bool sp_guard_violation(const struct sp_problem *pb,
                        const struct sp_scenario *sc,
                        const struct sp_plan *plan, int c, char *err,
                        size_t errsize)
{
    const struct sp_guards *g = &sc->guards;
    unsigned char *flags;
    const int *req;
    int v, gi, k, nreq, n;
    bool broken = false;

    if (!sp_guards_on(g))
        return false;
    flags = malloc((size_t)pb->ncategories + 1);
    if (!flags) {
        snprintf(err, errsize, "out of memory");
        return true;
    }
    req = sp_client_requires(pb, &pb->clients[c], &sc->settings, &nreq);
    for (v = 0; v < pb->nvendors && !broken; v++) {
        vendor_cover(pb, plan, c, v, flags);
        for (gi = 0; gi < g->ngroups && !broken; gi++) {
            int first = -1, second = -1;
            for (k = g->group_first[gi]; k < g->group_first[gi + 1]; k++)
                if (flags[g->group_cats[k]]) {
                    if (first < 0)
                        first = g->group_cats[k];
                    else if (second < 0)
                        second = g->group_cats[k];
                }
            if (second >= 0) {
                snprintf(err, errsize,
                         "client %s: vendor %s covers both '%s' and '%s', "
                         "which separate keeps apart",
                         pb->clients[c].id, pb->vendors[v].name,
                         pb->categories[first], pb->categories[second]);
                broken = true;
            }
        }
        if (broken || g->max_per_vendor <= 0)
            continue;
        for (n = 0, k = 0; k < nreq; k++)
            n += flags[req[k]];
        if (n > g->max_per_vendor) {
            snprintf(err, errsize,
                     "client %s: vendor %s covers %d of its required "
                     "categories, max_categories_per_vendor is %d",
                     pb->clients[c].id, pb->vendors[v].name, n,
                     g->max_per_vendor);
            broken = true;
        }
    }
    free(flags);
    return broken;
}

int sp_compliance_count(const struct sp_problem *pb,
                        const struct sp_settings *s,
                        const struct sp_plan *plan, int f, int *clients)
{
    int c, i, met = 0;

    *clients = 0;
    for (c = 0; c < pb->nclients; c++) {
        bool all = true;
        if (!sp_client_has_framework(pb, s, c, f))
            continue;
        (*clients)++;
        for (i = 0; i < pb->ncontrols && all; i++)
            if (pb->controls[i].framework == f)
                all = sp_plan_meets_control(pb, plan, c, i);
        met += all;
    }
    return met;
}

bool sp_verify_compliance(const struct sp_problem *pb,
                          const struct sp_scenario *sc,
                          const struct sp_plan *plan, int c, char *err,
                          size_t errsize)
{
    int i;

    /* every control of every framework of c: not only the model's rows */
    for (i = 0; i < pb->ncontrols; i++) {
        const struct sp_control *ct = &pb->controls[i];
        if (!sp_client_has_framework(pb, &sc->settings, c, ct->framework) ||
            sp_plan_meets_control(pb, plan, c, i))
            continue;
        snprintf(err, errsize, "client %s does not meet control %s of %s",
                 pb->clients[c].id, ct->id,
                 pb->frameworks[ct->framework].label);
        return false;
    }
    return !sp_guard_violation(pb, sc, plan, c, err, errsize);
}

/* ---- result accessors (include/stackplan/solve.h) ---------------------- */

int sp_result_framework_count(const sp_result *res)
{
    return res->problem->nframeworks;
}

const char *sp_result_framework(const sp_result *res, int f)
{
    return f >= 0 && f < res->problem->nframeworks
               ? res->problem->frameworks[f].label
               : NULL;
}

int sp_result_framework_in_scope(const sp_result *res, int f)
{
    return f >= 0 && f < res->problem->nframeworks
               ? res->problem->frameworks[f].ncontrols
               : 0;
}

int sp_result_compliant_clients(const sp_result *res, int i, int f,
                                int *clients)
{
    const struct sp_problem *pb = res->problem;
    const struct sp_settings *s = &pb->settings;
    const struct sp_plan *plan = res->current;
    int n;

    if (!clients)
        clients = &n;
    *clients = 0;
    if (f < 0 || f >= pb->nframeworks || i < -1 || i >= res->nscenarios)
        return -1;
    if (i >= 0) {
        plan = res->scenarios[i].cost ? res->scenarios[i].plan : NULL;
        s = &res->scenarios[i].scenario->settings;
    }
    if (!plan)
        return -1;
    return sp_compliance_count(pb, s, plan, f, clients);
}
