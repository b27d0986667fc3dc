/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One field at a time: numbers, lists, names and units by the rules of
 * docs/formats.md.  A number is read only when its separators allow one
 * reading; everything else is an error, never a guess.
 */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "importers_int.h"

/* Longest number accepted, spaces and currency removed. */
#define NUMBER_MAX 64

static const char *const currencies[] = {
    "$", "\xE2\x82\xAC", "\xC2\xA3", "usd", "eur", "gbp", "chf"};

/* Length of a currency sign or code at the start of s (case-insensitive),
 * or 0. */
static size_t currency_prefix(const char *s)
{
    size_t i, n;

    for (i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++) {
        n = strlen(currencies[i]);
        if (strncasecmp(s, currencies[i], n) == 0)
            return n;
    }
    return 0;
}

/* Length of a currency sign or code at the end of s (length len), or 0. */
static size_t currency_suffix(const char *s, size_t len)
{
    size_t i, n;

    for (i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++) {
        n = strlen(currencies[i]);
        if (n <= len && strncasecmp(s + len - n, currencies[i], n) == 0)
            return n;
    }
    return 0;
}

/* Copies s without spaces (ASCII, tab, no-break and narrow no-break
 * spaces, which spreadsheets use to group thousands); false when too
 * long. */
static bool strip_spaces(const char *s, char *out, size_t size)
{
    size_t o = 0;

    while (*s) {
        if (*s == ' ' || *s == '\t') {
            s++;
        } else if ((unsigned char)s[0] == 0xC2 &&
                   (unsigned char)s[1] == 0xA0) {
            s += 2;
        } else if ((unsigned char)s[0] == 0xE2 &&
                   (unsigned char)s[1] == 0x80 &&
                   ((unsigned char)s[2] == 0xAF ||
                    (unsigned char)s[2] == 0x89)) {
            s += 3;
        } else {
            if (o + 1 >= size)
                return false;
            out[o++] = *s++;
        }
    }
    out[o] = '\0';
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Is s[0..n) an integer grouped in threes by sep ("1,234,567")?  The
 * first group has 1-3 digits and does not start with 0; at least one
 * separator. */
static bool grouped(const char *s, size_t n, char sep)
{
    size_t i = 0, head = 0, groups = 0;

    while (i < n && isdigit((unsigned char)s[i])) {
        i++;
        head++;
    }
    if (head < 1 || head > 3 || s[0] == '0')
        return false;
    while (i < n) {
        if (s[i] != sep || i + 4 > n || !all_digits(s + i + 1, 3))
            return false;
        i += 4;
        groups++;
    }
    return groups > 0;
}

/* Appends the digits of s[0..n) without sep to out. */
static void append_digits(char *out, size_t *o, const char *s, size_t n,
                          char sep)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] != sep)
            out[(*o)++] = s[i];
}

/*
 * The separator rules on a mantissa of digits, '.' and ','.  Writes the
 * integer digits to ip (length *in) and the decimals to fp (*fn).
 */
static enum sp_number_result split_mantissa(const char *m, char delim,
                                            char *ip, size_t *in, char *fp,
                                            size_t *fn)
{
    size_t n = strlen(m), i, ndot = 0, ncom = 0, dec = n;
    const char *ldot = strrchr(m, '.'), *lcom = strrchr(m, ',');
    char dsep = 0, gsep = 0;

    *in = *fn = 0;
    for (i = 0; i < n; i++) {
        if (m[i] == '.')
            ndot++;
        else if (m[i] == ',')
            ncom++;
        else if (!isdigit((unsigned char)m[i]))
            return SP_NUMBER_BAD;
    }
    if (ndot && ncom) {
        /* Both: the last one is the decimal separator. */
        dsep = ldot > lcom ? '.' : ',';
        gsep = dsep == '.' ? ',' : '.';
        if ((dsep == '.' ? ndot : ncom) != 1)
            return SP_NUMBER_BAD;
        dec = (size_t)((dsep == '.' ? ldot : lcom) - m);
        if (!grouped(m, dec, gsep))
            return SP_NUMBER_BAD;
    } else if (ncom) {
        if (delim == ';') {
            /* In a ';' file a ',' is the decimal comma. */
            if (ncom != 1)
                return SP_NUMBER_BAD;
            dec = (size_t)(lcom - m);
        } else if (grouped(m, n, ',')) {
            gsep = ',';
        } else if (ncom == 1 && n - (size_t)(lcom - m) - 1 >= 1 &&
                   n - (size_t)(lcom - m) - 1 <= 2) {
            dec = (size_t)(lcom - m);
        } else {
            return ncom == 1 ? SP_NUMBER_AMBIGUOUS : SP_NUMBER_BAD;
        }
    } else if (ndot == 1) {
        dec = (size_t)(ldot - m);
        /* In a ';' file "1.234" may be 1234 (a European thousands dot)
         * or 1.234; refuse to pick. */
        if (delim == ';' && n - dec - 1 == 3 && dec >= 1 && dec <= 3 &&
            m[0] != '0')
            return SP_NUMBER_AMBIGUOUS;
    } else if (ndot > 1) {
        if (!grouped(m, n, '.'))
            return SP_NUMBER_BAD;
        gsep = '.';
    }
    if (dec < n) {
        /* Decimals: one digit at least; the integer part may be empty
         * (".5"). */
        if (n - dec - 1 == 0 || !all_digits(m + dec + 1, n - dec - 1))
            return SP_NUMBER_BAD;
        append_digits(fp, fn, m + dec + 1, n - dec - 1, 0);
    }
    append_digits(ip, in, m, dec, gsep);
    if (*in == 0 && *fn == 0)
        return SP_NUMBER_BAD;
    for (i = 0; i < *in; i++)
        if (!isdigit((unsigned char)ip[i]))
            return SP_NUMBER_BAD;
    return SP_NUMBER_OK;
}

