/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The scenario workbook: Executive summary, Payback, Summary, Prices,
 * Baseline, one sheet per scenario, Vendor scorecard, Vendors and Inputs.  The
 * sheets are written by the xlsx_*.c files; this one names them, builds each
 * plan sheet's model, and writes the file through a temporary name so that a
 * failure leaves nothing behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "exporters_int.h"
#include "stackplan/export.h"
#include "xlsx_book_int.h"
#include "xlsx_compliance_int.h"

static void plan_input(struct sp_xplan_in *in, const struct sp_result *res,
                       int i)
{
    const struct sp_scenario_result *sr;

    memset(in, 0, sizeof(*in));
    in->pb = res->problem;
    in->current = res->current;
    in->slot = i + 1;
    if (i < 0) {
        in->plan = res->current;
        in->cost = res->baseline;
        in->settings = &res->problem->settings;
        return;
    }
    sr = &res->scenarios[i];
    in->plan = sr->plan;
    in->cost = sr->cost;
    in->before = sr->baseline ? sr->baseline : res->baseline;
    in->settings = &sr->scenario->settings;
    in->scenario = sr->scenario;
    in->sr = sr;
}

static bool has_plan(const struct sp_scenario_result *sr)
{
    return sr->plan && sr->cost;
}

/* Names and adds every sheet, in reading order. */
static bool add_sheets(struct sp_xbook *b, struct sp_xnames *names)
{
    static const char *const fixed[] = {
        "Executive summary", "Payback",          "Summary", "Prices",
        "Baseline",          "Vendor scorecard", "Vendors", "Inputs"};
    char name[SP_XLSX_NAME_SIZE];
    int i, n = b->res->nscenarios;

    /* the fixed names are taken first, so a scenario called "Summary"
     * becomes "Summary (2)" */
    for (i = 0; i < (int)(sizeof(fixed) / sizeof(*fixed)); i++)
        if (!sp_xnames_make(names, fixed[i], fixed[i], name))
            return false;
    if (!sp_xsheet_add(&b->exec, b->wb, &b->fmt, "Executive summary") ||
        !sp_xsheet_add(&b->payback, b->wb, &b->fmt, "Payback") ||
        !sp_xsheet_add(&b->summary, b->wb, &b->fmt, "Summary") ||
        !sp_xsheet_add(&b->prices, b->wb, &b->fmt, "Prices") ||
        !sp_xsheet_add(&b->baseline, b->wb, &b->fmt, "Baseline"))
        return false;
    for (i = 0; i < n; i++) {
        if (!sp_xnames_make(names, b->res->scenarios[i].scenario->name,
                            "Scenario", name) ||
            !sp_xsheet_add(&b->scen[i], b->wb, &b->fmt, name))
            return false;
    }
    return sp_xsheet_add(&b->scorecard, b->wb, &b->fmt, "Vendor scorecard") &&
           sp_xsheet_add(&b->vendors, b->wb, &b->fmt, "Vendors") &&
           sp_xsheet_add(&b->inputs, b->wb, &b->fmt, "Inputs");
}

static bool write_plan_sheets(struct sp_xbook *b)
{
    struct sp_xplan_in in;
    int i;

    if (!sp_xprices_layout(&b->prices_px, b))
        return false;
    plan_input(&in, b->res, -1);
    in.px = &b->prices_px;
    if (!sp_xplan_model(&b->base_model, &in))
        return false;
    sp_xplan_write(&b->baseline, &b->base_model, &in);
    for (i = 0; i < b->res->nscenarios; i++) {
        if (!has_plan(&b->res->scenarios[i])) {
            sp_xsheet_write_infeasible(&b->scen[i], &b->res->scenarios[i]);
            continue;
        }
        plan_input(&in, b->res, i);
        in.px = &b->prices_px;
        in.base_model = &b->base_model;
        in.base_sheet = &b->baseline;
        if (!sp_xplan_model(&b->scen_model[i], &in))
            return false;
        sp_xplan_write(&b->scen[i], &b->scen_model[i], &in);
    }
    return true;
}

/* Every sheet protected without a password: only the Prices sheet's
 * inputs (unlocked formats) take an edit; filters and sorting still work. */
static void protect_all(struct sp_xbook *b)
{
    lxw_protection opt = {0};
    lxw_worksheet *ws;

    opt.autofilter = LXW_TRUE;
    opt.sort = LXW_TRUE;
    opt.format_columns = LXW_TRUE;
    opt.format_rows = LXW_TRUE;
    LXW_FOREACH_WORKSHEET(ws, b->wb)
    {
        worksheet_protect(ws, NULL, &opt);
    }
}

static void set_properties(struct sp_xbook *b)
{
    const struct sp_problem *pb = b->pb;
    char title[] = "Security vendor consolidation: scenario workbook";
    char author[] = "stackplan", company[] = "stackplan";
    char category[] = "Scenario analysis";
    char keywords[] = "stackplan, MSP, security vendors, scenarios";
    char subject[256], comments[512], start[11];
    lxw_doc_properties props;

    sp_date_format(&pb->settings.start_date, start);
    snprintf(subject, sizeof(subject),
             "%d scenarios for %d clients, start %s, money in %s",
             b->res->nscenarios, pb->nclients, start, pb->settings.currency);
    snprintf(comments, sizeof(comments),
             "Written by stackplan %s. Licence figures are formulas over "
             "each sheet's effective prices; plans are not re-optimised "
             "when a price is edited.",
             PACKAGE_VERSION);
    memset(&props, 0, sizeof(props));
    props.title = title;
    props.subject = subject;
    props.author = author;
    props.company = company;
    props.category = category;
    props.keywords = keywords;
    props.comments = comments;
    workbook_set_properties(b->wb, &props);
}

