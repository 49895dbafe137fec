/* minios: the system calls of files: arguments checked and copied in,
 * then file.c, fs.c and pipe.c do the work.  Descriptors index the
 * process's table of open files (ofile, shared by its threads). */
#include "defs.h"
#include <fcntl.h>

/* The open file of descriptor fd of the running process, or 0. */
static struct file *fd_file(long fd) {
    if (fd < 0 || fd >= NOFILE)
        return 0;
    return current->group->ofile[fd];
}

/* The lowest free descriptor, now naming f; -EMFILE if none is free. */
static long fd_alloc(struct file *f) {
    struct file **ofile = current->group->ofile;
    for (int fd = 0; fd < NOFILE; fd++)
        if (!ofile[fd]) {
            ofile[fd] = f;
            return fd;
        }
    return -EMFILE;
}

/* A path from user memory into buf (MAXPATH bytes). */
static long path_in(long va, char *buf) {
    long n = copyinstr(current, buf, va, MAXPATH);
    return n < 0 ? n : 0;
}

long sys_read(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    return f ? fileread(f, current, tf->a[2], tf->a[3]) : -EBADF;
}

long sys_write(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    return f ? filewrite(f, current, tf->a[2], tf->a[3]) : -EBADF;
}

long sys_close(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    if (!f)
        return -EBADF;
    current->group->ofile[tf->a[1]] = 0;
    fileclose(f);
    return 0;
}

long sys_dup(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    if (!f)
        return -EBADF;
    long fd = fd_alloc(f);
    if (fd >= 0)
        filedup(f);
    return fd;
}

long sys_dup2(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    long to = tf->a[2];
    if (!f)
        return -EBADF;
    if (to < 0 || to >= NOFILE)
        return -EBADF;
    struct file **ofile = current->group->ofile;
    if (ofile[to] == f)
        return to;
    filedup(f);
    if (ofile[to])
        fileclose(ofile[to]);
    ofile[to] = f;
    return to;
}

long sys_isatty(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    return f && file_isatty(f);
}

long sys_fstat(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    struct stat st;
    if (!f)
        return -EBADF;
    filestat(f, &st);
    return copyout(current, tf->a[2], &st, sizeof st) < 0 ? -EFAULT : 0;
}

long sys_lseek(struct trapframe *tf) {
    struct file *f = fd_file(tf->a[1]);
    long off = tf->a[2], whence = tf->a[3];
    if (!f)
        return -EBADF;
    if (f->type != FD_INODE)
        return -ESPIPE;
    if (whence == SEEK_CUR)
        off += f->off;
    else if (whence == SEEK_END)
        off += f->ip->size;
    else if (whence != SEEK_SET)
        return -EINVAL;
    if (off < 0)
        return -EINVAL;
    f->off = off;                      /* past the end: a write there fills the gap with zeros */
    return off;
}

/* A new inode of `type` named by path: for open(O_CREAT), an existing
 * file of that name instead (or -EEXIST with `exclusive`).  Inside a
 * transaction; the inode with a reference, or 0 and *err. */
static struct inode *create(const char *path, int type, int exclusive, long *err) {
    char name[DIRSIZ];
    struct inode *dp = nameiparent(path, name, err), *ip;
    if (!dp)
        return 0;
    if ((ip = dirlookup(dp, name, 0)) != 0) {
        iput(dp);
        if (type == T_FILE && !exclusive && ip->type != T_DIR)
            return ip;
        *err = type == T_FILE && ip->type == T_DIR && !exclusive ? -EISDIR : -EEXIST;
        iput(ip);
        return 0;
    }
    if (!(ip = ialloc(type))) {
        iput(dp);
        *err = -ENOSPC;
        return 0;
    }
    ip->nlink = 1;
    iupdate(ip);
    long r = 0;
    if (type == T_DIR) {               /* "." and "..", which count no links (fs.c) */
        r = dirlink(ip, ".", ip->inum);
        if (r == 0)
            r = dirlink(ip, "..", dp->inum);
    }
    if (r == 0)
        r = dirlink(dp, name, ip->inum);
    if (r < 0) {                       /* no room: the new inode goes again */
        ip->nlink = 0;
        iupdate(ip);
        iput(ip);
        iput(dp);
        *err = r;
        return 0;
    }
    iput(dp);
    return ip;
}

