/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One export read through its profile (docs/import.md): each field takes
 * the first of its headers whose cell is non-empty in the row; then the
 * skip rules (status, end date on or before --as-of, zero units), the
 * dates, the cost and price, and the product match.  Clients, sums and
 * the first-file-wins rule are import.c's.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import_int.h"

struct bound {
    int col[SP_F_COUNT]
           [SP_IMPORT_MAXH]; /* file column per listed header, -1 */
    int n[SP_F_COUNT];
};

struct rctx {
    const struct sp_import_reader *rd;
    const struct sp_csv *csv;
    const struct bound *b;
    sp_diags *diags;
    bool nomem;
};

static void rreport(struct rctx *c, int line, int col, const char *msg)
{
    if (sp_diags_add(c->diags, 0, c->csv->name, line,
                     col >= 0 ? c->csv->header[col] : NULL, NULL,
                     msg) != SP_OK)
        c->nomem = true;
}

/* The headers of the file, quoted, for a message. */
static void header_list(const struct sp_csv *csv, char *buf, size_t size)
{
    size_t o = 0;
    int i, k;

    buf[0] = '\0';
    for (i = 0; i < csv->ncols && o + 8 < size; i++) {
        k = snprintf(buf + o, size - o, "%s'%s'", i ? ", " : "",
                     csv->header[i]);
        if (k < 0 || (size_t)k >= size - o) {
            snprintf(buf + (o < size - 5 ? o : size - 5), 5, "...");
            return;
        }
        o += (size_t)k;
    }
}

/* The profile's headers of field f: "'A' or 'B'". */
static void field_headers(const struct sp_import_profile *p, int f, char *buf,
                          size_t size)
{
    size_t o = 0;
    int k, w;

    buf[0] = '\0';
    for (k = 0; k < p->nheaders[f] && o < size; k++) {
        w = snprintf(buf + o, size - o, "%s'%s'",
                     k == 0 ? "" : (k + 1 == p->nheaders[f] ? " or " : ", "),
                     p->headers[f][k]);
        if (w < 0)
            return;
        o += (size_t)w;
    }
}

/* Finds the profile's headers in the file; false when a required field
 * has none (reported). */
static bool bind(struct rctx *c, struct bound *b)
{
    const struct sp_import_profile *p = c->rd->profile;
    const struct sp_csv *csv = c->csv;
    char msg[2048], have[1200], want[512], *norm;
    int f, k, i, hit;
    bool ok = true, any;

    memset(b, 0, sizeof(*b));
    for (f = 0; f < SP_F_COUNT; f++) {
        b->n[f] =
            p->nheaders[f] < SP_IMPORT_MAXH ? p->nheaders[f] : SP_IMPORT_MAXH;
        for (k = 0; k < b->n[f]; k++) {
            b->col[f][k] = -1;
            norm = sp_name_normalize(p->headers[f][k]);
            if (!norm) {
                c->nomem = true;
                return false;
            }
            hit = 0;
            for (i = 0; i < csv->ncols; i++) {
                if (strcmp(csv->norm[i], norm) != 0)
                    continue;
                if (hit++ == 0) {
                    b->col[f][k] = i;
                    continue;
                }
                snprintf(msg, sizeof(msg),
                         "expected once in the header, got it again as "
                         "column %d",
                         i + 1);
                rreport(c, csv->header_line, i, msg);
                ok = false;
            }
            free(norm);
        }
    }
    header_list(csv, have, sizeof(have));
    for (f = 0; f < SP_F_COUNT; f++) {
        if (f != SP_F_CLIENT && f != SP_F_PRODUCT && f != SP_F_UNITS &&
            f != SP_F_MONTHLY_COST)
            continue;
        any = false;
        for (k = 0; k < b->n[f]; k++)
            any = any || b->col[f][k] >= 0;
        if (f == SP_F_MONTHLY_COST)
            for (k = 0; k < b->n[SP_F_UNIT_COST]; k++)
                any = any || b->col[SP_F_UNIT_COST][k] >= 0;
        if (any)
            continue;
        if (f == SP_F_MONTHLY_COST) {
            char w2[256];
            field_headers(p, SP_F_MONTHLY_COST, want, sizeof(want));
            field_headers(p, SP_F_UNIT_COST, w2, sizeof(w2));
            snprintf(msg, sizeof(msg),
                     "required column is missing from the header: profile "
                     "%s reads the cost from %s%s%s%s%s; the header has %s",
                     p->file, want, want[0] ? " (monthly_cost)" : "",
                     want[0] && w2[0] ? " or " : "", w2,
                     w2[0] ? " (unit_cost, times the units)" : "", have);
        } else {
            field_headers(p, f, want, sizeof(want));
            snprintf(msg, sizeof(msg),
                     "required column is missing from the header: profile "
                     "%s reads the field '%s' from %s; the header has %s",
                     p->file, sp_import_field_name(f), want, have);
        }
        if (sp_diags_add(c->diags, 0, csv->name, csv->header_line,
                         p->nheaders[f] ? p->headers[f][0]
                         : p->nheaders[SP_F_UNIT_COST]
                             ? p->headers[SP_F_UNIT_COST][0]
                             : NULL,
                         NULL, msg) != SP_OK)
            c->nomem = true;
        ok = false;
    }
    return ok;
}

