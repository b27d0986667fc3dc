/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The short text summary `stackplan solve` prints on standard output. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"
#include "stackplan/export.h"
#include "compliance_int.h"

struct buf {
    char *s;
    size_t len, cap;
    bool failed;
};

static void put(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    while (!b->failed) {
        va_start(ap, fmt);
        n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0,
                      fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = true;
        } else if (b->s && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        } else {
            size_t cap = (b->cap + (size_t)n + 256) * 2;
            char *s = realloc(b->s, cap);
            if (!s)
                b->failed = true;
            else {
                b->s = s;
                b->cap = cap;
            }
        }
    }
}

static void vendors(struct buf *b, const struct sp_problem *pb,
                    const struct sp_plan *pl)
{
    int v, n = 0;

    for (v = 0; v < pb->nvendors; v++)
        n += pl->kept[v];
    put(b, "%d vendor%s (", n, n == 1 ? "" : "s");
    n = 0;
    for (v = 0; v < pb->nvendors; v++)
        if (pl->kept[v])
            put(b, "%s%s", n++ ? ", " : "", pb->vendors[v].name);
    put(b, ")");
}

/* "  compliance: ..." when a client has a framework (docs/compliance.md) */
static void compliance(struct buf *b, const struct sp_problem *pb,
                       const struct sp_scenario *sc, const struct sp_plan *pl,
                       const struct sp_plan *today)
{
    const struct sp_settings *s = sc ? &sc->settings : &pb->settings;
    char *line = pb->nframeworks ? sp_compliance_line(pb, s, pl, today) : NULL;
    int n = sc ? sp_exempt_count(pb, sc, pl) : 0;

    if (line)
        put(b, "  %s\n", line);
    free(line);
    if (n > 0)
        put(b,
            "  exempt: %d client%s of keep_clients break%s separate, "
            "max_categories_per_vendor or a control (see exempt)\n",
            n, n == 1 ? "" : "s", n == 1 ? "s" : "");
}

enum sp_status sp_result_summary(const sp_result *res, char **out)
{
    const struct sp_problem *pb = res->problem;
    const char *cur = pb->settings.currency;
    struct buf b = {0};
    char date[11];
    int i, c, gaps = 0;

    sp_date_format(&pb->settings.start_date, date);
    put(&b, "start date %s%s\n", date,
        pb->settings.start_date_given ? "" : " (today: none was given)");
    for (c = 0; c < pb->nclients; c++)
        gaps += sp_plan_client_gaps(pb, &pb->settings, res->current, c, NULL,
                                    0) > 0;
    put(&b, "baseline: total %.2f %s over %g months, %.2f %s/month, ",
        res->baseline->total, cur, pb->settings.horizon_months,
        res->baseline->monthly_run_rate, cur);
    vendors(&b, pb, res->current);
    put(&b, ", %d client%s with coverage gaps\n", gaps, gaps == 1 ? "" : "s");
    compliance(&b, pb, NULL, res->current, NULL);
    for (i = 0; i < res->nscenarios; i++) {
        const struct sp_scenario_result *r = &res->scenarios[i];
        put(&b, "scenario '%s': %s", r->scenario->name,
            sp_plan_status_name(r->status));
        if (r->cost) {
            put(&b, ", total %.2f %s, savings %.2f, ", r->cost->total, cur,
                r->baseline->total - r->cost->total);
            vendors(&b, pb, r->plan);
            if (r->gap > 1e-9) /* below that it is rounding noise */
                put(&b, ", gap %.4g", r->gap);
        } else {
            put(&b, ": %s", r->reason ? r->reason : "no plan");
        }
        put(&b, "\n");
        if (r->plan)
            compliance(&b, pb, r->scenario, r->plan, res->current);
    }
    if (b.failed) {
        free(b.s);
        *out = NULL;
        return SP_ERR_NOMEM;
    }
    *out = b.s;
    return SP_OK;
}
