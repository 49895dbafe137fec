"""Loading into a running machine: compiler/link.py's incremental mode, applied live.

A REPL input (or a debugger's expression) compiles to an `Object` whose
code names other symbols.  `Loader.load` links it with a
compiler.link.Linker (which resolves its names against what is loaded, the
debugger's frame variables and the stdlib, pulling from the stdlib what is
needed, and numbers and places everything) and applies the result to the
live machine: Machine.add_function / replace_function for code, bytes
written into guest memory for data.  What is here is only the machine's
side: where new text and data go, and putting them there.

Where things go.  `new_machine` builds the REPL's first image (the stdlib's
`__stdio_init` and what it needs) with the program layout, except that
rodata starts with TEXT_RESERVE zero bytes: a read-only area right after
the text where later functions and string literals are placed, so that
function pointers stay text addresses (the JIT's indirect calls check them
against the text end, which is moved to the end of that area).  Writable
data goes into chunks taken from the heap by moving the break, as sbrk
would (malloc closes the gap it finds).  A machine built otherwise (the
debugger's program) gets its new text in such chunks too.

Redefinition (see compiler/incremental.py and compiler/link.py): a function
defined again with the same calling shape replaces the old one in place,
keeping its index; a new shape gets a new index, and what was compiled
against the old one keeps calling the old one (`Linked.stale` names such
callers).  A variable defined again is new storage.
"""
from __future__ import annotations

from compiler.diagnostics import CompileError
from compiler.link import Arena, ArenaPlacement, LayoutPlacement, Linked, Linker, program_of
from compiler.obj import Object

from pvm.bytecode.program import align

TEXT_RESERVE = 4 << 20           # bytes of text space for functions loaded later
DATA_CHUNK = 64 << 10            # heap taken at a time for loaded data
ROOTS = ("__stdio_init", "fflush")


class MachinePlacement(ArenaPlacement):
    """The linker's placement for a live machine: functions and rodata into
    the text arena (or, without one, heap chunks), writable data into heap
    chunks taken by moving the machine's break."""
    function_align = 16

    def __init__(self, machine, text: Arena | None):
        super().__init__({})
        self.m, self.text = machine, text
        self.data: Arena | None = None

    def take(self, area: str, size: int, alignment: int) -> int:
        if area in ("text", "rodata") and self.text is not None:
            a = self.text.take(size, alignment)
            if a is None:
                raise CompileError(f"error: the REPL's text space ({TEXT_RESERVE >> 20} MiB) is full; "
                                   ":reset starts afresh")
            return a
        if self.data is not None:
            a = self.data.take(size, alignment)
            if a is not None:
                return a
        m = self.m
        start = align(m.brk, 16)
        length = align(max(size + alignment, DATA_CHUNK), 16)
        if start + length > m.stack_limit - 0x1000:
            raise CompileError("error: out of guest memory for loaded data")
        m.brk = start + length
        self.data = Arena(start, start + length)
        return self.data.take(size, alignment)


def _linker(stdlib, resolve, placement) -> Linker:
    if stdlib is None:
        from compiler.driver import stdlib_objects
        stdlib = stdlib_objects()
    # one translation unit growing input by input: its statics stay visible,
    # and a name defined again is a redefinition, not a conflict
    return Linker(stdlib, placement=placement, redefine=True, shared_statics=True, resolve=resolve)


class Loader:
    def __init__(self, machine, text: Arena | None = None, resolve=None, stdlib=None, names=None,
                 linker: Linker | None = None):
        """`names` (name -> ("fn", index) | ("addr", address)): what the
        machine's program already defines; `resolve(name)` is asked for a
        name nothing loaded defines, before the stdlib."""
        self.m = machine
        self.linker = linker or _linker(stdlib, resolve, None)
        self.linker.placement = MachinePlacement(machine, text)
        if linker is None:
            self.linker.seed(machine.program, names or {}, machine.layout.function_address)

    @property
    def names(self) -> dict:
        """name -> ("fn", index) | ("addr", address) of what is loaded."""
        return self.linker.symbols

    # ---- looking things up --------------------------------------------------------
    def function(self, name: str) -> int | None:
        """Index of a loaded (or loadable stdlib) function, loading it if needed."""
        lib = self.linker.library.get(name)
        if name not in self.linker.symbols and lib is not None and lib[2]:
            self.load([], roots=[name])
        return self.linker.function(name)

    def address(self, name: str) -> int | None:
        return self.linker.address(name)

    # ---- loading into the running machine ------------------------------------------------
    def load(self, objects: list[Object], roots=()) -> Linked:
        """Add `objects` (and what they need) to the machine (CompileError
        with linker-style text if a name cannot be resolved)."""
        m = self.m
        linked = self.linker.link(objects, roots)
        m.program.files.extend(linked.files)
        for lf in linked.functions:
            if lf.replaces:
                m.replace_function(lf.index, lf.function, lf.address)
            else:
                k = m.add_function(lf.function, lf.address)
                assert k == lf.index, (k, lf.index)
        text = self.linker.placement.text
        for d in linked.data:
            if d.data:
                m.mem[d.address:d.address + len(d.data)] = d.data
                if d.section == "rodata" and text is not None:   # the image's rodata holds the text arena
                    rel = d.address - m.layout.rodata_base
                    m.program.rodata[rel:rel + len(d.data)] = d.data
        m.program.symbols.extend(linked.symbols)
        self._verify([lf.index for lf in linked.functions])
        return linked

    def _verify(self, indices) -> None:
        """Loaded code meets the verifier's rules, like any loaded program."""
        from pvm.bytecode.verify import first_violation_in
        p = self.m.program
        violation = first_violation_in(p, list(indices))
        if violation is not None:
            raise CompileError(f"internal compiler error: loaded code is invalid: "
                               f"{violation.describe(p)}")


# ---- the REPL's first image -------------------------------------------------------------

def new_machine(*, os=None, memory=None, stack=None, tier: str = "interp", roots=ROOTS, stdlib=None):
    """A machine holding the stdlib's start-up code and room for more, the
    Runner that runs it (pvm/exec/loop.py), and its Loader: (runner,
    loader).  The C library is initialised (`__stdio_init` has run)."""
    from pvm.exec.loop import Runner
    from pvm.machine.state import Machine
    from pvm.bytecode.program import DEFAULT_STACK
    placement = LayoutPlacement(rodata_reserve=TEXT_RESERVE)
    linker = _linker(stdlib, None, placement)
    linked = linker.link([], roots)
    program = program_of(linked, linker.files, entry=linked.roots[roots[0]][1])
    program.rodata = bytearray(program.rodata)      # the text arena: loaded later, kept in the image
    m = Machine(program, memory=memory, stack=stack or DEFAULT_STACK, os=os)
    lay = placement.layout
    m.space.layout = m.layout.replace(text_end=lay.rodata_base + TEXT_RESERVE)
    loader = Loader(m, Arena(lay.rodata_base, lay.rodata_base + TEXT_RESERVE), linker=linker)
    runner = Runner(m)
    runner.call_function(program.entry)
    if tier != "interp":
        runner.set_tier(tier)
    return runner, loader
