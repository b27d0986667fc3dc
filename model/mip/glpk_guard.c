/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * GLPK kept inside the library: its terminal output never reaches
 * stdout, and its fatal errors never end the process.
 *
 * GLPK prints through one terminal hook per thread and, on a bad call or
 * a failed internal assertion (glp_error), prints a message and calls
 * abort().  Every solve installs a guard: the terminal hook hands each
 * line to the caller's log callback (sp_solve_options.log; `--verbose`
 * prints them on stderr) or drops it, and the error hook jumps back to
 * the solve's entry, which frees GLPK's environment (what GLPK's manual
 * prescribes after such a jump) and returns SP_ERR_SOLVER with GLPK's
 * message.  The memory the abandoned solve held outside GLPK is lost;
 * this path is for what the loaders' checks (names, bounds) cannot
 * foresee, never for input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "mip_int.h"

/* The guard of the solve running on this thread; GLPK's environment is
 * per thread too. */
static _Thread_local struct sp_glpk_guard *current;

static void put_line(struct sp_glpk_guard *g)
{
    g->buf[g->len] = '\0';
    if (g->len > 0) {
        memcpy(g->prev, g->last, sizeof(g->prev));
        memcpy(g->last, g->buf, g->len + 1);
        if (g->log)
            g->log(g->buf, g->log_user);
    }
    g->len = 0;
}

/* GLPK's terminal output, in pieces that need not end at a line end. */
static int term_hook(void *info, const char *s)
{
    struct sp_glpk_guard *g = info;

    for (; *s; s++) {
        if (*s == '\n')
            put_line(g);
        else if (g->len < sizeof(g->buf) - 1)
            g->buf[g->len++] = *s;
    }
    return 1; /* handled: GLPK writes nothing itself */
}

static void error_hook(void *info)
{
    struct sp_glpk_guard *g = info;

    if (g->len > 0)
        put_line(g);
    longjmp(g->jump, 1);
}

void sp_glpk_guard_begin(struct sp_glpk_guard *g, sp_log_fn log, void *user)
{
    memset(g->buf, 0, sizeof(g->buf));
    g->len = 0;
    g->last[0] = g->prev[0] = '\0';
    g->log = log;
    g->log_user = user;
    g->outer = current;
    current = g;
    glp_term_hook(term_hook, g);
    glp_error_hook(error_hook, g);
    /* GLPK turns its output on to print an error in any case */
    glp_term_out(log ? GLP_ON : GLP_OFF);
}

void sp_glpk_guard_end(struct sp_glpk_guard *g)
{
    if (g->len > 0)
        put_line(g);
    current = g->outer;
    if (current) {
        glp_term_hook(term_hook, current);
        glp_error_hook(error_hook, current);
    } else {
        glp_term_hook(NULL, NULL);
        glp_error_hook(NULL, NULL);
        glp_term_out(GLP_OFF);
    }
}

enum sp_status sp_glpk_guard_failed(struct sp_glpk_guard *g, char *err,
                                    size_t errsize)
{
    /* GLPK's message comes before its "Error detected in file ..." */
    const char *why = strncmp(g->last, "Error detected", 14) == 0 && g->prev[0]
                          ? g->prev
                          : g->last;

    if (err && errsize)
        snprintf(err, errsize,
                 "the solver (GLPK) stopped on an internal error: %s",
                 why[0] ? why : "no message");
    current = g->outer;
    glp_term_hook(NULL, NULL);
    glp_error_hook(NULL, NULL);
    glp_free_env();
    return SP_ERR_SOLVER;
}

void sp_mip_log(const char *fmt, ...)
{
    char line[512];
    va_list ap;

    if (!current || !current->log)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    current->log(line, current->log_user);
}
