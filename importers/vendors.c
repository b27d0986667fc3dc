/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vendors.csv: overhead per vendor (docs/formats.md). */
#include <stdlib.h>
#include <string.h>
#include "importers_int.h"

enum { COL_VENDOR, COL_MONTHLY_FEE, COL_ADMIN_HOURS, COL_MIN_COMMIT, NCOLS };

static const struct sp_csv_column columns[NCOLS] = {
    [COL_VENDOR] = {"vendor", true},
    [COL_MONTHLY_FEE] = {"monthly_fee", false},
    [COL_ADMIN_HOURS] = {"admin_hours", false},
    [COL_MIN_COMMIT] = {"min_commit", false},
};

enum sp_status sp_import_vendors(struct sp_load *ld, const struct sp_csv *csv)
{
    struct sp_vendor tmp, *v;
    const char *name;
    int col[NCOLS], k;
    size_t r;

    if (sp_csv_bind(csv, columns, NCOLS, col, ld->opt->verbose, ld->diags) !=
        SP_OK)
        return SP_ERR_NOMEM;
    if (col[COL_VENDOR] < 0)
        return SP_OK; /* reported */
    for (r = 0; r < csv->nrecords && ld->st == SP_OK; r++) {
        if (csv->records[r].bad)
            continue;
        memset(&tmp, 0, sizeof(tmp));
        v = &tmp;
        name = sp_load_id(ld, csv, r, col[COL_VENDOR], "a vendor name");
        if (name) {
            k = sp_strmap_get(&ld->vendors, name);
            if (k >= 0 && ld->pb->vendors[k].line > 0)
                sp_load_report(ld, 0, csv, r, col[COL_VENDOR],
                               "expected one row per vendor, got '%s' again "
                               "(first on line %d)",
                               name, ld->pb->vendors[k].line);
            else if (k >= 0)
                v = &ld->pb->vendors[k];
            else if (ld->catalog_ok)
                sp_load_report(ld, 0, csv, r, col[COL_VENDOR],
                               "vendor '%s' has no product in catalog.csv",
                               name);
        }
        v->line = csv->records[r].line;
        sp_load_number(ld, csv, r, col[COL_MONTHLY_FEE], SP_NUMBER_NONNEG,
                       false, 0, &v->monthly_fee);
        sp_load_number(ld, csv, r, col[COL_ADMIN_HOURS], SP_NUMBER_NONNEG,
                       false, 0, &v->admin_hours);
        sp_load_number(ld, csv, r, col[COL_MIN_COMMIT], SP_NUMBER_NONNEG,
                       false, 0, &v->min_commit);
    }
    return ld->st;
}
