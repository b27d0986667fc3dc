/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Profile files (docs/import.md): which header of an export holds which
 * field, the statuses that skip a row, the order of dates.
 *
 *   {"columns": {FIELD: HEADER or [HEADER, ...]},
 *    "skip_status": [...], "date_format": "ymd"|"mdy"|"dmy"}
 *
 * "name" and "description" may document the file.  Any other key, an
 * unknown field or a value of the wrong type is an error: a typo must
 * not silently drop a column.  The built-in profiles are such files,
 * installed under $(pkgdatadir)/profiles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "import_int.h"

static const char *const field_names[SP_F_COUNT] = {
    [SP_F_CLIENT] = "client",
    [SP_F_PRODUCT] = "product",
    [SP_F_UNITS] = "units",
    [SP_F_UNIT_COST] = "unit_cost",
    [SP_F_MONTHLY_COST] = "monthly_cost",
    [SP_F_UNIT_PRICE] = "unit_price",
    [SP_F_MONTHLY_PRICE] = "monthly_price",
    [SP_F_CONTRACT_END] = "contract_end",
    [SP_F_END] = "end",
    [SP_F_STATUS] = "status",
    [SP_F_BILLING_TERM] = "billing_term",
};

static const char *const builtin[] = {"connectwise", "autotask", "pax8"};
#define NBUILTIN (sizeof(builtin) / sizeof(builtin[0]))

static const char *const default_skip[] = {"Cancelled", "Inactive", "Expired",
                                           "Suspended"};

const char *sp_import_builtin_profiles(void)
{
    return "connectwise, autotask, pax8";
}

const char *sp_import_field_name(int field)
{
    return field >= 0 && field < SP_F_COUNT ? field_names[field] : "?";
}

void sp_import_profile_free(struct sp_import_profile *self)
{
    int f, k;

    if (!self)
        return;
    for (f = 0; f < SP_F_COUNT; f++) {
        for (k = 0; k < self->nheaders[f]; k++)
            free(self->headers[f][k]);
        free(self->headers[f]);
    }
    for (k = 0; k < self->nskip; k++)
        free(self->skip_status[k]);
    free(self->skip_status);
    free(self->file);
    free(self);
}

/* Reading state: the file's text, for the line of a key. */
struct pctx {
    const char *text;
    const char *file;
    sp_diags *diags;
    bool nomem;
    bool bad;
};

/* The line of the first `"key"` in the text (a profile is small and its
 * keys are few); 0 when not found. */
static int key_line(const struct pctx *c, const char *key)
{
    char pat[128];
    const char *hit, *p;
    int line = 1;

    snprintf(pat, sizeof(pat), "\"%s\"", key);
    hit = strstr(c->text, pat);
    if (!hit)
        return 0;
    for (p = c->text; p < hit; p++)
        line += *p == '\n';
    return line;
}

static void report(struct pctx *c, int line, const char *fmt, const char *a,
                   const char *b)
{
    char msg[512];

    snprintf(msg, sizeof(msg), fmt, a, b ? b : "");
    if (sp_diags_add(c->diags, 0, c->file, line, NULL, NULL, msg) != SP_OK)
        c->nomem = true;
    c->bad = true;
}

static bool push(char ***list, int *n, char *s)
{
    char **grown;

    if (!s)
        return false;
    grown = realloc(*list, (size_t)(*n + 1) * sizeof(char *));
    if (!grown) {
        free(s);
        return false;
    }
    *list = grown;
    grown[(*n)++] = s;
    return true;
}

/* A header or a list of headers for field f. */
static void read_headers(struct pctx *c, struct sp_import_profile *p, int f,
                         const cJSON *v)
{
    const cJSON *item;

    if (cJSON_IsString(v)) {
        if (v->valuestring[0] == '\0' ||
            !push(&p->headers[f], &p->nheaders[f],
                  sp_strdup_trim(v->valuestring))) {
            if (v->valuestring[0] == '\0')
                report(c, key_line(c, field_names[f]),
                       "field '%s': expected a header name, got \"\"",
                       field_names[f], NULL);
            else
                c->nomem = true;
        }
        return;
    }
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
        report(c, key_line(c, field_names[f]),
               "field '%s': expected a header name or a non-empty list of "
               "them%s",
               field_names[f], NULL);
        return;
    }
    if (cJSON_GetArraySize(v) > SP_IMPORT_MAXH) {
        char msg[160];
        snprintf(msg, sizeof(msg),
                 "field '%s': expected at most %d header names, got %d",
                 field_names[f], SP_IMPORT_MAXH, cJSON_GetArraySize(v));
        report(c, key_line(c, field_names[f]), "%s%s", msg, NULL);
        return;
    }
    cJSON_ArrayForEach(item, v)
    {
        if (!cJSON_IsString(item) || item->valuestring[0] == '\0') {
            report(c, key_line(c, field_names[f]),
                   "field '%s': expected a list of header names%s",
                   field_names[f], NULL);
            return;
        }
        if (!push(&p->headers[f], &p->nheaders[f],
                  sp_strdup_trim(item->valuestring))) {
            c->nomem = true;
            return;
        }
    }
}

