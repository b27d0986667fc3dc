/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One reader's fuzz target: the input is the file SP_FUZZ_FILE (built
 * once per input file, docs/fuzzing.md), read with the other files of
 * fuzz/data/ as `stackplan check` reads a data folder.  Whatever the
 * bytes, the load ends in a problem or in reported errors, never in a
 * crash, a sanitizer report or another status (common.c).
 */
#include <stdlib.h>
#include "fuzz_int.h"

#ifndef SP_FUZZ_FILE
#error "SP_FUZZ_FILE (the file this target fuzzes) is not set"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sp_fuzz_dir();
    sp_fuzz_write(SP_FUZZ_FILE, data, size);
    sp_problem_free(sp_fuzz_load());
    return 0;
}
