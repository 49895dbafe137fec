"""If/else storing in both arms, stored once after them (pvm/jit/diamonds.py):
which diamonds are found, that LLVM then makes a select of them, and that
the program behaves as on the interpreter: faults inside an arm, fuel stops
in the arms, paged and bare."""
from __future__ import annotations

import re

import pytest

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit import diamonds

# a running maximum stored through an if/else at the end of a loop body,
# after an `else if`: the join has three ways in; from element argv[2] on
# the row is in the program's code, which may be read but not written
TABLE = r"""
#include <stdio.h>
#include <stdlib.h>
static int up[1000], row[1001];
static char a[1000], b[1000];
int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    long far = argc > 2 ? atol(argv[2]) : -1;
    int *r = row;
    for (int i = 0; i < n; i++) {
        up[i] = (i * 7919) % 101;
        a[i] = "ACGT"[(i * 31) % 4];
        b[i] = "ACGT"[(i * 17) % 4];
    }
    long sum = 0;
    for (int round = 0; round < 3; round++)
        for (int j = 1; j <= n; j++) {
            if (j - 1 == far)               /* FAR */
                r = (int *)(long)main - j + 8;
            if (a[j - 1] == b[j - 1])
                r[j] = up[j - 1] + 1;
            else if (up[j - 1] >= r[j - 1])
                r[j] = up[j - 1];
            else
                r[j] = r[j - 1];
            sum += r[j];
        }
    printf("%ld\n", sum);
    return 0;
}
"""
FAR = """            if (j - 1 == far)               /* FAR */
                r = (int *)(long)main - j + 8;
"""


def function_ir(program, name: str, monkeypatch=None, **kw) -> str:
    k = next(k for k, f in enumerate(program.functions) if f.name == name)
    dumps = []
    pvm.run(program, tier="jit", dump_llvm=dumps.append, **kw)
    return next(t for t in dumps if re.search(rf"^define [^@]*@pvm_f{k}\(", t, re.M))


def test_the_inner_if_else_of_an_else_if_is_found():
    program = pvm.compile_source(TABLE, name="t.c")
    main = next(f for f in program.functions if f.name == "main")
    arms = diamonds.store_arms(main.code)
    # one diamond, two arms, each ending with its ST32, both going on to one join
    assert len(arms) == 2
    (a, arm_a), (b, arm_b) = sorted(arms.items())
    assert arm_a.head == arm_b.head and arm_a.join == arm_b.join
    assert {main.code[arm_a.store][0], main.code[arm_b.store][0]} == {"ST32"}
    assert a < arm_a.store < b <= arm_b.store < arm_a.join


@pytest.mark.parametrize("change", [
    # the arms store different widths
    ("r[j] = r[j - 1];", "((short *)r)[j] = 1;"),
    # an arm that stores, then does more
    ("r[j] = r[j - 1];", "{ r[j] = r[j - 1]; sum++; }"),
])
def test_diamonds_that_are_not_found(change):
    program = pvm.compile_source(TABLE.replace(*change), name="t.c")
    main = next(f for f in program.functions if f.name == "main")
    assert diamonds.store_arms(main.code) == {}


def test_llvm_makes_a_select_of_the_sunk_store(monkeypatch):
    """Without the sink, the optimised loop keeps both arms' stores (and no
    select of the stored value); with it, one store of a select (here a
    max, which LLVM writes as its intrinsic).  (In the
    loop's versioned copy, where the arms have no checks left; the pointer
    must not change in the loop for it to be versioned.)"""
    program = pvm.compile_source(TABLE.replace(FAR, ""), name="t.c")
    with_sink = function_ir(program, "main")
    monkeypatch.setattr("pvm.jit.lower.store_arms", lambda code: {})
    without = function_ir(program, "main")
    chosen = r"select i1 [^,]+, i32 |@llvm\.smax\.i32\("
    assert re.search(chosen, with_sink)
    assert not re.search(chosen, without)


@pytest.mark.parametrize("paged", [False, True])
@pytest.mark.parametrize("args", [(), ("1000", "501"), ("7", "3")])
def test_same_as_the_interpreter(args, paged):
    """Results, the report of a store that faults inside an arm (in the
    loop's checked and versioned copies), and fuel stops inside the arms."""
    program = pvm.compile_source(TABLE, name="t.c")
    interp = pvm.run(program, args=args, tier="interp", paged=paged)
    for fuel in (None, 3001, 20_000, 31_337):
        jit = pvm.run(program, args=args, tier="jit", paged=paged, fuel=fuel)
        want = interp if fuel is None else pvm.run(program, args=args, tier="interp",
                                                   paged=paged, fuel=fuel)
        assert (jit.status, jit.stdout, jit.stderr) == (want.status, want.stdout, want.stderr)
    if len(args) == 2:
        assert interp.status == 139 and b"write" in interp.stderr and b"(t.c:" in interp.stderr
    else:
        assert interp.status == 0 and interp.stdout.strip().isdigit()
