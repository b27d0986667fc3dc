/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Dates in exports (docs/import.md): ISO YYYY-MM-DD always, else the
 * profile's order (mdy, dmy, ymd) with '/', '.' or '-' between the parts
 * (one separator throughout), day and month with one or two digits, the
 * year with four.  A time after the date ("6/30/2024 12:00:00 AM",
 * "2024-06-30T00:00:00Z") is ignored.  A two-digit year is an error,
 * never a guess of the century.
 */
#include <stdio.h>
#include <string.h>
#include "import_int.h"

const char *sp_import_date_form(enum sp_date_order order)
{
    switch (order) {
    case SP_DATE_MDY:
        return "M/D/YYYY";
    case SP_DATE_DMY:
        return "D/M/YYYY";
    default:
        return "YYYY-MM-DD";
    }
}

/* Reads a run of digits; returns how many (0 = none). */
static int digits(const char *s, size_t *i, int *value)
{
    int n = 0;

    *value = 0;
    while (s[*i] >= '0' && s[*i] <= '9') {
        if (n < 6)
            *value = *value * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n;
}

enum sp_import_date_result sp_import_date_parse(const char *s,
                                                enum sp_date_order order,
                                                struct sp_date *out)
{
    int v[3], n[3], y, m, d, k;
    size_t i = 0;
    char sep = 0, iso[16];

    for (k = 0; k < 3; k++) {
        n[k] = digits(s, &i, &v[k]);
        if (n[k] == 0)
            return SP_IDATE_BAD;
        if (k == 2)
            break;
        if (s[i] != '/' && s[i] != '.' && s[i] != '-')
            return SP_IDATE_BAD;
        if (sep && s[i] != sep)
            return SP_IDATE_BAD;
        sep = s[i++];
    }
    /* A time or nothing may follow; "30.06.2024." is allowed too. */
    if (s[i] == '.' && sep == '.')
        i++;
    if (s[i] != '\0' && s[i] != ' ' && s[i] != 'T')
        return SP_IDATE_BAD;
    if (n[0] == 4 && sep == '-') {
        /* ISO, whatever the profile's order */
        y = v[0];
        m = v[1];
        d = v[2];
        if (n[1] > 2 || n[2] > 2)
            return SP_IDATE_BAD;
    } else if (order == SP_DATE_YMD) {
        if (n[0] == 2)
            return SP_IDATE_TWO_DIGIT_YEAR;
        if (n[0] != 4 || n[1] > 2 || n[2] > 2)
            return SP_IDATE_BAD;
        y = v[0];
        m = v[1];
        d = v[2];
    } else {
        if (n[0] > 2 || n[1] > 2)
            return SP_IDATE_BAD;
        if (n[2] == 2)
            return SP_IDATE_TWO_DIGIT_YEAR;
        if (n[2] != 4)
            return SP_IDATE_BAD;
        y = v[2];
        m = order == SP_DATE_MDY ? v[0] : v[1];
        d = order == SP_DATE_MDY ? v[1] : v[0];
    }
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return SP_IDATE_BAD;
    snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, d);
    /* sp_date_parse checks the day exists in the month (and the year). */
    return sp_date_parse(iso, out) ? SP_IDATE_OK : SP_IDATE_BAD;
}
