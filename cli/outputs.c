/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks on output paths before anything is solved or written. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_int.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The input files a data folder may hold (docs/formats.md). */
static const char *const data_files[] = {
    "catalog.csv", "clients.csv", "inventory.csv",
    "vendors.csv", "tiers.csv",   "scenarios.json",
};

/* path as realpath(parent) + "/" + base name: the same for two names of
 * one file, even when it does not exist yet.  @return 0 when the parent
 * does not resolve. */
static int canonical(const char *path, char *out, size_t size)
{
    char parent[PATH_MAX], real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t len = slash ? (size_t)(slash - path) : 1;

    if (slash && len == 0)
        len = 1; /* "/name": the parent is "/" */
    if (len >= sizeof(parent))
        return 0;
    memcpy(parent, slash ? path : ".", len);
    parent[len] = '\0';
    if (!realpath(parent, real))
        return 0;
    return (size_t)snprintf(out, size, "%s/%s", real, base) < size;
}

static int exempt(const char *path)
{
    return strcmp(path, "-") == 0 || strcmp(path, "/dev/null") == 0;
}

int cli_check_outputs(const char *command, const char *dir,
                      const char *const *inputs, int ninputs,
                      const struct cli_output *outs, int nouts)
{
    char a[PATH_MAX + 256], b[PATH_MAX + 256], msg[PATH_MAX + 512];
    int i, j;
    size_t k;

    for (i = 0; i < nouts; i++) {
        if (!outs[i].path || exempt(outs[i].path))
            continue;
        if (!canonical(outs[i].path, a, sizeof(a)))
            continue; /* a missing folder: the write reports it (exit 5) */
        for (j = 0; j < i; j++) {
            if (!outs[j].path || exempt(outs[j].path) ||
                !canonical(outs[j].path, b, sizeof(b)))
                continue;
            if (strcmp(a, b) == 0) {
                snprintf(msg, sizeof(msg), "%s: the same file as %s",
                         outs[i].option, outs[j].option);
                return cli_usage_error(command, msg);
            }
        }
        for (j = 0; j < ninputs; j++) {
            if (!inputs[j] || !canonical(inputs[j], b, sizeof(b)))
                continue;
            if (strcmp(a, b) == 0) {
                snprintf(msg, sizeof(msg), "%s: %s is an input",
                         outs[i].option, outs[i].path);
                return cli_usage_error(command, msg);
            }
        }
        for (k = 0; dir && k < sizeof(data_files) / sizeof(data_files[0]);
             k++) {
            char in[PATH_MAX + 64];
            snprintf(in, sizeof(in), "%s/%s", dir, data_files[k]);
            if (!canonical(in, b, sizeof(b)) || strcmp(a, b) != 0)
                continue;
            snprintf(msg, sizeof(msg), "%s: %s is an input", outs[i].option,
                     outs[i].path);
            return cli_usage_error(command, msg);
        }
    }
    return -1;
}

int cli_check_workbook(const char *command, const char *option,
                       const char *path)
{
    char msg[256];
    size_t n;

    if (!path)
        return -1;
    if (strcmp(path, "-") == 0) {
        snprintf(msg, sizeof(msg),
                 "%s -: a workbook is not for a terminal; give a file name",
                 option);
        return cli_usage_error(command, msg);
    }
    n = strlen(path);
    if (strcmp(path, "/dev/null") != 0 &&
        (n < 5 || strcmp(path + n - 5, ".xlsx") != 0))
        fprintf(stderr, "stackplan: %s: warning: %s does not end in .xlsx\n",
                command, path);
    return -1;
}
