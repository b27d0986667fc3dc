/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Property test: on hundreds of random tiny instances (2-4 clients, 3-6
 * products, 2-4 vendors, tiers, contracts, scenario constraints, pins:
 * essential, keep_products, keep_client_products, keep_capabilities), the MIP
 * optimum equals the least cost found by enumerating every assignment of
 * candidate products, each costed by the independent checker.  And the
 * root of a lazy model (model/mip/root.c) on every instance, max_vendors
 * included: its LP bound is at most the optimum, its first plan is
 * feasible, costs what the checker says, is at least the optimum, and
 * the model's point for it has that plan's cost as its objective.  With
 * max_vendors, the ranked vendor sets (model/mip/vendorsets.c) hold every set
 * a plan keeps, each bound at most the least cost of keeping exactly it.
 * Every instance with an inventory runs again under "switch": "renewal"
 * (delayed starts, model/mip/delay.c), tiers and min_commits on.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../tap.h"
#include <limits.h>
#include "core_int.h"
#include "mip_int.h"

static uint64_t rng_state;

static uint64_t next(void)
{
    /* splitmix64: deterministic across platforms */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int rnd(int lo, int hi) /* inclusive */
{
    return lo + (int)(next() % (uint64_t)(hi - lo + 1));
}

static double money(double lo, double hi)
{
    /* whole cents, as prices are in practice */
    return floor((lo + (hi - lo) * (double)(next() % 10000) / 10000.0) *
                 100.0) /
           100.0;
}

static char *fmt_id(const char *prefix, int i)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%s%d", prefix, i);
    return strdup(buf);
}

static int *int_list(int n)
{
    return calloc((size_t)n + 1, sizeof(int));
}

static struct sp_problem *random_problem(void)
{
    struct sp_problem *pb = calloc(1, sizeof(*pb));
    int ncat = rnd(2, 3), c, p, v, k, i;
    static const char *cats[] = {"email", "endpoint", "backup"};
    struct sp_scenario *sc;

