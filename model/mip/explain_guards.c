/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Why the compliance requirements and concentration guards of a scenario
 * leave a client no plan (docs/compliance.md), found from the data before
 * any solve, in the words of model/mip/explain.c: a control whose every
 * product is excluded; a category whose every product left is a bundle
 * separate forbids, or covers more than max_categories_per_vendor allows;
 * two categories separate keeps apart whose only vendor left is the same.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

struct text {
    char buf[2048];
    size_t len;
};

static void put(struct text *t, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (t->len + 1 >= sizeof(t->buf))
        return;
    va_start(ap, fmt);
    n = vsnprintf(t->buf + t->len, sizeof(t->buf) - t->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len = t->len + (size_t)n < sizeof(t->buf) ? t->len + (size_t)n
                                                     : sizeof(t->buf) - 1;
}

static bool excluded(const struct sp_problem *pb, const struct sp_scenario *sc,
                     int p)
{
    return sp_in_list(sc->exclude_products, sc->nexclude_products, p) ||
           sp_in_list(sc->exclude_vendors, sc->nexclude_vendors,
                      pb->products[p].vendor);
}

/* A group of separate that p covers two categories of, or -1. */
static int bundle_group(const struct sp_guards *g, const struct sp_product *p)
{
    int gi, k, n;

    for (gi = 0; gi < g->ngroups; gi++) {
        for (n = 0, k = g->group_first[gi]; k < g->group_first[gi + 1]; k++)
            n += sp_product_covers(p, g->group_cats[k]);
        if (n >= 2)
            return gi;
    }
    return -1;
}

/* How many categories of R(c) p covers. */
static int required_covered(const struct sp_product *p, const int *req,
                            int nreq)
{
    int k, n = 0;

    for (k = 0; k < nreq; k++)
        n += sp_product_covers(p, req[k]);
    return n;
}

/* May c choose p at all: not excluded, no bundle separate forbids, not
 * over max_categories_per_vendor by itself. */
static bool usable(const struct sp_problem *pb, const struct sp_scenario *sc,
                   int p, const int *req, int nreq)
{
    const struct sp_guards *g = &sc->guards;

    return !excluded(pb, sc, p) && bundle_group(g, &pb->products[p]) < 0 &&
           (g->max_per_vendor <= 0 ||
            required_covered(&pb->products[p], req, nreq) <=
                g->max_per_vendor);
}

bool sp_explain_guard_forbids(const struct sp_problem *pb,
                              const struct sp_scenario *sc, int p,
                              const int *req, int nreq)
{
    const struct sp_guards *g = &sc->guards;

    return bundle_group(g, &pb->products[p]) >= 0 ||
           (g->max_per_vendor > 0 &&
            required_covered(&pb->products[p], req, nreq) > g->max_per_vendor);
}

static const char *group_text(const struct sp_problem *pb,
                              const struct sp_guards *g, int gi, char *buf,
                              size_t size)
{
    size_t len = 0;
    int k;

    buf[0] = '\0';
    for (k = g->group_first[gi]; k < g->group_first[gi + 1] && len < size; k++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                k > g->group_first[gi] ? ", " : "",
                                pb->categories[g->group_cats[k]]);
    return buf;
}

/* Why no product left meets need (a category k >= 0, or control i):
 * each product that covers it and why c cannot have it. */
static void why_none(struct text *t, const struct sp_problem *pb,
                     const struct sp_scenario *sc, int k, int i,
                     const int *req, int nreq)
{
    const struct sp_guards *g = &sc->guards;
    char grp[256];
    int p, listed = 0;

    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pr = &pb->products[p];
        int gi;
        if (k >= 0 ? !sp_product_covers(pr, k) : !sp_control_met_by(pb, i, p))
            continue;
        put(t, "%s%s", listed++ ? ", " : " ", pr->id);
        gi = bundle_group(g, pr);
        if (sp_in_list(sc->exclude_products, sc->nexclude_products, p))
            put(t, " (exclude_products)");
        else if (excluded(pb, sc, p))
            put(t, " (vendor %s in exclude_vendors)",
                pb->vendors[pr->vendor].name);
        else if (gi >= 0)
            put(t, " (a bundle of %s, which separate keeps apart)",
                group_text(pb, g, gi, grp, sizeof(grp)));
        else
            put(t,
                " (covers %d of its required categories, "
                "max_categories_per_vendor is %d)",
                required_covered(pr, req, nreq), g->max_per_vendor);
    }
}

/* The vendor of every usable product covering k that covers no other
 * category of group gi, when there is exactly one such vendor; -1 when
 * there are none or several; -2 when there is none at all. */
static int sole_vendor(const struct sp_problem *pb,
                       const struct sp_scenario *sc, int k, const int *req,
                       int nreq)
{
    int p, v = -2;

    for (p = 0; p < pb->nproducts; p++) {
        if (!sp_product_covers(&pb->products[p], k) ||
            !usable(pb, sc, p, req, nreq))
            continue;
        if (v == -2)
            v = pb->products[p].vendor;
        else if (v != pb->products[p].vendor)
            return -1;
    }
    return v;
}

/* A pin (essential, keep_products, keep_client_products) is exempt from
 * no guard (docs/model.md "Pins"): the products client c must keep that,
 * by themselves, give one vendor two categories of a separate group or
 * more of R(c) than max_categories_per_vendor. */
