/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Solving every scenario: build the model, run GLPK's branch and cut,
 * read the plan back, and accept it only after the independent checks
 * (model/core/verify.c for feasibility, model/core/cost.c for the cost).
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

#define OPTIMAL_GAP 1e-6

struct solve_ctx {
    const struct sp_solve_options *opt;
    const struct sp_model *m; /* the model being solved */
    bool nomem;               /* row generation ran out of memory */
    double *first;            /* a first incumbent for GLPK, or NULL */
    long nodes;               /* calls for a heuristic after the root */
    struct sp_progress progress;
    double start, last_report;
    double bound; /* best bound seen in the tree */
    bool has_bound;
    double cutoff;    /* a search whose bound reaches this stops */
    bool outer_bound; /* progress.bound is the vendor sets' own */
};

static void report(struct solve_ctx *ctx, int done, const char *status)
{
    if (!ctx->opt->progress)
        return;
    ctx->progress.seconds = sp_mip_now() - ctx->start;
    ctx->progress.done = done;
    ctx->progress.status = status;
    ctx->opt->progress(&ctx->progress, ctx->opt->progress_user);
}

/* At the root, the first plan; after that, at the 2nd, 4th, 8th, ...
 * node, the heuristic again from that node's LP (whose branching has
 * moved clients the root's LP could not decide). */
static void node_heuristic(glp_tree *T, struct solve_ctx *ctx)
{
    glp_prob *lp = glp_ios_get_prob(T);
    struct sp_plan *plan = NULL;
    double cost = 0.0;

    if (ctx->first) {
        if (glp_ios_heur_sol(T, ctx->first) == 0)
            ctx->progress.incumbent =
                fmin(ctx->progress.incumbent, glp_mip_obj_val(lp));
        free(ctx->first);
        ctx->first = NULL;
        return;
    }
    ctx->nodes++;
    if (ctx->nodes & (ctx->nodes - 1))
        return; /* not a power of two */
    if (sp_heuristic_plan(ctx->m, lp, &plan, &cost) != SP_OK) {
        ctx->nomem = true;
        glp_ios_terminate(T);
        return;
    }
    if (plan && cost < ctx->progress.incumbent - 1e-6) {
        double *x = sp_model_point(ctx->m, plan);
        if (x && glp_ios_heur_sol(T, x) == 0)
            ctx->progress.incumbent =
                fmin(ctx->progress.incumbent, glp_mip_obj_val(lp));
        free(x);
    }
    sp_plan_free(plan);
}

/* Of the n columns cols[] (0 = none), the one the node can branch on
 * whose value is nearest 0.5, if nearer than *far; into *best. */
static void most_fractional(glp_tree *T, const int *cols, int n, int *best,
                            double *far)
{
    glp_prob *lp = glp_ios_get_prob(T);
    int i;

    for (i = 0; i < n; i++) {
        int j = cols[i];
        double d;
        if (!j || !glp_ios_can_branch(T, j))
            continue;
        d = fabs(glp_get_col_prim(lp, j) - 0.5);
        if (d < *far) {
            *far = d;
            *best = j;
        }
    }
}

/* Branching on the vendors first: a y[v] (or a tier level z[p,l]) that
 * the node's LP keeps fractionally decides many x at once, where GLPK's
 * own choice (Driebeck-Tomlin over every column) mostly splits one
 * client's x and leaves the bound where it was.  This is the rule of
 * facility location branch-and-bound (branch on the facilities), and
 * the model generalises facility location.  The most fractional one;
 * none fractional: GLPK chooses. */
static void branch_on_vendors(glp_tree *T, const struct sp_model *m)
{
    glp_prob *lp = glp_ios_get_prob(T);
    int best = 0, j, n = glp_get_num_cols(lp), nfrac = 0;
    double far = 2.0;

    most_fractional(T, m->ycol, m->pb->nvendors, &best, &far);
    if (!best && m->zcol)
        most_fractional(T, m->zcol, m->pb->nproducts * m->maxlev, &best, &far);
    /* GLPK's own choice (Driebeck-Tomlin) takes a row of the tableau for
     * every fractional column; on a big LP with many that is seconds a
     * node, which the time limit does not stop (big-bundles 1,000
     * clients, max_categories_per_vendor 2: 54,000 rows, a 10 s limit
     * ended at 19 s).  There, the most fractional column. */
    for (j = 1; !best && j <= n; j++)
        if (glp_ios_can_branch(T, j))
            nfrac++;
    if (!best && (double)nfrac * (double)(n + glp_get_num_rows(lp)) > 5e7)
        for (j = 1; j <= n; j++)
            if (glp_ios_can_branch(T, j) &&
                fabs(glp_get_col_prim(lp, j) - 0.5) < far) {
                far = fabs(glp_get_col_prim(lp, j) - 0.5);
                best = j;
            }
    if (best)
        glp_ios_branch_upon(T, best, GLP_NO_BRNCH);
}

