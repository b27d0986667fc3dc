/*
 * The consolidation model of one scenario, built with the GLPK C API.
 *
 * Sets: clients c, products p (vendor v(p)), vendors v, categories k,
 * price levels l of a tiered product (level 0 = catalog price from 0
 * units, then one level per tier row with min_units m_l > 0).
 * Data: H horizon (months), b[c,p] billable units, f[c,p,l] licence per
 * month of (c,p) at level l (the contracted monthly_cost when c has one
 * for p, else b[c,p] * price_l; times 1 + price_change), g[c,p] migration
 * cost when c does not run p today, L[c,p] leaving cost when it does,
 * O[v] = fee + labour * admin hours, M[v] = min_commit.
 *
 * Variables: x[c,p] in {0,1} (c runs p), y[v] in {0,1} (v kept);
 * for a tiered p: z[p,l] in {0,1} (p is priced at level l) and
 * w[c,p,l] in [0,1] (c's units of p are billed at level l);
 * s[v] >= 0 the min_commit shortfall per month.
 *
 *   min  sum_{c,p untiered} H f[c,p] x[c,p] + sum_{c,p,l} H f[c,p,l] w[c,p,l]
 *      + sum_{c,p new} g[c,p] x[c,p] + sum_{c,p current} L[c,p] (1 - x[c,p])
 *      + sum_v H (O[v] y[v] + s[v])
 *   s.t. cover[c,k]:  sum_{p covers k} x[c,p] >= 1     (c not pinned)
 *        link[c,p]:   x[c,p] - y[v(p)] <= 0             (disaggregated)
 *        assign[c,p]: sum_l w[c,p,l] - x[c,p] = 0       (tiered p)
 *        wz[c,p,l]:   w[c,p,l] - z[p,l] <= 0
 *        level[p]:    sum_l z[p,l] <= 1
 *        tmin[p,l]:   sum_c b[c,p] w[c,p,l] - m_l z[p,l] >= 0
 *        tmax[p,l]:   sum_c b[c,p] w[c,p,l] + (B_p - m_{l+1} + eps) z[p,l]
 *                       <= B_p                        (only where a deeper
 *                                                      level costs more)
 *        commit[v]:   s[v] - M[v] y[v] + sum_{p of v} (licence per month)
 *                       >= 0
 *        maxv:        sum_v y[v] <= max_vendors
 *   plus bounds: y[v] = 1 for require_vendors, x fixed to the current
 *   stack for keep_clients, no column for an excluded product or vendor.
 *
 * Why levels and not one binary per tier with a big-M on the units: with
 * w[c,p,l] <= z[p,l] the LP can only bill a unit at a level whose minimum
 * the units assigned to that level meet, so the relaxation cannot price
 * every unit at the deepest tier.  Prices normally fall with volume, so
 * the cheapest feasible level is the one the units reach; where a tier
 * table rises, tmax keeps the level honest.
 *
 * The coefficients are computed here from the raw data on purpose: the
 * checker in model/cost.c recomputes every plan by its own code, so a
 * mistake in one is caught by the other.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "formulate_int.h"

/* How far below a tier's minimum the units of a lower level must stay
 * when a deeper level costs more; with the integrality tolerance set in
 * model/solve.c it separates unit counts given to 3 decimals. */
#define SP_UNITS_EPS 1e-4

/* A growing triplet list for glp_load_matrix (1-based, slot 0 unused). */
struct triplets {
    int *ia, *ja;
    double *ar;
    int n, cap;
};

static bool trip_add(struct triplets *t, int row, int col, double val)
{
    if (t->n + 1 >= t->cap) {
        int cap = t->cap ? t->cap * 2 : 4096;
        int *ia = realloc(t->ia, (size_t)cap * sizeof(int));
        int *ja;
        double *ar;
        if (!ia)
            return false;
        t->ia = ia;
        ja = realloc(t->ja, (size_t)cap * sizeof(int));
        if (!ja)
            return false;
        t->ja = ja;
        ar = realloc(t->ar, (size_t)cap * sizeof(double));
        if (!ar)
            return false;
        t->ar = ar;
        t->cap = cap;
    }
    t->n++;
    t->ia[t->n] = row;
    t->ja[t->n] = col;
    t->ar[t->n] = val;
    return true;
}