    pb->ncategories = ncat;
    pb->categories = calloc(3, sizeof(char *));
    for (k = 0; k < ncat; k++)
        pb->categories[k] = strdup(cats[k]);
    pb->nvendors = rnd(2, 4);
    pb->vendors = calloc((size_t)pb->nvendors, sizeof(*pb->vendors));
    for (v = 0; v < pb->nvendors; v++) {
        pb->vendors[v].name = fmt_id("V", v);
        pb->vendors[v].monthly_fee = rnd(0, 1) ? money(0, 300) : 0;
        pb->vendors[v].admin_hours = rnd(0, 1) ? rnd(0, 4) : 0;
        pb->vendors[v].min_commit = rnd(0, 2) == 0 ? money(10, 400) : 0;
    }
    pb->nproducts = rnd(3, 6);
    pb->products = calloc((size_t)pb->nproducts, sizeof(*pb->products));
    for (p = 0; p < pb->nproducts; p++) {
        struct sp_product *pr = &pb->products[p];
        int first = p < ncat ? p : rnd(0, ncat - 1);
        pr->id = fmt_id("P", p);
        pr->name = strdup(pr->id);
        pr->vendor = p < pb->nvendors ? p : rnd(0, pb->nvendors - 1);
        pr->unit = (enum sp_unit)rnd(0, SP_UNIT_COUNT - 1);
        pr->price = money(0.5, 20);
        pr->min_units = rnd(0, 3) == 0 ? rnd(1, 10) : 0;
        pr->setup_fee = rnd(0, 2) == 0 ? money(0, 200) : 0;
        pr->covers = int_list(ncat);
        pr->covers[pr->ncovers++] = first;
        for (k = 0; k < ncat; k++)
            if (k != first && rnd(0, 3) == 0)
                pr->covers[pr->ncovers++] = k;
        /* ascending order, as the importer stores it */
        for (i = 1; i < pr->ncovers; i++)
            for (k = i; k > 0 && pr->covers[k - 1] > pr->covers[k]; k--) {
                int t = pr->covers[k];
                pr->covers[k] = pr->covers[k - 1];
                pr->covers[k - 1] = t;
            }
        if (rnd(0, 1)) {
            int nt = rnd(1, 2);
            double m = 0;
            pr->tiers = calloc((size_t)nt, sizeof(*pr->tiers));
            pr->ntiers = nt;
            for (i = 0; i < nt; i++) {
                /* sometimes a tier at 0 replaces the catalog price;
                 * sometimes a rising table */
                m = (i == 0 && rnd(0, 5) == 0) ? 0 : m + rnd(5, 60);
                pr->tiers[i].min_units = m;
                pr->tiers[i].price = rnd(0, 4) == 0
                                         ? pr->price * 1.2
                                         : pr->price * (0.9 - 0.1 * i);
            }
        }
    }
    pb->nclients = rnd(2, 4);
    pb->clients = calloc((size_t)pb->nclients, sizeof(*pb->clients));
    pb->holdings = calloc((size_t)pb->nclients * 3, sizeof(*pb->holdings));
    for (c = 0; c < pb->nclients; c++) {
        struct sp_client *cl = &pb->clients[c];
        int nh = rnd(0, 2);
        cl->id = fmt_id("c", c);
        cl->name = strdup(cl->id);
        cl->count[SP_UNIT_USER] = rnd(1, 40);
        cl->count[SP_UNIT_DEVICE] = rnd(1, 50);
        cl->count[SP_UNIT_SERVER] = rnd(0, 4);
        cl->count[SP_UNIT_TB] = rnd(0, 30) / 10.0;
        cl->count[SP_UNIT_FLAT] = 1;
        if (rnd(0, 3) == 0) {
            cl->requires = int_list(ncat);
            cl->nrequires = 1;
            cl->requires[0] = rnd(0, ncat - 1);
        }
        cl->holdings = int_list(3);
        for (i = 0; i < nh; i++) {
            struct sp_holding *h = &pb->holdings[pb->nholdings];
            int prod = rnd(0, pb->nproducts - 1);
            if (sp_current_holding(pb, c, prod) >= 0)
                continue;
            h->client = c;
            h->product = prod;
            h->product_id = strdup(pb->products[prod].id);
            h->has_units = rnd(0, 3) == 0;
            h->units = rnd(1, 30);
            h->has_monthly_cost = rnd(0, 2) == 0;
            h->monthly_cost = money(5, 300);
            h->has_contract_end = rnd(0, 1);
            h->contract_end.year = 2026 + rnd(0, 3);
            h->contract_end.month = rnd(1, 12);
            h->contract_end.day = rnd(1, 28);
            h->has_termination_fee = rnd(0, 3) == 0;
            h->termination_fee = money(0, 500);
            cl->holdings[cl->nholdings++] = pb->nholdings++;
        }
    }
    pb->settings.horizon_months = rnd(6, 36);
    pb->settings.labor_rate = rnd(0, 1) ? rnd(50, 120) : 0;
    pb->settings.migration_hours_fixed = rnd(0, 4);
    pb->settings.migration_hours_per_unit = rnd(0, 2) * 0.25;
    pb->settings.start_date.year = 2027;
    pb->settings.start_date.month = 1;
    pb->settings.start_date.day = rnd(1, 28);
    pb->settings.start_date_given = true;
    pb->settings.nrequired = ncat;
    pb->settings.required = int_list(ncat);
    for (k = 0; k < ncat; k++)
        pb->settings.required[k] = k;
    strcpy(pb->settings.currency, "USD");

