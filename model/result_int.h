/*
 * Plans, their costs and the solve results.  Private to the library:
 * the model fills them, exporters only read them.
 */
#ifndef SP_RESULT_INT_H
#define SP_RESULT_INT_H

#include <stdbool.h>
#include "problem_int.h"
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
 * A plan costed by SPEC section 3 (model/cost.c).  Every figure is in
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
    double *product_units;      /* total billable units chosen */
    int *product_tier;          /* -1 = catalog price, else tier index */
    double *product_price;      /* unit price reached, after price_change */
    double *product_monthly;    /* licence per month over all clients */
    double *multiplier;         /* 1 + price_change fraction */

    /* per vendor (nvendors) */
    double *vendor_monthly;     /* licence spend per month */
    double *vendor_overhead_monthly; /* fee + labour, 0 if not kept */
    double *vendor_shortfall_monthly;/* min_commit shortfall, 0 if not kept */

    /* coverage */
    int nuncovered;             /* (client, category) pairs not covered,
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

/** Billable units b(c,p) of SPEC section 3. */
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
    int index;                     /* index into problem->scenarios */
    enum sp_plan_status status;
    struct sp_plan *plan;          /* NULL when infeasible */
    struct sp_costing *cost;       /* the plan recomputed; NULL if none */
    struct sp_costing *baseline;   /* current stack under this scenario */
    double objective;              /* the solver's value, for the record */
    double bound;                  /* best bound */
    double gap;                    /* (total - bound) / total, >= 0 */
    double solve_seconds;
    char *reason;                  /* why infeasible, else NULL */
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
    struct sp_plan *current;           /* the current stack */
    struct sp_costing *baseline;       /* under the file's settings */
    struct sp_scenario_result *scenarios;
    int nscenarios;
};

#endif
