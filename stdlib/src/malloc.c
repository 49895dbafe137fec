/* malloc, calloc, realloc, free: a boundary-tag allocator on sbrk.
 *
 * The heap is a run of chunks, each with a 16-byte header:
 *     c + 0   head: size | MAGIC << 48 | INUSE   (size: multiple of 16)
 *     c + 8   size of the previous chunk in memory (0: none)
 *     c + 16  payload (16-byte aligned); a free chunk keeps its free-list
 *             links here (next at c + 16, prev at c + 24)
 * Free chunks are always coalesced with free neighbours, so no two free
 * chunks touch.  They sit in segregated lists: exact sizes below 1 KiB,
 * four lists per power of two above; a bitmap finds the first non-empty
 * list.  The last chunk, `top`, is the untouched end of the heap; its
 * header lives in variables, and it grows with sbrk.  A region left behind
 * when someone else moved the break is closed by a permanently used chunk.
 *
 * Small chunks are not coalesced at once: free() puts them on a list per
 * size (marked FAST: neither in use nor mergeable) and malloc() takes them
 * back first, as glibc's fast bins and tcache do, so that programs that
 * allocate and free many small objects do not pay for merging and
 * splitting each time.  They are merged (`consolidate`) before a request
 * is cut from the top chunk.
 *
 * A request of 128 KiB or more cut from the top starts a page, as glibc's
 * mmap'd chunks do (page_align_top).
 *
 * free() checks the header (magic, in-use bit, size, the next chunk's
 * back-link) and stops the program with a clear message when it is wrong. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <stdio.h>

#define HDR 16UL
#define MIN_CHUNK 32UL
#define INUSE 1UL
#define FAST 2UL                /* freed, waiting on a fast list */
#define MAGIC (0xA11CUL << 48)
#define MAGIC_MASK (0xFFFFUL << 48)
#define SIZE_MASK 0x0000FFFFFFFFFFF0UL
#define NBINS 256
#define SMALL_LIMIT 1024UL
#define GROW_MIN (64UL << 10)
#define MAX_REQUEST (1UL << 46)
#define PAGE 4096UL
#define BIG_CHUNK (128UL << 10)  /* glibc's mmap threshold: such chunks start a page */

#define HEAD(c) (*(unsigned long *)(c))
#define PREV_SIZE(c) (*(unsigned long *)((c) + 8))
#define NEXT_FREE(c) (*(char **)((c) + 16))
#define PREV_FREE(c) (*(char **)((c) + 24))
#define CHUNK_SIZE(c) (HEAD(c) & SIZE_MASK)
#define MERGEABLE(c) (!(HEAD(c) & (INUSE | FAST)))
#define FAST_LIMIT 512UL        /* chunks smaller than this go to fast lists */

static char *bins[NBINS];
static unsigned long binmap[NBINS / 64];
static char *top;               /* start of the top chunk */
static unsigned long top_size;  /* its size: at least MIN_CHUNK once set up */
static unsigned long top_prev;  /* size of the chunk before top, 0 if none */
static char *heap_lo, *heap_hi; /* bounds of everything malloc has owned */
static char *fast[FAST_LIMIT / 16 + 1];   /* freed small chunks by size, linked at c + 16 */
static int fast_waiting;        /* some fast list is not empty */

static void consolidate(void);

static void heap_fail(const char *what, char *chunk)
{
    char msg[96];
    int n;
    if (chunk)
        n = snprintf(msg, sizeof msg, "%s at %p\n", what, (void *)chunk);
    else
        n = snprintf(msg, sizeof msg, "%s\n", what);
    write(2, msg, (size_t)n);
    abort();
}

/* Index of the highest set bit of b (b != 0). */
static int highest_bit(unsigned long b)
{
    int i = 0;
    if (b >> 32) { b >>= 32; i += 32; }
    if (b >> 16) { b >>= 16; i += 16; }
    if (b >> 8) { b >>= 8; i += 8; }
    if (b >> 4) { b >>= 4; i += 4; }
    if (b >> 2) { b >>= 2; i += 2; }
    if (b >> 1) i += 1;
    return i;
}

static int bin_index(unsigned long size)
{
    int k;
    if (size < SMALL_LIMIT)
        return (int)(size >> 4);
    k = highest_bit(size);
    return 64 + (k - 10) * 4 + (int)((size >> (k - 2)) & 3);
}

