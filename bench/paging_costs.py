"""Host time of paging's slow paths, per tier: a TLB miss (the walk of a
three-level page table that refills the TLB), and a page fault's round
trip through a guest kernel (examples/machine/loader.c maps heap pages
when first touched: trap, the kernel's handler, a fresh frame, IRET and the
faulting store again).

    python bench/paging_costs.py [--repeat 3]

The page fault figure is (time at 2N pages - time at N) / N, so start-up,
loading and compiling cancel out.  A benchmark, not a test.
"""
from __future__ import annotations

import argparse
import io
import os
import tempfile
import time

import pvm
from pvm.bytecode.bcfile import encode
from pvm.machine.state import Machine

HERE = os.path.dirname(os.path.abspath(__file__))
LOADER = os.path.join(HERE, os.pardir, "examples", "machine", "loader.c")
TOUCH = os.path.join(HERE, "machine", "touch.c")


def tlb_miss_ns(repeat: int) -> tuple:
    """(miss, hit) ns of an interpreted 8-byte load under paging."""
    m = Machine(pvm.compile_source("int main(void) { return 0; }\n"), paged=True)
    from pvm.machine.mmu import bind_paged
    ld64 = bind_paged(m.mmu, m.layout.data_base)["ld64"]
    addr, n = m.stack_top - 4096, 20000
    flush = m.mmu.flush
    best_miss = best_hit = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(n):
            flush(addr)
            ld64(addr)
        t1 = time.perf_counter()
        for _ in range(n):
            flush(0x1000)                   # a page never mapped: the same call, no effect
            ld64(addr)
        t2 = time.perf_counter()
        best_miss, best_hit = min(best_miss, t1 - t0), min(best_hit, t2 - t1)
    return best_miss / n * 1e9, best_hit / n * 1e9


def fault_round_trip_us(tier: str, repeat: int, workdir: str) -> float:
    loader = pvm.compile_file(LOADER)

    def run(pages: int) -> float:
        out = io.BytesIO()
        t0 = time.perf_counter()
        status = pvm.execute(loader, ["loader", f"touch.pvm {pages}"], stdout=out, stderr=out,
                             tier=tier, root=workdir)
        if status != 0:
            raise SystemExit(f"loader on {tier}: status {status}: {out.getvalue()!r}")
        return time.perf_counter() - t0
    n = 1000
    run(n)                                  # warm-up: translations and native code cached
    one = min(run(n) for _ in range(repeat))
    two = min(run(2 * n) for _ in range(repeat))
    return (two - one) / n * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    miss, hit = tlb_miss_ns(a.repeat)
    print(f"interp  TLB hit (ld64) {hit:6.0f} ns   TLB miss (walk and refill) {miss - hit:6.0f} ns more")
    with tempfile.TemporaryDirectory() as workdir:
        with open(os.path.join(workdir, "touch.pvm"), "wb") as f:
            f.write(encode(pvm.compile_file(TOUCH)))
        for tier in ["interp"] + (["jit"] if "jit" in pvm.TIERS else []):
            us = fault_round_trip_us(tier, a.repeat, workdir)
            print(f"{tier:6}  page fault round trip through the guest kernel {us:8.1f} us")


if __name__ == "__main__":
    main()
