"""The verifier: the rules a Program must keep before anything of it runs.

bcfile.decode checks that a file is well formed; this module checks that what
it describes makes sense, so the interpreter and the JIT can trust every
register number, label, function index and call without checking again:

  program   entry is a function index; text+rodata+data+bss fit MAX_IMAGE
  function  at most 256 registers, kinds only 'q'/'d', nparams <= nregs,
            returns 'q', 'd' or '' (void), 0 <= frame_size <= 1 GiB and a
            multiple of 16, a known source file, one line per instruction,
            at least one instruction and a terminator last (control cannot
            fall off the end)
  operand   r names a 'q' register, f a 'd' register (both < nregs); a
            label is an instruction index of the same function; FN is a
            function index; K fits 64 bits; counts fit a byte
  call      an argument block C..C+N-1 lies inside the registers; a direct
            call passes exactly nparams arguments (at least, if variadic) of
            the callee's parameter kinds; CALL's callee returns 'q' or void,
            FCALL's returns 'd'
  syscall   N <= 6 and R[A..A+N] are 'q' registers
  return    RET only in a function returning 'q', FRET only in one
            returning 'd', RETV only in a void one (so a register of kind
            'd' only ever receives a float); VARARGS only in a variadic
            function

Registers have one kind for the whole function, so there is no per-path
state to merge at joins: a register holds the same kind at every join.
`first_violation` reports the first rule broken as data (`first_violation_in`
for some functions only); `verify` turns it
into a LoadError naming the file offset, and `load` is decode + verify, the
one way a bytecode file becomes a runnable Program.
"""
from __future__ import annotations

from . import bcfile
from pvm import isa
from pvm.errors import LoadError
from .program import Function, Program, Record, layout

MAX_REGISTERS = 256
MAX_FRAME = 1 << 30
MAX_IMAGE = 1 << 30          # highest address the loaded image may reach
MAX_SYSCALL_ARGS = 6
_I64 = range(-(1 << 63), 1 << 63)


class Violation(Record):
    """A broken rule, and where: `function`/`index` locate it (None when the
    rule is about the whole program or the whole function).  Immutable."""
    __slots__ = ("rule", "function", "index", "part")
    rule: str
    function: int | None
    index: int | None
    part: str                # "entry", "layout" or "lines" for those rules

    def __init__(self, rule: str, function: int | None = None, index: int | None = None,
                 part: str = ""):
        put = object.__setattr__
        put(self, "rule", rule)
        put(self, "function", function)
        put(self, "index", index)
        put(self, "part", part)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of a Violation")

    __delattr__ = __setattr__

    def __hash__(self) -> int:
        return hash(self._compared())

    def describe(self, program: Program) -> str:
        if self.function is None:
            return self.rule
        where = f"function {program.functions[self.function].name!r}"
        if self.index is not None:
            ins = program.functions[self.function].code[self.index]
            name = ins[0] if isinstance(ins, tuple) and ins else "?"
            where += f", instruction {self.index} ({name})"
        return f"{where}: {self.rule}"


class RuleBroken(Exception):
    """Raised by the check_* functions at the first rule broken; carries it."""

    def __init__(self, violation: Violation):
        self.violation = violation


def _fail(rule: str, function: int | None = None, index: int | None = None, part: str = ""):
    raise RuleBroken(Violation(rule, function, index, part))


def load(data: bytes, filename: str = "<bytes>") -> Program:
    """Decode and verify a bytecode file: the only way one becomes runnable."""
    program, offsets = bcfile.decode_with_offsets(data, filename)
    verify(program, filename, offsets)
    return program


def verify(program: Program, filename: str, offsets: bcfile.Offsets | None = None) -> None:
    """Raise LoadError naming the first rule `program` breaks, if any."""
    v = first_violation(program)
    if v is not None:
        raise LoadError(filename, _offset(v, offsets), v.describe(program))


def first_violation(program: Program) -> Violation | None:
    """The first rule `program` breaks, or None if it is valid."""
    try:
        _check_program(program)
    except RuleBroken as b:
        return b.violation
    return None


def first_violation_in(program: Program, functions) -> Violation | None:
    """The first rule the functions with the given indices break (their
    signatures and instructions, checked against the whole `program`), or
    None: for code added to a running program (the REPL's loader)."""
    try:
        for i in functions:
            check_signature(program, i, program.functions[i])
        for i in functions:
            for j, ins in enumerate(program.functions[i].code):
                check_instruction(program, i, program.functions[i], j, ins)
    except RuleBroken as b:
        return b.violation
    return None


