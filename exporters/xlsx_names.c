/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Safe, unique sheet names.  Excel refuses a sheet name longer than 31
 * characters (UTF-16 units), holding any of []:*?/\, starting or ending
 * with an apostrophe, equal to another sheet's name ignoring case, or
 * named "History".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_int.h"

#define SP_SHEET_UNITS 31

/* Length in bytes of the UTF-8 sequence starting with lead byte c; a
 * stray continuation or invalid byte counts as one. */
static size_t seq_len(unsigned char c)
{
    if (c >= 0xF0 && c < 0xF8)
        return 4;
    if (c >= 0xE0)
        return c < 0xF0 ? 3 : 1;
    if (c >= 0xC0)
        return 2;
    return 1;
}

/* Copies at most units UTF-16 units of src into dst (size
 * SP_XLSX_NAME_SIZE), replacing forbidden characters. */
static void clean(const char *src, size_t units, char *dst)
{
    size_t i = 0, j = 0, used = 0;

    while (src[i] && used < units) {
        unsigned char c = (unsigned char)src[i];
        size_t n = seq_len(c), k;
        size_t u = n == 4 ? 2 : 1; /* outside the BMP: a surrogate pair */

        for (k = 1; k < n; k++)
            if (!src[i + k])
                n = k; /* truncated sequence at the end */
        if (used + u > units || j + n + 1 > SP_XLSX_NAME_SIZE)
            break;
        /* a single byte >= 0x7F is DEL or not valid UTF-8 */
        if (n == 1 && (c < 0x20 || c >= 0x7F || strchr("[]:*?/\\", c)))
            dst[j++] = '_';
        else
            for (k = 0; k < n; k++)
                dst[j++] = src[i + k];
        i += n;
        used += u;
    }
    dst[j] = '\0';
}

static void strip_apostrophes(char *s)
{
    size_t n = strlen(s), start = 0;

    while (n > 0 && s[n - 1] == '\'')
        s[--n] = '\0';
    while (s[start] == '\'')
        start++;
    memmove(s, s + start, n - start + 1);
}

static int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

static bool taken(const struct sp_xnames *self, const char *name)
{
    int i;

    if (ascii_casecmp(name, "History") == 0)
        return true;
    for (i = 0; i < self->n; i++)
        if (ascii_casecmp(self->name[i], name) == 0)
            return true;
    return false;
}

bool sp_xnames_make(struct sp_xnames *self, const char *raw,
                    const char *fallback, char *out)
{
    char base[SP_XLSX_NAME_SIZE], suffix[16];
    int k;

    clean(raw ? raw : "", SP_SHEET_UNITS, base);
    strip_apostrophes(base);
    if (!base[0])
        clean(fallback, SP_SHEET_UNITS, base);
    snprintf(out, SP_XLSX_NAME_SIZE, "%s", base);
    for (k = 2; taken(self, out); k++) {
        char cut[SP_XLSX_NAME_SIZE];
        int n = snprintf(suffix, sizeof(suffix), " (%d)", k);
        /* shorten the base so base + suffix stays within 31 units */
        clean(base, SP_SHEET_UNITS - (size_t)n, cut);
        strip_apostrophes(cut);
        size_t lc = strlen(cut), ls = strlen(suffix);
        if (lc + ls >= SP_XLSX_NAME_SIZE)
            lc = SP_XLSX_NAME_SIZE - 1 - ls; /* cannot happen: 27 units */
        memcpy(out, cut, lc);
        memcpy(out + lc, suffix, ls + 1);
    }
    if (self->n == self->cap) {
        int cap = self->cap ? self->cap * 2 : 16;
        char(*grown)[SP_XLSX_NAME_SIZE] =
            realloc(self->name, (size_t)cap * sizeof(*grown));
        if (!grown)
            return false;
        self->name = grown;
        self->cap = cap;
    }
    memcpy(self->name[self->n++], out, SP_XLSX_NAME_SIZE);
    return true;
}

void sp_xnames_clear(struct sp_xnames *self)
{
    free(self->name);
    memset(self, 0, sizeof(*self));
}
