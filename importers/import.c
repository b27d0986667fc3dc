/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sp_import_run: the rules of docs/import.md, in order.
 *
 *   1. the catalog (with its aliases), the settings of scenarios.json,
 *      the product map, the client map;
 *   2. every export through its profile (import_read.c): skips by
 *      status, end date and zero units, dates, money, product match;
 *   3. in --from order, row by row: the row's client (client map, else a
 *      slug of the company name, -2, -3 on collisions), its group (one
 *      client and one product within one file: summed), or "also in
 *      FILE" when an earlier file has the pair;
 *   4. groups netted (a negative total is an error), counts per client
 *      (largest units per unit, then --counts), "no device count" lines;
 *   5. the folder, written as a whole or not at all (import_write.c).
 *
 * Every error of every file is reported before giving up; nothing is
 * written when there is one.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cjson/cJSON.h>
#include "import_int.h"

struct iclient {
    char *id;
    const char *name; /* as first seen; owned by an export's csv */
    double count[4];  /* users, devices, servers, tb */
};

struct igroup {
    int file, client, product; /* product -1 = unmapped */
    const char *source;        /* the written name of an unmapped row */
    double units, cost, price;
    bool all_cost, all_price, has_end, netted;
    struct sp_date end;
    int nrows, head_line;
};

struct imp {
    const struct sp_import_options *opt;
    sp_diags *diags;
    struct sp_load ld;
    struct sp_load_options lo;
    struct sp_problem *pb; /* the catalog */
    char *catalog_data;
    size_t catalog_len;
    struct sp_import_match match;
    struct sp_import_profile **profiles;
    struct sp_csv **csvs;
    char **datas;
    char **names; /* base names of the exports */
    struct sp_import_row *rows;
    size_t nrows, caprows;
    struct iclient *clients;
    int nclients, capclients;
    struct igroup *groups;
    int ngroups, capgroups;
    struct sp_strmap by_name, by_id, reserved, cmap, group_of;
    char **cmap_ids;
    int ncmap;
    struct sp_date as_of;
    bool *required; /* per category */
    char currency[16];
    bool nomem;
};

