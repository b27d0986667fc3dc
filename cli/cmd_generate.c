/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `stackplan generate`: writes a synthetic data folder. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"
#include "generate.h"

static const char usage[] =
    "Usage: stackplan generate --clients N [OPTIONS] OUT_DIR\n"
    "\n"
    "Write a synthetic but realistic data folder: catalog.csv, clients.csv,\n"
    "inventory.csv, vendors.csv, scenarios.json (and tiers.csv with\n"
    "--tiers).  The same options and seed always give the same files.\n"
    "\n"
    "Options:\n"
    "  --clients N      number of clients, 1 to 1000000 (required)\n"
    "  --seed S         random seed, a whole number >= 0 (default 1)\n"
    "  --vendors V      vendors in the catalog, 3 to 1000 (default 25)\n"
    "  --products P     products in the catalog, V to 10000 (default 60)\n"
    "  --categories K   security categories, 3 to 16 (default 8)\n"
    "  --tiers          also write tiers.csv: volume tiers on 20 products\n"
    "  --family NAME    the book's structure: default, contract-heavy,\n"
    "                   many-vendors, big-bundles, deep-tiers, skewed, ufl,\n"
    "                   ufl-uniform (default: default)\n"
    "  --from-orlib FILE  with ufl: convert an ORLIB cap file instead of\n"
    "                   drawing costs (--clients is then not needed)\n"
    "  --force          write into OUT_DIR even if it holds files\n"
    "  -h, --help       show this help\n"
    "\n"
    "OUT_DIR is created if missing.  See docs/generate.md.\n";

/* Reads a whole number in [lo, hi]; 0 on success, else a usage error. */
static int parse_count(const char *opt, const char *text, long lo, long hi,
                       int *out)
{
    char msg[256];
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi) {
        snprintf(msg, sizeof(msg),
                 "%s: expected a whole number from %ld to %ld, got '%s'", opt,
                 lo, hi, text);
        return cli_usage_error("generate", msg);
    }
    *out = (int)v;
    return 0;
}

static int parse_seed(const char *text, uint64_t *out)
{
    char msg[256];
    char *end;
    unsigned long long v;

    errno = 0;
    /* strtoull accepts "-1" and wraps it; a seed is never negative */
    v = strtoull(text, &end, 10);
    if (*text < '0' || *text > '9' || *end != '\0' || errno != 0) {
        snprintf(msg, sizeof(msg),
                 "--seed: expected a whole number >= 0, got '%s'", text);
        return cli_usage_error("generate", msg);
    }
    *out = (uint64_t)v;
    return 0;
}

enum { OPT_FAMILY = OPT_FIRST_FREE, OPT_FROM_ORLIB };

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"clients", required_argument, NULL, OPT_CLIENTS},
    {"seed", required_argument, NULL, OPT_SEED},
    {"vendors", required_argument, NULL, OPT_VENDORS},
    {"products", required_argument, NULL, OPT_PRODUCTS},
    {"categories", required_argument, NULL, OPT_CATEGORIES},
    {"tiers", no_argument, NULL, OPT_TIERS},
    {"force", no_argument, NULL, OPT_FORCE},
    {"family", required_argument, NULL, OPT_FAMILY},
    {"from-orlib", required_argument, NULL, OPT_FROM_ORLIB},
    {NULL, 0, NULL, 0},
};

