/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "switch": "renewal" in the MIP (docs/model.md "Switching at renewal").
 *
 * A product p that client c newly adopts starts at month
 *   d(c,p) = min { r'_q : q in Q(c,p), q left }   (0 when none is left)
 * where Q(c,p) are c's current products sharing a required category with
 * p and r'_q is q's started months remaining (capped at H; 0 when ended,
 * month-to-month or carrying a termination fee).  Its licence is paid
 * for H - d months: the model keeps H f[c,p,l] on w[c,p,l] and earns
 * back the delay saving sv[c,p] = f[c,p,l*] d(c,p), l* the level p is
 * billed at.  With D = max_q r'_q, F = max_l f[c,p,l] and x_q the sum of
 * q's columns for c:
 *
 *   min ... - sum_{c,p new} sv[c,p]
 *   dcap[c,p]:    sv - sum_l D f[c,p,l] w[c,p,l]                  <= 0
 *   dq[c,p,q]:    sv - sum_l r'_q f[c,p,l] w[c,p,l]
 *                    - F (D - r'_q) x_q                           <= 0
 *                                              (each q with r'_q < D)
 *   dleft[c,p]:   sv + F D sum_q x_q  <=  F D |Q|   (some q is left)
 *   dk[c,p,q,k]:  dq with x_q replaced by (sum of c's columns covering k)
 *                 - 1, for each required k both p and q cover (a
 *                 strengthening: see add_double_cover_rows)
 *
 * At an integer point with p billed at level l*: dcap caps sv at D f,
 * each left q at r'_q f (a kept q relaxes its row to at least D f, as
 * f <= F), and with every q kept dleft caps it at 0; sv only earns, so
 * the optimum takes the least of these caps, f d(c,p), exactly.  A q
 * with r'_q = D needs no dq row (dcap is it).  A q without columns (an
 * excluded product) is always left: x_q = 0 in its row, and dleft is
 * not needed.  The tier price enters through the w columns, so the
 * saving is units x tier price x d at whichever level is chosen, and
 * b[c,p] stays in the tier rows for the whole horizon.
 *
 * The sv columns are added before the candidates' (sp_model_drop_fixed
 * renumbers only those), the rows after them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mip_int.h"

/* r'_q of inventory row h under settings s: months_remaining by the
 * section 3 rule, capped at H; 0 when it ended, has no end or carries a
 * termination fee (terminated at the start). */
static double renewal_months(const struct sp_holding *hd,
                             const struct sp_settings *s)
{
    const struct sp_date *st = &s->start_date, *end = &hd->contract_end;
    double months;

    if (hd->has_termination_fee || !hd->has_contract_end)
        return 0.0;
    months = (end->year - st->year) * 12.0 + (end->month - st->month) +
             (end->day > st->day ? 1.0 : 0.0);
    if (months <= 0.0)
        return 0.0;
    return fmin(months, s->horizon_months);
}

/* Does any category of req[0..n) lie in both products' covers? */
static bool share_required(const struct sp_product *a,
                           const struct sp_product *b, const int *req, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (sp_product_covers(a, req[i]) && sp_product_covers(b, req[i]))
            return true;
    return false;
}

/* The index of client c's candidate for product q among its candidates
 * [first, last), or -1. */
static int cand_of(const struct sp_model *m, int first, int last, int q)
{
    int i;

    for (i = first; i < last; i++)
        if (m->cands[i].product == q)
            return i;
    return -1;
}

bool sp_delay_columns(struct sp_model *m)
{
    const struct sp_problem *pb = m->pb;
    const struct sp_settings *s = &m->sc->settings;
    size_t cap = 0, n = 0;
    int first, last, i, j, k, nreq;

    m->dfirst = calloc((size_t)m->ncands + 2, sizeof(int));
    m->dcol = calloc((size_t)m->ncands + 1, sizeof(int));
    m->dmax = calloc((size_t)m->ncands + 1, sizeof(double));
    if (!m->dfirst || !m->dcol || !m->dmax)
        return false;
    if (!s->switch_renewal)
        return true;
    for (first = 0; first < m->ncands; first = last) {
        int c = m->cands[first].client;
        const struct sp_client *cl = &pb->clients[c];
        const int *req = sp_client_requires(pb, cl, s, &nreq);
        for (last = first; last < m->ncands && m->cands[last].client == c;
             last++)
            ;
        for (i = first; i < last; i++) {
            struct sp_cand *cd = &m->cands[i];
            const struct sp_product *pr = &pb->products[cd->product];
            m->dfirst[i] = (int)n;
            if (cd->pinned || sp_current_holding(pb, c, cd->product) >= 0)
                continue; /* not a new adoption */
            for (k = 0; k < cl->nholdings; k++) {
                const struct sp_holding *hd = &pb->holdings[cl->holdings[k]];
                if (hd->product < 0 ||
                    !share_required(pr, &pb->products[hd->product], req, nreq))
                    continue;
                if (n == cap) {
                    size_t grown = cap ? 2 * cap : 256;
                    int *qc = realloc(m->dqcand, grown * sizeof(int));
                    double *qr;
                    if (!qc)
                        return false;
                    m->dqcand = qc;
                    qr = realloc(m->dqr, grown * sizeof(double));
                    if (!qr)
                        return false;
                    m->dqr = qr;
                    cap = grown;
                }
                m->dqcand[n] = cand_of(m, first, last, hd->product);
                m->dqr[n] = renewal_months(hd, s);
                m->dmax[i] = fmax(m->dmax[i], m->dqr[n]);
                n++;
            }
            if (m->dmax[i] <= 0.0) {
                n = (size_t)m->dfirst[i]; /* no delay is possible */
                continue;
            }
            snprintf(m->name, 256, "sv[%s,%s]", cl->id, pr->id);
            j = glp_add_cols(m->lp, 1);
            glp_set_col_name(m->lp, j, m->name);
            glp_set_col_bnds(m->lp, j, GLP_LO, 0.0, 0.0);
            glp_set_obj_coef(m->lp, j, -1.0);
            m->dcol[i] = j;
        }
    }
    m->dfirst[m->ncands] = (int)n;
    return true;
}

/* The largest licence per month of cd over its levels. */
static double top_licence(const struct sp_cand *cd)
{
    double f = cd->lic[0];
    int l;

    for (l = 1; l < cd->nlev; l++)
        f = fmax(f, cd->lic[l]);
    return f;
}

/* Puts sv, cd's columns times a, and each listed q's columns times b into
 * ind/val from position 1; returns the count. */
static int row_terms(const struct sp_model *m, int i, double a, const int *qs,
                     int nq, double b, int *ind, double *val)
{
    const struct sp_cand *cd = &m->cands[i];
    int n = 0, l, t;

    ind[++n] = m->dcol[i];
    val[n] = 1.0;
    for (l = 0; l < cd->nlev; l++) {
        ind[++n] = cd->col + l;
        val[n] = a * cd->lic[l];
    }
    for (t = 0; t < nq; t++) {
        const struct sp_cand *q = &m->cands[qs[t]];
        for (l = 0; l < q->nlev; l++) {
            ind[++n] = q->col + l;
            val[n] = b;
        }
    }
    return n;
}

/*
 * dk[c,p,q,k]: the dq row with x_q replaced by (the number of c's
 * products covering k) - 1, for each required k that p and q both cover.
 * Valid: a delay beyond r'_q needs q kept beside p, and then k is
 * covered twice; otherwise k is covered at least once.  It is what
 * keeps the LP from earning the delay of a half-kept q with a half-
 * adopted p that share k (x_q = w = 1/2 meets dq with sv = D f / 2).
 */
static void add_double_cover_rows(struct sp_model *m, int i, int q, double r,
                                  double D, double F, int *ind, double *val)
{
    const struct sp_problem *pb = m->pb;
    const struct sp_cand *cd = &m->cands[i];
    const struct sp_product *pp = &pb->products[cd->product];
    const struct sp_product *pq = &pb->products[m->cands[q].product];
    int first = i, last = i, nreq, k, j, l, n, row;
    const int *req = sp_client_requires(pb, &pb->clients[cd->client],
                                        &m->sc->settings, &nreq);

    while (first > 0 && m->cands[first - 1].client == cd->client)
        first--;
    while (last < m->ncands && m->cands[last].client == cd->client)
        last++;
    for (k = 0; k < nreq; k++) {
        if (!sp_product_covers(pp, req[k]) || !sp_product_covers(pq, req[k]))
            continue;
        n = 0;
        ind[++n] = m->dcol[i];
        val[n] = 1.0;
        for (j = first; j < last; j++) {
            const struct sp_cand *o = &m->cands[j];
            double a = 0.0;
            if (!o->col)
                continue;
            if (sp_product_covers(&pb->products[o->product], req[k]))
                a -= F * (D - r);
            for (l = 0; l < o->nlev; l++) {
                double v = a - (j == i ? r * cd->lic[l] : 0.0);
                if (v == 0.0)
                    continue;
                ind[++n] = o->col + l;
                val[n] = v;
            }
        }
        snprintf(m->name, 256, "dk[%s,%s,%s,%s]", pb->clients[cd->client].id,
                 pp->id, pq->id, pb->categories[req[k]]);
        row = glp_add_rows(m->lp, 1);
        glp_set_row_name(m->lp, row, m->name);
        glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, -F * (D - r));
        glp_set_mat_row(m->lp, row, n, ind, val);
    }
}

