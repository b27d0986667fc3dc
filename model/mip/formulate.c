/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The consolidation model of one scenario, built with the GLPK C API.
 *
 * Sets: clients c, products p (vendor v(p)), vendors v, categories k,
 * price levels l of a tiered product (level 0 = catalog price from 0
 * units, then one level per tier row with min_units m_l > 0 that the
 * product's units can reach at all).
 * Data: H horizon (months), b[c,p] billable units, f[c,p,l] licence per
 * month of (c,p) at level l (the contracted monthly_cost when c has one
 * for p, else b[c,p] * price_l; times 1 + price_change), g[c,p] migration
 * cost when c does not run p today, L[c,p] leaving cost when it does,
 * O[v] = fee + labour * admin hours, M[v] = min_commit.
 *
 * Variables: x[c,p] in {0,1} (c runs an untiered p), y[v] in {0,1}
 * (v kept); for a tiered p: z[p,l] in {0,1} (p is priced at level l) and
 * w[c,p,l] in {0,1} (c runs p, billed at level l; x[c,p] = sum_l w);
 * s[v] >= 0 the min_commit shortfall per month.
 *
 *   min  sum_{c,p untiered} H f[c,p] x[c,p] + sum_{c,p,l} H f[c,p,l] w[c,p,l]
 *      + sum_{c,p new} g[c,p] x[c,p] + sum_{c,p current} L[c,p] (1 - x[c,p])
 *      + sum_v H (O[v] y[v] + s[v])
 *   s.t. cover[c,k]:  sum_{p covers k} x[c,p] >= 1     (c not pinned)
 *        link[c,p]:   x[c,p] - y[v(p)] <= 0             (untiered p)
 *        wz[c,p,l]:   w[c,p,l] - z[p,l] <= 0            (tiered p)
 *        level[p]:    sum_l z[p,l] - y[v(p)] <= 0
 *        tmin[p,l]:   sum_c min(b[c,p], m_l) w[c,p,l] - m'_l z[p,l] >= 0
 *                       (m'_l = m_l - 1e-9 max(1, m_l): sp_tier_threshold)
 *        tmax[p,l]:   sum_c b[c,p] w[c,p,l] + (B_p - m_{l+1} + eps) z[p,l]
 *                       <= B_p                        (only where a deeper
 *                                                      level costs more)
 *        commit[v]:   s[v] - M[v] y[v]
 *                       + sum_{c,p of v} min(f[c,p], M[v]) x[c,p]
 *                       + sum_{c,p of v,l} min(f[c,p,l], M[v]) w[c,p,l] >= 0
 *        maxv:        sum_v y[v] <= max_vendors
 *   plus bounds: y[v] = 1 for require_vendors, x fixed to the current
 *   stack for keep_clients (pin[c,p]: sum_l w[c,p,l] = 1 for a tiered
 *   one), no column for an excluded product or vendor.  A pin (essential,
 *   keep_products, keep_client_products: docs/model.md "Pins") fixes its
 *   x[c,p] = 1 the same way (pin[c,p] when tiered), but unlike
 *   keep_clients leaves the client's cover rows and every other row in
 *   place.
 *
 * Why levels and not one binary per tier with a big-M on the units: with
 * w[c,p,l] <= z[p,l] the LP can only bill a unit at a level whose minimum
 * the units assigned to that level meet, so the relaxation cannot price
 * every unit at the deepest tier.  Prices normally fall with volume, so
 * the cheapest feasible level is the one the units reach; where a tier
 * table rises, tmax keeps the level honest.  A tiered product's link to
 * its vendor goes through level[p]: sum_l w <= sum_l z <= y.
 *
 * Each candidate's columns come as a group: x with its link row, or the
 * w of every level with their wz rows.
 *
 * The coefficients are computed here from the raw data on purpose: the
 * checker in model/core/cost.c recomputes every plan by its own code, so a
 * mistake in one is caught by the other.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "mip_int.h"

/* How far below a tier's minimum the units of a lower level must stay
 * when a deeper level costs more; with the integrality tolerance set in
 * model/mip/solve.c it separates unit counts given to 3 decimals. */
#define SP_UNITS_EPS 1e-4

/* One price level of a product. */
struct level {
    double min_units;
    double price;
};

/* What building needs and the model does not keep. */
struct builder {
    const struct sp_problem *pb;
    const struct sp_scenario *sc;
    const struct sp_settings *s;
    int *hold; /* nclients * nproducts: inventory row or -1 */
    unsigned char *excluded_product;
    unsigned char *pinned; /* keep_clients */
    double *mult;
    struct level *levels; /* nproducts * maxlev */
    double *units;        /* nproducts: B_p, the candidates' units summed */
};

/* GLPK ends the process (glp_error) on a name holding a control
 * character or longer than 255 bytes.  The loaders refuse such ids, but
 * a problem built through the API may hold one: names are copied with
 * every control character replaced by '?', so no name can end a run. */
static void safe_name(char *out, const char *name)
{
    const char *end = out + 255;
    unsigned char c;

    for (; *name && out < end; name++, out++) {
        c = (unsigned char)*name;
        *out = c < 0x20 || c == 0x7F ? '?' : (char)c;
    }
    *out = '\0';
}

static void set_col_name(glp_prob *lp, int j, const char *name)
{
    char buf[256];

    safe_name(buf, name);
    glp_set_col_name(lp, j, buf);
}

static void set_row_name(glp_prob *lp, int i, const char *name)
{
    char buf[256];

    safe_name(buf, name);
    glp_set_row_name(lp, i, buf);
}

static int add_col(struct sp_model *m, const char *name, int kind, double lb,
                   double ub, double obj)
{
    int j = glp_add_cols(m->lp, 1);

    set_col_name(m->lp, j, name);
    glp_set_col_kind(m->lp, j, kind);
    if (lb == ub) {
        glp_set_col_bnds(m->lp, j, GLP_FX, lb, ub);
    } else if (kind == GLP_BV) {
        /* binary: bounds [0,1] already */
    } else if (ub == HUGE_VAL) {
        glp_set_col_bnds(m->lp, j, GLP_LO, lb, 0.0);
    } else {
        glp_set_col_bnds(m->lp, j, GLP_DB, lb, ub);
    }
    glp_set_obj_coef(m->lp, j, obj);
    return j;
}

static int add_row(struct sp_model *m, const char *name, int type, double lb,
                   double ub)
{
    int i = glp_add_rows(m->lp, 1);

    set_row_name(m->lp, i, name);
    glp_set_row_bnds(m->lp, i, type, lb, ub);
    return i;
}

/* GLPK names are at most 255 characters. */
static const char *nm(struct sp_model *m, const char *fmt, const char *a,
                      const char *b, int l)
{
    if (l >= 0)
        snprintf(m->name, 256, fmt, a, b, l);
    else if (b)
        snprintf(m->name, 256, fmt, a, b);
    else
        snprintf(m->name, 256, fmt, a);
    return m->name;
}

static double price_multiplier(const struct builder *B, int p)
{
    const struct sp_scenario *sc = B->sc;
    double by_vendor = 1.0;
    int i;

    for (i = 0; sc && i < sc->nprice_changes; i++) {
        if (!sc->price_changes[i].is_vendor && sc->price_changes[i].index == p)
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
    double n =
        pr->unit == SP_UNIT_FLAT ? 1.0 : B->pb->clients[c].count[pr->unit];

    return pr->setup_fee + s->labor_rate * (s->migration_hours_fixed +
                                            s->migration_hours_per_unit * n);
}

static double leaving(const struct builder *B, int h)
{
    const struct sp_holding *hd = &B->pb->holdings[h];
    const struct sp_date *st = &B->s->start_date, *end = &hd->contract_end;
    double months, monthly;

    if (hd->has_contract_end &&
        (end->year * 10000 + end->month * 100 + end->day) <=
            (st->year * 10000 + st->month * 100 + st->day))
        return 0.0;
    if (hd->has_termination_fee)
        return hd->termination_fee;
    if (!hd->has_contract_end)
        return 0.0;
    months = (end->year - st->year) * 12.0 + (end->month - st->month) +
             (end->day > st->day ? 1.0 : 0.0);
    months = fmin(months, B->s->horizon_months);
    monthly = hd->has_monthly_cost ? hd->monthly_cost * B->mult[hd->product]
                                   : billable(B, hd->client, hd->product) *
                                         B->pb->products[hd->product].price *
                                         B->mult[hd->product];
    return monthly * months;
}

/* Is p a candidate for c: it covers a category c requires, or c runs it
 * today.  No pruning beyond that (docs/model.md). */
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
    /* widened by the controls of c's frameworks (docs/compliance.md) */
    return sp_control_candidate(B->pb, B->s, c, p);
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
            B->hold[(size_t)pb->holdings[i].client * (size_t)pb->nproducts +
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
            m, nm(m, "y[%s]", vd->name, NULL, -1), GLP_BV, required ? 1 : 0, 1,
            m->H * (vd->monthly_fee + B->s->labor_rate * vd->admin_hours));
    }
}

/* Lists the candidates of every client: first counting (out NULL), then
 * filling; returns how many. */
static int list_candidates(struct builder *B, struct sp_model *m,
                           struct sp_cand *out)
{
    const struct sp_problem *pb = B->pb;
    int c, p, n = 0;

    for (c = 0; c < pb->nclients; c++)
        for (p = 0; p < pb->nproducts; p++) {
            size_t cp = (size_t)c * (size_t)pb->nproducts + (size_t)p;
            int h = B->hold[cp];
            if (B->pinned[c] ? h < 0
                             : (B->excluded_product[p] || !candidate(B, c, p)))
                continue;
            if (!m->ycol[pb->products[p].vendor])
                continue; /* its vendor is excluded */
            if (out) {
                struct sp_cand *cd = &out[n];
                cd->client = c;
                cd->product = p;
                cd->pinned = B->pinned[c];
                cd->held = !B->pinned[c] && h >= 0 &&
                           sp_scenario_pins(pb, B->sc, c, p, NULL);
                cd->obj = h >= 0 ? -leaving(B, h) : adoption(B, c, p);
                cd->b = billable(B, c, p);
            }
            n++;
        }
    return n;
}

/* The levels each product's units can reach (the candidates' billable
 * units summed), and every candidate's licence at each of them. */
static bool price_levels(struct builder *B, struct sp_model *m)
{
    const struct sp_problem *pb = B->pb;
    const double *reach = B->units;
    size_t nlic = 0;
    int p, i, l, n;

    for (i = 0; i < m->ncands; i++)
        B->units[m->cands[i].product] += m->cands[i].b;
    for (p = 0; p < pb->nproducts; p++) {
        struct level *lv = &B->levels[(size_t)p * (size_t)m->maxlev];
        n = product_levels(&pb->products[p], lv);
        /* a level beyond every unit there is needs no columns; the slack
         * keeps one that a float sum only just misses */
        for (l = 1; l < n; l++)
            if (lv[l].min_units > reach[p] + 1e-6 * fmax(1.0, reach[p]))
                break;
        m->nlev[p] = l;
        for (l = 0; l < m->nlev[p]; l++)
            m->levelmin[(size_t)p * (size_t)m->maxlev + (size_t)l] =
                lv[l].min_units;
    }
    for (i = 0; i < m->ncands; i++)
        nlic += (size_t)m->nlev[m->cands[i].product];
    m->licbuf = malloc((nlic + 1) * sizeof(double));
    if (!m->licbuf)
        return false;
    nlic = 0;
    for (i = 0; i < m->ncands; i++) {
        struct sp_cand *cd = &m->cands[i];
        const struct level *lv =
            &B->levels[(size_t)cd->product * (size_t)m->maxlev];
        cd->nlev = m->nlev[cd->product];
        cd->lic = &m->licbuf[nlic];
        for (l = 0; l < cd->nlev; l++)
            cd->lic[l] = licence(B, cd->client, cd->product, lv[l].price);
        nlic += (size_t)cd->nlev;
    }
    return true;
}

/*
 * add_cover_rows - every client's coverage rows
 *
 *     cover[c,k]:    sum_{p covers k} x[c,p] >= 1     k in R(c)
 *     control[c,i]:  sum_{p meets i} x[c,p] >= 1      i a control of c's
 *                                                     frameworks R(c) does
 *                                                     not already meet
 *
 * (x[c,p] stands for sum_l w[c,p,l] of a tiered p.)  No rows for a client
 * of keep_clients: its columns are fixed to today's stack.  Each
 * candidate gets the list of the rows it enters; a client's rows are
 * consecutive (model/mip/heuristic.c, root.c rely on it).
 * docs/model.md, docs/compliance.md.
 */
static bool add_cover_rows(struct builder *B, struct sp_model *m)
{
    const struct sp_problem *pb = B->pb;
    size_t width = (size_t)pb->ncategories + (size_t)pb->ncontrols;
    int c, i, k, n, first = 0, *rows, *need, nneed;
    size_t used = 0;
    const int *req;

    m->coverrows = malloc(((size_t)m->ncands * width + 1) * sizeof(int));
    rows = calloc(width + 1, sizeof(int));
    need = calloc((size_t)pb->ncontrols + 1, sizeof(int));
    if (!m->coverrows || !rows || !need) {
        free(rows);
        free(need);
        return false;
    }
    for (c = 0; c < pb->nclients; c++) {
        int last = first;
        while (last < m->ncands && m->cands[last].client == c)
            last++;
        if (!B->pinned[c]) {
            req = sp_client_requires(pb, &pb->clients[c], B->s, &n);
            for (k = 0; k < n; k++)
                rows[k] = add_row(m,
                                  nm(m, "cover[%s,%s]", pb->clients[c].id,
                                     pb->categories[req[k]], -1),
                                  GLP_LO, 1.0, 0.0);
            nneed = sp_client_control_needs(pb, B->s, c, need);
            for (k = 0; k < nneed; k++) {
                const struct sp_control *ct = &pb->controls[need[k]];
                snprintf(m->name, 256, "control[%s,%s/%s]", pb->clients[c].id,
                         pb->frameworks[ct->framework].name, ct->id);
                rows[n + k] = add_row(m, m->name, GLP_LO, 1.0, 0.0);
            }
            for (i = first; i < last; i++) {
                struct sp_cand *cd = &m->cands[i];
                const struct sp_product *pr = &pb->products[cd->product];
                cd->cover = (int)used;
                for (k = 0; k < n + nneed; k++) {
                    if (k < n
                            ? !sp_product_covers(pr, req[k])
                            : !sp_control_met_by(pb, need[k - n], cd->product))
                        continue;
                    m->coverrows[used++] = rows[k];
                    cd->ncover++;
                }
            }
        }
        first = last;
    }
    free(rows);
    free(need);
    return true;
}

/*
 * add_tier_rows - the price levels of every tiered product in use
 *
 *     level[p]:   sum_l z[p,l] - y[v(p)] <= 0
 *     tmin[p,l]:  sum_c min(b[c,p], m_l) w[c,p,l] - m'_l z[p,l] >= 0
 *                                                           (m_l > 0)
 *     tmax[p,l]:  B_p z[p,l] + sum_c b[c,p] w[c,p,l]
 *                   - (m_{l+1} - eps) z[p,l] <= B_p
 *
 * with m'_l = sp_tier_threshold(m_l) (the checker's tolerance), B_p the
 * units of every candidate of p, eps = SP_UNITS_EPS.  tmax only where a
 * deeper level costs more, or at renewal when the vendor has a
 * min_commit (a delayed start could pay for a dearer level in
 * shortfall).  The wz[c,p,l] rows w - z <= 0 come with each candidate.
 */
static void add_tier_rows(struct builder *B, struct sp_model *m)
{
    const struct sp_problem *pb = B->pb;
    int p, l, l2;

    for (p = 0; p < pb->nproducts; p++) {
        const struct sp_product *pr = &pb->products[p];
        const struct level *lv = &B->levels[(size_t)p * (size_t)m->maxlev];
        int nlev = m->nlev[p], row, base = p * m->maxlev;
        if (nlev < 2 || !m->ycol[pr->vendor])
            continue;
        row =
            add_row(m, nm(m, "level[%s]", pr->id, NULL, -1), GLP_UP, 0.0, 0.0);
        for (l = 0; l < nlev; l++) {
            int zl;
            snprintf(m->name, 256, "z[%s,%d]", pr->id, l);
            zl = m->zcol[base + l] = add_col(m, m->name, GLP_BV, 0, 1, 0.0);
            if (lv[l].min_units > 0.0) {
                int ind[2] = {0, zl};
                /* m_l less the tolerance of sp_tier_reached, so that the
                 * model reaches a tier exactly when the checker does */
                double val[2] = {0.0, -sp_tier_threshold(lv[l].min_units)};
                snprintf(m->name, 256, "tmin[%s,%d]", pr->id, l);
                m->tminrow[base + l] = add_row(m, m->name, GLP_LO, 0.0, 0.0);
                glp_set_mat_row(m->lp, m->tminrow[base + l], 1, ind, val);
            }
        }
        for (l = 0; l < nlev; l++) {
            m->ind[l + 1] = m->zcol[base + l];
            m->val[l + 1] = 1.0;
        }
        m->ind[nlev + 1] = m->ycol[pr->vendor];
        m->val[nlev + 1] = -1.0;
        glp_set_mat_row(m->lp, row, nlev + 1, m->ind, m->val);
        /* A level must not be used once the units reach the next one when
         * a deeper level costs more (a rising tier table): units at level
         * l <= m_{l+1} - eps, written with B_p (all the units there are)
         * so that it binds only when z[p,l] = 1. */
        for (l = 0; l + 1 < nlev; l++) {
            /* At renewal a delayed start pays H - d months of licence but
             * counts toward the min_commit all H months, so a dearer level
             * can pay for itself in shortfall: keep every level honest. */
            bool rises = B->s->switch_renewal &&
                         pb->vendors[pr->vendor].min_commit > 0.0;
            int ind[2] = {0, m->zcol[base + l]}, r;
            double val[2] = {0.0, 0.0};
            for (l2 = l + 1; l2 < nlev; l2++)
                rises |= lv[l2].price > lv[l].price;
            if (!rises)
                continue;
            snprintf(m->name, 256, "tmax[%s,%d]", pr->id, l);
            r = m->tmaxrow[base + l] =
                add_row(m, m->name, GLP_UP, 0.0, B->units[p]);
            val[1] = B->units[p] - (lv[l + 1].min_units - SP_UNITS_EPS);
            glp_set_mat_row(m->lp, r, 1, ind, val);
        }
    }
}

/*
 * add_commit_rows - the min_commit shortfall of every vendor that has one
 *
 *     commit[v]:  s[v] - M[v] y[v] + sum_{c,p of v} min(f[c,p], M[v]) x[c,p]
 *                   + sum_{c,p of v,l} min(f[c,p,l], M[v]) w[c,p,l] >= 0
 *
 * s[v] >= 0 costs H per unit in the objective.  The licence terms are
 * added with each candidate's columns (commit_coef below); capping a
 * coefficient at M[v] changes no integer solution (one such product
 * meets the commitment alone) and tightens the LP.
 */
static void add_commit_rows(struct builder *B, struct sp_model *m)
{
    const struct sp_problem *pb = B->pb;
    int v;

    for (v = 0; v < pb->nvendors; v++) {
        const struct sp_vendor *vd = &pb->vendors[v];
        int ind[3];
        double val[3];
        if (!m->ycol[v] || vd->min_commit <= 0.0)
            continue;
        ind[1] = m->scol[v] = add_col(m, nm(m, "s[%s]", vd->name, NULL, -1),
                                      GLP_CV, 0.0, HUGE_VAL, m->H);
        ind[2] = m->ycol[v];
        val[1] = 1.0;
        val[2] = -vd->min_commit;
        m->commitrow[v] = add_row(m, nm(m, "commit[%s]", vd->name, NULL, -1),
                                  GLP_LO, 0.0, 0.0);
        glp_set_mat_row(m->lp, m->commitrow[v], 2, ind, val);
    }
}

/*
 * add_max_vendors - the scenario's vendor limit
 *
 *     maxv:  sum_v y[v] <= max_vendors
 */
static void add_max_vendors(struct builder *B, struct sp_model *m)
{
    int v, n = 0, row;

    if (B->sc->max_vendors < 0)
        return;
    row = add_row(m, "maxv", GLP_UP, 0.0, (double)B->sc->max_vendors);
    for (v = 0; v < B->pb->nvendors; v++)
        if (m->ycol[v]) {
            m->ind[++n] = m->ycol[v];
            m->val[n] = 1.0;
        }
    glp_set_mat_row(m->lp, row, n, m->ind, m->val);
}

/* The coefficient of cd's level-l column in its vendor's commit row:
 * its licence, but never more than the commitment, which it meets on its
 * own then.  The shortfall max(0, M - spend) is the same either way, and
 * the LP relaxation is tighter (the coefficient tightening GLPK's MIP
 * presolver would do, done here where the data is at hand). */
static double commit_coef(const struct sp_model *m, const struct sp_cand *cd,
                          int l)
{
    const struct sp_vendor *vd =
        &m->pb->vendors[m->pb->products[cd->product].vendor];
    return fmin(cd->lic[l], vd->min_commit);
}

/* Likewise in tmin[p,l]: units beyond the level's minimum add nothing to
 * meeting it. */
static double tmin_coef(const struct sp_model *m, const struct sp_cand *cd,
                        int l)
{
    return fmin(
        cd->b,
        m->levelmin[(size_t)cd->product * (size_t)m->maxlev + (size_t)l]);
}

/* Adds cd's columns and rows to the LP. */
static void add_candidate(struct sp_model *m, struct sp_cand *cd)
{
    const struct sp_problem *pb = m->pb;
    const struct sp_product *pr = &pb->products[cd->product];
    const char *cid = pb->clients[cd->client].id;
    int v = pr->vendor, commit = m->commitrow[v];
    int base = cd->product * m->maxlev, l, k, n, row;
    bool fixed = cd->pinned || cd->held; /* its columns sum to 1 */
    int *ind = m->ind, nrows = cd->nlev + (fixed && cd->nlev > 1);
    double *val = m->val;

    if (m->lazy)
        nrows -= cd->nlev; /* link and wz rows come when violated */
    row = nrows ? glp_add_rows(m->lp, nrows) : 0;

    cd->col = glp_add_cols(m->lp, cd->nlev);
    for (l = 0; l < cd->nlev; l++) {
        int j = cd->col + l;
        if (cd->nlev == 1)
            set_col_name(m->lp, j, nm(m, "x[%s,%s]", cid, pr->id, -1));
        else {
            snprintf(m->name, 256, "w[%s,%s,%d]", cid, pr->id, l);
            set_col_name(m->lp, j, m->name);
        }
        glp_set_col_kind(m->lp, j, GLP_BV);
        if (fixed && cd->nlev == 1)
            glp_set_col_bnds(m->lp, j, GLP_FX, 1.0, 1.0);
        glp_set_obj_coef(m->lp, j, cd->obj + m->H * cd->lic[l]);
        n = 0;
        for (k = 0; k < cd->ncover; k++) {
            ind[++n] = m->coverrows[cd->cover + k];
            val[n] = 1.0;
        }
        if (commit) {
            ind[++n] = commit;
            val[n] = commit_coef(m, cd, l);
        }
        if (cd->nlev > 1 && m->tminrow[base + l]) {
            ind[++n] = m->tminrow[base + l];
            val[n] = tmin_coef(m, cd, l);
        }
        if (cd->nlev > 1 && m->tmaxrow[base + l]) {
            ind[++n] = m->tmaxrow[base + l];
            val[n] = cd->b;
        }
        glp_set_mat_col(m->lp, j, n, ind, val);
        if (m->lazy)
            continue;
        /* link[c,p] or wz[c,p,l]: the column against y or z */
        if (cd->nlev == 1) {
            set_row_name(m->lp, row, nm(m, "link[%s,%s]", cid, pr->id, -1));
            ind[1] = j;
            ind[2] = m->ycol[v];
        } else {
            snprintf(m->name, 256, "wz[%s,%s,%d]", cid, pr->id, l);
            set_row_name(m->lp, row + l, m->name);
            ind[1] = j;
            ind[2] = m->zcol[base + l];
        }
        val[1] = 1.0;
        val[2] = -1.0;
        glp_set_row_bnds(m->lp, row + l, GLP_UP, 0.0, 0.0);
        glp_set_mat_row(m->lp, row + l, 2, ind, val);
    }
    if (fixed && cd->nlev > 1) {
        /* a pinned client runs its tiered product at whatever level */
        if (!m->lazy)
            row += cd->nlev;
        for (l = 0; l < cd->nlev; l++) {
            ind[l + 1] = cd->col + l;
            val[l + 1] = 1.0;
        }
        set_row_name(m->lp, row, nm(m, "pin[%s,%s]", cid, pr->id, -1));
        glp_set_row_bnds(m->lp, row, GLP_FX, 1.0, 1.0);
        glp_set_mat_row(m->lp, row, cd->nlev, ind, val);
    }
}

void sp_model_free(struct sp_model *m)
{
    if (!m)
        return;
    if (m->lp)
        glp_delete_prob(m->lp);
    free(m->cands);
    free(m->coverrows);
    free(m->licbuf);
    free(m->ycol);
    free(m->commitrow);
    free(m->scol);
    free(m->nlev);
    free(m->zcol);
    free(m->tminrow);
    free(m->tmaxrow);
    free(m->levelmin);
    free(m->ind);
    free(m->val);
    free(m->dcol);
    free(m->dmax);
    free(m->dfirst);
    free(m->dqcand);
    free(m->dqr);
    sp_model_guard_free(m->guard);
    free(m);
}

double sp_mip_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum sp_status sp_model_build(const struct sp_problem *pb,
                              const struct sp_scenario *sc, bool lazy,
                              struct sp_model **out)
{
    return sp_model_build_by(pb, sc, lazy, 0.0, out);
}

enum sp_status sp_model_build_by(const struct sp_problem *pb,
                                 const struct sp_scenario *sc, bool lazy,
                                 double deadline, struct sp_model **out)
{
    struct builder B;
    struct sp_model *m = calloc(1, sizeof(*m));
    size_t ncp = (size_t)pb->nclients * (size_t)pb->nproducts, nz, nscratch;
    int p, i, maxt = 0;
    enum sp_status st = SP_ERR_NOMEM;

    memset(&B, 0, sizeof(B));
    *out = NULL;
    if (!m)
        return SP_ERR_NOMEM;
    m->pb = pb;
    m->sc = sc;
    m->lazy = lazy;
    B.pb = pb;
    B.sc = sc;
    B.s = &sc->settings;
    m->H = B.s->horizon_months;
    for (p = 0; p < pb->nproducts; p++)
        if (pb->products[p].ntiers > maxt)
            maxt = pb->products[p].ntiers;
    m->maxlev = maxt + 1;
    nz = (size_t)pb->nproducts * (size_t)m->maxlev + 1;
    m->ycol = calloc((size_t)pb->nvendors + 1, sizeof(int));
    m->commitrow = calloc((size_t)pb->nvendors + 1, sizeof(int));
    m->scol = calloc((size_t)pb->nvendors + 1, sizeof(int));
    m->nlev = calloc((size_t)pb->nproducts + 1, sizeof(int));
    m->zcol = calloc(nz, sizeof(int));
    m->tminrow = calloc(nz, sizeof(int));
    m->tmaxrow = calloc(nz, sizeof(int));
    m->levelmin = calloc(nz, sizeof(double));
    /* one row's or column's entries: a column's cover rows, commit, tmin
     * and tmax; a level row's z and y; the maxv row's y */
    nscratch = (size_t)(pb->ncategories > pb->nvendors ? pb->ncategories
                                                       : pb->nvendors) +
               (size_t)pb->ncontrols + (size_t)m->maxlev + 8;
    m->ind = calloc(nscratch, sizeof(int));
    m->val = calloc(nscratch, sizeof(double));
    B.hold = malloc((ncp + 1) * sizeof(int));
    B.excluded_product = calloc((size_t)pb->nproducts + 1, 1);
    B.pinned = calloc((size_t)pb->nclients + 1, 1);
    B.mult = calloc((size_t)pb->nproducts + 1, sizeof(double));
    B.levels = calloc(nz, sizeof(struct level));
    B.units = calloc((size_t)pb->nproducts + 1, sizeof(double));
    if (!m->ycol || !m->commitrow || !m->scol || !m->nlev || !m->zcol ||
        !m->tminrow || !m->tmaxrow || !m->levelmin || !m->ind || !m->val ||
        !B.hold || !B.excluded_product || !B.pinned || !B.mult || !B.levels ||
        !B.units)
        goto cleanup;
    memset(B.hold, 0xff, (ncp + 1) * sizeof(int)); /* all -1 */
    mark_exclusions(&B);
    for (i = 0; i < pb->nholdings; i++)
        if (pb->holdings[i].product >= 0)
            m->constant += leaving(&B, i);

    m->lp = glp_create_prob();
    glp_set_prob_name(m->lp, "stackplan");
    glp_set_obj_name(m->lp, "total_cost");
    glp_set_obj_dir(m->lp, GLP_MIN);
    add_vendor_cols(&B, m);
    m->ncands = list_candidates(&B, m, NULL);
    m->cands = calloc((size_t)m->ncands + 1, sizeof(struct sp_cand));
    if (!m->cands)
        goto cleanup;
    list_candidates(&B, m, m->cands);
    if (!price_levels(&B, m) || !add_cover_rows(&B, m))
        goto cleanup;
    add_tier_rows(&B, m);
    add_commit_rows(&B, m);
    add_max_vendors(&B, m);
    if (sp_model_guard_cols(m) != SP_OK) /* model/mip/separate.c */
        goto cleanup;
    /* The leaving costs are a constant; a column fixed at 1 carries it so
     * that LP and MPS files (which drop objective constants) are complete
     * and every solver reports the true total. */
    m->constcol = add_col(m, "constant", GLP_CV, 1.0, 1.0, m->constant);
    if (!sp_delay_columns(m))
        goto cleanup;
    for (i = 0; i < m->ncands; i++) {
        /* a book of 100,000 vendors spends tens of seconds here */
        if (deadline > 0 && (i & 4095) == 0 && sp_mip_now() > deadline) {
            st = SP_OK; /* out of time: *out stays NULL */
            goto cleanup;
        }
        add_candidate(m, &m->cands[i]);
    }
    if (!sp_delay_rows(m))
        goto cleanup;
    if (sp_model_guard_rows(m) != SP_OK)
        goto cleanup;
    *out = m;
    m = NULL;
    st = SP_OK;

cleanup:
    free(B.hold);
    free(B.excluded_product);
    free(B.pinned);
    free(B.mult);
    free(B.levels);
    free(B.units);
    sp_model_free(m);
    return st;
}

enum sp_status sp_model_plan(const struct sp_model *m, struct sp_plan *plan)
{
    const struct sp_problem *pb = m->pb;
    int i, l, v;

    memset(plan->x, 0, (size_t)pb->nclients * (size_t)pb->nproducts);
    memset(plan->kept, 0, (size_t)pb->nvendors);
    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        double x = 0.0;
        for (l = 0; cd->col && l < cd->nlev; l++)
            x += glp_mip_col_val(m->lp, cd->col + l);
        if (x > 0.5) {
            plan->x[(size_t)cd->client * (size_t)pb->nproducts +
                    (size_t)cd->product] = 1;
            plan->kept[pb->products[cd->product].vendor] = 1;
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

int sp_model_add_violated(const struct sp_model *m, glp_prob *lp)
{
    const struct sp_problem *pb = m->pb;
    int *pair = NULL, n = 0, cap = 0, i, l, row, ind[3];
    double val[3] = {0.0, 1.0, -1.0};

    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        int v = pb->products[cd->product].vendor;
        for (l = 0; cd->col && l < cd->nlev; l++) {
            int j = cd->col + l;
            int k = cd->nlev == 1 ? m->ycol[v]
                                  : m->zcol[cd->product * m->maxlev + l];
            /* the LP's own feasibility tolerance is 1e-7 */
            if (glp_get_col_prim(lp, j) - glp_get_col_prim(lp, k) <= 1e-6)
                continue;
            if (n == cap) {
                int *grown;
                cap = cap ? 2 * cap : 1024;
                grown = realloc(pair, 2 * (size_t)cap * sizeof(int));
                if (!grown) {
                    free(pair);
                    return -1;
                }
                pair = grown;
            }
            pair[2 * n] = j;
            pair[2 * n + 1] = k;
            n++;
        }
    }
    if (n) {
        row = glp_add_rows(lp, n);
        for (i = 0; i < n; i++) {
            ind[1] = pair[2 * i];
            ind[2] = pair[2 * i + 1];
            glp_set_row_bnds(lp, row + i, GLP_UP, 0.0, 0.0);
            glp_set_mat_row(lp, row + i, 2, ind, val);
        }
    }
    free(pair);
    return n;
}

void sp_model_plan_levels(const struct sp_model *m, const struct sp_plan *plan,
                          int *level)
{
    const struct sp_problem *pb = m->pb;
    double *units = calloc((size_t)pb->nproducts + 1, sizeof(double));
    int i, p;

    for (p = 0; p < pb->nproducts; p++)
        level[p] = 0;
    if (!units)
        return; /* catalog prices: a worse start, not a wrong one */
    for (i = 0; i < m->ncands; i++)
        if (sp_plan_has(plan, m->cands[i].client, m->cands[i].product))
            units[m->cands[i].product] += m->cands[i].b;
    for (p = 0; p < pb->nproducts; p++)
        level[p] = sp_model_level_reached(m, p, units[p]);
    free(units);
}

double sp_model_cheapest(const struct sp_model *m, const struct sp_cand *cd)
{
    double best = cd->lic[0];
    int l;

    for (l = 1; l < cd->nlev; l++)
        best = fmin(best, cd->lic[l]);
    /* under "renewal" a new product may start as late as D months in */
    if (m->dmax)
        return cd->obj + (m->H - m->dmax[cd - m->cands]) * best;
    return cd->obj + m->H * best;
}

int sp_model_level_reached(const struct sp_model *m, int p, double units)
{
    int l, level = 0;

    for (l = 1; l < m->nlev[p]; l++)
        if (sp_tier_reached(
                units, m->levelmin[(size_t)p * (size_t)m->maxlev + (size_t)l]))
            level = l;
    return level;
}

double *sp_model_point(const struct sp_model *m, const struct sp_plan *plan)
{
    const struct sp_problem *pb = m->pb;
    size_t n = (size_t)glp_get_num_cols(m->lp);
    int *level = calloc((size_t)pb->nproducts + 1, sizeof(int));
    double *spend = calloc((size_t)pb->nvendors + 1, sizeof(double));
    double *x = calloc(n + 1, sizeof(double));
    int i, v;

    if (!level || !spend || !x) {
        free(x);
        x = NULL;
        goto cleanup;
    }
    sp_model_plan_levels(m, plan, level);
    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        int p = cd->product, l = cd->nlev > 1 ? level[p] : 0;
        if (!sp_plan_has(plan, cd->client, p) || !cd->col)
            continue; /* a dropped column: no plan that good uses it */
        x[cd->col + l] = 1.0;
        if (m->dcol && m->dcol[i])
            x[m->dcol[i]] = cd->lic[l] * sp_delay_months(m, plan, i);
        if (cd->nlev > 1)
            x[m->zcol[p * m->maxlev + l]] = 1.0;
        if (m->commitrow[pb->products[p].vendor])
            spend[pb->products[p].vendor] += commit_coef(m, cd, l);
    }
    for (v = 0; v < pb->nvendors; v++) {
        if (!m->ycol[v] || !plan->kept[v])
            continue;
        x[m->ycol[v]] = 1.0;
        if (m->scol[v])
            x[m->scol[v]] = fmax(0.0, pb->vendors[v].min_commit - spend[v]);
    }
    x[m->constcol] = 1.0;
    sp_model_guard_point(m, plan, x);

cleanup:
    free(level);
    free(spend);
    return x;
}

int sp_model_drop_fixed(struct sp_model *m, const struct sp_plan *keep)
{
    int *gone = malloc(((size_t)glp_get_num_cols(m->lp) + 1) * sizeof(int));
    int i, l, n = 0;

    if (!gone)
        return 0; /* a bigger search, not a wrong one */
    for (i = 0; i < m->ncands; i++) {
        struct sp_cand *cd = &m->cands[i];
        int col = cd->col;
        if (!col)
            continue; /* dropped before */
        for (l = 0; l < cd->nlev; l++)
            if (glp_get_col_type(m->lp, col + l) != GLP_FX ||
                glp_get_col_ub(m->lp, col + l) != 0.0)
                break;
        if (l < cd->nlev ||
            (keep && sp_plan_has(keep, cd->client, cd->product))) {
            cd->col -= n; /* the columns before it that go */
            continue;
        }
        for (l = 0; l < cd->nlev; l++)
            gone[++n] = col + l;
        cd->col = 0;
    }
    if (n)
        glp_del_cols(m->lp, n, gone);
    free(gone);
    return n;
}
