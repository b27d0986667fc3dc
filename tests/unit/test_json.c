/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp_json_write: key order, rounding to cents, nulls for an infeasible
 * scenario, unmapped rows, migrations and tiers, stable bytes.  The
 * problem and the result are built by hand; plans are costed with
 * sp_cost_plan, the baseline costing is filled with awkward numbers to
 * exercise the rounding rule. */
#include "config.h"
#include <cJSON.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../tap.h"
#include "stackplan/export.h"
#include "core_int.h"

enum { MAILA, EDRB, SUITEG, BACKA, NPRODUCTS };
enum { ACME, BETA, GAMMA, NVENDORS };
enum { EMAIL, ENDPOINT, BACKUP, NCATS };
enum { C1, C2, NCLIENTS };

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

static void *zalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static int *ints(int n, const int *v)
{
    int *a = zalloc((size_t)n, sizeof(int));
    memcpy(a, v, (size_t)n * sizeof(int));
    return a;
}

static void product(struct sp_problem *pb, int p, const char *id, int vendor,
                    enum sp_unit unit, double price, int ncovers,
                    const int *covers)
{
    struct sp_product *pr = &pb->products[p];
    pr->id = xstrdup(id);
    pr->name = xstrdup(id);
    pr->vendor = vendor;
    pr->unit = unit;
    pr->price = price;
    pr->resale_price = price;
    pr->covers = ints(ncovers, covers);
    pr->ncovers = ncovers;
    pr->line = p + 2;
}

static struct sp_holding *holding(struct sp_problem *pb, int i, int c,
                                  const char *product_id)
{
    struct sp_holding *h = &pb->holdings[i];
    struct sp_client *cl = &pb->clients[c];
    h->client = c;
    h->product_id = xstrdup(product_id);
    h->product = sp_problem_find_product(pb, product_id);
    h->line = i + 2;
    cl->holdings[cl->nholdings++] = i;
    return h;
}

/*
 * Catalog: MailA (Acme, email, 2/user), EdrB (Beta, endpoint, 3/device,
 * 2.5 from 10 devices), SuiteG (Gamma, all three, 9/user), BackA (Acme,
 * backup, 20 flat).  c1 (5 users, 6 devices) runs MailA at a contracted
 * 12.50 until 2027-06-15 and EdrB; c2 (3 users, 4 devices) runs SuiteG
 * (termination fee 100).  Two rows are unmapped.
 */
static struct sp_problem *build_problem(void)
{
    struct sp_problem *pb = zalloc(1, sizeof(*pb));
    const int all[] = {EMAIL, ENDPOINT, BACKUP};
    const int email[] = {EMAIL}, endpoint[] = {ENDPOINT}, backup[] = {BACKUP};
    const char *cats[] = {"email", "endpoint", "backup"};
    const char *vendors[] = {"Acme", "Beta", "Gamma"};
    struct sp_holding *h;
    struct sp_scenario *sc;
    int i;

    pb->dir = xstrdup("test");
    pb->ncategories = NCATS;
    pb->categories = zalloc(NCATS, sizeof(char *));
    for (i = 0; i < NCATS; i++)
        pb->categories[i] = xstrdup(cats[i]);
    pb->nvendors = NVENDORS;
    pb->vendors = zalloc(NVENDORS, sizeof(struct sp_vendor));
    for (i = 0; i < NVENDORS; i++)
        pb->vendors[i].name = xstrdup(vendors[i]);
    pb->vendors[ACME].monthly_fee = 10;
    pb->vendors[GAMMA].admin_hours = 1;

    pb->nproducts = NPRODUCTS;
    pb->products = zalloc(NPRODUCTS, sizeof(struct sp_product));
    product(pb, MAILA, "MailA", ACME, SP_UNIT_USER, 2, 1, email);
    product(pb, EDRB, "EdrB", BETA, SP_UNIT_DEVICE, 3, 1, endpoint);
    product(pb, SUITEG, "SuiteG", GAMMA, SP_UNIT_USER, 9, 3, all);
    product(pb, BACKA, "BackA", ACME, SP_UNIT_FLAT, 20, 1, backup);
    pb->products[EDRB].tiers = zalloc(1, sizeof(struct sp_tier));
    pb->products[EDRB].tiers[0].min_units = 10;
    pb->products[EDRB].tiers[0].price = 2.5;
    pb->products[EDRB].ntiers = 1;

