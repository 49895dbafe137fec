"""The disk caches (pvm/cache.py): a hit needs the same source, an edit is a
miss, and every part of the cache stays within its bound."""
from __future__ import annotations

import os

import pvm
from pvm import cache


def test_a_second_compile_is_a_hit_and_an_edit_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("PVM_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "p.c"
    src.write_text("int main(void) { return 3; }\n")
    first = cache.compile_cached(str(src))
    entries = sorted(os.listdir(tmp_path / "cache"))
    second = cache.compile_cached(str(src))
    assert pvm.api.digest(first) == pvm.api.digest(second)
    assert sorted(os.listdir(tmp_path / "cache")) == entries        # nothing new written
    src.write_text("int main(void) { return 4; }\n")
    third = cache.compile_cached(str(src))
    assert pvm.run(third).status == 4 and pvm.run(second).status == 3


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
    monkeypatch.setattr(cache.random, "random", lambda: 0.5)      # not this time
    cache.maybe_prune(str(tmp_path), "py")
    assert len(os.listdir(tmp_path)) == 2
    monkeypatch.setattr(cache.random, "random", lambda: 0.0)      # this time
    cache.maybe_prune(str(tmp_path), "py")
    assert os.listdir(tmp_path) == ["b"]


def test_the_verifier_runs_once_per_entry_unless_the_bytes_change(tmp_path, monkeypatch):
    """The compiler's output is verified when the entry is written; a hit on
    the same bytes decodes them without verifying again, other bytes are
    verified (and bad ones are a miss: compiled again)."""
    import json

    from pvm.bytecode import verify
    monkeypatch.setenv("PVM_CACHE", str(tmp_path / "cache"))
    checked = []
    real = verify._check_program
    monkeypatch.setattr(verify, "_check_program", lambda p: (checked.append(1), real(p)))
    src = tmp_path / "p.c"
    src.write_text("int main(void) { return 5; }\n")
    cache.compile_cached(str(src))
    assert len(checked) == 1
    assert pvm.run(cache.compile_cached(str(src))).status == 5 and len(checked) == 1
    (manifest,) = (tmp_path / "cache").glob("*.json")
    entry = json.loads(manifest.read_text())
    (blob,) = (tmp_path / "cache").glob("*.pvm")
    assert entry["verified"] == pvm.api.digest(cache.compile_cached(str(src)))
    manifest.write_text(json.dumps({**entry, "verified": "0" * 64}))
    assert pvm.run(cache.compile_cached(str(src))).status == 5 and len(checked) == 2
    blob.write_bytes(blob.read_bytes()[:40])         # damaged: a miss, compiled again
    assert pvm.run(cache.compile_cached(str(src))).status == 5


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
