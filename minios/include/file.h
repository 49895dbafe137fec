/* minios: the kernel's file-system objects: cached disk blocks, in-memory
 * inodes, open files and pipes.  The disk format itself is <pvm/fs.h>,
 * generated from pvm/abi/minifs.py, the same one `pvm mkfs` writes.
 *
 * There are no locks anywhere: the kernel runs every system call to its
 * end on one stack with interrupts off, so no two calls ever interleave
 * inside the file system.  A call that must wait (a pipe or the console
 * with nothing to read) gives up before it has changed anything, and is
 * run again from the start when woken (proc.c, sleep_on). */
#ifndef MINIOS_FILE_H
#define MINIOS_FILE_H

#include <pvm/fs.h>

struct buf {                            /* a disk block in the buffer cache (bio.c) */
    long valid;                         /* data holds the block's contents */
    long blockno;
    long refcnt;                        /* users, and the log while it holds the block */
    long used;                          /* when it was last released: least recent goes first */
    char data[BSIZE];
};

struct inode {                          /* an inode in memory (fs.c) */
    long inum;
    long ref;                           /* references: open files, cwds, calls in progress */
    int type;                           /* a copy of the disk inode ... */
    int major;
    int nlink;
    int size;
    int addrs[NDIRECT + 2];             /* ... kept in step with it by iupdate */
};

#define FD_NONE 0
#define FD_PIPE 1
#define FD_INODE 2
#define FD_DEVICE 3

struct file {                           /* an open file (file.c) */
    int type;                           /* FD_ */
    long ref;                           /* descriptors naming it, in any process */
    int readable, writable, append;
    struct pipe *pipe;                  /* FD_PIPE */
    struct inode *ip;                   /* FD_INODE and FD_DEVICE */
    long off;                           /* FD_INODE: where the next read or write goes */
    int major;                          /* FD_DEVICE: DEV_CONSOLE, DEV_PRINTER */
};

#define PIPESIZE 4096

struct pipe {                           /* a pipe (pipe.c) */
    char data[PIPESIZE];
    long nread, nwrite;                 /* bytes read and written so far; the ring is data */
    int readopen, writeopen;            /* whether the read and write ends are still open */
};

/* A device file's driver: its read and write, on a process's memory. */
struct devsw {
    long (*read)(struct proc *p, long va, long n);
    long (*write)(struct proc *p, long va, long n);
};

#endif