int cli_generate(int argc, char **argv)
{
    struct sp_generate_options o;
    struct sp_generate_summary sum;
    const char *out_dir = NULL;
    char err[1024], msg[256];
    int c, st, have_clients = 0;
    /* what the user gave; the family's defaults fill the rest */
    int vendors = -1, products = -1, categories = -1, tiers = 0, ufl;
    const char *family = NULL;

    sp_generate_options_init(&o);
    optind = 1;
    while ((c = cli_getopt("generate", argc, argv, options)) != -1) {
        st = 0;
        switch (c) {
        case 'h':
            return cli_help(usage);
        case OPT_TIERS:
            tiers = 1;
            break;
        case OPT_FORCE:
            o.force = 1;
            break;
        case OPT_FAMILY:
            family = optarg;
            break;
        case OPT_FROM_ORLIB:
            o.orlib = optarg;
            break;
        case OPT_CLIENTS:
            st = parse_count("--clients", optarg, 1, SP_GEN_MAX_CLIENTS,
                             &o.clients);
            have_clients = 1;
            break;
        case OPT_SEED:
            st = parse_seed(optarg, &o.seed);
            break;
        case OPT_VENDORS:
            st = parse_count("--vendors", optarg, SP_GEN_MIN_VENDORS,
                             SP_GEN_MAX_VENDORS, &vendors);
            break;
        case OPT_PRODUCTS:
            st = parse_count("--products", optarg, 1, SP_GEN_MAX_PRODUCTS,
                             &products);
            break;
        case OPT_CATEGORIES:
            st = parse_count("--categories", optarg, SP_GEN_MIN_CATEGORIES,
                             SP_GEN_MAX_CATEGORIES, &categories);
            break;
        default:
            return EXIT_USAGE;
        }
        if (st != 0)
            return st;
    }
    if (optind < argc)
        out_dir = argv[optind++];
    if (optind < argc)
        return cli_usage_error("generate", "more than one OUT_DIR given");
    if (family) {
        int f = sp_gen_family_lookup(family);
        if (f < 0) {
            snprintf(msg, sizeof(msg),
                     "--family: unknown family '%s' (expected one of: %s)",
                     family, sp_gen_family_list());
            return cli_usage_error("generate", msg);
        }
        o.family = (enum sp_gen_family)f;
    } else if (o.orlib) {
        o.family = SP_GEN_UFL;
    }
    ufl = o.family == SP_GEN_UFL || o.family == SP_GEN_UFL_UNIFORM;
    if (o.orlib && o.family != SP_GEN_UFL)
        return cli_usage_error("generate", "--from-orlib needs --family ufl");
    if (ufl && (products >= 0 || categories >= 0 || tiers)) {
        snprintf(msg, sizeof(msg),
                 "--family %s: --products, --categories and --tiers do not "
                 "apply (one product a facility, one category)",
                 family ? family : "ufl");
        return cli_usage_error("generate", msg);
    }
    if (o.orlib && (have_clients || vendors >= 0))
        return cli_usage_error("generate",
                               "--from-orlib: the file gives the clients "
                               "and facilities; drop --clients and "
                               "--vendors");
    sp_gen_family_defaults(&o);
    if (vendors >= 0)
        o.vendors = vendors;
    if (products >= 0)
        o.products = products;
    else if (ufl)
        o.products = o.vendors;
    if (categories >= 0)
        o.categories = categories;
    if (tiers)
        o.tiers = 1;
    if (o.orlib)
        have_clients = 1;
    if (!have_clients)
        return cli_usage_error("generate", "--clients is required");
    if (!out_dir)
        return cli_usage_error("generate", "missing OUT_DIR");
    if (o.products < o.vendors) {
        snprintf(msg, sizeof(msg),
                 "--products (%d) must be at least --vendors (%d): every "
                 "vendor sells something",
                 o.products, o.vendors);
        return cli_usage_error("generate", msg);
    }

    st = sp_generate(&o, out_dir, &sum, err, sizeof(err));
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: generate: %s\n", err);
        return cli_exit_code((enum sp_status)st);
    }
    printf("wrote %s: %d clients, %d products from %d vendors, "
           "%d categories, %d inventory rows",
           out_dir, sum.clients, sum.products, sum.vendors, sum.categories,
           sum.holdings);
    if (o.tiers && !ufl)
        printf(", %d tiers", sum.tiers);
    printf("\n");
    return EXIT_OK;
}
