"""Compiler tests: tests marked `slow` (many csmith seeds) run only when asked
for, with `-m slow` (or any -m expression naming it) or PVM_SLOW=1."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("PVM_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or PVM_SLOW=1")
    for item in items:
        if "slow" in item.keywords and HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)
