"""Differential tests: every program under core/ and lang/ must give gcc's
stdout and exit status when run by pvm, on every tier; every program under
traps/ must fault with the status and report its header states.

lang/ programs (and any marked `// feature: lang`) need the whole language:
until pvm.FEATURES contains "lang" they are expected to fail (non-strict),
so they start counting as soon as the language lands.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import pvm
from programs_harness import HERE, directives, run_options

FEATURES = frozenset(getattr(pvm, "FEATURES", ()))


def programs(folder: str) -> list:
    params = []
    for path in sorted((HERE / folder).glob("*.c")):
        needs_lang = folder == "lang" or "lang" in directives(path).get("feature", [])
        marks = [pytest.mark.lang] if needs_lang else []
        if needs_lang and "lang" not in FEATURES:
            marks.append(pytest.mark.xfail(reason="needs the whole language (pvm.FEATURES lacks 'lang')",
                                           strict=False))
        params.append(pytest.param(path, id=f"{folder}/{path.name}", marks=marks))
    return params


def show(data: bytes, limit: int = 2000) -> str:
    text = data.decode("utf-8", "replace")
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def assert_no_traceback(r) -> None:
    assert b"Traceback (most recent call last)" not in r.stderr, \
        "a Python traceback reached the user:\n" + show(r.stderr)


@pytest.mark.parametrize("path", programs("core") + programs("lang"))
def test_program_matches_gcc(path: Path, tier: str, run_pvm, gcc_reference):
    want_status, want_stdout = gcc_reference(path)
    r = run_pvm(path, tier, **run_options(directives(path)))
    assert_no_traceback(r)
    assert r.stdout == want_stdout, (
        f"stdout differs from gcc's\n--- gcc\n{show(want_stdout)}\n--- pvm\n{show(r.stdout)}"
        f"\n--- pvm stderr\n{show(r.stderr)}")
    assert r.status == want_status, \
        f"exit status {r.status}, gcc gives {want_status}; pvm stderr:\n{show(r.stderr)}"


@pytest.mark.parametrize("path", programs("traps"))
def test_trap_is_reported(path: Path, tier: str, run_pvm):
    d = directives(path)
    r = run_pvm(path, tier, **run_options(d))
    assert_no_traceback(r)
    stderr = r.stderr.decode("utf-8", "replace")
    assert r.status == int(d["expect-status"][0]), \
        f"exit status {r.status}, expected {d['expect-status'][0]}; stderr:\n{stderr}"
    lines = [line.strip() for line in stderr.splitlines()]
    for want in d.get("expect-stderr", []):
        assert want in lines, f"stderr lacks the line\n  {want}\nit was:\n{stderr}"
    for want in d.get("expect-stderr-contains", []):
        assert want in stderr, f"stderr lacks\n  {want}\nit was:\n{stderr}"


def test_every_trap_program_states_its_expectations():
    for path in (HERE / "traps").glob("*.c"):
        d = directives(path)
        assert "expect-status" in d, f"{path.name} has no // expect-status: line"
        assert d.keys() & {"expect-stderr", "expect-stderr-contains"}, \
            f"{path.name} has no // expect-stderr: line"


def test_corpus_is_large_enough():
    counts = {folder: len(list((HERE / folder).glob("*.c"))) for folder in ("core", "lang", "traps")}
    assert counts["core"] + counts["lang"] >= 200 and counts["lang"] >= 60 and counts["traps"] >= 6, counts
