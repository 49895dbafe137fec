"""The machine: all of a running program's state in one object, and its run loop.

At every safepoint (call, return, trap, fuel check) the whole state is:
guest memory (`mem`, which holds the call stack with every suspended
frame's registers and return address) plus the few fields below.  Nothing
lives only in a Python frame, which is what lets the stepper, the fast
translated form and (later) the JIT hand a running program to each other,
and a guest OS switch stacks by setting FP.

Who owns each field:
    mem          guest memory, shared by every tier
    program      the verified Program being run (read-only)
    func, pc     the current function index and instruction index
    fp           frame pointer of the current frame (SP is derived from it:
                 fp - 8*nregs - frame_size)
    regs         the current frame's registers, valid while stepping
    args         arguments being passed by a call in progress
    retval       value being returned by a return in progress
    fuel         instructions left before the machine stops (OutOfFuel)
    brk          the program break (top of the heap), moved by sbrk
    os           services system calls (pvm.machine.hostos without a guest OS)
"""
from __future__ import annotations

import dataclasses
import mmap
import struct
import sys

from . import semantics
from pvm.bytecode.program import (ARGS_AREA, DEFAULT_MEMORY, DEFAULT_STACK, PAGE, TEXT_BASE,
                                  Program, align, program_layout)
from .traps import Abort, BadCall, GuestExit, OutOfFuel, StackOverflow, Trap
from pvm import isa
from pvm.interp.translate import FlatCall, Step, TierUp, leaders, translate

UNLIMITED = 1 << 62
# Guest calls nest as Python calls up to this depth (see translate.op_CALL);
# deeper ones go through the main loop.  CPython 3.11 keeps such calls off
# the C stack, so only the recursion limit needs raising.
MAX_HOST_DEPTH = 100_000
_U64 = struct.Struct("<q")


