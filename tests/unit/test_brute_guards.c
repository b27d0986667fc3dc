/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Property test for docs/compliance.md: on hundreds of random tiny
 * instances (2-3 clients, 4-7 products over 4 categories, bundles, tiers,
 * min_commits, contracts, exclusions, keep_clients) with frameworks of
 * controls, `separate` groups and max_categories_per_vendor, the MIP
 * optimum equals the least cost found by enumerating every assignment of
 * candidate products (the candidate rule widened by the controls).  The
 * enumeration judges feasibility by its own reading of the rules, written
 * here again, not by model/core/compliance.c; the base rules (coverage,
 * exclusions, pins, vendors) by model/core/verify.c.  Every plan the
 * solver reports also passes this file's reading, and the root of a lazy
 * model hands over only such plans.
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
        pb->vendors[v].min_commit = rnd(0, 1) ? money(10, 400) : 0;
    }
    pb->nproducts = rnd(4, 7);
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
        if (rnd(0, 1)) {
            int nt = rnd(1, 2);
            double m = 0;
            pr->tiers = calloc((size_t)nt, sizeof(*pr->tiers));
            pr->ntiers = nt;
            for (i = 0; i < nt; i++) {
                m += rnd(5, 60);
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
    pb->settings.start_date.year = 2027;
    pb->settings.start_date.month = 1;
    pb->settings.start_date.day = rnd(1, 28);
    pb->settings.start_date_given = true;
    /* R(c): email and endpoint, sometimes backup */
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
    sc->max_vendors = rnd(0, 3) == 0 ? rnd(1, 3) : -1;
    if (rnd(0, 3) == 0) {
        sc->settings.require_frameworks = calloc(1, sizeof(int));
        sc->settings.nrequire_frameworks = 1;
    }
    if (rnd(0, 3) != 0) {
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
        sc->exclude_products = calloc(1, sizeof(int));
        sc->exclude_products[sc->nexclude_products++] =
            rnd(0, pb->nproducts - 1);
    }
    if (rnd(0, 4) == 0) {
        sc->keep_clients = calloc(1, sizeof(int));
        sc->keep_clients[sc->nkeep_clients++] = rnd(0, pb->nclients - 1);
    }
    return pb;
}

static bool in_list(const int *list, int n, int v)
{
    int i;
    for (i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
}

static bool has_fw(const struct sp_problem *pb, const struct sp_scenario *sc,
                   int c)
{
    return pb->clients[c].nframeworks > 0 ||
           sc->settings.nrequire_frameworks > 0;
}

static bool covers(const struct sp_product *pr, int k)
{
    int i;
    for (i = 0; i < pr->ncovers; i++)
        if (pr->covers[i] == k)
            return true;
    return false;
}

/* Candidates: a required category, a control category of its
 * framework, or a current product. */
static bool candidate(const struct sp_problem *pb,
                      const struct sp_scenario *sc, int c, int p)
{
    const struct sp_product *pr = &pb->products[p];
    int i, k;

    if (sp_current_holding(pb, c, p) >= 0)
        return true;
    for (k = 0; k < sc->settings.nrequired; k++)
        if (covers(pr, sc->settings.required[k]))
            return true;
    if (has_fw(pb, sc, c))
        for (i = 0; i < pb->ncontrols; i++)
            for (k = 0; k < pb->controls[i].ncategories; k++)
                if (covers(pr, pb->controls[i].categories[k]))
                    return true;
    return false;
}

/* This file's own reading of docs/compliance.md for client c. */
static bool rules_hold(const struct sp_problem *pb,
                       const struct sp_scenario *sc,
                       const struct sp_plan *plan, int c)
{
    int v, p, k, i, g;

    if (in_list(sc->keep_clients, sc->nkeep_clients, c))
        return true; /* exempt */
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
        for (k = 0; k < sc->settings.nrequired; k++)
            n += cov[sc->settings.required[k]];
        if (sc->guards.max_per_vendor > 0 && n > sc->guards.max_per_vendor)
            return false;
    }
    return true;
}

static bool feasible(const struct sp_problem *pb, const struct sp_scenario *sc,
                     const struct sp_plan *plan)
{
    char why[256];
    int c;

    if (!sp_verify_plan(pb, sc, plan, why, sizeof(why)))
        return false;
    for (c = 0; c < pb->nclients; c++)
        if (!rules_hold(pb, sc, plan, c))
            return false;
    return true;
}

static double brute_force(const struct sp_problem *pb,
                          const struct sp_scenario *sc, int *npairs_out)
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
    if (npairs > 16) {
        sp_plan_free(plan);
        return NAN;
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
        if (!feasible(pb, sc, plan))
            continue;
        k = sp_cost_plan(pb, sc, plan);
        if (k->total < best)
            best = k->total;
        sp_costing_free(k);
    }
    sp_plan_free(plan);
    return best;
}

