"""The allocator's own promises, which glibc cannot be compared against:
coalescing, reuse, in-place realloc, alignment, and the clear stop on a
double free or a corrupted header."""
from __future__ import annotations

import re

COALESCE = r'''
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    char *a = malloc(100), *b = malloc(100), *c = malloc(100), *d = malloc(100), *big;
    char *guard = malloc(16);
    printf("aligned %d\n", !(((unsigned long)a | (unsigned long)b | (unsigned long)c) & 15));
    printf("ascending %d\n", a < b && b < c && c < d);
    free(b); free(c);                 /* neighbours: must merge into one block */
    big = malloc(200);                /* fits only in the merged b+c */
    printf("merged reused %d\n", big == b);
    free(big); free(a); free(d);      /* a, b+c, d merge again */
    big = malloc(400);
    printf("three-way merge reused %d\n", big == a);
    free(big);
    a = malloc(50); free(a); b = malloc(50);
    printf("same size reused %d\n", a == b);
    free(b); free(guard);
    return 0;
}
'''

REALLOC = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char *p = malloc(64), *q, *wall;
    strcpy(p, "keep me");
    q = realloc(p, 4000);             /* p is last before the top: grows in place */
    printf("grew in place %d %s\n", q == p, q);
    wall = malloc(32);
    p = realloc(q, 100);              /* shrink in place, frees the tail */
    printf("shrunk in place %d %s\n", p == q, p);
    q = malloc(1000);                 /* the freed tail is reused */
    printf("tail reused %d\n", q > p && q < wall);
    free(q);
    q = realloc(p, 3000);             /* the free neighbour makes room */
    printf("grew into free neighbour %d %s\n", q == p, q);
    p = malloc(10);
    q = realloc(q, 100000);           /* must move: contents follow */
    printf("moved keeps %s\n", q);
    printf("realloc to 0 gives %p\n", realloc(p, 0));
    free(q); free(wall);
    return 0;
}
'''

BIG = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char *a = malloc(1 << 20), *b = malloc(300000), *small = malloc(100), *s2;
    printf("big at 16 mod 4096 %d %d\n", (unsigned long)a % 4096 == 16, (unsigned long)b % 4096 == 16);
    printf("small where it falls %d\n", !((unsigned long)small & 15));
    s2 = malloc(2000);                /* the part of a page skipped before b */
    printf("skipped part reused %d\n", s2 > a && s2 < b);
    memset(a, 1, 1 << 20); memset(b, 2, 300000); memset(s2, 3, 2000);
    printf("apart %d %d\n", a[(1 << 20) - 1] == 1 && b[0] == 2, s2[1999] == 3 && b[299999] == 2);
    free(a); free(s2); free(b); free(small);
    a = malloc(1 << 21);
    printf("again %d\n", (unsigned long)a % 4096 == 16);
    free(a);
    return 0;
}
'''

