"""The tiers agree: interpreter, JIT and auto (interpreter tiering up to the
JIT mid-run) give the same stdout, exit status, trap report and fuel stop.

Random well-defined programs come from tests/pvm/tier_programs.py; gcc -O0,
when present, is a third opinion on their output.  The hand-written
programs exercise the seams between the tiers: on-stack replacement in the
middle of main's loop, native code calling interpreted code and back,
traps several frames deep in native code, fuel, and volatile polling.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings

import pvm

sys.path.insert(0, os.path.dirname(__file__))
from tier_programs import c_programs  # noqa: E402

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit import inline
    from pvm.jit.inline import BUDGET, inline_depth

GCC = shutil.which("gcc")
FUEL = 30_000_000          # random programs are short; this only stops a runaway
OUT_OF_FUEL = 152


def gcc_run(src: str) -> tuple[int, bytes]:
    """(status, stdout) of `src` built by gcc -O0."""
    with tempfile.TemporaryDirectory() as d:
        c, exe = os.path.join(d, "prog.c"), os.path.join(d, "prog")
        with open(c, "w") as f:
            f.write(src)
        subprocess.run([GCC, "-O0", "-w", "-o", exe, c], check=True, capture_output=True)
        r = subprocess.run([exe], capture_output=True, timeout=60)
        return r.returncode, r.stdout


def run_everywhere(src: str, name: str = "prog.c", tiers=(("interp", {}), ("jit", {}),
                                                          ("auto", {"jit_threshold": 10})), **kw):
    """{tier label: RunResult} of one compiled program on each tier."""
    program = pvm.compile_source(src, name=name)
    return {f"{t}{opts or ''}": pvm.run(program, tier=t, **opts, **kw) for t, opts in tiers}


def assert_all_agree(results: dict):
    (ref_name, ref), *others = results.items()
    for name, r in others:
        assert (r.status, r.stdout, r.stderr) == (ref.status, ref.stdout, ref.stderr), \
            f"{name} differs from {ref_name}"
    return ref


def check_random_program(src: str, tiers):
    ref = assert_all_agree(run_everywhere(src, "gen.c", tiers, fuel=FUEL))
    assert ref.stderr == b"" or ref.status == OUT_OF_FUEL, ref.stderr
    if GCC and ref.status != OUT_OF_FUEL:
        assert gcc_run(src) == (ref.status, ref.stdout), "pvm differs from gcc -O0"


# ---- 1. differential: random programs -------------------------------------------
@settings(max_examples=15, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(c_programs(max_functions=2, max_statements=4))
def test_random_programs_agree_on_interp_jit_and_gcc(src):
    check_random_program(src, (("interp", {}), ("jit", {})))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(c_programs())
def _many_random_programs_agree_on_every_tier(src):
    check_random_program(src, (("interp", {}), ("jit", {}), ("auto", {"jit_threshold": 2})))


@pytest.mark.slow
def test_many_random_programs_agree_on_every_tier(request):
    """About 20 minutes: run with -m slow or PVM_SLOW=1."""
    if "slow" not in (request.config.getoption("markexpr") or "") and os.environ.get("PVM_SLOW") != "1":
        pytest.skip("slow: run with -m slow or PVM_SLOW=1")
    _many_random_programs_agree_on_every_tier()


# ---- 2. tier switching ----------------------------------------------------------
LONG_MAIN = r"""
#include <stdio.h>
int main(void) {
    unsigned long h = 1;
    for (long i = 0; i < 20000; i++) {
        h = h * 6364136223846793005UL + (unsigned long)i;
        if ((i & 1023) == 0) h ^= h >> 7;
    }
    printf("%lu\n", h);
    return (int)(h % 7);
}
"""


def test_main_is_compiled_in_the_middle_of_its_loop():
    program = pvm.compile_source(LONG_MAIN, name="osr.c")
    log = []
    auto = pvm.run(program, tier="auto", jit_threshold=10, jit_log=log.append)
    interp = pvm.run(program, tier="interp")
    assert (auto.status, auto.stdout, auto.stderr) == (interp.status, interp.stdout, b"")
    assert any("compiled main at a loop" in line for line in log), log
    assert any("resume entry main" in line for line in log), log
    if GCC:
        assert gcc_run(LONG_MAIN) == (interp.status, interp.stdout)


CONSTANT_LOOP = r"""
#include <stdio.h>
int main(void) {
    static int a[4000];
    long h = 0;
    for (int i = 0; i < 4000; i++) a[i] = i * 7 % 19 - 9;      /* the compiler keeps 7 */
    for (int i = 0; i < 3990; i++)                            /* and 19 in registers */
        h = h * 31 + a[i] * 3 + (a[i + 7] >> 2) + (h >> 19);
    printf("%ld\n", h);
    return 0;
}
"""


def test_resume_entries_rebuild_the_loop_constants():
    """OSR enters main in the middle of its loop; registers the function set
    to constants at its start are constants there too (LLVM folds them),
    not values loaded from the frame, and the result is the same."""
    from pvm.jit.liveness import entry_constants
    program = pvm.compile_source(CONSTANT_LOOP, name="constants.c")
    main = next(f for f in program.functions if f.name == "main")
    constants = entry_constants(main.code)
    assert {ins[2] for _, ins in constants.values() if ins[0] == "LI"} >= {7, 19}
    for r, (pc, ins) in constants.items():
        assert ins[1] == r and all(other[1] != r or other == ins for other in main.code
                                   if other[0] in ("LI", "LF", "FADDR", "MOV", "ADD64", "ADDI64"))
    log = []
    auto = pvm.run(program, tier="auto", jit_threshold=10, jit_log=log.append)
    interp = pvm.run(program, tier="interp")
    assert (auto.status, auto.stdout) == (interp.status, interp.stdout)
    assert any("resume entry main" in line for line in log), log
    if GCC:
        assert gcc_run(CONSTANT_LOOP) == (interp.status, interp.stdout)


def test_jit_tier_resumes_native_code_after_calling_a_new_function():
    """--tier=jit compiles a function at its first call; main's call of a
    callee not compiled yet goes through the main loop, and main then goes
    on in native code (a resume entry after that call), not interpreted."""
    log = []
    r = pvm.run(pvm.compile_source(CONSTANT_LOOP, name="constants.c"), tier="jit",
                jit_log=log.append)
    assert r.status == 0
    assert any("compiled main before its first call" in line for line in log), log
    assert any("resume entry main" in line for line in log), log
    assert not any("(+" in line for line in log), log        # one function at a time


LATE_CALLEE = r"""
#include <stdio.h>
static long late(long x)                            /* first runs long after main is native */
{                                                   /* (and too big to be copied into it) */
    long t = x;
    for (int i = 0; i < 8; i++) t = t * 3 + (t >> 7) + i;
    for (int i = 0; i < 8; i++) t = t * 5 + (t >> 9) - i;
    for (int i = 0; i < 8; i++) t = t * 7 + (t >> 3) + i;
    for (int i = 0; i < 8; i++) t = t * 11 + (t >> 5) - i;
    for (int i = 0; i < 8; i++) t = t * 13 + (t >> 2) + i;
    return t + 1;
}
int main(void) {
    long h = 0;
    for (long i = 0; i < 300000; i++) {
        h = h * 31 + i;
        if (i == 200000)
            h += late(i);
    }
    printf("%ld\n", h);
    return 0;
}
"""


def test_auto_goes_on_natively_after_a_callee_that_was_not_compiled():
    """main is compiled at its loop before `late` ever ran, so that call goes
    through the main loop; main then resumes native code right after it
    (a second resume entry) instead of interpreting the rest of its loop."""
    log = []
    program = pvm.compile_source(LATE_CALLEE, name="late.c")
    auto = pvm.run(program, tier="auto", jit_threshold=10, jit_log=log.append)
    interp = pvm.run(program, tier="interp")
    assert (auto.status, auto.stdout) == (interp.status, interp.stdout)
    main = next(f for f in program.functions if f.name == "main")
    late = next(k for k, f in enumerate(program.functions) if f.name == "late")
    after = next(pc + 1 for pc, ins in enumerate(main.code) if ins[0] == "CALL" and ins[2] == late)
    assert f"jit: resume entry main at instruction {after}" in log, log


RECURSIVE = r"""
#include <stdio.h>
static int *nowhere;
static int walk(int n, int fail) {      /* small and self-recursive: inlined twice */
    if (n == 0)
        return fail ? *nowhere : 1;
    return walk(n - 1, fail) + walk(n - 2 < 0 ? 0 : n - 2, fail) + n;
}
int main(int argc, char **argv) {
    printf("%d\n", walk(18, 0));
    return walk(5, argc > 1);            /* a NULL read deep in the recursion */
}
"""


def same_at_fuel_stops(program, args, budgets) -> None:
    """The JIT stops where the interpreter does, with the same output, at
    each fuel budget (inside copies of callees too)."""
    for fuel in budgets:
        a = pvm.run(program, args=args, tier="jit", fuel=fuel)
        b = pvm.run(program, args=args, tier="interp", fuel=fuel)
        assert (a.status, a.stdout, a.stderr) == (b.status, b.stdout, b.stderr), fuel


@pytest.mark.parametrize("args", [(), ("fail",)])
def test_inlined_recursion_keeps_every_frame(args):
    """The JIT copies walk into itself two levels deep (pvm/jit/inline.py):
    results, the trap report (function, line) and fuel stops inside the
    copies equal the interpreter's."""
    program = pvm.compile_source(RECURSIVE, name="walk.c")
    k = next(k for k, f in enumerate(program.functions) if f.name == "walk")
    assert inline_depth(program.functions[k], k) == 2
    ir_text = []
    jit = pvm.run(program, args=args, tier="jit", dump_llvm=ir_text.append)
    interp = pvm.run(program, args=args, tier="interp")
    assert (jit.status, jit.stdout, jit.stderr) == (interp.status, interp.stdout, interp.stderr)
    # the copies' blocks (in<call pc>L<pc>) and ways out, in the optimised IR:
    # 2 copies in walk, 2 in each of them
    walk_ir = next(t for t in ir_text if f"define i64 @pvm_f{k}(" in t or f"@pvm_f{k}(ptr" in t)
    assert re.search(r"^in\d+L\d+", walk_ir, re.M)
    assert len(re.findall(r"^in\d+unwind[.\d]*:", walk_ir, re.M)) == 6
    if args:
        assert interp.status == 139 and b"in walk (walk.c:6)" in interp.stderr
    same_at_fuel_stops(program, args, (777, 1234, 5000, 9999))


