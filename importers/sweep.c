/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Sweeps in scenarios.json: a scenario that carries
 *
 *     "sweep": {"setting": "price_change.NAME" | "horizon_months" |
 *                          "labor_rate" | "max_vendors",
 *               "values": [v1, v2, ...]}
 *
 * stands for one scenario per value, each the scenario with that setting
 * set to the value, named "NAME (SETTING=VALUE)" (a " #2", " #3", ...
 * suffix when that name is already taken).  The expanded scenarios take
 * the place of the original, in order, so that `solve --shard i/n`
 * counts them like any other.
 *
 * Part of the scenarios.json reader (importers/scenarios.c), which hands
 * over the parsed document and a way to find each value's line; the tree
 * is only borrowed for the call.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "importers_int.h"

enum sweep_kind { SW_PRICE, SW_HORIZON, SW_LABOR, SW_MAX_VENDORS };

struct sweep {
    int scenario; /* index into pb->scenarios */
    enum sweep_kind kind;
    const char *setting; /* as written */
    struct sp_price_change price;
    const cJSON *values;
    int nvalues;
};

struct sctx {
    struct sp_load *ld;
    const char *file;
    sp_json_line_fn line_of;
    const void *ctx;
    int errors;
};

static const char expected_setting[] =
    "expected price_change.NAME, horizon_months, labor_rate or max_vendors";

