/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Synthetic data folders for tests and benchmarks (`stackplan generate`).
 *
 * The shape follows what an MSP's data looks like: a catalog where three
 * platform vendors sell big bundles and the rest sell point products
 * (a few popular, most niche), clients whose sizes are heavy-tailed, and
 * an inherited, fragmented inventory.  Every random draw comes from a
 * splitmix64 stream derived from the seed, one stream per file section,
 * so the same options give the same bytes on every platform, and adding
 * tiers leaves the other files unchanged.
 *
 * Guarantees the scenarios rely on:
 *  - vendors 0, 1 and 2 each sell one bundle, and between them the three
 *    bundles cover every category, so "max 3 vendors" is feasible;
 *  - every vendor sells at least one product (vendors.csv names no
 *    vendor without products);
 *  - the vendor the `require_vendors` scenario excludes is never one of
 *    the three platform vendors.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "gen_int.h"
#include "generate.h"
#include "stackplan.h"

/* Fixed so that output is repeatable; contracts are dated around it. */
#define START_YEAR 2027
#define START_MONTH 1

/* ---- random numbers -------------------------------------------------- */

/* splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and its output does
 * not depend on the C library, unlike rand(). */
struct rng {
    uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* One independent stream per section of the output. */
static struct rng rng_stream(uint64_t seed, uint64_t stream)
{
    struct rng r = {seed ^ (stream * 0xd1b54a32d192ed03ULL)};
    r.state = rng_next(&r);
    return r;
}

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [lo, hi]. */
static int rng_int(struct rng *r, int lo, int hi)
{
    return lo + (int)(rng_unit(r) * (double)(hi - lo + 1));
}

static double rng_range(struct rng *r, double lo, double hi)
{
    return lo + rng_unit(r) * (hi - lo);
}

static int rng_chance(struct rng *r, double p)
{
    return rng_unit(r) < p;
}

/* Rounds to a multiple of step (prices to 0.05, money to 0.01). */
static double round_to(double x, double step)
{
    return (double)(long long)(x / step + 0.5) * step;
}

/* ---- the fixed vocabulary --------------------------------------------- */

enum unit { U_USER, U_DEVICE, U_SERVER, U_TB, U_FLAT };
static const char *const unit_names[] = {"user", "device", "server", "tb",
                                         "flat"};

/* A category: its name in the files, a code for product ids, a label for
 * product names, how its point products are priced, what it is worth
 * per user inside a bundle, and which platform vendor bundles it. */
struct category_def {
    const char *name;
    const char *code;
    const char *label;
    enum unit unit; /* U_SERVER for backup means server, tb or flat */
    double lo, hi;  /* price range per unit per month */
    double per_user;
    int platform; /* 0 = suite, 1 = endpoint platform, 2 = backup */
};

static const struct category_def categories[SP_GEN_MAX_CATEGORIES] = {
    {"email", "EML", "Email Security", U_USER, 2.00, 3.00, 2.5, 0},
    {"endpoint", "EPP", "Endpoint Protection", U_DEVICE, 2.75, 4.25, 4.0, 1},
    {"backup", "BCK", "Backup", U_SERVER, 30.00, 42.00, 2.0, 2},
    {"m365_backup", "M365", "Microsoft 365 Backup", U_USER, 1.25, 2.25, 1.75,
     2},
    {"mdr", "MDR", "Managed Detection and Response", U_DEVICE, 4.50, 7.00, 6.0,
     1},
    {"awareness", "SAT", "Security Awareness Training", U_USER, 1.00, 2.00,
     1.5, 0},
    {"dns_filter", "DNS", "DNS Filtering", U_USER, 1.00, 2.00, 1.5, 1},
    {"archiving", "ARC", "Email Archiving", U_USER, 1.25, 2.25, 1.75, 0},
    {"itdr", "ITDR", "Identity Threat Detection", U_USER, 2.50, 4.00, 3.0, 1},
    {"siem", "SIEM", "SIEM", U_DEVICE, 3.00, 5.00, 4.0, 1},
    {"mfa", "MFA", "Multi-Factor Authentication", U_USER, 1.50, 2.50, 2.0, 0},
    {"password_manager", "PWM", "Password Manager", U_USER, 2.00, 3.00, 2.5,
     0},
    {"vuln_scanning", "VSC", "Vulnerability Scanning", U_DEVICE, 1.00, 2.00,
     1.5, 1},
    {"patching", "PAT", "Patch Management", U_DEVICE, 0.75, 1.50, 1.0, 2},
    {"web_filter", "WEB", "Web Filtering", U_USER, 1.50, 2.50, 2.0, 1},
    {"dlp", "DLP", "Data Loss Prevention", U_USER, 2.50, 4.00, 3.0, 0},
};

/* The settings' required categories: email, endpoint, backup. */
#define BASE_REQUIRED 3

static const char *const vendor_prefixes[] = {
    "Aegis",    "Bastion",  "Cobalt",     "Driftwood", "Ember",
    "Fathom",   "Granite",  "Harborline", "Ironbark",  "Juniper",
    "Keystone", "Lumen",    "Meridian",   "Northgate", "Onyx",
    "Pinnacle", "Quartz",   "Redoubt",    "Sablewood", "Tidewell",
    "Umber",    "Vantage",  "Wardline",   "Xylem",     "Yarrow",
    "Zephyr",   "Alder",    "Brightwall", "Cinder",    "Dovetail",
    "Everline", "Foxhollow"};
#define NPREFIX (sizeof(vendor_prefixes) / sizeof(vendor_prefixes[0]))
static const char *const vendor_suffixes[] = {"Security", "Cyber", "Systems",
                                              "Networks", "Labs",  "Defense",
                                              "Software", "Data"};
#define NSUFFIX (sizeof(vendor_suffixes) / sizeof(vendor_suffixes[0]))

static const char *const editions[] = {"Essentials", "Advanced", "Pro",
                                       "Plus",       "Premium",  "Enterprise",
                                       "Business",   "Complete"};
static const char *const bundle_names[] = {"Suite", "Platform", "Complete",
                                           "Bundle"};

static const char *const client_places[] = {
    "Harbor",     "Keystone",     "Northwind",  "Bluebird",      "Cedar Ridge",
    "Summit",     "Maple Street", "Ironclad",   "Lakeside",      "Brightpath",
    "Redwood",    "Oakridge",     "Copperline", "Westbay",       "Silverline",
    "Greenfield", "Anchor",       "Pioneer",    "Riverside",     "Stonegate",
    "Vista",      "Hilltop",      "Foxglove",   "Granite State", "Meridian",
    "Evergreen",  "Tidewater",    "Lighthouse", "Quarry Road",   "Beacon Hill",
    "Sunnyvale",  "Prairie Wind"};
static const char *const client_trades[] = {"Dental Group",
                                            "Legal",
                                            "Logistics",
                                            "Pediatrics",
                                            "Architects",
                                            "Credit Union",
                                            "Bakery",
                                            "Fabrication",
                                            "Veterinary Clinic",
                                            "Charter School",
                                            "Accounting",
                                            "Family Medicine",
                                            "Electrical",
                                            "Realty",
                                            "Insurance Brokers",
                                            "Landscaping",
                                            "Marine Supply",
                                            "Title & Escrow",
                                            "Orthodontics",
                                            "Property Management",
                                            "Engineering",
                                            "Senior Living",
                                            "Brewing Co.",
                                            "Counseling"};
static const char *const client_suffixes[] = {", LLC", ", Inc.", ", LLP"};
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- the generated catalog --------------------------------------------- */

struct gen_vendor {
    char name[64];
    char abbr[4];
    long rows; /* inventory rows on its products */
};

struct gen_product {
    int vendor;
    enum unit unit;
    uint32_t covers; /* bit k = category k */
    double price, min_units, setup_fee;
    double popularity; /* weight when an inventory row picks a product */
    char id[32];
    char name[160];
    long rows;
};

struct gen {
    const struct sp_generate_options *o;
    struct sp_gen_knobs kn;     /* what the family changes */
    int k;                      /* categories in use */
    struct gen_vendor *vendors; /* o->vendors */
    struct gen_product *products;
    /* per category: the products covering it and their cumulative
     * popularity, for weighted picks */
    int *by_cat[SP_GEN_MAX_CATEGORIES];
    double *cum[SP_GEN_MAX_CATEGORIES];
    int nby_cat[SP_GEN_MAX_CATEGORIES];
    /* filled while the clients are written */
    int biggest_client;
    double biggest_users;
    int biggest_gapless; /* 1 = biggest_client covers all it requires */
    int holdings, tier_rows;
};

static void gen_clear(struct gen *g)
{
    int k;

    free(g->vendors);
    free(g->products);
    for (k = 0; k < SP_GEN_MAX_CATEGORIES; k++) {
        free(g->by_cat[k]);
        free(g->cum[k]);
    }
}

static void set_err(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;

    if (!err || size == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

static void make_vendors(struct gen *g, struct rng *r)
{
    size_t order[NPREFIX];
    size_t i, j, tmp;
    int v;

    /* A per-seed shuffle of the prefixes, so seeds differ in names too. */
    for (i = 0; i < NPREFIX; i++)
        order[i] = i;
    for (i = NPREFIX - 1; i > 0; i--) {
        j = (size_t)rng_int(r, 0, (int)i);
        tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
    }
    for (v = 0; v < g->o->vendors; v++) {
        struct gen_vendor *gv = &g->vendors[v];
        const char *prefix = vendor_prefixes[order[(size_t)v % NPREFIX]];
        size_t round = (size_t)v / NPREFIX;
        /* unique: within a round the prefixes differ; across the first
         * NSUFFIX rounds the same prefix gets a different suffix */
        const char *suffix = vendor_suffixes[((size_t)v + round) % NSUFFIX];

        if (round < NSUFFIX)
            snprintf(gv->name, sizeof(gv->name), "%s %s", prefix, suffix);
        else
            snprintf(gv->name, sizeof(gv->name), "%s %s %zu", prefix, suffix,
                     round / NSUFFIX + 1);
        for (i = 0; i < 3; i++)
            gv->abbr[i] = (char)(prefix[i] >= 'a' && prefix[i] <= 'z'
                                     ? prefix[i] - 'a' + 'A'
                                     : prefix[i]);
        gv->abbr[3] = '\0';
    }
}

/* Lowest category of a mask. */
static int first_category(uint32_t mask)
{
    int k = 0;

    while (!(mask & (1u << k)))
        k++;
    return k;
}

static int count_bits(uint32_t mask)
{
    int n = 0;

    for (; mask; mask &= mask - 1)
        n++;
    return n;
}

/* A category drawn for a point product: the three every client needs
 * have three times the products of the others, as in a real catalog. */
static int draw_category(struct gen *g, struct rng *r)
{
    int total = BASE_REQUIRED * 3 + (g->k - BASE_REQUIRED);
    int x = rng_int(r, 0, total - 1);

    if (x < BASE_REQUIRED * 3)
        return x / 3;
    return BASE_REQUIRED + (x - BASE_REQUIRED * 3);
}

/* Price and unit of a bundle: its categories' per-user worth, less a 5
 * to 20 % bundle discount; per device when its first category counts devices.
 */
static void price_bundle(struct gen *g, struct gen_product *p, double position)
{
    double worth = 0;
    int k, first = first_category(p->covers);

    for (k = 0; k < g->k; k++)
        if (p->covers & (1u << k))
            worth += categories[k].per_user;
    p->unit = categories[first].unit == U_DEVICE ? U_DEVICE : U_USER;
    worth *= 0.80 + 0.15 * position;
    if (p->unit == U_DEVICE)
        worth /= 1.2;
    p->price = round_to(worth, 0.05);
    if (p->price < 0.50)
        p->price = 0.50;
}

static void price_point(struct gen_product *p, int k, double position,
                        struct rng *r)
{
    const struct category_def *c = &categories[k];
    double lo = c->lo, hi = c->hi, x;

    p->unit = c->unit;
    if (c->unit == U_SERVER) {
        /* backup is sold per server, per TB stored, or per site */
        x = rng_unit(r);
        if (x < 0.3) {
            p->unit = U_TB;
            lo = 22.0;
            hi = 32.0;
        } else if (x < 0.5) {
            p->unit = U_FLAT;
            lo = 120.0;
            hi = 180.0;
        }
    } else if (k == 6 && rng_chance(r, 0.4)) {
        p->unit = U_DEVICE; /* some DNS filters count devices */
    }
    p->price = round_to(lo + position * (hi - lo), 0.05);
    if (p->price < 0.05)
        p->price = 0.05;
}

static void name_product(struct gen *g, struct gen_product *p, int index,
                         struct rng *r)
{
    const struct gen_vendor *v = &g->vendors[p->vendor];
    int first = first_category(p->covers);
    int width = g->o->products < 100 ? 2 : g->o->products < 1000 ? 3 : 4;

    if (count_bits(p->covers) > 1) {
        snprintf(p->id, sizeof(p->id), "%s-STE-%0*d", v->abbr, width,
                 index + 1);
        snprintf(p->name, sizeof(p->name), "%s %s %s", v->name,
                 bundle_names[rng_int(r, 0, COUNT(bundle_names) - 1)],
                 editions[rng_int(r, 0, COUNT(editions) - 1)]);
    } else {
        snprintf(p->id, sizeof(p->id), "%s-%s-%0*d", v->abbr,
                 categories[first].code, width, index + 1);
        snprintf(p->name, sizeof(p->name), "%s %s %s", v->name,
                 categories[first].label,
                 editions[rng_int(r, 0, COUNT(editions) - 1)]);
    }
}

static void make_products(struct gen *g, struct rng *r)
{
    int np = g->o->products, nv = g->o->vendors;
    int i, k;

    for (i = 0; i < np; i++) {
        struct gen_product *p = &g->products[i];
        double u, position;

        if (i < 3) {
            /* the platform bundles: together they cover everything */
            p->vendor = i;
            for (k = 0; k < g->k; k++)
                if (categories[k].platform == i)
                    p->covers |= 1u << k;
        } else {
            /* one product for every vendor first, then any vendor */
            p->vendor = i < nv ? i : rng_int(r, 0, nv - 1);
            k = draw_category(g, r);
            p->covers = 1u << k;
            if (g->k > 1 && rng_chance(r, g->kn.bundle_share)) {
                int extra = rng_int(r, g->kn.bundle_extra_lo,
                                    g->kn.bundle_extra_hi),
                    tries = 0;

                while (count_bits(p->covers) < 1 + extra && tries++ < 20)
                    p->covers |= 1u << rng_int(r, 0, g->k - 1);
            }
        }
        /* a few products are popular, most are niche; the popular ones
         * got there by being priced in the lower part of the range */
        u = rng_unit(r);
        p->popularity = 1.0 + 20.0 * u * u * u * u;
        position = rng_unit(r) * (1.0 - 0.6 * u);
        if (count_bits(p->covers) > 1)
            price_bundle(g, p, position);
        else
            price_point(p, first_category(p->covers), position, r);
        if (p->unit != U_FLAT && rng_chance(r, 0.15)) {
            static const double mins[] = {5, 10, 25};
            p->min_units = mins[rng_int(r, 0, 2)];
        }
        if ((p->unit == U_FLAT || p->unit == U_SERVER) && rng_chance(r, 0.5))
            p->setup_fee = 100.0 * rng_int(r, 1, 5);
        else if (rng_chance(r, 0.15))
            p->setup_fee = 50.0 * rng_int(r, 1, 10);
        name_product(g, p, i, r);
    }
}

/* Builds the per-category lists used for weighted picks. */
static int index_products(struct gen *g)
{
    int k, i, n;

    for (k = 0; k < g->k; k++) {
        n = 0;
        for (i = 0; i < g->o->products; i++)
            if (g->products[i].covers & (1u << k))
                n++;
        g->by_cat[k] = malloc((size_t)n * sizeof(int));
        g->cum[k] = malloc((size_t)n * sizeof(double));
        if (!g->by_cat[k] || !g->cum[k])
            return -1;
        n = 0;
        for (i = 0; i < g->o->products; i++) {
            if (!(g->products[i].covers & (1u << k)))
                continue;
            g->by_cat[k][n] = i;
            g->cum[k][n] =
                (n ? g->cum[k][n - 1] : 0.0) + g->products[i].popularity;
            n++;
        }
        g->nby_cat[k] = n;
    }
    return 0;
}

/* A product covering category k, weighted by popularity. */
static int pick_product(const struct gen *g, int k, struct rng *r)
{
    int n = g->nby_cat[k], lo = 0, hi = n - 1;
    double x = rng_unit(r) * g->cum[k][n - 1];

    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (g->cum[k][mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return g->by_cat[k][lo];
}

/* ---- writing ------------------------------------------------------------ */

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *s = malloc(n);

    if (s)
        snprintf(s, n, "%s/%s", dir, name);
    return s;
}

static int out_open(struct sp_gen_out *f, const char *dir, const char *name,
                    char *err, size_t errsize)
{
    char tmpname[128];

    snprintf(tmpname, sizeof(tmpname), ".%s.tmp.%ld", name, (long)getpid());
    f->fp = NULL;
    f->tmp = join_path(dir, tmpname);
    f->final = join_path(dir, name);
    if (!f->tmp || !f->final) {
        set_err(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    f->fp = fopen(f->tmp, "w");
    if (!f->fp) {
        set_err(err, errsize, "%s: cannot create: %s", f->final,
                strerror(errno));
        return SP_ERR_IO;
    }
    return SP_OK;
}

/* Closes the stream; false (and a message, unless one is set) when any
 * write failed. */
static int out_finish(struct sp_gen_out *f, int report, char *err,
                      size_t errsize)
{
    int bad;

    if (!f->fp)
        return 1;
    bad = ferror(f->fp);
    if (fclose(f->fp) != 0)
        bad = 1;
    f->fp = NULL;
    if (bad && report)
        set_err(err, errsize, "%s: write failed: %s", f->final,
                strerror(errno));
    return !bad;
}

/* Renames into place (commit) or removes the temporary file; frees the
 * names.  False when the rename failed. */
static int out_commit(struct sp_gen_out *f, int commit, char *err,
                      size_t errsize)
{
    int ok = 1;

    if (f->tmp && commit && rename(f->tmp, f->final) != 0) {
        set_err(err, errsize, "%s: cannot rename into place: %s", f->final,
                strerror(errno));
        ok = 0;
    }
    if (f->tmp && (!commit || !ok))
        remove(f->tmp);
    free(f->tmp);
    free(f->final);
    f->tmp = f->final = NULL;
    return ok;
}

/* Writes a CSV field, quoted when it holds a delimiter, quote or line
 * break (`;` too: the importer sniffs the delimiter from the header). */
static void csv_field(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",;\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

/* A list field: categories of a mask, `;`-separated. */
static void csv_categories(FILE *fp, uint32_t mask, int k)
{
    int i, first = 1;

    for (i = 0; i < k; i++) {
        if (!(mask & (1u << i)))
            continue;
        if (!first)
            fputc(';', fp);
        fputs(categories[i].name, fp);
        first = 0;
    }
}

/* An optional number: blank when zero, as a spreadsheet export has it. */
static void csv_optional(FILE *fp, double x, const char *fmt)
{
    if (x != 0)
        fprintf(fp, fmt, x);
}

static void json_string(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(fp, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(fp, "\\u%04x", (unsigned)(unsigned char)*s);
        else
            fputc(*s, fp);
    }
    fputc('"', fp);
}

static void write_catalog(const struct gen *g, FILE *fp)
{
    int i;

    fputs("product,vendor,name,covers,unit,price,min_units,setup_fee\n", fp);
    for (i = 0; i < g->o->products; i++) {
        const struct gen_product *p = &g->products[i];

        csv_field(fp, p->id);
        fputc(',', fp);
        csv_field(fp, g->vendors[p->vendor].name);
        fputc(',', fp);
        csv_field(fp, p->name);
        fputc(',', fp);
        csv_categories(fp, p->covers, g->k);
        fprintf(fp, ",%s,%.2f,", unit_names[p->unit], p->price);
        csv_optional(fp, p->min_units, "%.0f");
        fputc(',', fp);
        csv_optional(fp, p->setup_fee, "%.2f");
        fputc('\n', fp);
    }
}

static void write_vendors(const struct gen *g, FILE *fp, struct rng *r)
{
    int v;

    fputs("vendor,monthly_fee,admin_hours,min_commit\n", fp);
    for (v = 0; v < g->o->vendors; v++) {
        double fee = 0, hours, commit = 0;

        /* a few vendors have no row: they cost nothing to keep */
        int skip = v >= 3 && rng_chance(r, 0.1);
        if (rng_chance(r, g->kn.vendor_fee_share))
            fee = 25.0 * rng_int(r, g->kn.vendor_fee_lo, g->kn.vendor_fee_hi);
        hours = 0.5 * rng_int(r, g->kn.admin_lo, g->kn.admin_hi);
        if (rng_chance(r, g->kn.commit_share))
            commit = 50.0 * rng_int(r, g->kn.commit_lo, g->kn.commit_hi);
        if (skip)
            continue;
        csv_field(fp, g->vendors[v].name);
        fprintf(fp, ",%.2f,%.1f,%.2f\n", fee, hours, commit);
    }
}

/* Heavy-tailed client sizes: most MSP clients are small offices, a few
 * are large.  Bands and shares are the shape of a typical MSP book. */
static int draw_users(struct rng *r)
{
    static const struct {
        int lo, hi;
        double share;
    } bands[] = {{1, 9, 0.25},   {10, 24, 0.30},   {25, 49, 0.20},
                 {50, 99, 0.13}, {100, 249, 0.09}, {250, 500, 0.03}};
    double x = rng_unit(r);
    int i;

    for (i = 0; i < COUNT(bands) - 1; i++) {
        if (x < bands[i].share)
            break;
        x -= bands[i].share;
    }
    return rng_int(r, bands[i].lo, bands[i].hi);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return days[m - 1] + (m == 2 && leap);
}

/* One inventory row for client c (counts[] by unit) running product pi. */
static void write_holding(struct gen *g, FILE *fp, const char *cid,
                          const double *counts, int pi, struct rng *r)
{
    struct gen_product *p = &g->products[pi];
    double count = counts[p->unit], units = count, billed;

    csv_field(fp, cid);
    fputc(',', fp);
    csv_field(fp, p->id);
    fputc(',', fp);
    /* sometimes the licence count drifted from the head count */
    if (p->unit != U_FLAT && count > 0 && rng_chance(r, 0.08)) {
        units = count * rng_range(r, 0.9, 1.05);
        units = p->unit == U_TB ? round_to(units, 0.1) : round_to(units, 1);
        if (units < 1)
            units = 1;
        fprintf(fp, p->unit == U_TB ? "%.1f" : "%.0f", units);
    }
    fputc(',', fp);
    billed = p->unit == U_FLAT ? 1 : units;
    if (billed < p->min_units)
        billed = p->min_units;
    /* a contracted price, near the catalog's */
    if (rng_chance(r, g->kn.cost_share))
        fprintf(fp, "%.2f",
                round_to(billed * p->price * rng_range(r, 0.85, 1.10), 0.01));
    fputc(',', fp);
    if (rng_chance(r, g->kn.end_share)) {
        /* ends between six months before and three years after start */
        int off = rng_int(r, -6, 36);
        int y = START_YEAR + (START_MONTH - 1 + off + 120) / 12 - 10;
        int m = (START_MONTH - 1 + off + 120) % 12 + 1;

        fprintf(fp, "%04d-%02d-%02d", y, m, days_in_month(y, m));
        fputc(',', fp);
        if (off >= 0 && rng_chance(r, g->kn.fee_share)) {
            double fee =
                round_to(billed * p->price * rng_range(r, 2, 6), 50.0);
            fprintf(fp, "%.2f", fee < 50 ? 50.0 : fee);
        }
    } else {
        fputc(',', fp);
    }
    fputc('\n', fp);
    p->rows++;
    g->vendors[p->vendor].rows++;
    g->holdings++;
}

static int holds(const int *held, int n, int pi)
{
    int i;

    for (i = 0; i < n; i++)
        if (held[i] == pi)
            return 1;
    return 0;
}

/* A product covering k that the client does not hold yet, or -1.  Small
 * offices rarely buy a per-site (flat) product or one whose minimum
 * seat count is above their head count, and a client seldom pays
 * for a bundle whose extras it does not need, so those are mostly
 * redrawn. */
static int pick_new(const struct gen *g, int k, const int *held, int n,
                    double users, uint32_t req, struct rng *r)
{
    int tries, i;

    for (tries = 0; tries < 8; tries++) {
        int pi = pick_product(g, k, r);
        if (holds(held, n, pi))
            continue;
        if (g->products[pi].unit == U_FLAT && users < 20 && tries < 6)
            continue;
        if (g->products[pi].min_units > users && tries < 6)
            continue;
        if ((g->products[pi].covers & ~req) && tries < 6 && rng_chance(r, 0.8))
            continue;
        return pi;
    }
    for (i = 0; i < g->nby_cat[k]; i++)
        if (!holds(held, n, g->by_cat[k][i]))
            return g->by_cat[k][i];
    return -1;
}

/* Writes clients.csv and inventory.csv together, one client at a time,
 * so memory does not grow with the number of clients. */
static void write_clients(struct gen *g, FILE *cfp, FILE *ifp, struct rng *rc,
                          struct rng *ri)
{
    int n = g->o->clients, width = 3, c;
    char cid[32], name[160];

    for (c = n; c >= 1000 && width < 9; c /= 10)
        width++;
    fputs("client,name,users,devices,servers,tb,requires\n", cfp);
    fputs("client,product,units,monthly_cost,contract_end,termination_fee\n",
          ifp);
    for (c = 0; c < n; c++) {
        double counts[5];
        uint32_t req = (1u << BASE_REQUIRED) - 1, covered;
        int gapless;
        int extra = 0, held[8], nheld = 0, k, cap, tries;

        snprintf(cid, sizeof(cid), "c%0*d", width, c + 1);
        snprintf(
            name, sizeof(name), "%s %s%s",
            client_places[rng_int(rc, 0, COUNT(client_places) - 1)],
            client_trades[rng_int(rc, 0, COUNT(client_trades) - 1)],
            rng_chance(rc, 0.1)
                ? client_suffixes[rng_int(rc, 0, COUNT(client_suffixes) - 1)]
                : "");
        counts[U_USER] = draw_users(rc);
        /* skewed: the first client and about one in a hundred more have
         * thousands of users (a hospital group beside dental offices) */
        if (g->kn.skewed && (c == 0 || rng_chance(rc, 0.01)))
            counts[U_USER] = rng_int(rc, 1000, 5000);
        counts[U_DEVICE] =
            round_to(counts[U_USER] * rng_range(rc, 1.0, 1.4), 1);
        counts[U_SERVER] =
            counts[U_USER] < 5
                ? rng_int(rc, 0, 1)
                : round_to(counts[U_USER] / 25.0 * rng_range(rc, 0.5, 1.5), 1);
        if (counts[U_USER] >= 5 && counts[U_SERVER] < 1)
            counts[U_SERVER] = 1;
        counts[U_TB] =
            round_to(0.3 + counts[U_USER] * rng_range(rc, 0.02, 0.08), 0.1);
        counts[U_FLAT] = 1;
        /* some clients need more than the three every client needs */
        if (g->k > BASE_REQUIRED && rng_chance(rc, 0.3)) {
            int want = rng_int(rc, 1, 3);
            if (want > g->k - BASE_REQUIRED)
                want = g->k - BASE_REQUIRED;
            for (tries = 0; extra < want && tries < 20; tries++) {
                uint32_t bit = 1u << rng_int(rc, BASE_REQUIRED, g->k - 1);
                if (!(req & bit)) {
                    req |= bit;
                    extra++;
                }
            }
        }
        csv_field(cfp, cid);
        fputc(',', cfp);
        csv_field(cfp, name);
        fprintf(cfp, ",%.0f,%.0f,%.0f,%.1f,", counts[U_USER], counts[U_DEVICE],
                counts[U_SERVER], counts[U_TB]);
        if (extra)
            csv_categories(cfp, req, g->k);
        fputc('\n', cfp);

        /* the inherited stack, picked category by category: usually 2
         * to 4 products, now and then a gap or a redundant product */
        cap = extra ? 5 : 4;
        covered = 0;
        for (k = 0; k < g->k && nheld < cap; k++) {
            int pi;
            if (!(req & (1u << k)) || (covered & (1u << k)))
                continue;
            if (rng_chance(ri, 0.03))
                continue;
            pi = pick_new(g, k, held, nheld, counts[U_USER], req, ri);
            if (pi < 0)
                continue;
            held[nheld++] = pi;
            covered |= g->products[pi].covers;
        }
        /* at least two rows */
        for (tries = 0; nheld < 2 && tries < 10; tries++) {
            int pi = pick_new(g, rng_int(ri, 0, BASE_REQUIRED - 1), held,
                              nheld, counts[U_USER], req, ri);
            if (pi >= 0)
                held[nheld++] = pi;
        }
        /* now and then a second product for a category: two antivirus
         * agents are a classic inherited mess */
        if (nheld < cap && rng_chance(ri, 0.1)) {
            int pi = pick_new(g, rng_int(ri, 0, BASE_REQUIRED - 1), held,
                              nheld, counts[U_USER], req, ri);
            if (pi >= 0)
                held[nheld++] = pi;
        }
        for (k = 0; k < nheld; k++)
            write_holding(g, ifp, cid, counts, held[k], ri);
        /* the "freeze" scenario pins the biggest client without a gap:
         * pinning one with a gap would waive its coverage and look like
         * a saving */
        gapless = (covered & req) == req;
        if (gapless != g->biggest_gapless
                ? gapless
                : counts[U_USER] > g->biggest_users) {
            g->biggest_users = counts[U_USER];
            g->biggest_client = c;
            g->biggest_gapless = gapless;
        }
    }
}

/* deep-tiers: 6 to 8 levels a product, thresholds 1.6 times apart from
 * twice the number of clients (a tenth of it for per-site products), so
 * a popular product reaches several of them and its clients' choices
 * decide which; each step 2 to 4 % cheaper. */
static void write_deep_tiers(struct gen *g, FILE *fp, struct rng *r,
                             const int *order, int ntier)
{
    int i, t;

    for (i = 0; i < ntier; i++) {
        const struct gen_product *p = &g->products[order[i]];
        int levels = rng_int(r, 6, 8);
        double off = 0, at = 2.0 * g->o->clients;

        if (p->unit == U_FLAT)
            at = g->o->clients / 10.0 < 2 ? 2 : g->o->clients / 10.0;
        for (t = 0; t < levels; t++) {
            double price;
            off += rng_range(r, 0.02, 0.04);
            price = round_to(p->price * (1 - off), 0.01);
            if (price < 0.01)
                price = 0.01;
            csv_field(fp, p->id);
            fprintf(fp, ",%.0f,%.2f\n", round_to(at, 1), price);
            g->tier_rows++;
            at *= 1.6;
        }
    }
}

/* All-units tiers on SP_GEN_TIERED_PRODUCTS products: thresholds on a
 * 1-2.5-5 ladder, the first near the number of clients (so a product on
 * a good share of the book reaches it), each step 4 to 6 % cheaper. */
static int write_tiers(struct gen *g, FILE *fp, struct rng *r)
{
    static const double ladder[] = {100,    250,    500,     1000,   2500,
                                    5000,   10000,  25000,   50000,  100000,
                                    250000, 500000, 1000000, 2500000};
    int np = g->o->products,
        ntier = np < SP_GEN_TIERED_PRODUCTS ? np : SP_GEN_TIERED_PRODUCTS;
    int *order = malloc((size_t)np * sizeof(int));
    int i, j, t, start = 0;

    if (!order)
        return SP_ERR_NOMEM;
    if (g->kn.deep_tiers)
        ntier =
            np < 2 * SP_GEN_TIERED_PRODUCTS ? np : 2 * SP_GEN_TIERED_PRODUCTS;
    for (i = 0; i < np; i++)
        order[i] = i;
    for (i = 0; i < ntier; i++) {
        j = rng_int(r, i, np - 1);
        t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    while (start + 3 < COUNT(ladder) && ladder[start + 1] <= g->o->clients)
        start++;
    fputs("product,min_units,price\n", fp);
    if (g->kn.deep_tiers) {
        write_deep_tiers(g, fp, r, order, ntier);
        free(order);
        return SP_OK;
    }
    for (i = 0; i < ntier; i++) {
        const struct gen_product *p = &g->products[order[i]];
        int levels = rng_int(r, 2, 3), step = start;
        double off = 0;

        if (p->unit == U_FLAT)
            step = start > 2 ? start - 2 : 0; /* one unit per client */
        for (t = 0; t < levels && step < COUNT(ladder); t++) {
            double price;
            off += rng_range(r, 0.04, 0.06);
            price = round_to(p->price * (1 - off), 0.01);
            if (price < 0.01)
                price = 0.01;
            csv_field(fp, p->id);
            fprintf(fp, ",%.0f,%.2f\n", ladder[step], price);
            g->tier_rows++;
            step += rng_int(r, 1, 2);
        }
    }
    free(order);
    return SP_OK;
}

/* A vendor and its inventory rows, to rank vendors by size today. */
struct vendor_rank {
    long rows;
    int vendor;
};

/* Most rows first; ties by index, so the order is the same everywhere. */
static int by_rows_desc(const void *a, const void *b)
{
    const struct vendor_rank *ra = a, *rb = b;

    if (ra->rows != rb->rows)
        return ra->rows > rb->rows ? -1 : 1;
    return ra->vendor - rb->vendor;
}

static int write_scenarios(const struct gen *g, FILE *fp)
{
    int nv = g->o->vendors, np = g->o->products;
    int v, keep, drop = -1, top_product = 0, i, width = 3;
    struct vendor_rank *rank = malloc((size_t)nv * sizeof(*rank));
    char buf[256];

    if (!rank)
        return SP_ERR_NOMEM;
    for (v = 0; v < nv; v++) {
        rank[v].rows = g->vendors[v].rows;
        rank[v].vendor = v;
    }
    qsort(rank, (size_t)nv, sizeof(*rank), by_rows_desc);
    /* "keep" an incumbent of middling size: the optimum may well drop
     * it, so the scenario prices that decision */
    keep = rank[nv / 2].vendor;
    /* and drop the busiest vendor outside the platforms: a big, costly
     * migration; never a platform vendor, so the scenario stays
     * feasible */
    for (i = 0; i < nv && drop < 0; i++)
        if (rank[i].vendor >= 3 && rank[i].vendor != keep)
            drop = rank[i].vendor;
    free(rank);
    for (i = 0; i < np; i++)
        if (g->products[i].rows > g->products[top_product].rows)
            top_product = i;
    for (i = g->o->clients; i >= 1000 && width < 9; i /= 10)
        width++;

    fputs("{\n"
          "  \"settings\": {\"horizon_months\": 36, \"labor_rate\": 95,\n"
          "               \"start_date\": \"2027-01-01\",\n"
          "               \"migration_hours_fixed\": 4,"
          " \"migration_hours_per_unit\": 0.25,\n"
          "               \"required\": [\"email\", \"endpoint\","
          " \"backup\"],\n"
          "               \"currency\": \"USD\", \"markup\": 0.25},\n"
          "  \"scenarios\": [\n"
          "    {\"name\": \"optimal\"},\n"
          "    {\"name\": \"max 3 vendors\", \"max_vendors\": 3},\n",
          fp);

    if (drop >= 0)
        snprintf(buf, sizeof(buf), "keep %s, drop %s", g->vendors[keep].name,
                 g->vendors[drop].name);
    else
        snprintf(buf, sizeof(buf), "keep %s", g->vendors[keep].name);
    fputs("    {\"name\": ", fp);
    json_string(fp, buf);
    fputs(",\n     \"require_vendors\": [", fp);
    json_string(fp, g->vendors[keep].name);
    fputc(']', fp);
    if (drop >= 0) {
        fputs(",\n     \"exclude_vendors\": [", fp);
        json_string(fp, g->vendors[drop].name);
        fputc(']', fp);
    }
    fputs("},\n", fp);

    snprintf(buf, sizeof(buf), "%s +10%%", g->products[top_product].id);
    fputs("    {\"name\": ", fp);
    json_string(fp, buf);
    fputs(", \"price_change\": {", fp);
    json_string(fp, g->products[top_product].id);
    fputs(": 0.10},\n     \"horizon_months\": 24},\n", fp);

    snprintf(buf, sizeof(buf), "c%0*d", width, g->biggest_client + 1);
    fprintf(fp, "    {\"name\": \"freeze %s\", \"keep_clients\": [\"%s\"]}\n",
            buf, buf);
    fputs("  ]\n}\n", fp);
    return SP_OK;
}

/* ---- the folder ----------------------------------------------------------
 */

/* mkdir -p. */
static int make_dirs(const char *dir, char *err, size_t errsize)
{
    char *path = strdup(dir);
    char *s;
    int st = SP_OK;

    if (!path) {
        set_err(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    for (s = path + 1;; s++) {
        char saved = *s;
        struct stat sb;

        if (saved != '/' && saved != '\0')
            continue;
        *s = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            set_err(err, errsize, "%s: cannot create folder: %s", path,
                    strerror(errno));
            st = SP_ERR_IO;
            goto cleanup;
        }
        if (saved == '\0') {
            if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
                set_err(err, errsize, "%s: not a folder", path);
                st = SP_ERR_IO;
            }
            goto cleanup;
        }
        *s = saved;
    }
cleanup:
    free(path);
    return st;
}

static int check_empty(const char *dir, char *err, size_t errsize)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int st = SP_OK;

    if (!d) {
        set_err(err, errsize, "%s: cannot read folder: %s", dir,
                strerror(errno));
        return SP_ERR_IO;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        set_err(err, errsize,
                "%s: folder is not empty; use --force to write into it", dir);
        st = SP_ERR_IO;
        break;
    }
    closedir(d);
    return st;
}

void sp_generate_options_init(struct sp_generate_options *o)
{
    memset(o, 0, sizeof(*o));
    o->seed = 1;
    o->vendors = 25;
    o->products = 60;
    o->categories = 8;
}

static int check_options(const struct sp_generate_options *o, char *err,
                         size_t errsize)
{
    if (o->clients < 1 || o->clients > SP_GEN_MAX_CLIENTS)
        set_err(err, errsize, "clients must be from 1 to %d",
                SP_GEN_MAX_CLIENTS);
    else if (o->vendors < SP_GEN_MIN_VENDORS ||
             o->vendors > SP_GEN_MAX_VENDORS)
        set_err(err, errsize, "vendors must be from %d to %d",
                SP_GEN_MIN_VENDORS, SP_GEN_MAX_VENDORS);
    else if (o->products < o->vendors || o->products > SP_GEN_MAX_PRODUCTS)
        set_err(err, errsize,
                "products must be from the number of vendors to %d",
                SP_GEN_MAX_PRODUCTS);
    else if (o->categories < SP_GEN_MIN_CATEGORIES ||
             o->categories > SP_GEN_MAX_CATEGORIES)
        set_err(err, errsize, "categories must be from %d to %d",
                SP_GEN_MIN_CATEGORIES, SP_GEN_MAX_CATEGORIES);
    else
        return SP_OK;
    return SP_ERR_USAGE;
}

int sp_generate(const struct sp_generate_options *o, const char *out_dir,
                struct sp_generate_summary *summary, char *err, size_t errsize)
{
    enum {
        F_CATALOG,
        F_CLIENTS,
        F_INVENTORY,
        F_VENDORS,
        F_TIERS,
        F_SCENARIOS,
        F_COUNT
    };
    static const char *const names[F_COUNT] = {
        "catalog.csv", "clients.csv", "inventory.csv",
        "vendors.csv", "tiers.csv",   "scenarios.json"};
    struct sp_gen_out files[F_COUNT];
    struct gen g;
    struct rng r_vendors = rng_stream(o->seed, 1);
    struct rng r_products = rng_stream(o->seed, 2);
    struct rng r_clients = rng_stream(o->seed, 3);
    struct rng r_inventory = rng_stream(o->seed, 4);
    struct rng r_overhead = rng_stream(o->seed, 5);
    struct rng r_tiers = rng_stream(o->seed, 6);
    int st, i;

    if (o->family == SP_GEN_UFL || o->family == SP_GEN_UFL_UNIFORM)
        return sp_generate_ufl(o, out_dir, summary, err, errsize);
    memset(&g, 0, sizeof(g));
    memset(files, 0, sizeof(files));
    g.o = o;
    sp_gen_family_knobs(o->family, &g.kn);
    g.k = o->categories;
    g.biggest_users = -1;
    st = check_options(o, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    st = make_dirs(out_dir, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    if (!o->force) {
        st = check_empty(out_dir, err, errsize);
        if (st != SP_OK)
            goto cleanup;
    }

    g.vendors = calloc((size_t)o->vendors, sizeof(*g.vendors));
    g.products = calloc((size_t)o->products, sizeof(*g.products));
    if (!g.vendors || !g.products) {
        set_err(err, errsize, "out of memory");
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    make_vendors(&g, &r_vendors);
    make_products(&g, &r_products);
    if (index_products(&g) != 0) {
        set_err(err, errsize, "out of memory");
        st = SP_ERR_NOMEM;
        goto cleanup;
    }

    for (i = 0; i < F_COUNT; i++) {
        if (i == F_TIERS && !o->tiers)
            continue;
        st = out_open(&files[i], out_dir, names[i], err, errsize);
        if (st != SP_OK)
            goto cleanup;
    }
    write_catalog(&g, files[F_CATALOG].fp);
    write_clients(&g, files[F_CLIENTS].fp, files[F_INVENTORY].fp, &r_clients,
                  &r_inventory);
    write_vendors(&g, files[F_VENDORS].fp, &r_overhead);
    if (o->tiers) {
        st = write_tiers(&g, files[F_TIERS].fp, &r_tiers);
        if (st != SP_OK) {
            set_err(err, errsize, "out of memory");
            goto cleanup;
        }
    }
    st = write_scenarios(&g, files[F_SCENARIOS].fp);
    if (st != SP_OK)
        set_err(err, errsize, "out of memory");

cleanup:
    /* every file is renamed into place, or none that is left */
    for (i = 0; i < F_COUNT; i++)
        if (!out_finish(&files[i], st == SP_OK, err, errsize))
            st = SP_ERR_IO;
    for (i = 0; i < F_COUNT; i++)
        if (!out_commit(&files[i], st == SP_OK, err, errsize))
            st = SP_ERR_IO;
    if (st == SP_OK && !o->tiers) {
        /* a stale tiers.csv would change what the folder means */
        char *stale = join_path(out_dir, "tiers.csv");
        if (!stale) {
            set_err(err, errsize, "out of memory");
            st = SP_ERR_NOMEM;
        } else {
            if (remove(stale) != 0 && errno != ENOENT) {
                set_err(err, errsize, "%s: cannot remove: %s", stale,
                        strerror(errno));
                st = SP_ERR_IO;
            }
            free(stale);
        }
    }
    if (st == SP_OK && summary) {
        summary->clients = o->clients;
        summary->products = o->products;
        summary->vendors = o->vendors;
        summary->categories = o->categories;
        summary->holdings = g.holdings;
        summary->tiers = g.tier_rows;
    }
    gen_clear(&g);
    return st;
}

/* ---- shared with the other generator files (gen_int.h) ------------------
 */

void sp_gen_set_err(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;

    if (!err || size == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

char *sp_gen_join_path(const char *dir, const char *name)
{
    return join_path(dir, name);
}

int sp_gen_prepare_dir(const char *dir, int force, char *err, size_t errsize)
{
    int st = make_dirs(dir, err, errsize);

    if (st == SP_OK && !force)
        st = check_empty(dir, err, errsize);
    return st;
}

int sp_gen_out_open(struct sp_gen_out *f, const char *dir, const char *name,
                    char *err, size_t errsize)
{
    return out_open(f, dir, name, err, errsize);
}

int sp_gen_out_finish(struct sp_gen_out *f, int report, char *err,
                      size_t errsize)
{
    return out_finish(f, report, err, errsize);
}

int sp_gen_out_commit(struct sp_gen_out *f, int commit, char *err,
                      size_t errsize)
{
    return out_commit(f, commit, err, errsize);
}

int sp_gen_remove_stale(const char *dir, const char *name, char *err,
                        size_t errsize)
{
    char *stale = join_path(dir, name);
    int st = SP_OK;

    if (!stale) {
        set_err(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    if (remove(stale) != 0 && errno != ENOENT) {
        set_err(err, errsize, "%s: cannot remove: %s", stale, strerror(errno));
        st = SP_ERR_IO;
    }
    free(stale);
    return st;
}
