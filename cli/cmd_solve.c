/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan solve: every scenario, then the workbook and/or JSON. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"
#include "stackplan/whatif.h"

enum { OPT_BREAKEVEN = OPT_FIRST_FREE };

static const char usage[] =
    "Usage: stackplan solve DATA_DIR [OPTIONS]\n"
    "\n"
    "Solves every scenario to a proven optimum and writes the results.\n"
    "\n"
    "Options:\n"
    "  -s, --scenarios FILE  scenarios.json (default: "
    "DATA_DIR/scenarios.json\n"
    "                        when it exists)\n"
    "      --controls FILE   controls.csv (default: DATA_DIR/controls.csv\n"
    "                        when it exists)\n"
    "  -o, --output FILE     write the scenario workbook (.xlsx)\n"
    "      --json FILE       write the results as JSON ('-' = stdout)\n"
    "      --time-limit S    stop each scenario after S seconds with the\n"
    "                        best plan found (status time_limit)\n"
    "      --gap G           stop at relative gap G (status feasible when\n"
    "                        G > 1e-6)\n"
    "      --write-lp FILE   write each scenario's model in CPLEX LP format\n"
    "      --write-mps FILE  write each scenario's model in free MPS format\n"
    "                        (with several scenarios, FILE gets the\n"
    "                        scenario's number and name: plan.2-name.lp)\n"
    "      --shard I/N       solve only scenarios I, I+N, I+2N, ...\n"
    "      --scenario NAME   solve only the scenario of this name\n"
    "      --list-scenarios  print the scenario names (sweeps expanded)\n"
    "                        and exit\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "      --recommend NAME  the scenario the Executive summary recommends\n"
    "                        (default: the cheapest per month of the\n"
    "                        eligible proven-optimal plans)\n"
    "      --msp-name NAME   the MSP's name in the workbook's page headers\n"
    "      --breakeven       also find, for the recommended scenario, the\n"
    "                        price change of each vendor at which its plan\n"
    "                        flips (as stackplan breakeven --all; many\n"
    "                        solves, each within --time-limit) and show it\n"
    "                        beside each product on the Prices sheet\n"
    "      --strict          unmapped inventory rows are errors\n"
    "      --verbose         also list unknown columns, and log the solver\n"
    "                        (GLPK's output, rounds, cuts) on stderr\n"
    "  -q, --quiet           no progress, notices or unmapped-row warnings\n"
    "                        on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 success, 1 bad input, 2 usage, 3 a scenario infeasible\n"
    "(the others are still written), 4 internal error, 5 an output could\n"
    "not be written.\n";

static void on_progress(const struct sp_progress *p, void *user)
{
    (void)user;
    if (p->done) {
        fprintf(stderr, "stackplan: [%d/%d] %s: %s", p->index + 1, p->count,
                p->scenario, p->status);
        if (isfinite(p->incumbent))
            fprintf(stderr, ", %.2f", p->incumbent);
        fprintf(stderr, " (%.2f s)\n", p->seconds);
        return;
    }
    fprintf(stderr, "stackplan: [%d/%d] %s: ", p->index + 1, p->count,
            p->scenario);
    if (isfinite(p->incumbent) && isfinite(p->bound) && p->incumbent != 0)
        fprintf(stderr, "incumbent %.2f, bound %.2f, gap %.3f%%, %.1f s\n",
                p->incumbent, p->bound,
                100.0 * (p->incumbent - p->bound) / fabs(p->incumbent),
                p->seconds);
    else if (isfinite(p->bound))
        fprintf(stderr, "no plan yet, bound %.2f, %.1f s\n", p->bound,
                p->seconds);
    else
        fprintf(stderr, "solving, %.1f s\n", p->seconds);
}

static int parse_shard(const char *s, int *i, int *n)
{
    char extra;

    return sscanf(s, "%d/%d%c", i, n, &extra) == 2 && *n >= 1 && *i >= 1 &&
           *i <= *n;
}

