/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary of an import as JSON (`stackplan import --json`,
 * docs/import.md), built with cJSON; the tree never leaves this file. */
#include <math.h>
#include <stdlib.h>
#include <cjson/cJSON.h>
#include "import_int.h"

/* Money rounded to cents, as every stackplan JSON writes it. */
static double cents(double v)
{
    return round(v * 100) / 100;
}

static cJSON *counts(const struct sp_import_counts *c, const char *file)
{
    cJSON *o = cJSON_CreateObject();

    if (!o)
        return NULL;
    if ((file && !cJSON_AddStringToObject(o, "file", file)) ||
        !cJSON_AddNumberToObject(o, "rows", c->rows) ||
        !cJSON_AddNumberToObject(o, "mapped", c->mapped) ||
        !cJSON_AddNumberToObject(o, "unmapped", c->unmapped) ||
        !cJSON_AddNumberToObject(o, "skipped", c->skipped) ||
        !cJSON_AddNumberToObject(o, "unmapped_monthly",
                                 cents(c->unmapped_monthly))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

enum sp_status sp_import_summary_json(const struct sp_import_summary *s,
                                      const char *out_dir, char **out)
{
    cJSON *root = cJSON_CreateObject(), *files, *item;
    enum sp_status st = SP_ERR_NOMEM;
    int k;

    *out = NULL;
    if (!root || !cJSON_AddStringToObject(root, "out_dir", out_dir) ||
        !cJSON_AddStringToObject(root, "as_of", s->as_of) ||
        !cJSON_AddStringToObject(root, "currency", s->currency) ||
        !(files = cJSON_AddArrayToObject(root, "files")))
        goto cleanup;
    for (k = 0; k < s->nfiles; k++) {
        item = counts(&s->count[k], s->files[k]);
        if (!item || !cJSON_AddItemToArray(files, item)) {
            cJSON_Delete(item);
            goto cleanup;
        }
    }
    item = counts(&s->total, NULL);
    if (!item || !cJSON_AddItemToObject(root, "total", item)) {
        cJSON_Delete(item);
        goto cleanup;
    }
    if (!cJSON_AddNumberToObject(root, "clients", s->clients) ||
        !cJSON_AddNumberToObject(root, "inventory_rows", s->inventory_rows) ||
        !cJSON_AddNumberToObject(root, "missing_counts", s->count_warnings))
        goto cleanup;
    *out = cJSON_Print(root);
    if (*out)
        st = SP_OK;

cleanup:
    cJSON_Delete(root);
    return st;
}
