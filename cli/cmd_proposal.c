/* placeholder: being written */
#include "cli_int.h"
int cli_proposal(int argc, char **argv)
{
    (void)argc; (void)argv;
    return EXIT_INTERNAL;
}
