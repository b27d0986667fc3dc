/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The independent cost check (model/core/cost.c), one table row per rule
 * of docs/model.md "Cost rules": each case is a small data folder written
 * as CSV text, loaded by the real readers, and a plan given as
 * "client:product,product;..."; the costing must equal figures worked out
 * by hand in the case's comment.  The checker gates every plan the
 * solver reports, so it is tested on its own, not only through solves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../tap.h"
#include "core_int.h"

struct cost_case {
    const char *name;
    const char *catalog, *clients, *inventory, *vendors, *tiers, *scenarios;
    const char *plan; /* "c1:p1,p2;c2:p3" */
    double licence, migration, termination, overhead, run_rate;
};

#define CAT "product,vendor,covers,unit,price"
#define S36                                                                   \
    "{\"settings\":{\"start_date\":\"2027-01-01\",\"horizon_months\":36"

static const struct cost_case cases[] = {
    /* 10 users x 2 x 36 = 720; new product: no migration rate, no fee. */
    {"licence at catalog price", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,10\n", NULL, NULL, NULL,
     S36 ",\"required\":[\"email\"]}}", "c1:M", 720, 0, 0, 0, 20},
    /* min_units floors billable units: max(3, 5) x 4 x 36 = 720. */
    {"min_units floor", CAT ",min_units\nE,A,endpoint,device,4,5\n",
     "client,devices\nc1,3\n", NULL, NULL, NULL,
     S36 ",\"required\":[\"endpoint\"]}}", "c1:E", 720, 0, 0, 0, 20},
    /* flat: 1 unit per client: 2 x 50 x 12 = 1200. */
    {"flat per client", CAT "\nB,A,backup,flat,50\n", "client\nc1\nc2\n", NULL,
     NULL, NULL,
     "{\"settings\":{\"start_date\":\"2027-01-01\",\"horizon_months\":12,"
     "\"required\":[\"backup\"]}}",
     "c1:B;c2:B", 1200, 0, 0, 0, 100},
    /* all-units tiers: 6 + 5 = 11 users reach the 10-user tier at 1.5:
     * 11 x 1.5 x 36 = 594. */
    {"tier reached by the total", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,6\nc2,5\n", NULL, NULL,
     "product,min_units,price\nM,10,1.5\nM,20,1\n",
     S36 ",\"required\":[\"email\"]}}", "c1:M;c2:M", 594, 0, 0, 0, 16.5},
    /* below the first tier: catalog price; 9 x 2 x 36 = 648. */
    {"tier not reached", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,4\nc2,5\n", NULL, NULL,
     "product,min_units,price\nM,10,1.5\n", S36 ",\"required\":[\"email\"]}}",
     "c1:M;c2:M", 648, 0, 0, 0, 18},
    /* a tier row at 0 replaces the catalog price: 4 x 1.75 x 36 = 252. */
    {"tier at zero replaces the price", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,4\n", NULL, NULL, "product,min_units,price\nM,0,1.75\n",
     S36 ",\"required\":[\"email\"]}}", "c1:M", 252, 0, 0, 0, 7},
    /* contracted monthly_cost kept, yet its units count for the tier:
     * c1 pays 30/month; c2's 5 + c1's 6 = 11 reach 1.5: 5 x 1.5 = 7.5;
     * (30 + 7.5) x 36 = 1350. */
    {"contract price kept, units count", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,6\nc2,5\n", "client,product,monthly_cost\nc1,M,30\n",
     NULL, "product,min_units,price\nM,10,1.5\n",
     S36 ",\"required\":[\"email\"]}}", "c1:M;c2:M", 1350, 0, 0, 0, 37.5},
    /* migration: setup 25 + 80 x (4 + 0.5 x 10 users) = 745. */
    {"migration labour and setup fee", CAT ",setup_fee\nM,A,email,user,2,25\n",
     "client,users\nc1,10\n", NULL, NULL, NULL,
     S36 ",\"required\":[\"email\"],\"labor_rate\":80,"
         "\"migration_hours_fixed\":4,\"migration_hours_per_unit\":0.5}}",
     "c1:M", 720, 745, 0, 0, 20},
    /* migration counts raw units, not the min_units floor:
     * 80 x (2 + 1 x 3) = 400; licence max(3,5) x 1 x 36 = 180. */
    {"migration on raw units", CAT ",min_units\nE,A,endpoint,device,1,5\n",
     "client,devices\nc1,3\n", NULL, NULL, NULL,
     S36 ",\"required\":[\"endpoint\"],\"labor_rate\":80,"
         "\"migration_hours_fixed\":2,\"migration_hours_per_unit\":1}}",
     "c1:E", 180, 400, 0, 0, 5},
    /* leaving a contract: 2027-01-01 to 2027-06-15 is 5 months + 1 started
     * = 6; monthly_cost 30 x 6 = 180.  The new product N: 10 x 1 x 36. */
    {"leaving: rest of the contract",
     CAT "\nM,A,email,user,2\nN,B,email,user,1\n", "client,users\nc1,10\n",
     "client,product,monthly_cost,contract_end\nc1,M,30,2027-06-15\n", NULL,
     NULL, S36 ",\"required\":[\"email\"]}}", "c1:N", 360, 0, 180, 0, 10},
    /* ... on the 1st: exactly 5 months = 150. */
    {"leaving: whole months", CAT "\nM,A,email,user,2\nN,B,email,user,1\n",
     "client,users\nc1,10\n",
     "client,product,monthly_cost,contract_end\nc1,M,30,2027-06-01\n", NULL,
     NULL, S36 ",\"required\":[\"email\"]}}", "c1:N", 360, 0, 150, 0, 10},
    /* ... capped at H: 2030-01-01 is 36 months, capped at 12: 12 x 30. */
    {"leaving: capped at the horizon",
     CAT "\nM,A,email,user,2\nN,B,email,user,1\n", "client,users\nc1,10\n",
     "client,product,monthly_cost,contract_end\nc1,M,30,2030-01-01\n", NULL,
     NULL,
     "{\"settings\":{\"start_date\":\"2027-01-01\",\"horizon_months\":12,"
     "\"required\":[\"email\"]}}",
     "c1:N", 120, 0, 360, 0, 10},
    /* ... no monthly_cost: billable x catalog price: 10 x 2 x 6 = 120. */
    {"leaving: catalog price for the rest",
     CAT "\nM,A,email,user,2\nN,B,email,user,1\n", "client,users\nc1,10\n",
     "client,product,contract_end\nc1,M,2027-06-15\n", NULL, NULL,
     S36 ",\"required\":[\"email\"]}}", "c1:N", 360, 0, 120, 0, 10},
    /* ... a termination fee replaces the rest, also month-to-month. */
    {"leaving: termination fee", CAT "\nM,A,email,user,2\nN,B,email,user,1\n",
     "client,users\nc1,10\n",
     "client,product,monthly_cost,termination_fee\nc1,M,30,55\n", NULL, NULL,
     S36 ",\"required\":[\"email\"]}}", "c1:N", 360, 0, 55, 0, 10},
    /* ... an ended contract costs nothing, even with a fee. */
    {"leaving: contract ended", CAT "\nM,A,email,user,2\nN,B,email,user,1\n",
     "client,users\nc1,10\n",
     "client,product,monthly_cost,contract_end,termination_fee\n"
     "c1,M,30,2026-12-31,55\n",
     NULL, NULL, S36 ",\"required\":[\"email\"]}}", "c1:N", 360, 0, 0, 0, 10},
    /* ... month-to-month without a fee: nothing. */
    {"leaving: month-to-month", CAT "\nM,A,email,user,2\nN,B,email,user,1\n",
     "client,users\nc1,10\n", "client,product,monthly_cost\nc1,M,30\n", NULL,
     NULL, S36 ",\"required\":[\"email\"]}}", "c1:N", 360, 0, 0, 0, 10},
    /* vendor overhead: (100 + 40 x 2) x 36 = 6480; run rate 20 + 180. */
    {"vendor fee and admin labour", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,10\n", NULL,
     "vendor,monthly_fee,admin_hours\nA,100,2\n", NULL,
     S36 ",\"required\":[\"email\"],\"labor_rate\":40}}", "c1:M", 720,
     400 * 0 + 0, 0, 6480, 200},
    /* min_commit shortfall: spend 20, commit 50: 30 x 36 = 1080. */
    {"min_commit shortfall", CAT "\nM,A,email,user,2\n",
     "client,users\nc1,10\n", NULL, "vendor,min_commit\nA,50\n", NULL,
     S36 ",\"required\":[\"email\"]}}", "c1:M", 720, 0, 0, 1080, 50},
    /* min_commit met: no shortfall. */
    {"min_commit met", CAT "\nM,A,email,user,2\n", "client,users\nc1,10\n",
     NULL, "vendor,min_commit\nA,15\n", NULL,
     S36 ",\"required\":[\"email\"]}}", "c1:M", 720, 0, 0, 0, 20},
    /* price_change on the product multiplies tier and contract prices and
     * the remaining contract, not the fee: M +10% on c1's kept contract
     * 30 -> 33 x 36 = 1188; c2 leaves M (5 users x 2 x 1.1 x 6 = 66). */
    {"price change", CAT "\nM,A,email,user,2\nN,B,email,user,1\n",
     "client,users\nc1,10\nc2,5\n",
     "client,product,monthly_cost,contract_end\nc1,M,30,2027-06-15\n"
     "c2,M,,2027-06-15\n",
     NULL, NULL,
     S36 ",\"required\":[\"email\"]},\"scenarios\":[{\"name\":\"up\","
         "\"price_change\":{\"M\":0.1}}]}",
     "c1:M;c2:N", 1188 + 180, 0, 66, 0, 38},
};

