"""Shared fixtures for the pvm tests: a hypothesis strategy for valid Programs.

`valid_programs(allow_nan=True)` draws Programs that pass pvm.bytecode.verify: random
signatures, every kind of instruction with operands of the right kinds,
direct calls that match their callee, line tables, debug locals, symbols and
awkward names (duplicates, spaces, quotes, non-ASCII).  Tests use it inside
their own @given, since fixtures cannot feed a decorator.
"""
from __future__ import annotations

import pytest
from hypothesis import strategies as st

from pvm import isa
from pvm.bytecode.program import Function, LocalInfo, Program, Symbol

NAMES = st.one_of(st.sampled_from(["main", "_start", "f", "g.1", "$x", "a b", "", "3",
                                   'q"uote', "semi;colon", "tab\there", "ünï", "r1"]),
                  st.text(max_size=8))
U32 = st.integers(0, (1 << 32) - 1)
I64 = st.integers(-(1 << 63), (1 << 63) - 1)
U64 = st.integers(0, (1 << 64) - 1)
SYSCALL_BLOCK = "qqqqqqq"


def _signature(draw):
    nparams = draw(st.integers(0, 3))
    return dict(nparams=nparams, params=draw(st.text("qd", min_size=nparams, max_size=nparams)),
                returns=draw(st.sampled_from(["q", "d", ""])), variadic=draw(st.booleans()))


def _call(draw, kinds, callee, sig, index):
    """Operands (C, N) of a call to `callee` that matches its signature, or None."""
    n = sig["nparams"]
    starts = [c for c in range(len(kinds) - n + 1) if kinds[c:c + n] == sig["params"]]
    if not starts:
        return None
    c = draw(st.sampled_from(starts))
    extra = draw(st.integers(0, len(kinds) - c - n)) if sig["variadic"] else 0
    return c, n + extra


def _instruction(draw, op, kinds, sigs, sig, ncode, nfuncs, allow_nan):
    q = [i for i, k in enumerate(kinds) if k == "q"]
    d = [i for i, k in enumerate(kinds) if k == "d"]
    name = op.name
    if name == "JTAB":                  # an empty table: its default is the next instruction
        return ("JTAB", draw(st.sampled_from(q)), 0)
    if name in isa.DIRECT_CALLS:
        want = ("q", "") if name == "CALL" else ("d",)
        callees = [i for i, s in enumerate(sigs) if s["returns"] in want]
        if not callees:
            return ("NOP",)
        callee = draw(st.sampled_from(callees))
        block = _call(draw, kinds, callee, sigs[callee], callee)
        if block is None:
            return ("NOP",)
        dest = draw(st.sampled_from(q if name == "CALL" else d))
        return (name, dest, callee, *block)
    if name in isa.INDIRECT_CALLS:
        c = draw(st.integers(0, len(kinds)))
        return (name, draw(st.sampled_from(q if name == "CALLR" else d)), draw(st.sampled_from(q)),
                c, draw(st.integers(0, len(kinds) - c)))
    if name == "SYSCALL":
        a = kinds.index(SYSCALL_BLOCK)
        n = draw(st.integers(0, 6))
        return (name, a + draw(st.integers(0, 6 - n)), n)
    returns = {"RET": "q", "FRET": "d", "RETV": ""}.get(name, sig["returns"])
    if returns != sig["returns"] or (name == "VARARGS" and not sig["variadic"]):
        return ("TRAP", 1)
    values = []
    for kind in op.operands:
        if kind == "r":
            values.append(draw(st.sampled_from(q)))
        elif kind == "f":
            values.append(draw(st.sampled_from(d)))
        elif kind == "k":
            values.append(draw(I64))
        elif kind == "x":
            values.append(draw(st.floats(allow_nan=allow_nan)))
        elif kind == "l":
            values.append(draw(st.integers(0, ncode - 1)))
        elif kind == "F":
            values.append(draw(st.integers(0, nfuncs - 1)))
        else:
            raise AssertionError(f"operand kind {kind} of {name} not covered")
    return (name, *values)