    pb->nscenarios = 1;
    pb->scenarios = calloc(1, sizeof(*pb->scenarios));
    sc = &pb->scenarios[0];
    sc->name = strdup("random");
    sp_settings_copy(&sc->settings, &pb->settings);
    sc->max_vendors = rnd(0, 2) == 0 ? rnd(1, 3) : -1;
    if (rnd(0, 4) == 0) {
        sc->require_vendors = int_list(1);
        sc->require_vendors[sc->nrequire_vendors++] = rnd(0, pb->nvendors - 1);
    }
    if (rnd(0, 4) == 0) {
        sc->exclude_products = int_list(1);
        sc->exclude_products[sc->nexclude_products++] =
            rnd(0, pb->nproducts - 1);
    }
    if (rnd(0, 5) == 0) {
        sc->exclude_vendors = int_list(1);
        sc->exclude_vendors[sc->nexclude_vendors++] = rnd(0, pb->nvendors - 1);
    }
    if (rnd(0, 4) == 0) {
        sc->keep_clients = int_list(1);
        sc->keep_clients[sc->nkeep_clients++] = rnd(0, pb->nclients - 1);
    }
    if (rnd(0, 2) == 0) {
        sc->price_changes = calloc(2, sizeof(*sc->price_changes));
        sc->price_changes[0].is_vendor = true;
        sc->price_changes[0].index = rnd(0, pb->nvendors - 1);
        sc->price_changes[0].fraction = rnd(-3, 3) / 10.0;
        sc->price_changes[1].index = rnd(0, pb->nproducts - 1);
        sc->price_changes[1].fraction = rnd(-3, 3) / 10.0;
        sc->nprice_changes = rnd(1, 2);
    }
    /* Pins (essential, keep_products, keep_client_products) and
     * keep_capabilities, drawn last so that the rest of each instance is
     * as it was without them; pricing, which must not change the plan. */
    for (p = 0; p < pb->nproducts; p++)
        pb->products[p].essential = rnd(0, 5) == 0;
    if (rnd(0, 3) == 0) {
        sc->keep_products = int_list(1);
        sc->keep_products[sc->nkeep_products++] = rnd(0, pb->nproducts - 1);
    }
    if (pb->nholdings > 0 && rnd(0, 2) == 0) {
        i = rnd(0, pb->nholdings - 1);
        sc->keep_client_products = calloc(1, sizeof(struct sp_pin));
        sc->keep_client_products[0].client = pb->holdings[i].client;
        sc->keep_client_products[0].product = pb->holdings[i].product;
        sc->nkeep_client_products = 1;
    }
    sc->settings.keep_capabilities = rnd(0, 3) == 0;
    sc->settings.pricing = rnd(0, 1) ? SP_PRICING_LIST : SP_PRICING_HOLD;
    if (!sp_problem_prepare_pins(pb))
        abort();
    return pb;
}

/* Is product p a candidate for client c (docs/model.md)? */
static bool candidate(const struct sp_problem *pb,
                      const struct sp_scenario *sc, int c, int p)
{
    int n, i;
    const int *req =
        sp_client_requires(pb, &pb->clients[c], &sc->settings, &n);

    if (sp_current_holding(pb, c, p) >= 0)
        return true;
    for (i = 0; i < n; i++)
        if (sp_product_covers(&pb->products[p], req[i]))
            return true;
    return false;
}

/* Least cost over every assignment of candidate products; vendors kept =
 * those used plus the required ones (keeping more never lowers cost).
 * With exact, only the plans that keep exactly those vendors. */
