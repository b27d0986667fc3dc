/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What-if analysis through the library: the frontier against independent
 * solves with each max_vendors, break-even prices against their closed
 * form, vendor value, the search range and precision, scenario copies and
 * the problem digest.  Each instance is written as CSV files to a fresh
 * folder and read with sp_problem_load. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../tap.h"
#include "whatif_int.h"

static char root[] = "/tmp/sp-whatif-XXXXXX";
static int folders;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "w");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0)
        abort();
}

/* A new folder holding the given files (name, text, ..., NULL); loaded. */
static sp_problem *load(const char *first, ...)
{
    char dir[256], cmd[512];
    const char *name = first, *text;
    sp_problem *pb = NULL;
    va_list ap;

    snprintf(dir, sizeof(dir), "%s/%d", root, ++folders);
    snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
    if (system(cmd) != 0)
        abort();
    va_start(ap, first);
    while (name) {
        text = va_arg(ap, const char *);
        write_file(dir, name, text);
        name = va_arg(ap, const char *);
    }
    va_end(ap);
    if (sp_problem_load(dir, NULL, &pb, NULL) != SP_OK)
        return NULL;
    return pb;
}

static const char clients[] = "client,users\nc1,10\n";
static const char settings[] =
    "{\"settings\": {\"horizon_months\": 12, \"start_date\": \"2027-01-01\"},"
    " \"scenarios\": [{\"name\": \"optimal\"},"
    " {\"name\": \"must keep VB\", \"require_vendors\": [\"VB\"]}]}\n";

/* Two single-vendor suites at a and b per user, one client of 10 users. */
static sp_problem *two_suites(double a, double b)
{
    char catalog[256];

    snprintf(catalog, sizeof(catalog),
             "product,vendor,covers,unit,price\n"
             "SA,VA,email;endpoint;backup,user,%g\n"
             "SB,VB,email;endpoint;backup,user,%g\n",
             a, b);
    return load("catalog.csv", catalog, "clients.csv", clients,
                "scenarios.json", settings, (const char *)NULL);
}

static void test_closed_form(double a, double b)
{
    sp_problem *pb = two_suites(a, b);
    struct sp_breakeven_request req;
    sp_breakeven *be = NULL;
    const struct sp_breakeven_item *it;
    char err[512];
    /* the cheaper suite is kept until it costs the dearer one's price */
    double rise = (a < b ? b / a : a / b) - 1,
           cut = (a < b ? a / b : b / a) - 1;
    const char *kept = a < b ? "VA" : "VB", *left = a < b ? "VB" : "VA";

    ok(pb != NULL, "%g vs %g: loaded", a, b);
    if (!pb)
        return;
    memset(&req, 0, sizeof(req));
    req.vendor = kept;
    ok(sp_breakeven_compute(pb, NULL, &req, NULL, &be, err, sizeof(err)) ==
           SP_OK,
       "%g vs %g: break-even of %s computed", a, b, kept);
    it = be ? sp_breakeven_get(be, 0) : NULL;
    ok(it && it->in_plan && it->found, "%s is kept and flips", kept);
    if (it) {
        ok(it->lower <= rise && it->upper >= rise, "bracket [%g, %g] holds %g",
           it->lower, it->upper, rise);
        ok(it->upper - it->lower <= 0.001 + 1e-12, "bracket within 0.1 %%");
        is_num(it->change, rise, 0.0005, "break-even rise = %g", rise);
        ok(it->near.uses && !it->far.uses, "near keeps it, far drops it");
        ok(it->near.nvendors == 1 && strcmp(it->near.vendors[0], kept) == 0,
           "near plan keeps %s", kept);
        ok(it->far.nvendors == 1 && strcmp(it->far.vendors[0], left) == 0,
           "far plan keeps %s", left);
        ok(it->has_value, "a vendor value");
        is_num(it->value, fabs(b - a) * 10 * 12, 1e-6,
               "vendor value = the price difference over the horizon");
        is_num(it->monthly_spend, (a < b ? a : b) * 10, 1e-9,
               "its monthly spend");
        ok(it->proven, "every step proven");
    }
    sp_breakeven_free(be);
    be = NULL;

    req.vendor = left;
    ok(sp_breakeven_compute(pb, NULL, &req, NULL, &be, err, sizeof(err)) ==
           SP_OK,
       "%g vs %g: break-even of %s computed", a, b, left);
    it = be ? sp_breakeven_get(be, 0) : NULL;
    ok(it && !it->in_plan && it->found, "%s is left out and flips", left);
    if (it) {
        ok(it->range_from == -1 && it->range_to == 0, "cuts searched");
        ok(it->lower <= cut && it->upper >= cut, "bracket [%g, %g] holds %g",
           it->lower, it->upper, cut);
        is_num(it->change, cut, 0.0005, "break-even cut = %g", cut);
        ok(!it->has_value && it->value_note, "no value when left out");
    }
    sp_breakeven_free(be);
    sp_problem_free(pb);
}

