/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A client id from a company name (docs/import.md): lower case, the
 * letters of Latin-1 Supplement and Latin Extended-A reduced to their
 * base letters (ö -> o, ß -> ss, æ -> ae, ø -> o, ł -> l), every run of
 * other characters one '-', trimmed of '-'; "client" when nothing is
 * left.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "import_int.h"

/* U+00C0-U+00FF; NULL = not a letter (× and ÷). */
static const char *const latin1[64] = {
    "a", "a", "a", "a",  "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
    "i", "i", "i", "d",  "n",  "o",  "o",  "o", "o", "o", NULL, "o", "u",
    "u", "u", "u", "y",  "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
    "c", "e", "e", "e",  "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
    "o", "o", "o", NULL, "o",  "u",  "u",  "u", "u", "y", "th", "y"};

/* U+0100-U+017F, all letters. */
static const char *const latin_ext_a[128] = {
    "a", "a", "a", "a", "a",  "a",  "c", "c", "c", "c", "c", "c",  "c",
    "c", "d", "d", "d", "d",  "e",  "e", "e", "e", "e", "e", "e",  "e",
    "e", "e", "g", "g", "g",  "g",  "g", "g", "g", "g", "h", "h",  "h",
    "h", "i", "i", "i", "i",  "i",  "i", "i", "i", "i", "i", "ij", "ij",
    "j", "j", "k", "k", "k",  "l",  "l", "l", "l", "l", "l", "l",  "l",
    "l", "l", "n", "n", "n",  "n",  "n", "n", "n", "n", "n", "o",  "o",
    "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r",  "s",
    "s", "s", "s", "s", "s",  "s",  "s", "t", "t", "t", "t", "t",  "t",
    "u", "u", "u", "u", "u",  "u",  "u", "u", "u", "u", "u", "u",  "w",
    "w", "y", "y", "y", "z",  "z",  "z", "z", "z", "z", "s"};

/* What code point cp becomes in a slug: a string of a-z0-9, or NULL for
 * a separator. */
static const char *slug_part(uint32_t cp, char buf[2])
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        buf[0] = (char)cp;
        buf[1] = '\0';
        return buf;
    }
    if (cp >= 'A' && cp <= 'Z') {
        buf[0] = (char)(cp + 0x20);
        buf[1] = '\0';
        return buf;
    }
    if (cp == 0xAA)
        return "a"; /* feminine ordinal indicator */
    if (cp == 0xBA)
        return "o"; /* masculine ordinal indicator */
    if (cp >= 0xC0 && cp < 0x100)
        return latin1[cp - 0xC0];
    if (cp >= 0x100 && cp < 0x180)
        return latin_ext_a[cp - 0x100];
    return NULL;
}

char *sp_slug(const char *name)
{
    size_t i = 0, o = 0, n = strlen(name);
    /* A code point of k >= 1 bytes gives at most 2 characters, or 1 '-'
     * for the run it starts. */
    char *out = malloc(n * 2 + sizeof("client"));
    const char *part;
    char buf[2];
    bool dash = false;
    uint32_t cp;

    if (!out)
        return NULL;
    while (i < n) {
        cp = sp_utf8_next(name, &i);
        part = slug_part(cp, buf);
        if (!part) {
            dash = o > 0;
            continue;
        }
        if (dash)
            out[o++] = '-';
        dash = false;
        memcpy(out + o, part, strlen(part));
        o += strlen(part);
    }
    if (o == 0) {
        strcpy(out, "client");
        return out;
    }
    out[o] = '\0';
    return out;
}
