/* minios: the log, which makes each file-system operation all or nothing.
 *
 * An operation (a system call, or one slice of a long write) runs between
 * begin_op and end_op, and changes blocks only through log_write, which
 * marks the cached block and keeps it in the cache.  end_op commits:
 *
 *   1. copy every changed block into the log's blocks on the disk;
 *   2. write the log header with their count and home block numbers:
 *      this single sector write is the commit point;
 *   3. install: write each block to its home;
 *   4. write the header again with a count of 0.
 *
 * If the machine stops (the host process is killed) before step 2, none
 * of the operation reached its home blocks; after it, boot finds the
 * count in the header and installs the blocks again (recover), so all of
 * it does.  No operation overlaps another (file.h), so there is at most
 * one transaction, and it never waits for room: an operation must not
 * change more than LOGSIZE blocks (filewrite slices long writes for that).
 */
#include "defs.h"

static long start;                     /* the header's block; the logged blocks follow */
static int depth;                      /* begin_op calls not yet ended */
static struct logheader lh;            /* the transaction being built */

static void write_head(void) {
    struct buf *b = bread(start);
    memcpy(b->data, &lh, sizeof lh);
    bwrite(b);
    brelse(b);
}

/* Copy each logged block from the log (at recovery) or the cache to its home. */
static void install(int recovering) {
    for (int i = 0; i < lh.n; i++) {
        struct buf *dst = bread(lh.block[i]);
        if (recovering) {
            struct buf *src = bread(start + 1 + i);
            memcpy(dst->data, src->data, BSIZE);
            brelse(src);
        } else {
            bunpin(dst);
        }
        bwrite(dst);
        brelse(dst);
    }
}

/* At boot: finish a transaction that committed but was not installed. */
void log_init(struct superblock *sb) {
    start = sb->logstart;
    struct buf *b = bread(start);
    memcpy(&lh, b->data, sizeof lh);
    brelse(b);
    if (lh.n < 0 || lh.n > LOGSIZE)
        panic("log: bad header (%d blocks)", lh.n);
    if (lh.n > 0)
        printf("minios: log: installing %d blocks of an interrupted transaction\n", lh.n);
    install(1);
    lh.n = 0;
    write_head();
}

void begin_op(void) {
    depth++;
}

static void commit(void) {
    if (lh.n == 0)
        return;
    for (int i = 0; i < lh.n; i++) {           /* 1. the blocks to the log */
        struct buf *from = bread(lh.block[i]);
        struct buf *to = bread(start + 1 + i);
        memcpy(to->data, from->data, BSIZE);
        bwrite(to);
        brelse(from);
        brelse(to);
    }
    write_head();                              /* 2. commit */
    install(0);                                /* 3. install */
    lh.n = 0;
    write_head();                              /* 4. done */
}

void end_op(void) {
    if (depth <= 0)
        panic("end_op without begin_op");
    if (--depth == 0)
        commit();
}

/* Instead of bwrite: b changed and goes to the disk with the transaction. */
void log_write(struct buf *b) {
    if (depth == 0)
        panic("log_write outside of a transaction");
    for (int i = 0; i < lh.n; i++)
        if (lh.block[i] == b->blockno)         /* changed again: it is logged already */
            return;
    if (lh.n == LOGSIZE)
        panic("log: a transaction changed more than %d blocks", LOGSIZE);
    lh.block[lh.n++] = b->blockno;
    bpin(b);
}
