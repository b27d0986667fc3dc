/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shared by the libFuzzer targets in fuzz/ (docs/fuzzing.md): a private
 * data folder per fuzzing process, filled with the tiny valid data set of
 * fuzz/data/ for the files a target does not fuzz, and the invariants
 * every run must keep.  A broken invariant aborts, so libFuzzer keeps the
 * input as a crash file.
 */
#ifndef SP_FUZZ_INT_H
#define SP_FUZZ_INT_H

#include <stddef.h>
#include <stdint.h>
#include "core_int.h"

/** The names of the data folder's files, in the order the solve target's
 *  input gives them (docs/fuzzing.md). */
extern const char *const sp_fuzz_files[];
#define SP_FUZZ_NFILES 7

/** The process's data folder (created and filled with fuzz/data/ on the
 *  first call, removed at exit); an absolute path. */
const char *sp_fuzz_dir(void);

/** Puts every file of fuzz/data/ back into the folder and removes any
 *  other file (outputs of an earlier run). */
void sp_fuzz_reset(void);

/** Writes size bytes as the folder's file name. */
void sp_fuzz_write(const char *name, const uint8_t *data, size_t size);

/** Removes the folder's file name (absent is fine). */
void sp_fuzz_remove(const char *name);

/** An absolute path in the folder; a static buffer per slot (0-7). */
const char *sp_fuzz_path(int slot, const char *name);

/** Reports a broken invariant on stderr and aborts. */
void sp_fuzz_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

/**
 * @brief Loads the folder as `stackplan check` does (today fixed at
 *        2027-01-01) and checks the load's invariants: the status is
 *        SP_OK or SP_ERR_INPUT, SP_OK exactly when no error was reported,
 *        every diagnostic names its file, has a message and formats to
 *        one line; on success the summary and digest are computed.
 * @return the problem on SP_OK (free with sp_problem_free), else NULL.
 */
struct sp_problem *sp_fuzz_load(void);

/** The same for the folder path; must_load: a load that fails prints its
 *  diagnostics and is a broken invariant (an import's output folder). */
struct sp_problem *sp_fuzz_load_dir(const char *path, bool must_load);

/** Checks the diagnostics' invariants above (file, message, one line);
 *  errors_expected: 1 = at least one error, 0 = none, -1 = either. */
void sp_fuzz_check_diags(const sp_diags *diags, int errors_expected);

/**
 * @brief Writes res as JSON and as a workbook into the folder and checks
 *        that both are complete: every writer returns SP_OK, the JSON
 *        parses with cJSON and holds one entry per scenario with a number
 *        as the total of each feasible one, the workbook is a non-empty
 *        zip (local header first, end-of-central-directory record last),
 *        and no temporary file is left behind.
 */
void sp_fuzz_write_outputs(const sp_result *res);

#endif
