/* SPDX-License-Identifier: GPL-3.0-or-later */
/* catalog.csv: one row per product (docs/formats.md). */
#include <stdlib.h>
#include <string.h>
#include "import_int.h"
#include <strings.h>
#include "importers_int.h"

enum {
    COL_PRODUCT,
    COL_VENDOR,
    COL_COVERS,
    COL_UNIT,
    COL_PRICE,
    COL_NAME,
    COL_MIN_UNITS,
    COL_SETUP_FEE,
    COL_RESALE_PRICE,
    COL_ALIASES,
    COL_ESSENTIAL,
    NCOLS
};

static const struct sp_csv_column columns[NCOLS] = {
    [COL_PRODUCT] = {"product", true},
    [COL_VENDOR] = {"vendor", true},
    [COL_COVERS] = {"covers", true},
    [COL_UNIT] = {"unit", true},
    [COL_PRICE] = {"price", true},
    [COL_NAME] = {"name", false},
    [COL_MIN_UNITS] = {"min_units", false},
    [COL_SETUP_FEE] = {"setup_fee", false},
    [COL_RESALE_PRICE] = {"resale_price", false},
    [COL_ALIASES] = {"aliases", false},
    [COL_ESSENTIAL] = {"essential", false},
};

/* `essential`: yes or no (any case), empty = no. */
static void read_essential(struct sp_load *ld, const struct sp_csv *csv,
                           size_t r, int col, bool *out)
{
    const char *v = sp_csv_field(csv, r, col);
    char got[96];

    *out = false;
    if (strcasecmp(v, "yes") == 0)
        *out = true;
    else if (v[0] && strcasecmp(v, "no") != 0) {
        sp_quote_value(v, got, sizeof(got));
        sp_load_report(ld, 0, csv, r, col, "expected yes or no, got %s", got);
    }
}

/* The vendor's index, interned in first-seen order; -1 when out of
 * memory. */
static int intern_vendor(struct sp_load *ld, const char *name)
{
    struct sp_problem *pb = ld->pb;
    struct sp_vendor *grown;
    int v = sp_strmap_get(&ld->vendors, name);

    if (v >= 0)
        return v;
    if (pb->nvendors == 0 ||
        (pb->nvendors >= 8 && (pb->nvendors & (pb->nvendors - 1)) == 0)) {
        /* Capacity 8, then doubled at each power of two. */
        grown = realloc(pb->vendors,
                        (size_t)(pb->nvendors ? pb->nvendors * 2 : 8) *
                            sizeof(*grown));
        if (!grown)
            goto nomem;
        pb->vendors = grown;
    }
    v = pb->nvendors;
    memset(&pb->vendors[v], 0, sizeof(pb->vendors[v]));
    pb->vendors[v].name = strdup(name);
    if (!pb->vendors[v].name)
        goto nomem;
    pb->nvendors++;
    if (sp_strmap_put(&ld->vendors, name, v) != SP_OK)
        goto nomem;
    return v;

nomem:
    ld->st = SP_ERR_NOMEM;
    return -1;
}

/* Reads one record into *p; false when the row cannot be kept (no id,
 * no vendor, a repeated id) or memory ran out. */
static bool read_product(struct sp_load *ld, const struct sp_csv *csv,
                         size_t r, const int *col, struct sp_product *p)
{
    const char *id, *vendor, *unit, *name;
    char got[96];
    int first;
    bool keep = true;
    enum sp_status st;

    memset(p, 0, sizeof(*p));
    p->line = csv->records[r].line;
    id = sp_load_id(ld, csv, r, col[COL_PRODUCT], "a product id");
    vendor = sp_load_id(ld, csv, r, col[COL_VENDOR], "a vendor name");
    if (id && (first = sp_strmap_get(&ld->products, id)) != -1) {
        sp_load_report(ld, 0, csv, r, col[COL_PRODUCT],
                       "expected a unique product id, got '%s' again "
                       "(first on line %d)",
                       id,
                       first >= 0 ? ld->pb->products[first].line
                                  : csv->records[r].line);
        id = NULL;
        keep = false;
    }
    st = sp_load_categories(ld, csv, r, col[COL_COVERS], &p->covers,
                            &p->ncovers);
    if (st == SP_ERR_NOMEM)
        return false;
    if (st == SP_OK && p->ncovers == 0 &&
        sp_load_required(ld, csv, r, col[COL_COVERS], "a list of categories"))
        sp_load_report(ld, 0, csv, r, col[COL_COVERS],
                       "expected a list of categories, got none");
    unit = sp_load_required(ld, csv, r, col[COL_UNIT], "a unit");
    if (unit && !sp_unit_parse(unit, &p->unit)) {
        sp_quote_value(unit, got, sizeof(got));
        sp_load_report(ld, 0, csv, r, col[COL_UNIT],
                       "expected a unit (user, device, server, tb or flat), "
                       "got %s",
                       got);
    }
    sp_load_number(ld, csv, r, col[COL_PRICE], SP_NUMBER_NONNEG, true, 0,
                   &p->price);
    sp_load_number(ld, csv, r, col[COL_MIN_UNITS], SP_NUMBER_NONNEG, false, 0,
                   &p->min_units);
    sp_load_number(ld, csv, r, col[COL_SETUP_FEE], SP_NUMBER_NONNEG, false, 0,
                   &p->setup_fee);
    p->has_resale_price =
        sp_load_number(ld, csv, r, col[COL_RESALE_PRICE], SP_NUMBER_NONNEG,
                       false, 0, &p->resale_price);
    read_essential(ld, csv, r, col[COL_ESSENTIAL], &p->essential);
    if (!id || !vendor) {
        /* Keep the id known so other files do not report it as unknown
         * on top of this row's own error. */
        if (id && sp_strmap_put(&ld->products, id, -2) != SP_OK)
            ld->st = SP_ERR_NOMEM;
        keep = false;
    }
    if (!keep) {
        free(p->covers);
        p->covers = NULL;
        return false;
    }
    name = sp_csv_field(csv, r, col[COL_NAME]);
    p->id = strdup(id);
    p->name = strdup(name[0] ? name : id);
    p->vendor = intern_vendor(ld, vendor);
    if (!p->id || !p->name || p->vendor < 0) {
        ld->st = SP_ERR_NOMEM;
        free(p->id);
        free(p->name);
        free(p->covers);
        return false;
    }
    return true;
}

