/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A worksheet wrapper: every write goes through here so that the widest
 * content of each column is known at the end (libxlsxwriter 1.1.4 has no
 * autofit) and the first failed write is remembered instead of being
 * checked at every call site.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_int.h"

#define SP_COL_MIN 6.0
#define SP_COL_MAX 60.0
#define SP_HEADER_WRAP 14 /* a header wraps past this many characters */
#define SP_WRAP_WIDTH 20  /* a wrapped list is at most this wide */
#define SP_STR_MAX 32767  /* Excel's longest cell text, in bytes here */

/* ---- the sheet ---------------------------------------------------------- */

bool sp_xsheet_add(struct sp_xsheet *s, lxw_workbook *wb,
                   const struct sp_xfmt *fmt, const char *name)
{
    size_t i, j = 0;

    memset(s, 0, sizeof(*s));
    s->fmt = fmt;
    s->print_last_row = -1;
    snprintf(s->name, sizeof(s->name), "%s", name);
    /* Formulas always quote the name, doubling any apostrophe in it. */
    s->quoted[j++] = '\'';
    for (i = 0; name[i] && j + 3 < sizeof(s->quoted); i++) {
        if (name[i] == '\'')
            s->quoted[j++] = '\'';
        s->quoted[j++] = name[i];
    }
    s->quoted[j++] = '\'';
    s->quoted[j] = '\0';
    s->ws = workbook_add_worksheet(wb, name);
    if (!s->ws) {
        s->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return false;
    }
    return true;
}

void sp_xsheet_clear(struct sp_xsheet *s)
{
    int i;

    free(s->width);
    s->width = NULL;
    s->nwidth = 0;
    for (i = 0; i < s->nhdr; i++)
        free(s->hdr[i].text);
    free(s->hdr);
    s->hdr = NULL;
    s->nhdr = s->caphdr = 0;
}

static void remember_header(struct sp_xsheet *s, int row, int col,
                            const char *text)
{
    char *copy;

    if (s->nhdr == s->caphdr) {
        int cap = s->caphdr ? s->caphdr * 2 : 32;
        struct sp_xhdr *h = realloc(s->hdr, (size_t)cap * sizeof(*h));
        if (!h) {
            s->nomem = true;
            return;
        }
        s->hdr = h;
        s->caphdr = cap;
    }
    copy = malloc(strlen(text) + 1);
    if (!copy) {
        s->nomem = true;
        return;
    }
    strcpy(copy, text);
    s->hdr[s->nhdr].row = row;
    s->hdr[s->nhdr].col = col;
    s->hdr[s->nhdr].text = copy;
    s->nhdr++;
}

static void check(struct sp_xsheet *s, lxw_error e)
{
    if (e != LXW_NO_ERROR && s->error == LXW_NO_ERROR)
        s->error = e;
}

void sp_xs_widen(struct sp_xsheet *s, int col, double chars)
{
    if (col < 0)
        return;
    if (col >= s->nwidth) {
        int n = s->nwidth ? s->nwidth : 16, i;
        double *w;
        while (n <= col)
            n *= 2;
        w = realloc(s->width, (size_t)n * sizeof(*w));
        if (!w) {
            s->nomem = true;
            return;
        }
        for (i = s->nwidth; i < n; i++)
            w[i] = 0;
        s->width = w;
        s->nwidth = n;
    }
    if (chars > s->width[col])
        s->width[col] = chars;
}

/* The longest word of a header: the narrowest it can wrap to. */
static size_t longest_word(const char *text)
{
    size_t best = 0, cur = 0;

    for (; *text; text++) {
        if (*text == ' ') {
            cur = 0;
            continue;
        }
        cur += ((unsigned char)*text & 0xC0) != 0x80;
        if (cur > best)
            best = cur;
    }
    return best;
}

