/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * scenarios.json: the settings and the what-if scenarios
 * (docs/formats.md), read with cJSON.
 *
 * cJSON matches keys case-insensitively and records no positions, so
 * keys are looked at one by one (an unknown or repeated key is an error:
 * a typo must not silently drop a setting), and line numbers come from
 * a small scanner that lists the line of every JSON value in document
 * order -- the order of a pre-order walk of the cJSON tree.  The tree
 * never leaves this file.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>
#include "importers_int.h"

static const char *const settings_keys[] = {
    "horizon_months",
    "labor_rate",
    "start_date",
    "migration_hours_fixed",
    "migration_hours_per_unit",
    "required",
    "currency",
    "markup",
    "switch",
    "keep_capabilities",
    "pricing",
    "require_frameworks",
};
#define NSETTINGS (sizeof(settings_keys) / sizeof(settings_keys[0]))

static const char *const scenario_keys[] = {
    "name",
    "max_vendors",
    "require_vendors",
    "exclude_vendors",
    "exclude_products",
    "keep_clients",
    "price_change",
    "keep_products",
    "keep_client_products",
    "separate",
    "max_categories_per_vendor",
    "eligible",
};
#define NSCENARIO (sizeof(scenario_keys) / sizeof(scenario_keys[0]))

static const char *const top_keys[] = {"settings", "scenarios"};

struct jctx;
static int sweep_line(const void *ctx, const cJSON *n, bool at_key);

/* Where a JSON value sits in the file. */
struct json_pos {
    const cJSON *node;
    int line;     /* line of the value */
    int key_line; /* line of its key when it is an object member, else
                     line */
};

struct jctx {
    struct sp_load *ld;
    const char *file; /* base name for messages */
    struct json_pos *pos;
    size_t npos;
};

/* ---- positions -------------------------------------------------------- */

struct scan {
    struct json_pos *pos;
    size_t count, cap;
};

static bool scan_push(struct scan *sc, int line, int key_line)
{
    struct json_pos *grown;

    if (sc->count == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 64;
        grown = realloc(sc->pos, cap * sizeof(*grown));
        if (!grown)
            return false;
        sc->pos = grown;
        sc->cap = cap;
    }
    sc->pos[sc->count].node = NULL;
    sc->pos[sc->count].line = line;
    sc->pos[sc->count].key_line = key_line ? key_line : line;
    sc->count++;
    return true;
}

/* Lines of the values of a valid JSON text, in document order (NULL when
 * out of memory).  Lines end at LF, CR or CRLF as in the CSV files. */
static struct json_pos *scan_lines(const char *s, size_t len, size_t *n)
{
    struct scan sc = {NULL, 0, 0};
    char *stack = NULL, *grown;
    size_t i = 0, depth = 0, scap = 0;
    int line = 1, key_line = 0, start;
    bool expect_key = false;

    *n = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        char c = s[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
            line++;
            i++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            i++;
        } else if (c == '{' || c == '[') {
            if (!scan_push(&sc, line, key_line))
                goto nomem;
            key_line = 0;
            if (depth == scap) {
                scap = scap ? scap * 2 : 16;
                grown = realloc(stack, scap);
                if (!grown)
                    goto nomem;
                stack = grown;
            }
            stack[depth++] = c;
            expect_key = c == '{';
            i++;
        } else if (c == '}' || c == ']') {
            depth -= depth > 0;
            i++;
        } else if (c == ',') {
            expect_key = depth > 0 && stack[depth - 1] == '{';
            i++;
        } else if (c == ':') {
            expect_key = false;
            i++;
        } else if (c == '"') {
            start = line;
            for (i++; i < len && s[i] != '"'; i++) {
                if (s[i] == '\\')
                    i++;
                else if (s[i] == '\n')
                    line++;
            }
            i++;
            if (expect_key) {
                key_line = start;
                expect_key = false;
            } else {
                if (!scan_push(&sc, start, key_line))
                    goto nomem;
                key_line = 0;
            }
        } else {
            /* A number, true, false or null. */
            if (!scan_push(&sc, line, key_line))
                goto nomem;
            key_line = 0;
            while (i < len && !strchr(",]} \t\r\n", s[i]))
                i++;
        }
    }
    free(stack);
    *n = sc.count;
    return sc.pos;

nomem:
    free(stack);
    free(sc.pos);
    return NULL;
}

/* Pairs the tree's nodes, walked in pre-order, with the scanned lines. */
static void attach_nodes(const cJSON *node, struct json_pos *pos, size_t n,
                         size_t *k)
{
    const cJSON *child;

    if (*k < n)
        pos[*k].node = node;
    (*k)++;
    for (child = node->child; child; child = child->next)
        attach_nodes(child, pos, n, k);
}

static int cmp_pos(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct json_pos *)a)->node;
    uintptr_t y = (uintptr_t)((const struct json_pos *)b)->node;

    return (x > y) - (x < y);
}

static const struct json_pos *find_pos(const struct jctx *j, const cJSON *n)
{
    struct json_pos key;

    memset(&key, 0, sizeof(key));
    key.node = n;
    if (!j->pos)
        return NULL;
    return bsearch(&key, j->pos, j->npos, sizeof(key), cmp_pos);
}

static int line_of(const struct jctx *j, const cJSON *n)
{
    const struct json_pos *p = find_pos(j, n);

    return p ? p->line : 0;
}

