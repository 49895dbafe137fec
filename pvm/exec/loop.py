"""The run loop: the one place where the interpreter and the JIT meet.

A Runner drives a Machine with the interpreter tier (pvm/interp/tier.py)
and, under `--tier=jit|auto`, the JIT tier (pvm/jit/tier.py).  Running
code (a translation or a native bridge: the same calling protocol) returns
to the loop only by returning from the outermost frame or by raising:
a signal (pvm/machine/signals.py) that says what the loop should do next,
a Trap, or GuestExit.  Whenever control is here, guest memory plus the
Machine are the whole state, so the loop can go on with either tier.

Also here: the one stepping loop (`step_until`) that the fuel's last few
instructions, `--trace` and the debugger all use, and calling a guest
function from the host (the REPL).
"""
from __future__ import annotations

from pvm.abi import memmap as MM
from pvm.errors import PvmError
from pvm.interp.tier import Interpreter, host_floor, raise_recursion_limit
from pvm.machine import privileged
from pvm.machine.mmio import in_device_window
from pvm.machine.signals import FlatCall, Step, TierUp
from pvm.machine.traps import GuestExit, OutOfFuel, ReturnedToHost, SegFault, StackOverflow, \
    SyscallTrap, Trap

TIERS = ("interp", "jit", "auto")
_LATER = object()       # a context's JIT tier under auto, not made yet (Runner.jit)


def check_tier(tier: str) -> None:
    if tier not in TIERS:
        raise PvmError(f"unknown tier '{tier}' (choose interp, jit or auto)")


