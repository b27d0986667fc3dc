/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan frontier: the least total cost for every vendor count. */
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

int cli_whatif_option(const char *command, int argc, char **argv, int *i,
                      struct cli_whatif_args *a)
{
    const char *o = argv[*i];
    const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
    static const char *const valued[] = {
        "-s",       "--scenarios",  "--scenario", "--json",  "-o",
        "--output", "--time-limit", "--gap",      "--today", "--controls"};
    size_t k;

    if (!strcmp(o, "-q") || !strcmp(o, "--quiet")) {
        a->quiet = 1;
        return -1;
    }
    for (k = 0; k < sizeof(valued) / sizeof(*valued); k++)
        if (!strcmp(o, valued[k]))
            break;
    if (k == sizeof(valued) / sizeof(*valued))
        return 0;
    if (!next)
        return cli_usage_error(command, "option needs a value");
    ++*i;
    if (!strcmp(o, "-s") || !strcmp(o, "--scenarios")) {
        a->lo.scenarios_path = next;
    } else if (!strcmp(o, "--controls")) {
        a->lo.controls_path = next;
    } else if (!strcmp(o, "--scenario")) {
        a->scenario = next;
    } else if (!strcmp(o, "--json")) {
        a->json = next;
    } else if (!strcmp(o, "-o") || !strcmp(o, "--output")) {
        a->xlsx = next;
    } else if (!strcmp(o, "--time-limit")) {
        if (!cli_parse_number(next, &a->so.time_limit) ||
            a->so.time_limit <= 0)
            return cli_usage_error(command,
                                   "--time-limit: expected a positive number "
                                   "of seconds");
    } else if (!strcmp(o, "--gap")) {
        if (!cli_parse_number(next, &a->so.gap) || a->so.gap >= 1)
            return cli_usage_error(command,
                                   "--gap: expected a fraction from 0 to 1");
    } else {
        a->lo.today = next;
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
    return -1;
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

int cli_frontier(int argc, char **argv)
{
    struct cli_whatif_args a;
    sp_problem *pb = NULL;
    sp_frontier *f = NULL;
    char err[1024] = "";
    int i, rc;
    enum sp_status st;

    memset(&a, 0, sizeof(a));
    for (i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        rc = cli_whatif_option("frontier", argc, argv, &i, &a);
        if (rc > 0)
            return rc;
        if (rc < 0)
            continue;
        if (o[0] == '-' && o[1] != '\0')
            return cli_usage_error("frontier", "unknown option");
        if (a.dir)
            return cli_usage_error("frontier", "more than one DATA_DIR");
        a.dir = o;
    }
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
    rc = EXIT_OUTPUT;
    if (a.json) {
        st = sp_frontier_json_write(f, a.json, err, sizeof(err));
        if (st != SP_OK) {
            fprintf(stderr, "stackplan: %s\n", err);
            goto cleanup;
        }
    }
    if (a.xlsx) {
        st = sp_whatif_workbook_write(f, NULL, a.xlsx, err, sizeof(err));
        if (st != SP_OK) {
            fprintf(stderr, "stackplan: %s\n", err);
            goto cleanup;
        }
    }
    if (!a.json || strcmp(a.json, "-") != 0)
        print_frontier(f);
    rc = sp_frontier_reason(f) ? EXIT_INFEASIBLE : EXIT_OK;

cleanup:
    sp_frontier_free(f);
    sp_problem_free(pb);
    return rc;
}