static int key_line_of(const struct jctx *j, const cJSON *n)
{
    const struct json_pos *p = find_pos(j, n);

    return p ? p->key_line : 0;
}

/* ---- reporting -------------------------------------------------------- */

/*
 * An error at node n (its key's line when at_key).  scen names the
 * scenario; a scenario without a name is "scenario #no" in the message.
 */
static void jreport(struct jctx *j, const cJSON *n, bool at_key,
                    const char *scen, int no, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static void jreport(struct jctx *j, const cJSON *n, bool at_key,
                    const char *scen, int no, const char *fmt, ...)
{
    char msg[900], prefixed[1024];
    va_list ap;
    int line = n ? (at_key ? key_line_of(j, n) : line_of(j, n)) : 0;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!scen && no > 0) {
        snprintf(prefixed, sizeof(prefixed), "scenario #%d: %s", no, msg);
        sp_load_report_at(j->ld, 0, j->file, line, NULL, NULL, "%s", prefixed);
    } else {
        sp_load_report_at(j->ld, 0, j->file, line, NULL, scen, "%s", msg);
    }
}

void sp_json_got(const cJSON *v, char *buf, size_t size)
{
    if (cJSON_IsString(v))
        sp_quote_value(v->valuestring, buf, size);
    else if (cJSON_IsNumber(v))
        snprintf(buf, size, "%.15g", v->valuedouble);
    else if (cJSON_IsBool(v))
        snprintf(buf, size, "%s", cJSON_IsTrue(v) ? "true" : "false");
    else if (cJSON_IsNull(v))
        snprintf(buf, size, "null");
    else if (cJSON_IsArray(v))
        snprintf(buf, size, "%s", v->child ? "a list" : "an empty list");
    else if (cJSON_IsObject(v))
        snprintf(buf, size, "an object");
    else
        snprintf(buf, size, "an unknown value");
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, k, row[64], prev, tmp;

    if (lb >= 63 || la >= 63)
        return 99;
    for (k = 0; k <= lb; k++)
        row[k] = k;
    for (i = 1; i <= la; i++) {
        prev = row[0];
        row[0] = i;
        for (k = 1; k <= lb; k++) {
            tmp = row[k];
            row[k] = prev + (tolower((unsigned char)a[i - 1]) !=
                             tolower((unsigned char)b[k - 1]));
            if (row[k - 1] + 1 < row[k])
                row[k] = row[k - 1] + 1;
            if (tmp + 1 < row[k])
                row[k] = tmp + 1;
            prev = tmp;
        }
    }
    return row[lb];
}

/* " (did you mean 'x'?)" for the closest known key, or the list of keys. */
static void suggest(const char *key, const char *const *known, size_t n,
                    const char *const *more, size_t nmore, char *buf,
                    size_t size)
{
    const char *best = NULL;
    size_t i, d, bestd = 3, o;

    for (i = 0; i < n + nmore; i++) {
        const char *k = i < n ? known[i] : more[i - n];
        d = edit_distance(key, k);
        if (d < bestd) {
            bestd = d;
            best = k;
        }
    }
    if (best) {
        snprintf(buf, size, " (did you mean '%s'?)", best);
        return;
    }
    o = (size_t)snprintf(buf, size, "; expected one of");
    for (i = 0; i < n + nmore && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s %s", i ? "," : "",
                              i < n ? known[i] : more[i - n]);
}

/* Reports member m of an object if an earlier member has the same key. */
static bool repeated_key(struct jctx *j, const cJSON *m, const char *scen,
                         int no, const char *where)
{
    const cJSON *p;

    for (p = m->prev; p && p->next; p = p->prev) {
        if (p->string && strcmp(p->string, m->string) == 0) {
            jreport(j, m, true, scen, no,
                    "%s'%s' appears twice (first on line %d)", where,
                    m->string, key_line_of(j, p));
            return true;
        }
        if (p == p->prev)
            break;
    }
    return false;
}

/* ---- settings --------------------------------------------------------- */

static bool read_number(struct jctx *j, const cJSON *v, const char *scen,
                        int no, const char *where, double min, bool whole,
                        double *out)
{
    char got[96];
    const char *shown;
    double max = sp_bound_max(v->string, &shown);

    if (cJSON_IsNumber(v) && isfinite(v->valuedouble) &&
        v->valuedouble >= min && v->valuedouble <= max &&
        (!whole || v->valuedouble == floor(v->valuedouble))) {
        *out = v->valuedouble;
        return true;
    }
    sp_json_got(v, got, sizeof(got));
    if (cJSON_IsNumber(v) && v->valuedouble > max) {
        if (whole)
            jreport(j, v, false, scen, no,
                    "%s'%s': expected a whole number from %g to %s, got %s",
                    where, v->string, min, shown, got);
        else
            jreport(j, v, false, scen, no,
                    "%s'%s': expected a number of at most %s, got %s", where,
                    v->string, shown, got);
        return false;
    }
    if (whole)
        jreport(j, v, false, scen, no,
                "%s'%s': expected a whole number of at least %g, got %s",
                where, v->string, min, got);
    else if (min == 0)
        jreport(j, v, false, scen, no,
                "%s'%s': expected a non-negative number, got %s", where,
                v->string, got);
    else
        jreport(j, v, false, scen, no,
                "%s'%s': expected a number of at least %g, got %s", where,
                v->string, min, got);
    return false;
}

/* `required`: a list of categories (or one string in the list syntax of
 * the CSV files). */
