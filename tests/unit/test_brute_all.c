/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Property test of the features together (SPEC sections 3, 6-9): random
 * tiny instances with switch at renewal, pins (essential, keep_products,
 * keep_client_products), keep_capabilities, separate groups,
 * max_categories_per_vendor, frameworks of controls, tiers, min_commits,
 * keep_clients, exclusions, require_vendors and max_vendors all drawn at
 * once.  The MIP optimum must equal the least cost found by enumerating
 * every assignment of candidate products, the enumeration judging
 * feasibility by this file's own reading of the rules (not by
 * model/core/verify.c) and delaying each adopted product's licence by its
 * own d(c,p) on top of the "now" cost of model/core/cost.c.  Every plan
 * the solver reports (and the root's first plan) keeps this file's rules,
 * its recomputed cost equals the solver's objective, and an infeasible
 * verdict comes with a reason.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../tap.h"
#include "core_int.h"
#include "mip_int.h"

#define NCAT 4
#define diag(...)                                                             \
    do {                                                                      \
        printf("# ");                                                         \
        printf(__VA_ARGS__);                                                  \
        printf("\n");                                                         \
    } while (0)
#define MAXPAIRS 14

static uint64_t rng_state;

static uint64_t next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int rnd(int lo, int hi)
{
    return lo + (int)(next() % (uint64_t)(hi - lo + 1));
}

static double money(double lo, double hi)
{
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

static void sort_ints(int *a, int n)
{
    int i, k;
    for (i = 1; i < n; i++)
        for (k = i; k > 0 && a[k - 1] > a[k]; k--) {
            int t = a[k];
            a[k] = a[k - 1];
            a[k - 1] = t;
        }
}

static struct sp_problem *random_problem(void)
{
    static const char *cats[NCAT] = {"email", "endpoint", "backup",
                                     "awareness"};
    struct sp_problem *pb = calloc(1, sizeof(*pb));
    struct sp_scenario *sc;
    int c, p, v, k, i;

    pb->ncategories = NCAT;
    pb->categories = calloc(NCAT, sizeof(char *));
    for (k = 0; k < NCAT; k++)
        pb->categories[k] = strdup(cats[k]);
    pb->nvendors = rnd(2, 3);
    pb->vendors = calloc((size_t)pb->nvendors, sizeof(*pb->vendors));
    for (v = 0; v < pb->nvendors; v++) {
        pb->vendors[v].name = fmt_id("V", v);
        pb->vendors[v].monthly_fee = rnd(0, 1) ? money(0, 300) : 0;
        pb->vendors[v].admin_hours = rnd(0, 2) == 0 ? rnd(1, 3) : 0;
        pb->vendors[v].min_commit = rnd(0, 1) ? money(10, 400) : 0;
    }
    pb->nproducts = rnd(4, 6);
    pb->products = calloc((size_t)pb->nproducts, sizeof(*pb->products));
    for (p = 0; p < pb->nproducts; p++) {
        struct sp_product *pr = &pb->products[p];
        int first = p < NCAT ? p : rnd(0, NCAT - 1);
        pr->id = fmt_id("P", p);
        pr->name = strdup(pr->id);
        pr->vendor = p < pb->nvendors ? p : rnd(0, pb->nvendors - 1);
        pr->unit = (enum sp_unit)rnd(0, SP_UNIT_COUNT - 1);
        pr->price = money(0.5, 20);
        pr->min_units = rnd(0, 3) == 0 ? rnd(1, 10) : 0;
        pr->setup_fee = rnd(0, 2) == 0 ? money(0, 200) : 0;
        pr->covers = calloc(NCAT, sizeof(int));
        pr->covers[pr->ncovers++] = first;
        for (k = 0; k < NCAT; k++) /* bundles, often */
            if (k != first && rnd(0, 2) == 0)
                pr->covers[pr->ncovers++] = k;
        sort_ints(pr->covers, pr->ncovers);
        pr->essential = rnd(0, 4) == 0;
        if (rnd(0, 1)) {
            int nt = rnd(1, 2);
            double m = 0;
            pr->tiers = calloc((size_t)nt, sizeof(*pr->tiers));
            pr->ntiers = nt;
            for (i = 0; i < nt; i++) {
                m = (i == 0 && rnd(0, 5) == 0) ? 0 : m + rnd(5, 60);
                pr->tiers[i].min_units = m;
                pr->tiers[i].price = pr->price * (0.9 - 0.1 * i);
            }
        }
    }
    /* one framework, two controls: awareness, and endpoint or backup */
    pb->nframeworks = 1;
    pb->frameworks = calloc(1, sizeof(*pb->frameworks));
    pb->frameworks[0].name = strdup("fw");
    pb->frameworks[0].label = strdup("FW");
    pb->frameworks[0].ncontrols = 2;
    pb->ncontrols = 2;
    pb->controls = calloc(2, sizeof(*pb->controls));
    for (i = 0; i < 2; i++) {
        struct sp_control *ct = &pb->controls[i];
        ct->id = fmt_id("C", i);
        ct->title = strdup(ct->id);
        ct->covers_text = strdup(i ? "endpoint;backup" : "awareness");
        ct->categories = calloc(2, sizeof(int));
        if (i == 0) {
            ct->categories[ct->ncategories++] = 3;
        } else {
            ct->categories[ct->ncategories++] = 1;
            ct->categories[ct->ncategories++] = 2;
        }
    }
    pb->nclients = rnd(2, 3);
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
            cl->requires = calloc(2, sizeof(int));
            cl->requires[cl->nrequires++] = rnd(0, 1);
            if (rnd(0, 1))
            cl->requires[cl->nrequires++] = 2;
        }
        if (rnd(0, 2) == 0) {
            cl->frameworks = calloc(1, sizeof(int));
            cl->nframeworks = 1;
        }
        cl->holdings = calloc(3, sizeof(int));
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
            h->has_contract_end = rnd(0, 3) != 0;
            h->contract_end.year = 2027 + rnd(0, 2);
            h->contract_end.month = rnd(1, 12);
            h->contract_end.day = rnd(1, 28);
            h->has_termination_fee = rnd(0, 3) == 0;
            h->termination_fee = money(0, 500);
            cl->holdings[cl->nholdings++] = pb->nholdings++;
        }
    }
    pb->has_inventory = pb->nholdings > 0;
    pb->settings.horizon_months = rnd(6, 36);
    pb->settings.labor_rate = rnd(0, 1) ? rnd(50, 120) : 0;
    pb->settings.migration_hours_fixed = rnd(0, 4);
    pb->settings.migration_hours_per_unit = rnd(0, 2) * 0.25;
    pb->settings.start_date.year = 2027;
    pb->settings.start_date.month = 1;
    pb->settings.start_date.day = rnd(1, 28);
    pb->settings.start_date_given = true;
    pb->settings.nrequired = rnd(2, 3);
    pb->settings.required = calloc(3, sizeof(int));
    for (k = 0; k < pb->settings.nrequired; k++)
        pb->settings.required[k] = k;
    strcpy(pb->settings.currency, "USD");

    pb->nscenarios = 1;
    pb->scenarios = calloc(1, sizeof(*pb->scenarios));
    sc = &pb->scenarios[0];
    sc->name = strdup("random");
    sp_settings_copy(&sc->settings, &pb->settings);
    sc->settings.switch_renewal = rnd(0, 3) != 0;
    sc->settings.keep_capabilities = rnd(0, 2) == 0;
    sc->max_vendors = rnd(0, 3) == 0 ? rnd(1, 2) : -1;
    if (rnd(0, 3) == 0) {
        sc->settings.require_frameworks = calloc(1, sizeof(int));
        sc->settings.nrequire_frameworks = 1;
    }
    if (rnd(0, 2) != 0) {
        /* [endpoint, backup], sometimes also [email, awareness] */
        int ng = rnd(1, 2);
        sc->guards.ngroups = ng;
        sc->guards.group_cats = calloc(4, sizeof(int));
        sc->guards.group_first = calloc(3, sizeof(int));
        sc->guards.group_cats[0] = 1;
        sc->guards.group_cats[1] = 2;
        sc->guards.group_first[1] = 2;
        if (ng == 2) {
            sc->guards.group_cats[2] = 0;
            sc->guards.group_cats[3] = 3;
            sc->guards.group_first[2] = 4;
        }
    }
    if (rnd(0, 2) == 0)
        sc->guards.max_per_vendor = rnd(1, 2);
    if (rnd(0, 4) == 0) {
        sc->require_vendors = calloc(1, sizeof(int));
        sc->require_vendors[sc->nrequire_vendors++] = rnd(0, pb->nvendors - 1);
    }
    if (rnd(0, 4) == 0) {
        sc->exclude_products = calloc(1, sizeof(int));
        sc->exclude_products[sc->nexclude_products++] =
            rnd(0, pb->nproducts - 1);
    }
    if (rnd(0, 6) == 0) {
        sc->exclude_vendors = calloc(1, sizeof(int));
        sc->exclude_vendors[sc->nexclude_vendors++] = rnd(0, pb->nvendors - 1);
    }
    if (rnd(0, 4) == 0) {
        sc->keep_clients = calloc(1, sizeof(int));
        sc->keep_clients[sc->nkeep_clients++] = rnd(0, pb->nclients - 1);
    }
    if (rnd(0, 3) == 0) {
        sc->price_changes = calloc(1, sizeof(*sc->price_changes));
        sc->price_changes[0].is_vendor = rnd(0, 1);
        sc->price_changes[0].index = sc->price_changes[0].is_vendor
                                         ? rnd(0, pb->nvendors - 1)
                                         : rnd(0, pb->nproducts - 1);
        sc->price_changes[0].fraction = rnd(-3, 3) / 10.0;
        sc->nprice_changes = 1;
    }
    if (rnd(0, 3) == 0) {
        sc->keep_products = calloc(1, sizeof(int));
        sc->keep_products[sc->nkeep_products++] = rnd(0, pb->nproducts - 1);
    }
    if (pb->nholdings > 0 && rnd(0, 2) == 0) {
        i = rnd(0, pb->nholdings - 1);
        sc->keep_client_products = calloc(1, sizeof(struct sp_pin));
        sc->keep_client_products[0].client = pb->holdings[i].client;
        sc->keep_client_products[0].product = pb->holdings[i].product;
        sc->nkeep_client_products = 1;
    }
    if (!sp_problem_prepare_pins(pb))
        abort();
    return pb;
}