enum sp_number_result sp_number_parse(const char *s, char delim, double *out)
{
    char buf[NUMBER_MAX], lower[NUMBER_MAX], mant[NUMBER_MAX];
    char ip[NUMBER_MAX], fp[NUMBER_MAX], norm[3 * NUMBER_MAX];
    const char *exp = NULL, *point;
    size_t len, k, in, fn, o = 0, i;
    bool neg = false, sign = false, cur = false;
    enum sp_number_result r;
    char *b = buf, *end;
    double v;

    if (!strip_spaces(s, buf, sizeof(buf)))
        return SP_NUMBER_BAD;
    if (buf[0] == '\0')
        return SP_NUMBER_EMPTY;
    /* A sign and one currency mark, in either order, may lead. */
    for (i = 0; i < 2; i++) {
        if (!sign && (*b == '-' || *b == '+')) {
            neg = *b == '-';
            sign = true;
            b++;
        } else if (!cur && (k = currency_prefix(b)) > 0) {
            cur = true;
            b += k;
        }
    }
    len = strlen(b);
    if (!cur && (k = currency_suffix(b, len)) > 0)
        b[len -= k] = '\0';
    for (i = 0; i <= len; i++)
        lower[i] = (char)tolower((unsigned char)b[i]);
    if (strcmp(lower, "nan") == 0 || strcmp(lower, "inf") == 0 ||
        strcmp(lower, "infinity") == 0)
        return SP_NUMBER_NOT_FINITE;
    /* An exponent, as spreadsheets write large numbers: 1.5E+06. */
    for (i = 0; i < len; i++)
        if (b[i] == 'e' || b[i] == 'E')
            break;
    if (i < len) {
        exp = b + i + 1;
        k = (*exp == '+' || *exp == '-') ? 1 : 0;
        if (exp[k] == '\0' || !all_digits(exp + k, strlen(exp + k)) ||
            strlen(exp) > 6)
            return SP_NUMBER_BAD;
    }
    memcpy(mant, b, i);
    mant[i] = '\0';
    r = split_mantissa(mant, delim, ip, &in, fp, &fn);
    if (r != SP_NUMBER_OK)
        return r;
    /* strtod reads the locale's decimal point; write that one. */
    point = localeconv()->decimal_point;
    if (neg)
        norm[o++] = '-';
    if (in == 0)
        norm[o++] = '0';
    memcpy(norm + o, ip, in);
    o += in;
    if (fn) {
        k = strlen(point);
        memcpy(norm + o, point, k);
        o += k;
        memcpy(norm + o, fp, fn);
        o += fn;
    }
    if (exp) {
        norm[o++] = 'e';
        k = strlen(exp);
        memcpy(norm + o, exp, k);
        o += k;
    }
    norm[o] = '\0';
    v = strtod(norm, &end);
    if (*end != '\0')
        return SP_NUMBER_BAD;
    if (!isfinite(v))
        return SP_NUMBER_NOT_FINITE;
    *out = v == 0 ? 0.0 : v; /* no -0 */
    return SP_NUMBER_OK;
}

