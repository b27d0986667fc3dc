/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan proposal: a client-facing workbook for one client. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan proposal DATA_DIR --client ID -o FILE.xlsx [OPTIONS]\n"
    "\n"
    "Writes a client-facing proposal: the client's stack today and the\n"
    "proposed one, coverage before and after, the monthly price before and\n"
    "after at resale prices, and the migration steps.  No internal cost,\n"
    "margin or other client appears in the file.\n"
    "\n"
    "Options:\n"
    "      --client ID       the client (required)\n"
    "  -o, --output FILE     the proposal workbook to write (required)\n"
    "      --scenario NAME   the scenario whose plan is proposed (default:\n"
    "                        the first scenario with a feasible plan)\n"
    "  -s, --scenarios FILE  scenarios.json (default: "
    "DATA_DIR/scenarios.json\n"
    "                        when it exists)\n"
    "      --controls FILE   controls.csv (default: DATA_DIR/controls.csv\n"
    "                        when it exists)\n"
    "      --time-limit S    stop each scenario after S seconds\n"
    "      --gap G           stop at relative gap G\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "      --verbose         also list unknown columns, and log the solver\n"
    "                        (GLPK's output, rounds, cuts) on stderr\n"
    "      --msp-name NAME   your company's name, shown as the author\n"
    "      --contact TEXT    one line of contact details (e-mail, phone)\n"
    "      --logo FILE.png   your logo, top right of the Proposal sheet\n"
    "      --valid-days N    days the offer stands (default 30)\n"
    "      --issue-date DATE the issue date (default: today, UTC)\n"
    "  -q, --quiet           no progress on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 success, 1 bad input, 2 usage (unknown client or\n"
    "scenario), 3 the scenario is infeasible, 4 internal error, 5 the\n"
    "workbook could not be written.\n";

static void on_progress(const struct sp_progress *p, void *user)
{
    (void)user;
    if (!p->done)
        return;
    fprintf(stderr, "stackplan: [%d/%d] %s: %s (%.2f s)\n", p->index + 1,
            p->count, p->scenario, p->status, p->seconds);
}

struct args {
    const char *dir, *client, *scenario, *output;
    int quiet;
    struct sp_load_options lo;
    struct sp_solve_options so;
    struct sp_proposal_options po;
};

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"controls", required_argument, NULL, OPT_CONTROLS},
    {"quiet", no_argument, NULL, 'q'},
    {"client", required_argument, NULL, OPT_CLIENT},
    {"output", required_argument, NULL, 'o'},
    {"scenario", required_argument, NULL, OPT_SCENARIO},
    {"scenarios", required_argument, NULL, 's'},
    {"today", required_argument, NULL, OPT_TODAY},
    {"time-limit", required_argument, NULL, OPT_TIME_LIMIT},
    {"gap", required_argument, NULL, OPT_GAP},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"msp-name", required_argument, NULL, OPT_MSP_NAME},
    {"contact", required_argument, NULL, OPT_CONTACT},
    {"logo", required_argument, NULL, OPT_LOGO},
    {"valid-days", required_argument, NULL, OPT_VALID_DAYS},
    {"issue-date", required_argument, NULL, OPT_ISSUE_DATE},
    {NULL, 0, NULL, 0},
};

