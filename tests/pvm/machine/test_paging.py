"""The MMU (pvm/machine/mmu.py): the walk, the TLB and its flushes,
permissions (read-only text, the X bit), and the paged machine of
`pvm run --paged` (pvm/machine/vmkernel.py)."""
from __future__ import annotations

import io
import struct

import pytest

import pvm
from pvm.abi import memmap as MM
from pvm.exec.session import run_reporting, start
from pvm.machine.hostos import HostOS
from pvm.machine.mmu import PageFault
from pvm.machine.state import Machine

TIERS = pvm.TIERS
PTE = struct.Struct("<Q")


def leaf(m, va: int) -> int:
    """The physical address of the page-table entry that maps va."""
    table = m.mmu.root
    for shift in (30, 21):
        table = PTE.unpack_from(m.mem, table + 8 * ((va >> shift) & 511))[0] & MM.PTE["PTE_ADDR_MASK"]
    return table + 8 * ((va >> 12) & 511)


def paged_machine(source: str = "int main(void) { return 0; }\n") -> Machine:
    return Machine(pvm.compile_source(source), paged=True)


def test_user_pages_are_not_where_their_addresses_say():
    m = paged_machine()
    text = m.layout.function_address[0]
    assert m.paged and m.status & MM.STATUS_USER
    assert m.mmu.translate(text, "read") != text          # frames come from an allocator
    assert m.guest.read(text, 8) == bytes(m.mem[m.mmu.translate(text, "read"):][:8])


def test_permissions_follow_the_layout():
    m = paged_machine()
    text, data = m.layout.function_address[0], m.layout.data_base
    m.mmu.translate(text, "execute")
    with pytest.raises(PageFault):
        m.mmu.translate(text, "write")                      # text is read-only
    with pytest.raises(PageFault):
        m.mmu.translate(data, "execute")                    # data is not executable
    with pytest.raises(PageFault):
        m.mmu.translate(m.stack_limit - 1, "read")          # the guard page below the stack
    with pytest.raises(PageFault):
        m.mmu.translate(-8, "read")
    with pytest.raises(PageFault):
        m.mmu.translate(MM.DEVICE_BASE, "read")             # no device in a user address space


def test_a_changed_entry_takes_effect_at_the_flush():
    m = paged_machine()
    va = m.stack_top - 4096
    m.mmu.translate(va, "write")                            # now in the TLB
    at = leaf(m, va)
    PTE.pack_into(m.mem, at, PTE.unpack_from(m.mem, at)[0] & ~MM.PTE["PTE_W"])
    m.mmu.translate(va, "write")                            # stale, as on real hardware
    m.mmu.flush(va)
    with pytest.raises(PageFault):
        m.mmu.translate(va, "write")
    m.mmu.translate(va, "read")


CALL_THROUGH_POINTER = r"""
#include <stdio.h>
int twice(int x) { return 2 * x; }
int (*volatile fp)(int) = twice;
int main(void) { printf("%d\n", fp(21)); return 0; }
"""


@pytest.mark.parametrize("tier", TIERS)
def test_a_call_into_a_page_without_x_is_a_page_fault_on_execute(tier):
    program = pvm.compile_source(CALL_THROUGH_POINTER, name="x.c")
    out, err = io.BytesIO(), io.BytesIO()
    runner = start(program, ["x"], host=HostOS(stdin=io.BytesIO(), stdout=out, stderr=err),
                   tier=tier, paged=True)
    m = runner.m
    target = m.layout.function_address[program.function_index("twice")]
    at = leaf(m, target)
    PTE.pack_into(m.mem, at, PTE.unpack_from(m.mem, at)[0] & ~MM.PTE["PTE_X"])
    m.mmu.flush()
    status = run_reporting(runner)
    assert status == 139
    assert f"Segmentation fault: page fault on execute of address {target:#x} in main (x.c:5)" \
        in err.getvalue().decode()


@pytest.mark.parametrize("tier", TIERS)
def test_a_store_into_its_own_code_faults_under_paging(tier):
    src = "int main(void) { *(volatile char *)main = 0; return 0; }\n"
    r = pvm.run_source(src, name="w.c", tier=tier, paged=True)
    assert r.status == 139 and b"page fault on write of address 0x" in r.stderr


@pytest.mark.parametrize("tier", TIERS)
def test_the_heap_grows_page_by_page_and_fails_where_a_bare_run_fails(tier):
    src = r"""
    #include <stdio.h>
    #include <stdlib.h>
    int main(void) {
        long total = 0;
        char *p;
        while ((p = malloc(1 << 20)) != 0) { p[0] = 1; p[(1 << 20) - 1] = 2; total++; }
        printf("%ld MiB\n", total);
        return 0;
    }
    """
    bare = pvm.run_source(src, tier=tier)
    paged = pvm.run_source(src, tier=tier, paged=True)
    assert bare.status == paged.status == 0
    assert bare.stdout == paged.stdout and int(bare.stdout.split()[0]) > 40