bool sp_delay_rows(struct sp_model *m)
{
    const struct sp_problem *pb = m->pb;
    int i, t, n, row, *ind = NULL, *qs = NULL, width = 0, maxq = 0;
    int *ind2 = NULL, ncols = glp_get_num_cols(m->lp);
    double *val = NULL, *val2 = NULL;
    bool ok = false;

    ind2 = malloc(((size_t)ncols + 2) * sizeof(int));
    val2 = malloc(((size_t)ncols + 2) * sizeof(double));
    if (!ind2 || !val2)
        goto cleanup;

    for (i = 0; i < m->ncands; i++) {
        int nq = m->dfirst[i + 1] - m->dfirst[i];
        width = m->cands[i].nlev > width ? m->cands[i].nlev : width;
        maxq = nq > maxq ? nq : maxq;
    }
    ind = malloc(((size_t)(width + 1) * ((size_t)maxq + 1) + 2) * sizeof(int));
    val = malloc(((size_t)(width + 1) * ((size_t)maxq + 1) + 2) *
                 sizeof(double));
    qs = malloc(((size_t)maxq + 1) * sizeof(int));
    if (!ind || !val || !qs)
        goto cleanup;
    for (i = 0; i < m->ncands; i++) {
        const struct sp_cand *cd = &m->cands[i];
        const char *cid = pb->clients[cd->client].id;
        const char *pid = pb->products[cd->product].id;
        double D = m->dmax[i], F = top_licence(cd);
        int a = m->dfirst[i], z = m->dfirst[i + 1], nq = 0;
        bool all_cols = true;
        if (!m->dcol[i])
            continue;
        snprintf(m->name, 256, "dcap[%s,%s]", cid, pid);
        row = glp_add_rows(m->lp, 1);
        glp_set_row_name(m->lp, row, m->name);
        glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, 0.0);
        n = row_terms(m, i, -D, NULL, 0, 0.0, ind, val);
        glp_set_mat_row(m->lp, row, n, ind, val);
        for (t = a; t < z; t++) {
            int q = m->dqcand[t];
            if (q < 0)
                all_cols = false;
            else
                qs[nq++] = q;
            if (m->dqr[t] >= D)
                continue;
            snprintf(m->name, 256, "dq[%s,%s,%s]", cid, pid,
                     q >= 0 ? pb->products[m->cands[q].product].id : "-");
            row = glp_add_rows(m->lp, 1);
            glp_set_row_name(m->lp, row, m->name);
            glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, 0.0);
            n = row_terms(m, i, -m->dqr[t], q >= 0 ? &q : NULL, q >= 0,
                          -F * (D - m->dqr[t]), ind, val);
            glp_set_mat_row(m->lp, row, n, ind, val);
            if (q >= 0)
                add_double_cover_rows(m, i, q, m->dqr[t], D, F, ind2, val2);
        }
        if (!all_cols)
            continue; /* an excluded q is always left */
        snprintf(m->name, 256, "dleft[%s,%s]", cid, pid);
        row = glp_add_rows(m->lp, 1);
        glp_set_row_name(m->lp, row, m->name);
        glp_set_row_bnds(m->lp, row, GLP_UP, 0.0, F * D * nq);
        n = row_terms(m, i, 0.0, qs, nq, F * D, ind, val);
        /* drop the zero entries of cd's own columns */
        {
            int r = 1, w = 1;
            for (; r <= n; r++)
                if (val[r] != 0.0) {
                    ind[w] = ind[r];
                    val[w] = val[r];
                    w++;
                }
            n = w - 1;
        }
        glp_set_mat_row(m->lp, row, n, ind, val);
    }
    ok = true;

cleanup:
    free(ind);
    free(val);
    free(ind2);
    free(val2);
    free(qs);
    return ok;
}

/* Is candidate q kept in plan, as the model sees it (a dropped column
 * is 0)? */
static bool kept(const struct sp_model *m, const struct sp_plan *plan, int q)
{
    const struct sp_cand *cd = &m->cands[q];

    return cd->col && sp_plan_has(plan, cd->client, cd->product);
}

double sp_delay_months(const struct sp_model *m, const struct sp_plan *plan,
                       int i)
{
    double d = HUGE_VAL;
    int t;

    if (!m->dcol || !m->dcol[i])
        return 0.0;
    for (t = m->dfirst[i]; t < m->dfirst[i + 1]; t++)
        if (m->dqcand[t] < 0 || !kept(m, plan, m->dqcand[t]))
            d = fmin(d, m->dqr[t]);
    return d == HUGE_VAL ? 0.0 : d;
}
