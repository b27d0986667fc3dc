/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Break-even prices and vendor value.  A MIP has no meaningful dual
 * prices, so the price at which the optimum changes its mind about a
 * vendor (product) is found by bisection over its price_change, each step
 * an exact solve (sp_solve_one), verified and costed like any plan.
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

/* 1 + the change sc applies to p (a product key wins; model/core/cost.c). */
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

    if (!sp_whatif_variant(out, base, "%s %+.2f%%", label, 100.0 * change))
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
                     struct sp_outcome *o, double change,
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
    struct sp_wctx w;
    struct sp_scenario base;
    struct sp_outcome today;
    bool proven;
};

static enum sp_status solve_at(struct bctx *x, struct sp_breakeven *b,
                               const struct target *t, const char *label,
                               double change, struct sp_outcome *o)
{
    struct sp_scenario sc;
    enum sp_status st;

    if (!priced(b->pb, &sc, &x->base, t, label, change))
        return SP_ERR_NOMEM;
    st = sp_whatif_solve(&x->w, &sc, o);
    sp_scenario_clear(&sc);
    if (st == SP_OK && !sp_outcome_has_plan(o)) {
        /* a price never removes a plan; a time limit with no plan does */
        snprintf(x->w.err, x->w.errsize, "%s at %+.2f%%: no plan (%s)", label,
                 100.0 * change, o->reason ? o->reason : "no feasible plan");
        sp_outcome_clear(o);
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
    struct sp_outcome near_o, far_o, mid_o;
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
        sp_outcome_clear(&far_o);
        return SP_OK;
    }
    while (fabs(far - near) > b->precision) {
        mid = (near + far) / 2.0;
        st = solve_at(x, b, t, label, mid, &mid_o);
        if (st != SP_OK)
            goto cleanup;
        if (target_used(b->pb, t, mid_o.w.plan) == (bool)it->in_plan) {
            sp_outcome_clear(&near_o);
            near_o = mid_o;
            near = mid;
        } else {
            sp_outcome_clear(&far_o);
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
    sp_outcome_clear(&near_o);
    sp_outcome_clear(&far_o);
    sp_outcome_clear(&mid_o);
    return st;
}

/* The extra cost of the best plan without the target. */
static enum sp_status value_of(struct bctx *x, struct sp_breakeven *b,
                               struct sp_breakeven_item *it,
                               const struct target *t, const char *label)
{
    struct sp_scenario sc;
    struct sp_outcome o;
    int **list, *n, *grown;
    enum sp_status st;
    char note[1024];

    if (!it->in_plan) {
        it->value_note = "not in the plan";
        return SP_OK;
    }
    if (t->is_vendor && sp_in_list(x->base.require_vendors,
                                   x->base.nrequire_vendors, t->index)) {
        it->value_note = "required by the scenario (require_vendors)";
        return SP_OK;
    }
    if (!sp_whatif_variant(&sc, &x->base, "%s excluded", label, 0.0))
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
    st = sp_whatif_solve(&x->w, &sc, &o);
    sp_scenario_clear(&sc);
    if (st != SP_OK)
        return st;
    if (!sp_outcome_has_plan(&o)) {
        snprintf(note, sizeof(note), "no plan without it: %s",
                 o.reason ? o.reason : "no feasible plan");
        sp_outcome_clear(&o);
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
    sp_outcome_clear(&o);
    return SP_OK;
}

/* Why no price can change the optimum's decision about the target: the
 * scenario's own constraints fix it.  NULL when a price can. */
static const char *forced(const struct sp_problem *pb,
                          const struct sp_scenario *sc, const struct target *t)
{
    int i, p;

    if (t->is_vendor &&
        sp_in_list(sc->require_vendors, sc->nrequire_vendors, t->index))
        return "the scenario requires it (require_vendors)";
    if (t->is_vendor &&
        sp_in_list(sc->exclude_vendors, sc->nexclude_vendors, t->index))
        return "the scenario excludes it (exclude_vendors)";
    if (!t->is_vendor &&
        sp_in_list(sc->exclude_products, sc->nexclude_products, t->index))
        return "the scenario excludes it (exclude_products)";
    if (!t->is_vendor && sp_in_list(sc->exclude_vendors, sc->nexclude_vendors,
                                    pb->products[t->index].vendor))
        return "the scenario excludes its vendor (exclude_vendors)";
    for (i = 0; i < sc->nkeep_clients; i++)
        for (p = 0; p < pb->nproducts; p++)
            if (target_has(pb, t, p) &&
                sp_current_holding(pb, sc->keep_clients[i], p) >= 0)
                return "a client pinned by keep_clients runs it";
    for (i = 0; i < pb->nclients; i++)
        for (p = 0; p < pb->nproducts; p++)
            if (target_has(pb, t, p) && sp_scenario_pins(pb, sc, i, p, NULL))
                return "a client must keep it (essential, keep_products or "
                       "keep_client_products)";
    return NULL;
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
    if (it->forced) {
        snprintf(text, sizeof(text), "%s is %s at any price: %s.", who,
                 it->in_plan ? (vendor ? "kept" : "run") : "left out",
                 it->forced);
    } else if (it->in_plan && it->found) {
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
                 "%s would need a %s price cut before it is worth %s.", who,
                 pct, vendor ? "taking up" : "adopting");
    } else {
        snprintf(text, sizeof(text),
                 "%s is not worth %s even if its licences were free.", who,
                 vendor ? "taking up" : "adopting");
    }
    if (!it->proven)
        strncat(text,
                " (Not proven: a time limit or gap left some solves "
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
    it->name =
        t->is_vendor ? pb->vendors[t->index].name : pb->products[t->index].id;
    it->vendor = t->is_vendor
                     ? it->name
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
    it->forced = forced(pb, &x->base, t);
    st = it->forced ? SP_OK : bisect(x, b, it, t, label);
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
            sp_name_error(err, errsize, "vendor", req->vendor,
                          " is not in catalog.csv",
                          sp_problem_suggest(pb, SP_NAME_VENDOR, req->vendor));
            free(t);
            return SP_ERR_USAGE;
        }
        *n = 1;
    } else {
        t[0].index = sp_problem_find_product(pb, req->product);
        if (t[0].index < 0) {
            sp_name_error(
                err, errsize, "product", req->product,
                " is not in catalog.csv",
                sp_problem_suggest(pb, SP_NAME_PRODUCT, req->product));
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
    if (scenario) {
        b->scenario = strdup(scenario);
        if (!own(b, b->scenario))
            goto cleanup;
    }
    st = sp_whatif_base(pb, scenario, &x.base, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    snprintf(b->currency, sizeof(b->currency), "%s", x.base.settings.currency);
    b->horizon_months = x.base.settings.horizon_months;
    b->start_date = x.base.settings.start_date;
    st = sp_wctx_init(&x.w, pb, options, err, errsize);
    if (st == SP_OK)
        st = sp_whatif_solve(&x.w, &x.base, &x.today);
    if (st != SP_OK)
        goto cleanup;
    if (!sp_outcome_has_plan(&x.today)) {
        snprintf(err, errsize, "scenario '%s' is infeasible: %s", x.base.name,
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
    sp_outcome_clear(&x.today);
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

const char *sp_breakeven_currency(const sp_breakeven *b)
{
    return b->currency;
}

const struct sp_breakeven_side *sp_breakeven_plan(const sp_breakeven *b)
{
    return &b->plan;
}

int sp_breakeven_count(const sp_breakeven *b)
{
    return b->nitems;
}

const struct sp_breakeven_item *sp_breakeven_get(const sp_breakeven *b, int i)
{
    return i >= 0 && i < b->nitems ? &b->items[i] : NULL;
}
