/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan merge: one workbook and JSON from the JSON of sharded solves. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan merge SHARD.json... [-o plan.xlsx] [--json plan.json]\n"
    "\n"
    "Builds the workbook and JSON of one run from the JSON files of\n"
    "'stackplan solve --shard I/N --json FILE' runs.  The data folder each\n"
    "file names is read again and must be unchanged; every scenario must\n"
    "come from exactly one file; every plan is verified and costed again.\n"
    "The result is what one run over all scenarios writes, apart from the\n"
    "solve times.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE     write the scenario workbook (.xlsx)\n"
    "      --json FILE       write the merged JSON ('-' = stdout)\n"
    "      --strict          unmapped inventory rows are errors\n"
    "      --verbose         also list unknown columns\n"
    "  -q, --quiet           accepted for symmetry; merge does not solve\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit codes: 0 success, 1 bad input (unreadable or mismatched files, a\n"
    "changed data folder), 2 usage, 3 a scenario infeasible (the others are\n"
    "still written), 4 a plan failed its verification, 5 an output could\n"
    "not be written.\n";

/* The checks of cli/outputs.c on merge's outputs. */
static int check_outputs(const char **paths, int n, const char *json,
                         const char *xlsx)
{
    const struct cli_output outs[] = {{"-o", xlsx}, {"--json", json}};
    int rc = cli_check_workbook("merge", "-o", xlsx);

    if (rc >= 0)
        return rc;
    return cli_check_outputs("merge", NULL, paths, n, outs, 2);
}

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"quiet", no_argument, NULL, 'q'},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"output", required_argument, NULL, 'o'},
    {"json", required_argument, NULL, OPT_JSON},
    {NULL, 0, NULL, 0},
};

int cli_merge(int argc, char **argv)
{
    struct sp_load_options lo = {0};
    const char *xlsx = NULL, *json = NULL;
    const char **paths = NULL;
    sp_diags *diags = NULL;
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    char err[2048] = "";
    int c, n = 0, rc = EXIT_INTERNAL;
    enum sp_status st;

    paths = calloc((size_t)argc + 1, sizeof(*paths));
    if (!paths) {
        fprintf(stderr, "stackplan: %s\n", sp_strerror(SP_ERR_NOMEM));
        return EXIT_INTERNAL;
    }
    optind = 1;
    while ((c = cli_getopt("merge", argc, argv, options)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            rc = EXIT_OK;
            goto cleanup;
        case 'q':
            break; /* merge prints no progress */
        case OPT_STRICT:
            lo.strict = 1;
            break;
        case OPT_VERBOSE:
            lo.verbose = 1;
            break;
        case 'o':
            xlsx = optarg;
            break;
        case OPT_JSON:
            json = optarg;
            break;
        default:
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    while (optind < argc)
        paths[n++] = argv[optind++];
    if (n == 0) {
        rc = cli_usage_error("merge", "missing the shard JSON files");
        goto cleanup;
    }
    rc = check_outputs(paths, n, json, xlsx);
    if (rc >= 0)
        goto cleanup;
    rc = EXIT_INTERNAL;
    diags = sp_diags_new();
    if (!diags)
        goto cleanup;
    st = sp_result_merge(paths, n, &lo, &pb, &res, diags, err, sizeof(err));
    cli_print_diags(diags);
    if (st != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", err[0] ? err : sp_strerror(st));
        rc = cli_exit_code(st); /* a plan that failed its check: 4 */
        goto cleanup;
    }
    rc = cli_write_result(res, json, xlsx);

cleanup:
    free(paths);
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
