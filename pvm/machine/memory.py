"""The machine's own accesses to guest memory, in one small layer.

Guest code reaches memory through the tiers' load and store helpers
(pvm/machine/semantics.py, the JIT's lowering).  Everything else that the
machine itself reads or writes in guest memory goes through a GuestMemory:
frame links and register spills, argv, the host services' buffers and
strings, the debugger's reads.  Today addresses are offsets into one flat
buffer; when the MMU comes, they become virtual addresses and this is the
one place that translates them.

Rules, the same as guest code's: reads in [TEXT_BASE, size), writes in
[data_base, size); a bad address raises SegFault, as the instruction that
caused the access would have.
"""
from __future__ import annotations

import struct

from pvm.bytecode.program import TEXT_BASE
from .traps import SegFault

_U64 = struct.Struct("<q")


class GuestMemory:
    def __init__(self, buffer, data_base: int):
        self.buffer = buffer              # the one buffer both tiers run on
        self.size = len(buffer)
        self.data_base = data_base        # below it (text, rodata) is read-only

    # ---- checks -------------------------------------------------------------
    def readable(self, address: int, n: int) -> bool:
        return TEXT_BASE <= address and n >= 0 and address + n <= self.size

    def writable(self, address: int, n: int) -> bool:
        return self.data_base <= address and n >= 0 and address + n <= self.size

    def _check(self, address: int, n: int, write: bool) -> None:
        ok = self.writable(address, n) if write else self.readable(address, n)
        if not ok:
            raise SegFault("write" if write else "read", address)

    # ---- words --------------------------------------------------------------
    def load64(self, address: int) -> int:
        self._check(address, 8, False)
        return _U64.unpack_from(self.buffer, address)[0]

    def store64(self, address: int, value: int) -> None:
        self._check(address, 8, True)
        _U64.pack_into(self.buffer, address, value)

    def unpack(self, layout: struct.Struct, address: int) -> tuple:
        self._check(address, layout.size, False)
        return layout.unpack_from(self.buffer, address)

    def pack(self, layout: struct.Struct, address: int, *values) -> None:
        self._check(address, layout.size, True)
        layout.pack_into(self.buffer, address, *values)

    # ---- bytes --------------------------------------------------------------
    def read(self, address: int, n: int) -> bytes:
        self._check(address, n, False)
        return bytes(self.buffer[address:address + n])

    def write(self, address: int, data: bytes) -> None:
        self._check(address, len(data), True)
        self.buffer[address:address + len(data)] = data

    def cstring(self, address: int, limit: int = 4096) -> bytes | None:
        """The NUL-terminated string at `address` (at most `limit` bytes
        before the NUL), or None if it is unreadable or longer."""
        if not self.readable(address, 1):
            return None
        end = self.buffer.find(b"\0", address, min(self.size, address + limit + 1))
        return None if end < 0 else bytes(self.buffer[address:end])

    # ---- loading ------------------------------------------------------------
    def load_image(self, address: int, data: bytes) -> None:
        """Place program bytes (text, rodata, initial data) at start-up or
        when the REPL loads code: the one write below data_base."""
        if not self.readable(address, len(data)):
            raise SegFault("write", address)
        self.buffer[address:address + len(data)] = data