/* One price level of a product. */
struct level {
    double min_units;
    double price;
};

struct builder {
    const struct sp_problem *pb;
    const struct sp_scenario *sc;
    const struct sp_settings *s;
    glp_prob *lp;
    struct triplets t;
    int *hold;            /* nclients * nproducts: inventory row or -1 */
    unsigned char *excluded_product;
    unsigned char *pinned; /* keep_clients */
    double *mult;
    struct level *levels; /* scratch, max tiers + 1 */
    int *levelcols;       /* scratch, 3 * (max tiers + 1) */
    char name[512];
};

static int add_col(struct builder *B, const char *name, int kind, double lb,
                   double ub, double obj)
{
    int j = glp_add_cols(B->lp, 1);

    glp_set_col_name(B->lp, j, name);
    glp_set_col_kind(B->lp, j, kind);
    if (lb == ub) {
        glp_set_col_bnds(B->lp, j, GLP_FX, lb, ub);
    } else if (kind == GLP_BV) {
        /* binary: bounds [0,1] already */
    } else if (ub == HUGE_VAL) {
        glp_set_col_bnds(B->lp, j, GLP_LO, lb, 0.0);
    } else {
        glp_set_col_bnds(B->lp, j, GLP_DB, lb, ub);
    }
    glp_set_obj_coef(B->lp, j, obj);
    return j;
}

static int add_row(struct builder *B, const char *name, int type, double lb,
                   double ub)
{
    int i = glp_add_rows(B->lp, 1);

    glp_set_row_name(B->lp, i, name);
    glp_set_row_bnds(B->lp, i, type, lb, ub);
    return i;
}

/* GLPK names are at most 255 characters. */
static const char *nm(struct builder *B, const char *fmt, const char *a,
                      const char *b, int l)
{
    if (l >= 0)
        snprintf(B->name, 256, fmt, a, b, l);
    else if (b)
        snprintf(B->name, 256, fmt, a, b);
    else
        snprintf(B->name, 256, fmt, a);
    return B->name;
}

static double price_multiplier(const struct builder *B, int p)
{
    const struct sp_scenario *sc = B->sc;
    double by_vendor = 1.0;
    int i;

    for (i = 0; sc && i < sc->nprice_changes; i++) {
        if (!sc->price_changes[i].is_vendor &&
            sc->price_changes[i].index == p)
            return 1.0 + sc->price_changes[i].fraction;
        if (sc->price_changes[i].is_vendor &&
            sc->price_changes[i].index == B->pb->products[p].vendor)
            by_vendor = 1.0 + sc->price_changes[i].fraction;
    }
    return by_vendor;
}

/* Price levels of p: the catalog price from 0 units (replaced by a tier
 * row at or below 0), then each tier above 0 in ascending order. */
static int product_levels(const struct sp_product *pr, struct level *out)
{
    int n = 1, t;

    out[0].min_units = 0.0;
    out[0].price = pr->price;
    for (t = 0; t < pr->ntiers; t++) {
        if (pr->tiers[t].min_units <= 0.0) {
            out[0].price = pr->tiers[t].price;
        } else {
            out[n].min_units = pr->tiers[t].min_units;
            out[n].price = pr->tiers[t].price;
            n++;
        }
    }
    return n;
}

static double billable(const struct builder *B, int c, int p)
{
    const struct sp_product *pr = &B->pb->products[p];
    int h = B->hold[(size_t)c * (size_t)B->pb->nproducts + (size_t)p];
    double units;

    if (pr->unit == SP_UNIT_FLAT)
        return 1.0;
    units = (h >= 0 && B->pb->holdings[h].has_units)
                ? B->pb->holdings[h].units
                : B->pb->clients[c].count[pr->unit];
    return fmax(units, pr->min_units);
}

