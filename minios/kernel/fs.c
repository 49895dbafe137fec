/* minios: the file system: blocks, inodes, directories and path names,
 * in the disk format of <pvm/fs.h> (xv6's, with a double-indirect block).
 *
 * Layers, bottom up: the buffer cache (bio.c) and the log (log.c) below;
 * here the block allocator (a bitmap), inodes (a cache of the disk's
 * inode blocks, reference-counted), the blocks of a file (bmap), file
 * contents (readi, writei), directories (dirlookup, dirlink) and path
 * names (namei).  Every change goes through log_write inside a
 * transaction (begin_op/end_op), so each operation is all or nothing.
 *
 * Link counts: an inode's nlink is the directory entries naming it, "."
 * and ".." not counted, so a directory's is always 1 (there are no other
 * links to directories).  Counting "." would keep an unlinked directory
 * alive forever.  Files have no holes: block i exists exactly when
 * i < size/BSIZE rounded up (pvm fsck checks these rules too).
 */
#include "defs.h"

struct superblock sb;
static struct inode inodes[NINODE];
static char zeros[BSIZE];

int fs_init(void) {
    if (disk_sectors() < 2 * SECTORS_PER_BLOCK)
        return -1;
    struct buf *b = bread(1);
    memcpy(&sb, b->data, sizeof sb);
    brelse(b);
    if (memcmp(sb.magic, FS_MAGIC, 8) != 0 || sb.size * SECTORS_PER_BLOCK > disk_sectors())
        return -1;
    log_init(&sb);
    return 0;
}

/* ---- blocks ------------------------------------------------------------------------- */

/* No block below this one is free: the search for a free block starts
 * here, so that filling a disk is not quadratic in its size. */
static long first_free;

/* A zeroed free block, now marked used; 0 if the disk is full. */
static long balloc(void) {
    for (long base = first_free - first_free % BITS_PER_BLOCK; base < sb.size; base += BITS_PER_BLOCK) {
        struct buf *b = bread(sb.bmapstart + base / BITS_PER_BLOCK);
        long i = base < first_free ? first_free - base : 0;
        for (; i < BITS_PER_BLOCK && base + i < sb.size; i++) {
            if (i % 8 == 0 && (b->data[i / 8] & 0xff) == 0xff) {
                i += 7;                /* eight blocks in use: the next byte */
                continue;
            }
            int mask = 1 << (i % 8);
            if (b->data[i / 8] & mask)
                continue;
            b->data[i / 8] |= mask;
            log_write(b);
            brelse(b);
            first_free = base + i + 1;
            struct buf *z = bread(base + i);
            memset(z->data, 0, BSIZE);
            log_write(z);
            brelse(z);
            return base + i;
        }
        brelse(b);
    }
    first_free = sb.size;
    return 0;
}

static void bfree(long blockno) {
    struct buf *b = bread(sb.bmapstart + blockno / BITS_PER_BLOCK);
    int mask = 1 << (blockno % 8);
    if (!(b->data[(blockno % BITS_PER_BLOCK) / 8] & mask))
        panic("bfree: block %ld is free already", blockno);
    b->data[(blockno % BITS_PER_BLOCK) / 8] &= ~mask;
    log_write(b);
    brelse(b);
    if (blockno < first_free)
        first_free = blockno;
}

long fs_free_blocks(void) {
    long n = 0;
    for (long base = 0; base < sb.size; base += BITS_PER_BLOCK) {
        struct buf *b = bread(sb.bmapstart + base / BITS_PER_BLOCK);
        for (long i = 0; i < BITS_PER_BLOCK && base + i < sb.size; i++)
            if (!(b->data[i / 8] & (1 << (i % 8))))
                n++;
        brelse(b);
    }
    return n;
}

/* ---- inodes ------------------------------------------------------------------------- */

static struct dinode *dinode_of(struct buf *b, long inum) {
    return (struct dinode *)b->data + inum % INODES_PER_BLOCK;
}

