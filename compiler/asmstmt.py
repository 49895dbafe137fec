"""Inline asm statements: checking them and reading their text.

GCC's extended asm, with pvm assembly as the text:

    asm [volatile] ("text" : outputs : inputs : clobbers);

(`__asm__`, `__volatile__` too; each part after the text may be left out from
the right, and adjacent string literals are one text.)  The text holds
instructions in the syntax `pvm dis` prints, separated by `;` or newlines,
read by the assembler's own reader (pvm.bytecode.asm.parse_instruction).
`%N` is operand N, outputs first, then inputs, as in gcc: a register (`r5`,
`f2`) or, for an `i` operand, an immediate (`#42`); `%%` is a `%`.

Constraints: `r` an integer or pointer value in an integer register, `f` a
floating value in a floating register, `i` an integer constant expression
(inputs only), a digit N an input that starts in output N's register.  An
output is `=` (written) or `+` (read and written) and must be a modifiable
lvalue.  Clobbers: "memory" and "cc" (both free: pvm keeps no memory value in
a register across statements, and has no flags).

Refused in the text, each with a caret at the offending character: labels
and jumps (control must leave the asm at its end), calls and returns,
function (`@f`) and data (`&g`) references (the linker's business, and C's),
and registers named directly (`r3`): a function's registers are its
variables, allocated by the compiler, so asm reaches them through operands.
What is accepted is verified with the rest of the function (codegen), like
any other code.

`check` runs in the checker: it types the operands and reads the text once,
with operand N standing in as register N, into `AsmStmt.code`; codegen
(gen_asm.py) puts the real registers in.
"""
from __future__ import annotations

from dataclasses import dataclass

from pvm import isa
from pvm.bytecode.asm import AsmError, parse_instruction

from . import ast as A
from . import fold, literals

_RETURNS = frozenset(("RET", "FRET", "RETV"))
_CLOBBERS = (b"memory", b"cc")
MAX_OPERANDS = 30           # gcc's limit
_DESCRIBE = {"r": "an integer register", "f": "a floating register", "#": "an immediate"}
_CONSTRAINTS = "r (integer register), f (floating register), i (integer constant)"


@dataclass
class AsmInstruction:
    """One instruction of the text: operand N stands in as register N in the
    positions `operands` maps (position in `ins` -> N)."""
    ins: tuple
    operands: dict


class _Refused(Exception):
    def __init__(self, at: int, message: str):
        self.at, self.message = at, message


def check(checker, s: A.AsmStmt) -> A.AsmStmt:
    """Type the operands of `s` and read its text (errors go to checker.diag)."""
    diag = checker.diag
    ok = True
    for op in s.outputs:
        ok &= _check_output(checker, op)
    for op in s.inputs:
        ok &= _check_input(checker, op, s.outputs)
    count = len(s.outputs) + len(s.inputs)
    if count > MAX_OPERANDS:
        diag.error(s.pos, f"more than {MAX_OPERANDS} operands in asm")
        return s
    for text, pos in s.clobbers:
        if text not in _CLOBBERS:
            diag.error(pos, f"unknown clobber '{_show(text)}' in asm: pvm takes \"memory\" and \"cc\"")
    if ok:
        s.code = read_text(s, diag)
    return s


def _check_output(checker, op: A.AsmOperand) -> bool:
    text = _show(op.constraint)
    if not text.startswith(("=", "+")):
        checker.diag.error(op.pos, f"output operand constraint '{text}' lacks '=' or '+'")
        return False
    op.inout = text.startswith("+")
    op.kind = text[1:].lstrip("&")
    if op.kind not in ("r", "f"):
        checker.diag.error(op.pos, f"unsupported output constraint '{text}' in asm: "
                                   f"outputs take r or f, with = or +")
        return False
    op.expr = checker.expr(op.expr)
    return checker.modifiable(op.expr, op.expr.pos) and _check_type(checker, op)


def _check_input(checker, op: A.AsmOperand, outputs: list) -> bool:
    text = _show(op.constraint)
    op.expr = checker.rvalue(op.expr)
    if text.isdigit():
        n = int(text)
        if n >= len(outputs):
            checker.diag.error(op.pos, f"matching constraint '{text}' names no output "
                                       f"(the asm has {len(outputs)})")
            return False
        op.kind, op.tied = outputs[n].kind, n
    elif text in ("r", "f", "i"):
        op.kind = text
    elif text[:1] in ("=", "+"):
        checker.diag.error(op.pos, f"input operand constraint contains '{text[0]}'")
        return False
    else:
        checker.diag.error(op.pos, f"unsupported constraint '{text}' in asm: pvm takes {_CONSTRAINTS}")
        return False
    if op.kind == "i":
        if not (isinstance(op.expr, A.IntConst) and op.expr.ty.is_integer):
            checker.diag.error(op.expr.pos, "constraint 'i' needs an integer constant expression")
            return False
        return True
    return _check_type(checker, op)