/* Licence per month of (c,p) when the product's unit price is `price`. */
static double licence(const struct builder *B, int c, int p, double price)
{
    int h = B->hold[(size_t)c * (size_t)B->pb->nproducts + (size_t)p];

    if (h >= 0 && B->pb->holdings[h].has_monthly_cost)
        return B->pb->holdings[h].monthly_cost * B->mult[p];
    return billable(B, c, p) * price * B->mult[p];
}

static double adoption(const struct builder *B, int c, int p)
{
    const struct sp_product *pr = &B->pb->products[p];
    const struct sp_settings *s = B->s;
    double n = pr->unit == SP_UNIT_FLAT ? 1.0
                                        : B->pb->clients[c].count[pr->unit];

    return pr->setup_fee +
           s->labor_rate *
               (s->migration_hours_fixed + s->migration_hours_per_unit * n);
}

static double leaving(const struct builder *B, int h)
{
    const struct sp_holding *hd = &B->pb->holdings[h];
    const struct sp_date *st = &B->s->start_date, *end = &hd->contract_end;
    double months, monthly;

    if (hd->has_contract_end && (end->year * 10000 + end->month * 100 +
                                 end->day) <= (st->year * 10000 +
                                               st->month * 100 + st->day))
        return 0.0;
    if (hd->has_termination_fee)
        return hd->termination_fee;
    if (!hd->has_contract_end)
        return 0.0;
    months = (end->year - st->year) * 12.0 + (end->month - st->month) +
             (end->day > st->day ? 1.0 : 0.0);
    months = fmin(months, B->s->horizon_months);
    monthly = hd->has_monthly_cost
                  ? hd->monthly_cost * B->mult[hd->product]
                  : billable(B, hd->client, hd->product) *
                        B->pb->products[hd->product].price *
                        B->mult[hd->product];
    return monthly * months;
}

/* Is p a candidate for c: it covers a category c requires, or c runs it
 * today.  No pruning beyond that (SPEC section 3). */
static bool candidate(const struct builder *B, int c, int p)
{
    const struct sp_product *pr = &B->pb->products[p];
    int n, i, j;
    const int *req;

    if (B->hold[(size_t)c * (size_t)B->pb->nproducts + (size_t)p] >= 0)
        return true;
    req = sp_client_requires(B->pb, &B->pb->clients[c], B->s, &n);
    for (i = 0; i < n; i++)
        for (j = 0; j < pr->ncovers; j++)
            if (pr->covers[j] == req[i])
                return true;
    return false;
}

static bool mark_exclusions(struct builder *B)
{
    const struct sp_problem *pb = B->pb;
    const struct sp_scenario *sc = B->sc;
    int i, p;

    for (i = 0; i < sc->nexclude_products; i++)
        B->excluded_product[sc->exclude_products[i]] = 1;
    for (i = 0; i < sc->nexclude_vendors; i++)
        for (p = 0; p < pb->nproducts; p++)
            if (pb->products[p].vendor == sc->exclude_vendors[i])
                B->excluded_product[p] = 1;
    for (i = 0; i < sc->nkeep_clients; i++)
        B->pinned[sc->keep_clients[i]] = 1;
    for (p = 0; p < pb->nproducts; p++)
        B->mult[p] = price_multiplier(B, p);
    for (i = 0; i < pb->nholdings; i++)
        if (pb->holdings[i].product >= 0)
            B->hold[(size_t)pb->holdings[i].client *
                        (size_t)pb->nproducts +
                    (size_t)pb->holdings[i].product] = i;
    return true;
}

/* Columns y[v] for vendors that may be kept; fixed at 1 when required. */
static void add_vendor_cols(struct builder *B, struct sp_model *m)
{
    const struct sp_problem *pb = B->pb;
    const struct sp_scenario *sc = B->sc;
    int v, i;

    for (v = 0; v < pb->nvendors; v++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        bool excluded = false, required = false;
        for (i = 0; i < sc->nexclude_vendors; i++)
            excluded |= sc->exclude_vendors[i] == v;
        for (i = 0; i < sc->nrequire_vendors; i++)
            required |= sc->require_vendors[i] == v;
        if (excluded && !required)
            continue;
        /* required and excluded: kept, with none of its products usable
         * (mark_exclusions removed them) */
        m->ycol[v] = add_col(
            B, nm(B, "y[%s]", vd->name, NULL, -1), GLP_BV, required ? 1 : 0,
            1,
            B->s->horizon_months *
                (vd->monthly_fee + B->s->labor_rate * vd->admin_hours));
    }
}

