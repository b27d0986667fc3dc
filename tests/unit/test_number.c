/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers, lists, names and units as docs/formats.md reads them. */
#include <stdlib.h>
#include "../tap.h"
#include "importers_int.h"

/* Checks that s reads as want in a file with delimiter delim. */
static void reads(const char *s, char delim, double want)
{
    double v = -12345;
    enum sp_number_result r = sp_number_parse(s, delim, &v);

    ok(r == SP_NUMBER_OK, "'%s' in a '%c' file is a number", s, delim);
    is_num(v, want, 1e-12, "'%s' in a '%c' file is %g", s, delim, want);
}

static void fails(const char *s, char delim, enum sp_number_result want)
{
    double v = -12345;
    enum sp_number_result r = sp_number_parse(s, delim, &v);

    ok(r == want, "'%s' in a '%c' file is refused (result %d, want %d)", s,
       delim, (int)r, (int)want);
    is_num(v, -12345, 0, "'%s': the output is left alone", s);
}

static void test_numbers(void)
{
    /* Plain numbers and currency marks. */
    reads("42", ',', 42);
    reads("  3.5 ", ',', 3.5);
    reads("0.25", ';', 0.25);
    reads("$1,234.50", ',', 1234.5);
    reads("1.234,50", ';', 1234.5);
    reads("1.234,50", ',', 1234.5);
    reads("EUR 12", ',', 12);
    reads("12 CHF", ',', 12);
    reads("12 chf", ';', 12);
    reads("\xE2\x82\xAC 6,50", ';', 6.5);
    reads("\xC2\xA3"
          "99",
          ',', 99);
    reads("USD 1 234.50", ',', 1234.5);
    reads("1\xC2\xA0"
          "234,50",
          ';', 1234.5); /* no-break space groups */
    reads("-$5", ',', -5);
    reads("$-5", ',', -5);
    reads("+7", ',', 7);
    reads(".5", ',', 0.5);
    reads("1.5E+03", ',', 1500);
    reads("2e-2", ',', 0.02);
    /* Only ',' in a ';' file: the decimal comma. */
    reads("3,00", ';', 3);
    reads("1,234", ';', 1.234);
    reads("1234,5", ';', 1234.5);
    /* Only ',' in a ',' file: groups of three, or one or two decimals. */
    reads("1,234", ',', 1234);
    reads("1,234,567", ',', 1234567);
    reads("3,50", ',', 3.5);
    reads("3,5", ',', 3.5);
    reads("0,5", ',', 0.5);
    /* Only '.': a decimal point, or groups when there are several. */
    reads("1.234", ',', 1.234);
    reads("1234.567", ';', 1234.567);
    reads("0.125", ';', 0.125);
    reads("1.234.567", ';', 1234567);
    reads("-0", ',', 0);

    fails("", ',', SP_NUMBER_EMPTY);
    fails("   ", ';', SP_NUMBER_EMPTY);
    fails("abc", ',', SP_NUMBER_BAD);
    fails("1,2345", ',', SP_NUMBER_AMBIGUOUS);
    fails("0,500", ',', SP_NUMBER_AMBIGUOUS);
    fails("1.234", ';', SP_NUMBER_AMBIGUOUS);
    fails("12,3,4", ',', SP_NUMBER_BAD);
    fails("1,234,5", ',', SP_NUMBER_BAD);
    fails("1,234,567", ';', SP_NUMBER_BAD);
    fails("1,23.5", ',', SP_NUMBER_BAD);
    fails("1.234.5,6", ';', SP_NUMBER_BAD);
    fails("1.2.3", ',', SP_NUMBER_BAD);
    fails("1.234,5.6", ',', SP_NUMBER_BAD);
    fails("12.", ',', SP_NUMBER_BAD);
    fails(".", ',', SP_NUMBER_BAD);
    fails("-", ',', SP_NUMBER_BAD);
    fails("$", ',', SP_NUMBER_BAD);
    fails("$12 USD", ',', SP_NUMBER_BAD);
    fails("12$34", ',', SP_NUMBER_BAD);
    fails("1'234.50", ',', SP_NUMBER_BAD);
    fails("(5)", ',', SP_NUMBER_BAD);
    fails("5-", ',', SP_NUMBER_BAD);
    fails("--5", ',', SP_NUMBER_BAD);
    fails("1e", ',', SP_NUMBER_BAD);
    fails("0x10", ',', SP_NUMBER_BAD);
    fails("12%", ',', SP_NUMBER_BAD);
    fails("nan", ',', SP_NUMBER_NOT_FINITE);
    fails("NaN", ';', SP_NUMBER_NOT_FINITE);
    fails("inf", ',', SP_NUMBER_NOT_FINITE);
    fails("-Infinity", ',', SP_NUMBER_NOT_FINITE);
    fails("1e999", ',', SP_NUMBER_NOT_FINITE);
}

