"""The memory map: what guest and machine agree on beyond system calls.

One table of the devices (where each one's page is, its registers, their
bits and values), the interrupt lines, the control and status registers
(CSRs), the trap causes and the layout of the trap frame.  The device models
(pvm/machine/devices/) and the machine's trap delivery read their numbers
from here, and `stdlib/include/pvm/machine.h` is generated from it
(`python -m pvm.abi`), so C and Python cannot disagree.

Devices live in one window at DEVICE_BASE, far above any guest memory: device
number i is the 4 KiB page at DEVICE_BASE + 0x1000*i.  Its registers are
8 bytes wide at offsets 0, 8, 16, ... in table order.  Guest code uses 8-byte
loads and stores through `volatile long *`; a 1-, 2- or 4-byte access at a
register's offset reads its low bytes or writes a zero-extended value.  Any
other address in the window, a read of a write-only register or a write of a
read-only one faults, and so does every device access from user mode.
"""
from __future__ import annotations

from typing import NamedTuple

DEVICE_BASE = 0x7F0000000000
DEVICE_PAGE_SIZE = 0x1000
# pages reserved for devices; those past the table's end fault like unused offsets
DEVICE_WINDOW_PAGES = 16
DEVICE_WINDOW_SIZE = DEVICE_PAGE_SIZE * DEVICE_WINDOW_PAGES
REGISTER_SIZE = 8

DISK_SECTOR_SIZE = 512
# with deterministic time the RTC runs at this many instructions per second
RTC_NOMINAL_RATE = 100_000_000


class Const(NamedTuple):
    """A named value of one device: a bit of a register, or a value one takes.
    Its C name is the device's prefix + name (CONSOLE_STATUS_RX_READY)."""
    name: str
    value: int
    doc: str


class Register(NamedTuple):
    name: str
    access: str      # "r", "w" or "rw": the other direction faults
    doc: str


class Device(NamedTuple):
    name: str                    # lower case; upper case is its C prefix
    index: int                   # its page in the window
    doc: str
    registers: list[Register]    # register i at offset 8*i
    constants: list[Const]
    irq: int | None = None       # its interrupt line, if it has one

    @property
    def base(self) -> int:
        return DEVICE_BASE + DEVICE_PAGE_SIZE * self.index

    @property
    def prefix(self) -> str:
        return self.name.upper()

    def offset(self, register: str) -> int:
        return REGISTER_SIZE * [r.name for r in self.registers].index(register)

    def address(self, register: str) -> int:
        return self.base + self.offset(register)


class Line(NamedTuple):
    """An interrupt line: pending and mask bit 1 << number."""
    name: str
    number: int
    doc: str


IRQ_LINES: list[Line] = [
    Line("IRQ_TIMER", 0, "the interval timer's count ran out"),
    Line("IRQ_CONSOLE", 1, "console input arrived (CONSOLE_CTRL_RX_IRQ)"),
    Line("IRQ_DISK", 2, "a disk command completed (DISK_CTRL_DONE_IRQ)"),
]
IRQ = {line.name: line.number for line in IRQ_LINES}
IRQ_TIMER, IRQ_CONSOLE, IRQ_DISK = IRQ["IRQ_TIMER"], IRQ["IRQ_CONSOLE"], IRQ["IRQ_DISK"]