LEAVES = r"""
#include <stdio.h>
static int *nowhere;
static void swap(char *a, char *b) { char t = *a; *a = *b; *b = t; }
static int get(int *p, int i) { return p[i]; }
int main(int argc, char **argv) {
    char x[8] = "abcdefg", y[8] = "ABCDEFG";
    long s = 0;
    for (int i = 0; i < 1000; i++) { swap(x + i % 7, y + i % 5); s += x[i % 7]; }
    printf("%s %s %ld\n", x, y, s);
    return get(argc > 1 ? nowhere : (int *)x, 1) & 0;     /* a NULL read in get */
}
"""


def main_ir_and_run(program, args, k: int):
    """The interpreter's run, checked equal to the JIT's, and the optimised
    IR of the JIT's function k (main)."""
    ir_text = []
    jit = pvm.run(program, args=args, tier="jit", dump_llvm=ir_text.append)
    interp = pvm.run(program, args=args, tier="interp")
    assert (jit.status, jit.stdout, jit.stderr) == (interp.status, interp.stdout, interp.stderr)
    text = next(t for t in ir_text if f"@pvm_f{k}(ptr" in t)
    body = text[text.index(f"@pvm_f{k}(ptr"):]
    return interp, body[:body.index("\n}\n")]


@pytest.mark.parametrize("args", [(), ("fail",)])
def test_small_callees_are_copied_into_their_caller(args):
    """Small functions other than the caller itself are inlined
    too (a swap, an accessor): no native call of them is left in
    main, and results, the trap report and fuel stops inside the copies
    equal the interpreter's."""
    program = pvm.compile_source(LEAVES, name="leaves.c")
    index = {f.name: k for k, f in enumerate(program.functions)}
    interp, main_body = main_ir_and_run(program, args, index["main"])
    for callee in ("swap", "get"):
        assert f"@pvm_f{index[callee]}(" not in main_body, callee
    if args:
        assert interp.status == 139 and b"in get (leaves.c:5)" in interp.stderr
    same_at_fuel_stops(program, args, (500, 4321, 20000, 33333))