static int lowest_bit(unsigned long b)
{
    int i = 0;
    if (!(b & 0xFFFFFFFFUL)) { b >>= 32; i += 32; }
    if (!(b & 0xFFFFUL)) { b >>= 16; i += 16; }
    if (!(b & 0xFFUL)) { b >>= 8; i += 8; }
    if (!(b & 0xFUL)) { b >>= 4; i += 4; }
    if (!(b & 0x3UL)) { b >>= 2; i += 2; }
    if (!(b & 0x1UL)) i += 1;
    return i;
}

/* The first non-empty bin at or after idx, or -1. */
static int next_bin(int idx)
{
    int w = idx >> 6;
    unsigned long bits = binmap[w] & (~0UL << (idx & 63));
    while (!bits) {
        if (++w == NBINS / 64)
            return -1;
        bits = binmap[w];
    }
    return w * 64 + lowest_bit(bits);
}

static void bin_insert(char *c, unsigned long size)
{
    int i = bin_index(size);
    char *head = bins[i];
    NEXT_FREE(c) = head;
    PREV_FREE(c) = NULL;
    if (head)
        PREV_FREE(head) = c;
    bins[i] = c;
    binmap[i >> 6] |= 1UL << (i & 63);
}

static void bin_remove(char *c)
{
    char *next = NEXT_FREE(c), *prev = PREV_FREE(c);
    int i;
    if (prev) {
        NEXT_FREE(prev) = next;
    } else {
        i = bin_index(CHUNK_SIZE(c));
        bins[i] = next;
        if (!next)
            binmap[i >> 6] &= ~(1UL << (i & 63));
    }
    if (next)
        PREV_FREE(next) = prev;
}

/* Marks c as a used chunk of `size` and tells its successor. */
static void set_used(char *c, unsigned long size)
{
    HEAD(c) = size | MAGIC | INUSE;
    if (c + size != top)
        PREV_SIZE(c + size) = size;
    else
        top_prev = size;
}

/* Makes c a free chunk of `size`, merging it into top when it borders it;
 * its neighbours must already be known to be in use. */
static void make_free(char *c, unsigned long size)
{
    if (c + size == top) {
        top = c;
        top_size += size;
        top_prev = PREV_SIZE(c);
        HEAD(c) = MAGIC;
        return;
    }
    HEAD(c) = size | MAGIC;
    PREV_SIZE(c + size) = size;
    bin_insert(c, size);
}

/* Ensures the top chunk can give `need` bytes and keep MIN_CHUNK. */
static int grow_top(unsigned long need)
{
    unsigned long want = need + MIN_CHUNK, inc;
    char *old_end = top + top_size, *got;

    if (top && top_size >= want)
        return 0;
    inc = top ? want - top_size : want + HDR;
    if (inc < GROW_MIN)
        inc = GROW_MIN;
    inc = (inc + 4095) & ~4095UL;
    got = sbrk((long)inc);
    if (got == (char *)-1) {
        errno = ENOMEM;
        return -1;
    }
    if (top && got == old_end) {
        top_size += inc;
    } else {
        /* A new region: close the old one with a chunk that stays used. */
        if (top) {
            HEAD(top) = top_size | MAGIC | INUSE;
            PREV_SIZE(top) = top_prev;
        }
        if ((unsigned long)got & 15) {
            inc -= 16 - ((unsigned long)got & 15);
            got += 16 - ((unsigned long)got & 15);
        }
        top = got;
        top_size = inc & ~15UL;
        top_prev = 0;
        if (!heap_lo || got < heap_lo)
            heap_lo = got;
    }
    if (top + top_size > heap_hi)
        heap_hi = top + top_size;
    return top_size >= want ? 0 : grow_top(need);
}

/* Makes the top chunk start a page, with room for `need` bytes after
 * that; what is skipped becomes a free chunk.  glibc gives a request this
 * big a mapping of its own, so its chunk starts a page and its payload is
 * at 16 mod 4096; ours are laid out the same way.  Packed end to end, two
 * big blocks had one payload 16 bytes past the other mod 4096, and a copy
 * from one to the other stored 16 bytes past each load's address: a 4K
 * aliasing pattern that made the host's memmove (rep movsb) ten times
 * slower on some CPUs than for the same copy under glibc. */
static int page_align_top(unsigned long need)
{
    unsigned long lead;
    char *c;
    if (grow_top(need + PAGE + MIN_CHUNK))
        return -1;
    lead = (PAGE - ((unsigned long)top & (PAGE - 1))) & (PAGE - 1);
    if (lead && lead < MIN_CHUNK)
        lead += PAGE;
    if (lead) {
        /* the chunk before top is in use (a free one would have merged
         * into top), and the chunk after c will be too: c just goes in
         * its bin */
        c = top;
        PREV_SIZE(c) = top_prev;
        HEAD(c) = lead | MAGIC;
        top = c + lead;
        top_size -= lead;
        top_prev = lead;
        bin_insert(c, lead);
    }
    return 0;
}

