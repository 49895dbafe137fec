"""The incremental linker: compiled objects loaded into a running machine.

A REPL input (or a debugger's expression) compiles to an `Object` whose
code names other symbols; `Loader.load` resolves those names and adds the
object's functions and data to the live machine (Machine.add_function),
loading from the stdlib, on first use, what it needs (with archive
semantics, as compiler/link.py does).  Names resolve, in order: the
object's own definitions; names loaded before; a caller-supplied resolver
(a debugger's frame variables); the stdlib.

Where things go.  `new_machine` builds the REPL's first image itself (the
stdlib's `__stdio_init` and what it needs) with the layout of
pvm/bytecode/program.py, except that rodata starts with TEXT_RESERVE zero bytes: a
read-only area right after the text where later functions and string
literals are placed, so that function pointers stay text addresses (the
JIT's indirect calls check them against the text end, which is moved to the
end of that area).  Writable data goes into chunks taken from the heap by
moving the break, as sbrk would (malloc closes the gap it finds).  A machine
built otherwise (the debugger's program) gets its new text in such chunks
too.

Redefinition (see compiler/incremental.py): a function defined again with
the same calling shape (parameter kinds, result, variadic) replaces the old
one in place: it keeps its index, so every call already compiled, and every
pointer to its old address, reaches the new code; a new shape gets a new
index, and what was compiled against the old one keeps calling the old one
(`Loaded.stale` names such callers).  A variable defined again is new
storage.
"""
from __future__ import annotations

import dataclasses

from compiler.diagnostics import CompileError
from compiler.obj import Object, Ref

from pvm import isa
from pvm.bytecode.program import Function, LocalInfo, Program, Symbol, align, layout

TEXT_RESERVE = 4 << 20           # bytes of text space for functions loaded later
DATA_CHUNK = 64 << 10            # heap taken at a time for loaded data
ROOTS = ("__stdio_init", "fflush")


class Arena:
    """A bump allocator over [at, limit)."""

    def __init__(self, at: int, limit: int):
        self.at, self.limit = at, limit

    def take(self, size: int, alignment: int) -> int | None:
        a = align(self.at, max(alignment, 1))
        if a + size > self.limit:
            return None
        self.at = a + size
        return a


@dataclasses.dataclass
class Loaded:
    """What one load did."""
    functions: dict = dataclasses.field(default_factory=dict)   # name -> index
    data: dict = dataclasses.field(default_factory=dict)        # name -> address
    replaced: list = dataclasses.field(default_factory=list)    # names replaced in place
    stale: list = dataclasses.field(default_factory=list)       # (caller, callee) still calling an old one


class _Item:
    __slots__ = ("key", "obj", "thing", "is_func", "index", "address", "replaces")

    def __init__(self, key, obj, thing, is_func):
        self.key, self.obj, self.thing, self.is_func = key, obj, thing, is_func
        self.index = -1
        self.address = 0
        self.replaces = None


def _shape(f) -> tuple:
    return (f.kinds[:f.nparams], f.returns, f.variadic)