/* x[c,p] columns, their objective, link rows; the leaving constant. */
static bool add_assignment_cols(struct builder *B, struct sp_model *m,
                                const int *nlevels)
{
    const struct sp_problem *pb = B->pb;
    double H = B->s->horizon_months;
    int c, p;

    for (c = 0; c < pb->nclients; c++) {
        for (p = 0; p < pb->nproducts; p++) {
            size_t cp = (size_t)c * (size_t)pb->nproducts + (size_t)p;
            const struct sp_product *pr = &pb->products[p];
            int h = B->hold[cp], v = pr->vendor, row;
            double obj;

            if (h >= 0)
                m->constant += leaving(B, h);
            if (B->pinned[c] ? h < 0
                             : (B->excluded_product[p] || !candidate(B, c, p)))
                continue;
            if (!m->ycol[v])
                continue; /* its vendor is excluded */
            obj = h >= 0 ? -leaving(B, h) : adoption(B, c, p);
            if (nlevels[p] == 1) {
                product_levels(pr, B->levels);
                obj += H * licence(B, c, p, B->levels[0].price);
            }
            m->xcol[cp] = add_col(
                B, nm(B, "x[%s,%s]", pb->clients[c].id, pr->id, -1),
                GLP_BV, B->pinned[c] ? 1 : 0, 1, obj);
            row = add_row(B, nm(B, "link[%s,%s]", pb->clients[c].id, pr->id,
                                -1),
                          GLP_UP, 0.0, 0.0);
            if (!trip_add(&B->t, row, m->xcol[cp], 1.0) ||
                !trip_add(&B->t, row, m->ycol[v], -1.0))
                return false;
        }
    }
    return true;
}

static bool add_cover_rows(struct builder *B, struct sp_model *m)
{
    const struct sp_problem *pb = B->pb;
    int c, p, i, n, row;
    const int *req;

    for (c = 0; c < pb->nclients; c++) {
        if (B->pinned[c])
            continue; /* pinned clients keep their gaps */
        req = sp_client_requires(pb, &pb->clients[c], B->s, &n);
        for (i = 0; i < n; i++) {
            row = add_row(B,
                          nm(B, "cover[%s,%s]", pb->clients[c].id,
                             pb->categories[req[i]], -1),
                          GLP_LO, 1.0, 0.0);
            for (p = 0; p < pb->nproducts; p++) {
                int j = m->xcol[(size_t)c * (size_t)pb->nproducts +
                                (size_t)p];
                if (j && sp_product_covers(&pb->products[p], req[i]) &&
                    !trip_add(&B->t, row, j, 1.0))
                    return false;
            }
        }
    }
    return true;
}

/* Tier levels of one product: z, w, assign, wz, level, tmin, tmax rows;
 * wcol receives the w columns (nclients * nlevels) for the commit rows. */
