/*
 * What-if analysis over the model: the consolidation frontier, break-even
 * prices and vendor value.
 *
 * Everything here is a sequence of ordinary scenario solves
 * (sp_solve_one) on scenarios built from a starting one: each plan is
 * verified and costed by the independent rules like any other.  A MIP has
 * no meaningful dual prices, so a break-even price is found by bisection
 * with exact solves rather than read off a sensitivity report.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "whatif_int.h"

#define DEFAULT_MAX_RISE 3.0
#define DEFAULT_PRECISION 0.001
/* Relative slack of a proven optimum (solve.c OPTIMAL_GAP). */
#define OPTIMAL_SLACK 1e-6

/* ---- scenarios -------------------------------------------------------- */

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
    memset(sc, 0, sizeof(*sc));
}

bool sp_scenario_copy(struct sp_scenario *dst, const struct sp_scenario *src)
{
    bool ok;

    memset(dst, 0, sizeof(*dst));
    dst->max_vendors = src->max_vendors;
    dst->line = src->line;
    ok = sp_settings_copy(&dst->settings, &src->settings);
    if (ok && src->name)
        ok = (dst->name = strdup(src->name)) != NULL;
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
    if (!ok)
        sp_scenario_clear(dst);
    return ok;
}

/* The starting point: the named scenario, or the file's settings with no
 * constraint (named "file settings" in progress messages). */
static enum sp_status base_scenario(const struct sp_problem *pb,
                                    const char *name, struct sp_scenario *out,
                                    char *err, size_t errsize)
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
static bool variant(struct sp_scenario *out, const struct sp_scenario *base,
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

/* What every solve of one analysis shares. */
struct wctx {
    const struct sp_problem *pb;
    struct sp_plan *current;
    struct sp_solve_options opt;
    char *err;
    size_t errsize;
};

static enum sp_status wctx_init(struct wctx *w, const struct sp_problem *pb,
                                const struct sp_solve_options *options,
                                char *err, size_t errsize)
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

/* One solve's outcome: a verified plan with its costing, or the reason
 * why there is none. */
struct outcome {
    enum sp_plan_status status;
    double gap, bound;
    char *reason;
    struct sp_wplan w;
};

static void wplan_clear(struct sp_wplan *w)
{
    sp_plan_free(w->plan);
    sp_costing_free(w->cost);
    free(w->names);
    memset(w, 0, sizeof(*w));
}

static void outcome_clear(struct outcome *o)
{
    free(o->reason);
    wplan_clear(&o->w);
    memset(o, 0, sizeof(*o));
}

static bool has_plan(const struct outcome *o)
{
    return o->status != SP_PLAN_INFEASIBLE && o->w.plan && o->w.cost;
}

static enum sp_status solve(struct wctx *w, const struct sp_scenario *sc,
                            struct outcome *o)
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
    o->reason = r.reason;
    o->w.plan = r.plan;
    o->w.cost = r.cost;
    r.reason = NULL;
    r.plan = NULL;
    r.cost = NULL;
    sp_scenario_result_clear(&r);
    if (!has_plan(o))
        return SP_OK;
    o->w.names = malloc(((size_t)w->pb->nvendors + 1) * sizeof(char *));
    if (!o->w.names) {
        outcome_clear(o);
        return SP_ERR_NOMEM;
    }
    for (v = 0; v < w->pb->nvendors; v++)
        if (o->w.plan->kept[v])
            o->w.names[o->w.nnames++] = w->pb->vendors[v].name;
    return SP_OK;
}

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
static int keep_plan(struct sp_frontier *f, struct outcome *o)
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

