/* <dirent.h>: reading directories (minios; a bare `pvm run` answers ENOSYS).
 *
 * A directory's data is the kernel's records, read() from its descriptor
 * as xv6 does: see struct dirent in <pvm/fs.h>, which this header must not
 * include, since its struct has the same name.  readdir() turns each used
 * record into the POSIX-style struct below, skipping the free ones. */
#ifndef _DIRENT_H
#define _DIRENT_H

struct dirent {
    long d_ino;             /* the inode number (never 0) */
    char d_name[28];        /* NUL-terminated; 28 is DIRSIZ in <pvm/fs.h> */
};

typedef struct __pvm_dir DIR;   /* opaque: stdlib/src/dirent.c */

/* NULL with errno set on failure: ENOTDIR if path is not a directory. */
DIR *opendir(const char *path);
/* The next entry ("." and ".." included), or NULL at the end or on error
 * (errno tells them apart: it is set only on error).  The struct is the
 * DIR's own, overwritten by the next readdir. */
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

#endif