/* The root of a lazy model: its first plan, if any, keeps the rules. */
static void check_root(const struct sp_problem *pb, uint64_t seed)
{
    const struct sp_scenario *sc = &pb->scenarios[0];
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
    if (root.first)
        ok(feasible(pb, sc, root.first),
           "seed %llu: the root's first plan keeps the rules",
           (unsigned long long)seed);
    sp_plan_free(root.first);
    sp_model_free(m);
}

/* The public accessors count what this file counts: clients with the
 * framework, and those whose plan meets both controls. */
static void accessors_agree(const struct sp_problem *pb, const sp_result *res,
                            uint64_t seed)
{
    const struct sp_scenario *sc = &pb->scenarios[0];
    const struct sp_plan *plan = res->scenarios[0].plan;
    int c, p, i, k, want_n = 0, want_met = 0, n = -1, met;

    for (c = 0; c < pb->nclients; c++) {
        int got = 0;
        if (!has_fw(pb, sc, c))
            continue;
        want_n++;
        for (i = 0; i < pb->ncontrols; i++) {
            bool one = false;
            for (p = 0; p < pb->nproducts; p++)
                for (k = 0; k < pb->controls[i].ncategories; k++)
                    one |= sp_plan_has(plan, c, p) &&
                           covers(&pb->products[p],
                                  pb->controls[i].categories[k]);
            got += one;
        }
        want_met += got == pb->ncontrols;
    }
    met = sp_result_compliant_clients(res, 0, 0, &n);
    ok(sp_result_framework_count(res) == 1 &&
           strcmp(sp_result_framework(res, 0), "FW") == 0 &&
           sp_result_framework_in_scope(res, 0) == 2 && n == want_n &&
           met == want_met && sp_result_framework(res, 1) == NULL,
       "seed %llu: accessors: %d of %d clients fully met (want %d of %d)",
       (unsigned long long)seed, met, n, want_met, want_n);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 300, done = 0, nfeas = 0;
    int guarded = 0, infeasible = 0, binding = 0;
    uint64_t seed;

    for (seed = 1; done < runs; seed++) {
        struct sp_problem *pb;
        sp_result *res = NULL;
        char err[512];
        double brute;
        int npairs;
        enum sp_status st;

        rng_state = seed * 7919;
        pb = random_problem();
        brute = brute_force(pb, &pb->scenarios[0], &npairs);
        if (isnan(brute)) {
            sp_problem_free(pb);
            continue;
        }
        done++;
        if (sp_guards_on(&pb->scenarios[0].guards)) {
            /* the same scenario without its guards: do they bind? */
            struct sp_scenario free_sc = pb->scenarios[0];
            int unused;
            memset(&free_sc.guards, 0, sizeof(free_sc.guards));
            guarded++;
            binding += brute_force(pb, &free_sc, &unused) < brute - 1e-6;
        }
        check_root(pb, seed);
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
            } else {
                nfeas++;
                ok(r->plan && feasible(pb, &pb->scenarios[0], r->plan),
                   "seed %llu: the MIP's plan keeps the rules",
                   (unsigned long long)seed);
                accessors_agree(pb, res, seed);
                is_num(sp_result_total(res, 0), brute,
                       1e-6 * fmax(1.0, brute),
                       "seed %llu: MIP optimum %.4f equals enumeration over "
                       "%d candidates",
                       (unsigned long long)seed, sp_result_total(res, 0),
                       npairs);
            }
        }
        sp_result_free(res);
        sp_problem_free(pb);
    }
    ok(nfeas > runs / 3 && infeasible > 0,
       "feasible %d, infeasible %d of %d instances", nfeas, infeasible,
       runs);
    ok(guarded > runs / 2 && binding > runs / 10,
       "%d of %d instances with guards, %d where they raise the optimum",
       guarded, runs, binding);
    return done_testing();
}
