"""`pvm run --trace[=FUNC]` and `pvm run --profile`: watching a program run.

--trace runs every instruction through the reference stepper and prints it
on stderr, with the source line each time the line changes:

    prog.c:5:     return n * fact(n - 1);
      fact+4      LI r2, #1
      fact+5      SUB32 r3, r0, r2

With a FUNC, only that function's own instructions are printed (the rest
still runs, in the stepper).

--profile counts, per function and per tier, the calls, the instructions
executed in the function itself (not its callees) and the time spent there,
and prints the table on stderr at exit.  It wraps each function's installed
code (translation or native bridge, see Machine.install_fast), so it sees
every activation the main loop or a caller makes; instructions come from
the fuel counter, exact at every call and return.  Native code calls native
code directly, so under the JIT a compiled function's callees that are
compiled too are counted in it.
"""
from __future__ import annotations

import sys
import time

from pvm.exec.session import start, trap_line
from pvm.machine.traps import GuestExit, Trap
from pvm.sources import SourceLines


class Profile:
    def __init__(self):
        self.stats: dict = {}            # (function, tier) -> [calls, instructions, seconds]
        self.stack: list = []            # [key, t0, fuel0, child seconds, child instructions]

    def enter(self, m, key, fresh: bool) -> None:
        row = self.stats.setdefault(key, [0, 0, 0.0])
        if fresh:
            row[0] += 1
        self.stack.append([key, time.perf_counter(), m.fuel, 0.0, 0])

    def leave(self, m) -> None:
        key, t0, fuel0, child_t, child_i = self.stack.pop()
        dt, di = time.perf_counter() - t0, fuel0 - m.fuel
        row = self.stats[key]
        row[1] += di - child_i
        row[2] += dt - child_t
        if self.stack:
            self.stack[-1][3] += dt
            self.stack[-1][4] += di

    def report(self, m) -> str:
        fns = m.program.functions
        rows = sorted(self.stats.items(), key=lambda kv: (-kv[1][2], -kv[1][1]))
        total_i = sum(r[1] for _, r in rows) or 1
        total_t = sum(r[2] for _, r in rows)
        out = [f"profile: {total_i} instructions, {total_t * 1000:.1f} ms in guest code",
               f"{'function':<24} {'tier':<7} {'calls':>9} {'instructions':>13} {'%':>6} {'self ms':>9}"]
        for (k, tier), (calls, instructions, seconds) in rows:
            if calls == 0 and instructions == 0:
                continue
            out.append(f"{fns[k].name[:24]:<24} {tier:<7} {calls:>9} {instructions:>13} "
                       f"{100 * instructions / total_i:>6.1f} {seconds * 1000:>9.2f}")
        return "\n".join(out) + "\n"


def profiled(profile: Profile):
    """A Runner's `observe` hook: every installed function code (translated
    or native) reports its calls and time to `profile`."""
    def observe(findex: int, function):
        tier = "jit" if getattr(function, "pvm_native", False) else "interp"
        key = (findex, tier)

        def code(m, L, how, fp, *params):
            profile.enter(m, key, how == 0)
            try:
                return function(m, L, how, fp, *params)
            finally:
                profile.leave(m)
        return code
    return observe


class Tracer:
    """Prints instructions as the stepper runs them."""

    def __init__(self, m, only: str, out):
        from pvm.bytecode.dis import function_refs
        self.m, self.out = m, out
        self.only = only or None
        self.refs = function_refs(m.program)
        self.last = None
        self.sources = SourceLines()

    def source_line(self, path: str, line: int) -> str:
        return self.sources.line(path, line).strip()

    def show(self) -> None:
        from pvm import isa
        from pvm.bytecode.dis import format_instruction
        m = self.m
        fn = m.program.functions[m.func]
        if self.only is not None and fn.name != self.only:
            return
        line = fn.lines[m.pc] if m.pc < len(fn.lines) else 0
        if (m.func, line) != self.last and line:
            path = m.program.files[fn.file] if fn.file < len(m.program.files) else "?"
            self.out.write(f"{path}:{line}: {self.source_line(path, line)}\n")
        self.last = (m.func, line)
        ins = fn.code[m.pc]
        text = format_instruction(fn, ins, isa.BY_NAME.get(ins[0]), self.refs, m.layout)
        self.out.write(f"  {fn.name}+{m.pc:<6} {text}\n")


def run_observed(program, argv, *, trace=None, profile=False, tier="auto", fuel=None,
                 memory=None, stack=None, jit_threshold=1000) -> int:
    """Run like api.execute, tracing and/or profiling on stderr."""
    from pvm.api import digest
    from pvm.machine.hostos import HostOS
    opts = dict(fuel=fuel, host=HostOS(), jit_threshold=jit_threshold,
                program_key=digest(program))
    if memory:
        opts["memory"] = memory
    if stack:
        opts["stack"] = stack
    prof = Profile() if profile else None
    observe = profiled(prof) if prof is not None and trace is None else None
    runner = start(program, argv, tier="interp" if trace is not None else tier,
                   observe=observe, **opts)
    m = runner.m
    if observe is not None:
        for k in range(len(program.functions)):     # translating is not the program's time
            runner.interp.fast(k)
    err = sys.stderr
    try:
        if trace is not None:
            status = _stepped(runner, Tracer(m, trace, err), prof)
        else:
            status = runner.run()
    except Trap as t:
        sys.stdout.flush()
        err.write(trap_line(t, m) + "\n")
        status = t.status
    finally:
        sys.stdout.flush()
        if prof is not None:
            if prof.stack:                      # a trap: close what was running
                while prof.stack:
                    prof.leave(m)
            err.write(prof.report(m))
        err.flush()
    return status


def _stepped(runner, tracer: Tracer, prof: Profile | None) -> int:
    """Run on the stepping loop, printing each instruction first."""
    m = runner.m

    def before_next():
        if m.fuel <= 0:                 # the loop stops here: nothing more runs
            return None
        tracer.show()
        if prof is not None:
            row = prof.stats.setdefault((m.func, "stepper"), [0, 0, 0.0])
            row[1] += 1
            if m.pc == 0:
                row[0] += 1
        return None
    try:
        before_next()
        runner.step_until(before_next)
    except GuestExit as e:
        m.halted = e.status
        return e.status
