"""The compile cache: `pvm run prog.c` twice compiles once, like .pyc files.

An entry is keyed by the source's path (as given and absolute), the compile
options and the toolchain stamp (pvm/cache.py); it records every file the
compilation read (with its content hash) and the bytecode.  A hit needs
every recorded file unchanged; then the bytecode is loaded without running
the compiler.  The compiler's output is verified once, when the entry is
written, and the entry records the digest of the bytes that passed; bytes
with any other digest are verified like any .pvm file.  A missing or
damaged entry is a miss, a read-only cache directory only costs speed.

Beside the bytecode an entry keeps the same program marshalled (Program.plain,
for this Python's marshal format): a hit loads that in ~1 ms where decoding
the bytecode takes ~4.5 ms (bench/wordfreq.c with the C library), a part of
every `pvm run prog.c`.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys

from pvm import cache
from pvm.bytecode.program import Program

__all__ = ["compile_cached"]


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _key(path: str, include_dirs: tuple, defines: dict, dialect=None) -> str:
    # the path as given matters too: trap reports name the file as the user did;
    # the dialect too: -fpermissive accepts what the default refuses
    spec = json.dumps([path, os.path.abspath(path), [os.path.abspath(d) for d in include_dirs],
                       sorted(defines.items()), repr(dialect), cache.toolchain_stamp()])
    return hashlib.sha256(spec.encode()).hexdigest()[:32]


def _lookup(directory: str, key: str, path: str):
    """The cached Program for `key`, or None (a miss, including a damaged entry)."""
    manifest = os.path.join(directory, key + ".json")
    try:
        with open(manifest) as f:
            entry = json.load(f)
        if not all(_digest(p) == h for p, h in entry["deps"]):
            return None
        cache.touch(manifest)
        program = _load_plain(directory, key, entry)
        if program is not None:
            return program
        with open(os.path.join(directory, key + ".pvm"), "rb") as f:
            data = f.read()
        digest = hashlib.sha256(data).hexdigest()
        if entry.get("verified") == digest:
            # these very bytes passed the verifier when the entry was written
            # (this directory's translations are trusted code anyway); any
            # other bytes are verified like a .pvm file
            from pvm.bytecode.bcfile import decode
            program = decode(data, path)
        else:
            from pvm.bytecode import verify
            program = verify.load(data, path)
        program.digest = digest
        return program
    except Exception:       # noqa: BLE001 - a damaged entry is a miss, never an error
        return None


def _load_plain(directory: str, key: str, entry: dict):
    """The entry's marshalled program, if it was written by this Python and
    for the bytes the entry says were verified; else None."""
    tag, digest = entry.get("plain") or (None, None)
    if tag != sys.implementation.cache_tag:
        return None
    with open(os.path.join(directory, key + ".plain"), "rb") as f:
        data = f.read()
    if hashlib.sha256(data).hexdigest() != digest:
        return None
    verified, plain = marshal.loads(data)
    if verified != entry["verified"]:
        return None
    return Program.from_plain(plain, verified)


def _store(directory: str, key: str, path: str, deps: list, program) -> None:
    from pvm.bytecode import verify
    from pvm.bytecode.bcfile import encode
    try:
        files = sorted(set([os.path.abspath(path)] + [os.path.abspath(p) for p in deps]))
        data = encode(program)
        program.digest = hashlib.sha256(data).hexdigest()
        verify.verify(program, path)         # the compiler's output, checked once
        plain = marshal.dumps((program.digest, program.plain()))
        entry = {"deps": [(p, _digest(p)) for p in files], "verified": program.digest,
                 "plain": (sys.implementation.cache_tag, hashlib.sha256(plain).hexdigest())}
        cache.atomic_write(os.path.join(directory, key + ".pvm"), data)
        cache.atomic_write(os.path.join(directory, key + ".plain"), plain)
        # the manifest last: until it is written the entry is a miss
        cache.atomic_write(os.path.join(directory, key + ".json"), json.dumps(entry))
        cache.maybe_prune(directory, "bytecode")
    except OSError:
        pass                # a read-only cache directory only costs speed


def compile_cached(path: str, include_dirs: tuple = (), defines: dict | None = None,
                   dialect=None):
    """Compile `path` (linked with stdlib) to a verified Program, or take it
    from the cache; `dialect` is a compiler.dialect.Dialect (None: gnu99)."""
    defines = defines or {}
    directory = cache.cache_dir()
    key = _key(path, include_dirs, defines, dialect) if directory is not None else None
    if key is not None:
        program = _lookup(directory, key, path)
        if program is not None:
            return program
    from .driver import compile_program        # a miss: only now load the compiler
    deps: list = []
    program = compile_program([path], include_dirs=include_dirs, defines=defines,
                              dependencies=deps, dialect=dialect)
    if key is not None:
        _store(directory, key, path, deps, program)
    return program