class Runner:
    def __init__(self, machine, *, tier: str = "interp", jit_threshold: int = 1000,
                 jit_log=None, dump_llvm=None, jit_cache_mb: int = 256,
                 jit_warm_start: bool = False, jit_disk_cache: bool = True, observe=None):
        check_tier(tier)
        self.m = machine
        self.tier = tier
        self.jit_threshold = jit_threshold
        self.observe = observe            # wraps all installed code (--profile)
        self.jit_options = dict(log=jit_log, dump=dump_llvm, cache_mb=jit_cache_mb,
                                disk_cache=jit_disk_cache)
        # the tiers of each context the machine runs: (code space, paged).
        # A bare program has one; a kernel has its own and one per user
        # program (pvm/machine/modules.py) and paging regime
        self._contexts: dict = {}
        self._jit = None
        self._switch()
        # warm start (pvm/jit/warmstart.py): the boot context's JIT tier loads
        # the units the last run compiled from the disk cache, and records
        # what this run compiles.  Without a record, the tier is made (and
        # the record begun) only if something gets hot.
        self._warm_context = (machine.space, machine.paged) if (
            jit_warm_start and tier == "auto") else None
        if self._warm_context is not None and self._warm_record():
            self.jit                      # noqa: B018 - made now: it loads the units

    def _warm_record(self) -> bool:
        """Whether the last run of this program left a warm-start record:
        looked up without making the JIT tier, which a run without one
        makes only when something gets hot."""
        from pvm.jit import warmstart
        m = self.m
        return warmstart.exists(warmstart.record_path(
            m, self.jit_threshold, m.paged, self.jit_options["disk_cache"]))

    @property
    def jit(self):
        """The running context's JIT tier, or None (--tier=interp, or where
        the JIT cannot run).  Under auto it is made on first use: when a
        function gets hot, or a warm start loads code, or someone asks;
        until then a run imports none of the JIT's compiling modules."""
        if self._jit is _LATER:
            key = (self.interp.space, self.interp.paged)
            jit = self._make_jit(self.interp, *key, load=False)
            self._jit = jit
            self._contexts[key] = (self.interp, jit)
            if jit is None:                       # cannot run here: stay interpreting,
                self.interp.counting = False      # and code translated from now on stops counting
            elif key == self._warm_context:
                jit.warm_start()
        return self._jit

    @jit.setter
    def jit(self, value) -> None:
        self._jit = value

    def _switch(self) -> None:
        """Make the tiers of the machine's current context the running
        ones, creating them on first use."""
        m = self.m
        key = (m.space, m.paged)
        tiers = self._contexts.get(key)
        if tiers is None:
            tiers = self._contexts[key] = self._make_context(m.space, m.paged)
        self.interp, self._jit = tiers

    def _make_context(self, space, paged: bool) -> tuple:
        tier = self.tier
        interp = Interpreter(self.m, counting=tier == "auto", threshold=self.jit_threshold,
                             space=space, paged=paged, count_huge=tier == "jit")
        interp.on_hot = self._tier_up
        interp.observe = self.observe
        jit = None
        if tier == "auto":
            # made on first use (Runner.jit), llvmlite imported only to compile
            jit = _LATER
        elif tier == "jit":
            jit = self._make_jit(interp, space, paged, load=True)
            jit.compile_on_first_call()
        return interp, jit

    def _make_jit(self, interp, space, paged: bool, load: bool):
        """The JIT tier, or None where it cannot run (auto then interprets;
        an explicit --tier=jit is an error)."""
        from pvm.jit import available
        why = available(load=load)
        if why is not None:
            if self.tier == "jit":
                raise PvmError(f"pvm: --tier=jit is not available here: {why}")
            return None
        from pvm.jit.tier import JitTier
        return JitTier(self.m, interp, space=space, paged=paged, **self.jit_options)

    @property
    def stepper(self):
        return self.interp.stepper

    # ---- running ------------------------------------------------------------
    def run(self, stepping: bool = False) -> int:
        """Run until the program exits; returns the exit status.  Traps
        propagate as Trap exceptions with m.func/m.pc at the fault.
        `stepping` runs every instruction through the reference stepper."""
        try:
            self._drive(stepping)
        except GuestExit as e:
            self.m.halted = e.status
            return e.status
        finally:
            for _, jit in self._contexts.values():
                if jit is not None and jit is not _LATER:
                    jit.finish()
        raise AssertionError("unreachable")

    def _drive(self, stepping: bool) -> None:
        """Run from the current state until something leaves by exception
        (GuestExit, a Trap, KeyboardInterrupt)."""
        raise_recursion_limit()
        if stepping:
            self.step_until(None)
        self._loop()

    def _loop(self) -> None:
        """Installed code (translated or native), with the stepper for the
        instructions that the remaining fuel covers exactly, for machine
        instructions, device accesses and frames whose calls SETSP moved.
        A trap, wherever it happens, goes to _trapped."""
        how = 2                                   # start from m.regs
        while True:
            try:
                how = self._go(how)
            except Trap as trap:
                how = self._trapped(trap)

    def _go(self, how: int) -> int:
        """Run until control is back here; returns how to go on."""
        m = self.m
        if m.space is not self.interp.space or m.paged is not self.interp.paged:
            self._switch()                        # a trap or IRET changed the context
        interp = self.interp
        f, fp = m.func, m.fp
        if m.sp_override is not None and m.sp_override[0] == fp:
            self._step_redirected(how)
            return 2
        interp.namespace["HOST_FLOOR"] = host_floor(m, fp)
        code = interp.fast_code[f] or interp.fast(f)
        try:
            if how == 0:
                value = code(m, 0, 0, fp, *m.args)
            else:
                value = code(m, m.pc, how, fp)
        except FlatCall as call:                  # a call through the run loop
            try:
                m.enter(call.callee, m.args)
            except StackOverflow:                 # the trap is at the call, with the
                m.pc -= 1                         # caller's registers (spilled for it)
                m.regs = m.unspill_regs()
                raise
            return 0
        except Step:                              # not enough fuel for a block, or a
            self._step_to_leader()                # machine instruction: the stepper
            return 2
        except TierUp as up:                      # a hot loop: compile, enter natively
            interp.calls[up.findex] = -1
            why = f"at a loop after {interp.jit_threshold} iterations"
            jit = self.jit
            if jit is not None and jit.compile(up.findex, why):
                jit.resume_entry(up.findex, m.pc)           # on-stack replacement
            else:
                interp.osr_ok[up.findex] = False
            return 2
        except Trap as trap:
            interp.locate_fault(trap)
            trap.in_fast_code = True              # its block was charged in full
            raise
        m.retval = value                          # returned: pop the frame
        m.fp = fp                                 # (nested code may have moved m.fp)
        m.leave()
        return 1

    def _tier_up(self, findex: int):
        """A function's call count passed the threshold: its native bridge,
        or None if the JIT cannot have it."""
        jit = self.jit
        if jit is not None and jit.compile(findex, f"after {self.interp.jit_threshold} calls"):
            return self.interp.fast_code[findex]
        return None

    def _step_to_leader(self) -> None:
        """Step until installed code can take over again (at a block start)
        or the fuel is gone; there, take a pending interrupt."""
        m = self.m
        self.step_until(lambda: True if m.pc in self.interp.leaders(m.func) else None)
        self._take_interrupt()

    def _take_interrupt(self) -> None:
        """At a block boundary: enter the kernel for a pending interrupt."""
        m = self.m
        line = privileged.pending_interrupt(m)
        if line is not None:
            m.ipending &= ~(1 << line)
            privileged.deliver(m, MM.CAUSE_INTERRUPT + line, line)

    def _step_redirected(self, how: int) -> None:
        """A frame whose calls SETSP moved to another stack runs on the
        stepper (its CALLs push below that SP); its callees run fast."""
        m = self.m
        if how == 1:                              # back from a call: registers from memory
            m.regs = m.unspill_regs()
            m.regs[m.program.functions[m.func].code[m.pc - 1][1]] = m.retval
        fp = m.fp
        self.step_until(lambda: None if m.fp == fp and m.sp_override is not None
                        and m.sp_override[0] == fp else True)
        if m.pc not in self.interp.leaders(m.func):
            self._step_to_leader()

    def _trapped(self, trap: Trap) -> int:
        """A trap with the state located at its instruction: a device
        access (stepped with the devices attached), a trap the kernel takes
        (delivered to its handler), or the end of the run (re-raised).
        Handling one may trap again (a device access from user mode):
        that one is handled in turn.  Returns how the loop goes on."""
        while True:
            if not self._handles(trap):
                raise trap
            try:
                return self._handle(trap)
            except Trap as again:
                trap = again

    def _handles(self, trap: Trap) -> bool:
        m = self.m
        if self._retried(trap):
            return True
        if isinstance(trap, SyscallTrap) and m.host_kernel is not None:
            return True
        return bool(m.tvec) and privileged.deliverable(trap)

    def _retried(self, trap: Trap) -> bool:
        """Whether fast code's fault is one the stepper may get through: a
        device register (fast code reaches no device), or an access native
        code's TLB could not serve (across pages, or a miss it leaves to
        the stepper, which has the one definition of a page fault)."""
        if not getattr(trap, "in_fast_code", False) or not isinstance(trap, SegFault):
            return False
        if getattr(trap, "recheck", False):
            return True
        return in_device_window(trap.address) and not self.m.paged and self.m.bus is not None

    def _handle(self, trap: Trap) -> int:
        m = self.m
        fast = getattr(trap, "in_fast_code", False)
        if self._retried(trap):
            self._exact_fuel(fast, retry=True)
            self.step_until(lambda: True)         # the stepper reaches devices
            if m.pc not in self.interp.leaders(m.func):
                self._step_to_leader()
            else:
                self._take_interrupt()
            return 2
        syscall = isinstance(trap, SyscallTrap)
        self._exact_fuel(fast, retry=not syscall)
        if syscall and m.host_kernel is not None:
            # `pvm run --paged`: the VM is the kernel (pvm/machine/vmkernel.py)
            result = m.host_kernel.syscall(m, trap.args)
            m.regs[m.program.functions[m.func].code[m.pc][1]] = result
            m.pc += 1
            return 2
        cause, value = privileged.cause_of(trap)
        privileged.deliver(m, cause, value, trap.args if syscall else ())
        return 0

    def _exact_fuel(self, fast: bool, retry: bool) -> None:
        """Both tiers charge a block's instructions at its start, so at a
        trap in the middle the fuel is short by the rest of the block: give
        it back (and the trapping instruction too, when it will run again),
        so the instruction count is exact where the trap happened.  The
        stepper charges as it goes: only a retried instruction is owed."""
        m = self.m
        if not fast:
            m.fuel += 1 if retry else 0
            return
        starts = self.interp.leaders(m.func)
        n = len(m.program.functions[m.func].code)
        end = next((s for s in sorted(starts) if s > m.pc), n)
        m.fuel += end - m.pc - (0 if retry else 1)

    def step_until(self, check, step=None):
        """The one stepping loop: run one instruction at a time (`step`,
        the stepper's by default), charging fuel, until `check()` returns
        something other than None, which is returned.  Ends like a run:
        GuestExit, a Trap, OutOfFuel."""
        m = self.m
        while True:
            if m.fuel <= 0 and not m.clock.expired():
                raise OutOfFuel(m.clock.icount)
            if step is not None:
                step()
            else:
                if m.space is not self.interp.space or m.paged is not self.interp.paged:
                    self._switch()                # the last step changed the context
                self.interp.stepper.step()
            if check is not None:
                stop = check()
                if stop is not None:
                    return stop

    # ---- the tier policy ------------------------------------------------------------
    def set_tier(self, tier: str) -> None:
        """Switch the execution tier between runs: 'interp', 'jit' (compile
        before running) or 'auto'.  (The REPL's: one context.)"""
        check_tier(tier)
        if tier != "interp" and self.jit is None:
            from pvm.jit import available
            why = available()
            if why is not None:
                raise PvmError(f"the jit tier is not available here: {why}")
            from pvm.jit.tier import JitTier
            self.jit = JitTier(self.m, self.interp, space=self.interp.space,
                               paged=self.interp.paged)
        if self.jit is not None:
            for k in range(len(self.m.program.functions)):
                self.jit.forget(k)
        self.interp.reset(counting=tier == "auto", count_huge=tier == "jit")
        if tier == "interp" and self.jit is not None:
            self.interp.space.tiers.remove(self.jit)
            self.jit = None
        self.tier = tier
        self._contexts[(self.interp.space, self.interp.paged)] = (self.interp, self.jit)

    # ---- the host calls the guest (REPL) ----------------------------------------------
    def call_function(self, findex: int, args: tuple = (), stepping: bool = False):
        """Call guest function `findex` from the host on top of the current
        state (below the current frame, or on an empty stack) and return its
        value; func/pc/fp/regs are as before afterwards.  A trap propagates
        with the state at the fault; exit() propagates GuestExit."""
        m = self.m
        saved = (m.func, m.pc, m.fp, m.regs, m.args, m.retval)
        caller_sp = m.sp() if m.fp else m.stack_top
        m.enter(findex, tuple(args), return_address=0, caller_sp=caller_sp)
        m.regs = m.fresh_regs(m.args)
        try:
            self._drive(stepping)
        except ReturnedToHost:
            pass
        except GuestExit as e:
            m.halted = e.status
            raise
        value = m.retval
        m.func, m.pc, m.fp, m.regs, m.args, m.retval = saved
        return value
