/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The synthetic data generator behind `stackplan generate`.
 *
 * Part of the stackplan command, not of the library: it writes a data
 * folder in the formats of docs/formats.md with plain stdio, so tests and
 * benchmarks can have a realistic MSP of any size.  The output depends
 * only on the options: the same options and seed give the same bytes.
 */
#ifndef SP_GENERATE_H
#define SP_GENERATE_H

#include <stddef.h>
#include <stdint.h>

/* Limits the command line enforces; sp_generate() checks them too. */
#define SP_GEN_MAX_CLIENTS 1000000
#define SP_GEN_MIN_VENDORS 3
#define SP_GEN_MAX_VENDORS 1000
#define SP_GEN_MAX_PRODUCTS 10000
#define SP_GEN_MIN_CATEGORIES 3
#define SP_GEN_MAX_CATEGORIES 16
/* Products that get volume tiers with tiers = 1 (all of them if fewer). */
#define SP_GEN_TIERED_PRODUCTS 20

/** What to generate. */
struct sp_generate_options {
    int clients;    /**< 1 .. SP_GEN_MAX_CLIENTS */
    uint64_t seed;  /**< any value; the same seed gives the same files */
    int vendors;    /**< SP_GEN_MIN_VENDORS .. SP_GEN_MAX_VENDORS */
    int products;   /**< vendors .. SP_GEN_MAX_PRODUCTS */
    int categories; /**< SP_GEN_MIN_CATEGORIES .. SP_GEN_MAX_CATEGORIES */
    int tiers;      /**< 1 = also write tiers.csv */
    int force;      /**< 1 = write into a folder that holds files already */
};

/** Summary of what sp_generate() wrote. */
struct sp_generate_summary {
    int clients, products, vendors, categories;
    int holdings; /**< inventory rows */
    int tiers;    /**< tiers.csv rows (0 without tiers) */
};

/**
 * @brief Sets the defaults of the benchmark book: 25 vendors, 60
 * products, 8 categories, seed 1, no tiers; clients = 0 (must be set).
 */
void sp_generate_options_init(struct sp_generate_options *o);

/**
 * @brief Writes catalog.csv, clients.csv, inventory.csv, vendors.csv,
 * scenarios.json and, with o->tiers, tiers.csv into out_dir.
 *
 * Creates out_dir (and missing parents); refuses a folder that holds any
 * file unless o->force.  Each file is written to a temporary name in
 * out_dir and renamed into place.  With o->force and no tiers, a
 * tiers.csv left by an earlier run is removed so the folder is exactly
 * what these options describe.
 *
 * @param o        the options (see sp_generate_options_init).
 * @param out_dir  the folder to write.
 * @param summary  filled on success; may be NULL.
 * @param err      receives a one-line message (no "stackplan: " prefix)
 *                 on failure.
 * @return 0 (SP_OK) on success; SP_ERR_USAGE for options out of range;
 *         SP_ERR_IO when the folder is not empty or a file cannot be
 *         written; SP_ERR_NOMEM when out of memory.
 *
 * Example:
 * @code
 * struct sp_generate_options o;
 * char err[512];
 * sp_generate_options_init(&o);
 * o.clients = 200;
 * if (sp_generate(&o, "data", NULL, err, sizeof(err)) != 0)
 *     fprintf(stderr, "%s\n", err);
 * @endcode
 */
int sp_generate(const struct sp_generate_options *o, const char *out_dir,
                struct sp_generate_summary *summary, char *err,
                size_t errsize);

#endif
