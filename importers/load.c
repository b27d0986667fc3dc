/* placeholder: being written */
#include "importers_int.h"
enum sp_status sp_problem_load(const char *dir,
                               const struct sp_load_options *options,
                               sp_problem **out, sp_diags *diags)
{
    (void)dir; (void)options; (void)diags;
    *out = NULL;
    return SP_ERR_IO;
}
