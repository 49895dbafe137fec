"""sh, echo, kill and sleep use only POSIX calls glibc has too, so until the
kernel runs them their logic can be checked as Linux programs: built with
gcc into a directory, where sh's execv finds the others by name as the
minios kernel finds them on its disk.  init runs too, with halt() standing
in as _exit(); ps and halt need minios's own calls.)"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
USER = ROOT / "minios" / "user"

HELPERS = {
    "status": "#include <stdlib.h>\nint main(int c, char **v) { return atoi(v[1]); }\n",
    "segv": "int main(void) { *(volatile int *)0 = 1; return 0; }\n",
}
# init's halt() powers the machine off; on Linux, ending init will do
HALT = "int halt(int status);\n"
HALT_C = "#include <unistd.h>\nint halt(int status) { _exit(status); }\n"


@pytest.fixture(scope="module")
def bin_dir(tmp_path_factory):
    if shutil.which("gcc") is None:
        pytest.skip("gcc not found")
    d = tmp_path_factory.mktemp("minios_bin")
    sources = {name: USER / f"{name}.c" for name in ("sh", "echo", "kill", "sleep")}
    (d / "halt.h").write_text(HALT)
    (d / "halt_shim.c").write_text(HALT_C)
    r = subprocess.run(["gcc", "-std=gnu99", "-Wall", "-Werror", "-include", str(d / "halt.h"),
                        str(USER / "init.c"), str(d / "halt_shim.c"), "-o", str(d / "init")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for name, text in HELPERS.items():
        sources[name] = d / f"{name}.c"
        sources[name].write_text(text)
    for name, src in sources.items():
        r = subprocess.run(["gcc", "-std=gnu99", "-Wall", "-Werror", "-O0", str(src), "-o", str(d / name)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    return d


def sh(bin_dir, *args, stdin=b"", program="sh"):
    r = subprocess.run([str(bin_dir / program), *args], cwd=bin_dir, input=stdin,
                       capture_output=True, timeout=30)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def test_commands_and_the_last_status(bin_dir):
    assert sh(bin_dir, "-c", "echo hi  there;status 3") == (3, "hi there\n", "")
    assert sh(bin_dir, "-c", "status 3\n\techo  a\t b ;") == (0, "a b\n", "")


def test_command_not_found_is_127(bin_dir):
    assert sh(bin_dir, "-c", "echo a; nosuch x; echo b") == (0, "a\nb\n", "sh: nosuch: command not found\n")
    assert sh(bin_dir, "-c", "nosuch")[0] == 127


def test_killed_by_a_signal_is_128_plus_it(bin_dir):
    assert sh(bin_dir, "-c", "segv")[0] == 128 + 11


def test_exit_builtin(bin_dir):
    assert sh(bin_dir, "-c", "status 4; exit; echo never") == (4, "", "")
    assert sh(bin_dir, "-c", "exit 300") == (300 & 0xff, "", "")


def test_reading_stdin(bin_dir):
    assert sh(bin_dir, stdin=b"echo 1\n\nstatus 9\n") == (9, "1\n", "")
    assert sh(bin_dir, stdin=b"echo 1; exit 2\necho never\n") == (2, "1\n", "")


def test_kill_and_sleep(bin_dir):
    assert sh(bin_dir, "-c", "sleep 0; kill -9 2147483647")[0] == 1
    assert sh(bin_dir, "-c", "kill -TERM 2147483647")[2] == "kill: (2147483647): No such process\n"


def test_init_halts_with_the_status_of_sh(bin_dir):
    assert sh(bin_dir, "-c", "echo up; status 42", program="init") == (42, "up\n", "")
    assert sh(bin_dir, "-c", "segv", program="init")[0] == 128 + 11
    assert sh(bin_dir, "-c", "exit 0", program="init") == (0, "", "")


def test_init_without_a_terminal_halts_when_sh_ends(bin_dir):
    # an interactive init restarts sh; from a pipe, whose end is final, it halts
    assert sh(bin_dir, stdin=b"echo piped\nstatus 6\n", program="init") == (6, "piped\n", "")
