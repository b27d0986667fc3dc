/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The core layer of the model (model/core/): the in-memory problem,
 * plans and their costs, dates, the independent verification and the
 * solve results.  Private to the library: importers build the problem,
 * model/mip and model/whatif fill the results, exporters only read them.
 */
#ifndef SP_CORE_INT_H
#define SP_CORE_INT_H

/*
 * The in-memory problem.  Private to the library: importers build it,
 * the model reads it, exporters read it beside the results.
 *
 * Categories and vendors are interned: everything past the importers
 * refers to them by index.  Every array is owned by the problem and freed
 * by sp_problem_free().
 */

#include <stdbool.h>
#include "stackplan/problem.h"

/** Billing units of docs/formats.md; a client's counts are indexed by them. */
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
    int line; /* tiers.csv line */
};

struct sp_product {
    char *id;
    char *name; /* display name; never NULL (defaults to id) */
    int vendor; /* index into problem->vendors */
    enum sp_unit unit;
    double price; /* catalog price per unit per month */
    double min_units;
    double setup_fee;
    double resale_price; /* given, or price * (1 + settings markup) */
    bool has_resale_price;
    int *covers; /* category indices, ascending, unique */
    int ncovers;
    struct sp_tier *tiers; /* ascending min_units, unique */
    int ntiers;
    int line; /* catalog.csv line */
};

struct sp_vendor {
    char *name;
    double monthly_fee;
    double admin_hours;
    double min_commit;
    int line; /* vendors.csv line; 0 = no row (all zero) */
};

struct sp_client {
    char *id;
    char *name;                  /* never NULL (defaults to id) */
    double count[SP_UNIT_COUNT]; /* users, devices, servers, tb; flat = 1 */
    int *requires;               /* category indices; 0 entries = the
                                    scenario settings' required list */
    int nrequires;
    int *holdings; /* indices into problem->holdings */
    int nholdings;
    int line;
};

/** One inventory.csv row: a product a client runs today. */
struct sp_holding {
    int client;       /* index into problem->clients */
    int product;      /* index into problem->products; -1 = unmapped */
    char *product_id; /* as written */
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
    bool start_date_given; /* false = today was used */
    int *required;         /* category indices */
    int nrequired;
    char currency[16];
};

/** A price_change entry, resolved to a product or a vendor. */
struct sp_price_change {
    bool is_vendor;
    int index;       /* product or vendor index */
    double fraction; /* +0.10 = +10 % */
};

/** A scenario with its settings fully resolved (file settings + its own
 *  overrides). */
struct sp_scenario {
    char *name;
    struct sp_settings settings;
    int max_vendors; /* -1 = no limit */
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
    int line;        /* scenarios.json line of its object; 0 = default */
    bool ineligible; /* "eligible": false: never the recommended plan */
};

struct sp_problem {
    char *dir;
    char *scenarios_path; /* the scenarios.json read, as an absolute path
                             where it resolves; NULL = none */
    char **categories;    /* normalised names: lower case, '_' for ' ' '-' */
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

/* Helpers every module may use (model/core/problem.c). */

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

/* Dates (model/core/date.c). */
bool sp_date_parse(const char *s, struct sp_date *out);
void sp_date_format(const struct sp_date *d, char buf[11]);
int sp_date_cmp(const struct sp_date *a, const struct sp_date *b);
struct sp_date sp_date_today(void);

/*
 * Plans, their costs and the solve results.  Private to the library:
 * the model fills them, exporters only read them.
 */

#include <stdbool.h>
#include "stackplan/solve.h"

/** An assignment: which products each client runs, which vendors are
 *  kept.  Indices are those of the problem. */
struct sp_plan {
    int nclients, nproducts, nvendors;
    unsigned char *x;    /* nclients * nproducts, row-major; 1 = runs it */
    unsigned char *kept; /* nvendors; 1 = vendor kept */
};

struct sp_plan *sp_plan_new(const struct sp_problem *pb);
void sp_plan_free(struct sp_plan *self);
/** The current stack: mapped inventory rows; vendors with one kept. */
struct sp_plan *sp_plan_current(const struct sp_problem *pb);
static inline bool sp_plan_has(const struct sp_plan *pl, int c, int p)
{
    return pl->x[(size_t)c * (size_t)pl->nproducts + (size_t)p] != 0;
}

/**
 * A plan costed by docs/model.md (model/core/cost.c).  Every figure is in
 * full precision; monthly figures are per month, totals over the horizon.
 */
struct sp_costing {
    double licence, migration, termination, vendor_overhead, total;
    double monthly_licence;  /* licence spend per month */
    double monthly_overhead; /* fees + admin labour + shortfall per month */
    double monthly_run_rate; /* monthly_licence + monthly_overhead */
    double horizon;          /* H used */

    /* per client (nclients) */
    double *client_monthly;     /* licence per month */
    double *client_migration;   /* one-time */
    double *client_termination; /* one-time */

    /* per product (nproducts) */
    double *product_units;   /* total billable units chosen */
    int *product_tier;       /* -1 = catalog price, else tier index */
    double *product_price;   /* unit price reached, after price_change */
    double *product_monthly; /* licence per month over all clients */
    double *multiplier;      /* 1 + price_change fraction */

