/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendar dates: YYYY-MM-DD only, real dates only. */
#include "../tap.h"
#include "core_int.h"

static void valid(const char *s, int y, int m, int d)
{
    struct sp_date out = {0, 0, 0};
    char buf[11];

    ok(sp_date_parse(s, &out), "'%s' is a date", s);
    ok(out.year == y && out.month == m && out.day == d, "'%s' is %d-%d-%d", s,
       y, m, d);
    sp_date_format(&out, buf);
    is_str(buf, s, "'%s' formats back the same", s);
}

static void invalid(const char *s)
{
    struct sp_date out = {7, 7, 7};

    ok(!sp_date_parse(s, &out), "'%s' is not a date", s);
    ok(out.year == 7 && out.month == 7 && out.day == 7,
       "'%s' leaves the output alone", s);
}

static void plus(const char *from, int months, const char *want)
{
    struct sp_date d;
    char buf[11];

    sp_date_parse(from, &d);
    d = sp_date_add_months(&d, months);
    sp_date_format(&d, buf);
    is_str(buf, want, "%s + %d months is %s", from, months, want);
}

int main(void)
{
    struct sp_date a, b, t;
    char buf[11];

    valid("2027-01-01", 2027, 1, 1);
    valid("2027-12-31", 2027, 12, 31);
    valid("2024-02-29", 2024, 2, 29); /* divisible by 4 */
    valid("2000-02-29", 2000, 2, 29); /* divisible by 400 */
    valid("2027-04-30", 2027, 4, 30);
    invalid("2023-02-29"); /* not a leap year */
    invalid("1900-02-29"); /* divisible by 100, not 400 */
    invalid("2027-04-31");
    invalid("2027-13-01");
    invalid("2027-00-10");
    invalid("2027-01-00");
    invalid("2027-01-32");
    invalid("2027-1-01");
    invalid("2027/01/01");
    invalid("01.01.2027");
    invalid("12/31/2027");
    invalid("2027-01-01 ");
    invalid(" 2027-01-01");
    invalid("2027-01-01T00:00");
    invalid("");
    invalid("abcd-ef-gh");
    invalid("1899-12-31");

    ok(sp_date_parse("2027-01-31", &a) && sp_date_parse("2027-02-01", &b),
       "two dates");
    ok(sp_date_cmp(&a, &b) < 0, "Jan 31 < Feb 1");
    ok(sp_date_cmp(&b, &a) > 0, "Feb 1 > Jan 31");
    ok(sp_date_cmp(&a, &a) == 0, "a date equals itself");
    ok(sp_date_parse("2026-12-31", &b) && sp_date_cmp(&b, &a) < 0,
       "the year decides first");
    ok(sp_date_parse("2027-01-30", &b) && sp_date_cmp(&b, &a) < 0,
       "then the day");

    t = sp_date_today();
    sp_date_format(&t, buf);
    ok(sp_date_parse(buf, &a) && sp_date_cmp(&a, &t) == 0,
       "today (%s) is a valid date", buf);
    /* start dates of delayed adoptions (docs/model.md): the day is
     * clamped to the month reached */
    plus("2027-01-01", 0, "2027-01-01");
    plus("2027-01-01", 18, "2028-07-01");
    plus("2027-01-31", 1, "2027-02-28");
    plus("2028-01-31", 1, "2028-02-29");
    plus("2027-08-31", 13, "2028-09-30");
    plus("2027-12-15", 1, "2028-01-15");
    plus("2027-03-31", 36, "2030-03-31");
    plus("2027-03-15", -3, "2026-12-15");
    return done_testing();
}
