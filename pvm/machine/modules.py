"""Loading programs at run time: MODLOAD and MODFREE.

A kernel reads a bytecode file (the very bytes `pvm run` runs) into its
memory and asks the machine to load it.  The machine verifies it with the
same verifier as `pvm run` (a bad image is -ENOEXEC, never a host
exception), keeps it as a code space of its own, and describes it in the
kernel's `struct pvm_image` (pvm/abi/memmap.py IMAGE_FIELDS): the entry,
where text, constants, data and bss go, where the heap starts.  Given a
page table, it also writes the program's initial memory (text, constants,
data, zeroed bss) through it, so the kernel only maps fresh frames.

Code is kept outside guest memory, as in the JVM or Inferno's Dis: a
module is interned by the sha256 of its bytes, so ten processes running
`sh` share one module, and the interpreter's translations and the JIT's
native code are cached by that digest, the key `pvm run` uses for the
same file, so they are shared across processes, boots and bare runs.
Text addresses are per module: a user program's calls and returns resolve
in its own module (m.module, CSR_MODULE), which a trap frame records and
IRET restores.
"""
from __future__ import annotations

import hashlib
import struct
from collections import OrderedDict

from pvm.abi import errno as E
from pvm.abi import memmap as MM
from pvm.bytecode.program import TEXT_BASE
from .codespace import CodeSpace
from .mmu import ADDR, walk
from .traps import SegFault

MAX_IMAGE_BYTES = 64 << 20        # a bytecode file larger than this is refused
RETIRED = 16                      # unreferenced modules kept for a later MODLOAD
_DESC = struct.Struct(f"<{len(MM.IMAGE_FIELDS)}q")


class Modules:
    def __init__(self, m):
        self.m = m
        self.spaces: dict[int, CodeSpace] = {}    # handle -> its code space
        self.refs: dict[int, int] = {}
        self.by_digest: dict[str, int] = {}
        # modules no process uses any more, most recent last: a shell that
        # runs `ls` again finds its code space (and the run loop its
        # translations) without verifying again
        self.retired: OrderedDict[str, CodeSpace] = OrderedDict()

    def space(self, handle: int) -> CodeSpace:
        return self.spaces[handle]

    def valid(self, handle: int) -> bool:
        return handle in self.spaces

    # ---- MODLOAD ----------------------------------------------------------------
    def load(self, desc: int) -> int:
        """MODLOAD: the handle of the image `struct pvm_image` at desc names
        (kernel memory), or a negated errno."""
        m = self.m
        try:
            fields = list(m.physical.unpack(_DESC, desc))
        except SegFault:
            return -E.EFAULT
        get = dict(zip((name for name, _ in MM.IMAGE_FIELDS), fields))
        size = get["size"]
        if not 0 < size <= MAX_IMAGE_BYTES:
            return -E.ENOEXEC
        try:
            data = m.physical.read(get["image"], size)
        except SegFault:
            return -E.EFAULT
        digest = hashlib.sha256(data).hexdigest()
        handle = self.by_digest.get(digest)
        if handle is None:
            if len(self.spaces) >= MM.MAX_MODULES:
                return -E.ENOMEM
            space = self.retired.pop(digest, None) or self._verified(data, digest)
            if space is None:
                return -E.ENOEXEC
            # the smallest free handle: handles stay in 1..MAX_MODULES, so a
            # kernel may index arrays by them
            handle = next(h for h in range(1, MM.MAX_MODULES + 1) if h not in self.spaces)
            self.spaces[handle] = space
            self.refs[handle] = 0
            self.by_digest[digest] = handle
        space = self.spaces[handle]
        lay = space.layout
        p = space.program
        get.update(entry=lay.function_address[p.entry], text_base=TEXT_BASE,
                   text_end=lay.text_end, rodata_base=lay.rodata_base,
                   data_base=lay.data_base, heap_base=lay.heap_base)
        if get["pagetable"]:
            status = self._write_image(space, get["pagetable"])
            if status:
                return status
        try:
            m.physical.pack(_DESC, desc, *(get[name] for name, _ in MM.IMAGE_FIELDS))
        except SegFault:
            return -E.EFAULT
        self.refs[handle] += 1
        return handle

    @staticmethod
    def _verified(data: bytes, digest: str) -> CodeSpace | None:
        from pvm.bytecode import verify
        try:
            program = verify.load(data, "<modload>")
        except Exception:               # any malformed image: refused, never a host error
            return None
        program.digest = digest
        return CodeSpace(program, digest)

    def _write_image(self, space: CodeSpace, root: int) -> int:
        """Write the program's memory [TEXT_BASE, heap_base) through the
        page table at root (every page must be present), or -EFAULT."""
        lay = space.layout
        image = bytearray(lay.heap_base - TEXT_BASE)
        for k, address in enumerate(lay.function_address):
            text = space.text(k)
            image[address - TEXT_BASE:address - TEXT_BASE + len(text)] = text
        p = space.program
        image[lay.rodata_base - TEXT_BASE:lay.rodata_base - TEXT_BASE + len(p.rodata)] = p.rodata
        image[lay.data_base - TEXT_BASE:lay.data_base - TEXT_BASE + len(p.data)] = p.data
        frames = []
        for va in range(TEXT_BASE, lay.heap_base, MM.PAGE_SIZE):
            pa = self._lookup(root, va)
            if pa is None:
                return -E.EFAULT
            frames.append(pa)
        mem = self.m.mem
        for i, pa in enumerate(frames):
            mem[pa:pa + MM.PAGE_SIZE] = image[i * MM.PAGE_SIZE:(i + 1) * MM.PAGE_SIZE]
        return 0

    def _lookup(self, root: int, va: int) -> int | None:
        """The frame the page table at root maps va to, or None."""
        pte = walk(self.m.mem, root, va)
        return pte & ADDR if pte else None

    # ---- MODFREE ----------------------------------------------------------------
    def free(self, handle: int) -> None:
        """MODFREE: drop one reference.  The module stays loaded while a
        process may still run it; at zero it is forgotten."""
        if handle not in self.refs:
            return
        self.refs[handle] -= 1
        if self.refs[handle] <= 0:
            space = self.spaces.pop(handle)
            del self.refs[handle]
            self.by_digest.pop(space.key, None)
            self.retired[space.key] = space
            while len(self.retired) > RETIRED:
                self.retired.popitem(last=False)
