/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan frontier: the least total cost for every vendor count. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan frontier DATA_DIR [OPTIONS]\n"
    "\n"
    "The consolidation frontier: the least total cost for every number of\n"
    "vendors kept, from the smallest feasible count up to today's count,\n"
    "plus the unconstrained optimum; each point a plan solved to a proven\n"
    "optimum (or marked with its gap), with the vendors it keeps.\n"
    "\n"
    "Options:\n"
    "  -s, --scenarios FILE  scenarios.json (default: "
    "DATA_DIR/scenarios.json\n"
    "                        when it exists)\n"
    "      --controls FILE   controls.csv (default: DATA_DIR/controls.csv\n"
    "                        when it exists)\n"
    "      --scenario NAME   start from this scenario's settings and\n"
    "                        constraints (its max_vendors is replaced);\n"
    "                        default: the file's settings, no constraint\n"
    "      --json FILE       write the frontier as JSON ('-' = stdout)\n"
    "  -o, --output FILE     write a workbook with the Frontier sheet\n"
    "      --time-limit S    stop each solve after S seconds\n"
    "      --gap G           stop each solve at relative gap G\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "      --verbose         also list unknown columns, and log the solver\n"
    "                        (GLPK's output, rounds, cuts) on stderr\n"
    "  -q, --quiet           no progress on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 success, 1 bad input, 2 usage, 3 no plan at all,\n"
    "4 internal error, 5 an output could not be written.\n";

void cli_whatif_progress(const struct sp_progress *p, void *user)
{
    (void)user;
    if (p->done) {
        fprintf(stderr, "stackplan: %s: %s", p->scenario, p->status);
        if (isfinite(p->incumbent))
            fprintf(stderr, ", %.2f", p->incumbent);
        fprintf(stderr, " (%.2f s)\n", p->seconds);
    } else if (isfinite(p->incumbent) && isfinite(p->bound) &&
               p->incumbent != 0) {
        fprintf(stderr, "stackplan: %s: incumbent %.2f, gap %.3f%%, %.1f s\n",
                p->scenario, p->incumbent,
                100.0 * (p->incumbent - p->bound) / fabs(p->incumbent),
                p->seconds);
    }
}

int cli_whatif_option(const char *command, int c, struct cli_whatif_args *a)
{
    switch (c) {
    case 'q':
        a->quiet = 1;
        break;
    case OPT_SCENARIO:
        a->scenario = optarg;
        break;
    case OPT_JSON:
        a->json = optarg;
        break;
    case 'o':
        a->xlsx = optarg;
        break;
    case OPT_TIME_LIMIT:
        return cli_opt_seconds(command, "--time-limit", optarg,
                               &a->so.time_limit);
    case OPT_GAP:
        return cli_opt_gap(command, "--gap", optarg, &a->so.gap);
    case OPT_VERBOSE:
        a->lo.verbose = 1;
        a->so.log = cli_solver_log;
        break;
    default:
        return cli_load_option(command, c, &a->lo);
    }
    return -1;
}

/* The checks of cli/outputs.c on frontier's and breakeven's outputs. */
static int check_outputs(const struct cli_whatif_args *a)
{
    const struct cli_output outs[] = {{"-o", a->xlsx}, {"--json", a->json}};
    const char *command = a->command ? a->command : "frontier";
    const char *inputs[] = {a->lo.scenarios_path, a->lo.controls_path};
    int rc = cli_check_workbook(command, "-o", a->xlsx);

    if (rc >= 0)
        return rc;
    return cli_check_outputs(command, a->dir, inputs, 2, outs, 2);
}

int cli_whatif_load(const struct cli_whatif_args *a, sp_problem **pb)
{
    sp_diags *diags = sp_diags_new();
    enum sp_status st;

    *pb = NULL;
    if (check_outputs(a) >= 0) {
        sp_diags_free(diags);
        return EXIT_USAGE;
    }
    if (!diags) {
        fprintf(stderr, "stackplan: %s\n", sp_strerror(SP_ERR_NOMEM));
        return EXIT_INTERNAL;
    }
    st = sp_problem_load(a->dir, &a->lo, pb, diags);
    cli_print_diags(diags);
    if (st != SP_OK && sp_diags_count(diags) == 0)
        fprintf(stderr, "stackplan: %s: %s\n", a->dir, sp_strerror(st));
    sp_diags_free(diags);
    if (st != SP_OK)
        return cli_exit_code(st == SP_ERR_IO ? SP_ERR_INPUT : st);
    cli_notices(*pb, &a->lo, a->quiet);
    return -1;
}

