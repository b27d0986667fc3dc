/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tiers.csv: all-units volume prices per product (docs/formats.md). */
#include <stdlib.h>
#include <string.h>
#include "importers_int.h"

enum { COL_PRODUCT, COL_MIN_UNITS, COL_PRICE, NCOLS };

static const struct sp_csv_column columns[NCOLS] = {
    [COL_PRODUCT] = {"product", true},
    [COL_MIN_UNITS] = {"min_units", true},
    [COL_PRICE] = {"price", true},
};

static int cmp_tier(const void *a, const void *b)
{
    const struct sp_tier *x = a, *y = b;

    return (x->min_units > y->min_units) - (x->min_units < y->min_units);
}

/* Appends a tier to product p unless one with the same min_units is
 * there; false when out of memory. */
static bool add_tier(struct sp_load *ld, const struct sp_csv *csv, size_t r,
                     int col, struct sp_product *p, const struct sp_tier *t)
{
    struct sp_tier *grown;
    int i;

    for (i = 0; i < p->ntiers; i++) {
        if (p->tiers[i].min_units == t->min_units) {
            sp_load_report(ld, 0, csv, r, col,
                           "expected one tier per min_units, got %g again "
                           "for product '%s' (first on line %d)",
                           t->min_units, p->id, p->tiers[i].line);
            return true;
        }
    }
    /* Products have a handful of tiers: grow one at a time. */
    grown = realloc(p->tiers, (size_t)(p->ntiers + 1) * sizeof(*grown));
    if (!grown) {
        ld->st = SP_ERR_NOMEM;
        return false;
    }
    p->tiers = grown;
    p->tiers[p->ntiers++] = *t;
    return true;
}

enum sp_status sp_import_tiers(struct sp_load *ld, const struct sp_csv *csv)
{
    struct sp_problem *pb = ld->pb;
    struct sp_tier t;
    const char *id;
    int col[NCOLS], k, p = -1;
    size_t r;
    bool ok;

    if (sp_csv_bind(csv, columns, NCOLS, col, ld->opt->verbose, ld->diags) !=
        SP_OK)
        return SP_ERR_NOMEM;
    for (k = 0; k < NCOLS; k++)
        if (col[k] < 0)
            return SP_OK; /* reported */
    for (r = 0; r < csv->nrecords && ld->st == SP_OK; r++) {
        if (csv->records[r].bad)
            continue;
        memset(&t, 0, sizeof(t));
        t.line = csv->records[r].line;
        id = sp_load_id(ld, csv, r, col[COL_PRODUCT], "a product id");
        if (id) {
            p = sp_strmap_get(&ld->products, id);
            if (p == -1 && ld->catalog_ok)
                sp_load_report(ld, 0, csv, r, col[COL_PRODUCT],
                               "product '%s' is not in catalog.csv", id);
        }
        ok = sp_load_number(ld, csv, r, col[COL_MIN_UNITS], SP_NUMBER_NONNEG,
                            true, 0, &t.min_units);
        ok = sp_load_number(ld, csv, r, col[COL_PRICE], SP_NUMBER_NONNEG, true,
                            0, &t.price) &&
             ok;
        if (id && p >= 0 && ok &&
            !add_tier(ld, csv, r, col[COL_MIN_UNITS], &pb->products[p], &t))
            return SP_ERR_NOMEM;
    }
    for (p = 0; p < pb->nproducts; p++)
        if (pb->products[p].ntiers > 1)
            qsort(pb->products[p].tiers, (size_t)pb->products[p].ntiers,
                  sizeof(struct sp_tier), cmp_tier);
    return ld->st;
}