/* The in-memory inode inum with a new reference, read from the disk if it
 * is not cached.  The cache cannot run out: NINODE covers every open
 * file, every process's cwd and the few a call holds at once. */
struct inode *iget(long inum) {
    struct inode *ip, *empty = 0;
    for (ip = inodes; ip < inodes + NINODE; ip++) {
        if (ip->ref > 0 && ip->inum == inum) {
            ip->ref++;
            return ip;
        }
        if (!empty && ip->ref == 0)
            empty = ip;
    }
    if (!empty)
        panic("iget: no free in-memory inodes");
    ip = empty;
    struct buf *b = bread(sb.inodestart + inum / INODES_PER_BLOCK);
    struct dinode *d = dinode_of(b, inum);
    ip->inum = inum;
    ip->ref = 1;
    ip->type = d->type;
    ip->major = d->major;
    ip->nlink = d->nlink;
    ip->size = d->size;
    memcpy(ip->addrs, d->addrs, sizeof ip->addrs);
    brelse(b);
    return ip;
}

struct inode *idup(struct inode *ip) {
    ip->ref++;
    return ip;
}

/* Copy an inode's fields to its disk inode (inside a transaction). */
void iupdate(struct inode *ip) {
    struct buf *b = bread(sb.inodestart + ip->inum / INODES_PER_BLOCK);
    struct dinode *d = dinode_of(b, ip->inum);
    d->type = ip->type;
    d->major = ip->major;
    d->nlink = ip->nlink;
    d->size = ip->size;
    memcpy(d->addrs, ip->addrs, sizeof ip->addrs);
    log_write(b);
    brelse(b);
}

/* A free disk inode, now of `type`, with a reference; 0 if none is left. */
struct inode *ialloc(int type) {
    for (long inum = 1; inum < sb.ninodes; inum++) {
        struct buf *b = bread(sb.inodestart + inum / INODES_PER_BLOCK);
        struct dinode *d = dinode_of(b, inum);
        if (d->type == 0) {
            memset(d, 0, sizeof *d);
            d->type = type;
            log_write(b);
            brelse(b);
            return iget(inum);
        }
        brelse(b);
    }
    return 0;
}

long fs_free_inodes(void) {
    long n = 0;
    for (long inum = 1; inum < sb.ninodes; inum++) {
        struct buf *b = bread(sb.inodestart + inum / INODES_PER_BLOCK);
        n += dinode_of(b, inum)->type == 0;
        brelse(b);
    }
    return n;
}

/* Block slot *slot, allocated first if it is empty and `alloc`; 0 if none. */
static long slot(int *slot, int alloc) {
    if (*slot == 0 && alloc)
        *slot = balloc();
    return *slot;
}

/* Entry i of indirect block `blockno`, allocated first if empty and `alloc`. */
static long entry(long blockno, long i, int alloc) {
    struct buf *b = bread(blockno);
    int *a = (int *)b->data;
    if (a[i] == 0 && alloc) {
        a[i] = balloc();
        if (a[i])
            log_write(b);
    }
    long r = a[i];
    brelse(b);
    return r;
}

/* The disk block holding block bn of the file; with `alloc` it is made
 * (and the indirect blocks on the way); 0 for a hole or a full disk. */
static long bmap(struct inode *ip, long bn, int alloc) {
    if (bn < NDIRECT)
        return slot(&ip->addrs[bn], alloc);
    bn -= NDIRECT;
    if (bn < NINDIRECT) {
        long ind = slot(&ip->addrs[NDIRECT], alloc);
        return ind ? entry(ind, bn, alloc) : 0;
    }
    bn -= NINDIRECT;
    long top = slot(&ip->addrs[NDIRECT + 1], alloc);
    long mid = top ? entry(top, bn / NINDIRECT, alloc) : 0;
    return mid ? entry(mid, bn % NINDIRECT, alloc) : 0;
}