static void read_columns(struct pctx *c, struct sp_import_profile *p,
                         const cJSON *cols)
{
    const cJSON *m;
    int f;
    char known[256] = "";
    /* a field given with a bad value is reported once, not as missing */
    bool given[SP_F_COUNT] = {false};

    if (!cJSON_IsObject(cols)) {
        report(c, key_line(c, "columns"),
               "key 'columns': expected an object {FIELD: HEADER}%s", "",
               NULL);
        return;
    }
    for (f = 0; f < SP_F_COUNT; f++) {
        strcat(known, f ? ", " : "");
        strcat(known, field_names[f]);
    }
    cJSON_ArrayForEach(m, cols)
    {
        for (f = 0; f < SP_F_COUNT; f++)
            if (strcmp(m->string, field_names[f]) == 0)
                break;
        if (f == SP_F_COUNT) {
            report(c, key_line(c, m->string),
                   "unknown field '%s' in 'columns'; expected one of %s",
                   m->string, known);
            continue;
        }
        if (given[f]) {
            report(c, key_line(c, m->string),
                   "field '%s' is given twice in 'columns'%s", m->string,
                   NULL);
            continue;
        }
        given[f] = true;
        read_headers(c, p, f, m);
    }
    for (f = SP_F_CLIENT; f <= SP_F_UNITS; f++)
        if (!given[f])
            report(c, key_line(c, "columns"),
                   "field '%s' is required in 'columns'%s", field_names[f],
                   NULL);
    if (!given[SP_F_UNIT_COST] && !given[SP_F_MONTHLY_COST])
        report(c, key_line(c, "columns"),
               "expected field 'unit_cost' or 'monthly_cost' in "
               "'columns'%s%s",
               "", NULL);
}

static void read_skip(struct pctx *c, struct sp_import_profile *p,
                      const cJSON *v)
{
    const cJSON *item;

    if (!cJSON_IsArray(v)) {
        report(c, key_line(c, "skip_status"),
               "key 'skip_status': expected a list of statuses%s", "", NULL);
        return;
    }
    cJSON_ArrayForEach(item, v)
    {
        if (!cJSON_IsString(item)) {
            report(c, key_line(c, "skip_status"),
                   "key 'skip_status': expected a list of statuses%s", "",
                   NULL);
            return;
        }
        if (!push(&p->skip_status, &p->nskip,
                  sp_name_fold(item->valuestring))) {
            c->nomem = true;
            return;
        }
    }
}

static void read_date_format(struct pctx *c, struct sp_import_profile *p,
                             const cJSON *v)
{
    if (cJSON_IsString(v) && strcmp(v->valuestring, "ymd") == 0)
        p->date_order = SP_DATE_YMD;
    else if (cJSON_IsString(v) && strcmp(v->valuestring, "mdy") == 0)
        p->date_order = SP_DATE_MDY;
    else if (cJSON_IsString(v) && strcmp(v->valuestring, "dmy") == 0)
        p->date_order = SP_DATE_DMY;
    else
        report(c, key_line(c, "date_format"),
               "key 'date_format': expected \"ymd\", \"mdy\" or \"dmy\"%s", "",
               NULL);
}

/* The line of a JSON syntax error at offset pos. */
static int offset_line(const char *text, size_t pos)
{
    size_t i;
    int line = 1;

    for (i = 0; i < pos && text[i]; i++)
        line += text[i] == '\n';
    return line;
}

