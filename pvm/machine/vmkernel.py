"""`pvm run --paged`: the VM itself plays a minimal kernel.

It does what a kernel's exec does, in Python: allocates physical frames
(bottom up, so a page's physical address differs from its virtual one;
page tables from the top down, so that pages mapped one after another get
frames one after another: the JIT's loop guards then find an array one
contiguous run and take its accesses out of the loop's TLB probes),
builds a page table that maps the program where `pvm run` would place it
(text read-only and executable, constants read-only, data and bss
writable; the stack writable, with an unmapped guard page below it; the
heap page by page as sbrk grows it), and runs the program in user mode
with CSR_PTBR set.  Its system calls trap (SyscallTrap), and the run loop
hands them here: the same host services as a bare run, reading and
writing the program's memory through the page table.  Any other trap ends
the run with its report, as in a bare run; a wild pointer is a page fault.

So the same bytecode runs bare and paged with the same output and status;
`tests/programs/test_paged.py` checks that on every tier.
"""
from __future__ import annotations

import struct

from pvm.abi import memmap as MM
from pvm.abi.syscalls import BY_NAME
from pvm.bytecode.program import TEXT_BASE
from . import mmu as MMU

_PTE = struct.Struct("<Q")
SYS_SBRK = BY_NAME["sbrk"].number


def physical_size(memory: int) -> int:
    """Physical memory for a paged machine whose programs see `memory`
    bytes of virtual memory: that, plus room for the page tables (one leaf
    table per 2 MiB, and a few more), so that sbrk fails exactly where it
    fails in a bare run."""
    return memory + MMU.PAGE * ((memory >> 21) + 8)


class VmKernel:
    def __init__(self, m):
        self.m = m
        self.mmu = m.mmu
        # a bump allocator over physical memory, a page off so that no page
        # sits at its own address (a mix-up of the two shows at once) ...
        self.next_frame = TEXT_BASE + MMU.PAGE
        self.next_table = len(m.mem)         # ... and for page tables, from the top down
        self.mapped_brk = 0                  # the heap is mapped up to here
        self.root = self.table()

    # ---- frames and mappings -------------------------------------------------------
    def frame(self) -> int:
        at = self.next_frame
        if at + MMU.PAGE > self.next_table:
            raise MemoryError("the paged machine ran out of physical frames")
        self.next_frame += MMU.PAGE
        return at

    def table(self) -> int:
        if self.next_table - MMU.PAGE < self.next_frame:
            raise MemoryError("the paged machine ran out of physical frames")
        self.next_table -= MMU.PAGE
        return self.next_table

    def map_page(self, va: int, flags: int) -> None:
        """Give the page at va a fresh (zero) frame with `flags` (plus P|U)."""
        mem, table = self.m.mem, self.root
        for shift in (30, 21):
            at = table + 8 * ((va >> shift) & 511)
            pte = _PTE.unpack_from(mem, at)[0]
            if not pte & MMU.P:
                pte = self.table() | MMU.P
                _PTE.pack_into(mem, at, pte)
            table = pte & MMU.ADDR
        _PTE.pack_into(mem, table + 8 * ((va >> 12) & 511), self.frame() | flags | MMU.P | MMU.U)

    def map_range(self, start: int, end: int, flags: int) -> None:
        for va in range(start & ~MMU.OFFSET, end, MMU.PAGE):
            self.map_page(va, flags)

    # ---- exec ----------------------------------------------------------------------
    def boot(self, layout, stack_limit: int, top: int) -> None:
        """Map a program laid out as `layout` with its stack in
        [stack_limit, top) and enter user mode on that page table."""
        m = self.m
        text_pages_end = (layout.text_end + MMU.OFFSET) & ~MMU.OFFSET   # shared with rodata
        self.map_range(TEXT_BASE, text_pages_end, MMU.X)
        self.map_range(text_pages_end, layout.data_base, 0)
        self.map_range(layout.data_base, layout.heap_base, MMU.W)
        self.mapped_brk = layout.heap_base
        self.map_range(stack_limit, top, MMU.W)      # the page below stays unmapped: a guard
        self.mmu.set_root(self.root)
        m.status = MM.STATUS_USER
        m.update_regime()

    # ---- system calls ----------------------------------------------------------------
    def syscall(self, m, args: tuple) -> int:
        """Service a user-mode SYSCALL as a bare run's host would; heap
        growth gets its pages mapped."""
        result = m.os.syscall(m, *args)
        if args and args[0] == SYS_SBRK and m.brk > self.mapped_brk:
            end = (m.brk + MMU.OFFSET) & ~MMU.OFFSET
            self.map_range(self.mapped_brk, end, MMU.W)
            self.mapped_brk = end
        return result
