/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The output folder of `stackplan import`, all or nothing: every file is
 * written into a temporary folder beside the target (same file system,
 * so the final rename is atomic) and the folder is renamed into place
 * only when every file is complete.  With --force an existing target is
 * first moved aside and removed once the new folder is in place.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "import_int.h"

/* The temporary folder being written and its files, in fixed buffers a
 * signal handler can read (sp_import_unlink_all); live_n < 0 = none. */
#define LIVE_MAX 16
#define LIVE_PATH 4096
static char live_dir[LIVE_PATH];
static char live_files[LIVE_MAX][LIVE_PATH];
static volatile sig_atomic_t live_n = -1;

static void live_copy(char *dst, const char *src)
{
    size_t n = strlen(src);

    if (n >= LIVE_PATH)
        n = LIVE_PATH - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* SIGINT, SIGTERM and SIGHUP held back while the folder is created and
 * registered, and while it is renamed into place: a signal in between
 * would leave a folder the handler does not know of, or a half-known
 * state.  A held signal is delivered at the unblock. */
static void hold_signals(sigset_t *old)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void release_signals(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void sp_import_unlink_all(void)
{
    int i, n = live_n;

    if (n < 0)
        return;
    for (i = 0; i < n && i < LIVE_MAX; i++)
        unlink(live_files[i]);
    rmdir(live_dir);
}

void sp_csv_put(FILE *f, const char *s)
{
    size_t n = strlen(s);
    bool quote = n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
                           s[n - 1] == '\t');
    const char *p;

    for (p = s; *p && !quote; p++)
        quote =
            *p == ',' || *p == '"' || *p == '\n' || *p == '\r' || *p == ';';
    if (!quote) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (p = s; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

void sp_csv_put_number(FILE *f, double v)
{
    if (v == 0)
        v = 0; /* never "-0" */
    fprintf(f, "%.15g", v);
}

/* dir part and base part of a path ("." for a bare name). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *d;

    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    d = strndup(path, (size_t)(slash - path));
    return d;
}

enum sp_status sp_outdir_begin(struct sp_outdir *self, const char *target,
                               char *err, size_t errsize)
{
    char *dir = NULL, *base;
    size_t n;
    sigset_t held;
    enum sp_status st = SP_OK;

    memset(self, 0, sizeof(*self));
    n = strlen(target);
    self->target = strdup(target);
    if (!self->target)
        return SP_ERR_NOMEM;
    /* "out/" names the folder "out" */
    while (n > 1 && self->target[n - 1] == '/')
        self->target[--n] = '\0';
    dir = dir_of(self->target);
    if (!dir)
        return SP_ERR_NOMEM;
    base = strrchr(self->target, '/');
    base = base ? base + 1 : self->target;
    self->tmp = malloc(strlen(dir) + strlen(base) + 32);
    if (!self->tmp) {
        st = SP_ERR_NOMEM;
        goto cleanup;
    }
    sprintf(self->tmp, "%s/.%s.import-XXXXXX", dir, base);
    hold_signals(&held);
    if (mkdtemp(self->tmp)) {
        live_n = -1;
        live_copy(live_dir, self->tmp);
        live_n = 0;
        release_signals(&held);
    } else {
        release_signals(&held);
        snprintf(err, errsize, "%s: cannot create a folder beside it: %s",
                 target, strerror(errno));
        free(self->tmp);
        self->tmp = NULL;
        st = SP_ERR_IO;
    }

cleanup:
    free(dir);
    return st;
}

static char *join(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);

    if (p)
        sprintf(p, "%s/%s", dir, name);
    return p;
}

FILE *sp_outdir_open(struct sp_outdir *self, const char *name, char *err,
                     size_t errsize)
{
    char *path = join(self->tmp, name), **grown;
    FILE *f;

    if (!path) {
        snprintf(err, errsize, "%s", strerror(ENOMEM));
        return NULL;
    }
    grown = realloc(self->files, (size_t)(self->nfiles + 1) * sizeof(char *));
    if (!grown) {
        free(path);
        snprintf(err, errsize, "%s", strerror(ENOMEM));
        return NULL;
    }
    self->files = grown;
    /* known to the signal handler before it exists */
    if (live_n >= 0 && live_n < LIVE_MAX) {
        live_copy(live_files[live_n], path);
        live_n = live_n + 1;
    }
    f = fopen(path, "w");
    if (!f) {
        snprintf(err, errsize, "%s: cannot write %s: %s", self->target, name,
                 strerror(errno));
        free(path);
        return NULL;
    }
    self->files[self->nfiles++] = path;
    return f;
}

enum sp_status sp_outdir_close(struct sp_outdir *self, FILE *f,
                               const char *name, char *err, size_t errsize)
{
    bool bad = ferror(f) != 0;

    if (fclose(f) != 0)
        bad = true;
    if (bad) {
        snprintf(err, errsize, "%s: cannot write %s: %s", self->target, name,
                 strerror(errno ? errno : EIO));
        return SP_ERR_IO;
    }
    return SP_OK;
}

/* Removes the regular files of dir and dir itself (a folder the import
 * made, or the old output it replaces -- checked to hold no folders). */
static int remove_flat(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char *p;
    int rc = 0;

    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        p = join(dir, e->d_name);
        if (!p || unlink(p) != 0)
            rc = -1;
        free(p);
    }
    closedir(d);
    if (rmdir(dir) != 0)
        rc = -1;
    return rc;
}

enum sp_status sp_outdir_commit(struct sp_outdir *self, char *err,
                                size_t errsize)
{
    struct stat sb;
    char *old = NULL;
    sigset_t held;
    enum sp_status st = SP_OK;

    /* the old folder aside, the new one in place: one step to a signal */
    hold_signals(&held);
    if (lstat(self->target, &sb) == 0) {
        /* --force: move the old folder aside first; rename(2) does not
         * replace a folder that holds files */
        old = malloc(strlen(self->tmp) + 8);
        if (!old) {
            st = SP_ERR_NOMEM;
            goto cleanup;
        }
        sprintf(old, "%s.old", self->tmp);
        if (rename(self->target, old) != 0) {
            snprintf(err, errsize, "%s: cannot replace it: %s", self->target,
                     strerror(errno));
            st = SP_ERR_IO;
            goto cleanup;
        }
    }
    if (rename(self->tmp, self->target) != 0) {
        snprintf(err, errsize, "%s: cannot create it: %s", self->target,
                 strerror(errno));
        st = SP_ERR_IO;
        /* put the old folder back */
        if (old && rename(old, self->target) != 0) {
            /* nothing more can be done; the old folder stays aside */
        }
        goto cleanup;
    }
    live_n = -1;
    free(self->tmp);
    self->tmp = NULL;
    if (old && remove_flat(old) != 0) {
        /* the new folder is in place; a leftover is only untidy */
    }

cleanup:
    release_signals(&held);
    free(old);
    return st;
}

void sp_outdir_abort(struct sp_outdir *self)
{
    int i;

    if (self->tmp)
        remove_flat(self->tmp);
    live_n = -1;
    for (i = 0; i < self->nfiles; i++)
        free(self->files[i]);
    free(self->files);
    free(self->tmp);
    free(self->target);
    memset(self, 0, sizeof(*self));
}
