/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan breakeven: the price at which the optimum changes its mind
 * about a vendor or product, and what each kept vendor is worth. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan breakeven DATA_DIR (--vendor NAME | --product ID |\n"
    "                           --all) [OPTIONS]\n"
    "\n"
    "For a vendor (product) the optimal plan keeps, the price rise at which\n"
    "the optimum drops it; for one it leaves out, the price cut at which the\n"
    "optimum takes it up.  Bisection over its licence prices with a proven\n"
    "optimum at every step, to 0.1 %, rises up to +300 %, cuts down to\n"
    "-100 % (\"never within range\" otherwise).  For a kept vendor, also its\n"
    "value: the extra total cost of the best plan without it.\n"
    "\n"
    "Options:\n"
    "      --vendor NAME     one vendor\n"
    "      --product ID      one product\n"
    "      --all             every vendor the optimal plan keeps or today's\n"
    "                        stack uses\n"
    "      --frontier        also solve the consolidation frontier and add\n"
    "                        its sheet to the workbook\n"
    "  -s, --scenarios FILE  scenarios.json (default: "
    "DATA_DIR/scenarios.json\n"
    "                        when it exists)\n"
    "      --scenario NAME   start from this scenario (default: the file's\n"
    "                        settings with no scenario constraint)\n"
    "      --json FILE       write the results as JSON ('-' = stdout)\n"
    "  -o, --output FILE     write a workbook with the Sensitivity sheet\n"
    "      --time-limit S    stop each solve after S seconds\n"
    "      --gap G           stop each solve at relative gap G\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "      --verbose         also list unknown columns, and log the solver\n"
    "                        (GLPK's output, rounds, cuts) on stderr\n"
    "  -q, --quiet           no progress on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 success, 1 bad input, 2 usage (also an unknown vendor,\n"
    "product or scenario), 3 the scenario is infeasible, 4 internal error,\n"
    "5 an output could not be written.\n";

static int has_name(const struct sp_breakeven_side *s, const char *name)
{
    int i;

    for (i = 0; i < s->nvendors; i++)
        if (strcmp(s->vendors[i], name) == 0)
            return 1;
    return 0;
}

/* ", dropping X, Y, taking up Z": how the plan past the flip differs. */
static void print_change(const struct sp_breakeven_side *near,
                         const struct sp_breakeven_side *far)
{
    int i, n = 0;

    for (i = 0; i < near->nvendors; i++)
        if (!has_name(far, near->vendors[i]))
            printf("%s%s", n++ ? ", " : ", dropping ", near->vendors[i]);
    n = 0;
    for (i = 0; i < far->nvendors; i++)
        if (!has_name(near, far->vendors[i]))
            printf("%s%s", n++ ? ", " : ", taking up ", far->vendors[i]);
}

static void print_item(const struct sp_breakeven_item *it,
                       const char *currency)
{
    printf("%s", it->sentence);
    if (it->has_value)
        printf(" Without it the best plan costs %.2f %s more.", it->value,
               currency);
    else if (it->in_plan && it->value_note)
        printf(" Vendor value: none (%s).", it->value_note);
    printf("\n");
    if (!it->found || !it->far.status)
        return;
    printf("  at %+.2f %%: total %.2f; at %+.2f %%: total %.2f",
           100.0 * it->near.change, it->near.total_cost,
           100.0 * it->far.change, it->far.total_cost);
    print_change(&it->near, &it->far);
    printf("\n");
}

static int parse(int argc, char **argv, struct cli_whatif_args *a,
                 struct sp_breakeven_request *req, int *frontier)
{
    int i, rc;

    for (i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        rc = cli_whatif_option("breakeven", argc, argv, &i, a);
        if (rc > 0)
            return rc;
        if (rc < 0)
            continue;
        if (!strcmp(o, "--all")) {
            req->all = 1;
        } else if (!strcmp(o, "--frontier")) {
            *frontier = 1;
        } else if (!strcmp(o, "--vendor") || !strcmp(o, "--product")) {
            if (!next)
                return cli_usage_error("breakeven", "option needs a value");
            if (o[2] == 'v')
                req->vendor = argv[++i];
            else
                req->product = argv[++i];
        } else if (o[0] == '-' && o[1] != '\0') {
            return cli_usage_error("breakeven", "unknown option");
        } else if (a->dir) {
            return cli_usage_error("breakeven", "more than one DATA_DIR");
        } else {
            a->dir = o;
        }
    }
    if (!a->dir)
        return cli_usage_error("breakeven", "missing DATA_DIR");
    if (req->all + !!req->vendor + !!req->product != 1)
        return cli_usage_error("breakeven",
                               "expected one of --vendor, --product or --all");
    return -1;
}

int cli_breakeven(int argc, char **argv)
{
    struct cli_whatif_args a;
    struct sp_breakeven_request req;
    sp_problem *pb = NULL;
    sp_breakeven *b = NULL;
    sp_frontier *f = NULL;
    const struct sp_breakeven_side *plan;
    char err[1024] = "";
    const char *currency;
    int i, rc, frontier = 0;
    enum sp_status st;

    memset(&a, 0, sizeof(a));
    a.command = "breakeven";
    memset(&req, 0, sizeof(req));
    rc = parse(argc, argv, &a, &req, &frontier);
    if (rc >= 0)
        return rc;
    rc = cli_whatif_load(&a, &pb);
    if (rc >= 0)
        goto cleanup;
    if (!a.quiet)
        a.so.progress = cli_whatif_progress;
    st = sp_breakeven_compute(pb, a.scenario, &req, &a.so, &b, err,
                              sizeof(err));
    if (st == SP_OK && frontier && a.xlsx)
        st = sp_frontier_compute(pb, a.scenario, &a.so, &f, err, sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err[0] ? err : sp_strerror(st));
        rc = cli_exit_code(st);
        goto cleanup;
    }
    rc = EXIT_OUTPUT;
    if (a.json) {
        st = sp_breakeven_json_write(b, a.json, err, sizeof(err));
        if (st != SP_OK) {
            fprintf(stderr, "stackplan: %s\n", err);
            goto cleanup;
        }
    }
    if (a.xlsx) {
        st = sp_whatif_workbook_write(f, b, a.xlsx, err, sizeof(err));
        if (st != SP_OK) {
            fprintf(stderr, "stackplan: %s\n", err);
            goto cleanup;
        }
        if (err[0]) /* a warning: text cut to Excel's cell limit */
            fprintf(stderr, "stackplan: %s: %s\n", a.xlsx, err);
    }
    if (!a.json || strcmp(a.json, "-") != 0) {
        plan = sp_breakeven_plan(b);
        currency = sp_breakeven_currency(b);
        printf("optimal plan: total %.2f %s, %d vendor%s (", plan->total_cost,
               currency, plan->nvendors, plan->nvendors == 1 ? "" : "s");
        for (i = 0; i < plan->nvendors; i++)
            printf("%s%s", i ? ", " : "", plan->vendors[i]);
        printf(")\n");
        for (i = 0; i < sp_breakeven_count(b); i++)
            print_item(sp_breakeven_get(b, i), currency);
    }
    rc = EXIT_OK;

cleanup:
    sp_breakeven_free(b);
    sp_frontier_free(f);
    sp_problem_free(pb);
    return rc;
}
