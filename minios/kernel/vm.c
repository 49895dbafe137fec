/* minios: page tables and the memory of processes.
 *
 * A process's address space is a three-level page table (<pvm/machine.h>:
 * PT_LEVELS, PTE_*) whose root the scheduler puts in CSR_PTBR before it
 * resumes the process.  The kernel itself is not paged, so it reads and
 * writes page tables and user pages through their physical addresses: a
 * system call's pointer is translated page by page here (copyin, copyout),
 * and a bad one is -EFAULT, never a fault in the kernel.
 */
#include "defs.h"

#define INDEX(va, level) (((va) >> (PAGE_SHIFT + 9 * (level))) & (PT_ENTRIES - 1))

long uvm_create(void) {
    return kalloc();
}

/* The leaf entry for va, making the tables on the way if `make`; 0 if
 * absent (or if a page for a table cannot be had). */
static long *walk(long root, long va, int make) {
    long *table = (long *)root;
    for (int level = PT_LEVELS - 1; level > 0; level--) {
        long *pte = &table[INDEX(va, level)];
        if (!(*pte & PTE_P)) {
            long page = make ? kalloc() : 0;
            if (!page)
                return 0;
            *pte = page | PTE_P;
        }
        table = (long *)(*pte & PTE_ADDR_MASK);
    }
    return &table[INDEX(va, 0)];
}

/* Give the page at va a fresh zeroed page with `flags` (PTE_W, PTE_X). */
int uvm_map(long root, long va, long flags) {
    long *pte = walk(root, va, 1);
    if (!pte)
        return -ENOMEM;
    if (*pte & PTE_P)
        panic("uvm_map: %p is mapped already", va);
    long page = kalloc();
    if (!page)
        return -ENOMEM;
    *pte = page | flags | PTE_P | PTE_U;
    return 0;
}

void uvm_unmap(long root, long va) {
    long *pte = walk(root, va, 0);
    if (pte && (*pte & PTE_P)) {
        kfree(*pte & PTE_ADDR_MASK);
        *pte = 0;
    }
    long page = va & ~(PAGE_SIZE - 1);
    asm volatile("tlbflush %0" : : "r"(page));
}

/* Free every page of an address space, its tables last. */
static void free_level(long table, int level) {
    long *t = (long *)table;
    for (int i = 0; i < PT_ENTRIES; i++)
        if (t[i] & PTE_P) {
            if (level > 0)
                free_level(t[i] & PTE_ADDR_MASK, level - 1);
            else
                kfree(t[i] & PTE_ADDR_MASK);
        }
    kfree(table);
}

void uvm_free(long root) {
    free_level(root, PT_LEVELS - 1);
    /* its pages may come back as another address space's, even as the
     * root the scheduler last loaded: forget every cached translation */
    long all = 0;
    asm volatile("tlbflush %0" : : "r"(all));
}

/* fork: give `to` a copy of every page of `from`, with the same flags. */
static int copy_level(long from, long to, int level, long va) {
    long *f = (long *)from;
    for (int i = 0; i < PT_ENTRIES; i++) {
        if (!(f[i] & PTE_P))
            continue;
        long at = va | ((long)i << (PAGE_SHIFT + 9 * level));
        if (level > 0) {
            if (copy_level(f[i] & PTE_ADDR_MASK, to, level - 1, at) < 0)
                return -1;
            continue;
        }
        long flags = f[i] & (PTE_W | PTE_X);
        if (uvm_map(to, at, flags) < 0)
            return -1;
        memcpy((void *)(*walk(to, at, 0) & PTE_ADDR_MASK), (void *)(f[i] & PTE_ADDR_MASK), PAGE_SIZE);
    }
    return 0;
}

int uvm_copy(long from, long to) {
    return copy_level(from, to, PT_LEVELS - 1, 0);
}

/* The kernel address of user address va if its page grants `need`
 * (0 for reading, PTE_W for writing), else 0. */
long uvm_translate(long root, long va, long need) {
    if (va <= 0 || va >= (1L << VA_BITS))
        return 0;
    long *pte = walk(root, va, 0);
    long want = need | PTE_P | PTE_U;
    if (!pte || (*pte & want) != want)
        return 0;
    return (*pte & PTE_ADDR_MASK) + (va & (PAGE_SIZE - 1));
}

/* A heap page below the break that was never touched gets its page now:
 * the process faulted on it (trap.c), or the kernel is about to copy. */
static long touch(struct proc *p, long va, long need) {
    long k = uvm_translate(p->pagetable, va, need);
    if (!k && va >= p->group->heap_base && va < p->group->brk &&
        uvm_map(p->pagetable, va & ~(PAGE_SIZE - 1), PTE_W) == 0)
        k = uvm_translate(p->pagetable, va, need);
    return k;
}

/* Whether n bytes at va may be written by the process (heap pages below
 * the break count: they are mapped when touched). */
int user_writable(struct proc *p, long va, long n) {
    for (long at = va & ~(PAGE_SIZE - 1); at < va + n; at += PAGE_SIZE)
        if (!touch(p, at < va ? va : at, PTE_W))
            return 0;
    return n >= 0;
}

int copyin(struct proc *p, void *dst, long va, long n) {
    char *d = dst;
    while (n > 0) {
        long k = touch(p, va, 0);
        if (!k)
            return -EFAULT;
        long chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
        if (chunk > n)
            chunk = n;
        memcpy(d, (void *)k, chunk);
        d += chunk;
        va += chunk;
        n -= chunk;
    }
    return 0;
}

int copyout(struct proc *p, long va, const void *src, long n) {
    const char *s = src;
    while (n > 0) {
        long k = touch(p, va, PTE_W);
        if (!k)
            return -EFAULT;
        long chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
        if (chunk > n)
            chunk = n;
        memcpy((void *)k, s, chunk);
        s += chunk;
        va += chunk;
        n -= chunk;
    }
    return 0;
}

/* A NUL-terminated string of at most max bytes (with its NUL); its
 * length, or -EFAULT, or -ENAMETOOLONG. */
long copyinstr(struct proc *p, char *dst, long va, long max) {
    for (long i = 0; i < max; i++) {
        long k = touch(p, va + i, 0);
        if (!k)
            return -EFAULT;
        dst[i] = *(char *)k;
        if (!dst[i])
            return i;
    }
    return -ENAMETOOLONG;
}