static void read_required(struct jctx *j, const cJSON *v, const char *scen,
                          int no, const char *where, struct sp_settings *s)
{
    struct sp_load *ld = j->ld;
    const cJSON *item;
    char **items = NULL, got[96], *norm;
    int nitems = 0, *idx = NULL, n = 0, i, k;
    enum sp_status st = SP_OK;

    sp_json_got(v, got, sizeof(got));
    if (cJSON_IsString(v)) {
        st = sp_list_split(v->valuestring, ',', &items, &nitems, NULL);
        if (st == SP_ERR_NOMEM)
            goto nomem;
    } else if (cJSON_IsArray(v)) {
        items = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(char *));
        if (!items)
            goto nomem;
        for (item = v->child; item; item = item->next) {
            if (!cJSON_IsString(item)) {
                sp_json_got(item, got, sizeof(got));
                jreport(j, item, false, scen, no,
                        "%s'required': expected category names, got %s", where,
                        got);
                st = SP_ERR_INPUT;
                continue;
            }
            norm = sp_name_normalize(item->valuestring);
            if (!norm)
                goto nomem;
            for (i = 0; i < nitems && strcmp(items[i], norm) != 0; i++)
                ;
            if (i < nitems || norm[0] == '\0')
                free(norm);
            else
                items[nitems++] = norm;
        }
    } else {
        st = SP_ERR_INPUT;
    }
    if (st == SP_OK && nitems == 0) {
        st = SP_ERR_INPUT;
    }
    if (st != SP_OK) {
        if (!cJSON_IsArray(v) || nitems == 0)
            jreport(j, v, false, scen, no,
                    "%s'required': expected a non-empty list of categories, "
                    "got %s",
                    where, got);
        goto cleanup;
    }
    idx = malloc((size_t)nitems * sizeof(int));
    if (!idx)
        goto nomem;
    for (i = 0; i < nitems; i++) {
        k = sp_load_category(ld, items[i]);
        if (k < 0)
            goto nomem;
        idx[n++] = k;
    }
    free(s->required);
    s->required = idx;
    s->nrequired = n;
    idx = NULL;
    goto cleanup;

nomem:
    ld->st = SP_ERR_NOMEM;
cleanup:
    free(idx);
    sp_list_free(items, nitems);
}

/* Applies member m to s when it is a settings key; false otherwise. */
static bool apply_setting(struct jctx *j, const cJSON *m, const char *scen,
                          int no, const char *where, struct sp_settings *s,
                          int *required_line)
{
    const char *key = m->string;
    char got[96];
    size_t len;

    if (strcmp(key, "horizon_months") == 0) {
        read_number(j, m, scen, no, where, 1, true, &s->horizon_months);
    } else if (strcmp(key, "labor_rate") == 0) {
        read_number(j, m, scen, no, where, 0, false, &s->labor_rate);
    } else if (strcmp(key, "migration_hours_fixed") == 0) {
        read_number(j, m, scen, no, where, 0, false,
                    &s->migration_hours_fixed);
    } else if (strcmp(key, "migration_hours_per_unit") == 0) {
        read_number(j, m, scen, no, where, 0, false,
                    &s->migration_hours_per_unit);
    } else if (strcmp(key, "markup") == 0) {
        read_number(j, m, scen, no, where, 0, false, &s->markup);
    } else if (strcmp(key, "start_date") == 0) {
        if (cJSON_IsString(m) &&
            sp_date_parse(m->valuestring, &s->start_date)) {
            s->start_date_given = true;
        } else {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "%s'start_date': expected a date YYYY-MM-DD, got %s",
                    where, got);
        }
    } else if (strcmp(key, "currency") == 0) {
        len = cJSON_IsString(m) ? strlen(m->valuestring) : 0;
        if (len > 0 && len < sizeof(s->currency)) {
            memcpy(s->currency, m->valuestring, len + 1);
        } else {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "%s'currency': expected a currency code of 1 to %d "
                    "characters, got %s",
                    where, (int)sizeof(s->currency) - 1, got);
        }
    } else if (strcmp(key, "switch") == 0) {
        if (cJSON_IsString(m) && strcmp(m->valuestring, "now") == 0) {
            s->switch_renewal = false;
        } else if (cJSON_IsString(m) &&
                   strcmp(m->valuestring, "renewal") == 0) {
            s->switch_renewal = true;
        } else {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "%s'switch': expected \"now\" or \"renewal\", got %s",
                    where, got);
        }
    } else if (strcmp(key, "required") == 0) {
        read_required(j, m, scen, no, where, s);
        *required_line = line_of(j, m);
    } else if (strcmp(key, "keep_capabilities") == 0) {
        if (cJSON_IsBool(m)) {
            s->keep_capabilities = cJSON_IsTrue(m);
        } else {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "%s'keep_capabilities': expected true or false, got %s",
                    where, got);
        }
    } else if (strcmp(key, "pricing") == 0) {
        if (cJSON_IsString(m) && strcmp(m->valuestring, "hold") == 0) {
            s->pricing = SP_PRICING_HOLD;
        } else if (cJSON_IsString(m) && strcmp(m->valuestring, "list") == 0) {
            s->pricing = SP_PRICING_LIST;
        } else {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "%s'pricing': expected \"hold\" or \"list\", got %s",
                    where, got);
        }
    } else if (strcmp(key, "require_frameworks") == 0) {
        sp_read_security_key(j->ld, j->file, sweep_line, j, m, scen, no, where,
                             NULL, s);
    } else {
        return false;
    }
    return true;
}

