"""The console: a UART-like device on the host's stdin and stdout.

Reading DATA never blocks: it gives the next input byte or -1 when none is
ready, so a guest polls STATUS (or DATA) in a volatile loop, or enables
CTRL_RX_IRQ and sleeps until IRQ_CONSOLE.  Input is taken from the host as
it becomes ready (HostInput); output is written and flushed byte by byte,
so it interleaves correctly with the host services' writes to the same
stream and shows at once on a terminal.
"""
from __future__ import annotations

import os
import select

from pvm.abi import memmap
from .bus import DeviceModel

_SPEC = memmap.DEVICE["console"]
_BIT = {c.name: c.value for c in _SPEC.constants}
RX_READY, TX_READY, RX_EOF = _BIT["STATUS_RX_READY"], _BIT["STATUS_TX_READY"], _BIT["STATUS_RX_EOF"]
RX_IRQ = _BIT["CTRL_RX_IRQ"]


class HostInput:
    """A binary input stream read without blocking.

    A stream with a file descriptor (the host's stdin, a pipe, a file) is
    polled with select() and read with os.read, past Python's buffering, so
    "nothing ready" is known without waiting; any other stream (io.BytesIO)
    is taken to have all of its data ready.
    """
    CHUNK = 4096

    def __init__(self, stream):
        self.stream = stream
        self.fd = self._fileno(stream)
        self.buffer = bytearray()   # arrived, not yet read by the guest
        self.eof = False            # the host stream has ended

    @staticmethod
    def _fileno(stream) -> int | None:
        try:
            return stream.fileno()
        except (AttributeError, OSError, ValueError):   # io.BytesIO raises UnsupportedOperation (an OSError)
            return None

    def _ready(self, timeout: float | None) -> bool:
        if self.fd is None:
            return True
        try:
            return bool(select.select([self.fd], [], [], timeout)[0])
        except (OSError, ValueError):   # not selectable here: fall back to reading
            return True

    def poll(self, timeout: float | None = 0) -> bool:
        """Take in what the host has ready (waiting at most `timeout` seconds,
        None = until something is); True if bytes or the end arrived."""
        if self.eof or not self._ready(timeout):
            return False
        data = os.read(self.fd, self.CHUNK) if self.fd is not None else self.stream.read(self.CHUNK)
        if data is None:                # a non-blocking stream with nothing ready
            return False
        if not data:
            self.eof = True
        self.buffer += data
        return True

    def ended(self) -> bool:
        """The host stream has ended and the guest has read every byte."""
        return self.eof and not self.buffer

    def take(self) -> int:
        """The next buffered byte, or -1 when none is."""
        if not self.buffer:
            return -1
        byte = self.buffer[0]
        del self.buffer[0]
        return byte


class Console(DeviceModel):
    spec = _SPEC

    def __init__(self, host, stdin, stdout):
        self.host = host                # raise_irq(line)
        self.input = HostInput(stdin)
        self.stdout = stdout
        self.ctrl = 0

    def _take_in(self, timeout: float | None = 0) -> None:
        """Take in host input; raise IRQ_CONSOLE if some arrived (or the
        input ended) while CTRL_RX_IRQ is set."""
        if self.input.poll(timeout) and self.ctrl & RX_IRQ:
            self.host.raise_irq(memmap.IRQ_CONSOLE)

    def poll(self) -> None:
        self._take_in()

    def wait(self, timeout: float | None) -> bool:
        """Block until input (or its end) is ready; True if it is."""
        if not self.input.buffer:
            self._take_in(timeout)
        return bool(self.input.buffer) or self.input.eof

    # ---- registers ----------------------------------------------------------
    def read_data(self) -> int:
        if not self.input.buffer:
            self._take_in()
        return self.input.take()

    def write_data(self, value: int) -> None:
        self.stdout.write(bytes([value & 0xFF]))
        self.stdout.flush()

    def read_status(self) -> int:
        if not self.input.buffer:
            self._take_in()
        status = TX_READY
        if self.input.buffer:
            status |= RX_READY
        if self.input.ended():
            status |= RX_EOF
        return status

    def read_ctrl(self) -> int:
        return self.ctrl

    def write_ctrl(self, value: int) -> None:
        enabling = value & RX_IRQ and not self.ctrl & RX_IRQ
        self.ctrl = value & RX_IRQ
        # input already waiting when the interrupt is enabled is not lost
        if enabling and (self.input.buffer or self.input.eof):
            self.host.raise_irq(memmap.IRQ_CONSOLE)
