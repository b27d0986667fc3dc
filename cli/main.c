/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stackplan command: dispatches to one file per command. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli_int.h"
#include "config.h"

static const char usage[] =
    "Usage: stackplan COMMAND [OPTIONS]\n"
    "\n"
    "Which security vendors should a managed service provider keep?\n"
    "\n"
    "Commands:\n"
    "  check DATA_DIR      validate the input files\n"
    "  solve DATA_DIR      solve every scenario; write a workbook and/or "
    "JSON\n"
    "  proposal DATA_DIR   write a client-facing proposal workbook\n"
    "  generate OUT_DIR    write a synthetic data folder\n"
    "  import OUT_DIR      a data folder from ConnectWise, Autotask or Pax8\n"
    "                      exports\n"
    "  frontier DATA_DIR   least total cost for every number of vendors kept\n"
    "  breakeven DATA_DIR  the price at which the optimum drops (takes up)\n"
    "                      a vendor or product; what each vendor is worth\n"
    "  merge SHARD.json... one workbook and JSON from 'solve --shard' runs\n"
    "  recost PLAN.json DATA_DIR  a solve's plans costed on changed data\n"
    "\n"
    "Options:\n"
    "  -h, --help          show this help (also after any command)\n"
    "  -V, --version       show the version\n"
    "\n"
    "Exit codes: 0 success, 1 bad input, 2 usage, 3 a scenario infeasible,\n"
    "4 internal error, 5 an output could not be written.\n"
    "\n"
    "See stackplan(1) and 'man stackplan-COMMAND'; the formats are in\n"
    "docs/formats.md (installed in " DOCDIR ").\n"
    "Report bugs to <" PACKAGE_BUGREPORT ">.\n";

void cli_print_diags(const sp_diags *diags)
{
    char line[2048];
    size_t i, n = sp_diags_count(diags);
    int pass;

    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < n; i++) {
            const struct sp_diag *d = sp_diags_get(diags, i);
            if (d->warning != pass)
                continue;
            sp_diag_format(d, line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
    }
}

void cli_print_diags_quiet(const sp_diags *diags, int quiet)
{
    char line[2048];
    size_t i, n = sp_diags_count(diags);
    int pass;

    if (!quiet) {
        cli_print_diags(diags);
        return;
    }
    /* --quiet: the unmapped-row warnings stay in the JSON, not here */
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < n; i++) {
            const struct sp_diag *d = sp_diags_get(diags, i);
            if (d->warning != pass ||
                (d->warning && d->message && strstr(d->message, "(unmapped)")))
                continue;
            sp_diag_format(d, line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
}

int cli_exit_code(enum sp_status st)
{
    switch (st) {
    case SP_OK:
        return EXIT_OK;
    case SP_ERR_INPUT:
    case SP_ERR_IO:
        return EXIT_INPUT;
    case SP_ERR_USAGE:
        return EXIT_USAGE;
    case SP_ERR_INFEASIBLE:
        return EXIT_INFEASIBLE;
    default:
        return EXIT_INTERNAL;
    }
}

int cli_write_result(const sp_result *res, const char *json, const char *xlsx)
{
    return cli_write_result_opt(res, json, xlsx, NULL);
}

int cli_write_result_opt(const sp_result *res, const char *json,
                         const char *xlsx,
                         const struct sp_workbook_options *wo)
{
    char err[2048], *summary = NULL;
    int i, rc = EXIT_INTERNAL;
    enum sp_status st;

    for (i = 0; i < sp_result_count(res); i++)
        if (sp_result_reason(res, i))
            fprintf(stderr, "stackplan: scenario '%s': %s: %s\n",
                    sp_result_name(res, i), sp_result_status(res, i),
                    sp_result_reason(res, i));
    err[0] = '\0';
    st = json ? sp_json_write(res, json, err, sizeof(err)) : SP_OK;
    if (st == SP_OK && xlsx)
        st = sp_workbook_write_opt(res, xlsx, wo, err, sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err);
        return st == SP_ERR_IO ? EXIT_OUTPUT : cli_exit_code(st);
    }
    if (xlsx && err[0]) /* a warning: text cut to Excel's cell limit */
        fprintf(stderr, "stackplan: %s: %s\n", xlsx, err);
    /* the summary on stdout, unless the JSON went there */
    if (!json || strcmp(json, "-") != 0) {
        if (sp_result_summary(res, &summary) != SP_OK)
            return rc;
        fputs(summary, stdout);
        free(summary);
    }
    return sp_result_infeasible(res) ? EXIT_INFEASIBLE : EXIT_OK;
}