bool sp_settings_default(struct sp_load *ld, struct sp_settings *s)
{
    static const char *const required[] = {"email", "endpoint", "backup"};
    int i, k;

    memset(s, 0, sizeof(*s));
    s->horizon_months = 36;
    if (!ld->opt->today || !sp_date_parse(ld->opt->today, &s->start_date))
        s->start_date = sp_date_today();
    s->start_date_given = false;
    strcpy(s->currency, "USD");
    s->required = malloc(3 * sizeof(int));
    if (!s->required)
        return false;
    for (i = 0; i < 3; i++) {
        k = sp_load_category(ld, required[i]);
        if (k < 0)
            return false;
        s->required[s->nrequired++] = k;
    }
    return true;
}

static void read_settings(struct jctx *j, const cJSON *obj)
{
    struct sp_problem *pb = j->ld->pb;
    const cJSON *m;
    char got[96], hint[400];

    if (!cJSON_IsObject(obj)) {
        sp_json_got(obj, got, sizeof(got));
        jreport(j, obj, false, NULL, 0,
                "'settings': expected an object, got %s", got);
        return;
    }
    for (m = obj->child; m && j->ld->st == SP_OK; m = m->next) {
        if (repeated_key(j, m, NULL, 0, "settings: "))
            continue;
        if (apply_setting(j, m, NULL, 0, "settings: ", &pb->settings,
                          &j->ld->required_line))
            continue;
        suggest(m->string, settings_keys, NSETTINGS, settings_keys, 0, hint,
                sizeof(hint));
        jreport(j, m, true, NULL, 0, "settings: unknown key '%s'%s", m->string,
                hint);
    }
}

/* ---- scenarios -------------------------------------------------------- */

static void check_required(struct jctx *j, const struct sp_settings *s,
                           const cJSON *at, const char *scen);

enum name_kind { NAME_VENDOR, NAME_PRODUCT, NAME_CLIENT };

/* Resolves a list of names to indices, each once. */
static void read_names(struct jctx *j, const cJSON *v, const char *scen,
                       int no, enum name_kind kind, int **out, int *n)
{
    struct sp_load *ld = j->ld;
    static const char *const what[] = {"vendor", "product", "client"};
    static const char *const file[] = {"catalog.csv", "catalog.csv",
                                       "clients.csv"};
    const struct sp_strmap *map = kind == NAME_VENDOR    ? &ld->vendors
                                  : kind == NAME_PRODUCT ? &ld->products
                                                         : &ld->clients;
    bool known = kind == NAME_CLIENT ? ld->clients_ok : ld->catalog_ok;
    const cJSON *item;
    char got[96], *name = NULL;
    int *idx, k, i, count;

    if (cJSON_IsString(v))
        count = 1;
    else if (cJSON_IsArray(v))
        count = cJSON_GetArraySize(v);
    else {
        sp_json_got(v, got, sizeof(got));
        jreport(j, v, false, scen, no,
                "'%s': expected a list of %s names, "
                "got %s",
                v->string, what[kind], got);
        return;
    }
    idx = realloc(*out, ((size_t)*n + (size_t)count + 1) * sizeof(int));
    if (!idx) {
        ld->st = SP_ERR_NOMEM;
        return;
    }
    *out = idx;
    for (item = cJSON_IsString(v) ? v : v->child; item;
         item = cJSON_IsString(v) ? NULL : item->next) {
        if (!cJSON_IsString(item)) {
            sp_json_got(item, got, sizeof(got));
            jreport(j, item, false, scen, no,
                    "'%s': expected %s names, got %s", v->string, what[kind],
                    got);
            continue;
        }
        if (sp_has_control(item->valuestring)) {
            sp_json_got(item, got, sizeof(got));
            jreport(j, item, false, scen, no,
                    "'%s': expected %s names without control characters, "
                    "got %s",
                    v->string, what[kind], got);
            continue;
        }
        name = sp_strdup_trim(item->valuestring);
        if (!name) {
            ld->st = SP_ERR_NOMEM;
            return;
        }
        k = sp_strmap_get(map, name);
        if (k == -1 && known)
            jreport(j, item, false, scen, no, "'%s': %s '%s' is not in %s",
                    v->string, what[kind], name, file[kind]);
        free(name);
        if (k < 0)
            continue;
        for (i = 0; i < *n && idx[i] != k; i++)
            ;
        if (i == *n)
            idx[(*n)++] = k;
    }
}