static enum sp_status sheets_status(const struct sp_xbook *b, char *err,
                                    size_t errsize)
{
    enum sp_status st = sp_xs_status(&b->exec, err, errsize);
    int i;

    if (st == SP_OK)
        st = sp_xs_status(&b->payback, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&b->summary, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&b->prices, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&b->baseline, err, errsize);
    for (i = 0; st == SP_OK && i < b->res->nscenarios; i++)
        st = sp_xs_status(&b->scen[i], err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&b->scorecard, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&b->vendors, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&b->inputs, err, errsize);
    return st;
}

static void book_free(struct sp_xbook *b)
{
    int i;

    sp_xsheet_clear(&b->exec);
    sp_xsheet_clear(&b->payback);
    free(b->payback_row);
    free(b->payback_value);
    sp_xsheet_clear(&b->summary);
    sp_xsheet_clear(&b->prices);
    sp_xprices_free(&b->prices_px);
    sp_xsheet_clear(&b->baseline);
    sp_xsheet_clear(&b->scorecard);
    sp_xsheet_clear(&b->vendors);
    sp_xsheet_clear(&b->inputs);
    for (i = 0; b->scen && i < b->res->nscenarios; i++)
        sp_xsheet_clear(&b->scen[i]);
    free(b->scen);
    sp_xplan_free(&b->base_model);
    for (i = 0; b->scen_model && i < b->res->nscenarios; i++)
        sp_xplan_free(&b->scen_model[i]);
    free(b->scen_model);
}

enum sp_status sp_workbook_write(const sp_result *result, const char *path,
                                 char *err, size_t errsize)
{
    return sp_workbook_write_opt(result, path, NULL, err, errsize);
}

enum sp_status sp_workbook_write_opt(const sp_result *result, const char *path,
                                     const struct sp_workbook_options *opt,
                                     char *err, size_t errsize)
{
    struct sp_xbook b;
    struct sp_xnames names = {0};
    char tmp[4096];
    enum sp_status st;
    lxw_error e;
    size_t n;

    memset(&b, 0, sizeof(b));
    if (err && errsize)
        err[0] = '\0'; /* on SP_OK, a warning or nothing */
    if (!result || !path || !*path) {
        snprintf(err, errsize, "workbook: no result or no path");
        return SP_ERR_USAGE;
    }
    if (opt)
        b.opt = *opt;
    if (b.opt.recommend &&
        !sp_problem_has_scenario(result->problem, b.opt.recommend)) {
        snprintf(err, errsize, "workbook: --recommend: unknown scenario '%s'",
                 b.opt.recommend);
        return SP_ERR_USAGE;
    }
    st = sp_atomic_tmpname(path, tmp, sizeof(tmp), err, errsize);
    if (st != SP_OK)
        return st;
    b.res = result;
    b.pb = result->problem;
    n = (size_t)(result->nscenarios > 0 ? result->nscenarios : 1);
    b.scen = calloc(n, sizeof(*b.scen));
    b.scen_model = calloc(n, sizeof(*b.scen_model));
    b.payback_row = malloc(n * sizeof(int));
    b.payback_value = calloc(n, sizeof(int));
    b.wb = workbook_new(tmp);
    st = SP_ERR_NOMEM;
    if (!b.scen || !b.scen_model || !b.payback_row || !b.payback_value ||
        !b.wb || !sp_xfmt_init(&b.fmt, b.wb, b.pb->settings.currency)) {
        snprintf(err, errsize, "out of memory");
        goto cleanup;
    }
    sp_xfmt_set_owner(&b.fmt, b.opt.msp_name);
    if (!add_sheets(&b, &names) || !write_plan_sheets(&b)) {
        snprintf(err, errsize, "out of memory");
        goto cleanup;
    }
    for (size_t k = 0; k < n; k++)
        b.payback_row[k] = -1;
    sp_xbook_write_payback(&b);
    sp_xbook_write_exec(&b);
    sp_xbook_write_summary(&b);
    sp_xbook_write_prices(&b);
    sp_xbook_write_scorecard(&b);
    sp_xbook_write_vendors(&b);
    sp_xbook_write_inputs(&b);
    protect_all(&b);
    set_properties(&b);
    st = sheets_status(&b, err, errsize);
    if (st == SP_OK) /* docs/compliance.md; none without controls.csv */
        st = sp_xcompliance_write(b.wb, &b.fmt, b.res, &names, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    e = workbook_close(b.wb);
    b.wb = NULL;
    if (e != LXW_NO_ERROR) {
        snprintf(err, errsize, "%s: %s", path, lxw_strerror(e));
        st = SP_ERR_IO;
    }

cleanup:
    if (b.wb)
        workbook_close(b.wb); /* frees it; the file is removed below */
    book_free(&b);
    sp_xnames_clear(&names);
    if (st == SP_OK)
        return sp_atomic_finish(tmp, path, 1, err, errsize);
    sp_atomic_finish(tmp, path, 0, NULL, 0);
    return st;
}