static bool pins_break(struct text *t, const struct sp_problem *pb,
                       const struct sp_scenario *sc, int c, const int *req,
                       int nreq)
{
    const struct sp_guards *g = &sc->guards;
    const char *cid = pb->clients[c].id, *why;
    char grp[256];
    unsigned char *cov = malloc((size_t)pb->ncategories + 1);
    int v, p, gi, k, n, listed;

    for (v = 0; cov && v < pb->nvendors; v++) {
        int first = -1, second = -1, group = -1;
        memset(cov, 0, (size_t)pb->ncategories);
        for (p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == v &&
                sp_scenario_pins(pb, sc, c, p, NULL))
                for (k = 0; k < pb->products[p].ncovers; k++)
                    cov[pb->products[p].covers[k]] = 1;
        for (gi = 0; gi < g->ngroups && second < 0; gi++) {
            first = -1;
            for (k = g->group_first[gi]; k < g->group_first[gi + 1]; k++)
                if (cov[g->group_cats[k]]) {
                    if (first < 0)
                        first = g->group_cats[k];
                    else if (second < 0)
                        second = g->group_cats[k];
                }
            group = gi;
        }
        for (n = 0, k = 0; k < nreq; k++)
            n += cov[req[k]];
        if (second < 0 && (g->max_per_vendor <= 0 || n <= g->max_per_vendor))
            continue;
        put(t, "client %s must keep", cid);
        for (listed = 0, p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == v &&
                sp_scenario_pins(pb, sc, c, p, &why))
                put(t, "%s %s (%s)", listed++ ? "," : "", pb->products[p].id,
                    why);
        if (second >= 0)
            put(t,
                ", so vendor %s covers both '%s' and '%s', which separate "
                "keeps apart (%s)",
                pb->vendors[v].name, pb->categories[first],
                pb->categories[second],
                group_text(pb, g, group, grp, sizeof(grp)));
        else
            put(t,
                ", so vendor %s covers %d of its required categories, "
                "max_categories_per_vendor is %d",
                pb->vendors[v].name, n, g->max_per_vendor);
        free(cov);
        return true;
    }
    free(cov);
    return false;
}

static char *for_client(const struct sp_problem *pb,
                        const struct sp_scenario *sc, int c)
{
    const struct sp_guards *g = &sc->guards;
    const char *cid = pb->clients[c].id;
    struct text t;
    const int *req;
    int nreq, k, i, p, gi, a, b;

    t.len = 0;
    t.buf[0] = '\0';
    req = sp_client_requires(pb, &pb->clients[c], &sc->settings, &nreq);
    /* a required category whose products are all forbidden by a guard
     * (exclusions alone: model/mip/explain.c says so first) */
    for (k = 0; k < nreq && sp_guards_on(g); k++) {
        for (p = 0; p < pb->nproducts; p++)
            if (sp_product_covers(&pb->products[p], req[k]) &&
                usable(pb, sc, p, req, nreq))
                break;
        if (p < pb->nproducts)
            continue;
        put(&t,
            "client %s requires '%s' but every product covering it is "
            "excluded or breaks a guard:",
            cid, pb->categories[req[k]]);
        why_none(&t, pb, sc, req[k], -1, req, nreq);
        return strdup(t.buf);
    }
    /* a control of its frameworks no product left meets */
    for (i = 0; i < pb->ncontrols; i++) {
        const struct sp_control *ct = &pb->controls[i];
        if (!sp_client_has_framework(pb, &sc->settings, c, ct->framework))
            continue;
        for (p = 0; p < pb->nproducts; p++)
            if (sp_control_met_by(pb, i, p) && usable(pb, sc, p, req, nreq))
                break;
        if (p < pb->nproducts)
            continue;
        put(&t,
            "client %s must meet control %s (%s) of %s but every product "
            "covering %s is excluded%s:",
            cid, ct->id, ct->title, pb->frameworks[ct->framework].label,
            ct->covers_text, sp_guards_on(g) ? " or breaks a guard" : "");
        why_none(&t, pb, sc, -1, i, req, nreq);
        return strdup(t.buf);
    }
    /* two categories separate keeps apart, both left to one vendor */
    for (gi = 0; gi < g->ngroups; gi++)
        for (a = g->group_first[gi]; a < g->group_first[gi + 1]; a++)
            for (b = g->group_first[gi]; b < g->group_first[gi + 1]; b++) {
                int ka = g->group_cats[a], kb = g->group_cats[b], va, vb;
                if (a == b || !sp_in_list(req, nreq, ka) ||
                    !sp_in_list(req, nreq, kb))
                    continue;
                va = sole_vendor(pb, sc, ka, req, nreq);
                vb = sole_vendor(pb, sc, kb, req, nreq);
                if (va < 0 || va != vb)
                    continue;
                put(&t,
                    "client %s: every %s product left after exclusions is "
                    "from %s, which also covers its %s (no other vendor is "
                    "left for it), and separate keeps %s and %s apart",
                    cid, pb->categories[ka], pb->vendors[va].name,
                    pb->categories[kb],
                    pb->categories[g->group_cats[a < b ? a : b]],
                    pb->categories[g->group_cats[a < b ? b : a]]);
                return strdup(t.buf);
            }
    return NULL;
}

char *sp_explain_guards(const struct sp_problem *pb,
                        const struct sp_scenario *sc, bool proved)
{
    char *why = NULL;
    int c;

    (void)proved;
    /* a pin that breaks a guard first: the user's own choice, named */
    for (c = 0; c < pb->nclients && sp_guards_on(&sc->guards); c++) {
        const int *req;
        struct text t;
        int nreq;
        if (sp_in_list(sc->keep_clients, sc->nkeep_clients, c))
            continue;
        t.len = 0;
        t.buf[0] = '\0';
        req = sp_client_requires(pb, &pb->clients[c], &sc->settings, &nreq);
        if (pins_break(&t, pb, sc, c, req, nreq))
            return strdup(t.buf);
    }
    for (c = 0; c < pb->nclients && !why; c++)
        if (!sp_in_list(sc->keep_clients, sc->nkeep_clients, c))
            why = for_client(pb, sc, c);
    return why;
}
