/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stackplan command's parts: one file per command. */
#ifndef SP_CLI_INT_H
#define SP_CLI_INT_H

#include "stackplan.h"

/* Exit codes of docs/json.md. */
enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_INFEASIBLE = 3,
    EXIT_INTERNAL = 4,
    EXIT_OUTPUT = 5 /* an output could not be written */
};

int cli_check(int argc, char **argv);
int cli_solve(int argc, char **argv);
int cli_proposal(int argc, char **argv);
int cli_generate(int argc, char **argv);
int cli_frontier(int argc, char **argv);
int cli_breakeven(int argc, char **argv);
int cli_merge(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_recost(int argc, char **argv);

/* The options frontier and breakeven share (cmd_frontier.c). */
struct cli_whatif_args {
    const char *dir, *scenario, *json, *xlsx;
    const char *command; /* for messages; NULL = "frontier" */
    int quiet;
    struct sp_load_options lo;
    struct sp_solve_options so;
};
/* The option table entries frontier and breakeven share. */
// clang-format off
#define CLI_WHATIF_OPTIONS                                      \
    {"quiet", no_argument, NULL, 'q'},                          \
    {"scenarios", required_argument, NULL, 's'},                \
    {"scenario", required_argument, NULL, OPT_SCENARIO},        \
    {"json", required_argument, NULL, OPT_JSON},                \
    {"output", required_argument, NULL, 'o'},                   \
    {"time-limit", required_argument, NULL, OPT_TIME_LIMIT},    \
    {"gap", required_argument, NULL, OPT_GAP},                  \
    {"today", required_argument, NULL, OPT_TODAY},              \
    {"verbose", no_argument, NULL, OPT_VERBOSE},                \
    {"controls", required_argument, NULL, OPT_CONTROLS}
// clang-format on
/** Takes option c (from cli_getopt) when it is a shared one.
 *  @return -1 when taken, 0 when not a shared option, else the exit code
 *  of a bad value (already printed). */
int cli_whatif_option(const char *command, int c, struct cli_whatif_args *a);
/** Loads a->dir, printing the diagnostics.  @return -1 on success, else
 *  the exit code. */
int cli_whatif_load(const struct cli_whatif_args *a, sp_problem **pb);
/** Writes a->json (the break-even's when b, else the frontier's) and the
 *  workbook a->xlsx (with whichever of f, b there is).  @return -1 when
 *  written, else EXIT_OUTPUT (the message printed). */
int cli_whatif_write(const struct cli_whatif_args *a, const sp_frontier *f,
                     const sp_breakeven *b);
/** Progress of the what-if solves: one line per solve on stderr. */
void cli_whatif_progress(const struct sp_progress *p, void *user);

/* The command-line grammar (cli/args.c). */
struct option;
/* Long-only options' codes (above every character). */
enum {
    OPT_JSON = 256,
    OPT_TIME_LIMIT,
    OPT_GAP,
    OPT_TODAY,
    OPT_SCENARIO,
    OPT_STRICT,
    OPT_VERBOSE,
    OPT_WRITE_LP,
    OPT_WRITE_MPS,
    OPT_SHARD,
    OPT_LIST_SCENARIOS,
    OPT_CLIENT,
    OPT_ALL,
    OPT_FRONTIER,
    OPT_VENDOR,
    OPT_PRODUCT,
    OPT_TIERS,
    OPT_FORCE,
    OPT_CLIENTS,
    OPT_SEED,
    OPT_VENDORS,
    OPT_PRODUCTS,
    OPT_CATEGORIES,
    OPT_CONTROLS,
    OPT_RECOMMEND,
    OPT_MSP_NAME,
    OPT_CONTACT,
    OPT_LOGO,
    OPT_VALID_DAYS,
    OPT_ISSUE_DATE,
    OPT_FIRST_FREE /* commands number their own options from here */
};
/** What cli_getopt returns for a bad option (already reported). */
#define CLI_OPT_ERROR (-2)
/** getopt_long over a command's own table (optind must be 1 first):
 *  --opt=value, bundling, permutation.  Every entry whose val is a
 *  letter is also that short option.  @return the option's val, -1 after
 *  the last option, or CLI_OPT_ERROR when an option was unknown (with
 *  "did you mean"), ambiguous, missing its value or given one it does
 *  not take — the message already printed. */
int cli_getopt(const char *command, int argc, char **argv,
               const struct option *opts);
/** Prints usage on stdout. @return EXIT_OK. */
int cli_help(const char *usage);
/** Option values, checked with the option named in the message.
 *  @return -1 when fine, else EXIT_USAGE (already printed). */
int cli_opt_seconds(const char *command, const char *option, const char *v,
                    double *out);
int cli_opt_gap(const char *command, const char *option, const char *v,
                double *out);
int cli_opt_date(const char *command, const char *option, const char *v);
/** Takes option c when it is one of the loading options every command
 *  shares (-s, --controls, --strict, --today) into lo.  @return -1 when
 *  taken, 0 when not one of them, else the exit code of a bad value
 *  (already printed). */
int cli_load_option(const char *command, int c, struct sp_load_options *lo);
/** "unknown KIND 'NAME'; did you mean 'X'?" on stderr. @return EXIT_USAGE. */
int cli_unknown_name(const char *command, const sp_problem *pb,
                     enum sp_name_kind kind, const char *typed);

/** The notices a user must see once (unless quiet): no start_date, so
 *  today is used; migration labour priced at nothing. */
void cli_notices(const sp_problem *pb, const struct sp_load_options *lo,
                 int quiet);
/** Prints every diagnostic, errors first, then warnings, to stderr. */
void cli_print_diags(const sp_diags *diags);
/** The same; with quiet, without the unmapped-row warnings. */
void cli_print_diags_quiet(const sp_diags *diags, int quiet);
/** Maps a library status to an exit code. */
int cli_exit_code(enum sp_status st);
/** The end of solve and merge: infeasible scenarios' reasons on stderr,
 *  the JSON and/or workbook, the summary on stdout (unless the JSON went
 *  there).  @return the exit code. */
int cli_write_result(const sp_result *res, const char *json, const char *xlsx);
/** cli_write_result with the workbook's options (solve --recommend). */
int cli_write_result_opt(const sp_result *res, const char *json,
                         const char *xlsx,
                         const struct sp_workbook_options *wo);
/** A whole option value as a finite number >= 0 (--time-limit, --gap).
 *  @return 1 and *out set, or 0. */
int cli_parse_number(const char *s, double *out);
/* An output path and the option that named it (cli/outputs.c). */
struct cli_output {
    const char *option, *path; /* path NULL = not asked for */
};
/** Refuses (usage error) an output that is one of the inputs (the files
 *  of the data folder dir, or inputs[]) or that another output shares;
 *  "-" and /dev/null are exempt.  @return -1 when fine, else the exit
 *  code (already printed). */
int cli_check_outputs(const char *command, const char *dir,
                      const char *const *inputs, int ninputs,
                      const struct cli_output *outs, int nouts);
/** Refuses "-" as a workbook; warns when path does not end in .xlsx.
 *  @return -1 when fine, else the exit code (already printed). */
int cli_check_workbook(const char *command, const char *option,
                       const char *path);
/** --verbose: a line of the solver's log on stderr (an sp_log_fn). */
void cli_solver_log(const char *line, void *user);
/** "stackplan: MESSAGE" on stderr, then returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *message);

#endif
