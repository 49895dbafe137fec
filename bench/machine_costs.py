"""Host nanoseconds per trap on each tier: a system call's round trip
through a guest kernel's handler, and a timer interrupt.

    python bench/machine_costs.py [--repeat 3]

Each figure is (time at 2N - time at N) / N, so start-up and compiling
cancel out.  Timer interrupts are measured against the same loop without
the timer.  A benchmark, not a test: the figures go in notes and docs.
"""
from __future__ import annotations

import argparse
import io
import os
import time

import pvm

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = os.path.join(HERE, "machine", "trapcost.c")


def seconds(program, args, tier: str) -> float:
    out = io.BytesIO()
    t0 = time.perf_counter()
    status = pvm.execute(program, ["trapcost", *args], stdout=out, stderr=out, tier=tier)
    dt = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"trapcost {' '.join(args)} on {tier}: status {status}: {out.getvalue()}")
    return dt


def per_event(program, tier: str, make_args, n: int, repeat: int) -> float:
    one = min(seconds(program, make_args(n), tier) for _ in range(repeat))
    two = min(seconds(program, make_args(2 * n), tier) for _ in range(repeat))
    return (two - one) / n * 1e9


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    program = pvm.compile_file(PROGRAM)
    interval, loop = 2000, 400_000
    for tier in ["interp"] + (["jit"] if "jit" in pvm.TIERS else []):
        sys_ns = per_event(program, tier, lambda k: ["syscalls", str(k)], 2000, a.repeat)
        timed = per_event(program, tier, lambda k: ["timer", str(k), str(interval)], loop, a.repeat)
        plain = per_event(program, tier, lambda k: ["timer", str(k), "0"], loop, a.repeat)
        # the loop body is a few instructions: interrupts come every interval/6 iterations
        ticks_per_iteration = 6 / interval
        irq_ns = (timed - plain) / ticks_per_iteration
        print(f"{tier:6}  system call round trip {sys_ns / 1000:8.1f} us   "
              f"timer interrupt {irq_ns / 1000:8.1f} us")


if __name__ == "__main__":
    main()
