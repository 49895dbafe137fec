"""A linked pvm program in memory, and the guest memory layout it loads into.

This is the plain data that flows between the stages: the compiler's linker
produces a Program, `bcfile` writes and reads it, `verify` checks it, and the
machine loads it.  Nothing here runs code.

Guest memory (one flat little-endian buffer, addresses are byte offsets):

    0x0000_0000  unmapped guard (NULL and small offsets from it fault)
    TEXT_BASE    text: every function's encoded bytecode, in order; a function
                 pointer or return address is a text address
                 rodata: string literals and other constants (read-only)
    data_base    data: initialised globals and static locals (page aligned)
                 bss: zero-initialised globals
    heap_base    heap, grown upward by the sbrk system call
       ...
    stack_limit  lowest address the stack may use (stack_top - stack size)
    stack_top    initial SP; the stack grows down
                 argv strings and the argv array (top of memory)
"""
from __future__ import annotations

import os

from pvm import isa

TEXT_BASE = 0x10000          # below this every access faults
PAGE = 0x1000
BOOT_MEMORY = 64 << 20       # physical memory of a booted OS (pvm boot): its
                             # kernel puts every page on a free list, so it is small
DEFAULT_STACK = 8 << 20      # bytes of stack
ARGS_AREA = 64 << 10         # top of memory reserved for argv strings

# Frame layout, set up by CALL (stack grows down; FP is the callee's frame
# pointer):
#   FP + 16 + 8*i   variadic argument i (pushed by the caller, 8-byte slots)
#   FP + 8          return address (text address; 0 = return to the host)
#   FP + 0          the caller's FP
#   FP - 8*nregs    register save area: CALL spills the caller's registers
#                   here, RET reloads them (this is what makes the call stack
#                   live entirely in guest memory)
#   FP - 8*nregs - frame_size   memory locals (arrays, address-taken
#                   variables), addressed with FRAME r, -offset
FRAME_LINK = 16              # bytes of return address + saved FP


def align(n: int, a: int) -> int:
    return (n + a - 1) // a * a


MIN_DEFAULT_MEMORY = 256 << 20
MAX_DEFAULT_MEMORY = 64 << 30


def default_memory() -> int:
    """Guest memory of a `pvm run` when --memory does not say: a quarter of
    the host's physical memory (a JVM's default maximum heap), at least
    256 MiB, at most 64 GiB, in whole MiB.  It is reserved, not used: the
    machine maps it as anonymous memory that takes host pages only when
    the guest touches them (Machine.__init__), so a large default costs a
    small program nothing, and a big one gets what gcc's would."""
    try:
        host = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        host = 4 * MIN_DEFAULT_MEMORY
    quarter = (host // 4) >> 20 << 20
    return max(MIN_DEFAULT_MEMORY, min(MAX_DEFAULT_MEMORY, quarter))


class Record:
    """What @dataclass would give these classes, written out: `pvm run`
    imports this module, and dataclasses costs a start-up ~7 ms (it imports
    inspect).  Each subclass lists its fields in __slots__, in constructor
    order; equality compares them all (those in `_uncompared` excepted),
    the repr shows them; mutable records are unhashable, as dataclasses'."""
    __slots__ = ()
    _uncompared: tuple = ()
    __hash__ = None             # type: ignore[assignment]

    def _compared(self) -> tuple:
        skip = self._uncompared
        return tuple(getattr(self, f) for f in self.__slots__ if f not in skip)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()

    def __repr__(self) -> str:
        skip = self._uncompared
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__ if f not in skip)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self):       # copy, deepcopy and pickle: through __init__
        return (type(self), tuple(getattr(self, f) for f in self.__slots__))


class LocalInfo(Record):
    """Debug information: where a named local lives (for the debugger)."""
    __slots__ = ("name", "type", "where", "offset", "start", "end")
    name: str
    type: str                # C spelling of the type, e.g. "int *"
    where: str               # "reg" or "frame"
    offset: int              # register number, or FP-relative byte offset
    start: int               # instruction range in which it is in scope
    end: int

    def __init__(self, name: str, type: str, where: str, offset: int, start: int = 0,
                 end: int = 0):
        self.name, self.type, self.where, self.offset = name, type, where, offset
        self.start, self.end = start, end


class Function(Record):
    __slots__ = ("name", "nparams", "kinds", "returns", "frame_size", "code", "lines", "file",
                 "variadic", "static", "locals")
    name: str
    nparams: int
    kinds: str               # one letter per register: 'q' integer, 'd' floating
    returns: str             # 'q', 'd', or '' for void
    frame_size: int          # bytes of memory locals (multiple of 16)
    code: list[tuple]        # instructions: (OPNAME, operand, ...)
    lines: list[int]         # source line of each instruction (0 = none)
    file: int                # index into Program.files
    variadic: bool
    static: bool             # not visible outside its unit
    locals: list[LocalInfo]

    def __init__(self, name: str, nparams: int, kinds: str, returns: str, frame_size: int,
                 code: list, lines: list, file: int = 0, variadic: bool = False,
                 static: bool = False, locals: list | None = None):
        self.name, self.nparams, self.kinds, self.returns = name, nparams, kinds, returns
        self.frame_size, self.code, self.lines, self.file = frame_size, code, lines, file
        self.variadic, self.static = variadic, static
        self.locals = [] if locals is None else locals

    @property
    def nregs(self) -> int:
        return len(self.kinds)

    @property
    def frame_bytes(self) -> int:
        """Bytes of its frame below FP: register save area, then locals."""
        return 8 * len(self.kinds) + self.frame_size

    @property
    def call_shape(self) -> int:
        """Register arguments a call passes: nparams, or -1 if variadic
        (a variadic callee takes its extra arguments in memory)."""
        return -1 if self.variadic else self.nparams

    def code_size(self) -> int:
        size = isa.SIZE
        return sum(size[ins[0]] for ins in self.code)