/* Cuts `need` bytes off the front of free chunk c (already out of its
 * bin) and frees the rest, if big enough to be a chunk. */
static void *use_chunk(char *c, unsigned long size, unsigned long need)
{
    if (size - need >= MIN_CHUNK) {
        set_used(c, need);
        PREV_SIZE(c + need) = need;
        HEAD(c + need) = (size - need) | MAGIC;
        if (c + size == top)
            top_prev = size - need;
        else
            PREV_SIZE(c + size) = size - need;
        bin_insert(c + need, size - need);
    } else {
        set_used(c, size);
    }
    return c + HDR;
}

/* Like use_chunk, for a remainder that belongs in the same list as c: it
 * takes c's place there instead of leaving and rejoining the list. */
static void *split_in_place(char *c, unsigned long size, unsigned long need)
{
    char *r = c + need, *next = NEXT_FREE(c), *prev = PREV_FREE(c);
    unsigned long rest = size - need;
    NEXT_FREE(r) = next;
    PREV_FREE(r) = prev;
    if (next)
        PREV_FREE(next) = r;
    if (prev)
        NEXT_FREE(prev) = r;
    else
        bins[bin_index(rest)] = r;
    HEAD(c) = need | MAGIC | INUSE;
    PREV_SIZE(r) = need;
    HEAD(r) = rest | MAGIC;
    PREV_SIZE(c + size) = rest;   /* c was free, so top does not follow it */
    return c + HDR;
}

static unsigned long request_size(size_t n)
{
    unsigned long need = (n + HDR + 15) & ~15UL;
    return need < MIN_CHUNK ? MIN_CHUNK : need;
}