static void report(struct sctx *x, const cJSON *at, bool at_key,
                   const char *scen, int no, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static void report(struct sctx *x, const cJSON *at, bool at_key,
                   const char *scen, int no, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    int line = at ? x->line_of(x->ctx, at, at_key) : 0;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    x->errors++;
    if (scen)
        sp_load_report_at(x->ld, 0, x->file, line, NULL, scen, "'sweep': %s",
                          msg);
    else
        sp_load_report_at(x->ld, 0, x->file, line, NULL, NULL,
                          "scenario #%d: 'sweep': %s", no, msg);
}

/* The setting: its kind, and for price_change.NAME the product (which
 * wins, as in price_change) or vendor NAME names. */
static bool read_setting(struct sctx *x, const cJSON *v, const char *scen,
                         int no, struct sweep *sw)
{
    const struct sp_load *ld = x->ld;
    char got[96];
    const char *s;
    int p, vd;

    if (!cJSON_IsString(v)) {
        sp_json_got(v, got, sizeof(got));
        report(x, v, false, scen, no, "'setting': %s, got %s",
               expected_setting, got);
        return false;
    }
    s = v->valuestring;
    sw->setting = s;
    if (strcmp(s, "horizon_months") == 0) {
        sw->kind = SW_HORIZON;
    } else if (strcmp(s, "labor_rate") == 0) {
        sw->kind = SW_LABOR;
    } else if (strcmp(s, "max_vendors") == 0) {
        sw->kind = SW_MAX_VENDORS;
    } else if (strncmp(s, "price_change.", 13) == 0 && s[13] != '\0' &&
               sp_has_control(s + 13)) {
        sp_quote_value(s, got, sizeof(got));
        report(x, v, false, scen, no,
               "'setting': expected a product or vendor name without "
               "control characters, got %s",
               got);
        return false;
    } else if (strncmp(s, "price_change.", 13) == 0 && s[13] != '\0') {
        sw->kind = SW_PRICE;
        p = sp_strmap_get(&ld->products, s + 13);
        vd = sp_strmap_get(&ld->vendors, s + 13);
        if (p >= 0 || (p == -1 && vd >= 0)) {
            sw->price.is_vendor = p < 0;
            sw->price.index = p >= 0 ? p : vd;
        } else if (p == -1 && ld->catalog_ok) {
            report(x, v, false, scen, no,
                   "'setting': '%s' is neither a product nor a vendor in "
                   "catalog.csv",
                   s + 13);
            return false;
        } else {
            /* the catalog row had errors: already reported there */
            return false;
        }
    } else {
        sp_quote_value(s, got, sizeof(got));
        report(x, v, false, scen, no, "'setting': %s, got %s",
               expected_setting, got);
        return false;
    }
    return true;
}

/* Is a value acceptable for the setting?  Writes the expectation. */
static bool value_ok(enum sweep_kind kind, double v, char *want, size_t size)
{
    switch (kind) {
    case SW_PRICE:
        snprintf(want, size, "a fraction from -1 to 100 (0.10 = +10 %%)");
        return v >= -1.0 && v <= sp_bound_max("price_change", NULL);
    case SW_LABOR:
        snprintf(want, size, "a non-negative number of at most 1e6");
        return v >= 0.0 && v <= sp_bound_max("labor_rate", NULL);
    case SW_HORIZON:
        snprintf(want, size, "a whole number from 1 to 1200");
        return v >= 1.0 && v == floor(v) &&
               v <= sp_bound_max("horizon_months", NULL);
    case SW_MAX_VENDORS:
    default:
        snprintf(want, size, "a whole number of at least 1");
        return v >= 1.0 && v == floor(v) && v <= 1e9;
    }
}

/* A valid value and where it stands, for the repeat check. */
struct seen {
    double value;
    int index;
    const cJSON *item;
};

static int cmp_seen(const void *a, const void *b)
{
    const struct seen *x = a, *y = b;

    if (x->value != y->value)
        return (x->value > y->value) - (x->value < y->value);
    return (x->index > y->index) - (x->index < y->index);
}

/* Every value after the first of equal ones is an error: sorted, a copy
 * of the values finds them in O(n log n) (100,000 values took 35 s
 * compared pairwise). */
static bool check_repeats(struct sctx *x, struct seen *s, int n,
                          const char *scen, int no)
{
    int i, first = 0;
    bool ok = true;

    qsort(s, (size_t)n, sizeof(*s), cmp_seen);
    for (i = 1; i < n; i++) {
        if (s[i].value != s[first].value) {
            first = i;
            continue;
        }
        report(x, s[i].item, false, scen, no,
               "'values': %.15g appears twice (first on line %d)", s[i].value,
               x->line_of(x->ctx, s[first].item, false));
        ok = false;
    }
    return ok;
}

static bool read_values(struct sctx *x, const cJSON *v, const char *scen,
                        int no, struct sweep *sw)
{
    const cJSON *item;
    char got[96], want[96];
    struct seen *seen;
    int nseen = 0;
    bool ok = true;

    if (!cJSON_IsArray(v) || !v->child) {
        sp_json_got(v, got, sizeof(got));
        report(x, v, false, scen, no,
               "'values': expected a non-empty list of numbers, got %s", got);
        return false;
    }
    sw->values = v;
    sw->nvalues = 0;
    seen = malloc(((size_t)cJSON_GetArraySize(v) + 1) * sizeof(*seen));
    if (!seen) {
        x->ld->st = SP_ERR_NOMEM;
        return false;
    }
    for (item = v->child; item; item = item->next) {
        sw->nvalues++;
        if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble) ||
            !value_ok(sw->kind, item->valuedouble, want, sizeof(want))) {
            value_ok(sw->kind, 0, want, sizeof(want));
            sp_json_got(item, got, sizeof(got));
            report(x, item, false, scen, no,
                   "'values': expected %s for %s, got %s", want, sw->setting,
                   got);
            ok = false;
            continue;
        }
        seen[nseen].value = item->valuedouble;
        seen[nseen].index = nseen;
        seen[nseen++].item = item;
    }
    ok = check_repeats(x, seen, nseen, scen, no) && ok;
    free(seen);
    return ok;
}

/* The scenario must not also set what the sweep sets. */
static bool no_conflict(struct sctx *x, const cJSON *obj, const cJSON *at,
                        const char *scen, int no, const struct sweep *sw)
{
    const cJSON *pc;
    const char *key = sw->kind == SW_HORIZON       ? "horizon_months"
                      : sw->kind == SW_LABOR       ? "labor_rate"
                      : sw->kind == SW_MAX_VENDORS ? "max_vendors"
                                                   : NULL;

    if (key && cJSON_GetObjectItemCaseSensitive(obj, key)) {
        report(x, at, true, scen, no,
               "it sets '%s', which the scenario also sets; keep one", key);
        return false;
    }
    pc = cJSON_GetObjectItemCaseSensitive(obj, "price_change");
    if (!key && cJSON_IsObject(pc) &&
        cJSON_GetObjectItemCaseSensitive(pc, sw->setting + 13)) {
        report(x, at, true, scen, no,
               "it sets '%s', which the scenario's 'price_change' also sets; "
               "keep one",
               sw->setting);
        return false;
    }
    return true;
}

