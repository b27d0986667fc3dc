/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The root of the search, for a lazy model (model/mip/formulate.c builds it
 * without link and wz rows): the LP relaxation by row and column
 * generation, a first plan (model/mip/heuristic.c), and reduced-cost fixing.
 *
 * Why: the complete model has a link row per candidate column, and at
 * 3,000 clients that is well over 100,000 rows, nearly all of them slack
 * in the optimum; most candidate columns are never worth a look either.
 * So the LP starts with every client's current products and the few
 * cheapest candidates per required category, and grows by what its own
 * solution asks for:
 *  - rows: a link or wz row its solution violates;
 *  - columns: a parked column (fixed at 0) whose reduced cost is
 *    negative.  A parked column's link row is absent, so its reduced
 *    cost leaves out that row's dual; the dual of an x <= y row is
 *    never in the column's favour, so a column that does not price out
 *    without its row does not price out with it either.  And where y
 *    is 0 and nonbasic, those rows may take duals up to y's reduced
 *    cost, so the vendor's columns price out only beyond that
 *    (release_priced).  Each round also brings in, per client and
 *    cover row, the cheapest candidate of a vendor the LP keeps
 *    (release_open).
 * At the end no row is violated and no column prices out: the LP optimum
 * of the complete model.  Then, with a plan costing ub and the LP bound
 * lb, every column whose reduced cost exceeds ub - lb is 0 in any plan
 * cheaper than ub (LP duality), so it stays parked, or is fixed, for the
 * whole search; the others are released.  All of this is exact.
 */
/* glp_mir_init/gen/free and glp_gmi_cut: GLPK 5.0 exports its MIR and
 * Gomory cut generators, the ones glp_intopt runs, but declares them only
 * under GLP_UNDOC. */
#define GLP_UNDOC 1
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

/* Per client and required category, how many of the cheapest covering
 * candidates start in the LP. */
#define START_PER_CATEGORY 2

static void park(struct sp_model *m, const struct sp_cand *cd, bool on)
{
    int l;

    if (cd->pinned || cd->held)
        return; /* keep_clients and pins: fixed by the model */
    for (l = 0; l < cd->nlev; l++) {
        if (on)
            glp_set_col_bnds(m->lp, cd->col + l, GLP_FX, 0.0, 0.0);
        else
            glp_set_col_bnds(m->lp, cd->col + l, GLP_DB, 0.0, 1.0);
    }
}

/* Does cd cover the category of cover row `row`? */
static bool covers_row(const struct sp_model *m, const struct sp_cand *cd,
                       int row)
{
    int k;

    for (k = 0; k < cd->ncover; k++)
        if (m->coverrows[cd->cover + k] == row)
            return true;
    return false;
}

/* The candidates of the client at m->cands[first] run to *last; its
 * cover rows, consecutive, are lo ... hi (hi < lo when it has none). */
static void client_span(const struct sp_model *m, int first, int *last,
                        int *lo, int *hi)
{
    int c = m->cands[first].client, i, k;

    *last = first;
    while (*last < m->ncands && m->cands[*last].client == c)
        (*last)++;
    *lo = 0;
    *hi = -1;
    for (i = first; i < *last; i++)
        for (k = 0; k < m->cands[i].ncover; k++) {
            int row = m->coverrows[m->cands[i].cover + k];
            *lo = *hi < 0 || row < *lo ? row : *lo;
            *hi = row > *hi ? row : *hi;
        }
}

/* Parks every candidate but each client's current products and the
 * START_PER_CATEGORY cheapest per required category. */
static void park_start(struct sp_model *m, unsigned char *parked)
{
    int i, first, t;

    for (i = 0; i < m->ncands; i++)
        parked[i] = m->cands[i].obj > 0.0; /* current: obj = -leaving */
    for (first = 0; first < m->ncands;) {
        int last, lo, hi, row;
        client_span(m, first, &last, &lo, &hi);
        for (row = lo; row <= hi; row++)
            for (t = 0; t < START_PER_CATEGORY; t++) {
                int j, pick = -1;
                double best = HUGE_VAL;
                for (j = first; j < last; j++)
                    if (parked[j] == 1 && covers_row(m, &m->cands[j], row) &&
                        sp_model_cheapest(m, &m->cands[j]) < best) {
                        best = sp_model_cheapest(m, &m->cands[j]);
                        pick = j;
                    }
                if (pick >= 0)
                    parked[pick] = 2; /* picked for this row */
            }
        for (i = first; i < last; i++)
            if (parked[i] == 2)
                parked[i] = 0;
        first = last;
    }
    for (i = 0; i < m->ncands; i++)
        if (parked[i])
            park(m, &m->cands[i], true);
}

/* Rounds before release_open starts: the first rounds add most link rows
 * and the vendors the LP keeps still move.  From the first round, the
 * contract-heavy +10% scenario of 100 clients took 2.8-3.2 s instead of
 * 1.4-1.7 s (more columns, a worse first plan); from the fourth, the
 * many-vendors books keep their 8-round root LP. */
