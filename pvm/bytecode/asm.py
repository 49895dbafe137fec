"""The assembler: pvm assembly text -> Program.  It reads exactly what pvm.bytecode.dis
writes, and is pleasant to write by hand.

    ; hello.s: prints a greeting            (comments run from ';' to the end)
    .file "hello.s"
    .rodata
    msg:    "hello, world\\n"               ; data label, bytes from a string
    .entry main
    .func main params=0 kinds=qqqq returns=q frame=0
            LI r0, #3                       ; SYS_write
            LI r1, #1
            LI r2, &msg                     ; address of a data label
            LI r3, #13
            SYSCALL r0, 3
            LI r0, #0
    done:   RET r0

One statement per line; `NAME:` at the start of a line defines a label.

Directives:
  .file "x.c"           append a source file name; later functions belong to it
  .entry NAME           the function the machine calls first (default _start,
                        else main, else the first function)
  .rodata / .data       the lines that follow are bytes of that section: pairs
                        of hex digits (`48 65` or `4865`), "strings" (no NUL is
                        added) and `&label[+N]` (an 8-byte address); a label
                        there names the current offset
  [NAME:] .bss N        N more bytes of zero-initialised data; NAME: names them
  .symbol NAME func|data ADDRESS SIZE ["type"]     a symbol table entry
  .func NAME [params=N] [kinds=qqd] [returns=q|d|void] [frame=N] [variadic]
        [static] [file=N]
                        start a function (defaults: no parameters, returns
                        void, frame 0, the last .file); without kinds=, the
                        registers are those used, rN being 'q' and fN 'd'
  .local NAME "type" reg|frame OFFSET START END    debug information
  .line N               the source line of the instructions that follow

Instructions are `OPNAME operand, operand, ...` (names as in pvm/isa.py, any
case), the operands written by kind:
  r  rN       f  fN       b  rN or fN (first of the argument block)
  n  N        k  #N (decimal, 0x hex, negative) or &label[+-N]
  x  #1.5, #-0.0, #inf, #nan, #nan:0x7ff4000000000000 (a NaN's bit pattern)
  l  a label defined in the same function (`loop`, `L12`)
  F  @name, @"any name", or @N (a function index)
A trailing comment `; FILE:N`, FILE being the function's source file name,
sets the source line like `.line N` (this is how listings carry lines).
Strings take the C escapes `\\n \\t \\r \\a \\b \\f \\v \\\\ \\" \\' \\xHH \\ooo`.

The result is verified (pvm.bytecode.verify) unless verify=False; a broken rule is
reported at the line of the offending instruction or function.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field

from . import dis
from pvm import isa
from pvm.errors import EXIT_COMPILE, PvmError
from .program import Function, LocalInfo, Program, Symbol, layout
from .verify import first_violation

_TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<comment>;.*)|(?P<comma>,)'
                    r'|(?P<word>[^\s,;"]+))')
_REGISTER = re.compile(r"([rf])(\d+)")
_DATA_REF = re.compile(r"&([A-Za-z_$][A-Za-z0-9_.$]*)(?:([+-])(\w+))?")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11,
            "\\": 92, '"': 34, "'": 39}
_FLAGS = ("variadic", "static")
_KEYS = ("params", "kinds", "returns", "frame", "file")


class AsmError(PvmError):
    """An error in assembly text, reported as `file.s:LINE: error: message`.
    `column` is the 0-based offset in the line of the offending token when
    known (parse_instruction's callers point a caret at it), else None."""
    status = EXIT_COMPILE

    def __init__(self, filename: str, line: int, message: str, column: int | None = None):
        self.filename, self.line, self.message, self.column = filename, line, message, column
        super().__init__(f"{filename}:{line}: error: {message}")


@dataclass
class _Token:
    kind: str                # "str", "comma" or "word"
    text: str
    start: int = 0           # offset in its line


@dataclass
class _Ref:
    """An operand resolved once everything is read: a label, function or
    data address."""
    kind: str                # "l", "F" or "&"
    name: str
    addend: int = 0
    quoted: bool = False


@dataclass
class _Func:
    name: str
    line: int
    params: int = 0
    kinds: str | None = None
    returns: str = ""
    frame: int = 0
    variadic: bool = False
    static: bool = False
    file: int = 0
    code: list = field(default_factory=list)          # (OPNAME, operand or _Ref, ...)
    where: list = field(default_factory=list)         # assembly line of each instruction
    lines: list = field(default_factory=list)
    labels: dict = field(default_factory=dict)
    locals: list = field(default_factory=list)
    uses: dict = field(default_factory=dict)          # register -> (letter, line)
    extent: int = 0                                    # registers the code needs
    source_line: int = 0
    marker: str = "?"


def assemble(text: str, filename: str = "<asm>", *, verify: bool = True) -> Program:
    """Assemble `text`; raises AsmError naming the line of the first error."""
    return _Assembler(filename).run(text, verify)


def parse_instruction(text: str, filename: str = "<asm>", line: int = 1) -> tuple[tuple, list[int]]:
    """One instruction `OPNAME operand, ...` (no label), read exactly as `pvm asm`
    reads it: returns (instruction, columns), the instruction a tuple
    (OPNAME, operand...) and columns[i] the offset in `text` where element i
    starts.  A label, function (`@f`) or data (`&g`) operand is left as an
    object other than a number, for the caller to resolve or refuse.  Raises
    AsmError, with .column set where the fault lies in `text`."""
    assembler = _Assembler(filename)
    assembler.lineno = line
    tokens, _ = assembler.lex(text)
    if not tokens:
        assembler.error("expected an instruction")
    return assembler.parse_instruction(tokens)


class _Assembler:
    def __init__(self, filename: str):
        self.filename = filename
        self.files: list[str] = []
        self.entry: tuple | None = None              # (reference, line)
        self.sections = {"rodata": bytearray(), "data": bytearray()}
        self.bss = 0
        self.data_labels: dict[str, tuple] = {}      # name -> (section, offset, line)
        self.fixups: list[tuple] = []                # (section, offset, _Ref, line)
        self.symbols: list[Symbol] = []
        self.functions: list[_Func] = []
        self.context: str | _Func | None = None
        self.lineno = 0

    def error(self, message: str, line: int | None = None, column: int | None = None):
        raise AsmError(self.filename, self.lineno if line is None else line, message, column)

    # ---- reading lines ------------------------------------------------------
    def run(self, text: str, verify: bool) -> Program:
        for self.lineno, raw in enumerate(text.split("\n"), 1):
            tokens, comment = self.lex(raw.rstrip("\r"))
            if tokens:
                self.statement(tokens, comment)
        self.lineno = len(text.split("\n"))
        program = self.finish()
        if verify:
            self.check(program)
        return program

    def lex(self, line: str) -> tuple[list[_Token], str]:
        tokens, pos = [], 0
        while True:
            while pos < len(line) and line[pos].isspace():
                pos += 1
            if pos == len(line):
                return tokens, ""
            m = _TOKEN.match(line, pos)
            if m is None:
                self.error("unterminated string")
            if m.lastgroup == "comment":
                return tokens, m.group("comment")[1:]
            tokens.append(_Token(m.lastgroup, m.group(m.lastgroup), m.start(m.lastgroup)))
            pos = m.end()

    def statement(self, tokens: list[_Token], comment: str) -> None:
        first = tokens[0]
        if first.kind == "word" and first.text.endswith(":") and not first.text.startswith("."):
            label = first.text[:-1]
            if not dis.IDENT.fullmatch(label):
                self.error(f"bad label name {label!r}")
            rest = tokens[1:]
            self.define_label(label, rest)
            if not rest:
                return
            tokens, first = rest, rest[0]
        if first.kind == "word" and first.text.startswith("."):
            self.directive(first.text, tokens[1:])
        elif isinstance(self.context, _Func):
            self.instruction(self.context, tokens, comment)
        elif self.context in self.sections:
            self.data_line(self.sections[self.context], tokens)
        else:
            self.error("instruction outside a function (start one with .func)")

    def define_label(self, label: str, rest: list[_Token]) -> None:
        if rest and rest[0].text == ".bss":
            self.data_label(label, "bss", self.bss)
        elif isinstance(self.context, _Func):
            f = self.context
            if label in f.labels:
                self.error(f"label {label!r} defined twice in function {f.name!r}")
            f.labels[label] = len(f.code)
        elif self.context in self.sections:
            self.data_label(label, self.context, len(self.sections[self.context]))
        else:
            self.error(f"label {label!r} outside a function or data section")

    def data_label(self, label: str, section: str, offset: int) -> None:
        if label in self.data_labels:
            self.error(f"data label {label!r} defined twice")
        self.data_labels[label] = (section, offset, self.lineno)

    # ---- directives ---------------------------------------------------------
    def directive(self, word: str, args: list[_Token]) -> None:
        handler = getattr(self, "dir_" + word[1:], None)
        if handler is None:
            self.error(f"unknown directive {word}")
        handler(args)

    def expect(self, args: list[_Token], n: int | tuple, usage: str) -> None:
        counts = (n,) if isinstance(n, int) else n
        if len(args) not in counts or any(a.kind == "comma" for a in args):
            self.error(f"usage: {usage}")

    def dir_file(self, args):
        self.expect(args, 1, '.file "name"')
        self.files.append(self.string(args[0]))

    def dir_entry(self, args):
        self.expect(args, 1, ".entry NAME")
        self.entry = (self.function_ref(args[0].text.removeprefix("@"), args[0]), self.lineno)

    def dir_rodata(self, args):
        self.expect(args, 0, ".rodata")
        self.context = "rodata"

    def dir_data(self, args):
        self.expect(args, 0, ".data")
        self.context = "data"

    def dir_bss(self, args):
        self.expect(args, 1, ".bss N")
        self.bss += self.number(args[0], 0, 1 << 62, "a bss size")

    def dir_symbol(self, args):
        self.expect(args, (4, 5), '.symbol NAME func|data ADDRESS SIZE ["type"]')
        kind = args[1].text
        if kind not in ("func", "data"):
            self.error(f"symbol kind must be func or data, not {kind!r}")
        ctype = self.string(args[4]) if len(args) == 5 else ""
        self.symbols.append(Symbol(self.name(args[0]), kind,
                                   self.number(args[2], 0, 1 << 64, "an address"),
                                   self.number(args[3], 0, 1 << 64, "a size"), ctype))

    def dir_func(self, args):
        if not args or args[0].kind == "comma":
            self.error("usage: .func NAME [params=N] [kinds=qqd] [returns=q|d|void] [frame=N] ...")
        f = _Func(self.name(args[0]), self.lineno, file=max(len(self.files) - 1, 0))
        i = 1
        while i < len(args):
            word = args[i].text
            if args[i].kind == "word" and word in _FLAGS:
                setattr(f, word, True)
                i += 1
                continue
            key, eq, value = word.partition("=")
            if args[i].kind != "word" or not eq or key not in _KEYS:
                self.error(f"unknown .func attribute {word!r}")
            if value == "" and i + 1 < len(args) and args[i + 1].kind == "str":
                value = self.string(args[i + 1])
                i += 1
            self.func_attribute(f, key, value)
            i += 1
        f.marker = dis.line_marker(self.files[f.file] if f.file < len(self.files) else "?")
        self.functions.append(f)
        self.context = f

    def func_attribute(self, f: _Func, key: str, value: str) -> None:
        if key == "kinds":
            f.kinds = value
        elif key == "returns":
            f.returns = "" if value == "void" else value
        else:
            lo, hi = (-(1 << 63), 1 << 63) if key == "frame" else (0, 1 << 32)
            setattr(f, "frame" if key == "frame" else key,
                    self.number(_Token("word", value), lo, hi, f"a value for {key}="))

    def dir_local(self, args):
        f = self.in_function(".local")
        self.expect(args, 6, '.local NAME "type" reg|frame OFFSET START END')
        where = args[2].text
        if where not in ("reg", "frame"):
            self.error(f"a local lives in reg or frame, not {where!r}")
        f.locals.append(LocalInfo(self.name(args[0]), self.string(args[1]), where,
                                  self.number(args[3], -(1 << 63), 1 << 63, "an offset"),
                                  self.number(args[4], 0, 1 << 32, "a start index"),
                                  self.number(args[5], 0, 1 << 32, "an end index")))

    def dir_line(self, args):
        f = self.in_function(".line")
        self.expect(args, 1, ".line N")
        f.source_line = self.number(args[0], 0, 1 << 32, "a line number")

    def in_function(self, what: str) -> _Func:
        if not isinstance(self.context, _Func):
            self.error(f"{what} outside a function")
        return self.context

    # ---- data ---------------------------------------------------------------
    def data_line(self, blob: bytearray, tokens: list[_Token]) -> None:
        for t in tokens:
            if t.kind == "str":
                blob += self.string_bytes(t)
            elif t.kind == "word" and _HEX.fullmatch(t.text):
                blob += bytes.fromhex(t.text)
            elif t.kind == "word" and t.text.startswith("&"):
                self.fixups.append((self.context, len(blob), self.data_ref(t.text), self.lineno))
                blob += bytes(8)
            elif t.kind != "comma":
                self.error(f"expected hex bytes, a \"string\" or &label in data, found {t.text!r}")

    # ---- instructions -------------------------------------------------------
    def instruction(self, f: _Func, tokens: list[_Token], comment: str) -> None:
        ins, _ = self.parse_instruction(tokens)
        op, values = isa.BY_NAME[ins[0]], list(ins[1:])
        for kind, v in zip(op.operands, values):
            if kind in "rf":
                self.use_register(f, v, kind)
        self.note_registers(f, op, values)
        marked = self.line_from_comment(f, comment)
        if marked is not None:
            f.source_line = marked
        f.code.append(ins)
        f.where.append(self.lineno)
        f.lines.append(f.source_line)

    def parse_instruction(self, tokens: list[_Token]) -> tuple[tuple, list[int]]:
        """(OPNAME, operand...) and where each starts; AsmError with a column."""
        first = tokens[0]
        op = isa.BY_NAME.get(first.text.upper())
        if op is None or first.kind != "word":
            self.error(f"unknown instruction {first.text!r}", column=first.start)
        operands = self.split_operands(tokens[1:])
        if len(operands) != len(op.operands):
            self.error(f"{op.name} takes {len(op.operands)} operands "
                       f"({', '.join(op.operands) or 'none'}), not {len(operands)}",
                       column=first.start)
        values = []
        for kind, group in zip(op.operands, operands):
            try:
                values.append(self.operand(kind, group))
            except AsmError as exc:
                exc.column = group[0].start if exc.column is None else exc.column
                raise
        return (op.name, *values), [first.start] + [g[0].start for g in operands]

    def split_operands(self, tokens: list[_Token]) -> list[list[_Token]]:
        if not tokens:
            return []
        groups: list[list[_Token]] = [[]]
        for t in tokens:
            if t.kind == "comma":
                groups.append([])
            else:
                groups[-1].append(t)
        for i, g in enumerate(groups):
            if not g:
                comma = [t for t in tokens if t.kind == "comma"][max(i - 1, 0)]
                self.error("missing operand", column=comma.start)
        return groups

    def operand(self, kind: str, group: list[_Token]):
        if kind == "F":
            if len(group) == 2 and group[0].text == "@" and group[1].kind == "str":
                return _Ref("F", self.string(group[1]), quoted=True)
            if len(group) == 1 and group[0].kind == "word" and group[0].text.startswith("@"):
                return self.function_ref(group[0].text[1:], group[0])
            self.error(f"expected a function @name, found {self.show(group)}")
        if len(group) != 1 or group[0].kind != "word":
            self.error(f"unexpected operand {self.show(group)}")
        text = group[0].text
        if kind in "rfb":
            m = _REGISTER.fullmatch(text)
            if m is None or (kind != "b" and m.group(1) != kind):
                want = {"r": "an integer register rN", "f": "a floating register fN",
                        "b": "a register rN or fN"}[kind]
                self.error(f"expected {want}, found {text!r}")
            return self.number(_Token("word", m.group(2)), 0, 256, "a register number (0..255)")
        if kind == "n":
            return self.number(_Token("word", text.removeprefix("#")), 0, 256, "a count (0..255)")
        if kind == "k":
            if text.startswith("&"):
                return self.data_ref(text)
            if not text.startswith("#"):
                self.error(f"expected an immediate #N, found {text!r}")
            return self.number(_Token("word", text[1:]), -(1 << 63), 1 << 63, "a 64-bit integer")
        if kind == "x":
            if not text.startswith("#"):
                self.error(f"expected a floating immediate #X, found {text!r}")
            return self.float_value(text[1:])
        if not dis.IDENT.fullmatch(text):
            self.error(f"expected a label, found {text!r}")
        return _Ref("l", text)

    def function_ref(self, text: str, token: _Token) -> _Ref:
        if token.kind == "str":
            return _Ref("F", self.string(token), quoted=True)
        if not text:
            self.error("expected a function name")
        return _Ref("F", text)

    def data_ref(self, text: str) -> _Ref:
        m = _DATA_REF.fullmatch(text)
        if m is None:
            self.error(f"expected &label or &label+N, found {text!r}")
        addend = 0
        if m.group(2):
            addend = self.number(_Token("word", m.group(3)), 0, 1 << 63, "an offset")
            addend = -addend if m.group(2) == "-" else addend
        return _Ref("&", m.group(1), addend)

    def use_register(self, f: _Func, n: int, letter: str) -> None:
        seen = f.uses.get(n)
        if seen is not None and seen[0] != letter and f.kinds is None:
            self.error(f"register {n} used as both r{n} and f{n} (line {seen[1]}); "
                       f"declare kinds= to say which")
        f.uses.setdefault(n, (letter, self.lineno))

    def note_registers(self, f: _Func, op: isa.Op, values: list) -> None:
        """Track how many registers the code needs, for inferred kinds."""
        for i, (kind, v) in enumerate(zip(op.operands, values)):
            if kind in "rf":
                f.extent = max(f.extent, v + 1)
            elif kind == "b":
                f.extent = max(f.extent, v + values[i + 1])
        if op.name == "SYSCALL":
            f.extent = max(f.extent, values[0] + values[1] + 1)

    def line_from_comment(self, f: _Func, comment: str) -> int | None:
        text = comment.strip()
        prefix = f.marker + ":"
        if text.startswith(prefix):
            digits = re.match(r"\d+", text[len(prefix):])
            if digits:
                return int(digits.group())
        return None

    # ---- values -------------------------------------------------------------
    def number(self, token: _Token, lo: int, hi: int, what: str) -> int:
        try:
            n = int(token.text, 0)
        except ValueError:
            self.error(f"expected {what}, found {token.text!r}")
        if not lo <= n < hi:
            self.error(f"{token.text} is out of range for {what}")
        return n

    def float_value(self, text: str) -> float:
        if text == "nan":
            return struct.unpack("<d", struct.pack("<Q", dis.CANONICAL_NAN))[0]
        if text.startswith("nan:"):
            bits = self.number(_Token("word", text[4:]), 0, 1 << 64, "a NaN bit pattern")
            value = struct.unpack("<d", struct.pack("<Q", bits))[0]
            if value == value:
                self.error(f"{text[4:]} is not the bit pattern of a NaN")
            return value
        try:
            return float(text)
        except ValueError:
            self.error(f"expected a floating-point number, found {text!r}")

    def name(self, token: _Token) -> str:
        if token.kind == "str":
            return self.string(token)
        if token.kind != "word" or not dis.IDENT.fullmatch(token.text):
            self.error(f"expected a name, found {token.text!r}")
        return token.text

    def string(self, token: _Token) -> str:
        if token.kind != "str":
            self.error(f'expected a "string", found {token.text!r}')
        return "".join(chr(p) if isinstance(p, int) else p for p in self.unescape(token.text))

    def string_bytes(self, token: _Token) -> bytes:
        return b"".join(bytes([p]) if isinstance(p, int) else p.encode("utf-8")
                        for p in self.unescape(token.text))

    def unescape(self, literal: str) -> list:
        """The pieces of a string literal: str for plain text, int for an escape."""
        body, pieces, i = literal[1:-1], [], 0
        while i < len(body):
            j = body.find("\\", i)
            if j < 0:
                pieces.append(body[i:])
                break
            if j > i:
                pieces.append(body[i:j])
            c = body[j + 1]
            if c in _ESCAPES:
                pieces.append(_ESCAPES[c])
                i = j + 2
            elif c == "x" and (m := re.match(r"[0-9a-fA-F]{1,2}", body[j + 2:])):
                pieces.append(int(m.group(), 16))
                i = j + 2 + m.end()
            elif m := re.match(r"[0-7]{1,3}", body[j + 1:]):
                value = int(m.group(), 8)
                if value > 255:
                    self.error(f"octal escape \\{m.group()} is out of range")
                pieces.append(value)
                i = j + 1 + m.end()
            else:
                self.error(f"unknown escape \\{c} in string")
        return pieces

    @staticmethod
    def show(group: list[_Token]) -> str:
        return repr(" ".join(t.text for t in group)) if group else "nothing"

    # ---- resolving ----------------------------------------------------------
    def finish(self) -> Program:
        by_name: dict[str, list[int]] = {}
        for i, f in enumerate(self.functions):
            by_name.setdefault(f.name, []).append(i)
        functions = [self.build(f, by_name) for f in self.functions]
        entry = self.resolve_entry(by_name)
        program = Program(functions=functions, entry=entry, rodata=b"", data=b"",
                          bss_size=self.bss, symbols=self.symbols, files=self.files)
        lay = layout([fn.code_size() for fn in functions], len(self.sections["rodata"]),
                     len(self.sections["data"]), self.bss)
        bases = {"rodata": lay.rodata_base, "data": lay.data_base, "bss": lay.bss_base}
        for section, at, ref, line in self.fixups:
            address = self.data_address(ref, bases, line)
            self.sections[section][at:at + 8] = struct.pack("<Q", address & (1 << 64) - 1)
        for fn, f in zip(functions, self.functions):
            for j, ins in enumerate(fn.code):
                if any(isinstance(v, _Ref) for v in ins):
                    fn.code[j] = tuple(self.data_address(v, bases, f.where[j])
                                       if isinstance(v, _Ref) else v for v in ins)
        program.rodata = bytes(self.sections["rodata"])
        program.data = bytes(self.sections["data"])
        return program

    def data_address(self, ref: _Ref, bases: dict, line: int) -> int:
        if ref.name not in self.data_labels:
            self.error(f"undefined data label {ref.name!r}", line)
        section, offset, _ = self.data_labels[ref.name]
        return bases[section] + offset + ref.addend

    def resolve_function(self, ref: _Ref, by_name: dict, line: int) -> int:
        if not ref.quoted and ref.name.isdigit():
            return int(ref.name)
        found = by_name.get(ref.name, [])
        if not found:
            self.error(f"undefined function {ref.name!r}", line)
        if len(found) > 1:
            self.error(f"function name {ref.name!r} is ambiguous (functions "
                       f"{', '.join(map(str, found))}); refer to one as @INDEX", line)
        return found[0]

    def resolve_entry(self, by_name: dict) -> int:
        if self.entry is not None:
            return self.resolve_function(self.entry[0], by_name, self.entry[1])
        for candidate in ("_start", "main"):
            if len(by_name.get(candidate, [])) == 1:
                return by_name[candidate][0]
        return 0

    def build(self, f: _Func, by_name: dict) -> Function:
        for label in f.labels.values():
            if label >= len(f.code):
                self.error(f"label at the end of function {f.name!r} marks no instruction", f.line)
        code = []
        for ins, line in zip(f.code, f.where):
            operands = []
            for v in ins[1:]:
                if isinstance(v, _Ref) and v.kind == "l":
                    if v.name not in f.labels:
                        self.error(f"undefined label {v.name!r}", line)
                    v = f.labels[v.name]
                elif isinstance(v, _Ref) and v.kind == "F":
                    v = self.resolve_function(v, by_name, line)
                operands.append(v)
            code.append((ins[0], *operands))
        return Function(name=f.name, nparams=f.params, kinds=self.kinds(f),
                        returns=f.returns, frame_size=f.frame, code=code, lines=f.lines,
                        file=f.file, variadic=f.variadic, static=f.static, locals=f.locals)

    @staticmethod
    def kinds(f: _Func) -> str:
        if f.kinds is not None:
            return f.kinds
        n = max(f.extent, f.params, max(f.uses, default=-1) + 1)
        return "".join("d" if f.uses.get(i, ("r",))[0] == "f" else "q" for i in range(n))

    # ---- verifying ----------------------------------------------------------
    def check(self, program: Program) -> None:
        v = first_violation(program)
        if v is None:
            return
        line = 1
        if v.part == "entry" and self.entry is not None:
            line = self.entry[1]
        elif v.function is not None:
            f = self.functions[v.function]
            line = f.where[v.index] if v.index is not None else f.line
        raise AsmError(self.filename, line, v.describe(program))