STRESS = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define SLOTS 512
int main(void) {
    static char *ptr[SLOTS];
    static unsigned sz[SLOTS];
    unsigned long seed = 12345, i, j, bad = 0, live = 0;
    for (i = 0; i < 200000; i++) {
        unsigned k;
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        k = (unsigned)(seed >> 33) % SLOTS;
        if (ptr[k]) {
            for (j = 0; j < sz[k]; j++)
                if (ptr[k][j] != (char)(k ^ j)) bad++;
            if ((seed >> 20) & 1) {
                free(ptr[k]); ptr[k] = 0; live--;
                continue;
            }
        }
        sz[k] = (unsigned)(seed >> 40) % ((seed >> 13 & 7) == 0 ? 20000 : 300) + 1;
        ptr[k] = ptr[k] ? realloc(ptr[k], sz[k]) : (live++, malloc(sz[k]));
        if ((unsigned long)ptr[k] & 15) bad++;
        for (j = 0; j < sz[k]; j++)
            ptr[k][j] = (char)(k ^ j);
    }
    for (i = 0; i < SLOTS; i++) free(ptr[i]);
    printf("bad %lu\n", bad);
    ptr[0] = malloc(1 << 20);
    printf("after freeing everything, 1 MiB fits low: %d\n", ptr[0] != 0);
    return 0;
}
'''

ALIGNED = r'''
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    void *p; int i, ok = 1;
    for (i = 5; i < 13; i++) {
        p = aligned_alloc((size_t)1 << i, 100);
        if (!p || ((unsigned long)p & ((1UL << i) - 1))) ok = 0;
        free(p);
    }
    printf("aligned %d %d\n", ok, posix_memalign(&p, 64, 10) == 0 && !((unsigned long)p & 63));
    free(p);
    return 0;
}
'''


def run_ok(host, src):
    r = host.run(host.build(src))
    assert r.returncode == 0, r.stderr
    return r.stdout.decode()


def test_free_neighbours_coalesce_and_are_reused(host):
    out = run_ok(host, COALESCE)
    assert out.split("\n")[:-1] == ["aligned 1", "ascending 1", "merged reused 1",
                                    "three-way merge reused 1", "same size reused 1"]


def test_realloc_grows_and_shrinks_in_place(host):
    out = run_ok(host, REALLOC)
    assert out.splitlines() == ["grew in place 1 keep me", "shrunk in place 1 keep me",
                                "tail reused 1", "grew into free neighbour 1 keep me",
                                "moved keeps keep me", "realloc to 0 gives (nil)"]


def test_big_blocks_start_a_page_as_glibc_s_mapped_ones(host):
    """A request of 128 KiB or more gets a chunk at a page boundary (its
    payload at 16 mod 4096, where glibc's mmap'd chunks put it); the part
    of a page skipped for it serves smaller requests."""
    assert run_ok(host, BIG).splitlines() == [
        "big at 16 mod 4096 1 1", "small where it falls 1", "skipped part reused 1",
        "apart 1 1", "again 1"]


def test_random_workload_keeps_contents(host):
    assert run_ok(host, STRESS).splitlines() == ["bad 0", "after freeing everything, 1 MiB fits low: 1"]


def test_aligned_alloc(host):
    assert run_ok(host, ALIGNED) == "aligned 1 1\n"


def abort_of(host, body):
    src = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(void) {\n" + body + "\n}\n"
    r = host.run(host.build(src))
    assert r.returncode == -6, (r.returncode, r.stderr)      # SIGABRT, status 134 in a shell
    return r.stdout.decode(), r.stderr.decode()


def test_double_free_stops_with_message(host):
    out, err = abort_of(host, 'char *p = malloc(10); printf("before\\n"); fflush(stdout);'
                              'free(p); free(p); printf("not reached\\n"); return 0;')
    assert out == "before\n"
    assert err == "free(): double free detected\n"


def test_double_free_after_coalescing_is_caught(host):
    _, err = abort_of(host, "char *a = malloc(40), *b = malloc(40), *c = malloc(40);"
                            "free(a); free(b); free(b); (void)c; return 0;")
    assert err == "free(): double free detected\n"


def test_corrupted_header_stops_with_address(host):
    _, err = abort_of(host, "char *p = malloc(32), *q = malloc(32);"
                            "memset(p, 'A', 48); free(q); return 0;")
    assert re.fullmatch(r"malloc: corrupted block header at 0x[0-9a-f]+\n", err), err


def test_overrun_into_next_header_is_caught_on_free(host):
    _, err = abort_of(host, "char *p = malloc(24), *q = malloc(24);"
                            "memset(p, 0, 40); free(p); (void)q; return 0;")
    assert err.startswith("malloc: corrupted block header at 0x"), err


def test_free_of_pointer_not_from_malloc(host):
    _, err = abort_of(host, "static char buf[64]; malloc(1); free(buf + 16); return 0;")
    assert err == "free(): invalid pointer\n"
