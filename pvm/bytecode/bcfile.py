"""The portable bytecode file: `encode` writes a Program as bytes, `decode` reads it back.

Everything is little-endian and fixed by this module, never by the host, and
`encode` is deterministic: the same Program always gives the same bytes.

    header   magic "PVM\\0", u16 format version, u16 flags (0), the 8-byte
             isa.table_hash(), u32 entry function index            (20 bytes)
    sections, each a 4-byte tag, a u32 payload length and the payload, all
             present, exactly once, in this order:
      FILE   u32 count; per source file a str
      FUNC   u32 count; per function:
               str name, u32 nparams, str kinds (one letter per register),
               u8 returns ('q', 'd' or 0 for void), u8 flags (1 variadic,
               2 static), i64 frame_size, u32 file index,
               u32 code length + the code bytes (per instruction: the opcode
               byte, then each operand at the size isa.OPERAND_SIZE gives,
               as isa.encode writes it:
               registers and counts u8, K i64, X f64, labels and function
               indices u32),
               the line table: uleb count of runs, per run a sleb line delta
               from the previous run and a uleb run length in instructions,
               u32 count of debug locals; per local str name, str type,
               u8 where (0 reg, 1 frame), i64 offset, u32 start, u32 end
      RODA   the read-only data bytes
      DATA   the initialised data bytes
      BSS    u64 size of the zero-initialised data
      SYMS   u32 count; per symbol str name, u8 kind (0 func, 1 data),
             u64 address, u64 size, str type
    A str is a u32 byte length and that many bytes of UTF-8.

`decode` trusts nothing: every length, count and index is checked against
the bytes actually present before it is used, so a damaged file raises
LoadError naming the file offset and the rule broken, and no count in a file
can make the loader allocate or loop more than the file's own size allows.
What the bytes *mean* (register kinds, call arities, ...) is pvm.bytecode.verify's job.
"""
from __future__ import annotations

import struct

from pvm import isa
from pvm.errors import LoadError
from .program import Function, LocalInfo, Program, Record, Symbol

MAGIC = b"PVM\x00"
VERSION = 1
HEADER = struct.Struct("<4sHH8sI")
ENTRY_OFFSET = 16                       # where the entry index sits in the header
SECTIONS = (b"FILE", b"FUNC", b"RODA", b"DATA", b"BSS ", b"SYMS")
VARIADIC, STATIC = 1, 2
WHERE = ("reg", "frame")
SYMBOL_KINDS = ("func", "data")


# Smallest encodings, used to refuse a count before looping over it.
_MIN_FUNCTION = 4 + 4 + 4 + 1 + 1 + 8 + 4 + 4 + 1 + 4
_MIN_LOCAL = 4 + 4 + 1 + 8 + 4 + 4
_MIN_SYMBOL = 4 + 1 + 8 + 8 + 4


class Offsets(Record):
    """File offsets of the parts of a decoded program, so that the verifier's
    errors can name where in the file the offending bytes are."""
    __slots__ = ("entry", "functions", "instructions", "line_tables", "bss")
    entry: int
    functions: list[int]                # start of each record
    instructions: list[list[int]]
    line_tables: list[int]
    bss: int

    def __init__(self, entry: int = ENTRY_OFFSET, functions: list | None = None,
                 instructions: list | None = None, line_tables: list | None = None,
                 bss: int = 0):
        self.entry, self.bss = entry, bss
        self.functions = [] if functions is None else functions
        self.instructions = [] if instructions is None else instructions
        self.line_tables = [] if line_tables is None else line_tables


# ---- writing -----------------------------------------------------------------

class _Writer:
    def __init__(self):
        self.out = bytearray()

    def pack(self, fmt: str, *values) -> None:
        try:
            self.out += struct.pack("<" + fmt, *values)
        except struct.error as e:
            raise ValueError(f"cannot encode {values!r}: {e}") from None

    def str(self, s: str) -> None:
        b = s.encode("utf-8")
        self.pack("I", len(b))
        self.out += b

    def uleb(self, n: int) -> None:
        while True:
            byte = n & 0x7F
            n >>= 7
            if n:
                self.out.append(byte | 0x80)
            else:
                self.out.append(byte)
                return

    def sleb(self, n: int) -> None:
        self.uleb(n * 2 if n >= 0 else -n * 2 - 1)      # zigzag


def encode_code(code: list[tuple]) -> bytes:
    """One function's instructions as bytes (the text the machine loads)."""
    out = bytearray()
    for ins in code:
        try:
            out += isa.encode(ins)
        except (KeyError, IndexError, TypeError, struct.error) as e:
            raise ValueError(f"cannot encode instruction {ins!r}: {e}") from None
    return bytes(out)


