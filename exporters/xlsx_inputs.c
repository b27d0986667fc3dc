/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Inputs sheet: the settings, scenarios, catalog, tiers, vendor
 * overheads, clients and inventory the workbook was computed from, so it
 * can be audited without the data folder.
 */
#include <stdio.h>
#include "xlsx_book_int.h"

static const char *const unit_names[SP_UNIT_COUNT] = {"user", "device",
                                                      "server", "tb", "flat"};

/* Writes a section title and its header row; returns the first data row. */
static int section(struct sp_xsheet *s, int row, const char *title,
                   const char *const *names, int n)
{
    int i;

    sp_xs_label(s, row, 0, title, s->fmt->section);
    for (i = 0; i < n; i++)
        sp_xs_str(s, row + 1, i, names[i], s->fmt->header);
    return row + 2;
}

static void categories_text(const struct sp_problem *pb, const int *k, int n,
                            struct sp_xbuf *out)
{
    int i;

    for (i = 0; i < n; i++)
        sp_xbuf_item(out, "; ", pb->categories[k[i]]);
}

/* Writes a text built in a buffer, then frees the buffer. */
static void put_buf(struct sp_xsheet *s, int row, int col, struct sp_xbuf *b)
{
    sp_xs_str(s, row, col, sp_xbuf_str(b), NULL);
    s->nomem = s->nomem || b->nomem;
    sp_xbuf_free(b);
}

static int write_settings(struct sp_xsheet *s, const struct sp_problem *pb,
                          int row)
{
    static const char *const names[] = {"Setting", "Value"};
    const struct sp_settings *st = &pb->settings;
    const struct sp_xfmt *f = s->fmt;
    struct sp_xbuf req = {0};
    char date[11], text[64];

    row = section(s, row, "Settings", names, 2);
    sp_date_format(&st->start_date, date);
    snprintf(text, sizeof(text), "%s%s", date,
             st->start_date_given ? "" : " (today: not given)");
    sp_xs_str(s, row, 0, "start_date", NULL);
    sp_xs_str(s, row++, 1, text, NULL);
    sp_xs_str(s, row, 0, "horizon_months", NULL);
    sp_xs_num(s, row++, 1, st->horizon_months, f->number);
    sp_xs_str(s, row, 0, "labor_rate", NULL);
    sp_xs_num(s, row++, 1, st->labor_rate, f->money);
    sp_xs_str(s, row, 0, "migration_hours_fixed", NULL);
    sp_xs_num(s, row++, 1, st->migration_hours_fixed, f->number);
    sp_xs_str(s, row, 0, "migration_hours_per_unit", NULL);
    sp_xs_num(s, row++, 1, st->migration_hours_per_unit, f->number);
    sp_xs_str(s, row, 0, "markup", NULL);
    sp_xs_num(s, row++, 1, st->markup, f->percent);
    sp_xs_str(s, row, 0, "required", NULL);
    categories_text(pb, st->required, st->nrequired, &req);
    put_buf(s, row++, 1, &req);
    sp_xs_str(s, row, 0, "currency", NULL);
    sp_xs_str(s, row++, 1, st->currency, NULL);
    return row + 2;
}

static void name_list(const struct sp_problem *pb, const int *idx, int n,
                      int kind, struct sp_xbuf *out)
{
    int i;

    for (i = 0; i < n; i++)
        sp_xbuf_item(out, "; ",
                     kind == 0   ? pb->vendors[idx[i]].name
                     : kind == 1 ? pb->products[idx[i]].id
                                 : pb->clients[idx[i]].id);
}

static void price_changes(const struct sp_problem *pb,
                          const struct sp_scenario *sc, struct sp_xbuf *out)
{
    char item[300];
    int i;

    for (i = 0; i < sc->nprice_changes; i++) {
        const struct sp_price_change *pc = &sc->price_changes[i];
        snprintf(item, sizeof(item), "%s %+.4g%%",
                 pc->is_vendor ? pb->vendors[pc->index].name
                               : pb->products[pc->index].id,
                 pc->fraction * 100);
        sp_xbuf_item(out, "; ", item);
    }
}

