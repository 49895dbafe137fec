"""Paged virtual memory: the page-table walk, the software TLB, and the
memory helpers of code that runs paged.

Paging applies to user mode when CSR_PTBR holds a page-table root; the
kernel runs on physical addresses (as xv6's kernel runs on its direct map),
so a kernel reads its processes' page tables and frames without mapping
them.  The format is RISC-V Sv39's shape with simpler bits: three levels of
512 8-byte entries indexed by VA bits 38-30, 29-21 and 20-12; an entry is
the physical address of the next table (or the page) plus PTE_P, PTE_W,
PTE_U, PTE_X (pvm/abi/memmap.py).  The walker never writes (no accessed or
dirty bits), so a page table is plain data the kernel owns.

Whether code runs paged is decided once per code space and regime, not per
access: the interpreter binds the helpers below instead of semantics.py's
(same names, so one translation serves both), and the JIT lowers its loads
and stores with the TLB probe inline.  Bare programs never see any of this.

The TLB caches translations of user pages, per access kind, in two forms
filled together by one walk: dicts for Python (vpn -> physical minus
virtual address of the page) and a direct-mapped table of QEMU-style
entries for native code (tag_read, tag_write, tag_exec, addend).  Writing
CSR_PTBR or TLBFLUSH empties both; a kernel that changes an entry without
a flush may see the old translation (as on real hardware).
"""
from __future__ import annotations

import ctypes
import struct

from pvm.abi import memmap as MM
from .memory import GuestMemory
from .traps import SegFault

SHIFT = MM.PAGE_SHIFT
PAGE = MM.PAGE_SIZE
OFFSET = PAGE - 1
VA_LIMIT = 1 << MM.VA_BITS
P, W, U, X = MM.PTE["PTE_P"], MM.PTE["PTE_W"], MM.PTE["PTE_U"], MM.PTE["PTE_X"]
ADDR = MM.PTE["PTE_ADDR_MASK"]
NEEDS = {"read": P | U, "write": P | U | W, "execute": P | U | X}
TLB_ENTRIES = 8192              # native TLB: direct-mapped on the vpn's low bits (32 MiB)
TLB_WORDS = 4                   # tag_read, tag_write, tag_exec, addend
MISS = -(1 << 63)               # what fill_native returns when it cannot translate
_PTE = struct.Struct("<Q")


def walk(mem, root: int, va: int) -> int:
    """The leaf entry that maps va in the page table at root, or 0.  Never
    raises: a table that points outside memory is simply not present."""
    if not 0 <= va < VA_LIMIT or not root:
        return 0
    size, table = len(mem), root
    for shift in (30, 21, 12):
        at = table + 8 * ((va >> shift) & 511)
        if not 0 <= at <= size - 8:
            return 0
        pte = _PTE.unpack_from(mem, at)[0]
        if not pte & P:
            return 0
        table = pte & ADDR
    return pte if table + PAGE <= size else 0


class PageFault(SegFault):
    """A user access the page table does not permit: restartable (the
    instruction runs again after the kernel's handler maps the page)."""

    def __init__(self, access: str, address: int):
        super().__init__(access, address)
        self.args = (f"Segmentation fault: page fault on {access} of address "
                     f"{address & 0xFFFFFFFFFFFFFFFF:#x}",)


