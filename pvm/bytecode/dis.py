"""The disassembler: a Program as a readable listing that pvm.bytecode.asm reads back.

The listing is assembly text in exactly the syntax pvm/bytecode/asm.py documents, and
it says everything the bytecode file holds, so `assemble(disassemble(p))`
encodes to the very same bytes as `p`.  Writing it follows three rules:

  * names that are plain identifiers are written bare, any other name is a
    "quoted string"; a function name two functions share is referred to by
    its index (`@3`) instead;
  * a jump target gets a label line `L12:` (12 = its instruction index);
  * an instruction whose source line differs from the one before gets a
    trailing `; file.c:14` comment, which the assembler reads as the line.

The other comments are for people and the assembler ignores them: sizes and
addresses in the header, offsets and ASCII after data bytes, and after an
immediate that is an address what it points at (`= "hello\\n"`, `= counter`,
`= bss+0x10`).
"""
from __future__ import annotations

import re
import struct

from pvm import isa
from .program import TEXT_BASE, Function, Program, program_layout

IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_.$]*")
CANONICAL_NAN = 0x7FF8000000000000
COMMENT_COLUMN = 40


def quote(s: str) -> str:
    """A string literal the assembler reads back as exactly `s`."""
    return '"' + escape(s, '"') + '"'


def escape(s: str, special: str = "") -> str:
    """`s` with backslashes, control characters and `special` escaped."""
    out = []
    for ch in s:
        if ch == "\\" or ch in special:
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def name(s: str) -> str:
    """A name as the listing writes it: bare if an identifier, else quoted."""
    return s if IDENT.fullmatch(s) else quote(s)


def line_marker(filename: str) -> str:
    """The file part of a `; file.c:14` comment (white space escaped too, so
    the assembler can recognise it after stripping the comment)."""
    return "".join(f"\\u{ord(c):04x}" if c.isspace() else c for c in escape(filename))


def source_name(program: Program, f: Function) -> str:
    return program.files[f.file] if 0 <= f.file < len(program.files) else "?"


def format_float(x: float) -> str:
    """repr for numbers (it round-trips exactly); NaNs keep their bit pattern."""
    x = float(x)
    if x != x:
        bits = struct.unpack("<Q", struct.pack("<d", x))[0]
        return "nan" if bits == CANONICAL_NAN else f"nan:{bits:#018x}"
    return repr(x)


def function_refs(program: Program) -> list[str]:
    """How the listing names each function: by name if unique, else index."""
    counts: dict[str, int] = {}
    for f in program.functions:
        counts[f.name] = counts.get(f.name, 0) + 1
    return [name(f.name) if counts[f.name] == 1 else str(i)
            for i, f in enumerate(program.functions)]


def default_file(program: Program) -> int:
    """The file a `.func` belongs to when it says no `file=`: the last `.file`."""
    return max(len(program.files) - 1, 0)


def disassemble(program: Program, effects: bool = False) -> str:
    """The listing of `program`; with `effects`, each instruction's meaning
    from the opcode table is added as a comment."""
    refs = function_refs(program)
    lay = _layout(program)
    out = _header(program, refs, lay)
    for i in range(len(program.functions)):
        out.append("")
        out += format_function(program, i, refs, effects, lay)
    return "\n".join(out) + "\n"


def _layout(program: Program):
    try:
        return program_layout(program)
    except (KeyError, TypeError, IndexError):
        return None          # unknown opcodes: print without addresses


def _header(p: Program, refs: list[str], lay) -> list[str]:
    entry = refs[p.entry] if 0 <= p.entry < len(refs) else str(p.entry)
    out = ["; pvm bytecode listing (`pvm asm` turns it back into the identical file)",
           f"; entry {entry} (function {p.entry}); {len(p.functions)} functions"]
    if lay is not None:
        out.append(f"; text {lay.text_end - TEXT_BASE} bytes at {TEXT_BASE:#x}, "
                   f"rodata {len(p.rodata)} "
                   f"at {lay.rodata_base:#x}, data {len(p.data)} at {lay.data_base:#x}, "
                   f"bss {p.bss_size} at {lay.bss_base:#x}, heap from {lay.heap_base:#x}")
    out += [f".file {quote(f)}" for f in p.files]
    out.append(f".entry {entry}")
    for section, blob, base in ((".rodata", p.rodata, lay and lay.rodata_base),
                                (".data", p.data, lay and lay.data_base)):
        if blob:
            out += ["", section] + _hexdump(bytes(blob), base or 0)
    if p.bss_size:
        out += ["", f".bss {p.bss_size}"]
    if p.symbols:
        out.append("")
    for s in p.symbols:
        out.append(f".symbol {name(s.name)} {s.kind} {s.address:#x} {s.size} {quote(s.type)}")
    return out


def _hexdump(blob: bytes, base: int) -> list[str]:
    lines = []
    for at in range(0, len(blob), 16):
        chunk = blob[at:at + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"    {hexes:<47}  ; {base + at:#x}  {text}")
    return lines


