"""The compiled stdlib: stdlib/src/*.c as Objects, cached on disk like .pyc files.

The cache key is a hash of every stdlib source and header and every compiler
source file, so editing either recompiles; the entry is one JSON file in
$PVM_CACHE (default ~/.cache/pvm).  A missing, unreadable or damaged entry
is simply a miss.  Writes are atomic (pvm/cache.py's atomic_write), so
concurrent runs never see half an entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import pathlib

from pvm import cache

from . import obj as objfile

from .stdlib_files import ROOT, STDLIB_INCLUDE, STDLIB_SRC

COMPILER = pathlib.Path(__file__).resolve().parent

_memo: dict[str, list] = {}


def _inputs() -> list[pathlib.Path]:
    files = sorted(STDLIB_SRC.glob("*.c")) + sorted(STDLIB_INCLUDE.rglob("*.h"))
    files += sorted(COMPILER.rglob("*.py")) + sorted(COMPILER.glob("*.lark"))
    return files


def cache_key() -> str:
    h = hashlib.sha256(objfile.FORMAT.encode())
    for p in _inputs():
        h.update(str(p.relative_to(ROOT)).encode() + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:32]


def compile_stdlib(compile_unit) -> list:
    return [compile_unit(str(p), name=f"stdlib/src/{p.name}") for p in sorted(STDLIB_SRC.glob("*.c"))]


def stdlib_objects(compile_unit) -> list:
    """The stdlib's Objects, from the cache when it is current, else made
    with `compile_unit` (the driver's: this module sits below it)."""
    key = cache_key()
    if key in _memo:
        return _memo[key]
    d = cache.cache_dir()
    path = os.path.join(d, f"stdlib-{key}.json") if d else None
    objects = None
    try:
        with open(path, encoding="utf-8") as f:
            objects = [objfile.loads(text) for text in json.load(f)]
    except Exception:   # noqa: BLE001 - a damaged entry (or no cache) is a miss
        objects = None
    if objects is None:
        objects = compile_stdlib(compile_unit)
        try:
            if d is None:
                raise OSError("no cache")
            cache.atomic_write(path, json.dumps([objfile.dumps(o) for o in objects]))
        except OSError:
            pass
    _memo[key] = objects
    return objects