/* ---- this file's reading of the rules ----------------------------------- */

static bool in_list(const int *list, int n, int v)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
}

static bool covers(const struct sp_product *pr, int k)
{
    int i;
    for (i = 0; i < pr->ncovers; i++)
        if (pr->covers[i] == k)
            return true;
    return false;
}

static bool runs_today(const struct sp_problem *pb, int c, int p)
{
    int i;
    for (i = 0; i < pb->nholdings; i++)
        if (pb->holdings[i].client == c && pb->holdings[i].product == p)
            return true;
    return false;
}

static bool has_fw(const struct sp_problem *pb, const struct sp_scenario *sc,
                   int c)
{
    return pb->clients[c].nframeworks > 0 ||
           sc->settings.nrequire_frameworks > 0;
}

/* R(c) as flags: its requires, else the settings' required; with
 * keep_capabilities every category a current product covers.  Never a
 * control's category. */
static void required(const struct sp_problem *pb, const struct sp_scenario *sc,
                     int c, bool *req)
{
    const struct sp_client *cl = &pb->clients[c];
    int k, p;

    memset(req, 0, NCAT * sizeof(bool));
    if (cl->nrequires > 0)
        for (k = 0; k < cl->nrequires; k++)
            req[cl->requires[k]] = true;
    else
        for (k = 0; k < sc->settings.nrequired; k++)
            req[sc->settings.required[k]] = true;
    if (sc->settings.keep_capabilities)
        for (p = 0; p < pb->nproducts; p++)
            if (runs_today(pb, c, p))
                for (k = 0; k < NCAT; k++)
                    req[k] |= covers(&pb->products[p], k);
}

