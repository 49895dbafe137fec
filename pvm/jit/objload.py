"""Loading object code: one relocatable ELF file from LLVM into executable memory.

The code generator runs with the JIT code model (large, static relocation),
so the code refers to everything - its own functions, constant pools, jump
tables, guest memory, memmove - by absolute 64-bit address.  Loading it is
what a static linker does for a single file: lay out the allocated sections,
give every symbol its address, patch the R_X86_64_64 relocations, and make
the text executable.  (MCJIT's RuntimeDyld does the same inside LLVM; doing
it here means a run whose native code is all in the disk cache never loads
llvmlite, about 40 ms of every start-up.)

The input comes from the disk cache, a file anyone could edit, so it is
checked as it is read: the header, every section, symbol and relocation
must be in bounds and of a supported kind, or ObjectError says why.
(Object code is trusted to be code pvm compiled - a loader cannot make
arbitrary machine code safe - but a truncated or damaged file is refused
rather than half-loaded.)

ctypes is imported on the first load, not with the module: the run loop
imports the JIT's light modules (warmstart.py, engine.py, this) to look for
a warm-start record, and a run that finds none and never tiers up (a short
program) need not pay for ctypes.
"""
from __future__ import annotations

import mmap
import os
import struct

SHT_SYMTAB, SHT_RELA, SHT_NOBITS = 2, 4, 8
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 1, 2, 4
SHN_UNDEF, SHN_ABS = 0, 0xFFF1
R_X86_64_64, R_X86_64_PC32, R_X86_64_PLT32, R_X86_64_PC64 = 1, 2, 4, 24
SKIPPED = (".eh_frame",)        # unwind tables: nothing unwinds through native code

SECTION = struct.Struct("<IIQQQQIIQQ")
SYMBOL = struct.Struct("<IBBHQQ")
RELA = struct.Struct("<QQq")
PAGE = mmap.PAGESIZE
MAX_SIZE = 64 << 20             # far more than a unit of MAX_UNIT functions needs

_libc = None
LIBC: dict = {}             # the C library functions LLVM may call for memory intrinsics


def _load_libc():
    """The C library (for mprotect) and the addresses LIBC names, on first use."""
    global _libc
    if _libc is None:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        LIBC.update((name, ctypes.cast(getattr(libc, name), ctypes.c_void_p).value)
                    for name in ("memmove", "memcpy", "memset"))
        _libc = libc
    return _libc


# PVM_PERF_MAP=1: name native functions for `perf report` in /tmp/perf-PID.map,
# the file perf reads for code it finds no symbols for (JITs write it)
PERF_MAP = bool(os.environ.get("PVM_PERF_MAP"))
STT_FUNC = 2


def _perf_symbol(address: int, size: int, name: str) -> None:
    with open(f"/tmp/perf-{os.getpid()}.map", "a") as f:
        f.write(f"{address:x} {size:x} {name}\n")


class ObjectError(Exception):
    pass


class LoadedCode:
    """The memory one object file was loaded into; alive while its code may run."""

    def __init__(self, memory: mmap.mmap, anchor, size: int):
        self._memory, self._anchor, self.size = memory, anchor, size


def _unpack(layout: struct.Struct, data: bytes, offset: int):
    if offset < 0 or offset + layout.size > len(data):
        raise ObjectError("truncated object file")
    return layout.unpack_from(data, offset)


def _name(data: bytes, table: tuple, offset: int) -> str:
    start = table[4] + offset
    end = data.find(b"\0", start, table[4] + table[5])
    if offset >= table[5] or end < 0:
        raise ObjectError("a name outside its string table")
    return data[start:end].decode("ascii", "replace")