def _line_runs(lines: list[int]) -> list[tuple[int, int]]:
    runs: list[list[int]] = []
    for line in lines:
        if runs and runs[-1][0] == line:
            runs[-1][1] += 1
        else:
            runs.append([line, 1])
    return [(a, b) for a, b in runs]


def _encode_function(w: _Writer, f: Function) -> None:
    w.str(f.name)
    w.pack("I", f.nparams)
    w.pack("I", len(f.kinds))
    w.out += f.kinds.encode("latin-1")
    w.pack("B", ord(f.returns) if f.returns else 0)
    w.pack("B", (VARIADIC if f.variadic else 0) | (STATIC if f.static else 0))
    w.pack("q", f.frame_size)
    w.pack("I", f.file)
    code = encode_code(f.code)
    w.pack("I", len(code))
    w.out += code
    runs = _line_runs(f.lines)
    w.uleb(len(runs))
    previous = 0
    for line, count in runs:
        if not 0 <= line < 1 << 32:
            raise ValueError(f"line number {line} out of range")
        w.sleb(line - previous)
        w.uleb(count)
        previous = line
    w.pack("I", len(f.locals))
    for loc in f.locals:
        w.str(loc.name)
        w.str(loc.type)
        w.pack("B", WHERE.index(loc.where))
        w.pack("qII", loc.offset, loc.start, loc.end)


def encode(program: Program) -> bytes:
    """The bytecode file for `program`.  Raises ValueError if some value does
    not fit the format (the verifier would refuse such a program anyway)."""
    try:
        return _encode(program)
    except (TypeError, UnicodeError, KeyError, IndexError) as e:
        raise ValueError(f"cannot encode program: {e}") from None


def _encode(program: Program) -> bytes:
    body: dict[bytes, _Writer] = {tag: _Writer() for tag in SECTIONS}
    w = body[b"FILE"]
    w.pack("I", len(program.files))
    for name in program.files:
        w.str(name)
    w = body[b"FUNC"]
    w.pack("I", len(program.functions))
    for f in program.functions:
        _encode_function(w, f)
    body[b"RODA"].out += bytes(program.rodata)
    body[b"DATA"].out += bytes(program.data)
    body[b"BSS "].pack("Q", program.bss_size)
    w = body[b"SYMS"]
    w.pack("I", len(program.symbols))
    for s in program.symbols:
        w.str(s.name)
        w.pack("B", SYMBOL_KINDS.index(s.kind))
        w.pack("QQ", s.address, s.size)
        w.str(s.type)
    out = _Writer()
    out.pack("4sHH8sI", MAGIC, VERSION, 0, isa.table_hash(), program.entry)
    for tag in SECTIONS:
        out.out += tag
        out.pack("I", len(body[tag].out))
        out.out += body[tag].out
    return bytes(out.out)


# ---- reading -----------------------------------------------------------------

class _Reader:
    """A cursor over data[pos:end] that refuses to read past `end`."""

    def __init__(self, data: bytes, filename: str, pos: int = 0, end: int | None = None):
        self.data, self.filename = data, filename
        self.pos = pos
        self.end = len(data) if end is None else end

    def fail(self, rule: str, at: int | None = None):
        raise LoadError(self.filename, self.pos if at is None else at, rule)

    def left(self) -> int:
        return self.end - self.pos

    def need(self, n: int, what: str) -> None:
        if n > self.left():
            self.fail(f"truncated {what}: needs {n} bytes, {self.left()} left")

    def take(self, n: int, what: str) -> bytes:
        self.need(n, what)
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def unpack(self, s: struct.Struct, what: str) -> tuple:
        pos = self.pos
        if pos + s.size > self.end:
            self.need(s.size, what)
        self.pos = pos + s.size
        return s.unpack_from(self.data, pos)

    def u8(self, what: str) -> int:
        if self.pos >= self.end:
            self.need(1, what)
        self.pos += 1
        return self.data[self.pos - 1]

    def u32(self, what: str) -> int:
        return self.unpack(_U32, what)[0]

    def count(self, what: str, min_size: int) -> int:
        at = self.pos
        n = self.u32(f"{what} count")
        if n * min_size > self.left():
            self.fail(f"{what} count {n} does not fit in the {self.left()} bytes left", at)
        return n

    def str(self, what: str) -> str:
        # the common case first, with no call per field: a whole, valid string
        data, at = self.data, self.pos
        if at + 4 <= self.end:
            start = at + 4
            stop = start + _U32.unpack_from(data, at)[0]
            if stop <= self.end:
                try:
                    text = data[start:stop].decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    self.pos = stop
                    return text
        return self._str_checked(what)

    def _str_checked(self, what: str) -> str:
        """`str`, failing with the rule the bytes break."""
        at = self.pos
        raw = self.take(self.u32(f"{what} length"), what)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.fail(f"{what} is not valid UTF-8", at)

    def uleb(self, what: str) -> int:
        data, at, end = self.data, self.pos, self.end
        pos, n, shift = at, 0, 0
        while True:
            if pos >= end:
                self.pos = pos
                self.need(1, what)
            byte = data[pos]
            pos += 1
            n |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                if byte == 0 and shift > 7:
                    self.fail(f"{what} is not minimally encoded", at)
                self.pos = pos
                return n
            if shift >= 64:
                self.fail(f"{what} is not a valid number (more than 64 bits)", at)

    def sleb(self, what: str) -> int:
        n = self.uleb(what)
        return -(n >> 1) - 1 if n & 1 else n >> 1


