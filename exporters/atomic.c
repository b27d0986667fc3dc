/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Write-then-rename, so a failed or interrupted write leaves no partial
 * output file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "exporters_int.h"
#include "stackplan/export.h"

/* The output set: while one is open, finished temporaries wait here and
 * are renamed together by sp_outset_commit.  Every live temporary is also
 * kept in tmps[] so a signal handler can unlink it (async-signal-safe:
 * fixed arrays, no allocation). */
#define SP_OUTSET_MAX 16
#define SP_OUTSET_PATH 4096
static int outset_open;
static volatile int ntmps;
static char tmps[SP_OUTSET_MAX][SP_OUTSET_PATH];
static char dests[SP_OUTSET_MAX][SP_OUTSET_PATH];
static int done[SP_OUTSET_MAX];

static int outset_find(const char *tmp)
{
    int i;

    for (i = 0; i < ntmps; i++)
        if (strcmp(tmps[i], tmp) == 0)
            return i;
    return -1;
}

static void outset_drop(int i)
{
    int j;

    for (j = i; j + 1 < ntmps; j++) {
        memcpy(tmps[j], tmps[j + 1], SP_OUTSET_PATH);
        memcpy(dests[j], dests[j + 1], SP_OUTSET_PATH);
        done[j] = done[j + 1];
    }
    ntmps = ntmps - 1;
}

void sp_outset_begin(void)
{
    outset_open = 1;
}

enum sp_status sp_outset_commit(char *err, size_t errsize)
{
    enum sp_status st = SP_OK;
    int i;

    outset_open = 0;
    for (i = 0; i < ntmps; i++) {
        if (st == SP_OK && done[i] && rename(tmps[i], dests[i]) == 0)
            continue;
        if (st == SP_OK && done[i]) {
            snprintf(err, errsize, "%s: cannot write: %s", dests[i],
                     strerror(errno));
            st = SP_ERR_IO;
        }
        remove(tmps[i]);
    }
    ntmps = 0;
    return st;
}

void sp_outset_abort(void)
{
    outset_open = 0;
    sp_outset_unlink_all();
    ntmps = 0;
}

void sp_outset_unlink_all(void)
{
    int i, n = ntmps;

    for (i = 0; i < n; i++)
        unlink(tmps[i]);
}

enum sp_status sp_atomic_tmpname(const char *path, char *tmp, size_t size,
                                 char *err, size_t errsize)
{
    int fd;

    struct stat sb;

    /* A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in
     * place: renaming over it would replace it with a file. */
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        if ((size_t)snprintf(tmp, size, "%s", path) >= size) {
            snprintf(err, errsize, "%s: path too long", path);
            return SP_ERR_IO;
        }
        return SP_OK;
    }
    /* mkstemp reserves a unique name in the target's folder, so rename()
     * stays on one file system and is atomic. */
    if ((size_t)snprintf(tmp, size, "%s.tmpXXXXXX", path) >= size) {
        snprintf(err, errsize, "%s: path too long", path);
        return SP_ERR_IO;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsize, "%s: cannot create: %s", path, strerror(errno));
        return SP_ERR_IO;
    }
    /* mkstemp makes the file 0600; give it the mode a plain fopen would. */
    {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    close(fd);
    if (ntmps < SP_OUTSET_MAX && strlen(tmp) < SP_OUTSET_PATH &&
        strlen(path) < SP_OUTSET_PATH) {
        snprintf(tmps[ntmps], SP_OUTSET_PATH, "%s", tmp);
        snprintf(dests[ntmps], SP_OUTSET_PATH, "%s", path);
        done[ntmps] = 0;
        ntmps = ntmps + 1;
    }
    return SP_OK;
}

enum sp_status sp_atomic_finish(const char *tmp, const char *path, int ok,
                                char *err, size_t errsize)
{
    if (strcmp(tmp, path) == 0)
        return SP_OK; /* written in place (not a regular file) */
    int i = outset_find(tmp);

    if (!ok) {
        remove(tmp);
        if (i >= 0)
            outset_drop(i);
        return SP_OK;
    }
    if (outset_open && i >= 0) {
        done[i] = 1; /* renamed by sp_outset_commit */
        return SP_OK;
    }
    if (i >= 0)
        outset_drop(i);
    if (rename(tmp, path) != 0) {
        snprintf(err, errsize, "%s: cannot write: %s", path, strerror(errno));
        remove(tmp);
        return SP_ERR_IO;
    }
    return SP_OK;
}