def _offset(v: Violation, offsets: bcfile.Offsets | None) -> int | None:
    if offsets is None:
        return None
    if v.part == "entry":
        return offsets.entry
    if v.part == "layout":
        return offsets.bss
    if v.function is None or v.function >= len(offsets.functions):
        return None
    if v.part == "lines":
        return offsets.line_tables[v.function]
    starts = offsets.instructions[v.function]
    if v.index is not None and v.index < len(starts):
        return starts[v.index]
    return offsets.functions[v.function]


# ---- the program ---------------------------------------------------------------

def _check_program(p: Program) -> None:
    if not p.functions:
        _fail("the program has no functions", part="entry")
    if not 0 <= p.entry < len(p.functions):
        _fail(f"entry function index {p.entry} out of range "
              f"(the program has {len(p.functions)} functions)", part="entry")
    for i, f in enumerate(p.functions):
        check_signature(p, i, f)
    for i, f in enumerate(p.functions):
        for j, ins in enumerate(f.code):
            check_instruction(p, i, f, j, ins)
    _check_layout(p)


def _check_layout(p: Program) -> None:
    for what, blob in (("rodata", p.rodata), ("data", p.data)):
        if not isinstance(blob, (bytes, bytearray)):
            _fail(f"{what} is not bytes", part="layout")
    if not isinstance(p.bss_size, int) or p.bss_size < 0:
        _fail(f"bss size {p.bss_size!r} is not a size", part="layout")
    lay = layout([f.code_size() for f in p.functions], len(p.rodata), len(p.data), p.bss_size)
    if lay.heap_base > MAX_IMAGE:
        _fail(f"text, rodata, data and bss reach address {lay.heap_base:#x}, "
              f"beyond the {MAX_IMAGE >> 20} MiB an image may use", part="layout")


def check_signature(p: Program, i: int, f: Function) -> None:
    """Function `i` (= f) of `p` keeps the function rules (RuleBroken if not)."""
    nregs = len(f.kinds)
    if nregs > MAX_REGISTERS:
        _fail(f"{nregs} registers (at most {MAX_REGISTERS})", i)
    bad = set(f.kinds) - {"q", "d"}
    if bad:
        _fail(f"register kind {min(bad)!r} is not 'q' or 'd'", i)
    if not 0 <= f.nparams <= nregs:
        _fail(f"{f.nparams} parameters but {nregs} registers (nparams > nregs)", i)
    if f.returns not in ("q", "d", ""):
        _fail(f"return kind {f.returns!r} is not 'q', 'd' or void", i)
    if not isinstance(f.frame_size, int) or f.frame_size < 0 or f.frame_size % 16:
        _fail(f"frame size {f.frame_size} is not a non-negative multiple of 16", i)
    if f.frame_size > MAX_FRAME:
        _fail(f"frame size {f.frame_size} is absurd (more than {MAX_FRAME >> 20} MiB)", i)
    if not (0 <= f.file < len(p.files) or (f.file == 0 and not p.files)):
        _fail(f"source file index {f.file} out of range ({len(p.files)} files)", i)
    if any(not isinstance(n, int) or not 0 <= n < 1 << 32 for n in f.lines):
        _fail("a line number is not an integer in 0..2**32-1", i, part="lines")
    if len(f.lines) != len(f.code):
        _fail(f"{len(f.lines)} line numbers for {len(f.code)} instructions", i, part="lines")
    if not f.code:
        _fail("a function must have at least one instruction", i)
    last = f.code[-1]
    op = isa.BY_NAME.get(last[0]) if isinstance(last, tuple) and last else None
    if op is not None and not op.has("terminator"):
        _fail(f"control falls off the end (the last instruction, {last[0]}, "
              f"is not a terminator)", i, len(f.code) - 1)


# ---- instructions --------------------------------------------------------------

def check_instruction(p: Program, i: int, f: Function, j: int, ins: tuple) -> None:
    """Instruction `j` (= ins) of function `i` (= f) keeps the operand, call,
    syscall and return rules (RuleBroken if not)."""
    op = isa.BY_NAME.get(ins[0]) if isinstance(ins, tuple) and ins else None
    if op is None:
        _fail(f"unknown opcode {ins[0] if isinstance(ins, tuple) and ins else ins!r}", i, j)
    if len(ins) != 1 + len(op.operands):
        _fail(f"{len(ins) - 1} operands, {op.name} takes {len(op.operands)}", i, j)
    kinds = f.kinds
    nregs = len(kinds)
    for kind, value in zip(op.operands, ins[1:]):
        # fast path for the common case, a register of the right kind
        need = isa.REGISTER_KINDS.get(kind)
        if need is None or type(value) is not int or not 0 <= value < nregs \
                or kinds[value] != need:
            _check_operand(p, i, f, j, kind, value, nregs)
    check = _SPECIAL.get(op.name)
    if check is not None:
        check(p, i, f, j, ins)


