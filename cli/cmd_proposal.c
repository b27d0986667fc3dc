/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan proposal: a client-facing workbook for one client. */
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
    "      --time-limit S    stop each scenario after S seconds\n"
    "      --gap G           stop at relative gap G\n"
    "      --today DATE      the date used when settings give no start_date\n"
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

/* Options that take a value. */
static int takes_value(const char *a)
{
    static const char *const names[] = {
        "--client",     "-o",          "--output",     "--scenario",
        "-s",           "--scenarios", "--time-limit", "--gap",
        "--today",      "--msp-name",  "--contact",    "--logo",
        "--valid-days", "--issue-date"};
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(*names); i++)
        if (!strcmp(a, names[i]))
            return 1;
    return 0;
}

struct args {
    const char *dir, *client, *scenario, *output;
    int quiet;
    struct sp_load_options lo;
    struct sp_solve_options so;
    struct sp_proposal_options po;
};

/* Returns -1 when the arguments are fine, else the exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
    double days;
    int i;

    for (i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
            fputs(usage, stdout);
            return EXIT_OK;
        } else if (!strcmp(o, "-q") || !strcmp(o, "--quiet")) {
            a->quiet = 1;
        } else if (takes_value(o)) {
            if (!v)
                return cli_usage_error("proposal", "option needs a value");
            i++;
            if (!strcmp(o, "--client"))
                a->client = v;
            else if (!strcmp(o, "-o") || !strcmp(o, "--output"))
                a->output = v;
            else if (!strcmp(o, "--scenario"))
                a->scenario = v;
            else if (!strcmp(o, "-s") || !strcmp(o, "--scenarios"))
                a->lo.scenarios_path = v;
            else if (!strcmp(o, "--today"))
                a->lo.today = v;
            else if (!strcmp(o, "--msp-name"))
                a->po.msp_name = v;
            else if (!strcmp(o, "--contact"))
                a->po.msp_contact = v;
            else if (!strcmp(o, "--logo"))
                a->po.logo = v;
            else if (!strcmp(o, "--issue-date"))
                a->po.issue_date = v;
            else if (!strcmp(o, "--valid-days") &&
                     (!cli_parse_number(v, &days) || days < 1 || days > 3650 ||
                      days != (int)days))
                return cli_usage_error(
                    "proposal", "--valid-days: expected a whole number of "
                                "days from 1 to 3650");
            else if (!strcmp(o, "--valid-days"))
                a->po.valid_days = (int)days;
            else if (!strcmp(o, "--time-limit") &&
                     (!cli_parse_number(v, &a->so.time_limit) ||
                      a->so.time_limit <= 0))
                return cli_usage_error(
                    "proposal", "--time-limit: expected a positive number "
                                "of seconds");
            else if (!strcmp(o, "--gap") &&
                     (!cli_parse_number(v, &a->so.gap) || a->so.gap >= 1))
                return cli_usage_error(
                    "proposal", "--gap: expected a fraction from 0 to 1");
        } else if (o[0] == '-' && o[1] != '\0') {
            return cli_usage_error("proposal", "unknown option");
        } else if (!a->dir) {
            a->dir = o;
        } else {
            return cli_usage_error("proposal", "more than one DATA_DIR");
        }
    }
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
    int rc = cli_check_workbook("proposal", "-o", a->output);

    if (rc >= 0)
        return rc;
    return cli_check_outputs("proposal", a->dir, &a->lo.scenarios_path, 1,
                             &out, 1);
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
    /* Name errors before the solve, not after it. */
    if (!sp_problem_has_client(pb, a.client)) {
        fprintf(stderr, "stackplan: proposal: unknown client '%s'\n",
                a.client);
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (a.scenario && !sp_problem_has_scenario(pb, a.scenario)) {
        fprintf(stderr, "stackplan: proposal: unknown scenario '%s'\n",
                a.scenario);
        rc = EXIT_USAGE;
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
    if (!a.quiet)
        fprintf(stderr, "stackplan: wrote %s\n", a.output);
    rc = EXIT_OK;

cleanup:
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
