/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compliance parts of the reports (docs/compliance.md): the JSON
 * (exporters/json_compliance.c), the summary line, the workbook's
 * Compliance sheet (exporters/xlsx_compliance.c) and the proposal's
 * section. */
#ifndef SP_COMPLIANCE_INT_H
#define SP_COMPLIANCE_INT_H

#include "core_int.h"

struct cJSON;

/** `compliance`: per client with a framework under s and per framework,
 *  the controls plan meets (with the products that meet each) and does
 *  not meet.  [] without a plan. */
struct cJSON *sp_json_compliance(const struct sp_problem *pb,
                                 const struct sp_settings *s,
                                 const struct sp_plan *plan);
/** `frameworks`: per framework some client has under s, the controls in
 *  scope, the framework's size when given, the clients, and how many
 *  plan (and today, the current stack, when given) meets fully. */
struct cJSON *sp_json_frameworks(const struct sp_problem *pb,
                                 const struct sp_settings *s,
                                 const struct sp_plan *plan,
                                 const struct sp_plan *today);
/** `exempt`: clients of keep_clients whose plan breaks separate,
 *  max_categories_per_vendor or a control of their frameworks. */
struct cJSON *sp_json_exempt(const struct sp_problem *pb,
                             const struct sp_scenario *sc,
                             const struct sp_plan *plan);
/** How many clients of keep_clients break a guard of sc or miss a
 *  control of their frameworks in plan (each counted once). */
int sp_exempt_count(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan);
/** One summary line ("compliance: CIS v8 IG1 40 of 40 clients (today
 *  3), ...") for plan under s, NULL when no client has a framework or
 *  out of memory.  Caller frees. */
char *sp_compliance_line(const struct sp_problem *pb,
                         const struct sp_settings *s,
                         const struct sp_plan *plan,
                         const struct sp_plan *today);

#endif
