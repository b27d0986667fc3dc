/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assignments: which products each client runs. */
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

struct sp_plan *sp_plan_new(const struct sp_problem *pb)
{
    struct sp_plan *pl = calloc(1, sizeof(*pl));

    if (!pl)
        return NULL;
    pl->nclients = pb->nclients;
    pl->nproducts = pb->nproducts;
    pl->nvendors = pb->nvendors;
    pl->x = calloc((size_t)pb->nclients * (size_t)pb->nproducts + 1, 1);
    pl->kept = calloc((size_t)pb->nvendors + 1, 1);
    if (!pl->x || !pl->kept) {
        sp_plan_free(pl);
        return NULL;
    }
    return pl;
}

void sp_plan_free(struct sp_plan *pl)
{
    if (!pl)
        return;
    free(pl->x);
    free(pl->kept);
    free(pl);
}

struct sp_plan *sp_plan_current(const struct sp_problem *pb)
{
    struct sp_plan *pl = sp_plan_new(pb);
    int i;

    if (!pl)
        return NULL;
    for (i = 0; i < pb->nholdings; i++) {
        const struct sp_holding *h = &pb->holdings[i];
        if (h->product < 0)
            continue; /* unmapped: the model ignores it */
        pl->x[(size_t)h->client * (size_t)pb->nproducts + (size_t)h->product] =
            1;
        pl->kept[pb->products[h->product].vendor] = 1;
    }
    return pl;
}

int sp_current_holding(const struct sp_problem *pb, int c, int p)
{
    const struct sp_client *cl = &pb->clients[c];
    int i;

    for (i = 0; i < cl->nholdings; i++)
        if (pb->holdings[cl->holdings[i]].product == p)
            return cl->holdings[i];
    return -1;
}

int sp_plan_client_gaps(const struct sp_problem *pb,
                        const struct sp_settings *s,
                        const struct sp_plan *plan, int c, int *out, int max)
{
    int n, i, p, missing = 0;
    const int *req = sp_client_requires(pb, &pb->clients[c], s, &n);

    for (i = 0; i < n; i++) {
        bool covered = false;
        for (p = 0; p < pb->nproducts && !covered; p++)
            covered = sp_plan_has(plan, c, p) &&
                      sp_product_covers(&pb->products[p], req[i]);
        if (!covered) {
            if (out && missing < max)
                out[missing] = req[i];
            missing++;
        }
    }
    return missing;
}

const char *sp_plan_status_name(enum sp_plan_status s)
{
    switch (s) {
    case SP_PLAN_OPTIMAL:
        return "optimal";
    case SP_PLAN_FEASIBLE:
        return "feasible";
    case SP_PLAN_TIME_LIMIT:
        return "time_limit";
    case SP_PLAN_INFEASIBLE:
        return "infeasible";
    }
    return "infeasible";
}
