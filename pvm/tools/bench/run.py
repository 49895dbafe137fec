"""Measuring one benchmark: each tier timed the same way, every output kept.

A Column is one tier's measurement of one program: the wall times of
`repeat` runs after a warm-up, and what the runs printed.  The columns of
one program are run round robin (every warm-up, then every first timed run,
...), so a shared machine's drift moves them alike.  How each is timed:
  interp   in this process, a fresh Machine per run, only `m.run()` timed
  jit      the same with tier="jit", every function compiled before the
           clock starts (jit.compile_all()), so this is the steady state
  auto     a whole `python -m pvm run --tier=auto` process (start-up,
           compile, tiering up; the on-disk caches are warm after the warm-up)
  gcc      the gcc -O2 binary of the same source, a whole process; clang too
LLVM's own time is measured on the JIT's warm-up machine, which compiles
with the object cache off, so it is what a first run pays, not a cache hit.

The reference outputs (what the gcc binary prints at each size) are taken
here too; pvm/tools/bench/results.py compares every column against them.
"""
from __future__ import annotations

import gc
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from pvm.paths import ROOT as _ROOT

ROOT = str(_ROOT)

CC_FLAGS = ("-O2",)
CC_LIBS = ("-lm",)
COMPILERS = {"gcc": "gcc", "clang": "clang"}   # tier -> command (tests substitute fakes)
NATIVE_TIMEOUT = 1800                           # seconds for one subprocess run


@dataclass
class Output:
    """What one run printed, reduced to what the bench compares."""
    status: int
    checksum: str | None     # the `checksum:` value, or a hash of stdout if none was printed
    work: int                # the `work:` value, 1 if none was printed
    problem: str | None = None   # a trap report or a failure to run, or None


@dataclass
class Column:
    tier: str
    size: str | None
    times: list = field(default_factory=list)   # seconds, one per timed run
    output: Output | None = None                # of the first run (all must agree)
    error: str | None = None                    # why this column has no trustworthy number
    llvm_ms: list = field(default_factory=list)  # jit only: LLVM time per compilation
    jit_notes: list = field(default_factory=list)  # jit only: refused functions


def parse_output(stdout: bytes, status: int, problem: str | None = None) -> Output:
    text = stdout.decode("utf-8", "replace")
    m = re.search(r"^checksum:\s*(\S+)", text, re.M)
    checksum = m.group(1) if m else "stdout " + hashlib.sha256(stdout).hexdigest()[:12]
    w = re.search(r"^work:\s*(\d+)", text, re.M)
    work = max(int(w.group(1)), 1) if w else 1
    return Output(status, checksum, work, problem)


def argv_of(name: str, size: str | None) -> list:
    return [name] if size is None else [name, size]


def jit_unavailable() -> str | None:
    try:
        from pvm.jit import available
    except Exception as e:          # llvmlite missing or broken
        return f"llvmlite cannot be imported ({e})"
    return available()


