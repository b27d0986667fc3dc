/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan check: validate a data folder and summarise it. */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan check DATA_DIR [OPTIONS]\n"
    "\n"
    "Reads every input file of DATA_DIR and reports each error and warning\n"
    "as 'stackplan: FILE:LINE: column 'NAME': MESSAGE' on stderr, then a\n"
    "summary of the data on stdout.\n"
    "\n"
    "Options:\n"
    "  -s, --scenarios FILE  scenarios.json to read (default:\n"
    "                        DATA_DIR/scenarios.json when it exists)\n"
    "      --controls FILE   controls.csv (default: DATA_DIR/controls.csv\n"
    "                        when it exists)\n"
    "      --strict          inventory rows naming no catalog product are\n"
    "                        errors, not warnings\n"
    "      --verbose         also list unknown columns (as warnings)\n"
    "      --json            print the summary and every diagnostic (file,\n"
    "                        line, column, message) as a JSON object\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "                        (YYYY-MM-DD; default: today, UTC)\n"
    "  -q, --quiet           no notices, no warnings about unmapped rows\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 no errors (warnings allowed), 1 errors in the data,\n"
    "2 usage.\n";

static void print_summary(const struct sp_summary *s, size_t warnings)
{
    printf("clients:                 %d\n", s->clients);
    printf("products:                %d\n", s->products);
    printf("vendors:                 %d\n", s->vendors);
    printf("categories:              %d\n", s->categories);
    printf("scenarios:               %d\n", s->scenarios);
    printf("inventory rows:          %d\n", s->holdings);
    printf("unmapped rows:           %d\n", s->unmapped);
    printf("vendors in use today:    %d\n", s->vendors_in_use);
    printf("clients with gaps today: %d\n", s->clients_with_gaps);
    printf("start date:              %s\n", s->start_date);
    printf("warnings:                %zu\n", warnings);
}

/* The summary and every diagnostic as one JSON object: what a script
 * needs to show the user where the data is wrong.  The summary is null
 * when the data did not load. */
static int print_json(const struct sp_summary *s, const sp_diags *diags)
{
    cJSON *root = cJSON_CreateObject(), *list, *sum;
    size_t i, n = sp_diags_count(diags);
    char *text;

    if (!root)
        return 0;
    cJSON_AddBoolToObject(root, "ok", sp_diags_errors(diags) == 0 && s);
    cJSON_AddNumberToObject(root, "errors", (double)sp_diags_errors(diags));
    cJSON_AddNumberToObject(root, "warnings",
                            (double)sp_diags_warnings(diags));
    list = cJSON_AddArrayToObject(root, "diagnostics");
    for (i = 0; list && i < n; i++) {
        const struct sp_diag *d = sp_diags_get(diags, i);
        cJSON *o = cJSON_CreateObject();
        if (!o)
            break;
        cJSON_AddStringToObject(o, "severity",
                                d->warning ? "warning" : "error");
        cJSON_AddStringToObject(o, "file", d->file ? d->file : "");
        if (d->line > 0)
            cJSON_AddNumberToObject(o, "line", d->line);
        else
            cJSON_AddNullToObject(o, "line");
        if (d->column)
            cJSON_AddStringToObject(o, "column", d->column);
        else
            cJSON_AddNullToObject(o, "column");
        if (d->scenario)
            cJSON_AddStringToObject(o, "scenario", d->scenario);
        cJSON_AddStringToObject(o, "message", d->message ? d->message : "");
        cJSON_AddItemToArray(list, o);
    }
    if (s) {
        sum = cJSON_AddObjectToObject(root, "summary");
        if (sum) {
            cJSON_AddNumberToObject(sum, "clients", s->clients);
            cJSON_AddNumberToObject(sum, "products", s->products);
            cJSON_AddNumberToObject(sum, "vendors", s->vendors);
            cJSON_AddNumberToObject(sum, "categories", s->categories);
            cJSON_AddNumberToObject(sum, "scenarios", s->scenarios);
            cJSON_AddNumberToObject(sum, "inventory_rows", s->holdings);
            cJSON_AddNumberToObject(sum, "unmapped_rows", s->unmapped);
            cJSON_AddNumberToObject(sum, "vendors_in_use", s->vendors_in_use);
            cJSON_AddNumberToObject(sum, "clients_with_gaps",
                                    s->clients_with_gaps);
            cJSON_AddStringToObject(sum, "start_date", s->start_date);
        }
    } else {
        cJSON_AddNullToObject(root, "summary");
    }
    text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return 0;
    puts(text);
    free(text);
    return 1;
}

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"controls", required_argument, NULL, OPT_CONTROLS},
    {"scenarios", required_argument, NULL, 's'},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"json", no_argument, NULL, OPT_JSON},
    {"today", required_argument, NULL, OPT_TODAY},
    {"quiet", no_argument, NULL, 'q'},
    {NULL, 0, NULL, 0},
};

int cli_check(int argc, char **argv)
{
    struct sp_load_options opt = {0};
    const char *dir = NULL;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    struct sp_summary summary;
    enum sp_status st;
    int c, json = 0, quiet = 0, rc;

    optind = 1;
    while ((c = cli_getopt("check", argc, argv, options)) != -1) {
        switch (c) {
        case 'h':
            return cli_help(usage);
        case OPT_VERBOSE:
            opt.verbose = 1;
            break;
        case OPT_JSON:
            json = 1;
            break;
        case 'q':
            quiet = 1;
            break;
        default:
            rc = cli_load_option("check", c, &opt);
            if (rc != -1)
                return rc == 0 ? EXIT_USAGE : rc;
        }
    }
    if (optind < argc)
        dir = argv[optind++];
    if (optind < argc)
        return cli_usage_error("check", "expected one DATA_DIR");
    if (!dir)
        return cli_usage_error("check", "expected a DATA_DIR");

    diags = sp_diags_new();
    if (!diags) {
        fprintf(stderr, "stackplan: %s\n", sp_strerror(SP_ERR_NOMEM));
        return EXIT_INTERNAL;
    }
    st = sp_problem_load(dir, &opt, &pb, diags);
    cli_print_diags_quiet(diags, quiet);
    if (st == SP_ERR_USAGE) {
        rc = cli_usage_error("check", "--today: expected a real date "
                                      "YYYY-MM-DD");
        goto cleanup;
    }
    if (st != SP_OK) {
        if (sp_diags_errors(diags) == 0)
            fprintf(stderr, "stackplan: %s\n", sp_strerror(st));
        if (json)
            print_json(NULL, diags);
        rc = cli_exit_code(st);
        goto cleanup;
    }
    cli_notices(pb, &opt, quiet || json);
    sp_problem_summary(pb, &summary);
    if (json)
        print_json(&summary, diags);
    else
        print_summary(&summary, sp_diags_warnings(diags));
    rc = EXIT_OK;

cleanup:
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
