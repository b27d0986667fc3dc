/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The scenarios.json keys of docs/compliance.md: `separate` and
 * `max_categories_per_vendor` (scenario keys) and `require_frameworks`
 * (a setting a scenario may replace).  Called by importers/scenarios.c for
 * each member it does not know itself.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "importers_int.h"

struct where {
    struct sp_load *ld;
    const char *file;
    sp_json_line_fn line_of;
    const void *ctx;
    const char *scen;   /* scenario name, NULL for settings */
    int no;             /* scenario number, for one without a name */
    const char *prefix; /* "settings: " or "" */
};

static void report(const struct where *w, const cJSON *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void report(const struct where *w, const cJSON *n, const char *fmt, ...)
{
    char msg[900], full[1024];
    va_list ap;
    int line = n ? w->line_of(w->ctx, n, false) : 0;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!w->scen && w->no > 0)
        snprintf(full, sizeof(full), "scenario #%d: %s%s", w->no, w->prefix,
                 msg);
    else
        snprintf(full, sizeof(full), "%s%s", w->prefix, msg);
    sp_load_report_at(w->ld, 0, w->file, line, NULL, w->scen, "%s", full);
}

/* A category of the catalog by its name in a JSON string, or -1
 * (reported). */
static int catalog_category(const struct where *w, const cJSON *item,
                            const char *key)
{
    char got[96], *norm;
    int k;

    if (!cJSON_IsString(item)) {
        sp_json_got(item, got, sizeof(got));
        report(w, item, "'%s': expected category names, got %s", key, got);
        return -1;
    }
    norm = sp_name_normalize(item->valuestring);
    if (!norm) {
        w->ld->st = SP_ERR_NOMEM;
        return -1;
    }
    k = sp_problem_find_category(w->ld->pb, norm);
    if ((k < 0 || !sp_load_covered(w->ld, k)) && w->ld->catalog_clean)
        report(w, item,
               "'%s': category '%s' is covered by no product in "
               "catalog.csv",
               key, norm);
    free(norm);
    return k >= 0 && sp_load_covered(w->ld, k) ? k : -1;
}

static void read_separate(const struct where *w, const cJSON *v,
                          struct sp_guards *g)
{
    const cJSON *grp, *item;
    char got[96];
    int ngroups = 0, nitems = 0, i, k, bad = 0;
    int *cats = NULL, *first = NULL;

    if (!cJSON_IsArray(v) || !v->child) {
        sp_json_got(v, got, sizeof(got));
        report(w, v,
               "'separate': expected a list of category groups, e.g. "
               "[[\"endpoint\", \"backup\"]], got %s",
               got);
        return;
    }
    for (grp = v->child; grp; grp = grp->next) {
        ngroups++;
        nitems += cJSON_IsArray(grp) ? cJSON_GetArraySize(grp) : 0;
    }
    cats = malloc(((size_t)nitems + 1) * sizeof(int));
    first = malloc(((size_t)ngroups + 1) * sizeof(int));
    if (!cats || !first) {
        w->ld->st = SP_ERR_NOMEM;
        goto cleanup;
    }
    ngroups = nitems = 0;
    for (grp = v->child; grp; grp = grp->next) {
        int start = nitems;
        if (!cJSON_IsArray(grp)) {
            sp_json_got(grp, got, sizeof(got));
            report(w, grp,
                   "'separate': expected a group (a list of "
                   "categories), got %s",
                   got);
            bad++;
            continue;
        }
        for (item = grp->child; item; item = item->next) {
            k = catalog_category(w, item, "separate");
            if (k < 0) {
                bad++;
                continue;
            }
            for (i = start; i < nitems && cats[i] != k; i++)
                ;
            if (i == nitems)
                cats[nitems++] = k;
        }
        if (nitems - start < 2) {
            if (!bad)
                report(w, grp,
                       "'separate': expected a group of at least two "
                       "different categories, got %d",
                       nitems - start);
            bad++;
            nitems = start;
            continue;
        }
        first[ngroups++] = start;
    }
    if (bad || w->ld->st != SP_OK)
        goto cleanup;
    first[ngroups] = nitems;
    sp_guards_clear(g);
    g->max_per_vendor = 0;
    g->group_cats = cats;
    g->group_first = first;
    g->ngroups = ngroups;
    cats = first = NULL;

cleanup:
    free(cats);
    free(first);
}

