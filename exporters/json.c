/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The --json results of docs/json.md, plus the extensions documented
 * in docs/json.md (version, dates, unmapped rows, migrations, tiers).
 *
 * The cJSON tree is built and freed here; nothing outside this file ever
 * sees it.  Keys are added in a fixed order and every list follows the
 * problem's order, so the same result always gives the same bytes (apart
 * from solve_seconds).
 */
#include "config.h"
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "stackplan/export.h"
#include "exporters_int.h"
#include "core_int.h"
#include "whatif_int.h"
#include "compliance_int.h"

/*
 * Money: round half away from zero applied to v * 100 in double
 * precision, so 0.125 -> 0.13, 1234.5649999 -> 1234.56 and 2.675 -> 2.68
 * (2.675 * 100 is exactly 267.5 in double arithmetic).  The quotient is
 * the double nearest the cent value, which cJSON prints in its short
 * form because "%1.15g" reads back to the same double.
 */
static double round_to(double v, double scale)
{
    double r = round(v * scale) / scale;

    /* -0.001 rounds to -0.0, which cJSON would print as "-0". */
    return r == 0.0 ? 0.0 : r;
}

static cJSON *rounded(double v, double scale)
{
    return isfinite(v) ? cJSON_CreateNumber(round_to(v, scale))
                       : cJSON_CreateNull();
}

static cJSON *money(double v)
{
    return rounded(v, 100.0);
}

double sp_round_money(double v)
{
    return round_to(v, 100.0);
}

/* Unit prices and unit counts are not totals: six decimals keep prices
 * such as 1.875 exact and hide summation noise (2.3 + 1.1). */
static cJSON *quantity(double v)
{
    return rounded(v, 1e6);
}

double sp_round_fraction(double v)
{
    char buf[32];

    /* A bound a hair above the plan's cost is rounding, not a gap. */
    if (v < 0.0)
        v = 0.0;
    snprintf(buf, sizeof(buf), "%.6g", v);
    return strtod(buf, NULL) + 0.0;
}

/* The gap is a fraction, not money: six significant digits. */
static cJSON *fraction(double v)
{
    if (!isfinite(v))
        return cJSON_CreateNull();
    return cJSON_CreateNumber(sp_round_fraction(v));
}

static cJSON *date(const struct sp_date *d)
{
    char buf[11];

    sp_date_format(d, buf);
    return cJSON_CreateString(buf);
}

