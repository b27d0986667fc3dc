/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to the importers (and the library modules that report input
 * diagnostics).
 *
 * Reading a data folder goes through three layers:
 *   csvread.c  bytes -> records of trimmed fields with their line numbers
 *   number.c   one field -> a number, a category list, a unit, a name
 *   catalog.c, clients.c, ...  records -> the problem, one file each,
 *              driven by load.c (sp_problem_load).
 */
#ifndef SP_IMPORTERS_INT_H
#define SP_IMPORTERS_INT_H

#include <errno.h>
#include <stdarg.h>
#include "core_int.h"

/** Appends a diagnostic (strings are copied); SP_ERR_NOMEM on failure.
 *  file/column/scenario may be NULL; line 0 = no line. */
enum sp_status sp_diags_add(sp_diags *self, int warning, const char *file,
                            int line, const char *column, const char *scenario,
                            const char *message);

/* ---- files (csvread.c) ------------------------------------------------ */

/**
 * @brief Reads a whole file into memory, NUL-terminated.
 * @return SP_OK (*data is the caller's to free), SP_ERR_IO with errno set,
 *         or SP_ERR_NOMEM.
 */
enum sp_status sp_file_read(const char *path, char **data, size_t *len);

/**
 * The plans of a solve's JSON at path, verified and costed again against
 * pb (its scenarios found by name; the file's data digest is not
 * compared).  The result holds the file's scenarios in its order, each
 * pointing at pb's scenario of that name; free it with sp_result_free.
 * SP_ERR_INPUT names a scenario pb lacks; SP_ERR_VERIFY a plan that no
 * longer satisfies its scenario.
 */
enum sp_status sp_results_read_plans(const char *path,
                                     const struct sp_problem *pb,
                                     struct sp_result **out, char *err,
                                     size_t errsize);

/* errno after sp_file_read for an input that is not a regular file (a
 * FIFO would block the read forever) and for a broken symbolic link. */
#define SP_ENOTREG ENODEV
#define SP_EBROKENLINK ENOLINK
/** The reason sp_file_read failed with errno err: "not a regular file",
 *  "broken symbolic link", else strerror(err). */
const char *sp_file_error(int err);
/** Whether err (errno after sp_file_read) is one of the two above, whose
 *  message needs no "cannot read the file: " before it. */
int sp_file_error_kind(int err);

/** The part of a path after its last '/', for messages. */
const char *sp_path_base(const char *path);

/**
 * @brief Checks that s is UTF-8 text without NUL bytes.
 * @param line  out: the line of the first bad byte (lines end at LF, CR
 *              or CRLF).
 * @param bad   out: that byte.
 */
bool sp_utf8_check(const unsigned char *s, size_t len, int *line,
                   unsigned char *bad);

/** Writes s into buf as a double-quoted, one-line value for a message
 *  (quotes and control characters escaped, long values shortened). */
void sp_quote_value(const char *s, char *buf, size_t size);
/** A JSON value as an error message shows it: a quoted string, a number,
 *  "a list", "an object"... (importers/scenarios.c). */
struct cJSON;
void sp_json_got(const struct cJSON *v, char *buf, size_t size);

/* ---- CSV records (csvread.c) ------------------------------------------ */

/** One data record: nfields NUL-terminated fields back to back in the
 *  csv's text from offset first. */
struct sp_csv_record {
    size_t first;
    int nfields;
    int line; /* physical line where the record starts; header = 1 */
    bool bad; /* unreadable (reported): more fields than the header, or
                 cut short by an unclosed quote */
};

/** A parsed CSV file.  Fields are trimmed and NUL-terminated. */
struct sp_csv {
    char *name;      /* base name for messages, e.g. "catalog.csv" */
    char delim;      /* ',' or ';' */
    int header_line; /* physical line of the header (1 unless blank lines
                        come first) */
    int ncols;       /* fields in the header */
    char **header;   /* header fields as written (trimmed) */
    char **norm;     /* header fields normalised (sp_name_normalize) */
    struct sp_csv_record *records; /* data records, blank ones skipped */
    size_t nrecords;
    /* every field, NUL-terminated, back to back: no more bytes than the
     * file (a field's delimiter or line end becomes its NUL), and no
     * per-field index beside it (docs/formats.md "Memory") */
    char *text;
};

