"""System calls serviced by the VM itself against the host (no guest OS).

This is application virtualisation: the VM plays the operating system for
one program, the way a JVM does.  What the guest is granted:
  * its standard streams (the Machine's stdin/stdout/stderr objects);
  * files inside the directory it was started in (`root`, the host's current
    directory by default): paths are resolved there and may not escape it;
  * the clock, a process id, the environment, and heap growth up to the
    stack's lower limit.
Everything is checked: a bad pointer gives -EFAULT, a bad descriptor -EBADF,
never a host exception.  The numbers and names come from pvm/abi/syscalls.py.
"""
from __future__ import annotations

import os
import sys
import time

from pvm.abi import syscalls as S
from .traps import GuestExit

MAX_IO = 1 << 24          # bytes moved by one read/write at most
MAX_FILES = 64


class HostOS:
    def __init__(self, stdin=None, stdout=None, stderr=None, root: str | None = None,
                 environ: dict | None = None):
        self.stdin = stdin if stdin is not None else sys.stdin.buffer
        self.stdout = stdout if stdout is not None else sys.stdout.buffer
        self.stderr = stderr if stderr is not None else sys.stderr.buffer
        self.root = os.path.realpath(root or os.getcwd())
        self.environ = dict(os.environ if environ is None else environ)
        self.files: dict[int, int] = {}       # guest fd -> host fd
        self.table = {s.number: getattr(self, "sys_" + s.name) for s in S.SYSCALLS}

    def syscall(self, m, number, *args):
        handler = self.table.get(number)
        if handler is None:
            return -S.ENOSYS
        return handler(m, *args)

    # ---- helpers ------------------------------------------------------------
    def _string(self, m, addr: int, limit: int = 4096) -> bytes | None:
        if not (0x10000 <= addr < len(m.mem)):
            return None
        end = m.mem.find(b"\0", addr, min(len(m.mem), addr + limit))
        return None if end < 0 else bytes(m.mem[addr:end])

    def _path(self, m, addr: int) -> str | int:
        raw = self._string(m, addr)
        if raw is None:
            return -S.EFAULT
        path = os.path.realpath(os.path.join(self.root, os.fsdecode(raw)))
        if path != self.root and not path.startswith(self.root + os.sep):
            return -S.EACCES
        return path

    @staticmethod
    def _stream_write(stream, data: bytes) -> None:
        stream.write(data)
        if hasattr(stream, "flush"):
            stream.flush()

    # ---- the calls (one per row of syscalls.SYSCALLS) ----------------------------
    def sys_exit(self, m, status=0, *_):
        raise GuestExit(status & 0xFF)

    def sys_write(self, m, fd=0, buf=0, n=0, *_):
        n &= 0xFFFFFFFFFFFFFFFF
        if n > MAX_IO:
            n = MAX_IO
        if not (0x10000 <= buf and buf + n <= len(m.mem)):
            return -S.EFAULT
        data = bytes(m.mem[buf:buf + n])
        if fd == 1:
            self._stream_write(self.stdout, data)
        elif fd == 2:
            self._stream_write(self.stderr, data)
        elif fd in self.files:
            try:
                return os.write(self.files[fd], data)
            except OSError as e:
                return -(e.errno or S.EINVAL)
        else:
            return -S.EBADF
        return n

    def sys_read(self, m, fd=0, buf=0, n=0, *_):
        n &= 0xFFFFFFFFFFFFFFFF
        if n > MAX_IO:
            n = MAX_IO
        if not (m.layout.data_base <= buf and buf + n <= len(m.mem)):
            return -S.EFAULT
        if fd == 0:
            stream = self.stdin
            data = stream.read1(n) if hasattr(stream, "read1") else stream.read(n)
        elif fd in self.files:
            try:
                data = os.read(self.files[fd], n)
            except OSError as e:
                return -(e.errno or S.EINVAL)
        else:
            return -S.EBADF
        m.mem[buf:buf + len(data)] = data
        return len(data)

    def sys_open(self, m, path=0, flags=0, mode=0o644, *_):
        p = self._path(m, path)
        if isinstance(p, int):
            return p
        if len(self.files) >= MAX_FILES:
            return -S.EMFILE
        allowed = os.O_RDONLY | os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND | os.O_EXCL
        try:
            hfd = os.open(p, flags & allowed, mode & 0o777)
        except OSError as e:
            return -(e.errno or S.EINVAL)
        fd = 3
        while fd in self.files:
            fd += 1
        self.files[fd] = hfd
        return fd

    def sys_close(self, m, fd=0, *_):
        if fd in (0, 1, 2):
            return 0
        hfd = self.files.pop(fd, None)
        if hfd is None:
            return -S.EBADF
        os.close(hfd)
        return 0

    def sys_lseek(self, m, fd=0, offset=0, whence=0, *_):
        if fd not in self.files:
            return -S.EBADF
        try:
            return os.lseek(self.files[fd], offset, whence)
        except OSError as e:
            return -(e.errno or S.EINVAL)

    def sys_sbrk(self, m, increment=0, *_):
        old = m.brk
        new = old + increment
        if new < m.layout.heap_base or new > m.stack_limit - 0x1000:
            return -S.ENOMEM
        if increment < 0:                      # memory given back reads as zero again
            m.mem[new:old] = bytes(old - new)
        m.brk = new
        return old

    def sys_time(self, m, *_):
        return int(time.time())

    def sys_getpid(self, m, *_):
        return os.getpid()

    def sys_clock(self, m, *_):
        return time.monotonic_ns()

    def sys_unlink(self, m, path=0, *_):
        p = self._path(m, path)
        if isinstance(p, int):
            return p
        try:
            os.unlink(p)
            return 0
        except OSError as e:
            return -(e.errno or S.EINVAL)

    def sys_isatty(self, m, fd=0, *_):
        stream = {0: self.stdin, 1: self.stdout, 2: self.stderr}.get(fd)
        try:
            return int(bool(stream is not None and stream.isatty()))
        except (AttributeError, ValueError, OSError):
            return 0

    def sys_getenv(self, m, name=0, buf=0, n=0, *_):
        key = self._string(m, name)
        if key is None:
            return -S.EFAULT
        value = self.environ.get(os.fsdecode(key))
        if value is None:
            return -1
        data = os.fsencode(value)
        if n > 0 and m.layout.data_base <= buf and buf + n <= len(m.mem):
            k = min(len(data), n - 1)
            m.mem[buf:buf + k] = data[:k]
            m.mem[buf + k] = 0
        return len(data)
