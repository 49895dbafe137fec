"""Loading programs at run time (MODLOAD/MODFREE, pvm/machine/modules.py)
and a kernel that runs them in their own address spaces
(examples/machine/loader.c): page tables, the timer, demand paging."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

import pvm
from pvm.abi import errno as E
from pvm.abi import memmap as MM
from pvm.api import digest
from pvm.bytecode.bcfile import encode
from pvm.machine.state import Machine

ROOT = Path(__file__).resolve().parents[3]
LOADER = ROOT / "examples" / "machine" / "loader.c"
TIERS = pvm.TIERS

SIEVE = r"""
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    int n = 30000, count = 0;
    char *sieve = calloc(n, 1);
    for (int i = 2; i < n; i++) {
        if (sieve[i]) continue;
        count++;
        for (int j = 2 * i; j < n; j += i) sieve[j] = 1;
    }
    printf("%d primes below %d\n", count, n);
    return 0;
}
"""

FIB = r"""
#include <stdio.h>
static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(int argc, char **argv) {
    for (int i = 15; i <= 18; i++) printf("fib(%d) = %ld\n", i, fib(i));
    printf("I am %s\n", argv[0]);
    return 0;
}
"""


def build(tmp_path: Path, name: str, source: str) -> tuple[Path, bytes]:
    program = pvm.compile_source(source, name=name + ".c")
    path = tmp_path / (name + ".pvm")
    path.write_bytes(encode(program))
    bare = pvm.run(program, name=name + ".pvm")
    assert bare.status == 0
    return path, bare.stdout


@pytest.mark.parametrize("tier", TIERS)
def test_a_kernel_runs_two_loaded_programs_round_robin_as_bare_runs_do(tier, tmp_path, monkeypatch):
    a, a_out = build(tmp_path, "sieve", SIEVE)
    b, b_out = build(tmp_path, "fib", FIB)
    monkeypatch.chdir(tmp_path)
    r = pvm.run_file(str(LOADER), args=[a.name, b.name], tier=tier)
    assert r.status == 0, r.stderr
    # each program's output is written at its exit, whole: what `pvm run` prints
    assert r.stdout in (a_out + b_out, b_out + a_out), r.stdout
    report = r.stderr.decode()
    ticks = {line.split()[1]: int(line.split()[3]) for line in report.splitlines()
             if line.startswith("loader: ") and "timer interrupts" in line}
    assert ticks["sieve.pvm"] >= 2 and ticks["fib.pvm"] >= 2, report   # both were preempted
    # the sieve's calloc'd pages were mapped by the kernel when first touched
    assert "sieve.pvm took" in report and " 0 page faults" not in report.split("sieve.pvm took")[1] \
        .splitlines()[0], report


def test_the_same_run_on_every_tier_takes_the_same_interrupts(tmp_path, monkeypatch):
    a, _ = build(tmp_path, "sieve", SIEVE)
    b, _ = build(tmp_path, "fib", FIB)
    monkeypatch.chdir(tmp_path)
    reports = {t: pvm.run_file(str(LOADER), args=[a.name, b.name], tier=t).stderr for t in TIERS}
    assert len(set(reports.values())) == 1, reports


# ---- MODLOAD itself, on a machine in kernel mode -------------------------------------

def machine_with(data: bytes) -> tuple[Machine, int]:
    """A machine (kernel mode) with `data` and a struct pvm_image naming it in memory."""
    m = Machine(pvm.compile_source("int main(void) { return 0; }\n"))
    buf = m.brk
    m.physical.write(buf, data)
    desc = buf + ((len(data) + 15) & ~15)
    m.physical.write(desc, bytes(MM.IMAGE_SIZE))
    m.physical.store64(desc + MM.IMAGE_OFFSET["image"], buf)
    m.physical.store64(desc + MM.IMAGE_OFFSET["size"], len(data))
    return m, desc


def test_modload_describes_the_program_and_shares_it_by_content():
    program = pvm.compile_source(FIB, name="fib.c")
    data = encode(program)
    m, desc = machine_with(data)
    h = m.modules.load(desc)
    assert h > 0
    field = lambda f: m.physical.load64(desc + MM.IMAGE_OFFSET[f])   # noqa: E731
    space = m.modules.space(h)
    assert field("entry") == space.layout.function_address[program.entry]
    assert field("text_base") == 0x10000 and field("text_end") == space.layout.text_end
    assert field("data_base") % MM.PAGE_SIZE == 0 and field("heap_base") % MM.PAGE_SIZE == 0
    assert m.modules.load(desc) == h                  # the same bytes: the same module
    assert space.key == digest(program)           # the key `pvm run` caches translations by
    m.modules.free(h)
    assert m.modules.valid(h)
    m.modules.free(h)
    assert not m.modules.valid(h)
    again = m.modules.load(desc)                      # loaded again: the same code space,
    assert m.modules.space(again) is space            # and handles stay small
    assert again == h == 1


def test_a_bad_image_is_an_error_code_never_a_host_exception():
    good = encode(pvm.compile_source(FIB, name="fib.c"))
    rng = random.Random(7)
    images = [b"", b"not a program", good[:len(good) // 2], good[:40]]
    for _ in range(60):
        bad = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            bad[rng.randrange(len(bad))] = rng.randrange(256)
        images.append(bytes(bad))
    results = set()
    for data in images:
        m, desc = machine_with(data or b"\0")
        if not data:
            m.physical.store64(desc + MM.IMAGE_OFFSET["size"], 0)
        h = m.modules.load(desc)
        assert h > 0 or h in (-E.ENOEXEC,), h
        results.add(h > 0)
    assert False in results                            # most mutations are refused


def test_modload_through_an_unmapped_page_table_is_efault():
    m, desc = machine_with(encode(pvm.compile_source(FIB, name="fib.c")))
    root = (m.brk + 0x100000) & ~0xFFF                 # an empty table: nothing mapped
    m.physical.store64(desc + MM.IMAGE_OFFSET["pagetable"], root)
    assert m.modules.load(desc) == -E.EFAULT
