/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Migration plan sheet and the "What changes" sentences: the steps
 * from today's stack to the proposed one, read off the plan's schedule
 * (model/core/schedule.c, SPEC section 6).  Under "switch": "now" every
 * new product starts at the start date; under "renewal" a new product
 * starts when the contract of the product it replaces ends, so the
 * client never pays for two at once.  A product being replaced runs
 * until its contract ends where a contract runs on, and goes at the
 * start where it is month-to-month, its contract has ended, or an early
 * termination fee buys it out.  No amount is shown: fees are between
 * the provider and the vendor.
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

static bool adopted(const struct sp_xprop *x, int p)
{
    return sp_plan_has(x->sr->plan, x->client, p) &&
           !sp_plan_has(x->res->current, x->client, p);
}

static bool left(const struct sp_xprop *x, int q)
{
    return sp_plan_has(x->res->current, x->client, q) &&
           !sp_plan_has(x->sr->plan, x->client, q);
}

static bool shares(const struct sp_problem *pb, int p, int q)
{
    int i;

    for (i = 0; i < pb->products[p].ncovers; i++)
        if (sp_product_covers(&pb->products[q], pb->products[p].covers[i]))
            return true;
    return false;
}

/* The client's event of product p with action a, or NULL. */
static const struct sp_event *event_of(const struct sp_xprop *x, int p,
                                       enum sp_action a)
{
    int i;

    for (i = 0; x->sched && i < x->sched->nevents; i++) {
        const struct sp_event *e = &x->sched->events[i];
        if (e->client == x->client && e->product == p && e->action == a)
            return e;
    }
    return NULL;
}

/* When product q, which the client leaves, stops: the end of its
 * contract where it runs on (its run_out event), else the start. */
static struct sp_date leave_date(const struct sp_xprop *x, int q)
{
    const struct sp_event *e = event_of(x, q, SP_ACTION_RUN_OUT);

    return e ? e->date : x->sr->scenario->settings.start_date;
}

/* Appends the n-th of m items: "a", "a and b", "a, b and c". */
static void and_item(struct sp_xbuf *b, int n, int m, const char *text)
{
    if (n > 0)
        sp_xbuf_add(b, n == m - 1 ? " and " : ", ");
    sp_xbuf_add(b, text);
}

/* "Sophos Intercept X replaces Webroot SecureAnywhere for endpoint
 * protection on 2028-07-01, when your Webroot contract ends." */
static void change_sentence(const struct sp_xprop *x, int p, struct sp_xbuf *b)
{
    const struct sp_problem *pb = x->pb;
    const struct sp_product *pd = &pb->products[p];
    int k = sp_schedule_start(x->sched, x->client, p);
    int q, i, n = 0, m = 0, nc = 0, mc = 0, ends = -1, fee = -1;
    char date[11], label[128];

    if (k >= 0)
        sp_date_format(&x->sched->starts[k].date, date);
    else
        sp_date_format(&x->sr->scenario->settings.start_date, date);
    for (q = 0; q < pb->nproducts; q++)
        m += left(x, q) && shares(pb, p, q);
    for (i = 0; i < pd->ncovers; i++) {
        bool was = false;
        for (q = 0; q < pb->nproducts && !was; q++)
            was = left(x, q) &&
                  sp_product_covers(&pb->products[q], pd->covers[i]);
        mc += was || m == 0;
    }
    sp_xbuf_add(b, pd->name);
    if (m > 0) {
        sp_xbuf_add(b, " replaces ");
        for (q = 0; q < pb->nproducts; q++) {
            const struct sp_event *e;
            if (!left(x, q) || !shares(pb, p, q))
                continue;
            and_item(b, n++, m, pb->products[q].name);
            e = event_of(x, q, SP_ACTION_RUN_OUT);
            if (k >= 0 && e && e->month == x->sched->starts[k].month &&
                ends < 0)
                ends = q;
            if (event_of(x, q, SP_ACTION_TERMINATE) && fee < 0)
                fee = q;
        }
        sp_xbuf_add(b, " for ");
    } else {
        sp_xbuf_add(b, " adds ");
    }
    for (i = 0; i < pd->ncovers; i++) {
        bool was = m == 0;
        for (q = 0; q < pb->nproducts && !was; q++)
            was = left(x, q) &&
                  sp_product_covers(&pb->products[q], pd->covers[i]);
        if (was)
            and_item(b, nc++, mc,
                     sp_xcategory_phrase(pb->categories[pd->covers[i]], label,
                                         sizeof(label)));
    }
    sp_xbuf_add(b, " on ");
    sp_xbuf_add(b, date);
    if (ends >= 0) {
        sp_xbuf_add(b, ", when your ");
        sp_xbuf_add(b, pb->vendors[pb->products[ends].vendor].name);
        sp_xbuf_add(b, " contract ends");
    } else if (fee >= 0) {
        sp_xbuf_add(b, ", ending your ");
        sp_xbuf_add(b, pb->vendors[pb->products[fee].vendor].name);
        sp_xbuf_add(b, " contract early");
    }
    sp_xbuf_add(b, ".");
    if (mc < pd->ncovers) { /* what else it covers */
        sp_xbuf_add(b, " It also covers ");
        for (i = 0, n = 0; i < pd->ncovers; i++) {
            bool was = false;
            for (q = 0; q < pb->nproducts && !was; q++)
                was = left(x, q) &&
                      sp_product_covers(&pb->products[q], pd->covers[i]);
            if (!was)
                and_item(b, n++, pd->ncovers - mc,
                         sp_xcategory_phrase(pb->categories[pd->covers[i]],
                                             label, sizeof(label)));
        }
        sp_xbuf_add(b, ".");
    }
}