/* GLPK calls this at every stage of the search: it watches, adds the
 * violated link rows, runs the heuristic and picks the branching
 * column. */
static void on_tree(glp_tree *T, void *info)
{
    struct solve_ctx *ctx = info;
    int best = glp_ios_best_node(T);
    double t;

    if (glp_ios_reason(T) == GLP_IROWGEN && ctx->m->lazy &&
        sp_model_add_violated(ctx->m, glp_ios_get_prob(T)) < 0) {
        ctx->nomem = true;
        glp_ios_terminate(T);
    }

    if (best) {
        double b = glp_ios_node_bound(T, best);
        /* an unsolved node's bound is -DBL_MAX: not a bound yet */
        if (b > -1e300 && (!ctx->has_bound || b > ctx->bound)) {
            ctx->bound = b;
            ctx->has_bound = true;
        }
        if (ctx->has_bound && !ctx->outer_bound)
            ctx->progress.bound = ctx->bound;
        /* no plan of this search can beat the one in hand */
        if (ctx->has_bound && ctx->bound >= ctx->cutoff)
            glp_ios_terminate(T);
    }
    if (glp_ios_reason(T) == GLP_IHEUR && ctx->m->lazy)
        node_heuristic(T, ctx);
    /* the tree's columns are the model's only without GLPK's presolver */
    if (glp_ios_reason(T) == GLP_IBRANCH && ctx->m->lazy)
        branch_on_vendors(T, ctx->m);
    if (glp_ios_reason(T) == GLP_IBINGO)
        ctx->progress.incumbent = fmin(ctx->progress.incumbent,
                                       glp_mip_obj_val(glp_ios_get_prob(T)));
    t = sp_mip_now();
    if (t - ctx->last_report >= 1.0) {
        ctx->last_report = t;
        report(ctx, 0, NULL);
    }
}

/* "plan.lp" + scenario 2 "keep microsoft" -> "plan.2-keep_microsoft.lp";
 * with a single scenario the path is used as given. */
static void model_path(const char *path, int index, const char *name,
                       int single, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    char safe[64];
    size_t i;

    if (single) {
        snprintf(out, size, "%s", path);
        return;
    }
    for (i = 0; name[i] && i + 1 < sizeof(safe); i++) {
        char ch = name[i];
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                 (ch >= '0' && ch <= '9') || ch == '-';
        safe[i] = ok ? ch : '_';
    }
    safe[i] = '\0';
    if (!dot || (slash && dot < slash))
        snprintf(out, size, "%s.%d-%s", path, index + 1, safe);
    else
        snprintf(out, size, "%.*s.%d-%s%s", (int)(dot - path), path, index + 1,
                 safe, dot);
}

static enum sp_status write_models(const struct sp_problem *pb,
                                   const struct sp_scenario *sc,
                                   const struct sp_solve_options *o, int index,
                                   int single, char *err, size_t errsize)
{
    char path[4096];
    struct sp_model *m = NULL;
    enum sp_status st = SP_OK;

    if (!o->write_lp && !o->write_mps)
        return SP_OK;
    /* the complete model, every link row written out, so that any
     * solver handed the file solves the same problem */
    st = sp_model_build(pb, sc, false, &m);
    if (st != SP_OK)
        return st;
    if (o->write_lp) {
        model_path(o->write_lp, index, m->sc->name, single, path,
                   sizeof(path));
        st = sp_model_write(m, path, 0, err, errsize);
    }
    if (st == SP_OK && o->write_mps) {
        model_path(o->write_mps, index, m->sc->name, single, path,
                   sizeof(path));
        st = sp_model_write(m, path, 1, err, errsize);
    }
    sp_model_free(m);
    return st;
}

