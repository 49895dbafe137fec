"""The minios user programs use only POSIX calls glibc has too, so until
the kernel runs them their logic can be checked as Linux programs: built
with gcc into a directory that stands in for /bin (-DBINDIR: sh, nice and
init look there), with the spool and printer of lpr, lpq and lpd pointed
at a directory of the test (-DSPOOL, -DPRINTER).  minios-only calls get
small shims: init's halt() ends the test's process group (init leads it)
as powering off ends every process; rm's unlink removes an empty directory
as minios's does.  ps and halt need minios's own calls and are not built."""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
USER = ROOT / "minios" / "user"
PROGRAMS = ("sh", "echo", "kill", "sleep", "cat", "wc", "grep", "ls", "mkdir", "nice",
            "lpr", "lpq", "lpd")

HELPERS = {
    "status": "#include <stdlib.h>\nint main(int c, char **v) { return atoi(v[1]); }\n",
    "segv": "int main(void) { *(volatile int *)0 = 1; return 0; }\n",
}
# init's halt() powers the machine off: every process ends
HALT = "int halt(int status);\n"
HALT_C = """#include <signal.h>
#include <unistd.h>
int halt(int status)
{
    if (getpgrp() == getpid()) {    /* only the group the test started init in */
        signal(SIGTERM, SIG_IGN);
        kill(0, SIGTERM);
    }
    _exit(status);
}
"""
# minios's unlink removes an empty directory too (xv6's does)
UNLINK_C = """#undef unlink
#include <errno.h>
#include <unistd.h>
int unlink_or_rmdir(const char *path)
{
    if (unlink(path) == 0)
        return 0;
    return errno == EISDIR || errno == EPERM ? rmdir(path) : -1;
}
"""


