/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Products that stay and capabilities a plan would lose (docs/model.md
 * "Pins" and "Capabilities").
 *
 * A pin is a (client, product) the client runs today and keeps in every
 * plan: the product is essential (catalog), in keep_products, or the pair
 * is in keep_client_products.  Unlike keep_clients, a pin exempts the
 * client from nothing: its coverage and every other constraint still
 * hold.  What a client covers today (by its mapped rows) is what
 * capabilities_lost compares a plan against, and what keep_capabilities
 * adds to R(c).
 */
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

bool sp_scenario_pins(const struct sp_problem *pb,
                      const struct sp_scenario *sc, int c, int p,
                      const char **why)
{
    int i;

    if (sp_current_holding(pb, c, p) < 0)
        return false;
    if (pb->products[p].essential) {
        if (why)
            *why = "essential";
        return true;
    }
    for (i = 0; sc && i < sc->nkeep_products; i++)
        if (sc->keep_products[i] == p) {
            if (why)
                *why = "keep_products";
            return true;
        }
    for (i = 0; sc && i < sc->nkeep_client_products; i++)
        if (sc->keep_client_products[i].client == c &&
            sc->keep_client_products[i].product == p) {
            if (why)
                *why = "keep_client_products";
            return true;
        }
    return false;
}

/* Does a current mapped product of client c cover category k? */
static bool covered_today(const struct sp_problem *pb,
                          const struct sp_client *cl, int k)
{
    int i;

    for (i = 0; i < cl->nholdings; i++) {
        int p = pb->holdings[cl->holdings[i]].product;
        if (p >= 0 && sp_product_covers(&pb->products[p], k))
            return true;
    }
    return false;
}

int sp_plan_client_lost(const struct sp_problem *pb,
                        const struct sp_plan *plan, int c, int *out, int max)
{
    const struct sp_client *cl = &pb->clients[c];
    int k, p, n = 0;

    /* categories in index order, so the list is the same in every run */
    for (k = 0; k < pb->ncategories; k++) {
        bool kept = false;
        if (!covered_today(pb, cl, k))
            continue;
        for (p = 0; p < pb->nproducts && !kept; p++)
            kept = sp_plan_has(plan, c, p) &&
                   sp_product_covers(&pb->products[p], k);
        if (kept)
            continue;
        if (out && n < max)
            out[n] = k;
        n++;
    }
    return n;
}

const int *sp_client_requires_kept(const struct sp_problem *pb,
                                   const struct sp_client *c, const int *base,
                                   int *n)
{
    int i, k, count = 0;

    /* base first, in its order: the model's cover rows follow R(c)'s
     * order, and the settings' own categories keep their place */
    for (i = 0; i < *n; i++)
        c->reqbuf[count++] = base[i];
    for (k = 0; k < pb->ncategories; k++) {
        bool listed = false;
        for (i = 0; i < *n && !listed; i++)
            listed = base[i] == k;
        if (!listed && covered_today(pb, c, k))
            c->reqbuf[count++] = k;
    }
    *n = count;
    return c->reqbuf;
}

bool sp_problem_prepare_pins(struct sp_problem *pb)
{
    int c;

    for (c = 0; c < pb->nclients; c++) {
        free(pb->clients[c].reqbuf);
        pb->clients[c].reqbuf =
            malloc(((size_t)pb->ncategories + 1) * sizeof(int));
        if (!pb->clients[c].reqbuf)
            return false;
    }
    return true;
}
