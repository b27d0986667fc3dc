/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text helpers shared by the writers: UTF-8 lengths and growing strings
 * whose appends are checked once, at the end. */
#include <stdlib.h>
#include <string.h>
#include "xlsx_int.h"

size_t sp_xutf8_len(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void sp_xbuf_add(struct sp_xbuf *b, const char *text)
{
    size_t n = strlen(text);

    if (b->nomem)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        char *s;
        while (cap < b->len + n + 1)
            cap *= 2;
        s = realloc(b->s, cap);
        if (!s) {
            b->nomem = true;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

void sp_xbuf_item(struct sp_xbuf *b, const char *sep, const char *text)
{
    if (b->len > 0)
        sp_xbuf_add(b, sep);
    sp_xbuf_add(b, text);
}

const char *sp_xbuf_str(const struct sp_xbuf *b)
{
    return b->s && !b->nomem ? b->s : "";
}

void sp_xbuf_free(struct sp_xbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof(*b));
}