/* Free the blocks of an indirect block (depth 1) or a double one (2), then it. */
static void free_indirect(long blockno, int depth) {
    struct buf *b = bread(blockno);
    int a[NINDIRECT];
    memcpy(a, b->data, BSIZE);
    brelse(b);
    for (int i = 0; i < NINDIRECT; i++)
        if (a[i]) {
            if (depth > 1)
                free_indirect(a[i], depth - 1);
            else
                bfree(a[i]);
        }
    bfree(blockno);
}

/* Free all of a file's blocks. */
void itrunc(struct inode *ip) {
    for (int i = 0; i < NDIRECT; i++)
        if (ip->addrs[i])
            bfree(ip->addrs[i]);
    if (ip->addrs[NDIRECT])
        free_indirect(ip->addrs[NDIRECT], 1);
    if (ip->addrs[NDIRECT + 1])
        free_indirect(ip->addrs[NDIRECT + 1], 2);
    memset(ip->addrs, 0, sizeof ip->addrs);
    ip->size = 0;
    iupdate(ip);
}

/* Drop a reference.  The last reference to an inode no directory names
 * frees it, so a file unlinked while open lives until its last close. */
void iput(struct inode *ip) {
    if (ip->ref == 1 && ip->nlink == 0 && ip->type != 0) {
        begin_op();                    /* joins the caller's transaction, if any */
        itrunc(ip);
        ip->type = 0;
        iupdate(ip);
        end_op();
    }
    ip->ref--;
}

void stati(struct inode *ip, struct stat *st) {
    st->st_dev = 1;
    st->st_ino = ip->inum;
    st->st_mode = ip->type == T_DIR ? S_IFDIR | 0755 : ip->type == T_DEVICE ? S_IFCHR | 0666 : S_IFREG | 0644;
    st->st_nlink = ip->nlink;
    st->st_size = ip->size;
}

/* ---- contents ----------------------------------------------------------------------- */

/* Bytes to or from a process's memory, or the kernel's when p is 0. */
static int copy_to(struct proc *p, long dst, const void *src, long n) {
    if (!p) {
        memcpy((void *)dst, src, n);
        return 0;
    }
    return copyout(p, dst, src, n);
}

static int copy_from(struct proc *p, void *dst, long src, long n) {
    if (!p) {
        memcpy(dst, (void *)src, n);
        return 0;
    }
    return copyin(p, dst, src, n);
}

/* Up to n bytes from offset off to dst (in p's memory, or the kernel's);
 * the count read, 0 at the end, -EFAULT for a bad dst. */
long readi(struct inode *ip, struct proc *p, long dst, long off, long n) {
    if (off < 0 || off >= ip->size || n <= 0)
        return 0;
    if (n > ip->size - off)
        n = ip->size - off;
    long done = 0;
    while (done < n) {
        long k = BSIZE - off % BSIZE;
        if (k > n - done)
            k = n - done;
        long blockno = bmap(ip, off / BSIZE, 0);
        struct buf *b = blockno ? bread(blockno) : 0;
        int bad = copy_to(p, dst + done, b ? b->data + off % BSIZE : zeros, k) < 0;
        if (b)
            brelse(b);
        if (bad)
            return done ? done : -EFAULT;
        done += k;
        off += k;
    }
    return done;
}

/* n bytes from src to offset off (inside a transaction of at most
 * MAX_WRITE_BLOCKS blocks' worth); the count written, or -ENOSPC, -EFAULT,
 * -EFBIG if not one byte could be. */
long writei(struct inode *ip, struct proc *p, long src, long off, long n) {
    if (off < 0 || n < 0)
        return -EINVAL;
    if (off + n > (long)MAXFILE_BLOCKS * BSIZE)
        return -EFBIG;
    long done = 0, err = 0;
    while (done < n) {
        long k = BSIZE - off % BSIZE;
        if (k > n - done)
            k = n - done;
        long blockno = bmap(ip, off / BSIZE, 1);
        if (!blockno) {
            err = -ENOSPC;
            break;
        }
        struct buf *b = bread(blockno);
        if (copy_from(p, b->data + off % BSIZE, src + done, k) < 0) {
            brelse(b);
            err = -EFAULT;
            break;
        }
        log_write(b);
        brelse(b);
        done += k;
        off += k;
    }
    if (off > ip->size)
        ip->size = off;
    iupdate(ip);                       /* the size, and any block bmap added */
    return done ? done : err;
}

