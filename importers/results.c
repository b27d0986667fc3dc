/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading the JSON of sharded solves back (`stackplan merge`): one result
 * as if every scenario had been solved in one run.
 *
 * A shard's file says where its problem came from (key "source": data
 * folder, scenarios file, a digest of the loaded problem).  The problem
 * is loaded again from there and must give the same digest, so a data
 * folder edited between the shards and the merge is refused rather than
 * mixed.  Each plan is rebuilt from its assignments and vendors, then
 * verified and costed again by the model's own rules: the figures in the
 * files are never trusted.  Only what cannot be recomputed without
 * solving again -- the status, the gap, the solve time and the reason of
 * an infeasible scenario -- is taken from the files.
 *
 * The cJSON trees are built and freed here.
 */
/* realpath() is an XSI function */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "importers_int.h"

/* ---- one shard file --------------------------------------------------- */

struct shard {
    const char *path;
    cJSON *root;
    const cJSON *scenarios;
    const char *data_dir, *scenarios_path, *digest, *version, *start_date;
    const char *controls_path; /* --controls FILE, NULL = none */
    bool start_date_given;
    int count;
};

static const char *str_of(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static enum sp_status shard_read(struct shard *s, char *err, size_t errsize)
{
    const cJSON *src, *count, *given;
    char *data = NULL;
    size_t len;
    enum sp_status st;

    st = sp_file_read(s->path, &data, &len);
    if (st == SP_ERR_IO) {
        int e = errno;
        snprintf(err, errsize, "%s: %s%s", s->path,
                 sp_file_error_kind(e) ? "" : "cannot read the file: ",
                 sp_file_error(e));
        return SP_ERR_INPUT;
    }
    if (st != SP_OK)
        return st;
    s->root = cJSON_ParseWithLength(data, len);
    free(data);
    if (!s->root) {
        snprintf(err, errsize,
                 "%s: expected the JSON of 'stackplan solve', "
                 "got text that is not JSON",
                 s->path);
        return SP_ERR_INPUT;
    }
    src = cJSON_GetObjectItemCaseSensitive(s->root, "source");
    count = cJSON_GetObjectItemCaseSensitive(src, "scenario_count");
    given = cJSON_GetObjectItemCaseSensitive(s->root, "start_date_given");
    s->scenarios = cJSON_GetObjectItemCaseSensitive(s->root, "scenarios");
    s->data_dir = str_of(src, "data_dir");
    s->scenarios_path = str_of(src, "scenarios_path");
    s->controls_path = str_of(src, "controls_path");
    s->digest = str_of(src, "data_digest");
    s->version = str_of(s->root, "stackplan_version");
    s->start_date = str_of(s->root, "start_date");
    s->start_date_given = cJSON_IsTrue(given);
    if (!cJSON_IsObject(src) || !s->data_dir || !s->digest || !s->version ||
        !s->start_date || !cJSON_IsBool(given) || !cJSON_IsNumber(count) ||
        !cJSON_IsArray(s->scenarios)) {
        snprintf(err, errsize,
                 "%s: expected the JSON of 'stackplan solve --json' with its "
                 "'source' (data folder and digest), got a file without it",
                 s->path);
        return SP_ERR_INPUT;
    }
    s->count = count->valueint;
    return SP_OK;
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Every file must come from the same run's data. */
static enum sp_status shards_agree(const struct shard *s, int n, char *err,
                                   size_t errsize)
{
    int i;

    for (i = 1; i < n; i++) {
        const char *what = NULL, *a = NULL, *b = NULL;
        if (!same(s[i].version, s[0].version)) {
            what = "stackplan version";
            a = s[0].version;
            b = s[i].version;
        } else if (!same(s[i].data_dir, s[0].data_dir)) {
            what = "data folder";
            a = s[0].data_dir;
            b = s[i].data_dir;
        } else if (!same(s[i].scenarios_path, s[0].scenarios_path)) {
            what = "scenarios file";
            a = s[0].scenarios_path;
            b = s[i].scenarios_path;
        } else if (!same(s[i].start_date, s[0].start_date)) {
            what = "start date";
            a = s[0].start_date;
            b = s[i].start_date;
        } else if (!same(s[i].digest, s[0].digest) ||
                   s[i].count != s[0].count) {
            what = "data (digest)";
            a = s[0].digest;
            b = s[i].digest;
        }
        if (what) {
            snprintf(err, errsize,
                     "%s and %s come from different runs: %s %s vs %s",
                     s[0].path, s[i].path, what, a ? a : "(none)",
                     b ? b : "(none)");
            return SP_ERR_INPUT;
        }
    }
    return SP_OK;
}

/* ---- the merged result ------------------------------------------------ */

static int find_scenario(const struct sp_problem *pb, const char *name)
{
    int i;

    for (i = 0; i < pb->nscenarios; i++)
        if (strcmp(pb->scenarios[i].name, name) == 0)
            return i;
    return -1;
}

/* Which file and which entry holds each scenario; each exactly once. */
static enum sp_status map_scenarios(const struct sp_problem *pb,
                                    const struct shard *s, int n,
                                    const cJSON **entry, int *owner, char *err,
                                    size_t errsize)
{
    const cJSON *e;
    const char *name;
    int f, i, missing = 0, listed = 0;
    size_t o;

    for (f = 0; f < n; f++) {
        cJSON_ArrayForEach(e, s[f].scenarios)
        {
            name = str_of(e, "name");
            i = name ? find_scenario(pb, name) : -1;
            if (!name) {
                snprintf(err, errsize, "%s: a scenario without a name",
                         s[f].path);
                return SP_ERR_INPUT;
            }
            if (i < 0) {
                snprintf(err, errsize,
                         "%s: scenario '%s' is not in the scenarios file",
                         s[f].path, name);
                return SP_ERR_INPUT;
            }
            if (entry[i]) {
                snprintf(err, errsize, "scenario '%s' is in both %s and %s",
                         name, s[owner[i]].path, s[f].path);
                return SP_ERR_INPUT;
            }
            entry[i] = e;
            owner[i] = f;
        }
    }
    for (i = 0; i < pb->nscenarios; i++)
        missing += !entry[i];
    if (missing == 0)
        return SP_OK;
    o = (size_t)snprintf(err, errsize,
                         "%d scenario%s of %d in none of the "
                         "files (a shard left out?):",
                         missing, missing == 1 ? "" : "s", pb->nscenarios);
    for (i = 0; i < pb->nscenarios && o < errsize; i++)
        if (!entry[i])
            o += (size_t)snprintf(err + o, errsize - o, "%s '%s' (#%d)",
                                  listed++ ? "," : "", pb->scenarios[i].name,
                                  i + 1);
    return SP_ERR_INPUT;
}

static bool status_parse(const char *s, enum sp_plan_status *out)
{
    static const enum sp_plan_status all[] = {
        SP_PLAN_OPTIMAL, SP_PLAN_FEASIBLE, SP_PLAN_TIME_LIMIT,
        SP_PLAN_INFEASIBLE};
    size_t i;

    for (i = 0; s && i < sizeof(all) / sizeof(all[0]); i++)
        if (strcmp(s, sp_plan_status_name(all[i])) == 0) {
            *out = all[i];
            return true;
        }
    return false;
}

/* The plan of one entry: its vendors and assignments. */
static enum sp_status plan_read(const struct sp_problem *pb, const cJSON *e,
                                const char *file, struct sp_plan *plan,
                                char *err, size_t errsize)
{
    const cJSON *vendors = cJSON_GetObjectItemCaseSensitive(e, "vendors");
    const cJSON *assign = cJSON_GetObjectItemCaseSensitive(e, "assignments");
    const cJSON *v, *a, *p;
    const char *name = str_of(e, "name");
    int k, c;

    if (!cJSON_IsArray(vendors) || !cJSON_IsArray(assign)) {
        snprintf(err, errsize,
                 "%s: scenario '%s': expected 'vendors' and 'assignments' "
                 "lists",
                 file, name);
        return SP_ERR_INPUT;
    }
    cJSON_ArrayForEach(v, vendors)
    {
        k = cJSON_IsString(v) ? sp_problem_find_vendor(pb, v->valuestring)
                              : -1;
        if (k < 0) {
            snprintf(err, errsize,
                     "%s: scenario '%s': vendor %s%s%s is not in the data",
                     file, name, cJSON_IsString(v) ? "'" : "",
                     cJSON_IsString(v) ? v->valuestring : "(not a string)",
                     cJSON_IsString(v) ? "'" : "");
            return SP_ERR_INPUT;
        }
        plan->kept[k] = 1;
    }
    cJSON_ArrayForEach(a, assign)
    {
        const char *client = str_of(a, "client");
        const cJSON *products =
            cJSON_GetObjectItemCaseSensitive(a, "products");
        c = client ? sp_problem_find_client(pb, client) : -1;
        if (c < 0 || !cJSON_IsArray(products)) {
            snprintf(err, errsize,
                     "%s: scenario '%s': client '%s' is not in the data", file,
                     name, client ? client : "(none)");
            return SP_ERR_INPUT;
        }
        cJSON_ArrayForEach(p, products)
        {
            k = cJSON_IsString(p) ? sp_problem_find_product(pb, p->valuestring)
                                  : -1;
            if (k < 0) {
                snprintf(err, errsize,
                         "%s: scenario '%s': client '%s' runs a product that "
                         "is not in the data",
                         file, name, client);
                return SP_ERR_INPUT;
            }
            plan->x[(size_t)c * (size_t)pb->nproducts + (size_t)k] = 1;
        }
    }
    return SP_OK;
}

static double num_of(const cJSON *obj, const char *key, double def)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

    return cJSON_IsNumber(v) ? v->valuedouble : def;
}

/* Scenario i of the problem, into result slot `slot`, from a file's
 * entry. */
static enum sp_status scenario_read_at(const struct sp_problem *pb,
                                       struct sp_result *res, int slot, int i,
                                       const cJSON *e, const char *file,
                                       char *err, size_t errsize)
{
    struct sp_scenario_result *r = &res->scenarios[slot];
    const char *status = str_of(e, "status"), *reason = str_of(e, "reason");
    char why[512];
    enum sp_status st;

    r->index = i;
    r->scenario = &pb->scenarios[i];
    r->solve_seconds = num_of(e, "solve_seconds", 0.0);
    r->baseline = sp_cost_plan(pb, r->scenario, res->current);
    if (!r->baseline)
        return SP_ERR_NOMEM;
    if (!status_parse(status, &r->status)) {
        snprintf(err, errsize, "%s: scenario '%s': unknown status '%s'", file,
                 r->scenario->name, status ? status : "(none)");
        return SP_ERR_INPUT;
    }
    /* no plan: infeasible, or the time limit ran out before one */
    if (r->status == SP_PLAN_INFEASIBLE ||
        (r->status == SP_PLAN_TIME_LIMIT &&
         cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(e, "total_cost")))) {
        r->reason = strdup(reason ? reason : "no plan");
        return r->reason ? SP_OK : SP_ERR_NOMEM;
    }
    r->plan = sp_plan_new(pb);
    if (!r->plan)
        return SP_ERR_NOMEM;
    st = plan_read(pb, e, file, r->plan, err, errsize);
    if (st != SP_OK)
        return st;
    if (!sp_verify_plan(pb, r->scenario, r->plan, why, sizeof(why))) {
        snprintf(err, errsize,
                 "%s: scenario '%s': the plan is not feasible: "
                 "%s",
                 file, r->scenario->name, why);
        return SP_ERR_VERIFY;
    }
    r->cost = sp_cost_plan(pb, r->scenario, r->plan);
    if (!r->cost)
        return SP_ERR_NOMEM;
    r->objective = r->cost->total;
    r->gap = fmax(0.0, num_of(e, "gap", 0.0));
    r->bound = r->cost->total * (1.0 - r->gap);
    return SP_OK;
}