static void read_price_change(struct jctx *j, const cJSON *v, const char *scen,
                              int no, struct sp_scenario *sc)
{
    struct sp_load *ld = j->ld;
    const cJSON *m;
    struct sp_price_change *pc;
    char got[96], *key;
    int p, vd;

    if (!cJSON_IsObject(v)) {
        sp_json_got(v, got, sizeof(got));
        jreport(j, v, false, scen, no,
                "'price_change': expected an object of product or vendor "
                "names and fractions, got %s",
                got);
        return;
    }
    pc = realloc(sc->price_changes,
                 ((size_t)cJSON_GetArraySize(v) + 1) * sizeof(*pc));
    if (!pc) {
        ld->st = SP_ERR_NOMEM;
        return;
    }
    sc->price_changes = pc;
    for (m = v->child; m; m = m->next) {
        if (repeated_key(j, m, scen, no, "'price_change': "))
            continue;
        if (!cJSON_IsNumber(m) || !isfinite(m->valuedouble) ||
            m->valuedouble < -1 ||
            m->valuedouble > sp_bound_max("price_change", NULL)) {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "'price_change': '%s': expected a fraction from -1 to "
                    "100 (0.10 = +10 %%), got %s",
                    m->string, got);
            continue;
        }
        if (sp_has_control(m->string)) {
            sp_quote_value(m->string, got, sizeof(got));
            jreport(j, m, true, scen, no,
                    "'price_change': expected product or vendor names "
                    "without control characters, got %s",
                    got);
            continue;
        }
        key = sp_strdup_trim(m->string);
        if (!key) {
            ld->st = SP_ERR_NOMEM;
            return;
        }
        /* A product id wins over a vendor of the same name. */
        p = sp_strmap_get(&ld->products, key);
        vd = sp_strmap_get(&ld->vendors, key);
        if (p >= 0) {
            pc[sc->nprice_changes].is_vendor = false;
            pc[sc->nprice_changes].index = p;
            pc[sc->nprice_changes++].fraction = m->valuedouble;
        } else if (p == -1 && vd >= 0) {
            pc[sc->nprice_changes].is_vendor = true;
            pc[sc->nprice_changes].index = vd;
            pc[sc->nprice_changes++].fraction = m->valuedouble;
        } else if (p == -1 && ld->catalog_ok) {
            jreport(j, m, true, scen, no,
                    "'price_change': '%s' is neither a product nor a vendor "
                    "in catalog.csv",
                    key);
        }
        free(key);
    }
}

/* keep_client_products: {"CLIENT": [product, ...]}, each product one
 * the client runs today (inventory.csv). */
static void read_client_products(struct jctx *j, const cJSON *v,
                                 const char *scen, int no,
                                 struct sp_scenario *sc)
{
    struct sp_load *ld = j->ld;
    const struct sp_problem *pb = ld->pb;
    const cJSON *m, *item;
    struct sp_pin *pins;
    char got[96], *client, *product;
    int c, p, i, count = 0;

    if (!cJSON_IsObject(v)) {
        sp_json_got(v, got, sizeof(got));
        jreport(j, v, false, scen, no,
                "'keep_client_products': expected an object of client ids "
                "and lists of product ids, got %s",
                got);
        return;
    }
    for (m = v->child; m; m = m->next)
        count += cJSON_IsArray(m) ? cJSON_GetArraySize(m) : 1;
    pins = realloc(sc->keep_client_products,
                   ((size_t)sc->nkeep_client_products + (size_t)count + 1) *
                       sizeof(*pins));
    if (!pins) {
        ld->st = SP_ERR_NOMEM;
        return;
    }
    sc->keep_client_products = pins;
    for (m = v->child; m && ld->st == SP_OK; m = m->next) {
        if (repeated_key(j, m, scen, no, "'keep_client_products': "))
            continue;
        client = sp_strdup_trim(m->string);
        if (!client) {
            ld->st = SP_ERR_NOMEM;
            return;
        }
        c = sp_strmap_get(&ld->clients, client);
        if (c == -1 && ld->clients_ok)
            jreport(j, m, true, scen, no,
                    "'keep_client_products': client '%s' is not in "
                    "clients.csv",
                    client);
        if (!cJSON_IsArray(m) && !cJSON_IsString(m)) {
            sp_json_got(m, got, sizeof(got));
            jreport(j, m, false, scen, no,
                    "'keep_client_products': '%s': expected a list of "
                    "product ids, got %s",
                    client, got);
            free(client);
            continue;
        }
        /* one product may be given as a string, as for every list */
        for (item = cJSON_IsString(m) ? m : m->child; item;
             item = cJSON_IsString(m) ? NULL : item->next) {
            if (!cJSON_IsString(item)) {
                sp_json_got(item, got, sizeof(got));
                jreport(j, item, false, scen, no,
                        "'keep_client_products': '%s': expected product "
                        "ids, got %s",
                        client, got);
                continue;
            }
            product = sp_strdup_trim(item->valuestring);
            if (!product) {
                ld->st = SP_ERR_NOMEM;
                break;
            }
            p = sp_strmap_get(&ld->products, product);
            if (p == -1 && ld->catalog_ok)
                jreport(j, item, false, scen, no,
                        "'keep_client_products': '%s': product '%s' is not "
                        "in catalog.csv",
                        client, product);
            else if (p >= 0 && c >= 0 && sp_current_holding(pb, c, p) < 0)
                jreport(j, item, false, scen, no,
                        "'keep_client_products': client '%s' does not run "
                        "product '%s' today (inventory.csv)",
                        client, product);
            free(product);
            if (p < 0 || c < 0 || sp_current_holding(pb, c, p) < 0)
                continue;
            for (i = 0; i < sc->nkeep_client_products; i++)
                if (pins[i].client == c && pins[i].product == p)
                    break;
            if (i == sc->nkeep_client_products) {
                pins[i].client = c;
                pins[i].product = p;
                sc->nkeep_client_products++;
            }
        }
        free(client);
    }
}

