"""minios's user programs (minios/user/*.c) are ordinary C programs on the
stdlib: every one compiles, and under a bare `pvm run`, where the process
calls answer ENOSYS, each does something sensible: echo echoes, sleep
sleeps, and the ones that need the kernel (sh's fork, ps, kill, halt, init)
say why and exit 1.  What they do under minios is tested with the kernel."""
from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

import pvm

ROOT = Path(__file__).resolve().parents[2]
USER = ROOT / "minios" / "user"
PROGRAMS = sorted(USER.glob("*.c"))
NOTE = ": not available under pvm run: processes need minios (pvm boot)\n"


def test_the_programs_are_there():
    assert {p.stem for p in PROGRAMS} >= {"init", "sh", "echo", "ps", "kill", "sleep", "halt"}


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_it_builds_with_pvm_build(path, tmp_path):
    out = tmp_path / path.stem
    r = subprocess.run([sys.executable, "-m", "pvm", "build", str(path), "-o", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert out.stat().st_size > 0


@functools.lru_cache(maxsize=None)
def program(name: str):
    return pvm.compile_file(str(USER / f"{name}.c"))


def run(name, *args, tier="interp", stdin=b""):
    """(status, stdout, stderr) of a bare run, named as on the minios disk."""
    r = pvm.run(program(name), args=list(args), stdin=stdin, name=name, tier=tier)
    return r.status, r.stdout.decode(), r.stderr.decode()


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_echo(tier):
    assert run("echo", "hello,", "", "world", tier=tier) == (0, "hello,  world\n", "")
    assert run("echo", tier=tier) == (0, "\n", "")


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_sleep(tier):
    assert run("sleep", "0", tier=tier) == (0, "", "")
    assert run("sleep", "soon", tier=tier) == (2, "", "sleep: invalid time interval 'soon'\n")


# (program, args, the stderr after the library's note, which names the call)
NEEDS_THE_KERNEL = [
    ("ps", [], "procinfo", "ps: procinfo: Function not implemented\n"),
    ("kill", ["3", "4"], "kill", "kill: (3): Function not implemented\n"),
    ("kill", ["-9", "3"], "kill", "kill: (3): Function not implemented\n"),
    ("halt", ["3"], "halt", "halt: Function not implemented\n"),
    ("sh", ["-c", "echo hi"], "fork", "sh: fork: Function not implemented\n"),
    ("init", ["-c", "echo hi"], "fork", "init: fork: Function not implemented\n"),
    ("init", [], "fork", "init: fork: Function not implemented\n"),
]


@pytest.mark.parametrize("tier", pvm.TIERS)
@pytest.mark.parametrize("name,args,call,report", NEEDS_THE_KERNEL,
                         ids=[f"{n}-{i}" for i, (n, *_) in enumerate(NEEDS_THE_KERNEL)])
def test_without_the_kernel_it_says_why(name, args, call, report, tier):
    assert run(name, *args, tier=tier) == (1, "", call + NOTE + report)


def test_kill_usage():
    assert run("kill")[0] == 2
    assert run("kill", "-NOPE", "3") == (2, "", "kill: NOPE: invalid signal\n")
    assert run("kill", "x")[2] == "kill: x: not a process id\n"


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_sh_needs_no_kernel_for_builtins_and_empty_commands(tier):
    # nothing to fork: the builtin, blank commands and the end of input
    assert run("sh", "-c", "exit 7", tier=tier) == (7, "", "")
    assert run("sh", "-c", " ;\t; \n exit  3 ; echo never", tier=tier) == (3, "", "")
    assert run("sh", "-c", "", tier=tier) == (0, "", "")
    assert run("sh", stdin=b"\n  \nexit 5\necho never\n", tier=tier) == (5, "", "")
    assert run("sh", stdin=b"", tier=tier) == (0, "", "")   # no prompt: stdin is no terminal
    assert run("sh", "-x", tier=tier) == (2, "", "usage: sh [-c COMMANDS]\n")