enum sp_number_result sp_number_read(const char *s, char delim,
                                     enum sp_number_rule rule, double *out,
                                     char *msg, size_t size)
{
    enum sp_number_result r = sp_number_parse(s, delim, out);
    const char *want = rule == SP_NUMBER_ANY      ? "a number"
                       : rule == SP_NUMBER_NONNEG ? "a non-negative number"
                                                  : "a whole number (0 or "
                                                    "more)";
    const char *why = "";
    char got[96];

    if (r == SP_NUMBER_EMPTY)
        return r;
    if (r == SP_NUMBER_OK) {
        if (rule != SP_NUMBER_ANY && *out < 0)
            r = SP_NUMBER_BAD;
        else if (rule == SP_NUMBER_WHOLE_NONNEG && *out != floor(*out))
            r = SP_NUMBER_BAD;
        else
            return r;
    } else if (r == SP_NUMBER_NOT_FINITE) {
        if (rule == SP_NUMBER_ANY)
            want = "a finite number";
    } else if (r == SP_NUMBER_AMBIGUOUS) {
        why = delim == ';' ? " (ambiguous: '.' before three digits may "
                             "group thousands or mark decimals)"
                           : " (ambiguous: ',' groups thousands as in "
                             "1,234 or marks one or two decimals as in "
                             "3,50)";
    }
    sp_quote_value(s, got, sizeof(got));
    snprintf(msg, size, "expected %s, got %s%s", want, got, why);
    return r;
}

char *sp_strdup_trim(const char *s)
{
    size_t n;
    char *out;

    while (*s == ' ' || *s == '\t')
        s++;
    n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    out = malloc(n + 1);
    if (!out)
        return NULL;
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

static bool is_name_sep(char c)
{
    return c == ' ' || c == '\t' || c == '-' || c == '_';
}

char *sp_name_normalize(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    size_t o = 0;
    bool sep = false;

    if (!out)
        return NULL;
    while (is_name_sep(*s))
        s++;
    for (; *s; s++) {
        if (is_name_sep(*s)) {
            sep = true;
            continue;
        }
        if (sep)
            out[o++] = '_';
        sep = false;
        out[o++] = (char)tolower((unsigned char)*s);
    }
    out[o] = '\0';
    return out;
}

void sp_list_free(char **items, int n)
{
    int i;

    if (!items)
        return;
    for (i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

enum sp_status sp_list_split(const char *s, char delim, char ***items, int *n,
                             const char **bad)
{
    char **list = NULL, *item = NULL;
    const char *p = s, *q;
    int count = 0, i;
    size_t len, cap = 0;
    enum sp_status st = SP_OK;

    *items = NULL;
    *n = 0;
    if (bad)
        *bad = NULL;
    while (*p) {
        for (q = p; *q && *q != '|' && (delim == ';' || *q != ';'); q++)
            ;
        len = (size_t)(q - p);
        item = malloc(len + 1);
        if (!item) {
            st = SP_ERR_NOMEM;
            goto cleanup;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        p = *q ? q + 1 : q;
        {
            char *norm = sp_name_normalize(item);
            free(item);
            item = norm;
        }
        if (!item) {
            st = SP_ERR_NOMEM;
            goto cleanup;
        }
        if (item[0] == '\0') {
            free(item);
            item = NULL;
            continue;
        }
        for (i = 0; i < count; i++)
            if (strcmp(list[i], item) == 0)
                break;
        if (i < count) {
            free(item);
            item = NULL;
            continue;
        }
        if ((size_t)count == cap) {
            size_t cap2 = cap ? cap * 2 : 8;
            char **grown = realloc(list, cap2 * sizeof(*list));
            if (!grown) {
                st = SP_ERR_NOMEM;
                goto cleanup;
            }
            list = grown;
            cap = cap2;
        }
        list[count++] = item;
        /* A ',' (or a ';' in a ';' file) is no separator: the author
         * meant a list the file cannot hold this way. */
        if (st == SP_OK && (strchr(item, ',') || strchr(item, ';'))) {
            st = SP_ERR_INPUT;
            if (bad)
                *bad = item;
        }
        item = NULL;
    }

cleanup:
    free(item);
    if (st == SP_ERR_NOMEM) {
        sp_list_free(list, count);
        return st;
    }
    *items = list;
    *n = count;
    return st;
}

bool sp_unit_parse(const char *s, enum sp_unit *out)
{
    static const struct {
        const char *name;
        enum sp_unit unit;
    } units[] = {
        {"user", SP_UNIT_USER},     {"users", SP_UNIT_USER},
        {"device", SP_UNIT_DEVICE}, {"devices", SP_UNIT_DEVICE},
        {"server", SP_UNIT_SERVER}, {"servers", SP_UNIT_SERVER},
        {"tb", SP_UNIT_TB},         {"flat", SP_UNIT_FLAT},
    };
    char norm[16];
    size_t i, o = 0;

    /* Unit names are short and plain: no separators to normalise. */
    while (*s == ' ' || *s == '\t')
        s++;
    for (; *s && *s != ' ' && *s != '\t'; s++) {
        if (o + 1 >= sizeof(norm))
            return false;
        norm[o++] = (char)tolower((unsigned char)*s);
    }
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s)
        return false;
    norm[o] = '\0';
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(norm, units[i].name) == 0) {
            *out = units[i].unit;
            return true;
        }
    }
    return false;
}
