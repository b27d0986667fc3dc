/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Status strings and the diagnostics list. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stackplan/common.h"

/* Entries kept per file and kind (errors, warnings); the rest are counted
 * in one last "... and N more errors in FILE" entry, so five million bad
 * rows cost neither five million lines nor their memory. */
#define SP_DIAGS_PER_FILE 100

static const char *const status_text[SP_STATUS_COUNT] = {
    [SP_OK] = "success",
    [SP_ERR_NOMEM] = "out of memory",
    [SP_ERR_IO] = "input/output error",
    [SP_ERR_INPUT] = "invalid input data",
    [SP_ERR_USAGE] = "invalid arguments",
    [SP_ERR_INFEASIBLE] = "no feasible plan",
    [SP_ERR_VERIFY] = "plan failed independent verification",
    [SP_ERR_SOLVER] = "solver failure",
};

const char *sp_strerror(enum sp_status status)
{
    if ((int)status < 0 || status >= SP_STATUS_COUNT)
        return "unknown status";
    return status_text[status];
}

/* What one file has reported of one kind. */
struct tally {
    char *file;
    int warning;
    size_t kept, dropped;
    size_t summary; /* index of its "... and N more" entry; SIZE_MAX none */
};

struct sp_diags {
    struct sp_diag *items;
    size_t count, cap;
    struct tally *tallies; /* one per file and kind: a handful */
    size_t ntallies;
    size_t dropped[2];   /* errors, warnings left out */
    size_t summaries[2]; /* "... and N more" entries of each kind */
};

sp_diags *sp_diags_new(void)
{
    return calloc(1, sizeof(sp_diags));
}

void sp_diags_free(sp_diags *self)
{
    size_t i;

    if (!self)
        return;
    for (i = 0; i < self->count; i++) {
        free(self->items[i].file);
        free(self->items[i].column);
        free(self->items[i].scenario);
        free(self->items[i].message);
    }
    for (i = 0; i < self->ntallies; i++)
        free(self->tallies[i].file);
    free(self->tallies);
    free(self->items);
    free(self);
}

size_t sp_diags_count(const sp_diags *self)
{
    return self ? self->count : 0;
}

static size_t of_kind(const sp_diags *self, int warning)
{
    size_t i, n = 0;

    if (!self)
        return 0;
    for (i = 0; i < self->count; i++)
        n += self->items[i].warning == warning;
    /* the "... and N more" entries stand for N of that kind */
    return n - self->summaries[warning] + self->dropped[warning];
}

size_t sp_diags_errors(const sp_diags *self)
{
    return of_kind(self, 0);
}

size_t sp_diags_warnings(const sp_diags *self)
{
    return of_kind(self, 1);
}

const struct sp_diag *sp_diags_get(const sp_diags *self, size_t i)
{
    if (!self || i >= self->count)
        return NULL;
    return &self->items[i];
}

/* A copy of s with every control character escaped (\n, \r, \t,
 * \xNN): a diagnostic is one line whatever a key, name or header in the
 * input holds (fuzz/: a JSON key with "\n" in it broke the line form). */