long sys_open(struct trapframe *tf) {
    char path[MAXPATH];
    long flags = tf->a[2], err = path_in(tf->a[1], path), acc = flags & O_ACCMODE;
    struct inode *ip;
    if (err < 0)
        return err;
    if (acc == 3)
        return -EINVAL;
    begin_op();
    ip = flags & O_CREAT ? create(path, T_FILE, flags & O_EXCL, &err) : namei(path, &err);
    if (!ip) {
        end_op();
        return err;
    }
    if (ip->type == T_DIR && acc != O_RDONLY) {
        iput(ip);
        end_op();
        return -EISDIR;
    }
    struct file *f = filealloc();
    long fd = f ? fd_alloc(f) : -ENFILE;
    if (fd < 0) {
        if (f)
            fileclose(f);
        iput(ip);
        end_op();
        return fd;
    }
    if ((flags & O_TRUNC) && ip->type == T_FILE && acc != O_RDONLY)
        itrunc(ip);
    end_op();
    f->type = ip->type == T_DEVICE ? FD_DEVICE : FD_INODE;
    f->major = ip->major;
    f->ip = ip;
    f->readable = acc != O_WRONLY;
    f->writable = acc != O_RDONLY;
    f->append = (flags & O_APPEND) != 0;
    return fd;
}

long sys_mkdir(struct trapframe *tf) {
    char path[MAXPATH];
    long err = path_in(tf->a[1], path);
    if (err < 0)
        return err;
    begin_op();
    struct inode *ip = create(path, T_DIR, 1, &err);
    if (ip)
        iput(ip);
    end_op();
    return ip ? 0 : err;
}

long sys_chdir(struct trapframe *tf) {
    char path[MAXPATH];
    long err = path_in(tf->a[1], path);
    if (err < 0)
        return err;
    begin_op();
    struct inode *ip = namei(path, &err);
    if (ip && ip->type != T_DIR) {
        iput(ip);
        ip = 0;
        err = -ENOTDIR;
    }
    if (ip) {
        iput(current->group->cwd);
        current->group->cwd = ip;
    }
    end_op();
    return ip ? 0 : err;
}

/* unlink: a file's entry goes (the file with its last link and last
 * close), or an empty directory with its "." and "..". */
long sys_unlink(struct trapframe *tf) {
    char path[MAXPATH], name[DIRSIZ];
    long err = path_in(tf->a[1], path), off;
    if (err < 0)
        return err;
    begin_op();
    struct inode *dp = nameiparent(path, name, &err), *ip = 0;
    if (!dp) {
        end_op();
        return err == -EEXIST ? -EBUSY : err;     /* "/" */
    }
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        err = -EINVAL;
    else if (!(ip = dirlookup(dp, name, &off)))
        err = -ENOENT;
    else if (ip->type == T_DIR && !dir_empty(ip))
        err = -ENOTEMPTY;
    else if (ip->type == T_DIR && ip == current->group->cwd)
        err = -EBUSY;
    else {
        struct dirent de;
        memset(&de, 0, sizeof de);
        writei(dp, 0, (long)&de, off, sizeof de);
        ip->nlink--;
        iupdate(ip);
        err = 0;
    }
    if (ip)
        iput(ip);
    iput(dp);
    end_op();
    return err;
}

long sys_pipe(struct trapframe *tf) {
    struct file *rf, *wf;
    long r = pipealloc(&rf, &wf);
    if (r < 0)
        return r;
    long fd0 = fd_alloc(rf), fd1 = fd0 >= 0 ? fd_alloc(wf) : -EMFILE;
    int fds[2];
    fds[0] = fd0;
    fds[1] = fd1;
    if (fd1 < 0 || copyout(current, tf->a[1], fds, sizeof fds) < 0) {
        if (fd0 >= 0)
            current->group->ofile[fd0] = 0;
        if (fd1 >= 0)
            current->group->ofile[fd1] = 0;
        fileclose(rf);
        fileclose(wf);
        return fd1 < 0 ? -EMFILE : -EFAULT;
    }
    return 0;
}

long sys_getenv(struct trapframe *tf) {
    return -1;                         /* no environment */
}
