/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CSV files as docs/formats.md accepts them, on top of libcsv.
 *
 * libcsv knows nothing of lines, so the text is fed to it one physical
 * line at a time (and long lines in pieces of CHUNK bytes): every
 * callback libcsv makes during one csv_parse() call belongs to that
 * line, which is how each record learns the line where it starts.  The
 * whole file is in memory; every step is linear in its size.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <csv.h>
#include "importers_int.h"

/* Largest piece handed to libcsv at once; bounds its buffer growth. */
#define CHUNK 65536
/* libcsv's state before the first field of a record (libcsv.c). */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN 2

enum sp_status sp_file_read(const char *path, char **data, size_t *len)
{
    FILE *f = NULL;
    char *buf = NULL, *grown;
    size_t cap = 65536, n = 0, got;
    enum sp_status st = SP_ERR_IO;
    int err = 0;
    struct stat sb;

    *data = NULL;
    *len = 0;
    /* stat first: opening a FIFO blocks until a writer comes */
    if (stat(path, &sb) != 0) {
        err = errno;
        if (err == ENOENT && lstat(path, &sb) == 0)
            err = SP_EBROKENLINK;
        goto cleanup;
    }
    if (!S_ISREG(sb.st_mode)) {
        err = SP_ENOTREG;
        goto cleanup;
    }
    f = fopen(path, "rb");
    if (!f) {
        err = errno;
        goto cleanup;
    }
    /* the file's size up front: doubling a 1 GB buffer costs up to 2 GB */
    if (sb.st_size > 0 && (uintmax_t)sb.st_size < SIZE_MAX - 2)
        cap = (size_t)sb.st_size + 2;
    buf = malloc(cap);
    if (!buf) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    for (;;) {
        if (cap - n < 2) {
            if (cap > SIZE_MAX / 2) {
                st = SP_ERR_NOMEM;
                goto cleanup;
            }
            grown = realloc(buf, cap * 2);
            if (!grown) {
                st = SP_ERR_NOMEM;
                goto cleanup;
            }
            buf = grown;
            cap *= 2;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        err = errno ? errno : EIO;
        goto cleanup;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    buf = NULL;
    st = SP_OK;

cleanup:
    free(buf);
    if (f)
        fclose(f);
    if (err)
        errno = err;
    return st;
}

const char *sp_file_error(int err)
{
    if (err == SP_ENOTREG)
        return "not a regular file";
    if (err == SP_EBROKENLINK)
        return "broken symbolic link";
    return strerror(err);
}

int sp_file_error_kind(int err)
{
    return err == SP_ENOTREG || err == SP_EBROKENLINK;
}

const char *sp_path_base(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash && slash[1] ? slash + 1 : path;
}

void sp_quote_value(const char *s, char *buf, size_t size)
{
    /* Enough of a value to recognise it; a whole 1 MB field is not. */
    const size_t max = 60;
    size_t i, o = 0;

    if (size < 8) {
        if (size)
            buf[0] = '\0';
        return;
    }
    buf[o++] = '"';
    for (i = 0; s[i] && o + 8 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i >= max && (c & 0xC0) != 0x80) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        if (c == '"' || c == '\\') {
            buf[o++] = '\\';
            buf[o++] = (char)c;
        } else if (c == '\n') {
            buf[o++] = '\\';
            buf[o++] = 'n';
        } else if (c == '\r') {
            buf[o++] = '\\';
            buf[o++] = 'r';
        } else if (c == '\t') {
            buf[o++] = '\\';
            buf[o++] = 't';
        } else if (c < 0x20 || c == 0x7F) {
            o += (size_t)snprintf(buf + o, size - o, "\\x%02X", c);
        } else {
            buf[o++] = (char)c;
        }
    }
    buf[o++] = '"';
    buf[o] = '\0';
}

/* ---- parsing ---------------------------------------------------------- */

struct parse_ctx {
    struct sp_csv *csv;
    size_t text_cap, records_cap;
    size_t text_len;
    size_t rec_first; /* text offset of the record being read */
    int rec_nfields;  /* its fields so far */
    int rec_line;     /* line where it started; 0 = none yet */
    int chunk_line;   /* line of the bytes being fed */
    bool bad_record;  /* the record being ended is cut short */
    bool nomem;
};

static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t cap2 = *cap ? *cap : 64;
    void *q;