/* Accepts a solver plan: feasible by the scenario's own words, and its
 * recomputed cost agrees with the objective the solver proved. */
static enum sp_status accept_plan(const struct sp_problem *pb,
                                  struct sp_scenario_result *r, bool proven,
                                  char *err, size_t errsize)
{
    const struct sp_scenario *sc = r->scenario;
    char why[512];
    double diff;
    enum sp_status st;

    if (!sp_verify_plan(pb, sc, r->plan, why, sizeof(why))) {
        snprintf(err, errsize,
                 "scenario '%s': the solver's plan is not feasible: %s",
                 sc->name, why);
        return SP_ERR_VERIFY;
    }
    r->cost = sp_cost_plan(pb, sc, r->plan);
    if (!r->cost)
        return SP_ERR_NOMEM;
    diff = fabs(r->cost->total - r->objective);
    if (proven && diff > 1e-6 * fmax(1.0, fabs(r->cost->total))) {
        snprintf(err, errsize,
                 "scenario '%s': the plan recomputes to %.6f but the solver "
                 "proved %.6f",
                 sc->name, r->cost->total, r->objective);
        return SP_ERR_VERIFY;
    }
    st = sp_verify_schedule(pb, sc, r->plan, r->cost, why, sizeof(why));
    if (st == SP_ERR_VERIFY)
        snprintf(err, errsize, "scenario '%s': %s", sc->name, why);
    return st;
}

/* When the scenario's time limit runs out (sp_mip_now), 0 = none. */
static double deadline(const struct solve_ctx *ctx)
{
    return ctx->opt->time_limit > 0 ? ctx->start + ctx->opt->time_limit : 0.0;
}

/* Milliseconds left of the scenario's time limit; INT_MAX = none. */
static int time_left(const struct solve_ctx *ctx)
{
    double left;

    if (ctx->opt->time_limit <= 0)
        return INT_MAX;
    left = ctx->opt->time_limit - (sp_mip_now() - ctx->start);
    return left <= 0.001 ? 1 : (int)fmin(left * 1000.0, 2e9);
}

static void init_iocp(glp_iocp *parm, const struct solve_ctx *ctx, double gap)
{
    glp_init_iocp(parm);
    /* GLPK's progress lines go to the log callback only (glpk_guard.c) */
    parm->msg_lev = ctx->opt->log ? GLP_MSG_ON : GLP_MSG_OFF;
    parm->presolve = GLP_ON;
    /* GLPK measures its gap against its own incumbent's objective, the
     * status against the recomputed cost (which may differ by up to
     * 1e-6 of it, accept_plan): with GLPK stopping at the same gap, a
     * search it ended "within the gap" was reported a hair above it,
     * feasible at 1.0x e-6.  So GLPK aims at half of it. */
    parm->mip_gap = gap / 2.0;
    /* Tighter than GLPK's 1e-5 so that a w[c,p,l] at 0.99999 cannot slip
     * a product's units under a tier minimum (formulate.c tmax rows). */
    parm->tol_int = 1e-7;
    parm->tm_lim = time_left(ctx);
}

/* No plan: why is the given text, or, with why NULL, what
 * model/mip/explain.c finds now that the solver proved it. */
static enum sp_status infeasible(const struct sp_problem *pb,
                                 struct sp_scenario_result *r, const char *why)
{
    r->status = SP_PLAN_INFEASIBLE;
    sp_scenario_result_clear_plan(r);
    free(r->reason);
    r->reason =
        why ? strdup(why) : sp_explain_infeasible(pb, r->scenario, true);
    return r->reason ? SP_OK : SP_ERR_NOMEM;
}

/* What one GLPK search of one model found. */
struct search {
    double lb;      /* a bound on the model's optimum */
    bool timed_out; /* the time limit stopped it */
    bool nofeas;    /* it has no plan: proved */
};

/* Takes plan (the solver's, whose objective is objective) into r,
 * verified and costed, when r has no plan yet or it costs less than
 * r's.  plan is r's or freed either way. */