static enum sp_status scenario_read(const struct sp_problem *pb,
                                    struct sp_result *res, int i,
                                    const cJSON *e, const char *file,
                                    char *err, size_t errsize)
{
    return scenario_read_at(pb, res, i, i, e, file, err, errsize);
}

static enum sp_status build(const struct sp_problem *pb, const struct shard *s,
                            const cJSON **entry, const int *owner,
                            struct sp_result **out, char *err, size_t errsize)
{
    struct sp_result *res = calloc(1, sizeof(*res));
    enum sp_status st = SP_ERR_NOMEM;
    int i;

    if (!res)
        return SP_ERR_NOMEM;
    res->problem = pb;
    res->current = sp_plan_current(pb);
    res->baseline = res->current ? sp_cost_plan(pb, NULL, res->current) : NULL;
    res->scenarios =
        calloc((size_t)pb->nscenarios + 1, sizeof(*res->scenarios));
    if (!res->current || !res->baseline || !res->scenarios)
        goto cleanup;
    for (i = 0; i < pb->nscenarios; i++) {
        res->nscenarios = i + 1;
        st = scenario_read(pb, res, i, entry[i], s[owner[i]].path, err,
                           errsize);
        if (st != SP_OK)
            goto cleanup;
    }
    *out = res;
    res = NULL;
    st = SP_OK;
cleanup:
    sp_result_free(res);
    return st;
}

