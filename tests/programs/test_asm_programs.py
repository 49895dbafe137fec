"""Programs with inline asm (asm/), run on every tier.  They are pvm's own C
(the asm text is pvm assembly), so gcc is no reference: each states its
output in `// expect: LINE` lines, and optionally `// expect-status: N`;
`// needs-op: NAME` skips it until the opcode table has NAME."""
from __future__ import annotations

from pathlib import Path

import pytest

from pvm import isa
from programs_harness import HERE, directives, run_options

PROGRAMS = sorted((HERE / "asm").glob("*.c"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_asm_program(path: Path, tier: str, run_pvm):
    d = directives(path)
    missing = [op for op in d.get("needs-op", []) if op not in isa.BY_NAME]
    if missing:
        pytest.skip(f"the opcode table lacks {', '.join(missing)}")
    r = run_pvm(path, tier, **run_options(d))
    stderr = r.stderr.decode("utf-8", "replace")
    assert r.stdout.decode().splitlines() == d["expect"], stderr
    assert r.status == int(d.get("expect-status", ["0"])[0]), stderr


def test_every_asm_program_states_its_output():
    assert PROGRAMS
    for path in PROGRAMS:
        assert directives(path).get("expect"), f"{path.name} has no // expect: line"