static double brute_exact(const struct sp_problem *pb,
                          const struct sp_scenario *sc,
                          const unsigned char *exact,
                          struct sp_plan *best_plan)
{
    int pairs[64][2], npairs = 0, c, p, v, i;
    uint64_t mask, nmask;
    double best = HUGE_VAL;
    struct sp_plan *plan = sp_plan_new(pb);
    char why[256];

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (candidate(pb, sc, c, p)) {
                pairs[npairs][0] = c;
                pairs[npairs][1] = p;
                npairs++;
            }
    nmask = (uint64_t)1 << npairs;
    for (mask = 0; mask < nmask; mask++) {
        struct sp_costing *k;
        memset(plan->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
        memset(plan->kept, 0, (size_t)pb->nvendors);
        for (i = 0; i < npairs; i++)
            if (mask >> i & 1) {
                plan->x[pairs[i][0] * pb->nproducts + pairs[i][1]] = 1;
                plan->kept[pb->products[pairs[i][1]].vendor] = 1;
            }
        for (v = 0; v < sc->nrequire_vendors; v++)
            plan->kept[sc->require_vendors[v]] = 1;
        if (exact && memcmp(exact, plan->kept, (size_t)pb->nvendors) != 0)
            continue;
        if (!sp_verify_plan(pb, sc, plan, why, sizeof(why)))
            continue;
        k = sp_cost_plan(pb, sc, plan);
        if (k->total < best) {
            best = k->total;
            if (best_plan) {
                memcpy(best_plan->x, plan->x,
                       (size_t)pb->nclients * (size_t)pb->nproducts);
                memcpy(best_plan->kept, plan->kept, (size_t)pb->nvendors);
            }
        }
        sp_costing_free(k);
    }
    sp_plan_free(plan);
    return best;
}

static double brute_force(const struct sp_problem *pb,
                          const struct sp_scenario *sc, struct sp_plan *best)
{
    return brute_exact(pb, sc, NULL, best);
}

/* max_vendors by vendor sets (model/mip/vendorsets.c): every set some plan
 * keeps is ranked, and its bound is at most the least cost of the plans
 * that keep exactly it. */
static void check_vendor_sets(const struct sp_problem *pb, double brute,
                              uint64_t seed)
{
    const struct sp_scenario *sc = &pb->scenarios[0];
    struct sp_model *m = NULL;
    struct sp_vsets *vs = NULL;
    unsigned char set[8];
    char *reason = sp_explain_infeasible(pb, sc, false);
    bool explained = reason != NULL, good = true;
    int i, bits, v, ranked = 0, feasible = 0;

    free(reason);
    if (sc->max_vendors < 0 || explained || isinf(brute))
        return;
    if (sp_model_build(pb, sc, true, &m) != SP_OK ||
        sp_vsets_rank(m, 1000, 0.0, &vs) != SP_OK || !vs) {
        ok(0, "seed %llu: vendor sets ranked", (unsigned long long)seed);
        sp_model_free(m);
        return;
    }
    for (bits = 0; bits < 1 << pb->nvendors; bits++) {
        double exact;
        for (v = 0; v < pb->nvendors; v++)
            set[v] = (unsigned char)(bits >> v & 1);
        exact = brute_exact(pb, sc, set, NULL);
        feasible += !isinf(exact);
        for (i = 0; i < vs->n; i++)
            if (memcmp(vs->sets + (size_t)i * (size_t)pb->nvendors, set,
                       (size_t)pb->nvendors) == 0)
                break;
        if (i == vs->n) {
            good &= isinf(exact); /* a set some plan keeps is ranked */
            continue;
        }
        ranked++;
        good &= vs->lb[i] <= exact + 1e-6 * fmax(1.0, fabs(exact));
    }
    for (i = 1; i < vs->n; i++)
        good &= vs->lb[i - 1] <= vs->lb[i];
    ok(good && feasible > 0,
       "seed %llu: %d vendor sets ranked (%d kept by some plan), each "
       "bound at most its sets' least cost",
       (unsigned long long)seed, ranked, feasible);
    sp_vsets_free(vs);
    sp_model_free(m);
}

/* Does the point x (sp_model_point) satisfy every row of lp, the cuts
 * and link rows the root added included?  *cuts counts the rows the
 * model did not build that are not link rows (two entries). */
static bool meets_rows(glp_prob *lp, const double *x, int built, int *cuts,
                       char *why, size_t size)
{
    int n = glp_get_num_cols(lp), i, t, len;
    int *ind = malloc(((size_t)n + 1) * sizeof(int));
    double *val = malloc(((size_t)n + 1) * sizeof(double));
    bool good = true;

    for (i = 1; good && i <= glp_get_num_rows(lp); i++) {
        double a = 0.0, lo = glp_get_row_lb(lp, i), hi = glp_get_row_ub(lp, i);
        int type = glp_get_row_type(lp, i);
        len = glp_get_mat_row(lp, i, ind, val);
        if (i > built && len != 2)
            (*cuts)++;
        for (t = 1; t <= len; t++)
            a += val[t] * x[ind[t]];
        if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
             a < lo - 1e-6 * fmax(1.0, fabs(lo))) ||
            ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
             a > hi + 1e-6 * fmax(1.0, fabs(hi)))) {
            snprintf(why, size, "row %d (%s): %.6f outside [%g, %g]", i,
                     glp_get_row_name(lp, i) ? glp_get_row_name(lp, i)
                                             : "added",
                     a, lo, hi);
            good = false;
        }
    }
    free(ind);
    free(val);
    return good;
}

