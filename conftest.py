"""Tests marked `slow` (many csmith seeds, the paged corpus on every tier,
JIT boots of minios) run only when asked for, with `-m slow` (or any -m
expression naming it) or PVM_SLOW=1; the default run takes a fair sample.

(Here at the top, not in tests/: pytest puts a conftest's directory on
sys.path, and tests/ holds a `pvm` folder that would then hide the package.)"""
from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config, items):
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("PVM_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or PVM_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