    pb->nclients = NCLIENTS;
    pb->clients = zalloc(NCLIENTS, sizeof(struct sp_client));
    for (i = 0; i < NCLIENTS; i++) {
        pb->clients[i].id = xstrdup(i == C1 ? "c1" : "c2");
        pb->clients[i].name = xstrdup(pb->clients[i].id);
        pb->clients[i].count[SP_UNIT_FLAT] = 1;
        pb->clients[i].holdings = zalloc(5, sizeof(int));
        pb->clients[i].line = i + 2;
    }
    pb->clients[C1].count[SP_UNIT_USER] = 5;
    pb->clients[C1].count[SP_UNIT_DEVICE] = 6;
    pb->clients[C2].count[SP_UNIT_USER] = 3;
    pb->clients[C2].count[SP_UNIT_DEVICE] = 4;

    pb->nholdings = 5;
    pb->has_inventory = true;
    pb->holdings = zalloc(5, sizeof(struct sp_holding));
    h = holding(pb, 0, C1, "MailA");
    h->has_monthly_cost = true;
    h->monthly_cost = 12.5;
    h->has_contract_end = true;
    sp_date_parse("2027-06-15", &h->contract_end);
    holding(pb, 1, C1, "EdrB");
    h = holding(pb, 2, C2, "OldAV");
    h->has_monthly_cost = true;
    h->monthly_cost = 7.333;
    h = holding(pb, 3, C2, "SuiteG");
    h->has_termination_fee = true;
    h->termination_fee = 100;
    holding(pb, 4, C1, "Legacy");

    pb->settings.horizon_months = 12;
    pb->settings.labor_rate = 50;
    pb->settings.migration_hours_fixed = 2;
    sp_date_parse("2027-01-01", &pb->settings.start_date);
    pb->settings.start_date_given = true;
    pb->settings.required = ints(3, all);
    pb->settings.nrequired = 3;
    strcpy(pb->settings.currency, "EUR");

    pb->nscenarios = 3;
    pb->has_scenarios_file = true;
    pb->scenarios = zalloc(3, sizeof(struct sp_scenario));
    for (i = 0; i < 3; i++) {
        sc = &pb->scenarios[i];
        if (!sp_settings_copy(&sc->settings, &pb->settings))
            abort();
        sc->max_vendors = -1;
    }
    pb->scenarios[0].name = xstrdup("optimal");
    pb->scenarios[1].name = xstrdup("no gamma");
    pb->scenarios[2].name = xstrdup("acme +10%");
    /* Acme +10 %, six months from 2027-03-01. */
    sc = &pb->scenarios[2];
    sc->settings.horizon_months = 6;
    sp_date_parse("2027-03-01", &sc->settings.start_date);
    sc->price_changes = zalloc(1, sizeof(struct sp_price_change));
    sc->price_changes[0].is_vendor = true;
    sc->price_changes[0].index = ACME;
    sc->price_changes[0].fraction = 0.10;
    sc->nprice_changes = 1;
    return pb;
}

static struct sp_plan *make_plan(const struct sp_problem *pb, const int *pairs,
                                 int npairs)
{
    struct sp_plan *pl = sp_plan_new(pb);
    int i;

    if (!pl)
        abort();
    for (i = 0; i < npairs; i++) {
        int c = pairs[2 * i], p = pairs[2 * i + 1];
        pl->x[c * pb->nproducts + p] = 1;
        pl->kept[pb->products[p].vendor] = 1;
    }
    return pl;
}

static struct sp_result *build_result(const struct sp_problem *pb)
{
    struct sp_result *r = zalloc(1, sizeof(*r));
    struct sp_scenario_result *s;
    /* optimal: both clients on MailA + EdrB + BackA (EdrB reaches its
     * 10-device tier); acme +10%: c1 moves to SuiteG, c2 stays. */
    const int opt[] = {C1, MAILA, C1, EDRB, C1, BACKA,
                       C2, MAILA, C2, EDRB, C2, BACKA};
    const int up[] = {C1, SUITEG, C2, SUITEG};
    int i;