void cli_notices(const sp_problem *pb, const struct sp_load_options *lo,
                 int quiet)
{
    struct sp_summary s;

    if (quiet)
        return;
    sp_problem_summary(pb, &s);
    if (!s.start_date_given && !lo->today)
        fprintf(stderr,
                "stackplan: notice: the settings give no start_date, so "
                "today (%s) is used: the results change from day to day "
                "(set settings.start_date, or --today)\n",
                s.start_date);
    if (s.migration_free)
        fprintf(stderr,
                "stackplan: notice: labor_rate or the migration hours are "
                "0: migration labour costs nothing in these plans (only "
                "setup fees count)\n");
}

int cli_parse_number(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);

    if (end == s || *end != '\0' || !isfinite(v) || v < 0)
        return 0;
    *out = v;
    return 1;
}

int cli_usage_error(const char *command, const char *message)
{
    fprintf(stderr, "stackplan: %s%s%s\n", command ? command : "",
            command ? ": " : "", message);
    fprintf(stderr, "Try 'stackplan %s%s--help'.\n", command ? command : "",
            command ? " " : "");
    return EXIT_USAGE;
}

/* SIGINT, SIGTERM, SIGHUP: remove the outputs' temporaries, then exit
 * 128 + the signal's number.  Only async-signal-safe calls. */
static void on_signal(int sig)
{
    static const char msg[] = "stackplan: interrupted\n";

    sp_outset_unlink_all();
    sp_import_unlink_all();
    if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) {
        /* nothing more can be done */
    }
    _exit(128 + sig);
}

static void install_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaddset(&sa.sa_mask, sigs[i]);
    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaction(sigs[i], &sa, NULL);
}

/* Runs one command inside an output set: its outputs replace the old ones
 * together, and only when it succeeded (exit 0 or 3). */
static int run_command(int (*run)(int, char **), int argc, char **argv)
{
    char err[2048];
    int rc;

    install_signals();
    sp_outset_begin();
    rc = run(argc, argv);
    if (rc != EXIT_OK && rc != EXIT_INFEASIBLE) {
        sp_outset_abort();
        return rc;
    }
    if (sp_outset_commit(err, sizeof(err)) != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err);
        return EXIT_OUTPUT;
    }
    return rc;
}

static const struct {
    const char *name;
    int (*run)(int, char **);
} commands[] = {
    {"check", cli_check},       {"solve", cli_solve},
    {"proposal", cli_proposal}, {"generate", cli_generate},
    {"frontier", cli_frontier}, {"breakeven", cli_breakeven},
    {"merge", cli_merge},       {"import", cli_import},
    {"recost", cli_recost},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* "unknown command 'slove'; did you mean 'solve'?" */
static int unknown_command(const char *typed)
{
    struct sp_suggest s;
    char msg[256];
    size_t i;

    sp_suggest_init(&s, typed);
    for (i = 0; i < NCOMMANDS; i++)
        sp_suggest_add(&s, commands[i].name);
    if (sp_suggest_best(&s))
        snprintf(msg, sizeof(msg), "unknown command '%s'; did you mean '%s'?",
                 typed, sp_suggest_best(&s));
    else
        snprintf(msg, sizeof(msg), "unknown command '%s'", typed);
    return cli_usage_error(NULL, msg);
}

int main(int argc, char **argv)
{
    size_t i;

    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("stackplan %s\n"
               "License GPL-3.0-or-later: GNU GPL version 3 or later "
               "<https://gnu.org/licenses/gpl.html>.\n"
               "This is free software: you are free to change and "
               "redistribute it.\n"
               "There is NO WARRANTY, to the extent permitted by law.\n",
               PACKAGE_VERSION);
        return EXIT_OK;
    }
    for (i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return run_command(commands[i].run, argc - 1, argv + 1);
    return unknown_command(argv[1]);
}
