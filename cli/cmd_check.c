/* placeholder: being written */
#include "cli_int.h"
int cli_check(int argc, char **argv)
{
    (void)argc; (void)argv;
    return EXIT_INTERNAL;
}
