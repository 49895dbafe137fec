"""The privileged machine: modes, control registers, and the one trap path.

The machine runs in kernel mode or user mode (STATUS_USER).  Bare programs
(`pvm run`) run in kernel mode with no trap vector: their system calls are
hypercalls the VM services itself, and a trap ends the run with its report,
as always.  A kernel sets a trap vector (CSR_TVEC, the text address of its
handler) and drops to user mode with IRET; from then on every trap and
interrupt comes here:

    deliver(m, cause, value, args)   the state is exact at the instruction
        (or block boundary) where it happened: spill its registers into its
        frame, write a trap frame on the kernel stack (CSR_KSTACK when coming
        from user mode, else below the current frame), switch to kernel mode
        with interrupts off, and call the handler with the frame's address.
    iret(m, tf)   the handler's way back: restore mode, interrupts, FP and
        stack limit from the frame and resume at its PC (after the SYSCALL,
        with the frame's `ret` in its destination register; a faulting
        instruction is retried).  With STATUS_START in the frame's status,
        start a fresh call of the function at PC instead (how a kernel starts
        a user program).

Everything here acts on the Machine's state only; the run loop decides when
(pvm/exec/loop.py).  The layout of the trap frame, the CSR numbers and the
causes come from pvm/abi/memmap.py, which also generates the C header.
"""
from __future__ import annotations

import struct

from pvm.abi import memmap as MM
from .traps import (Abort, BadCall, DivideByZero, IllegalInstruction, MachineCheck,
                    ProtectionFault, SegFault, StackOverflow, SyscallTrap, Trap)

HANDLER_RETURN = 1                # the return address of a trap handler's frame:
                                  # not a text address, so returning there is caught
TF = MM.TRAPFRAME_OFFSET
_U64 = struct.Struct("<q")


# ---- control and status registers -------------------------------------------

# CSR number -> the Machine field that holds it, and the bits a CSRW may set
# (None: read-only; IPENDING is set by devices and cleared by delivery)
CSRS = {MM.CSR_STATUS: ("status", MM.STATUS_USER | MM.STATUS_IE),
        MM.CSR_TVEC: ("tvec", -1), MM.CSR_KSTACK: ("kstack", -1),
        MM.CSR_KSLIMIT: ("kslimit", -1), MM.CSR_IPENDING: ("ipending", None),
        MM.CSR_IMASK: ("imask", 0xFF), MM.CSR_PTBR: ("ptbr", -1),
        MM.CSR_MODULE: ("module", None)}


def csr_read(m, k: int) -> int:
    if k not in CSRS:
        raise IllegalInstruction(f"csrr of unknown control register {k}")
    return getattr(m, CSRS[k][0])


def csr_write(m, k: int, value: int) -> None:
    field, writable = CSRS.get(k, (None, None))
    if writable is None:
        raise IllegalInstruction(f"csrw of control register {k}")
    setattr(m, field, value & writable)
    if k in (MM.CSR_STATUS, MM.CSR_PTBR):
        m.update_regime()


def check_kernel(m, name: str) -> None:
    """Privileged instructions trap in user mode (Popek and Goldberg)."""
    if m.status & MM.STATUS_USER:
        raise IllegalInstruction(f"{name.lower()} in user mode")


# ---- traps and interrupts -----------------------------------------------------

def cause_of(trap: Trap) -> tuple:
    """(cause, value) of a trap, as the kernel sees it."""
    if isinstance(trap, SyscallTrap):
        return MM.CAUSE_SYSCALL, 0
    if isinstance(trap, IllegalInstruction):
        return MM.CAUSE_ILLEGAL, 0
    if isinstance(trap, ProtectionFault):
        return MM.CAUSE_PROTECTION, trap.address
    if isinstance(trap, SegFault):
        cause = {"write": MM.CAUSE_FAULT_WRITE, "execute": MM.CAUSE_FAULT_EXEC}
        return cause.get(trap.access, MM.CAUSE_FAULT_READ), trap.address
    if isinstance(trap, BadCall):
        return MM.CAUSE_BADCALL, trap.address
    if isinstance(trap, StackOverflow):
        return MM.CAUSE_STACK, 0
    if isinstance(trap, DivideByZero):
        return MM.CAUSE_DIVIDE, 0
    if isinstance(trap, Abort):
        return MM.CAUSE_BREAKPOINT, 0
    return None


def deliverable(trap: Trap) -> bool:
    return cause_of(trap) is not None


def pending_interrupt(m) -> int | None:
    """The line of an interrupt to take now, or None."""
    if not m.status & MM.STATUS_IE or not m.tvec:
        return None
    ready = m.ipending & m.imask
    if not ready:
        return None
    return (ready & -ready).bit_length() - 1