DEVICES: list[Device] = [
    Device("power", 0, "power switch: the guest's exit", [
        Register("HALT", "w", "power off; the machine stops with exit status value & 0xFF"),
    ], []),
    Device("console", 1, "UART-like console: input from the host's stdin, output to its stdout", [
        Register("DATA", "rw", "r: next input byte 0-255, or -1 when none is ready; w: output the low byte"),
        Register("STATUS", "r", "the STATUS_ bits"),
        Register("CTRL", "rw", "the CTRL_ bits"),
    ], [
        Const("STATUS_RX_READY", 1, "an input byte is ready"),
        Const("STATUS_TX_READY", 2, "output is possible (always)"),
        Const("STATUS_RX_EOF", 4, "input has ended and every byte was read"),
        Const("CTRL_RX_IRQ", 1, "raise IRQ_CONSOLE when input arrives"),
    ], IRQ_CONSOLE),
    Device("timer", 2, "interval timer; time is counted in executed instructions", [
        Register("INTERVAL", "rw", "instructions between interrupts, 0 = stopped; a write restarts the count"),
        Register("COUNT", "r", "instructions executed since power-on"),
    ], [], IRQ_TIMER),
    Device("rtc", 3, "real-time clock: host time, or instruction-derived with deterministic time", [
        Register("SECONDS", "r", "whole seconds since 1970-01-01 UTC"),
        Register("NANOS", "r", "nanoseconds within the second"),
    ], [
        Const("NOMINAL_RATE", RTC_NOMINAL_RATE, "instructions per second of deterministic time"),
    ]),
    Device("disk", 4, "minidisk: 512-byte sectors of a host file; commands complete at once", [
        Register("SECTOR", "rw", "the sector the next command uses"),
        Register("ADDR", "rw", "guest address of the 512-byte buffer"),
        Register("COMMAND", "w", "a COMMAND_ value: starts (and completes) a transfer"),
        Register("STATUS", "r", "a STATUS_ value: how the last command ended"),
        Register("SECTORS", "r", "disk size in sectors"),
        Register("CTRL", "rw", "the CTRL_ bits"),
    ], [
        Const("SECTOR_SIZE", DISK_SECTOR_SIZE, "bytes per sector"),
        Const("COMMAND_READ", 1, "read sector SECTOR into the buffer at ADDR"),
        Const("COMMAND_WRITE", 2, "write the buffer at ADDR to sector SECTOR"),
        Const("STATUS_OK", 0, "done"),
        Const("STATUS_BAD_SECTOR", 1, "SECTOR is not on the disk"),
        Const("STATUS_BAD_ADDR", 2, "the buffer is not (writable) guest memory"),
        Const("STATUS_NO_DISK", 3, "no disk image is attached"),
        Const("STATUS_BAD_COMMAND", 4, "COMMAND was not a COMMAND_ value"),
        Const("CTRL_DONE_IRQ", 1, "raise IRQ_DISK when a command completes"),
    ], IRQ_DISK),
    Device("printer", 5, "line printer appending to a host file (--printer FILE)", [
        Register("DATA", "w", "append the low byte to the printer file"),
        Register("STATUS", "r", "the STATUS_ bits"),
    ], [
        Const("STATUS_READY", 1, "a printer file is attached"),
    ]),
]
DEVICE = {d.name: d for d in DEVICES}
DEVICE_END = DEVICE_BASE + DEVICE_PAGE_SIZE * len(DEVICES)   # just past the last device's page


class Csr(NamedTuple):
    name: str
    number: int      # the n of `csrr rD, #n` / `csrw #n, rS`
    access: str      # "r" or "rw"
    doc: str


CSRS: list[Csr] = [
    Csr("CSR_STATUS", 0, "rw", "the STATUS_ bits: mode and interrupt enable, now and before the trap"),
    Csr("CSR_TVEC", 1, "rw", "the trap handler, void handler(struct trapframe *); 0 = traps end the run"),
    Csr("CSR_KSTACK", 2, "rw", "top of the kernel stack; a trap from user mode puts its frame below it"),
    Csr("CSR_KSLIMIT", 3, "rw", "the kernel stack's limit, in force while the handler runs"),
    Csr("CSR_IPENDING", 4, "r", "pending interrupts, bit 1 << line"),
    Csr("CSR_IMASK", 5, "rw", "enabled interrupt lines, bit 1 << line"),
    Csr("CSR_PTBR", 6, "rw", "user mode's page-table root (physical); 0 = user mode runs unpaged; a write flushes the TLB"),
    Csr("CSR_MODULE", 7, "r", "the code module running in user mode (0 = the boot program), as a trap frame records it"),
]
CSR = {c.name: c.number for c in CSRS}

STATUS_BITS: list[Const] = [
    Const("STATUS_USER", 1, "mode: 1 = user, 0 = kernel"),
    Const("STATUS_IE", 2, "interrupts enabled"),
    Const("STATUS_PREV_USER", 4, "STATUS_USER before the trap (IRET restores it)"),
    Const("STATUS_PREV_IE", 8, "STATUS_IE before the trap (IRET restores it)"),
    Const("STATUS_START", 16, "in a trap frame: IRET starts a fresh call of the function at pc"),
    Const("STATUS_LOST", 32, "in a trap frame: the user's registers could not be saved (its frame's "
          "page faulted); IRET refuses to resume it"),
]
STATUS = {b.name: b.value for b in STATUS_BITS}