/* "Microsoft 365 backup is no longer covered: Datto SaaS Protection,
 * which covers it today, is not part of the proposal." */
static void lost_sentence(const struct sp_xprop *x, int cat, struct sp_xbuf *b)
{
    const struct sp_problem *pb = x->pb;
    char label[128];
    int q, n = 0, m = 0;

    for (q = 0; q < pb->nproducts; q++)
        m += left(x, q) && sp_product_covers(&pb->products[q], cat);
    sp_xbuf_add(b,
                sp_xcategory_label(pb->categories[cat], label, sizeof(label)));
    sp_xbuf_add(b, " is no longer covered: ");
    for (q = 0; q < pb->nproducts; q++)
        if (left(x, q) && sp_product_covers(&pb->products[q], cat))
            and_item(b, n++, m, pb->products[q].name);
    sp_xbuf_add(b, m > 1 ? ", which cover it today, are not part of the "
                           "proposal."
                         : ", which covers it today, is not part of the "
                           "proposal.");
}

static int sentence(struct sp_xsheet *s, int row, struct sp_xbuf *b)
{
    sp_xs_label(s, row, 0, sp_xbuf_str(b), NULL);
    s->nomem = s->nomem || b->nomem;
    sp_xbuf_free(b);
    return row + 1;
}

int sp_xprop_write_changes(struct sp_xprop *x, struct sp_xsheet *s, int row)
{
    const struct sp_problem *pb = x->pb;
    int *cats = calloc((size_t)pb->ncategories + 1, sizeof(int));
    int p, q, i, nlost, said = 0;

    if (!cats) {
        s->nomem = true;
        return row;
    }
    sp_xs_label(s, row++, 0, "What changes", x->fmt.section);
    nlost =
        sp_plan_client_lost(pb, x->sr->plan, x->client, cats, pb->ncategories);
    for (p = 0; p < pb->nproducts; p++) {
        struct sp_xbuf b = {0};
        if (!adopted(x, p))
            continue;
        change_sentence(x, p, &b);
        row = sentence(s, row, &b);
        said++;
    }
    for (q = 0; q < pb->nproducts; q++) {
        struct sp_xbuf b = {0};
        char date[11];
        struct sp_date when;
        bool replaced = false;
        if (!left(x, q))
            continue;
        for (p = 0; p < pb->nproducts && !replaced; p++)
            replaced = adopted(x, p) && shares(pb, p, q);
        if (replaced)
            continue;
        when = leave_date(x, q);
        sp_date_format(&when, date);
        sp_xbuf_add(&b, pb->products[q].name);
        sp_xbuf_add(&b, " leaves your stack on ");
        sp_xbuf_add(&b, date);
        sp_xbuf_add(&b, ".");
        row = sentence(s, row, &b);
        said++;
    }
    for (i = 0; i < nlost; i++) {
        struct sp_xbuf b = {0};
        lost_sentence(x, cats[i], &b);
        row = sentence(s, row, &b);
        said++;
    }
    if (said == 0)
        sp_xs_label(s, row++, 0, "Nothing changes: your stack stays as it is.",
                    NULL);
    free(cats);
    return row;
}

