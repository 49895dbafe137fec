"""Static data: the bytes and relocations of objects with static storage.

A global, static local, string literal or file-scope compound literal
becomes one `ObjData`: in rodata (string literals), data (anything with a
non-zero byte or an address), or bss (all zeros).  Initializer values were
evaluated by the checker (initializers.static_value): ints and floats are
stored little-endian at their type's width, `bytes` as is, and an address
constant `Addr(sym, addend)` as an 8-byte relocation the linker fills in.
"""
from __future__ import annotations

import struct

from . import types as T
from .initializers import Addr, Init
from .obj import ObjData


def data_item(sym, diag) -> ObjData:
    ty = sym.ty
    size = max(ty.size, 0)
    align = T.variable_align(ty)
    static = sym.linkage == "internal"
    name = sym.link_name or sym.name
    spelled = T.spell(ty)
    if isinstance(sym.init, (bytes, bytearray)):
        return ObjData(name, static, "rodata" if sym.rodata else "data", align, len(sym.init),
                       bytes(sym.init), [], spelled)
    init: Init | None = sym.init
    if init is None or not init.items:
        return ObjData(name, static, "bss", align, size, b"", [], spelled)
    buf = bytearray(size)
    relocs = []
    for off, t, value in init.items:
        if isinstance(value, (bytes, bytearray)):
            buf[off:off + len(value)] = value
        elif isinstance(value, Addr):
            target = value.sym.link_name or value.sym.name
            relocs = [r for r in relocs if r[0] != off]
            relocs.append((off, target, value.addend))
            buf[off:off + 8] = bytes(8)
        elif isinstance(value, float) or t.is_float:
            buf[off:off + t.size] = struct.pack("<f" if t.size == 4 else "<d", float(value))
        elif isinstance(value, int) and isinstance(t, T.BitField):
            n = t.size
            mask = ((1 << t.width) - 1) << t.shift
            unit = int.from_bytes(buf[off:off + n], "little") & ~mask | (value << t.shift) & mask
            buf[off:off + n] = unit.to_bytes(n, "little")
        elif isinstance(value, int):
            n = 8 if t.is_pointer else t.size
            buf[off:off + n] = (value & ((1 << (8 * n)) - 1)).to_bytes(n, "little")
            relocs = [r for r in relocs if r[0] != off]
    relocs.sort()
    if not relocs and not any(buf):
        return ObjData(name, static, "bss", align, size, b"", [], spelled)
    return ObjData(name, static, "data", align, size, bytes(buf), relocs, spelled)
