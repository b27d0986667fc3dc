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

/** The structure of the book (docs/generate.md, "Families"). */
enum sp_gen_family {
    SP_GEN_DEFAULT,        /**< the MSP book of the benchmark */
    SP_GEN_CONTRACT_HEAVY, /**< most rows contracted, with ends and fees */
    SP_GEN_MANY_VENDORS,   /**< many vendors, big overheads, few products */
    SP_GEN_BIG_BUNDLES,    /**< bundles of 4 to 6 categories */
    SP_GEN_DEEP_TIERS,     /**< 6 to 8 tier levels, many min_commits */
    SP_GEN_SKEWED,         /**< a few clients with thousands of users */
    SP_GEN_UFL,            /**< facility location, Euclidean costs */
    SP_GEN_UFL_UNIFORM,    /**< facility location, uniform random costs */
    SP_GEN_FAMILIES
};

/** What to generate. */
struct sp_generate_options {
    int clients;    /**< 1 .. SP_GEN_MAX_CLIENTS */
    uint64_t seed;  /**< any value; the same seed gives the same files */
    int vendors;    /**< SP_GEN_MIN_VENDORS .. SP_GEN_MAX_VENDORS */
    int products;   /**< vendors .. SP_GEN_MAX_PRODUCTS */
    int categories; /**< SP_GEN_MIN_CATEGORIES .. SP_GEN_MAX_CATEGORIES */
    int tiers;      /**< 1 = also write tiers.csv */
    int force;      /**< 1 = write into a folder that holds files already */
    enum sp_gen_family family; /**< SP_GEN_DEFAULT unless set */
    /** ufl only: read this ORLIB `cap` file instead of drawing costs;
     *  NULL = draw them. */
    const char *orlib;
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

/** @brief The family called name ("deep-tiers"), or -1 if none is. */
int sp_gen_family_lookup(const char *name);

/** @brief A family's name on the command line. */
const char *sp_gen_family_name(enum sp_gen_family f);

/** @brief Every family's name, comma-separated, for messages. */
const char *sp_gen_family_list(void);

/**
 * @brief Sets o->vendors, o->products, o->categories and o->tiers to the
 * family's defaults (the caller then applies what the user gave).
 */
void sp_gen_family_defaults(struct sp_generate_options *o);

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
