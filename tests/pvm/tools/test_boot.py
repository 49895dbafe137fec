"""pvm boot: build minios (kernel + default disk image, cached) and boot it.

The minios kernel and user programs are not in this tree: each test builds a
stand-in minios tree in a temporary directory, with a tiny "kernel" that
prints its argv, reads the disk's superblock, scribbles over it (a boot must
not change the default image) and powers off with status 3."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pvm import cli
from pvm.tools import boot, fsimage, mkfs

KERNEL = """\
#include <pvm/machine.h>
#include <stdio.h>
#include <string.h>
#include "kernel.h"

static char sector[512];

static long disk(long cmd, long n) {
    *DISK_SECTOR = n;
    *DISK_ADDR = (long)sector;
    *DISK_COMMAND = cmd;
    return *DISK_STATUS;
}

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = %s\\n", i, argv[i]);
    printf("disk: %ld sectors\\n", *DISK_SECTORS);
    if (*DISK_SECTORS == 0)
        return 1;
    disk(DISK_COMMAND_READ, 2);          /* the superblock: block 1 */
    printf("magic %.8s, %d blocks\\n", sector, *(int *)(sector + 8));
    memset(sector, 'x', sizeof sector);
    disk(DISK_COMMAND_WRITE, 2);
    char line[64];
    if (fgets(line, sizeof line, stdin))
        printf("console: %s", line);
    return exit_status();
}
"""

STATUS = "int exit_status(void) { return KERNEL_STATUS; }\n"


@pytest.fixture
def tree(tmp_path):
    t = tmp_path / "minios"
    for d in ("kernel", "include", "user"):
        (t / d).mkdir(parents=True)
    (t / "include" / "kernel.h").write_text("#define KERNEL_STATUS 3\nint exit_status(void);\n")
    (t / "kernel" / "main.c").write_text(KERNEL)
    (t / "kernel" / "status.c").write_text('#include "kernel.h"\n' + STATUS)
    (t / "user" / "sh.c").write_text("int main(void) { return 0; }\n")
    (t / "user" / "init.c").write_text("int main(void) { return 0; }\n")
    return t


@pytest.fixture
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("PVM_CACHE", str(d))
    return d


def entries(cache_dir):
    top = cache_dir / "minios"
    return sorted(p.name for p in top.iterdir()) if top.is_dir() else []


def test_boot_runs_the_kernel_with_the_disk_and_returns_its_status(tree, cache):
    r = boot.boot(run="echo hi; ps", stdin=b"typed\n", tier="interp", minios=tree)
    assert r.status == 3, r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    assert lines[:3] == ["argv[0] = minios", "argv[1] = -c", "argv[2] = echo hi; ps"]
    sectors = len(boot.build_disk(tree)) // 512
    assert lines[3:] == [f"disk: {sectors} sectors", f"magic PVMFS001, {sectors // 2} blocks",
                         "console: typed"]
    assert r.stderr == b""
    # the cached default image is intact after the kernel wrote over its superblock
    (key,) = entries(cache)
    img = (cache / "minios" / key / "disk.img").read_bytes()
    assert fsimage.Image(bytearray(img)).listdir("/bin") == ["init", "sh"]
    r = boot.boot(tier="interp", minios=tree)
    assert r.stdout.decode().splitlines()[:1] == ["argv[0] = minios"]
    assert "magic PVMFS001, " in r.stdout.decode() and r.status == 3


def test_the_cache_is_reused_and_rebuilt_when_a_source_changes(tree, cache):
    assert boot.boot(tier="interp", minios=tree).status == 3
    (first,) = entries(cache)
    assert first == boot.source_key(tree)
    kernel = cache / "minios" / first / "kernel.pvm"
    mtime = kernel.stat().st_mtime_ns
    assert boot.boot(tier="interp", minios=tree).status == 3
    assert entries(cache) == [first] and kernel.stat().st_mtime_ns == mtime   # a hit
    (tree / "include" / "kernel.h").write_text("#define KERNEL_STATUS 5\nint exit_status(void);\n")
    assert boot.boot(tier="interp", minios=tree).status == 5
    assert len(entries(cache)) == 2
    (tree / "user" / "ls.c").write_text("int main(void) { return 0; }\n")
    assert boot.boot(tier="interp", minios=tree).status == 5
    assert len(entries(cache)) == 3
    img = (cache / "minios" / boot.source_key(tree) / "disk.img").read_bytes()
    assert fsimage.Image(bytearray(img)).listdir("/bin") == ["init", "ls", "sh"]


def test_the_key_covers_every_source(tree):
    key = first = boot.source_key(tree)
    assert boot.source_key(tree) == key
    for path, text in [("kernel/main.c", KERNEL + "\n"), ("user/new.c", "x"),
                       ("include/more.h", ""), ("README", "docs count too")]:
        (tree / path).write_text(text)
        assert boot.source_key(tree) != key, path
        key = boot.source_key(tree)
    (tree / "kernel" / "main.c").write_text(KERNEL)   # back to an earlier content: its key again
    (tree / "user" / "new.c").unlink()
    (tree / "include" / "more.h").unlink()
    (tree / "README").unlink()
    assert boot.source_key(tree) == first               # by content, not by time
    assert boot.source_key(tree.parent / "elsewhere") != first


def test_no_cache(tree, monkeypatch, tmp_path):
    monkeypatch.setenv("PVM_CACHE", "off")
    r = boot.boot(run="x", tier="interp", minios=tree)
    assert r.status == 3 and "magic PVMFS001" in r.stdout.decode()


def test_an_image_of_ones_own(tree, cache, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    for name in "abc":
        (d / name).write_text(name)
    img = tmp_path / "mine.img"
    mkfs.mkfs(img, [d], tree, size=300)
    r = boot.boot(tier="interp", minios=tree, disk=str(img))
    assert r.status == 3 and "magic PVMFS001, 300 blocks" in r.stdout.decode()
    assert img.read_bytes()[1024:1032] == b"x" * 8      # written, as pvm run --disk does
    r = boot.boot(tier="interp", minios=tree, disk=str(tmp_path / "nowhere.img"))
    assert r.status == 1 and b"no such disk image" in r.stderr


def test_no_kernel_sources(tree, cache):
    for f in (tree / "kernel").iterdir():
        f.unlink()
    r = boot.boot(minios=tree)
    assert r.status == 1 and b"no kernel" in r.stderr and b"kernel" in r.stderr
    assert entries(cache) == []


def test_a_kernel_that_does_not_compile(tree, cache):
    (tree / "kernel" / "status.c").write_text("int exit_status(void) { return }\n")
    r = boot.boot(tier="interp", minios=tree)
    assert r.status == 1 and b"status.c:1:" in r.stderr and b"error" in r.stderr
    assert entries(cache) == []


def test_the_command_line(tree, tmp_path):
    env = dict(os.environ, PVM_CACHE=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "pvm", "boot", "--minios", str(tree), "--tier=interp",
           "--deterministic", "--memory", "16M"]
    r = subprocess.run([*cmd, "--run", "echo a; echo b"], input=b"in\n", capture_output=True,
                       env=env, timeout=300)
    assert r.returncode == 3, r.stderr.decode()
    assert r.stdout.decode().splitlines()[:3] == ["argv[0] = minios", "argv[1] = -c",
                                                 "argv[2] = echo a; echo b"]
    assert b"console: in" in r.stdout and b"Traceback" not in r.stderr
    for f in (tree / "kernel").iterdir():
        f.unlink()
    r = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
    assert r.returncode == 1 and b"no kernel" in r.stderr and b"Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "pvm", "boot", "--help"], capture_output=True,
                       timeout=60)
    assert r.returncode == 0 and b"--run" in r.stdout


def test_cli_main_in_process(tree, cache, capsys):
    # the console is this process's stdin and stdout (not captured by capsys
    # at the file-descriptor level), so only the status is checked here
    assert cli.main(["boot", "--minios", str(tree / "missing")]) == 1
    assert "no kernel" in capsys.readouterr().err
