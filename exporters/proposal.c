/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The client proposal: picks the client and the scenario, then writes
 * the Proposal, Coverage and Migration plan sheets (xlsx_proposal.c,
 * xlsx_coverage.c, xlsx_migration.c) through a temporary file.
 *
 * Only what the client may see is written: resale prices, the client's
 * own units, products and dates.  The document properties hold a title
 * and subject only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters_int.h"
#include "stackplan/export.h"
#include "xlsx_prop_int.h"

static enum sp_status pick_scenario(const struct sp_result *res,
                                    const char *name,
                                    const struct sp_scenario_result **out,
                                    char *err, size_t errsize)
{
    int i;

    *out = NULL;
    for (i = 0; i < res->nscenarios; i++) {
        const struct sp_scenario_result *sr = &res->scenarios[i];
        bool usable = sr->plan && sr->cost;
        if (name && strcmp(sr->scenario->name, name) != 0)
            continue;
        if (name && !usable) {
            snprintf(err, errsize, "scenario '%s' is infeasible: %s", name,
                     sr->reason ? sr->reason : "no plan");
            return SP_ERR_INFEASIBLE;
        }
        if (usable) {
            *out = sr;
            return SP_OK;
        }
    }
    if (name) {
        snprintf(err, errsize, "unknown scenario '%s'", name);
        return SP_ERR_USAGE;
    }
    snprintf(err, errsize, "no scenario has a feasible plan");
    return SP_ERR_INFEASIBLE;
}

/* The logo must be a readable PNG file: libxlsxwriter would otherwise
 * fail at close with a less helpful message. */
static enum sp_status check_logo(const char *path, char *err, size_t errsize)
{
    static const unsigned char sig[8] = {0x89, 'P',  'N',  'G',
                                         '\r', '\n', 0x1A, '\n'};
    unsigned char head[8];
    FILE *f = fopen(path, "rb");
    size_t n;

    if (!f) {
        snprintf(err, errsize, "--logo: %s: cannot be read", path);
        return SP_ERR_INPUT;
    }
    n = fread(head, 1, sizeof(head), f);
    fclose(f);
    if (n != sizeof(head) || memcmp(head, sig, sizeof(sig)) != 0) {
        snprintf(err, errsize, "--logo: %s: expected a PNG file", path);
        return SP_ERR_INPUT;
    }
    return SP_OK;
}

static enum sp_status set_branding(struct sp_xprop *x,
                                   const struct sp_proposal_options *opt,
                                   char *err, size_t errsize)
{
    if (opt)
        x->opt = *opt;
    if (x->opt.valid_days < 0) {
        snprintf(err, errsize, "--valid-days: expected 0 or more days");
        return SP_ERR_USAGE;
    }
    if (x->opt.valid_days == 0)
        x->opt.valid_days = 30;
    if (x->opt.issue_date) {
        if (!sp_date_parse(x->opt.issue_date, &x->issued)) {
            snprintf(err, errsize,
                     "issue date: expected YYYY-MM-DD, got \"%s\"",
                     x->opt.issue_date);
            return SP_ERR_USAGE;
        }
    } else {
        x->issued = sp_date_today();
    }
    x->valid_until = sp_xdate_add_days(x->issued, x->opt.valid_days);
    if (x->opt.logo && *x->opt.logo)
        return check_logo(x->opt.logo, err, errsize);
    x->opt.logo = NULL;
    return SP_OK;
}

static void set_properties(struct sp_xprop *x)
{
    char title[512], subject[] = "Current and proposed security stack";
    lxw_doc_properties props;

    snprintf(title, sizeof(title), "Security stack proposal for %s",
             x->pb->clients[x->client].name);
    memset(&props, 0, sizeof(props));
    props.title = title;
    props.subject = subject;
    workbook_set_properties(x->wb, &props);
}

static enum sp_status write_sheets(struct sp_xprop *x, char *err,
                                   size_t errsize)
{
    enum sp_status st;

    if (!sp_xfmt_init(&x->fmt, x->wb, x->pb->settings.currency)) {
        snprintf(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    sp_xfmt_set_owner(&x->fmt, x->opt.msp_name);
    if (!sp_xsheet_add(&x->main, x->wb, &x->fmt, "Proposal") ||
        !sp_xsheet_add(&x->coverage, x->wb, &x->fmt, "Coverage") ||
        !sp_xsheet_add(&x->steps, x->wb, &x->fmt, "Migration plan")) {
        snprintf(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    x->sched = sp_schedule_new(x->pb, x->sr->scenario, x->sr->plan,
                               x->sr->cost, x->sr->baseline);
    if (!x->sched) {
        snprintf(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    sp_xprop_write_main(x);
    sp_xprop_write_coverage(x);
    sp_xprop_write_steps(x);
    set_properties(x);
    st = sp_xs_status(&x->main, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&x->coverage, err, errsize);
    if (st == SP_OK)
        st = sp_xs_status(&x->steps, err, errsize);
    return st;
}

enum sp_status sp_proposal_write(const sp_result *result, const char *client,
                                 const char *scenario, const char *path,
                                 char *err, size_t errsize)
{
    return sp_proposal_write_opt(result, client, scenario, path, NULL, err,
                                 errsize);
}

enum sp_status sp_proposal_write_opt(const sp_result *result,
                                     const char *client, const char *scenario,
                                     const char *path,
                                     const struct sp_proposal_options *opt,
                                     char *err, size_t errsize)
{
    struct sp_xprop x;
    char tmp[4096];
    enum sp_status st;
    lxw_error e;

    memset(&x, 0, sizeof(x));
    if (err && errsize)
        err[0] = '\0'; /* on SP_OK, a warning or nothing */
    if (!result || !client || !path || !*path) {
        snprintf(err, errsize, "proposal: no result, client or path");
        return SP_ERR_USAGE;
    }
    x.res = result;
    x.pb = result->problem;
    x.client = sp_problem_find_client(x.pb, client);
    if (x.client < 0) {
        snprintf(err, errsize, "unknown client '%s'", client);
        return SP_ERR_USAGE;
    }
    st = pick_scenario(result, scenario, &x.sr, err, errsize);
    if (st == SP_OK)
        st = set_branding(&x, opt, err, errsize);
    if (st != SP_OK)
        return st;
    st = sp_atomic_tmpname(path, tmp, sizeof(tmp), err, errsize);
    if (st != SP_OK)
        return st;
    x.wb = workbook_new(tmp);
    if (!x.wb) {
        snprintf(err, errsize, "out of memory");
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    st = write_sheets(&x, err, errsize);
    if (st != SP_OK)
        goto cleanup;
    e = workbook_close(x.wb);
    x.wb = NULL;
    if (e != LXW_NO_ERROR) {
        snprintf(err, errsize, "%s: %s", path, lxw_strerror(e));
        st = SP_ERR_IO;
    }

cleanup:
    if (x.wb)
        workbook_close(x.wb); /* frees it; the file is removed below */
    sp_xsheet_clear(&x.main);
    sp_xsheet_clear(&x.coverage);
    sp_xsheet_clear(&x.steps);
    sp_schedule_free(x.sched);
    if (st == SP_OK)
        return sp_atomic_finish(tmp, path, 1, err, errsize);
    sp_atomic_finish(tmp, path, 0, NULL, 0);
    return st;
}
