/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Names compared as docs/import.md says: trimmed, every run of white
 * space one space, and Unicode simple case folding (CaseFolding.txt,
 * status C and S) over the scripts an MSP's client and product names
 * are written in: ASCII, Latin-1 Supplement, Latin Extended-A, Greek
 * and Coptic (U+0370-U+03FF) and Cyrillic (U+0400-U+052F).  Other code
 * points are kept as they are, so two names differing there only in
 * case compare different -- never equal by mistake.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import_int.h"

uint32_t sp_utf8_next(const char *s, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    uint32_t cp;
    size_t k, n;

    if (p[0] < 0x80) {
        (*i)++;
        return p[0];
    }
    if (p[0] >= 0xF0) {
        n = 4;
        cp = p[0] & 0x07;
    } else if (p[0] >= 0xE0) {
        n = 3;
        cp = p[0] & 0x0F;
    } else {
        n = 2;
        cp = p[0] & 0x1F;
    }
    /* The text was checked to be UTF-8 when it was read; stop at a NUL
     * all the same. */
    for (k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *i += k;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    *i += n;
    return cp;
}

size_t sp_utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Upper and lower case alternate in pairs in these ranges: the even code
 * point (odd when odd_upper) is the capital of the next one. */
static uint32_t fold_pair(uint32_t cp, bool odd_upper)
{
    return ((cp & 1) != 0) == odd_upper ? cp + 1 : cp;
}

uint32_t sp_casefold(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
    if (cp < 0x100) {
        if (cp == 0xB5)
            return 0x3BC; /* micro sign -> Greek mu */
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            return cp + 0x20;
        return cp;
    }
    if (cp < 0x180) {
        /* Latin Extended-A: U+0130 (I with dot) and U+0149 fold only
         * in full folding; U+0131, U+0138 have no capital. */
        if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149)
            return cp;
        if (cp == 0x178)
            return 0xFF;
        if (cp == 0x17F)
            return 's';
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return fold_pair(cp, true);
        return fold_pair(cp, false);
    }
    if (cp >= 0x370 && cp < 0x400) {
        if (cp == 0x370 || cp == 0x372 || cp == 0x376 || cp == 0x3F7 ||
            cp == 0x3FA)
            return cp + 1;
        if (cp == 0x37F)
            return 0x3F3;
        if (cp == 0x3F4)
            return 0x3B8;
        if (cp == 0x3F9)
            return 0x3F2;
        if (cp >= 0x3FD)
            return cp - 0x82; /* U+03FD-U+03FF -> U+037B-U+037D */
        if (cp == 0x386)
            return 0x3AC;
        if (cp >= 0x388 && cp <= 0x38A)
            return cp + 0x25;
        if (cp == 0x38C)
            return 0x3CC;
        if (cp == 0x38E || cp == 0x38F)
            return cp + 0x3F;
        if ((cp >= 0x391 && cp <= 0x3A1) || (cp >= 0x3A3 && cp <= 0x3AB))
            return cp + 0x20;
        if (cp == 0x3C2)
            return 0x3C3; /* final sigma */
        if (cp == 0x3CF)
            return 0x3D7;
        if (cp == 0x3D0)
            return 0x3B2;
        if (cp == 0x3D1)
            return 0x3B8;
        if (cp == 0x3D5)
            return 0x3C6;
        if (cp == 0x3D6)
            return 0x3C0;
        if (cp >= 0x3D8 && cp <= 0x3EF)
            return fold_pair(cp, false);
        if (cp == 0x3F0)
            return 0x3BA;
        if (cp == 0x3F1)
            return 0x3C1;
        if (cp == 0x3F5)
            return 0x3B5;
        return cp;
    }
    if (cp >= 0x400 && cp < 0x530) {
        if (cp < 0x410)
            return cp + 0x50;
        if (cp < 0x430)
            return cp + 0x20;
        if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
            cp >= 0x4D0)
            return fold_pair(cp, false);
        if (cp == 0x4C0)
            return 0x4CF;
        if (cp >= 0x4C1 && cp <= 0x4CE)
            return fold_pair(cp, true);
        return cp;
    }
    return cp;
}

/* Space, tab, line breaks and the no-break space (U+00A0) that
 * spreadsheets put into names. */
static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
}

char *sp_name_fold(const char *s)
{
    size_t i = 0, o = 0, n = strlen(s);
    /* Folding never makes a code point longer (U+00B5 becomes U+03BC,
     * 2 bytes each; 'ſ' becomes 's'), but a byte that is not UTF-8
     * becomes U+FFFD, 3 bytes: the callers check their text, this
     * bound does not rely on it. */
    char *out = malloc(n * 3 + 1);
    bool pending = false;
    uint32_t cp;

    if (!out)
        return NULL;
    while (i < n) {
        cp = sp_utf8_next(s, &i);
        if (is_space(cp)) {
            pending = o > 0;
            continue;
        }
        if (pending)
            out[o++] = ' ';
        pending = false;
        o += sp_utf8_put(sp_casefold(cp), out + o);
    }
    out[o] = '\0';
    return out;
}
