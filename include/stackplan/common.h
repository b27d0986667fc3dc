/* SPDX-License-Identifier: GPL-3.0-or-later */
/** @file common.h  Status codes and diagnostics shared by every module. */
#ifndef STACKPLAN_COMMON_H
#define STACKPLAN_COMMON_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a library call returned. */
enum sp_status {
    /** Success. */
    SP_OK = 0,
    /** Memory allocation failed. */
    SP_ERR_NOMEM,
    /** A file could not be opened, read or written. */
    SP_ERR_IO,
    /** The input data is invalid; the diagnostics say where. */
    SP_ERR_INPUT,
    /** A function was called with invalid arguments. */
    SP_ERR_USAGE,
    /** A scenario has no feasible plan. */
    SP_ERR_INFEASIBLE,
    /** A plan failed its independent verification. */
    SP_ERR_VERIFY,
    /** The MIP solver failed. */
    SP_ERR_SOLVER,
    /** Not a status: the number of status values. */
    SP_STATUS_COUNT
};

/**
 * @brief A one-line description of a status.
 * @return a static string; never NULL (an unknown value gets its own text).
 */
const char *sp_strerror(enum sp_status status);

/** The version of the headers; sp_version() gives the library's. */
#define SP_VERSION_MAJOR 0
#define SP_VERSION_MINOR 1
#define SP_VERSION_PATCH 0
#define SP_VERSION_STRING "0.1.0"

/** @brief The library's version, "MAJOR.MINOR.PATCH" (a static string). */
const char *sp_version(void);

/** One error or warning about an input file. */
struct sp_diag {
    char *file;     /**< base name of the file, e.g. "catalog.csv" */
    int line;       /**< physical line where the record starts; 0 = none */
    char *column;   /**< column header as written in the file, or NULL */
    char *scenario; /**< scenario name for scenarios.json, or NULL */
    char *message;  /**< what was expected and what was found */
    int warning;    /**< 1 = warning, 0 = error */
};

/** A growing list of diagnostics.  Owns its entries. */
typedef struct sp_diags sp_diags;

/** @brief A new empty list; NULL when out of memory.  Free with sp_diags_free.
 */
sp_diags *sp_diags_new(void);
/** @brief Frees the list and every entry; accepts NULL. */
void sp_diags_free(sp_diags *self);
/** @brief Number of entries. */
size_t sp_diags_count(const sp_diags *self);
/** @brief Number of errors (entries that are not warnings).  Only the
 *  first 100 errors and 100 warnings of each file are kept as entries;
 *  one more entry without a file ("… and N more errors in FILE") stands
 *  for the rest, which these counts include. */
size_t sp_diags_errors(const sp_diags *self);
/** @brief Number of warnings, those left out included. */
size_t sp_diags_warnings(const sp_diags *self);
/** @brief Entry i (0 <= i < count); owned by the list. */
const struct sp_diag *sp_diags_get(const sp_diags *self, size_t i);
/**
 * @brief Formats entry d in the one-line form of docs/formats.md,
 * `stackplan: FILE:LINE: column 'NAME': MESSAGE` (or the scenario form),
 * into buf; "warning: " precedes MESSAGE for warnings.
 */
void sp_diag_format(const struct sp_diag *d, char *buf, size_t size);

/** "Did you mean": the closest candidate to a name the user typed.
 *  Case-insensitive; only a near miss (a few edits for the name's length)
 *  counts.  Init, add every candidate, then ask for the best. */
struct sp_suggest {
    const char *typed; /**< the name typed (not copied) */
    const char *best;  /**< the closest candidate so far (not copied) */
    int distance;      /**< its edit distance */
};
/** @brief Starts a search for the names closest to typed. */
void sp_suggest_init(struct sp_suggest *self, const char *typed);
/** @brief Considers one candidate (kept by pointer, not copied). */
void sp_suggest_add(struct sp_suggest *self, const char *candidate);
/** @brief The closest near miss, or NULL when no candidate is close. */
const char *sp_suggest_best(const struct sp_suggest *self);

#ifdef __cplusplus
}
#endif
#endif
