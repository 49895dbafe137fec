"""translate.fast_form: the faster Python forms of isa.py's templates mean
exactly what the templates do, on boundary values of every operand, faults
included (the same trap, access and address, and memory left the same)."""
from __future__ import annotations

import itertools
import math

import pytest

from pvm import isa
from pvm.bytecode.program import TEXT_BASE
from pvm.interp import translate
from pvm.interp.tier import inline_memory
from pvm.machine import semantics
from pvm.machine.traps import Trap

INTS = [0, 1, -1, 2, 5, 31, 32, 33, 63, 64, 0x7F, 0x80, -0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF,
        0x7FFFFFFF, 0x80000000, -0x80000000, -0x80000001, 0xFFFFFFFF, 0x100000000,
        (1 << 63) - 1, -(1 << 63), (1 << 62) + 7, -(1 << 62) - 3, 123456789, -987654321]
FLOATS = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, 3.4e38, 1e-310, math.inf, -math.inf, math.nan]
IMMEDIATES = [0, 1, -1, 6, -6, 0x7FFFFFFF, -0x80000000, (1 << 63) - 1, -(1 << 63)]

DATA_BASE = TEXT_BASE + 0x1000
MEMORY = TEXT_BASE + 0x3000


def namespace(mem):
    ns = semantics.bind(mem, DATA_BASE)
    ns.update(inline_memory(mem, DATA_BASE))
    ns["mem"] = mem
    return ns


def run(lines, ns, regs):
    """Run `lines` (or their code) on registers r0..r2 = regs: (registers after, exception)."""
    local = {f"r{i}": v for i, v in enumerate(regs)}
    local["fp"] = 0x20000
    code = lines if not isinstance(lines, list) else compile("\n".join(lines), "<form>", "exec")
    try:
        exec(code, ns, local)
    except Trap as e:
        return None, (type(e), getattr(e, "access", None), getattr(e, "address", None))
    return [local[f"r{i}"] for i in range(len(regs))], None


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b) or (a != a and b != b)
    return a == b and type(a) is type(b)


def cases(op):
    """Operand tuples for `op` and register values r0..r2 to run them on."""
    values = {"r": INTS, "f": FLOATS}
    regs_kinds = [k for k in op.operands if k in "rf"]
    immediates = {"k": IMMEDIATES, "x": [0.5, -3.0]}
    for imm in itertools.product(*[immediates[k] for k in op.operands if k in "kx"]):
        args, it, r = [], iter(imm), 0
        for k in op.operands:
            if k in "rf":
                args.append(r)
                r += 1
            else:
                args.append(next(it))
        variants = [tuple(args)]
        if len(regs_kinds) >= 2 and regs_kinds[0] == regs_kinds[1]:
            variants.append((args[0], 0, *args[2:]))     # a destination that is also a source
        for a in variants:
            yield a, [list(regs) for regs in itertools.product(*[values[k] for k in regs_kinds])]


ARITH = [op for op in isa.OPS if op.py is not None and not op.has("memory")
         and translate.fast_form(op, tuple(0 for _ in op.operands)) is not None]


def test_the_forms_cover_wrapping_and_truth_values():
    names = {op.name for op in ARITH}
    assert {"ADD32", "ADDI64", "MUL64", "SHL64", "SHRU32", "SEXT32", "LT", "LTU64", "FEQ",
            "BOOL", "LNOT"} <= names


@pytest.mark.parametrize("op", ARITH, ids=lambda op: op.name)
def test_arithmetic_forms_agree_with_their_templates(op):
    ns = namespace(bytearray(MEMORY))
    for args, all_regs in cases(op):
        template = compile(translate.straight(op, args), "<template>", "exec")
        form = compile("\n".join(translate.fast_form(op, args)), "<form>", "exec")
        for regs in all_regs:
            want, got = run(template, ns, regs), run(form, ns, regs)
            assert all(same(a, b) for a, b in zip(got[0], want[0])), (op.name, args, regs, got, want)


MEMORY_OPS = [op for op in isa.OPS if op.has("memory")
              and translate.fast_form(op, tuple(0 for _ in op.operands)) is not None]
