/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Status strings and the diagnostics list (libxlsxwriter's
 * test_strerror.c does the same for lxw_error). */
#include <string.h>
#include "../tap.h"
#include "importers_int.h"

static void test_strerror(void)
{
    int i, k;
    const char *unknown = sp_strerror((enum sp_status)SP_STATUS_COUNT);

    for (i = 0; i < SP_STATUS_COUNT; i++) {
        const char *s = sp_strerror((enum sp_status)i);
        ok(s && s[0], "status %d has a description: %s", i, s ? s : "");
        for (k = 0; k < i; k++)
            ok(strcmp(s, sp_strerror((enum sp_status)k)) != 0,
               "status %d and %d differ", i, k);
        ok(strcmp(s, unknown) != 0, "status %d is not 'unknown'", i);
    }
    ok(unknown && unknown[0], "an out-of-range status has a description");
    ok(sp_strerror((enum sp_status) - 1) == unknown, "so has -1");
    ok(sp_strerror((enum sp_status)999) == unknown, "and 999");
    is_str(sp_strerror(SP_OK), "success", "SP_OK");
}

static void test_diags(void)
{
    sp_diags *d = sp_diags_new();
    char line[512];

    ok(d != NULL, "a new list");
    ok(sp_diags_count(d) == 0 && sp_diags_errors(d) == 0, "is empty");
    ok(sp_diags_get(d, 0) == NULL, "entry 0 of an empty list is NULL");
    ok(sp_diags_add(d, 0, "catalog.csv", 17, "price", NULL,
                    "expected a number, got \"abc\"") == SP_OK,
       "add an error with a column");
    ok(sp_diags_add(d, 1, "inventory.csv", 5, NULL, NULL, "something odd") ==
           SP_OK,
       "add a warning without a column");
    ok(sp_diags_add(d, 0, "scenarios.json", 12, NULL, "two vendors",
                    "unknown key 'max_vendor'") == SP_OK,
       "add a scenario error");
    ok(sp_diags_add(d, 0, "scenarios.json", 0, NULL, "x", "no line") == SP_OK,
       "add a scenario error without a line");
    ok(sp_diags_add(d, 0, "catalog.csv", 0, NULL, NULL,
                    "required file is missing") == SP_OK,
       "add a file error");
    ok(sp_diags_count(d) == 5, "five entries");
    ok(sp_diags_errors(d) == 4, "four errors");

    sp_diag_format(sp_diags_get(d, 0), line, sizeof(line));
    is_str(line,
           "stackplan: catalog.csv:17: column 'price': expected a number, "
           "got \"abc\"",
           "column form");
    sp_diag_format(sp_diags_get(d, 1), line, sizeof(line));
    is_str(line, "stackplan: inventory.csv:5: warning: something odd",
           "no-column form, warning");
    sp_diag_format(sp_diags_get(d, 2), line, sizeof(line));
    is_str(line,
           "stackplan: scenarios.json:12: scenario 'two vendors': unknown "
           "key 'max_vendor'",
           "scenario form");
    sp_diag_format(sp_diags_get(d, 3), line, sizeof(line));
    is_str(line, "stackplan: scenarios.json: scenario 'x': no line",
           "scenario form without a line");
    sp_diag_format(sp_diags_get(d, 4), line, sizeof(line));
    is_str(line, "stackplan: catalog.csv: required file is missing",
           "file form");
    sp_diag_format(sp_diags_get(d, 0), line, 20);
    ok(strlen(line) == 19, "a short buffer truncates: '%s'", line);
    ok(sp_diags_get(d, 5) == NULL, "past the end is NULL");
    sp_diags_free(d);
    sp_diags_free(NULL);
    ok(sp_diags_count(NULL) == 0 && sp_diags_errors(NULL) == 0,
       "a NULL list counts nothing");
}

int main(void)
{
    test_strerror();
    test_diags();
    return done_testing();
}
