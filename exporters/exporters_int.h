/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the writers: every output goes to a temporary file beside the
 * target and is renamed into place only when complete. */
#ifndef SP_EXPORTERS_INT_H
#define SP_EXPORTERS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include "stackplan/common.h"
#include "stackplan/whatif.h"

/** Fills tmp with a fresh temporary name in path's folder. */
enum sp_status sp_atomic_tmpname(const char *path, char *tmp, size_t size,
                                 char *err, size_t errsize);
/** Renames tmp to path, or removes tmp when ok is false. */
enum sp_status sp_atomic_finish(const char *tmp, const char *path, int ok,
                                char *err, size_t errsize);

/** Money as every writer writes it: v rounded half away from zero to
 *  cents, never -0 (docs/json.md; exporters/json.c). */
double sp_round_money(double v);
/** A fraction such as a gap as written: six significant digits, a
 *  negative value as 0. */
double sp_round_fraction(double v);

struct cJSON;
/** Adds item under key; takes ownership of item even when it fails
 *  (item NULL = out of memory).  @return whether it was added. */
bool sp_json_put(struct cJSON *obj, const char *key, struct cJSON *item);
/** Prints root to path ("-" = standard output) through a temporary file;
 *  takes ownership of root (NULL = out of memory).  Every JSON writer
 *  ends here (exporters/json.c). */
enum sp_status sp_json_save(struct cJSON *root, const char *path, char *err,
                            size_t errsize);
/** A string, or JSON null for NULL. */
struct cJSON *sp_json_str_or_null(const char *s);
/** The what-if files' closing members: horizon_months, start_date,
 *  currency, stackplan_version.  @return whether all were added. */
bool sp_json_put_meta(struct cJSON *obj, double horizon_months,
                      const char start_date[11], const char *currency);

/* ---- revenue, margin, capabilities (json_margin.c) -------------------- */

struct sp_problem;
struct sp_scenario;
struct sp_plan;
struct sp_costing;
/** The `margin` object of plan costed as k under sc (NULL = the file's
 *  settings); null without a plan.  NULL when out of memory. */
struct cJSON *sp_json_margin(const struct sp_problem *pb,
                             const struct sp_scenario *sc,
                             const struct sp_plan *plan,
                             const struct sp_costing *k);
/** Adds client c's `capabilities_lost` (when lost), `revenue_monthly`
 *  and `margin_monthly` to an assignment entry; false when out of
 *  memory. */
bool sp_json_client_margin(struct cJSON *entry, const struct sp_problem *pb,
                           const struct sp_scenario *sc,
                           const struct sp_plan *plan,
                           const struct sp_costing *k, int c, bool lost);
/** The baseline's per-client revenue and margin today. */
struct cJSON *sp_json_baseline_clients(const struct sp_problem *pb,
                                       const struct sp_plan *current,
                                       const struct sp_costing *k);
/** The monthly_price of the unmapped inventory rows, summed. */
double sp_json_unmapped_revenue(const struct sp_problem *pb);

/* ---- what-if writers (frontier.c, sensitivity.c) --------------------- */

struct sp_xsheet;
struct lxw_workbook;

/** A money figure rounded as sp_json_write does; null when not finite. */
struct cJSON *sp_whatif_money(double v);
/** Names as a JSON array of strings. */
struct cJSON *sp_whatif_names(const char *const *names, int n);
/** The Frontier and Sensitivity sheets. */
void sp_xfrontier_write(struct sp_xsheet *s, struct lxw_workbook *wb,
                        const sp_frontier *f);
void sp_xsensitivity_write(struct sp_xsheet *s, struct lxw_workbook *wb,
                           const sp_breakeven *b);

#endif