def _check_type(checker, op: A.AsmOperand) -> bool:
    ty = op.expr.ty
    if getattr(op.expr, "error", False):
        return False
    if op.kind == "r" and not (ty.is_integer or ty.is_pointer):
        checker.diag.error(op.expr.pos, f"invalid type '{ty}' for an 'r' operand of asm: "
                                        f"it takes integers and pointers")
        return False
    if op.kind == "f" and not ty.is_float:
        checker.diag.error(op.expr.pos, f"invalid type '{ty}' for an 'f' operand of asm: "
                                        f"it takes floating values")
        return False
    return True


def _show(data: bytes) -> str:
    return data.decode("utf-8", "replace")


# ---- the text

def read_text(s: A.AsmStmt, diag) -> list[AsmInstruction]:
    """The instructions of `s`'s text, operand N as register N; each error is
    reported at the character of the literal it concerns."""
    operands = s.outputs + s.inputs
    stand_ins = [f"#{fold.canonical(op.expr.value, op.expr.ty)}" if op.kind == "i" else f"{op.kind}{n}"
                 for n, op in enumerate(operands)]
    code = []
    for text, where in _split(*_characters(s.strings)):
        try:
            code.append(_instruction(text, stand_ins))
        except _Refused as exc:
            diag.error(where[min(exc.at, len(where) - 1)], exc.message)
    return code


def _characters(strings: list) -> tuple[str, list]:
    """The text of the literals, one character per byte, and the (line, col)
    in the source of each."""
    text, where = [], []
    for spelling, (line, col) in strings:
        try:
            data, offsets = literals.string(spelling), literals.string_offsets(spelling)
        except ValueError:
            continue                # reported by the parser
        text.append(data.decode("latin-1"))
        where += [(line, col + off) for off in offsets]
    return "".join(text), where


def _split(text: str, where: list):
    """(instruction text, positions) for each `;`- or newline-separated part."""
    start = 0
    for i in range(len(text) + 1):
        if i == len(text) or text[i] in ";\n":
            if text[start:i].strip():
                yield text[start:i], where[start:i]
            start = i + 1


def _instruction(text: str, stand_ins: list[str]) -> AsmInstruction:
    first = text.split(None, 1)[0]
    if first.endswith(":") or ":" in first.split(",")[0]:
        raise _Refused(text.index(first), "labels are not allowed in asm: control must "
                                          "leave an asm statement at its end")
    out, origin, spans = _substitute(text, stand_ins)
    try:
        ins, columns = parse_instruction(out)
    except AsmError as exc:
        at = exc.column if exc.column is not None else len(out) - len(out.lstrip())
        message = exc.message
        if at in spans:
            message += f" (%{spans[at]} is {_DESCRIBE[stand_ins[spans[at]][0]]})"
        raise _Refused(origin[min(at, len(origin) - 1)], message) from None
    op = isa.BY_NAME[ins[0]]
    _refuse_control(op, origin[columns[0]])
    operands = {}
    for i, (kind, value) in enumerate(zip(op.operands, ins[1:]), 1):
        at = origin[columns[i]]
        if kind == "F":
            raise _Refused(at, "function references are not allowed in asm: "
                               "take a function's address in C and pass it as an operand")
        if kind in "kx" and not isinstance(value, (int, float)):
            raise _Refused(at, "data references are not allowed in asm: take the "
                               "address in C and pass it as an operand")
        if kind in isa.REG_OPERANDS:
            n = spans.get(columns[i])
            if n is None:
                raise _Refused(at, f"asm names register {text[at:].split(',')[0].strip()!r} "
                                   f"directly: use an operand (%0, %1, ...), as registers "
                                   f"belong to the compiler")
            operands[i] = n
    return AsmInstruction(ins, operands)


def _refuse_control(op: isa.Op, at: int) -> None:
    if op.has("branch") or op.has("table"):
        raise _Refused(at, f"jumps are not allowed in asm ({op.name.lower()}): control "
                           f"must leave an asm statement at its end; jump in C")
    if op.has("call"):
        raise _Refused(at, f"calls are not allowed in asm ({op.name.lower()}): call in C")
    if op.name in _RETURNS:
        raise _Refused(at, f"returns are not allowed in asm ({op.name.lower()}): "
                           f"return in C")


def _substitute(text: str, stand_ins: list[str]) -> tuple[str, list[int], dict]:
    """`text` with %N replaced: (new text, the index in `text` each character
    of it comes from, {start in the new text: N} of each substitution)."""
    out, origin, spans = [], [], {}
    i = 0
    while i < len(text):
        c = text[i]
        if c != "%":
            out.append(c)
            origin.append(i)
            i += 1
            continue
        if text[i + 1:i + 2] == "%":
            out.append("%")
            origin.append(i)
            i += 2
            continue
        j = i + 1
        while j < len(text) and text[j].isdigit():
            j += 1
        if j == i + 1:
            raise _Refused(i, "invalid '%' in asm: an operand is %0, %1, ..., and '%%' is a '%'")
        n = int(text[i + 1:j])
        if n >= len(stand_ins):
            have = f"{len(stand_ins)} operand" + ("" if len(stand_ins) == 1 else "s")
            raise _Refused(i, f"invalid operand number %{n} in asm: the statement has {have}")
        spans[len(origin)] = n
        out.append(stand_ins[n])
        origin += [i] * len(stand_ins[n])
        i = j
    origin.append(len(text))        # one past the end, for errors there
    return "".join(out), origin, spans
