/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sp_problem_load: reads a data folder file by file, collecting every
 * error before giving up, so that one run reports everything a user has
 * to fix.  A file with errors is still read to the end, and later files
 * are still read against what earlier ones gave.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "importers_int.h"

void sp_load_vreport(struct sp_load *ld, int warning, const char *file,
                     int line, const char *column, const char *scenario,
                     const char *fmt, va_list ap)
{
    char msg[1024];

    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (sp_diags_add(ld->diags, warning, file, line, column, scenario, msg) !=
        SP_OK)
        ld->st = SP_ERR_NOMEM;
}

void sp_load_report_at(struct sp_load *ld, int warning, const char *file,
                       int line, const char *column, const char *scenario,
                       const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sp_load_vreport(ld, warning, file, line, column, scenario, fmt, ap);
    va_end(ap);
}

void sp_load_report(struct sp_load *ld, int warning, const struct sp_csv *csv,
                    size_t rec, int col, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sp_load_vreport(ld, warning, csv->name, csv->records[rec].line,
                    col >= 0 && col < csv->ncols ? csv->header[col] : NULL,
                    NULL, fmt, ap);
    va_end(ap);
}

bool sp_load_number(struct sp_load *ld, const struct sp_csv *csv, size_t rec,
                    int col, enum sp_number_rule rule, bool required,
                    double def, double *out)
{
    char msg[256];
    const char *shown;
    double v;
    enum sp_number_result r;

    *out = def;
    if (col < 0)
        return false;
    r = sp_number_read(sp_csv_field(csv, rec, col), csv->delim, rule, &v, msg,
                       sizeof(msg));
    if (r == SP_NUMBER_EMPTY) {
        if (required)
            sp_load_report(
                ld, 0, csv, rec, col, "expected %s, got an empty field",
                rule == SP_NUMBER_ANY ? "a number" : "a non-negative number");
        return false;
    }
    if (r != SP_NUMBER_OK) {
        sp_load_report(ld, 0, csv, rec, col, "%s", msg);
        return false;
    }
    if (v > sp_bound_max(csv->norm[col], &shown)) {
        sp_quote_value(sp_csv_field(csv, rec, col), msg, sizeof(msg));
        sp_load_report(ld, 0, csv, rec, col,
                       "expected a number of at most %s, got %s", shown, msg);
        return false;
    }
    *out = v;
    return true;
}

const char *sp_load_required(struct sp_load *ld, const struct sp_csv *csv,
                             size_t rec, int col, const char *what)
{
    const char *s = sp_csv_field(csv, rec, col);

    if (s[0] == '\0') {
        sp_load_report(ld, 0, csv, rec, col, "expected %s, got an empty field",
                       what);
        return NULL;
    }
    return s;
}