void *malloc(size_t n)
{
    unsigned long need, size;
    int i;
    char *c;

    if (n > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    need = request_size(n);
    if (need < FAST_LIMIT) {
        /* a chunk of need or need + 16 bytes: what a split would give whole */
        c = fast[need >> 4] ? fast[need >> 4] : fast[(need >> 4) + 1];
        if (c) {
            size = CHUNK_SIZE(c);
            fast[size >> 4] = NEXT_FREE(c);
            HEAD(c) = size | MAGIC | INUSE;
            return c + HDR;
        }
    }
    i = bin_index(need);
    if (need < SMALL_LIMIT && bins[i]) {
        /* Exact fit at the head of its list: the common case. */
        c = bins[i];
        bins[i] = NEXT_FREE(c);
        if (bins[i])
            PREV_FREE(bins[i]) = NULL;
        else
            binmap[i >> 6] &= ~(1UL << (i & 63));
        HEAD(c) = need | MAGIC | INUSE;
        return c + HDR;
    }
    for (i = next_bin(i); i >= 0; i = next_bin(i + 1)) {
        /* Only the first bin can hold chunks smaller than need. */
        for (c = bins[i]; c; c = NEXT_FREE(c)) {
            size = CHUNK_SIZE(c);
            if (size >= need) {
                if (size - need >= MIN_CHUNK && bin_index(size - need) == i)
                    return split_in_place(c, size, need);
                bin_remove(c);
                return use_chunk(c, size, need);
            }
        }
    }
    if (fast_waiting) {
        consolidate();          /* merged, they may hold what is needed */
        return malloc(n);
    }
    if (need >= BIG_CHUNK && page_align_top(need))
        return NULL;
    if (grow_top(need))
        return NULL;
    c = top;
    PREV_SIZE(c) = top_prev;
    top = c + need;
    top_size -= need;
    top_prev = need;
    HEAD(c) = need | MAGIC | INUSE;
    return c + HDR;
}

/* Checks that p is a live allocation and returns its chunk. */
static char *checked_chunk(void *p, const char *who)
{
    char *c = (char *)p - HDR, *next;
    unsigned long size;
    if (((unsigned long)p & 15) || c < heap_lo || (char *)p >= heap_hi) {
        if (who[0] == 'f')
            heap_fail("free(): invalid pointer", NULL);
        heap_fail("realloc(): invalid pointer", NULL);
    }
    if ((HEAD(c) & MAGIC_MASK) != MAGIC)
        heap_fail("malloc: corrupted block header", c);
    if (!(HEAD(c) & INUSE)) {
        if (who[0] == 'f')
            heap_fail("free(): double free detected", NULL);
        heap_fail("realloc(): pointer already freed", NULL);
    }
    size = CHUNK_SIZE(c);
    next = c + size;
    if (size < MIN_CHUNK || next > heap_hi || (next != top && PREV_SIZE(next) != size))
        heap_fail("malloc: corrupted block header", c);
    if (next != top && (HEAD(next) & MAGIC_MASK) != MAGIC)
        heap_fail("malloc: corrupted block header", next);
    return c;
}

/* Frees chunk c of `size`, coalescing with free neighbours. */
static void release(char *c, unsigned long size)
{
    char *prev, *next;
    HEAD(c) = size | MAGIC;   /* a later double free of c is caught */
    if (PREV_SIZE(c)) {
        prev = c - PREV_SIZE(c);
        if ((HEAD(prev) & MAGIC_MASK) != MAGIC || prev < heap_lo)
            heap_fail("malloc: corrupted block header", prev);
        if (MERGEABLE(prev)) {
            bin_remove(prev);
            size += CHUNK_SIZE(prev);
            c = prev;
        }
    }
    next = c + size;
    if (next != top && (HEAD(next) & MAGIC_MASK) != MAGIC)
        heap_fail("malloc: corrupted block header", next);
    if (next != top && MERGEABLE(next)) {
        bin_remove(next);
        size += CHUNK_SIZE(next);
    }
    make_free(c, size);
}

/* Gives every chunk on the fast lists back to the coalescing lists. */
static void consolidate(void)
{
    unsigned long i;
    char *c, *next;
    for (i = 0; i < FAST_LIMIT / 16; i++) {
        for (c = fast[i]; c; c = next) {
            next = NEXT_FREE(c);
            release(c, CHUNK_SIZE(c));
        }
        fast[i] = NULL;
    }
    fast_waiting = 0;
}

void free(void *p)
{
    char *c;
    unsigned long size;
    if (!p)
        return;
    c = checked_chunk(p, "free");
    size = CHUNK_SIZE(c);
    if (size < FAST_LIMIT) {
        HEAD(c) = size | MAGIC | FAST;    /* a later double free of c is caught */
        NEXT_FREE(c) = fast[size >> 4];
        fast[size >> 4] = c;
        fast_waiting = 1;
        return;
    }
    release(c, size);
}

void *calloc(size_t count, size_t size)
{
    void *p;
    size_t total = count * size;
    if (size && total / size != count) {
        errno = ENOMEM;
        return NULL;
    }
    p = malloc(total);
    if (p)
        memset(p, 0, total);
    return p;
}

void *realloc(void *p, size_t n)
{
    char *c, *next, *q;
    unsigned long size, need, more;

    if (!p)
        return malloc(n);
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (n > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    c = checked_chunk(p, "realloc");
    size = CHUNK_SIZE(c);
    need = request_size(n);
    if (need <= size) {
        if (size - need >= MIN_CHUNK) {
            set_used(c, need);
            PREV_SIZE(c + need) = need;
            HEAD(c + need) = (size - need) | MAGIC | INUSE;
            release(c + need, size - need);
        }
        return p;
    }
    next = c + size;
    if (next == top && grow_top(need - size) == 0 && c + size == top) {
        top += need - size;
        top_size -= need - size;
        set_used(c, need);
        return p;
    }
    if (next != top && MERGEABLE(next)) {
        more = CHUNK_SIZE(next);
        if (size + more >= need) {
            bin_remove(next);
            return use_chunk(c, size + more, need);
        }
    }
    q = malloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, size - HDR);
    release(c, size);
    return q;
}

void *reallocarray(void *p, size_t count, size_t size)
{
    size_t total = count * size;
    if (size && total / size != count) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, total);
}

/* Over-allocates, then frees the misaligned front as its own chunk. */
void *aligned_alloc(size_t align, size_t n)
{
    char *raw, *c, *p;
    unsigned long size, lead;
    if (align <= HDR)
        return malloc(n);
    if (align & (align - 1)) {
        errno = EINVAL;
        return NULL;
    }
    raw = malloc(n + align + MIN_CHUNK);
    if (!raw || !((unsigned long)raw & (align - 1)))
        return raw;
    c = raw - HDR;
    size = CHUNK_SIZE(c);
    p = (char *)(((unsigned long)raw + MIN_CHUNK + align - 1) & ~(align - 1));
    lead = (unsigned long)(p - raw);
    set_used(c + lead, size - lead);
    PREV_SIZE(c + lead) = lead;
    HEAD(c) = lead | MAGIC | INUSE;
    release(c, lead);
    return p;
}

int posix_memalign(void **out, size_t align, size_t n)
{
    void *p = aligned_alloc(align, n);
    if (!p)
        return errno;
    *out = p;
    return 0;
}
