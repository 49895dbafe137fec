"""The machine: all of a running program's state in one object.

At every safepoint (call, return, trap, fuel check) the whole state is:
guest memory (`mem`, which holds the call stack with every suspended
frame's registers and return address) plus the few fields below.  Nothing
lives only in a Python frame, which is what lets the tiers (pvm/interp,
pvm/jit) hand a running program to each other through the run loop
(pvm/exec/loop.py), and a guest OS switch stacks by setting FP.  The
Machine itself runs nothing: it holds state and the frame operations every
tier shares (enter, leave, spill).

Who owns each field:
    mem          guest memory, shared by every tier
    guest        the machine's own accesses to it (pvm/machine/memory.py)
    space        the loaded program and its text facts (codespace.py);
                 `program`, `layout`, `text_offsets`, ... read through it
    func, pc     the current function index and instruction index
    fp           frame pointer of the current frame (SP is derived from it:
                 fp - frame_bytes(func))
    regs         the current frame's registers, valid while stepping
    args         arguments being passed by a call in progress
    retval       value being returned by a return in progress
    fuel         instructions left before the next event (clock.py): the
                 end of the --fuel budget (OutOfFuel) or a timer deadline
    brk          the program break (top of the heap), moved by sbrk
    os           services system calls (HostOS without a guest OS)
    stack_limit  lowest address a frame may use (SETSL changes it: each
                 stack its own)
    sp_override  (fp, sp, limit) after SETSP: that frame's calls go below sp;
                 limit: the stack limit to restore when SP comes back
    status       mode and interrupt enable (privileged.py); kernel mode at
                 power-on, so a bare program is its own kernel
    tvec, kstack, kslimit, imask, ipending   the other control registers
    metered      whether native code counts instructions (a --fuel budget,
                 or a program that can take interrupts or read the clock)
    mmu          the page-table root (CSR_PTBR) and the TLB (mmu.py), made
                 on first use
    module       the code module user mode runs (CSR_MODULE; 0 = the boot
                 program); `modules` holds the loaded ones (modules.py)
    paged        whether the running code's accesses go through the page
                 table: user mode with a root set (update_regime)
    physical     the kernel's accessor: physical addresses; `guest` is it,
                 or the paged one while user mode runs paged
    host_kernel  `pvm run --paged`: the VM plays the kernel (vmkernel.py)
"""
from __future__ import annotations

import errno
import mmap
import os
import struct

from pvm.bytecode.program import ARGS_AREA, DEFAULT_STACK, PAGE, Program, align, default_memory
from pvm.errors import UsageError
from .clock import Clock
from .codespace import CodeSpace
from .memory import GuestMemory
from pvm import isa
from pvm.abi import memmap as MM
from .traps import BadCall, IllegalInstruction, MachineCheck, ReturnedToHost, StackOverflow, \
    SyscallTrap

UNLIMITED = 1 << 62
_U64 = struct.Struct("<q")
_F64 = struct.Struct("<d")
_LINK = struct.Struct("<qq")       # saved FP, return address
# a reservation, not a commitment: without it Linux refuses a mapping larger
# than the host's free memory, and every guest page is host memory only once
# touched anyway (the flag is Linux's; Python does not name it)
_MAP_NORESERVE = getattr(mmap, "MAP_NORESERVE", 0x4000 if os.uname().sysname == "Linux" else 0)


def _reaches_the_machine(program) -> bool:
    """Whether a program can take interrupts or read the instruction count:
    it has machine instructions (stack switches, privileged ones), or it
    names a device register (device pointers are constants: an LI in the
    device window).  Native code counts instructions only for such programs, so
    that bare programs run unmetered."""
    lo, hi = MM.DEVICE_BASE, MM.DEVICE_BASE + MM.DEVICE_WINDOW_SIZE
    for fn in program.functions:
        for ins in fn.code:
            name = ins[0]
            if name == "LI":
                if lo <= ins[2] < hi:
                    return True
            elif name in _MACHINE_OPS:
                return True
    return False


# the instructions that reach the machine (a set: the scan above runs at every start)
_MACHINE_OPS = frozenset(name for name, op in isa.BY_NAME.items() if name != "SYSCALL"
                         and (op.has("privileged") or op.has("machine")))


