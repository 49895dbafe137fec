"""The same differential programs, run on pvm itself (compiled by pvm's
compiler with the real stdlib) and compared with gcc+glibc.  Skipped until
the compiler can be imported."""
from __future__ import annotations

import os
import random

import pytest

import test_stdlib_printf as printf_tests
from stdlib_harness import expected_env, program_files
from test_stdlib_programs import options

pvm = pytest.importorskip("pvm")
pytest.importorskip("compiler.driver")


def glibc_status(returncode: int) -> int:
    """A signal death as a shell reports it (SIGABRT -> 134)."""
    return 128 - returncode if returncode < 0 else returncode


def run_both(host, path, tmp_path, monkeypatch, args=(), stdin=b"", cwd_tmp=False):
    env = expected_env()
    env["PVM_LONG_VAR"] = "x" * 1000
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    theirs = host.run(host.build_glibc(path), args, stdin, env=env, cwd=tmp_path if cwd_tmp else None)
    if cwd_tmp:
        monkeypatch.chdir(tmp_path)
        for name in os.listdir(tmp_path):
            os.unlink(tmp_path / name)
    mine = pvm.run_file(str(path), args=args, stdin=stdin)
    return mine, theirs


@pytest.mark.parametrize("path", program_files(), ids=lambda p: p.stem)
def test_program_on_pvm_matches_glibc(host, path, tmp_path, monkeypatch):
    opts = options(path.read_text())
    mine, theirs = run_both(host, path, tmp_path, monkeypatch, opts["args"], opts["stdin"],
                            opts["cwd_tmp"])
    assert mine.stdout.decode(errors="replace") == theirs.stdout.decode(errors="replace")
    assert mine.status == glibc_status(theirs.returncode)
    if theirs.stderr:
        # The program's name differs (pvm names it after the .c file); the
        # rest of glibc's message must be there, before pvm's trap report.
        expected = theirs.stderr.decode().replace(f"{path.stem}: ", f"{path.name}: ")
        assert mine.stderr.decode().startswith(expected)


def test_printf_on_pvm_matches_glibc(host, tmp_path, monkeypatch):
    rng = random.Random(3)
    lines = printf_tests.int_lines(rng, 300)
    lines += printf_tests.float_lines(rng, printf_tests.float_values(rng)[::8])
    path = tmp_path / "printf_sample.c"
    path.write_text(printf_tests.program(lines))
    mine, theirs = run_both(host, path, tmp_path, monkeypatch)
    assert mine.stdout.decode() == theirs.stdout.decode()
    assert mine.status == theirs.returncode == 0
