/* SPDX-License-Identifier: GPL-3.0-or-later */
/* inventory.csv: the current stack, one row per client and product
 * (docs/formats.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import_int.h"

enum {
    COL_CLIENT,
    COL_PRODUCT,
    COL_UNITS,
    COL_MONTHLY_COST,
    COL_CONTRACT_END,
    COL_TERMINATION_FEE,
    COL_MONTHLY_PRICE,
    NCOLS
};

static const struct sp_csv_column columns[NCOLS] = {
    [COL_CLIENT] = {"client", true},
    [COL_PRODUCT] = {"product", true},
    [COL_UNITS] = {"units", false},
    [COL_MONTHLY_COST] = {"monthly_cost", false},
    [COL_CONTRACT_END] = {"contract_end", false},
    [COL_TERMINATION_FEE] = {"termination_fee", false},
    [COL_MONTHLY_PRICE] = {"monthly_price", false},
};

/* s folded, without white space: "M365 bp" and "m365bp" compare equal. */
static char *squeeze(const char *s)
{
    char *f = sp_name_fold(s), *o, *p;

    if (!f)
        return NULL;
    for (o = p = f; *p; p++)
        if (*p != ' ')
            *o++ = *p;
    *o = '\0';
    return f;
}

/* The catalog id that product differs from only in case or spacing;
 * NULL when none (or out of memory: a hint is not worth failing for). */
static const char *near_id(const struct sp_load *ld, const char *product)
{
    char *want = squeeze(product), *have;
    const char *hit = NULL;
    int p;

    for (p = 0; want && p < ld->pb->nproducts && !hit; p++) {
        have = squeeze(ld->pb->products[p].id);
        if (have && strcmp(have, want) == 0)
            hit = ld->pb->products[p].id;
        free(have);
    }
    free(want);
    return hit;
}

/* The rows kept so far by client and product id, for the one-row-per-
 * pair check: an open-addressing table of row indices, 4 bytes a slot,
 * where a copied "client/product" key per row cost five times the row. */
struct pairs {
    int *slot; /* row index, -1 = empty */
    size_t cap, count;
};

static size_t pair_hash(int c, const char *product)
{
    uint64_t h = 14695981039346656037ULL ^ (uint64_t)(unsigned)c;

    for (; *product; product++) {
        h ^= (unsigned char)*product;
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 29));
}

/* The slot of (c, product): the row's, or the empty one it would take. */
static size_t pair_slot(const struct pairs *s, const struct sp_problem *pb,
                        int c, const char *product)
{
    size_t i = pair_hash(c, product) & (s->cap - 1);
    const struct sp_holding *h;

    while (s->slot[i] >= 0) {
        h = &pb->holdings[s->slot[i]];
        if (h->client == c && strcmp(h->product_id, product) == 0)
            break;
        i = (i + 1) & (s->cap - 1);
    }
    return i;
}

static int pairs_find(const struct pairs *s, const struct sp_problem *pb,
                      int c, const char *product)
{
    return s->cap ? s->slot[pair_slot(s, pb, c, product)] : -1;
}

/* Adds row k (kept, with its client and product id set). */
static bool pairs_add(struct pairs *s, const struct sp_problem *pb, int k)
{
    struct pairs big;
    size_t i;

    if ((s->count + 1) * 4 > s->cap * 3) {
        big.cap = s->cap ? s->cap * 2 : 64;
        big.count = s->count;
        big.slot = malloc(big.cap * sizeof(int));
        if (!big.slot)
            return false;
        memset(big.slot, 0xff, big.cap * sizeof(int)); /* all -1 */
        for (i = 0; i < s->cap; i++)
            if (s->slot[i] >= 0)
                big.slot[pair_slot(&big, pb, pb->holdings[s->slot[i]].client,
                                   pb->holdings[s->slot[i]].product_id)] =
                    s->slot[i];
        free(s->slot);
        *s = big;
    }
    s->slot[pair_slot(s, pb, pb->holdings[k].client,
                      pb->holdings[k].product_id)] = k;
    s->count++;
    return true;
}

/* Reads one row; false when it is not kept. */
static bool read_holding(struct sp_load *ld, const struct sp_csv *csv,
                         size_t r, const int *col, const struct pairs *seen,
                         struct sp_holding *h)
{
    const char *client, *product, *end;
    char got[96];
    int c = -1, p = -1, first;
    bool keep = true;