static void test_rules(void)
{
    char msg[256] = "";
    double v = 0;

    ok(sp_number_read("-1", ',', SP_NUMBER_NONNEG, &v, msg, sizeof(msg)) ==
           SP_NUMBER_BAD,
       "-1 is refused where negatives are");
    is_str(msg, "expected a non-negative number, got \"-1\"",
           "the message says what was expected and found");
    ok(sp_number_read("-1", ',', SP_NUMBER_ANY, &v, msg, sizeof(msg)) ==
           SP_NUMBER_OK,
       "-1 is read where negatives are allowed");
    is_num(v, -1, 0, "as -1");
    ok(sp_number_read("2.5", ',', SP_NUMBER_WHOLE_NONNEG, &v, msg,
                      sizeof(msg)) == SP_NUMBER_BAD,
       "2.5 is not a whole number");
    ok(sp_number_read("3", ',', SP_NUMBER_WHOLE_NONNEG, &v, msg,
                      sizeof(msg)) == SP_NUMBER_OK,
       "3 is a whole number");
    ok(sp_number_read("nan", ',', SP_NUMBER_NONNEG, &v, msg, sizeof(msg)) ==
           SP_NUMBER_NOT_FINITE,
       "nan is refused");
    is_str(msg, "expected a non-negative number, got \"nan\"", "nan: message");
    ok(sp_number_read("inf", ',', SP_NUMBER_ANY, &v, msg, sizeof(msg)) ==
           SP_NUMBER_NOT_FINITE,
       "inf is refused");
    is_str(msg, "expected a finite number, got \"inf\"", "inf: message");
    ok(sp_number_read("1,2345", ',', SP_NUMBER_NONNEG, &v, msg, sizeof(msg)) ==
           SP_NUMBER_AMBIGUOUS,
       "1,2345 is ambiguous");
    ok(strstr(msg, "got \"1,2345\" (ambiguous") != NULL,
       "the message says it is ambiguous: %s", msg);
    msg[0] = 'x';
    msg[1] = '\0';
    ok(sp_number_read("", ',', SP_NUMBER_NONNEG, &v, msg, sizeof(msg)) ==
           SP_NUMBER_EMPTY,
       "an empty field is reported as empty");
    is_str(msg, "x", "and leaves the message alone");
}

static void split(const char *s, char delim, int want_n,
                  const char *const *want)
{
    char **items = NULL;
    int n = -1, i;
    enum sp_status st = sp_list_split(s, delim, &items, &n, NULL);

    ok(st == SP_OK, "list '%s' in a '%c' file splits", s, delim);
    ok(n == want_n, "into %d items (got %d)", want_n, n);
    for (i = 0; i < n && i < want_n; i++)
        is_str(items[i], want[i], "item %d", i);
    sp_list_free(items, n);
}

static void test_lists(void)
{
    static const char *const three[] = {"email", "endpoint", "backup"};
    static const char *const two[] = {"email", "m365_backup"};
    static const char *const pipe[] = {"email;endpoint"};
    char **items = NULL;
    const char *bad = NULL;
    int n = 0;

    split("email;endpoint;backup", ',', 3, three);
    split("email|endpoint|backup", ',', 3, three);
    split(" Email ; ENDPOINT| backup ", ',', 3, three);
    split("email|endpoint|backup", ';', 3, three);
    split("email;;email|M365 Backup|m365-backup;", ',', 2, two);
    split("", ',', 0, NULL);
    split(" ; | ", ',', 0, NULL);

    ok(sp_list_split("email;endpoint", ';', &items, &n, &bad) == SP_ERR_INPUT,
       "';' is no list separator in a ';' file");
    is_str(bad, pipe[0], "the bad item is named");
    sp_list_free(items, n);
    ok(sp_list_split("email,endpoint", ',', &items, &n, &bad) == SP_ERR_INPUT,
       "',' is no list separator");
    is_str(bad, "email,endpoint", "the bad item is named");
    sp_list_free(items, n);
}

static void normalises(const char *s, const char *want)
{
    char *got = sp_name_normalize(s);

    is_str(got, want, "'%s' normalises to '%s'", s, want);
    free(got);
}

static void test_names(void)
{
    enum sp_unit u = SP_UNIT_COUNT;

    normalises("M365 Backup", "m365_backup");
    normalises("m365_backup", "m365_backup");
    normalises("  M365 - backup ", "m365_backup");
    normalises("DNS-Filter", "dns_filter");
    normalises("Min Units", "min_units");
    normalises("monthly_cost", "monthly_cost");
    normalises("", "");

    ok(sp_unit_parse("user", &u) && u == SP_UNIT_USER, "user");
    ok(sp_unit_parse(" Users ", &u) && u == SP_UNIT_USER, "Users");
    ok(sp_unit_parse("DEVICE", &u) && u == SP_UNIT_DEVICE, "DEVICE");
    ok(sp_unit_parse("servers", &u) && u == SP_UNIT_SERVER, "servers");
    ok(sp_unit_parse("TB", &u) && u == SP_UNIT_TB, "TB");
    ok(sp_unit_parse("flat", &u) && u == SP_UNIT_FLAT, "flat");
    ok(!sp_unit_parse("seat", &u), "seat is no unit");
    ok(!sp_unit_parse("", &u), "nothing is no unit");
    ok(!sp_unit_parse("user device", &u), "two words are no unit");
    ok(!sp_unit_parse("averyveryverylongunitname", &u), "a long word");
}

int main(void)
{
    test_numbers();
    test_rules();
    test_lists();
    test_names();
    return done_testing();
}
