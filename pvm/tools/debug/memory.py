"""The debugger's memory views: gdb's `x` command, and names for addresses.

`examine` formats units of guest memory (x/NFU); `program_names` maps the
names the debugged unit can mention to where the linker put them.
"""
from __future__ import annotations

import struct

from pvm.bytecode.program import TEXT_BASE
from pvm.tools.repl.display import c_string, symbol_suffix


def program_names(program, obj) -> dict:
    """name -> location for the names the debugged unit can mention: its
    own definitions first (as the linker lays them out), then the library's."""
    names = {}
    for k, f in enumerate(program.functions):
        names.setdefault(f.name, ("fn", k))
    from pvm.bytecode.program import program_layout
    lay = program_layout(program)
    ranges = {"rodata": (lay.rodata_base, lay.data_base), "data": (lay.data_base, lay.bss_base),
              "bss": (lay.bss_base, lay.heap_base)}
    data = [s for s in program.symbols if s.kind == "data"]
    for d in obj.datas:
        lo, hi = ranges[d.section]
        for s in data:
            if s.name == d.name and lo <= s.address < hi:
                names[d.name] = ("addr", s.address)
                break
    for s in data:
        names.setdefault(s.name, ("addr", s.address))
    return names


def examine(m, address: int, count: int, fmt: str, size: int) -> list[str]:
    """gdb's x command: `count` units of `size` bytes at `address` in format `fmt`."""
    if fmt == "s":
        out = []
        for _ in range(count):
            text = c_string(m, address)
            out.append(f"{address:#x}{symbol_suffix(m, address)}:\t{text}")
            end = m.mem.find(b"\0", address) if 0 < address < len(m.mem) else -1
            address = end + 1 if end >= 0 else address + 1
        return out
    if fmt == "i":
        k = next((i for i, offs in enumerate(m.text_offsets) if offs and offs[0] <= address
                  and address in offs), None)
        if k is None:
            return [f"{address:#x}: not the start of an instruction"]
        from pvm import isa
        from pvm.bytecode.dis import format_instruction, function_refs
        fn, refs = m.program.functions[k], function_refs(m.program)
        j = m.text_offsets[k].index(address)
        return [f"{m.text_offsets[k][i]:#x} <{fn.name}+{i}>:\t"
                f"{format_instruction(fn, fn.code[i], isa.BY_NAME.get(fn.code[i][0]), refs, m.layout)}"
                for i in range(j, min(j + count, len(fn.code)))]
    per_line = 8 if size == 1 else 4 if size <= 4 else 2
    out, row = [], []
    for i in range(count):
        at = address + i * size
        if not (0x10000 <= at and at + size <= len(m.mem)):
            out.append(f"Cannot access memory at address {at:#x}")
            break
        raw = bytes(m.mem[at:at + size])
        u = int.from_bytes(raw, "little")
        s = int.from_bytes(raw, "little", signed=True)
        if fmt == "x":
            text = f"{u:#0{2 + 2 * size}x}"
        elif fmt == "d":
            text = str(s)
        elif fmt == "u":
            text = str(u)
        elif fmt == "o":
            text = f"0{u:o}"
        elif fmt == "t":
            text = f"{u:0{8 * size}b}"
        elif fmt == "c":
            text = f"{s} {repr(chr(u & 0xFF)) if 32 <= (u & 0xFF) < 127 else ''}".rstrip()
        elif fmt == "f":
            text = repr(struct.unpack("<f" if size == 4 else "<d", raw)[0]) if size in (4, 8) else str(u)
        elif fmt == "a":
            text = f"{u:#x}{symbol_suffix(m, u)}"
        else:
            return [f"Undefined output format \"{fmt}\"."]
        if i % per_line == 0:
            if row:
                out.append("\t".join(row))
            row = [f"{at:#x}{symbol_suffix(m, at)}:"]
        row.append(text)
    if row:
        out.append("\t".join(row))
    return out


class ScratchMemory:
    """Old watched bytes, readable by the REPL display (pvm/tools/repl/display.py) as if at TEXT_BASE."""

    def __init__(self, data: bytes):
        self.mem = bytes(TEXT_BASE) + data
        self.function_at = {}
        self.program = type("P", (), {"symbols": [], "functions": []})()