#define OPEN_AFTER 3

/* Releases, per client and cover row, the cheapest parked candidate
 * whose vendor the LP keeps (y > 0); returns how many.  Why: a client's
 * cover dual is whatever the LP's degenerate basis makes it, and in the
 * many-vendors book of 1,000 clients it rose for one client a round,
 * each round releasing that one client's candidates at the kept
 * vendors: 170 rounds at the same LP value.  A candidate of a kept
 * vendor is what such a client moves to; with it in the LP the round
 * has nothing to wait for.  Pricing (release_priced) still decides
 * when the LP is complete. */
static int release_open(struct sp_model *m, unsigned char *parked)
{
    const struct sp_problem *pb = m->pb;
    int i, first, n = 0;

    for (first = 0; first < m->ncands;) {
        int last, lo, hi, row;
        client_span(m, first, &last, &lo, &hi);
        for (row = lo; row <= hi; row++) {
            int pick = -1;
            double best = HUGE_VAL;
            for (i = first; i < last; i++) {
                const struct sp_cand *cd = &m->cands[i];
                int y = m->ycol[pb->products[cd->product].vendor];
                if (parked[i] && cd->col && y &&
                    glp_get_col_prim(m->lp, y) > 1e-6 &&
                    covers_row(m, cd, row) &&
                    sp_model_cheapest(m, cd) < best) {
                    best = sp_model_cheapest(m, cd);
                    pick = i;
                }
            }
            if (pick >= 0) {
                park(m, &m->cands[pick], false);
                parked[pick] = 0;
                n++;
            }
        }
        first = last;
    }
    return n;
}

/* A starting basis for the first LP, which has no link rows yet, so
 * that nothing prices a vendor or holds a level: every client's cheapest
 * cover at the cheapest levels is that LP's optimum.  Each cover's
 * columns go into the basis, each for a cover row no other column of
 * the cover covers (so the basis is triangular and sound; a column with
 * no such row sits at its upper bound instead).  GLPK's dual simplex
 * then starts at the optimum rather than pivoting in one column per
 * cover row: 10,630 iterations, 3.3 s at 3,000 clients. */
static enum sp_status crash(struct sp_model *m, const unsigned char *parked)
{
    unsigned char *taken = malloc((size_t)m->ncands + 1);
    int first, last, i, j, k, l;
    enum sp_status st;

    if (!taken)
        return SP_ERR_NOMEM;
    st = sp_heuristic_covers(m, parked, taken);
    for (first = 0; st == SP_OK && first < m->ncands; first = last) {
        for (last = first; last < m->ncands &&
                           m->cands[last].client == m->cands[first].client;
             last++)
            ;
        for (i = first; i < last; i++) {
            const struct sp_cand *cd = &m->cands[i];
            int col = cd->col, row = 0;
            if (!taken[i])
                continue;
            for (l = 1; l < cd->nlev; l++)
                if (cd->lic[l] < cd->lic[col - cd->col])
                    col = cd->col + l;
            for (k = 0; k < cd->ncover && !row; k++) {
                row = m->coverrows[cd->cover + k];
                for (j = first; j < last; j++)
                    if (j != i && taken[j] && covers_row(m, &m->cands[j], row))
                        break;
                if (j < last || glp_get_row_stat(m->lp, row) != GLP_BS)
                    row = 0;
            }
            if (row) {
                glp_set_row_stat(m->lp, row, GLP_NL);
                glp_set_col_stat(m->lp, col, GLP_BS);
            } else {
                glp_set_col_stat(m->lp, col, GLP_NU);
            }
        }
    }
    free(taken);
    return st;
}

/* Releases every parked candidate with a level whose reduced cost is at
 * most limit; returns how many. */
static int release(struct sp_model *m, unsigned char *parked, double limit)
{
    int i, l, n = 0;

    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        if (!parked[i] || !cd->col) /* dropped: out for good */
            continue;
        for (l = 0; l < cd->nlev; l++)
            if (glp_get_col_dual(m->lp, cd->col + l) <= limit)
                break;
        if (l == cd->nlev)
            continue;
        park(m, cd, false);
        parked[i] = 0;
        n++;
    }
    return n;
}

/* Pricing groups: a vendor's y (untiered columns), then a product
 * level's z (tiered columns). */
static int ngroups(const struct sp_model *m)
{
    return m->pb->nvendors + m->pb->nproducts * m->maxlev;
}

/* The group of a candidate's level-l column. */
static int group_of(const struct sp_model *m, const struct sp_cand *cd, int l)
{
    return cd->nlev == 1 ? m->pb->products[cd->product].vendor
                         : m->pb->nvendors + cd->product * m->maxlev + l;
}

