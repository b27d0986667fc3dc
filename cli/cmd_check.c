/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan check: validate a data folder and summarise it. */
#include <stdio.h>
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
    "      --json            print the summary as a JSON object\n"
    "      --today DATE      the date used when settings give no start_date\n"
    "                        (YYYY-MM-DD; default: today, UTC)\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 no errors (warnings allowed), 1 errors in the data,\n"
    "2 usage.\n";

/* The value of an option given as "--name VALUE" or "--name=VALUE";
 * NULL when it is not this option.  *i moves past a separate value. */
static const char *option_value(int argc, char **argv, int *i,
                                const char *shortname, const char *name,
                                int *missing)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);

    if ((shortname && strcmp(arg, shortname) == 0) || strcmp(arg, name) == 0) {
        if (*i + 1 >= argc) {
            *missing = 1;
            return NULL;
        }
        return argv[++*i];
    }
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    return NULL;
}

/* Only the shape is checked here; the library rejects 2027-02-30. */
static int looks_like_date(const char *s)
{
    int i;

    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

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

static void print_summary_json(const struct sp_summary *s, size_t warnings)
{
    /* Every value is a number or a YYYY-MM-DD date: nothing to escape. */
    printf("{\"clients\": %d, \"products\": %d, \"vendors\": %d, "
           "\"categories\": %d, \"scenarios\": %d, \"inventory_rows\": %d, "
           "\"unmapped_rows\": %d, \"vendors_in_use\": %d, "
           "\"clients_with_gaps\": %d, \"start_date\": \"%s\", "
           "\"warnings\": %zu}\n",
           s->clients, s->products, s->vendors, s->categories, s->scenarios,
           s->holdings, s->unmapped, s->vendors_in_use, s->clients_with_gaps,
           s->start_date, warnings);
}

int cli_check(int argc, char **argv)
{
    struct sp_load_options opt = {NULL, 0, 0, NULL, NULL};
    const char *dir = NULL, *value;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    struct sp_summary summary;
    enum sp_status st;
    int i, json = 0, missing = 0, options_done = 0, rc;
    char msg[256];

    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (dir)
                return cli_usage_error("check", "expected one DATA_DIR");
            dir = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = 1;
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            return EXIT_OK;
        } else if (strcmp(arg, "--strict") == 0) {
            opt.strict = 1;
        } else if (strcmp(arg, "--verbose") == 0) {
            opt.verbose = 1;
        } else if (strcmp(arg, "--json") == 0) {
            json = 1;
        } else {
            value =
                option_value(argc, argv, &i, "-s", "--scenarios", &missing);
            if (value) {
                opt.scenarios_path = value;
                continue;
            }
            value = option_value(argc, argv, &i, NULL, "--controls", &missing);
            if (value) {
                opt.controls_path = value;
                continue;
            }
            value = option_value(argc, argv, &i, NULL, "--today", &missing);
            if (value && !looks_like_date(value))
                return cli_usage_error("check",
                                       "--today: expected a date YYYY-MM-DD");
            if (value) {
                opt.today = value;
                continue;
            }
            if (missing)
                snprintf(msg, sizeof(msg), "%s: expected a value", arg);
            else
                snprintf(msg, sizeof(msg), "unknown option '%s'", arg);
            return cli_usage_error("check", msg);
        }
    }
    if (!dir)
        return cli_usage_error("check", "expected a DATA_DIR");

    diags = sp_diags_new();
    if (!diags) {
        fprintf(stderr, "stackplan: %s\n", sp_strerror(SP_ERR_NOMEM));
        return EXIT_INTERNAL;
    }
    st = sp_problem_load(dir, &opt, &pb, diags);
    cli_print_diags(diags);
    if (st == SP_ERR_USAGE) {
        rc = cli_usage_error("check", "--today: expected a real date "
                                      "YYYY-MM-DD");
        goto cleanup;
    }
    if (st != SP_OK) {
        if (sp_diags_errors(diags) == 0)
            fprintf(stderr, "stackplan: %s\n", sp_strerror(st));
        rc = cli_exit_code(st);
        goto cleanup;
    }
    sp_problem_summary(pb, &summary);
    if (json)
        print_summary_json(&summary, sp_diags_count(diags));
    else
        print_summary(&summary, sp_diags_count(diags));
    rc = EXIT_OK;

cleanup:
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
