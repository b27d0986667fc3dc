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
    bool essential; /* a client that runs it today keeps it (pins.c) */
    int *covers;    /* category indices, ascending, unique */
    int ncovers;
    struct sp_tier *tiers; /* ascending min_units, unique */
    int ntiers;
    char **aliases; /* catalog `aliases`: other names `import` matches */
    int naliases;
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
    int *reqbuf;     /* ncategories: R(c) with keep_capabilities, built by
                        sp_client_requires (pins.c); NULL until
                        sp_problem_prepare_pins */
    int *frameworks; /* clients.csv `frameworks`: problem->frameworks
                        indices, ascending, unique */
    int nframeworks;
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
    bool has_monthly_price; /* what the client is invoiced (margin.c) */
    double monthly_price;
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
    bool switch_renewal;     /* "switch": "renewal" (docs/model.md); false =
                                "now" */
    bool keep_capabilities;  /* R(c) also holds what c covers today */
    int pricing;             /* enum sp_pricing (margin.c) */
    int *require_frameworks; /* problem->frameworks indices, every client
                                must meet (docs/compliance.md) */
    int nrequire_frameworks;
};

/** The setting `pricing` (docs/model.md "Revenue and margin"). */
enum sp_pricing {
    SP_PRICING_HOLD, /* clients keep paying today's price */
    SP_PRICING_LIST  /* every product at its resale price */
};

/** A keep_client_products entry: client c keeps product p. */
struct sp_pin {
    int client, product;
};

/** A price_change entry, resolved to a product or a vendor. */
struct sp_price_change {
    bool is_vendor;
    int index;       /* product or vendor index */
    double fraction; /* +0.10 = +10 % */
};

/** The concentration guards of a scenario (docs/compliance.md): groups
 *  of categories no one vendor may cover two of for a client, and the
 *  most categories of R(c) one vendor may cover for a client. */
struct sp_guards {
    int *group_cats;  /* every group's categories, group after group */
    int *group_first; /* ngroups + 1 offsets into group_cats */
    int ngroups;
    int max_per_vendor; /* 0 = no limit */
};

/** One row of controls.csv: a control is met for a client when a product
 *  of its plan covers one of its categories. */
struct sp_control {
    int framework;   /* index into problem->frameworks */
    char *id;        /* as written, e.g. "9.2" */
    char *title;     /* never NULL (defaults to id) */
    int *categories; /* catalog categories, ascending, unique */
    int ncategories;
    char *covers_text; /* the categories field as written, for messages */
    int line;
};

/** A framework of controls.csv (its controls carry its index). */
struct sp_framework {
    char *name;    /* normalised like a category */
    char *label;   /* as first written */
    int ncontrols; /* in scope: controls.csv rows */
    int total;     /* `framework_controls`: all the framework has; 0 =
                      not given */
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
    int *keep_products; /* every client that runs one today keeps it */
    int nkeep_products;
    struct sp_pin *keep_client_products;
    int nkeep_client_products;
    struct sp_guards guards; /* separate, max_categories_per_vendor */
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
    /* one block behind every client's holdings[] (inventory.c), freed
     * once; NULL = each client's array is its own malloc */
    int *holdings_block;
    struct sp_settings settings;   /* the file's settings */
    struct sp_scenario *scenarios; /* at least one ("optimal") */
    int nscenarios;
    bool has_inventory;
    bool has_scenarios_file;
    struct sp_framework *frameworks; /* controls.csv, in first-seen order */
    int nframeworks;
    struct sp_control *controls;
    int ncontrols;
    char *controls_file; /* base name for messages; NULL = none read */
    char *controls_path; /* --controls FILE made absolute; NULL = none */
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

/** Optimal string alignment distance, ASCII case folded, of the first 64
 *  bytes of each (model/core/suggest.c). */
int sp_edit_distance(const char *a, const char *b);

/** "WHAT 'TYPED'PROBLEM; did you mean 'SUGGESTION'?" into err; the
 *  question only when suggestion is not NULL. */
void sp_name_error(char *err, size_t errsize, const char *what,
                   const char *typed, const char *problem,
                   const char *suggestion);

/** Whether v is one of the n entries of list (model/core/problem.c). */
bool sp_in_list(const int *list, int n, int v);

/* Dates (model/core/date.c). */
bool sp_date_parse(const char *s, struct sp_date *out);
void sp_date_format(const struct sp_date *d, char buf[11]);
int sp_date_cmp(const struct sp_date *a, const struct sp_date *b);
struct sp_date sp_date_today(void);
/** d plus months calendar months, the day clamped to the last day of the
 *  month reached (2027-01-31 + 1 = 2027-02-28). */
struct sp_date sp_date_add_months(const struct sp_date *d, int months);

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
    double delay_saving;     /* licence not paid before new products start
                                (renewal); licence = H * monthly_licence -
                                delay_saving */
    double horizon;          /* H used */