/* The root of a lazy model against the enumerated optimum: its bound is
 * at most the optimum, its first plan is feasible and costed right, and
 * the rows it added (link rows, cuts) cut off neither the first plan nor
 * an optimum cheaper than it.  Returns how many cuts the root added. */
static int check_root(const struct sp_problem *pb, double brute,
                      const struct sp_plan *best, uint64_t seed)
{
    const struct sp_scenario *sc = &pb->scenarios[0];
    struct sp_model *m = NULL;
    struct sp_plan *first;
    struct sp_root root;
    struct sp_costing *k;
    double ub, lb, obj = 0.0, *x;
    char why[256];
    char *reason = sp_explain_infeasible(pb, sc, false);
    bool explained = reason != NULL;
    int j, n, built, cuts = 0;

    free(reason);
    if (explained || isinf(brute))
        return 0; /* the solver never builds these */
    if (sp_model_build(pb, sc, true, &m) != SP_OK) {
        ok(0, "seed %llu: model builds", (unsigned long long)seed);
        return 0;
    }
    built = glp_get_num_rows(m->lp);
    if (sp_root_solve(m, INT_MAX, 1e-6, &root) != SP_OK) {
        ok(0, "seed %llu: root solves", (unsigned long long)seed);
        sp_model_free(m);
        return 0;
    }
    first = root.first;
    ub = root.ub;
    lb = glp_get_obj_val(m->lp);
    ok(root.rc == 0 && lb <= brute + 1e-6 * fmax(1.0, brute) &&
           root.lb <= brute + 1e-6 * fmax(1.0, brute) &&
           root.lp <= root.lb + 1e-6 * fmax(1.0, brute),
       "seed %llu: root LP %.4f, bound %.4f with %d cuts, at most the "
       "optimum %.4f (rc %d)",
       (unsigned long long)seed, lb, root.lb, root.cuts, brute, root.rc);
    if (first) {
        n = glp_get_num_cols(m->lp);
        x = sp_model_point(m, first);
        for (j = 1; j <= n; j++)
            obj += glp_get_obj_coef(m->lp, j) * x[j];
        k = sp_cost_plan(pb, sc, first);
        ok(sp_verify_plan(pb, sc, first, why, sizeof(why)) &&
               fabs(k->total - ub) <= 1e-6 * fmax(1.0, ub) &&
               fabs(obj - ub) <= 1e-6 * fmax(1.0, ub) &&
               ub >= brute - 1e-6 * fmax(1.0, brute),
           "seed %llu: first plan %.4f (checker %.4f, objective %.4f) "
           "feasible and not below the optimum %.4f",
           (unsigned long long)seed, ub, k->total, obj, brute);
        ok(meets_rows(m->lp, x, built, &cuts, why, sizeof(why)),
           "seed %llu: the first plan meets the root's rows %s",
           (unsigned long long)seed, why);
        free(x);
        sp_costing_free(k);
        sp_plan_free(first);
        /* an optimum cheaper than the first plan uses no column the
         * root fixed or dropped (LP duality), so it is a point of lp */
        if (brute < ub - 1e-6 * fmax(1.0, ub)) {
            x = sp_model_point(m, best);
            cuts = 0;
            ok(meets_rows(m->lp, x, built, &cuts, why, sizeof(why)),
               "seed %llu: the optimum meets the root's rows %s",
               (unsigned long long)seed, why);
            free(x);
        }
    }
    sp_model_free(m);
    return cuts;
}

/* The enumerated optimum with every pin and keep_capabilities taken
 * away: where it differs from brute, the pins bound that instance. */
