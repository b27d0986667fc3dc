/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp_xnames_make: sheet names Excel accepts (at most 31 UTF-16 units, no
 * []:*?/\, no apostrophe at either end, unique ignoring case, never
 * "History") that keep what tells scenarios apart: a swept scenario's
 * value, the end of a long name. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../tap.h"
#include "xlsx_int.h"

/* UTF-16 units of a UTF-8 string; -1 when it is not valid UTF-8. */
static int utf16_units(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int u = 0;

    while (*p) {
        int n = *p < 0x80    ? 1
                : *p >= 0xF0 ? 4
                : *p >= 0xE0 ? 3
                : *p >= 0xC0 ? 2
                             : 0;
        int k;
        if (!n)
            return -1;
        for (k = 1; k < n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return -1;
        u += n == 4 ? 2 : 1;
        p += n;
    }
    return u;
}

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

static int valid(const char *s)
{
    int u = utf16_units(s);
    size_t n = strlen(s);
    return u >= 1 && u <= 31 && !strpbrk(s, "[]:*?/\\") && s[0] != '\'' &&
           s[n - 1] != '\'';
}

static const char *make(struct sp_xnames *names, const char *raw)
{
    static char out[SP_XLSX_NAME_SIZE];
    if (!sp_xnames_make(names, raw, "Scenario", out))
        abort();
    return out;
}

static void test_plain(void)
{
    struct sp_xnames n = {0};
    const char *s;

    is_str(make(&n, "optimal"), "optimal", "a short name is kept");
    is_str(make(&n, "OPTIMAL"), "OPTIMAL (2)", "same name ignoring case");
    is_str(make(&n, "a/b:c*?[x]"), "a_b_c___x_", "forbidden characters");
    is_str(make(&n, "'quoted'"), "quoted", "apostrophes at the ends");
    is_str(make(&n, "O'Brien's pick"), "O'Brien's pick", "inner apostrophe");
    is_str(make(&n, "history"), "history (2)", "History is reserved");
    is_str(make(&n, ""), "Scenario", "empty name: the fallback");
    is_str(make(&n, "''"), "Scenario (2)", "only apostrophes: fallback");
    s = make(&n, "A very long scenario name that goes on and on past "
                 "thirty-one characters");
    ok(valid(s), "long name valid: %s", s);
    ok(utf16_units(s) == 31, "long name uses the 31 units");
    ok(strncmp(s, "A very long scenario", 20) == 0, "keeps its start: %s", s);
    ok(ends_with(s, "characters"), "keeps its end: %s", s);
    ok(strstr(s, "\xE2\x80\xA6") != NULL, "an ellipsis marks the cut");
    s = make(&n, "A very long scenario name that goes on and on past "
                 "thirty-one characters");
    ok(valid(s) && ends_with(s, " (2)"), "the same long name again: %s", s);
    ok(strstr(s, "characters") != NULL, "and it keeps the end: %s", s);
    sp_xnames_clear(&n);
}

static void test_sweep(void)
{
    struct sp_xnames n = {0};
    const char *s;
    char first[SP_XLSX_NAME_SIZE];

    s = make(&n, "Sophos price (price_change.SO-EDR=0.05)");
    is_str(s, "Sophos price (SO-EDR=0.05)", "the setting path is dropped");
    s = make(&n, "Sophos price (price_change.SO-EDR=0.1)");
    is_str(s, "Sophos price (SO-EDR=0.1)", "another value, another name");
    s = make(&n, "Sophos price (price_change.Sophos Intercept X Advanced "
                 "for Server=1.05)");
    ok(valid(s) && ends_with(s, "=1.05)"), "long key: value kept: %s", s);
    ok(strncmp(s, "Sophos", 6) == 0 && strstr(s, " (Sophos Intercep"),
       "long key: base and start of the key: %s", s);
    snprintf(first, sizeof(first), "%s", s);
    s = make(&n, "Sophos price (price_change.Sophos Intercept X Advanced "
                 "for Server=1.1)");
    ok(valid(s) && ends_with(s, "=1.1)") && strcmp(s, first) != 0,
       "a second value of the long key differs: %s", s);
    s = make(&n, "A scenario with a rather long name of its own "
                 "(horizon_months=24)");
    ok(valid(s) && ends_with(s, "(horizon_months=24)"),
       "long base: cut, the setting and value kept: %s", s);
    s = make(&n, "A scenario with a rather long name of its own "
                 "(horizon_months=24) #2");
    ok(valid(s) && ends_with(s, "=24) #2"), "the #k suffix is kept: %s", s);
    s = make(&n, "A scenario with a rather long name of its own "
                 "(horizon_months=24)");
    ok(valid(s) && ends_with(s, "=24) (2)"),
       "a taken sweep name keeps its value before (2): %s", s);
    sp_xnames_clear(&n);
}

static void test_unicode(void)
{
    struct sp_xnames n = {0};
    char raw[400] = "";
    const char *s;
    int i;

    for (i = 0; i < 40; i++)
        strcat(raw, "\xF0\x9F\x94\x92"); /* U+1F512: two UTF-16 units */
    s = make(&n, raw);
    ok(valid(s), "40 characters outside the BMP: valid UTF-8, <= 31 units");
    snprintf(raw, sizeof(raw),
             "Prix \xC3\xA9t\xC3\xA9 "
             "(price_change.\xC3\x89l\xC3\xA9ment "
             "tr\xC3\xA8s long produit=0.05)");
    s = make(&n, raw);
    ok(valid(s) && ends_with(s, "=0.05)"), "accented sweep name: %s", s);
    sp_xnames_clear(&n);
}

/* Many generated names: every result valid and unique ignoring case. */
static void test_many(void)
{
    static const char *const parts[] = {"Sophos",
                                        " price",
                                        " (",
                                        "price_change.",
                                        "SO-EDR",
                                        "=",
                                        "0.05",
                                        ")",
                                        " #2",
                                        "/",
                                        "'",
                                        "\xC3\xA9",
                                        "\xF0\x9F\x94\x92",
                                        "History",
                                        " very long words here",
                                        "*"};
    struct sp_xnames n = {0};
    char got[300][SP_XLSX_NAME_SIZE];
    int i, j, bad = 0, dup = 0;
    unsigned seed = 7;

    for (i = 0; i < 300; i++) {
        char raw[600] = "";
        int len = (int)(seed % 12);
        for (j = 0; j < len; j++) {
            seed = seed * 1103515245u + 12345u;
            strcat(raw, parts[(seed >> 16) % 16]);
        }
        seed = seed * 1103515245u + 12345u;
        snprintf(got[i], SP_XLSX_NAME_SIZE, "%s", make(&n, raw));
        if (!valid(got[i]))
            bad++;
    }
    for (i = 0; i < 300; i++)
        for (j = 0; j < i; j++)
            if (strcasecmp(got[i], got[j]) == 0)
                dup++;
    ok(bad == 0, "300 generated names are valid (%d bad)", bad);
    ok(dup == 0, "300 generated names are unique (%d twice)", dup);
    sp_xnames_clear(&n);
}

int main(void)
{
    test_plain();
    test_sweep();
    test_unicode();
    test_many();
    return done_testing();
}
