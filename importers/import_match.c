/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which catalog product a source row names (docs/import.md), first hit
 * wins: the --product-map file, then the catalog's `aliases`, then its
 * product ids, then its display names -- every one compared as names
 * (sp_name_fold).  For a row that finds none, up to three suggestions:
 * the catalog products whose id or name is closest by edit distance or
 * shares the most words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import_int.h"

enum { MCOL_SOURCE, MCOL_PRODUCT, MCOL_FACTOR, MNCOLS };

static const struct sp_csv_column map_columns[MNCOLS] = {
    [MCOL_SOURCE] = {"source", true},
    [MCOL_PRODUCT] = {"product", true},
    [MCOL_FACTOR] = {"factor", false},
};

/* Puts key -> value unless key is there already (the first wins). */
static enum sp_status put_first(struct sp_strmap *m, const char *key,
                                int value)
{
    if (key[0] == '\0' || sp_strmap_get(m, key) >= 0)
        return SP_OK;
    return sp_strmap_put(m, key, value);
}

enum sp_status sp_import_match_init(struct sp_import_match *self,
                                    const struct sp_problem *pb)
{
    int p, a;
    char *f;

    memset(self, 0, sizeof(*self));
    self->pb = pb;
    sp_strmap_init(&self->map);
    sp_strmap_init(&self->aliases);
    sp_strmap_init(&self->ids);
    sp_strmap_init(&self->names);
    sp_strmap_init(&self->cache);
    self->fold_id = calloc((size_t)pb->nproducts + 1, sizeof(char *));
    self->fold_name = calloc((size_t)pb->nproducts + 1, sizeof(char *));
    if (!self->fold_id || !self->fold_name)
        return SP_ERR_NOMEM;
    for (p = 0; p < pb->nproducts; p++) {
        self->fold_id[p] = sp_name_fold(pb->products[p].id);
        self->fold_name[p] = sp_name_fold(pb->products[p].name);
        if (!self->fold_id[p] || !self->fold_name[p] ||
            put_first(&self->ids, self->fold_id[p], p) != SP_OK ||
            put_first(&self->names, self->fold_name[p], p) != SP_OK)
            return SP_ERR_NOMEM;
        for (a = 0; a < pb->products[p].naliases; a++) {
            /* catalog.c refused an alias naming two products */
            f = sp_name_fold(pb->products[p].aliases[a]);
            if (!f || put_first(&self->aliases, f, p) != SP_OK) {
                free(f);
                return SP_ERR_NOMEM;
            }
            free(f);
        }
    }
    return SP_OK;
}

void sp_import_match_free(struct sp_import_match *self)
{
    int p, k;

    if (!self->pb)
        return;
    for (p = 0; p < self->pb->nproducts; p++) {
        if (self->fold_id)
            free(self->fold_id[p]);
        if (self->fold_name)
            free(self->fold_name[p]);
    }
    free(self->fold_id);
    free(self->fold_name);
    for (k = 0; k < self->nsugg; k++)
        free(self->sugg[k]);
    free(self->sugg);
    free(self->entries);
    sp_strmap_clear(&self->map);
    sp_strmap_clear(&self->aliases);
    sp_strmap_clear(&self->ids);
    sp_strmap_clear(&self->names);
    sp_strmap_clear(&self->cache);
    memset(self, 0, sizeof(*self));
}

static void map_report(sp_diags *diags, bool *nomem, const struct sp_csv *csv,
                       size_t r, int col, const char *msg)
{
    if (sp_diags_add(diags, 0, csv->name, csv->records[r].line,
                     col >= 0 ? csv->header[col] : NULL, NULL, msg) != SP_OK)
        *nomem = true;
}

