/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * controls.csv: the controls of compliance frameworks mapped onto catalog
 * categories (docs/compliance.md), the clients.csv `frameworks` column,
 * and the check, once every file is read, that each control of a
 * framework some client must meet can be met by some catalog product.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "importers_int.h"

enum {
    COL_FRAMEWORK,
    COL_CONTROL,
    COL_TITLE,
    COL_CATEGORIES,
    COL_TOTAL,
    NCOLS
};

static const struct sp_csv_column columns[NCOLS] = {
    [COL_FRAMEWORK] = {"framework", true},
    [COL_CONTROL] = {"control", true},
    [COL_TITLE] = {"title", false},
    [COL_CATEGORIES] = {"categories", true},
    [COL_TOTAL] = {"framework_controls", false},
};

int sp_load_find_framework(const struct sp_problem *pb, const char *norm)
{
    int f;

    for (f = 0; f < pb->nframeworks; f++)
        if (strcmp(pb->frameworks[f].name, norm) == 0)
            return f;
    return -1;
}

/* Index of the framework named `label`, added when new; -1 when out of
 * memory (ld->st set). */
static int add_framework(struct sp_load *ld, const char *label)
{
    struct sp_problem *pb = ld->pb;
    struct sp_framework *grown, *fw;
    char *norm = sp_name_normalize(label);
    int f;

    if (!norm)
        goto nomem;
    f = sp_load_find_framework(pb, norm);
    if (f >= 0) {
        free(norm);
        return f;
    }
    grown = realloc(pb->frameworks,
                    ((size_t)pb->nframeworks + 1) * sizeof(*grown));
    if (!grown) {
        free(norm);
        goto nomem;
    }
    pb->frameworks = grown;
    fw = &pb->frameworks[pb->nframeworks];
    memset(fw, 0, sizeof(*fw));
    fw->name = norm;
    fw->label = strdup(label);
    if (!fw->label) {
        free(norm);
        goto nomem;
    }
    return pb->nframeworks++;

nomem:
    ld->st = SP_ERR_NOMEM;
    return -1;
}

/* The categories field: catalog categories only (a category no product
 * covers cannot meet anything; the check at the end says so when it
 * matters). */
static bool read_categories(struct sp_load *ld, const struct sp_csv *csv,
                            size_t r, int col, struct sp_control *ct)
{
    char **items = NULL, got[96];
    const char *bad = NULL;
    int nitems = 0, i, k, n = 0;
    enum sp_status st;

    st = sp_list_split(sp_csv_field(csv, r, col), csv->delim, &items, &nitems,
                       &bad);
    if (st == SP_ERR_NOMEM) {
        ld->st = st;
        return false;
    }
    if (st == SP_ERR_INPUT || nitems == 0) {
        sp_quote_value(sp_csv_field(csv, r, col), got, sizeof(got));
        sp_load_report(ld, 0, csv, r, col,
                       "expected categories separated by %s, got %s",
                       csv->delim == ';' ? "'|'" : "';' or '|'", got);
        sp_list_free(items, nitems);
        return false;
    }
    ct->categories = malloc((size_t)nitems * sizeof(int));
    if (!ct->categories) {
        ld->st = SP_ERR_NOMEM;
        sp_list_free(items, nitems);
        return false;
    }
    for (i = 0; i < nitems; i++) {
        k = sp_problem_find_category(ld->pb, items[i]);
        if (k >= 0 && sp_load_covered(ld, k))
            ct->categories[n++] = k;
    }
    /* ascending, as sp_product_covers' users expect nothing else */
    for (i = 1; i < n; i++)
        for (k = i; k > 0 && ct->categories[k - 1] > ct->categories[k]; k--) {
            int t = ct->categories[k];
            ct->categories[k] = ct->categories[k - 1];
            ct->categories[k - 1] = t;
        }
    ct->ncategories = n;
    sp_list_free(items, nitems);
    return true;
}

