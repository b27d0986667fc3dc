/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shared by the scenario workbook and the client proposal: cell formats
 * in the settings' currency, a worksheet wrapper that remembers the widest
 * content of each column (libxlsxwriter 1.1.4 has no autofit) and the
 * first write error, safe and unique sheet names, and cell references.
 */
#ifndef SP_XLSX_INT_H
#define SP_XLSX_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>
#include "stackplan/common.h"

/* ---- formats (xlsx_format.c) ------------------------------------------ */

/** The cell formats both writers use, owned by the workbook. */
struct sp_xfmt {
    lxw_format *title;    /* sheet title */
    lxw_format *subtitle; /* one line under the title */
    lxw_format *note;     /* italic explanation */
    lxw_format *header;   /* table header, wraps, bottom border */
    lxw_format *section;  /* heading of a table further down a sheet */
    lxw_format *text;
    lxw_format *wrap; /* a long list: wraps, counts at most 40 wide */
    lxw_format *bold;
    lxw_format *money;       /* 2 decimals, currency */
    lxw_format *money_total; /* bold, top border */
    lxw_format *price;       /* unit price: 2 to 4 decimals */
    lxw_format *price_input; /* an editable unit price (blue on yellow) */
    lxw_format *number;      /* units: General */
    lxw_format *number_input;
    lxw_format *percent;
    lxw_format *total_label; /* "Total" with a top border */
    lxw_format *link;
    lxw_format *bad;  /* conditional: coverage gap */
    lxw_format *good; /* conditional: covered */
    int symbol_width; /* characters the currency adds to a number */
    /* printing: Letter for USD and CAD, else A4; the MSP's name for the
     * page header ("&" doubled), empty when not given */
    bool letter;
    char page_owner[128];
};

/** @brief Sets the name printed in the centre of every page header. */
void sp_xfmt_set_owner(struct sp_xfmt *f, const char *msp_name);

/**
 * @brief Adds the formats to wb, money in the given ISO currency code.
 * @return false when libxlsxwriter ran out of memory.
 */
bool sp_xfmt_init(struct sp_xfmt *f, lxw_workbook *wb, const char *currency);

/**
 * @brief The Excel number format for money in a currency: USD "$#,##0.00",
 *        EUR/GBP with their symbol, else "#,##0.00 \"CODE\"".
 * @param extra  extra optional decimals ("##") for unit prices.
 */
void sp_xfmt_currency(const char *currency, int extra, char *buf, size_t size);

/* ---- worksheets (xlsx_sheet.c) ---------------------------------------- */

/** A worksheet being written. */
struct sp_xsheet {
    lxw_worksheet *ws;
    const struct sp_xfmt *fmt;
    char name[128];   /* as libxlsxwriter knows it */
    char quoted[260]; /* 'name' with quotes doubled, for formulas */
    double *width;    /* widest content per column, in characters */
    int nwidth;
    lxw_error error; /* first failed write; LXW_NO_ERROR = none */
    bool nomem;
    size_t cut; /* cells whose text was cut to Excel's 32,767 characters */
    /* header cells: their rows are made tall enough for the wrapped
     * text once the widths are known */
    struct sp_xhdr {
        int row, col;
        char *text;
    } * hdr;
    int nhdr, caphdr;
    /* printing: manual page breaks (a table starts a page) and the last
     * row printed (-1: all) */
    lxw_row_t breaks[16];
    int nbreaks;
    int print_last_row;
};

/**
 * @brief Adds a worksheet named name (already safe and unique).
 * @return false when out of memory or libxlsxwriter refused the name;
 *         sp_xsheet_clear must still be called.
 */
bool sp_xsheet_add(struct sp_xsheet *s, lxw_workbook *wb,
                   const struct sp_xfmt *fmt, const char *name);
/** @brief Frees what the wrapper owns (not the worksheet). */
void sp_xsheet_clear(struct sp_xsheet *s);

/** Writes text and counts it toward the column's width. */
void sp_xs_str(struct sp_xsheet *s, int row, int col, const char *text,
               lxw_format *f);
/** Writes text that may overflow into empty neighbours (titles, notes):
 *  not counted toward the width. */
void sp_xs_label(struct sp_xsheet *s, int row, int col, const char *text,
                 lxw_format *f);
void sp_xs_num(struct sp_xsheet *s, int row, int col, double v, lxw_format *f);
void sp_xs_blank(struct sp_xsheet *s, int row, int col, lxw_format *f);
/** Writes a formula with its computed value as the cached result, so a
 *  reader that does not recalculate shows the right number. */
void sp_xs_formula(struct sp_xsheet *s, int row, int col, lxw_format *f,
                   double cached, const char *formula);
