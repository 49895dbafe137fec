"""The linker: Objects -> one pvm.program.Program, at once or step by step.

Like a static linker with archive semantics: starting from the entry
function (`_start`), it keeps every function and data object reachable
through references, so unused stdlib functions are dropped.  Each object's
`static` names resolve inside that object first, then global names across
all objects.  Problems are reported as a linker does: "multiple definition
of 'f'", "undefined reference to 'g'".  Layout (pvm.program.layout) depends
only on sizes, so addresses are known before any byte is patched.
Output depends only on the inputs' order and contents (deterministic).

Incremental linking is a mode of the same code.  A `Linker` holds the
symbol table and the placement state of what is linked so far, and
`Linker.link(objects, roots)` links one more step against it: the step's
`objects` are kept whole (a REPL input), the library's members only as far
as they are reachable (archive semantics again), and the result (`Linked`)
says what is new, what replaced what, and where everything went.  The batch
`link()` is one such step on a fresh Linker, rooted at the entry, whose
program objects (the translation units) and library (the stdlib) are both
taken as far as reachable.  Names resolve, in order: a static of the
referring object; for a library member, the library's own definition (its
internal references bind locally, as in glibc's shared libc, so printf
uses the library's strlen even where the program defines one); a global of
this step's objects; what earlier steps linked; the caller's `resolve` hook
(a debugger's frame variables); the program objects; the library.

The library is an archive whose members are its single definitions (with
the statics they use), as glibc's are mostly one function per member: so a
name the program defines is simply not taken from it, never a "multiple
definition".  (Taking a stdlib .c file whole, as ld takes an archive
member, would make a user `abort` collide with the `exit` every program
needs from the same stdlib.c.)  Two definitions within the program, or
within the library, are multiple definitions.

Where things go is the `placement`'s business: `LayoutPlacement` is the
program layout of pvm/bytecode/program.py (text, then rodata, data, bss,
each in input order), for a first step; `ArenaPlacement` puts each later
step after what exists; a live machine refines the latter
(pvm/tools/repl/loader.py).  Function indices are the linker's: new
functions are numbered after the existing ones, except that with
`redefine=True` a function defined again with the same calling shape
(parameter kinds, result, variadic) takes the old one's index, so every
call already compiled reaches the new code (compiler/incremental.py).
Without `redefine`, a name defined again is a multiple definition.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pvm import isa
from pvm.bytecode.program import Function, LocalInfo, Program, Symbol, align, layout

from .diagnostics import CompileError
from .obj import Object, ObjData, ObjFunction, Ref

SECTIONS = ("rodata", "data", "bss")


class _Item:
    """One definition taken into a link step."""
    __slots__ = ("obj", "thing", "is_func", "order", "index", "address", "replaces", "own")

    def __init__(self, obj, thing, is_func, order, own):
        self.obj, self.thing, self.is_func, self.order, self.own = obj, thing, is_func, order, own
        self.index = -1            # functions: their index in the program
        self.address = 0
        self.replaces = False      # takes an existing function's index (redefinition)

    @property
    def key(self) -> tuple:
        return (id(self.obj), self.thing.name)

    @property
    def size(self) -> int:
        return code_size(self.thing.code) if self.is_func else self.thing.size


@dataclass
class LinkedFunction:
    index: int
    address: int
    function: Function
    size: int
    replaces: bool              # the index existed: this is new code for it


@dataclass
class LinkedData:
    name: str
    section: str
    address: int
    size: int
    data: bytes                 # initial bytes with relocations applied (empty for bss)
    type: str = ""


@dataclass
class Linked:
    """What one link step did."""
    functions: list = field(default_factory=list)   # LinkedFunction, in index order
    data: list = field(default_factory=list)        # LinkedData, by section then input order
    symbols: list = field(default_factory=list)     # Symbols of the above (functions first)
    files: list = field(default_factory=list)       # source file names new to the file table
    defined: dict = field(default_factory=dict)     # the step's own names -> ("fn", k) | ("addr", a)
    roots: dict = field(default_factory=dict)       # root name -> its location
    replaced: list = field(default_factory=list)    # names whose function was replaced in place
    stale: list = field(default_factory=list)       # (caller, callee): callers still calling an old callee
    placement: object = None                        # the Linker's (a LayoutPlacement knows the layout)


class LayoutPlacement:
    """Functions and data where pvm/bytecode/program.py's layout puts them:
    text, then rodata, data and bss, each in link order: a first step's
    placement (later ones need an ArenaPlacement).  `rodata_reserve` zero
    bytes start rodata (the REPL's room for text loaded later)."""

    def __init__(self, rodata_reserve: int = 0):
        self.rodata_reserve = rodata_reserve
        self.layout = None
        self.sizes: dict = {}

    def place(self, functions: list, datas: list) -> None:
        at = {s: 0 for s in SECTIONS}
        at["rodata"] = self.rodata_reserve
        for it in datas:
            s = it.thing.section
            it.address = align(at[s], it.thing.align)
            at[s] = it.address + it.thing.size
        self.sizes = at
        lay = self.layout = layout([it.size for it in functions], at["rodata"], at["data"], at["bss"])
        base = {"rodata": lay.rodata_base, "data": lay.data_base, "bss": lay.bss_base}
        for it in datas:
            it.address += base[it.thing.section]
        for i, it in enumerate(functions):
            it.address = lay.function_address[i]

    def base(self, section: str) -> int:
        return {"rodata": self.layout.rodata_base, "data": self.layout.data_base,
                "bss": self.layout.bss_base}[section]


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


class ArenaPlacement:
    """Each step's functions and data go after what the steps before
    placed: functions into the 'text' arena, data into the arena of its
    section ('rodata', 'data', 'bss'; one Arena may serve several)."""
    function_align = 1                  # as the program layout packs them

    def __init__(self, arenas: dict):
        self.arenas = arenas

    def place(self, functions: list, datas: list) -> None:
        for it in functions:
            it.address = self.take("text", it.size, self.function_align)
        for it in datas:                # (a zero-sized object still gets an address of its own)
            it.address = self.take(it.thing.section, max(it.thing.size, 1), it.thing.align)

    def take(self, area: str, size: int, alignment: int) -> int:
        a = self.arenas[area].take(size, alignment)
        if a is None:
            raise CompileError(f"error: no room left in {area} for {size} more bytes")
        return a


class Linker:
    def __init__(self, library=(), *, program=(), placement=None, redefine: bool = False,
                 shared_statics: bool = False, resolve=None):
        """`library`: objects whose members are linked as far as they are
        reachable, like an archive's: a name the program defines is not
        taken from it, and the library's own references bind inside it.
        `program`: objects also linked as far as reachable (a batch link's
        translation units), whose global names are unique and come before
        the library's.  `shared_statics`: the objects of the steps are parts
        of one translation unit (a REPL session), so their statics are
        visible to later steps.  `resolve(name)` -> ("fn", index) |
        ("addr", address) | None is asked before the library."""
        self.placement = placement or LayoutPlacement()
        self.redefine, self.shared_statics, self.resolve = redefine, shared_statics, resolve
        self.symbols: dict = {}          # name -> ("fn", index) | ("addr", address)
        self.origin: dict = {}           # name -> the object that defined it (for diagnostics)
        self.private: dict = {}          # (id(object), name) -> location: statics linked before
        self.functions: list = []        # index -> Function
        self.function_address: list = [] # index -> text address
        self.files: list = []            # the program's file table
        self.program: dict = {}          # global name -> _Item template of a program object
        self.library: dict = {}          # global name -> _Item template (object, thing, is_func, order)
        self.library_linked: dict = {}   # the library's global names linked so far -> location
        self.members: dict = {}          # id(object) -> {name: (thing, is_func)}
        self.conflicts: list = []        # multiple definitions inside the program or the library
        self._order: dict = {}           # (id(object), name) -> position in the program + library
        self._objects = list(program) + list(library)     # keeps the members' ids theirs
        self._library_ids = {id(obj) for obj in library}
        for obj in self._objects:
            self.members[id(obj)] = {t.name: (t, f) for t, f in _things(obj)}
            table = self.library if id(obj) in self._library_ids else self.program
            for thing, is_func in _things(obj):
                order = self._order[(id(obj), thing.name)] = (1, len(self._order))
                if thing.static:
                    continue
                if thing.name in table:
                    first = table[thing.name][0].name
                    self.conflicts.append(f"{obj.name}: multiple definition of '{thing.name}'; "
                                          f"first defined in {first}")
                else:
                    table[thing.name] = (obj, thing, is_func, order)

    # ---- what is linked ---------------------------------------------------------------
    def seed(self, program: Program, names: dict, function_address) -> None:
        """Start from a program already linked (and loaded): its functions,
        file table and `names` (name -> location)."""
        self.functions = list(program.functions)
        self.function_address = list(function_address)
        self.files = list(program.files)
        self.symbols.update(names)
        # the library's globals in that program were linked already: a member
        # linked now binds to them (one stdout), not to fresh copies
        for name, location in names.items():
            if name in self.library:
                self.library_linked.setdefault(name, location)

    def address(self, name: str) -> int | None:
        loc = self.symbols.get(name)
        if loc is None:
            return None
        return self.function_address[loc[1]] if loc[0] == "fn" else loc[1]

    def function(self, name: str) -> int | None:
        loc = self.symbols.get(name)
        return loc[1] if loc is not None and loc[0] == "fn" else None

    # ---- one step -----------------------------------------------------------------------
    def link(self, objects=(), roots=()) -> Linked:
        """Link `objects` whole, and `roots` (names) with what they need,
        against what is linked already (CompileError with linker-style text
        if a name is defined twice or cannot be resolved)."""
        errors = list(self.conflicts)
        pending: dict = {}                  # key -> _Item
        kept: list = []
        step_globals: dict = {}             # name -> _Item defined by this step's objects

        def take(obj, thing, is_func, order, own):
            it = _Item(obj, thing, is_func, order, own)
            pending[it.key] = it
            kept.append(it)
            return it

        for obj in objects:                 # the step's own objects come first, whole
            for thing, is_func in _things(obj):
                it = take(obj, thing, is_func, (0, len(kept)), True)
                if not self._published(it):
                    continue
                name = thing.name
                first = step_globals[name].obj.name if name in step_globals else None
                if first is None and name in self.program:
                    first = self.program[name][0].name
                if first is None and not self.redefine and name in self.symbols \
                        and self.symbols[name] != self.library_linked.get(name):  # (the library's yields)
                    first = self.origin.get(name, "an earlier link")
                if first is not None:
                    errors.append(f"{obj.name}: multiple definition of '{name}'; first defined in {first}")
                else:
                    step_globals[name] = it
        targets: dict = {}                  # (key, name) -> _Item or an existing location

        def member(template):
            """A program's or the library's definition: taken at its first use."""
            obj, thing, is_func, order = template
            return pending.get((id(obj), thing.name)) or take(obj, thing, is_func, order, False)

        def resolve(it, name):
            obj = it.obj
            target = pending.get((id(obj), name))
            if target is not None and (target.thing.static or target.own):
                return target
            target = self.private.get((id(obj), name))
            if target is not None:
                return target
            here = self.members.get(id(obj), {}).get(name)
            if here is not None and here[0].static:       # a library member's static, first use
                return take(obj, *here, self._order[(id(obj), name)], False)
            if id(obj) in self._library_ids and name in self.library:
                return self.library_linked.get(name) or member(self.library[name])
            target = step_globals.get(name) or self.symbols.get(name) \
                or (self.resolve and self.resolve(name))
            if target:
                return target
            found = self.program.get(name) or self.library.get(name)
            if found is not None:
                return member(found)
            user = it.thing.name if it.is_func else ""
            msg = f"{it.obj.name}: in function '{user}': undefined reference to '{name}'" if user \
                else f"{it.obj.name}: undefined reference to '{name}'"
            if msg not in errors:
                errors.append(msg)
            return None

        out = Linked()
        work = list(reversed(kept))
        for name in roots:
            target = step_globals.get(name) or self.symbols.get(name)
            found = self.program.get(name) or self.library.get(name)
            if target is None and found is not None:
                target = member(found)
                work.append(target)
            if target is None:
                errors.append(f"undefined reference to '{name}'")
            out.roots[name] = target
        while work:                          # reachability: a stack, as the batch link always did
            it = work.pop()
            for name in _references(it.thing):
                if (it.key, name) in targets:
                    continue
                count = len(kept)
                target = targets[(it.key, name)] = resolve(it, name)
                if len(kept) > count:
                    work.append(target)
        if errors:
            raise CompileError("\n".join(errors))
        kept.sort(key=lambda it: it.order)
        return self._finish(out, kept, targets)

    def _published(self, it) -> bool:
        """Whether a step object's definition is a name later steps see."""
        if it.thing.static and not self.shared_statics:
            return False
        return not it.thing.name.startswith(".")

    # ---- placing, patching, publishing -----------------------------------------------------
    def _finish(self, out: Linked, kept: list, targets: dict) -> Linked:
        funcs = [it for it in kept if it.is_func]
        datas = [it for s in SECTIONS for it in kept if not it.is_func and it.thing.section == s]
        next_index = len(self.functions)
        for it in funcs:                                  # indices first: code names them
            redefines = it.own and self.redefine and self._published(it)
            old = self.symbols.get(it.thing.name) if redefines else None
            if old is not None and old == self.library_linked.get(it.thing.name):
                old = None                                # the library keeps its own
            if old is not None and old[0] == "fn" and _shape(self.functions[old[1]]) == _shape(it.thing):
                it.index, it.replaces = old[1], True
            else:
                it.index = next_index
                next_index += 1
        self.placement.place(funcs, datas)
        out.placement = self.placement

        def locate(it, name):
            target = targets[(it.key, name)]
            if isinstance(target, _Item):
                kind = "fn" if target.is_func else "addr"
                return (kind, target.index if target.is_func else target.address, target.address)
            if target[0] == "fn":
                return ("fn", target[1], self.function_address[target[1]])
            return ("addr", target[1], target[1])

        def operand(it, x):
            if not isinstance(x, Ref):
                return x
            loc = locate(it, x.name)
            if x.kind == "fn":
                if loc[0] != "fn":
                    raise CompileError(f"'{x.name}' is not a function")
                return loc[1]
            value = (loc[2] + x.addend) & 0xFFFFFFFFFFFFFFFF     # addresses wrap at 64 bits
            return value - (1 << 64) if value >> 63 else value

        files = list(self.files)                          # the tables change only once all is well
        for it in sorted(funcs, key=lambda it: it.index):
            f: ObjFunction = it.thing
            code = []
            for ins in f.code:
                if any(isinstance(x, Ref) for x in ins[1:]):
                    ins = (ins[0],) + tuple(operand(it, x) for x in ins[1:])
                code.append(ins)
            if f.file not in files:
                files.append(f.file)
            fn = Function(name=f.name, nparams=f.nparams, kinds=f.kinds, returns=f.returns,
                          frame_size=f.frame_size, code=code, lines=list(f.lines),
                          file=files.index(f.file), variadic=f.variadic, static=f.static,
                          locals=[LocalInfo(*l) for l in f.locals])
            out.functions.append(LinkedFunction(it.index, it.address, fn, it.size, it.replaces))
        out.files = files[len(self.files):]
        for it in datas:
            d: ObjData = it.thing
            buf = bytearray(d.data)
            for roff, name, addend in d.relocs:
                value = (locate(it, name)[2] + addend) & 0xFFFFFFFFFFFFFFFF
                buf[roff:roff + 8] = value.to_bytes(8, "little")
            out.data.append(LinkedData(d.name, d.section, it.address, d.size, bytes(buf), d.type))
        by_index = {lf.index: lf for lf in out.functions}
        out.symbols = [Symbol(it.thing.name, "func", it.address, by_index[it.index].size) for it in funcs]
        out.symbols += [Symbol(d.name, "data", d.address, d.size, d.type) for d in out.data]
        self.files = files
        self._publish(out, kept)
        for name, target in list(out.roots.items()):
            out.roots[name] = (("fn", target.index) if target.is_func else ("addr", target.address)) \
                if isinstance(target, _Item) else target
        return out

    def _publish(self, out: Linked, kept: list) -> None:
        """Record the step: its functions, and its names for later steps."""
        old_index = {}
        for lf in out.functions:
            if lf.replaces:
                self.functions[lf.index] = lf.function
                self.function_address[lf.index] = lf.address
                out.replaced.append(lf.function.name)
            else:
                self.functions.append(lf.function)
                self.function_address.append(lf.address)
        for it in kept:
            loc = ("fn", it.index) if it.is_func else ("addr", it.address)
            name = it.thing.name
            if it.own:
                if self._published(it):                   # (other statics: the object's own business)
                    old = self.symbols.get(name)
                    if it.is_func and not it.replaces and old is not None and old[0] == "fn" \
                            and old != self.library_linked.get(name):
                        old_index[name] = old[1]
                    self.symbols[name] = loc
                    self.origin[name] = it.obj.name
                    out.defined[name] = loc
            elif it.thing.static:
                self.private[it.key] = loc
            else:
                self.symbols.setdefault(name, loc)
                self.origin.setdefault(name, it.obj.name)
                if id(it.obj) in self._library_ids:
                    self.library_linked[name] = loc
        for name, k in old_index.items():             # a new shape: old callers keep the old code
            out.stale += [(f.name, name) for f in self.functions
                          if any(ins[0] in isa.DIRECT_CALLS and ins[2] == k for ins in f.code)]


def link(objects: list[Object], entry: str = "_start", library=()) -> Program:
    """Link a whole program: everything of `objects` and of the `library`
    reachable from `entry`; a name `objects` define is not taken from the
    library (see Linker)."""
    linker = Linker(library, program=objects)
    if entry not in linker.program and entry not in linker.library:
        raise CompileError(f"undefined reference to '{entry}' (the program's entry point)"
                           + ("\n" + "\n".join(linker.conflicts) if linker.conflicts else ""))
    linked = linker.link(roots=[entry])
    return program_of(linked, linker.files, entry=linked.roots[entry][1])


def program_of(linked: Linked, files: list, entry: int) -> Program:
    """The Program of a first link step placed by a LayoutPlacement."""
    place: LayoutPlacement = linked.placement
    blobs = {s: bytearray(place.sizes[s]) for s in ("rodata", "data")}
    for d in linked.data:
        if d.section in blobs:
            off = d.address - place.base(d.section)
            blobs[d.section][off:off + len(d.data)] = d.data
    return Program(functions=[lf.function for lf in linked.functions], entry=entry,
                   rodata=bytes(blobs["rodata"]), data=bytes(blobs["data"]), bss_size=place.sizes["bss"],
                   symbols=list(linked.symbols), files=list(files))


def code_size(code) -> int:
    """Bytes of text a function's code takes."""
    return sum(isa.BY_NAME[ins[0]].size for ins in code)


def _shape(f) -> tuple:
    return (f.kinds[:f.nparams], f.returns, f.variadic)


def _things(obj) -> list:
    return [(f, True) for f in obj.functions] + [(d, False) for d in obj.datas]


def _references(thing) -> list[str]:
    if isinstance(thing, ObjFunction):
        return [x.name for ins in thing.code for x in ins[1:] if isinstance(x, Ref)]
    return [r[1] for r in thing.relocs]