/* The group's y or z column, 0 = none. */
static int group_col(const struct sp_model *m, int g)
{
    return g < m->pb->nvendors ? m->ycol[g] : m->zcol[g - m->pb->nvendors];
}

/* What the missing link (wz) rows may absorb, per group: a column y (z)
 * at 0, nonbasic, with reduced cost d keeps every x <= y row of its
 * parked candidates tight, so those rows may take duals summing to -d
 * without y pricing out (budget d); at a value above 0 the rows are
 * slack and their duals 0 (budget 0).  need: the negative reduced costs
 * of the group's parked columns; total: their sum over every group. */
struct absorbed {
    double *budget, *need, total;
};

/* Fills ab from m->lp's solution; false out of memory.  Free ab->budget. */
static bool absorb(const struct sp_model *m, const unsigned char *parked,
                   struct absorbed *ab)
{
    int g, i, l, ng = ngroups(m);

    ab->total = 0.0;
    ab->budget = malloc(2 * (size_t)ng * sizeof(double) + 1);
    if (!ab->budget)
        return false;
    ab->need = ab->budget + ng;
    for (g = 0; g < ng; g++) {
        int col = group_col(m, g);
        ab->need[g] = 0.0;
        ab->budget[g] = 0.0;
        if (!col)
            ab->budget[g] = HUGE_VAL; /* never kept: its columns stay 0 */
        else if (glp_get_col_ub(m->lp, col) == 0.0)
            ab->budget[g] = HUGE_VAL; /* fixed at 0 */
        else if (glp_get_col_stat(m->lp, col) == GLP_NL)
            ab->budget[g] = fmax(0.0, glp_get_col_dual(m->lp, col));
    }
    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        if (!parked[i] || !cd->col)
            continue;
        for (l = 0; l < cd->nlev; l++) {
            double d = fmax(0.0, -glp_get_col_dual(m->lp, cd->col + l));
            ab->need[group_of(m, cd, l)] += d;
            ab->total += d;
        }
    }
    return true;
}

/* Releases every parked candidate whose column prices out in the
 * complete model: a negative reduced cost that the missing rows cannot
 * absorb (ab, from the same solution).  Why: a candidate of a vendor
 * the LP keeps at 0 prices out only with its link row absent, and once
 * released and its row added it is out of the LP's solution again; in
 * the many-vendors book of 1,000 clients the rounds released 17,689
 * candidates, with this test 9,388, for the same LP.  Returns how many
 * were released. */
static int release_priced(struct sp_model *m, unsigned char *parked,
                          const struct absorbed *ab)
{
    int i, l, n = 0;

    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        if (!parked[i] || !cd->col)
            continue;
        for (l = 0; l < cd->nlev; l++) {
            int g = group_of(m, cd, l);
            if (glp_get_col_dual(m->lp, cd->col + l) <= -1e-7 &&
                ab->need[g] > ab->budget[g] + 1e-7 + 1e-9 * ab->budget[g])
                break;
        }
        if (l == cd->nlev)
            continue;
        park(m, cd, false);
        parked[i] = 0;
        n++;
    }
    return n;
}

/* Against the dual absorb builds, y's and z's reduced costs are less by
 * what their parked columns' rows absorb: lowers d[j] (indexed by
 * column) for those columns.  Returns false out of memory. */
static bool absorbed_duals(const struct sp_model *m,
                           const unsigned char *parked, double *d)
{
    struct absorbed ab;
    int g;

    if (!absorb(m, parked, &ab))
        return false;
    for (g = 0; g < ngroups(m); g++) {
        int col = group_col(m, g);
        if (col && ab.need[g] > 0.0)
            d[col] -= ab.need[g];
    }
    free(ab.budget);
    return true;
}

/* Fixes the free binary columns whose reduced cost exceeds limit at the
 * bound they sit on; returns how many.  dual: the reduced costs by
 * column (absorbed_duals), NULL for the LP's own. */
static int fix_by_reduced_cost(struct sp_model *m, double limit,
                               const double *dual)
{
    int j, n = glp_get_num_cols(m->lp), fixed = 0;

    for (j = 1; j <= n; j++) {
        int stat = glp_get_col_stat(m->lp, j);
        double d = dual ? dual[j] : glp_get_col_dual(m->lp, j);
        if (glp_get_col_kind(m->lp, j) != GLP_BV)
            continue;
        if (stat == GLP_NL && d > limit) {
            glp_set_col_bnds(m->lp, j, GLP_FX, 0.0, 0.0);
            fixed++;
        } else if (stat == GLP_NU && -d > limit) {
            glp_set_col_bnds(m->lp, j, GLP_FX, 1.0, 1.0);
            fixed++;
        }
    }
    return fixed;
}

/* The reduced cost beyond which a column is at its bound in every plan
 * no dearer than ub, given the bound lb: ub - lb, with a float's worth
 * of slack so that rounding never fixes a column a cheaper plan needs. */