    /* per vendor (nvendors) */
    double *vendor_monthly;           /* licence spend per month */
    double *vendor_overhead_monthly;  /* fee + labour, 0 if not kept */
    double *vendor_shortfall_monthly; /* min_commit shortfall, 0 if not kept */

    /* coverage */
    int nuncovered; /* (client, category) pairs not covered,
                       clients pinned by keep_clients included */
};

void sp_costing_free(struct sp_costing *self);

/**
 * @brief The categories client c requires under settings s that no
 *        product of the plan covers; writes at most max indices to out.
 * @return the number of missing categories.
 */
int sp_plan_client_gaps(const struct sp_problem *pb,
                        const struct sp_settings *s,
                        const struct sp_plan *plan, int c, int *out, int max);

/**
 * @brief Costs plan under scenario sc (its settings and price changes)
 *        with the current stack as the starting point.  sc == NULL
 *        means the file's settings and no price change.
 * @return a new costing (free with sp_costing_free), NULL when out of
 *         memory.
 */
struct sp_costing *sp_cost_plan(const struct sp_problem *pb,
                                const struct sp_scenario *sc,
                                const struct sp_plan *plan);

/** Billable units b(c,p) of docs/model.md. */
double sp_cost_billable(const struct sp_problem *pb, int c, int p);
/** Licence per month of (c,p) in a costed plan (contract or tier price). */
double sp_cost_pair_monthly(const struct sp_problem *pb,
                            const struct sp_costing *k, int c, int p);
/** What leaving inventory row h costs under settings s, its licence
 *  prices multiplied by mult (1 + price_change). */
double sp_cost_leaving(const struct sp_problem *pb,
                       const struct sp_settings *s, double mult, int h);
/** Inventory row index of client c running product p today, or -1. */
int sp_current_holding(const struct sp_problem *pb, int c, int p);

enum sp_plan_status {
    SP_PLAN_OPTIMAL,
    SP_PLAN_FEASIBLE,
    SP_PLAN_TIME_LIMIT,
    SP_PLAN_INFEASIBLE
};

const char *sp_plan_status_name(enum sp_plan_status s);

struct sp_scenario_result {
    const struct sp_scenario *scenario;
    int index; /* index into problem->scenarios */
    enum sp_plan_status status;
    struct sp_plan *plan;        /* NULL when infeasible */
    struct sp_costing *cost;     /* the plan recomputed; NULL if none */
    struct sp_costing *baseline; /* current stack under this scenario */
    double objective;            /* the solver's value, for the record */
    double bound;                /* best bound */
    double gap;                  /* (total - bound) / total, >= 0 */
    double solve_seconds;
    char *reason; /* why infeasible, else NULL */
};

/**
 * @brief Solves one scenario (which need not be one of pb->scenarios: a
 *        what-if may build its own) against the current stack, with the
 *        same verification as sp_solve.  r is overwritten; release it with
 *        sp_scenario_result_clear.  The scenario must outlive r.
 * @return as sp_solve; an infeasible scenario is SP_OK with r->status
 *         SP_PLAN_INFEASIBLE and r->reason set.
 */
enum sp_status sp_solve_one(const struct sp_problem *pb,
                            const struct sp_scenario *sc,
                            const struct sp_plan *current,
                            const struct sp_solve_options *options,
                            struct sp_scenario_result *r, char *err,
                            size_t errsize);
/** Frees what a scenario result owns (not the struct); accepts zeroes. */
void sp_scenario_result_clear(struct sp_scenario_result *r);
/** Frees only its plan and the plan's costing. */
void sp_scenario_result_clear_plan(struct sp_scenario_result *r);

struct sp_result {
    const struct sp_problem *problem;
    struct sp_plan *current;     /* the current stack */
    struct sp_costing *baseline; /* under the file's settings */
    struct sp_scenario_result *scenarios;
    int nscenarios;
    bool recosted; /* plans read back and costed on other data (recost) */
};

/* The independent check every plan passes before it is reported. */

/**
 * @brief Checks that plan satisfies scenario sc: every required category
 *        of every client not pinned by keep_clients is covered, pinned
 *        clients run exactly their current stack, nothing excluded is
 *        used, every used product's vendor is kept, required vendors are
 *        kept, and at most max_vendors vendors are kept.
 * @return true when it does; otherwise false with the first violation
 *         described in err.
 */
bool sp_verify_plan(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan, char *err, size_t errsize);

/* ---- scenarios (model/core/scenario.c) -------------------------------- */

/** Deep copy of a scenario (name, settings, every list); false when out
 *  of memory (dst is then cleared). */
bool sp_scenario_copy(struct sp_scenario *dst, const struct sp_scenario *src);
/** Frees what a scenario owns (not the struct) and zeroes it. */
void sp_scenario_clear(struct sp_scenario *sc);

/* ---- the problem's digest (model/core/digest.c) ------------------------ */

/** path made absolute and canonical (realpath), or a copy of path when
 *  it does not resolve; NULL when out of memory.  Caller frees. */
char *sp_path_absolute(const char *path);
/** A digest of everything the loaded problem holds that a plan's cost
 *  depends on (not its folder's path): 16 hex digits and a NUL. */
void sp_problem_digest(const struct sp_problem *pb, char out[17]);

#endif