static void slot_set(struct slot *s, int plan, const struct outcome *o,
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
static enum sp_status solve_limit(struct wctx *w, struct sp_frontier *f,
                                  int k, struct slot *s, struct outcome *o,
                                  int *kept)
{
    struct sp_scenario sc;
    enum sp_status st;
    int idx;

    *kept = -1;
    if (!variant(&sc, &f->base, "%s, at most %.0f vendors", f->base.name,
                 (double)k))
        return SP_ERR_NOMEM;
    sc.max_vendors = k;
    st = solve(w, &sc, o);
    sp_scenario_clear(&sc);
    if (st != SP_OK || !has_plan(o))
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
static enum sp_status walk_down(struct wctx *w, struct sp_frontier *f,
                                struct slot *slots, int from)
{
    struct outcome o;
    enum sp_status st = SP_OK;
    int k = from, kept, j;

    while (k >= 1) {
        st = solve_limit(w, f, k, &slots[k], &o, &kept);
        if (st != SP_OK)
            break;
        if (kept < 0) {
            f->below_reason = o.reason;
            o.reason = NULL;
            outcome_clear(&o);
            break;
        }
        if (o.status == SP_PLAN_OPTIMAL) {
            for (j = kept; j < k; j++)
                slot_set(&slots[j], slots[k].plan, &o, false);
            k = kept - 1;
        } else {
            k--;
        }
        outcome_clear(&o);
    }
    return st;
}

/* Public points from the slots kmin..kmax and the unconstrained one, made
 * non-increasing in cost (a plan for k vendors is feasible for more). */
static enum sp_status make_points(struct sp_frontier *f,
                                  const struct slot *slots, int kmin,
                                  int kmax, const struct slot *unlimited)
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
            s[i].gap = prev->total > 0 ? fmax(0.0, (prev->total -
                                                    s[i].bound) /
                                                       prev->total)
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
                                        const struct wctx *w)
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
    struct wctx w;
    struct outcome u;
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
    if (scenario && !(f->scenario = strdup(scenario)))
        goto cleanup;
    st = base_scenario(pb, scenario, &f->base, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    f->base.max_vendors = -1;
    st = wctx_init(&w, pb, options, err, errsize);
    if (st == SP_OK)
        st = frontier_baseline(f, &w);
    if (st == SP_OK)
        st = solve(&w, &f->base, &u);
    if (st != SP_OK)
        goto cleanup;
    if (!has_plan(&u)) {
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
        struct outcome o;
        int kept;
        if (u.status == SP_PLAN_OPTIMAL) {
            /* proven: a looser limit cannot do better */
            slot_set(&slots[k], idx, &u, false);
            continue;
        }
        st = solve_limit(&w, f, k, &slots[k], &o, &kept);
        outcome_clear(&o);
    }
    if (st == SP_OK)
        st = walk_down(&w, f, slots, kstar - 1);
    if (st != SP_OK)
        goto cleanup;
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
    outcome_clear(&u);
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
        wplan_clear(&f->plans[i]);
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

/* ---- break-even ------------------------------------------------------- */

/* A vendor or a product whose prices move. */
struct target {
    bool is_vendor;
    int index;
};

static bool target_used(const struct sp_problem *pb, const struct target *t,
                        const struct sp_plan *plan)
{
    int c;

    if (t->is_vendor)
        return plan->kept[t->index] != 0;
    for (c = 0; c < pb->nclients; c++)
        if (sp_plan_has(plan, c, t->index))
            return true;
    return false;
}

static bool target_has(const struct sp_problem *pb, const struct target *t,
                       int p)
{
    return t->is_vendor ? pb->products[p].vendor == t->index : p == t->index;
}

/* 1 + the change sc applies to p (a product key wins; model/cost.c). */
static double base_multiplier(const struct sp_problem *pb,
                              const struct sp_scenario *sc, int p)
{
    double by_vendor = 1.0;
    int i;

    for (i = 0; i < sc->nprice_changes; i++) {
        const struct sp_price_change *pc = &sc->price_changes[i];
        if (!pc->is_vendor && pc->index == p)
            return 1.0 + pc->fraction;
        if (pc->is_vendor && pc->index == pb->products[p].vendor)
            by_vendor = 1.0 + pc->fraction;
    }
    return by_vendor;
}

/* base with the target's licence prices multiplied by 1 + change on top
 * of base's own price_change: one product key per product of the
 * target, placed first so that it wins. */
static bool priced(const struct sp_problem *pb, struct sp_scenario *out,
                   const struct sp_scenario *base, const struct target *t,
                   const char *label, double change)
{
    struct sp_price_change *pc;
    int p, n = 0;

    if (!variant(out, base, "%s %+.2f%%", label, 100.0 * change))
        return false;
    pc = malloc(((size_t)pb->nproducts + (size_t)base->nprice_changes + 1) *
                sizeof(*pc));
    if (!pc) {
        sp_scenario_clear(out);
        return false;
    }
    for (p = 0; p < pb->nproducts; p++) {
        if (!target_has(pb, t, p))
            continue;
        pc[n].is_vendor = false;
        pc[n].index = p;
        pc[n++].fraction = base_multiplier(pb, base, p) * (1.0 + change) - 1.0;
    }
    if (base->nprice_changes > 0)
        memcpy(pc + n, base->price_changes,
               (size_t)base->nprice_changes * sizeof(*pc));
    free(out->price_changes);
    out->price_changes = pc;
    out->nprice_changes = n + base->nprice_changes;
    return true;
}

/* Keeps p until the result is freed; frees p and returns false when out
 * of memory (or when p is NULL). */
static bool own(struct sp_breakeven *b, void *p)
{
    void **grown;

    if (!p)
        return false;
    if (b->nowned == b->capowned) {
        int cap = b->capowned ? b->capowned * 2 : 32;
        grown = realloc(b->owned, (size_t)cap * sizeof(void *));
        if (!grown) {
            free(p);
            return false;
        }
        b->owned = grown;
        b->capowned = cap;
    }
    b->owned[b->nowned++] = p;
    return true;
}

static char *own_str(struct sp_breakeven *b, const char *s)
{
    char *d = strdup(s);

    return own(b, d) ? d : NULL;
}

/* Fills side from a solved outcome; the names array moves to b. */
static bool side_set(struct sp_breakeven *b, struct sp_breakeven_side *side,
                     struct outcome *o, double change,
                     const struct target *t)
{
    side->change = change;
    side->status = sp_plan_status_name(o->status);
    side->total_cost = o->w.cost->total;
    side->nvendors = o->w.nnames;
    side->uses = t ? target_used(b->pb, t, o->w.plan) : 0;
    side->vendors = (const char *const *)o->w.names;
    if (!own(b, o->w.names)) {
        o->w.names = NULL;
        return false;
    }
    o->w.names = NULL;
    return true;
}

/* One analysis: the context, the starting scenario and today's optimum. */
struct bctx {
    struct wctx w;
    struct sp_scenario base;
    struct outcome today;
    bool proven;
};

static enum sp_status solve_at(struct bctx *x, struct sp_breakeven *b,
                               const struct target *t, const char *label,
                               double change, struct outcome *o)
{
    struct sp_scenario sc;
    enum sp_status st;

    if (!priced(b->pb, &sc, &x->base, t, label, change))
        return SP_ERR_NOMEM;
    st = solve(&x->w, &sc, o);
    sp_scenario_clear(&sc);
    if (st == SP_OK && !has_plan(o)) {
        /* a price never removes a plan; a time limit with no plan does */
        snprintf(x->w.err, x->w.errsize,
                 "%s at %+.2f%%: no plan (%s)", label, 100.0 * change,
                 o->reason ? o->reason : "no feasible plan");
        outcome_clear(o);
        return SP_ERR_SOLVER;
    }
    if (st == SP_OK && o->status != SP_PLAN_OPTIMAL)
        x->proven = false;
    return st;
}

/*
 * Bisection over the change: near is where today's decision holds (0),
 * far the end of the range.  Invariant: the plan at near agrees with
 * today's decision, the plan at far does not.
 */
static enum sp_status bisect(struct bctx *x, struct sp_breakeven *b,
                             struct sp_breakeven_item *it,
                             const struct target *t, const char *label)
{
    struct outcome near_o, far_o, mid_o;
    double near = 0.0, far = it->in_plan ? it->range_to : it->range_from;
    double mid;
    enum sp_status st;
    bool flips;

    memset(&near_o, 0, sizeof(near_o));
    memset(&mid_o, 0, sizeof(mid_o));
    st = solve_at(x, b, t, label, far, &far_o);
    if (st != SP_OK)
        return st;
    flips = target_used(b->pb, t, far_o.w.plan) != (bool)it->in_plan;
    if (!flips) {
        it->found = 0;
        outcome_clear(&far_o);
        return SP_OK;
    }
    while (fabs(far - near) > b->precision) {
        mid = (near + far) / 2.0;
        st = solve_at(x, b, t, label, mid, &mid_o);
        if (st != SP_OK)
            goto cleanup;
        if (target_used(b->pb, t, mid_o.w.plan) == (bool)it->in_plan) {
            outcome_clear(&near_o);
            near_o = mid_o;
            near = mid;
        } else {
            outcome_clear(&far_o);
            far_o = mid_o;
            far = mid;
        }
        memset(&mid_o, 0, sizeof(mid_o));
    }
    it->found = 1;
    it->lower = fmin(near, far);
    it->upper = fmax(near, far);
    it->change = (near + far) / 2.0;
    st = SP_ERR_NOMEM;
    if (!side_set(b, &it->far, &far_o, far, t))
        goto cleanup;
    /* the near side is today's plan until the bisection moved it */
    if (near_o.w.plan && !side_set(b, &it->near, &near_o, near, t))
        goto cleanup;
    st = SP_OK;

cleanup:
    outcome_clear(&near_o);
    outcome_clear(&far_o);
    outcome_clear(&mid_o);
    return st;
}

static bool in_list(const int *list, int n, int v)
{
    int i;

    for (i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
}

/* The extra cost of the best plan without the target. */
static enum sp_status value_of(struct bctx *x, struct sp_breakeven *b,
                               struct sp_breakeven_item *it,
                               const struct target *t, const char *label)
{
    struct sp_scenario sc;
    struct outcome o;
    int **list, *n, *grown;
    enum sp_status st;
    char note[1024];

    if (!it->in_plan) {
        it->value_note = "not in the plan";
        return SP_OK;
    }
    if (t->is_vendor && in_list(x->base.require_vendors,
                                x->base.nrequire_vendors, t->index)) {
        it->value_note = "required by the scenario (require_vendors)";
        return SP_OK;
    }
    if (!variant(&sc, &x->base, "%s excluded%.0s", label, 0.0))
        return SP_ERR_NOMEM;
    list = t->is_vendor ? &sc.exclude_vendors : &sc.exclude_products;
    n = t->is_vendor ? &sc.nexclude_vendors : &sc.nexclude_products;
    grown = realloc(*list, ((size_t)*n + 1) * sizeof(int));
    if (!grown) {
        sp_scenario_clear(&sc);
        return SP_ERR_NOMEM;
    }
    *list = grown;
    grown[(*n)++] = t->index;
    st = solve(&x->w, &sc, &o);
    sp_scenario_clear(&sc);
    if (st != SP_OK)
        return st;
    if (!has_plan(&o)) {
        snprintf(note, sizeof(note), "no plan without it: %s",
                 o.reason ? o.reason : "no feasible plan");
        outcome_clear(&o);
        it->value_note = own_str(b, note);
        return it->value_note ? SP_OK : SP_ERR_NOMEM;
    }
    if (o.status != SP_PLAN_OPTIMAL)
        x->proven = false;
    it->has_value = 1;
    it->value_total = o.w.cost->total;
    it->value = o.w.cost->total - x->today.w.cost->total;
    /* both plans are optimal only to a relative 1e-6 */
    if (it->value < 0 &&
        -it->value <= OPTIMAL_SLACK * fmax(1.0, it->value_total))
        it->value = 0.0;
    outcome_clear(&o);
    return SP_OK;
}

static void percent(char *buf, size_t size, double fraction)
{
    snprintf(buf, size, "%.1f %%", 100.0 * fabs(fraction));
}

static enum sp_status sentence(struct sp_breakeven *b,
                               struct sp_breakeven_item *it)
{
    char text[1024], pct[32], who[512];
    bool vendor = strcmp(it->kind, "vendor") == 0;

    if (vendor)
        snprintf(who, sizeof(who), "Vendor %s", it->name);
    else
        snprintf(who, sizeof(who), "Product %s (%s)", it->name, it->vendor);
    if (it->in_plan && it->found) {
        percent(pct, sizeof(pct), it->change);
        snprintf(text, sizeof(text),
                 "%s may rise %s before it stops being worth %s.", who, pct,
                 vendor ? "keeping" : "running");
    } else if (it->in_plan) {
        percent(pct, sizeof(pct), it->range_to);
        snprintf(text, sizeof(text),
                 "%s stays worth %s even at +%s (the top of the range "
                 "searched).",
                 who, vendor ? "keeping" : "running", pct);
    } else if (it->found) {
        percent(pct, sizeof(pct), it->change);
        snprintf(text, sizeof(text),
                 "%s would need a %s price cut to be worth %s.", who, pct,
                 vendor ? "keeping" : "running");
    } else {
        snprintf(text, sizeof(text),
                 "%s is not worth %s even if its licences were free.", who,
                 vendor ? "keeping" : "running");
    }
    if (!it->proven)
        strncat(text, " (Not proven: a time limit or gap left some solves "
                      "unproven.)",
                sizeof(text) - strlen(text) - 1);
    it->sentence = own_str(b, text);
    return it->sentence ? SP_OK : SP_ERR_NOMEM;
}

static enum sp_status analyse(struct bctx *x, struct sp_breakeven *b,
                              struct sp_breakeven_item *it,
                              const struct target *t)
{
    const struct sp_problem *pb = b->pb;
    const struct sp_costing *k = x->today.w.cost;
    const char *label;
    enum sp_status st;

    it->kind = t->is_vendor ? "vendor" : "product";
    it->name = t->is_vendor ? pb->vendors[t->index].name
                            : pb->products[t->index].id;
    it->vendor = t->is_vendor ? it->name
                              : pb->vendors[pb->products[t->index].vendor].name;
    it->in_plan = target_used(pb, t, x->today.w.plan);
    it->monthly_spend = t->is_vendor ? k->vendor_monthly[t->index]
                                     : k->product_monthly[t->index];
    if (!it->in_plan)
        it->monthly_spend = 0.0;
    it->range_from = it->in_plan ? 0.0 : -1.0;
    it->range_to = it->in_plan ? b->max_rise : 0.0;
    label = it->name;
    x->proven = x->today.status == SP_PLAN_OPTIMAL;
    it->near = b->plan;
    it->near.uses = it->in_plan;
    st = bisect(x, b, it, t, label);
    if (st == SP_OK)
        st = value_of(x, b, it, t, label);
    it->proven = x->proven;
    if (st == SP_OK)
        st = sentence(b, it);
    return st;
}

/* The targets requested, in problem order for --all. */
static enum sp_status targets(const struct sp_problem *pb,
                              const struct sp_breakeven_request *req,
                              const struct bctx *x, struct target **out,
                              int *n, char *err, size_t errsize)
{
    struct target *t = calloc((size_t)pb->nvendors + 1, sizeof(*t));
    int v;

    *out = NULL;
    *n = 0;
    if (!t)
        return SP_ERR_NOMEM;
    if (req->all) {
        for (v = 0; v < pb->nvendors; v++)
            if (x->today.w.plan->kept[v] || x->w.current->kept[v]) {
                t[*n].is_vendor = true;
                t[(*n)++].index = v;
            }
    } else if (req->vendor) {
        t[0].is_vendor = true;
        t[0].index = sp_problem_find_vendor(pb, req->vendor);
        if (t[0].index < 0) {
            snprintf(err, errsize, "vendor '%s' is not in catalog.csv",
                     req->vendor);
            free(t);
            return SP_ERR_USAGE;
        }
        *n = 1;
    } else {
        t[0].index = sp_problem_find_product(pb, req->product);
        if (t[0].index < 0) {
            snprintf(err, errsize, "product '%s' is not in catalog.csv",
                     req->product);
            free(t);
            return SP_ERR_USAGE;
        }
        *n = 1;
    }
    *out = t;
    return SP_OK;
}

enum sp_status sp_breakeven_compute(const sp_problem *pb, const char *scenario,
                                    const struct sp_breakeven_request *req,
                                    const struct sp_solve_options *options,
                                    sp_breakeven **out, char *err,
                                    size_t errsize)
{
    struct sp_breakeven *b = NULL;
    struct bctx x;
    struct target *t = NULL;
    enum sp_status st;
    int i, nt = 0;

    memset(&x, 0, sizeof(x));
    *out = NULL;
    if (err && errsize)
        err[0] = '\0';
    if (!req || (!req->all && !req->vendor == !req->product) ||
        req->max_rise < 0 || req->precision < 0) {
        snprintf(err, errsize,
                 "breakeven: expected one vendor, one product, or all");
        return SP_ERR_USAGE;
    }
    st = SP_ERR_NOMEM;
    b = calloc(1, sizeof(*b));
    if (!b)
        goto cleanup;
    b->pb = pb;
    b->max_rise = req->max_rise > 0 ? req->max_rise : DEFAULT_MAX_RISE;
    b->precision = req->precision > 0 ? req->precision : DEFAULT_PRECISION;
    if (scenario && !own(b, b->scenario = strdup(scenario)))
        goto cleanup;
    st = base_scenario(pb, scenario, &x.base, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    snprintf(b->currency, sizeof(b->currency), "%s",
             x.base.settings.currency);
    st = wctx_init(&x.w, pb, options, err, errsize);
    if (st == SP_OK)
        st = solve(&x.w, &x.base, &x.today);
    if (st != SP_OK)
        goto cleanup;
    if (!has_plan(&x.today)) {
        snprintf(err, errsize, "scenario '%s' is infeasible: %s",
                 x.base.name,
                 x.today.reason ? x.today.reason : "no feasible plan");
        st = SP_ERR_INFEASIBLE;
        goto cleanup;
    }
    st = targets(pb, req, &x, &t, &nt, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    st = SP_ERR_NOMEM;
    b->items = calloc((size_t)nt + 1, sizeof(*b->items));
    if (!b->items || !side_set(b, &b->plan, &x.today, 0.0, NULL))
        goto cleanup;
    for (i = 0; i < nt; i++) {
        st = analyse(&x, b, &b->items[i], &t[i]);
        if (st != SP_OK)
            goto cleanup;
        b->nitems++;
    }
    *out = b;
    b = NULL;
    st = SP_OK;

cleanup:
    if (st == SP_ERR_NOMEM && err && errsize && !err[0])
        snprintf(err, errsize, "%s", sp_strerror(st));
    free(t);
    outcome_clear(&x.today);
    sp_scenario_clear(&x.base);
    sp_plan_free(x.w.current);
    sp_breakeven_free(b);
    return st;
}

void sp_breakeven_free(sp_breakeven *b)
{
    int i;

    if (!b)
        return;
    for (i = 0; i < b->nowned; i++)
        free(b->owned[i]);
    free(b->owned);
    free(b->items);
    free(b);
}

const char *sp_breakeven_scenario(const sp_breakeven *b)
{
    return b->scenario;
}

const struct sp_breakeven_side *sp_breakeven_plan(const sp_breakeven *b)
{
    return &b->plan;
}

int sp_breakeven_count(const sp_breakeven *b)
{
    return b->nitems;
}

const struct sp_breakeven_item *sp_breakeven_get(const sp_breakeven *b,
                                                 int i)
{
    return i >= 0 && i < b->nitems ? &b->items[i] : NULL;
}