CAUSES: list[Const] = [
    Const("CAUSE_SYSCALL", 1, "SYSCALL from user mode: a[0] the number, a[1..6] the arguments"),
    Const("CAUSE_ILLEGAL", 2, "a privileged instruction in user mode"),
    Const("CAUSE_FAULT_READ", 3, "a bad read; value = the address"),
    Const("CAUSE_FAULT_WRITE", 4, "a bad write; value = the address"),
    Const("CAUSE_FAULT_EXEC", 5, "a bad jump or call target; value = the address"),
    Const("CAUSE_PROTECTION", 6, "a kernel-only access (a device register) from user mode; value = the address"),
    Const("CAUSE_DIVIDE", 7, "integer division by zero"),
    Const("CAUSE_BREAKPOINT", 8, "a TRAP instruction"),
    Const("CAUSE_BADCALL", 9, "a call through a bad function pointer"),
    Const("CAUSE_STACK", 10, "stack overflow (past the stack limit)"),
    Const("CAUSE_INTERRUPT", 16, "an interrupt: cause = CAUSE_INTERRUPT + its line"),
]
CAUSE = {c.name: c.value for c in CAUSES}

# ---- paging (pvm/machine/mmu.py): Sv39-like, three levels of 512 8-byte entries
PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PT_LEVELS = 3
PT_ENTRIES = 512
VA_BITS = PAGE_SHIFT + 9 * PT_LEVELS        # 39: user virtual addresses are below 1 << 39
PAGING: list[Const] = [
    Const("PAGE_SHIFT", PAGE_SHIFT, "a page is 1 << PAGE_SHIFT bytes"),
    Const("PAGE_SIZE", PAGE_SIZE, "bytes per page"),
    Const("PT_LEVELS", PT_LEVELS, "levels of page table: VA bits 38-30, 29-21, 20-12 index them"),
    Const("PT_ENTRIES", PT_ENTRIES, "8-byte entries per page-table page"),
    Const("VA_BITS", VA_BITS, "user virtual addresses are below 1 << VA_BITS"),
    Const("PTE_P", 1, "present: the entry is valid (a leaf also grants reading)"),
    Const("PTE_W", 2, "writable (leaf)"),
    Const("PTE_U", 4, "user mode may use the page (leaf); user pages need it"),
    Const("PTE_X", 8, "executable: its text may be called or returned to (leaf)"),
    Const("PTE_ADDR_MASK", 0x000FFFFFFFFFF000, "the physical address of the next table or of the page"),
]
PTE = {c.name: c.value for c in PAGING if c.name.startswith("PTE_")}

# ---- loading programs at run time: MODLOAD rD, rDesc (pvm/machine/modules.py)
# `struct pvm_image` at rDesc: the kernel fills the first three words, the
# machine the rest.  Addresses are the program's own (virtual) ones.
IMAGE_FIELDS: list[tuple[str, str]] = [
    ("image", "in: address of the bytecode file's bytes (kernel memory)"),
    ("size", "in: its length in bytes"),
    ("pagetable", "in: 0, or a page-table root through which to write the program's initial memory"),
    ("entry", "out: text address of the entry function (_start: argc, argv)"),
    ("text_base", "out: first text byte: [text_base, text_end) read-only, executable"),
    ("text_end", "out: end of text"),
    ("rodata_base", "out: [rodata_base, data_base) read-only constants"),
    ("data_base", "out: first writable byte (page-aligned): data, then bss"),
    ("heap_base", "out: end of bss (page-aligned): where the program's break starts"),
]
IMAGE_OFFSET: dict[str, int] = {name: 8 * i for i, (name, _) in enumerate(IMAGE_FIELDS)}
IMAGE_SIZE = 8 * len(IMAGE_FIELDS)
MAX_MODULES = 64        # loaded at once; MODLOAD beyond that returns -ENOMEM
# names as module constants (memmap.CSR_TVEC == 1), as fcntl does
globals().update(CSR)
globals().update(STATUS)
globals().update(CAUSE)

# The trap frame the machine writes: (field, count) of 8-byte words, in order.
TRAPFRAME_FIELDS: list[tuple[str, int]] = [
    ("cause", 1),    # a CAUSE_ value
    ("value", 1),    # the faulting address, or 0
    ("pc", 1),       # text address of the trapping (or interrupted) instruction
    ("fp", 1),       # its frame
    ("status", 1),   # CSR_STATUS at the trap
    ("slimit", 1),   # the interrupted code's stack limit
    ("a", 7),        # SYSCALL: the number and up to 6 arguments
    ("ret", 1),      # set by the kernel: the SYSCALL's result when resumed
    ("module", 1),   # the code module that was running (0 = the boot program); IRET resumes it
    ("icount", 1),   # instructions executed since power-on, at the trap (for CPU accounting)
]