static bool pinned(const struct sp_problem *pb, const struct sp_scenario *sc,
                   int c, int p)
{
    int i;

    if (!runs_today(pb, c, p))
        return false;
    if (pb->products[p].essential ||
        in_list(sc->keep_products, sc->nkeep_products, p))
        return true;
    for (i = 0; i < sc->nkeep_client_products; i++)
        if (sc->keep_client_products[i].client == c &&
            sc->keep_client_products[i].product == p)
            return true;
    return false;
}

static bool excluded(const struct sp_problem *pb, const struct sp_scenario *sc,
                     int p)
{
    return in_list(sc->exclude_products, sc->nexclude_products, p) ||
           in_list(sc->exclude_vendors, sc->nexclude_vendors,
                   pb->products[p].vendor);
}

static bool candidate(const struct sp_problem *pb,
                      const struct sp_scenario *sc, int c, int p)
{
    const struct sp_product *pr = &pb->products[p];
    bool req[NCAT];
    int i, k;

    if (runs_today(pb, c, p))
        return true;
    required(pb, sc, c, req);
    for (k = 0; k < NCAT; k++)
        if (req[k] && covers(pr, k))
            return true;
    if (has_fw(pb, sc, c))
        for (i = 0; i < pb->ncontrols; i++)
            for (k = 0; k < pb->controls[i].ncategories; k++)
                if (covers(pr, pb->controls[i].categories[k]))
                    return true;
    return false;
}

static bool client_ok(const struct sp_problem *pb,
                      const struct sp_scenario *sc, const struct sp_plan *plan,
                      int c)
{
    bool req[NCAT];
    int v, p, k, i, g;

    if (in_list(sc->keep_clients, sc->nkeep_clients, c)) {
        /* exactly today's stack; exempt from the rest, but not from
         * exclusions */
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(plan, c, p) != runs_today(pb, c, p) ||
                (sp_plan_has(plan, c, p) && excluded(pb, sc, p)))
                return false;
        return true;
    }
    required(pb, sc, c, req);
    for (p = 0; p < pb->nproducts; p++) {
        if (pinned(pb, sc, c, p) && !sp_plan_has(plan, c, p))
            return false;
        if (sp_plan_has(plan, c, p) && excluded(pb, sc, p))
            return false;
    }
    for (k = 0; k < NCAT; k++) {
        bool met = !req[k];
        for (p = 0; p < pb->nproducts && !met; p++)
            met = sp_plan_has(plan, c, p) && covers(&pb->products[p], k);
        if (!met)
            return false;
    }
    if (has_fw(pb, sc, c))
        for (i = 0; i < pb->ncontrols; i++) {
            bool met = false;
            for (p = 0; p < pb->nproducts; p++)
                for (k = 0; k < pb->controls[i].ncategories; k++)
                    met |= sp_plan_has(plan, c, p) &&
                           covers(&pb->products[p],
                                  pb->controls[i].categories[k]);
            if (!met)
                return false;
        }
    for (v = 0; v < pb->nvendors; v++) {
        bool cov[NCAT] = {false};
        int n = 0;
        for (p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == v && sp_plan_has(plan, c, p))
                for (k = 0; k < NCAT; k++)
                    cov[k] |= covers(&pb->products[p], k);
        for (g = 0; g < sc->guards.ngroups; g++) {
            int in = 0;
            for (k = sc->guards.group_first[g];
                 k < sc->guards.group_first[g + 1]; k++)
                in += cov[sc->guards.group_cats[k]];
            if (in >= 2)
                return false;
        }
        for (k = 0; k < NCAT; k++)
            n += cov[k] && req[k];
        if (sc->guards.max_per_vendor > 0 && n > sc->guards.max_per_vendor)
            return false;
    }
    return true;
}

