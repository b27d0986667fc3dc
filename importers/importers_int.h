/* Private to the importers (and the library modules that report input
 * diagnostics). */
#ifndef SP_IMPORTERS_INT_H
#define SP_IMPORTERS_INT_H

#include "problem_int.h"

/** Appends a diagnostic (strings are copied); SP_ERR_NOMEM on failure.
 *  file/column/scenario may be NULL; line 0 = no line. */
enum sp_status sp_diags_add(sp_diags *self, int warning, const char *file,
                            int line, const char *column,
                            const char *scenario, const char *message);

#endif