/* The cell of field f in record r: the first listed header whose cell is
 * non-empty; "" (and *col -1) when none. */
static const char *cell(const struct rctx *c, size_t r, int f, int *col)
{
    const char *s;
    int k;

    *col = -1;
    for (k = 0; k < c->b->n[f]; k++) {
        if (c->b->col[f][k] < 0)
            continue;
        s = sp_csv_field(c->csv, r, c->b->col[f][k]);
        if (s[0]) {
            *col = c->b->col[f][k];
            return s;
        }
    }
    /* name the first present column in messages about an empty cell */
    for (k = 0; k < c->b->n[f]; k++)
        if (c->b->col[f][k] >= 0) {
            *col = c->b->col[f][k];
            break;
        }
    return "";
}

/* A number cell, credits negative, within the bound of what it becomes
 * (docs/formats.md "Bounds": "units" or money); false (reported) when it
 * cannot be read or is out of bounds. */
static bool number(struct rctx *c, size_t r, int col, const char *s,
                   const char *bound, double *out)
{
    char msg[256], got[96];
    const char *shown;
    double max = sp_bound_max(bound, &shown);

    if (sp_number_read(s, c->csv->delim, SP_NUMBER_ANY, out, msg,
                       sizeof(msg)) != SP_NUMBER_OK) {
        rreport(c, c->csv->records[r].line, col, msg);
        return false;
    }
    if (fabs(*out) <= max)
        return true;
    sp_quote_value(s, got, sizeof(got));
    snprintf(msg, sizeof(msg), "expected a number from -%s to %s, got %s",
             shown, shown, got);
    rreport(c, c->csv->records[r].line, col, msg);
    return false;
}

/* A date cell; false (reported) when it cannot be read. */
static bool date(struct rctx *c, size_t r, int col, const char *s,
                 struct sp_date *out)
{
    enum sp_import_date_result res;
    enum sp_date_order order = c->rd->profile->date_order;
    char msg[256], got[96];

    res = sp_import_date_parse(s, order, out);
    if (res == SP_IDATE_OK)
        return true;
    sp_quote_value(s, got, sizeof(got));
    if (res == SP_IDATE_TWO_DIGIT_YEAR)
        snprintf(msg, sizeof(msg),
                 "expected a date %s with a four-digit year, got %s",
                 sp_import_date_form(order), got);
    else if (order == SP_DATE_YMD)
        snprintf(msg, sizeof(msg), "expected a date YYYY-MM-DD, got %s", got);
    else
        snprintf(msg, sizeof(msg), "expected a date %s or YYYY-MM-DD, got %s",
                 sp_import_date_form(order), got);
    rreport(c, c->csv->records[r].line, col, msg);
    return false;
}

/* A billing term that implies a contract end date. */
static bool is_term(const char *s)
{
    static const char *const terms[] = {
        "annual",  "annually", "yearly", "1_year", "2_year", "3_year",
        "2_years", "3_years",  "1_yr",   "2_yr",   "3_yr"};
    char *n = sp_name_normalize(s);
    size_t k;
    bool hit = false;

    if (!n)
        return false;
    for (k = 0; k < sizeof(terms) / sizeof(terms[0]) && !hit; k++)
        hit = strcmp(n, terms[k]) == 0;
    free(n);
    return hit;
}

/* Money of the row: the monthly field, else the unit field x units. */
static bool money(struct rctx *c, size_t r, int monthly, int unit,
                  double units, double *out, bool *has)
{
    const char *s;
    int col;
    double v;

    *has = false;
    s = cell(c, r, monthly, &col);
    if (s[0]) {
        if (!number(c, r, col, s, "monthly_cost", out))
            return false;
        *has = true;
        return true;
    }
    s = cell(c, r, unit, &col);
    if (s[0]) {
        if (!number(c, r, col, s, "monthly_cost", &v))
            return false;
        *out = v * units;
        *has = true;
    }
    return true;
}

static bool has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return true;
    return false;
}

