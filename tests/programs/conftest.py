"""Fixtures for the program-level tests: pvm's tiers, a pvm runner, and gcc
as the reference (the directive format is in programs_harness.py).

`pvm` is imported here on purpose: if it is missing, this whole directory
fails to load, loudly, rather than being skipped.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pvm
from programs_harness import gcc_run

TIERS = tuple(getattr(pvm, "TIERS", ("interp",)))


def pytest_configure(config):
    config.addinivalue_line("markers", "lang: needs the whole language (issue 3)")


@pytest.fixture(params=TIERS)
def tier(request) -> str:
    """Each program runs once per execution tier pvm offers."""
    return request.param


@pytest.fixture
def run_pvm(monkeypatch):
    """Run a file through pvm from its own directory, so reports name it as a
    user running `pvm run prog.c` there would see (`prog.c:5`)."""
    def run(path: Path, tier: str, **kw):
        monkeypatch.chdir(path.parent)
        return pvm.run_file(path.name, tier=tier, **kw)
    return run


@pytest.fixture(scope="session")
def gcc_reference(tmp_path_factory):
    """(status, stdout) of a program built by gcc, compiled once per session."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc not found: no reference output to compare with")
    build = tmp_path_factory.mktemp("gcc")
    cache: dict[Path, tuple[int, bytes]] = {}

    def reference(path: Path) -> tuple[int, bytes]:
        if path not in cache:
            cache[path] = gcc_run(path, build / f"{path.parent.name}_{path.stem}")
        return cache[path]
    return reference
