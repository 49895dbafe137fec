"""The device bus: guest loads and stores in the device window, routed to
the device models by pvm/abi/memmap.py's table.

The bus owns the rules every device shares, so a model only says what its
registers do: a register is 8 bytes at a multiple of 8 within its device's
page; an access of 1, 2, 4 or 8 bytes at that offset reads the low bytes
(as an unsigned number; 8 bytes read as a signed one) or writes a
zero-extended value; a read of a write-only register, a write of a
read-only one, any other offset and any page without a device raise
SegFault, as a bad memory access does.  (User mode never gets here: the
machine refuses device accesses from user mode before asking the bus.)

A model names its register handlers after the table: `read_<register>` and
`write_<register>` in lower case, one for each direction the table allows.
The bus looks them up when it is built, so a model that disagrees with the
table fails at once rather than at the guest's first access.
"""
from __future__ import annotations

from typing import Callable, Iterable

from pvm.abi import memmap
from ..traps import SegFault

_MASK64 = (1 << 64) - 1


def signed64(value: int) -> int:
    value &= _MASK64
    return value - (1 << 64) if value >> 63 else value


class DeviceModel:
    """Base class of the device models: `spec` is the device's row of the map."""
    spec: memmap.Device

    def close(self) -> None:
        """Release host resources (files); the machine calls it at power-off."""


class Bus:
    def __init__(self, devices: Iterable[DeviceModel]):
        self.devices: dict[str, DeviceModel] = {}
        # page index -> register index -> (reader, writer); None where the table forbids
        self._pages: dict[int, list[tuple[Callable | None, Callable | None]]] = {}
        for device in devices:
            spec = device.spec
            if spec.index in self._pages:
                raise ValueError(f"two devices on page {spec.index}")
            self.devices[spec.name] = device
            self._pages[spec.index] = [
                (getattr(device, f"read_{r.name.lower()}") if "r" in r.access else None,
                 getattr(device, f"write_{r.name.lower()}") if "w" in r.access else None)
                for r in spec.registers]

    @staticmethod
    def covers(address: int) -> bool:
        """Whether `address` is in the device window (a register or not)."""
        return memmap.DEVICE_BASE <= address < memmap.DEVICE_BASE + memmap.DEVICE_WINDOW_SIZE

    def _handlers(self, address: int, size: int, access: str):
        offset = address - memmap.DEVICE_BASE
        page, within = divmod(offset, memmap.DEVICE_PAGE_SIZE)
        registers = self._pages.get(page) if self.covers(address) else None
        index, misaligned = divmod(within, memmap.REGISTER_SIZE)
        if registers is None or misaligned or index >= len(registers) or size not in (1, 2, 4, 8):
            raise SegFault(access, address)
        return registers[index]

    def load(self, address: int, size: int) -> int:
        reader, _ = self._handlers(address, size, "read")
        if reader is None:
            raise SegFault("read", address)
        value = reader()
        return signed64(value) if size == 8 else value & ((1 << 8 * size) - 1)

    def store(self, address: int, size: int, value: int) -> None:
        _, writer = self._handlers(address, size, "write")
        if writer is None:
            raise SegFault("write", address)
        writer(signed64(value) if size == 8 else value & ((1 << 8 * size) - 1))

    # ---- what the machine calls besides loads and stores --------------------
    def timer_fired(self) -> None:
        """The deadline the timer last set with host.set_timer has passed."""
        self.devices["timer"].fire()

    def poll(self) -> None:
        """Let the devices notice host-side events (console input arriving)
        and raise their interrupts; the machine calls it now and then, e.g.
        at timer interrupts and before WFI sleeps."""
        for device in self.devices.values():
            poll = getattr(device, "poll", None)
            if poll is not None:
                poll()

    def wait_for_input(self, timeout: float | None = None) -> bool:
        """Block until console input (or its end) is ready, at most `timeout`
        seconds (None: no limit): WFI with no timer armed.  True if ready."""
        console = self.devices.get("console")
        return console is not None and console.wait(timeout)

    def close(self) -> None:
        for device in self.devices.values():
            device.close()
