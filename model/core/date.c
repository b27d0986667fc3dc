/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendar dates as YYYY-MM-DD. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "core_int.h"

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool sp_date_parse(const char *s, struct sp_date *out)
{
    int i;
    struct sp_date d;

    /* Exactly YYYY-MM-DD: a real date, nothing guessed. */
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
             (s[3] - '0');
    d.month = (s[5] - '0') * 10 + (s[6] - '0');
    d.day = (s[8] - '0') * 10 + (s[9] - '0');
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month))
        return false;
    *out = d;
    return true;
}

void sp_date_format(const struct sp_date *d, char buf[11])
{
    char tmp[48];

    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", d->year, d->month, d->day);
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
}

int sp_date_cmp(const struct sp_date *a, const struct sp_date *b)
{
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->month != b->month)
        return a->month < b->month ? -1 : 1;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return 0;
}

struct sp_date sp_date_add_months(const struct sp_date *d, int months)
{
    struct sp_date r = *d;
    int m0 = d->month - 1 + months;

    /* floor division, so that a negative count also works */
    r.year = d->year + (m0 >= 0 ? m0 / 12 : -((11 - m0) / 12));
    r.month = m0 - (r.year - d->year) * 12 + 1;
    if (r.day > days_in_month(r.year, r.month))
        r.day = days_in_month(r.year, r.month);
    return r;
}

struct sp_date sp_date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    struct sp_date d = {1970, 1, 1};

    if (gmtime_r(&now, &tm)) {
        d.year = tm.tm_year + 1900;
        d.month = tm.tm_mon + 1;
        d.day = tm.tm_mday;
    }
    return d;
}
