"""The minidisk: 512-byte sectors of a host file, moved by DMA.

The guest sets SECTOR and ADDR, then writes a command to COMMAND.  The
transfer completes during that store: STATUS tells how it ended, and with
CTRL_DONE_IRQ set IRQ_DISK is raised (after a failed command too, since it
has completed).  The buffer is reached through the machine's GuestMemory,
under the same rules as the guest's own accesses: a bad buffer address
fails the command with STATUS_BAD_ADDR instead of faulting the guest.
The size is fixed when the disk is attached: the whole sectors of the file.
"""
from __future__ import annotations

import os

from pvm.abi import memmap
from ..traps import SegFault
from .bus import DeviceModel

SECTOR_SIZE = memmap.DISK_SECTOR_SIZE
_K = {c.name: c.value for c in memmap.DEVICE["disk"].constants}
COMMAND_READ, COMMAND_WRITE = _K["COMMAND_READ"], _K["COMMAND_WRITE"]
STATUS_OK, STATUS_BAD_SECTOR, STATUS_BAD_ADDR = _K["STATUS_OK"], _K["STATUS_BAD_SECTOR"], _K["STATUS_BAD_ADDR"]
STATUS_NO_DISK, STATUS_BAD_COMMAND = _K["STATUS_NO_DISK"], _K["STATUS_BAD_COMMAND"]
DONE_IRQ = _K["CTRL_DONE_IRQ"]


class Disk(DeviceModel):
    spec = memmap.DEVICE["disk"]

    def __init__(self, host, path=None):
        self.host = host                # memory (read/write), raise_irq(line)
        self.file = open(path, "r+b") if path is not None else None
        self.sectors = os.fstat(self.file.fileno()).st_size // SECTOR_SIZE if self.file else 0
        self.sector = self.addr = self.ctrl = 0
        self.status = STATUS_OK if self.file else STATUS_NO_DISK

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def _transfer(self, command: int) -> int:
        """Carry out one command; its STATUS value."""
        if self.file is None:
            return STATUS_NO_DISK
        if command not in (COMMAND_READ, COMMAND_WRITE):
            return STATUS_BAD_COMMAND
        if not 0 <= self.sector < self.sectors:
            return STATUS_BAD_SECTOR
        self.file.seek(self.sector * SECTOR_SIZE)
        try:
            if command == COMMAND_READ:
                self.host.memory.write(self.addr, self.file.read(SECTOR_SIZE))
            else:
                self.file.write(self.host.memory.read(self.addr, SECTOR_SIZE))
                self.file.flush()
        except SegFault:
            return STATUS_BAD_ADDR
        return STATUS_OK

    # ---- registers ----------------------------------------------------------
    def read_sector(self) -> int:
        return self.sector

    def write_sector(self, value: int) -> None:
        self.sector = value

    def read_addr(self) -> int:
        return self.addr

    def write_addr(self, value: int) -> None:
        self.addr = value

    def write_command(self, value: int) -> None:
        self.status = self._transfer(value)
        if self.ctrl & DONE_IRQ:
            self.host.raise_irq(memmap.IRQ_DISK)

    def read_status(self) -> int:
        return self.status

    def read_sectors(self) -> int:
        return self.sectors

    def read_ctrl(self) -> int:
        return self.ctrl

    def write_ctrl(self, value: int) -> None:
        self.ctrl = value & DONE_IRQ
