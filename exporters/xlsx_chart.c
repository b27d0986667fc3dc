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
