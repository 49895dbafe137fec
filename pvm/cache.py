"""The disk cache's common ground: where it is, when it is stale, how it is
written and how it is kept within bounds.

$PVM_CACHE names the directory (default ~/.cache/pvm); PVM_CACHE=off
disables caching.  The directory holds compiled bytecode (compiler/
build_cache.py), the compiled stdlib and the parser tables (compiler/),
the interpreter's translations (py/, pvm/interp/translate.py), native code
(native/, pvm/jit/engine.py) and the JIT's warm-start records.  Every entry
is written with atomic_write, so concurrent runs never see half a file; each
part is bounded (LIMITS): now and then a write deletes the least recently
used files beyond its share.  toolchain_stamp() changes whenever a source
of the compiler, the stdlib or the VM does, so entries of an older toolchain
are never reused.

A base utility: it imports neither the compiler nor the bytecode modules
(they import it).
"""
from __future__ import annotations

import hashlib
import os
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLCHAIN_DIRS = ("compiler", "stdlib", "pvm")


# bytes each part of the cache may hold before pruning (see prune)
LIMITS = {"bytecode": 256 << 20, "py": 128 << 20, "native": 256 << 20}
PRUNE_ONE_WRITE_IN = 64


def cache_dir() -> str | None:
    d = os.environ.get("PVM_CACHE")
    if d == "off":
        return None
    return d or os.path.join(os.path.expanduser("~"), ".cache", "pvm")


_stamp = (-1e9, "")


def toolchain_stamp() -> str:
    """Changes whenever a compiler, stdlib or VM source file changes (by
    size and mtime: a stat per file, no reading).  Kept for a second: a
    start-up asks for it once per cache lookup, a long session still sees
    an edit."""
    global _stamp
    if time.monotonic() - _stamp[0] < 1.0:
        return _stamp[1]
    h = hashlib.sha256()
    for sub in TOOLCHAIN_DIRS:
        top = os.path.join(ROOT, sub)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".py", ".c", ".h", ".lark")):
                    st = os.stat(os.path.join(dirpath, name))
                    h.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    _stamp = (time.monotonic(), h.hexdigest()[:16])
    return _stamp[1]


def touch(path: str) -> None:
    """Mark an entry used (pruning deletes the least recently used first)."""
    try:
        os.utime(path)
    except OSError:
        pass


def maybe_prune(directory: str, part: str) -> None:
    """After a write: one time in PRUNE_ONE_WRITE_IN, prune `directory`
    (listing a big cache costs more than one write should)."""
    import random                      # here: only a run that writes needs it
    if random.random() < 1 / PRUNE_ONE_WRITE_IN:
        prune(directory, LIMITS[part])


def prune(directory: str, max_bytes: int) -> None:
    """Delete the least recently used files directly in `directory` until
    they hold at most 3/4 of max_bytes (so that pruning is rare)."""
    try:
        files = [(e.stat().st_mtime, e.stat().st_size, e.path)
                 for e in os.scandir(directory) if e.is_file(follow_symlinks=False)]
    except OSError:
        return
    total = sum(size for _, size, _ in files)
    if total <= max_bytes:
        return
    for _, size, path in sorted(files):
        if total <= max_bytes * 3 // 4:
            break
        try:
            os.remove(path)
            total -= size
        except OSError:
            pass


def atomic_write(path: str, data: bytes | str) -> None:
    """Write `data` to `path` so that a reader sees the old file or the whole
    new one, never half of it (concurrent runs share the cache): write a
    temporary file in the same directory, then rename it over `path`.
    Creates the directory; an OSError is the caller's to ignore."""
    import tempfile                    # here: a run whose caches all hit never writes
    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise
