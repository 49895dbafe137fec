"""Starting a program and reporting how it ended: the one way to run one.

`pvm run`, the API, `--trace`/`--profile`, `pvm bench`, the REPL and the
debugger all build their machine with `start` and report a trap with
`trap_line`, so a program behaves, and fails, the same however it is run.
"""
from __future__ import annotations

import os

from pvm.bytecode.program import DEFAULT_STACK
from pvm.machine.state import Machine
from pvm.machine.traps import Trap
from .loop import Runner, check_tier


def start(program, argv=None, *, host=None, tier: str = "interp", fuel: int | None = None,
          memory: int | None = None, stack: int = DEFAULT_STACK,
          program_key: str | None = None, devices: dict | None = None,
          paged: bool = False, **tier_options) -> Runner:
    """A fresh machine for `program` with `argv` placed (if given), and the
    Runner that runs it on `tier` (tier_options: jit_threshold, jit_log,
    dump_llvm, jit_cache_mb, jit_warm_start).  The devices of the memory
    map are attached, the console on the host services' standard streams;
    `devices` may name a disk image, a printer file and deterministic time
    (Machine.attach_devices).  `paged`: run it in user mode on a page
    table, the VM acting as its kernel (pvm/machine/vmkernel.py)."""
    check_tier(tier)
    m = Machine(program, memory=memory, stack=stack, fuel=fuel, os=host,
                program_key=program_key, paged=paged)
    m.attach_devices(stdin=m.os.stdin, stdout=m.os.stdout, **(devices or {}))
    runner = Runner(m, tier=tier, **tier_options)
    if argv is not None:
        m.set_args([a if isinstance(a, bytes) else os.fsencode(a) for a in argv])
    return runner


def trap_line(trap: Trap, machine) -> str:
    """The one-line report of a trap: what, and where in the source."""
    return f"{trap.message} in {machine.where()}"


def run_reporting(runner: Runner, stepping: bool = False) -> int:
    """Run to the end and return the exit status; a trap is reported as one
    line on the guest's stderr (after its stdout is flushed)."""
    m = runner.m
    try:
        return runner.run(stepping)
    except Trap as t:
        for stream in (m.os.stdout, m.os.stderr):
            if hasattr(stream, "flush"):
                stream.flush()
        m.os.stderr.write((trap_line(t, m) + "\n").encode())
        if hasattr(m.os.stderr, "flush"):
            m.os.stderr.flush()
        return t.status
    finally:
        m.close_devices()