ADDRESSES = [0, TEXT_BASE - 1, TEXT_BASE, TEXT_BASE + 3, DATA_BASE - 1, DATA_BASE, DATA_BASE + 5,
             MEMORY - 9, MEMORY - 8, MEMORY - 7, MEMORY - 4, MEMORY - 3, MEMORY - 2, MEMORY - 1,
             MEMORY, -1, -(1 << 63), (1 << 63) - 1]


def test_every_load_and_store_but_block_and_f32_stores_is_inlined():
    assert {op.name for op in MEMORY_OPS} == {
        "LD8", "LD8U", "LD16", "LD16U", "LD32", "LD64", "LDF32", "LDF64",
        "ST8", "ST16", "ST32", "ST64", "STF64"}
    assert translate.fast_form(isa.BY_NAME["LD32"], (1, 2, 0), inline_memory=False) is None


@pytest.mark.parametrize("op", MEMORY_OPS, ids=lambda op: op.name)
def test_memory_forms_agree_with_their_templates(op):
    pattern = bytes((i * 37 + 11) & 0xFF for i in range(MEMORY))
    value_kind = op.operands[0] if op.writes else op.operands[1]
    values = INTS if value_kind == "r" else FLOATS
    for address, offset, value in itertools.product(ADDRESSES, [0, 8, -3], values):
        base = address - offset
        results = []
        for make in (lambda args: [translate.straight(op, args)],
                     lambda args: translate.fast_form(op, args)):
            mem = bytearray(pattern)
            ns = namespace(mem)
            regs = [value, base] if op.writes else [base, value]
            results.append((run(make((0, 1, offset)), ns, regs), bytes(mem)))
        (want, want_mem), (got, got_mem) = results
        assert want[1] == got[1], (op.name, address, offset, value)
        if want[1] is None:
            assert all(same(a, b) for a, b in zip(got[0], want[0])), (op.name, address, value)
        assert want_mem == got_mem, (op.name, address, offset, value)


# ---- fused wrapping arithmetic: one wrap for a pair, the same value
PAIR_VALUES = [0, 1, -1, 3, 63, 0x7FFFFFFF, -0x80000000, 0xFFFFFFFF, (1 << 63) - 1, -(1 << 63),
               (1 << 62) + 7]


def _args(op, dst, srcs, imm):
    """Operands of `op`: destination register dst, source registers srcs, immediate imm."""
    out, it = [], iter(srcs)
    for i, k in enumerate(op.operands):
        out.append(dst if i == 0 else next(it) if k == "r" else imm)
    return tuple(out)


def test_fused_wrapping_pairs_agree_with_the_templates_in_turn():
    ring = [isa.BY_NAME[n] for n in sorted(translate.RING_OPS)]
    ns = namespace(bytearray(MEMORY))
    fused = 0
    for op1, op2 in itertools.product(ring, ring):
        n2 = op2.operands.count("r") - 1
        for srcs2 in {(0, 1)[:n2], (1, 0)[:n2], (0, 0)[:n2]}:
            a1 = _args(op1, 0, (1, 2), 5)
            a2 = _args(op2, 0, srcs2, -7)
            lines = translate.fused_wrap(op1, a1, op2, a2)
            if lines is None:
                continue
            fused += 1
            seq = compile("\n".join([translate.straight(op1, a1), translate.straight(op2, a2)]), "<t>", "exec")
            one = compile("\n".join(lines), "<f>", "exec")
            for regs in itertools.product(PAIR_VALUES, repeat=2):
                regs = [0, *regs]
                assert run(one, ns, regs) == run(seq, ns, regs), (op1.name, op2.name, srcs2, regs, lines)
    assert fused > 100
    # a 32-bit result does not feed a 64-bit one unwrapped, and a right shift never fuses
    assert translate.fused_wrap(isa.BY_NAME["ADD32"], (0, 1, 2), isa.BY_NAME["ADD64"], (0, 0, 1)) is None
    assert translate.fused_wrap(isa.BY_NAME["ADD64"], (0, 1, 2), isa.BY_NAME["SHR64"], (0, 0, 1)) is None
    assert translate.fused_wrap(isa.BY_NAME["MUL64"], (0, 1, 2), isa.BY_NAME["ADD64"], (3, 0, 1)) is None
