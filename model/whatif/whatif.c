/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What-if analysis over the model: what the frontier (model/whatif/frontier.c)
 * and break-even prices (model/whatif/breakeven.c) share -- scenarios built
 * from a starting one, and solving them.
 *
 * Every what-if figure is an ordinary scenario solve (sp_solve_one) on
 * a scenario built from a starting one, so each plan is verified and
 * costed by the independent rules like any other.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "whatif_int.h"

/* The starting point: the named scenario, or the file's settings with no
 * constraint (named "file settings" in progress messages). */
enum sp_status sp_whatif_base(const struct sp_problem *pb, const char *name,
                              struct sp_scenario *out, char *err,
                              size_t errsize)
{
    struct sp_scenario none;
    int i;

    if (!name) {
        memset(&none, 0, sizeof(none));
        none.name = "file settings";
        none.settings = pb->settings;
        none.max_vendors = -1;
        return sp_scenario_copy(out, &none) ? SP_OK : SP_ERR_NOMEM;
    }
    for (i = 0; i < pb->nscenarios; i++)
        if (strcmp(pb->scenarios[i].name, name) == 0)
            return sp_scenario_copy(out, &pb->scenarios[i]) ? SP_OK
                                                            : SP_ERR_NOMEM;
    memset(out, 0, sizeof(*out));
    snprintf(err, errsize, "no scenario named '%s' in the scenarios file",
             name);
    return SP_ERR_USAGE;
}

/* A copy of base renamed (printf-style) for progress messages. */
bool sp_whatif_variant(struct sp_scenario *out, const struct sp_scenario *base,
                       const char *fmt, const char *a, double x)
{
    char name[512];

    if (!sp_scenario_copy(out, base))
        return false;
    snprintf(name, sizeof(name), fmt, a, x);
    free(out->name);
    out->name = strdup(name);
    if (!out->name) {
        sp_scenario_clear(out);
        return false;
    }
    return true;
}

/* ---- solving ---------------------------------------------------------- */

enum sp_status sp_wctx_init(struct sp_wctx *w, const struct sp_problem *pb,
                            const struct sp_solve_options *options, char *err,
                            size_t errsize)
{
    memset(w, 0, sizeof(*w));
    w->pb = pb;
    w->err = err;
    w->errsize = errsize;
    if (options)
        w->opt = *options;
    /* Model files would be overwritten by every step; shards do not
     * apply to one scenario. */
    w->opt.write_lp = w->opt.write_mps = NULL;
    w->opt.shard_index = w->opt.shard_count = 0;
    w->current = sp_plan_current(pb);
    return w->current ? SP_OK : SP_ERR_NOMEM;
}

void sp_wplan_clear(struct sp_wplan *w)
{
    sp_plan_free(w->plan);
    sp_costing_free(w->cost);
    free(w->names);
    memset(w, 0, sizeof(*w));
}

void sp_outcome_clear(struct sp_outcome *o)
{
    free(o->reason);
    sp_wplan_clear(&o->w);
    memset(o, 0, sizeof(*o));
}

bool sp_outcome_has_plan(const struct sp_outcome *o)
{
    return o->status != SP_PLAN_INFEASIBLE && o->w.plan && o->w.cost;
}

enum sp_status sp_whatif_solve(struct sp_wctx *w, const struct sp_scenario *sc,
                               struct sp_outcome *o)
{
    struct sp_scenario_result r;
    enum sp_status st;
    int v;

    memset(o, 0, sizeof(*o));
    st = sp_solve_one(w->pb, sc, w->current, &w->opt, &r, w->err, w->errsize);
    if (st != SP_OK)
        return st;
    o->status = r.status;
    o->gap = r.gap;
    o->bound = r.bound;
    /* sp_solve_one reports only while it searches: one line per step */
    if (w->opt.progress) {
        struct sp_progress p;
        memset(&p, 0, sizeof(p));
        p.index = w->steps++;
        p.scenario = sc->name;
        p.incumbent = r.cost ? r.cost->total : HUGE_VAL;
        p.bound = r.cost ? r.bound : -HUGE_VAL;
        p.seconds = r.solve_seconds;
        p.done = 1;
        p.status = sp_plan_status_name(r.status);
        w->opt.progress(&p, w->opt.progress_user);
    }
    o->reason = r.reason;
    o->w.plan = r.plan;
    o->w.cost = r.cost;
    r.reason = NULL;
    r.plan = NULL;
    r.cost = NULL;
    sp_scenario_result_clear(&r);
    if (!sp_outcome_has_plan(o))
        return SP_OK;
    o->w.names = malloc(((size_t)w->pb->nvendors + 1) * sizeof(char *));
    if (!o->w.names) {
        sp_outcome_clear(o);
        return SP_ERR_NOMEM;
    }
    for (v = 0; v < w->pb->nvendors; v++)
        if (o->w.plan->kept[v])
            o->w.names[o->w.nnames++] = w->pb->vendors[v].name;
    return SP_OK;
}
