"""Errors that reach a user: each prints as one clear line, never a traceback.

Exit statuses follow the shell's conventions for signals, so a guest fault
looks to scripts like the same fault in a native program:
    1    compile error            139  segmentation fault / stack overflow
    2    bad bytecode file/usage  136  arithmetic trap (divide by zero)
    134  abort / failed assert    152  out of fuel (like SIGXCPU)
    70   internal error: a bug in pvm itself (EX_SOFTWARE of sysexits.h)
    132  illegal instruction      135  machine check (double fault)
"""
from __future__ import annotations

EXIT_COMPILE = 1
EXIT_LOAD = 2
EXIT_SEGV = 139
EXIT_FPE = 136
EXIT_ABORT = 134
EXIT_FUEL = 152
EXIT_INTERNAL = 70
EXIT_ILL = 132
EXIT_BUS = 135


class PvmError(Exception):
    """Base of every error pvm reports to a user."""
    status = 1


class UsageError(PvmError):
    """A command line, option or argument pvm cannot use (exit status 2).
    Raised only for the user's mistakes: a bug in pvm is never one."""
    status = EXIT_LOAD


class LoadError(PvmError):
    """A bytecode file broke a rule of the format or the verifier."""
    status = EXIT_LOAD

    def __init__(self, filename: str, offset: int | None, rule: str):
        self.filename, self.offset, self.rule = filename, offset, rule
        where = f" at offset {offset:#x}" if offset is not None else ""
        super().__init__(f"{filename}: invalid bytecode{where}: {rule}")