/* The search range and precision are the caller's. */
static void test_range(void)
{
    sp_problem *pb = two_suites(10, 12);
    struct sp_breakeven_request req;
    sp_breakeven *be = NULL;
    const struct sp_breakeven_item *it;
    char err[512];

    memset(&req, 0, sizeof(req));
    req.vendor = "VA";
    req.max_rise = 0.1;
    ok(pb && sp_breakeven_compute(pb, NULL, &req, NULL, &be, err,
                                  sizeof(err)) == SP_OK,
       "a rise searched up to +10 %%");
    it = be ? sp_breakeven_get(be, 0) : NULL;
    ok(it && !it->found && it->range_to == 0.1 && !it->far.status,
       "a flip at +20 %% is never within +10 %%");
    if (it)
        is_str(it->sentence,
               "Vendor VA stays worth keeping even at +10.0 % (the top of "
               "the range searched).",
               "the sentence says so");
    sp_breakeven_free(be);
    be = NULL;

    req.max_rise = 0;
    req.precision = 0.01;
    ok(pb && sp_breakeven_compute(pb, NULL, &req, NULL, &be, err,
                                  sizeof(err)) == SP_OK,
       "a coarser precision");
    it = be ? sp_breakeven_get(be, 0) : NULL;
    ok(it && it->found && it->upper - it->lower <= 0.01 &&
           it->upper - it->lower > 0.001,
       "the bracket is as wide as asked, not wider");
    sp_breakeven_free(be);
    be = NULL;

    req.precision = 0;
    req.vendor = "VB";
    ok(pb && sp_breakeven_compute(pb, "must keep VB", &req, NULL, &be, err,
                                  sizeof(err)) == SP_OK,
       "a vendor the scenario requires");
    it = be ? sp_breakeven_get(be, 0) : NULL;
    ok(it && it->forced && !it->found && it->in_plan,
       "is fixed by the scenario, not searched");

    sp_breakeven_free(be);
    be = NULL;
    req.vendor = "Nope";
    ok(pb &&
           sp_breakeven_compute(pb, NULL, &req, NULL, &be, err, sizeof(err)) ==
               SP_ERR_USAGE &&
           !be,
       "an unknown vendor is a usage error");
    is_str(err, "vendor 'Nope' is not in catalog.csv", "... named");
    req.vendor = NULL;
    ok(pb && sp_breakeven_compute(pb, NULL, &req, NULL, &be, err,
                                  sizeof(err)) == SP_ERR_USAGE,
       "nothing requested is a usage error");
    sp_problem_free(pb);
}

static const char ladder_settings[] =
    "{\"settings\": {\"horizon_months\": 12, \"start_date\": "
    "\"2027-01-01\"}, \"scenarios\": [{\"name\": \"optimal\"},"
    " {\"name\": \"must keep VS\", \"require_vendors\": [\"VS\"]}]}\n";

/* One suite (20/user), two-category product + backup (14 + 3), three
 * point products (5 + 6 + 3); today the client runs four vendors. */
static sp_problem *ladder(void)
{
    return load("catalog.csv",
                "product,vendor,covers,unit,price\n"
                "E,VE,email,user,5\nP,VP,endpoint,user,6\n"
                "K,VK,backup,user,3\nEP,VEP,email;endpoint,user,14\n"
                "S,VS,email;endpoint;backup,user,20\n",
                "clients.csv", clients, "inventory.csv",
                "client,product\nc1,E\nc1,P\nc1,K\nc1,S\n", "scenarios.json",
                ladder_settings, (const char *)NULL);
}