class Symbol(Record):
    __slots__ = ("name", "kind", "address", "size", "type")
    name: str
    kind: str                # 'func' or 'data'
    address: int
    size: int
    type: str                # C spelling of the type, for debuggers

    def __init__(self, name: str, kind: str, address: int, size: int, type: str = ""):
        self.name, self.kind, self.address, self.size, self.type = name, kind, address, size, type


class Program(Record):
    __slots__ = ("functions", "entry", "rodata", "data", "bss_size", "symbols", "files",
                 "digest")
    # the digest is not part of the program's value (nor of its repr)
    _uncompared = ("digest",)
    functions: list[Function]
    entry: int               # index of the function the machine calls first
    rodata: bytes
    data: bytes
    bss_size: int
    symbols: list[Symbol]
    files: list[str]
    # sha256 of the encoded bytecode, set by whoever read or wrote the file;
    # keys the caches of translated and native code.  Not part of the file.
    digest: str

    def __init__(self, functions: list, entry: int, rodata: bytes = b"", data: bytes = b"",
                 bss_size: int = 0, symbols: list | None = None, files: list | None = None,
                 digest: str = ""):
        self.functions, self.entry, self.rodata, self.data = functions, entry, rodata, data
        self.bss_size = bss_size
        self.symbols = [] if symbols is None else symbols
        self.files = [] if files is None else files
        self.digest = digest

    def plain(self) -> tuple:
        """The program as tuples, lists, strings, numbers and bytes: what
        marshal stores, and loads about five times faster than bcfile
        decodes the same program (the compile cache keeps both)."""
        def fields(record):
            return tuple(getattr(record, f) for f in record.__slots__)
        functions = [fields(f)[:-1] + ([fields(v) for v in f.locals],) for f in self.functions]
        return (functions, self.entry, self.rodata, self.data, self.bss_size,
                [fields(s) for s in self.symbols], self.files)

    @classmethod
    def from_plain(cls, plain: tuple, digest: str) -> "Program":
        """The inverse of plain(), for what plain() made (nothing is checked)."""
        functions, entry, rodata, data, bss_size, symbols, files = plain
        return cls([Function(*f[:-1], [LocalInfo(*v) for v in f[-1]]) for f in functions],
                   entry, rodata, data, bss_size, [Symbol(*s) for s in symbols], files, digest)

    def function_index(self, name: str) -> int:
        for i, f in enumerate(self.functions):
            if f.name == name:
                return i
        raise KeyError(name)


class Layout(Record):
    """Where each part of a program sits in guest memory (immutable:
    `replace` makes a changed copy)."""
    __slots__ = ("function_address", "text_end", "rodata_base", "data_base", "bss_base",
                 "heap_base")
    function_address: tuple  # text address of each function
    text_end: int
    rodata_base: int
    data_base: int
    bss_base: int
    heap_base: int

    def __init__(self, function_address: tuple, text_end: int, rodata_base: int,
                 data_base: int, bss_base: int, heap_base: int):
        put = object.__setattr__
        for name, value in zip(self.__slots__, (function_address, text_end, rodata_base,
                                                data_base, bss_base, heap_base)):
            put(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of a Layout (use replace)")

    __delattr__ = __setattr__

    def __hash__(self) -> int:
        return hash(self._compared())

    def replace(self, **changes) -> Layout:
        """A copy with some fields changed (dataclasses.replace)."""
        values = {f: getattr(self, f) for f in self.__slots__}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"Layout has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return Layout(**values)


def layout(function_sizes: list[int], rodata_size: int, data_size: int,
           bss_size: int) -> Layout:
    """Place a program's parts.  Depends only on sizes, so the compiler can
    lay out before it knows the bytes (immediates have a fixed size)."""
    addrs = []
    at = TEXT_BASE
    for size in function_sizes:
        addrs.append(at)
        at += size
    rodata_base = align(at, 16)
    data_base = align(rodata_base + rodata_size, PAGE)
    bss_base = align(data_base + data_size, 16)
    heap_base = align(bss_base + bss_size, PAGE)
    return Layout(tuple(addrs), at, rodata_base, data_base, bss_base, heap_base)


def program_layout(p: Program) -> Layout:
    return layout([f.code_size() for f in p.functions], len(p.rodata),
                  len(p.data), p.bss_size)
