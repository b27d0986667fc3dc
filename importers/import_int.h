/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to `stackplan import` (docs/import.md) and to the catalog's
 * `aliases` column, which is matched the same way.
 *
 *   fold.c            names compared case-insensitively (simple folding)
 *   slug.c            client ids from company names
 *   import_profile.c  profile files: which header holds which field
 *   import_date.c     dates of exports (ISO or the profile's order)
 *   import_match.c    product matching and suggestions
 *   import_read.c     one export -> source rows
 *   import_write.c    the output folder, all or nothing
 *   import.c          the rules of docs/import.md, in order
 */
#ifndef SP_IMPORT_INT_H
#define SP_IMPORT_INT_H

#include <stdint.h>
#include "importers_int.h"
#include "stackplan/import.h"

/* ---- names (fold.c, slug.c) ------------------------------------------ */

/** Decodes the UTF-8 code point at s + *i and moves *i past it. */
uint32_t sp_utf8_next(const char *s, size_t *i);
/** Encodes cp into out (room for 4 bytes); returns the bytes written. */
size_t sp_utf8_put(uint32_t cp, char *out);
/** Unicode simple case folding over the ranges fold.c lists. */
uint32_t sp_casefold(uint32_t cp);
/** A name as names are compared: trimmed, white-space runs one space,
 *  case folded.  A new string (caller frees); NULL when out of memory. */
char *sp_name_fold(const char *s);
/** The client id of a company name (docs/import.md).  Caller frees;
 *  NULL when out of memory. */
char *sp_slug(const char *name);

/* ---- profiles (import_profile.c) -------------------------------------- */

enum sp_import_field {
    SP_F_CLIENT,
    SP_F_PRODUCT,
    SP_F_UNITS,
    SP_F_UNIT_COST,
    SP_F_MONTHLY_COST,
    SP_F_UNIT_PRICE,
    SP_F_MONTHLY_PRICE,
    SP_F_CONTRACT_END,
    SP_F_END,
    SP_F_STATUS,
    SP_F_BILLING_TERM,
    SP_F_COUNT
};

/** Day order of a profile's dates. */
enum sp_date_order { SP_DATE_YMD, SP_DATE_MDY, SP_DATE_DMY };

/** Headers a profile may list for one field (a longer list is an
 *  error, not a silently shorter one). */
#define SP_IMPORT_MAXH 8

struct sp_import_profile {
    char *file; /* base name of the profile file, for messages */
    /* Per field, the headers to try in order (as written); none = the
     * field is not read. */
    char **headers[SP_F_COUNT];
    int nheaders[SP_F_COUNT];
    char **skip_status; /* folded */
    int nskip;
    enum sp_date_order date_order;
};

/** The field's name in a profile file ("unit_cost"). */
const char *sp_import_field_name(int field);

/**
 * @brief Reads a profile: a built-in name (profiles_dir/NAME.json) or a
 *        path.
 * @return SP_OK (*out to free with sp_import_profile_free); SP_ERR_USAGE
 *         for an unknown name (message in err); SP_ERR_INPUT (reported in
 *         diags); SP_ERR_NOMEM.
 */
enum sp_status sp_import_profile_load(const char *profile,
                                      const char *profiles_dir,
                                      struct sp_import_profile **out,
                                      sp_diags *diags, char *err,
                                      size_t errsize);
void sp_import_profile_free(struct sp_import_profile *self);

/* ---- dates (import_date.c) -------------------------------------------- */

enum sp_import_date_result {
    SP_IDATE_OK,
    SP_IDATE_BAD,
    SP_IDATE_TWO_DIGIT_YEAR
};
/** Reads YYYY-MM-DD or the order's form with '/', '.' or '-'; a
 *  trailing time (after a space or 'T') is ignored. */
enum sp_import_date_result sp_import_date_parse(const char *s,
                                                enum sp_date_order order,
                                                struct sp_date *out);
/** "M/D/YYYY", "D/M/YYYY" or "YYYY-MM-DD", for messages. */
const char *sp_import_date_form(enum sp_date_order order);

/* ---- product matching (import_match.c) -------------------------------- */

/** How a source name found its product. */
enum sp_match_how {
    SP_MATCH_NONE,    /* unmapped */
    SP_MATCH_IGNORED, /* the product map says '-' */
    SP_MATCH_MAP,
    SP_MATCH_ALIAS,
    SP_MATCH_ID,
    SP_MATCH_NAME
};

struct sp_import_map_entry {
    int product; /* catalog index; -1 = '-' */
    double factor;
};

struct sp_import_match {
    const struct sp_problem *pb;
    struct sp_strmap map; /* folded source -> entries index */
    struct sp_import_map_entry *entries;
    int nentries;
    struct sp_strmap aliases, ids, names; /* folded -> product index */
    char **fold_id, **fold_name;          /* per product */
    struct sp_strmap cache;               /* folded name -> sugg index */
    char **sugg;
    int nsugg, capsugg;
};

/** @brief Indexes the catalog's ids, names and aliases. */
enum sp_status sp_import_match_init(struct sp_import_match *self,
                                    const struct sp_problem *pb);
/** @brief Reads the --product-map file; errors go to diags. */
enum sp_status sp_import_match_read_map(struct sp_import_match *self,
                                        const char *path, sp_diags *diags);
/** @brief The catalog index for a folded source name, -1 when none (or
 *         ignored: *how says which); *factor the map's factor (else 1). */
int sp_import_match_find(const struct sp_import_match *self,
                         const char *folded, double *factor,
                         enum sp_match_how *how);
/** @brief Up to three closest catalog ids, ';'-separated (owned by
 *         self); NULL when out of memory. */
const char *sp_import_match_suggest(struct sp_import_match *self,
                                    const char *folded);
void sp_import_match_free(struct sp_import_match *self);

/* ---- one export (import_read.c) --------------------------------------- */

enum sp_import_skip {
    SP_SKIP_NONE,
    SP_SKIP_STATUS,
    SP_SKIP_ENDED,
    SP_SKIP_ZERO,
    SP_SKIP_MAP,
    SP_SKIP_ALSO_IN,
    SP_SKIP_NETTED
};

/** One data row of an export. */
struct sp_import_row {
    int file, line;
    enum sp_import_skip skip;
    const char *status;   /* the status cell (SP_SKIP_STATUS) */
    struct sp_date end;   /* the end date (SP_SKIP_ENDED) */
    const char *company;  /* cells, owned by the file's csv */
    const char *source;   /* the product cell */
    char *key;            /* sp_name_fold(source) */
    double units, factor; /* raw units; the map's factor */
    double cost, price;
    bool has_cost, has_price;
    bool has_contract_end;
    struct sp_date contract_end;
    bool term_no_end; /* billing term with no end date */
    enum sp_match_how how;
    int product; /* catalog index, -1 = unmapped */
    int client;  /* -1 = none */
    int group;   /* -1 = none */
};

/** What the reader needs besides the file. */
struct sp_import_reader {
    const struct sp_import_profile *profile;
    struct sp_date as_of;
    const struct sp_import_match *match;
    int file; /* index in --from order */
};

/**
 * @brief Reads one export into rows (appended to *rows, *nrows, *cap);
 *        the skip rules of status, end date and zero units and the
 *        product match are applied; clients and groups are not.
 * @param csv  kept alive by the caller: rows point into it.
 * @return SP_OK (errors in diags), SP_ERR_NOMEM.
 */
enum sp_status sp_import_read(const struct sp_import_reader *rd,
                              const struct sp_csv *csv,
                              struct sp_import_row **rows, size_t *nrows,
                              size_t *cap, sp_diags *diags);

/* ---- the output folder (import_write.c) ------------------------------- */

/** Writes s as one CSV field (quoted where needed). */
void sp_csv_put(FILE *f, const char *s);
/** Writes a number with up to 15 significant digits. */
void sp_csv_put_number(FILE *f, double v);

/** A temporary folder beside the output, renamed to it at the end. */
struct sp_outdir {
    char *target; /* the output folder */
    char *tmp;    /* the temporary folder */
    char **files; /* names written into tmp */
    int nfiles;
};
/** @brief Makes the temporary folder beside target.  SP_ERR_IO with
 *         the reason in err. */
enum sp_status sp_outdir_begin(struct sp_outdir *self, const char *target,
                               char *err, size_t errsize);
/** @brief Opens tmp/name for writing ("w"); NULL with err set. */
FILE *sp_outdir_open(struct sp_outdir *self, const char *name, char *err,
                     size_t errsize);
/** @brief Closes f, checking for write errors. */
enum sp_status sp_outdir_close(struct sp_outdir *self, FILE *f,
                               const char *name, char *err, size_t errsize);
/** @brief Renames tmp to target (replacing target when it exists). */
enum sp_status sp_outdir_commit(struct sp_outdir *self, char *err,
                                size_t errsize);
/** @brief Removes the temporary folder (if still there); frees self. */
void sp_outdir_abort(struct sp_outdir *self);

#endif
