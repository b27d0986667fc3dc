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
int cli_recost(int argc, char **argv);

/* The options frontier and breakeven share (cmd_frontier.c). */
struct cli_whatif_args {
    const char *dir, *scenario, *json, *xlsx;
    const char *command; /* for messages; NULL = "frontier" */
    int quiet;
    struct sp_load_options lo;
    struct sp_solve_options so;
};
/** Reads a shared option at argv[*i] (advancing *i past its value).
 *  @return -1 when consumed, 0 when not a shared option, else the exit
 *  code of a usage error (already printed). */
int cli_whatif_option(const char *command, int argc, char **argv, int *i,
                      struct cli_whatif_args *a);
/** Loads a->dir, printing the diagnostics.  @return -1 on success, else
 *  the exit code. */
int cli_whatif_load(const struct cli_whatif_args *a, sp_problem **pb);
/** Progress of the what-if solves: one line per solve on stderr. */
void cli_whatif_progress(const struct sp_progress *p, void *user);

/** Prints every diagnostic, errors first, then warnings, to stderr. */
void cli_print_diags(const sp_diags *diags);
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
/** "stackplan: MESSAGE" on stderr, then returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *message);

#endif