/**
 * @brief Parses CSV text (docs/formats.md: BOM, CRLF, `;` detection,
 *        quotes, blank lines) into records.
 * @param data, len  the file's bytes (need not be NUL-terminated).
 * @param name       the file's name for messages.
 * @param out        the parsed file on SP_OK (free with sp_csv_free).
 * @return SP_OK; SP_ERR_INPUT when the file cannot be read as CSV at all
 *         (not UTF-8, no header), reported in diags; SP_ERR_NOMEM.
 *         Records with more non-empty fields than the header, and one
 *         cut short by an unclosed quote, are reported in diags and
 *         marked bad; *out is still set.
 */
enum sp_status sp_csv_parse(const char *data, size_t len, const char *name,
                            struct sp_csv **out, sp_diags *diags);
/** @brief Frees a parsed file; accepts NULL. */
void sp_csv_free(struct sp_csv *self);
/** @brief Field col of record rec; "" when the record is shorter or
 *         col < 0.  Owned by the csv.  Found by walking the record's
 *         fields: linear in the length of the record up to col. */
const char *sp_csv_field(const struct sp_csv *self, size_t rec, int col);

/** A column an importer knows. */
struct sp_csv_column {
    const char *name; /* normalised name, e.g. "min_units" */
    bool required;
};

/**
 * @brief Finds each known column in the header.
 * @param cols     n known columns.
 * @param index    out: n header positions, -1 for an absent column.
 * @param verbose  report unknown columns as warnings.
 * @return SP_OK or SP_ERR_NOMEM.  A missing required column and a known
 *         column given twice are reported as errors in diags.
 */
enum sp_status sp_csv_bind(const struct sp_csv *self,
                           const struct sp_csv_column *cols, int n, int *index,
                           bool verbose, sp_diags *diags);

/* ---- one field (number.c) --------------------------------------------- */

/** What sp_number_parse found. */
enum sp_number_result {
    SP_NUMBER_OK,
    SP_NUMBER_EMPTY,     /* nothing but spaces */
    SP_NUMBER_BAD,       /* not a number */
    SP_NUMBER_AMBIGUOUS, /* the separators could be read two ways */
    SP_NUMBER_NOT_FINITE /* nan, inf, or too large for a double */
};

/**
 * @brief Reads a number by the rules of docs/formats.md.
 * @param s      the field.
 * @param delim  the file's delimiter (',' or ';'), which decides what a
 *               lone ',' means.
 * @param out    the value on SP_NUMBER_OK.
 */
enum sp_number_result sp_number_parse(const char *s, char delim, double *out);

/** Range a number must lie in. */
enum sp_number_rule {
    SP_NUMBER_ANY,         /* any finite number */
    SP_NUMBER_NONNEG,      /* >= 0 */
    SP_NUMBER_WHOLE_NONNEG /* a whole number >= 0 */
};

/**
 * @brief Parses s and checks it against rule; on failure writes the
 *        message of docs/formats.md ("expected a non-negative number, got
 *        \"abc\"") into msg.
 * @return SP_NUMBER_OK, SP_NUMBER_EMPTY (msg untouched) or the failure.
 */
enum sp_number_result sp_number_read(const char *s, char delim,
                                     enum sp_number_rule rule, double *out,
                                     char *msg, size_t size);

/**
 * @brief Normalises a category, unit or header name: trimmed, ASCII
 *        lower case, every run of spaces, '-' and '_' one '_'.
 * @return a new string (caller frees), NULL when out of memory.
 */
char *sp_name_normalize(const char *s);

/** Copies s trimmed of spaces and tabs; NULL when out of memory. */
char *sp_strdup_trim(const char *s);

/**
 * @brief Splits a list field (`;` or `|`; only `|` when the file's
 *        delimiter is `;`) into normalised items, each once, in order.
 * @param items  out: n new strings in a new array (free each and the
 *               array, also on SP_ERR_INPUT).
 * @param bad    on SP_ERR_INPUT: the item that holds a `,` or `;` that is
 *               no separator here (points into a fresh copy kept in
 *               *items; may be NULL).
 * @return SP_OK, SP_ERR_INPUT or SP_ERR_NOMEM.
 */
enum sp_status sp_list_split(const char *s, char delim, char ***items, int *n,
                             const char **bad);
/** @brief Frees what sp_list_split returned. */
void sp_list_free(char **items, int n);

/** @brief A unit name (user, device, server, tb, flat; plurals too). */
bool sp_unit_parse(const char *s, enum sp_unit *out);

/* ---- bounds (bounds.c) ----------------------------------------------- */

/**
 * @brief The largest value a number named name (a normalised CSV column
 *        or a scenarios.json key) may hold, docs/formats.md "Bounds";
 *        money for a name not listed there.
 * @param shown  out (may be NULL): the bound as messages write it.
 */
double sp_bound_max(const char *name, const char **shown);

