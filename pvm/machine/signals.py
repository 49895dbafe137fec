"""Signals that leave running code for the run loop: not guest faults.

Translated code (pvm/interp) and the JIT's bridge (pvm/jit/tier.py) raise
these to hand control to the run loop (pvm/exec/loop.py), with the machine
state brought up to date first (m.func, m.pc, m.fp, m.fuel, m.regs or the
frame's save area), so the loop can go on with any tier.  They live with the
machine because both tiers raise them and neither may import the other.
"""
from __future__ import annotations


class Unwind(Exception):
    """Leave running code for the run loop (not a guest trap)."""


class Step(Unwind):
    """The fuel left does not cover the next block: step instructions one by
    one from m.func/m.pc with m.regs."""


class TierUp(Unwind):
    """A loop got hot: compile this function and continue natively (OSR)."""

    def __init__(self, findex: int):
        super().__init__(findex)
        self.findex = findex


class FlatCall(Unwind):
    """Call function `callee` through the run loop (deep recursion, or a
    call the running code cannot make itself): the caller's registers are
    spilled, m.args holds the arguments and m.pc the resume point."""

    def __init__(self, callee: int):
        super().__init__(callee)
        self.callee = callee
