/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stackplan import: PSA and distributor exports -> a data folder
 * (docs/import.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli_int.h"

static const char usage[] =
    "Usage: stackplan import OUT_DIR --catalog CATALOG_DIR\n"
    "                        (--from PROFILE FILE)... [OPTIONS]\n"
    "\n"
    "Reads ConnectWise, Autotask or Pax8 exports (or any CSV a profile file\n"
    "describes) and writes the data folder OUT_DIR: clients.csv,\n"
    "inventory.csv, import-report.csv (one line per source row: mapped,\n"
    "unmapped or skipped, and why) and copies of catalog.csv, vendors.csv,\n"
    "tiers.csv, controls.csv and scenarios.json from CATALOG_DIR.  OUT_DIR\n"
    "is written as a whole or not at all.\n"
    "\n"
    "Options:\n"
    "  --catalog DIR         the folder holding catalog.csv (required)\n"
    "  --from PROFILE FILE   an export and its profile: connectwise,\n"
    "                        autotask, pax8, or a profile file (NAME.json);\n"
    "                        repeat for several exports (the first file that\n"
    "                        lists a client's product wins)\n"
    "  --product-map FILE    source,product[,factor]: names to catalog ids\n"
    "                        ('-' skips the row; factor multiplies units)\n"
    "  --client-map FILE     name,client: company names to client ids\n"
    "  --counts FILE         client,users,devices,servers,tb: counts that\n"
    "                        replace the ones derived from the exports\n"
    "  --as-of DATE          rows ending on or before DATE are skipped\n"
    "                        (YYYY-MM-DD; default: the settings' start_date,\n"
    "                        else today)\n"
    "  --force               replace an existing OUT_DIR\n"
    "  --json FILE           also write the summary as JSON ('-' = stdout)\n"
    "  -q, --quiet           no summary on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
    "Built-in profiles are read from $STACKPLAN_PROFILES when set, else\n"
    "from " SP_PROFILESDIR ".\n"
    "\n"
    "Exit codes: 0 written, 1 bad input (nothing written), 2 usage (also an\n"
    "existing OUT_DIR without --force), 5 OUT_DIR could not be written.\n";

/* The built-in profiles' folder: $STACKPLAN_PROFILES, else the installed
 * one, else the source tree's (a build that is not installed). */
static const char *profiles_dir(void)
{
    const char *env = getenv("STACKPLAN_PROFILES");
    struct stat sb;

    if (env && env[0])
        return env;
    if (stat(SP_PROFILESDIR "/connectwise.json", &sb) == 0)
        return SP_PROFILESDIR;
    return SP_SRC_PROFILESDIR;
}

static void print_counts(const char *label, const struct sp_import_counts *c,
                         const char *currency)
{
    fprintf(stderr, "  %s: %d rows read, %d mapped, %d unmapped, %d skipped",
            label, c->rows, c->mapped, c->unmapped, c->skipped);
    if (c->unmapped)
        fprintf(stderr, "; unmapped monthly spend %.2f%s%s",
                c->unmapped_monthly, currency[0] ? " " : "", currency);
    fputc('\n', stderr);
}

static void print_summary(const char *out_dir,
                          const struct sp_import_summary *s)
{
    int k;

    fprintf(stderr, "stackplan: import: wrote %s (as of %s)\n", out_dir,
            s->as_of);
    for (k = 0; k < s->nfiles; k++)
        print_counts(s->files[k], &s->count[k], s->currency);
    if (s->nfiles > 1)
        print_counts("all files", &s->total, s->currency);
    fprintf(stderr, "  %d clients, %d inventory rows", s->clients,
            s->inventory_rows);
    if (s->count_warnings)
        fprintf(stderr, "; %d missing counts (see import-report.csv)",
                s->count_warnings);
    fputc('\n', stderr);
    if (s->total.unmapped)
        fprintf(stderr,
                "  unmapped rows: see the suggestions in "
                "%s/import-report.csv; map them with --product-map\n",
                out_dir);
    fprintf(stderr,
            "next: stackplan check %s && stackplan solve %s -o "
            "plan.xlsx\n",
            out_dir, out_dir);
}

/* --json FILE: the summary as JSON; "-" = standard output. */
static int write_json(const char *path, const char *out_dir,
                      const struct sp_import_summary *sum)
{
    char *text = NULL;
    FILE *f;
    int rc = EXIT_OK, to_stdout;

    if (sp_import_summary_json(sum, out_dir, &text) != SP_OK) {
        fprintf(stderr, "stackplan: %s\n", sp_strerror(SP_ERR_NOMEM));
        return EXIT_INTERNAL;
    }
    to_stdout = strcmp(path, "-") == 0;
    f = to_stdout ? stdout : fopen(path, "w");
    if (!f || fputs(text, f) == EOF || fputc('\n', f) == EOF)
        rc = EXIT_OUTPUT;
    if (f && (to_stdout ? fflush(f) : fclose(f)) != 0)
        rc = EXIT_OUTPUT;
    if (rc != EXIT_OK)
        fprintf(stderr, "stackplan: %s: cannot write the summary\n", path);
    free(text);
    return rc;
}

enum {
    OPT_FROM = OPT_FIRST_FREE,
    OPT_CATALOG,
    OPT_PRODUCT_MAP,
    OPT_CLIENT_MAP,
    OPT_COUNTS,
    OPT_AS_OF
};

static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"quiet", no_argument, NULL, 'q'},
    {"force", no_argument, NULL, OPT_FORCE},
    {"from", required_argument, NULL, OPT_FROM},
    {"catalog", required_argument, NULL, OPT_CATALOG},
    {"product-map", required_argument, NULL, OPT_PRODUCT_MAP},
    {"client-map", required_argument, NULL, OPT_CLIENT_MAP},
    {"counts", required_argument, NULL, OPT_COUNTS},
    {"as-of", required_argument, NULL, OPT_AS_OF},
    {"json", required_argument, NULL, OPT_JSON},
    {NULL, 0, NULL, 0},
};