static char *dup_or_null(const char *s)
{
    size_t i, o = 0;
    char *out;

    if (!s)
        return NULL;
    out = malloc(strlen(s) * 4 + 1);
    if (!out)
        return NULL;
    for (i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r' || c == '\t') {
            out[o++] = '\\';
            out[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20 || c == 0x7F) {
            o += (size_t)snprintf(out + o, 5, "\\x%02X", c);
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return out;
}

/* The tally of file's entries of one kind, added when new. */
static enum sp_status find_tally(sp_diags *self, const char *file, int warning,
                                 struct tally **out)
{
    struct tally *grown;
    size_t i;

    for (i = 0; i < self->ntallies; i++)
        if (self->tallies[i].warning == warning &&
            strcmp(self->tallies[i].file, file) == 0) {
            *out = &self->tallies[i];
            return SP_OK;
        }
    grown = realloc(self->tallies, (self->ntallies + 1) * sizeof(*grown));
    if (!grown)
        return SP_ERR_NOMEM;
    self->tallies = grown;
    *out = &grown[self->ntallies];
    memset(*out, 0, sizeof(**out));
    (*out)->warning = warning;
    (*out)->summary = SIZE_MAX;
    (*out)->file = strdup(file);
    if (!(*out)->file)
        return SP_ERR_NOMEM;
    self->ntallies++;
    return SP_OK;
}

/* One more entry of t left out: its "... and N more" entry says so (a
 * new entry, without a file, after the kept ones). */
static enum sp_status set_summary(sp_diags *self, struct tally *t,
                                  const char *message)
{
    char *copy = strdup(message);
    struct sp_diag *items;

    if (!copy)
        return SP_ERR_NOMEM;
    self->dropped[t->warning]++;
    if (t->summary != SIZE_MAX) {
        free(self->items[t->summary].message);
        self->items[t->summary].message = copy;
        return SP_OK;
    }
    if (self->count == self->cap) {
        size_t cap = self->cap ? self->cap * 2 : 16;
        items = realloc(self->items, cap * sizeof(*items));
        if (!items) {
            free(copy);
            return SP_ERR_NOMEM;
        }
        self->items = items;
        self->cap = cap;
    }
    memset(&self->items[self->count], 0, sizeof(self->items[0]));
    self->items[self->count].warning = t->warning;
    self->items[self->count].message = copy;
    t->summary = self->count++;
    self->summaries[t->warning]++;
    return SP_OK;
}

/* Private to the library (declared in importers/importers_int.h). */
enum sp_status sp_diags_add(sp_diags *self, int warning, const char *file,
                            int line, const char *column, const char *scenario,
                            const char *message)
{
    struct sp_diag *d;
    struct tally *t = NULL;
    char more[320];
    enum sp_status st;

    if (!self)
        return SP_OK;
    warning = warning ? 1 : 0;
    if (file) {
        st = find_tally(self, file, warning, &t);
        if (st != SP_OK)
            return st;
        if (t->kept >= SP_DIAGS_PER_FILE) {
            t->dropped++;
            snprintf(more, sizeof(more),
                     "\xe2\x80\xa6 and %zu more %s%s in %s", t->dropped,
                     warning ? "warning" : "error", t->dropped == 1 ? "" : "s",
                     file);
            return set_summary(self, t, more);
        }
    }
    if (self->count == self->cap) {
        size_t cap = self->cap ? self->cap * 2 : 16;
        struct sp_diag *items = realloc(self->items, cap * sizeof(*items));
        if (!items)
            return SP_ERR_NOMEM;
        self->items = items;
        self->cap = cap;
    }
    d = &self->items[self->count];
    memset(d, 0, sizeof(*d));
    d->warning = warning;
    d->line = line;
    d->file = dup_or_null(file);
    d->column = dup_or_null(column);
    d->scenario = dup_or_null(scenario);
    d->message = dup_or_null(message);
    if ((file && !d->file) || (column && !d->column) ||
        (scenario && !d->scenario) || (message && !d->message)) {
        free(d->file);
        free(d->column);
        free(d->scenario);
        free(d->message);
        return SP_ERR_NOMEM;
    }
    self->count++;
    if (t)
        t->kept++;
    return SP_OK;
}

void sp_diag_format(const struct sp_diag *d, char *buf, size_t size)
{
    char where[64] = "";
    const char *warn = d->warning ? "warning: " : "";

    if (d->line > 0)
        snprintf(where, sizeof(where), ":%d", d->line);
    if (d->scenario)
        snprintf(buf, size, "stackplan: %s%s: scenario '%s': %s%s",
                 d->file ? d->file : "", where, d->scenario, warn,
                 d->message ? d->message : "");
    else if (d->column)
        snprintf(buf, size, "stackplan: %s%s: column '%s': %s%s",
                 d->file ? d->file : "", where, d->column, warn,
                 d->message ? d->message : "");
    else if (d->file)
        snprintf(buf, size, "stackplan: %s%s: %s%s", d->file, where, warn,
                 d->message ? d->message : "");
    else /* the "... and N more errors in FILE" line */
        snprintf(buf, size, "stackplan: %s%s", warn,
                 d->message ? d->message : "");
}

const char *sp_version(void)
{
    return SP_VERSION_STRING;
}