static bool is_setting(const char *key)
{
    return strcmp(key, "horizon_months") == 0 ||
           strcmp(key, "labor_rate") == 0 || strcmp(key, "max_vendors") == 0 ||
           strncmp(key, "price_change", 12) == 0;
}

/* Reads scenario obj's sweep, when it has one: 1 = a valid sweep in *sw,
 * 0 = none, -1 = an invalid one (reported). */
static int read_sweep(struct sctx *x, const cJSON *obj, int index, int no,
                      struct sweep *sw)
{
    const cJSON *spec = cJSON_GetObjectItemCaseSensitive(obj, "sweep");
    const cJSON *m, *setting = NULL, *values = NULL;
    const char *scen = x->ld->pb->scenarios[index].name;
    char got[96];
    bool ok = true, set_ok;

    if (!spec)
        return 0;
    memset(sw, 0, sizeof(*sw));
    sw->scenario = index;
    if (!cJSON_IsObject(spec)) {
        sp_json_got(spec, got, sizeof(got));
        report(x, spec, false, scen, no,
               "expected an object with 'setting' and 'values', got %s", got);
        return -1;
    }
    for (m = spec->child; m; m = m->next) {
        if (strcmp(m->string, "setting") == 0 && !setting) {
            setting = m;
        } else if (strcmp(m->string, "values") == 0 && !values) {
            values = m;
        } else if (strcmp(m->string, "setting") == 0 ||
                   strcmp(m->string, "values") == 0) {
            report(x, m, true, scen, no, "'%s' appears twice", m->string);
            ok = false;
        } else if (is_setting(m->string)) {
            /* {"labor_rate": [50, 100]}: the short form is not ours */
            report(x, m, true, scen, no,
                   "unknown key '%s'; write {\"setting\": \"%s\", "
                   "\"values\": [...]}",
                   m->string, m->string);
            ok = false;
        } else {
            report(x, m, true, scen, no,
                   "unknown key '%s'; expected 'setting' and 'values'",
                   m->string);
            ok = false;
        }
    }
    if (!setting || !values) {
        if (ok)
            report(x, spec, false, scen, no, "expected %s, got none",
                   !setting ? "a 'setting'" : "a list of 'values'");
        return -1;
    }
    set_ok = read_setting(x, setting, scen, no, sw);
    if (set_ok)
        ok = read_values(x, values, scen, no, sw) && ok;
    ok = ok && set_ok && no_conflict(x, obj, spec, scen, no, sw);
    return ok ? 1 : -1;
}

/* ---- expansion -------------------------------------------------------- */

/* Sets the swept setting of sc to v. */
static bool apply(struct sp_scenario *sc, const struct sweep *sw, double v)
{
    struct sp_price_change *pc;

    switch (sw->kind) {
    case SW_HORIZON:
        sc->settings.horizon_months = v;
        return true;
    case SW_LABOR:
        sc->settings.labor_rate = v;
        return true;
    case SW_MAX_VENDORS:
        sc->max_vendors = (int)v;
        return true;
    case SW_PRICE:
    default:
        pc = realloc(sc->price_changes,
                     ((size_t)sc->nprice_changes + 1) * sizeof(*pc));
        if (!pc)
            return false;
        sc->price_changes = pc;
        pc[sc->nprice_changes] = sw->price;
        pc[sc->nprice_changes++].fraction = v;
        return true;
    }
}

/* "NAME (SETTING=VALUE)", or with " #k" when taken; recorded in names. */
static char *unique_name(const char *base, const struct sweep *sw, double v,
                         struct sp_strmap *names)
{
    char name[1024], tried[1100];
    int k;