static double fix_limit(double ub, double lb)
{
    return ub - lb + 1e-9 * fabs(ub) + 1e-6;
}

/* Milliseconds left of tm_lim since t0 (GLPK's clock); INT_MAX = none. */
static int ms_left(int tm_lim, double t0)
{
    if (tm_lim == INT_MAX)
        return INT_MAX;
    return tm_lim - (int)(glp_difftime(glp_time(), t0) * 1000.0);
}

/* Milliseconds GLPK's simplex spends building its working LP before the
 * first iteration, where its time limit is not checked: about 0.2 us a
 * column (each round took 0.8 s of 5 million candidate columns on the
 * book of 100,000 vendors, and the one started with 0.5 s left ended the
 * 5 s limit at 5.5-5.9 s). */
static int setup_ms(const struct sp_model *m)
{
    return (int)(2e-4 * glp_get_num_cols(m->lp));
}

/* Milliseconds a simplex started now may run: the time left less its
 * setup; <= 0 = none. */
static int lp_ms_left(const struct sp_model *m, int tm_lim, double t0)
{
    int left = ms_left(tm_lim, t0);

    return left == INT_MAX ? left : left - setup_ms(m);
}

/* Solves m->lp (dual simplex, warm) and adds the link rows its solution
 * violates until none is; returns GLPK's code, GLP_EFAIL when the LP is
 * not optimal, -1 out of memory. */
static int resolve(struct sp_model *m, glp_smcp *parm, int tm_lim, double t0)
{
    int rc, n;

    do {
        parm->tm_lim = lp_ms_left(m, tm_lim, t0);
        if (parm->tm_lim <= 0)
            return GLP_ETMLIM;
        rc = glp_simplex(m->lp, parm);
        if (rc != 0)
            return rc;
        if (glp_get_status(m->lp) != GLP_OPT)
            return GLP_EFAIL;
        n = sp_model_add_violated(m, m->lp);
    } while (n > 0);
    return n < 0 ? -1 : 0;
}

/* Is plan cost ub within the target gap of the bound lb?  Then no
 * search can prove more (the cut rounds' test). */
static bool closed(double ub, double lb, double gap)
{
    return ub - lb <= gap * fabs(ub);
}

/* Is the root LP, under a time limit and without a plan, slow: its last
 * round took over a second (or a tenth of the limit), or a quarter of
 * the limit is gone?  Why: deep-tiers books of 1,000 clients spend over
 * 20 s in the root LP (its first round alone 4.9 s), and a scenario
 * ended at its limit with no plan at all.  Not the time so far alone:
 * many-vendors rounds take under a second each, and a local search
 * there after 2 s took 4 s of a root LP that needed 0.1 s more. */
static bool slow_lp(int tm_lim, double t0, double last)
{
    if (tm_lim == INT_MAX)
        return false;
    return glp_difftime(glp_time(), t0) * 1000.0 > tm_lim / 4.0 ||
           last * 1000.0 > fmax(1000.0, tm_lim / 10.0);
}

/* Rounds of cuts on the root LP, at most. */
#define CUT_ROUNDS 20

/* A plan from the LP solution in m->lp (model/mip/heuristic.c), taken as
 * *first when it costs less than *ub. */
static enum sp_status try_plan(struct sp_model *m, struct sp_plan **first,
                               double *ub)
{
    struct sp_plan *plan = NULL;
    double cost = 0.0;
    enum sp_status st = sp_heuristic_plan(m, m->lp, &plan, &cost);

    if (st == SP_OK && plan && (!*first || cost < *ub)) {
        sp_plan_free(*first);
        *first = plan;
        *ub = cost;
        plan = NULL;
    }
    sp_plan_free(plan);
    return st;
}

/* Moves the k cuts GLPK's generator left in pool into m->lp.  GLPK's
 * generators hand back some cuts scaled by 2^43 or so (coefficients
 * near 1e15 beside the model's units): solved without presolve, such a
 * row made GLPK declare the LP of the optimum infeasible (test_brute_all
 * seed 1045705).  So each is scaled by a power of two, exactly, to its
 * largest coefficient in [1, 2). */
static void take_cuts(struct sp_model *m, glp_prob *pool, int k, int *ind,
                      double *val)
{
    int row = glp_add_rows(m->lp, k), i, t, len, e;

    for (i = 1; i <= k; i++) {
        double big = 0.0;
        len = glp_get_mat_row(pool, i, ind, val);
        for (t = 1; t <= len; t++)
            big = fmax(big, fabs(val[t]));
        e = 0;
        if (big > 0.0)
            (void)frexp(big, &e);
        for (t = 1; t <= len; t++)
            val[t] = ldexp(val[t], 1 - e);
        glp_set_row_bnds(m->lp, row + i - 1, glp_get_row_type(pool, i),
                         ldexp(glp_get_row_lb(pool, i), 1 - e),
                         ldexp(glp_get_row_ub(pool, i), 1 - e));
        glp_set_mat_row(m->lp, row + i - 1, len, ind, val);
    }
}