/** sp_xs_formula with a printf-style formula. */
void sp_xs_formulaf(struct sp_xsheet *s, int row, int col, lxw_format *f,
                    double cached, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/** An internal hyperlink to cell A1 of another sheet, showing its name. */
void sp_xs_sheet_link(struct sp_xsheet *s, int row, int col,
                      const struct sp_xsheet *target);
/** Counts width for a cell written by other means. */
void sp_xs_widen(struct sp_xsheet *s, int col, double chars);

/** Starts a new printed page at row (before a table). */
void sp_xs_page_break(struct sp_xsheet *s, int row);
/** Prints rows 0..last_row only (the rest is for filtering on screen). */
void sp_xs_print_to(struct sp_xsheet *s, int last_row);

/**
 * @brief Sets every column's width from its content and every header or
 *        wrapped row's height from its wrapped text; landscape printing
 *        fit to one page wide when the text stays at 8 pt or more, else
 *        as many pages wide as that takes (the first column repeated);
 *        page header (sheet name, MSP name, print date) and footer (page
 *        n of m), and (header_row >= 0) that row repeated on each page.
 */
void sp_xs_finish(struct sp_xsheet *s, int header_row);

/** Formats a cell reference: "$B$5" (abs) or "B5"; with another sheet,
 *  "'Name'!$B$5".  buf holds at least 300 bytes. */
void sp_xref(char *buf, const struct sp_xsheet *other, int row, int col,
             bool abs);

/** Status of the sheet's writes: SP_OK, SP_ERR_NOMEM or SP_ERR_IO (with
 *  a message in err).  On SP_OK with text cut to Excel's limit, a warning
 *  goes into err unless err already holds one. */
enum sp_status sp_xs_status(const struct sp_xsheet *s, char *err,
                            size_t errsize);

/* ---- charts (xlsx_chart.c) -------------------------------------------- */

/** Inserts chart ch in column A of row at the default width, y_scale
 *  times the default height. */
lxw_error sp_xchart_insert(struct sp_xsheet *s, lxw_row_t row, lxw_chart *ch,
                           double y_scale);
/** Inserts chart ch at the default size, 500 pixels from column A of
 *  row (beside a table starting there). */
lxw_error sp_xchart_insert_beside(struct sp_xsheet *s, lxw_row_t row,
                                  lxw_chart *ch);
/**
 * @brief Sets the cached values of a series (the values its cells hold,
 *        formulas included); present[i] false = a blank cell, no point.
 * @return false when out of memory.
 */
bool sp_xchart_cache(lxw_chart_series *ser, const double *values,
                     const bool *present, int n);
/** The widest chart, in default chart widths (480 pixels): what a
 *  landscape page holds at the smallest scale sp_xs_finish allows. */
#define SP_CHART_MAX_SCALE 1.8

/** Fonts that print at 8 pt or more, and a y axis in whole currency. */
void sp_xchart_style(lxw_chart *ch, const char *currency);
/** Data labels in whole currency on every point of a series. */
void sp_xchart_labels(lxw_chart_series *ser, const char *currency);
/** Pixels the sheet's columns take so far (final widths), to size a
 *  chart no wider than its table. */
double sp_xs_width_px(const struct sp_xsheet *s);

/* ---- sheet names (xlsx_names.c) --------------------------------------- */

/** Room for any sheet name: 31 UTF-16 units of at most 4 UTF-8 bytes. */
#define SP_XLSX_NAME_SIZE 128

/** The sheet names given so far, compared case-insensitively. */
struct sp_xnames {
    char (*name)[SP_XLSX_NAME_SIZE];
    int n, cap;
};

/**
 * @brief Makes raw a valid, unused sheet name and records it: characters
 *        []:*?/\ and control characters become '_', the name is cut to
 *        31 UTF-16 units, apostrophes at either end are dropped, an empty
 *        result becomes fallback, and a name already used (ignoring ASCII
 *        case) or Excel's reserved "History" gets " (2)", " (3)", ...
 * @param out  receives the name (SP_XLSX_NAME_SIZE bytes).
 * @return false when out of memory.
 */
bool sp_xnames_make(struct sp_xnames *self, const char *raw,
                    const char *fallback, char *out);
void sp_xnames_clear(struct sp_xnames *self);

/* ---- text helpers (xlsx_text.c) -------------------------------------- */

/** A growing string; every append is checked. */
struct sp_xbuf {
    char *s;
    size_t len, cap;
    bool nomem;
};

void sp_xbuf_add(struct sp_xbuf *b, const char *text);
/** Appends text with sep before it unless the buffer is empty. */
void sp_xbuf_item(struct sp_xbuf *b, const char *sep, const char *text);
/** The text so far ("" when empty); owned by the buffer. */
const char *sp_xbuf_str(const struct sp_xbuf *b);
void sp_xbuf_free(struct sp_xbuf *b);

/** Number of characters (UTF-8 code points) of s. */
size_t sp_xutf8_len(const char *s);

#endif