static enum sp_status take_better(const struct sp_problem *pb,
                                  struct sp_plan *plan, double objective,
                                  struct sp_scenario_result *r, bool proven,
                                  char *err, size_t errsize)
{
    struct sp_scenario_result got;
    enum sp_status st;

    memset(&got, 0, sizeof(got));
    got.scenario = r->scenario;
    got.plan = plan;
    got.objective = objective;
    st = accept_plan(pb, &got, proven, err, errsize);
    if (st == SP_OK && (!r->cost || got.cost->total < r->cost->total)) {
        struct sp_plan *keep = r->plan;
        struct sp_costing *cost = r->cost;
        r->plan = got.plan;
        r->cost = got.cost;
        r->objective = got.objective;
        got.plan = keep;
        got.cost = cost;
    }
    sp_scenario_result_clear_plan(&got);
    return st;
}

/* The MIP solution held in m->lp, taken as take_better does. */
static enum sp_status take_mip(const struct sp_problem *pb,
                               const struct sp_model *m,
                               struct sp_scenario_result *r, bool proven,
                               char *err, size_t errsize)
{
    struct sp_plan *plan = sp_plan_new(pb);

    if (!plan)
        return SP_ERR_NOMEM;
    sp_model_plan(m, plan);
    return take_better(pb, plan, glp_mip_obj_val(m->lp), r, proven, err,
                       errsize);
}

/* A model too big for GLPK's presolver within a time limit: it is not
 * interrupted, and on a book of 100,000 vendors (5 million candidates)
 * it ran for tens of seconds past a 5 s limit.  Such a model is solved
 * lazily, where every LP honours the limit. */
static bool huge(const struct sp_problem *pb)
{
    return (double)pb->nclients * (double)pb->nproducts > 2e6;
}

/* Builds the model of sc (r's scenario, or one vendor set of it) and
 * searches it with GLPK; a plan it finds is taken into r where cheaper.
 * The search stops once its bound reaches ctx->cutoff. */
static enum sp_status search(const struct sp_problem *pb,
                             const struct sp_scenario *sc,
                             struct sp_scenario_result *r,
                             struct solve_ctx *ctx, double want_gap,
                             struct search *out, char *err, size_t errsize)
{
    struct sp_model *m = NULL;
    struct sp_root root; /* its first plan is ours until GLPK's has it */
    double rootlb = -HUGE_VAL;
    glp_iocp parm;
    int rc = 0, mstat = GLP_UNDEF;
    enum sp_status st;

    memset(out, 0, sizeof(*out));
    memset(&root, 0, sizeof(root));
    out->lb = -HUGE_VAL;
    ctx->has_bound = false;
    ctx->nodes = 0;
    /* Lazy link rows pay off when the LP keeps most vendors; with
     * max_vendors it keeps few and fractionally, the row generation takes
     * dozens of rounds, and GLPK's own presolve on the complete model
     * does better (docs/model.md, "Solving"). */
    st = sp_model_build_by(pb, sc, sc->max_vendors < 0 || huge(pb),
                           deadline(ctx), &m);
    if (st != SP_OK)
        goto cleanup;
    if (!m) { /* the time ran out building it */
        out->timed_out = true;
        goto cleanup;
    }
    ctx->m = m;