/* Characters a number takes as displayed in format f. */
static double number_width(const struct sp_xsheet *s, double v, lxw_format *f)
{
    const struct sp_xfmt *x = s->fmt;
    char buf[64];
    double a = fabs(v), digits;
    int n;

    /* the loaders' bounds keep infinities out; (int) of one is undefined */
    if (!isfinite(v))
        return 8;
    if (f && (f == x->money || f == x->money_total || f == x->price ||
              f == x->price_input)) {
        digits = a >= 1 ? floor(log10(a)) + 1 : 1;
        n = (int)digits + (int)((digits - 1) / 3) + 3 + x->symbol_width;
        if (f == x->price || f == x->price_input)
            n += 2;
        return n + (v < 0);
    }
    if (f && f == x->percent)
        n = snprintf(buf, sizeof(buf), "%.2f%%", v * 100);
    else
        n = snprintf(buf, sizeof(buf), "%.10g", v);
    return n > 0 ? n : 8;
}

/* libxlsxwriter refuses strings over 32767 bytes; cut at a character
 * boundary rather than lose the cell. */
static void write_string(struct sp_xsheet *s, int row, int col,
                         const char *text, lxw_format *f)
{
    size_t n = strlen(text);
    char *cut;

    if (n <= SP_STR_MAX) {
        check(s, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col,
                                        text, f));
        return;
    }
    s->cut++;
    n = SP_STR_MAX;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    cut = malloc(n + 1);
    if (!cut) {
        s->nomem = true;
        return;
    }
    memcpy(cut, text, n);
    cut[n] = '\0';
    check(s, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, cut,
                                    f));
    free(cut);
}

void sp_xs_str(struct sp_xsheet *s, int row, int col, const char *text,
               lxw_format *f)
{
    if (!text || !*text) {
        if (f)
            sp_xs_blank(s, row, col, f);
        return;
    }
    write_string(s, row, col, text, f);
    if (f && f == s->fmt->header) {
        size_t len = sp_xutf8_len(text), word = longest_word(text);
        sp_xs_widen(s, col, (double)(len < SP_HEADER_WRAP ? len : word));
        if (word < SP_HEADER_WRAP && len >= SP_HEADER_WRAP)
            sp_xs_widen(s, col, word > 10 ? word : 10);
        remember_header(s, row, col, text);
    } else if (f && f == s->fmt->wrap) {
        size_t len = sp_xutf8_len(text);
        sp_xs_widen(s, col,
                    (double)(len < SP_WRAP_WIDTH ? len : SP_WRAP_WIDTH));
        /* its row is made tall enough for the wrapped lines, or the text
         * overprints the next row */
        remember_header(s, row, col, text);
    } else {
        sp_xs_widen(s, col, (double)sp_xutf8_len(text));
    }
}

void sp_xs_label(struct sp_xsheet *s, int row, int col, const char *text,
                 lxw_format *f)
{
    if (text && *text)
        write_string(s, row, col, text, f);
}

void sp_xs_num(struct sp_xsheet *s, int row, int col, double v, lxw_format *f)
{
    if (!isfinite(v)) {
        /* no such cell in a workbook: Excel's own sign of overflow */
        write_string(s, row, col, "#NUM!", f);
        return;
    }
    check(s,
          worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
    sp_xs_widen(s, col, number_width(s, v, f));
}

void sp_xs_blank(struct sp_xsheet *s, int row, int col, lxw_format *f)
{
    check(s, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)col, f));
}

void sp_xs_formula(struct sp_xsheet *s, int row, int col, lxw_format *f,
                   double cached, const char *formula)
{
    check(s, worksheet_write_formula_num(s->ws, (lxw_row_t)row, (lxw_col_t)col,
                                         formula, f, cached));
    sp_xs_widen(s, col, number_width(s, cached, f));
}

