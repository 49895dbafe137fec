"""Where pvm's own files are: the source tree the package runs from.

pvm runs from its checkout (`pip install -e .`): the C library's sources and
headers, the docs that generators write and the benchmark programs are
found relative to it.
"""
from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
STDLIB = ROOT / "stdlib"
DOCS = ROOT / "docs"
BENCH = ROOT / "bench"