    init_iocp(&parm, ctx, want_gap);
    parm.cb_func = on_tree;
    parm.cb_info = ctx;
    if (m->lazy) {
        double t_root = sp_mip_now();
        st = sp_root_solve(m, time_left(ctx), want_gap, &root);
        t_root = sp_mip_now() - t_root;
        if (st != SP_OK)
            goto cleanup;
        rc = root.rc;
        if (root.first) /* no room for it: GLPK starts without */
            ctx->first = sp_model_point(m, root.first);
        if (rc == 0)
            rootlb = root.lb;
        else if (rc == GLP_ETMLIM)
            rootlb = root.early_lb;
        if (rc == 0 && root.lb >= ctx->cutoff) {
            out->lb = root.lb; /* the root settles it */
            goto cleanup;
        }
        parm.presolve = GLP_OFF;
        parm.tm_lim = time_left(ctx);
        /* MIR cuts lift the bound over the tier minimums and min_commits
         * that the LP meets with fractions of clients (bench/README.md);
         * when the root added its own, GLPK's would be cuts of cuts, and
         * GLPK's generator is not safe with those (model/mip/root.c) */
        parm.mir_cuts = root.cuts ? GLP_OFF : GLP_ON;
        /* nor with less time left than the root took: GLPK's cut rounds
         * at its root node do not stop at the time limit, and on the LP
         * of big-bundles 1,000 clients, max_categories_per_vendor 2
         * (54,000 rows) they took 8-10 s: a 10 s limit ended at 19 s */
        if (ctx->opt->time_limit > 0 && time_left(ctx) < 2000.0 * t_root)
            parm.mir_cuts = GLP_OFF;
    } else {
        /* A plan before GLPK's search, for when it finds none in time:
         * under max_vendors every vendor, dropped to the limit, then
         * swapped (model/mip/localsearch.c).  The many-vendors book of
         * 1,000 clients, at most 3 vendors, ended with no plan at 20 s;
         * GLPK's presolved search cannot be handed it as an incumbent. */
        st = sp_localsearch_improve(m, NULL,
                                    (int)fmin(3000.0, time_left(ctx) / 4.0),
                                    &root.first, &root.ub);
        if (st != SP_OK)
            goto cleanup;
        parm.tm_lim = time_left(ctx);
        /* GLPK's presolver, scaling and first basis come before its LP
         * and search, and its time limit counts from the LP's start:
         * about 3 us a nonzero (glpsol on the 700,000 of many-vendors
         * 1,000 clients requiring CIS v8 IG1: a 1 s limit took 3.1 s) */
        if (parm.tm_lim != INT_MAX)
            parm.tm_lim -= (int)(3e-3 * glp_get_num_nz(m->lp));
        if (parm.tm_lim <= 1)
            rc = GLP_ETMLIM;
    }
    if (rc == 0 && time_left(ctx) <= 1)
        rc = GLP_ETMLIM; /* no time left for a search */
    if (rc == 0)
        rc = glp_intopt(m->lp, &parm);
    if (ctx->nomem) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    mstat = glp_mip_status(m->lp);
    out->timed_out = rc == GLP_ETMLIM;
    if (rc == GLP_ENOPFS || (rc == 0 && mstat == GLP_NOFEAS)) {
        out->nofeas = true;
        out->lb = HUGE_VAL;
        goto cleanup;
    }
    if (rc != 0 && rc != GLP_EMIPGAP && rc != GLP_ETMLIM && rc != GLP_ESTOP) {
        snprintf(err, errsize, "scenario '%s': GLPK failed (code %d)",
                 r->scenario->name, rc);
        st = SP_ERR_SOLVER;
        goto cleanup;
    }
    if (mstat == GLP_OPT || mstat == GLP_FEAS) {
        st = take_mip(pb, m, r, rc == 0 && mstat == GLP_OPT, err, errsize);
        if (st != SP_OK)
            goto cleanup;
    }
    if (root.first && (!m->lazy || (mstat != GLP_OPT && mstat != GLP_FEAS))) {
        /* the time ran out before GLPK took the root's plan */
        st = take_better(pb, root.first, root.ub, r, false, err, errsize);
        root.first = NULL;
        if (st != SP_OK)
            goto cleanup;
    }
    if (rc == 0 && mstat == GLP_OPT)
        out->lb = glp_mip_obj_val(m->lp);
    else if (ctx->has_bound)
        /* both bound every plan no dearer than the incumbent; GLPK's,
         * when the limit stops it at its first nodes, can be below the
         * root's (many-vendors 3,000 clients: a gap of 0.22 % reported
         * where the root had proved 0.016 %) */
        out->lb = fmax(ctx->bound, rootlb);
    else if (rc == GLP_EMIPGAP) /* GLPK stopped at its gap */
        out->lb =
            glp_mip_obj_val(m->lp) * (1.0 - want_gap / 2.0); /* its mip_gap */
    else
        out->lb = rootlb;

cleanup:
    sp_plan_free(root.first);
    free(ctx->first);
    ctx->first = NULL;
    ctx->m = NULL;
    sp_model_free(m);
    return st;
}

/* Vendor sets worth enumerating for max_vendors, times clients: about a
 * second of bounds (34 us a set at 200 clients); beyond, the complete
 * model is searched instead.  200 clients: up to 150,000 sets (5 of 25
 * vendors), 3,000 clients: 10,000 (3 of 25). */
#define VSET_WORK 30000000L

/* A max_vendors scenario by vendor sets (model/mip/vendorsets.c): each set,
 * cheapest bound first, searched as a scenario of its own, until the next
 * bound is no lower than the best plan.  *done false: too many sets, or
 * no bound; nothing was searched. */