    memset(h, 0, sizeof(*h));
    h->line = csv->records[r].line;
    client = sp_load_id(ld, csv, r, col[COL_CLIENT], "a client id");
    product = sp_load_id(ld, csv, r, col[COL_PRODUCT], "a product id");
    if (client) {
        c = sp_strmap_get(&ld->clients, client);
        if (c == -1 && ld->clients_ok)
            sp_load_report(ld, 0, csv, r, col[COL_CLIENT],
                           "client '%s' is not in clients.csv", client);
        keep = c >= 0;
    }
    if (product) {
        p = sp_strmap_get(&ld->products, product);
        if (p == -1 && ld->catalog_ok && keep) {
            /* Unmapped: the model ignores the row (docs/formats.md). */
            const char *near = near_id(ld, product);
            char hint[256] = "";
            if (near)
                snprintf(hint, sizeof(hint), "; did you mean '%s'?", near);
            if (ld->opt->strict)
                sp_load_report(ld, 0, csv, r, col[COL_PRODUCT],
                               "product '%s' is not in catalog.csv "
                               "(unmapped rows are errors with --strict)%s",
                               product, hint);
            else
                sp_load_report(ld, 1, csv, r, col[COL_PRODUCT],
                               "product '%s' is not in catalog.csv; the row "
                               "is ignored (unmapped)%s",
                               product, hint);
        }
        if (p < -1 || !ld->catalog_ok)
            keep = false;
    }
    if (keep && client && product) {
        /* one row per client and product (added once kept) */
        first = pairs_find(seen, ld->pb, c, product);
        if (first >= 0) {
            sp_load_report(ld, 0, csv, r, col[COL_PRODUCT],
                           "expected one row per client and product, got "
                           "client '%s' with product '%s' again (first on "
                           "line %d)",
                           client, product, ld->pb->holdings[first].line);
            keep = false;
        }
    }
    h->has_units = sp_load_number(ld, csv, r, col[COL_UNITS], SP_NUMBER_NONNEG,
                                  false, 0, &h->units);
    h->has_monthly_cost =
        sp_load_number(ld, csv, r, col[COL_MONTHLY_COST], SP_NUMBER_NONNEG,
                       false, 0, &h->monthly_cost);
    h->has_termination_fee =
        sp_load_number(ld, csv, r, col[COL_TERMINATION_FEE], SP_NUMBER_NONNEG,
                       false, 0, &h->termination_fee);
    h->has_monthly_price =
        sp_load_number(ld, csv, r, col[COL_MONTHLY_PRICE], SP_NUMBER_NONNEG,
                       false, 0, &h->monthly_price);
    end = sp_csv_field(csv, r, col[COL_CONTRACT_END]);
    if (end[0]) {
        h->has_contract_end = sp_date_parse(end, &h->contract_end);
        if (!h->has_contract_end) {
            sp_quote_value(end, got, sizeof(got));
            sp_load_report(ld, 0, csv, r, col[COL_CONTRACT_END],
                           "expected a date YYYY-MM-DD, got %s", got);
        }
    }
    if (!keep || !client || !product || ld->st != SP_OK)
        return false;
    h->client = c;
    h->product = p >= 0 ? p : -1;
    h->product_id = strdup(product);
    if (!h->product_id) {
        ld->st = SP_ERR_NOMEM;
        return false;
    }
    return true;
}

/* Gives each client the indices of its rows. */
static enum sp_status link_clients(struct sp_problem *pb)
{
    int i, c, *next;

    for (i = 0; i < pb->nholdings; i++)
        pb->clients[pb->holdings[i].client].nholdings++;
    /* one block for all (a malloc per client cost 32 bytes for a row of
     * 4): each client's part of it in turn */
    pb->holdings_block = malloc(((size_t)pb->nholdings + 1) * sizeof(int));
    if (!pb->holdings_block)
        return SP_ERR_NOMEM;
    next = pb->holdings_block;
    for (c = 0; c < pb->nclients; c++) {
        if (pb->clients[c].nholdings == 0)
            continue;
        pb->clients[c].holdings = next;
        next += pb->clients[c].nholdings;
        pb->clients[c].nholdings = 0;
    }
    for (i = 0; i < pb->nholdings; i++) {
        struct sp_client *cl = &pb->clients[pb->holdings[i].client];
        cl->holdings[cl->nholdings++] = i;
    }
    return SP_OK;
}

static bool no_mapped_row(const struct sp_problem *pb)
{
    int i;

    for (i = 0; i < pb->nholdings; i++)
        if (pb->holdings[i].product >= 0)
            return false;
    return true;
}

enum sp_status sp_import_inventory(struct sp_load *ld,
                                   const struct sp_csv *csv)
{
    struct sp_problem *pb = ld->pb;
    struct pairs seen = {NULL, 0, 0};
    int col[NCOLS];
    size_t r;
    enum sp_status st;

    st = sp_csv_bind(csv, columns, NCOLS, col, ld->opt->verbose, ld->diags);
    if (st != SP_OK || col[COL_CLIENT] < 0 || col[COL_PRODUCT] < 0)
        goto cleanup;
    pb->holdings = calloc(csv->nrecords + 1, sizeof(*pb->holdings));
    if (!pb->holdings) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    for (r = 0; r < csv->nrecords && ld->st == SP_OK; r++)
        if (!csv->records[r].bad &&
            read_holding(ld, csv, r, col, &seen,
                         &pb->holdings[pb->nholdings]) &&
            !pairs_add(&seen, pb, pb->nholdings++))
            ld->st = SP_ERR_NOMEM;
    st = ld->st;
    if (st == SP_OK)
        st = link_clients(pb);
    if (st == SP_OK && pb->nholdings > 0 && no_mapped_row(pb))
        /* every row ignored would cost a baseline of 0 (docs/import.md) */
        sp_load_report_at(ld, 0, csv->name, 0, NULL, NULL,
                          "expected at least one row naming a catalog "
                          "product, got %d rows and none mapped; map the "
                          "products with 'stackplan import --product-map "
                          "FILE' or an 'aliases' column in catalog.csv",
                          pb->nholdings);

cleanup:
    free(seen.slot);
    return st;
}