LOOPING_LEAVES = r"""
#include <stdio.h>
static char *nowhere;
static long length(const char *s) { const char *p = s; while (*p) p++; return p - s; }
static long total(const int *a, int n) { long t = 0; for (int i = 0; i < n; i++) t += a[i]; return t; }
int main(int argc, char **argv) {
    static const char *words[4] = {"the", "an", "stra", "ing"};
    int a[64];
    long s = 0;
    for (int i = 0; i < 64; i++) a[i] = i * 3;
    for (int i = 0; i < 2000; i++) s += length(words[i % 4]) + total(a, i % 64);
    printf("%ld\n", s);
    return (int)length(argc > 1 ? nowhere : "x") & 0;      /* a NULL read in length's loop */
}
"""


@pytest.mark.parametrize("args", [(), ("fail",)])
def test_small_callees_with_a_loop_are_copied_unless_it_would_be_versioned(args):
    """A small function whose loop the data ends (a strlen) is copied into
    its caller like a loop-free one; one whose loop loops.py versions (a
    counted sum) keeps its own code.  Results, the trap in
    the copied loop and fuel stops inside it equal the interpreter's."""
    program = pvm.compile_source(LOOPING_LEAVES, name="loops.c")
    index = {f.name: k for k, f in enumerate(program.functions)}
    interp, main_body = main_ir_and_run(program, args, index["main"])
    assert f"@pvm_f{index['length']}(" not in main_body
    # (LLVM may inline total on its own: its loop is versioned either way)
    versioned = inline._versioned_loops
    assert not versioned(program.functions[index["length"]].code)
    assert versioned(program.functions[index["total"]].code)
    if args:
        assert interp.status == 139 and b"in length (loops.c:4)" in interp.stderr
    same_at_fuel_stops(program, args, (500, 4321, 20000, 33333))