_U8, _U32 = struct.Struct("<B"), struct.Struct("<I")
_FUNC_FIXED = struct.Struct("<BBqI")
_LOCAL_FIXED = struct.Struct("<BqII")
_SYMBOL_FIXED = struct.Struct("<QQ")
_BSS = struct.Struct("<Q")


def decode(data: bytes, filename: str = "<bytes>") -> Program:
    """Read a bytecode file; raises LoadError if it is malformed."""
    return decode_with_offsets(data, filename)[0]


def decode_with_offsets(data: bytes, filename: str = "<bytes>") -> tuple[Program, Offsets]:
    """Like `decode`, also returning where each part sits in the file."""
    r = _Reader(bytes(data), filename)
    if r.left() < 4 or r.data[:4] != MAGIC:
        r.fail("not a pvm bytecode file (bad magic number)")
    magic, version, flags, table, entry = r.unpack(HEADER, "header")
    if version != VERSION:
        r.fail(f"unsupported format version {version} (this pvm reads version {VERSION})", 4)
    if flags:
        r.fail(f"unknown header flags {flags:#x}", 6)
    if table != isa.table_hash():
        r.fail("built for a different instruction set (opcode table hash mismatch)", 8)
    offsets = Offsets()
    parts = {}
    for tag in SECTIONS:
        at = r.pos
        got = r.take(4, f"{tag.decode().strip()} section tag")
        if got != tag:
            r.fail(f"expected section {tag.decode().strip()!r}, found {got!r}", at)
        size = r.u32(f"{tag.decode().strip()} section length")
        r.need(size, f"{tag.decode().strip()} section")
        section = _Reader(r.data, filename, r.pos, r.pos + size)
        parts[tag] = _SECTION_READERS[tag](section, offsets)
        if section.left():
            section.fail(f"{section.left()} unexpected bytes at the end of the "
                         f"{tag.decode().strip()} section")
        r.pos += size
    if r.left():
        r.fail(f"{r.left()} unexpected bytes after the last section")
    program = Program(functions=parts[b"FUNC"], entry=entry, rodata=parts[b"RODA"],
                      data=parts[b"DATA"], bss_size=parts[b"BSS "],
                      symbols=parts[b"SYMS"], files=parts[b"FILE"])
    return program, offsets


def _read_files(r: _Reader, offsets: Offsets) -> list[str]:
    return [r.str("source file name") for _ in range(r.count("source file", 4))]


def _read_functions(r: _Reader, offsets: Offsets) -> list[Function]:
    return [_read_function(r, offsets) for _ in range(r.count("function", _MIN_FUNCTION))]


def _read_function(r: _Reader, offsets: Offsets) -> Function:
    offsets.functions.append(r.pos)
    name = r.str("function name")
    nparams = r.u32("parameter count")
    kinds = r.take(r.u32("register kinds length"), "register kinds").decode("latin-1")
    at = r.pos
    returns, flags, frame_size, file = r.unpack(_FUNC_FIXED, "function header")
    if flags & ~(VARIADIC | STATIC):
        r.fail(f"unknown function flags {flags:#x}", at + 1)
    code_size = r.u32("code length")
    r.need(code_size, "code")
    code, starts = _read_code(_Reader(r.data, r.filename, r.pos, r.pos + code_size))
    offsets.instructions.append(starts)
    r.pos += code_size
    offsets.line_tables.append(r.pos)
    lines = _read_lines(r, len(code))
    local_list = [_read_local(r) for _ in range(r.count("debug local", _MIN_LOCAL))]
    return Function(name=name, nparams=nparams, kinds=kinds,
                    returns=chr(returns) if returns else "", frame_size=frame_size,
                    code=code, lines=lines, file=file, variadic=bool(flags & VARIADIC),
                    static=bool(flags & STATIC), locals=local_list)