    /* per client (nclients) */
    double *client_monthly;     /* licence per month */
    double *client_migration;   /* one-time */
    double *client_termination; /* one-time */
    double *client_delay;       /* licence not paid before its new products
                                   start (renewal); its licence over the
                                   horizon = H * client_monthly - this */

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

/** The least total of units that reaches a tier of min_units:
 *  min_units - 1e-9 x max(1, min_units).  Unit totals are sums of
 *  decimals (0.1 + 4.1 + 0.8 is not exactly 5 in a double), so model and
 *  checks compare them with this one tolerance (docs/model.md). */
double sp_tier_threshold(double min_units);
/** Whether a product's total units reach a tier of min_units (the rule
 *  above); the checker, the formulation and the heuristics all use it. */
bool sp_tier_reached(double total, double min_units);
/** Billable units b(c,p) of docs/model.md. */
double sp_cost_billable(const struct sp_problem *pb, int c, int p);
/** Licence per month of (c,p) in a costed plan (contract or tier price). */
double sp_cost_pair_monthly(const struct sp_problem *pb,
                            const struct sp_costing *k, int c, int p);
/** What leaving inventory row h costs under settings s, its licence
 *  prices multiplied by mult (1 + price_change). */
double sp_cost_leaving(const struct sp_problem *pb,
                       const struct sp_settings *s, double mult, int h);
/** r_q of inventory row h (docs/model.md): the started months left on
 *  its contract, capped at H; 0 when it has ended or has no end
 *  (model/core/start.c). */
double sp_run_months(const struct sp_problem *pb, const struct sp_settings *s,
                     int h);
/** r'_q: sp_run_months, or 0 when the row carries a termination fee. */
double sp_renewal_months(const struct sp_problem *pb,
                         const struct sp_settings *s, int h);
/** d(c,p): the month (0-based) product p starts for client c in plan;
 *  0 under "now", for a product c runs today or one not in the plan. */
int sp_start_month(const struct sp_problem *pb, const struct sp_settings *s,
                   const struct sp_plan *plan, int c, int p);
/** Inventory row index of client c running product p today, or -1. */
int sp_current_holding(const struct sp_problem *pb, int c, int p);

/** Migration cost of client c newly adopting p under settings s. */
double sp_cost_migration(const struct sp_problem *pb,
                         const struct sp_settings *s, int c, int p);

/* ---- schedule, cash flow and payback (model/core/schedule.c) ---------- */

enum sp_action {
    SP_ACTION_ADOPT,     /* a new product starts (its migration cost) */
    SP_ACTION_RUN_OUT,   /* a left product's contract runs out, unpaid
                            from this month on */
    SP_ACTION_TERMINATE, /* a left product ended at month 0, its fee paid */
    SP_ACTION_ENDED      /* a left product with nothing left to pay */
};

const char *sp_action_name(enum sp_action a);

/** When an adopted product starts: month d (0-based) and its date. */
struct sp_start {
    int client, product, month;
    struct sp_date date;
};

struct sp_event {
    int month; /* 0-based; a run_out may be H (runs the whole horizon) */
    struct sp_date date;
    int client, product;
    enum sp_action action;
    double one_time_cost;
};

struct sp_schedule {
    struct sp_start *starts; /* every adopted (client, product), in client
                                then catalog order */
    int nstarts;
    struct sp_event *events; /* in month order */
    int nevents;
    int nmonths;           /* H */
    double *cash_flow;     /* nmonths: what the plan pays in month m */
    double *baseline_flow; /* nmonths: the baseline's total spread evenly */
    int payback_months;    /* 1-based; 0 = none within H */
};

/**
 * @brief The schedule, cash flow and payback of plan (costed as cost)
 *        against baseline (the current stack under the same scenario;
 *        NULL = no payback) under scenario sc (NULL = file settings).
 * @return a new schedule (free with sp_schedule_free), NULL when out of
 *         memory.
 */
struct sp_schedule *sp_schedule_new(const struct sp_problem *pb,
                                    const struct sp_scenario *sc,
                                    const struct sp_plan *plan,
                                    const struct sp_costing *cost,
                                    const struct sp_costing *baseline);
void sp_schedule_free(struct sp_schedule *self);
/** Index into starts of (c,p), or -1. */
int sp_schedule_start(const struct sp_schedule *k, int c, int p);

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
 *        clients run exactly their current stack, every pin of
 *        sp_scenario_pins is in the plan, nothing excluded is
 *        used, every used product's vendor is kept, required vendors are
 *        kept, and at most max_vendors vendors are kept.
 * @return true when it does; otherwise false with the first violation
 *         described in err.
 */
bool sp_verify_plan(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan, char *err, size_t errsize);

/**
 * @brief Checks that plan's month-by-month cash flow (model/core/schedule.c)
 *        sums to its total cost.
 * @return SP_OK; SP_ERR_VERIFY with err set; SP_ERR_NOMEM.
 */
enum sp_status sp_verify_schedule(const struct sp_problem *pb,
                                  const struct sp_scenario *sc,
                                  const struct sp_plan *plan,
                                  const struct sp_costing *cost, char *err,
                                  size_t errsize);

/* ---- scenarios (model/core/scenario.c) -------------------------------- */

/** Deep copy of a scenario (name, settings, every list); false when out
 *  of memory (dst is then cleared). */
bool sp_scenario_copy(struct sp_scenario *dst, const struct sp_scenario *src);
/** Frees what a scenario owns (not the struct) and zeroes it. */
void sp_scenario_clear(struct sp_scenario *sc);

/* ---- pins and capabilities (model/core/pins.c) ------------------------- */

/**
 * @brief Does scenario sc pin client c to product p (docs/model.md
 *        "Pins"): c runs p today and p is essential, in keep_products,
 *        or (c, p) is in keep_client_products.  keep_clients is not a
 *        pin (it has its own rules).
 * @param why set (when not NULL) to "essential", "keep_products" or
 *        "keep_client_products" for a pin.
 */
bool sp_scenario_pins(const struct sp_problem *pb,
                      const struct sp_scenario *sc, int c, int p,
                      const char **why);
/**
 * @brief The categories a current mapped product of client c covers
 *        today that no product of plan covers for c; writes at most max
 *        indices (ascending) to out.
 * @return how many there are.
 */
int sp_plan_client_lost(const struct sp_problem *pb,
                        const struct sp_plan *plan, int c, int *out, int max);
/** R(c) with keep_capabilities: base (n entries, updated) and then
 *  every category a current mapped product of c covers that base lacks,
 *  ascending, in c->reqbuf (for sp_client_requires). */
const int *sp_client_requires_kept(const struct sp_problem *pb,
                                   const struct sp_client *c, const int *base,
                                   int *n);
/** Allocates what keep_capabilities needs (each client's reqbuf); the
 *  loader calls it, and so must code that builds a problem by hand.
 *  false when out of memory. */
bool sp_problem_prepare_pins(struct sp_problem *pb);

/* ---- revenue and margin (model/core/margin.c) -------------------------- */

/** The resale price per unit per month of product p under settings s
 *  with multiplier mult (1 + price_change; 1 for today's price). */
double sp_margin_resale(const struct sp_problem *pb,
                        const struct sp_settings *s, int p, double mult);
/** What inventory row h is invoiced per month today: its monthly_price,
 *  else b x today's resale price (0 for an unmapped row without one). */
double sp_margin_row_price(const struct sp_problem *pb,
                           const struct sp_settings *s, int h);
/** What inventory row h brings in per month in plan (costed as k) under
 *  settings s: under hold its price today (kept or not), under list its
 *  price today x (1 + price_change) when the plan keeps it, else 0; 0
 *  for an unmapped row. */
double sp_margin_row_revenue(const struct sp_problem *pb,
                             const struct sp_settings *s,
                             const struct sp_plan *plan,
                             const struct sp_costing *k, int h);
/** What product p, which client c adopts, brings in per month: b x
 *  resale price under list, or under hold when p closes a gap (covers a
 *  category none of c's current products covers); else 0, its price
 *  being included in the held price of the rows it replaces. */
double sp_margin_adopted_revenue(const struct sp_problem *pb,
                                 const struct sp_settings *s,
                                 const struct sp_costing *k, int c, int p);
/** Client c's revenue per month in plan under scenario sc (NULL = the
 *  file's settings), k being the plan's costing (for the multipliers). */
double sp_margin_client_revenue(const struct sp_problem *pb,
                                const struct sp_scenario *sc,
                                const struct sp_plan *plan,
                                const struct sp_costing *k, int c);
/** Revenue, licence, margin and portfolio margin per month of plan
 *  (costed as k) under sc (NULL = the file's settings). */
void sp_margin_plan(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan, const struct sp_costing *k,
                    struct sp_margin *out);

/* ---- the problem's digest (model/core/digest.c) ------------------------ */

/** path made absolute and canonical (realpath), or a copy of path when
 *  it does not resolve; NULL when out of memory.  Caller frees. */
char *sp_path_absolute(const char *path);
/** A digest of everything the loaded problem holds that a plan's cost
 *  depends on (not its folder's path): 16 hex digits and a NUL. */
void sp_problem_digest(const struct sp_problem *pb, char out[17]);

/* ---- security and compliance (model/core/compliance.c) ---------------- */

void sp_guards_clear(struct sp_guards *g);
/** Deep copy; false when out of memory (dst is then cleared). */
bool sp_guards_copy(struct sp_guards *dst, const struct sp_guards *src);
/** Does the scenario carry separate groups or max_categories_per_vendor? */
bool sp_guards_on(const struct sp_guards *g);
/** Is framework f one of client c's under settings s (its column's or a
 *  required one)? */
bool sp_client_has_framework(const struct sp_problem *pb,
                             const struct sp_settings *s, int c, int f);
/** Does product p cover a category of control i? */
bool sp_control_met_by(const struct sp_problem *pb, int i, int p);
/** Does product p cover a category of a control client c must meet
 *  under s (the widened candidate rule)? */
bool sp_control_candidate(const struct sp_problem *pb,
                          const struct sp_settings *s, int c, int p);
/**
 * @brief The controls client c must meet under s that R(c) does not
 *        already meet (no category of R(c) among theirs), one per
 *        distinct category set, in controls.csv order: what the model
 *        adds a cover row for.
 * @param out room for pb->ncontrols indices, or NULL to count.
 * @return how many.
 */
int sp_client_control_needs(const struct sp_problem *pb,
                            const struct sp_settings *s, int c, int *out);
/** Does a product of plan meet control i for client c? */
bool sp_plan_meets_control(const struct sp_problem *pb,
                           const struct sp_plan *plan, int c, int i);
/**
 * @brief The first way client c's products in plan break the guards of
 *        sc (separate, max_categories_per_vendor), described in err.
 * @return true when they break one.
 */
bool sp_guard_violation(const struct sp_problem *pb,
                        const struct sp_scenario *sc,
                        const struct sp_plan *plan, int c, char *err,
                        size_t errsize);
/** The checker's part (model/core/verify.c): client c, not pinned, meets
 *  every control of its frameworks and breaks no guard of sc; else false
 *  with the first violation in err. */
bool sp_verify_compliance(const struct sp_problem *pb,
                          const struct sp_scenario *sc,
                          const struct sp_plan *plan, int c, char *err,
                          size_t errsize);
/** Clients with framework f under s (*clients) and how many of them the
 *  plan meets every control of f for (returned). */
int sp_compliance_count(const struct sp_problem *pb,
                        const struct sp_settings *s,
                        const struct sp_plan *plan, int f, int *clients);

#endif
