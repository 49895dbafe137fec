"""Helpers shared by the stdlib tests (a module of its own: several test
directories have a conftest.py, so `from conftest import` is ambiguous)."""
from __future__ import annotations

import os
import pathlib

PROGRAMS = pathlib.Path(__file__).resolve().parent / "programs"


def program_files() -> list[pathlib.Path]:
    return sorted(PROGRAMS.glob("*.c"))


def expected_env() -> dict:
    env = dict(os.environ)
    env["PVM_TEST_VAR"] = "hello from the environment"
    return env
