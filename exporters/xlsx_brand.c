/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a client reads instead of internal names: plain category labels,
 * the unit a price is per, and dates a number of days on.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "xlsx_prop_int.h"

/* Categories as an MSP's clients know them; others are spelled out from
 * their names ("dns_filter" -> "Dns filter"). */
static const struct {
    const char *name, *label;
} labels[] = {
    {"email", "Email security"},
    {"endpoint", "Endpoint protection"},
    {"backup", "Server backup"},
    {"m365_backup", "Microsoft 365 backup"},
    {"mdr", "Managed detection and response"},
    {"edr", "Endpoint detection and response"},
    {"xdr", "Extended detection and response"},
    {"awareness", "Security awareness training"},
    {"security_awareness", "Security awareness training"},
    {"dns_filter", "DNS filtering"},
    {"dns_filtering", "DNS filtering"},
    {"archiving", "Email archiving"},
    {"itdr", "Identity threat detection"},
    {"siem", "Security monitoring (SIEM)"},
    {"mfa", "Multi-factor authentication"},
    {"password_manager", "Password manager"},
    {"firewall", "Firewall"},
    {"vulnerability_management", "Vulnerability management"},
    {"patching", "Patch management"},
    {"rmm", "Remote monitoring and management"},
};

const char *sp_xcategory_label(const char *category, char *buf, size_t size)
{
    size_t i;

    for (i = 0; i < sizeof(labels) / sizeof(*labels); i++)
        if (strcmp(labels[i].name, category) == 0)
            return labels[i].label;
    snprintf(buf, size, "%s", category);
    for (i = 0; buf[i]; i++)
        if (buf[i] == '_')
            buf[i] = ' ';
    if (buf[0])
        buf[0] = (char)toupper((unsigned char)buf[0]);
    return buf;
}

const char *sp_xcategory_phrase(const char *category, char *buf, size_t size)
{
    const char *label = sp_xcategory_label(category, buf, size);

    if (label != buf)
        snprintf(buf, size, "%s", label);
    if (buf[0] && buf[1] && islower((unsigned char)buf[1]) &&
        strncmp(buf, "Microsoft", 9) != 0)
        buf[0] = (char)tolower((unsigned char)buf[0]);
    return buf;
}

void sp_xprop_labels(const struct sp_problem *pb, int p, struct sp_xbuf *b)
{
    char buf[128];
    int i;

    for (i = 0; i < pb->products[p].ncovers; i++)
        sp_xbuf_item(
            b, ", ",
            sp_xcategory_label(pb->categories[pb->products[p].covers[i]], buf,
                               sizeof(buf)));
}

const char *sp_xunit_word(enum sp_unit unit)
{
    switch (unit) {
    case SP_UNIT_USER:
        return "per user";
    case SP_UNIT_DEVICE:
        return "per device";
    case SP_UNIT_SERVER:
        return "per server";
    case SP_UNIT_TB:
        return "per TB";
    default:
        return "flat";
    }
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct sp_date sp_xdate_add_days(struct sp_date d, int days)
{
    long z = days_from_civil(d.year, d.month, d.day) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    struct sp_date out;

    out.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    out.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    out.year = (int)(yoe + era * 400 + (out.month <= 2));
    return out;
}

double sp_xcents(double v)
{
    /* half away from zero, as an invoice rounds */
    double c = v * 100;
    c = c < 0 ? -(double)(long long)(-c + 0.5 + 1e-9)
              : (double)(long long)(c + 0.5 + 1e-9);
    return c / 100;
}
