/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A digest of a loaded problem, written into every JSON result and
 * checked by `stackplan merge` so that shards of one book are never
 * mixed with shards of another.
 */
/* realpath() is an XSI function */
#define _XOPEN_SOURCE 700
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

/* ---- the problem's digest --------------------------------------------- */

/* FNV-1a, 64 bits: not a security measure, a check that two runs read the
 * same data. */
struct digest {
    uint64_t h;
};

static void d_bytes(struct digest *d, const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t i;

    for (i = 0; i < n; i++) {
        d->h ^= b[i];
        d->h *= 0x100000001b3ULL;
    }
}

static void d_int(struct digest *d, long long v)
{
    d_bytes(d, &v, sizeof(v));
}

static void d_num(struct digest *d, double v)
{
    /* -0 and 0 cost the same */
    if (v == 0.0)
        v = 0.0;
    d_bytes(d, &v, sizeof(v));
}

static void d_str(struct digest *d, const char *s)
{
    if (!s) {
        d_int(d, -1);
        return;
    }
    d_int(d, (long long)strlen(s));
    d_bytes(d, s, strlen(s));
}

static void d_ints(struct digest *d, const int *v, int n)
{
    int i;

    d_int(d, n);
    for (i = 0; i < n; i++)
        d_int(d, v[i]);
}

static void d_date(struct digest *d, const struct sp_date *t)
{
    d_int(d, t->year);
    d_int(d, t->month);
    d_int(d, t->day);
}

static void d_settings(struct digest *d, const struct sp_settings *s)
{
    d_num(d, s->horizon_months);
    d_num(d, s->labor_rate);
    d_num(d, s->migration_hours_fixed);
    d_num(d, s->migration_hours_per_unit);
    d_num(d, s->markup);
    d_date(d, &s->start_date);
    d_int(d, s->start_date_given);
    d_ints(d, s->required, s->nrequired);
    d_str(d, s->currency);
    /* only when set, so that digests of "now" files do not change */
    if (s->switch_renewal)
        d_str(d, "switch=renewal");
    d_int(d, s->keep_capabilities);
    d_int(d, s->pricing);
}

static void d_products(struct digest *d, const struct sp_problem *pb)
{
    int p, l;

    d_int(d, pb->nproducts);
    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pr = &pb->products[p];
        d_str(d, pr->id);
        d_str(d, pr->name);
        d_int(d, pr->vendor);
        d_int(d, pr->unit);
        d_num(d, pr->price);
        d_num(d, pr->min_units);
        d_num(d, pr->setup_fee);
        d_num(d, pr->resale_price);
        d_int(d, pr->has_resale_price);
        d_int(d, pr->essential);
        d_ints(d, pr->covers, pr->ncovers);
        d_int(d, pr->ntiers);
        for (l = 0; l < pr->ntiers; l++) {
            d_num(d, pr->tiers[l].min_units);
            d_num(d, pr->tiers[l].price);
        }
    }
}

static void d_clients(struct digest *d, const struct sp_problem *pb)
{
    int c, u, h;

    d_int(d, pb->nclients);
    for (c = 0; c < pb->nclients; c++) {
        const struct sp_client *cl = &pb->clients[c];
        d_str(d, cl->id);
        d_str(d, cl->name);
        for (u = 0; u < SP_UNIT_COUNT; u++)
            d_num(d, cl->count[u]);
        d_ints(d, cl->requires, cl->nrequires);
    }
    d_int(d, pb->nholdings);
    for (h = 0; h < pb->nholdings; h++) {
        const struct sp_holding *ho = &pb->holdings[h];
        d_int(d, ho->client);
        d_int(d, ho->product);
        d_str(d, ho->product_id);
        d_int(d, ho->has_units);
        d_num(d, ho->units);
        d_int(d, ho->has_monthly_cost);
        d_num(d, ho->monthly_cost);
        d_int(d, ho->has_contract_end);
        if (ho->has_contract_end)
            d_date(d, &ho->contract_end);
        d_int(d, ho->has_termination_fee);
        d_num(d, ho->termination_fee);
        d_int(d, ho->has_monthly_price);
        d_num(d, ho->monthly_price);
    }
}

