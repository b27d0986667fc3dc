/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Internals shared by the generator's files (datasets/generate.c,
 * gen_family.c, gen_ufl.c): the knobs a family sets, and the helpers
 * that write a data folder safely.
 */
#ifndef SP_GEN_INT_H
#define SP_GEN_INT_H

#include <stdio.h>
#include <stddef.h>
#include "generate.h"

/*
 * What a family changes in the default generator.  Every knob replaces a
 * constant of the default one without changing how many random numbers
 * are drawn, so the default family's knobs give the same bytes as the
 * generator had before families existed.
 */
struct sp_gen_knobs {
    double bundle_share; /* products that are bundles (0.15) */
    int bundle_extra_lo; /* categories a bundle adds: 1 .. 2 */
    int bundle_extra_hi;
    double cost_share;       /* rows with a monthly_cost (0.30) */
    double end_share;        /* rows with a contract_end (0.35) */
    double fee_share;        /* running contracts with a fee (0.30) */
    double vendor_fee_share; /* vendors with a monthly_fee (0.40) */
    int vendor_fee_lo;       /* monthly_fee in 25s: 2 .. 12 */
    int vendor_fee_hi;
    int admin_lo, admin_hi;   /* admin_hours in halves: 2 .. 12 */
    double commit_share;      /* vendors with a min_commit (0.25) */
    int commit_lo, commit_hi; /* min_commit in 50s: 2 .. 20 */
    int deep_tiers;           /* 1 = 6 to 8 levels on more products */
    int skewed;               /* 1 = a few clients of thousands */
};

/* The knobs of a family (never SP_GEN_UFL*). */
void sp_gen_family_knobs(enum sp_gen_family f, struct sp_gen_knobs *k);

/* One output file: written under a temporary name, renamed when done. */
struct sp_gen_out {
    FILE *fp;
    char *tmp;
    char *final;
};

void sp_gen_set_err(char *err, size_t size, const char *fmt, ...);
char *sp_gen_join_path(const char *dir, const char *name);
/* mkdir -p, then (unless force) refuse a folder that holds files. */
int sp_gen_prepare_dir(const char *dir, int force, char *err, size_t errsize);
int sp_gen_out_open(struct sp_gen_out *f, const char *dir, const char *name,
                    char *err, size_t errsize);
int sp_gen_out_finish(struct sp_gen_out *f, int report, char *err,
                      size_t errsize);
int sp_gen_out_commit(struct sp_gen_out *f, int commit, char *err,
                      size_t errsize);
/* Removes dir/name if it exists (a stale optional file). */
int sp_gen_remove_stale(const char *dir, const char *name, char *err,
                        size_t errsize);

/* The facility-location families (datasets/gen_ufl.c). */
int sp_generate_ufl(const struct sp_generate_options *o, const char *out_dir,
                    struct sp_generate_summary *summary, char *err,
                    size_t errsize);

#endif
