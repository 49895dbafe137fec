"""The debugger's engine: breakpoints, stepping, watchpoints, frames.

The program runs in the reference stepper (pvm/interp/stepper.py), one
instruction at a time, so it can stop anywhere with the whole state exact;
after each instruction the engine checks what should stop it:
  * a breakpoint: the first instruction of a source line (gdb's lowest
    address of the line; for a function, of its first body line);
  * a watchpoint whose value changed;
  * step: the (frame, line) changed and the code is the program's own (the
    C library's functions are stepped over); a function is entered at its
    first body line;
  * next: the same, in this frame or an outer one;
  * finish: this frame returned.
A trap stops the program at the faulting instruction with the machine
intact; it cannot continue from there.

Tiers: a call whose callee cannot reach anything that may stop the program
(a function with a breakpoint; in `step`, the program's own code; through
a function pointer, any function whose address is taken) runs at full
speed instead, on the machine's tier (interpreter or JIT, see
Machine.call_function), unless a watchpoint needs every instruction seen.

Frames are read from guest memory: at FP, FP+0 holds the caller's FP and
FP+8 the return address, which Machine.return_points maps to (function,
instruction after the call).  A suspended frame's registers are in its save
area at FP - 8*nregs (spilled by the call); the current frame's are m.regs.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from pvm import isa
from pvm.machine.traps import GuestExit, Trap

STDLIB_DIR = os.sep + "stdlib" + os.sep


@dataclass
class Frame:
    func: int
    pc: int              # the instruction running (for callers: the call)
    fp: int
    level: int

    def regs(self, m) -> list:
        if self.level == 0:
            return m.regs
        fn = m.program.functions[self.func]
        if not fn.kinds:
            return []
        return list(struct.unpack_from("<" + fn.kinds, m.mem, self.fp - 8 * fn.nregs))

    def line(self, m) -> int:
        lines = m.program.functions[self.func].lines
        return lines[self.pc] if 0 <= self.pc < len(lines) else 0

    def file(self, m) -> str:
        fn = m.program.functions[self.func]
        return m.program.files[fn.file] if 0 <= fn.file < len(m.program.files) else "?"


@dataclass
class Breakpoint:
    number: int
    func: int
    pc: int
    where: str           # how the user named it
    hits: int = 0


@dataclass
class Watchpoint:
    number: int
    expr: str
    type: object         # CType
    address: int | None  # memory watched, or None for a register
    reg: tuple | None    # (fp, func, register) for a register local
    old: bytes | object = None
    hits: int = 0


@dataclass
class Stop:
    """Why the program stopped."""
    kind: str                            # breakpoint, watch, step, finish, exit, trap, interrupt
    breakpoint: Breakpoint | None = None
    watch: Watchpoint | None = None
    old: object = None
    new: object = None
    status: int | None = None
    message: str = ""
    returned: object = None              # finish: the value in m.retval
    left: int | None = None              # finish: the function returned from


class Engine:
    def __init__(self, runner):
        self.runner = runner             # pvm/exec/loop.py: steps and calls on the machine
        self.m = runner.m
        self.breakpoints: list[Breakpoint] = []
        self.watchpoints: list[Watchpoint] = []
        self.numbers = 0
        self._bp_at: dict = {}
        self.decl_lines: dict = {}       # function name -> line of its declarator

    # ---- locations --------------------------------------------------------------
    def body_start(self, k: int) -> int:
        """The first instruction of function k's first body line."""
        fn = self.m.program.functions[k]
        decl = self.decl_lines.get(fn.name) if self.user_code(k) else None
        if decl is None:
            return 0
        for pc, line in enumerate(fn.lines):
            if line > decl:
                return pc
        return 0

    def line_address(self, file: str, line: int) -> tuple | None:
        """(function, pc) of the lowest instruction of `line` in `file`, or
        of the next line that has code."""
        best = None
        for k, fn in enumerate(self.m.program.functions):
            path = self.m.program.files[fn.file] if fn.file < len(self.m.program.files) else ""
            if os.path.basename(path) != os.path.basename(file) and path != file:
                continue
            for pc, l in enumerate(fn.lines):
                if l >= line and (best is None or (l, 0) < (best[0], 0)):
                    best = (l, k, pc)
        return None if best is None else (best[1], best[2], best[0])

    def user_code(self, k: int) -> bool:
        fn = self.m.program.functions[k]
        path = self.m.program.files[fn.file] if fn.file < len(self.m.program.files) else ""
        return not (path.startswith(("<stdlib>", "stdlib/")) or STDLIB_DIR in os.path.abspath(path))

    # ---- breakpoints and watchpoints ---------------------------------------------------
    def add_breakpoint(self, func: int, pc: int, where: str) -> Breakpoint:
        self.numbers += 1
        bp = Breakpoint(self.numbers, func, pc, where)
        self.breakpoints.append(bp)
        self._index()
        return bp

    def delete(self, number: int | None = None) -> bool:
        before = len(self.breakpoints) + len(self.watchpoints)
        self.breakpoints = [b for b in self.breakpoints if number is not None and b.number != number]
        self.watchpoints = [w for w in self.watchpoints if number is not None and w.number != number]
        self._index()
        return len(self.breakpoints) + len(self.watchpoints) < before

    def _index(self) -> None:
        self._bp_at = {(b.func, b.pc): b for b in self.breakpoints}

    def add_watch(self, expr, ty, address=None, reg=None) -> Watchpoint:
        self.numbers += 1
        w = Watchpoint(self.numbers, expr, ty, address, reg)
        w.old = self.watch_value(w)
        self.watchpoints.append(w)
        return w

    def watch_value(self, w: Watchpoint):
        m = self.m
        if w.address is not None:
            return bytes(m.mem[w.address:w.address + w.type.size])
        fp, func, r = w.reg
        if m.fp == fp and m.func == func:
            return m.regs[r]
        if m.fp < fp:
            fn = m.program.functions[func]
            return struct.unpack_from("<" + fn.kinds[r], m.mem, fp - 8 * fn.nregs + 8 * r)[0]
        return None                      # the frame is gone

    # ---- frames -------------------------------------------------------------------
    def frames(self) -> list[Frame]:
        m = self.m
        out = [Frame(m.func, m.pc, m.fp, 0)]
        fp = m.fp
        while fp and len(out) < 10000:
            if not 0 < fp < len(m.mem) - 16:
                break
            ret, caller_fp = struct.unpack_from("<QQ", m.mem, fp + 8)[0], struct.unpack_from("<Q", m.mem, fp)[0]
            where = m.return_points.get(ret)
            if ret == 0 or where is None:
                break
            out.append(Frame(where[0], where[1] - 1, caller_fp, len(out)))
            fp = caller_fp
        return out

    # ---- which calls may run at full speed --------------------------------------------------
    def fast_callees(self, stepping_in: bool) -> list[bool]:
        """Per function: whether a call of it may run without the stepper."""
        m = self.m
        fns = m.program.functions
        key = (len(fns), frozenset((b.func, b.pc) for b in self.breakpoints), stepping_in)
        if getattr(self, "_fast_key", None) == key:
            return self._fast
        callees, indirect, taken = [], [], set()
        for f in fns:
            out = set()
            for ins in f.code:
                if ins[0] in isa.DIRECT_CALLS:
                    out.add(ins[2])
                elif ins[0] == "FADDR":
                    taken.add(ins[2])
            callees.append(out)
            indirect.append(any(ins[0] in isa.INDIRECT_CALLS for ins in f.code))
        data = bytes(m.program.data)
        for i in range(0, len(data) - 7, 8):       # function pointers in initialised data
            k = m.function_at.get(int.from_bytes(data[i:i + 8], "little"))
            if k is not None:
                taken.add(k)
        unsafe = {b.func for b in self.breakpoints}
        if stepping_in:
            unsafe |= {k for k in range(len(fns)) if self.user_code(k)}
        changed = True
        while changed:
            changed = False
            pointer_unsafe = bool(taken & unsafe)
            for k in range(len(fns)):
                if k not in unsafe and (callees[k] & unsafe or (indirect[k] and pointer_unsafe)):
                    unsafe.add(k)
                    changed = True
        self._fast_key, self._fast = key, [k not in unsafe for k in range(len(fns))]
        return self._fast

    def _fast_call(self, ins) -> None:
        """Run a CALL instruction's whole call at full speed."""
        m = self.m
        dst, k, base, n = ins[1:]
        args = tuple(m.regs[base:base + n])
        ret = m.text_offsets[m.func][m.pc + 1]
        callee = m.program.functions[k]
        new_fp = (m.sp() - 8 * max(len(args) - callee.nparams, 0) - 16) & ~15
        m.spill_regs()
        try:
            value = self.runner.call_function(k, args)
        except (Trap, KeyboardInterrupt):
            struct.pack_into("<Q", m.mem, new_fp + 8, ret)   # link the frames as CALL would have
            raise
        m.regs[dst] = value
        m.pc += 1

    # ---- running ------------------------------------------------------------------------
    def resume(self, mode: str, frame: tuple | None = None) -> Stop:
        """Run until something stops the program; mode is continue, step,
        next, finish (of `frame`, (fp, function), by default the current
        one) or stepi."""
        m = self.m
        step = self.runner.stepper.step
        start_fp, start_func = frame or (m.fp, m.func)
        start_line = Frame(m.func, m.pc, m.fp, 0).line(m)
        bp_at, watches = self._bp_at, self.watchpoints
        lines = m.program.functions
        fast = None if watches or mode == "stepi" else self.fast_callees(mode == "step")

        def one() -> None:
            """One instruction, or a whole call that may run at full speed."""
            if fast is not None:
                ins = lines[m.func].code[m.pc]
                if ins[0] in isa.DIRECT_CALLS and fast[ins[2]]:
                    self._fast_call(ins)
                    return
            step()

        def stop_here() -> Stop | None:
            """Whether the program stops after that instruction, and why."""
            if watches:
                stop = self._check_watches()
                if stop is not None:
                    return stop
            func, pc, fp = m.func, m.pc, m.fp
            bp = bp_at.get((func, pc))
            if bp is not None:
                bp.hits += 1
                return Stop("breakpoint", breakpoint=bp)
            if mode == "stepi":
                return Stop("step")
            if mode == "finish":
                return Stop("finish", returned=m.retval, left=start_func) if fp > start_fp else None
            if mode in ("step", "next"):
                if mode == "next" and fp < start_fp:
                    return None
                line = lines[func].lines[pc] if pc < len(lines[func].lines) else 0
                if not line or (fp == start_fp and line == start_line and func == start_func):
                    return None
                if not self.user_code(func):
                    return None
                if fp < start_fp and pc < self.body_start(func):
                    return None                    # entering: skip to the first body line
                return Stop("step")
            return None
        try:
            return self.runner.step_until(stop_here, one)
        except GuestExit as e:
            m.halted = e.status
            return Stop("exit", status=e.status)
        except Trap as t:
            return Stop("trap", message=t.message)
        except KeyboardInterrupt:
            return Stop("interrupt")

    def _check_watches(self) -> Stop | None:
        for w in list(self.watchpoints):
            new = self.watch_value(w)
            if new is None:
                self.watchpoints.remove(w)
                return Stop("watch-scope", watch=w)
            if new != w.old:
                old, w.old = w.old, new
                w.hits += 1
                return Stop("watch", watch=w, old=old, new=new)
        return None