static bool feasible(const struct sp_problem *pb, const struct sp_scenario *sc,
                     const struct sp_plan *plan)
{
    int c, p, v, kept = 0;

    for (c = 0; c < pb->nclients; c++) {
        if (!client_ok(pb, sc, plan, c))
            return false;
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(plan, c, p) && !plan->kept[pb->products[p].vendor])
                return false;
    }
    for (v = 0; v < pb->nvendors; v++) {
        kept += plan->kept[v];
        if (!plan->kept[v] &&
            in_list(sc->require_vendors, sc->nrequire_vendors, v))
            return false;
    }
    return sc->max_vendors < 0 || kept <= sc->max_vendors;
}

/* d(c,p) by hand (SPEC section 6): the least r'_q over the current
 * products q the plan leaves that share a category of R(c) with p. */
static int start_month(const struct sp_problem *pb,
                       const struct sp_scenario *sc,
                       const struct sp_plan *plan, int c, int p)
{
    const struct sp_settings *s = &sc->settings;
    bool req[NCAT];
    double least = -1.0;
    int h, k;

    if (!s->switch_renewal || runs_today(pb, c, p) || !sp_plan_has(plan, c, p))
        return 0;
    required(pb, sc, c, req);
    for (h = 0; h < pb->nholdings; h++) {
        const struct sp_holding *hd = &pb->holdings[h];
        bool shares = false;
        double r = 0.0;
        if (hd->client != c || hd->product < 0 ||
            sp_plan_has(plan, c, hd->product))
            continue;
        for (k = 0; k < NCAT; k++)
            shares |= req[k] && covers(&pb->products[p], k) &&
                      covers(&pb->products[hd->product], k);
        if (!shares)
            continue;
        if (hd->has_contract_end && !hd->has_termination_fee) {
            r = (hd->contract_end.year - s->start_date.year) * 12 +
                (hd->contract_end.month - s->start_date.month) +
                (hd->contract_end.day > s->start_date.day);
            r = fmax(0.0, fmin(r, s->horizon_months));
        }
        least = least < 0.0 ? r : fmin(least, r);
    }
    return least > 0.0 ? (int)least : 0;
}

/* The plan's cost: the "now" cost of model/core/cost.c less the licence
 * of the months before each adopted product starts. */
static double plan_cost(const struct sp_problem *pb, struct sp_scenario *sc,
                        const struct sp_plan *plan)
{
    bool renewal = sc->settings.switch_renewal;
    struct sp_costing *k;
    double total;
    int c, p;

    sc->settings.switch_renewal = false;
    k = sp_cost_plan(pb, sc, plan);
    sc->settings.switch_renewal = renewal;
    total = k->total;
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++) {
            int d = start_month(pb, sc, plan, c, p);
            if (d > 0)
                total -= d * sp_cost_pair_monthly(pb, k, c, p);
        }
    sp_costing_free(k);
    return total;
}

/* Least cost over every assignment of candidate products (vendors kept:
 * those used plus the required ones); NAN when there are too many. */