    if (need <= *cap)
        return true;
    while (cap2 < need) {
        if (cap2 > SIZE_MAX / 2 / elem)
            return false;
        cap2 *= 2;
    }
    q = realloc(*p, cap2 * elem);
    if (!q)
        return false;
    *p = q;
    *cap = cap2;
    return true;
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* libcsv callback: one field, trimmed and stored. */
static void on_field(void *s, size_t len, void *data)
{
    struct parse_ctx *ctx = data;
    struct sp_csv *csv = ctx->csv;
    const unsigned char *p = s ? s : (const unsigned char *)"";
    void *text = csv->text;

    if (ctx->nomem)
        return;
    if (ctx->rec_line == 0)
        ctx->rec_line = ctx->chunk_line;
    while (len > 0 && is_blank(p[0])) {
        p++;
        len--;
    }
    while (len > 0 && is_blank(p[len - 1]))
        len--;
    if (!grow(&text, &ctx->text_cap, ctx->text_len + len + 1, 1) ||
        ctx->rec_nfields == INT_MAX) {
        csv->text = text;
        ctx->nomem = true;
        return;
    }
    csv->text = text;
    if (len)
        memcpy(csv->text + ctx->text_len, p, len);
    csv->text[ctx->text_len + len] = '\0';
    ctx->rec_nfields++;
    ctx->text_len += len + 1;
}

/* libcsv callback: end of a record.  All-empty records are blank lines
 * (or lines of bare delimiters) and are dropped. */
static void on_record(int c, void *data)
{
    struct parse_ctx *ctx = data;
    struct sp_csv *csv = ctx->csv;
    void *records = csv->records;
    size_t i;
    bool blank = true;

    (void)c;
    if (ctx->nomem)
        return;
    /* all fields empty: nothing but their NULs */
    for (i = ctx->rec_first; i < ctx->text_len && blank; i++)
        blank = csv->text[i] == '\0';
    if (blank) {
        ctx->text_len = ctx->rec_first;
    } else if (!grow(&records, &ctx->records_cap, csv->nrecords + 1,
                     sizeof(struct sp_csv_record))) {
        ctx->nomem = true;
        return;
    } else {
        csv->records = records;
        csv->records[csv->nrecords].first = ctx->rec_first;
        csv->records[csv->nrecords].nfields = ctx->rec_nfields;
        csv->records[csv->nrecords].line = ctx->rec_line;
        csv->records[csv->nrecords].bad = ctx->bad_record;
        csv->nrecords++;
    }
    ctx->rec_first = ctx->text_len;
    ctx->rec_nfields = 0;
    ctx->rec_line = 0;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t k, i;
    unsigned char c = s[0];

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4;
    else
        return 0;
    if (n < k)
        return 0;
    for (i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    /* Overlong forms, surrogates and values past U+10FFFF. */
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return k;
}

bool sp_utf8_check(const unsigned char *s, size_t len, int *line,
                   unsigned char *bad)
{
    size_t i = 0, k;

    *line = 1;
    while (i < len) {
        if (s[i] == '\n' ||
            (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n')))
            (*line)++;
        k = s[i] ? utf8_len(s + i, len - i) : 0;
        if (k == 0) {
            *bad = s[i];
            return false;
        }
        i += k;
    }
    return true;
}

/* Checks the bytes are UTF-8 text; reports the first line that is not. */
static enum sp_status check_text(const unsigned char *s, size_t len,
                                 const char *name, sp_diags *diags)
{
    int line;
    unsigned char bad;
    char msg[160];

    if (sp_utf8_check(s, len, &line, &bad))
        return SP_OK;
    if (bad == 0)
        snprintf(msg, sizeof(msg),
                 "expected CSV text, got binary data (a NUL byte); save the "
                 "sheet as CSV UTF-8");
    else
        snprintf(msg, sizeof(msg),
                 "expected UTF-8 text, got the byte 0x%02X; save the file as "
                 "CSV UTF-8",
                 bad);
    if (sp_diags_add(diags, 0, name, line, NULL, NULL, msg) != SP_OK)
        return SP_ERR_NOMEM;
    return SP_ERR_INPUT;
}

/* The delimiter: ';' when the header line (the first line that is not
 * blank) has more ';' than ',' outside quotes. */
static char detect_delim(const unsigned char *s, size_t len)
{
    size_t i = 0, semi = 0, comma = 0;
    bool quoted = false;

    while (i < len && (is_blank(s[i]) || s[i] == '\r' || s[i] == '\n'))
        i++;
    for (; i < len; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
            break;
        else if (!quoted && s[i] == ';')
            semi++;
        else if (!quoted && s[i] == ',')
            comma++;
    }
    return semi > comma ? ';' : ',';
}

/* Allocates the text and the records once, at their largest: the text
 * holds no more bytes than the file plus a final NUL (every field's
 * delimiter or line end becomes its NUL), and every record starts on a
 * line of its own.  No doubling, so no slack of up to twice the file. */
static enum sp_status presize(struct parse_ctx *ctx, const unsigned char *s,
                              size_t len)
{
    size_t lines = 1, i;

    for (i = 0; i < len; i++)
        lines += s[i] == '\n' ||
                 (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'));
    ctx->text_cap = len + 2;
    ctx->records_cap = lines + 1;
    ctx->csv->text = malloc(ctx->text_cap);
    ctx->csv->records =
        malloc(ctx->records_cap * sizeof(struct sp_csv_record));
    return ctx->csv->text && ctx->csv->records ? SP_OK : SP_ERR_NOMEM;
}

/* Feeds the text to libcsv line by line; fills csv's records. */
static enum sp_status feed(struct parse_ctx *ctx, const unsigned char *s,
                           size_t len, sp_diags *diags)
{
    struct csv_parser p;
    size_t pos = 0, end, limit;
    int line = 1;
    bool eol;
    enum sp_status st = SP_OK;
    char msg[160];

    if (csv_init(&p, CSV_APPEND_NULL) != 0)
        return SP_ERR_NOMEM;
    csv_set_delim(&p, (unsigned char)ctx->csv->delim);
    while (pos < len) {
        limit = len - pos > CHUNK ? pos + CHUNK : len;
        eol = false;
        for (end = pos; end < limit; end++)
            if (s[end] == '\n' || s[end] == '\r')
                break;
        if (end < limit) {
            eol = true;
            end +=
                s[end] == '\r' && end + 1 < len && s[end + 1] == '\n' ? 2 : 1;
        }
        ctx->chunk_line = line;
        /* libcsv grows its field buffer by blk_size at a time: make that
         * the buffer's size so a long field costs linear time. */
        csv_set_blk_size(&p, csv_get_buffer_size(&p) > 4096
                                 ? csv_get_buffer_size(&p)
                                 : 4096);
        if (csv_parse(&p, s + pos, end - pos, on_field, on_record, ctx) !=
                end - pos ||
            ctx->nomem) {
            st = SP_ERR_NOMEM;
            goto cleanup;
        }
        /* A record still open here began on this line unless it began
         * earlier (rec_line set by then). */
        if (ctx->rec_line == 0 && p.pstate != CSV_ROW_NOT_BEGUN)
            ctx->rec_line = line;
        if (eol)
            line++;
        pos = end;
    }
    if (p.pstate == CSV_FIELD_BEGUN && p.quoted) {
        /* Everything after the opening quote would be one field: say so
         * instead of guessing where the quote should have closed. */
        snprintf(msg, sizeof(msg),
                 "expected a closing '\"', got the end of the file (a "
                 "quoted field is not closed)");
        if (sp_diags_add(diags, 0, ctx->csv->name, ctx->rec_line, NULL, NULL,
                         msg) != SP_OK)
            st = SP_ERR_NOMEM;
        /* Keep what was read, marked bad, so that its id is known. */
        ctx->bad_record = true;
        if (csv_fini(&p, on_field, on_record, ctx) != 0 || ctx->nomem)
            st = SP_ERR_NOMEM;
    } else if (csv_fini(&p, on_field, on_record, ctx) != 0 || ctx->nomem) {
        st = SP_ERR_NOMEM;
    }

cleanup:
    csv_free(&p);
    return st;
}

/* Takes the first record as the header. */
static enum sp_status take_header(struct sp_csv *csv, sp_diags *diags)
{
    const struct sp_csv_record *h;
    int i;

    if (csv->nrecords == 0) {
        if (sp_diags_add(diags, 0, csv->name, 0, NULL, NULL,
                         "expected a header line, got an empty file") != SP_OK)
            return SP_ERR_NOMEM;
        return SP_ERR_INPUT;
    }
    h = &csv->records[0];
    csv->header_line = h->line;
    csv->ncols = h->nfields;
    csv->header = calloc((size_t)h->nfields, sizeof(char *));
    csv->norm = calloc((size_t)h->nfields, sizeof(char *));
    if (!csv->header || !csv->norm)
        return SP_ERR_NOMEM;
    for (i = 0; i < h->nfields; i++) {
        csv->header[i] =
            i == 0 ? csv->text + h->first
                   : csv->header[i - 1] + strlen(csv->header[i - 1]) + 1;
        csv->norm[i] = sp_name_normalize(csv->header[i]);
        if (!csv->norm[i])
            return SP_ERR_NOMEM;
    }
    memmove(csv->records, csv->records + 1,
            (csv->nrecords - 1) * sizeof(*csv->records));
    csv->nrecords--;
    return SP_OK;
}

/* Marks records with more non-empty fields than the header: an unquoted
 * delimiter inside a value shifts every field after it, and reading such
 * a record would be a guess. */
static enum sp_status mark_long_records(struct sp_csv *csv, sp_diags *diags)
{
    size_t r;
    int i, k, used;
    const char *f;
    char msg[200];

    for (r = 0; r < csv->nrecords; r++) {
        struct sp_csv_record *rec = &csv->records[r];
        if (rec->nfields <= csv->ncols)
            continue;
        /* fields up to the last non-empty one */
        used = 0;
        for (k = 0, f = csv->text + rec->first; k < rec->nfields;
             k++, f += strlen(f) + 1)
            if (f[0])
                used = k + 1;
        if (used <= csv->ncols)
            continue;
        rec->bad = true;
        i = snprintf(msg, sizeof(msg),
                     "expected at most %d fields as in the header, got %d",
                     csv->ncols, used);
        if (i > 0 && (size_t)i < sizeof(msg))
            snprintf(msg + i, sizeof(msg) - (size_t)i,
                     " (a value holding '%c' must be in double quotes)",
                     csv->delim);
        if (sp_diags_add(diags, 0, csv->name, rec->line, NULL, NULL, msg) !=
            SP_OK)
            return SP_ERR_NOMEM;
    }
    return SP_OK;
}

enum sp_status sp_csv_parse(const char *data, size_t len, const char *name,
                            struct sp_csv **out, sp_diags *diags)
{
    const unsigned char *s = (const unsigned char *)data;
    struct sp_csv *csv = NULL;
    struct parse_ctx ctx;
    enum sp_status st;

    *out = NULL;
    memset(&ctx, 0, sizeof(ctx));
    csv = calloc(1, sizeof(*csv));
    if (!csv || !(csv->name = strdup(name))) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        len -= 3;
    }
    st = check_text(s, len, csv->name, diags);
    if (st != SP_OK)
        goto cleanup;
    csv->delim = detect_delim(s, len);
    ctx.csv = csv;
    st = presize(&ctx, s, len);
    if (st != SP_OK)
        goto cleanup;
    st = feed(&ctx, s, len, diags);
    if (st != SP_OK)
        goto cleanup;
    st = take_header(csv, diags);
    if (st != SP_OK)
        goto cleanup;
    st = mark_long_records(csv, diags);
    if (st != SP_OK)
        goto cleanup;
    *out = csv;
    csv = NULL;

cleanup:
    sp_csv_free(csv);
    return st;
}

void sp_csv_free(struct sp_csv *self)
{
    int i;

    if (!self)
        return;
    if (self->norm)
        for (i = 0; i < self->ncols; i++)
            free(self->norm[i]);
    free(self->norm);
    free(self->header);
    free(self->records);
    free(self->text);
    free(self->name);
    free(self);
}

const char *sp_csv_field(const struct sp_csv *self, size_t rec, int col)
{
    const struct sp_csv_record *r;
    const char *f;
    int k;

    if (rec >= self->nrecords || col < 0)
        return "";
    r = &self->records[rec];
    if (col >= r->nfields)
        return "";
    f = self->text + r->first;
    for (k = 0; k < col; k++)
        f += strlen(f) + 1;
    return f;
}

enum sp_status sp_csv_bind(const struct sp_csv *self,
                           const struct sp_csv_column *cols, int n, int *index,
                           bool verbose, sp_diags *diags)
{
    int i, k;
    char msg[160];

    for (k = 0; k < n; k++)
        index[k] = -1;
    for (i = 0; i < self->ncols; i++) {
        for (k = 0; k < n; k++)
            if (strcmp(self->norm[i], cols[k].name) == 0)
                break;
        if (k == n) {
            if (!verbose)
                continue;
            if (self->norm[i][0] == '\0')
                snprintf(msg, sizeof(msg),
                         "column %d has no name in the header; ignored",
                         i + 1);
            else
                snprintf(msg, sizeof(msg), "unknown column; ignored");
            if (sp_diags_add(diags, 1, self->name, self->header_line,
                             self->norm[i][0] ? self->header[i] : NULL, NULL,
                             msg) != SP_OK)
                return SP_ERR_NOMEM;
        } else if (index[k] >= 0) {
            snprintf(msg, sizeof(msg),
                     "expected once in the header, got it again as column "
                     "%d",
                     i + 1);
            if (sp_diags_add(diags, 0, self->name, self->header_line,
                             self->header[i], NULL, msg) != SP_OK)
                return SP_ERR_NOMEM;
        } else {
            index[k] = i;
        }
    }
    for (k = 0; k < n; k++) {
        if (index[k] >= 0 || !cols[k].required)
            continue;
        if (sp_diags_add(diags, 0, self->name, self->header_line, cols[k].name,
                         NULL, "required column is missing from the header") !=
            SP_OK)
            return SP_ERR_NOMEM;
    }
    return SP_OK;
}