static void test_frontier(void)
{
    static const double want[] = {2400, 2040, 1680, 1680, 1680};
    sp_problem *pb = ladder();
    sp_frontier *f = NULL;
    struct sp_scenario sc;
    struct sp_scenario_result r;
    struct sp_plan *current;
    char err[512];
    int i, n;
    bool down = true, same = true, within = true;

    ok(pb != NULL, "ladder: loaded");
    if (!pb)
        return;
    ok(sp_frontier_compute(pb, NULL, NULL, &f, err, sizeof(err)) == SP_OK,
       "frontier computed");
    n = f ? sp_frontier_count(f) : 0;
    ok(n == 5, "limits 1 to 4 and no limit (%d points)", n);
    ok(f && sp_frontier_infeasible_below(f) == 1, "1 vendor is feasible");
    ok(f && sp_frontier_baseline_vendors(f) == 4, "4 vendors today");
    is_num(f ? sp_frontier_baseline_total(f) : 0, 4080, 1e-6, "today's total");
    current = sp_plan_current(pb);
    for (i = 0; f && current && i < n && i < 5; i++) {
        const struct sp_frontier_point *p = sp_frontier_get(f, i);
        is_num(p->total_cost, want[i], 1e-6, "point %d: total", i);
        if (i > 0 && p->total_cost > sp_frontier_get(f, i - 1)->total_cost)
            down = false;
        if (p->max_vendors >= 0 && p->nvendors > p->max_vendors)
            within = false;
        /* the same limit solved on its own */
        if (!sp_scenario_copy(&sc, &pb->scenarios[0]))
            abort();
        sc.max_vendors = p->max_vendors;
        if (sp_solve_one(pb, &sc, current, NULL, &r, err, sizeof(err)) !=
                SP_OK ||
            !r.cost || fabs(r.cost->total - p->total_cost) > 1e-6)
            same = false;
        sp_scenario_result_clear(&r);
        sp_scenario_clear(&sc);
    }
    sp_plan_free(current);
    ok(down, "cost never rises as the limit grows");
    ok(within, "no point keeps more vendors than its limit");
    ok(same, "each point equals an independent solve with its limit");
    ok(f && sp_frontier_get(f, n - 1)->max_vendors == -1,
       "the last point has no limit");
    ok(f && !sp_frontier_get(f, 3)->solved,
       "limit 4 needs no solve: the unconstrained optimum keeps 3");
    sp_frontier_free(f);
    f = NULL;
    ok(sp_frontier_compute(pb, "nope", NULL, &f, err, sizeof(err)) ==
               SP_ERR_USAGE &&
           !f,
       "an unknown scenario is a usage error");
    sp_problem_free(pb);
}

static void test_copy_and_digest(void)
{
    sp_problem *a = ladder(), *b = ladder(), *c;
    struct sp_scenario copy;
    char da[17], db[17], dc[17];

    ok(a && b, "two loads of the same data");
    if (!a || !b)
        return;
    ok(sp_scenario_copy(&copy, &a->scenarios[1]), "a scenario copied");
    ok(copy.name != a->scenarios[1].name &&
           strcmp(copy.name, "must keep VS") == 0,
       "its own name");
    ok(copy.nrequire_vendors == 1 &&
           copy.require_vendors != a->scenarios[1].require_vendors &&
           copy.require_vendors[0] == a->scenarios[1].require_vendors[0],
       "its own lists");
    sp_scenario_clear(&copy);
    ok(copy.name == NULL && copy.nrequire_vendors == 0, "cleared");

    sp_problem_digest(a, da);
    sp_problem_digest(b, db);
    is_str(da, db, "the same data gives the same digest");
    ok(strlen(da) == 16, "16 hex digits");
    c = load("catalog.csv",
             "product,vendor,covers,unit,price\n"
             "E,VE,email,user,5\nP,VP,endpoint,user,6\n"
             "K,VK,backup,user,3\nEP,VEP,email;endpoint,user,14\n"
             "S,VS,email;endpoint;backup,user,20.01\n",
             "clients.csv", clients, "inventory.csv",
             "client,product\nc1,E\nc1,P\nc1,K\nc1,S\n", "scenarios.json",
             ladder_settings, (const char *)NULL);
    if (c) {
        sp_problem_digest(c, dc);
        ok(strcmp(da, dc) != 0, "one price a cent apart changes it");
    }
    sp_problem_free(a);
    sp_problem_free(b);
    sp_problem_free(c);
}

int main(void)
{
    char cmd[256];

    if (!mkdtemp(root))
        return 99;
    test_closed_form(10, 12);
    test_closed_form(12, 10);
    test_closed_form(8, 9.5);
    test_range();
    test_frontier();
    test_copy_and_digest();
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    if (system(cmd) != 0)
        ok(0, "temporary folder removed");
    return done_testing();
}
