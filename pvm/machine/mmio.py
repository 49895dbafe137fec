"""Device registers reached by ordinary loads and stores (memory-mapped I/O).

Fast code (translated or native) treats every address outside guest memory
as a fault, so bare programs pay nothing for devices.  When such a fault
hits the device window, the run loop runs that one instruction again on a
stepper whose load and store helpers are these: they pass device addresses
to the bus (in kernel mode; from user mode they are a protection fault) and
everything else to the ordinary helpers.  The instruction count is exact
there, which is what the timer and the clock read.
"""
from __future__ import annotations

from pvm.abi import memmap as MM
from .traps import ProtectionFault, SegFault

# helper name -> (bytes, signed); floating loads and stores of device
# registers are faults, as they are not in this table
LOADS = {"ld8": (1, True), "ld8u": (1, False), "ld16": (2, True), "ld16u": (2, False),
         "ld32": (4, True), "ld64": (8, True)}
STORES = {"st8": 1, "st16": 2, "st32": 4, "st64": 8}


def with_devices(namespace: dict, machine) -> dict:
    """A copy of a helper namespace whose loads and stores reach devices."""
    out = dict(namespace)
    for name, (size, signed) in LOADS.items():
        out[name] = _load(namespace[name], machine, size, signed)
    for name, size in STORES.items():
        out[name] = _store(namespace[name], machine, size)
    return out


def in_device_window(address: int) -> bool:
    return MM.DEVICE_BASE <= address < MM.DEVICE_BASE + MM.DEVICE_WINDOW_SIZE


def _device(machine, address: int, access: str):
    if not in_device_window(address):
        return None
    bus = machine.bus
    if bus is None:
        return None
    if machine.status & MM.STATUS_USER:
        raise ProtectionFault(f"device {access} of", address)
    return bus


def _load(plain, machine, size: int, signed: bool):
    bits = 8 * size

    def load(a):
        try:
            return plain(a)
        except SegFault:
            bus = _device(machine, a, "read")
            if bus is None:
                raise
            v = bus.load(a, size) & ((1 << bits) - 1)
            return v - (1 << bits) if signed and v >> (bits - 1) else v
    return load


def _store(plain, machine, size: int):
    mask = (1 << 8 * size) - 1

    def store(a, v):
        try:
            plain(a, v)
        except SegFault:
            bus = _device(machine, a, "write")
            if bus is None:
                raise
            bus.store(a, size, v & mask)
    return store
