"""Start-up: `pvm run` does no work at start that the run does not need.

Pinned by what a run imports and does, not by how long it takes.
"""
from __future__ import annotations

import pytest


def test_records_behave_as_dataclasses_did():
    """The run path's records are plain classes (dataclasses costs a
    start-up ~7 ms): equality by value, the digest aside; copies; reprs."""
    import copy
    import pickle

    from pvm import isa
    from pvm.bytecode.program import Function, LocalInfo, Program, Symbol, layout
    f = Function("f", 0, "q", "q", 0, [("LI", 0, 1), ("RET", 0)], [1, 1],
                 locals=[LocalInfo("x", "int", "reg", 0, 0, 2)])
    p = Program([f], 0, symbols=[Symbol("f", "func", 0x10000, 10)], files=["f.c"])
    q = copy.deepcopy(p)
    q.digest = "something else"
    assert q == p and q is not p and pickle.loads(pickle.dumps(p)) == p
    q.functions[0].code.append(("NOP",))
    assert q != p
    assert repr(f).startswith("Function(name='f', nparams=0,") and "digest" not in repr(p)
    with pytest.raises(TypeError):
        hash(f)
    lay = layout([10, 20], 5, 0, 0)
    assert lay == layout([10, 20], 5, 0, 0) and hash(lay) == hash(layout([10, 20], 5, 0, 0))
    moved = lay.replace(function_address=(1, 2))
    assert moved.function_address == (1, 2) and moved.text_end == lay.text_end
    with pytest.raises(AttributeError):
        lay.text_end = 0
    op = isa.BY_NAME["ADD64"]
    assert copy.deepcopy(op) == op and hash(copy.copy(op)) == hash(op)
    with pytest.raises(AttributeError):
        op.code = 1