static bool add_tier_levels(struct builder *B, struct sp_model *m, int p,
                            int nlev, int *wcol)
{
    const struct sp_problem *pb = B->pb;
    const struct sp_product *pr = &pb->products[p];
    struct level *lv = B->levels;
    double H = B->s->horizon_months, total = 0.0;
    int *zcol = B->levelcols, *tmin = zcol + nlev, *tmax = tmin + nlev;
    int c, l, l2, row;

    product_levels(pr, lv);
    for (c = 0; c < pb->nclients; c++)
        if (m->xcol[(size_t)c * (size_t)pb->nproducts + (size_t)p])
            total += billable(B, c, p);
    row = add_row(B, nm(B, "level[%s]", pr->id, NULL, -1), GLP_UP, 0.0,
                  1.0);
    for (l = 0; l < nlev; l++) {
        snprintf(B->name, 256, "z[%s,%d]", pr->id, l);
        zcol[l] = add_col(B, B->name, GLP_BV, 0, 1, 0.0);
        if (!trip_add(&B->t, row, zcol[l], 1.0))
            return false;
        tmin[l] = tmax[l] = 0;
        if (lv[l].min_units > 0.0) {
            snprintf(B->name, 256, "tmin[%s,%d]", pr->id, l);
            tmin[l] = add_row(B, B->name, GLP_LO, 0.0, 0.0);
            if (!trip_add(&B->t, tmin[l], zcol[l], -lv[l].min_units))
                return false;
        }
    }
    /* A level must not be used once the units reach the next one when a
     * deeper level costs more (a rising tier table): units at level l
     * <= m_{l+1} - eps.  Needless when the units cannot get there. */
    for (l = 0; l + 1 < nlev; l++) {
        bool rises = false;
        for (l2 = l + 1; l2 < nlev; l2++)
            rises |= lv[l2].price > lv[l].price;
        if (!rises || total < lv[l + 1].min_units)
            continue;
        snprintf(B->name, 256, "tmax[%s,%d]", pr->id, l);
        tmax[l] = add_row(B, B->name, GLP_UP, 0.0, 0.0);
        if (!trip_add(&B->t, tmax[l], zcol[l],
                      -(lv[l + 1].min_units - SP_UNITS_EPS)))
            return false;
    }
    for (c = 0; c < pb->nclients; c++) {
        size_t cp = (size_t)c * (size_t)pb->nproducts + (size_t)p;
        int x = m->xcol[cp], assign;
        double b;
        if (!x)
            continue;
        b = billable(B, c, p);
        assign = add_row(B,
                         nm(B, "assign[%s,%s]", pb->clients[c].id, pr->id,
                            -1),
                         GLP_FX, 0.0, 0.0);
        if (!trip_add(&B->t, assign, x, -1.0))
            return false;
        for (l = 0; l < nlev; l++) {
            int w, wz;
            snprintf(B->name, 256, "w[%s,%s,%d]", pb->clients[c].id, pr->id,
                     l);
            w = add_col(B, B->name, GLP_CV, 0.0, 1.0,
                        H * licence(B, c, p, lv[l].price));
            wcol[(size_t)c * (size_t)nlev + (size_t)l] = w;
            snprintf(B->name, 256, "wz[%s,%s,%d]", pb->clients[c].id,
                     pr->id, l);
            wz = add_row(B, B->name, GLP_UP, 0.0, 0.0);
            if (!trip_add(&B->t, assign, w, 1.0) ||
                !trip_add(&B->t, wz, w, 1.0) ||
                !trip_add(&B->t, wz, zcol[l], -1.0))
                return false;
            if (tmin[l] && !trip_add(&B->t, tmin[l], w, b))
                return false;
            if (tmax[l] && !trip_add(&B->t, tmax[l], w, b))
                return false;
        }
    }
    return true;
}

/* commit[v]: s[v] >= M[v] y[v] - licence spend per month with v. */
static bool add_commit_rows(struct builder *B, struct sp_model *m,
                            int *const *wcols, const int *nlevels)
{
    const struct sp_problem *pb = B->pb;
    double H = B->s->horizon_months;
    int v, c, p, l;

    for (v = 0; v < pb->nvendors; v++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        int s, row;
        if (!m->ycol[v] || vd->min_commit <= 0.0)
            continue;
        s = add_col(B, nm(B, "s[%s]", vd->name, NULL, -1), GLP_CV, 0.0,
                    HUGE_VAL, H);
        row = add_row(B, nm(B, "commit[%s]", vd->name, NULL, -1), GLP_LO,
                      0.0, 0.0);
        if (!trip_add(&B->t, row, s, 1.0) ||
            !trip_add(&B->t, row, m->ycol[v], -vd->min_commit))
            return false;
        for (p = 0; p < pb->nproducts; p++) {
            if (pb->products[p].vendor != v)
                continue;
            product_levels(&pb->products[p], B->levels);
            for (c = 0; c < pb->nclients; c++) {
                int x = m->xcol[(size_t)c * (size_t)pb->nproducts +
                                (size_t)p];
                if (!x)
                    continue;
                if (nlevels[p] == 1) {
                    if (!trip_add(&B->t, row, x,
                                  licence(B, c, p, B->levels[0].price)))
                        return false;
                    continue;
                }
                for (l = 0; l < nlevels[p]; l++)
                    if (!trip_add(&B->t, row,
                                  wcols[p][(size_t)c * (size_t)nlevels[p] +
                                           (size_t)l],
                                  licence(B, c, p, B->levels[l].price)))
                        return false;
            }
        }
    }
    return true;
}