/* A vendor both required and excluded cannot be honoured. */
static void check_vendor_conflicts(struct jctx *j, const cJSON *obj,
                                   const struct sp_scenario *sc)
{
    int a, b;

    for (a = 0; a < sc->nrequire_vendors; a++)
        for (b = 0; b < sc->nexclude_vendors; b++)
            if (sc->require_vendors[a] == sc->exclude_vendors[b])
                jreport(
                    j,
                    cJSON_GetObjectItemCaseSensitive(obj, "exclude_vendors"),
                    false, sc->name, 0,
                    "vendor '%s' is both in 'require_vendors' and in "
                    "'exclude_vendors'",
                    j->ld->pb->vendors[sc->require_vendors[a]].name);
}

/* Adds an empty scenario (settings copied from the file's); NULL when out
 * of memory. */
static struct sp_scenario *add_scenario(struct sp_load *ld)
{
    struct sp_problem *pb = ld->pb;
    struct sp_scenario *grown, *sc;

    grown =
        realloc(pb->scenarios, (size_t)(pb->nscenarios + 1) * sizeof(*grown));
    if (!grown) {
        ld->st = SP_ERR_NOMEM;
        return NULL;
    }
    pb->scenarios = grown;
    sc = &pb->scenarios[pb->nscenarios];
    memset(sc, 0, sizeof(*sc));
    if (!sp_settings_copy(&sc->settings, &pb->settings)) {
        ld->st = SP_ERR_NOMEM;
        return NULL;
    }
    sc->max_vendors = -1;
    pb->nscenarios++;
    return sc;
}

/* The name of scenario obj, trimmed, or NULL (reported). */
static char *scenario_name(struct jctx *j, const cJSON *obj, int no)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "name");
    char got[96], *name;

    if (!v) {
        jreport(j, obj, false, NULL, no, "expected a 'name', got none");
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        sp_json_got(v, got, sizeof(got));
        jreport(j, v, false, NULL, no,
                "'name': expected a non-empty string, got %s", got);
        return NULL;
    }
    name = sp_strdup_trim(v->valuestring);
    if (!name) {
        j->ld->st = SP_ERR_NOMEM;
        return NULL;
    }
    if (name[0] == '\0') {
        sp_json_got(v, got, sizeof(got));
        jreport(j, v, false, NULL, no,
                "'name': expected a non-empty string, got %s", got);
        free(name);
        return NULL;
    }
    if (sp_has_control(name)) {
        /* The name is an id too (--scenario, sheet names, shards). */
        sp_json_got(v, got, sizeof(got));
        jreport(j, v, false, NULL, no,
                "'name': expected a name without control characters, got %s",
                got);
        free(name);
        return NULL;
    }
    return name;
}

static void read_scenario(struct jctx *j, const cJSON *obj, int no)
{
    struct sp_load *ld = j->ld;
    struct sp_problem *pb = ld->pb;
    struct sp_scenario *sc;
    const cJSON *m;
    const char *key, *scen;
    char got[96], hint[600];
    double d;
    int i, required_line = 0;

    if (!cJSON_IsObject(obj)) {
        sp_json_got(obj, got, sizeof(got));
        jreport(j, obj, false, NULL, no, "expected an object, got %s", got);
        return;
    }
    sc = add_scenario(ld);
    if (!sc)
        return;
    sc->line = line_of(j, obj);
    sc->name = scenario_name(j, obj, no);
    scen = sc->name;
    if (sc->name) {
        for (i = 0; i < pb->nscenarios - 1; i++)
            if (pb->scenarios[i].name &&
                strcmp(pb->scenarios[i].name, sc->name) == 0)
                jreport(j, cJSON_GetObjectItemCaseSensitive(obj, "name"),
                        false, scen, no,
                        "expected a unique name, got it again (first on "
                        "line %d)",
                        pb->scenarios[i].line);
    }
    for (m = obj->child; m && ld->st == SP_OK; m = m->next) {
        key = m->string;
        if (repeated_key(j, m, scen, no, ""))
            continue;
        if (strcmp(key, "name") == 0)
            continue;
        if (strcmp(key, "max_vendors") == 0) {
            if (read_number(j, m, scen, no, "", 1, true, &d))
                sc->max_vendors = d > INT_MAX ? INT_MAX : (int)d;
        } else if (strcmp(key, "require_vendors") == 0) {
            read_names(j, m, scen, no, NAME_VENDOR, &sc->require_vendors,
                       &sc->nrequire_vendors);
        } else if (strcmp(key, "exclude_vendors") == 0) {
            read_names(j, m, scen, no, NAME_VENDOR, &sc->exclude_vendors,
                       &sc->nexclude_vendors);
        } else if (strcmp(key, "exclude_products") == 0) {
            read_names(j, m, scen, no, NAME_PRODUCT, &sc->exclude_products,
                       &sc->nexclude_products);
        } else if (strcmp(key, "keep_clients") == 0) {
            read_names(j, m, scen, no, NAME_CLIENT, &sc->keep_clients,
                       &sc->nkeep_clients);
        } else if (strcmp(key, "price_change") == 0) {
            read_price_change(j, m, scen, no, sc);
        } else if (strcmp(key, "keep_products") == 0) {
            read_names(j, m, scen, no, NAME_PRODUCT, &sc->keep_products,
                       &sc->nkeep_products);
        } else if (strcmp(key, "keep_client_products") == 0) {
            read_client_products(j, m, scen, no, sc);
        } else if (strcmp(key, "eligible") == 0) {
            /* extension (docs/formats.md): false keeps a what-if out of
             * the executive summary's recommendation */
            if (cJSON_IsBool(m)) {
                sc->ineligible = cJSON_IsFalse(m);
            } else {
                char got[96];
                sp_json_got(m, got, sizeof(got));
                jreport(j, m, false, scen, no,
                        "'eligible': expected true or false, got %s", got);
            }
        } else if (strcmp(key, "sweep") == 0) {
            /* read and expanded by sp_sweep_expand once every scenario
             * is known (importers/sweep.c) */
        } else if (sp_read_security_key(ld, j->file, sweep_line, j, m, scen,
                                        no, "", sc, &sc->settings)) {
            /* separate, max_categories_per_vendor (docs/compliance.md) */
        } else if (!apply_setting(j, m, scen, no, "", &sc->settings,
                                  &required_line)) {
            suggest(key, scenario_keys, NSCENARIO, settings_keys, NSETTINGS,
                    hint, sizeof(hint));
            jreport(j, m, true, scen, no, "unknown key '%s'%s", key, hint);
        }
    }
    if (required_line > 0)
        check_required(j, &sc->settings,
                       cJSON_GetObjectItemCaseSensitive(obj, "required"),
                       scen);
    check_vendor_conflicts(j, obj, sc);
}