/* Rounds of Gomory cuts, at most, and cuts a round. */
#define GMI_ROUNDS 5
#define GMI_CUTS 100

/* The share of the gap left that a round of Gomory cuts must close to
 * stay in the LP. */
#define GMI_LIFT 0.1

/* Tries of glp_gmi_cut a round, at most. */
#define GMI_TRIES 400

struct frac {
    int j;
    double f;
};

/* Most fractional first; of equals the lower column. */
static int by_frac(const void *a, const void *b)
{
    const struct frac *x = a, *y = b;

    if (x->f != y->f)
        return x->f > y->f ? -1 : 1;
    return x->j - y->j;
}

/* Up to max Gomory cuts of m->lp's optimal basis into pool, as GLPK's
 * glp_gmi_gen makes them (a cut per basic integer column whose value is
 * 0.05-0.95 from an integer, most fractional first, none with a
 * coefficient below 1e-3 or above 1e3 in size), but at most GMI_TRIES
 * tries and none once the time is up; returns how many, -1 out of
 * memory.  Why not glp_gmi_gen: it tries every fractional column until
 * it has max cuts and cannot be stopped; on a big-bundles book of 400
 * clients switching at renewal it took 10-12 s for 5 cuts, and an 8 s
 * time limit ended at 19 s. */
static int gmi_gen(struct sp_model *m, glp_prob *pool, int max, int tm_lim,
                   double t0)
{
    int n = glp_get_num_cols(m->lp), nr = glp_get_num_rows(m->lp);
    int nv = 0, got = 0, t, j, k, len;
    struct frac *var = malloc(((size_t)n + 1) * sizeof(*var));
    int *ind = malloc(((size_t)n + 1) * sizeof(int));
    double *val = malloc(((size_t)n + 1) * sizeof(double));
    double *phi = malloc(((size_t)n + (size_t)nr + 1) * sizeof(double));

    if (!var || !ind || !val || !phi) {
        got = -1;
        goto done;
    }
    for (j = 1; j <= n; j++) {
        double f = glp_get_col_prim(m->lp, j);
        f -= floor(f);
        if (glp_get_col_kind(m->lp, j) != GLP_CV &&
            glp_get_col_type(m->lp, j) != GLP_FX &&
            glp_get_col_stat(m->lp, j) == GLP_BS && f >= 0.05 && f <= 0.95) {
            var[nv].j = j;
            var[nv++].f = f;
        }
    }
    qsort(var, (size_t)nv, sizeof(*var), by_frac);
    for (t = 0; t < nv && t < GMI_TRIES && got < max; t++) {
        if (ms_left(tm_lim, t0) <= 0)
            break;
        len = glp_gmi_cut(m->lp, var[t].j, ind, val, phi);
        for (k = 1; k <= len; k++)
            if (fabs(val[k]) < 1e-3 || fabs(val[k]) > 1e3)
                break;
        if (len < 1 || k <= len)
            continue; /* none, or badly scaled */
        k = glp_add_rows(pool, 1);
        glp_set_row_bnds(pool, k, GLP_LO, val[0], 0.0);
        glp_set_mat_row(pool, k, len, ind, val);
        got++;
    }

done:
    free(var);
    free(ind);
    free(val);
    free(phi);
    return got;
}

/* Gomory's mixed-integer cuts (gmi_gen, from the optimal tableau), once
 * the MIR rounds are done.  Why: a bound short of the plan
 * by a few facilities opened by halves — three clients, each cheap at two
 * of three vendors, priced by the LP at half of each — is one MIR cannot
 * lift and branching closes one such triangle per level, so twenty of
 * them were still open after 30 s of search; one round of Gomory cuts
 * closes them all (docs/model.md, "Solving"; tests/test_stall.sh).  A
 * round is kept only when it closes GMI_LIFT of the gap left: Gomory
 * cuts are dense, and with GLPK's own on in glp_intopt every node of
 * ufl-uniform 100 x 100 slowed (optimal in 17.5 s became a 4.3 % gap at
 * 40 s).  A round that does not is taken out again, with the basis it
 * started from.  The cuts are derived from the model's rows, the link
 * rows, and the MIR cuts, whose slacks glp_gmi_cut treats as continuous,
 * so they are valid for every plan no dearer than *ub, as the MIR cuts
 * are (add_cuts). */
