/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Scenarios as values: deep copies and release, for the what-if layer
 * (variants of a starting scenario) and the sweep reader (one scenario
 * per swept value).
 */
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

static bool dup_ints(int **dst, int *n, const int *src, int count)
{
    *dst = NULL;
    *n = 0;
    if (count <= 0)
        return true;
    *dst = malloc((size_t)count * sizeof(int));
    if (!*dst)
        return false;
    memcpy(*dst, src, (size_t)count * sizeof(int));
    *n = count;
    return true;
}

void sp_scenario_clear(struct sp_scenario *sc)
{
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
    memset(sc, 0, sizeof(*sc));
}

bool sp_scenario_copy(struct sp_scenario *dst, const struct sp_scenario *src)
{
    bool ok;

    memset(dst, 0, sizeof(*dst));
    dst->max_vendors = src->max_vendors;
    dst->line = src->line;
    dst->ineligible = src->ineligible;
    ok = sp_settings_copy(&dst->settings, &src->settings);
    ok = ok && sp_guards_copy(&dst->guards, &src->guards);
    if (ok && src->name) {
        dst->name = strdup(src->name);
        ok = dst->name != NULL;
    }
    ok = ok && dup_ints(&dst->require_vendors, &dst->nrequire_vendors,
                        src->require_vendors, src->nrequire_vendors);
    ok = ok && dup_ints(&dst->exclude_vendors, &dst->nexclude_vendors,
                        src->exclude_vendors, src->nexclude_vendors);
    ok = ok && dup_ints(&dst->exclude_products, &dst->nexclude_products,
                        src->exclude_products, src->nexclude_products);
    ok = ok && dup_ints(&dst->keep_clients, &dst->nkeep_clients,
                        src->keep_clients, src->nkeep_clients);
    if (ok && src->nprice_changes > 0) {
        dst->price_changes =
            malloc((size_t)src->nprice_changes * sizeof(*src->price_changes));
        ok = dst->price_changes != NULL;
        if (ok) {
            memcpy(dst->price_changes, src->price_changes,
                   (size_t)src->nprice_changes * sizeof(*src->price_changes));
            dst->nprice_changes = src->nprice_changes;
        }
    }
    ok = ok && dup_ints(&dst->keep_products, &dst->nkeep_products,
                        src->keep_products, src->nkeep_products);
    if (ok && src->nkeep_client_products > 0) {
        size_t size = (size_t)src->nkeep_client_products *
                      sizeof(*src->keep_client_products);
        dst->keep_client_products = malloc(size);
        ok = dst->keep_client_products != NULL;
        if (ok) {
            memcpy(dst->keep_client_products, src->keep_client_products, size);
            dst->nkeep_client_products = src->nkeep_client_products;
        }
    }
    if (!ok)
        sp_scenario_clear(dst);
    return ok;
}