    snprintf(name, sizeof(name), "%s (%s=%.15g)", base, sw->setting, v);
    snprintf(tried, sizeof(tried), "%s", name);
    for (k = 2; sp_strmap_get(names, tried) >= 0; k++)
        snprintf(tried, sizeof(tried), "%s #%d", name, k);
    if (sp_strmap_put(names, tried, 1) != SP_OK)
        return NULL;
    return strdup(tried);
}

/* Builds the expanded list by copies: on failure nothing has changed. */
static enum sp_status expand(struct sp_problem *pb, const struct sweep *sw,
                             int nsw)
{
    struct sp_strmap names;
    struct sp_scenario *out = NULL;
    const cJSON *v;
    int total = pb->nscenarios, i, k = 0, s = 0, built = 0;
    enum sp_status st = SP_ERR_NOMEM;

    sp_strmap_init(&names);
    for (i = 0; i < nsw; i++)
        total += sw[i].nvalues - 1;
    out = calloc((size_t)total + 1, sizeof(*out));
    if (!out)
        goto cleanup;
    /* every name that stays is taken before any expanded one */
    for (i = 0, s = 0; i < pb->nscenarios; i++) {
        if (s < nsw && sw[s].scenario == i) {
            s++;
            continue;
        }
        if (pb->scenarios[i].name &&
            sp_strmap_put(&names, pb->scenarios[i].name, 1) != SP_OK)
            goto cleanup;
    }
    for (i = 0, s = 0; i < pb->nscenarios; i++) {
        const struct sp_scenario *sc = &pb->scenarios[i];
        if (!(s < nsw && sw[s].scenario == i)) {
            if (!sp_scenario_copy(&out[k++], sc))
                goto cleanup;
            built = k;
            continue;
        }
        for (v = sw[s].values->child; v; v = v->next) {
            if (!sp_scenario_copy(&out[k++], sc))
                goto cleanup;
            built = k;
            free(out[k - 1].name);
            out[k - 1].name =
                unique_name(sc->name, &sw[s], v->valuedouble, &names);
            if (!out[k - 1].name ||
                !apply(&out[k - 1], &sw[s], v->valuedouble))
                goto cleanup;
        }
        s++;
    }
    for (i = 0; i < pb->nscenarios; i++)
        sp_scenario_clear(&pb->scenarios[i]);
    free(pb->scenarios);
    pb->scenarios = out;
    pb->nscenarios = total;
    out = NULL;
    st = SP_OK;

cleanup:
    for (i = 0; out && i < built; i++)
        sp_scenario_clear(&out[i]);
    free(out);
    sp_strmap_clear(&names);
    return st;
}

enum sp_status sp_sweep_expand(struct sp_load *ld, const char *file,
                               const cJSON *scenarios, sp_json_line_fn line_of,
                               const void *ctx)
{
    struct sctx x = {ld, file, line_of, ctx, 0};
    struct sweep *sw = NULL;
    const cJSON *item;
    int index = 0, no = 0, nsw = 0, r;
    enum sp_status st = SP_OK;

    if (ld->st != SP_OK || !cJSON_IsArray(scenarios))
        return ld->st;
    sw = calloc((size_t)cJSON_GetArraySize(scenarios) + 1, sizeof(*sw));
    if (!sw) {
        ld->st = SP_ERR_NOMEM;
        return ld->st;
    }
    /* read_scenario added one scenario per object in the list, in order */
    for (item = scenarios->child; item; item = item->next) {
        no++;
        if (!cJSON_IsObject(item))
            continue;
        if (index >= ld->pb->nscenarios)
            break;
        r = read_sweep(&x, item, index, no, &sw[nsw]);
        if (r > 0 && ld->pb->scenarios[index].name)
            nsw++;
        index++;
    }
    if (ld->st == SP_OK && x.errors == 0 && nsw > 0)
        st = expand(ld->pb, sw, nsw);
    if (st != SP_OK)
        ld->st = st;
    free(sw);
    return ld->st;
}
