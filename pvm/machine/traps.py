"""Guest traps: the ways a running program can stop, and how each is reported.

A trap is raised as a Python exception inside an instruction and caught by
the machine's run loop, which adds where it happened (function, file, line)
and turns it into one line on stderr and an exit status.  Guest code never
sees a Python exception, and a user never sees a traceback.
"""
from __future__ import annotations

from pvm import isa
from pvm.errors import EXIT_ABORT, EXIT_BUS, EXIT_FPE, EXIT_FUEL, EXIT_ILL, EXIT_SEGV


class GuestExit(Exception):
    """The program ended normally: the exit system call (or a return from
    the outermost frame, the subclass below)."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class ReturnedToHost(GuestExit):
    """The outermost frame returned (to return address 0): the end of a run
    from `_start`, or the end of a host call of a guest function."""


class Trap(Exception):
    """Base class: a fault that stops the program.

    `message` is the report without the location; `status` the exit status.
    """
    status = EXIT_SEGV

    @property
    def message(self) -> str:
        return str(self)


class SegFault(Trap):
    def __init__(self, access: str, address: int):
        super().__init__(f"Segmentation fault: {access} of address {address & 0xFFFFFFFFFFFFFFFF:#x}")
        self.access, self.address = access, address


class BadCall(Trap):
    def __init__(self, what: str, address: int):
        super().__init__(f"Segmentation fault: {what} {address & 0xFFFFFFFFFFFFFFFF:#x}")
        self.address = address


class StackOverflow(Trap):
    def __init__(self):
        super().__init__("Stack overflow")


class DivideByZero(Trap):
    status = EXIT_FPE

    def __init__(self, what: str = "integer division by zero"):
        super().__init__(f"Floating point exception: {what}")


class Abort(Trap):
    status = EXIT_ABORT

    def __init__(self, what: str = "Aborted"):
        super().__init__(what)


class IllegalInstruction(Trap):
    """A privileged instruction in user mode, or one the machine cannot run
    (an unknown control register, a SYSCALL with no kernel and no host)."""
    status = EXIT_ILL

    def __init__(self, what: str):
        super().__init__(f"Illegal instruction: {what}")


class SyscallTrap(Trap):
    """SYSCALL in user mode: a trap into the kernel with the call's number
    and arguments (`args`), resumed after the SYSCALL by IRET."""
    status = EXIT_ILL

    def __init__(self, args: tuple):
        super().__init__(f"Illegal instruction: system call {args[0] if args else '?'} "
                         f"in user mode with no kernel to take it")
        self.args = args


class ProtectionFault(Trap):
    """User code touched what only the kernel may (a device register)."""

    def __init__(self, what: str, address: int):
        super().__init__(f"Segmentation fault: {what} {address & 0xFFFFFFFFFFFFFFFF:#x} "
                         f"in user mode")
        self.address = address


class MachineCheck(Trap):
    """The machine cannot go on: a trap while entering the kernel (a bad
    trap vector or kernel stack), or a trap handler that returned instead
    of ending with IRET."""
    status = EXIT_BUS


class OutOfFuel(Trap):
    status = EXIT_FUEL

    def __init__(self, executed: int):
        super().__init__(f"Out of fuel after {executed} instructions")
        self.executed = executed


def trap_for(code: int) -> Trap:
    """The trap that the TRAP instruction with operand `code` raises
    (isa.TRAPS names the codes; 0 and 2 are abort())."""
    if code in (0, 2):
        return Abort("Aborted")
    return Abort(isa.TRAPS.get(code, f"trap {code}"))