bool sp_json_put(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return false;
    if (!cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

/* Appends item; takes ownership of item even when it fails. */
static bool push(cJSON *arr, cJSON *item)
{
    if (!item)
        return false;
    if (!cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

/* Names of the kept vendors, in problem order; [] without a plan. */
static cJSON *vendors_json(const struct sp_problem *pb,
                           const struct sp_plan *plan)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL;
    int v;

    if (!arr)
        goto cleanup;
    for (v = 0; plan && v < pb->nvendors; v++)
        if (plan->kept[v] &&
            !push(arr, cJSON_CreateString(pb->vendors[v].name)))
            goto cleanup;
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

static cJSON *breakdown_json(const struct sp_costing *k)
{
    cJSON *obj = NULL, *out = NULL;

    if (!k)
        return cJSON_CreateNull();
    obj = cJSON_CreateObject();
    if (!obj || !sp_json_put(obj, "licence", money(k->licence)) ||
        !sp_json_put(obj, "migration", money(k->migration)) ||
        !sp_json_put(obj, "termination", money(k->termination)) ||
        !sp_json_put(obj, "vendor_overhead", money(k->vendor_overhead)))
        goto cleanup;
    out = obj;
    obj = NULL;
cleanup:
    cJSON_Delete(obj);
    return out;
}

/* [{"client", "missing": [categories]}] for the clients of plan that miss
 * a category they require under s; [] without a plan. */
static cJSON *gaps_json(const struct sp_problem *pb,
                        const struct sp_settings *s,
                        const struct sp_plan *plan)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *entry, *missing;
    int *cats = malloc(((size_t)pb->ncategories + 1) * sizeof(int));
    int c, i, n;

    if (!arr || !cats)
        goto cleanup;
    for (c = 0; plan && c < pb->nclients; c++) {
        n = sp_plan_client_gaps(pb, s, plan, c, cats, pb->ncategories);
        if (n <= 0)
            continue;
        if (n > pb->ncategories)
            n = pb->ncategories;
        entry = cJSON_CreateObject();
        if (!push(arr, entry) ||
            !sp_json_put(entry, "client",
                         cJSON_CreateString(pb->clients[c].id)))
            goto cleanup;
        missing = cJSON_CreateArray();
        if (!sp_json_put(entry, "missing", missing))
            goto cleanup;
        for (i = 0; i < n; i++)
            if (!push(missing, cJSON_CreateString(pb->categories[cats[i]])))
                goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    free(cats);
    cJSON_Delete(arr);
    return out;
}

/* Inventory rows naming no catalog product, in file order. */
static cJSON *unmapped_json(const struct sp_problem *pb, double *spend)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *entry;
    int i;

    *spend = 0.0;
    if (!arr)
        goto cleanup;
    for (i = 0; i < pb->nholdings; i++) {
        const struct sp_holding *h = &pb->holdings[i];
        if (h->product >= 0)
            continue;
        entry = cJSON_CreateObject();
        if (!push(arr, entry) ||
            !sp_json_put(entry, "client",
                         cJSON_CreateString(pb->clients[h->client].id)) ||
            !sp_json_put(entry, "product",
                         cJSON_CreateString(h->product_id)) ||
            !sp_json_put(entry, "line", cJSON_CreateNumber(h->line)) ||
            !sp_json_put(entry, "monthly_cost",
                         h->has_monthly_cost ? money(h->monthly_cost)
                                             : cJSON_CreateNull()) ||
            !sp_json_put(entry, "monthly_price",
                         h->has_monthly_price ? money(h->monthly_price)
                                              : cJSON_CreateNull()))
            goto cleanup;
        if (h->has_monthly_cost)
            *spend += h->monthly_cost;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

/* [{"product", "start_month", "start_date"}] of client c's adopted
 * products (docs/json.md). */
static cJSON *starts_json(const struct sp_problem *pb,
                          const struct sp_schedule *sch, int c)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *e;
    int i;

    if (!arr)
        goto cleanup;
    for (i = 0; sch && i < sch->nstarts; i++) {
        const struct sp_start *st = &sch->starts[i];
        if (st->client != c)
            continue;
        e = cJSON_CreateObject();
        if (!push(arr, e) ||
            !sp_json_put(e, "product",
                         cJSON_CreateString(pb->products[st->product].id)) ||
            !sp_json_put(e, "start_month", cJSON_CreateNumber(st->month)) ||
            !sp_json_put(e, "start_date", date(&st->date)))
            goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

/* Every client in problem order with the ids it runs, when it starts
 * them, what it loses and earns (json_margin.c); [] without a plan. */
static cJSON *assignments_json(const struct sp_problem *pb,
                               const struct sp_scenario *sc,
                               const struct sp_costing *k,
                               const struct sp_plan *plan,
                               const struct sp_schedule *sch)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *entry, *products;
    int c, p;

    if (!arr)
        goto cleanup;
    for (c = 0; plan && c < pb->nclients; c++) {
        entry = cJSON_CreateObject();
        if (!push(arr, entry) ||
            !sp_json_put(entry, "client",
                         cJSON_CreateString(pb->clients[c].id)))
            goto cleanup;
        products = cJSON_CreateArray();
        if (!sp_json_put(entry, "products", products))
            goto cleanup;
        for (p = 0; p < pb->nproducts; p++)
            if (sp_plan_has(plan, c, p) &&
                !push(products, cJSON_CreateString(pb->products[p].id)))
                goto cleanup;
        if (!sp_json_put(entry, "starts", starts_json(pb, sch, c)))
            goto cleanup;
        if (k && !sp_json_client_margin(entry, pb, sc, plan, k, c, true))
            goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

/* One client's change from its current stack: products adopted, and
 * products dropped with what leaving them costs. */
static cJSON *migration_json(const struct sp_problem *pb,
                             const struct sp_scenario *sc,
                             const struct sp_costing *k,
                             const struct sp_plan *plan,
                             const struct sp_plan *current, int c)
{
    cJSON *entry = cJSON_CreateObject(), *out = NULL, *adopted, *dropped, *d;
    int p, h;

    if (!entry ||
        !sp_json_put(entry, "client", cJSON_CreateString(pb->clients[c].id)))
        goto cleanup;
    adopted = cJSON_CreateArray();
    if (!sp_json_put(entry, "adopted", adopted))
        goto cleanup;
    for (p = 0; p < pb->nproducts; p++)
        if (sp_plan_has(plan, c, p) && !sp_plan_has(current, c, p) &&
            !push(adopted, cJSON_CreateString(pb->products[p].id)))
            goto cleanup;
    dropped = cJSON_CreateArray();
    if (!sp_json_put(entry, "dropped", dropped))
        goto cleanup;
    for (p = 0; p < pb->nproducts; p++) {
        if (!sp_plan_has(current, c, p) || sp_plan_has(plan, c, p))
            continue;
        h = sp_current_holding(pb, c, p);
        if (h < 0)
            continue;
        d = cJSON_CreateObject();
        if (!push(dropped, d) ||
            !sp_json_put(d, "product",
                         cJSON_CreateString(pb->products[p].id)) ||
            !sp_json_put(d, "contract_end",
                         pb->holdings[h].has_contract_end
                             ? date(&pb->holdings[h].contract_end)
                             : cJSON_CreateNull()) ||
            !sp_json_put(d, "cost",
                         money(sp_cost_leaving(pb, &sc->settings,
                                               k->multiplier[p], h))))
            goto cleanup;
    }
    out = entry;
    entry = NULL;
cleanup:
    cJSON_Delete(entry);
    return out;
}

/* Only the clients whose products differ from today's. */
static cJSON *migrations_json(const struct sp_problem *pb,
                              const struct sp_scenario *sc,
                              const struct sp_costing *k,
                              const struct sp_plan *plan,
                              const struct sp_plan *current)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL;
    int c, p;
    bool changed;

    if (!arr)
        goto cleanup;
    for (c = 0; plan && k && current && c < pb->nclients; c++) {
        changed = false;
        for (p = 0; p < pb->nproducts && !changed; p++)
            changed = sp_plan_has(plan, c, p) != sp_plan_has(current, c, p);
        if (changed && !push(arr, migration_json(pb, sc, k, plan, current, c)))
            goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

/* The price every product chosen by at least one client reached. */
static cJSON *tiers_json(const struct sp_problem *pb,
                         const struct sp_costing *k,
                         const struct sp_plan *plan)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *entry;
    const struct sp_product *pr;
    int c, p;
    bool chosen;

    if (!arr)
        goto cleanup;
    for (p = 0; plan && k && p < pb->nproducts; p++) {
        chosen = false;
        for (c = 0; c < pb->nclients && !chosen; c++)
            chosen = sp_plan_has(plan, c, p);
        if (!chosen)
            continue;
        pr = &pb->products[p];
        entry = cJSON_CreateObject();
        if (!push(arr, entry) ||
            !sp_json_put(entry, "product", cJSON_CreateString(pr->id)) ||
            !sp_json_put(entry, "units", quantity(k->product_units[p])) ||
            !sp_json_put(entry, "unit_price", quantity(k->product_price[p])) ||
            !sp_json_put(
                entry, "tier_min_units",
                k->product_tier[p] >= 0 && k->product_tier[p] < pr->ntiers
                    ? quantity(pr->tiers[k->product_tier[p]].min_units)
                    : cJSON_CreateNull()))
            goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

static cJSON *baseline_json(const struct sp_result *r)
{
    const struct sp_problem *pb = r->problem;
    const struct sp_costing *k = r->baseline;
    cJSON *obj = cJSON_CreateObject(), *out = NULL;
    double spend = 0.0;

    if (!obj ||
        !sp_json_put(obj, "total_cost",
                     k ? money(k->total) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "monthly_run_rate",
                     k ? money(k->monthly_run_rate) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "vendors", vendors_json(pb, r->current)) ||
        !sp_json_put(obj, "breakdown", breakdown_json(k)) ||
        !sp_json_put(obj, "coverage_gaps",
                     gaps_json(pb, &pb->settings, r->current)) ||
        !sp_json_put(obj, "unmapped", unmapped_json(pb, &spend)) ||
        !sp_json_put(obj, "unmapped_monthly_spend", money(spend)) ||
        !sp_json_put(obj, "margin", sp_json_margin(pb, NULL, r->current, k)) ||
        !sp_json_put(obj, "unmapped_monthly_revenue",
                     money(sp_json_unmapped_revenue(pb))) ||
        !sp_json_put(obj, "clients",
                     sp_json_baseline_clients(pb, r->current, k)) ||
        !sp_json_put(obj, "compliance",
                     sp_json_compliance(pb, &pb->settings, r->current)) ||
        !sp_json_put(obj, "frameworks",
                     sp_json_frameworks(pb, &pb->settings, r->current, NULL)))
        goto cleanup;
    out = obj;
    obj = NULL;
cleanup:
    cJSON_Delete(obj);
    return out;
}

/* The plan's events in month order (docs/json.md). */
static cJSON *schedule_json(const struct sp_problem *pb,
                            const struct sp_schedule *sch)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *e;
    int i;

    if (!arr)
        goto cleanup;
    for (i = 0; sch && i < sch->nevents; i++) {
        const struct sp_event *ev = &sch->events[i];
        e = cJSON_CreateObject();
        if (!push(arr, e) ||
            !sp_json_put(e, "month", cJSON_CreateNumber(ev->month)) ||
            !sp_json_put(e, "date", date(&ev->date)) ||
            !sp_json_put(e, "client",
                         cJSON_CreateString(pb->clients[ev->client].id)) ||
            !sp_json_put(e, "product",
                         cJSON_CreateString(pb->products[ev->product].id)) ||
            !sp_json_put(e, "action",
                         cJSON_CreateString(sp_action_name(ev->action))) ||
            !sp_json_put(e, "one_time_cost", money(ev->one_time_cost)))
            goto cleanup;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

/* Month by month: what the plan and the baseline pay.  Each month is
 * the rounded running total minus the previous one, so the months sum
 * to the rounded total_cost exactly. */
static cJSON *cash_flow_json(const struct sp_settings *s,
                             const struct sp_schedule *sch, double total,
                             double baseline)
{
    cJSON *arr = cJSON_CreateArray(), *out = NULL, *e;
    double cp = 0.0, cb = 0.0, rp = 0.0, rb = 0.0, np, nb;
    struct sp_date d;
    int m;

    if (!arr)
        goto cleanup;
    for (m = 0; sch && m < sch->nmonths; m++) {
        cp += sch->cash_flow[m];
        cb += sch->baseline_flow[m];
        /* the last running totals are the totals themselves, not their
         * sum in another order */
        np = sp_round_money(m + 1 == sch->nmonths ? total : cp);
        nb = sp_round_money(m + 1 == sch->nmonths ? baseline : cb);
        d = sp_date_add_months(&s->start_date, m);
        e = cJSON_CreateObject();
        if (!push(arr, e) || !sp_json_put(e, "month", cJSON_CreateNumber(m)) ||
            !sp_json_put(e, "date", date(&d)) ||
            !sp_json_put(e, "cost", money(np - rp)) ||
            !sp_json_put(e, "baseline", money(nb - rb)) ||
            !sp_json_put(e, "cumulative_savings", money(cb - cp)))
            goto cleanup;
        rp = np;
        rb = nb;
    }
    out = arr;
    arr = NULL;
cleanup:
    cJSON_Delete(arr);
    return out;
}

static cJSON *scenario_json(const struct sp_result *r,
                            const struct sp_scenario_result *sr)
{
    const struct sp_problem *pb = r->problem;
    const struct sp_scenario *sc =
        sr->scenario ? sr->scenario : &pb->scenarios[sr->index];
    /* A plan without its recomputed cost is never reported as a plan. */
    bool has_plan = sr->status != SP_PLAN_INFEASIBLE && sr->plan && sr->cost;
    const struct sp_plan *plan = has_plan ? sr->plan : NULL;
    const struct sp_costing *k = has_plan ? sr->cost : NULL;
    struct sp_schedule *sch =
        has_plan ? sp_schedule_new(pb, sc, plan, k, sr->baseline) : NULL;
    cJSON *obj = cJSON_CreateObject(), *out = NULL;
    if (has_plan && !sch)
        goto cleanup;
    if (!obj || !sp_json_put(obj, "name", cJSON_CreateString(sc->name)) ||
        !sp_json_put(
            obj, "status",
            cJSON_CreateString(has_plan || sr->status == SP_PLAN_TIME_LIMIT
                                   ? sp_plan_status_name(sr->status)
                                   : "infeasible")) ||
        !sp_json_put(obj, "total_cost",
                     k ? money(k->total) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "monthly_run_rate",
                     k ? money(k->monthly_run_rate) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "vendors", vendors_json(pb, plan)) ||
        !sp_json_put(obj, "breakdown", breakdown_json(k)) ||
        !sp_json_put(obj, "assignments",
                     assignments_json(pb, sc, k, plan, sch)) ||
        !sp_json_put(obj, "gap", k ? fraction(sr->gap) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "solve_seconds",
                     rounded(sr->solve_seconds, 1000.0)) ||
        !sp_json_put(obj, "savings",
                     k && sr->baseline ? money(sr->baseline->total - k->total)
                                       : cJSON_CreateNull()) ||
        !sp_json_put(obj, "baseline_total_cost",
                     sr->baseline ? money(sr->baseline->total)
                                  : cJSON_CreateNull()) ||
        !sp_json_put(obj, "horizon_months",
                     quantity(sc->settings.horizon_months)) ||
        !sp_json_put(obj, "start_date", date(&sc->settings.start_date)) ||
        !sp_json_put(obj, "migrations",
                     migrations_json(pb, sc, k, plan, r->current)) ||
        !sp_json_put(obj, "tiers", tiers_json(pb, k, plan)) ||
        !sp_json_put(obj, "coverage_gaps",
                     gaps_json(pb, &sc->settings, plan)) ||
        !sp_json_put(obj, "switch",
                     cJSON_CreateString(
                         sc->settings.switch_renewal ? "renewal" : "now")) ||
        !sp_json_put(obj, "schedule", schedule_json(pb, sch)) ||
        !sp_json_put(
            obj, "cash_flow",
            cash_flow_json(&sc->settings, sch, k ? k->total : 0.0,
                           sr->baseline ? sr->baseline->total : 0.0)) ||
        !sp_json_put(obj, "payback_months",
                     sch && sch->payback_months > 0
                         ? cJSON_CreateNumber(sch->payback_months)
                         : cJSON_CreateNull()) ||
        !sp_json_put(obj, "compliance",
                     sp_json_compliance(pb, &sc->settings, plan)) ||
        !sp_json_put(
            obj, "frameworks",
            sp_json_frameworks(pb, &sc->settings, plan, r->current)) ||
        !sp_json_put(obj, "exempt", sp_json_exempt(pb, sc, plan)) ||
        !sp_json_put(obj, "reason",
                     has_plan ? cJSON_CreateNull()
                              : cJSON_CreateString(sr->reason ? sr->reason
                                                              : "no plan")) ||
        !sp_json_put(obj, "margin", sp_json_margin(pb, sc, plan, k)) ||
        !sp_json_put(obj, "baseline_margin",
                     sp_json_margin(pb, sc, r->current, sr->baseline)))
        goto cleanup;
    out = obj;
    obj = NULL;
cleanup:
    sp_schedule_free(sch);
    cJSON_Delete(obj);
    return out;
}

/* Where the result came from, so that `stackplan merge` can load the
 * same problem again and check that it has not changed (docs/whatif.md).
 * The same for a whole run and for each shard of it. */
static cJSON *source_json(const struct sp_result *r)
{
    const struct sp_problem *pb = r->problem;
    cJSON *obj = cJSON_CreateObject(), *out = NULL;
    char digest[17], *dir = pb->dir ? sp_path_absolute(pb->dir) : NULL;

    sp_problem_digest(pb, digest);
    if (!obj || (pb->dir && !dir) ||
        !sp_json_put(obj, "data_dir",
                     dir ? cJSON_CreateString(dir) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "scenarios_path",
                     pb->scenarios_path
                         ? cJSON_CreateString(pb->scenarios_path)
                         : cJSON_CreateNull()) ||
        !sp_json_put(obj, "data_digest", cJSON_CreateString(digest)) ||
        !sp_json_put(obj, "controls_path",
                     pb->controls_path ? cJSON_CreateString(pb->controls_path)
                                       : cJSON_CreateNull()) ||
        !sp_json_put(obj, "scenario_count",
                     cJSON_CreateNumber(pb->nscenarios)))
        goto cleanup;
    out = obj;
    obj = NULL;
cleanup:
    free(dir);
    cJSON_Delete(obj);
    return out;
}

cJSON *sp_json_str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

bool sp_json_put_meta(cJSON *obj, double horizon_months,
                      const char start_date[11], const char *currency)
{
    return sp_json_put(obj, "horizon_months",
                       cJSON_CreateNumber(horizon_months)) &&
           sp_json_put(obj, "start_date", cJSON_CreateString(start_date)) &&
           sp_json_put(obj, "currency", cJSON_CreateString(currency)) &&
           sp_json_put(obj, "stackplan_version",
                       cJSON_CreateString(PACKAGE_VERSION));
}

static cJSON *result_json(const struct sp_result *r)
{
    const struct sp_problem *pb = r->problem;
    cJSON *obj = cJSON_CreateObject(), *out = NULL, *scenarios;
    int i;

    if (!obj ||
        !sp_json_put(obj, "stackplan_version",
                     cJSON_CreateString(PACKAGE_VERSION)) ||
        !sp_json_put(obj, "start_date", date(&pb->settings.start_date)) ||
        !sp_json_put(obj, "start_date_given",
                     cJSON_CreateBool(pb->settings.start_date_given)) ||
        !sp_json_put(obj, "currency",
                     cJSON_CreateString(pb->settings.currency)) ||
        !sp_json_put(obj, "baseline", baseline_json(r)))
        goto cleanup;
    scenarios = cJSON_CreateArray();
    if (!sp_json_put(obj, "scenarios", scenarios))
        goto cleanup;
    for (i = 0; i < r->nscenarios; i++)
        if (!push(scenarios, scenario_json(r, &r->scenarios[i])))
            goto cleanup;
    if (!sp_json_put(obj, "source", source_json(r)))
        goto cleanup;
    out = obj;
    obj = NULL;
cleanup:
    cJSON_Delete(obj);
    return out;
}

enum sp_status sp_json_save(cJSON *root, const char *path, char *err,
                            size_t errsize)
{
    enum sp_status st = SP_OK;
    char *text = root ? cJSON_Print(root) : NULL;
    char tmp[4096];
    FILE *f;
    bool written = false;

    if (!text) {
        snprintf(err, errsize, "%s: %s", path, sp_strerror(SP_ERR_NOMEM));
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    /* "-": the caller asked for standard output */
    if (strcmp(path, "-") == 0) {
        if (fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF ||
            fflush(stdout) != 0) {
            snprintf(err, errsize, "standard output: cannot write");
            st = SP_ERR_IO;
        }
        goto cleanup;
    }
    st = sp_atomic_tmpname(path, tmp, sizeof(tmp), err, errsize);
    if (st != SP_OK)
        goto cleanup;
    f = fopen(tmp, "w");
    if (f) {
        written = fputs(text, f) != EOF && fputc('\n', f) != EOF;
        written = fclose(f) == 0 && written;
    }
    if (!written) {
        snprintf(err, errsize, "%s: cannot write", path);
        sp_atomic_finish(tmp, path, 0, NULL, 0);
        st = SP_ERR_IO;
        goto cleanup;
    }
    st = sp_atomic_finish(tmp, path, 1, err, errsize);
cleanup:
    free(text);
    cJSON_Delete(root);
    return st;
}

enum sp_status sp_json_write(const sp_result *result, const char *path,
                             char *err, size_t errsize)
{
    if (!result || !result->problem || !path) {
        snprintf(err, errsize, "sp_json_write: missing result or path");
        return SP_ERR_USAGE;
    }
    return sp_json_save(result_json(result), path, err, errsize);
}
