"""Build helpers for the C library tests.

The library is compiled with the host gcc against tests/stdlib/host_shim.c
(no glibc at all: -nostdinc -nostdlib), so its output can be compared with
the same program compiled normally against glibc.  The library objects are
built once per test session (in parallel); each test program then costs one
gcc run per side.
"""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest
from stdlib_harness import expected_env, program_files  # noqa: F401  (shared with the tests)

ROOT = pathlib.Path(__file__).resolve().parents[2]
STDLIB = ROOT / "stdlib"
SHIM = pathlib.Path(__file__).resolve().parent / "host_shim.c"
PROGRAMS = pathlib.Path(__file__).resolve().parent / "programs"

COMMON = ["-O0", "-w", "-std=gnu99", "-fno-pie", "-no-pie", "-fno-strict-aliasing"]
LIB_FLAGS = COMMON + ["-O1", "-g", "-nostdinc", "-isystem", str(STDLIB / "include"), "-ffreestanding",
                      "-fno-builtin", "-fno-stack-protector", "-fno-tree-loop-distribute-patterns",
                      "-fno-math-errno", "-D__pvm_host__"]   # __builtin_sqrt is sqrtsd, as FSQRT


class Host:
    """Builds and runs test programs against pvm's library or glibc."""

    def __init__(self, workdir: pathlib.Path, objects: list[pathlib.Path]):
        self.workdir = workdir
        self.objects = objects
        self.count = 0

    def _source(self, src: str | pathlib.Path) -> pathlib.Path:
        if isinstance(src, pathlib.Path):
            return src
        self.count += 1
        path = self.workdir / f"prog{self.count}.c"
        path.write_text(src)
        return path

    def build(self, src, extra=()) -> pathlib.Path:
        """Compile a program against pvm's C library (via the host shim)."""
        path = self._source(src)
        exe = self.workdir / "pvmlib" / path.stem
        exe.parent.mkdir(exist_ok=True)
        obj = self.workdir / (path.stem + ".o")
        _gcc([*LIB_FLAGS, *extra, "-c", str(path), "-o", str(obj)])
        _gcc(["-nostdlib", "-static", "-no-pie", "-e", "__host_entry", "-o", str(exe),
              str(obj), *map(str, self.objects), "-lgcc"])
        return exe

    def build_glibc(self, src, extra=()) -> pathlib.Path:
        """Compile the same program normally, against glibc and libm."""
        path = self._source(src)
        exe = self.workdir / "glibc" / path.stem
        exe.parent.mkdir(exist_ok=True)
        _gcc([*COMMON, *extra, str(path), "-o", str(exe), "-lm"])
        return exe

    @staticmethod
    def run(exe, args=(), stdin: bytes = b"", env=None, cwd=None,
            merge=False) -> subprocess.CompletedProcess:
        """Run exe; with merge, stderr goes into the same pipe as stdout."""
        return subprocess.run([str(exe), *args], input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT if merge else subprocess.PIPE,
                              timeout=60, env=env, cwd=cwd)

    def compare(self, src, args=(), stdin: bytes = b"", stderr=True, env=None, cwd=None,
                merge=False):
        """Build both ways, run both, and assert identical output and status."""
        path = self._source(src)
        mine = self.run(self.build(path), args, stdin, env, cwd, merge)
        theirs = self.run(self.build_glibc(path), args, stdin, env, cwd, merge)
        assert mine.stdout.decode(errors="replace") == theirs.stdout.decode(errors="replace")
        if stderr and not merge:
            assert mine.stderr.decode(errors="replace") == theirs.stderr.decode(errors="replace")
        assert mine.returncode == theirs.returncode
        return mine


def _gcc(args):
    r = subprocess.run(["gcc", *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError("gcc failed:\n" + r.stderr)


@pytest.fixture(scope="session")
def host(tmp_path_factory) -> Host:
    if not shutil.which("gcc"):
        pytest.skip("gcc is not installed")
    work = tmp_path_factory.mktemp("stdlib")
    sources = sorted((STDLIB / "src").glob("*.c")) + [SHIM]
    procs, objects = [], []
    for src in sources:
        obj = work / (src.stem + ".lib.o")
        objects.append(obj)
        procs.append((src, subprocess.Popen(
            ["gcc", *LIB_FLAGS, "-c", str(src), "-o", str(obj)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    for src, p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            raise AssertionError(f"gcc failed on {src.name}:\n{err}")
    return Host(work, objects)
