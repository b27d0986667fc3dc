/* The stackplan command's parts: one file per command. */
#ifndef SP_CLI_INT_H
#define SP_CLI_INT_H

#include "stackplan.h"

/* Exit codes of SPEC section 4. */
enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_INFEASIBLE = 3,
    EXIT_INTERNAL = 4
};

int cli_check(int argc, char **argv);
int cli_solve(int argc, char **argv);
int cli_proposal(int argc, char **argv);
int cli_generate(int argc, char **argv);

/** Prints every diagnostic, errors first, then warnings, to stderr. */
void cli_print_diags(const sp_diags *diags);
/** Maps a library status to an exit code. */
int cli_exit_code(enum sp_status st);
/** "stackplan: MESSAGE" on stderr, then returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *message);

#endif
