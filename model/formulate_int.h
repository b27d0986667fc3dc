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
    int col;         /* x[c,p], or w[c,p,0] of nlev columns */
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
    int maxlev;      /* levels per product, at most */
    int *nlev;       /* nproducts: reachable levels (1 = untiered) */
    int *zcol, *tminrow, *tmaxrow; /* nproducts * maxlev, 0 = none */
    double *levelmin; /* nproducts * maxlev: m_l */
    int constcol;    /* a column fixed at 1 carrying the constant */
    double H;        /* horizon, months */
    int *ind;        /* scratch: one row's or column's entries */
    double *val;
    char name[512];  /* scratch: column and row names */
    double constant; /* leaving costs of every current product, paid
                        unless x[c,p] = 1 takes them back */
};

/**
 * @brief Builds the mixed-integer model of scenario sc.
 * @return SP_OK with *out set (free with sp_model_free), or SP_ERR_NOMEM.
 */
enum sp_status sp_model_build(const struct sp_problem *pb,
                              const struct sp_scenario *sc,
                              struct sp_model **out);
void sp_model_free(struct sp_model *m);

/** Writes the model as CPLEX LP (mps = 0) or free MPS (mps = 1), with the
 *  objective constant noted in a comment at the top. */
enum sp_status sp_model_write(const struct sp_model *m, const char *path,
                              int mps, char *err, size_t errsize);

/** The plan held in the MIP solution of m->lp. */
enum sp_status sp_model_plan(const struct sp_model *m, struct sp_plan *plan);

#endif
