"""The power device: HALT ends the run, with the guest's exit status.

Halt and panic go through this register, not an opcode (MACHINE-DESIGN §4).
"""
from __future__ import annotations

from pvm.abi import memmap
from ..traps import GuestExit
from .bus import DeviceModel


class PowerOff(GuestExit):
    """The guest powered the machine off: a normal end of the run, so the
    run loops treat it as they treat exit(), with `status` (0-255)."""


class Power(DeviceModel):
    spec = memmap.DEVICE["power"]

    def write_halt(self, value: int) -> None:
        raise PowerOff(value & 0xFF)