/* The checks of cli/outputs.c on solve's outputs. */
static int check_outputs(const char *dir, const char *scenarios,
                         const char *controls, const char *json,
                         const char *xlsx, const struct sp_solve_options *so)
{
    const char *inputs[] = {scenarios, controls};
    const struct cli_output outs[] = {
        {"-o", xlsx},
        {"--json", json},
        {"--write-lp", so->write_lp},
        {"--write-mps", so->write_mps},
    };
    int rc = cli_check_workbook("solve", "-o", xlsx);

    if (rc >= 0)
        return rc;
    return cli_check_outputs("solve", dir, inputs, 2, outs, 4);
}

/* --breakeven: the break-even prices of the recommended scenario, for
 * the Prices sheet (sp_breakeven_compute solves that scenario again at
 * each price it tries).  No recommendation: a warning, no column.
 * @return -1 to go on, else the exit code. */
static int breakeven_for(const sp_problem *pb, const sp_result *res,
                         const struct sp_solve_options *so,
                         struct sp_workbook_options *wo, int quiet,
                         sp_breakeven **out)
{
    struct sp_breakeven_request req = {0};
    struct sp_solve_options bo = {0};
    char err[1024] = "";
    int i = sp_workbook_recommended(res, wo->recommend);
    enum sp_status st;

    if (i < 0) {
        if (!quiet)
            fprintf(stderr, "stackplan: --breakeven: no scenario is "
                            "recommended, so no break-even prices\n");
        return -1;
    }
    req.all = 1;
    bo.time_limit = so->time_limit;
    bo.gap = so->gap;
    bo.log = so->log;
    if (!quiet) {
        bo.progress = cli_whatif_progress;
        fprintf(stderr,
                "stackplan: break-even prices of '%s' (the recommended "
                "scenario)\n",
                sp_result_name(res, i));
    }
    st = sp_breakeven_compute(pb, sp_result_name(res, i), &req, &bo, out, err,
                              sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: --breakeven: %s\n",
                err[0] ? err : sp_strerror(st));
        return cli_exit_code(st);
    }
    wo->breakeven = *out;
    return -1;
}

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"controls", required_argument, NULL, OPT_CONTROLS},
    {"quiet", no_argument, NULL, 'q'},
    {"scenarios", required_argument, NULL, 's'},
    {"output", required_argument, NULL, 'o'},
    {"json", required_argument, NULL, OPT_JSON},
    {"time-limit", required_argument, NULL, OPT_TIME_LIMIT},
    {"gap", required_argument, NULL, OPT_GAP},
    {"write-lp", required_argument, NULL, OPT_WRITE_LP},
    {"write-mps", required_argument, NULL, OPT_WRITE_MPS},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"scenario", required_argument, NULL, OPT_SCENARIO},
    {"list-scenarios", no_argument, NULL, OPT_LIST_SCENARIOS},
    {"today", required_argument, NULL, OPT_TODAY},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"recommend", required_argument, NULL, OPT_RECOMMEND},
    {"msp-name", required_argument, NULL, OPT_MSP_NAME},
    {"breakeven", no_argument, NULL, OPT_BREAKEVEN},
    {NULL, 0, NULL, 0},
};

