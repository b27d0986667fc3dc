/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clients.csv: one row per client (docs/formats.md). */
#include <stdlib.h>
#include <string.h>
#include "importers_int.h"

enum {
    COL_CLIENT,
    COL_NAME,
    COL_USERS,
    COL_DEVICES,
    COL_SERVERS,
    COL_TB,
    COL_REQUIRES,
    COL_FRAMEWORKS,
    NCOLS
};

static const struct sp_csv_column columns[NCOLS] = {
    [COL_CLIENT] = {"client", true},
    [COL_NAME] = {"name", false},
    [COL_USERS] = {"users", false},
    [COL_DEVICES] = {"devices", false},
    [COL_SERVERS] = {"servers", false},
    [COL_TB] = {"tb", false},
    [COL_REQUIRES] = {"requires", false},
    [COL_FRAMEWORKS] = {"frameworks", false},
};

/* Every category a client requires must be covered by some product: the
 * model could never satisfy it (docs/formats.md: an input error). */
static void check_covered(struct sp_load *ld, const struct sp_csv *csv,
                          size_t r, int col, const struct sp_client *c)
{
    int i;

    if (!ld->catalog_clean)
        return;
    for (i = 0; i < c->nrequires; i++)
        if (!sp_load_covered(ld, c->requires[i]))
            sp_load_report(ld, 0, csv, r, col,
                           "client '%s' requires category '%s', which no "
                           "product in catalog.csv covers",
                           c->id, ld->pb->categories[c->requires[i]]);
}

static bool read_client(struct sp_load *ld, const struct sp_csv *csv, size_t r,
                        const int *col, struct sp_client *c)
{
    static const int count_col[4] = {COL_USERS, COL_DEVICES, COL_SERVERS,
                                     COL_TB};
    const char *id, *name;
    int first, u;
    enum sp_status st;

    memset(c, 0, sizeof(*c));
    c->line = csv->records[r].line;
    id = sp_load_id(ld, csv, r, col[COL_CLIENT], "a client id");
    if (id && (first = sp_strmap_get(&ld->clients, id)) != -1) {
        sp_load_report(ld, 0, csv, r, col[COL_CLIENT],
                       "expected a unique client id, got '%s' again (first "
                       "on line %d)",
                       id,
                       first >= 0 ? ld->pb->clients[first].line
                                  : csv->records[r].line);
        id = NULL;
    }
    /* SP_UNIT_USER .. SP_UNIT_TB are the four count columns in order. */
    for (u = 0; u < 4; u++)
        sp_load_number(ld, csv, r, col[count_col[u]], SP_NUMBER_NONNEG, false,
                       0, &c->count[u]);
    c->count[SP_UNIT_FLAT] = 1;
    st = sp_load_categories(ld, csv, r, col[COL_REQUIRES], &c->requires,
                            &c->nrequires);
    if (st == SP_ERR_NOMEM ||
        sp_load_frameworks(ld, csv, r, col[COL_FRAMEWORKS], &c->frameworks,
                           &c->nframeworks) != SP_OK) {
        free(c->requires);
        free(c->frameworks);
        return false;
    }
    if (!id) {
        free(c->frameworks);
        free(c->requires);
        c->requires = NULL;
        return false;
    }
    name = sp_csv_field(csv, r, col[COL_NAME]);
    c->id = strdup(id);
    c->name = strdup(name[0] ? name : id);
    if (!c->id || !c->name) {
        ld->st = SP_ERR_NOMEM;
        free(c->id);
        free(c->name);
        free(c->requires);
        free(c->frameworks);
        return false;
    }
    check_covered(ld, csv, r, col[COL_REQUIRES], c);
    return true;
}

enum sp_status sp_import_clients(struct sp_load *ld, const struct sp_csv *csv)
{
    struct sp_problem *pb = ld->pb;
    int col[NCOLS];
    size_t r;

    if (sp_csv_bind(csv, columns, NCOLS, col, ld->opt->verbose, ld->diags) !=
        SP_OK)
        return SP_ERR_NOMEM;
    if (col[COL_CLIENT] < 0)
        return SP_OK; /* reported */
    ld->clients_ok = true;
    pb->clients = calloc(csv->nrecords + 1, sizeof(*pb->clients));
    if (!pb->clients)
        return SP_ERR_NOMEM;
    for (r = 0; r < csv->nrecords && ld->st == SP_OK; r++) {
        struct sp_client *c = &pb->clients[pb->nclients];
        if (csv->records[r].bad) {
            sp_load_bad_record(ld, csv, r, col[COL_CLIENT], &ld->clients);
            continue;
        }
        if (!read_client(ld, csv, r, col, c))
            continue;
        if (sp_strmap_put(&ld->clients, c->id, pb->nclients) != SP_OK) {
            free(c->id);
            free(c->name);
            free(c->requires);
            free(c->frameworks);
            return SP_ERR_NOMEM;
        }
        pb->nclients++;
    }
    return ld->st;
}
