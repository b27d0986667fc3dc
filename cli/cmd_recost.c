/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan recost: a solve's plans, unchanged, costed on changed data. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan recost PLAN.json DATA_DIR [OPTIONS]\n"
    "\n"
    "Costs the plans of a 'stackplan solve --json' file again, unchanged,\n"
    "on the data of DATA_DIR as it is now: new prices, tiers, fees, or a\n"
    "new horizon or labour rate in the scenarios file.  Each plan must\n"
    "still meet its scenario and is verified; the savings are against the\n"
    "current stack costed on the same data.  Nothing is re-optimised: the\n"
    "command-line twin of editing the workbook's prices.\n"
    "\n"
    "Options:\n"
    "  -s, --scenarios FILE  scenarios.json (default: "
    "DATA_DIR/scenarios.json\n"
    "                        when it exists); each scenario of PLAN.json\n"
    "                        must be in it, by name\n"
    "  -o, --output FILE     write the scenario workbook (.xlsx)\n"
    "      --json FILE       write the results as JSON ('-' = stdout)\n"
    "      --controls FILE   controls.csv (default: DATA_DIR/controls.csv\n"
    "                        when it exists)\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "      --strict          unmapped inventory rows are errors\n"
    "  -q, --quiet           accepted for symmetry; recost does not solve\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 success, 1 bad input (an unreadable plan file, a\n"
    "scenario not in the data), 2 usage, 3 a scenario infeasible in the\n"
    "plan file, 4 a plan no longer meets its scenario, 5 an output could\n"
    "not be written.\n";

static int check_outputs(const char *plan, const char *dir,
                         const char *scenarios, const char *json,
                         const char *xlsx)
{
    const struct cli_output outs[] = {{"-o", xlsx}, {"--json", json}};
    const char *inputs[2] = {plan, scenarios};
    int rc = cli_check_workbook("recost", "-o", xlsx);

    if (rc >= 0)
        return rc;
    return cli_check_outputs("recost", dir, inputs, scenarios ? 2 : 1, outs,
                             2);
}

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"quiet", no_argument, NULL, 'q'},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"scenarios", required_argument, NULL, 's'},
    {"output", required_argument, NULL, 'o'},
    {"json", required_argument, NULL, OPT_JSON},
    {"controls", required_argument, NULL, OPT_CONTROLS},
    {"today", required_argument, NULL, OPT_TODAY},
    {NULL, 0, NULL, 0},
};

int cli_recost(int argc, char **argv)
{
    struct sp_load_options lo = {0};
    const char *plan = NULL, *dir = NULL, *xlsx = NULL, *json = NULL;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    char err[2048] = "";
    int c, rc = EXIT_INTERNAL;
    enum sp_status st;

    optind = 1;
    while ((c = cli_getopt("recost", argc, argv, options)) != -1) {
        switch (c) {
        case 'h':
            return cli_help(usage);
        case 'q':
            break; /* recost does not solve */
        case 'o':
            xlsx = optarg;
            break;
        case OPT_JSON:
            json = optarg;
            break;
        default:
            rc = cli_load_option("recost", c, &lo);
            if (rc != -1)
                return rc == 0 ? EXIT_USAGE : rc;
        }
    }
    if (optind < argc)
        plan = argv[optind++];
    if (optind < argc)
        dir = argv[optind++];
    if (optind < argc)
        return cli_usage_error("recost", "more than PLAN.json DATA_DIR");
    if (!plan || !dir)
        return cli_usage_error("recost", "expected PLAN.json DATA_DIR");
    rc = check_outputs(plan, dir, lo.scenarios_path, json, xlsx);
    if (rc >= 0)
        return rc;
    rc = EXIT_INTERNAL;
    diags = sp_diags_new();
    if (!diags)
        goto cleanup;
    st = sp_result_recost(plan, dir, &lo, &pb, &res, diags, err, sizeof(err));
    cli_print_diags(diags);
    if (st != SP_OK) {
        if (err[0])
            fprintf(stderr, "stackplan: %s\n", err);
        else if (sp_diags_count(diags) == 0)
            fprintf(stderr, "stackplan: %s: %s\n", dir, sp_strerror(st));
        rc = cli_exit_code(st); /* a plan that fails its scenario: 4 */
        goto cleanup;
    }
    rc = cli_write_result(res, json, xlsx);

cleanup:
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
