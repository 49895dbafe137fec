"""Loop versioning (pvm/jit/loops.py): which loops get an unchecked copy, and
that a program behaves the same on the JIT as on the interpreter whether the
guard lets it into that copy or not: out-of-range loops, wrap-around of the
induction variable, a zero step, writes into the read-only text."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit import loops

FUEL = 400_000

SHAPES = r"""
#include <stdio.h>
#include <stdlib.h>
static char buf[4096];
/* one loop shape per function: relation, constant or register step */
long up_lt(long s, long e, long st, long c, long k)
{ long t = 0; for (long i = s; i < e; i += st) t += buf[i * c + k]; return t; }
long up_le(long s, long e, long st, long c, long k)
{ long t = 0; for (long i = s; i <= e; i += st) t = t * 3 + buf[i * c + k]; return t; }
long down_gt(long s, long e, long st, long c, long k)
{ long t = 0; for (long i = s; i > e; i += st) t ^= buf[k - i * c] << (i & 7); return t; }
long down_ge(long s, long e, long st, long c, long k)
{ long t = 0; for (long i = s; i >= e; i--) t += buf[i * c + k] - buf[i * c + k + 1]; return t; }
long store_up(long s, long e, long st, long c, long k)
{ for (long i = s; i < e; i++) buf[i * c + k] = (char)i; return buf[k] + buf[100]; }
long ints(long s, long e, long st, long c, long k)
{ int *p = (int *)buf; long t = 0; for (int i = (int)s; i < (int)e; i++) t += p[i * (int)c + (int)k]; return t; }
long two_ptrs(long s, long e, long st, long c, long k)
{ long t = 0; for (long i = s; i < e; i++) { if (i % 3 == 0) continue; t += buf[i] * buf[e - i + k]; } return t; }
/* counted registers other than the one tested, and tests other than JLT/JLE */
long copy_n(long s, long e, long st, long c, long k)
{ char *d = buf + k, *p = buf + s; long n = e; while (n--) *d++ = *p++; return buf[k & 4095] + buf[s & 4095]; }
long size_up(long s, long e, long st, long c, long k)
{ unsigned long t = 0; for (unsigned long i = s; i < (unsigned long)e; i += st) t += buf[i * c + k]; return t; }
long two_ends(long s, long e, long st, long c, long k)
{ long t = 0; for (long i = s, j = e; i < j; i++, j--) t = t * 5 + buf[i + k] - buf[j * c]; return t; }
long ptr_ne(long s, long e, long st, long c, long k)
{ long t = 0; char *end = buf + e; for (char *p = buf + s; p != end; p++) t = t * 7 + p[k]; return t; }
long (*shapes[])(long, long, long, long, long) = { up_lt, up_le, down_gt, down_ge, store_up, ints, two_ptrs,
                                                   copy_n, size_up, two_ends, ptr_ne };
#define SHAPES (long)(sizeof shapes / sizeof shapes[0])

int main(int argc, char **argv)
{
    for (int i = 0; i < 4096; i++)
        buf[i] = (char)(i * 37 % 251);
    long a[6];
    for (int i = 0; i < 6; i++)
        a[i] = argc > i + 1 ? atol(argv[i + 1]) : 1;
    printf("%ld\n", shapes[a[0] % SHAPES](a[1], a[2], a[3], a[4], a[5]));
    return 0;
}
"""


@pytest.fixture(scope="module")
def shapes():
    return pvm.compile_source(SHAPES, name="shapes.c")


def agree(program, args, fuel=FUEL):
    args = [str(a) for a in args]
    jit = pvm.run(program, args=args, tier="jit", fuel=fuel)
    interp = pvm.run(program, args=args, tier="interp", fuel=fuel)
    assert (jit.status, jit.stdout, jit.stderr) == (interp.status, interp.stdout, interp.stderr), args
    return interp


def test_every_shape_is_versioned(shapes):
    """Each function's loop gets a plan, with its accesses proven."""
    for name, n in [("up_lt", 1), ("up_le", 1), ("down_gt", 1), ("down_ge", 2), ("store_up", 1),
                    ("ints", 1), ("two_ptrs", 2), ("copy_n", 2), ("size_up", 1), ("two_ends", 2),
                    ("ptr_ne", 1)]:
        k = next(k for k, f in enumerate(shapes.functions) if f.name == name)
        plan = loops.plan(shapes.functions[k].code)
        assert len(plan) == 1, name
        assert len(plan[0].accesses) >= n, (name, plan[0].accesses)
    ir_text = []
    agree(shapes, [0, 0, 100, 1, 3, 5])
    pvm.run(shapes, args=["0", "0", "100", "1", "3", "5"], tier="jit", dump_llvm=ir_text.append)
    k = next(k for k, f in enumerate(shapes.functions) if f.name == "up_lt")
    up_lt = next(t for t in ir_text if f"@pvm_f{k}(" in t)
    assert re.search(r"^fast\d+", up_lt, re.M)     # the unchecked copy's blocks