static enum sp_status add_gomory(struct sp_model *m, glp_smcp *parm,
                                 int tm_lim, double t0, double gap,
                                 glp_prob *pool, int *ind, double *val,
                                 struct sp_plan **first, double *ub,
                                 double *lb, int *nfix, int *ncuts)
{
    int n = glp_get_num_cols(m->lp), nrows = glp_get_num_rows(m->lp);
    int round, i, k, rc;
    int *rstat = malloc(((size_t)nrows + 1) * sizeof(int));
    int *cstat = malloc(((size_t)n + 1) * sizeof(int));
    enum sp_status st = rstat && cstat ? SP_OK : SP_ERR_NOMEM;

    for (round = 0;
         st == SP_OK && round < GMI_ROUNDS && *lb < *ub - gap * fabs(*ub);
         round++) {
        double before = *lb;
        int row0 = glp_get_num_rows(m->lp);

        if (row0 > nrows) {
            int *grown = realloc(rstat, ((size_t)row0 + 1) * sizeof(int));
            if (!grown) {
                st = SP_ERR_NOMEM;
                break;
            }
            rstat = grown;
            nrows = row0;
        }
        for (i = 1; i <= row0; i++)
            rstat[i] = glp_get_row_stat(m->lp, i);
        for (i = 1; i <= n; i++)
            cstat[i] = glp_get_col_stat(m->lp, i);
        glp_erase_prob(pool);
        glp_add_cols(pool, n);
        k = gmi_gen(m, pool, GMI_CUTS, tm_lim, t0);
        if (k < 0) {
            st = SP_ERR_NOMEM;
            break;
        }
        if (k == 0)
            break;
        take_cuts(m, pool, k, ind, val);
        rc = resolve(m, parm, tm_lim, t0);
        if (rc < 0) {
            st = SP_ERR_NOMEM;
            break;
        }
        if (rc == 0)
            *lb = glp_get_obj_val(m->lp);
        sp_mip_log("root gomory %d: +%d, lp %.6f, plan %.6f, %.2f s",
                   round + 1, k, rc == 0 ? *lb : before, *ub,
                   glp_difftime(glp_time(), t0));
        if (rc == 0 && *lb - before >= GMI_LIFT * (*ub - before)) {
            *ncuts += k;
            *nfix += fix_by_reduced_cost(m, fix_limit(*ub, *lb), NULL);
            if (*lb < *ub - 2.0 * gap * fabs(*ub))
                st = try_plan(m, first, ub);
            continue;
        }
        /* out again: the cuts, then the basis before them (link rows the
         * resolve added stay, basic) */
        for (i = 1; i <= k; i++)
            ind[i] = row0 + i;
        glp_del_rows(m->lp, k, ind);
        for (i = 1; i <= row0; i++)
            glp_set_row_stat(m->lp, i, rstat[i]);
        for (i = row0 + 1; i <= glp_get_num_rows(m->lp); i++)
            glp_set_row_stat(m->lp, i, GLP_BS);
        for (i = 1; i <= n; i++)
            glp_set_col_stat(m->lp, i, cstat[i]);
        *lb = before;
        if (rc == 0 && resolve(m, parm, tm_lim, t0) < 0)
            st = SP_ERR_NOMEM;
        break;
    }
    free(rstat);
    free(cstat);
    return st;
}

/* Adds GLPK's mixed-integer rounding cuts to the root LP, round after
 * round while the bound still rises.  Why here and not only in
 * glp_intopt: the bound of the cut LP is closer to the first plan, so
 * reduced costs fix many more columns, and every node of the search is
 * then cheaper (GLPK's branching reads a tableau row over every column);
 * and the heuristic, run again from the cut LP, finds better plans.  So
 * after each round the columns are fixed again, and the heuristic runs
 * again once the bound has closed a tenth of the gap, and after that
 * half of what was left when it last ran (a run takes about a second at
 * 3,000 clients), while the gap is over twice the tolerance.
 *
 * The generator is set up once, before the first cut, so every cut is
 * derived from the model's own rows (and the link rows), never from
 * another cut: with cuts of cuts, GLPK's generator (ours, or glp_intopt's
 * given our cuts as rows) produced a cut that removed the optimum of a
 * 1,000-client scenario.  For the same reason glp_intopt runs without
 * its own MIR cuts after this (model/mip/solve.c).  The cuts are valid for
 * every plan no dearer than *ub: GLPK derives them from the bounds in
 * force, and a column fixed by reduced cost sits at that bound in every
 * such plan.  *lb is the last optimal LP's bound (the time limit or a
 * failing LP stop the rounds); *ncuts how many went in. */
