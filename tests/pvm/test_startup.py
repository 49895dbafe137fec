"""Start-up: `pvm run` does no work at start that the run does not need.

Pinned by what a run imports and does, not by how long it takes: a short
program under --tier=interp or auto (nothing hot, no warm-start record)
loads no JIT tier, no llvmlite, no ctypes and no dataclasses; a run whose
bytecode is in the disk cache loads no compiler; and the warm-start record
is found where the JIT tier itself would look for it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pvm

ROOT = Path(__file__).resolve().parents[2]

HELLO = '#include <stdio.h>\nint main(void) { printf("hello\\n"); return 0; }\n'

HOT = r"""
#include <stdio.h>
static long step(long x) { return x * 6364136223846793005L + 1442695040888963407L; }
int main(void) {
    long h = 0;
    for (int i = 0; i < 3000; i++)
        h = step(h) ^ i;
    printf("%ld\n", h & 1023);
    return 0;
}
"""

# what a short run must not load: the JIT tier and what it needs to run
# native code, llvmlite; and, once the bytecode is cached (no compiler),
# the heavy standard modules the run path used to import
JIT = ("llvmlite", "ctypes", "pvm.jit.tier", "pvm.jit.lower", "pvm.jit.context")
HEAVY = ("dataclasses", "inspect", "compiler.driver", "compiler.parse")


def run_and_list_modules(args: list, cache_dir: Path) -> tuple:
    """`pvm run ARGS` in a fresh interpreter (cli.main, as the console
    script runs it): (status, stdout, the modules loaded by the end)."""
    code = ("import sys\nfrom pvm.cli import main\nstatus = main(sys.argv[1:])\n"
            "sys.stdout.flush()\nprint('\\nMODULES', sorted(sys.modules), status)\n")
    env = dict(os.environ, PVM_CACHE=str(cache_dir))
    r = subprocess.run([sys.executable, "-c", code, "run", *args], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out, _, tail = r.stdout.rpartition("\nMODULES ")
    modules, status = tail.rsplit(" ", 1)
    return int(status), out, set(eval(modules))        # noqa: S307 - our own output


def loaded(modules: set, prefix: str) -> list:
    return sorted(m for m in modules if m == prefix or m.startswith(prefix + "."))


@pytest.mark.parametrize("tier", ["interp", "auto"])
def test_a_short_run_loads_no_jit_and_no_dataclasses(tmp_path, tier):
    src = tmp_path / "hello.c"
    src.write_text(HELLO)
    for attempt in ("cold", "warm"):           # compiled, then from the bytecode cache
        status, out, modules = run_and_list_modules([f"--tier={tier}", str(src)],
                                                    tmp_path / "cache")
        assert (status, out) == (0, "hello\n"), attempt
        for name in JIT + (HEAVY if attempt == "warm" else ()):
            assert not loaded(modules, name), (attempt, name, loaded(modules, name))


def test_a_cached_run_verifies_nothing_again_and_compiles_nothing(tmp_path, monkeypatch):
    """The bytecode cache's entries were verified when written (the manifest
    records the digest of the bytes that passed): a hit loads the program
    marshalled beside them and runs, with neither the compiler, nor the
    verifier, nor the bytecode decoder."""
    monkeypatch.setenv("PVM_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "hello.c"
    src.write_text(HELLO)
    first = pvm.compile_file(str(src))
    import compiler.driver
    from pvm.bytecode import verify

    def refused(*a, **kw):
        raise AssertionError("a cache hit compiled or verified again")
    monkeypatch.setattr(compiler.driver, "compile_program", refused)
    monkeypatch.setattr(verify, "verify", refused)
    monkeypatch.setattr(verify, "load", refused)
    from pvm.bytecode import bcfile
    monkeypatch.setattr(bcfile, "decode", refused)      # the marshalled program instead
    again = pvm.compile_file(str(src))
    assert again == first and again.digest == first.digest


@pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
def test_auto_makes_the_jit_tier_when_something_gets_hot_and_then_starts_warm(tmp_path):
    src = tmp_path / "hot.c"
    src.write_text(HOT)
    args = ["--tier=auto", "--jit-threshold", "100", "--jit-log", str(src)]
    status, out1, modules = run_and_list_modules(args, tmp_path / "cache")
    assert status == 0 and loaded(modules, "pvm.jit.tier")
    records = list((tmp_path / "cache" / "native").glob("*.units"))
    assert len(records) == 1 and json.loads(records[0].read_text())
    status, out2, modules = run_and_list_modules(args, tmp_path / "cache")
    assert status == 0 and out2 == out1
    # native code from the disk cache: no LLVM
    assert not loaded(modules, "llvmlite"), loaded(modules, "llvmlite")


@pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
@pytest.mark.parametrize("threshold", [50, 1000])
def test_the_run_loop_looks_for_the_record_where_the_jit_tier_keeps_it(tmp_path, monkeypatch,
                                                                        threshold):
    from pvm.exec.session import start
    from pvm.jit import warmstart
    monkeypatch.setenv("PVM_CACHE", str(tmp_path))
    program = pvm.compile_source(HOT, name="hot.c")
    for fuel in (None, 10 ** 9):                 # unmetered and metered code
        runner = start(program, tier="auto", jit_threshold=threshold, fuel=fuel,
                       program_key=pvm.api.digest(program))
        m = runner.m
        assert warmstart.record_path(m, threshold) == runner.jit._record_path()
        assert warmstart.record_path(m, threshold, disk_cache=False) is None


def test_records_behave_as_dataclasses_did():
    """The run path's records are plain classes (dataclasses costs a
    start-up ~7 ms): equality by value, the digest aside; copies; reprs."""
    import copy
    import pickle

    from pvm import isa
    from pvm.bytecode.program import Function, LocalInfo, Program, Symbol, layout
    f = Function("f", 0, "q", "q", 0, [("LI", 0, 1), ("RET", 0)], [1, 1],
                 locals=[LocalInfo("x", "int", "reg", 0, 0, 2)])
    p = Program([f], 0, symbols=[Symbol("f", "func", 0x10000, 10)], files=["f.c"])
    q = copy.deepcopy(p)
    q.digest = "something else"
    assert q == p and q is not p and pickle.loads(pickle.dumps(p)) == p
    q.functions[0].code.append(("NOP",))
    assert q != p
    assert repr(f).startswith("Function(name='f', nparams=0,") and "digest" not in repr(p)
    with pytest.raises(TypeError):
        hash(f)
    lay = layout([10, 20], 5, 0, 0)
    assert lay == layout([10, 20], 5, 0, 0) and hash(lay) == hash(layout([10, 20], 5, 0, 0))
    moved = lay.replace(function_address=(1, 2))
    assert moved.function_address == (1, 2) and moved.text_end == lay.text_end
    with pytest.raises(AttributeError):
        lay.text_end = 0
    op = isa.BY_NAME["ADD64"]
    assert copy.deepcopy(op) == op and hash(copy.copy(op)) == hash(op)
    with pytest.raises(AttributeError):
        op.code = 1