static double brute_force(const struct sp_problem *pb, struct sp_scenario *sc,
                          int *npairs_out, struct sp_plan *best_plan,
                          bool *disagree)
{
    int pairs[64][2], npairs = 0, c, p, v, i;
    uint64_t mask, nmask;
    double best = HUGE_VAL;
    struct sp_plan *plan = sp_plan_new(pb);

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (candidate(pb, sc, c, p) && npairs < 64) {
                pairs[npairs][0] = c;
                pairs[npairs][1] = p;
                npairs++;
            }
    *npairs_out = npairs;
    if (npairs > MAXPAIRS) {
        sp_plan_free(plan);
        return NAN;
    }
    nmask = (uint64_t)1 << npairs;
    for (mask = 0; mask < nmask; mask++) {
        char why[256];
        double cost;
        bool mine;
        memset(plan->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
        memset(plan->kept, 0, (size_t)pb->nvendors);
        for (i = 0; i < npairs; i++)
            if (mask >> i & 1) {
                plan->x[pairs[i][0] * pb->nproducts + pairs[i][1]] = 1;
                plan->kept[pb->products[pairs[i][1]].vendor] = 1;
            }
        for (v = 0; v < sc->nrequire_vendors; v++)
            plan->kept[sc->require_vendors[v]] = 1;
        mine = feasible(pb, sc, plan);
        /* model/core/verify.c checks every rule, and no more */
        why[0] = '\0';
        if (sp_verify_plan(pb, sc, plan, why, sizeof(why)) != mine &&
            !*disagree) {
            *disagree = true;
            printf("# verify says %s of a plan this file finds %s\n",
                   mine ? why : "nothing", mine ? "feasible" : "infeasible");
        }
        if (!mine)
            continue;
        cost = plan_cost(pb, sc, plan);
        if (cost < best) {
            best = cost;
            memcpy(best_plan->x, plan->x,
                   (size_t)pb->nclients * (size_t)pb->nproducts);
            memcpy(best_plan->kept, plan->kept, (size_t)pb->nvendors);
        }
    }
    sp_plan_free(plan);
    return best;
}

/* The root of a lazy model hands over only plans that keep the rules
 * and cost what the checker says. */
static void check_root(const struct sp_problem *pb, uint64_t seed,
                       int *heuristic)
{
    struct sp_scenario *sc = &pb->scenarios[0];
    struct sp_model *m = NULL;
    struct sp_root root;
    char *reason = sp_explain_infeasible(pb, sc, false);

    if (reason) {
        free(reason);
        return;
    }
    if (sp_model_build(pb, sc, true, &m) != SP_OK ||
        sp_root_solve(m, INT_MAX, 1e-6, &root) != SP_OK) {
        ok(0, "seed %llu: root solves", (unsigned long long)seed);
        sp_model_free(m);
        return;
    }
    if (root.first) {
        double cost = plan_cost(pb, sc, root.first);
        ok(feasible(pb, sc, root.first) &&
               fabs(cost - root.ub) <= 1e-6 * fmax(1.0, fabs(cost)),
           "seed %llu: the root's first plan keeps the rules, %.4f = %.4f",
           (unsigned long long)seed, cost, root.ub);
    }
    sp_plan_free(root.first);
    /* the heuristic (model/mip/heuristic.c) from the root's LP, as the
     * search calls it at a node: a plan it builds keeps every rule */
    if (glp_get_status(m->lp) == GLP_OPT) {
        struct sp_plan *plan = NULL;
        double hcost = 0.0;
        if (sp_heuristic_plan(m, m->lp, &plan, &hcost) != SP_OK)
            ok(0, "seed %llu: heuristic runs", (unsigned long long)seed);
        else if (plan) {
            double cost = plan_cost(pb, sc, plan);
            (*heuristic)++;
            ok(feasible(pb, sc, plan) &&
                   fabs(cost - hcost) <= 1e-6 * fmax(1.0, fabs(cost)),
               "seed %llu: the heuristic's plan keeps the rules, %.4f = %.4f",
               (unsigned long long)seed, cost, hcost);
        }
        sp_plan_free(plan);
    }
    sp_model_free(m);
}

/* Do the products some client (not in keep_clients) must keep give one
 * vendor, by themselves, two categories of a separate group or more of
 * R(c) than max_categories_per_vendor?  Then the reason must say so. */
static bool pins_break_guard(const struct sp_problem *pb,
                             const struct sp_scenario *sc)
{
    struct sp_plan *plan = sp_plan_new(pb);
    bool broken = false;
    int c, p, v;

    for (c = 0; c < pb->nclients && !broken; c++) {
        if (in_list(sc->keep_clients, sc->nkeep_clients, c))
            continue;
        memset(plan->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
        for (p = 0; p < pb->nproducts; p++)
            plan->x[c * pb->nproducts + p] = pinned(pb, sc, c, p);
        for (v = 0; v < pb->nvendors && !broken; v++) {
            bool cov[NCAT] = {false}, req[NCAT];
            int k, g, n = 0;
            required(pb, sc, c, req);
            for (p = 0; p < pb->nproducts; p++)
                if (pb->products[p].vendor == v && sp_plan_has(plan, c, p))
                    for (k = 0; k < NCAT; k++)
                        cov[k] |= covers(&pb->products[p], k);
            for (g = 0; g < sc->guards.ngroups; g++) {
                int in = 0;
                for (k = sc->guards.group_first[g];
                     k < sc->guards.group_first[g + 1]; k++)
                    in += cov[sc->guards.group_cats[k]];
                broken |= in >= 2;
            }
            for (k = 0; k < NCAT; k++)
                n += cov[k] && req[k];
            broken |=
                sc->guards.max_per_vendor > 0 && n > sc->guards.max_per_vendor;
        }
    }
    sp_plan_free(plan);
    return broken;
}

/* A plan, for the diagnostics of a failure: each client's products with
 * their start months, and what the library's checker says of it. */
static void dump(const struct sp_problem *pb, struct sp_scenario *sc,
                 const struct sp_plan *plan)
{
    struct sp_costing *k = sp_cost_plan(pb, sc, plan);
    char why[256] = "";
    int c, p;

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(plan, c, p))
                diag("  %s %s%s d=%d (library %d)", pb->clients[c].id,
                     pb->products[p].id,
                     runs_today(pb, c, p) ? " (today)" : "",
                     start_month(pb, sc, plan, c, p),
                     sp_start_month(pb, &sc->settings, plan, c, p));
    diag("  cost %.4f by hand, %.4f by cost.c; verify: %s",
         plan_cost(pb, sc, plan), k->total,
         sp_verify_plan(pb, sc, plan, why, sizeof(why)) ? "ok" : why);
    sp_costing_free(k);
}

/* The complete model's rows and objective at plan's point: which row cuts
 * it off, or what the model thinks it costs. */
static void dump_model(const struct sp_problem *pb,
                       const struct sp_scenario *sc,
                       const struct sp_plan *plan, bool lazy)
{
    struct sp_model *m = NULL;
    struct sp_root root;
    double *x, obj = 0.0;
    int i, j, t, len, n, *ind;
    double *val;

    if (sp_model_build(pb, sc, lazy, &m) != SP_OK)
        return;
    if (lazy) {
        if (sp_root_solve(m, INT_MAX, 1e-6, &root) != SP_OK)
            return;
        diag("  root: rc %d, lb %.4f, ub %.4f, lp %.4f, cuts %d", root.rc,
             root.lb, root.ub, root.lp, root.cuts);
        sp_plan_free(root.first);
        for (i = 0; i < m->ncands; i++)
            if (!m->cands[i].col &&
                sp_plan_has(plan, m->cands[i].client, m->cands[i].product))
                diag("  candidate %s %s dropped by the root",
                     pb->clients[m->cands[i].client].id,
                     pb->products[m->cands[i].product].id);
    }
    n = glp_get_num_cols(m->lp);
    x = sp_model_point(m, plan);
    ind = malloc(((size_t)n + 1) * sizeof(int));
    val = malloc(((size_t)n + 1) * sizeof(double));
    for (j = 1; j <= n; j++)
        obj += glp_get_obj_coef(m->lp, j) * x[j];
    diag("  model objective at the point %.4f", obj);
    for (j = 1; j <= n; j++) {
        double lo = glp_get_col_lb(m->lp, j), hi = glp_get_col_ub(m->lp, j);
        int type = glp_get_col_type(m->lp, j);
        if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
             x[j] < lo - 1e-6) ||
            ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
             x[j] > hi + 1e-6))
            diag("  column %d %s: %g outside [%g, %g]", j,
                 glp_get_col_name(m->lp, j) ? glp_get_col_name(m->lp, j) : "-",
                 x[j], lo, hi);
    }
    for (i = 1; i <= glp_get_num_rows(m->lp); i++) {
        double a = 0.0, lo = glp_get_row_lb(m->lp, i),
               hi = glp_get_row_ub(m->lp, i);
        int type = glp_get_row_type(m->lp, i);
        len = glp_get_mat_row(m->lp, i, ind, val);
        for (t = 1; t <= len; t++)
            a += val[t] * x[ind[t]];
        if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
             a < lo - 1e-9 * fmax(1.0, fabs(lo))) ||
            ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
             a > hi + 1e-9 * fmax(1.0, fabs(hi)))) {
            diag("  row %d %s: %.4f outside [%g, %g]", i,
                 glp_get_row_name(m->lp, i) ? glp_get_row_name(m->lp, i) : "-",
                 a, lo, hi);
            for (t = 1; t <= len; t++)
                diag("    %s %g x %g",
                     glp_get_col_name(m->lp, ind[t])
                         ? glp_get_col_name(m->lp, ind[t])
                         : "-",
                     val[t], x[ind[t]]);
        }
    }
    free(ind);
    free(val);
    free(x);
    sp_model_free(m);
}

