"""The translation's layout (trees of blocks, loops in `while True:`, small
return blocks copied) keeps the interpreter exact: every fuel stop, fault
and result agrees with the stepper, the reference form."""
from __future__ import annotations

import io

import pytest

import pvm
from pvm.bytecode.cfg import leaders
from pvm.exec.session import start
from pvm.interp import translate
from pvm.machine.hostos import HostOS
from pvm.machine.traps import Trap

SOURCE = r"""
int table[40];
int g;

static int classify(int x)
{
    switch (x & 7) {
    case 0: return 10;
    case 1: return x * 3;
    case 2: case 3: return -x;
    case 5: g++; break;
    default: break;
    }
    return x + g;
}

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int walk(int *p, int n, int bad)
{
    int s = 0, i, j;
    for (i = 0; i < n; i++) {
        for (j = 0; j < 3; j++) {
            if (i == bad && j == 2)
                p = 0;                   /* faults below, mid-loop */
            s += p[i % 40] * j;
            if (s > 100000)
                break;
        }
        s += classify(i);
        while (s & 1)
            s >>= 1;
    }
    return s;
}

int main(int argc, char **argv)
{
    int i;
    for (i = 0; i < 40; i++)
        table[i] = i * 7 - 3;
    int r = walk(table, 30, argc > 1 ? 17 : -1) + fib(9);
    return r & 0x7F;
}
"""


def run(program, mode, fuel=None, args=()):
    host = HostOS(stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.BytesIO())
    runner = start(program, [b"prog", *args], fuel=fuel, host=host, tier="interp")
    m = runner.m
    try:
        return ("exit", runner.run(stepping=mode == "step"))
    except Trap as t:
        used = m.fuel_budget - m.fuel
        if getattr(t, "in_fast_code", False):
            # fast code charges a block at its start (the run loop gives the
            # rest back when a handler goes on: _exact_fuel)
            code = m.program.functions[m.func].code
            used -= next((s for s in leaders(code) if s > m.pc), len(code)) - m.pc - 1
        return ("trap", t.status, f"{t.message} in {m.where()}", used, m.func, m.pc, list(m.regs))


@pytest.fixture(scope="module")
def program():
    return pvm.compile_source(SOURCE, name="layout.c")


@pytest.mark.parametrize("args", [(), (b"x",)])
def test_results_and_faults_agree_with_the_stepper(program, args):
    ref = run(program, "step", args=args, fuel=10 ** 9)     # metered: the count too
    assert run(program, "interp", args=args, fuel=10 ** 9) == ref
    # unmetered, translated code counts no instructions (nothing can see them)
    unmetered = run(program, "interp", args=args)
    assert unmetered[:3] + unmetered[4:] == ref[:3] + ref[4:]
    if args:
        assert ref[:3] == ("trap", 139, "Segmentation fault: read of address 0x44 in walk (layout.c:26)")


@pytest.mark.parametrize("args", [(), (b"x",)])
def test_every_fuel_stop_agrees_with_the_stepper(program, args):
    total = 0
    for fuel in range(0, 4000, 13):
        ref = run(program, "step", fuel=fuel, args=args)
        assert run(program, "interp", fuel=fuel, args=args) == ref, fuel
        total += ref[0] == "trap" and ref[1] == 152
    assert total > 100


class _Tier:
    def __init__(self, program):
        self.program = program

    def hot_threshold(self, fn):
        return None


def _source(program, name):
    k = next(i for i, f in enumerate(program.functions) if f.name == name)
    t = translate.FunctionTranslator(k, program.functions[k], _Tier(program))
    t.return_address = lambda pc: 0
    return t.translate()


def test_unmetered_code_counts_no_fuel(program):
    class Unmetered(_Tier):
        counts_fuel = False
    k = next(i for i, f in enumerate(program.functions) if f.name == "walk")
    t = translate.FunctionTranslator(k, program.functions[k], Unmetered(program))
    t.return_address = lambda pc: 0
    assert "fuel" not in t.translate()
    assert "fuel -=" in _source(program, "walk")


def test_loops_run_in_a_while_of_their_own_and_blocks_nest(program):
    src = _source(program, "walk")
    assert src.count("while True:") >= 2          # the function's, and the loop `while (s & 1)`
    assert "break" in src                         # leaving a loop through the if-tree
    fib = _source(program, "fib")
    # a fresh call runs fib's whole path in the entry's tree, without the if-tree on L
    fresh = fib[fib.index("if how == 0:"):fib.index("elif how == 1:")]
    assert fresh.count("(m, 0, 0, nfp") == 2 and "L = " not in fresh
    assert fresh.count("return") == 2             # the return block, copied into both paths


# ---- fused pairs: the same results, fuel stops and faults as one at a time
def _pairs_program(address):
    """Sums bytes at `address`.. through LD8+ZEXT8, looping with LT+JNZ and
    EQ+JZ pairs; a bad address faults in the fused load."""
    from pvm.bytecode.program import Function, Program
    code = [
        ("LI", 0, address), ("LI", 1, 0), ("LI", 2, 0), ("LI", 3, 12), ("LI", 6, 5),
        ("LD8", 4, 0, 0), ("ZEXT8", 4, 4),              # 5: the loop
        ("ADD64", 1, 1, 4), ("ADDI64", 0, 0, 1), ("ADDI64", 2, 2, 1),
        ("EQ", 5, 2, 6), ("JZ", 5, 13),
        ("ADDI64", 1, 1, 1000),
        ("LT", 5, 2, 3), ("JNZ", 5, 5),                 # 13
        ("LI", 7, 1), ("MOV", 8, 1), ("SYSCALL", 7, 1), ("RETV",)]
    start = Function("_start", 2, "q" * 9, "", 0, code, [1 + i // 3 for i in range(len(code))])
    return Program([start], entry=0, files=["pairs.c"])


def test_fused_pairs_are_emitted():
    program = _pairs_program(0x10000)
    src = _source(program, "_start")
    assert "if r2 < r3:" in src and "if not (r2 == r6):" in src
    assert "r4 = mem[r0] if" in src and "^ 0x80" not in src


@pytest.mark.parametrize("address", [0x10000, 0x8000, 0x3FFFFF8])
def test_fused_pairs_agree_with_the_stepper(address):
    program = _pairs_program(address)
    ref = run(program, "step", fuel=10 ** 6)
    assert run(program, "interp", fuel=10 ** 6) == ref
    for fuel in range(0, 120, 1):
        assert run(program, "interp", fuel=fuel) == run(program, "step", fuel=fuel), fuel