/* One row of the product map. */
static enum sp_status map_row(struct sp_import_match *self,
                              const struct sp_csv *csv, size_t r,
                              const int *col, int *lines, sp_diags *diags)
{
    const char *source = sp_csv_field(csv, r, col[MCOL_SOURCE]);
    const char *product = sp_csv_field(csv, r, col[MCOL_PRODUCT]);
    const char *factor = sp_csv_field(csv, r, col[MCOL_FACTOR]);
    char msg[512], got[96], *key = NULL, *fp = NULL;
    struct sp_import_map_entry e = {-1, 1};
    bool nomem = false, bad = false;
    int first, near;
    enum sp_number_result nr;

    if (source[0] == '\0') {
        map_report(diags, &nomem, csv, r, col[MCOL_SOURCE],
                   "expected a source product name, got an empty field");
        bad = true;
    }
    if (product[0] == '\0') {
        map_report(diags, &nomem, csv, r, col[MCOL_PRODUCT],
                   "expected a catalog product id or '-', got an empty "
                   "field");
        bad = true;
    } else if (strcmp(product, "-") != 0) {
        e.product = sp_problem_find_product(self->pb, product);
        if (e.product < 0) {
            fp = sp_name_fold(product);
            near = fp ? sp_strmap_get(&self->ids, fp) : -1;
            sp_quote_value(product, got, sizeof(got));
            if (near >= 0)
                snprintf(msg, sizeof(msg),
                         "expected a catalog product id or '-', got %s; "
                         "did you mean '%s'?",
                         got, self->pb->products[near].id);
            else
                snprintf(msg, sizeof(msg),
                         "expected a catalog product id or '-', got %s "
                         "(not in catalog.csv)",
                         got);
            map_report(diags, &nomem, csv, r, col[MCOL_PRODUCT], msg);
            free(fp);
            bad = true;
        }
    }
    if (factor[0]) {
        nr = sp_number_read(factor, csv->delim, SP_NUMBER_NONNEG, &e.factor,
                            msg, sizeof(msg));
        if (nr == SP_NUMBER_OK && e.factor == 0) {
            snprintf(msg, sizeof(msg),
                     "expected a factor greater than 0, got \"%s\"", factor);
            nr = SP_NUMBER_BAD;
        }
        if (nr != SP_NUMBER_OK) {
            map_report(diags, &nomem, csv, r, col[MCOL_FACTOR], msg);
            bad = true;
        }
    }
    if (nomem)
        return SP_ERR_NOMEM;
    if (source[0] == '\0')
        return SP_OK;
    key = sp_name_fold(source);
    if (!key)
        return SP_ERR_NOMEM;
    first = sp_strmap_get(&self->map, key);
    if (first >= 0) {
        sp_quote_value(source, got, sizeof(got));
        snprintf(msg, sizeof(msg),
                 "expected one row per source name, got %s again (first "
                 "on line %d)",
                 got, lines[first]);
        map_report(diags, &nomem, csv, r, col[MCOL_SOURCE], msg);
        free(key);
        return nomem ? SP_ERR_NOMEM : SP_OK;
    }
    if (!bad) {
        self->entries[self->nentries] = e;
        lines[self->nentries] = csv->records[r].line;
        if (sp_strmap_put(&self->map, key, self->nentries) != SP_OK) {
            free(key);
            return SP_ERR_NOMEM;
        }
        self->nentries++;
    }
    free(key);
    return SP_OK;
}

enum sp_status sp_import_match_read_map(struct sp_import_match *self,
                                        const char *path, sp_diags *diags)
{
    const char *base = sp_path_base(path);
    char *data = NULL, msg[512];
    size_t len, r;
    struct sp_csv *csv = NULL;
    int col[MNCOLS], *lines = NULL;
    enum sp_status st;

    st = sp_file_read(path, &data, &len);
    if (st == SP_ERR_IO) {
        snprintf(msg, sizeof(msg), "cannot read the product map: %s",
                 sp_file_error(errno));
        st = sp_diags_add(diags, 0, base, 0, NULL, NULL, msg) == SP_OK
                 ? SP_OK
                 : SP_ERR_NOMEM;
        goto cleanup;
    }
    if (st != SP_OK)
        goto cleanup;
    st = sp_csv_parse(data, len, base, &csv, diags);
    if (st == SP_ERR_INPUT) {
        st = SP_OK;
        goto cleanup;
    }
    if (st != SP_OK)
        goto cleanup;
    st = sp_csv_bind(csv, map_columns, MNCOLS, col, false, diags);
    if (st != SP_OK || col[MCOL_SOURCE] < 0 || col[MCOL_PRODUCT] < 0)
        goto cleanup;
    self->entries = calloc(csv->nrecords + 1, sizeof(*self->entries));
    lines = calloc(csv->nrecords + 1, sizeof(int));
    if (!self->entries || !lines) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    for (r = 0; r < csv->nrecords && st == SP_OK; r++)
        if (!csv->records[r].bad)
            st = map_row(self, csv, r, col, lines, diags);

cleanup:
    free(lines);
    sp_csv_free(csv);
    free(data);
    return st;
}

int sp_import_match_find(const struct sp_import_match *self,
                         const char *folded, double *factor,
                         enum sp_match_how *how)
{
    int k;

    *factor = 1;
    k = sp_strmap_get(&self->map, folded);
    if (k >= 0) {
        *factor = self->entries[k].factor;
        *how = self->entries[k].product < 0 ? SP_MATCH_IGNORED : SP_MATCH_MAP;
        return self->entries[k].product;
    }
    k = sp_strmap_get(&self->aliases, folded);
    *how = SP_MATCH_ALIAS;
    if (k < 0) {
        k = sp_strmap_get(&self->ids, folded);
        *how = SP_MATCH_ID;
    }
    if (k < 0) {
        k = sp_strmap_get(&self->names, folded);
        *how = SP_MATCH_NAME;
    }
    if (k < 0)
        *how = SP_MATCH_NONE;
    return k;
}

