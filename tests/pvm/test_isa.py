"""The opcode table is the one source of truth: every row has its meaning in
each place that executes or reads instructions, and nothing anywhere else
implements an opcode the table lacks."""
import ast
import re

import pytest

from pvm import isa
from pvm.interp.stepper import Stepper
from pvm.interp.translate import FunctionTranslator

jit = pytest.importorskip("pvm.jit.lower")


@pytest.mark.parametrize("op", isa.OPS, ids=lambda op: op.name)
def test_every_opcode_is_implemented_everywhere(op):
    assert op.effect, "a one-line meaning for docs/isa.md and the disassembler"
    if op.has("machine"):    # run by the machine alone: fast code stops before it
        assert op.py is None and hasattr(Stepper, "op_" + op.name)
        assert not hasattr(FunctionTranslator, "op_" + op.name)
        assert not hasattr(jit.FunctionLowering, "lower_" + op.name)
        return
    if op.py is None:        # control flow: written out by name in each form
        assert hasattr(FunctionTranslator, "op_" + op.name)
        assert hasattr(Stepper, "op_" + op.name)
    else:
        assert "{A}" in op.py or not op.operands
    assert hasattr(jit.FunctionLowering, "lower_" + op.name)


def test_no_implementation_of_an_opcode_the_table_lacks():
    for cls, prefix in ((FunctionTranslator, "op_"), (Stepper, "op_"),
                        (jit.FunctionLowering, "lower_")):
        for name in dir(cls):
            if name.startswith(prefix) and name[len(prefix):].isupper():
                assert name[len(prefix):] in isa.BY_NAME, f"{cls.__name__}.{name}"


def test_opcode_numbers_are_unique_and_dense():
    assert sorted(op.code for op in isa.OPS) == list(range(len(isa.OPS)))
    assert len(isa.BY_NAME) == len(isa.OPS)


def test_encoding_sizes_follow_operand_kinds():
    for op in isa.OPS:
        assert isa.FORMAT[op.name].size == op.size == isa.SIZE[op.name]


def _assigned_names(template: str) -> set[str]:
    """The operand letters a template assigns to ({A} = ... writes A)."""
    tree = ast.parse(template.format(**{c: c for c in isa.OPERAND_LETTERS}))
    return {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)}


@pytest.mark.parametrize("op", isa.OPS, ids=lambda op: op.name)
def test_the_declared_destination_is_what_the_instruction_writes(op):
    """`writes` is declared, not guessed from text by its users (liveness);
    this keeps it from drifting from the template and the documented effect."""
    assert set(op.writes) <= set(isa.OPERAND_LETTERS[:len(op.operands)])
    if op.py is not None:
        assert _assigned_names(op.py) == set(op.writes), op.py
    destination = re.match(r"([RF])\[A\] :=", op.effect)
    assert bool(destination) == ("A" in op.writes), op.effect
    for i in op.written:
        assert op.operands[i] == {"R": "r", "F": "f"}[destination.group(1)]


def test_the_call_sets_are_the_calls_by_how_they_name_the_callee():
    calls = {op.name for op in isa.OPS if op.has("call")}
    assert isa.DIRECT_CALLS | isa.INDIRECT_CALLS == calls
    assert not isa.DIRECT_CALLS & isa.INDIRECT_CALLS
    for name in isa.DIRECT_CALLS:            # the callee is ins[2], a function index
        assert isa.BY_NAME[name].operands[1] == "F"
    for name in isa.INDIRECT_CALLS:          # the callee is a register holding its address
        assert isa.BY_NAME[name].operands[1] == "r"