static bool add_max_vendors(struct builder *B, struct sp_model *m)
{
    int v, row;

    if (B->sc->max_vendors < 0)
        return true;
    row = add_row(B, "maxv", GLP_UP, 0.0, (double)B->sc->max_vendors);
    for (v = 0; v < B->pb->nvendors; v++)
        if (m->ycol[v] && !trip_add(&B->t, row, m->ycol[v], 1.0))
            return false;
    return true;
}

void sp_model_free(struct sp_model *m)
{
    if (!m)
        return;
    if (m->lp)
        glp_delete_prob(m->lp);
    free(m->xcol);
    free(m->ycol);
    free(m);
}

enum sp_status sp_model_build(const struct sp_problem *pb,
                              const struct sp_scenario *sc,
                              struct sp_model **out)
{
    struct builder B;
    struct sp_model *m = calloc(1, sizeof(*m));
    size_t ncp = (size_t)pb->nclients * (size_t)pb->nproducts;
    int *nlevels = NULL, **wcols = NULL;
    int p, maxt = 0;
    enum sp_status st = SP_ERR_NOMEM;

    memset(&B, 0, sizeof(B));
    *out = NULL;
    if (!m)
        return SP_ERR_NOMEM;
    m->pb = pb;
    m->sc = sc;
    B.pb = pb;
    B.sc = sc;
    B.s = &sc->settings;
    for (p = 0; p < pb->nproducts; p++)
        if (pb->products[p].ntiers > maxt)
            maxt = pb->products[p].ntiers;
    m->xcol = calloc(ncp + 1, sizeof(int));
    m->ycol = calloc((size_t)pb->nvendors + 1, sizeof(int));
    B.hold = malloc((ncp + 1) * sizeof(int));
    B.excluded_product = calloc((size_t)pb->nproducts + 1, 1);
    B.pinned = calloc((size_t)pb->nclients + 1, 1);
    B.mult = calloc((size_t)pb->nproducts + 1, sizeof(double));
    B.levels = calloc((size_t)maxt + 2, sizeof(struct level));
    B.levelcols = calloc(3 * ((size_t)maxt + 2), sizeof(int));
    nlevels = calloc((size_t)pb->nproducts + 1, sizeof(int));
    wcols = calloc((size_t)pb->nproducts + 1, sizeof(int *));
    if (!m->xcol || !m->ycol || !B.hold || !B.excluded_product ||
        !B.pinned || !B.mult || !B.levels || !B.levelcols || !nlevels ||
        !wcols)
        goto cleanup;
    memset(B.hold, 0xff, (ncp + 1) * sizeof(int)); /* all -1 */
    mark_exclusions(&B);

    m->lp = B.lp = glp_create_prob();
    glp_set_prob_name(B.lp, "stackplan");
    glp_set_obj_name(B.lp, "total_cost");
    glp_set_obj_dir(B.lp, GLP_MIN);
    for (p = 0; p < pb->nproducts; p++)
        nlevels[p] = product_levels(&pb->products[p], B.levels);

