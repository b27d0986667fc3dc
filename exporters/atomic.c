/* Write-then-rename, so a failed or interrupted write leaves no partial
 * output file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "exporters_int.h"

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
        snprintf(err, errsize, "%s: cannot create: %s", path,
                 strerror(errno));
        return SP_ERR_IO;
    }
    /* mkstemp makes the file 0600; give it the mode a plain fopen would. */
    {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    close(fd);
    return SP_OK;
}

enum sp_status sp_atomic_finish(const char *tmp, const char *path, int ok,
                                char *err, size_t errsize)
{
    if (strcmp(tmp, path) == 0)
        return SP_OK; /* written in place (not a regular file) */
    if (!ok) {
        remove(tmp);
        return SP_OK;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errsize, "%s: cannot write: %s", path,
                 strerror(errno));
        remove(tmp);
        return SP_ERR_IO;
    }
    return SP_OK;
}