def load(obj: bytes, symbols: dict) -> tuple[dict, LoadedCode]:
    """({global symbol: address}, the memory holding it) for ELF object `obj`;
    `symbols` gives the addresses of the undefined symbols it may use."""
    import ctypes
    libc = _load_libc()
    if obj[:7] != b"\x7fELF\x02\x01\x01" or len(obj) < 64:
        raise ObjectError("not a little-endian 64-bit ELF file")
    e_type, e_machine = struct.unpack_from("<HH", obj, 16)
    if e_type != 1 or e_machine != 62:
        raise ObjectError("not a relocatable x86-64 object")
    shoff, = struct.unpack_from("<Q", obj, 40)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", obj, 58)
    if shentsize != SECTION.size or not 0 < shnum < 4096 or shstrndx >= shnum:
        raise ObjectError("bad section table")
    sections = [_unpack(SECTION, obj, shoff + i * SECTION.size) for i in range(shnum)]
    for s in sections:
        if s[1] != SHT_NOBITS and s[4] + s[5] > len(obj):
            raise ObjectError("a section runs past the end of the file")
    names = [_name(obj, sections[shstrndx], s[0]) for s in sections]

    # ---- layout: executable sections first, then the rest from a fresh page
    place: dict = {}
    size = 0
    for executable in (True, False):
        if not executable:
            text_end = size = -(-size // PAGE) * PAGE
        for i, s in enumerate(sections):
            flags = s[2]
            if flags & SHF_ALLOC and bool(flags & SHF_EXECINSTR) == executable \
                    and names[i] not in SKIPPED:
                align = max(1, s[8])
                if align > PAGE or align & (align - 1):
                    raise ObjectError(f"section alignment {align}")
                size = -(-size // align) * align
                place[i] = size
                size += s[5]
    total = max(PAGE, -(-size // PAGE) * PAGE)
    if total > MAX_SIZE:
        raise ObjectError(f"{total} bytes of sections")
    memory = mmap.mmap(-1, total, prot=mmap.PROT_READ | mmap.PROT_WRITE)
    anchor = ctypes.c_char.from_buffer(memory)
    base = ctypes.addressof(anchor)
    writable = False
    for i, at in place.items():
        s = sections[i]
        if s[1] != SHT_NOBITS:
            memory[at:at + s[5]] = obj[s[4]:s[4] + s[5]]
        writable |= bool(s[2] & SHF_WRITE)

    # ---- symbols
    addresses, exported = [], {}
    for i, s in enumerate(sections):
        if s[1] != SHT_SYMTAB:
            continue
        if s[6] >= shnum:
            raise ObjectError("a symbol table without its string table")
        strtab = sections[s[6]]
        for k in range(s[5] // SYMBOL.size):
            name_off, info, _, shndx, value, st_size = _unpack(SYMBOL, obj, s[4] + k * SYMBOL.size)
            name = _name(obj, strtab, name_off) if name_off else ""
            if shndx == SHN_UNDEF:
                address = symbols.get(name, LIBC.get(name)) if name else 0
                if address is None:
                    raise ObjectError(f"undefined symbol {name!r}")
            elif shndx == SHN_ABS:
                address = value
            elif shndx in place:
                address = base + place[shndx] + value
            else:
                address = None          # in a section not loaded (unwind tables)
            addresses.append(address)
            if info >> 4 == 1 and shndx != SHN_UNDEF and address is not None:   # GLOBAL
                exported[name] = address
                if PERF_MAP and info & 0xF == STT_FUNC:
                    _perf_symbol(address, st_size, name)
        break
    else:
        raise ObjectError("no symbol table")

    # ---- relocations of the loaded sections
    for i, s in enumerate(sections):
        if s[1] != SHT_RELA or s[7] not in place:
            continue
        target, limit = place[s[7]], sections[s[7]][5]
        for k in range(s[5] // RELA.size):
            offset, info, addend = _unpack(RELA, obj, s[4] + k * RELA.size)
            kind, sym = info & 0xFFFFFFFF, info >> 32
            if sym >= len(addresses) or addresses[sym] is None:
                raise ObjectError(f"relocation against a missing symbol ({sym})")
            value, at = addresses[sym] + addend, target + offset
            if kind == R_X86_64_64:
                width, value = 8, value & 0xFFFFFFFFFFFFFFFF
                fmt = "<Q"
            elif kind == R_X86_64_PC64:
                width, fmt, value = 8, "<q", value - (base + at)
            elif kind in (R_X86_64_PC32, R_X86_64_PLT32):
                width, fmt, value = 4, "<i", value - (base + at)
                if not -(1 << 31) <= value < 1 << 31:
                    raise ObjectError("a 32-bit relative relocation out of range")
            else:
                raise ObjectError(f"unsupported relocation type {kind}")
            if offset + width > limit:
                raise ObjectError("a relocation outside its section")
            struct.pack_into(fmt, memory, at, value)

    # ---- protection: text read+execute, the rest read-only unless written
    if text_end and libc.mprotect(base, text_end, mmap.PROT_READ | mmap.PROT_EXEC) != 0:
        raise ObjectError(f"mprotect failed (errno {ctypes.get_errno()})")
    if total > text_end and not writable:
        libc.mprotect(base + text_end, total - text_end, mmap.PROT_READ)
    return exported, LoadedCode(memory, anchor, total)