int cli_import(int argc, char **argv)
{
    struct sp_import_options o;
    struct sp_import_source *src = NULL;
    struct sp_import_summary *sum = NULL;
    const char *out_dir = NULL, *json = NULL;
    sp_diags *diags = NULL;
    char err[2048];
    int c, quiet = 0, rc;
    enum sp_status st;

    memset(&o, 0, sizeof(o));
    src = calloc((size_t)argc + 1, sizeof(*src));
    if (!src)
        return EXIT_INTERNAL;
    optind = 1;
    while ((c = cli_getopt("import", argc, argv, options)) != -1) {
        switch (c) {
        case 'h':
            rc = cli_help(usage);
            goto cleanup;
        case 'q':
            quiet = 1;
            break;
        case OPT_FORCE:
            o.force = 1;
            break;
        case OPT_FROM:
            /* --from PROFILE FILE: the file is the next word */
            if (optind >= argc) {
                rc =
                    cli_usage_error("import", "--from: expected PROFILE FILE");
                goto cleanup;
            }
            src[o.nsources].profile = optarg;
            src[o.nsources].path = argv[optind++];
            o.nsources++;
            break;
        case OPT_CATALOG:
            o.catalog_dir = optarg;
            break;
        case OPT_PRODUCT_MAP:
            o.product_map = optarg;
            break;
        case OPT_CLIENT_MAP:
            o.client_map = optarg;
            break;
        case OPT_COUNTS:
            o.counts = optarg;
            break;
        case OPT_AS_OF:
            if ((rc = cli_opt_date("import", "--as-of", optarg)) >= 0)
                goto cleanup;
            o.as_of = optarg;
            break;
        case OPT_JSON:
            json = optarg;
            break;
        default:
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    if (optind < argc)
        out_dir = argv[optind++];
    if (optind < argc) {
        rc = cli_usage_error("import", "expected one OUT_DIR");
        goto cleanup;
    }
    if (!out_dir) {
        rc = cli_usage_error("import", "expected an OUT_DIR");
        goto cleanup;
    }
    if (!o.catalog_dir) {
        rc = cli_usage_error("import", "--catalog DIR is required");
        goto cleanup;
    }
    if (o.nsources == 0) {
        rc = cli_usage_error("import", "expected at least one --from "
                                       "PROFILE FILE");
        goto cleanup;
    }
    o.sources = src;
    o.profiles_dir = profiles_dir();

    diags = sp_diags_new();
    if (!diags) {
        rc = EXIT_INTERNAL;
        goto cleanup;
    }
    st = sp_import_run(out_dir, &o, &sum, diags, err, sizeof(err));
    cli_print_diags(diags);
    if (st == SP_ERR_USAGE) {
        rc = cli_usage_error("import", err);
    } else if (st == SP_ERR_IO) {
        fprintf(stderr, "stackplan: %s\n", err);
        rc = EXIT_OUTPUT;
    } else if (st != SP_OK) {
        if (err[0])
            fprintf(stderr, "stackplan: %s\n", err);
        else if (sp_diags_errors(diags) == 0)
            fprintf(stderr, "stackplan: %s\n", sp_strerror(st));
        rc = cli_exit_code(st);
    } else {
        if (!quiet)
            print_summary(out_dir, sum);
        rc = json ? write_json(json, out_dir, sum) : EXIT_OK;
    }

cleanup:
    sp_import_summary_free(sum);
    sp_diags_free(diags);
    free(src);
    return rc;
}