static void put(const char *dir, const char *file, const char *text)
{
    char path[512];
    FILE *f;

    if (!text)
        return;
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    f = fopen(path, "w");
    if (!f)
        abort();
    fputs(text, f);
    fputc('\n', f);
    fclose(f);
}

/* Reads "c1:p1,p2;c2:p3" into plan, keeping each product's vendor. */
static bool read_plan(const struct sp_problem *pb, const char *text,
                      struct sp_plan *plan)
{
    char buf[512], *save1, *save2, *item, *p;

    snprintf(buf, sizeof(buf), "%s", text);
    for (item = strtok_r(buf, ";", &save1); item;
         item = strtok_r(NULL, ";", &save1)) {
        char *colon = strchr(item, ':');
        int c;
        if (!colon)
            return false;
        *colon = '\0';
        c = sp_problem_find_client(pb, item);
        if (c < 0)
            return false;
        for (p = strtok_r(colon + 1, ",", &save2); p;
             p = strtok_r(NULL, ",", &save2)) {
            int k = sp_problem_find_product(pb, p);
            if (k < 0)
                return false;
            plan->x[(size_t)c * (size_t)pb->nproducts + (size_t)k] = 1;
            plan->kept[pb->products[k].vendor] = 1;
        }
    }
    return true;
}