static enum sp_status add_cuts(struct sp_model *m, glp_smcp *parm, int tm_lim,
                               double t0, double gap, struct sp_plan **first,
                               double *ub, double *lb, int *nfix, int *ncuts)
{
    int n = glp_get_num_cols(m->lp), round, stalls = 0, runs = 0;
    glp_prob *pool = glp_create_prob();
    glp_mir *mir = glp_mir_init(m->lp);
    int *ind = malloc(((size_t)n + 1) * sizeof(int));
    double *val = malloc(((size_t)n + 1) * sizeof(double));
    double tried = *lb; /* the bound the heuristic last saw */
    enum sp_status st = ind && val ? SP_OK : SP_ERR_NOMEM;
    bool lp_ok = true; /* m->lp is optimal */

    for (round = 0;
         st == SP_OK && round < CUT_ROUNDS && *lb < *ub - gap * fabs(*ub);
         round++) {
        double before = *lb;
        int k, rc;
        glp_erase_prob(pool);
        glp_add_cols(pool, n);
        k = glp_mir_gen(m->lp, mir, pool);
        if (k == 0)
            break;
        take_cuts(m, pool, k, ind, val);
        *ncuts += k;
        rc = resolve(m, parm, tm_lim, t0);
        if (rc != 0) {
            st = rc < 0 ? SP_ERR_NOMEM : SP_OK;
            lp_ok = false;
            break;
        }
        *lb = glp_get_obj_val(m->lp);
        /* not once the bound is within twice the gap: a plan that much
         * cheaper is rare, and the next rounds usually settle it */
        if (*lb < *ub - 2.0 * gap * fabs(*ub) &&
            *lb - tried >= (runs ? 0.5 : 0.1) * (*ub - tried)) {
            st = try_plan(m, first, ub);
            tried = *lb;
            runs++;
        }
        sp_mip_log("root cuts %d: +%d, lp %.6f, plan %.6f, %.2f s", round + 1,
                   k, *lb, *ub, glp_difftime(glp_time(), t0));
        /* fixed, not deleted: the generator keeps the columns */
        *nfix += fix_by_reduced_cost(m, fix_limit(*ub, *lb), NULL);
        /* the bound can stall for a round and then jump */
        stalls = *lb - before < 0.01 * (*ub - before) ? stalls + 1 : 0;
        if (stalls == 3)
            break;
    }
    if (st == SP_OK && lp_ok)
        st = add_gomory(m, parm, tm_lim, t0, gap, pool, ind, val, first, ub,
                        lb, nfix, ncuts);
    glp_mir_free(mir);
    glp_delete_prob(pool);
    free(ind);
    free(val);
    return st;
}

enum sp_status sp_root_solve(struct sp_model *m, int tm_lim, double gap,
                             struct sp_root *out)
{
    unsigned char *parked = calloc((size_t)m->ncands + 1, 1);
    double t0 = glp_time(), limit, *dual = NULL; /* GLPK's clock */
    double ts, last = 0.0;       /* seconds of the last round's simplex */
    bool searched = false, half; /* the local search ran; LP capped */
    struct absorbed ab;
    int rounds = 0, rows = 0, cols = 0, n, k, nfix = 0, dropped = 0;
    glp_smcp parm;
    enum sp_status st = SP_OK;