    r->problem = pb;
    r->current = sp_plan_current(pb);
    /* Awkward figures for the rounding rule, not a real costing's (its
     * per-client arrays are real: the margin figures read them). */
    r->baseline = sp_cost_plan(pb, NULL, r->current);
    if (!r->baseline)
        abort();
    r->baseline->total = 1234.5649999;
    r->baseline->monthly_run_rate = 0.125;
    r->baseline->licence = 2.675;
    r->baseline->migration = 0.1 + 0.2;
    r->baseline->termination = 1234.56;
    r->baseline->vendor_overhead = -0.001;

    r->nscenarios = 3;
    r->scenarios = zalloc(3, sizeof(struct sp_scenario_result));
    for (i = 0; i < 3; i++) {
        s = &r->scenarios[i];
        s->scenario = &pb->scenarios[i];
        s->index = i;
        s->baseline = sp_cost_plan(pb, s->scenario, r->current);
        if (!s->baseline)
            abort();
    }
    s = &r->scenarios[0];
    s->status = SP_PLAN_OPTIMAL;
    s->plan = make_plan(pb, opt, 6);
    s->gap = 1.23456789e-7;
    s->solve_seconds = 0.12345;
    s = &r->scenarios[1];
    s->status = SP_PLAN_INFEASIBLE;
    s->reason = xstrdup("no product left covers 'email' for client 'c2'");
    s->solve_seconds = 0.0004;
    s = &r->scenarios[2];
    s->status = SP_PLAN_TIME_LIMIT;
    s->plan = make_plan(pb, up, 2);
    s->gap = 0.05;
    s->solve_seconds = 2;
    for (i = 0; i < 3; i++) {
        s = &r->scenarios[i];
        if (s->plan) {
            s->cost = sp_cost_plan(pb, s->scenario, s->plan);
            if (!s->cost)
                abort();
        }
    }
    return r;
}

