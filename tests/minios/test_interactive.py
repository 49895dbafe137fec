"""`pvm boot` on a terminal: the minios shell's prompt, a command, halt."""
from __future__ import annotations

import sys

import pytest

pexpect = pytest.importorskip("pexpect")


def test_boot_drops_into_the_shell_on_the_terminal():
    child = pexpect.spawn(sys.executable, ["-m", "pvm", "boot", "--tier=interp"],
                          timeout=120, encoding="utf-8")
    child.expect("minios: ")
    child.expect(r"\$ ")
    child.sendline("echo hello from the terminal")
    child.expect("hello from the terminal\r?\n")
    child.expect(r"\$ ")
    child.sendline("ps")
    child.expect("init")
    child.expect(r"\$ ")
    child.sendline("halt")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
