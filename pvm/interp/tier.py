"""The interpreter tier: how each function of a code space runs in Python.

It owns everything per function that the interpreter makes: the namespace
of bound helpers that translated code runs in (`F<k>` names, packers, the
memory helpers of pvm/machine/semantics.py), the translations themselves
(made on first call, cached on disk), the table of what a call of each
function runs now (`fast`: a translation, or a native bridge the JIT
installed there), call and loop counts for the `auto` policy, and the
stepper.  It imports nothing of the JIT: the run loop (pvm/exec/loop.py)
connects the two, and the JIT installs its bridges through `install`.

The code-space protocol (pvm/machine/codespace.py): functions_added(),
forget(k), embeds_callees.
"""
from __future__ import annotations

import struct
import sys

from pvm.bytecode.cfg import leaders
from pvm.machine import mmio, semantics
from pvm.machine.signals import FlatCall, Step, TierUp
from pvm.bytecode.program import TEXT_BASE
from pvm.machine.traps import BadCall, SegFault, trap_for
from .stepper import Stepper
from .translate import translate

# Guest calls nest as Python calls up to this depth (see translate.op_CALL);
# deeper ones go through the run loop.  CPython 3.11 keeps such calls off
# the C stack, so only the recursion limit needs raising.
MAX_HOST_DEPTH = 100_000

# LLVM's time for a function grows with its size (about half a millisecond
# per instruction, most of it building the IR), so the evidence that it is
# hot must too: past SIZE_UNIT instructions the call and loop thresholds
# grow in proportion.  And a function of HUGE instructions or more is not
# compiled before its first call even under --tier=jit: it is interpreted,
# and counted, until it proves hot (otherwise a big function run once
# costs seconds of LLVM where the interpreter takes a fraction of that).
SIZE_UNIT = 100
HUGE = 2000