def _signature(p: Program, f: Function) -> str:
    kinds = f.kinds if f.kinds and f.kinds.isalpha() and f.kinds.isascii() else quote(f.kinds)
    returns = {"": "void", "q": "q", "d": "d"}.get(f.returns, quote(f.returns))
    words = [".func", name(f.name), f"params={f.nparams}", f"kinds={kinds}",
             f"returns={returns}", f"frame={f.frame_size}"]
    if f.variadic:
        words.append("variadic")
    if f.static:
        words.append("static")
    if f.file != default_file(p):
        words.append(f"file={f.file}")
    return " ".join(words)


def format_function(p: Program, index: int, refs: list[str], effects: bool, lay) -> list[str]:
    """The listing lines of function `index`: its signature line, then its
    instructions (with labels and, if `effects`, each one's effect); `refs`
    is function_refs(p), `lay` the layout (None: no addresses)."""
    f = p.functions[index]
    where = ""
    if lay is not None:
        where = f"  ; {lay.function_address[index]:#x}, {f.code_size()} bytes"
    out = [_signature(p, f) + where]
    for loc in f.locals:
        out.append(f"    .local {name(loc.name)} {quote(loc.type)} {loc.where} "
                   f"{loc.offset} {loc.start} {loc.end}")
    targets = _jump_targets(f)
    marker = line_marker(source_name(p, f))
    line = 0
    for j, ins in enumerate(f.code):
        if j in targets:
            out.append(f"L{j}:")
        comment = []
        if j < len(f.lines) and f.lines[j] != line:
            line = f.lines[j]
            comment.append(f"{marker}:{line}")
        op = isa.BY_NAME.get(ins[0])
        if op is not None and lay is not None:
            comment += [_point_to(p, lay, v) for k, v in zip(op.operands, ins[1:])
                        if k == "k" and _is_address(v, lay)]
        if effects and op is not None:
            comment.append(op.effect)
        text = "    " + format_instruction(f, ins, op, refs, lay)
        if comment:
            text = f"{text:<{COMMENT_COLUMN}} ; " + "  ".join(comment)
        out.append(text)
    return out


def _point_to(p: Program, lay, address: int) -> str:
    """What an address immediate points at: a string, a symbol, a section."""
    if address < lay.data_base:
        at = address - lay.rodata_base
        text = bytes(p.rodata[at:at + 48])
        end = text.find(0)
        if end >= 0 and all(32 <= b < 127 or b in _C_ESCAPES for b in text[:end]):
            return "= " + _c_string(text[:end])
        return f"= rodata+{at:#x}"
    for s in p.symbols:
        if s.kind == "data" and s.address <= address < s.address + max(s.size, 1):
            offset = address - s.address
            return f"= {escape(s.name)}" + (f"+{offset}" if offset else "")
    if address >= lay.bss_base:
        return f"= bss+{address - lay.bss_base:#x}"
    return f"= data+{address - lay.data_base:#x}"


_C_ESCAPES = {10: "\\n", 9: "\\t", 13: "\\r"}


def _c_string(b: bytes) -> str:
    return '"' + "".join(_C_ESCAPES.get(c) or ("\\" + chr(c) if chr(c) in '"\\' else chr(c))
                         for c in b) + '"'


def _is_address(v, lay) -> bool:
    """Whether an immediate looks like an address of rodata, data or bss
    (text addresses come from FADDR, so a K in the text range is a number)."""
    return lay is not None and isinstance(v, int) and lay.rodata_base <= v < lay.heap_base


_C_ESCAPES = {10: "\\n", 9: "\\t", 13: "\\r"}


def _c_string(b: bytes) -> str:
    body = "".join(_C_ESCAPES.get(c) or ("\\" + chr(c) if chr(c) in '"\\' else chr(c)) for c in b)
    return f'"{body}"'


def _jump_targets(f: Function) -> set[int]:
    targets = set()
    for ins in f.code:
        op = isa.BY_NAME.get(ins[0])
        if op is not None:
            targets.update(v for k, v in zip(op.operands, ins[1:]) if k == "l")
    return targets


def format_instruction(f: Function, ins: tuple, op: isa.Op | None, refs: list[str], lay) -> str:
    """One instruction of `f` as the assembler reads it (`op`: its row of
    the opcode table; None prints the raw tuple)."""
    if op is None:
        return " ".join(map(str, ins))
    operands = [_operand(f, kind, v, refs, lay) for kind, v in zip(op.operands, ins[1:])]
    return op.name + (" " + ", ".join(operands) if operands else "")


def _operand(f: Function, kind: str, v, refs: list[str], lay) -> str:
    if kind in "rf":
        return f"{kind}{v}"
    if kind == "b":
        return ("f" if 0 <= v < len(f.kinds) and f.kinds[v] == "d" else "r") + str(v)
    if kind == "n":
        return str(v)
    if kind == "k":
        return f"#{v:#x}" if _is_address(v, lay) else f"#{v}"
    if kind == "x":
        return "#" + format_float(v)
    if kind == "l":
        return f"L{v}"
    return "@" + (refs[v] if 0 <= v < len(refs) else str(v))