def test_a_loop_with_no_provable_access_is_not_copied():
    program = pvm.compile_source(
        "struct n { struct n *next; long v; };\n"
        "long walk(struct n *p) { long s = 0; while (p) { s += p->v; p = p->next; } return s; }\n"
        "int main(void) { struct n b = {0, 2}, a = {&b, 1}; return (int)walk(&a); }", name="list.c")
    k = next(k for k, f in enumerate(program.functions) if f.name == "walk")
    assert loops.plan(program.functions[k].code) == []
    assert agree(program, []).status == 3


@pytest.mark.parametrize("args", [
    [0, 0, 4000, 1, 1, 0],               # in range: the unchecked copy
    [0, 0, 5000, 1, 1, 0],               # runs off buf, still inside memory: same sums
    [0, 0, 1 << 40, 1, 1, 0],            # runs off the end of memory: the same trap
    [0, 0, 100, 1, 1 << 30, -5],         # the first access is already out
    [1, 10, 20, 1, -(1 << 50), 0],       # negative addresses
    [2, 50, -(1 << 40), -1, 1, 60],      # downwards, off the bottom
    [3, 100, -(1 << 40), 0, 1, 0],       # downwards with i--
    [4, 0, 200, 1, 1, 0],                # stores in range
    [4, 0, 70000, 1, -(1 << 20), 0],     # stores below the data segment (into the text)
    [5, 0, 1024, 1, 1, 0],               # int loop, in range
    [5, 0, 1 << 20, 1, 1, 0],            # int loop, off the end
    [6, 0, 4000, 1, 1, 90],              # two pointers moving apart, with continue
    [7, 10, 3000, 0, 0, 1000],           # while (n--) *d++ = *s++, overlapping
    [7, 10, 5000, 0, 0, 1000],           # ... past the end of buf, inside memory
    [7, 10, -3, 0, 0, 1000],             # n < 0: runs until it faults
    [7, 10, 1 << 40, 0, 0, 1 << 39],     # off the end of memory
    [8, 5, 3000, 1, 1, 7],               # size_t loop, in range
    [8, 5, -1, 1, 1, 7],                 # size_t bound 2^64 - 1: off the end
    [8, -5, 10, 1, 1, 7],                # a start above 2^63: the loop does not run
    [9, 0, 4000, 1, 1, 0],               # two indices meeting in the middle
    [9, -(1 << 62), 1 << 62, 1, 1, 0],   # ... from far apart: faults
    [10, 0, 4000, 1, 1, 0],              # p != end, in range
    [10, 100, 50, 1, 1, 0],              # p != end with end below p: faults at the end of memory
])
def test_traps_and_results_equal_the_interpreter(shapes, args):
    agree(shapes, args)


def test_a_zero_step_is_left_to_the_checked_copy(shapes):
    """The guard requires step >= 1: a loop that never ends runs checked
    until the fuel runs out, at the same instruction on both tiers."""
    r = agree(shapes, [0, 0, 10, 0, 1, 0], fuel=50_000)
    assert r.status == 152


def test_an_induction_variable_that_would_wrap_is_not_trusted(shapes):
    """i += 2^20 from LONG_MAX - 2^20 + 1 passes LONG_MAX and wraps to
    LONG_MIN, where i < e holds again: buf[i - start] then reads at 1 MiB,
    2 MiB, ... although the guard's two ends (i = start, i = LONG_MAX - 1)
    are both inside memory.  The guard refuses (h + step would overflow), so
    the checked copy runs and traps where the interpreter does."""
    big, step = (1 << 63) - 1, 1 << 20
    start = big - step + 1
    r = agree(shapes, [0, start, big, step, 1, -start], fuel=100_000)
    assert r.status == 139 and b"Segmentation fault: read" in r.stderr


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=st.integers(0, 10),
       start=st.one_of(st.integers(-50, 5000), st.integers(-(1 << 63), (1 << 63) - 1)),
       length=st.one_of(st.integers(-5, 300), st.integers(-(1 << 63), (1 << 63) - 1)),
       step=st.one_of(st.integers(-4, 4), st.sampled_from([1 << 62, -(1 << 62)])),
       coef=st.one_of(st.integers(-9, 9), st.integers(-(1 << 63), (1 << 63) - 1)),
       offset=st.one_of(st.integers(-100, 5000), st.integers(-(1 << 63), (1 << 63) - 1)))
def test_random_loops_agree(shapes, shape, start, length, step, coef, offset):
    end = max(-(1 << 63), min((1 << 63) - 1, start + length))
    agree(shapes, [shape, start, end, step, coef, offset], fuel=100_000)