static void read_control(struct sp_load *ld, const struct sp_csv *csv,
                         size_t r, const int *col)
{
    struct sp_problem *pb = ld->pb;
    struct sp_control ct, *grown;
    const char *fw, *id, *title;
    double total = 0;
    int f, i;

    memset(&ct, 0, sizeof(ct));
    ct.line = csv->records[r].line;
    fw = sp_load_required(ld, csv, r, col[COL_FRAMEWORK], "a framework name");
    id = sp_load_required(ld, csv, r, col[COL_CONTROL], "a control id");
    if (sp_load_number(ld, csv, r, col[COL_TOTAL], SP_NUMBER_WHOLE_NONNEG,
                       false, 0, &total) &&
        total < 1) {
        sp_load_report(ld, 0, csv, r, col[COL_TOTAL],
                       "expected a whole number of at least 1, got 0");
        total = 0;
    }
    if (!read_categories(ld, csv, r, col[COL_CATEGORIES], &ct) || !fw || !id) {
        free(ct.categories);
        return;
    }
    f = add_framework(ld, fw);
    if (f < 0) {
        free(ct.categories);
        return;
    }
    for (i = 0; i < pb->ncontrols; i++)
        if (pb->controls[i].framework == f &&
            strcmp(pb->controls[i].id, id) == 0) {
            sp_load_report(ld, 0, csv, r, col[COL_CONTROL],
                           "expected one row per control, got '%s' of "
                           "framework '%s' again (first on line %d)",
                           id, pb->frameworks[f].label, pb->controls[i].line);
            free(ct.categories);
            return;
        }
    if (total > 0) {
        if (pb->frameworks[f].total > 0 && pb->frameworks[f].total != total)
            sp_load_report(ld, 0, csv, r, col[COL_TOTAL],
                           "expected %d for framework '%s' as on its earlier "
                           "rows, got %g",
                           pb->frameworks[f].total, pb->frameworks[f].label,
                           total);
        else
            pb->frameworks[f].total = total > 1e6 ? 1000000 : (int)total;
    }
    title = sp_csv_field(csv, r, col[COL_TITLE]);
    ct.framework = f;
    ct.id = strdup(id);
    ct.title = strdup(title[0] ? title : id);
    ct.covers_text = strdup(sp_csv_field(csv, r, col[COL_CATEGORIES]));
    grown =
        realloc(pb->controls, ((size_t)pb->ncontrols + 1) * sizeof(*grown));
    if (!ct.id || !ct.title || !ct.covers_text || !grown) {
        if (grown)
            pb->controls = grown;
        free(ct.id);
        free(ct.title);
        free(ct.covers_text);
        free(ct.categories);
        ld->st = SP_ERR_NOMEM;
        return;
    }
    pb->controls = grown;
    pb->controls[pb->ncontrols++] = ct;
    pb->frameworks[f].ncontrols++;
}

static enum sp_status import_csv(struct sp_load *ld, const struct sp_csv *csv)
{
    int col[NCOLS], f;
    size_t r;

    if (sp_csv_bind(csv, columns, NCOLS, col, ld->opt->verbose, ld->diags) !=
        SP_OK)
        return SP_ERR_NOMEM;
    if (col[COL_FRAMEWORK] < 0 || col[COL_CONTROL] < 0 ||
        col[COL_CATEGORIES] < 0)
        return SP_OK; /* reported */
    for (r = 0; r < csv->nrecords && ld->st == SP_OK; r++)
        if (!csv->records[r].bad)
            read_control(ld, csv, r, col);
    for (f = 0; f < ld->pb->nframeworks; f++)
        if (ld->pb->frameworks[f].total > 0 &&
            ld->pb->frameworks[f].total < ld->pb->frameworks[f].ncontrols)
            sp_load_report_at(ld, 0, csv->name, 0, "framework_controls", NULL,
                              "framework '%s' has %d controls in the file "
                              "but framework_controls says %d",
                              ld->pb->frameworks[f].label,
                              ld->pb->frameworks[f].ncontrols,
                              ld->pb->frameworks[f].total);
    return ld->st;
}

enum sp_status sp_import_controls(struct sp_load *ld, const char *dirpath)
{
    const char *given = ld->opt->controls_path;
    char *path = NULL, *data = NULL;
    const char *base;
    struct sp_csv *csv = NULL;
    size_t len, n;
    enum sp_status st;

