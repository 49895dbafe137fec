/* minios: the buffer cache: NBUF disk blocks kept in memory.
 *
 * Every block the file system reads or writes goes through here, so a
 * block has one copy in memory and the log (log.c) can hold a changed
 * block back from the disk until its transaction commits.  bread gives a
 * block with a reference, brelse gives the reference back; a block with
 * no references may be reused for another, least recently used first.
 * With no concurrent calls (file.h) there is nothing to lock.
 */
#include "defs.h"

static struct buf bufs[NBUF];
static long clock;

struct buf *bread(long blockno) {
    struct buf *b, *victim = 0;
    for (b = bufs; b < bufs + NBUF; b++) {
        if (b->valid && b->blockno == blockno) {
            b->refcnt++;
            return b;
        }
        if (b->refcnt == 0 && (!victim || !b->valid || (victim->valid && b->used < victim->used)))
            victim = b;
    }
    if (!victim)
        panic("bread: every buffer is in use");
    victim->blockno = blockno;
    victim->refcnt = 1;
    disk_rw(blockno, victim->data, 0);
    victim->valid = 1;
    return victim;
}

void bwrite(struct buf *b) {
    disk_rw(b->blockno, b->data, 1);
}

void brelse(struct buf *b) {
    if (b->refcnt <= 0)
        panic("brelse: block %ld is not held", b->blockno);
    b->refcnt--;
    b->used = ++clock;
}

/* The log keeps a changed block in the cache until it is installed. */
void bpin(struct buf *b) {
    b->refcnt++;
}

void bunpin(struct buf *b) {
    b->refcnt--;
}