@st.composite
def valid_programs(draw, allow_nan: bool = True, max_functions: int = 3, max_code: int = 10):
    files = draw(st.lists(NAMES, max_size=3))
    sigs = [_signature(draw) for _ in range(draw(st.integers(1, max_functions)))]
    functions = []
    for sig in sigs:
        borrowed = "".join(sigs[c]["params"] for c in
                           draw(st.lists(st.integers(0, len(sigs) - 1), max_size=2)))
        kinds = sig["params"] + draw(st.text("qd", max_size=4)) + "qd" + borrowed + SYSCALL_BLOCK
        ncode = draw(st.integers(1, max_code))
        code = [_instruction(draw, draw(st.sampled_from(isa.OPS)), kinds, sigs, sig, ncode,
                             len(sigs), allow_nan) for _ in range(ncode - 1)]
        enders = ["JMP", "TRAP"] + {"q": ["RET"], "d": ["FRET"], "": ["RETV"]}[sig["returns"]]
        code.append(_instruction(draw, isa.BY_NAME[draw(st.sampled_from(enders))], kinds, sigs,
                                 sig, ncode, len(sigs), allow_nan))
        lines, line = [], 0
        for _ in code:
            if draw(st.integers(0, 3)) == 0:
                line = draw(st.one_of(st.integers(0, 50), U32))
            lines.append(line)
        functions.append(Function(
            name=draw(NAMES), nparams=sig["nparams"], kinds=kinds, returns=sig["returns"],
            frame_size=16 * draw(st.one_of(st.integers(0, 8), st.integers(0, 1 << 26))),
            code=code, lines=lines, file=draw(st.integers(0, max(len(files) - 1, 0))),
            variadic=sig["variadic"], static=draw(st.booleans()),
            locals=draw(st.lists(st.builds(LocalInfo, NAMES, NAMES,
                                           st.sampled_from(["reg", "frame"]), I64, U32, U32),
                                 max_size=2))))
    symbols = draw(st.lists(st.builds(Symbol, NAMES, st.sampled_from(["func", "data"]), U64, U64,
                                      NAMES), max_size=3))
    return Program(functions=functions, entry=draw(st.integers(0, len(functions) - 1)),
                   rodata=draw(st.binary(max_size=40)), data=draw(st.binary(max_size=40)),
                   bss_size=draw(st.integers(0, 1 << 20)), symbols=symbols, files=files)


@pytest.fixture
def programs():
    """The valid-Program strategy factory (see module docstring)."""
    return valid_programs


def every_opcode() -> Program:
    """A valid program with one instruction of every opcode (in table order)."""
    operand = {"r": 0, "f": 1, "b": 0, "n": 0, "k": -7, "x": 2.5, "l": 0, "F": 0}
    code = []
    for op in isa.OPS:
        if op.name == "CALL":
            code.append(("CALL", 0, 1, 0, 0))
        elif op.name == "FCALL":
            code.append(("FCALL", 1, 2, 0, 0))
        elif op.name in ("FRET", "RETV"):
            continue                    # in functions returning d and void
        elif op.name == "JTAB":
            code.append(("JTAB", 0, 1))
            code.append(("JMP", 0))
        else:
            code.append((op.name, *(operand[k] for k in op.operands)))
    code.append(("RET", 0))             # the table does not end with a terminator
    return Program(
        functions=[Function("all", 0, "qd", "q", 16, code, list(range(len(code))), variadic=True),
                   Function("one", 0, "q", "q", 0, [("LI", 0, 1), ("RET", 0)], [1, 2]),
                   Function("half", 0, "d", "d", 0, [("LF", 0, 0.5), ("FRET", 0)], [3, 3]),
                   Function("none", 0, "", "", 0, [("RETV",)], [4])],
        entry=0, rodata=b"const\x00", data=b"\x2a\x00\x00\x00", bss_size=64, files=["ops.c"],
        symbols=[Symbol("all", "func", 0x10000, 100, "int (...)")])


def rich_sample() -> Program:
    """A small valid program using every section and field of the format."""
    main = Function(name="main", nparams=2, kinds="qqqd", returns="q", frame_size=32,
                    code=[("LI", 2, -5), ("LF", 3, 1.5), ("JZ", 2, 3),
                          ("CALL", 2, 1, 3, 1), ("RET", 2)],
                    lines=[3, 3, 4, 7, 7], file=0,
                    locals=[LocalInfo("x", "int", "reg", 2, 0, 5),
                            LocalInfo("buf", "char [16]", "frame", -48, 1, 4)])
    half = Function(name="half", nparams=1, kinds="dq", returns="q", frame_size=0,
                    code=[("F2I", 1, 0), ("RET", 1)], lines=[10, 11], file=1,
                    variadic=True, static=True)
    return Program(functions=[main, half], entry=0, rodata=b"hi\x00", data=b"\x01\x02",
                   bss_size=24, files=["a.c", "b.c"],
                   symbols=[Symbol("main", "func", 0x10000, 40, "int (int, char **)"),
                            Symbol("g", "data", 0x11000, 8, "long")])


@pytest.fixture
def corpus() -> list[Program]:
    """Valid programs to damage in the loader's fuzz tests."""
    return [rich_sample(), every_opcode()]


@pytest.fixture
def sample() -> Program:
    return rich_sample()