/* The case's files as sp_problem_load_texts takes them: the same bytes
 * put() writes (each text and a newline). */
static int texts(const struct cost_case *cc, struct sp_text_file *f,
                 char **owned)
{
    const char *names[] = {"catalog.csv", "clients.csv", "inventory.csv",
                           "vendors.csv", "tiers.csv",   "scenarios.json"};
    const char *text[] = {cc->catalog, cc->clients, cc->inventory,
                          cc->vendors, cc->tiers,   cc->scenarios};
    int i, n = 0;

    for (i = 0; i < 6; i++) {
        size_t len;
        if (!text[i])
            continue;
        len = strlen(text[i]);
        owned[n] = malloc(len + 2);
        if (!owned[n])
            abort();
        memcpy(owned[n], text[i], len);
        owned[n][len] = '\n';
        owned[n][len + 1] = '\0';
        f[n].name = names[i];
        f[n].text = owned[n];
        f[n].len = len + 1;
        n++;
    }
    return n;
}

/* Loading the same files from memory gives the same problem. */
static void check_texts(const struct cost_case *cc, const sp_problem *pb)
{
    struct sp_text_file f[6];
    char *owned[6], a[17], b[17];
    struct sp_load_options lo = {0};
    sp_problem *mem = NULL;
    sp_diags *diags = sp_diags_new();
    int i, n = texts(cc, f, owned);
    enum sp_status st = sp_problem_load_texts(f, n, &lo, &mem, diags);

    ok(st == SP_OK, "%s: loads from memory too (%s)", cc->name,
       sp_strerror(st));
    if (st == SP_OK) {
        sp_problem_digest(pb, a);
        sp_problem_digest(mem, b);
        ok(strcmp(a, b) == 0, "%s: the same problem from memory (%s = %s)",
           cc->name, a, b);
    }
    sp_problem_free(mem);
    mem = NULL;
    f[0].name = "catalog.txt";
    ok(sp_problem_load_texts(f, n, &lo, &mem, diags) == SP_ERR_USAGE && !mem,
       "%s: an unknown file name is a usage error", cc->name);
    for (i = 0; i < n; i++)
        free(owned[i]);
    sp_problem_free(mem);
    sp_diags_free(diags);
}

