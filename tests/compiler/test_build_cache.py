"""The compile cache (compiler/build_cache.py): a hit needs the same source,
an edit is a miss, and the verifier runs once per entry."""
from __future__ import annotations

import os

import pvm
from compiler.build_cache import compile_cached


def test_a_second_compile_is_a_hit_and_an_edit_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("PVM_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "p.c"
    src.write_text("int main(void) { return 3; }\n")
    first = compile_cached(str(src))
    entries = sorted(os.listdir(tmp_path / "cache"))
    second = compile_cached(str(src))
    assert pvm.api.digest(first) == pvm.api.digest(second)
    assert sorted(os.listdir(tmp_path / "cache")) == entries        # nothing new written
    src.write_text("int main(void) { return 4; }\n")
    third = compile_cached(str(src))
    assert pvm.run(third).status == 4 and pvm.run(second).status == 3


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
    compile_cached(str(src))
    assert len(checked) == 1
    assert pvm.run(compile_cached(str(src))).status == 5 and len(checked) == 1
    (manifest,) = (tmp_path / "cache").glob("*.json")
    entry = json.loads(manifest.read_text())
    (blob,) = (tmp_path / "cache").glob("*.pvm")
    assert entry["verified"] == pvm.api.digest(compile_cached(str(src)))
    manifest.write_text(json.dumps({**entry, "verified": "0" * 64}))
    assert pvm.run(compile_cached(str(src))).status == 5 and len(checked) == 2
    blob.write_bytes(blob.read_bytes()[:40])         # damaged: a miss, compiled again
    assert pvm.run(compile_cached(str(src))).status == 5


def test_a_fresh_cache_holds_whole_entries_only(tmp_path):
    """A first run fills an empty cache (the bytecode, the compiled stdlib,
    the parser tables) through atomic writes: no temporary or private file
    is left behind, and the parser tables are named by their grammar."""
    import subprocess
    import sys
    (tmp_path / "p.c").write_text("int main(void) { return 0; }\n")
    env = {**os.environ, "PVM_CACHE": str(tmp_path / "cache")}
    r = subprocess.run([sys.executable, "-m", "pvm", "run", "p.c"], cwd=tmp_path, env=env,
                       capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr
    names = [n for n in os.listdir(tmp_path / "cache") if n != "py"]
    assert len([n for n in names if n.startswith("c-grammar-") and n.endswith(".lark-cache")]) == 1
    assert len([n for n in names if n.startswith("stdlib-")]) == 1
    assert not [n for n in names if n.startswith(".tmp") or n.endswith(".new")], names


def test_a_hit_loads_the_marshalled_program_unless_it_is_not_this_python_s(tmp_path, monkeypatch):
    """An entry keeps the program marshalled beside its bytecode: a hit
    loads that (equal to the decoded bytecode, debug locals and symbols
    included).  One written by another Python, damaged, or for other bytes
    than those verified is passed over for the bytecode."""
    import hashlib
    import json

    from pvm.bytecode import bcfile
    monkeypatch.setenv("PVM_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "p.c"
    src.write_text("#include <stdio.h>\nint main(void) { int x = 6; printf(\"%d\\n\", x); return x; }\n")
    first = compile_cached(str(src))
    assert any(f.locals for f in first.functions) and first.symbols
    decoded = []
    real = bcfile.decode
    monkeypatch.setattr(bcfile, "decode", lambda *a: (decoded.append(1), real(*a))[1])
    hit = compile_cached(str(src))
    assert hit == first and hit.digest == first.digest and decoded == []
    assert pvm.run(hit).stdout == b"6\n"
    (manifest,) = (tmp_path / "cache").glob("*.json")
    (plain,) = (tmp_path / "cache").glob("*.plain")
    entry = json.loads(manifest.read_text())
    for damage in ("other python", "other bytes", "damaged"):
        if damage == "other python":
            manifest.write_text(json.dumps({**entry, "plain": ["cpython-20", entry["plain"][1]]}))
        elif damage == "other bytes":
            manifest.write_text(json.dumps(entry))
            good = plain.read_bytes()
            plain.write_bytes(good.replace(first.digest.encode(), b"0" * 64))
            manifest.write_text(json.dumps({**entry, "plain": [
                entry["plain"][0], hashlib.sha256(plain.read_bytes()).hexdigest()]}))
        else:
            manifest.write_text(json.dumps(entry))
            plain.write_bytes(good[:100])
        n = len(decoded)
        again = compile_cached(str(src))
        assert again == first and again.digest == first.digest and len(decoded) == n + 1, damage