static enum sp_status by_vendor_sets(const struct sp_problem *pb,
                                     struct sp_scenario_result *r,
                                     struct solve_ctx *ctx, double want_gap,
                                     struct search *out, bool *done, char *err,
                                     size_t errsize)
{
    const struct sp_scenario *sc = r->scenario;
    struct sp_model *m = NULL;
    struct sp_vsets *vs = NULL;
    int *solved = NULL, nsolved = 0, i, j;
    double searched = HUGE_VAL; /* least bound of the sets searched */
    enum sp_status st;

    *done = false;
    memset(out, 0, sizeof(*out));
    /* for its candidates alone */
    st = sp_model_build_by(pb, sc, true, deadline(ctx), &m);
    if (st == SP_OK && !m) { /* out of time: no set searched */
        *done = true;
        out->timed_out = true;
        out->lb = -HUGE_VAL;
        return SP_OK;
    }
    if (st == SP_OK)
        /* half the time at most, so that a ranking that does not
         * finish leaves the other half to the search of the whole model */
        st = sp_vsets_rank(m, VSET_WORK / (pb->nclients + 1),
                           ctx->opt->time_limit > 0
                               ? ctx->start + ctx->opt->time_limit / 2.0
                               : 0.0,
                           &vs);
    sp_model_free(m);
    if (st != SP_OK || !vs)
        return st;
    *done = true;
    sp_mip_log("vendor sets: %d can cover every client, %.2f s", vs->n,
               sp_mip_now() - ctx->start);
    solved = malloc(((size_t)vs->n + 1) * sizeof(int));
    if (!solved) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    ctx->outer_bound = true;
    for (i = 0; i < vs->n; i++) {
        struct sp_scenario sub;
        struct search got;
        if (r->cost &&
            vs->lb[i] >= r->cost->total - want_gap * fabs(r->cost->total))
            break; /* no set from here on holds a cheaper plan */
        if (ctx->opt->time_limit > 0 &&
            sp_mip_now() - ctx->start >= ctx->opt->time_limit) {
            out->timed_out = true;
            break;
        }
        for (j = 0; j < nsolved && !sp_vsets_within(vs, i, solved[j]); j++)
            ;
        if (j < nsolved)
            continue; /* its plans were in a larger set's search */
        ctx->progress.bound = fmin(searched, vs->lb[i]);
        st = sp_vsets_scenario(vs, i, sc, &sub);
        if (st != SP_OK)
            goto cleanup;
        ctx->cutoff = r->cost
                          ? r->cost->total - want_gap * fabs(r->cost->total)
                          : HUGE_VAL;
        st = search(pb, &sub, r, ctx, want_gap, &got, err, errsize);
        free(sub.exclude_vendors);
        if (st != SP_OK)
            goto cleanup;
        sp_mip_log("vendor set %d: bound %.2f, searched to %.2f%s, "
                   "best %.2f, %.2f s",
                   i, vs->lb[i], got.lb, got.timed_out ? " (time)" : "",
                   r->cost ? r->cost->total : HUGE_VAL,
                   sp_mip_now() - ctx->start);
        solved[nsolved++] = i;
        /* a search the time cut short still has the set's own bound: its
         * plans keep this set (bound lb[i]) or a subset already searched
         * or ranked later (bound at least lb[i]) */
        searched =
            fmin(searched, got.timed_out ? fmax(got.lb, vs->lb[i]) : got.lb);
        if (got.timed_out) {
            out->timed_out = true;
            i++;
            break;
        }
    }
    out->lb = fmin(searched, i < vs->n ? vs->lb[i] : HUGE_VAL);
    out->nofeas = !r->plan && !out->timed_out;

cleanup:
    ctx->outer_bound = false;
    ctx->cutoff = HUGE_VAL;
    free(solved);
    sp_vsets_free(vs);
    return st;
}

static enum sp_status
solve_one(const struct sp_problem *pb, const struct sp_plan *current,
          struct sp_scenario_result *r, const struct sp_solve_options *o,
          struct solve_ctx *ctx, int single, char *err, size_t errsize)
{
    const struct sp_scenario *sc = r->scenario;
    double want_gap = o->gap > 0 ? o->gap : OPTIMAL_GAP, lb;
    struct search got;
    bool done = false;
    enum sp_status st;