def deliver(m, cause: int, value: int = 0, args: tuple = ()) -> None:
    """Enter the kernel's trap handler for `cause` (see the module docstring).
    m.func/m.pc/m.fp/m.regs are exact where it happened."""
    here = m.text_offsets[m.func][m.pc]
    old_status, old_module = m.status, m.module
    lost = 0
    try:
        m.spill_regs()                             # in the interrupted code's memory
    except Trap as t:
        # User code whose own frame is not writable (a frame pointer moved
        # to an unmapped page) cannot be resumed: its registers have nowhere
        # to go.  The kernel gets the fault on that page, flagged, so that
        # it ends the process instead of the machine ending everything.
        spilled = cause_of(t) if old_status & MM.STATUS_USER else None
        if spilled is None:
            raise MachineCheck(f"double fault: {t.message} while entering the kernel "
                               f"for cause {cause}") from None
        (cause, value), lost = spilled, MM.STATUS_LOST
    m.status = 0                                   # kernel mode, interrupts off,
    m.update_regime()                              # the boot program, physical memory
    try:
        top = m.kstack if old_status & MM.STATUS_USER else m.sp()
        tf = (top - MM.TRAPFRAME_SIZE) & ~15
        fields = [0] * (MM.TRAPFRAME_SIZE // 8)
        fields[TF["cause"] // 8] = cause
        fields[TF["value"] // 8] = value
        fields[TF["pc"] // 8] = here
        fields[TF["fp"] // 8] = m.fp
        fields[TF["status"] // 8] = (MM.STATUS_PREV_USER if old_status & MM.STATUS_USER else 0) | \
            (MM.STATUS_PREV_IE if old_status & MM.STATUS_IE else 0) | lost
        fields[TF["slimit"] // 8] = m.stack_limit
        fields[TF["module"] // 8] = old_module
        fields[TF["icount"] // 8] = m.clock.icount
        for i, a in enumerate(args[:7]):
            fields[TF["a"] // 8 + i] = a
        m.guest.pack(struct.Struct(f"<{len(fields)}q"), tf, *fields)
    except Trap as t:
        raise MachineCheck(f"double fault: {t.message} while entering the kernel "
                           f"for cause {cause}") from None
    handler = m.function_at.get(m.tvec)
    if handler is None:
        raise MachineCheck(f"double fault: the trap vector {m.tvec:#x} is not a function")
    if old_status & MM.STATUS_USER and m.kslimit:
        m.stack_limit = m.kslimit
    m.sp_override = None
    try:
        m.enter(handler, (tf,), return_address=HANDLER_RETURN, caller_sp=tf)
    except Trap as t:                              # e.g. no CSR_KSLIMIT for the kernel stack
        raise MachineCheck(f"double fault: {t.message} entering the trap handler "
                           f"for cause {cause}") from None
    m.regs = m.fresh_regs(m.args)


def iret(m, tf: int) -> None:
    """Leave the kernel as the trap frame at `tf` says (module docstring).
    Afterwards m.func/m.pc/m.fp/m.regs are where to go on.  Everything is
    checked before anything changes, so a bad frame is the kernel's fault
    at its IRET: the module must be loaded, its pc a resume point of it
    and, under paging, on an executable page."""
    n = MM.TRAPFRAME_SIZE // 8
    fields = m.guest.unpack(struct.Struct(f"<{n}q"), tf)
    get = lambda name: fields[TF[name] // 8]            # noqa: E731
    status = get("status")
    if status & MM.STATUS_LOST and not status & MM.STATUS_START:
        raise BadCall("iret to a trap frame whose registers were lost (STATUS_LOST):", get("pc"))
    user = status & MM.STATUS_PREV_USER
    module = get("module") if user else 0
    if module and not m.modules.valid(module):
        raise BadCall("iret to a module not loaded:", module)
    space = m.modules.space(module) if module else m.boot_space
    place = space.location(get("pc"))
    if place is None:
        raise BadCall("iret to invalid address", get("pc"))
    if user and m.ptbr:
        from .mmu import NEEDS, PageFault
        need = NEEDS["execute"]
        if m.mmu.walk(get("pc")) & need != need:
            raise PageFault("execute", get("pc"))
    m.status = (MM.STATUS_USER if user else 0) | \
        (MM.STATUS_IE if status & MM.STATUS_PREV_IE else 0)
    m.module = module
    m.update_regime()
    m.stack_limit = get("slimit")
    m.sp_override = None
    k, pc = place
    if status & MM.STATUS_START:
        # a fresh call of the function at pc, its frame below fp, with the
        # frame's a[] as its arguments; returning from it ends the run
        fn = m.program.functions[k]
        args = tuple(fields[TF["a"] // 8:TF["a"] // 8 + fn.nparams])
        m.fp = 0
        m.func, m.pc = k, 0
        m.enter(k, args, return_address=0, caller_sp=get("fp"))
        m.regs = m.fresh_regs(m.args)
        return
    m.func, m.pc, m.fp = k, pc, get("fp")
    if get("cause") == MM.CAUSE_SYSCALL:
        # resume after the SYSCALL, with the kernel's result in its register
        dst = m.program.functions[k].code[pc][1]
        m.regs = m.unspill_regs()
        m.regs[dst] = get("ret")
        m.pc = pc + 1
        return
    m.regs = m.unspill_regs()
