"""The machine's devices, built and plugged into one Bus.

`host` is what the devices need from the machine (MachineHost below); the
rest comes from the command line: the console's streams, the disk image,
the printer file, and whether time is deterministic.
"""
from __future__ import annotations

from typing import Protocol

from .bus import Bus
from .console import Console
from .disk import Disk
from .power import Power
from .printer import Printer
from .rtc import Rtc
from .timer import Timer


class MachineHost(Protocol):
    """The machine as the devices see it."""

    memory: object          # a GuestMemory: read(addr, n) / write(addr, data), SegFault when bad

    @property
    def icount(self) -> int:
        """Instructions executed since power-on, exact at the moment of the access."""

    def raise_irq(self, line: int) -> None:
        """Set pending bit 1 << line."""

    def set_timer(self, interval: int) -> None:
        """Call bus.timer_fired() once `interval` more instructions have run
        (replacing any earlier deadline); 0 disarms."""


def make_devices(host: MachineHost, *, stdin, stdout, disk=None, printer=None,
                 deterministic: bool = False) -> Bus:
    """stdin/stdout: binary streams; disk: path of the disk image (opened
    read-write) or None; printer: path of the file to append to, or None."""
    return Bus([Power(), Console(host, stdin, stdout), Timer(host),
                Rtc(host, deterministic), Disk(host, disk), Printer(printer)])
