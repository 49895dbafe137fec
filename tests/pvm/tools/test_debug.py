"""pvm debug: gdb-like commands, driven through piped stdin and a pseudo-terminal."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

PROGRAM = """\
#include <stdio.h>

struct point { int x, y; };

int total = 0;

int fact(int n)
{
    if (n <= 1)
        return 1;
    return n * fact(n - 1);
}

int main(int argc, char **argv)
{
    struct point p = {3, 4};
    int arr[4] = {10, 20, 30, 40};
    double half = 0.5;
    int i;
    for (i = 0; i < 4; i++)
        total += arr[i];
    int f = fact(4);
    printf("%d %d %d %g\\n", total, f, p.x + p.y, half);
    int *bad = 0;
    if (argc > 1)
        *bad = 1;
    return 3;
}
"""


@pytest.fixture
def prog(tmp_path):
    path = tmp_path / "prog.c"
    path.write_text(PROGRAM)
    return path


def debug(prog, commands: str, *args):
    opts = [a for a in args if a.startswith("--")]
    args = [a for a in args if not a.startswith("--")]
    r = subprocess.run([sys.executable, "-m", "pvm", "debug", *opts, prog.name, *args],
                       input=commands.encode(), capture_output=True, timeout=120, cwd=prog.parent)
    assert b"Traceback" not in r.stderr, r.stderr.decode()
    return r.returncode, r.stdout.decode()


def test_breakpoints_backtrace_finish_and_frames(prog):
    status, out = debug(prog, "break fact\nrun\ncontinue\nbacktrace\ninfo args\nprint n * 10\n"
                              "info breakpoints\ndelete 1\nfinish\nframe 1\nup\ndown\ncontinue\n")
    assert "Breakpoint 1 at 0x" in out and "file prog.c, line 9." in out   # first body line
    assert "Breakpoint 1, fact (n=4) at prog.c:9\n9\t    if (n <= 1)" in out
    assert "Breakpoint 1, fact (n=3) at prog.c:9" in out
    assert "#0  fact (n=3) at prog.c:9" in out
    assert "#1  0x" in out and "in fact (n=4) at prog.c:11" in out
    assert "#2  0x" in out and "in main (argc=1, argv=0x" in out and "at prog.c:22" in out
    assert "n = 3\n" in out
    assert "(int) 30" in out
    assert "Run till exit from #0  fact (n=3) at prog.c:9" in out
    assert "Value returned is 6" in out
    assert "#1  0x" in out and "22\t    int f = fact(4);" in out         # frame 1
    assert "breakpoint     in fact at prog.c:9  (hit 2 times)" in out
    assert "100 24 7 0.5" in out
    assert "[program exited with code 3]" in out
    assert status == 0


def test_line_breakpoint_print_locals_and_examine(prog):
    status, out = debug(prog, "break prog.c:21\nrun\ninfo locals\nprint p\nprint arr\n"
                              "print p.x + arr[3]\nprint half * 3\nprint &total\n"
                              "x/4dw arr\nx/2xw &p\nx/s \"hi\"\nx/8xb arr\nprint i = 3\n"
                              "next\nprint total\nprint nosuch\nquit\n")
    assert "Breakpoint 1, main (argc=1, argv=0x" in out and "at prog.c:21" in out
    assert "p = {x = 3, y = 4}" in out
    assert "arr = {10, 20, 30, 40}" in out
    assert "half = 0.5" in out
    assert "(struct point) {x = 3, y = 4}" in out
    assert "(int [4]) {10, 20, 30, 40}" in out
    assert "(int) 43" in out
    assert "(double) 1.5" in out
    assert "(int *) 0x" in out and "<total>" in out
    assert ":\t10\t20\t30\t40" in out
    assert ":\t0x00000003\t0x00000004" in out
    assert ':\t"hi"' in out
    assert ":\t0x0a\t0x00\t0x00\t0x00\t0x14\t0x00\t0x00\t0x00" in out
    assert "(int) 3" in out                       # assigned the loop variable: the loop ends
    assert "20\t    for (i = 0; i < 4; i++)" in out
    assert "(int) 40" in out                      # only arr[3] was added
    assert "use of undeclared identifier 'nosuch'" in out


def test_step_next_stepi_and_disassemble(prog):
    status, out = debug(prog, "break 22\nrun\nstep\nstep\nnext\nnext\nstepi\nstepi\n"
                              "disassemble\ninfo registers\nquit\n")
    assert "fact (n=4) at prog.c:9\n9\t    if (n <= 1)" in out       # step enters fact
    assert "\n11\t    return n * fact(n - 1);" in out
    assert "main (argc=1, argv=0x" in out and "at prog.c:23" in out    # next over the recursion
    assert "\n24\t    int *bad = 0;" in out
    assert "=> 0x" in out and "<main+" in out and "; line 25" in out  # stepi
    assert "Dump of bytecode for function main:" in out and "End of dump." in out
    assert "CALL r" in out and "@fact" in out
    assert "pc  0x" in out and "fp  0x" in out and "r0  = " in out


def test_watch_stops_when_the_value_changes(prog):
    status, out = debug(prog, "break main\nrun\nwatch total\ncontinue\ncontinue\n"
                              "info breakpoints\nbt\nquit\n")
    assert "Watchpoint 2: total" in out
    assert "Old value = 0\nNew value = 10" in out
    assert "Old value = 10\nNew value = 30" in out
    assert "2       watchpoint     total" in out


def test_a_trap_stops_at_the_faulting_line_with_the_machine_intact(prog):
    status, out = debug(prog, "run\nbt\nprint bad\nprint total\ninfo locals\nprint *bad\n"
                              "continue\nrun\n", "crash")
    assert "Program stopped: Segmentation fault: write of address 0x0" in out
    assert "main (argc=2, argv=0x" in out and "at prog.c:26\n26\t        *bad = 1;" in out
    assert "#0  main (argc=2" in out
    assert "(int *) 0x0" in out
    assert "(int) 100" in out
    assert "f = 24" in out
    assert "Segmentation fault: read of address 0x0" in out       # print *bad: reported, undone
    assert "cannot continue" in out
    assert out.count("Program stopped: Segmentation fault: write") == 2   # run starts afresh


def test_unknown_commands_and_locations(prog):
    status, out = debug(prog, "frobnicate\nbreak nosuch\nbreak prog.c:999\ncontinue\nhelp\nquit\n")
    assert 'Undefined command: "frobnicate"' in out
    assert 'No function or line "nosuch"' in out
    assert 'No function or line "prog.c:999"' in out
    assert "The program is not being run." in out or "[program exited" in out
    assert "x/NFU ADDR" in out


def test_debugger_at_a_terminal(prog):
    pexpect = pytest.importorskip("pexpect")
    if not os.path.exists("/dev/ptmx"):
        pytest.skip("no pseudo-terminals here")
    c = pexpect.spawn(sys.executable, ["-m", "pvm", "debug", prog.name], encoding="utf-8",
                      timeout=60, cwd=str(prog.parent))
    c.expect(r"\(pvm\) ")
    c.sendline("break fact")
    c.expect(r"\(pvm\) ")
    c.sendline("run")
    c.expect(r"fact \(n=4\) at prog.c:9")
    c.expect(r"\(pvm\) ")
    c.sendline("next")
    c.expect(r"11\t    return n \* fact\(n - 1\);")
    c.expect(r"\(pvm\) ")
    c.sendline("")                               # an empty line repeats `next`
    c.expect(r"fact \(n=3\) at prog.c:9")
    c.expect(r"\(pvm\) ")
    c.sendline("print n")
    c.expect(r"\(int\) 3")
    c.sendline("quit")
    c.expect(pexpect.EOF)


@pytest.mark.parametrize("tier", ["interp", "jit"])
def test_calls_between_stops_run_on_the_chosen_tier(prog, tier):
    if tier == "jit":
        pytest.importorskip("llvmlite")
    status, out = debug(prog, "break 22\nrun\nnext\nprint f\nnext\ncontinue\n", f"--tier={tier}")
    assert "23\t    printf(" in out
    assert "(int) 24" in out
    assert "100 24 7 0.5" in out and "[program exited with code 3]" in out


def test_print_links_what_the_program_left_out(prog):
    """An expression may call a stdlib function the program never linked:
    the debugger links it in through compiler/link.py, as the REPL does."""
    status, out = debug(prog, "break fact\nrun\nprint puts(\"linked now\") >= 0\n"
                              "print fact(3) + total\nquit\n")
    assert "linked now" in out
    assert "(int) 1" in out
    assert "(int) 106" in out                     # total is 100 when fact is first called