int cli_solve(int argc, char **argv)
{
    struct sp_load_options lo = {0};
    struct sp_solve_options so = {0};
    struct sp_workbook_options wo = {0};
    const char *dir = NULL, *xlsx = NULL, *json = NULL;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    sp_breakeven *be = NULL;
    char err[1024] = "";
    int c, i, list = 0, quiet = 0, breakeven = 0, rc = EXIT_INTERNAL;
    enum sp_status st;

    optind = 1;
    while ((c = cli_getopt("solve", argc, argv, options)) != -1) {
        switch (c) {
        case 'h':
            return cli_help(usage);
        case 'q':
            quiet = 1;
            break;
        case OPT_VERBOSE:
            lo.verbose = 1;
            so.log = cli_solver_log;
            break;
        case OPT_LIST_SCENARIOS:
            list = 1;
            break;
        case 'o':
            xlsx = optarg;
            break;
        case OPT_JSON:
            json = optarg;
            break;
        case OPT_TIME_LIMIT:
            if ((rc = cli_opt_seconds("solve", "--time-limit", optarg,
                                      &so.time_limit)) >= 0)
                return rc;
            break;
        case OPT_GAP:
            if ((rc = cli_opt_gap("solve", "--gap", optarg, &so.gap)) >= 0)
                return rc;
            break;
        case OPT_WRITE_LP:
            so.write_lp = optarg;
            break;
        case OPT_WRITE_MPS:
            so.write_mps = optarg;
            break;
        case OPT_SHARD:
            if (!parse_shard(optarg, &so.shard_index, &so.shard_count))
                return cli_usage_error(
                    "solve", "--shard: expected I/N with 1 <= I <= N");
            break;
        case OPT_SCENARIO:
            so.only = optarg;
            break;
        case OPT_RECOMMEND:
            wo.recommend = optarg;
            break;
        case OPT_MSP_NAME:
            wo.msp_name = optarg;
            break;
        case OPT_BREAKEVEN:
            breakeven = 1;
            break;
        default:
            rc = cli_load_option("solve", c, &lo);
            if (rc != -1)
                return rc == 0 ? EXIT_USAGE : rc;
        }
    }
    if (optind < argc)
        dir = argv[optind++];
    if (optind < argc)
        return cli_usage_error("solve", "more than one DATA_DIR");
    if (!dir)
        return cli_usage_error("solve", "missing DATA_DIR");
    if (breakeven && !xlsx)
        return cli_usage_error("solve", "--breakeven needs -o FILE.xlsx");
    rc = check_outputs(dir, lo.scenarios_path, lo.controls_path, json, xlsx,
                       &so);
    if (rc >= 0)
        return rc;
    rc = EXIT_INTERNAL;

    diags = sp_diags_new();
    if (!diags)
        goto cleanup;
    st = sp_problem_load(dir, &lo, &pb, diags);
    cli_print_diags_quiet(diags, quiet);
    if (st != SP_OK) {
        if (sp_diags_count(diags) == 0)
            fprintf(stderr, "stackplan: %s: %s\n", dir, sp_strerror(st));
        rc = cli_exit_code(st == SP_ERR_IO ? SP_ERR_INPUT : st);
        goto cleanup;
    }
    if (!list)
        cli_notices(pb, &lo, quiet);
    if (list) {
        for (i = 0; i < sp_problem_name_count(pb, SP_NAME_SCENARIO); i++)
            printf("%s\n", sp_problem_name(pb, SP_NAME_SCENARIO, i));
        rc = EXIT_OK;
        goto cleanup;
    }
    if (so.only && !sp_problem_has_scenario(pb, so.only)) {
        rc = cli_unknown_name("solve", pb, SP_NAME_SCENARIO, so.only);
        goto cleanup;
    }
    if (wo.recommend && !sp_problem_has_scenario(pb, wo.recommend)) {
        rc = cli_unknown_name("solve --recommend", pb, SP_NAME_SCENARIO,
                              wo.recommend);
        goto cleanup;
    }
    if (!quiet)
        so.progress = on_progress;
    st = sp_solve(pb, &so, &res, err, sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err[0] ? err : sp_strerror(st));
        rc = cli_exit_code(st); /* a plan that failed its check: 4 */
        goto cleanup;
    }
    if (breakeven) {
        rc = breakeven_for(pb, res, &so, &wo, quiet, &be);
        if (rc >= 0)
            goto cleanup;
    }
    rc = cli_write_result_opt(res, json, xlsx, &wo);

cleanup:
    sp_breakeven_free(be);
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
