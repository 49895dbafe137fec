/* <dirent.h>: directory streams over read().
 *
 * Under minios, read() on a directory's descriptor returns its data: the
 * on-disk records of <pvm/fs.h> (int inum; char name[28]), 32 bytes each,
 * inum 0 for a free slot.  A DIR reads a block of them at a time.  A bare
 * `pvm run` cannot tell a directory (no fstat), so opendir fails there with
 * ENOSYS and the one-time note. */
#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define NAME_MAX_BYTES 28   /* DIRSIZ of <pvm/fs.h>, which would clash with <dirent.h> */
#define RECORDS 32          /* read per call: one 1 KiB block */

struct disk_dirent {        /* <pvm/fs.h>'s struct dirent */
    int inum;
    char name[NAME_MAX_BYTES];
};

struct __pvm_dir {
    int fd;
    int next, count;        /* records[next..count) are not yet returned */
    struct disk_dirent records[RECORDS];
    struct dirent entry;    /* what readdir returns */
};

DIR *opendir(const char *path)
{
    struct stat st;
    DIR *dir;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    if (__minios_result("opendir", __syscall(SYS_fstat, (long)fd, (long)&st)) < 0)
        goto fail;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        goto fail;
    }
    dir = malloc(sizeof *dir);
    if (!dir)
        goto fail;
    dir->fd = fd;
    dir->next = dir->count = 0;
    return dir;
fail:
    close(fd);              /* cannot fail: errno stays as set above */
    return NULL;
}

struct dirent *readdir(DIR *dir)
{
    struct disk_dirent *d;
    long n;
    int i;
    for (;;) {
        if (dir->next == dir->count) {
            n = read(dir->fd, dir->records, sizeof dir->records);
            if (n <= 0)
                return NULL;        /* end (errno untouched), or read's error */
            dir->next = 0;
            dir->count = (int)(n / sizeof(struct disk_dirent));
            if (dir->count == 0)
                return NULL;        /* a torn record: not a directory's data */
        }
        d = &dir->records[dir->next++];
        if (d->inum == 0)
            continue;
        dir->entry.d_ino = d->inum;
        for (i = 0; i < NAME_MAX_BYTES - 1 && d->name[i]; i++)
            dir->entry.d_name[i] = d->name[i];
        dir->entry.d_name[i] = 0;
        return &dir->entry;
    }
}

int closedir(DIR *dir)
{
    int r = close(dir->fd);
    free(dir);
    return r;
}