class Mmu:
    """The MMU of one machine: its page-table root and its TLB."""

    def __init__(self, mem):
        self.mem = mem
        self.size = len(mem)
        self.root = 0                                  # CSR_PTBR
        self.tlb = {"read": {}, "write": {}, "execute": {}}
        self.native = (ctypes.c_int64 * (TLB_ENTRIES * TLB_WORDS))()
        self.flush()
        self.walks = 0                                 # TLB misses (for bench/tests)

    # ---- the page table ----------------------------------------------------------
    def walk(self, va: int) -> int:
        return walk(self.mem, self.root, va)

    def translate(self, va: int, access: str) -> int:
        """The physical address of va for `access` ("read", "write",
        "execute"), filling the TLB; PageFault if not permitted."""
        vpn = va >> SHIFT
        delta = self.tlb[access].get(vpn)
        if delta is None:
            delta = self._fill(va, access)
        return va + delta

    def _fill(self, va: int, access: str) -> int:
        self.walks += 1
        pte = self.walk(va)
        need = NEEDS[access]
        if pte & need != need:
            raise PageFault(access, va)
        vpn = va >> SHIFT
        delta = (pte & ADDR) - (vpn << SHIFT)
        tlb = self.tlb
        if len(tlb["read"]) > 1 << 16:                 # bound the Python side
            for d in tlb.values():
                d.clear()
        e = TLB_WORDS * (vpn & (TLB_ENTRIES - 1))
        n = self.native
        if n[e + 3] != delta or vpn not in (n[e], n[e + 1], n[e + 2]):
            n[e] = n[e + 1] = n[e + 2] = -1            # the slot now holds this page
        n[e + 3] = delta
        for kind, bits, slot in (("read", P | U, 0), ("write", P | U | W, 1),
                                 ("execute", P | U | X, 2)):
            if pte & bits == bits:
                tlb[kind][vpn] = delta
                n[e + slot] = vpn
        return delta

    def fill_native(self, va: int, width: int, access: str) -> int:
        """For native code's miss path: the addend (physical minus virtual)
        that makes va..va+width-1 an access on one page, or MISS (a fault,
        or an access across pages: the stepper then runs the instruction)."""
        if (va & OFFSET) > PAGE - width:
            return MISS
        try:
            return self.translate(va, access) - va
        except SegFault:
            return MISS

    def flush(self, va: int = 0) -> None:
        """TLBFLUSH: forget the page at va, or everything (va == 0)."""
        n = self.native
        if va == 0:
            for d in self.tlb.values():
                d.clear()
            ctypes.memset(n, 0xFF, ctypes.sizeof(n))
            return
        vpn = va >> SHIFT
        for d in self.tlb.values():
            d.pop(vpn, None)
        e = TLB_WORDS * (vpn & (TLB_ENTRIES - 1))
        if vpn in (n[e], n[e + 1], n[e + 2]):
            n[e] = n[e + 1] = n[e + 2] = -1

    def set_root(self, root: int) -> None:
        """CSR_PTBR := root: a new address space, so the TLB empties."""
        self.root = root
        self.flush()

    # ---- ranges, for block operations and the machine's own accesses ----------
    def chunks(self, va: int, n: int, access: str) -> list:
        """[(physical address, length)] covering va..va+n-1 page by page;
        PageFault at the first byte not permitted (the kernel maps that
        page, and the whole access runs again)."""
        out, at, end = [], va, va + n
        while at < end:
            pa = self.translate(at, access)
            step = min(end - at, PAGE - (at & OFFSET))
            if out and out[-1][0] + out[-1][1] == pa:
                out[-1] = (out[-1][0], out[-1][1] + step)
            else:
                out.append((pa, step))
            at += step
        return out

    def gather(self, va: int, n: int) -> bytes:
        mem = self.mem
        return b"".join(bytes(mem[pa:pa + k]) for pa, k in self.chunks(va, n, "read"))

    def scatter(self, va: int, data: bytes, access: str = "write") -> None:
        mem, at = self.mem, 0
        for pa, k in self.chunks(va, len(data), access):
            mem[pa:pa + k] = data[at:at + k]
            at += k


class PagedMemory(GuestMemory):
    """The machine's own accesses to a paged user address space (frames,
    spills, argv, system-call buffers): the same interface as GuestMemory,
    each address translated page by page."""

    def __init__(self, mmu: Mmu, data_base: int):
        super().__init__(mmu.mem, data_base)
        self.mmu = mmu

    def _permitted(self, address: int, n: int, access: str) -> bool:
        if n < 0:
            return False
        try:
            self.mmu.chunks(address, n, access)
        except SegFault:
            return False
        return True

    def readable(self, address: int, n: int) -> bool:
        return self._permitted(address, n, "read")

    def writable(self, address: int, n: int) -> bool:
        return self._permitted(address, n, "write")

    def load64(self, address: int) -> int:
        return struct.unpack("<q", self.mmu.gather(address, 8))[0]

    def store64(self, address: int, value: int) -> None:
        self.mmu.scatter(address, struct.pack("<q", value))

    def unpack(self, layout: struct.Struct, address: int) -> tuple:
        return layout.unpack(self.mmu.gather(address, layout.size))

    def pack(self, layout: struct.Struct, address: int, *values) -> None:
        self.mmu.scatter(address, layout.pack(*values))

    def read(self, address: int, n: int) -> bytes:
        return self.mmu.gather(address, n)

    def write(self, address: int, data: bytes) -> None:
        self.mmu.scatter(address, data)

    def cstring(self, address: int, limit: int = 4096) -> bytes | None:
        out, at = bytearray(), address
        while len(out) <= limit:
            step = PAGE - (at & OFFSET)
            try:
                pa = self.mmu.translate(at, "read")
            except SegFault:
                return None
            chunk = bytes(self.mem[pa:pa + step])
            end = chunk.find(b"\0")
            if end >= 0:
                out += chunk[:end]
                return bytes(out) if len(out) <= limit else None
            out += chunk
            at += step
        return None

    def load_image(self, address: int, data: bytes) -> None:
        """The loader writes text and constants too: any present user page."""
        self.mmu.scatter(address, data, "read")


