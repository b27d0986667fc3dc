/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One option grammar for every command: getopt_long, so that --opt=value,
 * --opt value, bundled short options (-qo FILE) and options after the
 * operands work everywhere, and one form for every error, naming the
 * option and offering the closest one when it was mistyped.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

/* The short-option string getopt wants, built from the table: every entry
 * whose val is a letter is also a short option.  The leading ':' makes a
 * missing value return ':' instead of printing getopt's own message. */
static void short_options(const struct option *opts, char *buf, size_t size)
{
    size_t n = 0;

    buf[n++] = ':';
    for (; opts->name && n + 3 < size; opts++) {
        if (opts->val <= 0 || opts->val > 127 || opts->flag)
            continue;
        buf[n++] = (char)opts->val;
        if (opts->has_arg == required_argument)
            buf[n++] = ':';
    }
    buf[n] = '\0';
}

/* The option as typed: "--name" of "--name=value". */
static void typed_name(const char *arg, char *buf, size_t size)
{
    size_t len = strcspn(arg, "=");

    if (len >= size)
        len = size - 1;
    memcpy(buf, arg, len);
    buf[len] = '\0';
}

static void report_unknown(const char *command, const struct option *opts,
                           const char *arg)
{
    char name[128], msg[512];
    const struct option *o;
    struct sp_suggest s;
    int prefixed = 0;

    typed_name(arg, name, sizeof(name));
    /* an abbreviation that fits several options */
    for (o = opts; o->name; o++)
        if (name[0] == '-' && name[1] == '-' && name[2] &&
            strncmp(o->name, name + 2, strlen(name + 2)) == 0)
            prefixed++;
    if (prefixed > 1) {
        size_t n = (size_t)snprintf(
            msg, sizeof(msg), "option '%s' is ambiguous; could be", name);
        int left = prefixed;
        for (o = opts; o->name && n < sizeof(msg); o++) {
            if (strncmp(o->name, name + 2, strlen(name + 2)) != 0)
                continue;
            left--;
            n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s'--%s'",
                                  left == prefixed - 1 ? " "
                                  : left == 0          ? " or "
                                                       : ", ",
                                  o->name);
        }
        cli_usage_error(command, msg);
        return;
    }
    sp_suggest_init(&s, name + strspn(name, "-"));
    for (o = opts; o->name; o++)
        sp_suggest_add(&s, o->name);
    if (sp_suggest_best(&s))
        snprintf(msg, sizeof(msg), "unknown option '%s'; did you mean '--%s'?",
                 name, sp_suggest_best(&s));
    else
        snprintf(msg, sizeof(msg), "unknown option '%s'", name);
    cli_usage_error(command, msg);
}

int cli_getopt(const char *command, int argc, char **argv,
               const struct option *opts)
{
    char shorts[128], name[128], msg[256];
    const char *arg;
    int c;

    short_options(opts, shorts, sizeof(shorts));
    opterr = 0;
    c = getopt_long(argc, argv, shorts, opts, NULL);
    if (c != '?' && c != ':')
        return c;
    /* the argument that failed: getopt has stepped past it */
    arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    if (arg[0] == '-' && arg[1] == '-')
        typed_name(arg, name, sizeof(name));
    else
        snprintf(name, sizeof(name), "-%c", optopt);
    if (c == ':') {
        snprintf(msg, sizeof(msg), "option '%s' needs a value", name);
    } else if (optopt && name[1] == '-') {
        /* --flag=value for an option that takes none */
        snprintf(msg, sizeof(msg), "option '%s' takes no value", name);
    } else if (optopt) {
        snprintf(msg, sizeof(msg), "unknown option '%s'", name);
    } else {
        report_unknown(command, opts, arg);
        return CLI_OPT_ERROR;
    }
    cli_usage_error(command, msg);
    return CLI_OPT_ERROR;
}

int cli_help(const char *usage)
{
    fputs(usage, stdout);
    return EXIT_OK;
}

int cli_opt_seconds(const char *command, const char *option, const char *v,
                    double *out)
{
    char msg[256];

    if (cli_parse_number(v, out) && *out > 0)
        return -1;
    snprintf(msg, sizeof(msg),
             "%s: expected a positive number of seconds, got '%s'", option, v);
    return cli_usage_error(command, msg);
}

int cli_opt_gap(const char *command, const char *option, const char *v,
                double *out)
{
    char msg[256];

    if (cli_parse_number(v, out) && *out < 1)
        return -1;
    snprintf(msg, sizeof(msg), "%s: expected a fraction from 0 to 1, got '%s'",
             option, v);
    return cli_usage_error(command, msg);
}

int cli_opt_date(const char *command, const char *option, const char *v)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    char msg[256], extra;
    int y, m, d, ok;

    ok = strlen(v) == 10 && v[4] == '-' && v[7] == '-' &&
         sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 && y >= 1900 &&
         m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
    if (ok && m == 2 && d == 29)
        ok = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (ok)
        return -1;
    snprintf(msg, sizeof(msg), "%s: expected a real date YYYY-MM-DD, got '%s'",
             option, v);
    return cli_usage_error(command, msg);
}

int cli_load_option(const char *command, int c, struct sp_load_options *lo)
{
    int rc;

    switch (c) {
    case 's':
        lo->scenarios_path = optarg;
        break;
    case OPT_CONTROLS:
        lo->controls_path = optarg;
        break;
    case OPT_STRICT:
        lo->strict = 1;
        break;
    case OPT_TODAY:
        if ((rc = cli_opt_date(command, "--today", optarg)) >= 0)
            return rc;
        lo->today = optarg;
        break;
    default:
        return 0;
    }
    return -1;
}

int cli_unknown_name(const char *command, const sp_problem *pb,
                     enum sp_name_kind kind, const char *typed)
{
    static const char *const what[] = {"scenario", "client", "vendor",
                                       "product"};
    const char *best = sp_problem_suggest(pb, kind, typed);

    if (best)
        fprintf(stderr, "stackplan: %s: unknown %s '%s'; did you mean '%s'?\n",
                command, what[kind], typed, best);
    else
        fprintf(stderr, "stackplan: %s: unknown %s '%s'\n", command,
                what[kind], typed);
    if (kind == SP_NAME_SCENARIO)
        fprintf(stderr, "Try 'stackplan solve DATA_DIR --list-scenarios'.\n");
    return EXIT_USAGE;
}