static int write_scenarios(struct sp_xsheet *s, const struct sp_problem *pb,
                           int row)
{
    static const char *const names[] = {
        "Scenario",        "Horizon (months)",      "Labour rate",
        "Start date",      "Migration hours fixed", "Migration hours per unit",
        "Required",        "Max vendors",           "Require vendors",
        "Exclude vendors", "Exclude products",      "Keep clients",
        "Price change"};
    const struct sp_xfmt *f = s->fmt;
    int i;

    row = section(s, row, "Scenarios (settings resolved)", names, 13);
    for (i = 0; i < pb->nscenarios; i++, row++) {
        const struct sp_scenario *sc = &pb->scenarios[i];
        struct sp_xbuf b = {0};
        char date[11];
        sp_xs_str(s, row, 0, sc->name, NULL);
        sp_xs_num(s, row, 1, sc->settings.horizon_months, f->number);
        sp_xs_num(s, row, 2, sc->settings.labor_rate, f->money);
        sp_date_format(&sc->settings.start_date, date);
        sp_xs_str(s, row, 3, date, NULL);
        sp_xs_num(s, row, 4, sc->settings.migration_hours_fixed, f->number);
        sp_xs_num(s, row, 5, sc->settings.migration_hours_per_unit, f->number);
        categories_text(pb, sc->settings.required, sc->settings.nrequired, &b);
        put_buf(s, row, 6, &b);
        if (sc->max_vendors >= 0)
            sp_xs_num(s, row, 7, sc->max_vendors, f->number);
        name_list(pb, sc->require_vendors, sc->nrequire_vendors, 0, &b);
        put_buf(s, row, 8, &b);
        name_list(pb, sc->exclude_vendors, sc->nexclude_vendors, 0, &b);
        put_buf(s, row, 9, &b);
        name_list(pb, sc->exclude_products, sc->nexclude_products, 1, &b);
        put_buf(s, row, 10, &b);
        name_list(pb, sc->keep_clients, sc->nkeep_clients, 2, &b);
        put_buf(s, row, 11, &b);
        price_changes(pb, sc, &b);
        put_buf(s, row, 12, &b);
    }
    return row + 2;
}

static int write_catalog(struct sp_xsheet *s, const struct sp_problem *pb,
                         int row)
{
    static const char *const names[] = {
        "Product",   "Name",      "Vendor",
        "Unit",      "Covers",    "Price / unit / month",
        "Min units", "Setup fee", "Resale price"};
    const struct sp_xfmt *f = s->fmt;
    int p;

    row = section(s, row, "Catalog", names, 9);
    for (p = 0; p < pb->nproducts; p++, row++) {
        const struct sp_product *pd = &pb->products[p];
        struct sp_xbuf b = {0};
        sp_xs_str(s, row, 0, pd->id, NULL);
        sp_xs_str(s, row, 1, pd->name, NULL);
        sp_xs_str(s, row, 2, pb->vendors[pd->vendor].name, NULL);
        sp_xs_str(s, row, 3, unit_names[pd->unit], NULL);
        categories_text(pb, pd->covers, pd->ncovers, &b);
        put_buf(s, row, 4, &b);
        sp_xs_num(s, row, 5, pd->price, f->price);
        sp_xs_num(s, row, 6, pd->min_units, f->number);
        sp_xs_num(s, row, 7, pd->setup_fee, f->money);
        sp_xs_num(s, row, 8, pd->resale_price, f->price);
    }
    return row + 2;
}

static int write_tiers(struct sp_xsheet *s, const struct sp_problem *pb,
                       int row)
{
    static const char *const names[] = {"Product", "From total units",
                                        "Price / unit / month"};
    int p, t, first = row + 2;

    row = section(s, row, "Volume tiers (all units of the product)", names, 3);
    for (p = 0; p < pb->nproducts; p++) {
        for (t = 0; t < pb->products[p].ntiers; t++, row++) {
            sp_xs_str(s, row, 0, pb->products[p].id, NULL);
            sp_xs_num(s, row, 1, pb->products[p].tiers[t].min_units,
                      s->fmt->number);
            sp_xs_num(s, row, 2, pb->products[p].tiers[t].price,
                      s->fmt->price);
        }
    }
    if (row == first)
        sp_xs_label(s, row++, 0, "None.", s->fmt->note);
    return row + 2;
}