/* What happens, in the client's words. */
static const char *action_words(const struct sp_xprop *x,
                                const struct sp_event *e)
{
    switch (e->action) {
    case SP_ACTION_ADOPT:
        return "Starts";
    case SP_ACTION_RUN_OUT:
        return "Stops: its contract has run to its end";
    case SP_ACTION_TERMINATE:
        return "Stops at the start: its contract is ended early";
    case SP_ACTION_ENDED:
        break;
    }
    return leave_of(x, e->product).why[0] == 'i'
               ? "Stops at the start: its contract has ended"
               : "Stops at the start: it is month-to-month";
}

static void step_row(struct sp_xprop *x, int row, const char *date,
                     const char *action, int p)
{
    struct sp_xsheet *s = &x->steps;
    struct sp_xbuf cov = {0};

    sp_xs_str(s, row, 0, date, NULL);
    sp_xs_str(s, row, 1, action, x->fmt.wrap);
    /* the provider and the product's name: no internal product code */
    sp_xs_str(s, row, 2, x->pb->vendors[x->pb->products[p].vendor].name, NULL);
    sp_xs_str(s, row, 3, x->pb->products[p].name, NULL);
    sp_xprop_covers(x->pb, p, &cov);
    sp_xs_str(s, row, 4, sp_xbuf_str(&cov), x->fmt.wrap);
    s->nomem = s->nomem || cov.nomem;
    sp_xbuf_free(&cov);
}

/* Every event of the client's schedule, in month order, then the
 * products kept and the rows to review. */
static int timeline(struct sp_xprop *x, int row)
{
    struct sp_xsheet *s = &x->steps;
    const struct sp_client *cl = &x->pb->clients[x->client];
    int i, p;

    for (i = 0; x->sched && i < x->sched->nevents; i++) {
        const struct sp_event *e = &x->sched->events[i];
        char date[11];
        if (e->client != x->client)
            continue;
        sp_date_format(&e->date, date);
        step_row(x, row++, date, action_words(x, e), e->product);
    }
    for (p = 0; p < x->pb->nproducts; p++)
        if (sp_plan_has(x->sr->plan, x->client, p) &&
            sp_plan_has(x->res->current, x->client, p))
            step_row(x, row++, "", "Kept: no change", p);
    for (i = 0; i < cl->nholdings; i++) {
        const struct sp_holding *hd = &x->pb->holdings[cl->holdings[i]];
        if (hd->product >= 0)
            continue;
        sp_xs_str(s, row, 1, "To review with us", NULL);
        sp_xs_str(s, row, 3, hd->product_id, NULL);
        sp_xs_str(s, row++, 4, "not in our catalog: not part of this plan",
                  NULL);
    }
    return row;
}

void sp_xprop_write_steps(struct sp_xprop *x)
{
    static const char *const names[] = {"Date", "What happens", "Provider",
                                        "Product", "Covers"};
    struct sp_xsheet *s = &x->steps;
    int row, i;

    sp_xs_label(s, 0, 0, "Migration plan", x->fmt.title);
    sp_xs_label(s, 1, 0,
                x->sr->scenario->settings.switch_renewal
                    ? "Each new product starts when the contract of the "
                      "product it replaces ends, so you never pay for "
                      "both; nothing is left unprotected in between."
                    : "New products start on the start date, so nothing is "
                      "left unprotected; a replaced product stays until "
                      "its contract ends where a contract runs on.",
                x->fmt.subtitle);
    for (i = 0; i < 5; i++)
        sp_xs_str(s, S_HEADER, i, names[i], x->fmt.header);
    row = timeline(x, S_HEADER + 1);
    if (row == S_HEADER + 1)
        sp_xs_label(s, row++, 0, "No change: your stack stays as it is.",
                    x->fmt.note);
    sp_xprop_write_changes(x, s, row + 1);
    worksheet_freeze_panes(s->ws, S_HEADER + 1, 0);
    sp_xs_finish(s, S_HEADER);
}