def test_32_bit_division_reads_the_low_halves_on_every_tier():
    """The compiler does int * in 64 bits (overflow is undefined), so DIV32
    and REM32 can meet a register beyond 32 bits; both tiers then divide its
    low 32 bits, as the JIT's 32-bit idiv always did (the interpreter used
    the whole register until the closing note of 2026-12-07)."""
    source = r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    int i = atoi(argv[1]);
    int x = i * 7919;                       /* overflows int for i > 271183 */
    printf("%d %d %u %u\n", x % 1009, x / 1009, (unsigned)x % 1009u, (unsigned)x / 1009u);
    return 0;
}
"""
    program = pvm.compile_source(source, name="div.c")
    for arg in ("1000", "300000", "-300000"):
        results = {t: pvm.run(program, args=[arg], tier=t) for t in ("interp", "jit")}
        assert results["interp"].stdout == results["jit"].stdout, arg
        x = (int(arg) * 7919 + 2**31) % 2**32 - 2**31          # the low 32 bits, signed
        q = abs(x) // 1009 * (1 if x >= 0 else -1)
        assert results["interp"].stdout.split()[:2] == [str(x - q * 1009).encode(),
                                                       str(q).encode()], arg


def test_inline_depth_fits_the_budget():
    """fib-sized bodies (10 instructions, 2 calls) get 4 levels of copies
    (2 + 4 + 8 + 16), a bigger one fewer, a function without recursion none."""
    fib = pvm.compile_source("int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }"
                             "int main(void) { return fib(5); }", name="fib.c")
    k = next(k for k, f in enumerate(fib.functions) if f.name == "fib")
    main = next(k for k, f in enumerate(fib.functions) if f.name == "main")
    assert inline_depth(fib.functions[k], k) == 4
    assert inline_depth(fib.functions[main], main) == 0
    walk = pvm.compile_source(RECURSIVE, name="walk.c")
    k = next(k for k, f in enumerate(walk.functions) if f.name == "walk")
    assert len(walk.functions[k].code) * (1 + 2 + 4) <= BUDGET < len(walk.functions[k].code) * 15


CROSSING = r"""
#include <stdio.h>
#include <stdarg.h>
typedef long (*op_fn)(long, long);
static long hot(long i, op_fn op);
/* called only by hot, first after hot is native, and only 3 times: it
   stays interpreted under auto (when the threshold is above 3) */
