/*
 * The GLPK model of one scenario (model/formulate.c).  A glp_prob never
 * leaves model/.
 */
#ifndef SP_FORMULATE_INT_H
#define SP_FORMULATE_INT_H

#include <glpk.h>
#include "result_int.h"

/* One product a client may run (SPEC section 3 "Candidates") with what
 * it costs that client, and where its columns are. */
struct sp_cand {
    int client, product;
    int nlev;        /* price levels it has columns for (1 = untiered) */
    int col;         /* x[c,p], or w[c,p,0] of nlev columns; 0 once
                        dropped (sp_model_drop_fixed) */
    int cover, ncover; /* its cover rows: m->coverrows[cover ...] */
    double obj;      /* one-time: adoption when new, minus leaving */
    double b;        /* billable units */
    double *lic;     /* licence per month at each level */
    bool pinned;     /* keep_clients: its columns are fixed */
};

struct sp_model {
    const struct sp_problem *pb;
    const struct sp_scenario *sc;
    glp_prob *lp;
    struct sp_cand *cands; /* grouped by client */
    int ncands;
    int *coverrows;        /* rows of the candidates' covered categories */
    double *licbuf;        /* storage of every cand's lic[] */
    int *ycol;       /* nvendors: column of y[v], 0 = none (never kept) */
    int *commitrow;  /* nvendors: commit[v] row, 0 = none */
    int *scol;       /* nvendors: its shortfall s[v], 0 = none */
    int maxlev;      /* levels per product, at most */
    int *nlev;       /* nproducts: reachable levels (1 = untiered) */
    int *zcol, *tminrow, *tmaxrow; /* nproducts * maxlev, 0 = none */
    double *levelmin; /* nproducts * maxlev: m_l */
    int constcol;    /* a column fixed at 1 carrying the constant */
    double H;        /* horizon, months */
    int *ind;        /* scratch: one row's or column's entries */
    double *val;
    char name[512];  /* scratch: column and row names */
    bool lazy;       /* link and wz rows are added when violated
                        (sp_model_add_violated), not at build */
    double constant; /* leaving costs of every current product, paid
                        unless x[c,p] = 1 takes them back */
};

/**
 * @brief Builds the mixed-integer model of scenario sc.
 * @param lazy leave out the link and wz rows; the solver adds those its
 *        LP solution violates (sp_model_add_violated).
 * @return SP_OK with *out set (free with sp_model_free), or SP_ERR_NOMEM.
 */
enum sp_status sp_model_build(const struct sp_problem *pb,
                              const struct sp_scenario *sc, bool lazy,
                              struct sp_model **out);

/** Adds to lp (m->lp or the branch-and-cut's copy of it, same columns)
 *  every link and wz row of a lazy model that lp's basic solution
 *  violates; returns how many, or -1 when out of memory. */
int sp_model_add_violated(const struct sp_model *m, glp_prob *lp);
void sp_model_free(struct sp_model *m);

/** Writes the model as CPLEX LP (mps = 0) or free MPS (mps = 1), with the
 *  objective constant noted in a comment at the top. */
enum sp_status sp_model_write(const struct sp_model *m, const char *path,
                              int mps, char *err, size_t errsize);

/** The plan held in the MIP solution of m->lp. */
enum sp_status sp_model_plan(const struct sp_model *m, struct sp_plan *plan);

/** Deletes from m->lp the candidates whose every column is fixed at 0,
 *  except those keep uses, renumbering the rest (candidate columns come
 *  after every other column, so no other index moves); returns how many
 *  columns went.  The LP basis stays valid: they are all non-basic. */
int sp_model_drop_fixed(struct sp_model *m, const struct sp_plan *keep);

/** What candidate cd costs at its cheapest price level: its one-time
 *  cost plus the horizon's licence, whatever the units reach. */
double sp_model_cheapest(const struct sp_model *m, const struct sp_cand *cd);

/** The price level that `units` units of product p reach (the tier
 *  reached, SPEC section 3), among the levels the model has. */
int sp_model_level_reached(const struct sp_model *m, int p, double units);

/** The price level each product's units in plan reach (level[p], 0 for
 *  an untiered or unused product). */
void sp_model_plan_levels(const struct sp_model *m, const struct sp_plan *plan,
                          int *level);

/** The point of m's columns that is plan (x[1..n], GLPK's numbering):
 *  levels reached, shortfalls, the constant; its objective is the plan's
 *  cost.  A new array (free it), NULL when out of memory. */
double *sp_model_point(const struct sp_model *m, const struct sp_plan *plan);

#endif