def bind_paged(mmu: Mmu, data_base: int) -> dict:
    """semantics.bind's memory helpers for code that runs paged: the same
    names, each checking the TLB first and walking only on a miss."""
    from .semantics import fround32, M32, S32
    mem = mmu.mem
    rget, wget = mmu.tlb["read"].get, mmu.tlb["write"].get
    translate = mmu.translate
    structs = {n: struct.Struct("<" + n) for n in "bBhHiqfd"}

    def slow_load(a, layout):
        w = layout.size
        if (a & OFFSET) > PAGE - w:                     # across two pages
            return layout.unpack(mmu.gather(a, w))[0]
        try:
            return layout.unpack_from(mem, translate(a, "read"))[0]
        except SegFault:
            raise PageFault("read", a) from None

    def slow_store(a, layout, v):
        w = layout.size
        if (a & OFFSET) > PAGE - w:
            mmu.scatter(a, layout.pack(v))
            return
        try:
            layout.pack_into(mem, translate(a, "write"), v)
        except SegFault:
            raise PageFault("write", a) from None

    def loader(code):
        layout = structs[code]
        unpack, last = layout.unpack_from, PAGE - layout.size

        def load(a):
            d = rget(a >> SHIFT)
            if d is not None and a & OFFSET <= last:
                return unpack(mem, a + d)[0]
            return slow_load(a, layout)
        return load

    def storer(code, wrap=None):
        layout = structs[code]
        pack, last = layout.pack_into, PAGE - layout.size

        def store(a, v):
            d = wget(a >> SHIFT)
            if d is not None and a & OFFSET <= last:
                pack(mem, a + d, v)
            else:
                slow_store(a, layout, v)

        def wrapped_store(a, v):
            store(a, wrap(v))
        return store if wrap is None else wrapped_store

    # the byte and int forms, written out: the commonest accesses, one call each
    uB = structs["B"]
    h, i = structs["h"], structs["i"]
    ph, pi = h.pack_into, i.pack_into

    def ld8u(a):
        d = rget(a >> SHIFT)
        if d is not None:
            return mem[a + d]
        return slow_load(a, uB)

    def st8(a, v):
        d = wget(a >> SHIFT)
        if d is not None:
            mem[a + d] = v & 0xFF
        else:
            slow_store(a, uB, v & 0xFF)

    def st16(a, v):
        d = wget(a >> SHIFT)
        if d is not None and a & OFFSET <= 4094:
            ph(mem, a + d, ((v & 0xFFFF) ^ 0x8000) - 0x8000)
        else:
            slow_store(a, h, ((v & 0xFFFF) ^ 0x8000) - 0x8000)

    def st32(a, v):
        d = wget(a >> SHIFT)
        if d is not None and a & OFFSET <= 4092:
            pi(mem, a + d, ((v & M32) ^ S32) - S32)
        else:
            slow_store(a, i, ((v & M32) ^ S32) - S32)

    def memcopy(dst, src, n):
        n &= 0xFFFFFFFFFFFFFFFF
        if n == 0:
            return
        mmu.chunks(src, n, "read")                      # both checked before a byte moves
        mmu.chunks(dst, n, "write")
        mmu.scatter(dst, mmu.gather(src, n))

    def memfill(dst, byte, n):
        n &= 0xFFFFFFFFFFFFFFFF
        if n == 0:
            return
        mmu.chunks(dst, n, "write")
        mmu.scatter(dst, bytes([byte & 0xFF]) * n)

    ns = dict(ld8=loader("b"), ld8u=ld8u, ld16=loader("h"), ld16u=loader("H"),
              ld32=loader("i"), ld64=loader("q"), ldf32=loader("f"), ldf64=loader("d"),
              st8=st8, st16=st16, st32=st32,
              st64=storer("q"), stf32=storer("f", fround32), stf64=storer("d"),
              memcopy=memcopy, memfill=memfill)
    return ns


def paged_packers(mmu: Mmu):
    """PACKER/UNPACKER for translated code's frame accesses (spills, links,
    variadic slots): struct's pack_into/unpack_from, through the page table."""
    def packer(layout: struct.Struct):
        size = layout.size

        def pack(_mem, va, *values):
            mmu.scatter(va, layout.pack(*values))
        pack.size = size
        return pack

    def unpacker(layout: struct.Struct):
        def unpack(_mem, va):
            return layout.unpack(mmu.gather(va, layout.size))
        return unpack
    return packer, unpacker
