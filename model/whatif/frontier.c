/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The consolidation frontier: the least total cost for every vendor
 * count, each point a plan solved by sp_solve_one, with as few solves as
 * the proofs allow (see sp_frontier_compute in stackplan/whatif.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "whatif_int.h"

/* ---- the frontier ----------------------------------------------------- */

/* A point before it is made public: which plan, and how it was proven. */
struct slot {
    bool set;
    int plan;
    enum sp_plan_status status;
    double gap, bound;
    bool solved;
};

/* Moves o's plan into f->plans; returns its index, -1 when out of
 * memory. */
static int keep_plan(struct sp_frontier *f, struct sp_outcome *o)
{
    struct sp_wplan *grown =
        realloc(f->plans, ((size_t)f->nplans + 1) * sizeof(*grown));

    if (!grown)
        return -1;
    f->plans = grown;
    f->plans[f->nplans] = o->w;
    memset(&o->w, 0, sizeof(o->w));
    return f->nplans++;
}

static void slot_set(struct slot *s, int plan, const struct sp_outcome *o,
                     bool solved)
{
    s->set = true;
    s->plan = plan;
    s->status = o->status;
    s->gap = o->gap;
    s->bound = o->bound;
    s->solved = solved;
}

/* Solves the limit k into slot s; *kept = the vendors its plan keeps, or
 * -1 when k is infeasible (o->reason then holds why). */
static enum sp_status solve_limit(struct sp_wctx *w, struct sp_frontier *f,
                                  int k, struct slot *s, struct sp_outcome *o,
                                  int *kept)
{
    struct sp_scenario sc;
    enum sp_status st;
    int idx;

    *kept = -1;
    memset(o, 0, sizeof(*o));
    if (!sp_whatif_variant(&sc, &f->base, "%s, at most %.0f vendors",
                           f->base.name, (double)k))
        return SP_ERR_NOMEM;
    sc.max_vendors = k;
    st = sp_whatif_solve(w, &sc, o);
    sp_scenario_clear(&sc);
    if (st != SP_OK || !sp_outcome_has_plan(o))
        return st;
    *kept = o->w.nnames;
    idx = keep_plan(f, o);
    if (idx < 0)
        return SP_ERR_NOMEM;
    slot_set(s, idx, o, true);
    return SP_OK;
}

/* Walks k down from the unconstrained count: each proven plan also
 * settles every smaller limit down to its own vendor count. */
static enum sp_status walk_down(struct sp_wctx *w, struct sp_frontier *f,
                                struct slot *slots, int from)
{
    struct sp_outcome o;
    enum sp_status st = SP_OK;
    int k = from, kept, j;

    while (k >= 1) {
        st = solve_limit(w, f, k, &slots[k], &o, &kept);
        if (st != SP_OK)
            break;
        if (kept < 0) {
            f->below_reason = o.reason;
            o.reason = NULL;
            sp_outcome_clear(&o);
            break;
        }
        if (o.status == SP_PLAN_OPTIMAL) {
            for (j = kept; j < k; j++)
                slot_set(&slots[j], slots[k].plan, &o, false);
            k = kept - 1;
        } else {
            k--;
        }
        sp_outcome_clear(&o);
    }
    return st;
}

/* Public points from the slots kmin..kmax and the unconstrained one, made
 * non-increasing in cost (a plan for k vendors is feasible for more). */
static enum sp_status make_points(struct sp_frontier *f,
                                  const struct slot *slots, int kmin, int kmax,
                                  const struct slot *unlimited)
{
    int n = kmax - kmin + 2, i;
    struct slot *s = calloc((size_t)n, sizeof(*s));

    f->points = calloc((size_t)n, sizeof(*f->points));
    f->point_plan = calloc((size_t)n, sizeof(int));
    f->point_bound = calloc((size_t)n, sizeof(double));
    if (!s || !f->points || !f->point_plan || !f->point_bound) {
        free(s);
        return SP_ERR_NOMEM;
    }
    for (i = 0; i < n - 1; i++)
        s[i] = slots[kmin + i];
    s[n - 1] = *unlimited;
    for (i = 1; i < n; i++) {
        const struct sp_costing *prev = f->plans[s[i - 1].plan].cost;
        const struct sp_costing *cur = f->plans[s[i].plan].cost;
        if (cur->total > prev->total) {
            /* the cheaper plan, under this point's own bound */
            s[i].plan = s[i - 1].plan;
            s[i].gap =
                prev->total > 0
                    ? fmax(0.0, (prev->total - s[i].bound) / prev->total)
                    : 0.0;
            s[i].solved = false;
        }
    }
    for (i = 0; i < n; i++) {
        struct sp_frontier_point *p = &f->points[i];
        const struct sp_wplan *wp = &f->plans[s[i].plan];
        p->max_vendors = i < n - 1 ? kmin + i : -1;
        p->status = sp_plan_status_name(s[i].status);
        p->total_cost = wp->cost->total;
        p->monthly_run_rate = wp->cost->monthly_run_rate;
        p->gap = s[i].gap;
        p->nvendors = wp->nnames;
        p->vendors = wp->names;
        p->solved = s[i].solved;
        f->point_plan[i] = s[i].plan;
        f->point_bound[i] = s[i].bound;
    }
    f->npoints = n;
    free(s);
    return SP_OK;
}

/* The current stack under the frontier's settings and prices. */
static enum sp_status frontier_baseline(struct sp_frontier *f,
                                        const struct sp_wctx *w)
{
    struct sp_costing *k = sp_cost_plan(f->pb, &f->base, w->current);
    int v;

    if (!k)
        return SP_ERR_NOMEM;
    f->baseline_total = k->total;
    f->baseline_run_rate = k->monthly_run_rate;
    for (v = 0; v < f->pb->nvendors; v++)
        f->baseline_vendors += w->current->kept[v];
    sp_costing_free(k);
    return SP_OK;
}

enum sp_status sp_frontier_compute(const sp_problem *pb, const char *scenario,
                                   const struct sp_solve_options *options,
                                   sp_frontier **out, char *err,
                                   size_t errsize)
{
    struct sp_frontier *f = calloc(1, sizeof(*f));
    struct sp_wctx w;
    struct sp_outcome u;
    struct slot unlimited, *slots = NULL;
    enum sp_status st;
    int kstar, kmax, kmin, k, idx;

    memset(&w, 0, sizeof(w));
    memset(&u, 0, sizeof(u));
    memset(&unlimited, 0, sizeof(unlimited));
    *out = NULL;
    if (err && errsize)
        err[0] = '\0';
    st = SP_ERR_NOMEM;
    if (!f)
        goto cleanup;
    f->pb = pb;
    f->infeasible_below = -1;
    if (scenario) {
        f->scenario = strdup(scenario);
        if (!f->scenario)
            goto cleanup;
    }
    st = sp_whatif_base(pb, scenario, &f->base, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    f->base.max_vendors = -1;
    st = sp_wctx_init(&w, pb, options, err, errsize);
    if (st == SP_OK)
        st = frontier_baseline(f, &w);
    if (st == SP_OK)
        st = sp_whatif_solve(&w, &f->base, &u);
    if (st != SP_OK)
        goto cleanup;
    if (!sp_outcome_has_plan(&u)) {
        f->reason = u.reason ? u.reason : strdup("no feasible plan");
        u.reason = NULL;
        st = f->reason ? SP_OK : SP_ERR_NOMEM;
        goto cleanup_ok;
    }

    kstar = u.w.nnames;
    kmax = kstar > f->baseline_vendors ? kstar : f->baseline_vendors;
    slots = calloc((size_t)kmax + 1, sizeof(*slots));
    idx = keep_plan(f, &u);
    st = SP_ERR_NOMEM;
    if (!slots || idx < 0)
        goto cleanup;
    slot_set(&unlimited, idx, &u, true);
    st = SP_OK;
    for (k = kstar; k <= kmax && st == SP_OK; k++) {
        struct sp_outcome o;
        int kept;
        if (u.status == SP_PLAN_OPTIMAL) {
            /* proven: a looser limit cannot do better */
            slot_set(&slots[k], idx, &u, false);
            continue;
        }
        st = solve_limit(&w, f, k, &slots[k], &o, &kept);
        sp_outcome_clear(&o);
    }
    if (st == SP_OK)
        st = walk_down(&w, f, slots, kstar - 1);
    if (st != SP_OK)
        goto cleanup;
    /* Only a time limit that found no plan leaves a limit unset: a plan
     * for fewer vendors, or the unconstrained one, stands in. */
    for (k = kstar; k <= kmax; k++)
        if (!slots[k].set) {
            slots[k] = k > 0 && slots[k - 1].set ? slots[k - 1] : unlimited;
            slots[k].solved = false;
        }
    for (kmin = kmax; kmin > 0 && slots[kmin - 1].set; kmin--)
        ;
    f->infeasible_below = kmin;
    st = make_points(f, slots, kmin, kmax, &unlimited);
    if (st != SP_OK)
        goto cleanup;

cleanup_ok:
    *out = f;
    f = NULL;
cleanup:
    if (st == SP_ERR_NOMEM && err && errsize && !err[0])
        snprintf(err, errsize, "%s", sp_strerror(st));
    free(slots);
    sp_outcome_clear(&u);
    sp_plan_free(w.current);
    sp_frontier_free(f);
    return st;
}

void sp_frontier_free(sp_frontier *f)
{
    int i;

    if (!f)
        return;
    for (i = 0; i < f->nplans; i++)
        sp_wplan_clear(&f->plans[i]);
    free(f->plans);
    free(f->points);
    free(f->point_plan);
    free(f->point_bound);
    sp_scenario_clear(&f->base);
    free(f->scenario);
    free(f->below_reason);
    free(f->reason);
    free(f);
}

const char *sp_frontier_scenario(const sp_frontier *f)
{
    return f->scenario;
}

int sp_frontier_count(const sp_frontier *f)
{
    return f->npoints;
}

const struct sp_frontier_point *sp_frontier_get(const sp_frontier *f, int i)
{
    return i >= 0 && i < f->npoints ? &f->points[i] : NULL;
}

int sp_frontier_infeasible_below(const sp_frontier *f)
{
    return f->infeasible_below;
}

const char *sp_frontier_reason(const sp_frontier *f)
{
    return f->reason;
}

int sp_frontier_baseline_vendors(const sp_frontier *f)
{
    return f->baseline_vendors;
}

double sp_frontier_baseline_total(const sp_frontier *f)
{
    return f->baseline_total;
}