static void d_scenarios(struct digest *d, const struct sp_problem *pb)
{
    int i, k;

    d_int(d, pb->nscenarios);
    for (i = 0; i < pb->nscenarios; i++) {
        const struct sp_scenario *sc = &pb->scenarios[i];
        d_str(d, sc->name);
        d_settings(d, &sc->settings);
        d_int(d, sc->max_vendors);
        d_ints(d, sc->require_vendors, sc->nrequire_vendors);
        d_ints(d, sc->exclude_vendors, sc->nexclude_vendors);
        d_ints(d, sc->exclude_products, sc->nexclude_products);
        d_ints(d, sc->keep_clients, sc->nkeep_clients);
        d_int(d, sc->nprice_changes);
        for (k = 0; k < sc->nprice_changes; k++) {
            d_int(d, sc->price_changes[k].is_vendor);
            d_int(d, sc->price_changes[k].index);
            d_num(d, sc->price_changes[k].fraction);
        }
        d_ints(d, sc->keep_products, sc->nkeep_products);
        d_int(d, sc->nkeep_client_products);
        for (k = 0; k < sc->nkeep_client_products; k++) {
            d_int(d, sc->keep_client_products[k].client);
            d_int(d, sc->keep_client_products[k].product);
        }
    }
}

/* docs/compliance.md: controls, frameworks, guards; nothing when none is
 * used, so the digest of data without them is what it was. */
static void d_compliance(struct digest *d, const struct sp_problem *pb)
{
    bool used = pb->ncontrols > 0;
    int i;

    for (i = 0; i < pb->nscenarios; i++)
        used |= sp_guards_on(&pb->scenarios[i].guards);
    if (!used)
        return;
    d_str(d, "compliance");
    for (i = 0; i < pb->nframeworks; i++) {
        d_str(d, pb->frameworks[i].name);
        d_int(d, pb->frameworks[i].total);
    }
    for (i = 0; i < pb->ncontrols; i++) {
        d_int(d, pb->controls[i].framework);
        d_str(d, pb->controls[i].id);
        d_ints(d, pb->controls[i].categories, pb->controls[i].ncategories);
    }
    for (i = 0; i < pb->nclients; i++)
        d_ints(d, pb->clients[i].frameworks, pb->clients[i].nframeworks);
    d_ints(d, pb->settings.require_frameworks,
           pb->settings.nrequire_frameworks);
    for (i = 0; i < pb->nscenarios; i++) {
        const struct sp_scenario *sc = &pb->scenarios[i];
        int n = sc->guards.ngroups ? sc->guards.group_first[sc->guards.ngroups]
                                   : 0;
        d_ints(d, sc->settings.require_frameworks,
               sc->settings.nrequire_frameworks);
        d_int(d, sc->guards.max_per_vendor);
        d_ints(d, sc->guards.group_first,
               sc->guards.ngroups ? sc->guards.ngroups + 1 : 0);
        d_ints(d, sc->guards.group_cats, n);
    }
}

void sp_problem_digest(const struct sp_problem *pb, char out[17])
{
    struct digest d = {0xcbf29ce484222325ULL};
    int i;

    d_int(&d, pb->ncategories);
    for (i = 0; i < pb->ncategories; i++)
        d_str(&d, pb->categories[i]);
    d_products(&d, pb);
    d_int(&d, pb->nvendors);
    for (i = 0; i < pb->nvendors; i++) {
        d_str(&d, pb->vendors[i].name);
        d_num(&d, pb->vendors[i].monthly_fee);
        d_num(&d, pb->vendors[i].admin_hours);
        d_num(&d, pb->vendors[i].min_commit);
    }
    d_clients(&d, pb);
    d_settings(&d, &pb->settings);
    d_scenarios(&d, pb);
    d_compliance(&d, pb);
    snprintf(out, 17, "%016llx", (unsigned long long)d.h);
}

char *sp_path_absolute(const char *path)
{
    char *abs = realpath(path, NULL);

    return abs ? abs : strdup(path);
}
