/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compliance in the workbooks (exporters/xlsx_compliance.c). */
#ifndef SP_XLSX_COMPLIANCE_INT_H
#define SP_XLSX_COMPLIANCE_INT_H

#include "core_int.h"
#include "xlsx_int.h"
#include "xlsx_prop_int.h"

/**
 * @brief Adds and writes the scenario workbook's Compliance sheet (last,
 *        named through names) when the problem has controls; nothing
 *        otherwise.
 * @return SP_OK, SP_ERR_NOMEM or SP_ERR_IO (message in err).
 */
enum sp_status sp_xcompliance_write(lxw_workbook *wb,
                                    const struct sp_xfmt *fmt,
                                    const struct sp_result *res,
                                    struct sp_xnames *names, char *err,
                                    size_t errsize);

/** The proposal's compliance section on its main sheet from row on, for
 *  the client's frameworks under the scenario (nothing when it has
 *  none).  @return the row after it. */
int sp_xprop_write_compliance(struct sp_xprop *x, int row);

#endif
