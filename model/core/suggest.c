/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "Did you mean": the closest of a set of names to one the user typed.
 * Distance is the optimal string alignment distance (edits and adjacent
 * transpositions) over ASCII-case-folded bytes, so "Scenaro", "scenrio"
 * and "SCENARIO" all find "scenario".  A candidate is offered only when
 * it is close for its length: a typo, not a different word.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_int.h"

/* Longer names than this are compared by their first SP_SUGGEST_MAX bytes;
 * nobody mistypes a 64-character id by one letter at its end. */
#define SP_SUGGEST_MAX 64

static int fold(unsigned char c)
{
    return tolower(c);
}

int sp_edit_distance(const char *a, const char *b)
{
    int d[SP_SUGGEST_MAX + 1][SP_SUGGEST_MAX + 1];
    int n = (int)strlen(a), m = (int)strlen(b), i, j;

    if (n > SP_SUGGEST_MAX)
        n = SP_SUGGEST_MAX;
    if (m > SP_SUGGEST_MAX)
        m = SP_SUGGEST_MAX;
    for (i = 0; i <= n; i++)
        d[i][0] = i;
    for (j = 0; j <= m; j++)
        d[0][j] = j;
    for (i = 1; i <= n; i++) {
        for (j = 1; j <= m; j++) {
            int ca = fold((unsigned char)a[i - 1]);
            int cb = fold((unsigned char)b[j - 1]);
            int best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == fold((unsigned char)b[j - 2]) &&
                fold((unsigned char)a[i - 2]) == cb &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[n][m];
}

void sp_suggest_init(struct sp_suggest *self, const char *typed)
{
    self->typed = typed;
    self->best = NULL;
    self->distance = 0;
}

void sp_suggest_add(struct sp_suggest *self, const char *candidate)
{
    size_t len;
    int d, limit;

    if (!candidate || !self->typed)
        return;
    len = strlen(self->typed);
    d = sp_edit_distance(self->typed, candidate);
    /* one edit in four letters, at least one, at most three */
    limit = (int)(len / 4);
    if (limit < 1)
        limit = 1;
    if (limit > 3)
        limit = 3;
    if (d > limit || d >= (int)strlen(candidate))
        return;
    if (!self->best || d < self->distance) {
        self->best = candidate;
        self->distance = d;
    }
}

const char *sp_suggest_best(const struct sp_suggest *self)
{
    return self->best;
}

int sp_problem_name_count(const sp_problem *pb, enum sp_name_kind kind)
{
    switch (kind) {
    case SP_NAME_SCENARIO:
        return pb->nscenarios;
    case SP_NAME_CLIENT:
        return pb->nclients;
    case SP_NAME_VENDOR:
        return pb->nvendors;
    case SP_NAME_PRODUCT:
        return pb->nproducts;
    }
    return 0;
}

const char *sp_problem_name(const sp_problem *pb, enum sp_name_kind kind,
                            int i)
{
    if (i < 0 || i >= sp_problem_name_count(pb, kind))
        return NULL;
    switch (kind) {
    case SP_NAME_SCENARIO:
        return pb->scenarios[i].name;
    case SP_NAME_CLIENT:
        return pb->clients[i].id;
    case SP_NAME_VENDOR:
        return pb->vendors[i].name;
    case SP_NAME_PRODUCT:
        return pb->products[i].id;
    }
    return NULL;
}

const char *sp_problem_suggest(const sp_problem *pb, enum sp_name_kind kind,
                               const char *typed)
{
    struct sp_suggest s;
    int i, n = sp_problem_name_count(pb, kind);

    sp_suggest_init(&s, typed);
    for (i = 0; i < n; i++)
        sp_suggest_add(&s, sp_problem_name(pb, kind, i));
    return sp_suggest_best(&s);
}

void sp_name_error(char *err, size_t errsize, const char *what,
                   const char *typed, const char *problem,
                   const char *suggestion)
{
    if (suggestion)
        snprintf(err, errsize, "%s '%s'%s; did you mean '%s'?", what, typed,
                 problem, suggestion);
    else
        snprintf(err, errsize, "%s '%s'%s", what, typed, problem);
}