class Machine:
    def __init__(self, program: Program, *, memory: int = DEFAULT_MEMORY,
                 stack: int = DEFAULT_STACK, fuel: int | None = None, os=None,
                 tier: str = "interp", jit_threshold: int = 1000, jit_log=None,
                 dump_llvm=None, jit_cache_mb: int = 256, program_key: str | None = None,
                 jit_warm_start: bool = False):
        self.program = program
        # identifies the program's bytecode (its file hash) for the caches of
        # translated code; None disables them
        self.program_key = program_key
        self.layout = lay = program_layout(program)
        if memory < lay.heap_base + stack + ARGS_AREA + PAGE:
            raise ValueError(f"--memory {memory} is too small for this program "
                             f"(needs at least {lay.heap_base + stack + ARGS_AREA + PAGE})")
        # anonymous mmap: zero pages cost nothing until touched, so a 64 MiB
        # machine starts instantly; it supports the same buffer protocol
        self.mem = mmap.mmap(-1, memory)
        self._load_image()
        self.stack_top = memory - ARGS_AREA
        self.stack_limit = self.stack_top - stack
        self.brk = lay.heap_base
        self.fuel = UNLIMITED if fuel is None else fuel
        self.fuel_budget = self.fuel
        self.func = program.entry
        self.pc = 0
        self.fp = 0
        self.regs: list = []
        self.args: tuple = ()
        self.retval = 0
        self.halted: int | None = None
        if os is None:
            from .hostos import HostOS
            os = HostOS()
        self.os = os
        self._fast: list = [None] * len(program.functions)
        self._translations: dict = {}
        self._code_owner: dict = {}      # code object of a translation -> function index
        self._leader_sets: dict = {}
        # the JIT tier (pvm/jit): None when running on the interpreter alone
        self.jit = None
        self.jit_threshold = jit_threshold
        self.counting = False            # translated code counts calls and back-edges
        self.calls = [0] * len(program.functions)
        self.osr_ok = [True] * len(program.functions)
        if tier in ("jit", "auto"):
            from pvm.jit import available
            why = available(load=tier == "jit")   # auto: import llvmlite only to compile
            if why is None:
                from pvm.jit.tier import JitTier
                self.jit = JitTier(self, log=jit_log, dump=dump_llvm, cache_mb=jit_cache_mb)
                self.counting = tier == "auto"
            elif tier == "jit":
                from pvm.errors import PvmError
                raise PvmError(f"pvm: --tier=jit is not available here: {why}")
        self._namespace = self._bind()
        from pvm.interp.stepper import Stepper
        self.stepper = Stepper(self, self._namespace)
        if tier == "jit" and self.jit is not None:
            self.jit.compile_on_first_call()
        elif jit_warm_start and self.jit is not None:
            # the units the last run compiled, from the disk cache (pvm/jit/warmstart.py)
            self.jit.warm_start()

    # ---- loading -----------------------------------------------------------
    def _load_image(self) -> None:
        p, lay, mem = self.program, self.layout, self.mem
        self.text_offsets = []          # per function: byte offset of each instruction
        self.return_points = {}         # text address -> (function, instruction index)
        for i, fn in enumerate(p.functions):
            code = isa.encode_code(fn.code)
            base = lay.function_address[i]
            mem[base:base + len(code)] = code
            offs, at, size = [], base, isa.SIZE
            for ins in fn.code:
                offs.append(at)
                at += size[ins[0]]
            self.text_offsets.append(offs)
            for j, ins in enumerate(fn.code):
                if isa.BY_NAME[ins[0]].has("call") and j + 1 < len(fn.code):
                    self.return_points[offs[j + 1]] = (i, j + 1)
        mem[lay.rodata_base:lay.rodata_base + len(p.rodata)] = p.rodata
        mem[lay.data_base:lay.data_base + len(p.data)] = p.data
        self.function_at = {a: i for i, a in enumerate(lay.function_address)}

    def _bind(self) -> dict:
        ns = semantics.bind(self.mem, self.layout.data_base)
        function_at = self.function_at

        def FUNC_AT(address):
            i = function_at.get(address)
            if i is None:
                raise BadCall("call to non-function address", address)
            return i

        fns = self.program.functions
        ns.update(mem=self.mem, faddr=list(self.layout.function_address),
                  SYSCALL=self.os.syscall, TRAP=_trap, FUNC_AT=FUNC_AT,
                  FAST=self._fast, TRANSLATE=self.fast, PUT2=struct.Struct("<qq").pack_into,
                  HOST_FLOOR=max(self.stack_limit, self.stack_top - 16 * MAX_HOST_DEPTH),
                  CALL_SHAPE=[-1 if f.variadic else f.nparams for f in fns],
                  FRAME_BYTES=[8 * f.nregs + f.frame_size for f in fns],
                  FlatCall=FlatCall, Step=Step, TierUp=TierUp,
                  CALLS=self.calls, OSR_OK=self.osr_ok, TIER_UP=self._tier_up)
        for k in range(len(fns)):        # F<k>: translated on first call, then rebound
            ns[f"F{k}"] = self._lazy(k)
        self._ld64, self._st64 = ns["ld64"], ns["st64"]
        return ns

    def set_args(self, argv: list[bytes]) -> None:
        """Place argv strings and the argv array at the top of memory and
        prepare the call of the entry function (argc, argv)."""
        mem, at = self.mem, self.stack_top
        addrs = []
        for a in argv:
            data = a + b"\0"
            addrs.append(at)
            at += len(data)
            if at > len(mem) - 8 * (len(argv) + 1) - 16:
                raise ValueError("arguments too long")
            mem[addrs[-1]:at] = data
        at = align(at, 8)
        argv_addr = at
        for a in addrs + [0]:
            _U64.pack_into(mem, at, a)
            at += 8
        self.func, self.pc = self.program.entry, 0
        self.fp = 0
        self.enter(self.program.entry, (len(argv), argv_addr)[:self.program.functions[self.program.entry].nparams],
                   return_address=0, caller_sp=self.stack_top)
        self.regs = self.fresh_regs(self.args)

    # ---- frames ------------------------------------------------------------
    def frame_bytes(self, findex: int) -> int:
        fn = self.program.functions[findex]
        return 8 * fn.nregs + fn.frame_size

    def sp(self) -> int:
        return self.fp - self.frame_bytes(self.func)

    def enter(self, callee: int, args: tuple, return_address: int | None = None,
              caller_sp: int | None = None) -> None:
        """Push a frame for `callee` (see pvm/bytecode/program.py for the layout).
        The caller's registers must already be spilled."""
        fns = self.program.functions
        fn = fns[callee]
        if return_address is None:
            return_address = self.text_offsets[self.func][self.pc]
            caller_sp = self.fp - self.frame_bytes(self.func)
        extra = args[fn.nparams:]
        if len(args) < fn.nparams or (extra and not fn.variadic):
            raise BadCall(f"call to {fn.name} with {len(args)} arguments, expected {fn.nparams}:",
                          self.program_layout_address(callee))
        new_fp = (caller_sp - 8 * len(extra) - 16) & ~15
        if new_fp - 8 * fn.nregs - fn.frame_size < self.stack_limit:
            self.func, self.pc = callee, 0
            raise StackOverflow()
        mem = self.mem
        for i, v in enumerate(extra):
            if isinstance(v, float):
                struct.pack_into("<d", mem, new_fp + 16 + 8 * i, v)
            else:
                _U64.pack_into(mem, new_fp + 16 + 8 * i, v)
        _U64.pack_into(mem, new_fp + 8, return_address)
        _U64.pack_into(mem, new_fp, self.fp)
        self.fp = new_fp
        self.func, self.pc = callee, 0
        self.args = args[:fn.nparams]

    def program_layout_address(self, findex: int) -> int:
        return self.layout.function_address[findex]

    def leave(self) -> None:
        """Pop the current frame; continue at the return address.  Returning
        to address 0 ends the program with the returned value."""
        fp = self.fp
        ret = self._ld64(fp + 8)
        caller_fp = self._ld64(fp)
        if ret == 0:
            raise GuestExit(self.retval & 0xFF if isinstance(self.retval, int) else 0)
        where = self.return_points.get(ret)
        if where is None:
            raise BadCall("return to invalid address", ret)
        self.func, self.pc = where
        self.fp = caller_fp

    def fresh_regs(self, args: tuple) -> list:
        fn = self.program.functions[self.func]
        regs = list(args) + [0.0 if k == "d" else 0 for k in fn.kinds[len(args):]]
        return regs

    def spill_regs(self) -> None:
        fn = self.program.functions[self.func]
        if fn.kinds:
            struct.pack_into("<" + fn.kinds, self.mem, self.fp - 8 * fn.nregs, *self.regs)

    def unspill_regs(self) -> list:
        fn = self.program.functions[self.func]
        if not fn.kinds:
            return []
        return list(struct.unpack_from("<" + fn.kinds, self.mem, self.fp - 8 * fn.nregs))

    # ---- running -----------------------------------------------------------
    def fast(self, findex: int):
        """How calls of function `findex` run now: its native bridge once the
        JIT compiled it, else its translation (made on first use)."""
        f = self._fast[findex]
        if f is None:
            f = self.translated(findex)
            self.install_fast(findex, f)
        return f

    def translated(self, findex: int):
        """The interpreter's translation of a function, whatever tier is
        installed for it (the JIT falls back to it for what it lacks)."""
        t = self._translations.get(findex)
        if t is None:
            t = translate(findex, self, self._namespace)
            self._translations[findex] = t
            self._code_owner[t.function.__code__] = findex
        return t.function

    def install_fast(self, findex: int, function) -> None:
        """Make `function` (same protocol as a translation) the way every
        later call of function `findex` runs; the JIT installs its bridges so."""
        self._fast[findex] = function
        if hasattr(self, "_namespace"):
            self._namespace[f"F{findex}"] = function

    def _tier_up(self, findex: int):
        """Called by translated code when a function's call count passes the
        threshold: its native bridge, or None (and no more counting)."""
        self.calls[findex] = -1
        if self.jit is not None and self.jit.compile(
                findex, f"after {self.jit_threshold} calls"):
            return self._fast[findex]
        self.osr_ok[findex] = False
        return None

    def _lazy(self, findex: int):
        def first_call(*args):
            return self.fast(findex)(*args)
        return first_call

    def run(self, stepping: bool = False) -> int:
        """Run until the program exits; returns the exit status.  Traps
        propagate as Trap exceptions with m.func/m.pc at the fault.
        `stepping` runs every instruction through the reference stepper."""
        try:
            self._drive(stepping)
        except GuestExit as e:
            self.halted = e.status
            return e.status
        finally:
            if self.jit is not None:
                self.jit.finish()
        raise AssertionError("unreachable")

    def _drive(self, stepping: bool) -> None:
        """Run from the current state until something leaves by exception
        (GuestExit, a Trap, KeyboardInterrupt)."""
        if sys.getrecursionlimit() < MAX_HOST_DEPTH + 10_000:
            sys.setrecursionlimit(MAX_HOST_DEPTH + 10_000)
        if stepping:
            while True:
                if self.fuel <= 0:
                    raise OutOfFuel(self.fuel_budget - self.fuel)
                self.stepper.step()
        self._run()

    def _run(self) -> None:
        """The main loop: fast translated code, with the stepper for the
        instructions that the remaining fuel covers exactly."""
        how = 2                                   # start from m.regs
        fast = self._fast
        while True:
            f, fp = self.func, self.fp
            code = fast[f] or self.fast(f)
            try:
                if how == 0:
                    value = code(self, 0, 0, fp, *self.args)
                else:
                    value = code(self, self.pc, how, fp)
            except FlatCall as call:              # a call through the main loop
                self.enter(call.callee, self.args)
                how = 0
                continue
            except Step:                          # not enough fuel for a block
                self._step_until_leader()
                how = 2
                continue
            except TierUp as up:                  # a hot loop: compile, enter natively
                self.calls[up.findex] = -1
                why = f"at a loop after {self.jit_threshold} iterations"
                if self.jit.compile(up.findex, why):
                    self.jit.resume_entry(up.findex, self.pc)      # on-stack replacement
                else:
                    self.osr_ok[up.findex] = False
                how = 2
                continue
            except Trap:
                self._locate_fault()
                raise
            self.retval = value                   # returned: pop the frame
            self.fp = fp                          # (nested code may have moved m.fp)
            self.leave()
            how = 1

    def _leaders(self, findex: int) -> frozenset:
        s = self._leader_sets.get(findex)
        if s is None:
            s = self._leader_sets[findex] = frozenset(leaders(self.program.functions[findex].code))
        return s

    def _step_until_leader(self) -> None:
        """Step until the fast form can take over again (at a block start)
        or the fuel is gone."""
        while True:
            if self.fuel <= 0:
                raise OutOfFuel(self.fuel_budget - self.fuel)
            self.stepper.step()
            if self.pc in self._leaders(self.func):
                return

    def _locate_fault(self) -> None:
        """Set m.func/m.pc to the instruction whose statement raised: the
        innermost translated frame in the traceback, via its line number."""
        exc, tb = sys.exc_info()[1:]
        if getattr(exc, "located", False):       # the JIT bridge set the state already
            return
        found = None
        while tb is not None:
            owner = self._code_owner.get(tb.tb_frame.f_code)
            if owner is not None:
                found = tb.tb_frame, owner, tb.tb_lineno
            tb = tb.tb_next
        if found is not None:
            frame, findex, line = found
            pc = self._translations[findex].pc_of_line.get(line)
            if pc is not None:
                self.func, self.pc = findex, pc
            names = frame.f_locals
            self.fp = names.get("fp", self.fp)
            self.fuel = names.get("fuel", self.fuel)
            self.regs = [names.get(f"r{i}", 0) for i in range(self.program.functions[findex].nregs)]

    # ==== a live machine: changed while it runs (REPL, debugger, tracing) ====
    # Owned by pvm/repl*.py and pvm/debug*.py.  Every per-function table
    # (text offsets, return points, function_at, the translations' namespace
    # lists, the JIT's arrays) is kept in step here, in one place.

    def add_function(self, fn, address: int) -> int:
        """Load one more function at text `address`; returns its index."""
        k = len(self.program.functions)
        self.program.functions.append(fn)
        lay = self.layout
        self.layout = dataclasses.replace(lay, function_address=lay.function_address + (address,))
        self.text_offsets.append([])
        self._fast.append(None)
        self.calls.append(0)
        self.osr_ok.append(True)
        ns = self._namespace
        ns["faddr"].append(address)
        ns["CALL_SHAPE"].append(-1 if fn.variadic else fn.nparams)
        ns["FRAME_BYTES"].append(8 * fn.nregs + fn.frame_size)
        self._place_code(k, address)
        self._uncache(k)
        if self.jit is not None:
            self._jit_tables()
        return k

    def replace_function(self, k: int, fn, address: int) -> list[int]:
        """Give function k new code (same calling shape) at `address`.
        Calls by index and pointers to its old address now reach the new
        code.  Returns the functions whose native or translated code was
        dropped because they called the old one."""
        old = self.text_offsets[k]
        for a in old[1:] if old else ():
            self.return_points.pop(a, None)
        self.program.functions[k] = fn
        lay = self.layout
        addrs = list(lay.function_address)
        addrs[k] = address
        self.layout = dataclasses.replace(lay, function_address=tuple(addrs))
        ns = self._namespace
        ns["faddr"][k] = address
        ns["CALL_SHAPE"][k] = -1 if fn.variadic else fn.nparams
        ns["FRAME_BYTES"][k] = 8 * fn.nregs + fn.frame_size
        self._place_code(k, address)
        dropped = self._callers_of(k)
        for i in [k] + dropped:
            self._uncache(i)
        if self.jit is not None:
            self._jit_tables()
        return dropped

    def _place_code(self, k: int, address: int) -> None:
        fn = self.program.functions[k]
        code = isa.encode_code(fn.code)
        self.mem[address:address + len(code)] = code
        offs, at, size = [], address, isa.SIZE
        for ins in fn.code:
            offs.append(at)
            at += size[ins[0]]
        self.text_offsets[k] = offs
        for j, ins in enumerate(fn.code):
            if isa.BY_NAME[ins[0]].has("call") and j + 1 < len(fn.code):
                self.return_points[offs[j + 1]] = (k, j + 1)
        self.function_at[address] = k

    def _callers_of(self, k: int) -> list[int]:
        """Functions whose code depends on function k's: its direct callers,
        and, for native code (compiled together, calling directly), their
        callers again."""
        fns = self.program.functions
        callers: dict[int, set] = {}
        for i, f in enumerate(fns):
            for ins in f.code:
                if ins[0] in ("CALL", "FCALL") and 0 <= ins[2] < len(fns):
                    callers.setdefault(ins[2], set()).add(i)
        out, work = set(), [k]
        native = self.jit.compiled if self.jit is not None else set()
        while work:
            j = work.pop()
            for i in callers.get(j, ()):
                if i not in out and i != k:
                    out.add(i)
                    if i in native:
                        work.append(i)
        return sorted(out)

    def _uncache(self, k: int) -> None:
        """Forget every compiled form of function k (made again on next use)."""
        self._fast[k] = None
        self._translations.pop(k, None)
        self._leader_sets.pop(k, None)
        self._namespace[f"F{k}"] = self._lazy(k)
        self.calls[k] = 0
        self.osr_ok[k] = True
        j = self.jit
        if j is not None:
            j.compiled.discard(k)
            j.refused.pop(k, None)
            j._fresh.pop(k, None)
            for key in [key for key in j._resume if key[0] == k]:
                del j._resume[key]
            if k < len(j.table):
                j.table[k] = 0

    def _jit_tables(self) -> None:
        """Grow the JIT's per-function arrays (and its text map) to the
        functions now loaded; native code reads them through the context."""
        import ctypes
        from pvm.jit import context as C
        from pvm.jit.context import signature
        j, fns = self.jit, self.program.functions
        n = len(fns)
        if len(j.table) < n:
            cap = max(n, 2 * len(j.table))
            for attr, slot in (("table", C.TABLE), ("shape", C.SHAPE),
                               ("frame_bytes", C.FRAME_BYTES), ("signature", C.SIGNATURE)):
                old = getattr(j, attr)
                new = (ctypes.c_int64 * cap)()
                ctypes.memmove(new, old, ctypes.sizeof(old))
                setattr(j, attr, new)
                j.ctx[slot] = ctypes.addressof(new)
        text = self.layout.text_end - TEXT_BASE
        if len(j.addr2func) < text:
            new = (ctypes.c_int32 * text)()
            ctypes.memmove(new, j.addr2func, ctypes.sizeof(j.addr2func))
            j.addr2func = new
            j.ctx[C.ADDR2FUNC] = ctypes.addressof(new)
        for k, f in enumerate(fns):
            j.shape[k] = -1 if f.variadic else f.nparams
            j.frame_bytes[k] = 8 * f.nregs + f.frame_size
            j.signature[k] = -1 if f.variadic else signature(f.kinds[:f.nparams], f.returns)
        for a, k in self.function_at.items():
            if 0 <= a - TEXT_BASE < len(j.addr2func):
                j.addr2func[a - TEXT_BASE] = k + 1

    def set_tier(self, tier: str) -> None:
        """Switch the execution tier of a machine between runs: 'interp',
        'jit' (compile before running, see compile_now) or 'auto'."""
        if tier not in ("interp", "jit", "auto"):
            from pvm.errors import PvmError
            raise PvmError(f"unknown tier '{tier}' (choose interp, jit or auto)")
        if tier != "interp" and self.jit is None:
            from pvm.jit import available
            why = available()
            if why is not None:
                from pvm.errors import PvmError
                raise PvmError(f"the jit tier is not available here: {why}")
            from pvm.jit.tier import JitTier
            self.jit = JitTier(self)
        for k in range(len(self.program.functions)):
            self._uncache(k)
        self._translations.clear()
        self.counting = tier == "auto"
        if tier == "interp":
            self.jit = None
        self.tier = tier

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

    def call_function(self, findex: int, args: tuple = (), stepping: bool = False):
        """Call guest function `findex` from the host on top of the current
        state (below the current frame, or on an empty stack) and return its
        value; func/pc/fp/regs are as before afterwards.  A trap propagates
        with the state at the fault; exit() propagates GuestExit."""
        saved = (self.func, self.pc, self.fp, self.regs, self.args, self.retval)
        caller_sp = self.sp() if self.fp else self.stack_top
        self.enter(findex, tuple(args), return_address=0, caller_sp=caller_sp)
        self.regs = self.fresh_regs(self.args)
        try:
            self._drive(stepping)
        except GuestExit as e:
            if not _returned_to_host(e):
                self.halted = e.status
                raise
        value = self.retval
        self.func, self.pc, self.fp, self.regs, self.args, self.retval = saved
        return value

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


def _trap(k: int) -> Trap:
    if k == 0:
        return Abort("Aborted")
    if k == 2:
        return Abort("Aborted")
    return Abort(isa.TRAPS.get(k, f"trap {k}"))


def _returned_to_host(exc: GuestExit) -> bool:
    """Whether GuestExit came from returning to address 0 (Machine.leave)
    rather than from the exit system call."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code is Machine.leave.__code__
