"""minios part 2, booted: files, directories, pipes and the shell, threads,
system()/popen(), the printer spooler and a disk that keeps what was
written, each seen the way a user sees it, through `pvm boot --run` (the
programs of tests/minios/progs2 are on the disk).  usertests
(test_usertests.py) checks the kernel's promises one by one.

The interpreter runs every case; the JIT and auto a sample (slow: a first
JIT boot compiles the kernel)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pvm
from pvm.tools import fsck, fsimage, mkfs
from booted import run
from pvm.tools.boot import boot

PROGS = Path(__file__).resolve().parent / "progs2"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def image(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("minios2")
    tree = d / "tree"
    shutil.copytree(PROGS, tree)
    shutil.copy(EXAMPLES / "machine" / "uthreads.c", tree / "uthreads.c")
    img = d / "base.img"
    mkfs.mkfs(str(img), [str(tree)])
    return img


@pytest.fixture
def disk(image, tmp_path) -> str:
    """A fresh copy of the image for one test: boots write to their disk."""
    copy = tmp_path / "disk.img"
    shutil.copy(image, copy)
    return str(copy)


def tiers(*fast):
    return [pytest.param(t, id=t, marks=[] if t == "interp" or t in fast else [pytest.mark.slow])
            for t in pvm.TIERS]


@pytest.mark.parametrize("tier", tiers())
def test_pipelines_redirection_and_directories(disk, tier):
    status, out = run(disk, "echo a b c | wc; echo x > /tmp/f; echo y >> /tmp/f; cat < /tmp/f; "
                            "cat /tmp/f | grep y | wc; mkdir /tmp/d; cd /tmp/d; echo z > here; "
                            "cat here; cd ..; ls d; rm d/here; rm d; ls; grep nothing f", tier)
    lines = out.splitlines()
    assert lines[:5] == ["      1       3       6", "x", "y", "      1       1       2", "z"]
    assert [line.split()[:2] for line in lines[5:]] == [
        [".", "dir"], ["..", "dir"], ["here", "file"],           # ls d
        [".", "dir"], ["..", "dir"], ["f", "file"]]              # ls of /tmp, d gone
    assert status == 1                                           # grep found nothing


def test_a_killed_command_is_reported_and_background_jobs(disk):
    status, out = run(disk, "segv; sleep 1 & echo now; sleep 2; echo after")
    lines = out.splitlines()
    assert lines[0].startswith("Segmentation fault (pid ")
    job = lines[1]
    assert job.startswith("[") and lines[2:] == ["now", "after", f"{job} Done"]
    assert status == 0


@pytest.mark.parametrize("tier", tiers("jit"))
def test_kernel_threads_and_mutexes(disk, tier):
    status, out = run(disk, "kthreads", tier)
    assert status == 0, out
    assert out.splitlines() == [f"joined thread {i}: 0, value {10 * i}" for i in range(1, 5)] + \
        ["counter 1200 (want 1200)", "runaway thread: killed by signal 11"]


def test_user_level_threads_run_under_minios_as_under_pvm_run(disk):
    bare = pvm.run_file(str(EXAMPLES / "machine" / "uthreads.c"))
    status, out = run(disk, "uthreads")
    assert (status, out) == (bare.status, bare.stdout.decode())


def test_system_and_popen_run_the_shell(disk):
    status, out = run(disk, "shellcalls")
    assert status == 0, out
    lines = out.splitlines()
    assert "      1       3      17" in lines                     # popen("wc", "w")'s output
    lines.remove("      1       3      17")
    assert lines == ["system: exit 3", "file: made by system", "popen read: one", "popen read: two",
                     "pclose: 0", "pclose wc: 0", "system(NULL): 1"]


def test_the_spooler_prints_queued_jobs_in_order(disk, tmp_path):
    printer = tmp_path / "printer.out"
    status, out = run(disk, "echo page one > /tmp/a; lpr /tmp/a; echo page two | lpr; sleep 1; lpq",
                      printer=str(printer))
    assert (status, out) == (0, "no entries\n")
    assert printer.read_text() == "page one\npage two\n"


def test_without_a_printer_jobs_stay_queued(disk):
    status, out = run(disk, "echo a | lpr; echo bb | lpr; sleep 1; lpq")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "lpd: /dev/printer: Input/output error"      # said once, not per retry
    assert lines[1].split() == ["RANK", "JOB", "NAME", "SIZE"]
    assert [line.split()[1:] for line in lines[2:]] == [["1", "stdin", "2"], ["2", "stdin", "3"]]


def test_files_persist_across_boots_and_the_disk_stays_consistent(disk):
    assert run(disk, "mkdir /home; echo kept > /home/note; echo gone > /tmp/x; rm /tmp/x") == (0, "")
    status, out = run(disk, "cat /home/note; ls /tmp")
    assert status == 0 and out.splitlines()[0] == "kept"
    assert [line.split()[0] for line in out.splitlines()[1:]] == [".", ".."]
    image = fsimage.Image.open(disk)
    assert image.read_file("/home/note") == b"kept\n"
    assert fsck.check(image).problems == []


@pytest.mark.parametrize("tier", tiers())
def test_a_process_whose_registers_cannot_be_saved_dies_alone(disk, tier):
    # the machine reports STATUS_LOST instead of stopping with a double fault
    assert run(disk, "lostframe; echo still here", tier) == (0, "child: killed by signal 11\nstill here\n")


def test_a_committed_transaction_the_machine_did_not_install_is_installed_at_boot(disk):
    # as if the host died between the log's commit and the install: the
    # header says block `home` (the file's data) is in the log, with new bytes
    assert run(disk, "echo old > /note") == (0, "")
    image = fsimage.Image.open(disk)
    home = image.inode(image.lookup("/note")).addrs[0]
    logged = bytearray(image.block(home))
    logged[:4] = b"new\n"
    start = image.layout.logstart
    image.block(start + 1)[:] = logged
    image.block(start)[:8] = (1).to_bytes(4, "little") + home.to_bytes(4, "little")
    image.save(disk)
    assert "log holds 1 committed block" in " ".join(fsck.check(fsimage.Image.open(disk)).problems)
    r = boot(run="cat /note", tier="interp", disk=disk, deterministic=True)
    lines = r.stdout.decode().splitlines()
    assert lines[0] == "minios: log: installing 1 blocks of an interrupted transaction"
    assert lines[1].startswith("minios: ") and lines[2:] == ["new"] and r.status == 0
    assert fsck.check(fsimage.Image.open(disk)).problems == []