static void free_result(struct sp_result *r)
{
    int i;

    for (i = 0; i < r->nscenarios; i++) {
        sp_plan_free(r->scenarios[i].plan);
        sp_costing_free(r->scenarios[i].cost);
        sp_costing_free(r->scenarios[i].baseline);
        free(r->scenarios[i].reason);
    }
    free(r->scenarios);
    sp_plan_free(r->current);
    sp_costing_free(r->baseline);
    free(r);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0) {
        buf = zalloc((size_t)n + 1, 1);
        if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

static double cents(double v)
{
    return round(v * 100.0) / 100.0;
}

/* The object's keys, in order, are exactly want (NULL-terminated). */
static int keys_are(const cJSON *obj, const char *const *want)
{
    const cJSON *it;
    int i = 0;

    if (!cJSON_IsObject(obj))
        return 0;
    for (it = obj->child; it; it = it->next, i++)
        if (!want[i] || strcmp(it->string, want[i]) != 0)
            return 0;
    return want[i] == NULL;
}

static const cJSON *get(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static double num(const cJSON *obj, const char *key)
{
    const cJSON *it = get(obj, key);
    return cJSON_IsNumber(it) ? it->valuedouble : NAN;
}

static const char *str(const cJSON *obj, const char *key)
{
    const cJSON *it = get(obj, key);
    return cJSON_IsString(it) ? it->valuestring : NULL;
}

/* The string array arr joined with ',', into buf. */
static const char *joined(const cJSON *arr, char *buf, size_t size)
{
    const cJSON *it;

    buf[0] = '\0';
    cJSON_ArrayForEach(it, arr)
    {
        if (buf[0])
            strncat(buf, ",", size - strlen(buf) - 1);
        strncat(buf, cJSON_IsString(it) ? it->valuestring : "?",
                size - strlen(buf) - 1);
    }
    return buf;
}

/* Longest run of digits after a decimal point anywhere in text. */
static int longest_fraction(const char *text)
{
    int best = 0, run;
    const char *p;

    for (p = text; *p; p++) {
        if (*p != '.' || p == text || p[-1] < '0' || p[-1] > '9')
            continue;
        for (run = 0; p[run + 1] >= '0' && p[run + 1] <= '9'; run++)
            ;
        if (run > best)
            best = run;
    }
    return best;
}

static const char *const top_keys[] = {
    "stackplan_version", "start_date", "start_date_given", "currency",
    "baseline",          "scenarios",  "source",           NULL};
static const char *const baseline_keys[] = {"total_cost",
                                            "monthly_run_rate",
                                            "vendors",
                                            "breakdown",
                                            "coverage_gaps",
                                            "unmapped",
                                            "unmapped_monthly_spend",
                                            "margin",
                                            "unmapped_monthly_revenue",
                                            "clients",
                                            "compliance",
                                            "frameworks",
                                            NULL};
static const char *const scenario_keys[] = {"name",
                                            "status",
                                            "total_cost",
                                            "monthly_run_rate",
                                            "vendors",
                                            "breakdown",
                                            "assignments",
                                            "gap",
                                            "solve_seconds",
                                            "savings",
                                            "baseline_total_cost",
                                            "horizon_months",
                                            "start_date",
                                            "migrations",
                                            "tiers",
                                            "coverage_gaps",
                                            "switch",
                                            "schedule",
                                            "cash_flow",
                                            "payback_months",
                                            "compliance",
                                            "frameworks",
                                            "exempt",
                                            "reason",
                                            "margin",
                                            "baseline_margin",
                                            NULL};
static const char *const breakdown_keys[] = {
    "licence", "migration", "termination", "vendor_overhead", NULL};

static void check_top(const cJSON *root, const char *text)
{
    const cJSON *b = get(root, "baseline"), *bd, *u, *g;
    char buf[256];

    ok(keys_are(root, top_keys), "top-level keys in order");
    is_str(str(root, "stackplan_version"), PACKAGE_VERSION, "version");
    is_str(str(root, "start_date"), "2027-01-01", "start date");
    ok(cJSON_IsTrue(get(root, "start_date_given")), "start date given");
    is_str(str(root, "currency"), "EUR", "currency");

    ok(keys_are(b, baseline_keys), "baseline keys in order");
    bd = get(b, "breakdown");
    ok(keys_are(bd, breakdown_keys), "baseline breakdown keys in order");
    /* The rule: round(v * 100) / 100, half away from zero. */
    is_num(num(b, "total_cost"), 1234.56, 0, "1234.5649999 -> 1234.56");
    is_num(num(b, "monthly_run_rate"), 0.13, 0, "0.125 -> 0.13");
    is_num(num(bd, "licence"), cents(2.675), 0, "2.675 by the rule");
    is_num(num(bd, "licence"), 2.68, 0, "2.675 * 100 is 267.5: 2.68");
    is_num(num(bd, "migration"), 0.3, 0, "0.1 + 0.2 -> 0.3");
    is_num(num(bd, "vendor_overhead"), 0, 0, "-0.001 -> 0");
    ok(strstr(text, "1234.56,") != NULL, "1234.56 printed short");
    ok(strstr(text, "1234.5599") == NULL, "no 17-digit money");
    ok(strstr(text, "-0,") == NULL && strstr(text, "-0\n") == NULL,
       "no negative zero");
    ok(longest_fraction(text) <= 6, "no long fractions anywhere (%d)",
       longest_fraction(text));

    is_str(joined(get(b, "vendors"), buf, sizeof(buf)), "Acme,Beta,Gamma",
           "baseline vendors in problem order");
    g = get(b, "coverage_gaps");
    ok(cJSON_GetArraySize(g) == 1, "one client with a gap today");
    is_str(str(cJSON_GetArrayItem(g, 0), "client"), "c1", "c1 has a gap");
    is_str(joined(get(cJSON_GetArrayItem(g, 0), "missing"), buf, sizeof(buf)),
           "backup", "c1 misses backup");

    u = get(b, "unmapped");
    ok(cJSON_GetArraySize(u) == 2, "two unmapped rows");
    is_str(str(cJSON_GetArrayItem(u, 0), "client"), "c2", "first: c2");
    is_str(str(cJSON_GetArrayItem(u, 0), "product"), "OldAV", "OldAV");
    is_num(num(cJSON_GetArrayItem(u, 0), "line"), 4, 0, "its line");
    is_num(num(cJSON_GetArrayItem(u, 0), "monthly_cost"), 7.33, 0,
           "its monthly cost");
    is_str(str(cJSON_GetArrayItem(u, 1), "product"), "Legacy", "Legacy");
    ok(cJSON_IsNull(get(cJSON_GetArrayItem(u, 1), "monthly_cost")),
       "no monthly cost -> null");
    is_num(num(b, "unmapped_monthly_spend"), 7.33, 0, "unmapped spend");
}

/* Per client, the dropped products' costs add up to cost.c's figure. */
static void check_dropped_sum(const struct sp_result *r, int i,
                              const cJSON *sj)
{
    const struct sp_problem *pb = r->problem;
    const struct sp_costing *k = r->scenarios[i].cost;
    const cJSON *m, *d;
    int c, bad = 0;

    cJSON_ArrayForEach(m, get(sj, "migrations"))
    {
        double sum = 0;
        c = sp_problem_find_client(pb, str(m, "client"));
        cJSON_ArrayForEach(d, get(m, "dropped")) sum += num(d, "cost");
        if (c < 0 || fabs(sum - k->client_termination[c]) > 0.011)
            bad++;
    }
    ok(bad == 0, "%s: dropped costs match cost.c per client",
       r->scenarios[i].scenario->name);
}

static void check_optimal(const struct sp_result *r, const cJSON *s)
{
    const struct sp_scenario_result *sr = &r->scenarios[0];
    const cJSON *a, *m, *t, *d;
    char buf[256];

    ok(keys_are(s, scenario_keys), "optimal: keys in order");
    ok(keys_are(get(s, "breakdown"), breakdown_keys),
       "optimal: breakdown keys in order");
    is_str(str(s, "status"), "optimal", "optimal: status");
    is_num(num(s, "total_cost"), cents(sr->cost->total), 0, "total");
    is_num(num(s, "monthly_run_rate"), cents(sr->cost->monthly_run_rate), 0,
           "run rate");
    is_num(num(get(s, "breakdown"), "termination"),
           cents(sr->cost->termination), 0, "termination");
    is_num(num(s, "savings"), cents(sr->baseline->total - sr->cost->total), 0,
           "savings = scenario baseline - total");
    is_num(num(s, "baseline_total_cost"), cents(sr->baseline->total), 0,
           "scenario baseline");
    is_num(num(s, "gap"), 1.23457e-7, 0, "gap to six digits");
    is_num(num(s, "solve_seconds"), 0.123, 0, "seconds to 3 decimals");
    is_num(num(s, "horizon_months"), 12, 0, "horizon");
    is_str(str(s, "start_date"), "2027-01-01", "start date");
    is_str(joined(get(s, "vendors"), buf, sizeof(buf)), "Acme,Beta",
           "kept vendors");
    a = get(s, "assignments");
    ok(cJSON_GetArraySize(a) == 2, "every client assigned");
    is_str(str(cJSON_GetArrayItem(a, 1), "client"), "c2", "problem order");
    is_str(joined(get(cJSON_GetArrayItem(a, 1), "products"), buf, sizeof(buf)),
           "MailA,EdrB,BackA", "c2's products in catalog order");

    m = get(s, "migrations");
    ok(cJSON_GetArraySize(m) == 2, "both clients change");
    is_str(joined(get(cJSON_GetArrayItem(m, 0), "adopted"), buf, sizeof(buf)),
           "BackA", "c1 adopts BackA");
    ok(cJSON_GetArraySize(get(cJSON_GetArrayItem(m, 0), "dropped")) == 0,
       "c1 drops nothing");
    d = cJSON_GetArrayItem(get(cJSON_GetArrayItem(m, 1), "dropped"), 0);
    is_str(str(d, "product"), "SuiteG", "c2 drops SuiteG");
    ok(cJSON_IsNull(get(d, "contract_end")), "month-to-month: null end");
    is_num(num(d, "cost"), 100, 0, "termination fee given");
    check_dropped_sum(r, 0, s);

    t = get(s, "tiers");
    ok(cJSON_GetArraySize(t) == 3, "one tier entry per chosen product");
    is_str(str(cJSON_GetArrayItem(t, 1), "product"), "EdrB", "EdrB");
    is_num(num(cJSON_GetArrayItem(t, 1), "units"), 10, 0, "6 + 4 devices");
    is_num(num(cJSON_GetArrayItem(t, 1), "unit_price"), 2.5, 0, "tier price");
    is_num(num(cJSON_GetArrayItem(t, 1), "tier_min_units"), 10, 0,
           "tier reached");
    ok(cJSON_IsNull(get(cJSON_GetArrayItem(t, 0), "tier_min_units")),
       "MailA at catalog price");
    ok(cJSON_GetArraySize(get(s, "coverage_gaps")) == 0, "no gaps");
    ok(cJSON_IsNull(get(s, "reason")), "feasible: reason null");
}

static void check_infeasible(const cJSON *s)
{
    static const char *const null_keys[] = {
        "total_cost", "monthly_run_rate", "breakdown", "gap", "savings", NULL};
    static const char *const empty_keys[] = {"vendors",       "assignments",
                                             "migrations",    "tiers",
                                             "coverage_gaps", NULL};
    int i, bad = 0;

    ok(keys_are(s, scenario_keys), "infeasible: same keys in order");
    is_str(str(s, "status"), "infeasible", "infeasible: status");
    for (i = 0; null_keys[i]; i++)
        bad += !cJSON_IsNull(get(s, null_keys[i]));
    ok(bad == 0, "infeasible: totals, breakdown, gap, savings null");
    for (bad = 0, i = 0; empty_keys[i]; i++)
        bad += !(cJSON_IsArray(get(s, empty_keys[i])) &&
                 cJSON_GetArraySize(get(s, empty_keys[i])) == 0);
    ok(bad == 0, "infeasible: lists empty");
    is_str(str(s, "reason"), "no product left covers 'email' for client 'c2'",
           "infeasible: reason");
    ok(cJSON_IsNumber(get(s, "solve_seconds")), "infeasible: seconds");
}

static void check_price_up(const struct sp_result *r, const cJSON *s)
{
    const cJSON *m, *d;
    char buf[256];

    is_str(str(s, "status"), "time_limit", "acme +10%%: status");
    is_num(num(s, "gap"), 0.05, 0, "acme +10%%: gap");
    is_str(str(s, "start_date"), "2027-03-01", "scenario's own start");
    is_num(num(s, "horizon_months"), 6, 0, "scenario's own horizon");
    m = get(s, "migrations");
    ok(cJSON_GetArraySize(m) == 1, "only c1 changes");
    is_str(str(cJSON_GetArrayItem(m, 0), "client"), "c1", "c1");
    is_str(joined(get(cJSON_GetArrayItem(m, 0), "adopted"), buf, sizeof(buf)),
           "SuiteG", "c1 adopts SuiteG");
    d = cJSON_GetArrayItem(get(cJSON_GetArrayItem(m, 0), "dropped"), 0);
    is_str(str(d, "product"), "MailA", "c1 drops MailA");
    is_str(str(d, "contract_end"), "2027-06-15", "its contract end");
    /* 2027-03-01 .. 2027-06-15: 3 months + 1 started, at 12.50 * 1.10. */
    is_num(num(d, "cost"), cents(4 * 12.5 * 1.1), 0, "rest of contract");
    d = cJSON_GetArrayItem(get(cJSON_GetArrayItem(m, 0), "dropped"), 1);
    is_str(str(d, "product"), "EdrB", "c1 drops EdrB");
    is_num(num(d, "cost"), 0, 0, "month-to-month without fee: 0");
    check_dropped_sum(r, 2, s);
    is_num(num(cJSON_GetArrayItem(get(s, "tiers"), 0), "unit_price"), 9, 0,
           "Gamma not repriced");
}

/* cJSON's allocator for the out-of-memory test: fails every allocation
 * after the first alloc_budget ones (-1 = never fails). */
static long alloc_budget = -1, alloc_count;

static void *failing_malloc(size_t size)
{
    alloc_count++;
    if (alloc_budget >= 0 && alloc_count > alloc_budget)
        return NULL;
    return malloc(size);
}

/* Every cJSON allocation that fails must surface as SP_ERR_NOMEM, never
 * as a file with something missing. */
static void check_out_of_memory(const struct sp_result *r, const char *path)
{
    cJSON_Hooks hooks = {failing_malloc, free};
    char err[256];
    long total, b, bad = 0;

    cJSON_InitHooks(&hooks);
    alloc_budget = -1;
    alloc_count = 0;
    ok(sp_json_write(r, path, err, sizeof(err)) == SP_OK,
       "write with counting allocator");
    total = alloc_count;
    for (b = 0; b < total; b++) {
        alloc_budget = b;
        alloc_count = 0;
        err[0] = '\0';
        if (sp_json_write(r, path, err, sizeof(err)) != SP_ERR_NOMEM ||
            !err[0])
            bad++;
    }
    alloc_budget = -1;
    cJSON_InitHooks(NULL);
    ok(total > 0 && bad == 0,
       "each of %ld failed allocations gives SP_ERR_NOMEM (%ld did not)",
       total, bad);
}

/* Writes r to "-" with stdout redirected to path. */
static enum sp_status write_stdout(const struct sp_result *r, const char *path,
                                   char *err, size_t errsize)
{
    enum sp_status st;
    int saved, fd;

    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (saved < 0 || fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
        abort();
    close(fd);
    st = sp_json_write(r, "-", err, errsize);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    return st;
}

int main(void)
{
    struct sp_problem *pb = build_problem();
    struct sp_result *r = build_result(pb);
    char dir[] = "/tmp/test_json.XXXXXX", path[128], path2[128], bad[160];
    char err[256] = "";
    char *text = NULL, *text2 = NULL;
    cJSON *root = NULL;
    const cJSON *sc;

    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof(path), "%s/plan.json", dir);
    snprintf(path2, sizeof(path2), "%s/stdout.json", dir);
    snprintf(bad, sizeof(bad), "%s/missing/plan.json", dir);

    ok(sp_json_write(r, path, err, sizeof(err)) == SP_OK, "write: %s", err);
    text = slurp(path);
    root = text ? cJSON_Parse(text) : NULL;
    ok(root != NULL, "output parses as JSON");
    if (root) {
        check_top(root, text);
        sc = get(root, "scenarios");
        ok(cJSON_GetArraySize(sc) == 3, "three scenarios");
        check_optimal(r, cJSON_GetArrayItem(sc, 0));
        check_infeasible(cJSON_GetArrayItem(sc, 1));
        check_price_up(r, cJSON_GetArrayItem(sc, 2));
    }

    ok(write_stdout(r, path2, err, sizeof(err)) == SP_OK, "write to -");
    text2 = slurp(path2);
    ok(text && text2 && strcmp(text, text2) == 0,
       "stdout gets the same bytes");
    free(text2);
    ok(sp_json_write(r, path, err, sizeof(err)) == SP_OK, "write again");
    text2 = slurp(path);
    ok(text && text2 && strcmp(text, text2) == 0, "same input, same bytes");

    check_out_of_memory(r, path);

    err[0] = '\0';
    ok(sp_json_write(r, bad, err, sizeof(err)) == SP_ERR_IO,
       "missing folder: SP_ERR_IO");
    ok(strstr(err, "missing/plan.json") != NULL, "error names the path: %s",
       err);
    ok(sp_json_write(NULL, path, err, sizeof(err)) == SP_ERR_USAGE,
       "NULL result: SP_ERR_USAGE");

    remove(path);
    remove(path2);
    ok(rmdir(dir) == 0, "no temporary file left behind");
    cJSON_Delete(root);
    free(text);
    free(text2);
    free_result(r);
    sp_problem_free(pb);
    return done_testing();
}