/* ---- required categories ---------------------------------------------- */

/* Categories in a settings' `required` list must be covered by some
 * product when some client relies on that list (has no `requires`). */
static void check_required(struct jctx *j, const struct sp_settings *s,
                           const cJSON *at, const char *scen)
{
    struct sp_load *ld = j->ld;
    const struct sp_problem *pb = ld->pb;
    int c, i;
    bool relied = false;

    if (!ld->catalog_clean || !ld->clients_ok)
        return;
    for (c = 0; c < pb->nclients && !relied; c++)
        relied = pb->clients[c].nrequires == 0;
    if (!relied)
        return;
    for (i = 0; i < s->nrequired; i++) {
        if (sp_load_covered(ld, s->required[i]))
            continue;
        if (at)
            jreport(j, at, false, scen, 0,
                    "%s'required': category '%s' is covered by no product "
                    "in catalog.csv",
                    scen ? "" : "settings: ", pb->categories[s->required[i]]);
        else
            sp_load_report_at(ld, 0, "catalog.csv", 0, NULL, NULL,
                              "no product covers category '%s', which every "
                              "client without 'requires' needs (default "
                              "settings 'required': email, endpoint, backup)",
                              pb->categories[s->required[i]]);
    }
}

/* ---- the file --------------------------------------------------------- */

