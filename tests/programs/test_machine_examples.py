"""examples/machine/: bare-machine programs (a tiny kernel, interrupts,
devices), each run on interp, jit and auto with the same stdout and status;
the expected output of each is here."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

import pvm

MACHINE = Path(__file__).resolve().parents[2] / "examples" / "machine"
# the examples/machine programs whose output this file checks (the others
# are in test_examples.py's table)
# loader.c is tested with the module loader, tests/pvm/machine/test_modules.py
TESTED = ("kernel.c", "console_echo.c", "disk.c", "printer.c", "loader.c")
TIERS = ["interp"] + (["jit", "auto"] if "jit" in pvm.TIERS else [])

KERNEL = b"""kernel: starting user programs
user 0: hello from user mode
kernel: program 0 exited with 0
user 1: trying cli
kernel: killed program 1: illegal instruction
user 2: dividing by zero
kernel: killed program 2: divide by zero
user 3: writing to the console device
kernel: killed program 3: device access from user mode
kernel: 5 system calls, 61 timer interrupts
"""


def run(name: str, tier: str, stdin: bytes = b"", **devices):
    program = pvm.compile_file(str(MACHINE / name))
    out, err = io.BytesIO(), io.BytesIO()
    status = pvm.execute(program, [name], stdin=io.BytesIO(stdin), stdout=out, stderr=err,
                         tier=tier, devices=devices)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("tier", TIERS)
def test_the_tiny_kernel_is_the_same_on_every_tier_run_after_run(tier):
    """Syscalls, kills, and exactly the same number of timer interrupts:
    time is counted in instructions, interrupts taken at block boundaries."""
    for _ in range(10):
        assert run("kernel.c", tier) == (0, KERNEL, b"")


@pytest.mark.parametrize("tier", TIERS)
def test_a_console_driver_echoes_input_through_interrupts(tier):
    assert run("console_echo.c", tier, b"hello\nworld\n") == (0, b"HELLO\nWORLD\n", b"")


@pytest.mark.parametrize("tier", TIERS)
def test_a_disk_round_trip(tier, tmp_path):
    image = tmp_path / "disk.img"
    image.write_bytes(bytes(8192))
    status, out, err = run("disk.c", tier, disk=str(image))
    assert (status, err) == (0, b"")
    assert out == (b"disk: 16 sectors\nwrite status 0, read status 0, same bytes: yes\n"
                   b"past the end: status 1\n")
    assert image.read_bytes()[15 * 512:15 * 512 + 4] == bytes([3, 10, 17, 24])   # it persisted


@pytest.mark.parametrize("tier", TIERS)
def test_the_printer_appends_to_its_file(tier, tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("already there\n")
    assert run("printer.c", tier, printer=str(paper)) == (0, b"printed 2 lines\n", b"")
    assert paper.read_text() == "already there\nhello from the line printer\nsecond line\n"
    assert run("printer.c", tier)[:2] == (1, b"no printer attached (pvm run --printer FILE)\n")


POLL = r"""
#include <pvm/machine.h>
#include <stdio.h>
int main(void) {
    long start = *TIMER_COUNT, n = 0;
    while (*TIMER_COUNT - start < 5000)     /* a device polled in a volatile loop */
        n++;
    printf("polled %s\n", n > 10 ? "many times" : "too few times");
    return 0;
}
"""


@pytest.mark.parametrize("tier", TIERS)
def test_a_device_polled_in_a_volatile_loop_terminates(tier):
    r = pvm.run_source(POLL, tier=tier)
    assert (r.status, r.stdout) == (0, b"polled many times\n")


RTC = r"""
#include <pvm/machine.h>
#include <stdio.h>
int main(void) {
    long s1 = *RTC_SECONDS, n1 = *RTC_NANOS;
    for (volatile int i = 0; i < 1000; i++)
        ;
    long s2 = *RTC_SECONDS, n2 = *RTC_NANOS;
    long dt = (s2 - s1) * 1000000000 + (n2 - n1);
    printf("%ld %ld %ld\n", s1, n1, dt);
    return 0;
}
"""


def test_the_deterministic_clock_counts_instructions_the_same_on_every_tier():
    """--deterministic: the real-time clock is the instruction count at
    100 M instructions per second, so every tier reads the same times."""
    outs = set()
    for tier in TIERS:
        program = pvm.compile_source(RTC, name="rtc.c")
        out = io.BytesIO()
        assert pvm.execute(program, ["rtc"], stdout=out, stderr=out, tier=tier,
                           devices={"deterministic": True}) == 0
        outs.add(out.getvalue())
    assert len(outs) == 1, outs
    s1, n1, dt = map(int, outs.pop().split())
    assert s1 == 0 and 0 < n1 < 10_000_000 and 1000 * 10 <= dt < 1000 * 100   # 10 ns each