    add_vendor_cols(&B, m);
    if (!add_assignment_cols(&B, m, nlevels) || !add_cover_rows(&B, m))
        goto cleanup;
    for (p = 0; p < pb->nproducts; p++) {
        if (nlevels[p] == 1)
            continue;
        wcols[p] = calloc(((size_t)pb->nclients + 1) * (size_t)nlevels[p],
                          sizeof(int));
        if (!wcols[p] || !add_tier_levels(&B, m, p, nlevels[p], wcols[p]))
            goto cleanup;
    }
    if (!add_commit_rows(&B, m, wcols, nlevels) || !add_max_vendors(&B, m))
        goto cleanup;
    /* The leaving costs are a constant; a column fixed at 1 carries it so
     * that LP and MPS files (which drop objective constants) are complete
     * and every solver reports the true total. */
    m->constcol = add_col(&B, "constant", GLP_CV, 1.0, 1.0, m->constant);
    if (B.t.n > 0)
        glp_load_matrix(B.lp, B.t.n, B.t.ia, B.t.ja, B.t.ar);
    *out = m;
    m = NULL;
    st = SP_OK;

cleanup:
    for (p = 0; wcols && p < pb->nproducts; p++)
        free(wcols[p]);
    free(wcols);
    free(nlevels);
    free(B.t.ia);
    free(B.t.ja);
    free(B.t.ar);
    free(B.hold);
    free(B.excluded_product);
    free(B.pinned);
    free(B.mult);
    free(B.levels);
    free(B.levelcols);
    sp_model_free(m);
    return st;
}

enum sp_status sp_model_plan(const struct sp_model *m, glp_prob *lp,
                             struct sp_plan *plan)
{
    const struct sp_problem *pb = m->pb;
    int c, p, v;

    memset(plan->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
    memset(plan->kept, 0, (size_t)pb->nvendors);
    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++) {
            size_t cp = (size_t)c * (size_t)pb->nproducts + (size_t)p;
            if (m->xcol[cp] && glp_mip_col_val(lp, m->xcol[cp]) > 0.5) {
                plan->x[cp] = 1;
                plan->kept[pb->products[p].vendor] = 1;
            }
        }
    /* A vendor is kept when a client uses it or the scenario requires
     * it; a y[v] = 1 with neither (possible at zero overhead) is noise. */
    for (v = 0; v < m->sc->nrequire_vendors; v++)
        plan->kept[m->sc->require_vendors[v]] = 1;
    return SP_OK;
}

enum sp_status sp_model_write(const struct sp_model *m, const char *path,
                              int mps, char *err, size_t errsize)
{
    char tmp[4096];
    FILE *in = NULL, *out = NULL;
    int rc, ch;
    enum sp_status st = SP_ERR_IO;

    if ((size_t)snprintf(tmp, sizeof(tmp), "%s.glpk.tmp", path) >=
        sizeof(tmp)) {
        snprintf(err, errsize, "%s: path too long", path);
        return SP_ERR_IO;
    }
    rc = mps ? glp_write_mps(m->lp, GLP_MPS_FILE, NULL, tmp)
             : glp_write_lp(m->lp, NULL, tmp);
    if (rc != 0) {
        snprintf(err, errsize, "%s: cannot write the model", path);
        remove(tmp);
        return SP_ERR_IO;
    }
    /* GLPK has no way to add a comment; prepend one that names the
     * objective constant, which LP and MPS readers do not all keep. */
    in = fopen(tmp, "r");
    out = fopen(path, "w");
    if (!in || !out) {
        snprintf(err, errsize, "%s: cannot write the model", path);
        goto cleanup;
    }
    fprintf(out,
            "%s stackplan scenario '%s': total cost over the horizon.  The "
            "column 'constant', fixed at 1, carries the objective constant "
            "%.6f (leaving costs of every current product, earned back by "
            "x = 1).\n",
            mps ? "*" : "\\", m->sc->name, m->constant);
    while ((ch = getc(in)) != EOF)
        putc(ch, out);
    st = ferror(in) || ferror(out) ? SP_ERR_IO : SP_OK;
    if (st != SP_OK)
        snprintf(err, errsize, "%s: cannot write the model", path);

cleanup:
    if (in)
        fclose(in);
    if (out && fclose(out) != 0 && st == SP_OK) {
        snprintf(err, errsize, "%s: cannot write the model", path);
        st = SP_ERR_IO;
    }
    remove(tmp);
    return st;
}
