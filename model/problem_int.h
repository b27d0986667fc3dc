/*
 * The in-memory problem.  Private to the library: importers build it,
 * the model reads it, exporters read it beside the results.
 *
 * Categories and vendors are interned: everything past the importers
 * refers to them by index.  Every array is owned by the problem and freed
 * by sp_problem_free().
 */
#ifndef SP_PROBLEM_INT_H
#define SP_PROBLEM_INT_H

#include <stdbool.h>
#include "stackplan/problem.h"

/** Billing units of SPEC section 2; a client's counts are indexed by them. */
enum sp_unit {
    SP_UNIT_USER,
    SP_UNIT_DEVICE,
    SP_UNIT_SERVER,
    SP_UNIT_TB,
    SP_UNIT_FLAT,
    SP_UNIT_COUNT
};

/** A calendar date. */
struct sp_date {
    int year, month, day;
};

/** One all-units volume tier: from min_units total units up, every unit
 *  costs price. */
struct sp_tier {
    double min_units;
    double price;
    int line;            /* tiers.csv line */
};

struct sp_product {
    char *id;
    char *name;          /* display name; never NULL (defaults to id) */
    int vendor;          /* index into problem->vendors */
    enum sp_unit unit;
    double price;        /* catalog price per unit per month */
    double min_units;
    double setup_fee;
    double resale_price; /* given, or price * (1 + settings markup) */
    bool has_resale_price;
    int *covers;         /* category indices, ascending, unique */
    int ncovers;
    struct sp_tier *tiers; /* ascending min_units, unique */
    int ntiers;
    int line;            /* catalog.csv line */
};

struct sp_vendor {
    char *name;
    double monthly_fee;
    double admin_hours;
    double min_commit;
    int line;            /* vendors.csv line; 0 = no row (all zero) */
};

struct sp_client {
    char *id;
    char *name;                 /* never NULL (defaults to id) */
    double count[SP_UNIT_COUNT]; /* users, devices, servers, tb; flat = 1 */
    int *requires;              /* category indices; 0 entries = the
                                   scenario settings' required list */
    int nrequires;
    int *holdings;              /* indices into problem->holdings */
    int nholdings;
    int line;
};

/** One inventory.csv row: a product a client runs today. */
struct sp_holding {
    int client;          /* index into problem->clients */
    int product;         /* index into problem->products; -1 = unmapped */
    char *product_id;    /* as written */
    bool has_units;
    double units;
    bool has_monthly_cost;
    double monthly_cost;
    bool has_contract_end;
    struct sp_date contract_end;
    bool has_termination_fee;
    double termination_fee;
    int line;
};

struct sp_settings {
    double horizon_months;
    double labor_rate;
    double migration_hours_fixed;
    double migration_hours_per_unit;
    double markup;
    struct sp_date start_date;
    bool start_date_given;      /* false = today was used */
    int *required;              /* category indices */
    int nrequired;
    char currency[16];
};

/** A price_change entry, resolved to a product or a vendor. */
struct sp_price_change {
    bool is_vendor;
    int index;           /* product or vendor index */
    double fraction;     /* +0.10 = +10 % */
};

/** A scenario with its settings fully resolved (file settings + its own
 *  overrides). */
struct sp_scenario {
    char *name;
    struct sp_settings settings;
    int max_vendors;     /* -1 = no limit */
    int *require_vendors;
    int nrequire_vendors;
    int *exclude_vendors;
    int nexclude_vendors;
    int *exclude_products;
    int nexclude_products;
    int *keep_clients;
    int nkeep_clients;
    struct sp_price_change *price_changes;
    int nprice_changes;
    int line;            /* scenarios.json line of its object; 0 = default */
};

struct sp_problem {
    char *dir;
    char *scenarios_path; /* the scenarios.json read, as an absolute path
                             where it resolves; NULL = none */
    char **categories;   /* normalised names: lower case, '_' for ' ' '-' */
    int ncategories;
    struct sp_product *products;
    int nproducts;
    struct sp_vendor *vendors;
    int nvendors;
    struct sp_client *clients;
    int nclients;
    struct sp_holding *holdings;
    int nholdings;
    struct sp_settings settings;   /* the file's settings */
    struct sp_scenario *scenarios; /* at least one ("optimal") */
    int nscenarios;
    bool has_inventory;
    bool has_scenarios_file;
};

/* Helpers every module may use (model/problem.c). */

/** The categories a client needs under a scenario's settings. */
const int *sp_client_requires(const struct sp_problem *pb,
                              const struct sp_client *c,
                              const struct sp_settings *s, int *n);
/** Index of a product/vendor/client/category by exact id, or -1. */
int sp_problem_find_product(const struct sp_problem *pb, const char *id);
int sp_problem_find_vendor(const struct sp_problem *pb, const char *name);
int sp_problem_find_client(const struct sp_problem *pb, const char *id);
int sp_problem_find_category(const struct sp_problem *pb, const char *norm);
/** Does product p cover category k? */
bool sp_product_covers(const struct sp_product *p, int k);
/** Frees the arrays a settings struct owns (not the struct). */
void sp_settings_clear(struct sp_settings *s);
/** Deep copy of settings; false when out of memory. */
bool sp_settings_copy(struct sp_settings *dst, const struct sp_settings *src);

/* Dates (model/date.c). */
bool sp_date_parse(const char *s, struct sp_date *out);
void sp_date_format(const struct sp_date *d, char buf[11]);
int sp_date_cmp(const struct sp_date *a, const struct sp_date *b);
struct sp_date sp_date_today(void);

#endif
