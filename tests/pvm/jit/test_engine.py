"""The code library (pvm/jit/engine.py): IR in, native code out, with
Python's cycle collector paused while LLVM and the lowering work."""
from __future__ import annotations

import ctypes
import gc

import pytest

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")

ADD = """
define i64 @add(i64 %a, i64 %b) {
  %s = add i64 %a, %b
  ret i64 %s
}
"""


@pytest.fixture
def engine():
    from pvm.jit.engine import Engine
    return Engine(disk_cache=False)


def test_a_unit_compiles_and_the_collector_runs_again_after(engine):
    seen = []

    def build_ir():
        seen.append(gc.isenabled())
        return ADD

    assert gc.isenabled()
    address = engine.compile(None, build_ir, ["add"])["add"]
    assert seen == [False] and gc.isenabled()
    add = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64, ctypes.c_int64)(address)
    assert add(40, 2) == 42


def test_the_collector_is_restored_as_it_was_even_when_lowering_fails(engine):
    def broken():
        raise RuntimeError("a bug in the lowering")

    with pytest.raises(RuntimeError):
        engine.compile(None, broken, ["add"])
    assert gc.isenabled()
    gc.disable()
    try:
        engine.compile(None, lambda: ADD, ["add"])
        assert not gc.isenabled()                 # a caller that had it off keeps it off
    finally:
        gc.enable()