# opcode byte -> (name, size, operand struct); None for unknown opcodes
_DECODE: list = [None] * 256
for _op in isa.OPS:
    _DECODE[_op.code] = (_op.name, _op.size,
                         struct.Struct("<" + isa.FORMAT[_op.name].format[2:]))


def _read_code(r: _Reader) -> tuple[list[tuple], list[int]]:
    """Instructions and the file offset of each (the loader's hot loop)."""
    data, pos, end, decode = r.data, r.pos, r.end, _DECODE
    code, starts = [], []
    while pos < end:
        entry = decode[data[pos]]
        if entry is None:
            r.fail(f"unknown opcode {data[pos]:#04x}", pos)
        name, size, operands = entry
        if pos + size > end:
            r.fail(f"{name} instruction runs past the end of its function's code", pos)
        starts.append(pos)
        code.append((name,) + operands.unpack_from(data, pos + 1))
        pos += size
    r.pos = pos
    return code, starts


def _read_lines(r: _Reader, ninstructions: int) -> list[int]:
    """The line table.  The common case (every number a single byte, every
    rule kept) is read inline; anything else by _read_lines_checked, which
    also names the rule broken."""
    data, at, end = r.data, r.pos, r.end
    if at < end and data[at] < 0x80:
        runs, pos = data[at], at + 1
        if pos + 2 * runs <= end:
            lines: list[int] = []
            line = 0
            for _ in range(runs):
                delta, count = data[pos], data[pos + 1]
                if delta >= 0x80 or count >= 0x80 or count == 0 or (delta == 0 and lines):
                    break
                pos += 2
                line += -(delta >> 1) - 1 if delta & 1 else delta >> 1
                if not 0 <= line < 1 << 32 or len(lines) + count > ninstructions:
                    break
                lines.extend([line] * count)
            else:
                if len(lines) == ninstructions:
                    r.pos = pos
                    return lines
    return _read_lines_checked(r, ninstructions)


def _read_lines_checked(r: _Reader, ninstructions: int) -> list[int]:
    at = r.pos
    runs = r.uleb("line table run count")
    if runs > r.left() // 2:
        r.fail(f"line table run count {runs} does not fit in the {r.left()} bytes left", at)
    lines: list[int] = []
    line = 0
    for _ in range(runs):
        run_at = r.pos
        delta = r.sleb("line table delta")
        if delta == 0 and lines:
            r.fail("line table repeats a line in two consecutive runs", run_at)
        line += delta
        count = r.uleb("line table run length")
        if not 0 <= line < 1 << 32:
            r.fail(f"line table gives line number {line}", run_at)
        if count == 0 or len(lines) + count > ninstructions:
            r.fail(f"line table covers more than the function's {ninstructions} "
                   f"instructions", run_at)
        lines.extend([line] * count)
    if len(lines) != ninstructions:
        r.fail(f"line table covers {len(lines)} of the function's {ninstructions} instructions", at)
    return lines


def _read_local(r: _Reader) -> LocalInfo:
    name = r.str("debug local name")
    ctype = r.str("debug local type")
    at = r.pos
    if at + _LOCAL_FIXED.size <= r.end:
        where, offset, start, end = _LOCAL_FIXED.unpack_from(r.data, at)
        r.pos = at + _LOCAL_FIXED.size
    else:
        where, offset, start, end = r.unpack(_LOCAL_FIXED, "debug local")
    if where >= len(WHERE):
        r.fail(f"debug local {name!r} has unknown storage class {where}", at)
    return LocalInfo(name, ctype, WHERE[where], offset, start, end)


def _read_bytes(r: _Reader, offsets: Offsets) -> bytes:
    return r.take(r.left(), "data")


def _read_bss(r: _Reader, offsets: Offsets) -> int:
    offsets.bss = r.pos
    return r.unpack(_BSS, "bss size")[0]


def _read_symbols(r: _Reader, offsets: Offsets) -> list[Symbol]:
    return [_read_symbol(r) for _ in range(r.count("symbol", _MIN_SYMBOL))]


def _read_symbol(r: _Reader) -> Symbol:
    name = r.str("symbol name")
    at = r.pos
    kind = r.u8("symbol kind")
    if kind >= len(SYMBOL_KINDS):
        r.fail(f"symbol {name!r} has unknown kind {kind}", at)
    address, size = r.unpack(_SYMBOL_FIXED, "symbol")
    return Symbol(name, SYMBOL_KINDS[kind], address, size, r.str("symbol type"))


_SECTION_READERS = {b"FILE": _read_files, b"FUNC": _read_functions, b"RODA": _read_bytes,
                    b"DATA": _read_bytes, b"BSS ": _read_bss, b"SYMS": _read_symbols}
