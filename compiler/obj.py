"""Object files: one compiled unit, before linking (`pvm build -c`, the stdlib cache).

An `Object` holds functions whose code still names other symbols, and data
items with relocations.  A code operand that refers to a symbol is a `Ref`:
    Ref("fn", name)            the function's index (CALL, FCALL, FADDR)
    Ref("addr", name, addend)  the address of a data object or function
                               (LI, and the K offset of loads and stores)
Names are unique inside an object; `static` ones are private to it (static
locals are named "func.var.N", string literals ".str.N").  Serialization is
JSON of plain data, deterministic (no dicts iterated in hash order, no
timestamps), so the same source always gives the same bytes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

FORMAT = "pvm-object-1"


@dataclass(frozen=True)
class Ref:
    kind: str               # 'fn' or 'addr'
    name: str
    addend: int = 0

    def __add__(self, n: int) -> "Ref":
        return Ref(self.kind, self.name, self.addend + n)


@dataclass
class ObjFunction:
    name: str
    static: bool
    nparams: int
    kinds: str
    returns: str
    frame_size: int
    code: list              # tuples (OPNAME, operand...); operands int, float or Ref
    lines: list
    file: str
    variadic: bool = False
    locals: list = field(default_factory=list)   # (name, type, where, offset, start, end)


@dataclass
class ObjData:
    name: str
    static: bool
    section: str            # 'rodata', 'data' or 'bss'
    align: int
    size: int
    data: bytes = b""       # empty for bss
    relocs: list = field(default_factory=list)   # (offset, symbol name, addend): 8-byte address
    type: str = ""


@dataclass
class Object:
    name: str
    functions: list = field(default_factory=list)
    datas: list = field(default_factory=list)

    def defined(self) -> list[str]:
        return [f.name for f in self.functions] + [d.name for d in self.datas]


def _operand(x):
    if isinstance(x, Ref):
        return ["@" + x.kind, x.name, x.addend]
    return x


def _unoperand(x):
    if isinstance(x, list):
        return Ref(x[0][1:], x[1], x[2])
    return x


def dumps(obj: Object) -> str:
    """Serialize deterministically."""
    out = {
        "format": FORMAT,
        "name": obj.name,
        "functions": [{
            "name": f.name, "static": f.static, "nparams": f.nparams, "kinds": f.kinds,
            "returns": f.returns, "frame_size": f.frame_size, "file": f.file, "variadic": f.variadic,
            "code": [[ins[0]] + [_operand(x) for x in ins[1:]] for ins in f.code],
            "lines": f.lines, "locals": [list(l) for l in f.locals],
        } for f in obj.functions],
        "datas": [{
            "name": d.name, "static": d.static, "section": d.section, "align": d.align, "size": d.size,
            "data": d.data.hex(), "relocs": [list(r) for r in d.relocs], "type": d.type,
        } for d in obj.datas],
    }
    return json.dumps(out, separators=(",", ":"), sort_keys=True)


def loads(text: str) -> Object:
    raw = json.loads(text)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError("not a pvm object file (or a different format version)")
    obj = Object(raw["name"])
    for f in raw["functions"]:
        code = [tuple([ins[0]] + [_unoperand(x) for x in ins[1:]]) for ins in f["code"]]
        obj.functions.append(ObjFunction(f["name"], f["static"], f["nparams"], f["kinds"], f["returns"],
                                         f["frame_size"], code, f["lines"], f["file"], f["variadic"],
                                         [tuple(l) for l in f["locals"]]))
    for d in raw["datas"]:
        obj.datas.append(ObjData(d["name"], d["static"], d["section"], d["align"], d["size"],
                                 bytes.fromhex(d["data"]), [tuple(r) for r in d["relocs"]], d["type"]))
    return obj
