"""Whole programs using the C library, each built on pvm's library (via the
host shim) and on glibc: stdout, stderr and exit status must be identical.

A program's opening comment can say how to run it:
    args: a b c          command-line arguments (shell-like quoting)
    stdin: text\\n...     standard input (\\n for newlines)
    merge-stderr         stderr into the same pipe as stdout (shows buffering)
    cwd-tmp              run in an empty temporary directory
"""
from __future__ import annotations

import re
import shlex

import pytest

from stdlib_harness import expected_env, program_files


def options(text: str) -> dict:
    head = text.split("*/", 1)[0]
    opts = {"args": [], "stdin": b"", "merge": False, "cwd_tmp": False}
    m = re.search(r"args: (.*)", head)
    if m:
        opts["args"] = shlex.split(m.group(1))
    m = re.search(r"stdin: (.*)", head)
    if m:
        opts["stdin"] = m.group(1).replace("\\n", "\n").encode()
    opts["merge"] = "merge-stderr" in head
    opts["cwd_tmp"] = "cwd-tmp" in head
    return opts


@pytest.mark.parametrize("path", program_files(), ids=lambda p: p.stem)
def test_program_matches_glibc(host, path, tmp_path):
    opts = options(path.read_text())
    env = expected_env()
    env["PVM_LONG_VAR"] = "x" * 1000
    host.compare(path, args=opts["args"], stdin=opts["stdin"], env=env,
                 cwd=tmp_path if opts["cwd_tmp"] else None, merge=opts["merge"])
