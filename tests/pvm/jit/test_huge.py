"""Huge functions and the tiers: LLVM's time grows with a function's size,
so the evidence that it is hot must too (pvm/interp/tier.py: SIZE_UNIT,
HUGE).  A huge function run a little stays interpreted under auto and
even under --tier=jit, and one that does get compiled goes through a
lighter pipeline; the output never changes."""
from __future__ import annotations

import pytest

import pvm
from pvm.interp.tier import HUGE, SIZE_UNIT, Interpreter


def huge_program(statements: int = 520) -> str:
    """main calls big() a few times; big's loops run 30 iterations a call."""
    body = "\n".join(f"        x{i % 4} = x{(i + 1) % 4} * {i % 7 + 1} + (x{(i + 2) % 4} ^ {i});"
                     for i in range(statements))
    return ("#include <stdio.h>\nlong big(long n) {\n    long x0 = n, x1 = 1, x2 = 2, x3 = 3;\n"
            "    for (long i = 0; i < 30; i++) {\n" + body + "\n    }\n"
            "    return x0 + x1 + x2 + x3;\n}\n"
            "int main(void) { long t = 0; for (long i = 0; i < 3; i++) t += big(i);\n"
            "    printf(\"%ld\\n\", t); return 0; }\n")


@pytest.fixture(scope="module")
def program():
    prog = pvm.compile_source(huge_program(), name="huge.c")
    big = next(f for f in prog.functions if f.name == "big")
    assert Interpreter.huge(len(big.code)), len(big.code)
    return prog


class _Fn:
    def __init__(self, n):
        self.code = [None] * n


def test_the_threshold_grows_with_the_size():
    interp = Interpreter.__new__(Interpreter)
    interp.counting, interp.count_huge, interp.jit_threshold = True, False, 1000
    assert interp.hot_threshold(_Fn(10)) == interp.hot_threshold(_Fn(SIZE_UNIT)) == 1000
    assert interp.hot_threshold(_Fn(20 * SIZE_UNIT)) == 20 * 1000
    interp.counting, interp.count_huge = False, True          # --tier=jit: only huge ones count
    assert interp.hot_threshold(_Fn(HUGE - 1)) is None
    assert interp.hot_threshold(_Fn(HUGE)) == HUGE // SIZE_UNIT * 1000
    interp.count_huge = False                                 # --tier=interp
    assert interp.hot_threshold(_Fn(HUGE)) is None


@pytest.mark.parametrize("tier", ["auto", "jit"])
def test_a_huge_function_run_a_little_is_not_compiled(program, tier):
    if "jit" not in pvm.TIERS:
        pytest.skip("no JIT here")
    want = pvm.run(program, tier="interp")
    log = []
    r = pvm.run(program, tier=tier, jit_log=log.append)
    assert (r.status, r.stdout) == (want.status, want.stdout)
    assert not any(line.startswith("jit: compiled big") for line in log), log
    if tier == "jit":                                         # small ones compile at once
        assert any(line.startswith("jit: compiled main") for line in log), log


def test_a_huge_function_that_proves_hot_is_compiled_and_agrees(program):
    if "jit" not in pvm.TIERS:
        pytest.skip("no JIT here")
    want = pvm.run(program, tier="interp")
    log = []
    r = pvm.run(program, tier="auto", jit_threshold=1, jit_log=log.append)
    assert (r.status, r.stdout) == (want.status, want.stdout)
    assert any(line.startswith("jit: compiled big") for line in log), log
