/*
 * The GLPK model of one scenario (model/formulate.c).  A glp_prob never
 * leaves model/.
 */
#ifndef SP_FORMULATE_INT_H
#define SP_FORMULATE_INT_H

#include <glpk.h>
#include "result_int.h"

struct sp_model {
    const struct sp_problem *pb;
    const struct sp_scenario *sc;
    glp_prob *lp;
    int *xcol;       /* nclients * nproducts: column of x[c,p], 0 = none */
    int *ycol;       /* nvendors: column of y[v], 0 = none (never kept) */
    int constcol;    /* a column fixed at 1 carrying the constant */
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

/** The plan held in the MIP solution of lp: m's problem or a copy of it
 *  with the same columns (after glp_intopt). */
enum sp_status sp_model_plan(const struct sp_model *m, glp_prob *lp,
                             struct sp_plan *plan);

#endif
