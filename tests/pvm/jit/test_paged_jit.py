"""Native code for paged contexts (`pvm run --paged --tier=jit`): every guest
access probes the MMU's native TLB inline (pvm/jit/lower_memory.py); a miss
fills it from the page table; what native code cannot translate (a fault,
an access across pages) the run loop runs on the stepper.  So a paged run
on the JIT behaves exactly as on the interpreter, and as a bare run (a wild
pointer aside, which is a page fault only under paging)."""
from __future__ import annotations

import io
import re

import pytest

import pvm
from pvm import api

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory):
    """One disk cache for the module: the C library is compiled once."""
    with pytest.MonkeyPatch.context() as mp:
        path = tmp_path_factory.mktemp("cache")
        mp.setenv("PVM_CACHE", str(path))
        yield path


def launch(source: str, args=(), tier="jit", paged=True, **kw):
    """(status, stdout, stderr, runner) of a run with the machine kept."""
    from pvm.exec.session import run_reporting, start
    from pvm.machine.hostos import HostOS
    program = pvm.compile_source(source, name="t.c")
    out, err = io.BytesIO(), io.BytesIO()
    host = HostOS(stdin=io.BytesIO(), stdout=out, stderr=err)
    try:
        runner = start(program, ["t", *args], host=host, tier=tier, paged=paged,
                       program_key=api.digest(program), **kw)
        status = run_reporting(runner)
    finally:
        host.close_all()
    return status, out.getvalue(), err.getvalue(), runner


def native_jits(runner) -> list:
    """The JIT tiers of the run's paged contexts (there is one)."""
    return [jit for (space, paged), (_, jit) in runner._contexts.items() if paged and jit]


def same_everywhere(source: str, args=()):
    """The paged JIT run agrees with the paged interpreter and the bare JIT;
    returns its (status, stdout, stderr, runner)."""
    r = launch(source, args)
    interp = launch(source, args, tier="interp")
    bare = launch(source, args, paged=False)
    assert r[:3] == interp[:3]
    assert r[:2] == bare[:2]
    jits = native_jits(r[3])
    assert jits and jits[0].compiled and jits[0].switches[0] > 0     # native code ran
    return r


STRIDE = r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    int pages = atoi(argv[1]), rounds = atoi(argv[2]);
    char *a = malloc((long)pages * 4096);
    long sum = 0;
    for (int r = 0; r < rounds; r++)
        for (int p = 0; p < pages; p++) {
            a[(long)p * 4096 + r] = (char)(p + r);
            sum += a[(long)p * 4096 + r] + a[(long)p * 4096];
        }
    printf("%ld\n", sum);
    return 0;
}
"""


def test_hits_after_the_first_touch_of_a_page():
    """A few pages touched many times: the TLB is filled once per page."""
    status, out, _, runner = same_everywhere(STRIDE, ["8", "500"])
    assert status == 0
    assert runner.m.mmu.walks < 200 and native_jits(runner)[0].tlb_misses < 200


def test_misses_on_more_pages_than_the_tlb_holds():
    """More pages than the TLB has entries, so they evict each other, three
    times: every access of the later rounds misses, fills and goes on natively."""
    from pvm.machine.mmu import TLB_ENTRIES
    pages = TLB_ENTRIES + TLB_ENTRIES // 2
    status, out, _, runner = same_everywhere(STRIDE, [str(pages), "3"])
    assert status == 0
    assert native_jits(runner)[0].tlb_misses > 2 * pages


def test_an_int_across_two_pages():
    """An int at a page's last two bytes (through a char buffer): the probe
    never hits, the stepper does the access, native code goes on."""
    src = r"""