static bool pins_bind(struct sp_problem *pb, double brute)
{
    struct sp_scenario *sc = &pb->scenarios[0];
    unsigned char essential[8];
    int nkp = sc->nkeep_products, nkcp = sc->nkeep_client_products, p;
    bool keepcap = sc->settings.keep_capabilities,
         any = keepcap || nkp || nkcp;
    double free_cost;

    for (p = 0; p < pb->nproducts; p++) {
        essential[p] = pb->products[p].essential;
        any |= essential[p];
        pb->products[p].essential = false;
    }
    sc->nkeep_products = sc->nkeep_client_products = 0;
    sc->settings.keep_capabilities = false;
    free_cost = any ? brute_force(pb, sc, NULL) : brute;
    sc->nkeep_products = nkp;
    sc->nkeep_client_products = nkcp;
    sc->settings.keep_capabilities = keepcap;
    for (p = 0; p < pb->nproducts; p++)
        pb->products[p].essential = essential[p];
    /* pins only take plans away */
    ok(free_cost <= brute + 1e-6 * fmax(1.0, fabs(free_cost)) || isinf(brute),
       "pins cost nothing or more (%.4f without, %.4f with)", free_cost,
       brute);
    return isinf(brute) != isinf(free_cost) ||
           fabs(free_cost - brute) > 1e-6 * fmax(1.0, fabs(brute));
}

/* Local search over the vendor set (model/mip/localsearch.c) from no
 * plan and no LP: whatever plan it gives is feasible (under max_vendors
 * too, built as the solver builds it), costs what the checker says, and
 * is not below the optimum. */
static void check_localsearch(const struct sp_problem *pb, double brute,
                              uint64_t seed)
{
    const struct sp_scenario *sc = &pb->scenarios[0];
    struct sp_model *m = NULL;
    struct sp_plan *plan = NULL;
    struct sp_costing *k;
    double ub = HUGE_VAL;
    char why[256];
    char *reason = sp_explain_infeasible(pb, sc, false);
    bool explained = reason != NULL;

    free(reason);
    if (explained || isinf(brute))
        return;
    if (sp_model_build(pb, sc, sc->max_vendors < 0, &m) != SP_OK ||
        sp_localsearch_improve(m, NULL, 10000, &plan, &ub) != SP_OK) {
        ok(0, "seed %llu: local search runs", (unsigned long long)seed);
        sp_model_free(m);
        return;
    }
    if (plan) {
        k = sp_cost_plan(pb, sc, plan);
        ok(sp_verify_plan(pb, sc, plan, why, sizeof(why)) &&
               fabs(k->total - ub) <= 1e-6 * fmax(1.0, ub) &&
               ub >= brute - 1e-6 * fmax(1.0, brute),
           "seed %llu: local search plan %.4f (checker %.4f) feasible and "
           "not below the optimum %.4f %s",
           (unsigned long long)seed, ub, k->total, brute, why);
        sp_costing_free(k);
    }
    sp_plan_free(plan);
    sp_model_free(m);
}

static int count_candidates(const struct sp_problem *pb)
{
    int c, p, n = 0;
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            n += candidate(pb, &pb->scenarios[0], c, p);
    return n;
}

/* The optimum's schedule (model/core/schedule.c): the cash flow sums to
 * its cost, and every adopted product starts at 0 or at r'_q of a
 * current product it replaces (one the plan leaves, sharing a required
 * category), the least of those (docs/model.md). */
static void check_schedule(const struct sp_problem *pb,
                           const struct sp_plan *plan, uint64_t seed)
{
    const struct sp_scenario *sc = &pb->scenarios[0];
    const struct sp_settings *s = &sc->settings;
    struct sp_costing *k = sp_cost_plan(pb, sc, plan);
    struct sp_schedule *sch = sp_schedule_new(pb, sc, plan, k, NULL);
    double sum = 0.0;
    bool good = true;
    int m, i, j, t, n;

    for (m = 0; m < sch->nmonths; m++)
        sum += sch->cash_flow[m];
    for (i = 0; i < sch->nstarts; i++) {
        const struct sp_start *st = &sch->starts[i];
        const struct sp_client *cl = &pb->clients[st->client];
        const int *req = sp_client_requires(pb, cl, s, &n);
        double least = -1.0;
        for (j = 0; j < cl->nholdings; j++) {
            const struct sp_holding *hd = &pb->holdings[cl->holdings[j]];
            bool shares = false;
            if (sp_plan_has(plan, st->client, hd->product))
                continue;
            for (t = 0; t < n; t++)
                shares |=
                    sp_product_covers(&pb->products[st->product], req[t]) &&
                    sp_product_covers(&pb->products[hd->product], req[t]);
            if (shares) {
                /* r' by hand: months left, capped, 0 with a fee */
                double r = 0.0;
                if (hd->has_contract_end && !hd->has_termination_fee) {
                    r = (hd->contract_end.year - s->start_date.year) * 12 +
                        (hd->contract_end.month - s->start_date.month) +
                        (hd->contract_end.day > s->start_date.day);
                    r = fmax(0.0, fmin(r, s->horizon_months));
                }
                least = least < 0.0 ? r : fmin(least, r);
            }
        }
        good &= st->month == (s->switch_renewal && least > 0 ? (int)least : 0);
    }
    ok(good && fabs(sum - k->total) <= 1e-6 * fmax(1.0, k->total),
       "seed %llu: the optimum's cash flow sums to %.4f (%.4f) and its %d "
       "starts are the least r' replaced",
       (unsigned long long)seed, sum, k->total, sch->nstarts);
    sp_schedule_free(sch);
    sp_costing_free(k);
}