static enum sp_status parse_profile(const char *path, const char *base,
                                    struct sp_import_profile **out,
                                    sp_diags *diags)
{
    struct sp_import_profile *p = NULL;
    struct pctx c;
    cJSON *root = NULL;
    const cJSON *m;
    char *text = NULL, msg[512];
    size_t len, k;
    int line;
    unsigned char bad;
    bool seen_skip = false;
    enum sp_status st;

    memset(&c, 0, sizeof(c));
    c.file = base;
    c.diags = diags;
    st = sp_file_read(path, &text, &len);
    if (st == SP_ERR_IO) {
        snprintf(msg, sizeof(msg), "cannot read the profile: %s",
                 sp_file_error(errno));
        st = sp_diags_add(diags, 0, base, 0, NULL, NULL, msg) == SP_OK
                 ? SP_ERR_INPUT
                 : SP_ERR_NOMEM;
        goto cleanup;
    }
    if (st != SP_OK)
        goto cleanup;
    /* names are folded as UTF-8 (fold.c): other bytes are an error, as
     * in every input file */
    if (!sp_utf8_check((const unsigned char *)text, len, &line, &bad)) {
        if (bad == 0)
            snprintf(msg, sizeof(msg), "expected JSON text, got a NUL byte");
        else
            snprintf(msg, sizeof(msg),
                     "expected UTF-8 text, got the byte 0x%02X", bad);
        st = sp_diags_add(diags, 0, base, line, NULL, NULL, msg) == SP_OK
                 ? SP_ERR_INPUT
                 : SP_ERR_NOMEM;
        goto cleanup;
    }
    c.text = text;
    root = cJSON_ParseWithLengthOpts(text, len + 1, NULL, 1);
    if (!root || !cJSON_IsObject(root)) {
        const char *at = cJSON_GetErrorPtr();
        line = root || !at ? 1 : offset_line(text, (size_t)(at - text));
        snprintf(msg, sizeof(msg),
                 "expected a JSON object {\"columns\": {...}}, %s",
                 root ? "got another JSON value" : "got a syntax error");
        st = sp_diags_add(diags, 0, base, line, NULL, NULL, msg) == SP_OK
                 ? SP_ERR_INPUT
                 : SP_ERR_NOMEM;
        goto cleanup;
    }
    p = calloc(1, sizeof(*p));
    if (!p || !(p->file = strdup(base))) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    p->date_order = SP_DATE_YMD;
    cJSON_ArrayForEach(m, root)
    {
        if (strcmp(m->string, "columns") == 0)
            read_columns(&c, p, m);
        else if (strcmp(m->string, "skip_status") == 0) {
            seen_skip = true;
            read_skip(&c, p, m);
        } else if (strcmp(m->string, "date_format") == 0)
            read_date_format(&c, p, m);
        else if (strcmp(m->string, "name") != 0 &&
                 strcmp(m->string, "description") != 0)
            report(&c, key_line(&c, m->string),
                   "unknown key '%s'; expected columns, skip_status, "
                   "date_format, name or description%s",
                   m->string, NULL);
    }
    if (!cJSON_GetObjectItemCaseSensitive(root, "columns"))
        report(&c, 1, "expected the key 'columns'%s%s", "", NULL);
    for (k = 0; !seen_skip && k < sizeof(default_skip) / sizeof(char *); k++)
        if (!push(&p->skip_status, &p->nskip, sp_name_fold(default_skip[k])))
            c.nomem = true;
    if (c.nomem)
        st = SP_ERR_NOMEM;
    else if (c.bad)
        st = SP_ERR_INPUT;
    if (st == SP_OK) {
        *out = p;
        p = NULL;
    }

cleanup:
    sp_import_profile_free(p);
    cJSON_Delete(root);
    free(text);
    return st;
}

enum sp_status sp_import_profile_load(const char *profile,
                                      const char *profiles_dir,
                                      struct sp_import_profile **out,
                                      sp_diags *diags, char *err,
                                      size_t errsize)
{
    size_t n = strlen(profile), k;
    char *path;
    enum sp_status st;

    *out = NULL;
    if (strchr(profile, '/') ||
        (n > 5 && strcmp(profile + n - 5, ".json") == 0))
        return parse_profile(profile, sp_path_base(profile), out, diags);
    for (k = 0; k < NBUILTIN; k++)
        if (strcmp(profile, builtin[k]) == 0)
            break;
    if (k == NBUILTIN) {
        snprintf(err, errsize,
                 "--from: unknown profile '%s'; expected %s or the path of "
                 "a profile file (NAME.json)",
                 profile, sp_import_builtin_profiles());
        return SP_ERR_USAGE;
    }
    if (!profiles_dir) {
        snprintf(err, errsize,
                 "--from: the built-in profiles are not installed; give the "
                 "path of a profile file");
        return SP_ERR_USAGE;
    }
    path = malloc(strlen(profiles_dir) + n + 8);
    if (!path)
        return SP_ERR_NOMEM;
    sprintf(path, "%s/%s.json", profiles_dir, profile);
    st = parse_profile(path, sp_path_base(path), out, diags);
    free(path);
    return st;
}