/* ---- directories -------------------------------------------------------------------- */

/* The entry `name` of directory dp, with a reference, and its offset; or 0. */
struct inode *dirlookup(struct inode *dp, const char *name, long *poff) {
    struct dirent de;
    for (long off = 0; off < dp->size; off += sizeof de) {
        if (readi(dp, 0, (long)&de, off, sizeof de) != sizeof de)
            panic("dirlookup: short read of directory %ld", dp->inum);
        if (de.inum && strncmp(name, de.name, DIRSIZ) == 0) {
            if (poff)
                *poff = off;
            return iget(de.inum);
        }
    }
    return 0;
}

/* Add entry (name, inum) to directory dp: 0, -EEXIST or -ENOSPC. */
int dirlink(struct inode *dp, const char *name, long inum) {
    struct inode *ip = dirlookup(dp, name, 0);
    if (ip) {
        iput(ip);
        return -EEXIST;
    }
    struct dirent de;
    long off;
    for (off = 0; off < dp->size; off += sizeof de) {
        readi(dp, 0, (long)&de, off, sizeof de);
        if (de.inum == 0)
            break;
    }
    memset(&de, 0, sizeof de);
    strncpy(de.name, name, DIRSIZ - 1);
    de.inum = inum;
    return writei(dp, 0, (long)&de, off, sizeof de) == sizeof de ? 0 : -ENOSPC;
}

/* Whether directory dp holds nothing but "." and "..". */
int dir_empty(struct inode *dp) {
    struct dirent de;
    for (long off = 2 * sizeof de; off < dp->size; off += sizeof de) {
        readi(dp, 0, (long)&de, off, sizeof de);
        if (de.inum)
            return 0;
    }
    return 1;
}

/* ---- path names --------------------------------------------------------------------- */

/* The next element of path into name; what follows it, 0 at the end, or
 * -1 (as a pointer) if the element is too long for a directory entry. */
static const char *skipelem(const char *path, char *name) {
    while (*path == '/')
        path++;
    if (*path == 0)
        return 0;
    const char *s = path;
    while (*path != '/' && *path != 0)
        path++;
    long len = path - s;
    if (len >= DIRSIZ)
        return (const char *)-1;
    memcpy(name, s, len);
    name[len] = 0;
    while (*path == '/')
        path++;
    return path;
}

/* The inode of path (or, with `parent`, of its last element's directory,
 * the element into name), with a reference; 0 and *err if there is none. */
static struct inode *namex(const char *path, int parent, char *name, long *err) {
    struct inode *ip = *path == '/' ? iget(ROOTINO) : idup(current->group->cwd), *next;
    *err = -ENOENT;
    if (!*path) {
        iput(ip);
        return 0;
    }
    while ((path = skipelem(path, name)) != 0) {
        if (path == (const char *)-1) {
            *err = -ENAMETOOLONG;
            iput(ip);
            return 0;
        }
        if (ip->type != T_DIR) {
            *err = -ENOTDIR;
            iput(ip);
            return 0;
        }
        if (parent && *path == 0)
            return ip;                 /* the last element's directory */
        next = dirlookup(ip, name, 0);
        iput(ip);
        if (!next)
            return 0;
        ip = next;
    }
    if (parent) {                      /* "/" has no last element */
        *err = -EEXIST;
        iput(ip);
        return 0;
    }
    return ip;
}

struct inode *namei(const char *path, long *err) {
    char name[DIRSIZ];
    return namex(path, 0, name, err);
}

struct inode *nameiparent(const char *path, char *name, long *err) {
    return namex(path, 1, name, err);
}