class Interpreter:
    embeds_callees = frozenset()          # translations call callees by name

    def __init__(self, machine, *, counting: bool = False, threshold: int = 1000,
                 space=None, paged: bool = False, count_huge: bool = False):
        self.m = m = machine
        self.space = space or m.space     # the code space this tier runs ...
        self.paged = paged                # ... and how its accesses reach memory
        self.counting = counting          # translated code counts calls and back-edges
        self.jit_threshold = threshold    # ... and asks to tier up past this count
        self.count_huge = count_huge      # --tier=jit: count HUGE functions only
        n = len(self.program.functions)
        self.fast_code: list = [None] * n # how a call of function k runs now
        self.calls = [0] * n              # call counts (-1: stop counting)
        self.osr_ok = [True] * n          # may a hot loop in k ask for OSR
        self._translations: dict = {}
        self._code_owner: dict = {}       # code object of a translation -> function index
        self._leader_sets: dict = {}
        self.on_hot = None                # callable(k) -> native bridge or None (run loop)
        self.observe = None               # callable(k, code) -> code to install instead (profiler)
        self.namespace = self._bind()
        # the stepper's loads and stores reach device registers
        # (pvm/machine/mmio.py); fast code's fault there, and the run loop
        # retries the instruction on the stepper.  Paged (user) code
        # reaches no device.
        self.stepper = Stepper(m, self.namespace if paged else mmio.with_devices(self.namespace, m))
        self.space.tiers.append(self)

    @property
    def program(self):
        return self.space.program

    @staticmethod
    def huge(instructions: int) -> bool:
        """Is code of this many instructions HUGE (the JIT then uses a lighter pipeline)?"""
        return instructions >= HUGE

    def hot_threshold(self, fn) -> int | None:
        """The call count (and the loop iterations in one call) past which
        translated function fn asks to be compiled; None: it does not count."""
        n = len(fn.code)
        if not (self.counting or (self.count_huge and self.huge(n))):
            return None
        return self.jit_threshold * max(1, n // SIZE_UNIT)

    @property
    def counts_fuel(self) -> bool:
        """Whether translated code counts instructions against m.fuel.  As
        for native code (Machine.metered), only when something can see the
        count: a --fuel budget, a program that can take interrupts or read
        the clock, or the profiler (which counts each function's
        instructions).  Otherwise m.fuel is unlimited and nothing reads it,
        and translated code leaves it alone: no check and charge per block,
        no passing it through m across each call."""
        return bool(getattr(self.m, "metered", True)) or self.observe is not None

    @property
    def program_key(self):
        return self.space.key

    @property
    def text_offsets(self):
        return self.space.text_offsets

    def _bind(self) -> dict:
        m, space = self.m, self.space
        ns = semantics.bind(m.mem, space.layout.data_base)
        function_at = space.function_at
        packer, unpacker = (lambda f: f.pack_into), (lambda f: f.unpack_from)
        put2 = struct.Struct("<qq").pack_into

        def FUNC_AT(address):
            i = function_at.get(address)
            if i is None:
                raise BadCall("call to non-function address", address)
            return i

        if self.paged:
            # the same names, through the page table (pvm/machine/mmu.py)
            from pvm.machine import mmu as mmu_module
            mmu = m.mmu
            ns.update(mmu_module.bind_paged(mmu, space.layout.data_base))
            packer, unpacker = mmu_module.paged_packers(mmu)
            put2 = packer(struct.Struct("<qq"))
            executable = mmu.tlb["execute"]

            def FUNC_AT(address):               # noqa: F811: a call's target must be executable
                i = function_at.get(address)
                if i is None:
                    raise BadCall("call to non-function address", address)
                if address >> mmu_module.SHIFT not in executable:
                    mmu.translate(address, "execute")
                return i

        else:
            ns.update(inline_memory(m.mem, space.layout.data_base))
        fns = self.program.functions
        ns.update(mem=m.mem, faddr=list(space.layout.function_address),
                  SYSCALL=m.service_call, TRAP=trap_for, FUNC_AT=FUNC_AT,
                  FAST=self.fast_code, TRANSLATE=self.fast, PUT2=put2,
                  PACKER=packer, UNPACKER=unpacker,
                  HOST_FLOOR=host_floor(m, m.stack_top),
                  CALL_SHAPE=[f.call_shape for f in fns],
                  FRAME_BYTES=[f.frame_bytes for f in fns],
                  FlatCall=FlatCall, Step=Step, TierUp=TierUp,
                  CALLS=self.calls, OSR_OK=self.osr_ok, TIER_UP=self._tier_up)
        for k in range(len(fns)):        # F<k>: translated on first call, then rebound
            ns[f"F{k}"] = self._lazy(k)
        return ns

    # ---- code for function k --------------------------------------------------
    def fast(self, findex: int):
        """How calls of function `findex` run now: the code installed for it
        (a native bridge once the JIT compiled it), else its translation."""
        f = self.fast_code[findex]
        if f is None:
            f = self.translated(findex)
            self.install(findex, f)
        return f

    def translated(self, findex: int):
        """The interpreter's translation of a function, whatever is installed
        for it (the JIT falls back to it for what it lacks)."""
        t = self._translations.get(findex)
        if t is None:
            t = translate(findex, self, self.namespace)
            self._translations[findex] = t
            self._code_owner[t.function.__code__] = findex
        return t.function

    def install(self, findex: int, function) -> None:
        """Make `function` (the protocol of a translation: fn(m, L, how, fp,
        *params)) the way every later call of function `findex` runs."""
        if self.observe is not None:
            function = self.observe(findex, function)
        self.fast_code[findex] = function
        self.namespace[f"F{findex}"] = function

    def _lazy(self, findex: int):
        def first_call(*args):
            return self.fast(findex)(*args)
        return first_call

    def _tier_up(self, findex: int):
        """Called by translated code when a function's call count passes the
        threshold: its native bridge, or None (and no more counting)."""
        self.calls[findex] = -1
        native = self.on_hot(findex) if self.on_hot is not None else None
        if native is None:
            self.osr_ok[findex] = False
        return native

    def leaders(self, findex: int) -> frozenset:
        s = self._leader_sets.get(findex)
        if s is None:
            s = self._leader_sets[findex] = frozenset(leaders(self.program.functions[findex].code))
        return s

    # ---- the code-space protocol ------------------------------------------------
    def functions_added(self) -> None:
        ns, fns = self.namespace, self.program.functions
        ns["faddr"][:] = self.space.layout.function_address
        ns["CALL_SHAPE"][:] = [f.call_shape for f in fns]
        ns["FRAME_BYTES"][:] = [f.frame_bytes for f in fns]
        for k in range(len(self.fast_code), len(fns)):
            self.fast_code.append(None)
            self.calls.append(0)
            self.osr_ok.append(True)
            ns[f"F{k}"] = self._lazy(k)

    def forget(self, k: int) -> None:
        """Forget every translated form of function k (made again on use)."""
        self.fast_code[k] = None
        self._translations.pop(k, None)
        self._leader_sets.pop(k, None)
        self.namespace[f"F{k}"] = self._lazy(k)
        self.calls[k] = 0
        self.osr_ok[k] = True

    def reset(self, counting: bool, count_huge: bool = False) -> None:
        """Drop every translation (a change of tier policy changes them)."""
        for k in range(len(self.fast_code)):
            self.forget(k)
        self._translations.clear()
        self.counting = counting
        self.count_huge = count_huge

    # ---- where a trap happened ----------------------------------------------------
    def locate_fault(self, exc: BaseException) -> None:
        """Set m.func/m.pc/m.fp/m.fuel/m.regs to the instruction whose
        statement raised `exc`: the innermost translated frame in its
        traceback, via its line number."""
        if getattr(exc, "located", False):       # the JIT bridge set the state already
            return
        m, found = self.m, None
        tb = exc.__traceback__
        while tb is not None:
            owner = self._code_owner.get(tb.tb_frame.f_code)
            if owner is not None:
                found = tb.tb_frame, owner, tb.tb_lineno
            tb = tb.tb_next
        if found is not None:
            frame, findex, line = found
            pc = self._translations[findex].pc_of_line.get(line)
            if pc is not None:
                m.func, m.pc = findex, pc
            names = frame.f_locals
            m.fp = names.get("fp", m.fp)
            m.fuel = names.get("fuel", m.fuel)
            m.regs = [names.get(f"r{i}", 0) for i in range(self.program.functions[findex].nregs)]


def inline_memory(mem, data_base: int) -> dict:
    """What translate.fast_form's inlined loads and stores use: the struct
    methods and the bounds of semantics.bind's helpers, which they replace."""
    ns = {name: struct.Struct("<" + f).unpack_from
          for name, f in (("UH", "h"), ("UHU", "H"), ("UI", "i"),
                          ("UQ", "q"), ("UF", "f"), ("UD", "d"))}
    ns.update({name: struct.Struct("<" + f).pack_into
               for name, f in (("PHU", "H"), ("PIU", "I"), ("PQ", "q"), ("PD", "d"))})
    top = len(mem)
    ns.update(MLO=TEXT_BASE, MWLO=data_base, MTOP1=top - 1, MTOP2=top - 2,
              MTOP4=top - 4, MTOP8=top - 8, SEGV=_segv)
    return ns


def _segv(access: str, address: int):
    raise SegFault(access, address)


def host_floor(m, fp: int) -> int:
    """The lowest frame address translated code may reach by nesting Python
    calls when entered at frame `fp` from the run loop (deeper calls go
    through the loop, which unwinds every Python frame): the stack limit,
    or MAX_HOST_DEPTH frames below fp."""
    return max(m.stack_limit, fp - 16 * MAX_HOST_DEPTH)


def raise_recursion_limit() -> None:
    if sys.getrecursionlimit() < MAX_HOST_DEPTH + 10_000:
        sys.setrecursionlimit(MAX_HOST_DEPTH + 10_000)