#include <stdio.h>
#include <string.h>
static char buf[3 * 4096];
int main(void) {
    char *edge = buf + 4096 - ((long)buf & 4095) + 4096 - 2;
    int *p = (int *)edge;
    long *q = (long *)(edge - 3);
    double *d = (double *)(edge - 1);
    long t = 0;
    for (int i = 0; i < 50; i++) {
        *p = 0x01020304 + i;
        t += *p + edge[0] + edge[2];
        *q = t;
        t ^= *q >> 3;
        *d = i * 0.5;
        t += (long)(*d * 4);
    }
    printf("%d %d %d %ld %x\n", edge[0], edge[1], edge[2], t, *p);
    return 0;
}
"""
    status, out, _, _ = same_everywhere(src)
    assert status == 0 and out.count(b" ") == 4


WILD = r"""
#include <stdio.h>
#include <stdlib.h>
long work(long *p, int n) { long s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
int main(int argc, char **argv) {
    long v[4] = {1, 2, 3, 4};
    printf("%ld\n", work(v, 4));
    fflush(stdout);
    long *wild = (long *)strtol(argv[1], 0, 0);
    if (argc > 2)
        *wild = 5;
    return (int)work(wild, 1);
}
"""


@pytest.mark.parametrize("args,access", [(["0x3000000"], "read"), (["0x3000008", "w"], "write"),
                                         (["0"], "read")])
def test_a_wild_pointer_is_a_page_fault(args, access):
    status, out, err, runner = launch(WILD, args)
    assert (status, out) == (139, b"10\n")
    address = int(args[0], 0)
    where = "work (t.c:4)" if access == "read" else "main (t.c:11)"
    assert f"Segmentation fault: page fault on {access} of address {address:#x} in {where}" \
        in err.decode()
    assert launch(WILD, args, tier="interp")[:3] == (status, out, err)
    assert native_jits(runner)[0].compiled


def test_a_write_to_read_only_text_is_a_page_fault():
    src = "int main(void) { char *s = (char *)main; s[1] = 0; return 0; }\n"
    status, _, err, _ = launch(src)
    assert status == 139 and b"page fault on write of address" in err
    assert launch(src, tier="interp")[:3] == launch(src)[:3]


def test_memcpy_and_memset_across_pages():
    src = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char *a = malloc(5 * 4096), *b = malloc(5 * 4096);
    for (int i = 0; i < 5 * 4096; i++) a[i] = (char)(i * 7);
    for (int r = 0; r < 20; r++) {
        memset(b + 4000 + r, r, 9000);
        memcpy(b + 100 + r, a + 4090 - r, 12000);
        memmove(b + 5, b + 9, 8000);
    }
    long s = 0;
    for (int i = 0; i < 5 * 4096; i++) s = s * 31 + b[i];
    printf("%ld\n", s);
    memset(b, 0, 0);
    memcpy(a, (char *)0x3000000, 0);
    return 0;
}
"""
    assert same_everywhere(src)[0] == 0


@pytest.mark.parametrize("what,access", [("memset((char *)main, 1, 10)", "write"),
                                         ("memcpy(buf, (char *)0x3000000 - 8, 64)", "read"),
                                         ("memcpy((char *)0x3000000 - 100, buf, 64)", "write")])
def test_a_faulting_block_operation_is_reported_as_on_the_interpreter(what, access):
    src = ("#include <string.h>\nchar buf[100];\n"
           f"int main(void) {{ {what}; return buf[0]; }}\n")
    jit, interp = launch(src), launch(src, tier="interp")
    assert jit[:3] == interp[:3]
    assert jit[0] == 139 and f"page fault on {access}".encode() in jit[2]


def test_an_indirect_call_through_a_function_pointer():
    src = r"""
#include <stdio.h>
static long sq(long x) { return x * x; }
static long twice(long x) { return 2 * x; }
static double half(double x) { return x / 2; }
long (*ops[])(long) = { sq, twice };
int main(void) {
    long t = 0;
    double (*h)(double) = half;
    for (int i = 0; i < 2000; i++)
        t += ops[i & 1](i) + (long)h(i);
    printf("%ld\n", t);
    return 0;
}
"""
    assert same_everywhere(src)[0] == 0


def test_a_call_of_a_data_address_is_reported_as_on_the_interpreter():
    src = r"""
long data[4];
int main(void) { long (*f)(void) = (long (*)(void))data; return (int)f(); }
"""
    jit, interp = launch(src), launch(src, tier="interp")
    assert jit[:3] == interp[:3] and jit[0] != 0


def test_variadic_calls_recursion_and_stack_overflow():
    src = r"""
#include <stdio.h>
#include <stdarg.h>
static long sum(int n, ...) { va_list ap; va_start(ap, n); long s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, long); va_end(ap); return s; }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static long deep(long n) { volatile char pad[512]; pad[0] = (char)n; return n ? deep(n - 1) + pad[0] : 0; }
int main(int argc, char **argv) {
    printf("%ld %d %ld\n", sum(5, 1L, 2L, 3L, 4L, 5L), fib(22), deep(2000));
    if (argc > 1)
        printf("%ld\n", deep(1L << 40));
    return 0;
}
"""
    assert same_everywhere(src)[0] == 0
    jit, interp = launch(src, ["x"]), launch(src, ["x"], tier="interp")
    assert jit[:3] == interp[:3] and jit[0] != 0


@pytest.mark.parametrize("name,arg", [
    ("fib.c", "18"), ("qsort.c", "3000"),
    *[pytest.param(n, a, marks=pytest.mark.slow)           # a minute each: LLVM compiles their libc
      for n, a in [("strhash.c", "2000"), ("sieve.c", "20000"), ("nbody.c", "200")]]])
def test_benchmarks_print_the_same_bare_and_paged(name, arg):
    from pathlib import Path
    path = Path(__file__).resolve().parents[3] / "bench" / name
    bare = pvm.run_file(str(path), [arg], tier="jit")
    paged = pvm.run_file(str(path), [arg], tier="jit", paged=True)
    assert (paged.status, paged.stdout) == (bare.status, bare.stdout) and bare.status == 0


def test_paged_code_probes_the_tlb_and_is_cached_apart_from_bare_code():
    """Paged IR reads the TLB, and its versioned loops' guards prove their
    ranges contiguous (pvm_range); bare IR has neither; the disk cache
    keeps the two apart (each run right after the other)."""
    src = "char b[4096];\nint main(void) { long s = 0; for (int i = 0; i < 4000; i++) s += b[i];" \
          " return (int)s; }\n"
    paged_ir, bare_ir = [], []
    launch(src, dump_llvm=paged_ir.append)
    launch(src, paged=False, dump_llvm=bare_ir.append)
    paged_ir, bare_ir = "".join(paged_ir), "".join(bare_ir)
    fast = re.compile(r"^fast\d+", re.M)            # a versioned loop's unchecked copy
    assert "pvm_guest_tlb" in paged_ir and "call fastcc i64 @pvm_range" in paged_ir
    assert "pvm_guest_tlb" not in bare_ir and "pvm_range" not in bare_ir and fast.search(bare_ir)
    for paged in (True, False, True, False):
        assert launch(src, paged=paged)[:3] == (0, b"", b"")


LOOPS = r"""
#include <stdio.h>
#include <stdlib.h>
long sum(char *p, long n) { long s = 0; for (long i = 0; i < n; i++) s += p[i]; return s; }
void fill(int *p, long n, int v) { for (long i = 0; i < n; i++) p[i] = v + (int)i; }
int main(int argc, char **argv) {
    long n = atol(argv[1]);
    char *a = malloc(n + 16);
    fill((int *)a, n / 4, 3);
    printf("%ld\n", sum(a, n));
    printf("%ld\n", sum(a, n + atol(argv[2])));     /* may run off the heap */
    return 0;
}
"""


@pytest.mark.parametrize("args", [["100", "0"], ["20000", "0"], ["6000000", "0"],
                                  ["20000", "100000000"], ["100", "-200"]])
def test_versioned_loops_agree_with_the_interpreter(args):
    """Guards over ranges of one page, many pages, more pages than the TLB
    holds, and ranges that reach unmapped pages (the checked copy faults
    where the interpreter does)."""
    r, interp = launch(LOOPS, args), launch(LOOPS, args, tier="interp")
    assert r[:3] == interp[:3]


# ---- accesses that share one probe (lower_memory.ProbeGroup) --------------------------

def test_probe_groups_follow_a_base_register_until_it_changes_or_a_call():
    from pvm.jit.lower_memory import probe_groups
    code = [("LDF64", 8, 3, 0), ("LDF64", 9, 4, 0), ("LDF64", 10, 3, 8), ("STF64", 3, 10, 40),
            ("LD64", 3, 3, 16),                              # the last of r3's group: it changes r3
            ("LDF64", 11, 3, 0), ("LDF64", 12, 4, 48),
            ("FCALL", 12, 0, 12, 1),                         # a call ends every group
            ("LDF64", 13, 4, 8)]
    groups = probe_groups(code, 0, len(code), frozenset())
    first, second = groups[0], groups[1]
    assert first.pcs == [0, 2, 3, 4] and (first.lo, first.hi, first.write) == (0, 48, True)
    assert second.pcs == [1, 6] and (second.lo, second.hi, second.write) == (0, 56, False)
    assert set(groups) == {0, 1, 2, 3, 4, 6}                 # 5 and 8 stand alone
    assert probe_groups(code, 0, len(code), frozenset({2, 3, 4})).keys() == {1, 6}


STRADDLING = r"""
#include <stdio.h>
#include <stdlib.h>
struct body { double x, y, z, vx, vy, vz, mass; };
int main(void) {
    int n = 400;                              /* 22 KiB: some structs straddle pages */
    struct body *b = malloc(n * sizeof *b);
    for (int i = 0; i < n; i++) {
        b[i].x = i; b[i].y = 2 * i; b[i].z = 3 * i;
        b[i].vx = b[i].vy = b[i].vz = 0.5; b[i].mass = i % 7;
    }
    double sum = 0;
    for (int step = 0; step < 30; step++)
        for (int i = 0; i < n; i++) {
            struct body *p = &b[i];
            p->vx += p->x * p->mass; p->vy -= p->y; p->vz += p->z * 0.25;
            sum += p->vx + p->vy + p->vz;
        }
    printf("%.1f\n", sum);
    return 0;
}
"""


def test_grouped_accesses_across_a_page_boundary_agree():
    status, out, _, _ = same_everywhere(STRADDLING)
    assert status == 0 and out


FAULT_IN_A_GROUP = r"""
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
struct big { long a; char pad[8192]; long b; };
long touch(struct big *p) {
    p->a = 1;                                  /* on a mapped page */
    printf("a stored\n");
    fflush(stdout);
    p->b = p->a + 1;                           /* 8 KiB on: past the heap's last page */
    return p->b;
}
int main(void) {
    malloc(100);
    struct big *p = (struct big *)((char *)sbrk(0) - 16);  /* a: the heap's last bytes; b: unmapped */
    printf("%ld\n", touch(p));
    return 0;
}
"""


def test_a_fault_in_a_group_is_precise():
    r = launch(FAULT_IN_A_GROUP)
    interp = launch(FAULT_IN_A_GROUP, tier="interp")
    assert r[:3] == interp[:3]
    assert r[0] == 139 and r[1] == b"a stored\n" and b"page fault on write" in r[2]


# ---- byte accesses through the page cache (lower_memory.make_page_cache) --------------

BYTE_LOOPS = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static unsigned hash(const char *s) { unsigned h = 5381; while (*s) h = h * 33 + (unsigned char)*s++; return h; }
static void copy(char *d, const char *s) { while ((*d++ = *s++)) ; }
int main(int argc, char **argv) {
    long n = atol(argv[1]);
    char *a = malloc(n + 1), *b = malloc(n + 1);
    for (long i = 0; i < n; i++) a[i] = (char)('a' + i % 23);
    a[n] = 0;
    copy(b, a);                       /* byte loads and stores over many pages */
    unsigned h = hash(b) ^ hash(a + n / 3);
    printf("%u %d %ld\n", h, strcmp(a, b), (long)strlen(b));
    fflush(stdout);
    if (argc > 2) {                   /* run off the heap's end: a page fault */
        char *end = (char *)sbrk(0) - 10;
        memset(end, 'x', 10);
        printf("%u\n", hash(end));
    }
    return 0;
}
"""


@pytest.mark.parametrize("args", [["100"], ["70000"], ["70000", "off"]])
def test_byte_loops_across_pages_agree_and_fault_where_the_interpreter_does(args):
    """Each new page misses the cache and is translated; a string that runs
    off the heap's last page faults at its first unmapped byte."""
    r, interp = launch(BYTE_LOOPS, args), launch(BYTE_LOOPS, args, tier="interp")
    assert r[:3] == interp[:3]
    if len(args) > 1:
        assert r[0] == 139 and b"page fault on read of address" in r[2]
    else:
        assert r[0] == 0 and r[1].split()[1:] == [b"0", args[0].encode()]
        assert r[:2] == launch(BYTE_LOOPS, args, paged=False)[:2]


READ_THEN_WRITE = r"""
#include <stdio.h>
int main(void) {
    char *s = (char *)main;
    int sum = 0;
    for (int i = 0; i < 64; i++)
        sum += s[i];                  /* text: readable, so the read slot holds it */
    printf("%d\n", sum != 0);
    fflush(stdout);
    for (int i = 0; i < 64; i++)
        s[i] = (char)(s[i] + 1);      /* not writable: the write slot is another */
    return 0;
}
"""


def test_a_page_cached_for_reading_is_not_used_for_writing():
    r, interp = launch(READ_THEN_WRITE), launch(READ_THEN_WRITE, tier="interp")
    assert r[:3] == interp[:3]
    assert r[0] == 139 and r[1] == b"1\n" and b"page fault on write of address" in r[2]

