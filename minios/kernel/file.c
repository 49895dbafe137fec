/* minios: open files.  A descriptor in a process's table (proc.h, ofile)
 * points to an open file here, which several descriptors may share (dup,
 * fork): they share its offset, as in Unix.  An open file is an inode
 * (a regular file or a directory), a device file (the console, the
 * printer: the inode's major number picks the driver) or one end of a
 * pipe.
 */
#include "defs.h"

static struct file files[NFILE];
static char zeros[BSIZE];

static struct devsw devsw[] = {
    [DEV_CONSOLE] = {console_read, console_write},
    [DEV_PRINTER] = {0, printer_write},
};
#define NDEV (sizeof devsw / sizeof devsw[0])

/* A free open file with one reference, or 0 if the table is full. */
struct file *filealloc(void) {
    for (struct file *f = files; f < files + NFILE; f++)
        if (f->ref == 0) {
            memset(f, 0, sizeof *f);
            f->ref = 1;
            return f;
        }
    return 0;
}

struct file *filedup(struct file *f) {
    if (f->ref < 1)
        panic("filedup of a closed file");
    f->ref++;
    return f;
}

void fileclose(struct file *f) {
    if (f->ref < 1)
        panic("fileclose of a closed file");
    if (--f->ref > 0)
        return;
    if (f->type == FD_PIPE)
        pipeclose(f->pipe, f->writable);
    else if (f->ip)
        iput(f->ip);                   /* a transaction of its own if it frees the file */
    f->type = FD_NONE;
}

void filestat(struct file *f, struct stat *st) {
    if (f->ip) {
        stati(f->ip, st);
        return;
    }
    memset(st, 0, sizeof *st);         /* a pipe: a FIFO of no size */
    st->st_mode = 0010600;
}

/* Whether f is the console, while it is still a terminal (console.c). */
int file_isatty(struct file *f) {
    return f->type == FD_DEVICE && f->major == DEV_CONSOLE && !console_hung_up();
}

/* read(): into p's memory at va.  May make p wait (pipes, the console). */
long fileread(struct file *f, struct proc *p, long va, long n) {
    if (!f->readable)
        return -EBADF;
    if (n < 0)
        return -EINVAL;
    if (f->type == FD_PIPE)
        return piperead(f->pipe, p, va, n);
    if (f->type == FD_DEVICE)
        return f->major < NDEV && devsw[f->major].read ? devsw[f->major].read(p, va, n) : -ENXIO;
    long r = readi(f->ip, p, va, f->off, n);
    if (r > 0)
        f->off += r;
    return r;
}

/* write(): from p's memory at va.  A long write to a file goes in slices,
 * a transaction each, so that no transaction outgrows the log: a slice's
 * data blocks plus the inode, bitmap and indirect blocks it may change. */
#define SLICE_BYTES ((LOGSIZE - 8) * BSIZE)

long filewrite(struct file *f, struct proc *p, long va, long n) {
    if (!f->writable)
        return -EBADF;
    if (n < 0)
        return -EINVAL;
    if (f->type == FD_PIPE)
        return pipewrite(f->pipe, p, va, n);
    if (f->type == FD_DEVICE)
        return f->major < NDEV && devsw[f->major].write ? devsw[f->major].write(p, va, n) : -ENXIO;
    if (f->ip->type == T_DIR)
        return -EISDIR;
    while (f->off > f->ip->size) {     /* after a seek past the end: zeros up to off, */
        long gap = f->off - f->ip->size;  /* for files have no holes (fs.c) */
        begin_op();
        long r = writei(f->ip, 0, (long)zeros, f->ip->size, gap < BSIZE ? gap : BSIZE);
        end_op();
        if (r <= 0)
            return r < 0 ? r : -ENOSPC;
    }
    long done = 0;
    while (done < n) {
        long k = n - done < SLICE_BYTES ? n - done : SLICE_BYTES;
        if (f->append)
            f->off = f->ip->size;
        begin_op();
        long r = writei(f->ip, p, va + done, f->off, k);
        end_op();
        if (r < 0)
            return done ? done : r;
        f->off += r;
        done += r;
        if (r < k)                     /* the disk is full */
            break;
    }
    return done;
}

long files_in_use(void) {
    long n = 0;
    for (struct file *f = files; f < files + NFILE; f++)
        n += f->ref > 0;
    return n;
}
