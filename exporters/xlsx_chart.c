/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Chart caches.  libxlsxwriter 1.1.4 fills a chart's cached values from
 * the cells it references, but stores 0 for a formula cell, so a reader
 * that shows the cache (a previewer, a chart pasted elsewhere) would draw
 * empty bars.  We give the series its cache ourselves and tell
 * libxlsxwriter to leave it alone; the points are then owned and freed by
 * the chart, as the ones libxlsxwriter makes are.
 */
#include <stdlib.h>
#include <string.h>
#include "xlsx_int.h"

bool sp_xchart_cache(lxw_chart_series *ser, const double *values,
                     const bool *present, int n)
{
    lxw_series_range *range = ser->values;
    int i;

    if (!range || !range->data_cache)
        return true; /* nothing to fill: libxlsxwriter writes no cache */
    range->ignore_cache = LXW_TRUE;
    for (i = 0; i < n; i++) {
        lxw_series_data_point *pt = calloc(1, sizeof(*pt));
        if (!pt)
            return false;
        pt->number = present[i] ? values[i] : 0;
        pt->no_data = !present[i];
        STAILQ_INSERT_TAIL(range->data_cache, pt, list_pointers);
        range->num_data_points++;
    }
    return true;
}

/* Whole units of the currency: "$#,##0.00" without its decimals. */
static void whole_format(const char *currency, char *buf, size_t size)
{
    char *dot;

    sp_xfmt_currency(currency, 0, buf, size);
    dot = strstr(buf, ".00");
    if (dot)
        memmove(dot, dot + 3, strlen(dot + 3) + 1);
}

/* Chart text is scaled with the page (and LibreOffice draws it smaller
 * than cell text of the same size): 13 pt (14 pt titles) stays at 8 pt
 * or more on a sheet printed at the scale sp_xs_finish allows. */
void sp_xchart_style(lxw_chart *ch, const char *currency)
{
    lxw_chart_font text = {0}, title = {0};
    char money[64];

    text.size = 13;
    title.size = 14;
    title.bold = LXW_TRUE;
    whole_format(currency, money, sizeof(money));
    chart_title_set_name_font(ch, &title);
    chart_axis_set_num_font(ch->x_axis, &text);
    chart_axis_set_num_font(ch->y_axis, &text);
    chart_axis_set_name_font(ch->x_axis, &text);
    chart_axis_set_name_font(ch->y_axis, &text);
    chart_axis_set_num_format(ch->y_axis, money);
    chart_legend_set_font(ch, &text);
}

void sp_xchart_labels(lxw_chart_series *ser, const char *currency)
{
    lxw_chart_font text = {0};
    char money[64];

    text.size = 13;
    whole_format(currency, money, sizeof(money));
    chart_series_set_labels(ser);
    chart_series_set_labels_num_format(ser, money);
    chart_series_set_labels_font(ser, &text);
}

/* Always the default width: LibreOffice draws a chart's text smaller by
 * the factor a chart is widened (1.8 times wider printed its 13 pt as
 * 7 pt). */
static lxw_error insert(struct sp_xsheet *s, lxw_row_t row, lxw_chart *ch,
                        int32_t x_offset, double y_scale)
{
    lxw_chart_options opt = {0};

    opt.x_offset = x_offset;
    opt.x_scale = 1;
    opt.y_scale = y_scale;
    return worksheet_insert_chart_opt(s->ws, row, 0, ch, &opt);
}

lxw_error sp_xchart_insert(struct sp_xsheet *s, lxw_row_t row, lxw_chart *ch,
                           double y_scale)
{
    return insert(s, row, ch, 0, y_scale);
}

lxw_error sp_xchart_insert_beside(struct sp_xsheet *s, lxw_row_t row,
                                  lxw_chart *ch)
{
    return insert(s, row, ch, 500, 1);
}
