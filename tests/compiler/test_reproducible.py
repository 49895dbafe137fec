"""Bytecode holds nothing about the host it was built on: the same sources
built in two different directories give byte-identical .pvm files."""
import os
import subprocess
import sys

import pytest

from compiler.driver import compile_program
from compiler.stdlib_files import STDLIB_INCLUDE, STDLIB_SRC, portable_name
from pvm.bytecode.bcfile import encode

MAIN = '#include <stdio.h>\n#include "inc/util.h"\nint main(void) { printf("%d\\n", twice(21)); return 0; }\n'
UTIL = "static int twice(int x) { return 2 * x; }\n"


def make_tree(root):
    (root / "inc").mkdir(parents=True)
    (root / "main.c").write_text(MAIN)
    (root / "inc" / "util.h").write_text(UTIL)


def build_in(root, monkeypatch) -> bytes:
    monkeypatch.chdir(root)
    return encode(compile_program(["main.c"]))


def test_builds_in_two_directories_are_identical(tmp_path, monkeypatch):
    a, b = tmp_path / "one", tmp_path / "elsewhere" / "two"
    make_tree(a)
    make_tree(b)
    first, second = build_in(a, monkeypatch), build_in(b, monkeypatch)
    assert first == second
    assert str(tmp_path).encode() not in first
    assert os.fspath(STDLIB_SRC).encode() not in first


def test_file_names_are_portable(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files = compile_program(["main.c"]).files
    assert "main.c" in files and "inc/util.h" in files      # user files as given: relative stays relative
    assert "<stdlib>/crt0.c" in files
    assert not any(os.path.isabs(f) for f in files)


def test_portable_name():
    assert portable_name(str(STDLIB_SRC / "printf.c")) == "<stdlib>/printf.c"
    assert portable_name(str(STDLIB_INCLUDE / "stdio.h")) == "<stdlib>/include/stdio.h"
    assert portable_name("src/a.c") == "src/a.c"
    assert portable_name("/home/me/a.c") == "/home/me/a.c"   # absolute on the command line: as given


def test_host_path_finds_stdlib_sources_again():
    from compiler.stdlib_files import host_path
    for path in (STDLIB_SRC / "crt0.c", STDLIB_INCLUDE / "stdio.h"):
        assert host_path(portable_name(str(path))) == str(path)
    assert host_path("prog.c") == "prog.c"


def test_cli_build_is_reproducible(tmp_path):
    outs = []
    for name in ("x", "y"):
        root = tmp_path / name
        make_tree(root)
        r = subprocess.run([sys.executable, "-m", "pvm", "build", "main.c", "-o", "prog.pvm"], cwd=root,
                           capture_output=True, text=True)
        if r.returncode != 0:
            pytest.fail(r.stderr)
        outs.append((root / "prog.pvm").read_bytes())
    assert outs[0] == outs[1]
