"""Warm start: the units an earlier run of the same program compiled.

Under `--tier=auto` a run interprets each function until it is hot, then
compiles it; a second run of the same program finds the object code in the
disk cache (pvm/jit/engine.py) but would still interpret through the same
warm-up first: in nbody, a thousand interpreted calls of advance(), longer
than everything else the run does.  So each run records which units it
compiled, in order, next to the object code; the next run of the same
program, with the same options, loads those units from the disk cache before
it starts and runs them natively from their first call, as `--tier=jit` would
(the JVM's and .NET's start-up caches of profiles and code do the same).

The record only chooses *when* code becomes native, never what it does, so
a run behaves the same with or without it.  It is a hint read from a file
anyone could edit: anything malformed or out of range is ignored, and a unit
whose object code is not in the disk cache is left to warm up as usual (no
LLVM time at start).

The run loop looks for the record (`record_path`, `exists`) before it makes
the JIT tier: a run without one (a short program, a first run) starts in the
interpreter without loading the tier's modules, and makes the tier only when
something gets hot.
"""
from __future__ import annotations

import os

from .. import cache

MAX_UNITS = 1000
OPT = 2                 # the optimisation level JitTier's Engine compiles at (its default)


def record_path(machine, threshold: int, paged: bool = False, disk_cache: bool = True,
                opt: int = OPT) -> str | None:
    """Where the record of `machine`'s program, run with `threshold`, lives:
    what JitTier._record_path (pvm/jit/tier.py) gives, without making the
    tier (tests/pvm/jit/test_warmstart.py holds the two equal)."""
    from .engine import unit_key
    d = cache.cache_dir() if disk_cache else None
    m = machine
    if d is None or not m.program_key:
        return None
    paged_part = ("paged",) if paged else ()
    key = unit_key(m.program_key, "units", threshold, m.metered, len(m.mem), m.stack_limit,
                   opt, *paged_part)
    return os.path.join(d, "native", key + ".units")


def exists(path: str | None) -> bool:
    return path is not None and os.path.exists(path)


def load(path: str | None, nfunctions: int) -> list:
    """The recorded units (lists of function indices, root first), or []."""
    if path is None:
        return []
    import json
    try:
        with open(path, encoding="utf-8") as f:
            units = json.load(f)
    except (OSError, ValueError):
        return []
    if not isinstance(units, list) or len(units) > MAX_UNITS:
        return []
    out, seen = [], set()
    for unit in units:
        if not (isinstance(unit, list) and unit
                and all(type(i) is int and 0 <= i < nfunctions and i not in seen for i in unit)
                and len(set(unit)) == len(unit)):
            return []
        seen.update(unit)
        out.append(unit)
    return out


def save(path: str | None, units: list) -> None:
    if path is None:
        return
    import json
    try:
        cache.atomic_write(path, json.dumps(units))
    except OSError:
        pass                    # a read-only cache only costs speed
