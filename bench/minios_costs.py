"""What minios costs, in host time per tier: boot to the first shell prompt,
a system call's round trip, a context switch, fork+exec+wait, the shell's
start-up (`sh -c ''`), a two-command pipeline (`echo hi | wc`), copying a
1 MiB file inside minios, and a compute program under minios against the
same bytecode run bare.

    python bench/minios_costs.py [--repeat 3] [--tiers interp,auto,jit]

Each per-operation figure is (time at 2N - time at N) / N over whole boots,
so booting, loading and compiling cancel out.  A benchmark, not a test:
the figures go in notes and docs.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time

import pvm
from pvm.tools import mkfs
from pvm.tools.boot import boot

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "minios")
COMPUTE = os.path.join(HERE, "sieve.c")


def timed(run: str, tier: str, disk: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = boot(run=run, tier=tier, disk=disk, deterministic=True)
        best = min(best, time.perf_counter() - t0)
        if r.status != 0:
            raise SystemExit(f"minios {run!r} on {tier}: status {r.status}\n{r.stdout.decode()}")
    return best


def bare_time(program, size: int, tier: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat + 1):                  # the first warms the caches
        t0 = time.perf_counter()
        pvm.run(program, [str(size)], tier=tier)
        best = min(best, time.perf_counter() - t0)
    return best


def per_op(cmd: str, n: int, tier: str, disk: str, repeat: int) -> float:
    one = timed(f"{cmd} {n}", tier, disk, repeat)
    two = timed(f"{cmd} {2 * n}", tier, disk, repeat)
    return (two - one) / n * 1e6


def per_command(cmd: str, n: int, tier: str, disk: str, repeat: int) -> float:
    """Seconds per run of shell command `cmd`, from n and 2n runs in one line."""
    one = timed("; ".join([cmd] * n), tier, disk, repeat)
    two = timed("; ".join([cmd] * 2 * n), tier, disk, repeat)
    return (two - one) / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tiers", default=",".join(pvm.TIERS))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        progs = os.path.join(work, "progs")
        os.mkdir(progs)
        for name in os.listdir(PROGRAMS):
            with open(os.path.join(PROGRAMS, name)) as src, open(os.path.join(progs, name), "w") as dst:
                dst.write(src.read())
        with open(COMPUTE) as src, open(os.path.join(progs, "sieve.c"), "w") as dst:
            dst.write(src.read())
        disk = os.path.join(work, "disk.img")
        mkfs.mkfs(disk, [progs], size=8192)                  # room for two 1 MiB files
        compute = pvm.compile_file(COMPUTE)
        for tier in a.tiers.split(","):
            boot(run="true", tier=tier, disk=disk)               # warm the caches
            t0 = time.perf_counter()
            boot(tier=tier, disk=disk)                           # to the prompt; EOF ends it
            prompt = time.perf_counter() - t0
            sys_us = per_op("syscalls", 2000, tier, disk, a.repeat)
            switch_us = per_op("pingpong", 500, tier, disk, a.repeat) / 2
            fork_us = per_op("forkexec", 20, tier, disk, a.repeat)
            sh_ms = per_command("sh -c ''", 5, tier, disk, a.repeat) * 1000
            pipe_ms = per_command("echo hi | wc", 5, tier, disk, a.repeat) * 1000
            copy_s = per_op("fcopy", 2, tier, disk, a.repeat) / 1e6
            size = 100_000 if tier == "interp" else 5_000_000
            under = timed(f"sieve {size}", tier, disk, a.repeat) - timed("sieve 10", tier, disk, a.repeat)
            bare = bare_time(compute, size, tier, a.repeat) - bare_time(compute, 10, tier, a.repeat)
            print(f"{tier:6}  boot to prompt {prompt:5.2f} s   system call {sys_us:6.1f} us   "
                  f"switch {switch_us:6.1f} us   fork+exec+wait {fork_us / 1000:6.2f} ms   "
                  f"sh start-up {sh_ms:5.1f} ms   echo hi | wc {pipe_ms:5.1f} ms   "
                  f"1 MiB copy {1 / copy_s:5.2f} MB/s   "
                  f"sieve {size} under minios / bare {under / bare:5.2f}", flush=True)


if __name__ == "__main__":
    main()
