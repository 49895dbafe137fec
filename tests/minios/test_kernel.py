"""minios part 1, booted: the kernel's promises, each checked by a small
program of tests/minios/progs/ run under `pvm boot --run` on a disk that
`pvm mkfs` built (the base system plus those programs).

The interpreter runs every case; the JIT and auto a sample (the rest is
marked slow: a first JIT boot compiles the kernel, ~30 s on 2 cores)."""
from __future__ import annotations

from pathlib import Path

import pytest

import pvm
from pvm.tools import mkfs
from booted import run

PROGS = Path(__file__).resolve().parent / "progs"
FAST_ON_EVERY_TIER = {"forkwait", "faults"}


@pytest.fixture(scope="module")
def disk(tmp_path_factory) -> str:
    img = tmp_path_factory.mktemp("minios") / "test.img"
    mkfs.mkfs(str(img), [str(PROGS)])
    return str(img)


def tiers_for(name: str) -> list:
    out = []
    for tier in pvm.TIERS:
        marks = [] if tier == "interp" or name in FAST_ON_EVERY_TIER else [pytest.mark.slow]
        out.append(pytest.param(tier, marks=marks, id=tier))
    return out


@pytest.mark.parametrize("tier", tiers_for("forkwait"))
def test_fork_wait_and_exit_statuses(disk, tier):
    status, out = run(disk, "forkwait", tier)
    assert status == 0, out
    assert out == "".join(f"child {i}: reaped, status {10 + i}\n" for i in range(4, -1, -1)) + \
        "no more children: -1\n"


@pytest.mark.parametrize("tier", tiers_for("faults"))
def test_a_faulting_child_takes_down_neither_its_parent_nor_the_kernel(disk, tier):
    status, out = run(disk, "faults", tier)
    assert status == 0, out
    # the kernel says nothing itself: the parent (a shell, here the test) reports
    assert out.splitlines() == ["wild pointer: killed by signal 11", "write to code: killed by signal 11",
                                "divide by zero: killed by signal 8",
                                "privileged instruction: killed by signal 4",
                                "stack overflow: killed by signal 11",
                                "page given back: killed by signal 11", "parent still here"]


@pytest.mark.parametrize("tier", tiers_for("orphan"))
def test_orphans_go_to_init(disk, tier):
    status, out = run(disk, "orphan", tier)
    assert status == 0, out
    assert "child exited 0" in out and "grandchild: my parent is now 1" in out


@pytest.mark.parametrize("tier", tiers_for("many"))
def test_many_processes_in_a_row_give_every_page_back(disk, tier):
    status, out = run(disk, "many 300", tier)
    assert (status, out) == (0, "300 processes; free pages as before\n")


@pytest.mark.slow
def test_thousands_of_processes_in_a_row(disk):
    status, out = run(disk, "many 3000", "auto")
    assert (status, out) == (0, "3000 processes; free pages as before\n")


@pytest.mark.parametrize("tier", tiers_for("race"))
def test_preemption_lets_two_cpu_bound_processes_progress(disk, tier):
    status, out = run(disk, "race", tier)
    assert status == 0, out
    order = out.split()
    assert sorted(order) == ["A0", "A1", "A2", "A3", "B0", "B1", "B2", "B3"]
    assert order.index("B0") < order.index("A3") and order.index("A0") < order.index("B3")


@pytest.mark.parametrize("tier", tiers_for("heap"))
def test_the_heap_grows_and_then_sbrk_fails(disk, tier):
    status, out = run(disk, "heap", tier)
    assert status == 0, out
    mib = int(out.split()[3])
    assert 8 <= mib <= 24, out                   # no overcommit: at most the free pages


@pytest.mark.parametrize("tier", tiers_for("badptr"))
def test_bad_pointers_into_system_calls_are_efault(disk, tier):
    status, out = run(disk, "badptr", tier)
    assert (status, out) == (0, "26 of 26 calls with bad pointers said EFAULT\n")


@pytest.mark.parametrize("tier", tiers_for("killer"))
def test_kill_ends_a_sleeping_child(disk, tier):
    status, out = run(disk, "killer", tier)
    assert (status, out) == (0, "kill: 0\nchild killed by signal 9\nkill again: -1\n")


def test_the_last_commands_status_is_the_machines(disk):
    assert run(disk, "echo one; echo two")[0] == 0
    status, out = run(disk, "echo one; nosuchprogram")
    assert status == 127 and "nosuchprogram" in out


def test_killing_init_panics_with_a_status_of_its_own(disk):
    status, out = run(disk, "kill -9 1")
    assert status == 120 and "panic: init killed" in out


def test_the_console_output_is_the_same_on_every_tier(disk):
    outs = {tier: run(disk, "forkwait; faults; ps", tier) for tier in pvm.TIERS}
    assert len(set(outs.values())) == 1, outs


def test_a_nicer_process_yields_to_a_less_nice_one(disk):
    status, out = run(disk, "nicety")
    assert (status, out) == (0, "nice 0 done\nnice 19 done\n")