bool sp_has_control(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    for (; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return true;
    return false;
}

const char *sp_load_id(struct sp_load *ld, const struct sp_csv *csv,
                       size_t rec, int col, const char *what)
{
    const char *s = sp_load_required(ld, csv, rec, col, what);
    char got[96];

    if (s && sp_has_control(s)) {
        /* GLPK refuses such names, and a TAB or line break in an id
         * cannot be told apart in any report (docs/formats.md). */
        sp_quote_value(s, got, sizeof(got));
        sp_load_report(ld, 0, csv, rec, col,
                       "expected %s without control characters, got %s", what,
                       got);
        return NULL;
    }
    return s;
}

int sp_load_category(struct sp_load *ld, const char *norm)
{
    struct sp_problem *pb = ld->pb;
    int k = sp_problem_find_category(pb, norm);
    char **grown;

    if (k >= 0)
        return k;
    /* Categories are few (tens); the array grows one at a time. */
    grown = realloc(pb->categories,
                    (size_t)(pb->ncategories + 1) * sizeof(char *));
    if (!grown) {
        ld->st = SP_ERR_NOMEM;
        return -1;
    }
    pb->categories = grown;
    pb->categories[pb->ncategories] = strdup(norm);
    if (!pb->categories[pb->ncategories]) {
        ld->st = SP_ERR_NOMEM;
        return -1;
    }
    return pb->ncategories++;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

enum sp_status sp_load_list(struct sp_load *ld, const struct sp_csv *csv,
                            size_t rec, int col, const char *what,
                            char ***items, int *nitems, int **idx)
{
    const char *bad = NULL;
    char got[96];
    enum sp_status st;

    *items = NULL;
    *nitems = 0;
    *idx = NULL;
    if (col < 0)
        return SP_OK;
    st = sp_list_split(sp_csv_field(csv, rec, col), csv->delim, items, nitems,
                       &bad);
    if (st == SP_ERR_INPUT) {
        sp_quote_value(sp_csv_field(csv, rec, col), got, sizeof(got));
        sp_load_report(ld, 0, csv, rec, col,
                       "expected %s separated by %s, got %s", what,
                       csv->delim == ';' ? "'|'" : "';' or '|'", got);
    }
    if (st == SP_OK && *nitems > 0) {
        *idx = malloc((size_t)*nitems * sizeof(int));
        if (!*idx)
            st = SP_ERR_NOMEM;
    }
    return st;
}

enum sp_status sp_load_categories(struct sp_load *ld, const struct sp_csv *csv,
                                  size_t rec, int col, int **out, int *n)
{
    char **items = NULL;
    int nitems = 0, i, k, *idx = NULL;
    enum sp_status st;

    *out = NULL;
    *n = 0;
    st = sp_load_list(ld, csv, rec, col, "categories", &items, &nitems, &idx);
    if (st != SP_OK)
        goto cleanup;
    for (i = 0; i < nitems; i++) {
        k = sp_load_category(ld, items[i]);
        if (k < 0) {
            st = SP_ERR_NOMEM;
            goto cleanup;
        }
        idx[i] = k;
    }
    /* Items are unique after normalisation, hence so are indices. */
    if (nitems > 1)
        qsort(idx, (size_t)nitems, sizeof(int), cmp_int);
    *out = idx;
    *n = nitems;
    idx = NULL;

cleanup:
    if (st == SP_ERR_NOMEM)
        ld->st = st;
    free(idx);
    sp_list_free(items, nitems);
    return st;
}

bool sp_load_covered(const struct sp_load *ld, int k)
{
    return k >= 0 && k < ld->ncovered && ld->covered[k];
}

void sp_load_bad_record(struct sp_load *ld, const struct sp_csv *csv,
                        size_t rec, int col, struct sp_strmap *ids)
{
    const char *id = sp_csv_field(csv, rec, col);

    if (id[0] && sp_strmap_get(ids, id) == -1 &&
        sp_strmap_put(ids, id, -2) != SP_OK)
        ld->st = SP_ERR_NOMEM;
}

/* Which categories the catalog covers, for the checks of later files. */
static enum sp_status compute_covered(struct sp_load *ld)
{
    const struct sp_problem *pb = ld->pb;
    int p, i;

    ld->ncovered = pb->ncategories;
    ld->covered = calloc((size_t)pb->ncategories + 1, sizeof(bool));
    if (!ld->covered)
        return SP_ERR_NOMEM;
    for (p = 0; p < pb->nproducts; p++)
        for (i = 0; i < pb->products[p].ncovers; i++)
            ld->covered[pb->products[p].covers[i]] = true;
    return SP_OK;
}

static char *path_join(const char *dir, const char *base)
{
    size_t n = strlen(dir);
    char *path = malloc(n + strlen(base) + 2);

    if (!path)
        return NULL;
    memcpy(path, dir, n);
    if (n > 0 && dir[n - 1] != '/')
        path[n++] = '/';
    strcpy(path + n, base);
    return path;
}

typedef enum sp_status (*importer_fn)(struct sp_load *, const struct sp_csv *);

/* Reads DIR/base with fn.  *present says whether the file exists. */
static enum sp_status read_csv(struct sp_load *ld, const char *base,
                               bool required, bool *present, importer_fn fn)
{
    char *path = NULL, *data = NULL;
    size_t len;
    struct sp_csv *csv = NULL;
    enum sp_status st;

    *present = false;
    path = path_join(ld->pb->dir, base);
    if (!path) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    st = sp_load_read(ld, base, path, &data, &len);
    if (st == SP_ERR_IO) {
        int err = errno;

        st = SP_OK;
        if (err == ENOENT && !required)
            goto cleanup;
        *present = err != ENOENT;
        if (sp_file_error_kind(err))
            sp_load_report_at(ld, 0, base, 0, NULL, NULL, "%s",
                              sp_file_error(err));
        else if (err == ENOENT)
            sp_load_report_at(ld, 0, base, 0, NULL, NULL,
                              "required file is missing from the data "
                              "folder");
        else
            sp_load_report_at(ld, 0, base, 0, NULL, NULL,
                              "cannot read the file: %s", strerror(err));
        goto cleanup;
    }
    if (st != SP_OK)
        goto cleanup;
    *present = true;
    st = sp_csv_parse(data, len, base, &csv, ld->diags);
    /* the parsed text is a copy: the file's bytes can go before the rows
     * become the problem */
    free(data);
    data = NULL;
    if (st == SP_ERR_INPUT) {
        st = SP_OK;
        goto cleanup;
    }
    if (st != SP_OK)
        goto cleanup;
    st = fn(ld, csv);

cleanup:
    sp_csv_free(csv);
    free(data);
    free(path);
    if (st == SP_OK && ld->st != SP_OK)
        st = ld->st;
    return st;
}

/* resale_price defaults to price x (1 + the file settings' markup). */
static void default_resale(struct sp_problem *pb)
{
    int p;

    for (p = 0; p < pb->nproducts; p++)
        if (!pb->products[p].has_resale_price)
            pb->products[p].resale_price =
                pb->products[p].price * (1 + pb->settings.markup);
}

/* The scenarios file: -s as given, else DATA_DIR/scenarios.json when it
 * exists, else none (NULL, SP_OK). */
enum sp_status sp_load_read(const struct sp_load *ld, const char *base,
                            const char *path, char **data, size_t *len)
{
    int i;

    if (!ld->texts)
        return sp_file_read(path, data, len);
    for (i = 0; i < ld->ntexts; i++) {
        const struct sp_text_file *f = &ld->texts[i];
        if (strcmp(f->name, base) != 0)
            continue;
        *data = malloc(f->len + 1);
        if (!*data)
            return SP_ERR_NOMEM;
        memcpy(*data, f->text, f->len);
        (*data)[f->len] = '\0';
        *len = f->len;
        return SP_OK;
    }
    errno = ENOENT;
    return SP_ERR_IO;
}

static enum sp_status scenarios_path(const struct sp_load *ld, char **path)
{
    struct stat sb;
    int i;

    *path = NULL;
    if (ld->texts) {
        for (i = 0; i < ld->ntexts; i++)
            if (strcmp(ld->texts[i].name, "scenarios.json") == 0) {
                *path = strdup("scenarios.json");
                return *path ? SP_OK : SP_ERR_NOMEM;
            }
        return SP_OK;
    }
    if (ld->opt->scenarios_path) {
        *path = strdup(ld->opt->scenarios_path);
        return *path ? SP_OK : SP_ERR_NOMEM;
    }
    *path = path_join(ld->pb->dir, "scenarios.json");
    if (!*path)
        return SP_ERR_NOMEM;
    /* lstat: a broken symbolic link is an error, not an absent file */
    if (lstat(*path, &sb) != 0 && errno == ENOENT) {
        free(*path);
        *path = NULL;
    }
    return SP_OK;
}

static enum sp_status load(const char *dir, const struct sp_text_file *texts,
                           int ntexts, const struct sp_load_options *options,
                           sp_problem **out, sp_diags *diags)
{
    static const struct sp_load_options defaults;
    struct sp_load ld;
    struct sp_problem *pb = NULL;
    sp_diags *own = NULL;
    size_t errors_before;
    struct sp_date today;
    struct stat sb;
    char *spath = NULL;
    bool present;
    enum sp_status st = SP_OK;

    memset(&ld, 0, sizeof(ld));
    sp_strmap_init(&ld.products);
    sp_strmap_init(&ld.clients);
    sp_strmap_init(&ld.vendors);
    if (out)
        *out = NULL;
    if (!dir || !out)
        return SP_ERR_USAGE;
    ld.opt = options ? options : &defaults;
    if (ld.opt->today && !sp_date_parse(ld.opt->today, &today))
        return SP_ERR_USAGE;
    if (!diags) {
        /* Errors must be counted even when the caller wants none. */
        own = sp_diags_new();
        if (!own)
            return SP_ERR_NOMEM;
        diags = own;
    }
    ld.diags = diags;
    ld.texts = texts;
    ld.ntexts = ntexts;
    errors_before = sp_diags_errors(diags);
    if (!texts && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
        if (stat(dir, &sb) != 0)
            sp_load_report_at(&ld, 0, dir, 0, NULL, NULL,
                              "expected a data folder: %s", strerror(errno));
        else
            sp_load_report_at(&ld, 0, dir, 0, NULL, NULL,
                              "expected a data folder, got a file");
        st = ld.st != SP_OK ? ld.st : SP_ERR_INPUT;
        goto cleanup;
    }
    pb = calloc(1, sizeof(*pb));
    if (!pb || !(pb->dir = strdup(dir))) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    ld.pb = pb;

    st = read_csv(&ld, "catalog.csv", true, &present, sp_import_catalog);
    ld.catalog_clean =
        ld.catalog_ok && sp_diags_errors(diags) == errors_before;
    if (st == SP_OK)
        st = compute_covered(&ld);
    if (st == SP_OK)
        st = sp_import_controls(&ld, dir);
    if (st == SP_OK)
        st = read_csv(&ld, "clients.csv", true, &present, sp_import_clients);
    if (st == SP_OK)
        st = read_csv(&ld, "inventory.csv", false, &pb->has_inventory,
                      sp_import_inventory);
    if (st == SP_OK)
        st = read_csv(&ld, "vendors.csv", false, &present, sp_import_vendors);
    if (st == SP_OK)
        st = read_csv(&ld, "tiers.csv", false, &present, sp_import_tiers);
    if (st == SP_OK)
        st = scenarios_path(&ld, &spath);
    if (st == SP_OK) {
        pb->has_scenarios_file = spath != NULL;
        st = sp_import_scenarios(&ld, spath);
    }
    if (st == SP_OK)
        sp_controls_check(&ld);
    if (st == SP_OK && ld.st != SP_OK)
        st = ld.st;
    if (st != SP_OK)
        goto cleanup;
    if (sp_diags_errors(diags) > errors_before) {
        st = SP_ERR_INPUT;
        goto cleanup;
    }
    default_resale(pb);
    if (!sp_problem_prepare_pins(pb)) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    *out = pb;
    pb = NULL;

cleanup:
    sp_problem_free(pb);
    sp_strmap_clear(&ld.products);
    sp_strmap_clear(&ld.clients);
    sp_strmap_clear(&ld.vendors);
    free(ld.covered);
    free(spath);
    sp_diags_free(own);
    return st;
}

enum sp_status sp_problem_load(const char *dir,
                               const struct sp_load_options *options,
                               sp_problem **out, sp_diags *diags)
{
    return load(dir, NULL, 0, options, out, diags);
}

enum sp_status sp_problem_load_texts(const struct sp_text_file *files, int n,
                                     const struct sp_load_options *options,
                                     sp_problem **out, sp_diags *diags)
{
    static const char *const known[] = {"catalog.csv",   "clients.csv",
                                        "inventory.csv", "vendors.csv",
                                        "tiers.csv",     "scenarios.json"};
    size_t k;
    int i, j;

    if (out)
        *out = NULL;
    if (!files || n < 0)
        return SP_ERR_USAGE;
    for (i = 0; i < n; i++) {
        if (!files[i].name || (!files[i].text && files[i].len))
            return SP_ERR_USAGE;
        for (k = 0; k < sizeof(known) / sizeof(*known); k++)
            if (strcmp(files[i].name, known[k]) == 0)
                break;
        if (k == sizeof(known) / sizeof(*known))
            return SP_ERR_USAGE;
        for (j = 0; j < i; j++)
            if (strcmp(files[i].name, files[j].name) == 0)
                return SP_ERR_USAGE;
    }
    return load(SP_TEXTS_DIR, files, n, options, out, diags);
}