/* Escapes the control characters of a message in place (\n, \t, \xNN,
 * cut to size): names, versions and paths in it come from the shards,
 * and an error stays one line whatever they hold (found by fuzz/). */
static void one_line(char *msg, size_t size)
{
    char buf[2048];
    size_t i, o = 0;

    if (!msg || !size)
        return;
    for (i = 0; msg[i] && o + 5 < sizeof(buf); i++) {
        unsigned char c = (unsigned char)msg[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            buf[o++] = '\\';
            buf[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20 || c == 0x7F) {
            o += (size_t)snprintf(buf + o, 5, "\\x%02X", c);
        } else {
            buf[o++] = (char)c;
        }
    }
    buf[o] = '\0';
    snprintf(msg, size, "%s", buf);
}

enum sp_status sp_result_merge(const char *const *paths, int n,
                               const struct sp_load_options *load,
                               sp_problem **problem, sp_result **out,
                               sp_diags *diags, char *err, size_t errsize)
{
    struct sp_load_options lo = {NULL, 0, 0, NULL, NULL};
    struct shard *s = NULL;
    struct sp_problem *pb = NULL;
    const cJSON **entry = NULL;
    int *owner = NULL, i;
    char digest[17];
    enum sp_status st;

    *problem = NULL;
    *out = NULL;
    if (err && errsize)
        err[0] = '\0';
    if (!paths || n < 1) {
        snprintf(err, errsize, "merge: no files to merge");
        return SP_ERR_USAGE;
    }
    s = calloc((size_t)n, sizeof(*s));
    if (!s)
        return SP_ERR_NOMEM;
    st = SP_OK;
    for (i = 0; i < n && st == SP_OK; i++) {
        s[i].path = paths[i];
        st = shard_read(&s[i], err, errsize);
    }
    if (st == SP_OK)
        st = shards_agree(s, n, err, errsize);
    if (st != SP_OK)
        goto cleanup;

    if (load)
        lo = *load;
    lo.scenarios_path = s[0].scenarios_path;
    lo.controls_path = s[0].controls_path;
    /* the date the shards used, whatever today is */
    lo.today = s[0].start_date_given ? NULL : s[0].start_date;
    st = sp_problem_load(s[0].data_dir, &lo, &pb, diags);
    if (st != SP_OK) {
        snprintf(err, errsize, "%s: cannot load its data folder %s", s[0].path,
                 s[0].data_dir);
        st = st == SP_ERR_NOMEM ? st : SP_ERR_INPUT;
        goto cleanup;
    }
    sp_problem_digest(pb, digest);
    if (strcmp(digest, s[0].digest) != 0 || pb->nscenarios != s[0].count) {
        snprintf(err, errsize,
                 "%s: the data in %s has changed since the shards were "
                 "solved (digest %s, now %s); solve them again",
                 s[0].path, s[0].data_dir, s[0].digest, digest);
        st = SP_ERR_INPUT;
        goto cleanup;
    }
    entry = calloc((size_t)pb->nscenarios + 1, sizeof(*entry));
    owner = calloc((size_t)pb->nscenarios + 1, sizeof(*owner));
    st = SP_ERR_NOMEM;
    if (!entry || !owner)
        goto cleanup;
    st = map_scenarios(pb, s, n, entry, owner, err, errsize);
    if (st == SP_OK)
        st = build(pb, s, entry, owner, out, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    *problem = pb;
    pb = NULL;

cleanup:
    if (st == SP_ERR_NOMEM && err && errsize && !err[0])
        snprintf(err, errsize, "%s", sp_strerror(st));
    one_line(err, errsize);
    for (i = 0; s && i < n; i++)
        cJSON_Delete(s[i].root);
    free(s);
    free(entry);
    free(owner);
    sp_problem_free(pb);
    return st;
}

/* ---- the plans of one result, on other data (stackplan recost) -------- */

enum sp_status sp_results_read_plans(const char *path,
                                     const struct sp_problem *pb,
                                     struct sp_result **out, char *err,
                                     size_t errsize)
{
    struct shard s = {0};
    struct sp_result *res = NULL;
    const cJSON *e;
    enum sp_status st;
    int n = 0, k = 0;

    *out = NULL;
    s.path = path;
    st = shard_read(&s, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    n = cJSON_GetArraySize(s.scenarios);
    st = SP_ERR_NOMEM;
    res = calloc(1, sizeof(*res));
    if (!res)
        goto cleanup;
    res->problem = pb;
    res->current = sp_plan_current(pb);
    res->baseline = res->current ? sp_cost_plan(pb, NULL, res->current) : NULL;
    res->scenarios = calloc((size_t)n + 1, sizeof(*res->scenarios));
    if (!res->current || !res->baseline || !res->scenarios)
        goto cleanup;
    st = SP_OK;
    cJSON_ArrayForEach(e, s.scenarios)
    {
        const char *name = str_of(e, "name");
        int i = name ? find_scenario(pb, name) : -1;
        if (i < 0) {
            snprintf(err, errsize,
                     "%s: scenario '%s' is not in the scenarios of the data "
                     "(give its scenarios file with -s)",
                     path, name ? name : "(no name)");
            st = SP_ERR_INPUT;
            goto cleanup;
        }
        res->nscenarios = k + 1;
        st = scenario_read_at(pb, res, k, i, e, path, err, errsize);
        if (st != SP_OK)
            goto cleanup;
        k++;
    }
    *out = res;
    res = NULL;
cleanup:
    if (st == SP_ERR_NOMEM && err && errsize && !err[0])
        snprintf(err, errsize, "%s", sp_strerror(st));
    cJSON_Delete(s.root);
    sp_result_free(res);
    return st;
}