static long rare(long a, long b) { return a == 0 ? b : hot(a - 1, 0) * 3 + b; }
static long vsum(int n, ...) {
    va_list ap; long s = 0;
    va_start(ap, n);
    for (int k = 0; k < n; k++) s = s * 7 + va_arg(ap, long);
    va_end(ap);
    return s;
}
static long hot(long i, op_fn op) {
    long x = i * 2654435761L % 1000003;
    if (op && i >= 1500 && i % 500 == 0) x += op(i % 5 + 1, x);  /* native -> interpreted -> native */
    if (i >= 1000 && i % 400 == 0) x ^= vsum(3, i, x, -i);       /* native -> variadic */
    return x;
}
int main(void) {
    unsigned long h = 0;
    for (long i = 0; i < 3000; i++) h = h * 31 + (unsigned long)hot(i, rare);
    printf("%lu\n", h);
    return (int)(h % 13);
}
"""


@pytest.mark.parametrize("threshold", [1, 10, 100])
def test_native_code_calls_interpreted_code_and_back(threshold):
    program = pvm.compile_source(CROSSING, name="cross.c")
    log = []
    auto = pvm.run(program, tier="auto", jit_threshold=threshold, jit_log=log.append)
    ref = assert_all_agree({"interp": pvm.run(program, tier="interp"),
                            "jit": pvm.run(program, tier="jit"), "auto": auto})
    assert ref.stderr == b"" and ref.stdout.strip().isdigit()
    compiled = " ".join(log)
    assert "compiled hot" in compiled or "compiled main (+" in compiled, log
    if threshold > 3:
        assert "compiled rare" not in compiled and "compiled vsum" not in compiled, log
        # the last line counts the switches: native hot calls interpreted rare
        m = re.fullmatch(r"jit: switches: (\d+) entries into native code; out of it, (\d+) "
                         r"calls through the interpreter and 0 fuel steps", log[-1])
        assert m and int(m[1]) > 0 and int(m[2]) > 0, log[-1]
    if GCC:
        assert gcc_run(CROSSING) == (ref.status, ref.stdout)


DEEP_TRAP = r"""
#include <stdio.h>
static long v[4] = {1, 2, 3, 4};
static long leaf(long *p, long d) { return *p / d; }
static long mid(long *p, long d) { return leaf(p, d) + 1; }
static long top(long *p, long d) { return mid(p, d) * 2; }
int main(void) {
    long s = 0;
    for (long i = 0; i < 600; i++) {
        long *p = i == %(null_at)d ? 0 : &v[i & 3];
        s += top(p, %(divisor)s);
    }
    printf("%%ld\n", s);
    return 0;
}
"""


@pytest.mark.parametrize("null_at,divisor,report", [
    (500, "1", "Segmentation fault: read of address 0x0 in leaf (trap.c:4)"),
    (-1, "(long)(i != 555)", "in leaf (trap.c:4)"),
])
def test_trap_several_frames_deep_in_native_code_reports_like_the_interpreter(null_at, divisor, report):
    src = DEEP_TRAP % {"null_at": null_at, "divisor": divisor}
    results = run_everywhere(src, "trap.c", (("interp", {}), ("jit", {}), ("auto", {"jit_threshold": 3}),
                                             ("auto", {"jit_threshold": 100})))
    ref = assert_all_agree(results)
    assert ref.status != 0 and ref.stdout == b""
    line = ref.stderr.decode()
    assert line.endswith(report + "\n") and line.count("\n") == 1, line


FUEL_PROGRAM = r"""
#include <stdio.h>
static int step(int x) { return x % 2 ? 3 * x + 1 : x / 2; }
static int length(int x) { int n = 0; while (x != 1) { x = step(x); n++; } return n; }
int main(void) {
    long total = 0;
    for (int i = 1; i < 400; i++) total += length(i);
    printf("%ld\n", total);
    return 0;
}
"""


@pytest.mark.parametrize("fuel", [1, 7, 100, 1234, 20_000, 150_001])
def test_fuel_stops_at_the_same_instruction_on_every_tier(fuel):
    results = run_everywhere(FUEL_PROGRAM, "fuel.c", (("interp", {}), ("jit", {}),
                                                      ("auto", {"jit_threshold": 5})), fuel=fuel)
    ref = assert_all_agree(results)
    assert ref.status == OUT_OF_FUEL
    assert ref.stderr.startswith(f"Out of fuel after {fuel} instructions in ".encode()), ref.stderr
    if fuel > 1000:                  # before that it stops in the C library's start-up
        assert b"(fuel.c:" in ref.stderr, ref.stderr


def test_enough_fuel_runs_to_the_end_on_every_tier():
    ref = assert_all_agree(run_everywhere(FUEL_PROGRAM, "fuel.c", fuel=10_000_000))
    assert (ref.status, ref.stderr) == (0, b"") and ref.stdout.strip().isdigit()


# ---- 3. volatile ------------------------------------------------------------------
VOLATILE = r"""
#include <stdio.h>
static volatile int flag;
static int ticks;
static void tick(void) { if (++ticks == 5000) flag = 1; }   /* the only writer */
static void (*callback)(void) = tick;
int main(void) {
    long spins = 0;
    while (!flag) {
        spins++;
        if ((spins & 7) == 0) callback();
    }
    printf("%ld %d\n", spins, ticks);
    return 0;
}
"""


@pytest.fixture(params=[0, 1, 2, 3])
def llvm_opt(request, monkeypatch):
    """Run the JIT at LLVM optimisation level 0..3."""
    from pvm.jit import tier as jit_tier
    engine = jit_tier.Engine
    monkeypatch.setattr(jit_tier, "Engine", lambda **kw: engine(opt=request.param, **kw))
    return request.param


def test_polling_a_volatile_written_only_by_a_callee_terminates(llvm_opt):
    results = run_everywhere(VOLATILE, "vol.c", (("interp", {}), ("jit", {}), ("auto", {"jit_threshold": 2})),
                             fuel=20_000_000)
    ref = assert_all_agree(results)
    assert (ref.status, ref.stdout, ref.stderr) == (0, b"40000 5000\n", b"")