/* Which features an instance has on, for the closing counts. */
static bool has_pins(const struct sp_problem *pb, const struct sp_scenario *sc)
{
    int c, p;
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++)
            if (pinned(pb, sc, c, p))
                return true;
    return false;
}

/* Writes the instance as a data folder (catalog.csv, clients.csv,
 * inventory.csv, vendors.csv, tiers.csv, controls.csv, scenarios.json)
 * in dir, for a CLI reproducer of a failing seed: `test_brute_all 1 SEED
 * DIR`. */
static void write_instance(const struct sp_problem *pb, const char *dir)
{
    static const char *units[] = {"user", "device", "server", "tb", "flat"};
    const struct sp_scenario *sc = &pb->scenarios[0];
    const struct sp_settings *s = &sc->settings;
    char path[4096];
    FILE *f;
    int c, p, v, k, i, g;

#define OPEN(name)                                                            \
    snprintf(path, sizeof(path), "%s/%s", dir, name);                         \
    if (!(f = fopen(path, "w")))                                              \
        return;
    OPEN("catalog.csv");
    fprintf(f, "product,vendor,covers,unit,price,min_units,setup_fee,"
               "essential\n");
    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pr = &pb->products[p];
        fprintf(f, "%s,%s,", pr->id, pb->vendors[pr->vendor].name);
        for (k = 0; k < pr->ncovers; k++)
            fprintf(f, "%s%s", k ? ";" : "", pb->categories[pr->covers[k]]);
        fprintf(f, ",%s,%.17g,%.17g,%.17g,%s\n", units[pr->unit], pr->price,
                pr->min_units, pr->setup_fee, pr->essential ? "yes" : "no");
    }
    fclose(f);
    OPEN("vendors.csv");
    fprintf(f, "vendor,monthly_fee,admin_hours,min_commit\n");
    for (v = 0; v < pb->nvendors; v++)
        fprintf(f, "%s,%.17g,%.17g,%.17g\n", pb->vendors[v].name,
                pb->vendors[v].monthly_fee, pb->vendors[v].admin_hours,
                pb->vendors[v].min_commit);
    fclose(f);
    OPEN("tiers.csv");
    fprintf(f, "product,min_units,price\n");
    for (p = 0; p < pb->nproducts; p++)
        for (i = 0; i < pb->products[p].ntiers; i++)
            fprintf(f, "%s,%.17g,%.17g\n", pb->products[p].id,
                    pb->products[p].tiers[i].min_units,
                    pb->products[p].tiers[i].price);
    fclose(f);
    OPEN("controls.csv");
    fprintf(f, "framework,control,title,categories\n");
    for (i = 0; i < pb->ncontrols; i++)
        fprintf(f, "%s,%s,%s,%s\n", pb->frameworks[0].label,
                pb->controls[i].id, pb->controls[i].title,
                pb->controls[i].covers_text);
    fclose(f);
    OPEN("clients.csv");
    fprintf(f, "client,users,devices,servers,tb,requires,frameworks\n");
    for (c = 0; c < pb->nclients; c++) {
        const struct sp_client *cl = &pb->clients[c];
        fprintf(f, "%s,%.17g,%.17g,%.17g,%.17g,", cl->id,
                cl->count[SP_UNIT_USER], cl->count[SP_UNIT_DEVICE],
                cl->count[SP_UNIT_SERVER], cl->count[SP_UNIT_TB]);
        for (k = 0; k < cl->nrequires; k++)
            fprintf(f, "%s%s", k ? ";" : "", pb->categories[cl->requires[k]]);
        fprintf(f, ",%s\n", cl->nframeworks ? pb->frameworks[0].label : "");
    }
    fclose(f);
    OPEN("inventory.csv");
    fprintf(f, "client,product,units,monthly_cost,contract_end,"
               "termination_fee\n");
    for (i = 0; i < pb->nholdings; i++) {
        const struct sp_holding *h = &pb->holdings[i];
        char date[11] = "";
        if (h->has_contract_end)
            sp_date_format(&h->contract_end, date);
        fprintf(f, "%s,%s,", pb->clients[h->client].id, h->product_id);
        if (h->has_units)
            fprintf(f, "%.17g", h->units);
        fprintf(f, ",");
        if (h->has_monthly_cost)
            fprintf(f, "%.17g", h->monthly_cost);
        fprintf(f, ",%s,", date);
        if (h->has_termination_fee)
            fprintf(f, "%.17g", h->termination_fee);
        fprintf(f, "\n");
    }
    fclose(f);
    OPEN("scenarios.json");
    {
        char date[11];
        sp_date_format(&s->start_date, date);
        fprintf(f,
                "{\"settings\": {\"horizon_months\": %.17g, \"labor_rate\": "
                "%.17g, \"migration_hours_fixed\": %.17g, "
                "\"migration_hours_per_unit\": %.17g, \"start_date\": "
                "\"%s\", \"required\": [",
                pb->settings.horizon_months, pb->settings.labor_rate,
                pb->settings.migration_hours_fixed,
                pb->settings.migration_hours_per_unit, date);
    }
    for (k = 0; k < pb->settings.nrequired; k++)
        fprintf(f, "%s\"%s\"", k ? ", " : "",
                pb->categories[pb->settings.required[k]]);
    fprintf(f,
            "]},\n \"scenarios\": [{\"name\": \"%s\", \"switch\": "
            "\"%s\", \"keep_capabilities\": %s",
            sc->name, s->switch_renewal ? "renewal" : "now",
            s->keep_capabilities ? "true" : "false");
    if (sc->max_vendors >= 0)
        fprintf(f, ", \"max_vendors\": %d", sc->max_vendors);
    if (s->nrequire_frameworks)
        fprintf(f, ", \"require_frameworks\": [\"%s\"]",
                pb->frameworks[0].label);
    if (sc->guards.ngroups) {
        fprintf(f, ", \"separate\": [");
        for (g = 0; g < sc->guards.ngroups; g++) {
            fprintf(f, "%s[", g ? ", " : "");
            for (k = sc->guards.group_first[g];
                 k < sc->guards.group_first[g + 1]; k++)
                fprintf(f, "%s\"%s\"",
                        k > sc->guards.group_first[g] ? ", " : "",
                        pb->categories[sc->guards.group_cats[k]]);
            fprintf(f, "]");
        }
        fprintf(f, "]");
    }
    if (sc->guards.max_per_vendor > 0)
        fprintf(f, ", \"max_categories_per_vendor\": %d",
                sc->guards.max_per_vendor);
    for (i = 0; i < sc->nrequire_vendors; i++)
        fprintf(f, ", \"require_vendors\": [\"%s\"]",
                pb->vendors[sc->require_vendors[i]].name);
    for (i = 0; i < sc->nexclude_vendors; i++)
        fprintf(f, ", \"exclude_vendors\": [\"%s\"]",
                pb->vendors[sc->exclude_vendors[i]].name);
    for (i = 0; i < sc->nexclude_products; i++)
        fprintf(f, ", \"exclude_products\": [\"%s\"]",
                pb->products[sc->exclude_products[i]].id);
    for (i = 0; i < sc->nkeep_clients; i++)
        fprintf(f, ", \"keep_clients\": [\"%s\"]",
                pb->clients[sc->keep_clients[i]].id);
    for (i = 0; i < sc->nkeep_products; i++)
        fprintf(f, ", \"keep_products\": [\"%s\"]",
                pb->products[sc->keep_products[i]].id);
    for (i = 0; i < sc->nkeep_client_products; i++)
        fprintf(f, ", \"keep_client_products\": {\"%s\": [\"%s\"]}",
                pb->clients[sc->keep_client_products[i].client].id,
                pb->products[sc->keep_client_products[i].product].id);
    for (i = 0; i < sc->nprice_changes; i++)
        fprintf(f, ", \"price_change\": {\"%s\": %.17g}",
                sc->price_changes[i].is_vendor
                    ? pb->vendors[sc->price_changes[i].index].name
                    : pb->products[sc->price_changes[i].index].id,
                sc->price_changes[i].fraction);
    fprintf(f, "}]}\n");
    fclose(f);
