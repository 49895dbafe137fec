"""Values in guest memory, printed the way a C programmer reads them.

    (int) 42     (double) 0.5     (char) 97 'a'     (char *) 0x10a40 "hello"
    (struct point) {x = 1, y = 2}     (int [3]) {1, 2, 3}     (int (*)(int)) 0x10230 <sq>

`describe(m, ty, address)` reads an object of C type `ty` (a
compiler.types.CType) at `address` and formats it; `value_text` formats
without the type.  Memory that cannot be read is shown as gdb does, never as
an exception (`strict_value_text` raises Unreadable instead).  Long arrays
and strings are cut at LIMIT elements.
"""
from __future__ import annotations

import bisect
import struct

from compiler import types as T

from pvm.bytecode.program import TEXT_BASE

LIMIT = 200
_ESCAPES = {0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r",
            34: '\\"', 39: "\\'", 92: "\\\\"}


class Unreadable(Exception):
    def __init__(self, address: int):
        super().__init__(f"<error: Cannot access memory at address {address & 0xFFFFFFFFFFFFFFFF:#x}>")


def describe(m, ty, address: int) -> str:
    return f"({T.spell(ty)}) {value_text(m, ty, address)}"


def value_text(m, ty, address: int, depth: int = 0) -> str:
    try:
        return strict_value_text(m, ty, address, depth)
    except Unreadable as e:
        return str(e)


def read(m, address: int, size: int) -> bytes:
    if not (TEXT_BASE <= address and address + size <= len(m.mem)):
        raise Unreadable(address)
    return bytes(m.mem[address:address + size])


def scalar(m, ty, address: int):
    """The Python value of a scalar object."""
    data = read(m, address, ty.size)
    if ty.is_float:
        return struct.unpack("<f" if ty.size == 4 else "<d", data)[0]
    signed = ty.is_integer and ty.signed
    return int.from_bytes(data, "little", signed=signed)


def strict_value_text(m, ty, address: int, depth: int = 0) -> str:
    """value_text, but memory that cannot be read raises Unreadable."""
    if ty.is_integer:
        return integer_text(ty, scalar(m, ty, address))
    if ty.is_float:
        return float_text(ty, scalar(m, ty, address))
    if ty.is_pointer:
        return pointer_text(m, ty, scalar(m, ty, address))
    if ty.is_array:
        return _array(m, ty, address, depth)
    if ty.is_struct:
        if depth > 8:
            return "{...}"
        fields = [f for f in ty.defn.fields if f.name is not None or f.type.is_struct]
        parts = []
        for f in fields:
            text = strict_value_text(m, f.type, address + f.offset, depth + 1)
            parts.append(f"{f.name} = {text}" if f.name else text)
        return "{" + ", ".join(parts) + "}"
    if ty.is_func:
        return f"{address:#x}{symbol_suffix(m, address)}"
    return "void"


def integer_text(ty, v: int) -> str:
    if ty.is_bool:
        return "true" if v else "false"
    if ty.size == 1 and "char" in ty.name:
        return f"{v} {char_literal(v & 0xFF)}"
    return str(v)


def float_text(ty, v: float) -> str:
    if ty.size == 4 and v == v and v not in (float("inf"), float("-inf")):
        for digits in range(1, 10):            # the shortest text that reads back the same
            text = f"{v:.{digits}g}"
            if struct.unpack("<f", struct.pack("<f", float(text)))[0] == v:
                return text if any(c in text for c in ".en") else text + ".0"
    return repr(v).replace("inf", "inf")


def char_literal(b: int) -> str:
    if b in _ESCAPES and b != 34:
        return f"'{_ESCAPES[b]}'"
    if 32 <= b < 127:
        return f"'{chr(b)}'"
    return f"'\\{b:03o}'"


def string_literal(data: bytes, cut: bool = False) -> str:
    out = []
    for b in data:
        if b in _ESCAPES and b != 39:
            out.append(_ESCAPES[b])
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
    return '"' + "".join(out) + '"' + ("..." if cut else "")


def c_string(m, address: int, limit: int = LIMIT) -> str:
    """The NUL-terminated string at `address`, as a literal."""
    if not (TEXT_BASE <= address < len(m.mem)):
        return str(Unreadable(address))
    data = bytes(m.mem[address:min(len(m.mem), address + limit + 1)])
    end = data.find(b"\0")
    if end < 0:
        return string_literal(data[:limit], cut=True)
    return string_literal(data[:end])


def pointer_text(m, ty, v: int) -> str:
    v &= 0xFFFFFFFFFFFFFFFF
    text = f"{v:#x}"
    if v == 0:
        return text
    target = ty.target
    if target.is_integer and target.size == 1 and "char" in target.name:
        return f"{text} {c_string(m, v)}"
    return text + symbol_suffix(m, v)


def symbol_suffix(m, address: int) -> str:
    """` <name>` or ` <name+8>` when the address is a function or in a global."""
    k = m.function_at.get(address)
    if k is not None:
        return f" <{m.program.functions[k].name}>"
    index = _symbol_index(m)
    i = bisect.bisect_right(index[0], address) - 1
    if i >= 0:
        start, size, name = index[1][i]
        if start <= address < start + max(size, 1) and not name.startswith(".") \
                and not name.startswith("__repl_result_"):
            off = address - start
            return f" <{name}+{off}>" if off else f" <{name}>"
    return ""


def _symbol_index(m):
    symbols = m.program.symbols
    cached = getattr(m, "_symbol_index", None)
    if cached is not None and cached[0] == len(symbols):
        return cached[1]
    data = sorted((s.address, s.size, s.name) for s in symbols if s.kind == "data")
    index = ([d[0] for d in data], data)
    m._symbol_index = (len(symbols), index)
    return index


def _array(m, ty, address: int, depth: int) -> str:
    n = ty.length or 0
    elem = ty.elem
    if elem.is_integer and elem.size == 1 and "char" in elem.name:
        data = read(m, address, min(n, LIMIT))
        end = data.find(b"\0")
        if end >= 0 and not any(data[end:]):
            return string_literal(data[:end])
        return string_literal(data, cut=n > LIMIT)
    shown = min(n, LIMIT)
    parts = [strict_value_text(m, elem, address + i * elem.size, depth + 1) for i in range(shown)]
    return "{" + ", ".join(parts) + ("..." if n > shown else "") + "}"
