"""The compile cache: `pvm run prog.c` twice compiles once, like .pyc files.

An entry is keyed by the source's absolute path and the compile options; it
records every file the compilation read (with its content hash) and the
bytecode.  A hit needs every recorded file unchanged, and the toolchain
(compiler, stdlib, instruction set) unchanged; then the bytecode is loaded
without importing the compiler at all, which is what keeps start-up fast.
The compiler's output is verified once, when the entry is written, and the
entry records the digest of the bytes that passed; bytes with any other
digest are verified like any .pvm file.  Entries are written atomically, so
concurrent runs never see half a file.

$PVM_CACHE names the directory (default ~/.cache/pvm); PVM_CACHE=off
disables caching.  The directory holds the bytecode (here), the
interpreter's translations (py/, pvm/interp/translate.py) and native code
(native/, pvm/jit/engine.py); each part is bounded (LIMITS): now and then a
write deletes the least recently used files beyond its share.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import tempfile
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


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _key(path: str, include_dirs: tuple, defines: dict) -> str:
    # the path as given matters too: trap reports name the file as the user did
    spec = json.dumps([path, os.path.abspath(path), [os.path.abspath(d) for d in include_dirs],
                       sorted(defines.items()), toolchain_stamp()])
    return hashlib.sha256(spec.encode()).hexdigest()[:32]


def _write_atomic(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def compile_cached(path: str, include_dirs: tuple = (), defines: dict | None = None):
    """Compile `path` (linked with stdlib) or take it from the cache."""
    from pvm.bytecode.bcfile import decode, encode
    from pvm.bytecode.verify import load, verify
    defines = defines or {}
    d = cache_dir()
    if d is not None:
        key = _key(path, include_dirs, defines)
        manifest = os.path.join(d, key + ".json")
        try:
            with open(manifest) as f:
                entry = json.load(f)
            if all(_digest(p) == h for p, h in entry["deps"]):
                with open(os.path.join(d, key + ".pvm"), "rb") as f:
                    data = f.read()
                touch(manifest)
                digest = hashlib.sha256(data).hexdigest()
                if entry.get("verified") == digest:
                    # these very bytes passed the verifier when the entry was
                    # written (this directory's translations are trusted code
                    # anyway); any other bytes are verified like a .pvm file
                    program = decode(data, path)
                else:
                    program = load(data, path)
                program.digest = digest
                return program
        except (OSError, ValueError, KeyError, TypeError):
            pass
        except Exception:       # a damaged entry is a miss, never an error
            pass
    from compiler.driver import compile_program
    deps: list = []
    program = compile_program([path], include_dirs=include_dirs, defines=defines,
                              dependencies=deps)
    if d is not None:
        try:
            files = sorted(set([os.path.abspath(path)] + [os.path.abspath(p) for p in deps]))
            data = encode(program)
            program.digest = hashlib.sha256(data).hexdigest()
            verify(program, path)         # the compiler's output, checked once
            entry = {"deps": [(p, _digest(p)) for p in files], "verified": program.digest}
            _write_atomic(os.path.join(d, key + ".pvm"), data)
            _write_atomic(manifest, json.dumps(entry).encode())
            maybe_prune(d, "bytecode")
        except OSError:
            pass                # a read-only cache directory only costs speed
    return program