    ctx->cutoff = HUGE_VAL;
    r->baseline = sp_cost_plan(pb, sc, current);
    if (!r->baseline)
        return SP_ERR_NOMEM;
    /* Reasons visible in the data need no solver. */
    r->reason = sp_explain_infeasible(pb, sc, false);
    if (r->reason) {
        r->status = SP_PLAN_INFEASIBLE;
        return SP_OK;
    }
    st = write_models(pb, sc, o, r->index, single, err, errsize);
    if (st != SP_OK)
        return st;
    /* not for a huge book: its model takes seconds to build, twice when
     * the sets are too many (100,000 vendors: 2.4 s each of a 5 s
     * limit), and its sets, a byte per vendor, are too many to keep */
    if (sc->max_vendors >= 0 && !huge(pb))
        st = by_vendor_sets(pb, r, ctx, want_gap, &got, &done, err, errsize);
    if (st == SP_OK && !done)
        st = search(pb, sc, r, ctx, want_gap, &got, err, errsize);
    if (st != SP_OK)
        return st;
    r->solve_seconds = sp_mip_now() - ctx->start;
    if (got.nofeas)
        return infeasible(pb, r, NULL);
    if (!r->plan) {
        /* Not a proof of anything: the scenario may well have plans.
         * Status time_limit with no plan (docs/model.md), its reason
         * saying what to do. */
        char why[160];
        snprintf(why, sizeof(why),
                 "the time limit (%g s) ran out before any plan was found; "
                 "a longer --time-limit may find one",
                 ctx->opt->time_limit);
        r->status = SP_PLAN_TIME_LIMIT;
        sp_scenario_result_clear_plan(r);
        free(r->reason);
        r->reason = strdup(why);
        return r->reason ? SP_OK : SP_ERR_NOMEM;
    }

    /* The reported gap is taken against the recomputed cost.  With no
     * bound yet (a local-search plan, the time out before GLPK's first
     * LP), the bound is 0: every total is a sum of charges, none
     * negative; so the gap is 1. */
    lb = isfinite(got.lb) || got.lb > 0 ? got.lb : 0.0;
    r->bound = fmin(lb, r->cost->total);
    r->gap = r->cost->total > 0
                 ? fmax(0.0, (r->cost->total - r->bound) / r->cost->total)
                 : 0.0;
    if (r->gap < 1e-12)
        r->gap = 0.0; /* the recomputation's rounding, not a gap */
    if (r->gap <= OPTIMAL_GAP)
        r->status = SP_PLAN_OPTIMAL;
    else if (got.timed_out)
        r->status = SP_PLAN_TIME_LIMIT;
    else
        r->status = SP_PLAN_FEASIBLE;
    return SP_OK;
}

static enum sp_status scenario_solve(const struct sp_problem *pb,
                                     const struct sp_scenario *sc,
                                     const struct sp_plan *current,
                                     const struct sp_solve_options *options,
                                     struct sp_scenario_result *r, char *err,
                                     size_t errsize)
{
    static const struct sp_solve_options defaults;
    struct solve_ctx ctx;
    enum sp_status st;

    memset(r, 0, sizeof(*r));
    memset(&ctx, 0, sizeof(ctx));
    ctx.opt = options ? options : &defaults;
    ctx.start = ctx.last_report = sp_mip_now();
    ctx.progress.count = 1;
    ctx.progress.scenario = sc->name;
    ctx.progress.incumbent = HUGE_VAL;
    ctx.progress.bound = -HUGE_VAL;
    r->scenario = sc;
    r->index = (int)(sc - pb->scenarios);
    if (r->index < 0 || r->index >= pb->nscenarios)
        r->index = 0;
    st = solve_one(pb, current, r, ctx.opt, &ctx, 1, err, errsize);
    if (st != SP_OK)
        sp_scenario_result_clear(r);
    return st;
}

enum sp_status sp_solve_one(const struct sp_problem *pb,
                            const struct sp_scenario *sc,
                            const struct sp_plan *current,
                            const struct sp_solve_options *options,
                            struct sp_scenario_result *r, char *err,
                            size_t errsize)
{
    struct sp_glpk_guard *g = malloc(sizeof(*g));
    enum sp_status st;

    if (!g)
        return SP_ERR_NOMEM;
    sp_glpk_guard_begin(g, options ? options->log : NULL,
                        options ? options->log_user : NULL);
    if (setjmp(g->jump)) {
        /* what the solve held is abandoned */
        st = sp_glpk_guard_failed(g, err, errsize);
        free(g);
        memset(r, 0, sizeof(*r));
        return st;
    }
    st = scenario_solve(pb, sc, current, options, r, err, errsize);
    sp_glpk_guard_end(g);
    free(g);
    return st;
}

