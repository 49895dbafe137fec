"""The JIT tier: deciding what to compile, and the bridge between the tiers.

The bridge is one Python function per compiled function with the very same
calling protocol as the interpreter's translated code (pvm/interp/translate.py):
`fn(m, L, how, fp, *params)`.  Installing it in the machine's table of fast
functions is all it takes for interpreted code, the main loop and the
stepper's callers to use native code.  When native code stops for any reason
other than returning, the bridge reads the context (pvm/jit/context.py),
brings m.func/m.pc/m.fp/m.fuel/m.regs up to date from it and guest memory,
and raises what the translated code would have raised: Step, FlatCall, a
Trap or GuestExit.  So the main loop, trap reports and fuel accounting are
shared by both tiers; only the speed differs.

Resuming native code in the middle of a function (after a call that went
through the main loop, after the stepper, or on-stack replacement at a hot
loop header) uses an extra entry compiled on demand, `pvm_f<k>_at<L>`, which
takes its registers from the frame's save area.
"""
from __future__ import annotations

import ctypes
import os
import struct
import time

from pvm import isa
from pvm.bytecode.program import TEXT_BASE
from pvm.machine.signals import FlatCall, Step
from pvm.machine.mmu import PageFault
from pvm.machine.traps import BadCall, DivideByZero, GuestExit, SegFault, Trap, trap_for
from . import context as C
from . import interproc, objload, warmstart
from .engine import Engine, unit_key
from .context import MEMORY_SYMBOL, TLB_SYMBOL, signature

_F64 = struct.Struct("<d")
NATIVE_SPAN = 256 << 10   # guest stack bytes one native call chain may use (bounds the C stack)
MAX_UNIT = 400            # functions compiled together at most


def _sext64(v: int) -> int:
    return ((v & 0xFFFFFFFFFFFFFFFF) ^ (1 << 63)) - (1 << 63)


