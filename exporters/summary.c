/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The short text summary `stackplan solve` prints on standard output. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"
#include "exporters_int.h"
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

/* ", switch at renewal" where it applies, and the payback month
 * (docs/model.md "Schedule and payback"). */
static void payback(struct buf *b, const struct sp_problem *pb,
                    const struct sp_scenario_result *r)
{
    struct sp_schedule *k =
        sp_schedule_new(pb, r->scenario, r->plan, r->cost, r->baseline);

    if (!k) {
        b->failed = true;
        return;
    }
    if (r->scenario->settings.switch_renewal)
        put(b, ", switch at renewal");
    if (k->payback_months > 0)
        put(b, ", payback %d month%s", k->payback_months,
            k->payback_months == 1 ? "" : "s");
    else
        put(b, ", no payback within %d month%s", k->nmonths,
            k->nmonths == 1 ? "" : "s");
    sp_schedule_free(k);
}

/* The first clients that lose a capability, with what they lose:
 * ": c006 m365_backup, c020 dns_filter" (and how many more). */
#define LOST_LISTED 5

static void lost_list(struct buf *b, const struct sp_problem *pb,
                      const struct sp_plan *plan)
{
    int *cats = malloc(((size_t)pb->ncategories + 1) * sizeof(int));
    int c, i, n, listed = 0, more = 0;

    if (!cats) {
        b->failed = true;
        return;
    }
    for (c = 0; c < pb->nclients; c++) {
        n = sp_plan_client_lost(pb, plan, c, cats, pb->ncategories);
        if (n <= 0)
            continue;
        if (listed == LOST_LISTED) {
            more++;
            continue;
        }
        put(b, "%s%s", listed++ ? ", " : ": ", pb->clients[c].id);
        for (i = 0; i < n && i < pb->ncategories; i++)
            put(b, "%s%s", i ? "+" : " ", pb->categories[cats[i]]);
    }
    if (more)
        put(b, " and %d more", more);
    free(cats);
}

/* "  margin (hold pricing): revenue R CUR/month, licence L, margin M
 * (baseline B), portfolio margin P" and the clients that lose a
 * capability: docs/model.md "Revenue and margin", "Capabilities". */
static void margin_line(struct buf *b, const struct sp_problem *pb,
                        const struct sp_scenario *sc,
                        const struct sp_plan *plan, const struct sp_costing *k,
                        const struct sp_plan *current,
                        const struct sp_costing *base)
{
    const struct sp_settings *s = sc ? &sc->settings : &pb->settings;
    struct sp_margin mg, bm;
    int c, lost = 0;

    /* rounded as the JSON rounds, so both show the same cents */
    sp_margin_plan(pb, sc, plan, k, &mg);
    put(b,
        "  margin (%s pricing): revenue %.2f %s/month, licence %.2f, "
        "margin %.2f",
        s->pricing == SP_PRICING_LIST ? "list" : "hold",
        sp_round_money(mg.revenue_monthly), s->currency,
        sp_round_money(mg.licence_monthly), sp_round_money(mg.margin_monthly));
    if (base) {
        sp_margin_plan(pb, sc, current, base, &bm);
        put(b, " (baseline %.2f)", sp_round_money(bm.margin_monthly));
    }
    put(b, ", portfolio margin %.2f",
        sp_round_money(mg.portfolio_margin_monthly));
    if (!sc && mg.unmapped_revenue_monthly > 0)
        put(b, "; unmapped revenue %.2f (not counted)",
            sp_round_money(mg.unmapped_revenue_monthly));
    for (c = 0; sc && c < pb->nclients; c++)
        lost += sp_plan_client_lost(pb, plan, c, NULL, 0) > 0;
    if (sc)
        put(b, "; %d client%s lose%s a capability covered today", lost,
            lost == 1 ? "" : "s", lost == 1 ? "s" : "");
    if (sc && lost > 0)
        lost_list(b, pb, plan);
    put(b, "\n");
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
    margin_line(&b, pb, NULL, res->current, res->baseline, NULL, NULL);
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
            payback(&b, pb, r);
            put(&b, "\n");
            margin_line(&b, pb, r->scenario, r->plan, r->cost, res->current,
                        r->baseline);
        } else {
            put(&b, ": %s\n", r->reason ? r->reason : "no plan");
        }
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