void sp_xs_formulaf(struct sp_xsheet *s, int row, int col, lxw_format *f,
                    double cached, const char *fmt, ...)
{
    char stack[512], *heap = NULL;
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(stack, sizeof(stack), fmt, ap);
    va_end(ap);
    if (n < 0) {
        s->nomem = true; /* vsnprintf fails only without memory */
        return;
    }
    /* a long SUM or a long sheet name: format again on the heap */
    if ((size_t)n >= sizeof(stack)) {
        heap = malloc((size_t)n + 1);
        if (!heap) {
            s->nomem = true;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(heap, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sp_xs_formula(s, row, col, f, cached, heap);
        free(heap);
        return;
    }
    sp_xs_formula(s, row, col, f, cached, stack);
}

void sp_xs_sheet_link(struct sp_xsheet *s, int row, int col,
                      const struct sp_xsheet *target)
{
    char url[300];

    snprintf(url, sizeof(url), "internal:%s!A1", target->quoted);
    check(s, worksheet_write_url_opt(s->ws, (lxw_row_t)row, (lxw_col_t)col,
                                     url, s->fmt->link, target->name, NULL));
    sp_xs_widen(s, col, (double)sp_xutf8_len(target->name));
}

void sp_xref(char *buf, const struct sp_xsheet *other, int row, int col,
             bool abs)
{
    char cell[16]; /* $XFD$1048576 at most */

    if (abs)
        lxw_rowcol_to_cell_abs(cell, (lxw_row_t)row, (lxw_col_t)col, 1, 1);
    else
        lxw_rowcol_to_cell(cell, (lxw_row_t)row, (lxw_col_t)col);
    if (other)
        snprintf(buf, 300, "%s!%s", other->quoted, cell);
    else
        snprintf(buf, 300, "%s", cell);
}

/* Width units of column c as set by sp_xs_finish. */
static double final_width(const struct sp_xsheet *s, int c)
{
    double w = c < s->nwidth ? s->width[c] : 0;

    if (w <= 0)
        return 8.43; /* Excel's default */
    /* a character of Calibri 11 is about one width unit; pad it */
    w = w * 1.1 + 2;
    if (w < SP_COL_MIN)
        w = SP_COL_MIN;
    if (w > SP_COL_MAX)
        w = SP_COL_MAX;
    return w;
}

/* Lines text takes when wrapped at word boundaries into chars per line. */
static int wrapped_lines(const char *text, double chars)
{
    int lines = 1;
    double used = 0;

    while (*text) {
        size_t n = 0;
        double w;
        while (*text == ' ')
            text++;
        while (text[n] && text[n] != ' ')
            n++;
        if (n == 0)
            break;
        {
            char word[256];
            size_t m = n < sizeof(word) - 1 ? n : sizeof(word) - 1;
            memcpy(word, text, m);
            word[m] = '\0';
            w = (double)sp_xutf8_len(word);
        }
        if (used > 0 && used + 1 + w > chars) {
            lines++;
            used = w;
        } else {
            used += (used > 0) + w;
        }
        text += n;
    }
    return lines;
}

static void size_header_rows(struct sp_xsheet *s)
{
    int i, j;

    for (i = 0; i < s->nhdr; i++) {
        int row = s->hdr[i].row, lines = 1;
        bool done = false;
        for (j = 0; j < i && !done; j++)
            done = s->hdr[j].row == row;
        if (done)
            continue; /* this row was sized with its first cell */
        for (j = i; j < s->nhdr; j++) {
            int n;
            if (s->hdr[j].row != row)
                continue;
            n = wrapped_lines(s->hdr[j].text,
                              (final_width(s, s->hdr[j].col) - 1) / 1.1);
            if (n > lines)
                lines = n;
        }
        check(s, worksheet_set_row(s->ws, (lxw_row_t)row, 15.0 * lines + 2,
                                   NULL));
    }
}

double sp_xs_width_px(const struct sp_xsheet *s)
{
    double px = 0;
    int c, last = -1;

    for (c = 0; c < s->nwidth; c++)
        if (s->width[c] > 0)
            last = c;
    for (c = 0; c <= last; c++)
        px += floor(final_width(s, c) * 7 + 0.5) + 5;
    return px;
}

void sp_xs_page_break(struct sp_xsheet *s, int row)
{
    if (row > 0 && s->nbreaks < 15)
        s->breaks[s->nbreaks++] = (lxw_row_t)row;
}

void sp_xs_print_to(struct sp_xsheet *s, int last_row)
{
    s->print_last_row = last_row;
}

/* Points a column of w width units takes at 100 %: Excel draws a unit as
 * 7 pixels of Calibri 11 plus 5 of padding, a pixel being 0.75 pt.
 * LibreOffice (Carlito for Calibri) lays out 6 % wider, and prints the
 * text of titles and notes overflowing the last column: 20 % more keeps
 * the scale measured from its PDFs above 8 pt. */
static double column_points(double w)
{
    return (floor(w * 7 + 0.5) + 5) * 0.75 * 1.15;
}

/*
 * Pages wide so that the smallest text (11 pt) prints at SP_MIN_PT or
 * more: at one page wide the scale is usable / width; below 8/11 the
 * sheet spreads over more pages, each repeating the first column.
 */
#define SP_MIN_PT 8.25 /* a little over 8 pt: rounding of the scale */
static int pages_wide(const struct sp_xsheet *s, int *last_col)
{
    double usable = (s->fmt->letter ? 11.0 : 11.69) * 72 - 72; /* margins */
    double total = 0, first, scale = SP_MIN_PT / 11.0;
    int c, last = 0;

    for (c = 0; c < s->nwidth; c++)
        if (s->width[c] > 0)
            last = c;
    for (c = 0; c <= last; c++)
        total += column_points(final_width(s, c));
    *last_col = last;
    if (total * scale <= usable)
        return 1;
    first = column_points(final_width(s, 0)) * scale;
    return (int)ceil((total * scale - first) / (usable - first));
}

void sp_xs_finish(struct sp_xsheet *s, int header_row)
{
    char header[200];
    int c, wide, last_col;

    for (c = 0; c < s->nwidth; c++)
        if (s->width[c] > 0)
            check(s, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c,
                                          final_width(s, c), NULL));
    size_header_rows(s);
    worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, s->fmt->letter ? 1 : 9);
    wide = pages_wide(s, &last_col);
    worksheet_fit_to_pages(s->ws, (uint16_t)wide, 0);
    if (wide > 1)
        check(s, worksheet_repeat_columns(s->ws, 0, 0));
    worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);
    snprintf(header, sizeof(header), "&L&A&C%s&R&D", s->fmt->page_owner);
    check(s, worksheet_set_header(s->ws, header));
    check(s, worksheet_set_footer(s->ws, "&RPage &P of &N"));
    if (s->nbreaks > 0) {
        s->breaks[s->nbreaks] = 0; /* the list ends with 0 */
        check(s, worksheet_set_h_pagebreaks(s->ws, s->breaks));
    }
    if (s->print_last_row >= 0)
        check(s,
              worksheet_print_area(s->ws, 0, 0, (lxw_row_t)s->print_last_row,
                                   (lxw_col_t)last_col));
    if (header_row >= 0)
        check(s, worksheet_repeat_rows(s->ws, (lxw_row_t)header_row,
                                       (lxw_row_t)header_row));
}

enum sp_status sp_xs_status(const struct sp_xsheet *s, char *err,
                            size_t errsize)
{
    if (s->nomem || s->error == LXW_ERROR_MEMORY_MALLOC_FAILED) {
        snprintf(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    if (s->error != LXW_NO_ERROR) {
        snprintf(err, errsize, "sheet '%s': %s", s->name,
                 lxw_strerror(s->error));
        return SP_ERR_IO;
    }
    /* the writers clear err first, so this is said once per workbook */
    if (s->cut > 0 && err && errsize && err[0] == '\0')
        snprintf(err, errsize,
                 "warning: text longer than Excel's limit of 32,767 "
                 "characters per cell was cut (%zu cell%s, first on sheet "
                 "'%s')",
                 s->cut, s->cut == 1 ? "" : "s", s->name);
    return SP_OK;
}
