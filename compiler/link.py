"""The linker: Objects -> one pvm.program.Program.

Like a static linker with archive semantics: starting from the entry
function (`_start`), it keeps every function and data object reachable
through references, so unused stdlib functions are dropped.  Each object's
`static` names resolve inside that object first, then global names across
all objects.  Problems are reported as a linker does: "multiple definition
of 'f'", "undefined reference to 'g'".  Layout (pvm.program.layout) depends
only on sizes, so addresses are known before any byte is patched.
Output depends only on the inputs' order and contents (deterministic).
"""
from __future__ import annotations

from pvm import isa
from pvm.bytecode.program import Function, LocalInfo, Program, Symbol, align, layout

from .diagnostics import CompileError
from .obj import Object, ObjData, ObjFunction, Ref


class _Item:
    __slots__ = ("obj", "index", "thing", "is_func", "address", "fn_index")

    def __init__(self, obj, index, thing, is_func):
        self.obj, self.index, self.thing, self.is_func = obj, index, thing, is_func
        self.address = 0
        self.fn_index = -1


def link(objects: list[Object], entry: str = "_start") -> Program:
    errors: list[str] = []
    globals_: dict[str, _Item] = {}
    locals_: list[dict[str, _Item]] = []
    order: list[_Item] = []
    for oi, obj in enumerate(objects):
        local: dict[str, _Item] = {}
        things = [(f, True) for f in obj.functions] + [(d, False) for d in obj.datas]
        for thing, is_func in things:
            item = _Item(oi, len(order), thing, is_func)
            order.append(item)
            if thing.static:
                local[thing.name] = item
            elif thing.name in globals_:
                first = objects[globals_[thing.name].obj].name
                errors.append(f"{obj.name}: multiple definition of '{thing.name}'; first defined in {first}")
            else:
                globals_[thing.name] = item
        locals_.append(local)

    def resolve(oi: int, name: str, user: str) -> _Item | None:
        item = locals_[oi].get(name) or globals_.get(name)
        if item is None:
            msg = f"{objects[oi].name}: in function '{user}': undefined reference to '{name}'" if user \
                else f"{objects[oi].name}: undefined reference to '{name}'"
            if msg not in errors:
                errors.append(msg)
        return item

    start = globals_.get(entry)
    if start is None:
        raise CompileError(f"undefined reference to '{entry}' (the program's entry point)"
                           + ("\n" + "\n".join(errors) if errors else ""))
    # reachability
    keep = {start.index}
    work = [start]
    while work:
        item = work.pop()
        for name in _references(item.thing):
            target = resolve(item.obj, name, item.thing.name if item.is_func else "")
            if target is not None and target.index not in keep:
                keep.add(target.index)
                work.append(target)
    if errors:
        raise CompileError("\n".join(errors))
    kept = [it for it in order if it.index in keep]
    funcs = [it for it in kept if it.is_func]
    sections = {s: [it for it in kept if not it.is_func and it.thing.section == s] for s in ("rodata", "data", "bss")}
    sizes = {}
    for s, items in sections.items():
        at = 0
        for it in items:
            at = align(at, it.thing.align)
            it.address = at
            at += it.thing.size
        sizes[s] = at
    fsizes = [sum(isa.BY_NAME[ins[0]].size for ins in it.thing.code) for it in funcs]
    lay = layout(fsizes, sizes["rodata"], sizes["data"], sizes["bss"])
    for i, it in enumerate(funcs):
        it.fn_index = i
        it.address = lay.function_address[i]
    bases = {"rodata": lay.rodata_base, "data": lay.data_base, "bss": lay.bss_base}
    for s, items in sections.items():
        for it in items:
            it.address += bases[s]

    files: list[str] = []
    functions = []
    for it in funcs:
        f: ObjFunction = it.thing
        code = []
        for ins in f.code:
            if any(isinstance(x, Ref) for x in ins[1:]):
                ins = (ins[0],) + tuple(_patch(x, it.obj, resolve, f.name) for x in ins[1:])
            code.append(ins)
        if f.file not in files:
            files.append(f.file)
        functions.append(Function(
            name=f.name, nparams=f.nparams, kinds=f.kinds, returns=f.returns, frame_size=f.frame_size,
            code=code, lines=list(f.lines), file=files.index(f.file), variadic=f.variadic, static=f.static,
            locals=[LocalInfo(*l) for l in f.locals]))
    blobs = {}
    for s in ("rodata", "data"):
        buf = bytearray(sizes[s])
        for it in sections[s]:
            d: ObjData = it.thing
            off = it.address - bases[s]
            buf[off:off + len(d.data)] = d.data
            for roff, name, addend in d.relocs:
                target = resolve(it.obj, name, "")
                value = (target.address + addend) & 0xFFFFFFFFFFFFFFFF
                buf[off + roff:off + roff + 8] = value.to_bytes(8, "little")
        blobs[s] = bytes(buf)
    symbols = [Symbol(it.thing.name, "func", it.address, fsizes[it.fn_index]) for it in funcs]
    symbols += [Symbol(it.thing.name, "data", it.address, it.thing.size, it.thing.type)
                for s in ("rodata", "data", "bss") for it in sections[s]]
    return Program(functions=functions, entry=start.fn_index, rodata=blobs["rodata"], data=blobs["data"],
                   bss_size=sizes["bss"], symbols=symbols, files=files)


def _references(thing) -> list[str]:
    if isinstance(thing, ObjFunction):
        return [x.name for ins in thing.code for x in ins[1:] if isinstance(x, Ref)]
    return [r[1] for r in thing.relocs]


def _patch(x, oi, resolve, user):
    if not isinstance(x, Ref):
        return x
    target = resolve(oi, x.name, user)
    if x.kind == "fn":
        if not target.is_func:
            raise CompileError(f"'{x.name}' is not a function")
        return target.fn_index
    return target.address + x.addend
