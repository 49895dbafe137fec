"""The disk caches' common ground (pvm/cache.py): every part of the cache
stays within its bound, writes are atomic, a cache of another toolchain is
not reused, and the module is a base utility that imports no compiler."""
from __future__ import annotations

import os
import random

import pvm
from pvm import cache


def _files(d, sizes_and_ages):
    now = 1_700_000_000
    for name, size, age in sizes_and_ages:
        p = d / name
        p.write_bytes(b"x" * size)
        os.utime(p, (now - age, now - age))


def test_prune_deletes_the_least_recently_used_first(tmp_path):
    _files(tmp_path, [("old", 400, 300), ("older", 400, 400), ("new", 400, 10),
                      ("newer", 400, 5)])
    (tmp_path / "sub").mkdir()                     # directories are left alone
    cache.prune(str(tmp_path), 1100)               # 1600 bytes > 1100: down to 825
    assert sorted(os.listdir(tmp_path)) == ["new", "newer", "sub"]


def test_prune_leaves_a_cache_within_its_bound_alone(tmp_path):
    _files(tmp_path, [("a", 100, 50), ("b", 100, 40)])
    cache.prune(str(tmp_path), 1000)
    assert sorted(os.listdir(tmp_path)) == ["a", "b"]
    cache.prune(str(tmp_path / "missing"), 10)     # no directory: nothing to do


def test_a_hit_counts_as_a_use(tmp_path):
    _files(tmp_path, [("used", 400, 500), ("unused", 400, 100)])
    cache.touch(str(tmp_path / "used"))
    cache.prune(str(tmp_path), 600)
    assert os.listdir(tmp_path) == ["used"]


def test_writes_prune_now_and_then(tmp_path, monkeypatch):
    _files(tmp_path, [("a", 600, 50), ("b", 600, 40)])
    monkeypatch.setitem(cache.LIMITS, "py", 1000)
    monkeypatch.setattr(random, "random", lambda: 0.5)      # not this time
    cache.maybe_prune(str(tmp_path), "py")
    assert len(os.listdir(tmp_path)) == 2
    monkeypatch.setattr(random, "random", lambda: 0.0)      # this time
    cache.maybe_prune(str(tmp_path), "py")
    assert os.listdir(tmp_path) == ["b"]


def test_translations_are_keyed_by_the_toolchain(tmp_path, monkeypatch):
    """An edited pvm (another toolchain stamp) must not reuse the translated
    Python code an older one cached."""
    monkeypatch.setenv("PVM_CACHE", str(tmp_path))
    program = pvm.compile_source("int main(void) { return 6; }", name="six.c")
    translations = tmp_path / "py"

    def run_with(stamp):
        monkeypatch.setattr(cache, "toolchain_stamp", lambda: stamp)
        assert pvm.run(program, tier="interp").status == 6
        return set(os.listdir(translations))

    first = run_with("a" * 16)
    assert first and run_with("a" * 16) == first            # a hit: nothing new
    assert run_with("b" * 16) > first                       # another toolchain: new entries


def test_cache_off_writes_no_cache_anywhere(tmp_path):
    """PVM_CACHE=off reaches the compiler's own caches too (the compiled
    stdlib, Lark's grammar): nothing is written, not even a directory 'off'."""
    import subprocess
    import sys
    (tmp_path / "p.c").write_text('#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n')
    env = {**os.environ, "PVM_CACHE": "off", "HOME": str(tmp_path / "home")}
    r = subprocess.run([sys.executable, "-m", "pvm", "run", "p.c"], cwd=tmp_path, env=env,
                       capture_output=True, timeout=600)
    assert (r.returncode, r.stdout) == (0, b"ok\n"), r.stderr
    assert sorted(os.listdir(tmp_path)) == ["p.c"]


def test_atomic_write_replaces_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "entry"
    cache.atomic_write(str(target), b"first")               # creates the directory
    cache.atomic_write(str(target), "second, longer")       # text is written as UTF-8
    assert target.read_bytes() == b"second, longer"
    assert os.listdir(tmp_path / "sub") == ["entry"]


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "entry"
    cache.atomic_write(str(target), b"old")

    def fail(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(cache.os, "replace", fail)
    try:
        cache.atomic_write(str(target), b"new")
    except OSError:
        pass
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["entry"]


def test_the_cache_module_imports_neither_the_compiler_nor_the_bytecode():
    """pvm/cache.py is a base utility: the compiler imports it, so it must
    not import the compiler back (nor pvm.bytecode, which the compile cache,
    compiler/build_cache.py, brings in)."""
    import ast
    tree = ast.parse(open(cache.__file__, encoding="utf-8").read())
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m.split(".")[0] in ("compiler", "pvm")], imported