void sp_scenario_result_clear_plan(struct sp_scenario_result *r)
{
    sp_plan_free(r->plan);
    sp_costing_free(r->cost);
    r->plan = NULL;
    r->cost = NULL;
}

void sp_scenario_result_clear(struct sp_scenario_result *r)
{
    sp_scenario_result_clear_plan(r);
    sp_costing_free(r->baseline);
    free(r->reason);
    r->baseline = NULL;
    r->reason = NULL;
}

static enum sp_status solve_all(const sp_problem *pb,
                                const struct sp_solve_options *options,
                                sp_result **out, char *err, size_t errsize)
{
    static const struct sp_solve_options defaults;
    const struct sp_solve_options *o = options ? options : &defaults;
    struct sp_result *res = calloc(1, sizeof(*res));
    enum sp_status st = SP_ERR_NOMEM;
    int i, n = 0;

    *out = NULL;
    if (err && errsize)
        err[0] = '\0';
    if (!res)
        return SP_ERR_NOMEM;
    if (o->shard_count < 0 ||
        (o->shard_count > 0 &&
         (o->shard_index < 1 || o->shard_index > o->shard_count))) {
        snprintf(err, errsize, "shard %d/%d: expected 1 <= i <= n",
                 o->shard_index, o->shard_count);
        free(res);
        return SP_ERR_USAGE;
    }
    res->problem = pb;
    res->current = sp_plan_current(pb);
    if (!res->current)
        goto cleanup;
    res->baseline = sp_cost_plan(pb, NULL, res->current);
    res->scenarios =
        calloc((size_t)pb->nscenarios + 1, sizeof(*res->scenarios));
    if (!res->baseline || !res->scenarios)
        goto cleanup;
    for (i = 0; i < pb->nscenarios; i++)
        if ((o->shard_count == 0 ||
             i % o->shard_count == o->shard_index - 1) &&
            (!o->only || strcmp(o->only, pb->scenarios[i].name) == 0))
            res->scenarios[n++].index = i;
    res->nscenarios = n;

    for (i = 0; i < n; i++) {
        struct sp_scenario_result *r = &res->scenarios[i];
        struct solve_ctx ctx;
        memset(&ctx, 0, sizeof(ctx));
        ctx.opt = o;
        ctx.start = ctx.last_report = sp_mip_now();
        ctx.progress.index = i;
        ctx.progress.count = n;
        ctx.progress.incumbent = HUGE_VAL;
        ctx.progress.bound = -HUGE_VAL;
        r->scenario = &pb->scenarios[r->index];
        ctx.progress.scenario = r->scenario->name;
        report(&ctx, 0, NULL);
        st = solve_one(pb, res->current, r, o, &ctx, n == 1, err, errsize);
        if (st != SP_OK)
            goto cleanup;
        if (r->cost)
            ctx.progress.incumbent = r->cost->total;
        report(&ctx, 1, sp_plan_status_name(r->status));
    }
    *out = res;
    res = NULL;
    st = SP_OK;

cleanup:
    sp_result_free(res);
    return st;
}

/* Every glp_* call of a solve runs inside a guard (glpk_guard.c): GLPK
 * writes nothing and its fatal errors come back as SP_ERR_SOLVER. */
enum sp_status sp_solve(const sp_problem *pb,
                        const struct sp_solve_options *options,
                        sp_result **out, char *err, size_t errsize)
{
    struct sp_glpk_guard *g = malloc(sizeof(*g));
    enum sp_status st;

    *out = NULL;
    if (!g)
        return SP_ERR_NOMEM;
    sp_glpk_guard_begin(g, options ? options->log : NULL,
                        options ? options->log_user : NULL);
    if (setjmp(g->jump)) {
        /* what the solve held is abandoned */
        st = sp_glpk_guard_failed(g, err, errsize);
        free(g);
        *out = NULL;
        return st;
    }
    st = solve_all(pb, options, out, err, errsize);
    sp_glpk_guard_end(g);
    free(g);
    return st;
}
