/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The largest value each number of a data folder may hold
 * (docs/formats.md "Bounds").  A double carries a sum of such values to
 * the cent, and H x price x units x (1 + price_change) with every
 * factor at its bound is about 1e23, far from overflow; past them GLPK
 * meets infinities and ends the process, and the writers cast them to
 * int.  No MSP comes near these numbers.
 */
#include <string.h>
#include "importers_int.h"

struct bound {
    const char *name; /* normalised column name or scenarios.json key */
    double max;
    const char *shown; /* as messages write it */
};

static const struct bound bounds[] = {
    /* unit counts: users, devices, ..., billed units, per client or row;
     * tier minimums count the whole book.  A million users is no small
     * business; past that the tier rows' coefficients span so many
     * orders of magnitude that GLPK's LP fails (fuzz-solve: 6e8 users
     * against a 1e9 tier ended in exit 4). */
    {"users", 1e6, "1e6"},
    {"devices", 1e6, "1e6"},
    {"servers", 1e6, "1e6"},
    {"tb", 1e6, "1e6"},
    {"units", 1e6, "1e6"},
    {"min_units", 1e8, "1e8"},
    /* hours and the labour rate */
    {"admin_hours", 1e6, "1e6"},
    {"migration_hours_fixed", 1e6, "1e6"},
    {"migration_hours_per_unit", 1e6, "1e6"},
    {"labor_rate", 1e6, "1e6"},
    /* months and fractions */
    {"horizon_months", 1200, "1200"},
    {"markup", 100, "100"},
    {"price_change", 100, "100"},
};

/* Every other number is money (prices, fees, monthly costs, min_commit):
 * at most a billion per unit, per month or once. */
static const struct bound money = {NULL, 1e9, "1e9"};

double sp_bound_max(const char *name, const char **shown)
{
    size_t i;
    const struct bound *b = &money;

    for (i = 0; name && i < sizeof(bounds) / sizeof(bounds[0]); i++)
        if (strcmp(bounds[i].name, name) == 0) {
            b = &bounds[i];
            break;
        }
    if (shown)
        *shown = b->shown;
    return b->max;
}
