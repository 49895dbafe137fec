/* minios: the kernel heap, for buffers of any size (a program being
 * exec'd is read into one).  First fit over one arena, with each block's
 * size in a header and neighbouring free blocks merged on free, as in
 * K&R's malloc. */
#include "defs.h"

struct header {
    long size;                        /* bytes of the block, header included */
    struct header *next;              /* the next free block, by address */
};

static char arena[KHEAP_SIZE];
static struct header *free_blocks;

static void init(void) {
    free_blocks = (struct header *)(((long)arena + 15) & ~15);
    free_blocks->size = KHEAP_SIZE - 16;
    free_blocks->next = 0;
}

void *kmalloc(long n) {
    static int ready;
    if (!ready) {
        init();
        ready = 1;
    }
    long need = (n + sizeof(struct header) + 15) & ~15;
    for (struct header **at = &free_blocks; *at; at = &(*at)->next) {
        struct header *b = *at;
        if (b->size < need)
            continue;
        if (b->size - need >= 64) {    /* split: the rest stays free */
            struct header *rest = (struct header *)((char *)b + need);
            rest->size = b->size - need;
            rest->next = b->next;
            *at = rest;
            b->size = need;
        } else {
            *at = b->next;
        }
        return b + 1;
    }
    return 0;
}

void kfree_bytes(void *ptr) {
    if (!ptr)
        return;
    struct header *b = (struct header *)ptr - 1, *prev = 0, *next = free_blocks;
    while (next && next < b) {        /* the free list is kept in address order */
        prev = next;
        next = next->next;
    }
    b->next = next;
    if (prev)
        prev->next = b;
    else
        free_blocks = b;
    if (next && (char *)b + b->size == (char *)next) {          /* merge with the next */
        b->size += next->size;
        b->next = next->next;
    }
    if (prev && (char *)prev + prev->size == (char *)b) {       /* and with the previous */
        prev->size += b->size;
        prev->next = b->next;
    }
}