static int write_vendor_inputs(struct sp_xsheet *s,
                               const struct sp_problem *pb, int row)
{
    static const char *const names[] = {
        "Vendor", "Monthly fee", "Admin hours / month", "Min commit / month"};
    int v;

    row = section(s, row, "Vendor overheads", names, 4);
    for (v = 0; v < pb->nvendors; v++, row++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        sp_xs_str(s, row, 0, vd->name, NULL);
        sp_xs_num(s, row, 1, vd->monthly_fee, s->fmt->money);
        sp_xs_num(s, row, 2, vd->admin_hours, s->fmt->number);
        sp_xs_num(s, row, 3, vd->min_commit, s->fmt->money);
    }
    return row + 2;
}

static int write_clients(struct sp_xsheet *s, const struct sp_problem *pb,
                         int row)
{
    static const char *const names[] = {
        "Client", "Name", "Users", "Devices", "Servers", "TB", "Requires"};
    int c, u;

    row = section(s, row, "Clients", names, 7);
    for (c = 0; c < pb->nclients; c++, row++) {
        const struct sp_client *cl = &pb->clients[c];
        struct sp_xbuf b = {0};
        sp_xs_str(s, row, 0, cl->id, NULL);
        sp_xs_str(s, row, 1, cl->name, NULL);
        for (u = 0; u < 4; u++)
            sp_xs_num(s, row, 2 + u, cl->count[u], s->fmt->number);
        if (cl->nrequires > 0)
            categories_text(pb, cl->requires, cl->nrequires, &b);
        else
            sp_xbuf_add(&b, "(settings)");
        put_buf(s, row, 6, &b);
    }
    return row + 2;
}

static int write_inventory(struct sp_xsheet *s, const struct sp_problem *pb,
                           int row)
{
    static const char *const names[] = {
        "Client",       "Product",         "Units",     "Monthly cost",
        "Contract end", "Termination fee", "In catalog"};
    const struct sp_xfmt *f = s->fmt;
    int i;

    row = section(s, row, "Inventory (the current stack)", names, 7);
    for (i = 0; i < pb->nholdings; i++, row++) {
        const struct sp_holding *h = &pb->holdings[i];
        char date[11];
        sp_xs_str(s, row, 0, pb->clients[h->client].id, NULL);
        sp_xs_str(s, row, 1, h->product_id, NULL);
        if (h->has_units)
            sp_xs_num(s, row, 2, h->units, f->number);
        if (h->has_monthly_cost)
            sp_xs_num(s, row, 3, h->monthly_cost, f->money);
        if (h->has_contract_end) {
            sp_date_format(&h->contract_end, date);
            sp_xs_str(s, row, 4, date, NULL);
        }
        if (h->has_termination_fee)
            sp_xs_num(s, row, 5, h->termination_fee, f->money);
        sp_xs_str(s, row, 6, h->product >= 0 ? "yes" : "no (unmapped)", NULL);
    }
    return row;
}

void sp_xbook_write_inputs(struct sp_xbook *b)
{
    struct sp_xsheet *s = &b->inputs;
    const struct sp_problem *pb = b->pb;
    char line[512];
    int row = 3;

    sp_xs_label(s, 0, 0, "Inputs", b->fmt.title);
    snprintf(line, sizeof(line), "Read from %s",
             pb->dir ? pb->dir : "(memory)");
    sp_xs_label(s, 1, 0, line, b->fmt.subtitle);
    sp_xs_label(s, 2, 0,
                "For reference: these are the files as read; editing them "
                "here changes nothing. The what-if inputs are on the Prices "
                "sheet.",
                b->fmt.note);
    row = write_settings(s, pb, row);
    row = write_scenarios(s, pb, row);
    row = write_catalog(s, pb, row);
    row = write_tiers(s, pb, row);
    row = write_vendor_inputs(s, pb, row);
    /* a big book's clients and inventory are for filtering, not paper */
    if (pb->nclients > SP_PRINT_MAX_CLIENTS)
        sp_xs_print_to(s, row - 1);
    sp_xs_page_break(s, row);
    row = write_clients(s, pb, row);
    sp_xs_page_break(s, row);
    write_inventory(s, pb, row);
    worksheet_freeze_panes(s->ws, 1, 0);
    sp_xs_finish(s, -1);
}
