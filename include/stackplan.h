/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stackplan: which security vendors should a managed service provider keep?
 *
 * The one header a program includes.  The library reads a data folder
 * (sp_problem_load), solves every scenario (sp_solve), and writes the
 * results (sp_json_write, sp_workbook_write, sp_proposal_write).  It never
 * prints, exits or aborts; errors come back as an sp_status plus
 * diagnostics or a message buffer.
 */
#ifndef STACKPLAN_H
#define STACKPLAN_H

#include "stackplan/common.h"
#include "stackplan/problem.h"
#include "stackplan/solve.h"
#include "stackplan/export.h"
#include "stackplan/whatif.h"
#include "stackplan/import.h"

#endif