static void read_max(const struct where *w, const cJSON *v,
                     struct sp_guards *g)
{
    char got[96];

    if (cJSON_IsNumber(v) && isfinite(v->valuedouble) && v->valuedouble >= 1 &&
        v->valuedouble == floor(v->valuedouble)) {
        g->max_per_vendor =
            v->valuedouble > 1e6 ? 1000000 : (int)v->valuedouble;
        return;
    }
    sp_json_got(v, got, sizeof(got));
    report(w, v,
           "'max_categories_per_vendor': expected a whole number of at "
           "least 1, got %s",
           got);
}

static void read_frameworks(const struct where *w, const cJSON *v,
                            struct sp_settings *s)
{
    const struct sp_problem *pb = w->ld->pb;
    const cJSON *item;
    char got[96], *norm;
    int *idx = NULL, n = 0, i, f, bad = 0;

    if (!cJSON_IsArray(v)) {
        sp_json_got(v, got, sizeof(got));
        report(w, v,
               "'require_frameworks': expected a list of framework "
               "names, got %s",
               got);
        return;
    }
    idx = malloc(((size_t)cJSON_GetArraySize(v) + 1) * sizeof(int));
    if (!idx) {
        w->ld->st = SP_ERR_NOMEM;
        return;
    }
    for (item = v->child; item; item = item->next) {
        if (!cJSON_IsString(item)) {
            sp_json_got(item, got, sizeof(got));
            report(w, item,
                   "'require_frameworks': expected framework names, "
                   "got %s",
                   got);
            bad++;
            continue;
        }
        norm = sp_name_normalize(item->valuestring);
        if (!norm) {
            w->ld->st = SP_ERR_NOMEM;
            break;
        }
        f = sp_load_find_framework(pb, norm);
        if (f < 0) {
            if (pb->controls_file)
                report(w, item,
                       "'require_frameworks': framework '%s' is not "
                       "in %s",
                       norm, pb->controls_file);
            else
                report(w, item,
                       "'require_frameworks': framework '%s' needs "
                       "a controls.csv (in the data folder or --controls "
                       "FILE)",
                       norm);
            bad++;
        }
        free(norm);
        if (f < 0)
            continue;
        for (i = 0; i < n && idx[i] != f; i++)
            ;
        if (i == n)
            idx[n++] = f;
    }
    if (bad || w->ld->st != SP_OK) {
        free(idx);
        return;
    }
    /* a scenario's list replaces the settings' (an empty one clears it) */
    free(s->require_frameworks);
    s->require_frameworks = n ? idx : NULL;
    s->nrequire_frameworks = n;
    if (!n)
        free(idx);
}

bool sp_read_security_key(struct sp_load *ld, const char *file,
                          sp_json_line_fn line_of, const void *ctx,
                          const cJSON *m, const char *scen, int no,
                          const char *where, struct sp_scenario *sc,
                          struct sp_settings *s)
{
    struct where w;

    w.ld = ld;
    w.file = file;
    w.line_of = line_of;
    w.ctx = ctx;
    w.scen = scen;
    w.no = no;
    w.prefix = where;
    if (strcmp(m->string, "require_frameworks") == 0) {
        read_frameworks(&w, m, s);
        return true;
    }
    if (!sc)
        return false;
    if (strcmp(m->string, "separate") == 0) {
        int max = sc->guards.max_per_vendor;
        read_separate(&w, m, &sc->guards);
        sc->guards.max_per_vendor = max;
        return true;
    }
    if (strcmp(m->string, "max_categories_per_vendor") == 0) {
        read_max(&w, m, &sc->guards);
        return true;
    }
    return false;
}
