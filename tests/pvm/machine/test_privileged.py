"""The privileged machine: Popek and Goldberg's condition, checked statically
on the opcode table and dynamically on every tier."""
from __future__ import annotations

import io

import pytest

import pvm
from pvm import isa
from pvm.abi import memmap as MM
from pvm.exec.session import start
from pvm.machine.hostos import HostOS

TIERS = ["interp"] + (["jit", "auto"] if "jit" in pvm.TIERS else [])


def test_the_table_refuses_a_sensitive_instruction_that_is_not_privileged():
    """The "cannot exist" demonstration: a row that touches the mode (or
    the interrupt state, the trap vector, ...) without being privileged."""
    for touches in ("mode", "interrupts", "traps", "mmu", "devices", "code"):
        row = isa.Op("SNEAKY", 250, "r", "A", "R[A] := secret", None, frozenset({touches}))
        with pytest.raises(isa.TableError, match=f"SNEAKY touches {touches} but is not privileged"):
            isa.check_privileges([row])
    isa.check_privileges([isa.Op("FINE", 251, "r", "A", "", None,
                                 frozenset({"mode", "privileged"}))])


def test_every_sensitive_instruction_is_privileged_and_the_rest_are_not():
    sensitive = {op.name for op in isa.OPS if op.sensitive}
    assert sensitive == {"SYSCALL", "CSRR", "CSRW", "IRET", "CLI", "STI", "WFI",
                         "TLBFLUSH", "MODLOAD", "MODFREE"}
    assert {op.name for op in isa.OPS if op.has("privileged")} == sensitive


# A kernel that starts `user` in user mode with interrupts on; the user
# function runs one privileged instruction between two known registers.
KERNEL = r"""
#include <pvm/machine.h>
static char kstack[8192], ustack[8192];
static struct trapframe boot;
struct trapframe *seen;
void trap(struct trapframe *tf) { seen = tf; *POWER_HALT = 42; }
void user(long n) {
    long a = 0x1111, b = 0x2222, keep = 0x3333;
    asm volatile(OP : "+r"(a) : "r"(b));
    __syscall(1, a + b + keep);
}
int main(void) {
    long h = (long)trap, k = (long)(kstack + sizeof kstack);
    asm volatile("csrw #1, %0" : : "r"(h));
    asm volatile("csrw #2, %0" : : "r"(k));
    boot.pc = (long)user;
    boot.fp = (long)(ustack + sizeof ustack);
    boot.status = STATUS_PREV_USER | STATUS_PREV_IE | STATUS_START;
    asm volatile("iret %0" : : "r"(&boot));
    return 1;
}
"""

PRIVILEGED = {"CSRR": "csrr %0, #0", "CSRW": "csrw #1, %1", "IRET": "iret %1",
              "CLI": "cli", "STI": "sti", "WFI": "wfi", "SYSCALL": "syscall %0, 0",
              "TLBFLUSH": "tlbflush %1", "MODLOAD": "modload %0, %1", "MODFREE": "modfree %1"}


def run_kernel(op_text: str, tier: str):
    program = pvm.compile_source(KERNEL.replace("OP", '"' + op_text + '"'), name="k.c")
    host = HostOS(stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.BytesIO())
    runner = start(program, ["k"], host=host, tier=tier)
    status = runner.run()
    return program, runner.m, status


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("name", sorted(PRIVILEGED))
def test_a_privileged_instruction_in_user_mode_traps_with_the_state_unchanged(name, tier):
    program, m, status = run_kernel(PRIVILEGED[name], tier)
    assert status == 42                                   # the handler ran
    seen = next(s.address for s in program.symbols if s.name == "seen")
    tf = m.guest.load64(seen)
    field = lambda f: m.guest.load64(tf + MM.TRAPFRAME_OFFSET[f])   # noqa: E731
    k = program.function_index("user")
    user = program.functions[k]
    j = next(i for i, ins in enumerate(user.code) if ins[0] == name)
    expected = MM.CAUSE_SYSCALL if name == "SYSCALL" else MM.CAUSE_ILLEGAL
    assert field("cause") == expected
    assert field("pc") == m.text_offsets[k][j]             # at the instruction itself
    assert field("status") == MM.STATUS_PREV_USER | MM.STATUS_PREV_IE   # mode and IE as they were
    handler = m.layout.function_address[program.function_index("trap")]
    assert m.tvec == handler                              # CSRW did not write
    regs = m.guest.read(field("fp") - 8 * user.nregs, 8 * user.nregs)
    values = [int.from_bytes(regs[8 * i:8 * i + 8], "little", signed=True) for i in range(user.nregs)]
    # the registers live across the instruction are as they were (a register
    # the instruction itself would overwrite is dead there: native code need
    # not keep it, and nothing can observe it)
    assert 0x2222 in values                                # its operand
    if name != "IRET":                                     # nothing is live after a terminator
        assert 0x3333 in values