    if (given) {
        path = strdup(given);
    } else {
        n = strlen(dirpath);
        path = malloc(n + sizeof("/controls.csv"));
        if (path)
            snprintf(path, n + sizeof("/controls.csv"), "%s%scontrols.csv",
                     dirpath, n > 0 && dirpath[n - 1] == '/' ? "" : "/");
    }
    if (!path)
        return ld->st = SP_ERR_NOMEM;
    base = given ? sp_path_base(given) : "controls.csv";
    st = sp_file_read(path, &data, &len);
    if (st == SP_ERR_IO) {
        int err = errno;
        st = SP_OK;
        if (err == ENOENT && !given)
            goto cleanup; /* optional in the data folder */
        if (sp_file_error_kind(err))
            sp_load_report_at(ld, 0, base, 0, NULL, NULL, "%s",
                              sp_file_error(err));
        else
            sp_load_report_at(ld, 0, base, 0, NULL, NULL,
                              "cannot read the file: %s", strerror(err));
        goto cleanup;
    }
    if (st != SP_OK)
        goto cleanup;
    ld->pb->controls_file = strdup(base);
    /* recorded in the results, so `stackplan merge` reads it again */
    if (given)
        ld->pb->controls_path = sp_path_absolute(given);
    if (!ld->pb->controls_file || (given && !ld->pb->controls_path)) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    st = sp_csv_parse(data, len, base, &csv, ld->diags);
    if (st == SP_ERR_INPUT) {
        st = SP_OK;
        goto cleanup;
    }
    if (st == SP_OK)
        st = import_csv(ld, csv);

cleanup:
    sp_csv_free(csv);
    free(data);
    free(path);
    if (st != SP_OK)
        ld->st = st;
    return ld->st;
}

enum sp_status sp_load_frameworks(struct sp_load *ld, const struct sp_csv *csv,
                                  size_t rec, int col, int **out, int *n)
{
    char **items = NULL;
    int nitems = 0, i, j, f, *idx = NULL, count = 0;
    enum sp_status st;

    *out = NULL;
    *n = 0;
    st = sp_load_list(ld, csv, rec, col, "framework names", &items, &nitems,
                      &idx);
    if (st != SP_OK)
        goto cleanup;
    for (i = 0; i < nitems; i++) {
        f = sp_load_find_framework(ld->pb, items[i]);
        if (f < 0) {
            if (ld->pb->controls_file)
                sp_load_report(ld, 0, csv, rec, col,
                               "framework '%s' is not in %s", items[i],
                               ld->pb->controls_file);
            else
                sp_load_report(ld, 0, csv, rec, col,
                               "framework '%s' needs a controls.csv (in the "
                               "data folder or --controls FILE)",
                               items[i]);
            st = SP_ERR_INPUT;
            continue;
        }
        /* ascending, each once */
        for (j = 0; j < count && idx[j] != f; j++)
            ;
        if (j < count)
            continue;
        for (j = count; j > 0 && idx[j - 1] > f; j--)
            idx[j] = idx[j - 1];
        idx[j] = f;
        count++;
    }
    if (st == SP_OK) {
        *out = idx;
        *n = count;
        idx = NULL;
    }

cleanup:
    if (st == SP_ERR_NOMEM)
        ld->st = st;
    free(idx);
    sp_list_free(items, nitems);
    return st == SP_ERR_NOMEM ? st : SP_OK;
}

/* The first client (or "every client", by a settings or scenario list)
 * that must meet framework f, for the message; NULL when none must. */
static bool required_by(const struct sp_problem *pb, int f, char *who,
                        size_t size)
{
    int c, i, k;

    for (i = 0; i < pb->settings.nrequire_frameworks; i++)
        if (pb->settings.require_frameworks[i] == f) {
            snprintf(who, size, "required by settings 'require_frameworks'");
            return true;
        }
    for (k = 0; k < pb->nscenarios; k++)
        for (i = 0; i < pb->scenarios[k].settings.nrequire_frameworks; i++)
            if (pb->scenarios[k].settings.require_frameworks[i] == f) {
                snprintf(who, size, "required by scenario '%s'",
                         pb->scenarios[k].name ? pb->scenarios[k].name : "");
                return true;
            }
    for (c = 0; c < pb->nclients; c++)
        for (i = 0; i < pb->clients[c].nframeworks; i++)
            if (pb->clients[c].frameworks[i] == f) {
                snprintf(who, size, "required by client '%s'",
                         pb->clients[c].id);
                return true;
            }
    return false;
}

void sp_controls_check(struct sp_load *ld)
{
    const struct sp_problem *pb = ld->pb;
    char who[300], got[96];
    int i;

    if (!ld->catalog_clean || !pb->controls_file)
        return;
    for (i = 0; i < pb->ncontrols; i++) {
        const struct sp_control *ct = &pb->controls[i];
        if (ct->ncategories > 0 ||
            !required_by(pb, ct->framework, who, sizeof(who)))
            continue;
        sp_quote_value(ct->covers_text, got, sizeof(got));
        sp_load_report_at(
            ld, 0, pb->controls_file, ct->line, "categories", NULL,
            "control '%s' of framework '%s' (%s) cannot be "
            "met: no product in catalog.csv covers any of %s",
            ct->id, pb->frameworks[ct->framework].label, who, got);
    }
}
