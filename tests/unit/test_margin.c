/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The public accessors of revenue, margin and capabilities lost
 * (include/stackplan/solve.h), on the hand-computed cases of
 * tests/cases: margin_hold_list (every figure is worked out in its
 * expect.jq), pins_capabilities and pins_conflicts; and the per-row and
 * per-product revenue a proposal prices with (core_int.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../tap.h"
#include "core_int.h"
#include "stackplan.h"

static sp_result *solve_case(const char *name, sp_problem **pb)
{
    const char *src = getenv("top_srcdir");
    char dir[4096], err[512];
    sp_result *res = NULL;
    struct sp_solve_options opt;

    snprintf(dir, sizeof(dir), "%s/tests/cases/%s", src ? src : ".", name);
    *pb = NULL;
    if (sp_problem_load(dir, NULL, pb, NULL) != SP_OK) {
        ok(0, "%s loads", name);
        return NULL;
    }
    memset(&opt, 0, sizeof(opt));
    if (sp_solve(*pb, &opt, &res, err, sizeof(err)) != SP_OK) {
        ok(0, "%s solves: %s", name, err);
        return NULL;
    }
    return res;
}

/* The four figures of a plan, to the cent. */
static void is_margin(const sp_result *res, int i, double revenue,
                      double licence, double margin, double portfolio,
                      const char *what)
{
    struct sp_margin m;

    ok(sp_result_margin(res, i, &m) == 0, "%s: has a margin", what);
    is_num(m.revenue_monthly, revenue, 0.005, "%s: revenue", what);
    is_num(m.licence_monthly, licence, 0.005, "%s: licence", what);
    is_num(m.margin_monthly, margin, 0.005, "%s: margin", what);
    is_num(m.portfolio_margin_monthly, portfolio, 0.005,
           "%s: portfolio margin", what);
}

static void test_margin(void)
{
    sp_problem *pb;
    sp_result *res = solve_case("margin_hold_list", &pb);
    struct sp_margin m;

    if (!res) {
        sp_problem_free(pb);
        return;
    }
    is_margin(res, SP_RESULT_BASELINE, 111.7, 80, 31.7, 31.7, "baseline");
    sp_result_margin(res, SP_RESULT_BASELINE, &m);
    is_num(m.unmapped_revenue_monthly, 12.5, 1e-9, "unmapped revenue");
    is_margin(res, 0, 116.7, 56, 60.7, 55.7, "hold");
    is_margin(res, 1, 74.2, 56, 18.2, 13.2, "list");
    is_margin(res, 2, 78.12, 58.8, 19.32, 14.32, "list, Edr +10%");
    is_margin(res, 3, 116.7, 58.8, 57.9, 52.9, "hold, Edr +10%");
    is_num(sp_result_total(res, 0), sp_result_total(res, 1), 1e-9,
           "pricing does not change the plan's cost");
    is_num(sp_result_client_revenue(res, 0, 1), 31.2, 0.005,
           "hold: c2 pays today's 26.20 plus Bk for its gap");
    is_num(sp_result_client_margin(res, 0, 0), 45.5, 0.005, "hold: c1");
    is_num(sp_result_client_revenue(res, 2, 0), 55.8, 0.005,
           "list +10 %%: c1 revenue");
    is_num(sp_result_client_margin(res, 2, 1), 5.52, 0.005,
           "list +10 %%: c2 margin");
    is_num(sp_result_client_margin(res, SP_RESULT_BASELINE, 1), 6.2, 0.005,
           "baseline: c2 margin today");
    ok(isnan(sp_result_client_revenue(res, 0, 2)), "client out of range");
    ok(sp_result_margin(res, 4, &m) == -1 && isnan(m.margin_monthly),
       "scenario out of range: -1 and NAN");
    sp_result_free(res);
    sp_problem_free(pb);
}

static void test_lost(void)
{
    sp_problem *pb;
    sp_result *res = solve_case("pins_capabilities", &pb);

    if (!res) {
        sp_problem_free(pb);
        return;
    }
    ok(sp_result_lost_count(res, 0, 0) == 1, "optimal: c1 loses one");
    is_str(sp_result_lost(res, 0, 0, 0), "m365_backup", "m365_backup");
    ok(sp_result_lost(res, 0, 0, 1) == NULL, "only one");
    ok(sp_result_lost_count(res, 0, 1) == 0, "c2 loses nothing");
    ok(sp_result_lost_count(res, 1, 0) == 0,
       "keep_capabilities: c1 loses nothing");
    ok(sp_result_lost_count(res, SP_RESULT_BASELINE, 0) == 0,
       "the baseline loses nothing");
    sp_result_free(res);
    sp_problem_free(pb);

    res = solve_case("pins_conflicts", &pb);
    if (!res) {
        sp_problem_free(pb);
        return;
    }
    {
        struct sp_margin m;
        ok(strcmp(sp_result_status(res, 1), "infeasible") == 0 &&
               sp_result_margin(res, 1, &m) == -1 &&
               isnan(m.revenue_monthly) &&
               isnan(sp_result_client_margin(res, 1, 0)) &&
               sp_result_lost_count(res, 1, 0) == 0,
           "an infeasible scenario has no margin and loses nothing");
    }
    sp_result_free(res);
    sp_problem_free(pb);
}

/* The parts of c2's revenue in margin_hold_list: 4 users, OldMail 3.75
 * and Edr 2.80 today; every plan swaps OldMail for NewMail (1.25) and
 * adds Bk (1.25) for c2's backup gap. */
static void test_parts(void)
{
    sp_problem *pb;
    sp_result *res = solve_case("margin_hold_list", &pb);
    const struct sp_scenario_result *hold, *list;
    int c2, old, mail, bk, h;

    if (!res) {
        sp_problem_free(pb);
        return;
    }
    hold = &res->scenarios[0];
    list = &res->scenarios[1];
    c2 = sp_problem_find_client(pb, "c2");
    old = sp_problem_find_product(pb, "OldMail");
    mail = sp_problem_find_product(pb, "NewMail");
    bk = sp_problem_find_product(pb, "Bk");
    h = sp_current_holding(pb, c2, old);
    ok(h >= 0 && !sp_plan_has(hold->plan, c2, old) &&
           sp_plan_has(hold->plan, c2, mail) &&
           sp_plan_has(hold->plan, c2, bk),
       "c2 leaves OldMail for NewMail and adds Bk");
    is_num(sp_margin_row_revenue(pb, &hold->scenario->settings, hold->plan,
                                 hold->cost, h),
           15, 1e-9, "hold: the row left is still invoiced 4 x 3.75");
    is_num(sp_margin_adopted_revenue(pb, &hold->scenario->settings, hold->cost,
                                     c2, mail),
           0, 1e-9, "hold: the replacement is included in the held price");
    is_num(sp_margin_adopted_revenue(pb, &hold->scenario->settings, hold->cost,
                                     c2, bk),
           5, 1e-9, "hold: the gap closed is 4 x 1.25");
    is_num(sp_margin_row_revenue(pb, &list->scenario->settings, list->plan,
                                 list->cost, h),
           0, 1e-9, "list: the row left brings nothing");
    is_num(sp_margin_adopted_revenue(pb, &list->scenario->settings, list->cost,
                                     c2, mail),
           5, 1e-9, "list: the replacement at 4 x 1.25");
    sp_result_free(res);
    sp_problem_free(pb);
}

int main(void)
{
    test_margin();
    test_lost();
    test_parts();
    return done_testing();
}
