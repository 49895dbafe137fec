"""Programs on the machine's stack instructions (machine/): user threads
from <uthread.h>, run on every tier.  They need pvm's own instructions, so
gcc is no reference: each states its output in `// expect: LINE` lines,
its exit status in `// expect-status: N` (default 0), and any line its
stderr must hold in `// expect-stderr: LINE`.  `// xfail: WHY` marks a
program the machine does not run right yet (strict: it fails when fixed).

Besides the tiers of the `tier` fixture, each runs on `auto` with a JIT
threshold of 3, so that functions are compiled while threads are parked
in frames the interpreter made, and the other way round."""
from __future__ import annotations

from pathlib import Path

import pytest

import pvm
from programs_harness import HERE, directives, run_options

PROGRAMS = sorted((HERE / "machine").glob("*.c"))
MIXED = ["auto"] if "jit" in pvm.TIERS else []


def params():
    out = []
    for p in PROGRAMS:
        why = directives(p).get("xfail")
        marks = [pytest.mark.xfail(reason=why[0], strict=True)] if why else []
        out.append(pytest.param(p, id=p.name, marks=marks))
    return out


def check(path: Path, tier: str, run_pvm, **options):
    d = directives(path)
    r = run_pvm(path, tier, **run_options(d), **options)
    stderr = r.stderr.decode("utf-8", "replace")
    assert "Traceback (most recent call last)" not in stderr, stderr
    assert r.stdout.decode().splitlines() == d["expect"], stderr
    assert r.status == int(d.get("expect-status", ["0"])[0]), stderr
    lines = [line.strip() for line in stderr.splitlines()]
    for want in d.get("expect-stderr", []):
        assert want in lines, stderr
    if "expect-stderr" not in d:
        assert stderr == "", stderr


@pytest.mark.parametrize("path", params())
def test_machine_program(path: Path, tier: str, run_pvm):
    check(path, tier, run_pvm)


@pytest.mark.parametrize("path", params())
@pytest.mark.parametrize("mixed", MIXED)
def test_machine_program_mixed_tiers(path: Path, mixed: str, run_pvm):
    check(path, mixed, run_pvm, jit_threshold=3)


def test_every_machine_program_states_its_output():
    assert PROGRAMS
    for path in PROGRAMS:
        assert directives(path).get("expect"), f"{path.name} has no // expect: line"