def _trapframe_offsets() -> dict[str, int]:
    offsets, at = {}, 0
    for field, count in TRAPFRAME_FIELDS:
        offsets[field] = at
        at += 8 * count
    return offsets


TRAPFRAME_OFFSET: dict[str, int] = _trapframe_offsets()     # field -> byte offset
TRAPFRAME_SIZE = 8 * sum(count for _, count in TRAPFRAME_FIELDS)


# ---- the C header ---------------------------------------------------------------
def _define(name: str, value: str, doc: str = "") -> str:
    return f"#define {name} {value}" + (f"   /* {doc} */" if doc else "")


def _device_lines(d: Device) -> list[str]:
    out = [f"/* {d.prefix}: {d.doc} */",
           _define(f"{d.prefix}_BASE", f"{d.base:#x}")]
    for r in d.registers:
        out.append(_define(f"{d.prefix}_{r.name}_OFFSET", str(d.offset(r.name))))
    for r in d.registers:
        out.append(_define(f"{d.prefix}_{r.name}", f"((volatile long *){d.address(r.name):#x})",
                           f"{r.access}: {r.doc}"))
    for c in d.constants:
        out.append(_define(f"{d.prefix}_{c.name}", str(c.value), c.doc))
    return out + [""]


def header() -> str:
    """stdlib/include/pvm/machine.h: the whole file."""
    out = ["/* Generated by `python -m pvm.abi` from pvm/abi/memmap.py: do not edit. */",
           "/* <pvm/machine.h>: the privileged machine: devices, interrupt lines, control and",
           " * status registers, trap causes, the trap frame.  Device registers are 8 bytes",
           " * wide; access them through the volatile pointers below, in kernel mode only. */",
           "#ifndef _PVM_MACHINE_H", "#define _PVM_MACHINE_H", "",
           _define("DEVICE_BASE", f"{DEVICE_BASE:#x}", "device i's page: DEVICE_BASE + DEVICE_PAGE_SIZE*i"),
           _define("DEVICE_PAGE_SIZE", f"{DEVICE_PAGE_SIZE:#x}"),
           _define("DEVICE_WINDOW_SIZE", f"{DEVICE_WINDOW_SIZE:#x}", "reserved for devices from DEVICE_BASE"),
           _define("DEVICE_REGISTER_SIZE", str(REGISTER_SIZE)), ""]
    for d in DEVICES:
        out += _device_lines(d)
    out.append("/* interrupt lines: pending and mask bit 1 << line */")
    out += [_define(line.name, str(line.number), line.doc) for line in IRQ_LINES]
    out += ["", "/* control and status registers: csrr rD, #n / csrw #n, rS (kernel mode) */"]
    out += [_define(c.name, str(c.number), f"{c.access}: {c.doc}") for c in CSRS]
    out += ["", "/* CSR_STATUS bits */"]
    out += [_define(b.name, str(b.value), b.doc) for b in STATUS_BITS]
    out += ["", "/* trap causes (struct trapframe.cause) */"]
    out += [_define(c.name, str(c.value), c.doc) for c in CAUSES]
    out += ["", "/* paging: CSR_PTBR holds the root of user mode's page table */"]
    out += [_define(c.name, f"{c.value:#x}" if c.value > 4096 else str(c.value), c.doc)
            for c in PAGING]
    out += ["", "/* MODLOAD: what a loaded program looks like (see modload() in <pvm/modules.h>) */",
            "struct pvm_image {"]
    out += [f"    long {name};   /* {doc} */" for name, doc in IMAGE_FIELDS]
    out += ["};", _define("MAX_MODULES", str(MAX_MODULES))]
    out += ["", "/* what the machine writes when it delivers a trap to CSR_TVEC */",
            "struct trapframe {"]
    for field, count in TRAPFRAME_FIELDS:
        out.append(f"    long {field}{f'[{count}]' if count > 1 else ''};")
    out += ["};", _define("TRAPFRAME_SIZE", str(TRAPFRAME_SIZE))]
    out += [_define(f"TRAPFRAME_{field.upper()}_OFFSET", str(TRAPFRAME_OFFSET[field]))
            for field, _ in TRAPFRAME_FIELDS]
    out += ["", "#endif", ""]
    return "\n".join(out)
