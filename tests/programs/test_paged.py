"""`pvm run --paged`: the differential corpus under paged virtual memory.

Every program under core/, lang/ and traps/ must behave under --paged (user
mode on a page table, the VM as its kernel, pvm/machine/vmkernel.py) as it
does bare: gcc's stdout and status, or the trap a bare run reports (a wild
pointer is a page fault: the same report, with "page fault on" in it).
The interpreter runs the whole corpus; jit and auto a fair sample, the rest
is marked slow.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from programs_harness import directives, run_options
from test_programs import assert_no_traceback, programs, show

SAMPLE = 4       # jit and auto run every 4th program by default


def cases(folder: str) -> list:
    out = []
    for i, p in enumerate(programs(folder)):
        for tier in ("interp", "jit", "auto"):
            marks = list(p.marks)
            if tier != "interp" and i % SAMPLE:
                marks.append(pytest.mark.slow)
            out.append(pytest.param(p.values[0], tier, id=f"{p.id}-{tier}", marks=marks))
    return out


@pytest.mark.parametrize("path,tier", cases("core") + cases("lang"))
def test_paged_program_matches_gcc(path: Path, tier: str, run_pvm, gcc_reference):
    want_status, want_stdout = gcc_reference(path)
    r = run_pvm(path, tier, paged=True, **run_options(directives(path)))
    assert_no_traceback(r)
    assert r.stdout == want_stdout, (
        f"stdout differs from gcc's\n--- gcc\n{show(want_stdout)}\n--- pvm --paged\n"
        f"{show(r.stdout)}\n--- stderr\n{show(r.stderr)}")
    assert r.status == want_status, f"status {r.status}, gcc gives {want_status}:\n{show(r.stderr)}"


@pytest.mark.parametrize("path,tier", cases("traps"))
def test_paged_trap_is_reported_as_bare(path: Path, tier: str, run_pvm):
    d = directives(path)
    r = run_pvm(path, tier, paged=True, **run_options(d))
    assert_no_traceback(r)
    stderr = r.stderr.decode("utf-8", "replace")
    assert r.status == int(d["expect-status"][0]), stderr
    lines = [line.strip().replace("page fault on ", "") for line in stderr.splitlines()]
    for want in d.get("expect-stderr", []):
        assert want in lines, f"stderr lacks the line\n  {want}\nit was:\n{stderr}"
    for want in d.get("expect-stderr-contains", []):
        assert want in stderr.replace("page fault on ", ""), stderr


def test_a_wild_pointer_is_a_page_fault_with_its_address(run_pvm, tmp_path):
    src = tmp_path / "wild.c"
    src.write_text("int main(void) { long *p = (long *)0x3000000; return (int)*p; }\n")
    r = run_pvm(src, "interp", paged=True)
    assert r.status == 139
    assert b"Segmentation fault: page fault on read of address 0x3000000 in main (wild.c:1)" \
        in r.stderr
    bare = run_pvm(src, "interp")        # bare memory there is just unused: it reads zero
    assert bare.status == 0


def test_the_page_below_the_stack_is_a_guard(run_pvm, tmp_path):
    src = tmp_path / "guard.c"
    src.write_text("int main(void) { char c; char *below = &c - (9 << 20); *below = 1; return 0; }\n")
    r = run_pvm(src, "interp", paged=True)
    assert r.status == 139 and b"page fault on write" in r.stderr


