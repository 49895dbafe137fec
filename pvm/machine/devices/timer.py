"""The interval timer: IRQ_TIMER every INTERVAL executed instructions.

Time is the machine's instruction count, so the timer fires at the same
instruction on every tier and every run.  The machine keeps one deadline:
the timer arms it with host.set_timer(instructions from now) and the
machine calls fire() once it has passed (at the first block boundary at or
after it, MACHINE-DESIGN §3).  The next deadline counts from the one that
passed, not from when the interrupt was taken, so periods do not drift; a
deadline already behind the count is skipped rather than delivered late.
"""
from __future__ import annotations

from pvm.abi import memmap
from .bus import DeviceModel


class Timer(DeviceModel):
    spec = memmap.DEVICE["timer"]

    def __init__(self, host):
        self.host = host            # icount, set_timer(interval), raise_irq(line)
        self.interval = 0           # 0: stopped
        self.deadline = 0           # the instruction count of the next interrupt

    def fire(self) -> None:
        if not self.interval:       # stopped since it was armed
            return
        self.host.raise_irq(memmap.IRQ_TIMER)
        now = self.host.icount
        self.deadline += self.interval
        if self.deadline <= now:    # the interval is shorter than the delay
            self.deadline += (now - self.deadline) // self.interval * self.interval + self.interval
        self.host.set_timer(self.deadline - now)

    # ---- registers ----------------------------------------------------------
    def read_interval(self) -> int:
        return self.interval

    def write_interval(self, value: int) -> None:
        self.interval = max(value, 0)           # a negative interval stops it too
        self.deadline = self.host.icount + self.interval
        self.host.set_timer(self.interval)

    def read_count(self) -> int:
        return self.host.icount
