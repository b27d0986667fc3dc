/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Migration plan sheet: the steps from today's stack to the proposed
 * one.  New products go live at the start date, so coverage never lapses;
 * a product being replaced runs until its contract ends where a contract
 * runs on (its remaining months are due either way), and goes at once
 * where it is month-to-month, its contract has ended, or an early
 * termination fee buys it out.  No amount is shown: fees are between the
 * provider and the vendor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_prop_int.h"

enum { S_HEADER = 3 };

/* A product being left, with when. */
struct leave {
    int product;
    bool at_end;         /* at contract end, else now */
    struct sp_date when; /* contract end when at_end */
    const char *why;
};

static struct leave leave_of(const struct sp_xprop *x, int p)
{
    const struct sp_settings *st = &x->sr->scenario->settings;
    int h = sp_current_holding(x->pb, x->client, p);
    const struct sp_holding *hd = h >= 0 ? &x->pb->holdings[h] : NULL;
    struct leave l;

    memset(&l, 0, sizeof(l));
    l.product = p;
    if (!hd || !hd->has_contract_end) {
        l.why = hd && hd->has_termination_fee
                    ? "month-to-month; a termination fee applies"
                    : "month-to-month";
    } else if (sp_date_cmp(&hd->contract_end, &st->start_date) <= 0) {
        l.why = "its contract has ended";
    } else if (hd->has_termination_fee) {
        l.why = "early termination fee applies";
    } else {
        l.at_end = true;
        l.when = hd->contract_end;
        l.why = "runs until its contract ends";
    }
    return l;
}

static int leave_cmp(const void *a, const void *b)
{
    const struct leave *x = a, *y = b;

    if (x->at_end != y->at_end)
        return x->at_end ? 1 : -1;
    if (x->at_end && sp_date_cmp(&x->when, &y->when) != 0)
        return sp_date_cmp(&x->when, &y->when);
    return x->product - y->product;
}

void sp_xprop_next_step(const struct sp_xprop *x, int p, char *buf,
                        size_t size)
{
    struct leave l;
    char date[11];

    if (sp_plan_has(x->sr->plan, x->client, p)) {
        snprintf(buf, size, "keep");
        return;
    }
    l = leave_of(x, p);
    if (l.at_end) {
        sp_date_format(&l.when, date);
        snprintf(buf, size, "replace at contract end %s", date);
    } else {
        snprintf(buf, size, "replace now (%s)", l.why);
    }
}

static void step_row(struct sp_xprop *x, int row, int n, const char *action,
                     int p, const char *when, const char *note)
{
    struct sp_xsheet *s = &x->steps;

    sp_xs_num(s, row, 0, n, x->fmt.number);
    sp_xs_str(s, row, 1, action, NULL);
    /* the provider and the product's name: no internal product code */
    sp_xs_str(s, row, 2, x->pb->vendors[x->pb->products[p].vendor].name, NULL);
    sp_xs_str(s, row, 3, x->pb->products[p].name, NULL);
    sp_xs_str(s, row, 4, when, NULL);
    sp_xs_str(s, row, 5, note, NULL);
}

/* Products being left that share a category with p. */
static void replaces(const struct sp_xprop *x, int p, struct sp_xbuf *b)
{
    const struct sp_product *pd = &x->pb->products[p];
    int q, i;

    for (q = 0; q < x->pb->nproducts; q++) {
        bool shares = false;
        if (!sp_plan_has(x->res->current, x->client, q) ||
            sp_plan_has(x->sr->plan, x->client, q))
            continue;
        for (i = 0; i < pd->ncovers && !shares; i++)
            shares = sp_product_covers(&x->pb->products[q], pd->covers[i]);
        if (shares)
            sp_xbuf_item(b, ", ", x->pb->products[q].name);
    }
}

