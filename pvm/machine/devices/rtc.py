"""The real-time clock: time since 1970 in SECONDS and NANOS.

Host time by default; with deterministic time it is derived from the
instruction count at RTC_NOMINAL_RATE instructions per second from the
epoch, so a run's output does not depend on when or how fast it ran.

Reading SECONDS samples the clock and holds that sample's nanoseconds for
the next NANOS read, so the pair is one instant even when a second turns
between the two loads; NANOS read on its own samples afresh.
"""
from __future__ import annotations

import time

from pvm.abi import memmap
from .bus import DeviceModel

NS_PER_SECOND = 1_000_000_000


class Rtc(DeviceModel):
    spec = memmap.DEVICE["rtc"]

    def __init__(self, host, deterministic: bool = False):
        self.host = host                # icount (deterministic time only)
        self.deterministic = deterministic
        self.held_nanos: int | None = None

    def now_ns(self) -> int:
        if self.deterministic:
            return self.host.icount * NS_PER_SECOND // memmap.RTC_NOMINAL_RATE
        return time.time_ns()

    # ---- registers ----------------------------------------------------------
    def read_seconds(self) -> int:
        seconds, self.held_nanos = divmod(self.now_ns(), NS_PER_SECOND)
        return seconds

    def read_nanos(self) -> int:
        if self.held_nanos is None:
            return self.now_ns() % NS_PER_SECOND
        nanos, self.held_nanos = self.held_nanos, None
        return nanos
