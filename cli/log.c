/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --verbose on the commands that solve: the solver's log on stderr. */
#include <stdio.h>
#include "cli_int.h"

void cli_solver_log(const char *line, void *user)
{
    (void)user;
    fprintf(stderr, "stackplan: solver: %s\n", line);
}
