"""Evaluating C input on a live machine: compile, load, run, show the value.

`Evaluator.evaluate(text)` is what both the REPL and the debugger's `print`
use.  The input is compiled by a compiler.incremental.Session, linked by
compiler/link.py's Linker into the machine (pvm.tools.repl.loader.Loader)
and, if it is a statement or an expression, its wrapper function is called
on the live machine (Machine.call_function).
The machine is snapshotted first, so that a trap or Ctrl-C in the input
puts it back exactly as it was before that input (`restore_on_trap`); the
debugger turns this off when the program itself should stop at a fault.
Guest stdout is flushed after every input, so output and prompts
interleave as the user expects.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from compiler.diagnostics import CompileError

from .display import describe, value_text
from pvm.exec.session import trap_line
from pvm.machine.traps import GuestExit, Trap


def compile_now(jit, k: int) -> None:
    """The jit tier: compile function k and everything it calls before it runs."""
    jit.compile(k, "(tier jit)", everything=True)


@dataclass
class Outcome:
    value: str | None = None            # `(int) 42`
    error: str | None = None            # diagnostics, or a trap report
    notes: list = field(default_factory=list)
    exit_status: int | None = None      # the input called exit()
    trapped: bool = False
    interrupted: bool = False
    seconds: float = 0.0                # time spent running guest code


class Evaluator:
    def __init__(self, session, runner, loader, *, restore_on_trap: bool = True):
        self.session = session
        self.runner = runner                # pvm/exec/loop.py: runs code on the machine
        self.m = runner.m
        self.loader = loader
        self.restore_on_trap = restore_on_trap
        self.tier = runner.tier
        self.last_fault: tuple | None = None    # (message, function, regs) of the last trap

    # ---- one input ----------------------------------------------------------------
    def evaluate(self, text: str, filename: str | None = None, decls_only: bool = False,
                 locals_: dict | None = None) -> Outcome:
        try:
            c = self.session.compile(text, filename, locals_, decls_only)
            loaded = self.loader.load([c.obj]) if c.obj is not None else None
        except CompileError as e:
            return Outcome(error=str(e))
        c.commit()
        out = Outcome(notes=list(c.warnings))
        if loaded is not None:
            for caller, callee in loaded.stale:
                if not caller.startswith("__repl_"):
                    out.notes.append(f"note: '{caller}' still calls the old '{callee}' (its type "
                                     f"changed); define '{caller}' again to call the new one")
        if c.entry is None:
            return out
        self.run(self.loader.function(c.entry), out)
        if out.error is None and out.exit_status is None and c.result is not None:
            out.value = self.show(c)
        return out

    def show(self, c) -> str:
        address = self.loader.address(c.result)
        if c.via_address:
            target = int.from_bytes(self.m.mem[address:address + 8], "little")
            if c.type.is_func:
                return describe(self.m, c.type, target)
            return describe(self.m, c.type, target)
        return describe(self.m, c.type, address)

    def value_of(self, c) -> str:
        return value_text(self.m, c.type, self.loader.address(c.result))

    # ---- running --------------------------------------------------------------------
    def run(self, k: int, out: Outcome, stepping: bool = False) -> None:
        """Call function k; report a trap, exit or interrupt in `out`."""
        m = self.m
        snap = m.snapshot()
        sys.stdout.flush()
        if self.runner.jit is not None and self.tier == "jit":
            compile_now(self.runner.jit, k)
        t0 = time.perf_counter()
        try:
            self.runner.call_function(k, (), stepping)
            out.seconds = time.perf_counter() - t0
            self.flush()
        except Trap as t:
            out.seconds = time.perf_counter() - t0
            out.trapped = True
            out.error = trap_line(t, m)
            self.last_fault = (out.error, m.func, list(m.regs))
            self.flush()
            if self.restore_on_trap:
                m.restore(snap)
                out.notes.append("note: the machine is back in its state before this input")
        except KeyboardInterrupt:
            out.interrupted = True
            out.error = f"Interrupted in {m.where()}"
            m.restore(snap)
            out.notes.append("note: the machine is back in its state before this input")
        except GuestExit as e:
            out.exit_status = e.status

    def flush(self) -> None:
        """fflush(NULL) in the guest: buffered output appears now."""
        k = self.loader.function("fflush")
        if k is not None:
            try:
                self.runner.call_function(k, (0,))
            except (Trap, GuestExit):
                pass

    def time_expression(self, text: str, tiers) -> tuple[Outcome, list]:
        """Run an input once per tier from the same state: [(tier, seconds)]."""
        try:
            c = self.session.compile(text)
            self.loader.load([c.obj]) if c.obj is not None else None
        except CompileError as e:
            return Outcome(error=str(e)), []
        c.commit()
        if c.entry is None:
            return Outcome(), []
        k = self.loader.function(c.entry)
        m = self.m
        times = []
        before = self.tier
        snap = m.snapshot()
        out = Outcome()
        try:
            for i, tier in enumerate(tiers):
                if i:
                    m.restore(snap)
                self.set_tier(tier)
                t0 = time.perf_counter()
                if tier == "jit":
                    compile_now(self.runner.jit, k)
                compile_s = time.perf_counter() - t0
                out = Outcome()
                self.run(k, out)
                times.append((tier, out.seconds, compile_s))
                if out.error is not None or out.exit_status is not None:
                    break
        finally:
            self.set_tier(before)
        if out.error is None and out.exit_status is None and c.result is not None:
            out.value = self.show(c)
        return out, times

    def set_tier(self, tier: str) -> None:
        self.runner.set_tier(tier)
        self.tier = tier