/* Reads record r into row; false when it has an error (reported). */
static bool read_row(struct rctx *c, size_t r, struct sp_import_row *row)
{
    const struct sp_import_profile *p = c->rd->profile;
    const char *s;
    char *st = NULL;
    int col, k, line = c->csv->records[r].line;
    bool ok = true;

    row->company = cell(c, r, SP_F_CLIENT, &col);
    row->source = cell(c, r, SP_F_PRODUCT, &col);
    s = cell(c, r, SP_F_STATUS, &col);
    if (s[0]) {
        st = sp_name_fold(s);
        if (!st) {
            c->nomem = true;
            return false;
        }
        for (k = 0; k < p->nskip; k++)
            if (strcmp(st, p->skip_status[k]) == 0) {
                row->skip = SP_SKIP_STATUS;
                row->status = s;
            }
        free(st);
        if (row->skip)
            return true;
    }
    s = cell(c, r, SP_F_END, &col);
    if (s[0]) {
        /* a bad date is reported; the rest of the row still is read, so
         * that one run lists every error */
        if (!date(c, r, col, s, &row->end))
            ok = false;
        else if (sp_date_cmp(&row->end, &c->rd->as_of) <= 0) {
            row->skip = SP_SKIP_ENDED;
            return true;
        }
    }
    s = cell(c, r, SP_F_UNITS, &col);
    if (s[0] == '\0') {
        rreport(c, line, col,
                "expected a number of units, got an empty "
                "field");
        ok = false;
    } else if (!number(c, r, col, s, "units", &row->units)) {
        ok = false;
    } else if (row->units == 0 && ok) {
        row->skip = SP_SKIP_ZERO;
        return true;
    }
    if (row->company[0] == '\0') {
        cell(c, r, SP_F_CLIENT, &col);
        rreport(c, line, col, "expected a company name, got an empty field");
        ok = false;
    }
    if (row->source[0] == '\0') {
        cell(c, r, SP_F_PRODUCT, &col);
        rreport(c, line, col, "expected a product, got an empty field");
        ok = false;
    }
    s = cell(c, r, SP_F_CONTRACT_END, &col);
    if (s[0]) {
        if (date(c, r, col, s, &row->contract_end))
            row->has_contract_end = true;
        else
            ok = false;
    }
    if (!money(c, r, SP_F_MONTHLY_COST, SP_F_UNIT_COST, row->units, &row->cost,
               &row->has_cost) ||
        !money(c, r, SP_F_MONTHLY_PRICE, SP_F_UNIT_PRICE, row->units,
               &row->price, &row->has_price))
        ok = false;
    if (!ok)
        return false;
    /* An end date after --as-of: the line bills until then. */
    if (!row->has_contract_end && cell(c, r, SP_F_END, &col)[0]) {
        /* (read without error above) */
        row->contract_end = row->end;
        row->has_contract_end = true;
    }
    s = cell(c, r, SP_F_BILLING_TERM, &col);
    row->term_no_end = s[0] && !row->has_contract_end && is_term(s);
    row->key = sp_name_fold(row->source);
    if (!row->key) {
        c->nomem = true;
        return false;
    }
    row->product =
        sp_import_match_find(c->rd->match, row->key, &row->factor, &row->how);
    if (row->how == SP_MATCH_IGNORED)
        row->skip = SP_SKIP_MAP;
    if (row->product < 0 && !row->skip && has_control(row->source)) {
        /* an unmapped row is written under its source name, an id */
        char got[96], msg[256];
        sp_quote_value(row->source, got, sizeof(got));
        snprintf(msg, sizeof(msg),
                 "expected a product name without control characters (an "
                 "unmapped row keeps it as its product id), got %s",
                 got);
        cell(c, r, SP_F_PRODUCT, &col);
        rreport(c, line, col, msg);
        return false;
    }
    return true;
}

enum sp_status sp_import_read(const struct sp_import_reader *rd,
                              const struct sp_csv *csv,
                              struct sp_import_row **rows, size_t *nrows,
                              size_t *cap, sp_diags *diags)
{
    struct rctx c;
    struct bound b;
    size_t r;
    struct sp_import_row *row;

    memset(&c, 0, sizeof(c));
    c.rd = rd;
    c.csv = csv;
    c.b = &b;
    c.diags = diags;
    if (!bind(&c, &b))
        return c.nomem ? SP_ERR_NOMEM : SP_OK;
    for (r = 0; r < csv->nrecords && !c.nomem; r++) {
        if (*nrows == *cap) {
            size_t cap2 = *cap ? *cap * 2 : 256;
            struct sp_import_row *grown =
                realloc(*rows, cap2 * sizeof(**rows));
            if (!grown)
                return SP_ERR_NOMEM;
            *rows = grown;
            *cap = cap2;
        }
        row = &(*rows)[*nrows];
        memset(row, 0, sizeof(*row));
        row->file = rd->file;
        row->line = csv->records[r].line;
        row->factor = 1;
        row->product = -1;
        row->client = -1;
        row->group = -1;
        (*nrows)++;
        /* a record libcsv could not read was reported by sp_csv_parse */
        if (!csv->records[r].bad)
            read_row(&c, r, row);
    }
    return c.nomem ? SP_ERR_NOMEM : SP_OK;
}