class _DeviceHost:
    """The machine as its devices see it (devices/board.py's MachineHost)."""

    def __init__(self, m):
        self.m = m
        self.memory = m.physical          # devices see physical memory (DMA)

    @property
    def icount(self) -> int:
        return self.m.clock.icount

    def raise_irq(self, line: int) -> None:
        self.m.ipending |= 1 << line

    def set_timer(self, interval: int) -> None:
        self.m.clock.set_timer(interval)


class Machine:
    def __init__(self, program: Program, *, memory: int | None = None,
                 stack: int = DEFAULT_STACK, fuel: int | None = None, os=None,
                 program_key: str | None = None, paged: bool = False):
        self.space = self.boot_space = space = CodeSpace(program, program_key)
        lay = space.layout
        if memory is None:
            memory = default_memory()
        need = lay.heap_base + stack + ARGS_AREA + PAGE
        if memory < need:
            raise UsageError(f"--memory {memory} is too small for this program "
                             f"(needs at least {need})")
        # anonymous mmap: zero pages cost nothing until touched, so a machine
        # of gigabytes starts instantly and a small program's run uses only
        # the pages it touches; it supports the same buffer protocol
        physical = memory
        if paged:
            from .vmkernel import physical_size
            physical = physical_size(memory)
        try:
            self.mem = mmap.mmap(-1, physical, flags=mmap.MAP_PRIVATE | _MAP_NORESERVE)
        except (OSError, OverflowError) as e:
            raise UsageError(f"cannot reserve {physical} bytes of guest memory: {e}") from None
        self.top = memory                    # the program's address space ends here
        self.guest = self.physical = GuestMemory(self.mem, lay.data_base)
        self._mmu = None
        self.module = 0
        self._modules = None
        self.paged = False
        self.host_kernel = None
        self.status = 0                  # kernel mode, interrupts off
        self.stack_top = memory - ARGS_AREA
        self.stack_limit = self.stack_top - stack
        if paged:
            from .vmkernel import VmKernel
            self.host_kernel = VmKernel(self)
            self.host_kernel.boot(lay, self.stack_limit, memory)
        space.write_image(self.guest)
        # the heap may grow up to the main stack, wherever the running code's
        # stack is (SETSL moves stack_limit to a thread's stack in the heap)
        self.heap_limit = self.stack_limit
        self.brk = lay.heap_base
        self.fuel = UNLIMITED if fuel is None else fuel
        self.fuel_budget = self.fuel
        self.clock = Clock(self)
        self._devices: dict | None = None   # how to build the devices (attach_devices)
        self._bus = None                 # the devices, built on first use (property bus)
        self.func = program.entry
        self.pc = 0
        self.fp = 0
        self.regs: list = []
        self.args: tuple = ()
        self.retval = 0
        self.halted: int | None = None
        self.sp_override: tuple | None = None
        self.tvec = self.kstack = self.kslimit = 0
        self.imask = self.ipending = 0
        self.metered = fuel is not None or _reaches_the_machine(program)
        if os is None:
            from .hostos import HostOS
            os = HostOS()
        self.os = os

    # ---- the regime: which code runs, and how it addresses memory -------------
    @property
    def mmu(self):
        if self._mmu is None:
            from .mmu import Mmu
            self._mmu = Mmu(self.mem)
        return self._mmu

    @property
    def modules(self):
        """The loaded code modules (MODLOAD), made on first use."""
        if self._modules is None:
            from .modules import Modules
            self._modules = Modules(self)
        return self._modules

    @property
    def ptbr(self) -> int:
        return self._mmu.root if self._mmu is not None else 0

    @ptbr.setter
    def ptbr(self, root: int) -> None:
        if root or self._mmu is not None:
            self.mmu.set_root(root)

    def update_regime(self) -> None:
        """After the mode, CSR_PTBR or the user module changed: which code
        space runs (the boot program's in kernel mode, else the user
        module's) and whether its accesses are paged."""
        user = self.status & MM.STATUS_USER
        self.space = self.modules.space(self.module) if user and self.module else self.boot_space
        self.paged = bool(user and self._mmu is not None and self._mmu.root)
        if not self.paged:
            self.guest = self.physical
        elif getattr(self.guest, "mmu", None) is None or self.guest.data_base != self.layout.data_base:
            from .mmu import PagedMemory
            self.guest = PagedMemory(self._mmu, self.layout.data_base)

    # ---- the loaded program (see codespace.py) ------------------------------
    @property
    def program(self) -> Program:
        return self.space.program

    @property
    def layout(self):
        return self.space.layout

    @property
    def program_key(self) -> str | None:
        return self.space.key

    @property
    def text_offsets(self) -> list:
        return self.space.text_offsets

    @property
    def return_points(self) -> dict:
        return self.space.return_points

    @property
    def function_at(self) -> dict:
        return self.space.function_at

    def set_args(self, argv: list[bytes]) -> None:
        """Place argv strings and the argv array at the top of memory and
        prepare the call of the entry function (argc, argv)."""
        at, addrs = self.stack_top, []
        for a in argv:
            data = a + b"\0"
            if at + len(data) > self.top - 8 * (len(argv) + 1) - 16:
                raise UsageError("arguments too long")
            addrs.append(at)
            self.guest.write(at, data)
            at += len(data)
        at = align(at, 8)
        argv_addr = at
        for a in addrs + [0]:
            self.guest.store64(at, a)
            at += 8
        entry = self.program.entry
        self.func, self.pc, self.fp = entry, 0, 0
        nparams = self.program.functions[entry].nparams
        self.enter(entry, (len(argv), argv_addr)[:nparams],
                   return_address=0, caller_sp=self.stack_top)
        self.regs = self.fresh_regs(self.args)

    # ---- frames (see pvm/bytecode/program.py for the layout) ----------------
    def frame_bytes(self, findex: int) -> int:
        return self.program.functions[findex].frame_bytes

    def sp(self) -> int:
        """Where the current frame's calls push their frames: below its own
        frame, or below what SETSP set for it."""
        o = self.sp_override
        if o is not None and o[0] == self.fp:
            return o[1]
        return self.fp - self.frame_bytes(self.func)

    def enter(self, callee: int, args: tuple, return_address: int | None = None,
              caller_sp: int | None = None) -> None:
        """Push a frame for `callee`.  The caller's registers must already
        be spilled."""
        fn = self.program.functions[callee]
        if return_address is None:
            return_address = self.text_offsets[self.func][self.pc]
            caller_sp = self.sp()
        extra = args[fn.nparams:]
        if len(args) < fn.nparams or (extra and not fn.variadic):
            raise BadCall(f"call to {fn.name} with {len(args)} arguments, expected {fn.nparams}:",
                          self.layout.function_address[callee])
        new_fp = (caller_sp - 8 * len(extra) - 16) & ~15
        if new_fp - fn.frame_bytes < self.stack_limit:
            # the state stays at the call, as for any faulting instruction:
            # a kernel may grow the stack and run the call again
            raise StackOverflow()
        guest = self.guest
        for i, v in enumerate(extra):
            guest.pack(_F64 if isinstance(v, float) else _U64, new_fp + 16 + 8 * i, v)
        guest.pack(_LINK, new_fp, self.fp, return_address)
        self.fp = new_fp
        self.func, self.pc = callee, 0
        self.args = args[:fn.nparams]

    def leave(self) -> None:
        """Pop the current frame; continue at the return address.  Returning
        to address 0 ends the run (ReturnedToHost) with the returned value."""
        o = self.sp_override
        if o is not None and o[0] == self.fp:     # SETSP's redirection ends with its frame
            self.sp_override = None
            self.stack_limit = o[2]
        caller_fp, ret = self.guest.unpack(_LINK, self.fp)
        if ret == 0:
            raise ReturnedToHost(self.retval & 0xFF if isinstance(self.retval, int) else 0)
        if ret == 1:                     # privileged.HANDLER_RETURN
            raise MachineCheck("machine check: a trap handler returned instead of ending with iret")
        where = self.return_points.get(ret)
        if where is None:
            raise BadCall("return to invalid address", ret)
        self.func, self.pc = where
        self.fp = caller_fp

    def fresh_regs(self, args: tuple) -> list:
        fn = self.program.functions[self.func]
        return list(args) + [0.0 if k == "d" else 0 for k in fn.kinds[len(args):]]

    def spill_regs(self) -> None:
        fn = self.program.functions[self.func]
        if fn.kinds:
            self.guest.pack(struct.Struct("<" + fn.kinds), self.fp - 8 * fn.nregs, *self.regs)

    def unspill_regs(self) -> list:
        fn = self.program.functions[self.func]
        if not fn.kinds:
            return []
        return list(self.guest.unpack(struct.Struct("<" + fn.kinds), self.fp - 8 * fn.nregs))

    # ---- devices (pvm/machine/devices) ---------------------------------------
    def attach_devices(self, *, stdin, stdout, disk=None, printer=None,
                       deterministic: bool = False) -> None:
        """Plug in the devices of the memory map (pvm/abi/memmap.py).  They
        are built when first touched: a bare program never pays for them."""
        self._devices = dict(stdin=stdin, stdout=stdout, disk=disk, printer=printer,
                             deterministic=deterministic)
        if disk is not None and not os.path.exists(disk):
            raise FileNotFoundError(errno.ENOENT, "no such disk image", disk)

    @property
    def bus(self):
        """The device bus, or None if no devices are attached."""
        if self._bus is None and self._devices is not None:
            from .devices.board import make_devices
            self._bus = make_devices(_DeviceHost(self), **self._devices)

            def timer_fired():
                self._bus.timer_fired()
                self._bus.poll()              # console input raises its interrupt too
            self.clock.on_timer = timer_fired
        return self._bus

    def close_devices(self) -> None:
        """Close the disk image and the printer file, if they were opened."""
        if self._bus is not None:
            self._bus.close()

    def wait_for_interrupt(self) -> None:
        """WFI: the clock jumps to the next timer deadline; with no timer,
        the console's input is the only thing that can wake the machine."""
        if self.clock.skip_to_deadline():
            return
        if self.bus is not None and self.bus.wait_for_input():
            self.bus.poll()
            if self.ipending & self.imask:
                return
        raise MachineCheck("deadlock: wfi with no interrupt that could ever come")

    # ---- system calls -------------------------------------------------------
    def service_call(self, m, number: int, *args) -> int:
        """SYSCALL: in kernel mode a hypercall the host services (HostOS:
        the bare `pvm run` ABI); in user mode a trap to the kernel."""
        if self.status & MM.STATUS_USER:
            raise SyscallTrap((number, *args))
        if self.os is None:
            raise IllegalInstruction("system call with no host services")
        return self.os.syscall(m, number, *args)

    # ---- a live program (REPL, debugger): see codespace.py ------------------
    def add_function(self, fn, address: int) -> int:
        return self.space.add_function(fn, address, self.guest)

    def replace_function(self, k: int, fn, address: int) -> list[int]:
        return self.space.replace_function(k, fn, address, self.guest)

    def snapshot(self) -> tuple:
        """The state a run may change: registers and fields, data..break,
        and the stack in use (with argv above it).  Text is read-only."""
        lo = self.layout.data_base
        sp = self.sp() if self.fp else self.stack_top
        return (bytes(self.mem[lo:self.brk]), sp, bytes(self.mem[sp:len(self.mem)]),
                self.brk, self.func, self.pc, self.fp, list(self.regs), self.args,
                self.retval, self.halted, self.fuel)

    def restore(self, snap: tuple) -> None:
        """Put back a snapshot() taken on this machine."""
        data, sp, stack, brk, self.func, self.pc, self.fp, regs, self.args, \
            self.retval, self.halted, self.fuel = snap
        lo = self.layout.data_base
        if self.brk > brk:                   # memory given back reads as zero again
            self.mem[brk:self.brk] = bytes(self.brk - brk)
        self.brk = brk
        self.mem[lo:lo + len(data)] = data
        self.mem[sp:len(self.mem)] = stack
        self.regs = list(regs)

    # ---- reporting ----------------------------------------------------------
    def where(self) -> str:
        """`f (prog.c:7)` for the current instruction."""
        p = self.program
        fn = p.functions[self.func]
        line = fn.lines[self.pc] if 0 <= self.pc < len(fn.lines) else 0
        if not line and fn.lines:
            line = next((l for l in fn.lines if l), 0)
        file = p.files[fn.file] if 0 <= fn.file < len(p.files) else "?"
        return f"{fn.name} ({file}:{line})" if line else f"{fn.name}"