/* One instance under its scenario as it stands: enumeration, the root,
 * vendor sets and the solve; returns the enumerated optimum. */
static double check_instance(struct sp_problem *pb, uint64_t seed,
                             int *feasible, int *cuts, int *bound)
{
    sp_result *res = NULL;
    char err[512];
    double brute, mip;
    struct sp_plan *best = sp_plan_new(pb);
    enum sp_status st;

    brute = brute_force(pb, &pb->scenarios[0], best);
    *bound += pins_bind(pb, brute);
    if (!isinf(brute))
        check_schedule(pb, best, seed);
    *cuts += check_root(pb, brute, best, seed);
    check_localsearch(pb, brute, seed);
    sp_plan_free(best);
    check_vendor_sets(pb, brute, seed);
    st = sp_solve(pb, NULL, &res, err, sizeof(err));
    ok(st == SP_OK, "seed %llu: solve returns SP_OK (%s)",
       (unsigned long long)seed, st == SP_OK ? "" : err);
    if (st == SP_OK) {
        mip = sp_result_total(res, 0);
        if (isinf(brute)) {
            ok(strcmp(sp_result_status(res, 0), "infeasible") == 0,
               "seed %llu: infeasible by enumeration and by MIP (%s)",
               (unsigned long long)seed, sp_result_status(res, 0));
        } else {
            (*feasible)++;
            is_num(mip, brute, 1e-6 * fmax(1.0, brute),
                   "seed %llu%s: MIP optimum %.4f equals enumeration",
                   (unsigned long long)seed,
                   pb->scenarios[0].settings.switch_renewal ? " (renewal)"
                                                            : "",
                   mip);
        }
    }
    sp_result_free(res);
    return brute;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 300, done = 0, feasible = 0;
    int cuts = 0, bound = 0, renewal = 0, delayed = 0;
    uint64_t seed;

    for (seed = 1; done < runs; seed++) {
        struct sp_problem *pb;
        double now, later;

        rng_state = seed;
        pb = random_problem();
        if (count_candidates(pb) > 16) { /* keep enumeration small */
            sp_problem_free(pb);
            continue;
        }
        done++;
        now = check_instance(pb, seed, &feasible, &cuts, &bound);
        /* The same instance with "switch": "renewal" (model/mip/delay.c):
         * every plan costs at most what it costs under "now", so the
         * optimum does too. */
        if (pb->nholdings > 0) {
            pb->scenarios[0].settings.switch_renewal = true;
            renewal++;
            later = check_instance(pb, seed, &feasible, &cuts, &bound);
            if (!isinf(now)) {
                ok(later <= now + 1e-6 * fmax(1.0, now),
                   "seed %llu: renewal optimum %.4f <= now optimum %.4f",
                   (unsigned long long)seed, later, now);
                delayed += later < now - 1e-6 * fmax(1.0, now);
            }
        }
        sp_problem_free(pb);
    }
    ok(feasible > runs / 2, "most instances (%d of %d) are feasible", feasible,
       runs + renewal);
    ok(cuts > 0, "the roots added %d cuts: the rows check above saw some",
       cuts);
    ok(delayed > renewal / 10,
       "%d of %d instances cost less at renewal: the delay rows are used",
       delayed, renewal);
    ok(bound >= runs / 10,
       "pins or keep_capabilities changed the optimum of %d instances", bound);
    return done_testing();
}
