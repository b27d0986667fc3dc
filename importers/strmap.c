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

/* Blocks for the keys; a longer key gets a block of its own. */
#define BLOCK_SIZE 65536

void sp_strmap_clear(struct sp_strmap *self)
{
    char *b = self->block, *prev;

    while (b) {
        memcpy(&prev, b, sizeof(prev));
        free(b);
        b = prev;
    }
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
    /* the key blocks stay as they are */
    self->keys = big.keys;
    self->values = big.values;
    self->cap = big.cap;
    return SP_OK;
}

/* A copy of key in the current block, or a new one. */
static char *copy_key(struct sp_strmap *self, const char *key)
{
    size_t n = strlen(key) + 1, size;
    char *b, *copy;

    if (n > self->room) {
        size =
            n + sizeof(char *) > BLOCK_SIZE ? n + sizeof(char *) : BLOCK_SIZE;
        b = malloc(size);
        if (!b)
            return NULL;
        memcpy(b, &self->block, sizeof(self->block));
        self->block = b;
        self->room = size - sizeof(char *);
        self->next = b + sizeof(char *);
    }
    copy = self->next;
    memcpy(copy, key, n);
    self->next += n;
    self->room -= n;
    return copy;
}

enum sp_status sp_strmap_put(struct sp_strmap *self, const char *key,
                             int value)
{
    size_t i;

    /* at most three quarters full: linear probing stays short */
    if ((self->count + 1) * 4 > self->cap * 3 && rehash(self) != SP_OK)
        return SP_ERR_NOMEM;
    i = slot(self, key);
    if (!self->keys[i]) {
        self->keys[i] = copy_key(self, key);
        if (!self->keys[i])
            return SP_ERR_NOMEM;
        self->count++;
    }
    self->values[i] = value;
    return SP_OK;
}