/* Returns -1 when the arguments are fine, else the exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
    double days;
    int c, rc;

    optind = 1;
    while ((c = cli_getopt("proposal", argc, argv, options)) != -1) {
        switch (c) {
        case 'h':
            return cli_help(usage);
        case 'q':
            a->quiet = 1;
            break;
        case OPT_CLIENT:
            a->client = optarg;
            break;
        case 'o':
            a->output = optarg;
            break;
        case OPT_SCENARIO:
            a->scenario = optarg;
            break;
        case OPT_TIME_LIMIT:
            if ((rc = cli_opt_seconds("proposal", "--time-limit", optarg,
                                      &a->so.time_limit)) >= 0)
                return rc;
            break;
        case OPT_GAP:
            if ((rc = cli_opt_gap("proposal", "--gap", optarg, &a->so.gap)) >=
                0)
                return rc;
            break;
        case OPT_MSP_NAME:
            a->po.msp_name = optarg;
            break;
        case OPT_CONTACT:
            a->po.msp_contact = optarg;
            break;
        case OPT_LOGO:
            a->po.logo = optarg;
            break;
        case OPT_ISSUE_DATE:
            if ((rc = cli_opt_date("proposal", "--issue-date", optarg)) >= 0)
                return rc;
            a->po.issue_date = optarg;
            break;
        case OPT_VALID_DAYS:
            if (!cli_parse_number(optarg, &days) || days < 1 || days > 3650 ||
                days != (int)days)
                return cli_usage_error(
                    "proposal", "--valid-days: expected a whole number of "
                                "days from 1 to 3650");
            a->po.valid_days = (int)days;
            break;
        case OPT_VERBOSE:
            a->lo.verbose = 1;
            a->so.log = cli_solver_log;
            break;
        default:
            rc = cli_load_option("proposal", c, &a->lo);
            if (rc != -1)
                return rc == 0 ? EXIT_USAGE : rc;
        }
    }
    if (optind < argc)
        a->dir = argv[optind++];
    if (optind < argc)
        return cli_usage_error("proposal", "more than one DATA_DIR");
    if (!a->dir)
        return cli_usage_error("proposal", "missing DATA_DIR");
    if (!a->client)
        return cli_usage_error("proposal", "missing --client ID");
    if (!a->output)
        return cli_usage_error("proposal", "missing -o FILE.xlsx");
    return -1;
}

/* The checks of cli/outputs.c on the proposal's workbook. */
static int check_output(const struct args *a)
{
    const struct cli_output out = {"-o", a->output};
    const char *inputs[] = {a->lo.scenarios_path, a->lo.controls_path};
    int rc = cli_check_workbook("proposal", "-o", a->output);

    if (rc >= 0)
        return rc;
    return cli_check_outputs("proposal", a->dir, inputs, 2, &out, 1);
}

int cli_proposal(int argc, char **argv)
{
    struct args a;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    char err[1024] = "";
    int rc;
    enum sp_status st;

    memset(&a, 0, sizeof(a));
    rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    rc = check_output(&a);
    if (rc >= 0)
        return rc;
    rc = EXIT_INTERNAL;
    diags = sp_diags_new();
    if (!diags)
        goto cleanup;
    st = sp_problem_load(a.dir, &a.lo, &pb, diags);
    cli_print_diags(diags);
    if (st != SP_OK) {
        if (sp_diags_count(diags) == 0)
            fprintf(stderr, "stackplan: %s: %s\n", a.dir, sp_strerror(st));
        rc = cli_exit_code(st == SP_ERR_IO ? SP_ERR_INPUT : st);
        goto cleanup;
    }
    cli_notices(pb, &a.lo, a.quiet);
    /* Name errors before the solve, not after it. */
    if (!sp_problem_has_client(pb, a.client)) {
        rc = cli_unknown_name("proposal", pb, SP_NAME_CLIENT, a.client);
        goto cleanup;
    }
    if (a.scenario && !sp_problem_has_scenario(pb, a.scenario)) {
        rc = cli_unknown_name("proposal", pb, SP_NAME_SCENARIO, a.scenario);
        goto cleanup;
    }
    if (!a.quiet)
        a.so.progress = on_progress;
    /* The named scenario alone; without one, every scenario, since the
     * default is the first feasible one. */
    a.so.only = a.scenario;
    st = sp_solve(pb, &a.so, &res, err, sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err[0] ? err : sp_strerror(st));
        rc = cli_exit_code(st); /* a plan that failed its check: 4 */
        goto cleanup;
    }
    st = sp_proposal_write_opt(res, a.client, a.scenario, a.output, &a.po, err,
                               sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: proposal: %s\n", err);
        rc = st == SP_ERR_IO ? EXIT_OUTPUT : cli_exit_code(st);
        if (st == SP_ERR_INPUT) /* an unreadable logo: bad input */
            rc = EXIT_INPUT;
        goto cleanup;
    }
    if (err[0]) /* a warning: text cut to Excel's cell limit */
        fprintf(stderr, "stackplan: %s: %s\n", a.output, err);
    if (!a.quiet)
        fprintf(stderr, "stackplan: wrote %s\n", a.output);
    rc = EXIT_OK;

cleanup:
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