def _check_operand(p, i, f, j, kind, value, nregs) -> None:
    if kind == "x":
        if not isinstance(value, (int, float)):
            _fail(f"immediate {value!r} is not a number", i, j)
        return
    if not isinstance(value, int):
        _fail(f"operand {value!r} is not an integer", i, j)
    if kind in "rf":
        if not 0 <= value < nregs:
            _fail(f"register operand {value} >= nregs ({nregs} registers)", i, j)
        need = isa.REGISTER_KINDS[kind]
        if f.kinds[value] != need:
            _fail(f"register kind mismatch: {kind}{value} needs a '{need}' register, "
                  f"register {value} is '{f.kinds[value]}'", i, j)
    elif kind in "bn":
        if not 0 <= value <= 255:
            _fail(f"operand {value} does not fit a byte", i, j)
    elif kind == "k":
        if value not in _I64:
            _fail(f"immediate {value} does not fit 64 bits", i, j)
    elif kind == "l":
        if not 0 <= value < len(f.code):
            _fail(f"label {value} is outside the function "
                  f"(it has {len(f.code)} instructions)", i, j)
    elif kind == "F":
        if not 0 <= value < len(p.functions):
            _fail(f"function index {value} out of range "
                  f"(the program has {len(p.functions)} functions)", i, j)


def _check_block(i, f, j, first, count) -> None:
    if first + count > len(f.kinds):
        _fail(f"argument block r{first}..r{first + count - 1} runs past nregs "
              f"({len(f.kinds)} registers)", i, j)


def _check_call(p, i, f, j, ins) -> None:
    name, _, fn, first, count = ins
    _check_block(i, f, j, first, count)
    callee = p.functions[fn]
    n = callee.nparams
    if count != n and not (callee.variadic and count >= n):
        need = f"at least {n}" if callee.variadic else f"{n}"
        _fail(f"call arity mismatch: {count} arguments to {callee.name!r}, "
              f"which takes {need}", i, j)
    given, wanted = f.kinds[first:first + n], callee.kinds[:n]
    if given != wanted:
        _fail(f"call kind mismatch: arguments have kinds {given!r}, "
              f"{callee.name!r} takes {wanted!r}", i, j)
    allowed = ("q", "") if name == "CALL" else ("d",)
    if callee.returns not in allowed:
        shown = callee.returns or "void"
        _fail(f"{name} to {callee.name!r}, which returns {shown}", i, j)


def _check_indirect_call(p, i, f, j, ins) -> None:
    _check_block(i, f, j, ins[3], ins[4])


def _check_table(p, i, f, j, ins) -> None:
    _, a, n = ins
    if not 0 <= n <= len(f.code) - j - 2:
        _fail(f"jump table of {n} entries runs past the end of the function "
              f"(it needs a default instruction after the table)", i, j)
    for k in range(j + 1, j + 1 + n):
        entry = f.code[k]
        if not (isinstance(entry, tuple) and entry and entry[0] == "JMP"):
            _fail(f"jump table entry {k - j - 1} is not a JMP", i, k)


def _check_syscall(p, i, f, j, ins) -> None:
    _, a, n = ins
    if n > MAX_SYSCALL_ARGS:
        _fail(f"system call with {n} arguments (at most {MAX_SYSCALL_ARGS})", i, j)
    if a + n >= len(f.kinds):
        _fail(f"system call registers r{a}..r{a + n} run past nregs "
              f"({len(f.kinds)} registers)", i, j)
    if f.kinds[a:a + n + 1] != "q" * (n + 1):
        _fail(f"system call registers r{a}..r{a + n} must all be 'q'", i, j)


def _check_return(p, i, f, j, ins) -> None:
    want = {"RET": "q", "FRET": "d", "RETV": ""}[ins[0]]
    if f.returns != want:
        _fail(f"{ins[0]} in a function returning {f.returns or 'void'}", i, j)


def _check_varargs(p, i, f, j, ins) -> None:
    if not f.variadic:
        _fail("VARARGS in a function that is not variadic", i, j)


_SPECIAL = {**dict.fromkeys(isa.DIRECT_CALLS, _check_call),
            **dict.fromkeys(isa.INDIRECT_CALLS, _check_indirect_call),
            "SYSCALL": _check_syscall, "RET": _check_return, "FRET": _check_return,
            "RETV": _check_return,
            "VARARGS": _check_varargs, "JTAB": _check_table}


# The old private names, still used by pvm/tools/repl/loader.py until it
# moves to first_violation_in (tests/test_private_names.py lists the use).
