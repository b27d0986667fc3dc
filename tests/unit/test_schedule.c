/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Switching at renewal through the public API (include/stackplan/solve.h):
 * start months, the month-by-month cash flow and payback, on a
 * hand-computed instance and on the bundled sample's renewal scenario. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../tap.h"
#include "stackplan.h"

static char root[] = "/tmp/sp-schedule-XXXXXX";

static void write_file(const char *name, const char *text)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", root, name);
    f = fopen(path, "w");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0)
        abort();
}

static int client_index(const sp_result *res, const char *id)
{
    int c;

    for (c = 0; c < sp_result_client_count(res); c++)
        if (strcmp(sp_result_client(res, c), id) == 0)
            return c;
    return -1;
}

/* payback_months recomputed from the accessors: the baseline spread
 * evenly, the plan's months as given. */
static int payback(const sp_result *res, int i, int H)
{
    double base = (sp_result_total(res, i) + sp_result_savings(res, i)) / H;
    double cb = 0.0, cp = 0.0;
    int m, first = 0;

    for (m = 0; m < H; m++) {
        cb += base;
        cp += sp_result_cash_flow(res, i, m);
        if (cb - cp >= -1e-6)
            first = first ? first : m + 1;
        else
            first = 0;
    }
    return first;
}

/* Old runs to 2027-06-30 (6 months, no fee) at 200 a month; New costs
 * 50: switching now pays both for 6 months, at renewal New starts at
 * month 6 and saves exactly 6 x 50. */
static void test_hand(void)
{
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    char err[256];
    double sum = 0.0;
    int m;

    if (!mkdtemp(root))
        abort();
    write_file("catalog.csv", "product,vendor,covers,unit,price\n"
                              "Old,O,email;endpoint;backup,user,20\n"
                              "New,N,email;endpoint;backup,user,5\n");
    write_file("clients.csv", "client,users\nc1,10\n");
    write_file("inventory.csv", "client,product,monthly_cost,contract_end\n"
                                "c1,Old,200,2027-06-30\n");
    write_file("scenarios.json",
               "{\"settings\": {\"horizon_months\": 12, \"start_date\": "
               "\"2027-01-01\"}, \"scenarios\": [{\"name\": \"now\"}, "
               "{\"name\": \"renewal\", \"switch\": \"renewal\"}]}\n");
    ok(sp_problem_load(root, NULL, &pb, NULL) == SP_OK, "hand case loads");
    ok(sp_solve(pb, NULL, &res, err, sizeof(err)) == SP_OK, "and solves");
    ok(!sp_result_switch_renewal(res, 0) && sp_result_switch_renewal(res, 1),
       "switch modes read back");
    is_num(sp_result_total(res, 0), 1800, 1e-9, "now: 600 licence + 1200");
    is_num(sp_result_total(res, 1), 1500, 1e-9, "renewal: saves 6 x 50");
    ok(sp_result_start_month(res, 0, 0, "New") == 0, "now: New at month 0");
    ok(sp_result_start_month(res, 1, 0, "New") == 6,
       "renewal: New at month 6");
    ok(sp_result_start_month(res, 1, 0, "Old") == -1,
       "a product not adopted has no start");
    for (m = 0; m < 12; m++) {
        double want = m < 6 ? 200 : 50;
        is_num(sp_result_cash_flow(res, 1, m), want, 1e-9,
               "renewal month %d pays %g", m, want);
        sum += sp_result_cash_flow(res, 1, m);
    }
    is_num(sum, sp_result_total(res, 1), 1e-9, "the months sum to the total");
    ok(isnan(sp_result_cash_flow(res, 1, 12)), "no month 12");
    ok(sp_result_payback_months(res, 1) == 1, "renewal pays back at once");
    ok(sp_result_payback_months(res, 0) == 8, "now pays back in month 8");
    ok(payback(res, 0, 12) == 8 && payback(res, 1, 12) == 1,
       "payback recomputed from the cash flow agrees");
    sp_result_free(res);
    sp_problem_free(pb);
}

static void test_sample(void)
{
    const char *top = getenv("top_srcdir");
    struct sp_solve_options opt;
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    char dir[1024], err[256];
    double sum = 0.0;
    int c, k, m, late = 0;
    const char *prod;

    snprintf(dir, sizeof(dir), "%s/datasets/sample", top ? top : ".");
    memset(&opt, 0, sizeof(opt));
    opt.only = "optimal at renewal";
    ok(sp_problem_load(dir, NULL, &pb, NULL) == SP_OK, "the sample loads");
    ok(sp_solve(pb, &opt, &res, err, sizeof(err)) == SP_OK &&
           sp_result_count(res) == 1 && sp_result_switch_renewal(res, 0),
       "its renewal scenario solves (%s)", err);
    for (m = 0; m < 36; m++)
        sum += sp_result_cash_flow(res, 0, m);
    is_num(sum, sp_result_total(res, 0), 1e-6 * sp_result_total(res, 0),
           "its 36 months sum to its total");
    ok(sp_result_payback_months(res, 0) == payback(res, 0, 36) &&
           sp_result_payback_months(res, 0) > 0,
       "payback month %d, as recomputed", sp_result_payback_months(res, 0));
    c = client_index(res, "c006");
    for (k = 0; (prod = sp_result_product(res, 0, c, k)); k++) {
        if (strcmp(prod, "MC-Suite") == 0)
            late = -1; /* kept: nothing replaces it */
        else if (late >= 0 && sp_result_start_month(res, 0, c, prod) == 18)
            late = 1;
    }
    ok(late != 0, "c006's Mimecast successor starts at month 18 (%s)",
       late > 0 ? "replaced" : "kept");
    sp_result_free(res);
    sp_problem_free(pb);
}

int main(void)
{
    char cmd[512];

    test_hand();
    test_sample();
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    if (system(cmd) != 0)
        return 1;
    return done_testing();
}