static void diag(struct imp *im, const char *file, int line,
                 const char *column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void diag(struct imp *im, const char *file, int line,
                 const char *column, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (sp_diags_add(im->diags, 0, file, line, column, NULL, msg) != SP_OK)
        im->nomem = true;
}

static char *path_join(const char *dir, const char *base)
{
    char *p = malloc(strlen(dir) + strlen(base) + 2);

    if (p)
        sprintf(p, "%s/%s", dir, base);
    return p;
}

/* Reads a whole input file; false (reported, or nomem) when it cannot. */
static bool read_input(struct imp *im, const char *path, const char *what,
                       char **data, size_t *len)
{
    enum sp_status st = sp_file_read(path, data, len);
    int err = errno;

    if (st == SP_OK)
        return true;
    if (st == SP_ERR_NOMEM) {
        im->nomem = true;
        return false;
    }
    diag(im, sp_path_base(path), 0, NULL, "cannot read the %s: %s", what,
         sp_file_error(err));
    return false;
}

/* ---- 1. catalog, settings, maps --------------------------------------- */

static void read_catalog(struct imp *im)
{
    char *path = path_join(im->opt->catalog_dir, "catalog.csv");
    struct sp_csv *csv = NULL;
    struct stat sb;

    if (!path) {
        im->nomem = true;
        return;
    }
    if (stat(im->opt->catalog_dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        diag(im, im->opt->catalog_dir, 0, NULL,
             "--catalog: expected a folder holding catalog.csv");
    else if (stat(path, &sb) != 0 && errno == ENOENT)
        diag(im, "catalog.csv", 0, NULL,
             "required file is missing from the catalog folder %s",
             im->opt->catalog_dir);
    else if (read_input(im, path, "catalog", &im->catalog_data,
                        &im->catalog_len)) {
        enum sp_status st = sp_csv_parse(im->catalog_data, im->catalog_len,
                                         "catalog.csv", &csv, im->diags);
        if (st == SP_OK)
            st = sp_import_catalog(&im->ld, csv);
        if (st == SP_ERR_NOMEM)
            im->nomem = true;
    }
    sp_csv_free(csv);
    free(path);
}

/* start_date, required and currency of CATALOG_DIR/scenarios.json. */
static void read_settings(struct imp *im)
{
    char *path = path_join(im->opt->catalog_dir, "scenarios.json");
    char *data = NULL;
    size_t len, k;
    cJSON *root = NULL;
    const cJSON *set, *v, *item;
    struct stat sb;
    static const char *const defaults[] = {"email", "endpoint", "backup"};
    int cat;
    bool given = false;
    char *norm;

    im->required = calloc((size_t)im->pb->ncategories + 1, sizeof(bool));
    if (!path || !im->required) {
        im->nomem = true;
        goto cleanup;
    }
    im->as_of = sp_date_today();
    if (lstat(path, &sb) != 0 && errno == ENOENT)
        goto defaults;
    if (!read_input(im, path, "settings", &data, &len))
        goto cleanup;
    root = cJSON_ParseWithLengthOpts(data, len + 1, NULL, 1);
    if (!root) {
        diag(im, "scenarios.json", 0, NULL,
             "expected JSON (see docs/formats.md), got a syntax error");
        goto cleanup;
    }
    set = cJSON_GetObjectItemCaseSensitive(root, "settings");
    v = cJSON_GetObjectItemCaseSensitive(set, "start_date");
    if (cJSON_IsString(v) && !sp_date_parse(v->valuestring, &im->as_of))
        diag(im, "scenarios.json", 0, NULL,
             "settings: start_date: expected a date YYYY-MM-DD, got \"%s\"",
             v->valuestring);
    v = cJSON_GetObjectItemCaseSensitive(set, "currency");
    if (cJSON_IsString(v))
        snprintf(im->currency, sizeof(im->currency), "%s", v->valuestring);
    v = cJSON_GetObjectItemCaseSensitive(set, "required");
    cJSON_ArrayForEach(item, v)
    {
        if (!cJSON_IsString(item))
            continue;
        norm = sp_name_normalize(item->valuestring);
        if (!norm) {
            im->nomem = true;
            goto cleanup;
        }
        cat = sp_problem_find_category(im->pb, norm);
        free(norm);
        given = true;
        if (cat >= 0)
            im->required[cat] = true;
    }

defaults:
    for (k = 0; !given && k < 3; k++) {
        cat = sp_problem_find_category(im->pb, defaults[k]);
        if (cat >= 0)
            im->required[cat] = true;
    }

cleanup:
    cJSON_Delete(root);
    free(data);
    free(path);
}

/* Ids written to clients.csv must be readable as ids. */
static bool id_ok(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return false;
    return true;
}

static void read_client_map(struct imp *im)
{
    static const struct sp_csv_column cols[2] = {{"name", true},
                                                 {"client", true}};
    const char *path = im->opt->client_map, *name, *id;
    char *data = NULL, *key = NULL, got[96];
    size_t len, r;
    struct sp_csv *csv = NULL;
    int col[2], first;

    if (!read_input(im, path, "client map", &data, &len))
        return;
    if (sp_csv_parse(data, len, sp_path_base(path), &csv, im->diags) != SP_OK)
        goto cleanup;
    if (sp_csv_bind(csv, cols, 2, col, false, im->diags) != SP_OK) {
        im->nomem = true;
        goto cleanup;
    }
    if (col[0] < 0 || col[1] < 0)
        goto cleanup;
    im->cmap_ids = calloc(csv->nrecords + 1, sizeof(char *));
    if (!im->cmap_ids) {
        im->nomem = true;
        goto cleanup;
    }
    for (r = 0; r < csv->nrecords && !im->nomem; r++) {
        int line = csv->records[r].line;
        if (csv->records[r].bad)
            continue;
        name = sp_csv_field(csv, r, col[0]);
        id = sp_csv_field(csv, r, col[1]);
        if (!name[0])
            diag(im, csv->name, line, csv->header[col[0]],
                 "expected a company name, got an empty field");
        if (!id[0])
            diag(im, csv->name, line, csv->header[col[1]],
                 "expected a client id, got an empty field");
        else if (!id_ok(id)) {
            sp_quote_value(id, got, sizeof(got));
            diag(im, csv->name, line, csv->header[col[1]],
                 "expected a client id without control characters, got %s",
                 got);
            continue;
        }
        if (!name[0] || !id[0])
            continue;
        key = sp_name_fold(name);
        if (!key) {
            im->nomem = true;
            break;
        }
        first = sp_strmap_get(&im->cmap, key);
        if (first >= 0) {
            sp_quote_value(name, got, sizeof(got));
            diag(im, csv->name, line, csv->header[col[0]],
                 "expected one row per company name, got %s again", got);
        } else if (!(im->cmap_ids[im->ncmap] = strdup(id)) ||
                   sp_strmap_put(&im->cmap, key, im->ncmap) != SP_OK ||
                   sp_strmap_put(&im->reserved, id, 0) != SP_OK) {
            im->nomem = true;
        } else {
            im->ncmap++;
        }
        free(key);
        key = NULL;
    }

cleanup:
    sp_csv_free(csv);
    free(data);
}

/* ---- 2. the exports --------------------------------------------------- */

static void read_exports(struct imp *im)
{
    const struct sp_import_options *o = im->opt;
    struct sp_import_reader rd;
    size_t len;
    int i;
    enum sp_status st;

    for (i = 0; i < o->nsources && !im->nomem; i++) {
        if (!read_input(im, o->sources[i].path, "export", &im->datas[i], &len))
            continue;
        st = sp_csv_parse(im->datas[i], len, im->names[i], &im->csvs[i],
                          im->diags);
        if (st == SP_ERR_NOMEM)
            im->nomem = true;
        if (st != SP_OK)
            continue;
        rd.profile = im->profiles[i];
        rd.as_of = im->as_of;
        rd.match = &im->match;
        rd.file = i;
        if (sp_import_read(&rd, im->csvs[i], &im->rows, &im->nrows,
                           &im->caprows, im->diags) != SP_OK)
            im->nomem = true;
    }
}

/* ---- 3. clients and groups -------------------------------------------- */

static int new_client(struct imp *im, char *id, const char *name)
{
    struct iclient *grown;
    int c = im->nclients;

    if (c == im->capclients) {
        int cap = c ? c * 2 : 64;
        grown = realloc(im->clients, (size_t)cap * sizeof(*grown));
        if (!grown)
            goto nomem;
        im->clients = grown;
        im->capclients = cap;
    }
    memset(&im->clients[c], 0, sizeof(im->clients[c]));
    im->clients[c].id = id;
    im->clients[c].name = name;
    if (sp_strmap_put(&im->by_id, id, c) != SP_OK)
        goto nomem;
    im->nclients++;
    return c;

nomem:
    free(id);
    im->nomem = true;
    return -1;
}

/* The client of a company name: one already seen under an equal name,
 * else the client map's id, else a free slug. */
static int client_of(struct imp *im, const char *company)
{
    char *key = sp_name_fold(company), *id = NULL, *slug = NULL;
    int c = -1, m, k;

    if (!key)
        goto nomem;
    c = sp_strmap_get(&im->by_name, key);
    if (c >= 0)
        goto done;
    m = sp_strmap_get(&im->cmap, key);
    if (m >= 0) {
        c = sp_strmap_get(&im->by_id, im->cmap_ids[m]);
        if (c < 0) {
            id = strdup(im->cmap_ids[m]);
            if (!id)
                goto nomem;
            c = new_client(im, id, company);
        }
    } else {
        slug = sp_slug(company);
        if (!slug)
            goto nomem;
        id = malloc(strlen(slug) + 16);
        if (!id)
            goto nomem;
        strcpy(id, slug);
        for (k = 2; sp_strmap_get(&im->by_id, id) >= 0 ||
                    sp_strmap_get(&im->reserved, id) >= 0;
             k++)
            sprintf(id, "%s-%d", slug, k);
        c = new_client(im, id, company);
    }
    if (c < 0)
        goto nomem;
    if (sp_strmap_put(&im->by_name, key, c) != SP_OK)
        goto nomem;

done:
    free(key);
    free(slug);
    return c;

nomem:
    im->nomem = true;
    free(key);
    free(slug);
    return -1;
}

static int group_for(struct imp *im, struct sp_import_row *row)
{
    char *key;
    int g;
    size_t n = strlen(row->key) + 32;
    struct igroup *grown;

    key = malloc(n);
    if (!key)
        goto nomem;
    if (row->product >= 0)
        snprintf(key, n, "%d\x1fP%d", row->client, row->product);
    else
        snprintf(key, n, "%d\x1fU%s", row->client, row->key);
    g = sp_strmap_get(&im->group_of, key);
    if (g >= 0) {
        free(key);
        return g;
    }
    if (im->ngroups == im->capgroups) {
        int cap = im->capgroups ? im->capgroups * 2 : 256;
        grown = realloc(im->groups, (size_t)cap * sizeof(*grown));
        if (!grown)
            goto nomem;
        im->groups = grown;
        im->capgroups = cap;
    }
    g = im->ngroups;
    memset(&im->groups[g], 0, sizeof(im->groups[g]));
    im->groups[g].file = row->file;
    im->groups[g].client = row->client;
    im->groups[g].product = row->product;
    im->groups[g].source = row->source;
    im->groups[g].all_cost = im->groups[g].all_price = true;
    im->groups[g].head_line = row->line;
    if (sp_strmap_put(&im->group_of, key, g) != SP_OK)
        goto nomem;
    im->ngroups++;
    free(key);
    return g;

nomem:
    free(key);
    im->nomem = true;
    return -1;
}

static void assign(struct imp *im)
{
    size_t i;
    struct sp_import_row *row;
    struct igroup *g;
    int k;

    for (i = 0; i < im->nrows && !im->nomem; i++) {
        row = &im->rows[i];
        if (row->skip)
            continue;
        row->client = client_of(im, row->company);
        if (row->client < 0)
            return;
        k = group_for(im, row);
        if (k < 0)
            return;
        g = &im->groups[k];
        row->group = k;
        if (g->file != row->file) {
            row->skip = SP_SKIP_ALSO_IN;
            continue;
        }
        g->nrows++;
        g->units += row->units * row->factor;
        if (row->has_cost)
            g->cost += row->cost;
        else
            g->all_cost = false;
        if (row->has_price)
            g->price += row->price;
        else
            g->all_price = false;
        if (row->has_contract_end &&
            (!g->has_end || sp_date_cmp(&row->contract_end, &g->end) > 0)) {
            g->end = row->contract_end;
            g->has_end = true;
        }
    }
}

/* Sums of decimals: a credit that cancels a line leaves 1e-16, not 0. */
static double tidy(double v)
{
    return fabs(v) < 1e-9 ? 0 : v;
}

static const char *written_product(const struct imp *im,
                                   const struct igroup *g)
{
    return g->product >= 0 ? im->pb->products[g->product].id : g->source;
}

/* ---- 4. netting and counts -------------------------------------------- */

/* The first of a group's written sums above its bound, what it is in *v:
 * what is written must load (docs/formats.md "Bounds"), and while each
 * row is within them, a sum or the product map's factor may not be. */
static const char *over_bound(const struct igroup *g, double *v)
{
    double units = sp_bound_max("units", NULL);
    double money = sp_bound_max("monthly_cost", NULL);

    *v = g->units;
    if (!(g->units <= units))
        return "1e6 units";
    *v = g->cost;
    if (g->all_cost && !(g->cost <= money))
        return "a monthly cost of 1e9";
    *v = g->price;
    if (g->all_price && !(g->price <= money))
        return "a monthly price of 1e9";
    return NULL;
}

static void net(struct imp *im)
{
    size_t i;
    int k;
    struct igroup *g;
    const char *what;
    double v;

    for (k = 0; k < im->ngroups; k++) {
        g = &im->groups[k];
        g->units = tidy(g->units);
        g->cost = tidy(g->cost);
        g->price = tidy(g->price);
        if (g->units < 0)
            diag(im, im->names[g->file], g->head_line, NULL,
                 "expected the rows of client '%s' and product '%s' to net "
                 "to 0 units or more, got %.15g (a credit larger than the "
                 "lines it corrects)",
                 im->clients[g->client].id, written_product(im, g), g->units);
        else if (g->units == 0)
            g->netted = true;
        else if ((what = over_bound(g, &v)) != NULL)
            diag(im, im->names[g->file], g->head_line, NULL,
                 "expected the rows of client '%s' and product '%s' to add "
                 "up to at most %s, got %.15g",
                 im->clients[g->client].id, written_product(im, g), what, v);
        else if ((g->all_cost && g->cost < 0) ||
                 (g->all_price && g->price < 0))
            diag(im, im->names[g->file], g->head_line, NULL,
                 "expected the rows of client '%s' and product '%s' to net "
                 "to a monthly %s of 0 or more, got %.15g",
                 im->clients[g->client].id, written_product(im, g),
                 g->all_cost && g->cost < 0 ? "cost" : "price",
                 g->all_cost && g->cost < 0 ? g->cost : g->price);
    }
    for (i = 0; i < im->nrows; i++)
        if (!im->rows[i].skip && im->groups[im->rows[i].group].netted)
            im->rows[i].skip = SP_SKIP_NETTED;
}

static void derive_counts(struct imp *im)
{
    int k;
    const struct igroup *g;
    enum sp_unit u;
    double *c;

    for (k = 0; k < im->ngroups; k++) {
        g = &im->groups[k];
        if (g->netted || g->product < 0)
            continue;
        u = im->pb->products[g->product].unit;
        if (u == SP_UNIT_FLAT)
            continue;
        c = &im->clients[g->client].count[u];
        if (g->units > *c)
            *c = g->units;
    }
}

static void read_counts(struct imp *im)
{
    static const struct sp_csv_column cols[5] = {{"client", true},
                                                 {"users", false},
                                                 {"devices", false},
                                                 {"servers", false},
                                                 {"tb", false}};
    const char *path = im->opt->counts, *who, *shown;
    char *data = NULL, *key, got[96];
    size_t len, r;
    struct sp_csv *csv = NULL;
    int col[5], c, u;
    double v;

    if (!read_input(im, path, "counts file", &data, &len))
        return;
    if (sp_csv_parse(data, len, sp_path_base(path), &csv, im->diags) != SP_OK)
        goto cleanup;
    if (sp_csv_bind(csv, cols, 5, col, false, im->diags) != SP_OK) {
        im->nomem = true;
        goto cleanup;
    }
    if (col[0] < 0)
        goto cleanup;
    for (r = 0; r < csv->nrecords && !im->nomem; r++) {
        int line = csv->records[r].line;
        if (csv->records[r].bad)
            continue;
        who = sp_csv_field(csv, r, col[0]);
        if (!who[0]) {
            diag(im, csv->name, line, csv->header[col[0]],
                 "expected a client id or company name, got an empty "
                 "field");
            continue;
        }
        c = sp_strmap_get(&im->by_id, who);
        if (c < 0) {
            key = sp_name_fold(who);
            if (!key) {
                im->nomem = true;
                break;
            }
            c = sp_strmap_get(&im->by_name, key);
            free(key);
        }
        if (c < 0) {
            sp_quote_value(who, got, sizeof(got));
            diag(im, csv->name, line, csv->header[col[0]],
                 "expected a client id or company name of the exports, "
                 "got %s",
                 got);
            continue;
        }
        for (u = 0; u < 4; u++) {
            char msg[256];
            const char *s = sp_csv_field(csv, r, col[u + 1]);
            enum sp_number_result nr;
            if (col[u + 1] < 0 || !s[0])
                continue;
            nr = sp_number_read(s, csv->delim, SP_NUMBER_NONNEG, &v, msg,
                                sizeof(msg));
            if (nr == SP_NUMBER_OK &&
                v > sp_bound_max(cols[u + 1].name, &shown)) {
                sp_quote_value(s, got, sizeof(got));
                diag(im, csv->name, line, csv->header[col[u + 1]],
                     "expected a number of at most %s, got %s", shown, got);
            } else if (nr == SP_NUMBER_OK)
                im->clients[c].count[u] = v;
            else
                diag(im, csv->name, line, csv->header[col[u + 1]], "%s", msg);
        }
    }

cleanup:
    sp_csv_free(csv);
    free(data);
}

/* ---- 5. writing ------------------------------------------------------- */

static const char *const unit_names[4] = {"user", "device", "server", "tb"};

/* The "no device count" line of client c for unit u into buf; false when
 * no candidate product is priced in u. */
static bool count_note(const struct imp *im, int c, int u, const int *head,
                       const int *next, char *buf, size_t size)
{
    const struct sp_problem *pb = im->pb;
    bool *cat = calloc((size_t)pb->ncategories + 1, sizeof(bool));
    bool *current = calloc((size_t)pb->nproducts + 1, sizeof(bool));
    bool any = false, cand;
    int p, k, g;
    size_t o;

    if (!cat || !current) {
        free(cat);
        free(current);
        return false;
    }
    for (g = head[c]; g >= 0; g = next[g])
        if (im->groups[g].product >= 0 && !im->groups[g].netted)
            current[im->groups[g].product] = true;
    for (p = 0; p < pb->nproducts; p++) {
        if ((int)pb->products[p].unit != u)
            continue;
        cand = current[p];
        for (k = 0; k < pb->products[p].ncovers && !cand; k++)
            cand = im->required[pb->products[p].covers[k]];
        if (!cand)
            continue;
        for (k = 0; k < pb->products[p].ncovers; k++) {
            int kk = pb->products[p].covers[k];
            if (current[p] || im->required[kk]) {
                cat[kk] = true;
                any = true;
            }
        }
    }
    if (any) {
        o = (size_t)snprintf(buf, size, "no %s count: ", unit_names[u]);
        for (k = 0, g = 0; k < pb->ncategories && o < size; k++)
            if (cat[k])
                o += (size_t)snprintf(buf + o, size - o, "%s%s",
                                      g++ ? ", " : "", pb->categories[k]);
        if (o < size)
            snprintf(buf + o, size - o,
                     " products would be priced at min_units");
    }
    free(cat);
    free(current);
    return any;
}

static void put_reason(FILE *f, const struct imp *im,
                       const struct sp_import_row *row)
{
    char buf[1024], d[11];
    size_t o = 0;
    const struct igroup *g;

#define ADD(...)                                                              \
    do {                                                                      \
        if (o < sizeof(buf))                                                  \
            o += (size_t)snprintf(buf + o, sizeof(buf) - o, __VA_ARGS__);     \
    } while (0)
    buf[0] = '\0';
    switch (row->skip) {
    case SP_SKIP_STATUS:
        ADD("status %s", row->status);
        break;
    case SP_SKIP_ENDED:
        sp_date_format(&row->end, d);
        ADD("ended %s", d);
        break;
    case SP_SKIP_ZERO:
        ADD("zero units");
        break;
    case SP_SKIP_MAP:
        ADD("ignored by map");
        break;
    case SP_SKIP_ALSO_IN:
        ADD("also in %s", im->names[im->groups[row->group].file]);
        break;
    case SP_SKIP_NETTED:
        ADD("credit nets the units to 0");
        break;
    case SP_SKIP_NONE:
        g = &im->groups[row->group];
        ADD("%s", row->how == SP_MATCH_MAP     ? "by product map"
                  : row->how == SP_MATCH_ALIAS ? "by alias"
                  : row->how == SP_MATCH_ID    ? "by id"
                  : row->how == SP_MATCH_NAME  ? "by name"
                                               : "not in the catalog");
        if (row->factor != 1)
            ADD("; units x %.15g", row->factor);
        if (row->units < 0)
            ADD("; credit");
        if (g->nrows > 1 && row->line == g->head_line)
            ADD("; summed (%d rows)", g->nrows);
        else if (g->nrows > 1)
            ADD("; summed into line %d", g->head_line);
        if (!g->all_cost)
            ADD("; no cost");
        if (row->term_no_end)
            ADD("; term without end date");
        break;
    }
#undef ADD
    sp_csv_put(f, buf);
}

static enum sp_status write_report(struct imp *im, struct sp_outdir *out,
                                   struct sp_import_summary *sum, char *err,
                                   size_t errsize)
{
    FILE *f = sp_outdir_open(out, "import-report.csv", err, errsize);
    const struct sp_import_row *row;
    const char *sugg;
    char line[16], note[1024];
    size_t i;
    int c, u, g, *head = NULL, *next = NULL;
    enum sp_status st;

    if (!f)
        return SP_ERR_IO;
    /* each client's groups, for the count notes (linear, not clients x
     * groups) */
    head = malloc(((size_t)im->nclients + 1) * sizeof(int));
    next = malloc(((size_t)im->ngroups + 1) * sizeof(int));
    if (!head || !next) {
        free(head);
        free(next);
        fclose(f);
        return SP_ERR_NOMEM;
    }
    for (c = 0; c < im->nclients; c++)
        head[c] = -1;
    for (g = im->ngroups - 1; g >= 0; g--) {
        next[g] = head[im->groups[g].client];
        head[im->groups[g].client] = g;
    }
    fputs("file,line,status,client,product,reason,suggestions\n", f);
    for (i = 0; i < im->nrows; i++) {
        row = &im->rows[i];
        sp_csv_put(f, im->names[row->file]);
        fprintf(f, ",%d,%s,", row->line,
                row->skip           ? "skipped"
                : row->product >= 0 ? "mapped"
                                    : "unmapped");
        if (row->client >= 0)
            sp_csv_put(f, im->clients[row->client].id);
        fputc(',', f);
        sp_csv_put(f, row->product >= 0 ? im->pb->products[row->product].id
                                        : row->source);
        fputc(',', f);
        put_reason(f, im, row);
        fputc(',', f);
        if (!row->skip && row->product < 0) {
            sugg = sp_import_match_suggest(&im->match, row->key);
            if (!sugg) {
                free(head);
                free(next);
                fclose(f);
                return SP_ERR_NOMEM;
            }
            sp_csv_put(f, sugg);
        }
        fputc('\n', f);
    }
    for (c = 0; c < im->nclients; c++)
        for (u = 0; u < 4; u++) {
            if (im->clients[c].count[u] > 0 ||
                !count_note(im, c, u, head, next, note, sizeof(note)))
                continue;
            snprintf(line, sizeof(line), "%d", c + 2);
            fprintf(f, "clients.csv,%s,warning,", line);
            sp_csv_put(f, im->clients[c].id);
            fputs(",,", f);
            sp_csv_put(f, note);
            fputs(",\n", f);
            sum->count_warnings++;
        }
    free(head);
    free(next);
    st = sp_outdir_close(out, f, "import-report.csv", err, errsize);
    return st;
}

static enum sp_status write_clients(struct imp *im, struct sp_outdir *out,
                                    char *err, size_t errsize)
{
    FILE *f = sp_outdir_open(out, "clients.csv", err, errsize);
    int c, u;

    if (!f)
        return SP_ERR_IO;
    fputs("client,name,users,devices,servers,tb\n", f);
    for (c = 0; c < im->nclients; c++) {
        sp_csv_put(f, im->clients[c].id);
        fputc(',', f);
        sp_csv_put(f, im->clients[c].name);
        for (u = 0; u < 4; u++) {
            fputc(',', f);
            sp_csv_put_number(f, im->clients[c].count[u]);
        }
        fputc('\n', f);
    }
    return sp_outdir_close(out, f, "clients.csv", err, errsize);
}

static enum sp_status write_inventory(struct imp *im, struct sp_outdir *out,
                                      int *nrows, char *err, size_t errsize)
{
    FILE *f = sp_outdir_open(out, "inventory.csv", err, errsize);
    const struct igroup *g;
    char d[11];
    int k;

    if (!f)
        return SP_ERR_IO;
    fputs("client,product,units,monthly_cost,monthly_price,contract_end\n", f);
    for (k = 0; k < im->ngroups; k++) {
        g = &im->groups[k];
        if (g->netted)
            continue;
        (*nrows)++;
        sp_csv_put(f, im->clients[g->client].id);
        fputc(',', f);
        sp_csv_put(f, written_product(im, g));
        fputc(',', f);
        sp_csv_put_number(f, g->units);
        fputc(',', f);
        if (g->all_cost)
            sp_csv_put_number(f, g->cost);
        fputc(',', f);
        if (g->all_price)
            sp_csv_put_number(f, g->price);
        fputc(',', f);
        if (g->has_end) {
            sp_date_format(&g->end, d);
            fputs(d, f);
        }
        fputc('\n', f);
    }
    return sp_outdir_close(out, f, "inventory.csv", err, errsize);
}

/* Copies CATALOG_DIR/name byte for byte when it exists. */
static enum sp_status copy_file(struct imp *im, struct sp_outdir *out,
                                const char *name, char *err, size_t errsize)
{
    char *path = path_join(im->opt->catalog_dir, name), *data = NULL;
    size_t len;
    struct stat sb;
    FILE *f;
    enum sp_status st = SP_OK;

    if (!path)
        return SP_ERR_NOMEM;
    if (lstat(path, &sb) != 0 && errno == ENOENT)
        goto cleanup;
    if (strcmp(name, "catalog.csv") == 0) {
        data = im->catalog_data;
        len = im->catalog_len;
    } else if (sp_file_read(path, &data, &len) != SP_OK) {
        snprintf(err, errsize, "%s: cannot read it: %s", path,
                 sp_file_error(errno));
        st = SP_ERR_INPUT;
        goto cleanup;
    }
    f = sp_outdir_open(out, name, err, errsize);
    if (!f) {
        st = SP_ERR_IO;
        goto cleanup;
    }
    fwrite(data, 1, len, f);
    st = sp_outdir_close(out, f, name, err, errsize);

cleanup:
    if (data != im->catalog_data)
        free(data);
    free(path);
    return st;
}

static enum sp_status write_folder(struct imp *im, const char *out_dir,
                                   struct sp_import_summary *sum, char *err,
                                   size_t errsize)
{
    static const char *const copies[] = {"catalog.csv", "vendors.csv",
                                         "tiers.csv", "controls.csv",
                                         "scenarios.json"};
    struct sp_outdir out;
    size_t k;
    enum sp_status st;

    st = sp_outdir_begin(&out, out_dir, err, errsize);
    if (st == SP_OK)
        st = write_clients(im, &out, err, errsize);
    if (st == SP_OK)
        st = write_inventory(im, &out, &sum->inventory_rows, err, errsize);
    if (st == SP_OK)
        st = write_report(im, &out, sum, err, errsize);
    for (k = 0; k < sizeof(copies) / sizeof(copies[0]) && st == SP_OK; k++)
        st = copy_file(im, &out, copies[k], err, errsize);
    if (st == SP_OK)
        st = sp_outdir_commit(&out, err, errsize);
    sp_outdir_abort(&out);
    return st;
}

/* ---- the summary ------------------------------------------------------ */

static void count_rows(const struct imp *im, struct sp_import_summary *sum)
{
    const struct sp_import_row *row;
    struct sp_import_counts *c;
    size_t i;
    int k;

    for (i = 0; i < im->nrows; i++) {
        row = &im->rows[i];
        c = &sum->count[row->file];
        c->rows++;
        if (row->skip)
            c->skipped++;
        else if (row->product >= 0)
            c->mapped++;
        else {
            c->unmapped++;
            if (row->has_cost)
                c->unmapped_monthly += row->cost;
        }
    }
    for (k = 0; k < sum->nfiles; k++) {
        sum->total.rows += sum->count[k].rows;
        sum->total.mapped += sum->count[k].mapped;
        sum->total.unmapped += sum->count[k].unmapped;
        sum->total.skipped += sum->count[k].skipped;
        sum->total.unmapped_monthly += sum->count[k].unmapped_monthly;
    }
    sum->clients = im->nclients;
}

void sp_import_summary_free(struct sp_import_summary *self)
{
    int k;

    if (!self)
        return;
    for (k = 0; k < self->nfiles; k++)
        free(self->files[k]);
    free(self->files);
    free(self->count);
    free(self);
}

static struct sp_import_summary *summary_new(const struct imp *im)
{
    struct sp_import_summary *s = calloc(1, sizeof(*s));
    int k, n = im->opt->nsources;

    if (!s)
        return NULL;
    s->files = calloc((size_t)n, sizeof(char *));
    s->count = calloc((size_t)n, sizeof(*s->count));
    if (!s->files || !s->count) {
        sp_import_summary_free(s);
        return NULL;
    }
    s->nfiles = n;
    for (k = 0; k < n; k++)
        if (!(s->files[k] = strdup(im->names[k]))) {
            sp_import_summary_free(s);
            return NULL;
        }
    sp_date_format(&im->as_of, s->as_of);
    snprintf(s->currency, sizeof(s->currency), "%s", im->currency);
    return s;
}

/* ---- the run ---------------------------------------------------------- */

/* Whether dir holds anything but regular files (and links to them). */
static bool holds_folder(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    struct stat sb;
    char *p;
    bool found = false;

    if (!d)
        return false;
    while (!found && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        p = path_join(dir, e->d_name);
        found = !p || (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode));
        free(p);
    }
    closedir(d);
    return found;
}

/* The output folder may not exist (unless force), may not be the
 * catalog folder, and with force may hold no folder of its own (it is
 * replaced as a whole). */
static enum sp_status check_out_dir(const char *out_dir,
                                    const struct sp_import_options *o,
                                    char *err, size_t errsize)
{
    struct stat sb, cb;

    if (lstat(out_dir, &sb) != 0)
        return SP_OK;
    if (!o->force) {
        snprintf(err, errsize,
                 "%s exists; give --force to replace it, or another "
                 "OUT_DIR",
                 out_dir);
        return SP_ERR_USAGE;
    }
    if (!S_ISDIR(sb.st_mode)) {
        snprintf(err, errsize, "%s exists and is not a folder", out_dir);
        return SP_ERR_USAGE;
    }
    if (stat(o->catalog_dir, &cb) == 0 && cb.st_dev == sb.st_dev &&
        cb.st_ino == sb.st_ino) {
        snprintf(err, errsize,
                 "%s is the catalog folder; write the import elsewhere",
                 out_dir);
        return SP_ERR_USAGE;
    }
    if (holds_folder(out_dir)) {
        snprintf(err, errsize,
                 "%s holds a folder; --force replaces only a folder of "
                 "files (remove it, or give another OUT_DIR)",
                 out_dir);
        return SP_ERR_USAGE;
    }
    return SP_OK;
}

/* An input inside the folder --force would replace. */
static enum sp_status check_inputs(const char *out_dir,
                                   const struct sp_import_options *o,
                                   char *err, size_t errsize)
{
    const char *paths[3] = {o->product_map, o->client_map, o->counts};
    struct stat ob, db;
    char *dir;
    const char *p, *slash;
    int i, n = o->nsources + 3;

    if (stat(out_dir, &ob) != 0)
        return SP_OK;
    for (i = 0; i < n; i++) {
        p = i < o->nsources ? o->sources[i].path : paths[i - o->nsources];
        if (!p)
            continue;
        slash = strrchr(p, '/');
        dir = slash ? strndup(p, (size_t)(slash - p + (slash == p)))
                    : strdup(".");
        if (!dir)
            return SP_ERR_NOMEM;
        if (stat(dir, &db) == 0 && db.st_dev == ob.st_dev &&
            db.st_ino == ob.st_ino) {
            snprintf(err, errsize,
                     "%s holds the input %s; --force would remove it", out_dir,
                     p);
            free(dir);
            return SP_ERR_USAGE;
        }
        free(dir);
    }
    return SP_OK;
}

static void imp_free(struct imp *im)
{
    size_t i;
    int k;

    for (i = 0; i < im->nrows; i++)
        free(im->rows[i].key);
    free(im->rows);
    for (k = 0; k < im->nclients; k++)
        free(im->clients[k].id);
    free(im->clients);
    free(im->groups);
    for (k = 0; k < im->ncmap; k++)
        free(im->cmap_ids[k]);
    free(im->cmap_ids);
    for (k = 0; k < im->opt->nsources; k++) {
        if (im->profiles)
            sp_import_profile_free(im->profiles[k]);
        if (im->csvs)
            sp_csv_free(im->csvs[k]);
        if (im->datas)
            free(im->datas[k]);
    }
    free(im->profiles);
    free(im->csvs);
    free(im->datas);
    free(im->names);
    free(im->required);
    free(im->catalog_data);
    sp_import_match_free(&im->match);
    sp_strmap_clear(&im->by_name);
    sp_strmap_clear(&im->by_id);
    sp_strmap_clear(&im->reserved);
    sp_strmap_clear(&im->cmap);
    sp_strmap_clear(&im->group_of);
    sp_strmap_clear(&im->ld.products);
    sp_strmap_clear(&im->ld.clients);
    sp_strmap_clear(&im->ld.vendors);
    sp_problem_free(im->pb);
}

/* SP_ERR_INPUT when diags hold errors beyond `before`. */
static enum sp_status status_of(const struct imp *im, size_t before)
{
    if (im->nomem)
        return SP_ERR_NOMEM;
    return sp_diags_errors(im->diags) > before ? SP_ERR_INPUT : SP_OK;
}

enum sp_status sp_import_run(const char *out_dir,
                             const struct sp_import_options *o,
                             struct sp_import_summary **summary,
                             sp_diags *diags, char *err, size_t errsize)
{
    struct imp im;
    struct sp_import_summary *sum = NULL;
    size_t before;
    int k, mapped = 0, kept = 0;
    enum sp_status st;

    if (summary)
        *summary = NULL;
    if (errsize)
        err[0] = '\0';
    if (!out_dir || !o || !o->catalog_dir || o->nsources < 1 || !diags)
        return SP_ERR_USAGE;
    memset(&im, 0, sizeof(im));
    im.opt = o;
    im.diags = diags;
    before = sp_diags_errors(diags);
    sp_strmap_init(&im.by_name);
    sp_strmap_init(&im.by_id);
    sp_strmap_init(&im.reserved);
    sp_strmap_init(&im.cmap);
    sp_strmap_init(&im.group_of);
    sp_strmap_init(&im.ld.products);
    sp_strmap_init(&im.ld.clients);
    sp_strmap_init(&im.ld.vendors);
    st = check_out_dir(out_dir, o, err, errsize);
    if (st == SP_OK)
        st = check_inputs(out_dir, o, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    if (o->as_of && !sp_date_parse(o->as_of, &im.as_of)) {
        snprintf(err, errsize, "--as-of: expected a date YYYY-MM-DD, got '%s'",
                 o->as_of);
        st = SP_ERR_USAGE;
        goto cleanup;
    }
    im.profiles = calloc((size_t)o->nsources, sizeof(*im.profiles));
    im.csvs = calloc((size_t)o->nsources, sizeof(*im.csvs));
    im.datas = calloc((size_t)o->nsources, sizeof(*im.datas));
    im.names = calloc((size_t)o->nsources, sizeof(*im.names));
    im.pb = calloc(1, sizeof(*im.pb));
    if (!im.profiles || !im.csvs || !im.datas || !im.names || !im.pb ||
        !(im.pb->dir = strdup(o->catalog_dir))) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    for (k = 0; k < o->nsources; k++) {
        im.names[k] = (char *)sp_path_base(o->sources[k].path);
        st = sp_import_profile_load(o->sources[k].profile, o->profiles_dir,
                                    &im.profiles[k], diags, err, errsize);
        if (st == SP_ERR_INPUT)
            st = SP_OK; /* reported; the other files are still read */
        if (st != SP_OK)
            goto cleanup;
    }

    /* 1. */
    im.ld.pb = im.pb;
    im.ld.opt = &im.lo;
    im.ld.diags = diags;
    read_catalog(&im);
    if (im.ld.st != SP_OK)
        im.nomem = true;
    st = status_of(&im, before);
    if (st != SP_OK)
        goto cleanup;
    read_settings(&im);
    if (o->as_of)
        sp_date_parse(o->as_of, &im.as_of);
    if (sp_import_match_init(&im.match, im.pb) != SP_OK)
        im.nomem = true;
    if (!im.nomem && o->product_map &&
        sp_import_match_read_map(&im.match, o->product_map, diags) != SP_OK)
        im.nomem = true;
    if (!im.nomem && o->client_map)
        read_client_map(&im);
    for (k = 0; k < o->nsources; k++)
        if (!im.profiles[k])
            break;
    st = status_of(&im, before);
    if (st != SP_OK || k < o->nsources) {
        if (st == SP_OK)
            st = SP_ERR_INPUT;
        goto cleanup;
    }

    /* 2., 3., 4. */
    read_exports(&im);
    st = status_of(&im, before);
    if (st != SP_OK)
        goto cleanup;
    assign(&im);
    if (!im.nomem)
        net(&im);
    st = status_of(&im, before);
    if (st != SP_OK)
        goto cleanup;
    for (k = 0; k < im.ngroups; k++) {
        if (im.groups[k].netted)
            continue;
        kept++;
        mapped += im.groups[k].product >= 0;
    }
    if (kept == 0) {
        diag(&im, "inventory.csv", 0, NULL,
             "expected at least one row to import, got none (%zu rows "
             "read, all skipped: see the profile's skip_status and "
             "--as-of)",
             im.nrows);
    } else if (mapped == 0) {
        diag(&im, "inventory.csv", 0, NULL,
             "expected at least one row naming a catalog product, got %d "
             "rows and none mapped; map the products with --product-map "
             "FILE or an 'aliases' column in catalog.csv",
             kept);
    }
    derive_counts(&im);
    if (!im.nomem && o->counts)
        read_counts(&im);
    st = status_of(&im, before);
    if (st != SP_OK)
        goto cleanup;

    /* 5. */
    sum = summary_new(&im);
    if (!sum) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    count_rows(&im, sum);
    st = write_folder(&im, out_dir, sum, err, errsize);
    if (st == SP_OK && summary) {
        *summary = sum;
        sum = NULL;
    }

cleanup:
    sp_import_summary_free(sum);
    imp_free(&im);
    return st;
}
