/* minios: physical pages for processes (their memory and page tables).
 *
 * The kernel runs on physical addresses, so a page is just the address of
 * 4096 bytes of this program's own memory: a pool in its bss, with the
 * free pages linked through their first word (xv6's kalloc).  Counting
 * them lets tests check that every page a process took comes back.
 */
#include "defs.h"

static char pool[(NFRAMES + 1) * PAGE_SIZE];
static long free_list;                 /* first free page, or 0 */
static long nfree;

void kinit(void) {
    long first = ((long)pool + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    for (long i = NFRAMES - 1; i >= 0; i--)
        kfree(first + i * PAGE_SIZE);
}

/* A zeroed page, or 0 if none is left. */
long kalloc(void) {
    long page = free_list;
    if (!page)
        return 0;
    free_list = *(long *)page;
    nfree--;
    memset((void *)page, 0, PAGE_SIZE);
    return page;
}

void kfree(long page) {
    if (page & (PAGE_SIZE - 1))
        panic("kfree: %p is not a page", page);
    *(long *)page = free_list;
    free_list = page;
    nfree++;
}

long kfree_pages(void) {
    return nfree;
}