def gcc(*args):
    return subprocess.Popen(["gcc", "-std=gnu99", "-Wall", "-Werror", "-O0", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def build_all(jobs):
    for p in jobs:
        out, _ = p.communicate()
        assert p.returncode == 0, out


@pytest.fixture(scope="module")
def bin_dir(tmp_path_factory):
    if shutil.which("gcc") is None:
        pytest.skip("gcc not found")
    d = tmp_path_factory.mktemp("minios_bin")
    (d / "spool").mkdir()
    flags = [f'-DBINDIR="{d}"', f'-DSPOOL="{d / "spool"}"', '-DPRINTER="/dev/stdout"']
    for name, text in [("halt.h", HALT), ("halt_shim.c", HALT_C), ("unlink_shim.c", UNLINK_C)]:
        (d / name).write_text(text)
    jobs = [gcc(*flags, "-include", d / "halt.h", USER / "init.c", d / "halt_shim.c", "-o", d / "init"),
            gcc("-Dunlink=unlink_or_rmdir", USER / "rm.c", d / "unlink_shim.c", "-o", d / "rm"),
            # an lpd whose printer is not there
            gcc('-DSPOOL="%s"' % (d / "spool"), f'-DPRINTER="{d}/nodev/printer"', USER / "lpd.c",
                "-o", d / "lpd_noprinter")]
    jobs += [gcc(*flags, USER / f"{name}.c", "-o", d / name) for name in PROGRAMS]
    for name, text in HELPERS.items():
        (d / f"{name}.c").write_text(text)
        jobs.append(gcc(d / f"{name}.c", "-o", d / name))
    build_all(jobs)
    return d


def sh(bin_dir, *args, stdin=b"", program="sh", cwd=None):
    """(status, stdout, stderr) of a program of bin_dir; init gets a process group to end."""
    r = subprocess.run([str(bin_dir / program), *args], cwd=cwd or bin_dir, input=stdin,
                       capture_output=True, timeout=30, start_new_session=program == "init")
    return r.returncode, r.stdout.decode(), r.stderr.decode()


# ---- sh: lists, builtins, lookup ----

def test_commands_and_the_last_status(bin_dir):
    assert sh(bin_dir, "-c", "echo hi  there;status 3") == (3, "hi there\n", "")
    assert sh(bin_dir, "-c", "status 3\n\techo  a\t b ;") == (0, "a b\n", "")


def test_command_not_found_is_127(bin_dir):
    assert sh(bin_dir, "-c", "echo a; nosuch x; echo b") == (0, "a\nb\n", "sh: nosuch: command not found\n")
    assert sh(bin_dir, "-c", "nosuch")[0] == 127
    assert sh(bin_dir, "-c", "./nosuch") == (127, "", "sh: ./nosuch: No such file or directory\n")


def test_a_file_that_cannot_run_is_126(bin_dir, tmp_path):
    (tmp_path / "text").write_text("just text\n")
    (tmp_path / "noformat").write_text("just text\n")
    (tmp_path / "noformat").chmod(0o755)
    assert sh(bin_dir, "-c", "./text", cwd=tmp_path) == (126, "", "sh: ./text: Permission denied\n")
    assert sh(bin_dir, "-c", "noformat", cwd=tmp_path) == (126, "", "sh: noformat: Exec format error\n")


def test_programs_are_found_in_bin_first_then_here(bin_dir, tmp_path):
    shutil.copy(bin_dir / "status", tmp_path / "mystatus")
    shutil.copy(bin_dir / "status", tmp_path / "echo")     # not the one sh runs
    assert sh(bin_dir, "-c", "mystatus 5", cwd=tmp_path)[0] == 5
    assert sh(bin_dir, "-c", "./mystatus 6", cwd=tmp_path)[0] == 6
    assert sh(bin_dir, "-c", "echo 7", cwd=tmp_path) == (0, "7\n", "")


def test_killed_by_a_signal_is_128_plus_it_and_reported(bin_dir):
    st, out, err = sh(bin_dir, "-c", "segv; echo after")
    assert (st, out) == (0, "after\n")
    assert re.fullmatch(r"Segmentation fault \(pid \d+\)\n", err), err
    assert sh(bin_dir, "-c", "segv")[0] == 128 + 11
    assert sh(bin_dir, "-c", "status 0 | segv")[0] == 139


def test_exit_builtin(bin_dir):
    assert sh(bin_dir, "-c", "status 4; exit; echo never") == (4, "", "")
    assert sh(bin_dir, "-c", "exit 300") == (300 & 0xff, "", "")
    assert sh(bin_dir, "-c", "exit 3 | status 0; echo still") == (0, "still\n", "")


def test_reading_stdin(bin_dir):
    assert sh(bin_dir, stdin=b"echo 1\n\nstatus 9\n") == (9, "1\n", "")
    assert sh(bin_dir, stdin=b"echo 1; exit 2\necho never\n") == (2, "1\n", "")


def test_quoting(bin_dir):
    assert sh(bin_dir, "-c", "echo 'a  b' \"c;d|e>f\" x'y'\"z\" ''") == (0, "a  b c;d|e>f xyz \n", "")
    assert sh(bin_dir, "-c", "echo 'open") == (2, "", "sh: syntax error: unterminated '\n")


@pytest.mark.parametrize("cmds,near", [
    ("echo a |", "newline"), ("| echo a", "|"), ("echo a | ; echo b", ";"), ("echo >", "newline"),
    ("echo < ;", ";"), ("& echo", "&"), ("echo a >> | b", "|"), ("echo a; echo b |", "newline"),
])
def test_syntax_errors_run_nothing(bin_dir, cmds, near):
    assert sh(bin_dir, "-c", cmds) == (2, "", f"sh: syntax error near '{near}'\n")


# ---- sh: pipes, redirection, cd, background jobs ----

def test_pipelines(bin_dir):
    assert sh(bin_dir, "-c", "echo a b | wc") == (0, "      1       2       4\n", "")
    assert sh(bin_dir, "-c", "echo one two | cat | wc") == (0, "      1       2       8\n", "")
    assert sh(bin_dir, "-c", "echo x|cat|cat|cat|cat|cat|cat|cat") == (0, "x\n", "")
    # the pipeline's status is its last command's
    assert sh(bin_dir, "-c", "status 3 | status 0")[0] == 0
    assert sh(bin_dir, "-c", "status 0 | status 3")[0] == 3


def test_redirection(bin_dir, tmp_path):
    cmds = "echo one > f; echo two >> f; cat < f; wc < f > g; cat g; >empty; cat f | grep tw >> g; cat g"
    assert sh(bin_dir, "-c", cmds, cwd=tmp_path) == (
        0, "one\ntwo\n" "      2       2       8\n" "      2       2       8\ntwo\n", "")
    assert (tmp_path / "empty").read_bytes() == b""
    assert sh(bin_dir, "-c", "echo one > f; echo two > f; cat f", cwd=tmp_path)[1] == "two\n"
    assert sh(bin_dir, "-c", "cat < nosuch; echo $?", cwd=tmp_path) == (
        0, "$?\n", "sh: cannot open nosuch: No such file or directory\n")
    assert sh(bin_dir, "-c", "cat < nosuch", cwd=tmp_path)[0] == 1
    assert sh(bin_dir, "-c", "echo x > nodir/f", cwd=tmp_path)[0] == 1


def test_standard_error_redirection(bin_dir, tmp_path):
    assert sh(bin_dir, "-c", "nosuch 2> err; nosuch 2>>err; cat err; echo a2>b; cat b", cwd=tmp_path) == (
        0, "sh: nosuch: command not found\n" * 2 + "a2\n", "")
    assert sh(bin_dir, "-c", "cat nothere 2>", cwd=tmp_path) == (2, "", "sh: syntax error near 'newline'\n")
    assert sh(bin_dir, "-c", "echo 2>> 2> x", cwd=tmp_path) == (2, "", "sh: syntax error near '2>'\n")


def test_cd(bin_dir, tmp_path):
    shutil.copy(bin_dir / "status", tmp_path / "mystatus")
    cmds = "mkdir d; cd d; echo hi > f; ../mystatus 4; cd ..; cat d/f; mystatus 5"
    assert sh(bin_dir, "-c", cmds, cwd=tmp_path) == (5, "hi\n", "")
    assert sh(bin_dir, "-c", "cd nosuch", cwd=tmp_path) == (1, "", "sh: cd: nosuch: No such file or directory\n")
    (tmp_path / "f").write_text("at the root\n")
    assert sh(bin_dir, "-c", f"cd; cat {str(tmp_path / 'f')[1:]}", cwd=tmp_path) == (0, "at the root\n", "")
    # cd in a pipeline changes only its own child's directory
    assert sh(bin_dir, "-c", "cd / | echo; cat f", cwd=tmp_path) == (0, "\nat the root\n", "")


def test_background_jobs_and_their_ends(bin_dir):
    st, out, err = sh(bin_dir, stdin=b"segv &\nstatus 3 &\necho a | status 0 &\nsleep 1\necho b\n")
    assert (st, out) == (0, "a\n" "b\n") or (st, out) == (0, "b\n")     # echo a's pipe may close first
    started = re.findall(r"^\[(\d+)\]$", err, re.M)
    assert len(started) == 3, err
    ends = set(re.findall(r"^\[(\d+)\] (.+)$", err, re.M))
    assert ends == {(started[0], "Segmentation fault"), (started[1], "Exit 3"), (started[2], "Done")}, err


def test_background_does_not_wait(bin_dir):
    t = time.monotonic()
    st, out, err = sh(bin_dir, stdin=b"sleep 2 >/dev/null &\necho now\n")
    assert (st, out) == (0, "now\n") and re.fullmatch(r"\[\d+\]\n", err), err
    # (the run ends when sleep closes the output pipe: after about 2 s, not 4)
    assert time.monotonic() - t < 4


# ---- the programs ----

def test_cat(bin_dir, tmp_path):
    (tmp_path / "a").write_text("A\n")
    (tmp_path / "b").write_text("B")
    assert sh(bin_dir, "-c", "cat a b", cwd=tmp_path) == (0, "A\nB", "")
    assert sh(bin_dir, "-c", "cat a nosuch b", cwd=tmp_path) == (1, "A\nB", "cat: nosuch: No such file or directory\n")
    assert sh(bin_dir, "-c", "echo in | cat", cwd=tmp_path) == (0, "in\n", "")


def test_wc(bin_dir, tmp_path):
    (tmp_path / "a").write_text("one two\nthree\n")
    (tmp_path / "b").write_text("  x\ty  ")
    assert sh(bin_dir, "-c", "wc a", cwd=tmp_path) == (0, "      2       3      14 a\n", "")
    assert sh(bin_dir, "-c", "wc a b nosuch", cwd=tmp_path) == (
        1, "      2       3      14 a\n      0       2       7 b\n      2       5      21 total\n",
        "wc: nosuch: No such file or directory\n")
    assert sh(bin_dir, "-c", "wc < b", cwd=tmp_path)[1] == "      0       2       7\n"


def test_grep(bin_dir, tmp_path):
    (tmp_path / "a").write_text("apple\nbanana\ncherry pie\n")
    (tmp_path / "b").write_text("pie crust\nno newline pie")
    assert sh(bin_dir, "-c", "grep an a", cwd=tmp_path) == (0, "banana\n", "")
    assert sh(bin_dir, "-c", "grep 'y p' a", cwd=tmp_path) == (0, "cherry pie\n", "")
    assert sh(bin_dir, "-c", "grep pie a b", cwd=tmp_path) == (
        0, "a:cherry pie\nb:pie crust\nb:no newline pie\n", "")
    assert sh(bin_dir, "-c", "grep kiwi a", cwd=tmp_path) == (1, "", "")
    assert sh(bin_dir, "-c", "grep pie nosuch a", cwd=tmp_path) == (
        2, "a:cherry pie\n", "grep: nosuch: No such file or directory\n")
    assert sh(bin_dir, "-c", "grep", cwd=tmp_path)[0] == 2
    assert sh(bin_dir, "-c", "cat a | grep e | grep r", cwd=tmp_path) == (0, "cherry pie\n", "")


def test_ls(bin_dir, tmp_path):
    (tmp_path / "file").write_text("12345")
    (tmp_path / "dir").mkdir()
    st, out, err = sh(bin_dir, "-c", "ls", cwd=tmp_path)
    lines = sorted(line.split() for line in out.splitlines())
    ino = os.stat(tmp_path / "file").st_ino
    assert (st, err) == (0, "") and [l[:2] for l in lines] == [
        [".", "dir"], ["..", "dir"], ["dir", "dir"], ["file", "file"]]
    assert ["file", "file", str(ino), "5"] in lines
    assert sh(bin_dir, "-c", "ls dir", cwd=tmp_path)[1].count("\n") == 2     # . and ..
    assert sh(bin_dir, "-c", "ls file", cwd=tmp_path)[1].split() == ["file", "file", str(ino), "5"]
    assert sh(bin_dir, "-c", "ls /dev/null", cwd=tmp_path)[1].split()[:2] == ["/dev/null", "dev"]
    assert sh(bin_dir, "-c", "ls nosuch", cwd=tmp_path) == (
        1, "", "ls: cannot access 'nosuch': No such file or directory\n")


def test_mkdir_and_rm(bin_dir, tmp_path):
    assert sh(bin_dir, "-c", "mkdir a b; echo x > a/f", cwd=tmp_path) == (0, "", "")
    assert (tmp_path / "a" / "f").is_file() and (tmp_path / "b").is_dir()
    assert sh(bin_dir, "-c", "mkdir a", cwd=tmp_path) == (1, "", "mkdir: cannot create directory 'a': File exists\n")
    assert sh(bin_dir, "-c", "rm a", cwd=tmp_path) == (1, "", "rm: cannot remove 'a': Directory not empty\n")
    assert sh(bin_dir, "-c", "rm a/f a b", cwd=tmp_path) == (0, "", "")
    assert list(tmp_path.iterdir()) == []
    assert sh(bin_dir, "-c", "rm nosuch", cwd=tmp_path) == (1, "", "rm: cannot remove 'nosuch': No such file or directory\n")
    assert sh(bin_dir, "-c", "mkdir; rm", cwd=tmp_path)[0] == 2


def test_nice(bin_dir, tmp_path):
    shutil.copy(bin_dir / "status", tmp_path / "mystatus")
    assert sh(bin_dir, "-c", "nice echo hi; nice -n 3 echo there", cwd=tmp_path) == (0, "hi\nthere\n", "")
    assert sh(bin_dir, "-c", "nice -n 2 mystatus 7", cwd=tmp_path)[0] == 7
    assert sh(bin_dir, "-c", "nice nosuch", cwd=tmp_path) == (127, "", "nice: nosuch: No such file or directory\n")
    assert sh(bin_dir, "-c", "nice -n x echo", cwd=tmp_path)[0] == 125


def test_kill_and_sleep(bin_dir):
    assert sh(bin_dir, "-c", "sleep 0; kill -9 2147483647")[0] == 1
    assert sh(bin_dir, "-c", "kill -TERM 2147483647")[2] == "kill: (2147483647): No such process\n"


# ---- the printer spooler ----

@pytest.fixture
def spool(bin_dir):
    d = bin_dir / "spool"
    yield d
    for f in d.iterdir():
        f.unlink()


def test_lpr_queues_and_lpd_prints_in_order(bin_dir, spool, tmp_path):
    (tmp_path / "a").write_text("first job\n")
    assert sh(bin_dir, "-c", "lpq") == (0, "no entries\n", "")
    assert sh(bin_dir, "-c", "lpr a; echo second | lpr", cwd=tmp_path) == (0, "", "")
    assert sorted(f.name for f in spool.iterdir()) == ["cf001", "cf002", "df001", "df002"]
    assert (spool / "cf002").read_text() == "stdin\n"
    assert sh(bin_dir, "-c", "lpq")[1].splitlines() == [
        "RANK JOB  NAME                           SIZE",
        "1    1    a                                10",
        "2    2    stdin                             7"]
    assert sh(bin_dir, "-c", "lpr nosuch", cwd=tmp_path) == (1, "", "lpr: nosuch: No such file or directory\n")
    assert sh(bin_dir, "-c", "lpd -1") == (0, "first job\nsecond\n", "")
    assert sh(bin_dir, "-c", "lpq") == (0, "no entries\n", "")
    assert list(spool.iterdir()) == []


def test_lpr_takes_the_next_free_number(bin_dir, spool, tmp_path):
    (spool / "df009").write_text("an incomplete job: lpd leaves it alone\n")
    (tmp_path / "a").write_text("x\n")
    procs = [subprocess.Popen([bin_dir / "lpr", "a"], cwd=tmp_path) for _ in range(6)]
    assert [p.wait(timeout=30) for p in procs] == [0] * 6
    # six lprs at once: six numbers, none taken twice
    assert sorted(f.name for f in spool.iterdir() if f.name.startswith("cf")) == [f"cf{n:03}" for n in range(10, 16)]
    assert sh(bin_dir, "-c", "lpd -1") == (0, "x\n" * 6, "")
    assert [f.name for f in spool.iterdir()] == ["df009"]


def test_lpd_without_a_printer_keeps_the_job(bin_dir, spool, tmp_path):
    (tmp_path / "a").write_text("kept\n")
    assert sh(bin_dir, "-c", "lpr a", cwd=tmp_path)[0] == 0
    assert sh(bin_dir, "-c", "lpd_noprinter -1") == (
        1, "", f"lpd: {bin_dir}/nodev/printer: No such file or directory\n")
    assert sh(bin_dir, "-c", "lpq")[1].count("\n") == 2
    assert sh(bin_dir, "-c", "lpd -1") == (0, "kept\n", "")


def test_lpd_as_a_daemon(bin_dir, spool, tmp_path):
    (tmp_path / "a").write_text("by the daemon\n")
    lpd = subprocess.Popen([bin_dir / "lpd"], stdout=subprocess.PIPE)
    try:
        assert sh(bin_dir, "-c", "lpr a; sleep 1; lpq", cwd=tmp_path) == (0, "no entries\n", "")
    finally:
        lpd.kill()
    assert lpd.communicate(timeout=10)[0] == b"by the daemon\n"


# ---- init ----

def test_init_halts_with_the_status_of_sh(bin_dir):
    assert sh(bin_dir, "-c", "echo up; status 42", program="init") == (42, "up\n", "")
    assert sh(bin_dir, "-c", "segv", program="init")[0] == 128 + 11
    assert sh(bin_dir, "-c", "exit 0", program="init") == (0, "", "")


def test_init_without_a_terminal_halts_when_sh_ends(bin_dir):
    # an interactive init restarts sh; from a pipe, whose end is final, it halts
    assert sh(bin_dir, stdin=b"echo piped\nstatus 6\n", program="init") == (6, "piped\n", "")


def test_init_starts_lpd(bin_dir, spool, tmp_path):
    (tmp_path / "a").write_text("printed\n")
    # the printer is init's stdout here; sh's echo comes after lpd has printed
    assert sh(bin_dir, "-c", "lpr a; sleep 1; echo done", program="init", cwd=tmp_path) == (
        0, "printed\ndone\n", "")