/* Reports a syntax error at cJSON's error position. */
static void syntax_error(struct jctx *j, const char *data, size_t len)
{
    const char *at = cJSON_GetErrorPtr();
    size_t off, i, n;
    int line = 1;
    char near[64], got[96];

    off = at && at >= data && at <= data + len ? (size_t)(at - data) : len;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 && off < 3)
        off = 3;
    for (i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
         i < len && strchr(" \t\r\n", data[i]); i++)
        ;
    if (i == len) {
        sp_load_report_at(j->ld, 0, j->file, 0, NULL, NULL,
                          "expected JSON, got an empty file");
        return;
    }
    for (i = 0; i < off; i++)
        if (data[i] == '\n' ||
            (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
            line++;
    for (n = 0; off + n < len && n < 20 && data[off + n] != '\n' &&
                data[off + n] != '\r';
         n++)
        near[n] = data[off + n];
    /* Do not cut a UTF-8 character in two. */
    while (n > 0 && off + n < len &&
           ((unsigned char)data[off + n] & 0xC0) == 0x80)
        n--;
    near[n] = '\0';
    if (n == 0) {
        sp_load_report_at(j->ld, 0, j->file, line, NULL, NULL,
                          "expected JSON, got a syntax error at the end of "
                          "the line or file");
        return;
    }
    sp_quote_value(near, got, sizeof(got));
    sp_load_report_at(j->ld, 0, j->file, line, NULL, NULL,
                      "expected JSON, got a syntax error near %s", got);
}

/* Lines for importers/sweep.c. */
static int sweep_line(const void *ctx, const cJSON *n, bool at_key)
{
    const struct jctx *j = ctx;

    return at_key ? key_line_of(j, n) : line_of(j, n);
}

static void read_document(struct jctx *j, const cJSON *root)
{
    struct sp_problem *pb = j->ld->pb;
    const cJSON *m, *settings = NULL, *scenarios = NULL, *item;
    char got[96], hint[200];
    int no = 0;

    if (!cJSON_IsObject(root)) {
        sp_json_got(root, got, sizeof(got));
        jreport(j, root, false, NULL, 0,
                "expected an object with 'settings' and 'scenarios', got %s",
                got);
        return;
    }
    for (m = root->child; m; m = m->next) {
        if (repeated_key(j, m, NULL, 0, ""))
            continue;
        if (strcmp(m->string, "settings") == 0) {
            settings = m;
        } else if (strcmp(m->string, "scenarios") == 0) {
            scenarios = m;
        } else {
            suggest(m->string, top_keys, 2, top_keys, 0, hint, sizeof(hint));
            jreport(j, m, true, NULL, 0, "unknown key '%s'%s", m->string,
                    hint);
        }
    }
    /* Settings first: every scenario starts from them. */
    if (settings)
        read_settings(j, settings);
    check_required(j, &pb->settings,
                   j->ld->required_line
                       ? cJSON_GetObjectItemCaseSensitive(settings, "required")
                       : NULL,
                   NULL);
    if (scenarios && !cJSON_IsArray(scenarios)) {
        sp_json_got(scenarios, got, sizeof(got));
        jreport(j, scenarios, false, NULL, 0,
                "'scenarios': expected a list of objects, got %s", got);
    } else if (scenarios) {
        for (item = scenarios->child; item && j->ld->st == SP_OK;
             item = item->next)
            read_scenario(j, item, ++no);
        sp_sweep_expand(j->ld, j->file, scenarios, sweep_line, j);
    }
}

/* The scenario "optimal" with the file's settings. */
static enum sp_status add_default_scenario(struct sp_load *ld)
{
    struct sp_scenario *sc = add_scenario(ld);

    if (!sc)
        return SP_ERR_NOMEM;
    sc->name = strdup("optimal");
    if (!sc->name)
        ld->st = SP_ERR_NOMEM;
    return ld->st;
}

static enum sp_status import_file(struct sp_load *ld, const char *path)
{
    struct sp_problem *pb = ld->pb;
    struct jctx j;
    cJSON *root = NULL;
    char *data = NULL;
    size_t len, k;
    int line, err;
    unsigned char bad;
    enum sp_status st;

    memset(&j, 0, sizeof(j));
    j.ld = ld;
    if (!sp_settings_default(ld, &pb->settings)) {
        ld->st = SP_ERR_NOMEM;
        return ld->st;
    }
    if (!path)
        goto defaults;
    /* recorded in the results, so `stackplan merge` can read it again */
    pb->scenarios_path = sp_path_absolute(path);
    if (!pb->scenarios_path) {
        ld->st = SP_ERR_NOMEM;
        return ld->st;
    }
    j.file = sp_path_base(path);
    st = sp_load_read(ld, j.file, path, &data, &len);
    if (st != SP_OK) {
        err = errno;
        if (st == SP_ERR_NOMEM) {
            ld->st = st;
            return st;
        }
        if (sp_file_error_kind(err))
            sp_load_report_at(ld, 0, j.file, 0, NULL, NULL, "%s",
                              sp_file_error(err));
        else
            sp_load_report_at(ld, 0, j.file, 0, NULL, NULL,
                              "cannot read the file: %s", strerror(err));
        goto cleanup;
    }
    if (!sp_utf8_check((const unsigned char *)data, len, &line, &bad)) {
        if (bad == 0)
            sp_load_report_at(ld, 0, j.file, line, NULL, NULL,
                              "expected JSON text, got a NUL byte");
        else
            sp_load_report_at(ld, 0, j.file, line, NULL, NULL,
                              "expected UTF-8 text, got the byte 0x%02X", bad);
        goto cleanup;
    }
    root = cJSON_ParseWithLengthOpts(data, len + 1, NULL, 1);
    if (!root) {
        syntax_error(&j, data, len);
        goto cleanup;
    }
    /* cJSON accepted the text, so it holds at least one value: NULL
     * means out of memory. */
    j.pos = scan_lines(data, len, &j.npos);
    if (!j.pos) {
        ld->st = SP_ERR_NOMEM;
        goto cleanup;
    }
    k = 0;
    attach_nodes(root, j.pos, j.npos, &k);
    if (k != j.npos) {
        /* Should not happen; lines are then unknown rather than wrong. */
        free(j.pos);
        j.pos = NULL;
        j.npos = 0;
    } else {
        qsort(j.pos, j.npos, sizeof(*j.pos), cmp_pos);
    }
    read_document(&j, root);

cleanup:
    cJSON_Delete(root);
    free(j.pos);
    free(data);
    if (ld->st != SP_OK)
        return ld->st;
defaults:
    if (!path)
        check_required(&j, &pb->settings, NULL, NULL);
    if (pb->nscenarios == 0)
        return add_default_scenario(ld);
    return ld->st;
}

/* Diagnostics of scenarios.json in line order (the document is walked
 * settings first); those without a line keep their order at the end. */
struct diag_order {
    int line;
    size_t index;
};

static int cmp_order(const void *a, const void *b)
{
    const struct diag_order *x = a, *y = b;

    if (x->line != y->line)
        return (x->line > y->line) - (x->line < y->line);
    return (x->index > y->index) - (x->index < y->index);
}

static enum sp_status move_sorted(sp_diags *from, sp_diags *to)
{
    size_t n = sp_diags_count(from), i;
    struct diag_order *order = calloc(n + 1, sizeof(*order));
    const struct sp_diag *d;
    enum sp_status st = SP_OK;

    if (!order)
        return SP_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        d = sp_diags_get(from, i);
        order[i].line = d->line > 0 ? d->line : INT_MAX;
        order[i].index = i;
    }
    qsort(order, n, sizeof(*order), cmp_order);
    for (i = 0; i < n && st == SP_OK; i++) {
        d = sp_diags_get(from, order[i].index);
        st = sp_diags_add(to, d->warning, d->file, d->line, d->column,
                          d->scenario, d->message);
    }
    free(order);
    return st;
}

enum sp_status sp_import_scenarios(struct sp_load *ld, const char *path)
{
    sp_diags *mine = sp_diags_new(), *theirs = ld->diags;
    enum sp_status st;

    if (!mine) {
        ld->st = SP_ERR_NOMEM;
        return ld->st;
    }
    ld->diags = mine;
    st = import_file(ld, path);
    ld->diags = theirs;
    if (st == SP_OK)
        st = move_sorted(mine, theirs);
    if (st != SP_OK)
        ld->st = st;
    sp_diags_free(mine);
    return st;
}