/* ---- string index (strmap.c) ------------------------------------------ */

/** A hash map from strings (copied) to non-negative ints.  The copies
 *  are packed into blocks of 64 KB, not one malloc each: a map of
 *  millions of ids costs their bytes, not a malloc header per id. */
struct sp_strmap {
    char **keys;
    int *values;
    size_t cap, count;
    char *block; /* the block being filled; each starts with a pointer to
                    the one before */
    char *next;  /* its first free byte */
    size_t room; /* bytes free from next */
};

void sp_strmap_init(struct sp_strmap *self);
void sp_strmap_clear(struct sp_strmap *self);
/** @return the value of key, or -1. */
int sp_strmap_get(const struct sp_strmap *self, const char *key);
/** @brief Sets key to value (value >= 0); SP_OK or SP_ERR_NOMEM. */
enum sp_status sp_strmap_put(struct sp_strmap *self, const char *key,
                             int value);

/* ---- loading a data folder (load.c and one file per input) ----------- */

/** State shared by the importers while a data folder is read. */
struct sp_load {
    struct sp_problem *pb;
    const struct sp_load_options *opt;
    sp_diags *diags;
    enum sp_status st; /* SP_ERR_NOMEM once an allocation failed */
    /* Ids to indices; -2 = the id's row had errors and was left out. */
    struct sp_strmap products, clients, vendors;
    bool *covered;   /* per category: some product covers it */
    int ncovered;    /* categories known when covered was computed */
    bool catalog_ok; /* catalog.csv was read (errors or not) */
    bool clients_ok; /* clients.csv was read (errors or not) */
    /* catalog.csv was read without errors: only then does "no product
     * covers category X" say something about the data rather than about
     * a row that failed to read. */
    bool catalog_clean;
    /* The line in scenarios.json of the settings' `required`, 0 when the
     * default is used. */
    int required_line;
    /* sp_problem_load_texts: the files, in memory; NULL = read the
     * folder. */
    const struct sp_text_file *texts;
    int ntexts;
};

/** @brief The bytes of input file base (path in the data folder), from
 *  memory under sp_problem_load_texts, else read from disk.  *data is
 *  NUL-terminated and freed by the caller.  @return SP_OK, SP_ERR_NOMEM,
 *  or SP_ERR_IO with errno set (ENOENT for an absent file). */
enum sp_status sp_load_read(const struct sp_load *ld, const char *base,
                            const char *path, char **data, size_t *len);

/** @brief Reports an error (warning = 0) or warning about field col of
 *         record rec of csv; printf-style message. */
