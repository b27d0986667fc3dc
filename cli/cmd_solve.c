/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan solve: every scenario, then the workbook and/or JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan solve DATA_DIR [OPTIONS]\n"
    "\n"
    "Solves every scenario to a proven optimum and writes the results.\n"
    "\n"
    "Options:\n"
    "  -s, --scenarios FILE  scenarios.json (default: "
    "DATA_DIR/scenarios.json\n"
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
    "      --today DATE      the date used when settings give no start_date\n"
    "      --recommend NAME  the scenario the Executive summary recommends\n"
    "                        (default: the cheapest per month of the\n"
    "                        eligible proven-optimal plans)\n"
    "      --msp-name NAME   the MSP's name in the workbook's page headers\n"
    "      --strict          unmapped inventory rows are errors\n"
    "      --verbose         also list unknown columns\n"
    "  -q, --quiet           no progress on stderr\n"
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
                         const char *json, const char *xlsx,
                         const struct sp_solve_options *so)
{
    const struct cli_output outs[] = {
        {"-o", xlsx},
        {"--json", json},
        {"--write-lp", so->write_lp},
        {"--write-mps", so->write_mps},
    };
    int rc = cli_check_workbook("solve", "-o", xlsx);

    if (rc >= 0)
        return rc;
    return cli_check_outputs("solve", dir, &scenarios, 1, outs, 4);
}

int cli_solve(int argc, char **argv)
{
    struct sp_load_options lo = {0};
    struct sp_solve_options so = {0};
    struct sp_workbook_options wo = {0};
    const char *dir = NULL, *xlsx = NULL, *json = NULL;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    char err[1024] = "";
    int i, quiet = 0, rc = EXIT_INTERNAL;
    enum sp_status st;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(a, "--strict")) {
            lo.strict = 1;
        } else if (!strcmp(a, "--verbose")) {
            lo.verbose = 1;
        } else if (a[0] == '-' && a[1] != '\0' && !next) {
            if (!strcmp(a, "-s") || !strcmp(a, "--scenarios") ||
                !strcmp(a, "-o") || !strcmp(a, "--output") ||
                !strcmp(a, "--json") || !strcmp(a, "--time-limit") ||
                !strcmp(a, "--gap") || !strcmp(a, "--write-lp") ||
                !strcmp(a, "--write-mps") || !strcmp(a, "--shard") ||
                !strcmp(a, "--today") || !strcmp(a, "--scenario") ||
                !strcmp(a, "--recommend") || !strcmp(a, "--msp-name"))
                return cli_usage_error("solve", "option needs a value");
            return cli_usage_error("solve", "unknown option");
        } else if (!strcmp(a, "-s") || !strcmp(a, "--scenarios")) {
            lo.scenarios_path = argv[++i];
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            xlsx = argv[++i];
        } else if (!strcmp(a, "--json")) {
            json = argv[++i];
        } else if (!strcmp(a, "--time-limit")) {
            if (!cli_parse_number(argv[++i], &so.time_limit) ||
                so.time_limit <= 0)
                return cli_usage_error(
                    "solve", "--time-limit: expected a positive number of "
                             "seconds");
        } else if (!strcmp(a, "--gap")) {
            if (!cli_parse_number(argv[++i], &so.gap) || so.gap >= 1)
                return cli_usage_error(
                    "solve", "--gap: expected a fraction from 0 to 1");
        } else if (!strcmp(a, "--write-lp")) {
            so.write_lp = argv[++i];
        } else if (!strcmp(a, "--write-mps")) {
            so.write_mps = argv[++i];
        } else if (!strcmp(a, "--shard")) {
            if (!parse_shard(argv[++i], &so.shard_index, &so.shard_count))
                return cli_usage_error(
                    "solve", "--shard: expected I/N with 1 <= I <= N");
        } else if (!strcmp(a, "--today")) {
            lo.today = argv[++i];
        } else if (!strcmp(a, "--scenario")) {
            so.only = argv[++i];
        } else if (!strcmp(a, "--recommend")) {
            wo.recommend = argv[++i];
        } else if (!strcmp(a, "--msp-name")) {
            wo.msp_name = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("solve", "unknown option");
        } else if (!dir) {
            dir = a;
        } else {
            return cli_usage_error("solve", "more than one DATA_DIR");
        }
    }
    if (!dir)
        return cli_usage_error("solve", "missing DATA_DIR");
    rc = check_outputs(dir, lo.scenarios_path, json, xlsx, &so);
    if (rc >= 0)
        return rc;
    rc = EXIT_INTERNAL;

    diags = sp_diags_new();
    if (!diags)
        goto cleanup;
    st = sp_problem_load(dir, &lo, &pb, diags);
    cli_print_diags(diags);
    if (st != SP_OK) {
        if (sp_diags_count(diags) == 0)
            fprintf(stderr, "stackplan: %s: %s\n", dir, sp_strerror(st));
        rc = cli_exit_code(st == SP_ERR_IO ? SP_ERR_INPUT : st);
        goto cleanup;
    }
    if (so.only && !sp_problem_has_scenario(pb, so.only)) {
        fprintf(stderr, "stackplan: solve: unknown scenario '%s'\n", so.only);
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (wo.recommend && !sp_problem_has_scenario(pb, wo.recommend)) {
        fprintf(stderr,
                "stackplan: solve: --recommend: unknown scenario "
                "'%s'\n",
                wo.recommend);
        rc = EXIT_USAGE;
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
    rc = cli_write_result_opt(res, json, xlsx, &wo);

cleanup:
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
