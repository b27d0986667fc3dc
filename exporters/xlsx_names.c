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
#define ELLIPSIS "\xE2\x80\xA6" /* U+2026, one UTF-16 unit */

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

/* Copies at most units UTF-16 units of src into dst (size bytes),
 * replacing forbidden characters. */
static void clean_n(const char *src, size_t units, char *dst, size_t size)
{
    size_t i = 0, j = 0, used = 0;

    while (src[i] && used < units) {
        unsigned char c = (unsigned char)src[i];
        size_t n = seq_len(c), k;
        size_t u = n == 4 ? 2 : 1; /* outside the BMP: a surrogate pair */

        for (k = 1; k < n; k++)
            if (!src[i + k])
                n = k; /* truncated sequence at the end */
        if (used + u > units || j + n + 1 > size)
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

static void clean(const char *src, size_t units, char *dst)
{
    clean_n(src, units, dst, SP_XLSX_NAME_SIZE);
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

/* Number of UTF-16 units of s. */
static size_t units_of(const char *s)
{
    size_t i = 0, u = 0;

    while (s[i]) {
        size_t n = seq_len((unsigned char)s[i]), k;
        for (k = 1; k < n; k++)
            if (!s[i + k])
                n = k;
        u += n == 4 ? 2 : 1;
        i += n;
    }
    return u;
}

/* Appends src cut to at most units UTF-16 units to dst (SP_XLSX_NAME_SIZE
 * bytes), with an ellipsis in the last unit when it had to cut. */
static void add_cut(char *dst, const char *src, size_t units)
{
    char part[SP_XLSX_NAME_SIZE];
    size_t len = strlen(dst);

    if (units_of(src) <= units) {
        snprintf(dst + len, SP_XLSX_NAME_SIZE - len, "%s", src);
        return;
    }
    if (units == 0)
        return;
    clean(src, units - 1, part);
    /* no space before the ellipsis: "Sophos…" not "Sophos …" */
    while (part[0] && part[strlen(part) - 1] == ' ')
        part[strlen(part) - 1] = '\0';
    snprintf(dst + len, SP_XLSX_NAME_SIZE - len, "%s" ELLIPSIS, part);
}

/* The last units UTF-16 units of s (a pointer into s). */
static const char *last_units(const char *s, size_t units)
{
    const char *p = s + strlen(s);
    size_t u = 0;

    while (p > s) {
        const char *q = p - 1;
        while (q > s && ((unsigned char)*q & 0xC0) == 0x80)
            q--;
        size_t cu = seq_len((unsigned char)*q) == 4 ? 2 : 1;
        if (u + cu > units)
            break;
        u += cu;
        p = q;
    }
    return p;
}

/* Any name: its start and its last 10 units around an ellipsis, since
 * names that differ tend to differ at the end ("... 24 months"). */
static void shorten_plain(const char *name, size_t units, char *out)
{
    const char *tail = last_units(name, units > 20 ? 10 : units / 3);

    while (*tail == ' ')
        tail++;
    out[0] = '\0';
    add_cut(out, name, units - units_of(tail));
    add_cut(out, tail, units_of(tail));
    if (units_of(out) > units) /* cannot happen; never exceed */
        clean(name, units, out);
}

/*
 * Shortens an over-long (already cleaned) name to fit units, keeping what
 * tells names apart.  A swept scenario is "BASE (SETTING=VALUE)" with an
 * optional " #k" (importers/sweep.c): the value and the suffix are kept
 * whole, the setting loses its path ("price_change.SO-EDR" -> "SO-EDR"),
 * and BASE and the setting share what room is left, each cut with an
 * ellipsis.  Any other name keeps its start and its end.
 * Returns false when out of memory.
 */
static bool shorten(const char *name, size_t units, char *out)
{
    size_t len = strlen(name) + 1, room, lb, lk, bb;
    char *buf, *base, *key, *value, *hash, *paren, *eq, *dot;
    const char *tail = "";

    out[0] = '\0';
    if (units_of(name) <= units) {
        snprintf(out, SP_XLSX_NAME_SIZE, "%s", name);
        return true;
    }
    buf = malloc(4 * len);
    if (!buf)
        return false;
    base = buf + len;
    key = base + len;
    value = key + len;
    memcpy(buf, name, len);
    hash = strrchr(buf, '#');
    if (hash && hash > buf && hash[-1] == ' ' && hash[1] &&
        strspn(hash + 1, "0123456789") == strlen(hash + 1)) {
        tail = name + (hash - 1 - buf);
        hash[-1] = '\0';
    }
    paren = strrchr(buf, '(');
    eq = paren ? strchr(paren, '=') : NULL;
    if (!paren || paren == buf || paren[-1] != ' ' || !eq ||
        buf[strlen(buf) - 1] != ')') {
        shorten_plain(name, units, out);
        goto done;
    }
    /* the parts, each in its own len bytes of buf */
    memcpy(base, buf, (size_t)(paren - 1 - buf));
    base[paren - 1 - buf] = '\0';
    memcpy(key, paren + 1, (size_t)(eq - paren - 1));
    key[eq - paren - 1] = '\0';
    dot = strrchr(key, '.');
    if (dot && dot[1])
        memmove(key, dot + 1, strlen(dot + 1) + 1);
    memcpy(value, eq, strlen(eq) + 1); /* "=VALUE)" and " #k" */
    memcpy(value + strlen(value), tail, strlen(tail) + 1);
    room = units_of(" (") + units_of(value);
    if (room + 4 > units) { /* the value alone leaves no room */
        shorten_plain(name, units, out);
        goto done;
    }
    room = units - room;
    lb = units_of(base);
    lk = units_of(key);
    /* the key says what was swept: it keeps all it can, leaving the base
     * at least a third of the room */
    if (lb + lk <= room)
        bb = lb;
    else if (lk + (lb < room / 3 ? lb : room / 3) <= room)
        bb = room - lk;
    else
        bb = lb < room / 3 ? lb : room / 3;
    if (bb > lb)
        bb = lb;
    add_cut(out, base, bb);
    add_cut(out, " (", 2);
    add_cut(out, key, room - units_of(out) + 2);
    add_cut(out, value, units_of(value));
done:
    free(buf);
    return true;
}

bool sp_xnames_make(struct sp_xnames *self, const char *raw,
                    const char *fallback, char *out)
{
    char base[SP_XLSX_NAME_SIZE], suffix[16];
    char *full;
    size_t rawlen = strlen(raw ? raw : "");
    int k;

    /* clean the whole name (no character grows: a forbidden byte becomes
     * one '_'), then shorten it to fit */
    full = malloc(rawlen + 1);
    if (!full)
        return false;
    clean_n(raw ? raw : "", rawlen + 1, full, rawlen + 1);
    strip_apostrophes(full);
    if (!shorten(full, SP_SHEET_UNITS, base)) {
        free(full);
        return false;
    }
    strip_apostrophes(base);
    if (!base[0])
        clean(fallback, SP_SHEET_UNITS, base);
    snprintf(out, SP_XLSX_NAME_SIZE, "%s", base);
    for (k = 2; taken(self, out); k++) {
        char cut[SP_XLSX_NAME_SIZE];
        int n = snprintf(suffix, sizeof(suffix), " (%d)", k);
        /* shorten the name so name + suffix stays within 31 units */
        if (!shorten(full[0] ? full : base, SP_SHEET_UNITS - (size_t)n, cut)) {
            free(full);
            return false;
        }
        strip_apostrophes(cut);
        size_t lc = strlen(cut), ls = strlen(suffix);
        if (lc + ls >= SP_XLSX_NAME_SIZE)
            lc = SP_XLSX_NAME_SIZE - 1 - ls; /* cannot happen: 27 units */
        memcpy(out, cut, lc);
        memcpy(out + lc, suffix, ls + 1);
    }
    free(full);
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