int cli_whatif_write(const struct cli_whatif_args *a, const sp_frontier *f,
                     const sp_breakeven *b)
{
    char err[1024] = "";
    enum sp_status st = SP_OK;

    if (a->json)
        st = b ? sp_breakeven_json_write(b, a->json, err, sizeof(err))
               : sp_frontier_json_write(f, a->json, err, sizeof(err));
    if (st == SP_OK && a->xlsx) {
        st = sp_whatif_workbook_write(f, b, a->xlsx, err, sizeof(err));
        if (st == SP_OK && err[0]) /* a warning: text cut to Excel's limit */
            fprintf(stderr, "stackplan: %s: %s\n", a->xlsx, err);
    }
    if (st == SP_OK)
        return -1;
    fprintf(stderr, "stackplan: %s\n", err);
    return EXIT_OUTPUT;
}

static void print_names(FILE *out, const char *const *names, int n)
{
    int i;

    for (i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? ", " : "", names[i]);
}

static void print_frontier(const sp_frontier *f)
{
    int i, n = sp_frontier_count(f);

    printf("frontier from %s%s%s\n",
           sp_frontier_scenario(f) ? "scenario '" : "the file's settings",
           sp_frontier_scenario(f) ? sp_frontier_scenario(f) : "",
           sp_frontier_scenario(f) ? "'" : "");
    printf("today: %d vendors, total %.2f\n", sp_frontier_baseline_vendors(f),
           sp_frontier_baseline_total(f));
    if (sp_frontier_reason(f))
        return; /* the reason is on stderr */
    printf("%11s %5s %14s %12s  %-10s %s\n", "max vendors", "kept",
           "total cost", "run rate/mo", "status", "vendors");
    for (i = 0; i < n; i++) {
        const struct sp_frontier_point *p = sp_frontier_get(f, i);
        if (p->max_vendors >= 0)
            printf("%11d", p->max_vendors);
        else
            printf("%11s", "no limit");
        printf(" %5d %14.2f %12.2f  %-10s ", p->nvendors, p->total_cost,
               p->monthly_run_rate, p->status);
        print_names(stdout, p->vendors, p->nvendors);
        if (p->gap > 1e-6)
            printf(" (gap %.3g)", p->gap);
        printf("\n");
    }
    if (sp_frontier_infeasible_below(f) > 1)
        printf("fewer than %d vendors: infeasible\n",
               sp_frontier_infeasible_below(f));
}

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    CLI_WHATIF_OPTIONS,
    {NULL, 0, NULL, 0},
};

int cli_frontier(int argc, char **argv)
{
    struct cli_whatif_args a;
    sp_problem *pb = NULL;
    sp_frontier *f = NULL;
    char err[1024] = "";
    int c, rc;
    enum sp_status st;

    memset(&a, 0, sizeof(a));
    optind = 1;
    while ((c = cli_getopt("frontier", argc, argv, options)) != -1) {
        if (c == 'h')
            return cli_help(usage);
        rc = cli_whatif_option("frontier", c, &a);
        if (rc > 0)
            return rc;
        if (rc == 0)
            return EXIT_USAGE;
    }
    if (optind < argc)
        a.dir = argv[optind++];
    if (optind < argc)
        return cli_usage_error("frontier", "more than one DATA_DIR");
    if (!a.dir)
        return cli_usage_error("frontier", "missing DATA_DIR");
    rc = cli_whatif_load(&a, &pb);
    if (rc >= 0)
        goto cleanup;
    if (!a.quiet)
        a.so.progress = cli_whatif_progress;
    st = sp_frontier_compute(pb, a.scenario, &a.so, &f, err, sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err[0] ? err : sp_strerror(st));
        rc = cli_exit_code(st);
        goto cleanup;
    }
    if (sp_frontier_reason(f))
        fprintf(stderr, "stackplan: no plan: %s\n", sp_frontier_reason(f));
    rc = cli_whatif_write(&a, f, NULL);
    if (rc >= 0)
        goto cleanup;
    if (!a.json || strcmp(a.json, "-") != 0)
        print_frontier(f);
    rc = sp_frontier_reason(f) ? EXIT_INFEASIBLE : EXIT_OK;

cleanup:
    sp_frontier_free(f);
    sp_problem_free(pb);
    return rc;
}
