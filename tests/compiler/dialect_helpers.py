"""Compile a source in a given dialect and run it on every tier, and with gcc."""
from __future__ import annotations

import shutil
import subprocess

import pvm
from compiler.diagnostics import CompileError
from compiler.dialect import Dialect
from compiler.driver import compile_source

TIERS = (*getattr(pvm, "TIERS", ("interp",)), "auto")


def compile_in(src: str, warnings=None, **options):
    """The Program of `src` compiled with Dialect.from_options(**options)."""
    warn = warnings.append if warnings is not None else None
    return compile_source(src, name="prog.c", dialect=Dialect.from_options(**options), warn=warn)


def errors_in(src: str, **options) -> str:
    try:
        compile_in(src, **options)
    except CompileError as exc:
        return str(exc)
    raise AssertionError("expected a compile error")


def run_everywhere(src: str, tmp_path, gcc_flags=(), **options) -> bytes:
    """stdout of `src` (which must exit 0), the same on every tier and, when gcc
    is installed, the same as gcc's."""
    program = compile_in(src, **options)
    outputs = {}
    for tier in TIERS:
        r = pvm.api.run(program, tier=tier)
        assert r.status == 0, (tier, r.stderr)
        outputs[tier] = r.stdout
    assert len(set(outputs.values())) == 1, outputs
    out = outputs[TIERS[0]]
    if shutil.which("gcc"):
        c = tmp_path / "prog.c"
        c.write_text(src)
        subprocess.run(["gcc", "-w", "-O0", *gcc_flags, str(c), "-o", str(tmp_path / "prog")], check=True)
        assert subprocess.run([str(tmp_path / "prog")], capture_output=True, check=True).stdout == out
    return out
