"""`pvm run` as a process (pvm/cli.py): it ends without Python's teardown,
so these check that nothing is lost by that: all of a big output, a file the
guest never closed, the exit status and a trap report, a reader that stops
early."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import pvm

PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "w");          /* never closed: exit flushes it */
    fprintf(f, "kept %d\n", 42);
    for (int i = 0; i < 20000; i++)
        printf("line %d\n", i);
    if (argc > 2)
        return *(int *)(long)atoi(argv[2]);  /* a trap: a read of that address */
    return 7;
}
"""


def pvm_run(tmp_path, *args, **kw):
    src = tmp_path / "prog.c"
    src.write_text(PROGRAM)
    env = {**os.environ, "PVM_CACHE": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "pvm", "run", "prog.c", *args],
                          env=env, cwd=tmp_path, timeout=300, **kw)


def test_everything_is_written_before_the_process_ends(tmp_path):
    out = tmp_path / "out.txt"
    r = pvm_run(tmp_path, "out.txt", capture_output=True)     # files below the cwd only
    assert r.returncode == 7 and r.stderr == b""
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 20000 and lines[-1] == "line 19999"
    assert out.read_text() == "kept 42\n"


def test_a_trap_is_reported_and_its_status_returned(tmp_path, monkeypatch):
    r = pvm_run(tmp_path, "o.txt", "8", capture_output=True)
    assert r.returncode == 139
    assert r.stderr.decode().strip() == "Segmentation fault: read of address 0x8 in main (prog.c:10)"
    # what the guest's stdio had not flushed dies with it, as in a native
    # program; what it wrote is all there, as in a run without a fast exit
    monkeypatch.chdir(tmp_path)
    ref = pvm.run_source(PROGRAM, args=["o.txt", "8"], name="prog.c")
    assert (r.stdout, r.stderr) == (ref.stdout, ref.stderr) and len(r.stdout) > 100_000


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    src = tmp_path / "prog.c"
    src.write_text(PROGRAM)
    env = {**os.environ, "PVM_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "pvm", "run", "prog.c", "o.txt"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.read(20)
    proc.stdout.close()                       # the reader goes away
    err = proc.stderr.read()
    proc.wait(timeout=300)
    assert first.startswith(b"line 0\n")
    assert b"Traceback" not in err


def test_a_bug_in_pvm_is_an_internal_error_never_a_usage_error(tmp_path, monkeypatch, capsys):
    """Any exception pvm does not expect is its own bug: status 70 and a line
    that says so, not "usage error, exit 2" (which a ValueError used to be)."""
    from pvm import api, cli
    src = tmp_path / "p.c"
    src.write_text("int main(void) { return 0; }\n")

    def broken(*a, **kw):
        raise ValueError("something inside pvm went wrong (test)")
    monkeypatch.setattr(api, "execute", broken)
    monkeypatch.delenv("PVM_TRACEBACK", raising=False)
    assert cli.main(["run", str(src)]) == 70
    err = capsys.readouterr().err
    assert "internal error (a bug in pvm, not in your program): ValueError: something" in err
    assert "PVM_TRACEBACK=1" in err and "Traceback" not in err


def test_memory_too_small_for_the_program_is_a_usage_error(tmp_path, capsys):
    from pvm import cli
    src = tmp_path / "p.c"
    src.write_text("int main(void) { return 0; }\n")
    assert cli.main(["run", "--memory", "64K", str(src)]) == 2
    assert "--memory 65536 is too small for this program" in capsys.readouterr().err


def test_the_api_and_the_jit_give_one_answer_to_whether_the_jit_runs_here(monkeypatch):
    import pvm.jit
    from pvm import api
    monkeypatch.setattr(pvm.jit, "available", lambda load=True: "not here (test)")
    assert api._tiers() == ("interp",)
    monkeypatch.setattr(pvm.jit, "available", lambda load=True: None)
    assert api._tiers() == ("interp", "jit")


def test_old_c_needs_fpermissive_and_the_cache_keeps_the_dialects_apart(tmp_path):
    """`pvm run -fpermissive` (and -std=gnu89) accept old C as gcc does; the
    compile cache must not hand the permissive build to a default run."""
    src = tmp_path / "old.c"
    src.write_text('main() { puts("old"); exit(3); }\n')
    env = {**os.environ, "PVM_CACHE": str(tmp_path / "cache")}

    def run(*opts):
        return subprocess.run([sys.executable, "-m", "pvm", "run", *opts, "old.c"], env=env,
                              cwd=tmp_path, capture_output=True, timeout=300)
    for opts in (("-fpermissive",), ("-std=gnu89",)):
        r = run(*opts)
        assert (r.returncode, r.stdout) == (3, b"old\n"), r.stderr
    r = run()
    assert r.returncode == 1
    assert b"did you mean to #include <stdlib.h>? [-fpermissive accepts it]" in r.stderr
    r = run("-std=c42")
    assert r.returncode == 1 and b"invalid value 'c42' in '-std=c42'" in r.stderr


@pytest.mark.parametrize("argv", [
    ["run", "x.c"], ["run", "prog.pvm", "a", "--tier=jit", "-h"],
    ["run", "x.c", "-Ifoo", "-5", "-", "--x=1", "a b", "run"], ["run", "x.c", "--", "b"],
    ["run", "@x"], ["run", ""], ["run", "--tier=interp", "x.c"], ["run"], ["dis", "x.c"]])
def test_a_plain_run_parses_as_argparse_does(argv):
    """`pvm run FILE ARGS...` is parsed without argparse (start-up time):
    the same values as argparse's, defaults included; any other command
    line is left to argparse."""
    from pvm import cli
    fast = cli.plain_run(argv)
    if argv[:1] != ["run"] or len(argv) < 2 or argv[1].startswith("-") or "--" in argv:
        assert fast is None
    else:
        assert vars(fast) == vars(cli.parser("run").parse_args(argv))