class JitTier:
    def __init__(self, machine, host, *, space=None, paged: bool = False, log=None, dump=None,
                 cache_mb: int = 256, disk_cache: bool = True):
        self.m = m = machine
        self.paged = paged
        # the tier whose table of installed code native bridges go into, and
        # which runs what native code does not (pvm/interp/tier.py's
        # Interpreter: install(k, f), translated(k), fast_code, calls,
        # jit_threshold); the run loop hands it over, so neither imports the other
        self.host = host
        self.space = space or m.space
        self.log = log                   # callable(str) for --jit-log, or None
        self.dump = dump                 # callable(str) for --dump=llvm, or None
        self.cache_bytes = cache_mb << 20
        self._mem_view = (ctypes.c_char * len(m.mem)).from_buffer(m.mem)
        symbols = {MEMORY_SYMBOL: ctypes.addressof(self._mem_view)}
        if paged:               # the MMU's native TLB (pvm/machine/mmu.py), filled from Python
            symbols[TLB_SYMBOL] = ctypes.addressof(m.mmu.native)
        self.engine = Engine(disk_cache=disk_cache, symbols=symbols)
        fns = m.program.functions
        n = len(fns)
        self.ctx = C.Context()
        self.ctx_addr = ctypes.addressof(self.ctx)
        self.table = (ctypes.c_int64 * n)()
        text = m.layout.text_end - TEXT_BASE
        self.addr2func = (ctypes.c_int32 * max(text, 1))()
        for i, a in enumerate(m.layout.function_address):
            self.addr2func[a - TEXT_BASE] = i + 1
        self.shape = (ctypes.c_int64 * n)(*[f.call_shape for f in fns])
        self.frame_bytes = (ctypes.c_int64 * n)(*[f.frame_bytes for f in fns])
        self.signature = (ctypes.c_int64 * n)(
            *[-1 if f.variadic else signature(f.kinds[:f.nparams], f.returns) for f in fns])
        self._syscall_cb = C.SYSCALL_TYPE(self._syscall)
        ctx = self.ctx
        ctx[C.STACK_LIMIT] = m.stack_limit
        for slot, arr in ((C.TABLE, self.table), (C.ADDR2FUNC, self.addr2func),
                          (C.SHAPE, self.shape), (C.FRAME_BYTES, self.frame_bytes),
                          (C.SIGNATURE, self.signature)):
            ctx[slot] = ctypes.addressof(arr)
        ctx[C.SYSCALL] = ctypes.cast(self._syscall_cb, ctypes.c_void_p).value
        if paged:
            from pvm.machine import mmu as mmu_module
            self._fill_cb = C.FILL_TYPE(self._fill)
            self._blockop_cb = C.BLOCKOP_TYPE(self._blockop)
            ctx[C.FILL] = ctypes.cast(self._fill_cb, ctypes.c_void_p).value
            ctx[C.BLOCKOP] = ctypes.cast(self._blockop_cb, ctypes.c_void_p).value
            # the interpreter's paged block operations: one definition of their faults
            ops = mmu_module.bind_paged(m.mmu, self.space.layout.data_base)
            self._memcopy, self._memfill = ops["memcopy"], ops["memfill"]
        self.compiled: set = set()       # functions with native fresh entries
        self.refused: dict = {}          # function index -> reason
        self._fresh: dict = {}           # function index -> ctypes function
        self._resume: dict = {}          # (function index, pc) -> ctypes function, None: refused
        self.error: BaseException | None = None
        self.events: list = []
        self.units: list = []            # what this run compiled, in order (warmstart.py)
        self.switches = [0, 0, 0]        # calls into native code; flat calls, fuel steps out
        self._recorded: list | None = None   # the record read at start, if any
        self.tlb_fills = 0               # paged: misses the native walk left to _fill
        self.space.tiers.append(self)

    # ---- the code-space protocol (pvm/machine/codespace.py) ---------------------------
    @property
    def embeds_callees(self) -> set:
        """Native code calls its unit's callees directly: redefining a
        callee must drop its native callers too."""
        return self.compiled

    def forget(self, k: int) -> None:
        """Forget every native form of function k (compiled again on demand)."""
        self.compiled.discard(k)
        self.refused.pop(k, None)
        self._fresh.pop(k, None)
        for key in [key for key in self._resume if key[0] == k]:
            del self._resume[key]
        if k < len(self.table):
            self.table[k] = 0

    def functions_added(self) -> None:
        """Grow the per-function arrays (and the text map) to the functions
        now loaded; native code reads them through the context."""
        fns, space = self.space.program.functions, self.space
        n = len(fns)
        if len(self.table) < n:
            cap = max(n, 2 * len(self.table))
            for attr, slot in (("table", C.TABLE), ("shape", C.SHAPE),
                               ("frame_bytes", C.FRAME_BYTES), ("signature", C.SIGNATURE)):
                old = getattr(self, attr)
                new = (ctypes.c_int64 * cap)()
                ctypes.memmove(new, old, ctypes.sizeof(old))
                setattr(self, attr, new)
                self.ctx[slot] = ctypes.addressof(new)
        text = space.layout.text_end - TEXT_BASE
        if len(self.addr2func) < text:
            new = (ctypes.c_int32 * text)()
            ctypes.memmove(new, self.addr2func, ctypes.sizeof(self.addr2func))
            self.addr2func = new
            self.ctx[C.ADDR2FUNC] = ctypes.addressof(new)
        for k, f in enumerate(fns):
            self.shape[k] = f.call_shape
            self.frame_bytes[k] = f.frame_bytes
            self.signature[k] = -1 if f.variadic else signature(f.kinds[:f.nparams], f.returns)
        for a, k in space.function_at.items():
            if 0 <= a - TEXT_BASE < len(self.addr2func):
                self.addr2func[a - TEXT_BASE] = k + 1

    # ---- logging ------------------------------------------------------------------
    def note(self, text: str) -> None:
        self.events.append(text)
        if self.log is not None:
            self.log(f"jit: {text}")

    # ---- compiling ------------------------------------------------------------------
    def reachable(self, k: int, everything: bool) -> list:
        """k and the not-yet-compiled functions it calls directly, transitively;
        unless `everything`, only those that have run already (a function
        never called yet, such as the printf at the end of a benchmark, is
        not worth LLVM's time: a call of it goes through the interpreter)."""
        fns, seen, order = self.m.program.functions, {k}, [k]
        calls = self.host.calls
        i = 0
        while i < len(order) and len(order) < MAX_UNIT:
            callees = [ins[2] for ins in fns[order[i]].code
                       if ins[0] in isa.DIRECT_CALLS or ins[0] == "FADDR"]
            # and the functions its constant pointer parameters reach (interproc.py)
            callees += [v[1] for v in interproc.constant_params(self.space, order[i]).values()
                        if v[0] == "f"]
            for callee in callees:
                if callee not in seen and callee not in self.compiled and (
                        everything or calls[callee] != 0):
                    seen.add(callee)
                    order.append(callee)
            i += 1
        return order

    def compile(self, k: int, why: str = "", everything: bool = False) -> bool:
        """Compile function k, with the functions it calls that have run
        already (or all it calls, with `everything`), to native code."""
        if k in self.compiled:
            return True
        if k in self.refused:
            return False
        if self.engine.code_bytes > self.cache_bytes:
            self.refused[k] = "code cache full (--jit-cache-mb)"
            self.note(f"refused {self.m.program.functions[k].name}: {self.refused[k]}")
            return False
        return self.compile_unit(self.reachable(k, everything), why)

    def compile_unit(self, unit: list, why: str = "") -> bool:
        """Compile the functions in `unit` (its root first) as one module."""
        k, fns = unit[0], self.m.program.functions

        def build_ir() -> str:          # only on a cache miss: imports llvmlite
            from llvmlite import ir
            from .irtypes import fresh_type
            from .lower import FunctionLowering
            module = ir.Module(name=f"pvm_unit_{k}")
            module.triple = ""
            declared = {i: ir.Function(module, fresh_type(fns[i]), f"pvm_f{i}") for i in unit}
            for i in unit:
                FunctionLowering(module, self.m, i, None, declared, self.paged).lower()
            return str(module)

        names = [f"pvm_f{i}" for i in unit]
        cheap = self.host.huge(sum(len(fns[i].code) for i in unit))   # a lighter LLVM pipeline
        t0 = time.perf_counter()
        try:
            addresses = self.engine.compile(self._unit_key(unit), build_ir, names, self.dump,
                                            cheap=cheap)
        except (ImportError, OSError) as e:      # llvmlite missing or broken: interpret
            self.refused[k] = f"llvmlite cannot be imported ({e})"
            self.note(f"refused {fns[k].name}: {self.refused[k]}")
            return False
        except objload.ObjectError as e:         # object code the loader cannot take
            self.refused[k] = f"cannot load its object code ({e})"
            self.note(f"refused {fns[k].name}: {self.refused[k]}")
            return False
        ms = (time.perf_counter() - t0) * 1000
        for i in unit:
            self._install(i, addresses[f"pvm_f{i}"])
        self.units.append(unit)
        src = "disk cache" if self.engine.last_from_cache else "LLVM"
        extra = f" (+{len(unit) - 1} callees)" if len(unit) > 1 else ""
        self.note(f"compiled {fns[k].name}{extra}{' ' + why if why else ''}: {ms:.1f} ms {src}")
        return True

    def compile_all(self) -> None:
        """Compile every function now (what benchmarks of the steady state want)."""
        for k in range(len(self.m.program.functions)):
            if k not in self.compiled:
                self.compile(k, "(all functions)", everything=True)

    def compile_on_first_call(self) -> None:
        """--tier=jit: each function is compiled just before it first runs,
        so that functions a run never reaches cost no LLVM time.  A native
        call of a function not compiled yet goes through the main loop (which
        compiles it); the caller then resumes native code after the call
        through a resume entry compiled for that spot (see _bridge).  A
        huge function waits until it proves hot (pvm/interp/tier.py, HUGE)."""
        fns = self.m.program.functions
        for k in range(len(fns)):
            if k not in self.compiled and self.host.hot_threshold(fns[k]) is None:
                self.host.install(k, self._first_call(k))

    # ---- warm start (pvm/jit/warmstart.py) --------------------------------------------
    def _record_path(self) -> str | None:
        key = self._key("units", self.host.jit_threshold)
        if key is None or self.engine.cache_dir is None:
            return None
        return os.path.join(self.engine.cache_dir, key + ".units")

    def warm_start(self) -> None:
        """Load the units the last run of this program compiled, where the
        disk cache has their object code."""
        self._recorded = warmstart.load(self._record_path(), len(self.m.program.functions))
        for unit in self._recorded:
            if not any(i in self.compiled for i in unit) and \
                    self.engine.cached(self._unit_key(unit)):
                self.compile_unit(unit, "as in the last run")

    def finish(self) -> None:
        """At the end of a run: remember what it compiled, if that changed
        (warmstart.py), and say how often the run changed tiers."""
        if self._recorded is not None and self.units != self._recorded:
            warmstart.save(self._record_path(), self.units)
        into, flat, step = self.switches
        if into:
            self.note(f"switches: {into} entries into native code; out of it, {flat} calls "
                      f"through the interpreter and {step} fuel steps")

    def _first_call(self, k: int):
        def first_call(m, L, how, fp, *params):
            if not self.compile(k, "before its first call"):
                self.host.install(k, self.host.translated(k))      # refused: interpret it
            return self.host.fast_code[k](m, L, how, fp, *params)
        return first_call

    def _install(self, k: int, address: int) -> None:
        fn = self.m.program.functions[k]
        proto = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_void_p, ctypes.c_int64,
                                 *[ctypes.c_double if kd == "d" else ctypes.c_int64
                                   for kd in fn.kinds[:fn.nparams]])
        self._fresh[k] = proto(address)
        self.table[k] = address
        self.compiled.add(k)
        self.host.install(k, self._bridge(k))

    def _unit_key(self, unit: list) -> str | None:
        """A unit's key names the other functions its code may copy too."""
        return self._key("unit", unit, interproc.copied(self.m.program, unit))

    def _key(self, *what) -> str | None:
        """The disk-cache key of some native code of this program."""
        m = self.m
        if not m.program_key:
            return None
        paged = ("paged",) if self.paged else ()        # bare and paged code never mix
        return unit_key(m.program_key, *what, m.metered, len(m.mem),
                        m.stack_limit, self.engine.opt, *paged)

    def resume_entry(self, k: int, pc: int):
        """The native entry of function k at instruction pc, or None if it
        cannot be had (then that call finishes interpreted)."""
        if (k, pc) in self._resume:
            return self._resume[(k, pc)]

        def build_ir() -> str:
            from llvmlite import ir
            from .lower import FunctionLowering
            module = ir.Module(name=f"pvm_resume_{k}_{pc}")
            module.triple = ""
            FunctionLowering(module, self.m, k, pc, {}, self.paged).lower()
            return str(module)
        name = f"pvm_f{k}_at{pc}"
        try:
            key = self._key("resume", k, pc, interproc.copied(self.m.program, [k]))
            address = self.engine.compile(key, build_ir, [name],
                                          self.dump)[name]
        except (ImportError, OSError, objload.ObjectError) as e:
            self._resume[(k, pc)] = None
            self.note(f"refused a resume entry of {self.m.program.functions[k].name} "
                      f"at instruction {pc}: {e}")
            return None
        f = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_void_p, ctypes.c_int64)(address)
        self._resume[(k, pc)] = f
        self.note(f"resume entry {self.m.program.functions[k].name} at instruction {pc}")
        return f

    # ---- the bridge ------------------------------------------------------------------
    def _bridge(self, k: int):
        fn = self.m.program.functions[k]
        fresh, ctx, addr = self._fresh[k], self.ctx, self.ctx_addr
        floating = fn.returns == "d"
        save = struct.Struct("<" + fn.kinds) if fn.kinds else None
        stopped = self._stopped
        resumes = self._resume

        switches = self.switches
        paged = self.paged
        stack_run = self._stack_run

        def native(m, L, how, fp, *params):
            switches[0] += 1
            ctx[C.FUEL] = m.fuel
            ctx[C.STATUS] = 0
            if paged:       # only machine instructions change it: never while native code runs
                ctx[C.ROOT] = m.mmu.root
                ctx[C.FLOOR], ctx[C.STACK_ADDEND] = stack_run(m, fp)
            else:
                ctx[C.FLOOR] = max(m.stack_limit, fp - NATIVE_SPAN)
            if how == 0:
                v = fresh(addr, fp, *params)
            else:
                entry = resumes.get((k, L))
                if entry is None and (k, L) not in resumes and (how == 1 or m.metered or self.paged) and \
                        self.engine.code_bytes <= self.cache_bytes:
                    # back from a call that went through the run loop (its
                    # callee was not native yet), or, in a program that
                    # reaches the machine, from the stepper (a machine
                    # instruction, an interrupt, a device access): a
                    # compiled function is a hot one, so go on natively
                    # rather than interpreting the rest of this call.  (A
                    # bare program's first entry stays interpreted: its
                    # native code counts no instructions, so a Ctrl-C could
                    # not stop a loop there; the REPL relies on that.  Paged
                    # code comes back here after every system call, which
                    # traps to the run loop: it resumes natively.)
                    entry = self.resume_entry(k, L)
                if entry is None:       # no native entry here: finish this call interpreted
                    return self.host.translated(k)(m, L, how, fp)
                if how == 2 and save is not None:
                    m.guest.pack(save, fp - save.size, *m.regs)
                elif how == 1:
                    self._store_retval(k, L, fp)
                v = entry(addr, fp)
            if ctx[C.STATUS]:
                stopped()
            m.fuel = ctx[C.FUEL]
            if floating:
                return struct.unpack("<d", struct.pack("<q", v))[0]
            return v
        native.pvm_native = True
        return native

    @staticmethod
    def _stack_run(m, fp: int) -> tuple:
        """Paged: (floor, addend) such that [floor, fp) is writable and
        physically contiguous (pa = va + addend), at most NATIVE_SPAN bytes.
        Native calls make their frames only above the floor (a call whose
        frame does not fit goes through the run loop, as at the stack's
        end), so their frame links and variadic slots need no TLB probe."""
        mmu = m.mmu
        wget = mmu.tlb["write"].get
        top = (fp - 1) >> 12
        lowest = max(m.stack_limit, fp - NATIVE_SPAN, 0) >> 12

        def delta(vpn):
            d = wget(vpn)
            if d is None:
                try:
                    d = mmu.translate(vpn << 12, "write") - (vpn << 12)
                except SegFault:
                    return None
            return d
        d = delta(top) if top >= lowest else None
        if d is None:
            return fp, 0                # no room: every call goes through the run loop
        vpn = top - 1
        while vpn >= lowest and delta(vpn) == d:
            vpn -= 1
        return max(m.stack_limit, fp - NATIVE_SPAN, (vpn + 1) << 12), d

    def _store_retval(self, k: int, L: int, fp: int) -> None:
        """Resuming after a call through the main loop: the call's result
        goes into its destination register's slot before the registers load."""
        m = self.m
        fn = m.program.functions[k]
        dst = fn.code[L - 1][1]
        at = fp - 8 * fn.nregs + 8 * dst
        if fn.kinds[dst] == "d":
            m.guest.pack(_F64, at, float(m.retval))
        else:
            m.guest.store64(at, int(m.retval))

    def _stopped(self) -> None:
        """Native code stopped short of returning: raise what the
        interpreter would have raised, with the machine state brought over."""
        m, ctx = self.m, self.ctx
        st = ctx[C.STATUS]
        m.func, m.pc, m.fp, m.fuel = ctx[C.FUNC], ctx[C.PC], ctx[C.FP], ctx[C.FUEL]
        lost = ctx[C.LOST]
        if lost:                # a save-area slot native code could not translate
            ctx[C.LOST] = 0
            trap = PageFault("write", lost)
            trap.located = True
            raise trap
        m.regs = m.unspill_regs()
        if st == C.STATUS_STEP:
            self.switches[2] += 1
            raise Step()
        if st == C.STATUS_FLATCALL:
            self.switches[1] += 1
            call = m.program.functions[m.func].code[m.pc - 1]
            base, n = call[3], call[4]
            kinds = m.program.functions[m.func].kinds
            args = []
            for i in range(n):
                bits = ctx[C.ARGS + i]
                args.append(struct.unpack("<d", struct.pack("<q", bits))[0]
                            if kinds[base + i] == "d" else bits)
            m.args = tuple(args)
            raise FlatCall(ctx[C.CALLEE])
        addr = _sext64(ctx[C.ADDR])
        if st == C.STATUS_EXIT:
            raise GuestExit(addr)
        if st in (C.STATUS_SEGV_READ, C.STATUS_SEGV_WRITE):
            if self.error is not None:       # an exception in a paged-memory callback
                err, self.error = self.error, None
                raise err
            trap = SegFault("read" if st == C.STATUS_SEGV_READ else "write", addr)
            # paged: a TLB miss native code could not fill (a fault, or an
            # access across pages): the stepper runs the instruction again
            # and raises the real PageFault, or completes it
            trap.recheck = self.paged
        elif st == C.STATUS_DIV0:
            trap = DivideByZero()
        elif st == C.STATUS_DIV_OVERFLOW:
            trap = DivideByZero("integer overflow in division")
        elif st == C.STATUS_BADCALL:
            trap = BadCall("call to non-function address", addr)
        elif st == C.STATUS_TRAP:
            trap = trap_for(addr)
        elif st == C.STATUS_HOST_ERROR and self.error is not None:
            err, self.error = self.error, None
            if isinstance(err, Trap):        # a trap raised by a system call: state is set
                err.located = True
            raise err
        else:
            raise RuntimeError(f"native code stopped with unknown status {st}")
        trap.located = True
        raise trap

    def _syscall(self, ctx_ptr, number, a1, a2, a3, a4, a5, a6):
        """Called from native code; never lets an exception into C."""
        m = self.m
        try:
            m.fuel = self.ctx[C.FUEL]
            return m.service_call(m, number, a1, a2, a3, a4, a5, a6)
        except GuestExit as e:
            self.ctx[C.STATUS] = C.STATUS_EXIT
            self.ctx[C.ADDR] = e.status
        except BaseException as e:       # KeyboardInterrupt, or a bug in pvm
            self.error = e
            self.ctx[C.STATUS] = C.STATUS_HOST_ERROR
        return 0

    @property
    def tlb_misses(self) -> int:
        """Paged: TLB misses of native code (refilled natively, or by _fill)."""
        return self.ctx[C.MISSES]

    # ---- paged code's slow paths (pvm/jit/lower_memory.py) ------------------------
    def _fill(self, ctx_ptr, va, width, access):
        """A TLB miss: the addend, or MISS (the stepper then decides)."""
        self.tlb_fills += 1
        try:
            return self.m.mmu.fill_native(va, width, C.ACCESSES[access])
        except BaseException as e:      # KeyboardInterrupt, or a bug in pvm
            self.error = e
            return -(1 << 63)

    def _blockop(self, ctx_ptr, op, dst, x, n):
        """Paged MEMCPY (op 0) or MEMSET (op 1): 0, or 1 if it faulted
        (nothing written: both ranges are checked before a byte moves)."""
        try:
            (self._memcopy if op == 0 else self._memfill)(dst, x, n)
            return 0
        except SegFault:
            return 1
        except BaseException as e:
            self.error = e
            return 1
