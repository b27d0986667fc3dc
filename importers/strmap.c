/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A string-keyed hash map (open addressing, linear probing) so that ids
 * are found in constant time while large files are read: a linear
 * look-up per row would make a 50,000-row catalog quadratic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "importers_int.h"

void sp_strmap_init(struct sp_strmap *self)
{
    memset(self, 0, sizeof(*self));
}

void sp_strmap_clear(struct sp_strmap *self)
{
    size_t i;

    for (i = 0; i < self->cap; i++)
        free(self->keys[i]);
    free(self->keys);
    free(self->values);
    sp_strmap_init(self);
}

/* FNV-1a. */
static size_t hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;

    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (size_t)h;
}

static size_t slot(const struct sp_strmap *self, const char *key)
{
    size_t i = hash(key) & (self->cap - 1);

    while (self->keys[i] && strcmp(self->keys[i], key) != 0)
        i = (i + 1) & (self->cap - 1);
    return i;
}

int sp_strmap_get(const struct sp_strmap *self, const char *key)
{
    size_t i;

    if (self->cap == 0)
        return -1;
    i = slot(self, key);
    return self->keys[i] ? self->values[i] : -1;
}

/* Doubles the table (power-of-two sizes, at most half full). */
static enum sp_status rehash(struct sp_strmap *self)
{
    struct sp_strmap big;
    size_t i, j;

    big.cap = self->cap ? self->cap * 2 : 64;
    big.count = self->count;
    big.keys = calloc(big.cap, sizeof(char *));
    big.values = calloc(big.cap, sizeof(int));
    if (!big.keys || !big.values) {
        free(big.keys);
        free(big.values);
        return SP_ERR_NOMEM;
    }
    for (i = 0; i < self->cap; i++) {
        if (!self->keys[i])
            continue;
        j = slot(&big, self->keys[i]);
        big.keys[j] = self->keys[i];
        big.values[j] = self->values[i];
    }
    free(self->keys);
    free(self->values);
    *self = big;
    return SP_OK;
}

enum sp_status sp_strmap_put(struct sp_strmap *self, const char *key,
                             int value)
{
    size_t i;

    if ((self->count + 1) * 2 > self->cap && rehash(self) != SP_OK)
        return SP_ERR_NOMEM;
    i = slot(self, key);
    if (!self->keys[i]) {
        self->keys[i] = strdup(key);
        if (!self->keys[i])
            return SP_ERR_NOMEM;
        self->count++;
    }
    self->values[i] = value;
    return SP_OK;
}
