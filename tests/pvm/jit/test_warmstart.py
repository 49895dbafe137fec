"""Warm start (pvm/jit/warmstart.py): a run under --tier=auto records the
units it compiled; the next run of the program loads them from the disk
cache before it starts.  Only the timing of tier-up changes, never the
result; a damaged record or missing object code is ignored."""
from __future__ import annotations

import glob
import json
import os
import subprocess
import sys

import pytest

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit import warmstart

HOT = r"""
#include <stdio.h>
static long step(long x) { return x * 6364136223846793005L + 1442695040888963407L; }
static long mix(long x, int n) { for (int i = 0; i < n; i++) x = step(x) ^ (x >> 29); return x; }
int main(void) {
    long h = 0;
    for (int i = 0; i < 300; i++)
        h += mix(i, 20);
    printf("%ld\n", h);
    return (int)(h & 63);
}
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PVM_CACHE", str(tmp_path))
    return tmp_path


def run(program, warm=True):
    log = []
    r = pvm.run(program, tier="auto", jit_threshold=50, jit_warm_start=warm, jit_log=log.append)
    return r, log


def test_the_second_run_starts_with_the_first_runs_units(cache):
    program = pvm.compile_source(HOT, name="hot.c")
    first, log1 = run(program)
    assert any("compiled step after 50 calls" in e and "LLVM" in e for e in log1), log1
    assert not any("as in the last run" in e for e in log1)
    second, log2 = run(program)
    assert (second.status, second.stdout) == (first.status, first.stdout)
    for name in ("step", "main (+1 callees)"):
        assert any(f"compiled {name} as in the last run" in e and "disk cache" in e
                   for e in log2), log2
    assert not any("after 50" in e for e in log2), log2
    # the record lists what was compiled; the API's default leaves it unused
    records = glob.glob(os.path.join(cache, "native", "*.units"))
    assert len(records) == 1
    names = {program.functions[u[0]].name for u in json.load(open(records[0]))}
    assert names == {"step", "main"}
    cold, log3 = run(program, warm=False)
    assert cold.stdout == first.stdout and not any("as in the last run" in e for e in log3)
    interp = pvm.run(program, tier="interp")
    assert (interp.status, interp.stdout) == (first.status, first.stdout)


def test_units_without_cached_code_are_left_to_warm_up(cache):
    """No LLVM at start: a unit whose object file is gone compiles only when
    it gets hot again."""
    program = pvm.compile_source(HOT, name="hot.c")
    first, _ = run(program)
    for path in glob.glob(os.path.join(cache, "native", "*.o")):
        os.remove(path)
    second, log = run(program)
    assert second.stdout == first.stdout
    assert not any("as in the last run" in e for e in log), log
    assert any("after 50 calls" in e for e in log), log


@pytest.mark.parametrize("text", ["", "not json", "{}", "[[]]", "[[0, 0]]", "[[0], [0]]",
                                  "[[99999]]", "[[-1]]", "[[1.5]]", '[["main"]]', "[[true]]",
                                  json.dumps([[0]] * 2000)])
def test_a_damaged_record_is_ignored(tmp_path, text):
    path = tmp_path / "x.units"
    path.write_text(text)
    assert warmstart.load(str(path), 10) == []


def test_a_good_record_reads_back(tmp_path):
    path = str(tmp_path / "sub" / "x.units")
    warmstart.save(path, [[3, 1], [0]])
    assert warmstart.load(path, 10) == [[3, 1], [0]]
    assert warmstart.load(str(tmp_path / "missing.units"), 10) == []


def test_cold_start_flag(tmp_path):
    src = tmp_path / "hot.c"
    src.write_text(HOT)
    env = dict(os.environ, PVM_CACHE=str(tmp_path / "cache"))
    outs = []
    for flags in ([], [], ["--jit-cold-start"]):
        r = subprocess.run([sys.executable, "-m", "pvm", "run", "--jit-log", "--jit-threshold", "50",
                            *flags, str(src)], capture_output=True, env=env, timeout=300)
        outs.append(r)
    assert len({(r.returncode, r.stdout) for r in outs}) == 1
    assert b"as in the last run" in outs[1].stderr
    assert b"as in the last run" not in outs[2].stderr and b"after 50 calls" in outs[2].stderr