void sp_load_report(struct sp_load *ld, int warning, const struct sp_csv *csv,
                    size_t rec, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/** @brief The same for any file: line 0 = none, column/scenario NULL. */
void sp_load_vreport(struct sp_load *ld, int warning, const char *file,
                     int line, const char *column, const char *scenario,
                     const char *fmt, va_list ap);
void sp_load_report_at(struct sp_load *ld, int warning, const char *file,
                       int line, const char *column, const char *scenario,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/**
 * @brief Reads a number field.
 * @param required  an empty field is an error ("expected a non-negative
 *                  number, got an empty field").
 * @return true with *out set when the field holds a valid number; false
 *         when it is empty (*out = def) or invalid (reported; *out = def).
 */
bool sp_load_number(struct sp_load *ld, const struct sp_csv *csv, size_t rec,
                    int col, enum sp_number_rule rule, bool required,
                    double def, double *out);
/** @brief A required, non-empty field, trimmed; reports an empty one as
 *         "expected WHAT, got an empty field" and returns NULL. */
const char *sp_load_required(struct sp_load *ld, const struct sp_csv *csv,
                             size_t rec, int col, const char *what);
/** @brief Whether s holds a control character (U+0000-U+001F, U+007F). */
bool sp_has_control(const char *s);
/** @brief An id or vendor name: sp_load_required, and one holding a
 *         control character is reported ("expected WHAT without control
 *         characters, got ...") and NULL. */
const char *sp_load_id(struct sp_load *ld, const struct sp_csv *csv,
                       size_t rec, int col, const char *what);
/** @brief Index of a normalised category, added when new; -1 when out
 *         of memory (ld->st set). */
int sp_load_category(struct sp_load *ld, const char *norm);
/** @brief Reads a category list field into sorted unique indices (*out
 *         NULL when empty).
 *  @return SP_OK; SP_ERR_INPUT when an item is bad (reported, *n = 0);
 *          SP_ERR_NOMEM (ld->st set). */
/** Field col of record rec split as a list (';' or '|', '|' in a ';'
 *  file) into *items, with *idx room for one index per item; what names
 *  the items in the error.  col < 0 = no column: an empty list.
 *  @return SP_OK, SP_ERR_INPUT (reported) or SP_ERR_NOMEM; the caller
 *  frees *items (sp_list_free) and *idx in every case. */
enum sp_status sp_load_list(struct sp_load *ld, const struct sp_csv *csv,
                            size_t rec, int col, const char *what,
                            char ***items, int *nitems, int **idx);
enum sp_status sp_load_categories(struct sp_load *ld, const struct sp_csv *csv,
                                  size_t rec, int col, int **out, int *n);
/** @brief Does some catalog product cover category k? */
bool sp_load_covered(const struct sp_load *ld, int k);
/** @brief For a bad record (see sp_csv_record): marks the id in column
 *         col as known, so other files do not report it as unknown. */
void sp_load_bad_record(struct sp_load *ld, const struct sp_csv *csv,
                        size_t rec, int col, struct sp_strmap *ids);

/* One importer per input file.  Each reports what it finds in ld->diags
 * and returns SP_OK or SP_ERR_NOMEM. */
enum sp_status sp_import_catalog(struct sp_load *ld, const struct sp_csv *csv);
enum sp_status sp_import_clients(struct sp_load *ld, const struct sp_csv *csv);
enum sp_status sp_import_inventory(struct sp_load *ld,
                                   const struct sp_csv *csv);
enum sp_status sp_import_vendors(struct sp_load *ld, const struct sp_csv *csv);
enum sp_status sp_import_tiers(struct sp_load *ld, const struct sp_csv *csv);
/**
 * @brief Reads scenarios.json (settings and scenarios) and resolves every
 *        scenario; with path NULL, fills the defaults of docs/formats.md.
 */
enum sp_status sp_import_scenarios(struct sp_load *ld, const char *path);

/** @brief Default settings of docs/formats.md (start date from
 *         options->today or today UTC). false when out of memory. */
bool sp_settings_default(struct sp_load *ld, struct sp_settings *s);

struct cJSON;

/* ---- sweeps (sweep.c) ------------------------------------------------ */

/** Line of a JSON value in scenarios.json (its key's line when at_key);
 *  0 = unknown.  Given by the reader of scenarios.json, which keeps the
 *  positions. */
typedef int (*sp_json_line_fn)(const void *ctx, const struct cJSON *node,
                               bool at_key);

/**
 * @brief Expands every scenario of the "scenarios" list that carries a
 *        "sweep" into one scenario per value, in place and in order.
 *        Called by the scenarios.json reader once every scenario has been
 *        read (so that expanded names can avoid all the others).  Errors
 *        are reported in ld->diags in the one-line form of docs/formats.md;
 *        the list is then left as read.
 * @param file       the file's base name for messages.
 * @param scenarios  the "scenarios" array of the document (borrowed for
 *                   the call; the tree never leaves the reader).
 */
enum sp_status sp_sweep_expand(struct sp_load *ld, const char *file,
                               const struct cJSON *scenarios,
                               sp_json_line_fn line_of, const void *ctx);

/* ---- security and compliance (controls.c, security.c) ----------------- */

/** Reads controls.csv: --controls FILE (ld->opt->controls_path) or
 *  dir/controls.csv when present.  SP_OK or SP_ERR_NOMEM. */
enum sp_status sp_import_controls(struct sp_load *ld, const char *dir);
/** Index of a framework by normalised name, or -1. */
int sp_load_find_framework(const struct sp_problem *pb, const char *norm);
/** Reads a list of framework names (clients.csv `frameworks`) into
 *  sorted unique indices; unknown names are reported.  SP_OK or
 *  SP_ERR_NOMEM (ld->st set). */
enum sp_status sp_load_frameworks(struct sp_load *ld, const struct sp_csv *csv,
                                  size_t rec, int col, int **out, int *n);
/** Once every file is read: a control of a framework some client must
 *  meet that no catalog product can meet is an error. */
void sp_controls_check(struct sp_load *ld);
/**
 * @brief Reads member m of a scenario (sc) or of the settings (sc NULL)
 *        when it is `separate`, `max_categories_per_vendor` or
 *        `require_frameworks` (into s); errors reported with where
 *        ("settings: " or "") before the message.
 * @return false when m is none of those.
 */
bool sp_read_security_key(struct sp_load *ld, const char *file,
                          sp_json_line_fn line_of, const void *ctx,
                          const struct cJSON *m, const char *scen, int no,
                          const char *where, struct sp_scenario *sc,
                          struct sp_settings *s);

#endif