/* The `aliases` field: other names of the product for `stackplan import`
 * (docs/import.md), a list kept as written (trimmed); each once, compared
 * as names. */
static bool read_aliases(struct sp_load *ld, const struct sp_csv *csv,
                         size_t r, int col, struct sp_product *p)
{
    const char *s = sp_csv_field(csv, r, col), *end;
    char sep2 = csv->delim == ';' ? '|' : ';', *item, **grown, *f, *g;
    int k;
    bool dup;

    while (col >= 0 && *s) {
        for (end = s; *end && *end != '|' && *end != sep2; end++)
            ;
        item = strndup(s, (size_t)(end - s));
        s = *end ? end + 1 : end;
        if (!item)
            return false;
        f = sp_strdup_trim(item);
        free(item);
        if (!f)
            return false;
        dup = f[0] == '\0';
        for (k = 0; k < p->naliases && !dup; k++) {
            char *a = sp_name_fold(f);
            g = sp_name_fold(p->aliases[k]);
            dup = !a || !g || strcmp(a, g) == 0;
            free(a);
            free(g);
        }
        if (dup) {
            free(f);
            continue;
        }
        grown =
            realloc(p->aliases, (size_t)(p->naliases + 1) * sizeof(char *));
        if (!grown) {
            free(f);
            return false;
        }
        p->aliases = grown;
        p->aliases[p->naliases++] = f;
    }
    (void)ld;
    return true;
}

/* An alias naming two products is an error: an import could not tell
 * which one a row means. */
static enum sp_status check_aliases(struct sp_load *ld,
                                    const struct sp_csv *csv, int col)
{
    struct sp_problem *pb = ld->pb;
    struct sp_strmap seen;
    int p, k, first;
    char *f;
    enum sp_status st = SP_OK;

    if (col < 0)
        return SP_OK;
    sp_strmap_init(&seen);
    for (p = 0; p < pb->nproducts && st == SP_OK; p++)
        for (k = 0; k < pb->products[p].naliases && st == SP_OK; k++) {
            f = sp_name_fold(pb->products[p].aliases[k]);
            if (!f) {
                st = SP_ERR_NOMEM;
                break;
            }
            first = sp_strmap_get(&seen, f);
            if (first >= 0 && first != p)
                sp_load_report_at(
                    ld, 0, csv->name, pb->products[p].line, csv->header[col],
                    NULL,
                    "expected an alias naming one product, got '%s' for "
                    "product '%s' and for product '%s' (line %d)",
                    pb->products[p].aliases[k], pb->products[p].id,
                    pb->products[first].id, pb->products[first].line);
            else if (first < 0 && sp_strmap_put(&seen, f, p) != SP_OK)
                st = SP_ERR_NOMEM;
            free(f);
        }
    sp_strmap_clear(&seen);
    return st != SP_OK ? st : ld->st;
}

enum sp_status sp_import_catalog(struct sp_load *ld, const struct sp_csv *csv)
{
    struct sp_problem *pb = ld->pb;
    int col[NCOLS], k;
    size_t r;

    if (sp_csv_bind(csv, columns, NCOLS, col, ld->opt->verbose, ld->diags) !=
        SP_OK)
        return SP_ERR_NOMEM;
    for (k = 0; k < NCOLS; k++)
        if (columns[k].required && col[k] < 0)
            return SP_OK; /* reported; the rows cannot be read */
    ld->catalog_ok = true;
    pb->products = calloc(csv->nrecords + 1, sizeof(*pb->products));
    if (!pb->products)
        return SP_ERR_NOMEM;
    for (r = 0; r < csv->nrecords && ld->st == SP_OK; r++) {
        struct sp_product *p = &pb->products[pb->nproducts];
        if (csv->records[r].bad) {
            sp_load_bad_record(ld, csv, r, col[COL_PRODUCT], &ld->products);
            continue;
        }
        if (!read_product(ld, csv, r, col, p))
            continue;
        if (sp_strmap_put(&ld->products, p->id, pb->nproducts) != SP_OK) {
            free(p->id);
            free(p->name);
            free(p->covers);
            return SP_ERR_NOMEM;
        }
        pb->nproducts++;
        /* counted first: sp_problem_free frees a part-read list */
        if (!read_aliases(ld, csv, r, col[COL_ALIASES], p)) {
            ld->st = SP_ERR_NOMEM;
            return SP_ERR_NOMEM;
        }
    }
    if (ld->st != SP_OK)
        return ld->st;
    return check_aliases(ld, csv, col[COL_ALIASES]);
}
