"""Host nanoseconds per trap on each tier: a system call's round trip
through a guest kernel's handler, and a timer interrupt.

    python bench/machine_costs.py [--repeat 3]

A system call's figure is (time at 2N - time at N) / N, so start-up and
compiling cancel out; a timer interrupt's is the extra time of a loop under
the timer over the same loop without it, divided by the interrupts taken.  A benchmark, not a test: the figures go in notes and docs.
"""
from __future__ import annotations

import argparse
import io
import os
import time

import pvm

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = os.path.join(HERE, "machine", "trapcost.c")


def timed(program, args, tier: str) -> tuple:
    """(seconds, interrupts taken) of one run."""
    out = io.BytesIO()
    t0 = time.perf_counter()
    status = pvm.execute(program, ["trapcost", *args], stdout=out, stderr=out, tier=tier)
    dt = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"trapcost {' '.join(args)} on {tier}: status {status}: {out.getvalue()}")
    return dt, int(out.getvalue().split()[-1])


def best(program, args, tier: str, repeat: int) -> tuple:
    return min(timed(program, args, tier) for _ in range(repeat))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    program = pvm.compile_file(PROGRAM)
    interval, loop = 2000, 400_000
    for tier in ["interp"] + (["jit"] if "jit" in pvm.TIERS else []):
        n = 2000
        one, two = (best(program, ["syscalls", str(k)], tier, a.repeat)[0] for k in (n, 2 * n))
        sys_ns = (two - one) / n * 1e9
        with_timer, ticks = best(program, ["timer", str(loop), str(interval)], tier, a.repeat)
        without, _ = best(program, ["timer", str(loop), "0"], tier, a.repeat)
        irq_ns = (with_timer - without) / ticks * 1e9
        print(f"{tier:6}  system call round trip {sys_ns / 1000:8.1f} us   "
              f"timer interrupt {irq_ns / 1000:8.1f} us")


if __name__ == "__main__":
    main()