    memset(out, 0, sizeof(*out));
    out->early_lb = -HUGE_VAL;
    if (!parked)
        return SP_ERR_NOMEM;
    park_start(m, parked);
    st = crash(m, parked);
    if (st != SP_OK)
        goto done;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUALP;
    /* The long-step ratio test lets one dual iteration flip many of the
     * LP's [0,1] columns; at 3,000 clients the rounds took 4.3 s with it
     * and 10 s with GLPK's default (Harris) test. */
    parm.r_test = GLP_RT_FLIP;
    for (;;) {
        parm.tm_lim = lp_ms_left(m, tm_lim, t0);
        if (parm.tm_lim <= 0) {
            out->rc = GLP_ETMLIM;
            goto done;
        }
        if (!out->first && !searched && slow_lp(tm_lim, t0, last)) {
            /* a plan for the time limit to end with, since the LP is
             * too slow for one from its solution: the local search from
             * nothing (greedy cover, add / drop / swap) */
            st = sp_localsearch_improve(
                m, NULL, (int)fmin(3000.0, ms_left(tm_lim, t0) / 4.0),
                &out->first, &out->ub);
            if (st != SP_OK)
                goto done;
            searched = true;
            parm.tm_lim = lp_ms_left(m, tm_lim, t0);
            if (parm.tm_lim <= 0) {
                out->rc = GLP_ETMLIM;
                goto done;
            }
        }
        /* without a plan, an LP may have half the time left: one that
         * takes longer is interrupted for the local search and then
         * goes on from its basis (renewal on contract-heavy 1,000
         * clients: the first LP took 17 s, and a 10 s limit ended with
         * no plan) */
        half = !out->first && !searched && tm_lim != INT_MAX;
        if (half)
            parm.tm_lim = parm.tm_lim / 2 > 1 ? parm.tm_lim / 2 : 1;
        ts = glp_time();
        out->rc = glp_simplex(m->lp, &parm);
        last = glp_difftime(glp_time(), ts);
        if (out->rc == GLP_ETMLIM && half && lp_ms_left(m, tm_lim, t0) > 0) {
            last = HUGE_VAL; /* slow: the local search, then on */
            continue;
        }
        if (out->rc != 0)
            goto done;
        if (glp_get_status(m->lp) == GLP_NOFEAS) {
            /* parked columns may be what it lacks: all of them in */
            if (release(m, parked, HUGE_VAL) > 0)
                continue;
            out->rc = GLP_ENOPFS;
            goto done;
        }
        if (glp_get_status(m->lp) != GLP_OPT) {
            out->rc = GLP_EFAIL;
            goto done;
        }
        if (!absorb(m, parked, &ab)) {
            st = SP_ERR_NOMEM;
            goto done;
        }
        /* a lower bound on every plan: the LP's value plus each parked
         * column's reduced cost where negative (each is at most 1), as
         * the LP's dual is feasible for the model with every column
         * and without the rows still missing, a relaxation */
        out->early_lb = fmax(out->early_lb, glp_get_obj_val(m->lp) - ab.total);
        n = sp_model_add_violated(m, m->lp);
        k = n < 0 ? 0 : release_priced(m, parked, &ab);
        free(ab.budget);
        if (n < 0) {
            st = SP_ERR_NOMEM;
            goto done;
        }
        if (k > 0 && rounds >= OPEN_AFTER)
            k += release_open(m, parked);
        rounds++;
        rows += n;
        cols += k;
        sp_mip_log("root round %d: +%d rows, +%d candidates, "
                   "lp %.6f, %.2f s",
                   rounds, n, k, glp_get_obj_val(m->lp),
                   glp_difftime(glp_time(), t0));
        if (n == 0 && k == 0)
            break;
    }
    out->lp = out->lb = glp_get_obj_val(m->lp);
    st = try_plan(m, &out->first, &out->ub);
    /* a better first plan by local search over the vendor set
     * (localsearch.c): a quarter of the time left, 3 s at most */
    if (st == SP_OK && !(out->first && closed(out->ub, out->lb, gap)))
        st = sp_localsearch_improve(
            m, m->lp, (int)fmin(3000.0, ms_left(tm_lim, t0) / 4.0),
            &out->first, &out->ub);
    if (st != SP_OK)
        goto done;
    /* without a plan nothing may stay parked */
    limit = out->first ? fix_limit(out->ub, out->lb) : HUGE_VAL;
    if (out->first) {
        /* the reduced costs of the complete model's dual, taken before
         * release changes which candidates are parked */
        int j, ncol = glp_get_num_cols(m->lp);
        dual = malloc(((size_t)ncol + 1) * sizeof(double));
        if (!dual) {
            st = SP_ERR_NOMEM;
            goto done;
        }
        for (j = 1; j <= ncol; j++)
            dual[j] = glp_get_col_dual(m->lp, j);
        if (!absorbed_duals(m, parked, dual)) {
            st = SP_ERR_NOMEM;
            goto done;
        }
    }
    n = release(m, parked, limit);
    if (out->first) {
        nfix = fix_by_reduced_cost(m, limit, dual);
        dropped = sp_model_drop_fixed(m, out->first);
        if (resolve(m, &parm, tm_lim, t0) == 0) {
            st = add_cuts(m, &parm, tm_lim, t0, gap, &out->first, &out->ub,
                          &out->lb, &nfix, &out->cuts);
            if (st != SP_OK)
                goto done;
            dropped += sp_model_drop_fixed(m, out->first);
        }
        /* the basis is intact; this settles GLPK's solution status (in
         * a few iterations, but on a loaded machine a deep-tiers LP of
         * 1,000 clients took long enough to overrun the time limit) */
        parm.tm_lim = ms_left(tm_lim, t0) > 0 ? ms_left(tm_lim, t0) : 1;
        out->rc = glp_simplex(m->lp, &parm);
    } else {
        /* no plan: every candidate is back and the LP optimum is not;
         * solved here, within the time limit, not by glp_intopt's root,
         * which the limit does not stop (big-bundles 1,000 clients,
         * max_categories_per_vendor 2: 7.4 s past a 10 s limit) */
        out->rc = resolve(m, &parm, tm_lim, t0);
        if (out->rc < 0) {
            st = SP_ERR_NOMEM;
            goto done;
        }
    }
    sp_mip_log("root: %d rounds, +%d rows, +%d candidates, lp %.6f; %d "
               "cuts, bound %.6f; plan %.6f; %d candidates released, %d "
               "columns fixed, %d dropped, lp %d x %d, %.2f s",
               rounds, rows, cols, out->lp, out->cuts, out->lb,
               out->first ? out->ub : HUGE_VAL, n, nfix, dropped,
               glp_get_num_rows(m->lp), glp_get_num_cols(m->lp),
               glp_difftime(glp_time(), t0));

done:
    /* on a failure nothing stays parked */
    if (out->rc != 0 || st != SP_OK)
        release(m, parked, HUGE_VAL);
    free(parked);
    free(dual);
    return st;
}
