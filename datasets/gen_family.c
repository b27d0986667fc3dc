/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Families of `stackplan generate`: books of other structures than the
 * default one, so that the solver is measured on more than one
 * generator's habits (issue 15).  Each MSP family is the default
 * generator with other knobs; the facility-location families have a
 * writer of their own (gen_ufl.c).
 */
#include <string.h>

#include "gen_int.h"

static const char *const names[SP_GEN_FAMILIES] = {
    "default",    "contract-heavy", "many-vendors", "big-bundles",
    "deep-tiers", "skewed",         "ufl",          "ufl-uniform"};

int sp_gen_family_lookup(const char *name)
{
    int f;

    for (f = 0; f < SP_GEN_FAMILIES; f++)
        if (strcmp(name, names[f]) == 0)
            return f;
    return -1;
}

const char *sp_gen_family_name(enum sp_gen_family f)
{
    return (int)f >= 0 && f < SP_GEN_FAMILIES ? names[f] : "?";
}

const char *sp_gen_family_list(void)
{
    return "default, contract-heavy, many-vendors, big-bundles, deep-tiers, "
           "skewed, ufl, ufl-uniform";
}

void sp_gen_family_defaults(struct sp_generate_options *o)
{
    o->vendors = 25;
    o->products = 60;
    o->categories = 8;
    switch (o->family) {
    case SP_GEN_MANY_VENDORS:
        /* 1 to 2 products a vendor */
        o->vendors = 150;
        o->products = 200;
        break;
    case SP_GEN_DEEP_TIERS:
        o->tiers = 1; /* the point of the family */
        break;
    case SP_GEN_UFL:
    case SP_GEN_UFL_UNIFORM:
        /* facilities; one product each, one category */
        o->vendors = 100;
        o->products = 100;
        o->categories = 1;
        break;
    default:
        break;
    }
}

void sp_gen_family_knobs(enum sp_gen_family f, struct sp_gen_knobs *k)
{
    /* the default generator's constants */
    k->bundle_share = 0.15;
    k->bundle_extra_lo = 1;
    k->bundle_extra_hi = 2;
    k->cost_share = 0.30;
    k->end_share = 0.35;
    k->fee_share = 0.30;
    k->vendor_fee_share = 0.40;
    k->vendor_fee_lo = 2;
    k->vendor_fee_hi = 12;
    k->admin_lo = 2;
    k->admin_hi = 12;
    k->commit_share = 0.25;
    k->commit_lo = 2;
    k->commit_hi = 20;
    k->deep_tiers = 0;
    k->skewed = 0;
    switch (f) {
    case SP_GEN_CONTRACT_HEAVY:
        /* most rows carry their own price and a contract, so leaving
         * costs the rest of it or a fee: the inherited stack is sticky */
        k->cost_share = 0.85;
        k->end_share = 0.80;
        k->fee_share = 0.45;
        break;
    case SP_GEN_MANY_VENDORS:
        /* every vendor is expensive to keep: 500 to 3,000 a month and 2
         * to 10 admin hours, so the fixed costs dominate (facility
         * location) */
        k->vendor_fee_share = 1.0;
        k->vendor_fee_lo = 20;
        k->vendor_fee_hi = 120;
        k->admin_lo = 4;
        k->admin_hi = 20;
        break;
    case SP_GEN_BIG_BUNDLES:
        /* a third of the products are bundles of 4 to 6 categories: the
         * covers overlap (set covering) */
        k->bundle_share = 0.35;
        k->bundle_extra_lo = 3;
        k->bundle_extra_hi = 5;
        break;
    case SP_GEN_DEEP_TIERS:
        k->deep_tiers = 1;
        k->commit_share = 0.70;
        k->commit_lo = 4;
        k->commit_hi = 40;
        break;
    case SP_GEN_SKEWED:
        k->skewed = 1;
        break;
    default:
        break;
    }
}
