"""minios's in-guest test program, usertests (minios/user/usertests.c),
booted on each tier: every case prints `test NAME: OK`, the kernel's free
pages, inodes, blocks and open files end where they began, and the run
ends `ALL TESTS PASSED` with status 0.  Then the disk image it wrote (a
full disk, a storm of random calls, files made and unlinked) must pass
`pvm fsck`, and a file written in one boot is there in the next.

The interpreter runs it by default; the JIT and auto boots compile the
kernel and usertests first, so they are marked slow."""
from __future__ import annotations

import re

import pytest

import pvm
from pvm.tools import fsck, mkfs
from booted import run
from pvm.tools.fsimage import Image

CASES = re.compile(r"^test (\w+): (OK|FAILED.*)$", re.M)


def fresh_disk(tmp_path) -> str:
    img = tmp_path / "usertests.img"
    mkfs.mkfs(str(img))
    return str(img)


def assert_clean(disk: str) -> None:
    check = fsck.check(Image.open(disk))
    assert check.problems == [], check.problems


@pytest.mark.parametrize("tier", [pytest.param(t, marks=[] if t == "interp" else [pytest.mark.slow],
                                               id=t) for t in pvm.TIERS])
def test_usertests_pass(tmp_path, tier):
    disk = fresh_disk(tmp_path)
    status, out = run(disk, "usertests", tier)
    results = dict(CASES.findall(out))
    assert len(results) >= 20 and set(results.values()) == {"OK"}, out
    assert "free pages/inodes/blocks back to start" in out, out
    assert out.endswith("ALL TESTS PASSED\n") and status == 0, out
    assert_clean(disk)


def test_usertests_runs_the_cases_named_and_q_is_quiet(tmp_path):
    disk = fresh_disk(tmp_path)
    status, out = run(disk, "usertests forkwait pipeeof")
    assert (status, out) == (0, "test forkwait: OK\ntest pipeeof: OK\n"
                                "free pages/inodes/blocks back to start\nALL TESTS PASSED\n")
    assert run(disk, "usertests -q files") == (0, "ALL TESTS PASSED\n")
    status, out = run(disk, "usertests nosuchtest")
    assert status == 2 and "usertests: no test nosuchtest" in out


def test_a_file_outlives_the_boot_that_wrote_it(tmp_path):
    disk = fresh_disk(tmp_path)
    assert run(disk, "echo persistent > /tmp/p") == (0, "")
    assert_clean(disk)
    assert run(disk, "cat /tmp/p") == (0, "persistent\n")
    assert_clean(disk)
