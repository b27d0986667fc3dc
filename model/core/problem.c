/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The problem's lifetime and look-ups. */
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

void sp_settings_clear(struct sp_settings *s)
{
    free(s->required);
    s->required = NULL;
    s->nrequired = 0;
    free(s->require_frameworks);
    s->require_frameworks = NULL;
    s->nrequire_frameworks = 0;
}

bool sp_settings_copy(struct sp_settings *dst, const struct sp_settings *src)
{
    *dst = *src;
    dst->required = NULL;
    if (src->nrequired > 0) {
        dst->required = malloc((size_t)src->nrequired * sizeof(int));
        if (!dst->required) {
            dst->nrequired = 0;
            return false;
        }
        memcpy(dst->required, src->required,
               (size_t)src->nrequired * sizeof(int));
    }
    dst->require_frameworks = NULL;
    if (src->nrequire_frameworks > 0) {
        dst->require_frameworks =
            malloc((size_t)src->nrequire_frameworks * sizeof(int));
        if (!dst->require_frameworks) {
            sp_settings_clear(dst);
            return false;
        }
        memcpy(dst->require_frameworks, src->require_frameworks,
               (size_t)src->nrequire_frameworks * sizeof(int));
    }
    return true;
}

void sp_problem_free(sp_problem *pb)
{
    int i, k;

    if (!pb)
        return;
    for (i = 0; i < pb->ncategories; i++)
        free(pb->categories[i]);
    free(pb->categories);
    for (i = 0; i < pb->nproducts; i++) {
        free(pb->products[i].id);
        free(pb->products[i].name);
        free(pb->products[i].covers);
        free(pb->products[i].tiers);
        for (k = 0; k < pb->products[i].naliases; k++)
            free(pb->products[i].aliases[k]);
        free(pb->products[i].aliases);
    }
    free(pb->products);
    for (i = 0; i < pb->nvendors; i++)
        free(pb->vendors[i].name);
    free(pb->vendors);
    for (i = 0; i < pb->nclients; i++) {
        free(pb->clients[i].id);
        free(pb->clients[i].name);
        free(pb->clients[i].requires);
        if (!pb->holdings_block)
            free(pb->clients[i].holdings);
        free(pb->clients[i].reqbuf);
        free(pb->clients[i].frameworks);
    }
    free(pb->holdings_block);
    free(pb->clients);
    for (i = 0; i < pb->nholdings; i++)
        free(pb->holdings[i].product_id);
    free(pb->holdings);
    sp_settings_clear(&pb->settings);
    for (i = 0; i < pb->nscenarios; i++) {
        struct sp_scenario *sc = &pb->scenarios[i];
        free(sc->name);
        sp_settings_clear(&sc->settings);
        free(sc->require_vendors);
        free(sc->exclude_vendors);
        free(sc->exclude_products);
        free(sc->keep_clients);
        free(sc->price_changes);
        free(sc->keep_products);
        free(sc->keep_client_products);
        sp_guards_clear(&sc->guards);
    }
    free(pb->scenarios);
    for (i = 0; i < pb->ncontrols; i++) {
        free(pb->controls[i].id);
        free(pb->controls[i].title);
        free(pb->controls[i].categories);
        free(pb->controls[i].covers_text);
    }
    free(pb->controls);
    for (i = 0; i < pb->nframeworks; i++) {
        free(pb->frameworks[i].name);
        free(pb->frameworks[i].label);
    }
    free(pb->frameworks);
    free(pb->controls_file);
    free(pb->controls_path);
    free(pb->dir);
    free(pb->scenarios_path);
    free(pb);
}

const int *sp_client_requires(const struct sp_problem *pb,
                              const struct sp_client *c,
                              const struct sp_settings *s, int *n)
{
    const int *base = c->nrequires > 0 ? c->requires : s->required;
    int nbase = c->nrequires > 0 ? c->nrequires : s->nrequired;

    *n = nbase;
    /* keep_capabilities: R(c) also holds every category c covers today
     * (docs/model.md "Capabilities"); reqbuf is the client's own, so the
     * list returned stays valid until the next call for this client */
    if (s->keep_capabilities && c->reqbuf)
        return sp_client_requires_kept(pb, c, base, n);
    return base;
}

/* Linear look-ups: used while importing and for scenario names, never in
 * the solver's loops. */
int sp_problem_find_product(const struct sp_problem *pb, const char *id)
{
    int i;
    for (i = 0; i < pb->nproducts; i++)
        if (strcmp(pb->products[i].id, id) == 0)
            return i;
    return -1;
}

int sp_problem_find_vendor(const struct sp_problem *pb, const char *name)
{
    int i;
    for (i = 0; i < pb->nvendors; i++)
        if (strcmp(pb->vendors[i].name, name) == 0)
            return i;
    return -1;
}

int sp_problem_find_client(const struct sp_problem *pb, const char *id)
{
    int i;
    for (i = 0; i < pb->nclients; i++)
        if (strcmp(pb->clients[i].id, id) == 0)
            return i;
    return -1;
}

int sp_problem_find_category(const struct sp_problem *pb, const char *norm)
{
    int i;
    for (i = 0; i < pb->ncategories; i++)
        if (strcmp(pb->categories[i], norm) == 0)
            return i;
    return -1;
}

bool sp_product_covers(const struct sp_product *p, int k)
{
    int i;
    for (i = 0; i < p->ncovers; i++)
        if (p->covers[i] == k)
            return true;
    return false;
}

int sp_problem_has_client(const sp_problem *pb, const char *id)
{
    return sp_problem_find_client(pb, id) >= 0;
}

int sp_problem_has_scenario(const sp_problem *pb, const char *name)
{
    int i;
    for (i = 0; i < pb->nscenarios; i++)
        if (strcmp(pb->scenarios[i].name, name) == 0)
            return 1;
    return 0;
}

void sp_problem_summary(const sp_problem *pb, struct sp_summary *out)
{
    struct sp_plan *cur;
    int i, c;

    memset(out, 0, sizeof(*out));
    out->clients = pb->nclients;
    out->products = pb->nproducts;
    out->vendors = pb->nvendors;
    out->categories = pb->ncategories;
    out->scenarios = pb->nscenarios;
    out->holdings = pb->nholdings;
    for (i = 0; i < pb->nholdings; i++)
        out->unmapped += pb->holdings[i].product < 0;
    sp_date_format(&pb->settings.start_date, out->start_date);
    out->start_date_given = pb->settings.start_date_given;
    out->migration_free = pb->settings.labor_rate == 0 ||
                          (pb->settings.migration_hours_fixed == 0 &&
                           pb->settings.migration_hours_per_unit == 0);
    cur = sp_plan_current(pb);
    if (!cur)
        return;
    for (i = 0; i < pb->nvendors; i++)
        out->vendors_in_use += cur->kept[i];
    for (c = 0; c < pb->nclients; c++)
        out->clients_with_gaps +=
            sp_plan_client_gaps(pb, &pb->settings, cur, c, NULL, 0) > 0;
    sp_plan_free(cur);
}

bool sp_in_list(const int *list, int n, int v)
{
    int i;

    for (i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
}