static int adopt_steps(struct sp_xprop *x, int row, int *n, const char *start)
{
    char when[32];
    int p;

    snprintf(when, sizeof(when), "from %s", start);
    for (p = 0; p < x->pb->nproducts; p++) {
        struct sp_xbuf note = {0}, rep = {0}, cov = {0};
        if (!sp_plan_has(x->sr->plan, x->client, p) ||
            sp_plan_has(x->res->current, x->client, p))
            continue;
        sp_xprop_covers(x->pb, p, &cov);
        sp_xbuf_add(&note, "covers ");
        sp_xbuf_add(&note, sp_xbuf_str(&cov));
        replaces(x, p, &rep);
        if (rep.len) {
            sp_xbuf_add(&note, "; replaces ");
            sp_xbuf_add(&note, sp_xbuf_str(&rep));
        }
        step_row(x, row++, ++*n, "Adopt", p, when, sp_xbuf_str(&note));
        x->steps.nomem =
            x->steps.nomem || note.nomem || rep.nomem || cov.nomem;
        sp_xbuf_free(&note);
        sp_xbuf_free(&rep);
        sp_xbuf_free(&cov);
    }
    return row;
}

static int leave_steps(struct sp_xprop *x, int row, int *n)
{
    struct leave *l = calloc((size_t)x->pb->nproducts + 1, sizeof(*l));
    int p, m = 0, i;

    if (!l) {
        x->steps.nomem = true;
        return row;
    }
    for (p = 0; p < x->pb->nproducts; p++)
        if (sp_plan_has(x->res->current, x->client, p) &&
            !sp_plan_has(x->sr->plan, x->client, p))
            l[m++] = leave_of(x, p);
    qsort(l, (size_t)m, sizeof(*l), leave_cmp);
    for (i = 0; i < m; i++) {
        char when[48], date[11];
        if (l[i].at_end) {
            sp_date_format(&l[i].when, date);
            snprintf(when, sizeof(when), "at contract end %s", date);
        } else {
            snprintf(when, sizeof(when), "now");
        }
        step_row(x, row++, ++*n, "Retire", l[i].product, when, l[i].why);
    }
    free(l);
    return row;
}

static int keep_steps(struct sp_xprop *x, int row, int *n)
{
    int p;

    for (p = 0; p < x->pb->nproducts; p++)
        if (sp_plan_has(x->sr->plan, x->client, p) &&
            sp_plan_has(x->res->current, x->client, p))
            step_row(x, row++, ++*n, "Keep", p, "no change", "");
    return row;
}

void sp_xprop_write_steps(struct sp_xprop *x)
{
    static const char *const names[] = {"Step",    "Action", "Provider",
                                        "Product", "When",   "Note"};
    struct sp_xsheet *s = &x->steps;
    const struct sp_client *cl = &x->pb->clients[x->client];
    char start[11];
    int row = S_HEADER + 1, n = 0, i;

    sp_date_format(&x->sr->scenario->settings.start_date, start);
    sp_xs_label(s, 0, 0, "Migration plan", x->fmt.title);
    sp_xs_label(s, 1, 0,
                "New products go live first, so nothing is left unprotected; "
                "a replaced product stays until its contract ends where a "
                "contract runs on.",
                x->fmt.subtitle);
    for (i = 0; i < 6; i++)
        sp_xs_str(s, S_HEADER, i, names[i], x->fmt.header);
    row = adopt_steps(x, row, &n, start);
    row = leave_steps(x, row, &n);
    row = keep_steps(x, row, &n);
    for (i = 0; i < cl->nholdings; i++) {
        const struct sp_holding *hd = &x->pb->holdings[cl->holdings[i]];
        if (hd->product >= 0)
            continue;
        sp_xs_num(s, row, 0, ++n, x->fmt.number);
        sp_xs_str(s, row, 1, "Review", NULL);
        sp_xs_str(s, row, 2, hd->product_id, NULL);
        sp_xs_str(s, row, 4, "with us", NULL);
        sp_xs_str(s, row++, 5, "not in our catalog: not part of this plan",
                  NULL);
    }
    if (n == 0)
        sp_xs_label(s, row, 0, "No change: your stack stays as it is.",
                    x->fmt.note);
    worksheet_freeze_panes(s->ws, S_HEADER + 1, 0);
    sp_xs_finish(s, S_HEADER);
}
