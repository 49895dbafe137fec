"""The line printer: each byte written to DATA is appended to a host file
(`--printer FILE`).  Without a file STATUS_READY is clear and output is
dropped, as on a printer that is switched off.  Every byte is flushed, so
the file is complete whenever the run stops."""
from __future__ import annotations

from pvm.abi import memmap
from .bus import DeviceModel

READY = {c.name: c.value for c in memmap.DEVICE["printer"].constants}["STATUS_READY"]


class Printer(DeviceModel):
    spec = memmap.DEVICE["printer"]

    def __init__(self, path=None):
        self.file = open(path, "ab") if path is not None else None

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    # ---- registers ----------------------------------------------------------
    def write_data(self, value: int) -> None:
        if self.file is not None:
            self.file.write(bytes([value & 0xFF]))
            self.file.flush()

    def read_status(self) -> int:
        return READY if self.file is not None else 0
