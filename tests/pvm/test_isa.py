"""The opcode table is the one source of truth: every row has its meaning in
each place that executes or reads instructions, and nothing anywhere else
implements an opcode the table lacks."""
import pytest

from pvm import isa
from pvm.interp.stepper import Stepper
from pvm.interp.translate import FunctionTranslator

jit = pytest.importorskip("pvm.jit.lower")


@pytest.mark.parametrize("op", isa.OPS, ids=lambda op: op.name)
def test_every_opcode_is_implemented_everywhere(op):
    assert op.effect, "a one-line meaning for docs/isa.md and the disassembler"
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