class Runner:
    def __init__(self, tiers: list, repeat: int, show):
        self.tiers, self.repeat, self.show = tiers, repeat, show
        self.tmp = tempfile.mkdtemp(prefix="pvm-bench-")

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def steps(self) -> int:
        """Progress steps per program: the reference, each tier's runs, LLVM."""
        runs = 1 + self.repeat
        return 2 + runs * len(self.tiers)

    def measure(self, target):
        """Everything about one program: a Row for pvm/tools/bench/results.py."""
        from .results import Row
        from pvm.errors import PvmError
        from pvm import api
        self.show.start(target.name, self.steps())
        row = Row(target)
        sizes = list(dict.fromkeys(target.interp if t.startswith("interp") else target.full
                                   for t in self.tiers))
        row.references, row.reference_note = self.references(target, sizes)
        try:
            self.show.step("compiling to bytecode")
            program = api.compile_file(target.path)
        except PvmError as e:
            row.error = "does not compile on pvm: " + str(e).splitlines()[0]
            self.show.finish()
            return row
        runs = {}
        for tier in self.tiers:
            size = target.interp if tier.startswith("interp") else target.full
            row.columns[tier] = Column(tier, size)
            if tier in ("interp", "jit", "interp-paged", "jit-paged"):
                runs[tier] = lambda col, i: self.in_process(program, target, col, i)
            elif tier == "auto":
                command = self.auto_command(target)
                runs[tier] = lambda col, i, c=command: self.process(target, col, i, c)
            else:
                exe = self.native(target, tier)
                if isinstance(exe, list):
                    runs[tier] = lambda col, i, c=exe: self.process(target, col, i, c)
                else:
                    row.columns[tier].error = exe
        # round robin: the i-th runs of all columns are taken together, so a
        # machine that speeds up or slows down (shared hosts, frequency
        # scaling) moves every column alike and the ratios stay fair
        for i in range(1 + self.repeat):
            for tier, run in runs.items():
                col = row.columns[tier]
                if col.error is None:
                    self.show.step(f"{tier} {'warm-up' if i == 0 else f'run {i}/{self.repeat}'}")
                    run(col, i)
        self.show.finish()
        return row

    # ---- references -----------------------------------------------------------------
    def references(self, target, sizes: list):
        """{size: Output} printed by the gcc -O2 binary: the right answers."""
        self.show.step("gcc reference")
        exe = self.native(target, "gcc") if shutil.which(COMPILERS["gcc"]) else None
        if not isinstance(exe, list):
            why = exe or "gcc is not installed"
            return {}, f"no gcc reference ({why}): checksums compared between pvm tiers only"
        return {s: self.run_process(exe + argv_of(target.name, s)[1:])[1] for s in sizes}, None

    # ---- in this process ------------------------------------------------------------
    def in_process(self, program, target, col: Column, i: int) -> None:
        """Run i (0: the warm-up) of an in-process column: interp or jit."""
        tier = col.tier
        try:
            # the JIT's warm-up machine compiles with the object cache
            # off: that is where LLVM's own time is measured
            seconds, out, m = self.run_machine(program, target, tier, col.size,
                                               uncached=tier.startswith("jit") and i == 0)
        except Exception as e:          # a failure of pvm itself: shown, not hidden
            col.error = f"{tier} failed: {type(e).__name__}: {e}"
            return
        if record(col, out, seconds, timed=i > 0) and tier == "jit" and i == 0:
            col.llvm_ms = self.llvm_ms_per_function(program)
            col.jit_notes = [e for e in m.jit.events if e.startswith("refused")]

    def run_machine(self, program, target, tier: str, size, uncached: bool = False):
        """One run on a fresh Machine; only m.run() is timed."""
        from pvm.api import digest
        from pvm.exec.session import start, trap_line
        from pvm.machine.hostos import HostOS
        from pvm.machine.traps import Trap
        out, err = io.BytesIO(), io.BytesIO()
        host = HostOS(stdin=io.BytesIO(), stdout=out, stderr=err)
        # the JIT's warm-up run compiles with the object cache off (uncached)
        runner = start(program, argv_of(target.name, size), host=host,
                       tier=tier.removesuffix("-paged"), program_key=digest(program),
                       jit_disk_cache=not uncached, paged=tier.endswith("-paged"))
        if runner.jit is not None:
            runner.jit.compile_all()     # the steady state: no compiling inside run()
        problem = None
        gc.collect()
        t0 = time.perf_counter()
        try:
            status = runner.run()
        except Trap as t:
            status, problem = t.status, trap_line(t, runner.m)
        seconds = time.perf_counter() - t0
        return seconds, parse_output(out.getvalue(), status, problem), runner

    @staticmethod
    def llvm_ms_per_function(program) -> list:
        """LLVM time (lowering, O2, object code) of each function of the
        benchmark's own source, each compiled alone, with the object cache
        off: what tiering up one function costs."""
        from pvm.api import digest
        from pvm.exec.session import start
        from pvm.machine.hostos import HostOS
        quiet = HostOS(stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.BytesIO())
        jit = start(program, host=quiet, tier="jit", program_key=digest(program),
                    jit_disk_cache=False).jit
        for k, fn in enumerate(program.functions):
            if not program.files[fn.file].startswith("<stdlib>"):
                jit.compile(k)
        return list(jit.engine.compile_ms)

    # ---- whole processes -----------------------------------------------------------
    def auto_command(self, target) -> list:
        return [sys.executable, "-m", "pvm", "run", "--tier=auto", target.path]

    def native(self, target, tier: str):
        """Compile with gcc/clang -O2 once: the command to run it, or why not."""
        tag = hashlib.sha256(target.path.encode()).hexdigest()[:8]   # two my.c in two folders
        exe = os.path.join(self.tmp, f"{target.name}-{tag}.{tier}")
        if os.path.exists(exe):
            return [exe]
        cmd = [COMPILERS[tier], *CC_FLAGS, target.path, "-o", exe, *CC_LIBS]
        try:
            r = subprocess.run(cmd, capture_output=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"{tier} failed: {e}"
        if r.returncode != 0:
            first = (r.stderr.decode(errors="replace").strip().splitlines() or ["?"])[0]
            return f"{tier} -O2 does not compile it: {first}"
        return [exe]

    def process(self, target, col: Column, i: int, command: list) -> None:
        """Run i (0: the warm-up) of a whole process: auto, gcc or clang."""
        seconds, out = self.run_process(command + argv_of(target.name, col.size)[1:])
        record(col, out, seconds, timed=i > 0)

    def run_process(self, argv: list):
        env = dict(os.environ)
        env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        # start-up as installed: with .pyc files (the warm-up run writes them)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        t0 = time.perf_counter()
        try:
            r = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                               env=env, timeout=NATIVE_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as e:
            return time.perf_counter() - t0, Output(-1, None, 1, f"could not run {argv[0]}: {e}")
        seconds = time.perf_counter() - t0
        # a signal as a shell shows it: SIGSEGV is 139, like a guest trap
        status = r.returncode if r.returncode >= 0 else 128 - r.returncode
        lines = r.stderr.decode(errors="replace").strip().splitlines()
        problem = lines[-1] if status != 0 and lines else None
        return seconds, parse_output(r.stdout, status, problem)


def record(col: Column, out: Output, seconds: float, timed: bool) -> bool:
    """Add one run to a column; False (and col.error set) if it cannot count."""
    if out.problem and out.status < 0:
        col.error = out.problem
        return False
    if col.output is None:
        col.output = out
    elif (out.checksum, out.work, out.status) != (col.output.checksum, col.output.work,
                                                  col.output.status):
        col.error = (f"runs disagree: checksum {col.output.checksum} then {out.checksum}, "
                     f"exit status {col.output.status} then {out.status}")
        return False
    if timed:
        col.times.append(seconds)
    return True