class Loader:
    def __init__(self, machine, text: Arena | None = None, resolve=None, stdlib=None):
        self.m = machine
        self.text = text                 # None: text goes into heap chunks too
        self.data: Arena | None = None
        self.resolve = resolve           # name -> ("addr", address) | ("fn", index) | None
        self.names: dict = {}            # name -> ("fn", index) | ("addr", address)
        self.private: dict = {}          # (object name, name) -> location, for stdlib statics
        if stdlib is None:
            from compiler.stdlib_cache import stdlib_objects
            stdlib = stdlib_objects()
        self.stdlib = {}                 # name -> (object, thing, is_func): global definitions
        for obj in stdlib:
            for f in obj.functions:
                if not f.static:
                    self.stdlib.setdefault(f.name, (obj, f, True))
            for d in obj.datas:
                if not d.static:
                    self.stdlib.setdefault(d.name, (obj, d, False))

    # ---- looking things up --------------------------------------------------------
    def function(self, name: str) -> int | None:
        """Index of a loaded (or loadable stdlib) function, loading it if needed."""
        loc = self.names.get(name)
        if loc is None and name in self.stdlib and self.stdlib[name][2]:
            self.load([], roots=[name])
            loc = self.names.get(name)
        return loc[1] if loc is not None and loc[0] == "fn" else None

    def address(self, name: str) -> int | None:
        loc = self.names.get(name)
        if loc is None:
            return None
        return self.m.layout.function_address[loc[1]] if loc[0] == "fn" else loc[1]

    # ---- planning: what to load -----------------------------------------------------
    def _plan(self, objects: list[Object], roots=()) -> list[_Item]:
        items, pending = [], {}

        def add(obj, thing, is_func):
            key = (obj.name, thing.name)
            if key not in pending:
                pending[key] = it = _Item(key, obj, thing, is_func)
                items.append(it)
            return pending[key]

        for obj in objects:
            for f in obj.functions:
                add(obj, f, True)
            for d in obj.datas:
                add(obj, d, False)
        for name in roots:
            obj, thing, is_func = self.stdlib[name]
            add(obj, thing, is_func)
        own = {obj.name for obj in objects}
        errors = []
        i = 0
        while i < len(items):
            it = items[i]
            i += 1
            for name in _references(it.thing):
                if (it.obj.name, name) in pending or (it.obj.name, name) in self.private:
                    continue
                here = _definition(it.obj, name)
                if here is not None and (it.obj.name in own or here[0].static):
                    add(it.obj, *here)
                    continue
                if name in self.names or (self.resolve and self.resolve(name)):
                    continue
                if here is not None:
                    add(it.obj, *here)
                elif name in self.stdlib:
                    add(*self.stdlib[name])
                else:
                    who = f"in function '{it.thing.name}': " if it.is_func else ""
                    msg = f"{it.obj.name}: {who}undefined reference to '{name}'"
                    if msg not in errors:
                        errors.append(msg)
        if errors:
            raise CompileError("\n".join(errors))
        return items

    def _locate(self, it: _Item, name: str, items_by_key: dict) -> tuple:
        """(kind, index or address, address) for a reference from `it` to
        `name`, resolved in the order _plan found it."""
        target = items_by_key.get((it.obj.name, name))
        if target is None:
            loc = self.private.get((it.obj.name, name)) or self.names.get(name) \
                or (self.resolve and self.resolve(name))
            if loc is not None:
                if loc[0] == "fn":
                    return ("fn", loc[1], self.m.layout.function_address[loc[1]])
                return ("addr", loc[1], loc[1])
            obj, thing, _ = self.stdlib[name]
            target = items_by_key[(obj.name, thing.name)]
        if target.is_func:
            return ("fn", target.index, target.address)
        return ("addr", target.address, target.address)

    def _patched(self, it: _Item, items_by_key: dict) -> tuple[list, list]:
        """The item's code (functions) or bytes (data) with every name resolved."""
        def value(x):
            if not isinstance(x, Ref):
                return x
            loc = self._locate(it, x.name, items_by_key)
            if x.kind == "fn":
                if loc[0] != "fn":
                    raise CompileError(f"'{x.name}' is not a function")
                return loc[1]
            return loc[2] + x.addend

        if it.is_func:
            return [tuple([ins[0]] + [value(x) for x in ins[1:]]) for ins in it.thing.code], []
        buf = bytearray(it.thing.data)
        for off, name, addend in it.thing.relocs:
            address = self._locate(it, name, items_by_key)[2]
            buf[off:off + 8] = ((address + addend) & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")
        return [], bytes(buf)

    def _function(self, it: _Item, code: list) -> Function:
        f = it.thing
        files = self.program.files
        if f.file not in files:
            files.append(f.file)
        return Function(name=f.name, nparams=f.nparams, kinds=f.kinds, returns=f.returns,
                        frame_size=f.frame_size, code=code, lines=list(f.lines),
                        file=files.index(f.file), variadic=f.variadic, static=f.static,
                        locals=[LocalInfo(*loc) for loc in f.locals])

    @property
    def program(self) -> Program:
        return self.m.program

    # ---- loading into the running machine ------------------------------------------------
    def load(self, objects: list[Object], roots=()) -> Loaded:
        """Add `objects` (and what they need) to the machine (CompileError
        with linker-style text if a name cannot be resolved)."""
        m = self.m
        items = self._plan(objects, roots)
        user = {obj.name for obj in objects}
        out = Loaded()
        n = len(m.program.functions)
        for it in items:                                  # indices first: code names them
            if it.is_func:
                old = self.names.get(it.thing.name) if it.obj.name in user else None
                if old is not None and old[0] == "fn" and \
                        _shape(m.program.functions[old[1]]) == _shape(it.thing):
                    it.index = it.replaces = old[1]
                else:
                    it.index = n
                    n += 1
        for it in items:                                  # then addresses
            size = _code_size(it.thing.code) if it.is_func else max(it.thing.size, 1)
            if it.is_func or it.thing.section == "rodata":
                it.address = self._take_text(size, 16 if it.is_func else it.thing.align)
            else:
                it.address = self._take_data(size, it.thing.align)
        by_key = {it.key: it for it in items}
        placed = []
        for it in items:
            code, data = self._patched(it, by_key)
            placed.append((it, code, data))
        for it, code, data in sorted(placed, key=lambda p: p[0].index if p[0].is_func else -1):
            if it.is_func:
                fn = self._function(it, code)
                if it.replaces is not None:
                    m.replace_function(it.index, fn, it.address)
                    out.replaced.append(fn.name)
                else:
                    k = m.add_function(fn, it.address)
                    assert k == it.index
                    old = self.names.get(fn.name) if it.obj.name in user else None
                    if old is not None and old[0] == "fn":
                        out.stale += [(m.program.functions[c].name, fn.name)
                                      for c in self._callers(old[1])]
                m.program.symbols.append(Symbol(fn.name, "func", it.address, _code_size(code)))
            else:
                d = it.thing
                if data:
                    m.mem[it.address:it.address + len(data)] = data
                if d.section == "rodata" and self.text is not None:
                    rel = it.address - m.layout.rodata_base
                    m.program.rodata[rel:rel + len(data)] = data
                m.program.symbols.append(Symbol(d.name, "data", it.address, d.size, d.type))
        for it in items:                                  # publish the names
            loc = ("fn", it.index) if it.is_func else ("addr", it.address)
            name = it.thing.name
            if it.obj.name in user:
                if not name.startswith("."):
                    self.names[name] = loc
                    (out.functions if it.is_func else out.data)[name] = loc[1]
            elif it.thing.static:
                self.private[it.key] = loc
            else:
                self.names.setdefault(name, loc)
        self._verify([it.index for it in items if it.is_func])
        return out

    def _callers(self, k: int) -> list[int]:
        return [i for i, f in enumerate(self.m.program.functions)
                if any(ins[0] in ("CALL", "FCALL") and ins[2] == k for ins in f.code)]

    def _verify(self, indices) -> None:
        """Loaded code meets the verifier's rules, like any loaded program."""
        from pvm.bytecode import verify
        p = self.m.program
        try:
            for k in indices:
                f = p.functions[k]
                verify._check_signature(p, k, f)
                for j, ins in enumerate(f.code):
                    verify._check_instruction(p, k, f, j, ins)
        except verify._Broken as b:
            raise CompileError(f"internal compiler error: loaded code is invalid: "
                               f"{b.violation.describe(p)}") from None

    def _take_text(self, size: int, alignment: int) -> int:
        if self.text is None:
            return self._take_data(size, alignment)
        a = self.text.take(size, alignment)
        if a is None:
            raise CompileError(f"error: the REPL's text space ({TEXT_RESERVE >> 20} MiB) is full; "
                               ":reset starts afresh")
        return a

    def _take_data(self, size: int, alignment: int) -> int:
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


def _definition(obj, name: str):
    """(thing, is_func) if `obj` defines `name`."""
    for f in obj.functions:
        if f.name == name:
            return f, True
    for d in obj.datas:
        if d.name == name:
            return d, False
    return None


def _references(thing) -> list[str]:
    if hasattr(thing, "code"):
        return [x.name for ins in thing.code for x in ins[1:] if isinstance(x, Ref)]
    return [r[1] for r in thing.relocs]


def _code_size(code) -> int:
    size = isa.SIZE
    return sum(size[ins[0]] for ins in code)


# ---- the REPL's first image -------------------------------------------------------------

def new_machine(*, os=None, memory=None, stack=None, tier: str = "interp", roots=ROOTS):
    """A machine holding the stdlib's start-up code and room for more, and
    its Loader.  The C library is initialised (`__stdio_init` has run)."""
    from pvm.machine.state import Machine
    from pvm.bytecode.program import DEFAULT_MEMORY, DEFAULT_STACK
    loader = Loader(None)
    items = loader._plan([], roots)
    funcs = [it for it in items if it.is_func]
    for k, it in enumerate(funcs):
        it.index = k
    sections = {s: [it for it in items if not it.is_func and it.thing.section == s]
                for s in ("rodata", "data", "bss")}
    sizes = {}
    for s, group in sections.items():
        at = TEXT_RESERVE if s == "rodata" else 0
        for it in group:
            at = align(at, it.thing.align)
            it.address = at
            at += it.thing.size
        sizes[s] = at
    lay = layout([_code_size(it.thing.code) for it in funcs], sizes["rodata"], sizes["data"], sizes["bss"])
    bases = {"rodata": lay.rodata_base, "data": lay.data_base, "bss": lay.bss_base}
    for s, group in sections.items():
        for it in group:
            it.address += bases[s]
    for it in funcs:
        it.address = lay.function_address[it.index]
    by_key = {it.key: it for it in items}
    blobs = {"rodata": bytearray(sizes["rodata"]), "data": bytearray(sizes["data"])}
    program = Program(functions=[], entry=0, files=[], bss_size=sizes["bss"])
    loader.m = _Shell(program, lay)
    for it in items:
        code, data = loader._patched(it, by_key)
        if it.is_func:
            program.functions.append(loader._function(it, code))
            program.symbols.append(Symbol(it.thing.name, "func", it.address, _code_size(code)))
        else:
            if it.thing.section in blobs:
                off = it.address - bases[it.thing.section]
                blobs[it.thing.section][off:off + len(data)] = data
            program.symbols.append(Symbol(it.thing.name, "data", it.address, it.thing.size, it.thing.type))
    program.rodata = blobs["rodata"]
    program.data = bytes(blobs["data"])
    program.entry = by_key[(loader.stdlib[roots[0]][0].name, roots[0])].index
    m = Machine(program, memory=memory or DEFAULT_MEMORY, stack=stack or DEFAULT_STACK, os=os)
    m.layout = dataclasses.replace(m.layout, text_end=lay.rodata_base + TEXT_RESERVE)
    loader.m = m
    loader.text = Arena(lay.rodata_base, lay.rodata_base + TEXT_RESERVE)
    for it in items:
        loc = ("fn", it.index) if it.is_func else ("addr", it.address)
        if it.thing.static:
            loader.private[it.key] = loc
        else:
            loader.names.setdefault(it.thing.name, loc)
    m.call_function(program.entry)
    if tier != "interp":
        m.set_tier(tier)
    return m, loader


class _Shell:
    """Stands in for the machine while the first image is put together."""

    def __init__(self, program, lay):
        self.program, self.layout = program, lay