/* ---- suggestions ------------------------------------------------------ */

#define MAXLEN 128

/* Levenshtein distance of the first MAXLEN bytes of a and b. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b), i, j, prev[MAXLEN + 1],
           cur[MAXLEN + 1];

    n = n > MAXLEN ? MAXLEN : n;
    m = m > MAXLEN ? MAXLEN : m;
    for (j = 0; j <= m; j++)
        prev[j] = j;
    for (i = 1; i <= n; i++) {
        cur[0] = i;
        for (j = 1; j <= m; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] =
                sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, (m + 1) * sizeof(size_t));
    }
    return prev[m];
}

/* 1 - distance / the longer length: 1 = equal. */
static double edit_similarity(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b), longer;

    n = n > MAXLEN ? MAXLEN : n;
    m = m > MAXLEN ? MAXLEN : m;
    longer = n > m ? n : m;
    if (longer == 0)
        return 0;
    return 1.0 - (double)edit_distance(a, b) / (double)longer;
}

#define MAXTOK 32

/* The words of s: runs of bytes other than ASCII spaces and punctuation
 * (a multi-byte letter is part of a word); each once. */
static int tokens(const char *s, char tok[MAXTOK][32])
{
    int n = 0, k, len;
    const char *p = s;

    while (*p && n < MAXTOK) {
        while (*p && (unsigned char)*p < 0x80 &&
               !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            p++;
        len = 0;
        while (p[len] && ((unsigned char)p[len] >= 0x80 ||
                          (p[len] >= 'a' && p[len] <= 'z') ||
                          (p[len] >= '0' && p[len] <= '9')))
            len++;
        if (len == 0)
            break;
        if (len < 32) {
            memcpy(tok[n], p, (size_t)len);
            tok[n][len] = '\0';
            for (k = 0; k < n; k++)
                if (strcmp(tok[k], tok[n]) == 0)
                    break;
            if (k == n)
                n++;
        }
        p += len;
    }
    return n;
}

/* Shared words / all words (Jaccard). */
static double token_overlap(char a[MAXTOK][32], int na, const char *b)
{
    char tb[MAXTOK][32];
    int nb = tokens(b, tb), i, j, common = 0;

    if (na == 0 || nb == 0)
        return 0;
    for (i = 0; i < na; i++)
        for (j = 0; j < nb; j++)
            if (strcmp(a[i], tb[j]) == 0) {
                common++;
                break;
            }
    return (double)common / (double)(na + nb - common);
}

static double max2(double a, double b)
{
    return a > b ? a : b;
}

/* Any product that shares something with the name may be suggested. */
#define MIN_SCORE 0.0

const char *sp_import_match_suggest(struct sp_import_match *self,
                                    const char *folded)
{
    const struct sp_problem *pb = self->pb;
    char ta[MAXTOK][32], *out, **grown;
    int na, p, best[3] = {-1, -1, -1}, k, j;
    double score[3] = {0, 0, 0}, s;
    size_t len = 1;

    k = sp_strmap_get(&self->cache, folded);
    if (k >= 0)
        return self->sugg[k];
    na = tokens(folded, ta);
    for (p = 0; p < pb->nproducts; p++) {
        s = max2(max2(edit_similarity(folded, self->fold_id[p]),
                      edit_similarity(folded, self->fold_name[p])),
                 max2(token_overlap(ta, na, self->fold_id[p]),
                      token_overlap(ta, na, self->fold_name[p])));
        if (s <= MIN_SCORE)
            continue;
        /* insertion into the top three; ties keep catalog order */
        for (k = 0; k < 3; k++)
            if (best[k] < 0 || s > score[k])
                break;
        if (k == 3)
            continue;
        for (j = 2; j > k; j--) {
            best[j] = best[j - 1];
            score[j] = score[j - 1];
        }
        best[k] = p;
        score[k] = s;
    }
    for (k = 0; k < 3 && best[k] >= 0; k++)
        len += strlen(pb->products[best[k]].id) + 1;
    out = malloc(len);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (k = 0; k < 3 && best[k] >= 0; k++) {
        if (k)
            strcat(out, ";");
        strcat(out, pb->products[best[k]].id);
    }
    if (self->nsugg == self->capsugg) {
        int cap = self->capsugg ? self->capsugg * 2 : 16;
        grown = realloc(self->sugg, (size_t)cap * sizeof(char *));
        if (!grown) {
            free(out);
            return NULL;
        }
        self->sugg = grown;
        self->capsugg = cap;
    }
    self->sugg[self->nsugg] = out;
    if (sp_strmap_put(&self->cache, folded, self->nsugg) != SP_OK) {
        free(out);
        return NULL;
    }
    self->nsugg++;
    return out;
}