#undef OPEN
}

/* Seeds that once failed, run first every time: 1045705, a MIR cut of
 * the root scaled by 2^43 that made GLPK lose the optimum (root.c). */
static const uint64_t regressions[] = {1045705};
#define NREGRESSIONS (int)(sizeof(regressions) / sizeof(regressions[0]))

/* With no argument, the regression seeds and then 3,000 instances from
 * seed 1; `test_brute_all RUNS FIRST` runs RUNS instances from seed
 * FIRST (a long hunt, or one failing seed: `test_brute_all 1 SEED`). */
int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 3000, done = 0, nfeas = 0;
    int infeasible = 0, mixed = 0, pinned_guard = 0, heuristic = 0;
    int nreg = argc > 1 ? 0 : NREGRESSIONS, i;
    uint64_t first = argc > 2 ? strtoull(argv[2], NULL, 10) : 1, seed;

    for (i = 0; done < runs + nreg; i++) {
        struct sp_problem *pb;
        struct sp_scenario *sc;
        sp_result *res = NULL;
        char err[512];
        struct sp_plan *best;
        bool disagree = false;
        double brute;
        int npairs;
        enum sp_status st;

        seed = i < nreg ? regressions[i] : first + (uint64_t)(i - nreg);
        rng_state = seed * 104729;
        pb = random_problem();
        sc = &pb->scenarios[0];
        best = sp_plan_new(pb);
        brute = brute_force(pb, sc, &npairs, best, &disagree);
        if (isnan(brute)) {
            sp_plan_free(best);
            sp_problem_free(pb);
            continue;
        }
        done++;
        ok(!disagree,
           "seed %llu: verify.c agrees with this file on all %llu plans",
           (unsigned long long)seed, 1ULL << npairs);
        if (argc > 3)
            write_instance(pb, argv[3]);
        mixed += sc->settings.switch_renewal && has_pins(pb, sc) &&
                 sp_guards_on(&sc->guards) && pb->nholdings > 0;
        check_root(pb, seed, &heuristic);
        st = sp_solve(pb, NULL, &res, err, sizeof(err));
        ok(st == SP_OK, "seed %llu: solve returns SP_OK (%s)",
           (unsigned long long)seed, st == SP_OK ? "" : err);
        if (st == SP_OK) {
            const struct sp_scenario_result *r = &res->scenarios[0];
            if (isinf(brute)) {
                infeasible++;
                ok(r->status == SP_PLAN_INFEASIBLE && r->reason,
                   "seed %llu: infeasible by enumeration and by MIP (%s)",
                   (unsigned long long)seed, r->reason ? r->reason : "-");
                /* SPEC section 7: a pin that breaks a guard is the
                 * reason, unless an exclusion is named first */
                if (r->reason && pins_break_guard(pb, sc)) {
                    pinned_guard++;
                    ok(strstr(r->reason, "must keep") ||
                           strstr(r->reason, "is excluded:") ||
                           strstr(r->reason, "is in keep_clients"),
                       "seed %llu: the reason names the pin (%s)",
                       (unsigned long long)seed, r->reason);
                }
            } else if (!r->plan) {
                ok(0, "seed %llu: MIP finds no plan (%s), enumeration %.4f",
                   (unsigned long long)seed, r->reason ? r->reason : "-",
                   brute);
            } else {
                double cost = plan_cost(pb, sc, r->plan);
                nfeas++;
                ok(feasible(pb, sc, r->plan),
                   "seed %llu: the MIP's plan keeps the rules",
                   (unsigned long long)seed);
                ok(fabs(cost - r->cost->total) <=
                           1e-6 * fmax(1.0, fabs(cost)) &&
                       fabs(r->objective - r->cost->total) <=
                           1e-6 * fmax(1.0, fabs(cost)),
                   "seed %llu: plan costs %.4f by hand, %.4f checked, "
                   "objective %.4f",
                   (unsigned long long)seed, cost, r->cost->total,
                   r->objective);
                if (fabs(sp_result_total(res, 0) - brute) >
                    1e-6 * fmax(1.0, brute)) {
                    diag("status %s, bound %.4f, gap %g, max_vendors %d",
                         sp_plan_status_name(r->status), r->bound, r->gap,
                         sc->max_vendors);
                    diag("the enumeration's plan, then the MIP's:");
                    dump(pb, sc, best);
                    dump_model(pb, sc, best, false);
                    dump_model(pb, sc, best, true);
                    dump(pb, sc, r->plan);
                    dump_model(pb, sc, r->plan, false);
                }
                is_num(sp_result_total(res, 0), brute, 1e-6 * fmax(1.0, brute),
                       "seed %llu%s: MIP optimum %.4f equals enumeration "
                       "over %d candidates",
                       (unsigned long long)seed,
                       sc->settings.switch_renewal ? " (renewal)" : "",
                       sp_result_total(res, 0), npairs);
            }
        }
        sp_result_free(res);
        sp_plan_free(best);
        sp_problem_free(pb);
    }
    ok(nfeas > runs / 4 && infeasible > 0,
       "feasible %d, infeasible %d of %d instances", nfeas, infeasible, runs);
    ok(heuristic > runs / 20, "the heuristic built %d plans", heuristic);
    ok(pinned_guard > 0, "%d instances where a pin breaks a guard",
       pinned_guard);
    ok(mixed > runs / 20, "%d instances with renewal, pins and guards at once",
       mixed);
    return done_testing();
}