static bool near(double a, double b)
{
    return a - b < 1e-6 && b - a < 1e-6;
}

static void run(const struct cost_case *cc)
{
    char dir[] = "/tmp/test_cost.XXXXXX";
    sp_diags *diags = sp_diags_new();
    struct sp_load_options lo = {0};
    sp_problem *pb = NULL;
    struct sp_plan *plan;
    struct sp_costing *k;
    const struct sp_scenario *sc;
    char cmd[600];

    if (!mkdtemp(dir) || !diags)
        abort();
    put(dir, "catalog.csv", cc->catalog);
    put(dir, "clients.csv", cc->clients);
    put(dir, "inventory.csv", cc->inventory);
    put(dir, "vendors.csv", cc->vendors);
    put(dir, "tiers.csv", cc->tiers);
    put(dir, "scenarios.json", cc->scenarios);
    if (sp_problem_load(dir, &lo, &pb, diags) != SP_OK) {
        ok(0, "%s: loads", cc->name);
        goto out;
    }
    check_texts(cc, pb);
    plan = sp_plan_new(pb);
    if (!plan || !read_plan(pb, cc->plan, plan)) {
        ok(0, "%s: plan", cc->name);
        sp_plan_free(plan);
        goto out;
    }
    /* The last scenario: the file's one, or the default "optimal". */
    sc = &pb->scenarios[pb->nscenarios - 1];
    k = sp_cost_plan(pb, sc, plan);
    if (!k)
        abort();
    ok(near(k->licence, cc->licence), "%s: licence %.2f = %.2f", cc->name,
       k->licence, cc->licence);
    ok(near(k->migration, cc->migration), "%s: migration %.2f = %.2f",
       cc->name, k->migration, cc->migration);
    ok(near(k->termination, cc->termination), "%s: leaving %.2f = %.2f",
       cc->name, k->termination, cc->termination);
    ok(near(k->vendor_overhead, cc->overhead), "%s: overhead %.2f = %.2f",
       cc->name, k->vendor_overhead, cc->overhead);
    ok(near(k->total,
            cc->licence + cc->migration + cc->termination + cc->overhead),
       "%s: total is the sum of the parts", cc->name);
    ok(near(k->monthly_run_rate, cc->run_rate), "%s: run rate %.2f = %.2f",
       cc->name, k->monthly_run_rate, cc->run_rate);
    sp_costing_free(k);
    sp_plan_free(plan);
out:
    sp_problem_free(pb);
    sp_diags_free(diags);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "# could not remove %s\n", dir);
}

int main(void)
{
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        run(&cases[i]);
    return done_testing();
}
