/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing break-even prices and vendor value: their JSON (docs/whatif.md)
 * and the Sensitivity sheet, one row per vendor or product, each with
 * the sentence a person reads ("Vendor X may rise 14.2 % before it stops
 * being worth keeping.").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "exporters_int.h"
#include "whatif_int.h"
#include "xlsx_int.h"

/* ---- JSON ------------------------------------------------------------- */

/* A price change is a fraction searched to 0.1 %: six decimals show the
 * bracket exactly as it was tested. */
static cJSON *change(double v)
{
    double r = round(v * 1e6) / 1e6;

    return isfinite(v) ? cJSON_CreateNumber(r == 0.0 ? 0.0 : r)
                       : cJSON_CreateNull();
}

static cJSON *side_json(const struct sp_breakeven_side *s, bool with_uses)
{
    cJSON *obj;

    if (!s->status)
        return cJSON_CreateNull();
    obj = cJSON_CreateObject();
    if (!obj || !sp_json_put(obj, "change", change(s->change)) ||
        !sp_json_put(obj, "status", cJSON_CreateString(s->status)) ||
        !sp_json_put(obj, "total_cost", sp_whatif_money(s->total_cost)) ||
        !sp_json_put(obj, "vendors",
                     sp_whatif_names(s->vendors, s->nvendors)) ||
        (with_uses && !sp_json_put(obj, "uses", cJSON_CreateBool(s->uses)))) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static cJSON *item_json(const struct sp_breakeven_item *it)
{
    cJSON *obj = cJSON_CreateObject(), *range = cJSON_CreateArray();
    bool ok;

    ok = obj && range && cJSON_AddItemToArray(range, change(it->range_from)) &&
         cJSON_AddItemToArray(range, change(it->range_to));
    if (!ok) {
        cJSON_Delete(range);
        range = NULL;
    }
    if (!ok || !sp_json_put(obj, "kind", cJSON_CreateString(it->kind)) ||
        !sp_json_put(obj, "name", cJSON_CreateString(it->name)) ||
        !sp_json_put(obj, "vendor", cJSON_CreateString(it->vendor)) ||
        !sp_json_put(obj, "in_plan", cJSON_CreateBool(it->in_plan)) ||
        !sp_json_put(obj, "monthly_spend",
                     sp_whatif_money(it->monthly_spend)) ||
        !sp_json_put(obj, "direction",
                     cJSON_CreateString(it->in_plan ? "rise" : "cut")) ||
        !sp_json_put(obj, "range", range) ||
        !sp_json_put(obj, "forced", sp_json_str_or_null(it->forced)) ||
        !sp_json_put(obj, "found", cJSON_CreateBool(it->found)) ||
        !sp_json_put(obj, "break_even",
                     it->found ? change(it->change) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "lower",
                     it->found ? change(it->lower) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "upper",
                     it->found ? change(it->upper) : cJSON_CreateNull()) ||
        !sp_json_put(obj, "near", side_json(&it->near, true)) ||
        !sp_json_put(obj, "far", side_json(&it->far, true)) ||
        !sp_json_put(obj, "proven", cJSON_CreateBool(it->proven)) ||
        !sp_json_put(obj, "vendor_value",
                     it->has_value ? sp_whatif_money(it->value)
                                   : cJSON_CreateNull()) ||
        !sp_json_put(obj, "without_total",
                     it->has_value ? sp_whatif_money(it->value_total)
                                   : cJSON_CreateNull()) ||
        !sp_json_put(obj, "value_note", sp_json_str_or_null(it->value_note)) ||
        !sp_json_put(obj, "sentence", cJSON_CreateString(it->sentence))) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static cJSON *breakeven_json(const sp_breakeven *b)
{
    cJSON *obj = cJSON_CreateObject(), *items, *item, *search;
    char start[11];
    int i;

    sp_date_format(&b->start_date, start);
    search = cJSON_CreateObject();
    if (!obj ||
        !sp_json_put(obj, "scenario", sp_json_str_or_null(b->scenario)) ||
        !sp_json_put(obj, "plan", side_json(&b->plan, false)) ||
        !sp_json_put(obj, "search", search) ||
        !sp_json_put(search, "max_rise", change(b->max_rise)) ||
        !sp_json_put(search, "max_cut", change(-1.0)) ||
        !sp_json_put(search, "precision", change(b->precision)))
        goto fail;
    items = cJSON_CreateArray();
    if (!sp_json_put(obj, "items", items))
        goto fail;
    for (i = 0; i < b->nitems; i++) {
        item = item_json(&b->items[i]);
        if (!item || !cJSON_AddItemToArray(items, item)) {
            cJSON_Delete(item);
            goto fail;
        }
    }
    if (!sp_json_put_meta(obj, b->horizon_months, start, b->currency))
        goto fail;
    return obj;
fail:
    cJSON_Delete(obj);
    return NULL;
}

enum sp_status sp_breakeven_json_write(const sp_breakeven *b, const char *path,
                                       char *err, size_t errsize)
{
    if (!b || !path) {
        snprintf(err, errsize,
                 "sp_breakeven_json_write: missing result or "
                 "path");
        return SP_ERR_USAGE;
    }
    return sp_json_save(breakeven_json(b), path, err, errsize);
}

/* ---- the Sensitivity sheet -------------------------------------------- */

enum {
    S_NAME,
    S_KIND,
    S_IN_PLAN,
    S_SPEND,
    S_CHANGE,
    S_SENTENCE,
    S_VALUE,
    S_WITHOUT,
    S_FAR_TOTAL,
    S_FAR_VENDORS,
    S_SEARCHED,
    S_NOTE,
    S_NCOLS
};

enum { S_HEADER = 4 };

static void sens_header(struct sp_xsheet *s, const sp_breakeven *b)
{
    static const char *const names[S_NCOLS] = {
        "Vendor / product",
        "Kind",
        "In the optimal plan",
        "Licence spend / month",
        "Break-even price change",
        "What it means",
        "Vendor value: extra cost of the best plan without it",
        "Best plan without it: total",
        "Plan past the break-even: total",
        "Plan past the break-even: vendors",
        "Range searched",
        "Note"};
    const struct sp_xfmt *x = s->fmt;
    struct sp_xbuf names_kept = {0};
    char text[2048];
    int i;

    for (i = 0; i < b->plan.nvendors; i++)
        sp_xbuf_item(&names_kept, ", ", b->plan.vendors[i]);
    sp_xs_label(s, 0, 0, "Sensitivity: break-even prices and vendor value",
                x->title);
    snprintf(text, sizeof(text),
             "From %s%s%s: the optimal plan costs %.2f %s over %g months and "
             "keeps %d vendors (%s).",
             b->scenario ? "scenario '" : "the file's settings",
             b->scenario ? b->scenario : "", b->scenario ? "'" : "",
             b->plan.total_cost, b->currency, b->horizon_months,
             b->plan.nvendors, sp_xbuf_str(&names_kept));
    if (names_kept.nomem)
        s->nomem = true;
    sp_xbuf_free(&names_kept);
    sp_xs_label(s, 1, 0, text, x->subtitle);
    snprintf(text, sizeof(text),
             "A break-even is found by bisection over the licence prices of "
             "the vendor (product), from -100 %% up to +%g %%, to %g %%; "
             "every step is a plan solved to a proven optimum. Vendor value: "
             "how much more the best plan without that vendor costs -- the "
             "negotiating position in one number.",
             100.0 * b->max_rise, 100.0 * b->precision);
    sp_xs_label(s, 2, 0, text, x->note);
    for (i = 0; i < S_NCOLS; i++)
        sp_xs_str(s, S_HEADER, i, names[i], x->header);
}

static void sens_row(struct sp_xsheet *s, const struct sp_breakeven_item *it,
                     int row, lxw_format *pct)
{
    const struct sp_xfmt *x = s->fmt;
    struct sp_xbuf far = {0};
    char text[128];
    int i;

    sp_xs_str(s, row, S_NAME, it->name, NULL);
    sp_xs_str(s, row, S_KIND, it->kind, NULL);
    sp_xs_str(s, row, S_IN_PLAN, it->in_plan ? "yes" : "no",
              it->in_plan ? x->good : NULL);
    sp_xs_num(s, row, S_SPEND, it->monthly_spend, x->money);
    if (it->found)
        sp_xs_num(s, row, S_CHANGE, it->change, pct);
    else
        sp_xs_str(s, row, S_CHANGE,
                  it->forced ? "fixed by the scenario" : "never within range",
                  NULL);
    sp_xs_str(s, row, S_SENTENCE, it->sentence, x->wrap);
    if (it->has_value) {
        sp_xs_num(s, row, S_VALUE, it->value, x->money);
        sp_xs_num(s, row, S_WITHOUT, it->value_total, x->money);
    }
    if (it->far.status) {
        sp_xs_num(s, row, S_FAR_TOTAL, it->far.total_cost, x->money);
        for (i = 0; i < it->far.nvendors; i++)
            sp_xbuf_item(&far, ", ", it->far.vendors[i]);
        if (far.nomem)
            s->nomem = true;
        sp_xs_str(s, row, S_FAR_VENDORS, sp_xbuf_str(&far), x->wrap);
        sp_xbuf_free(&far);
    }
    /* "-100 % to 0 %", "0 % to +300 %" */
    snprintf(text, sizeof(text),
             it->in_plan ? "0 %% to +%g %%" : "%g %% to 0 %%",
             100.0 * (it->in_plan ? it->range_to : it->range_from));
    if (!it->forced)
        sp_xs_str(s, row, S_SEARCHED, text, NULL);
    if (it->value_note || !it->proven)
        sp_xs_str(s, row, S_NOTE,
                  !it->proven ? "not proven: a time limit or gap left some "
                                "solves unproven"
                              : it->value_note,
                  x->wrap);
}

void sp_xsensitivity_write(struct sp_xsheet *s, lxw_workbook *wb,
                           const sp_breakeven *b)
{
    lxw_format *pct = workbook_add_format(wb);
    int i, row = S_HEADER + 1;

    if (!pct) {
        s->nomem = true;
        return;
    }
    /* the sign says rise or cut; one decimal is the search's precision */
    format_set_num_format(pct, "+0.0%;-0.0%;0.0%");
    sens_header(s, b);
    for (i = 0; i < b->nitems; i++, row++)
        sens_row(s, &b->items[i], row, pct);
    if (b->nitems > 0)
        worksheet_autofilter(s->ws, S_HEADER, 0, (lxw_row_t)(row - 1),
                             S_NCOLS - 1);
    worksheet_freeze_panes(s->ws, S_HEADER + 1, 1);
    sp_xs_finish(s, S_HEADER);
}
