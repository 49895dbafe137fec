"""System calls serviced by the VM itself against the host (no guest OS).

This is application virtualisation: the VM plays the operating system for
one program, the way a JVM does, and this class is the security boundary
between the guest and the host.  What the guest is granted:
  * its standard streams (the Machine's stdin/stdout/stderr objects), as
    descriptors 0-2 until it closes them;
  * files inside the directory it was started in (`root`, the host's current
    directory by default): paths are resolved there (symbolic links
    included) and may not escape it (-EACCES);
  * at most MAX_FILES descriptors, and at most MAX_IO bytes per read/write;
  * the clock, a process id, the environment, and heap growth up to the
    stack's lower limit.
Everything is checked: a bad pointer (NULL, outside memory, or a range that
runs past its end; a buffer to fill below the data segment) gives -EFAULT, a
bad descriptor -EBADF, never a host exception.  The guest speaks pvm's ABI
(pvm/abi): its O_* flags and SEEK_* origins are translated to the host's in
`host_open_flags` / `host_seek_origin`, and a host errno to pvm's in
`guest_errno`; nothing host-numbered reaches the guest.
"""
from __future__ import annotations

import errno as host_errno
import os
import sys
import time

from pvm.abi import errno as E
from pvm.abi import fcntl as F
from pvm.abi import syscalls as S
from .traps import GuestExit

MAX_IO = 1 << 24          # bytes moved by one read/write at most (a longer one is short)
MAX_FILES = 64            # descriptors 0 .. MAX_FILES-1, the standard streams included
PATH_MAX = 4096           # bytes in a path or a variable name, its NUL included
U64 = (1 << 64) - 1

# host errno number -> pvm's, matched by name (ENOENT is ENOENT on every host)
_GUEST_ERRNO = {getattr(host_errno, name): number for name, number in E.BY_NAME.items()
                if hasattr(host_errno, name)}

# pvm's O_* bit -> the host's; O_NOCTTY and O_CLOEXEC mean nothing to a pvm
# guest (no terminal to acquire, no exec) and Python opens non-inheritable anyway
_HOST_ACCESS_MODE = {F.O_RDONLY: os.O_RDONLY, F.O_WRONLY: os.O_WRONLY, F.O_RDWR: os.O_RDWR}
_HOST_OPEN_FLAG = {F.O_CREAT: os.O_CREAT, F.O_EXCL: os.O_EXCL, F.O_TRUNC: os.O_TRUNC,
                   F.O_APPEND: os.O_APPEND, F.O_NONBLOCK: getattr(os, "O_NONBLOCK", 0),
                   F.O_NOCTTY: 0, F.O_CLOEXEC: 0}
_HOST_SEEK = {F.SEEK_SET: os.SEEK_SET, F.SEEK_CUR: os.SEEK_CUR, F.SEEK_END: os.SEEK_END}
# the resolved path is opened without following a final symbolic link, so one
# swapped in after the check cannot lead out of the root
_HOST_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def guest_errno(e: OSError) -> int:
    """The negated pvm errno for a host error; EIO for one pvm has no name for."""
    return -_GUEST_ERRNO.get(e.errno, E.EIO)


def host_open_flags(flags: int) -> int | None:
    """pvm's open() flags as the host's, or None if a bit is not pvm's."""
    if flags & ~F.ALL_OPEN_FLAGS or (flags & F.O_ACCMODE) not in _HOST_ACCESS_MODE:
        return None
    host = _HOST_ACCESS_MODE[flags & F.O_ACCMODE]
    for bit, host_bit in _HOST_OPEN_FLAG.items():
        if flags & bit:
            host |= host_bit
    return host


def host_seek_origin(whence: int) -> int | None:
    return _HOST_SEEK.get(whence)


class HostOS:
    def __init__(self, stdin=None, stdout=None, stderr=None, root: str | None = None,
                 environ: dict | None = None):
        self.root = os.path.realpath(root or os.getcwd())
        self.environ = dict(os.environ if environ is None else environ)
        # the host's streams stay reachable here after the guest closes its fds
        self.stdin = stdin if stdin is not None else sys.stdin.buffer
        self.stdout = stdout if stdout is not None else sys.stdout.buffer
        self.stderr = stderr if stderr is not None else sys.stderr.buffer
        # guest fd -> what it names: a Python stream (0-2) or a host fd (files)
        self.streams: dict[int, object] = {0: self.stdin, 1: self.stdout, 2: self.stderr}
        self.files: dict[int, int] = {}
        self.started = time.monotonic_ns()
        self.table = {s.number: getattr(self, "sys_" + s.name) for s in S.SYSCALLS}

    def syscall(self, m, number, *args):
        handler = self.table.get(number)
        if handler is None:
            return -E.ENOSYS
        return handler(m, *args)

    def close_all(self) -> None:
        """Close the host files the guest left open (the run is over)."""
        for hfd in self.files.values():
            try:
                os.close(hfd)
            except OSError:
                pass
        self.files.clear()

    def __del__(self):
        # a machine dropped without close_all() must not leak host descriptors
        if hasattr(self, "files"):              # __init__ may have failed early
            self.close_all()

    # ---- guest memory: every access goes through the machine's accessor layer
    # (m.guest, pvm/machine/memory.py), which knows what the guest may read
    # and write; these only turn its answers into errno values.
    @staticmethod
    def _can_load(m, addr: int, n: int) -> bool:
        """Whether the guest may pass in n bytes at addr (text and constants too)."""
        return m.guest.readable(addr, n)

    @staticmethod
    def _load(m, addr: int, n: int) -> bytes:
        return m.guest.read(addr, n)

    @staticmethod
    def _can_store(m, addr: int, n: int) -> bool:
        """Whether the guest may have n bytes at addr filled (not text or constants)."""
        return m.guest.writable(addr, n)

    @staticmethod
    def _store(m, addr: int, data: bytes) -> None:
        m.guest.write(addr, data)

    @staticmethod
    def _string(m, addr: int) -> bytes | int:
        """The NUL-terminated string at addr, or -EFAULT / -ENAMETOOLONG."""
        if not m.guest.readable(addr, 1):
            return -E.EFAULT
        s = m.guest.cstring(addr, PATH_MAX - 1)
        if s is not None:
            return s
        return -E.ENAMETOOLONG if m.guest.readable(addr, PATH_MAX) else -E.EFAULT

    # ---- names and descriptors ---------------------------------------------
    def _path(self, m, addr: int, follow: bool = True) -> str | int:
        """The host path for a guest path inside the root, or a negated errno.
        With follow=False a final symbolic link is the link itself (unlink
        removes the link, not what it points to); the directories leading to
        it are resolved all the same."""
        raw = self._string(m, addr)
        if isinstance(raw, int):
            return raw
        if not raw:
            return -E.ENOENT
        joined = os.path.join(self.root, os.fsdecode(raw))
        head, tail = os.path.split(joined)
        if follow or tail in ("", ".", ".."):
            path = os.path.realpath(joined)
        else:
            path = os.path.join(os.path.realpath(head), tail)
        if not self._inside_root(path):
            return -E.EACCES
        return path

    def _inside_root(self, path: str) -> bool:
        return os.path.commonpath([self.root, path]) == self.root

    def _lowest_free_fd(self) -> int | None:
        for fd in range(MAX_FILES):
            if fd not in self.streams and fd not in self.files:
                return fd
        return None

    @staticmethod
    def _size(n: int) -> int:
        return n & U64            # an unsigned long: -1 is huge, not negative

    @staticmethod
    def _address(p: int) -> int:
        return p & U64            # a negative pointer is just a high one

    # ---- the calls (one per row of syscalls.SYSCALLS) ----------------------
    def sys_exit(self, m, status=0, *_):
        raise GuestExit(status & 0xFF)

    def sys_write(self, m, fd=0, buf=0, n=0, *_):
        n, buf = self._size(n), self._address(buf)
        if not self._can_load(m, buf, n):
            return -E.EFAULT      # the whole range must be memory, even past MAX_IO
        data = self._load(m, buf, min(n, MAX_IO))
        if fd in self.files:
            try:
                return os.write(self.files[fd], data)
            except OSError as e:
                return guest_errno(e)
        if fd not in (1, 2) or fd not in self.streams:
            return -E.EBADF
        stream = self.streams[fd]
        try:
            stream.write(data)
            if hasattr(stream, "flush"):
                stream.flush()
        except OSError as e:
            return guest_errno(e)
        except ValueError:        # the host closed the stream
            return -E.EBADF
        return len(data)

    def sys_read(self, m, fd=0, buf=0, n=0, *_):
        n, buf = self._size(n), self._address(buf)
        if not self._can_store(m, buf, n):
            return -E.EFAULT
        n = min(n, MAX_IO)
        try:
            if fd in self.files:
                data = os.read(self.files[fd], n)
            elif fd == 0 and fd in self.streams:
                stream = self.streams[0]
                data = stream.read1(n) if hasattr(stream, "read1") else stream.read(n)
            else:
                return -E.EBADF
        except OSError as e:
            return guest_errno(e)
        except ValueError:
            return -E.EBADF
        data = bytes(data[:n])
        self._store(m, buf, data)
        return len(data)

    def sys_open(self, m, path=0, flags=0, mode=0o644, *_):
        p = self._path(m, self._address(path))
        if isinstance(p, int):
            return p
        host_flags = host_open_flags(flags & 0xFFFFFFFF)
        if host_flags is None:
            return -E.EINVAL
        fd = self._lowest_free_fd()
        if fd is None:
            return -E.EMFILE
        try:
            self.files[fd] = os.open(p, host_flags | _HOST_NOFOLLOW, mode & 0o777)
        except OSError as e:
            return guest_errno(e)
        return fd

    def sys_close(self, m, fd=0, *_):
        if self.streams.pop(fd, None) is not None:
            return 0              # the host's stream stays open: it is the caller's
        hfd = self.files.pop(fd, None)
        if hfd is None:
            return -E.EBADF
        try:
            os.close(hfd)
        except OSError as e:
            return guest_errno(e)
        return 0

    def sys_lseek(self, m, fd=0, offset=0, whence=0, *_):
        if fd in self.streams:
            return -E.ESPIPE      # the standard streams are not seekable files to the guest
        if fd not in self.files:
            return -E.EBADF
        origin = host_seek_origin(whence)
        if origin is None:
            return -E.EINVAL
        try:
            return os.lseek(self.files[fd], offset, origin)
        except OSError as e:
            return guest_errno(e)

    def sys_sbrk(self, m, increment=0, *_):
        old = m.brk
        new = old + increment
        if new < m.layout.heap_base or new > m.heap_limit - 0x1000:
            return -E.ENOMEM
        if increment < 0:                      # memory given back reads as zero again
            self._store(m, new, bytes(old - new))
        m.brk = new
        return old

    def sys_time(self, m, *_):
        return int(time.time())

    def sys_getpid(self, m, *_):
        return os.getpid()

    def sys_clock(self, m, *_):
        return time.monotonic_ns()

    def sys_unlink(self, m, path=0, *_):
        p = self._path(m, self._address(path), follow=False)
        if isinstance(p, int):
            return p
        try:
            os.unlink(p)
        except OSError as e:
            return guest_errno(e)
        return 0

    def sys_isatty(self, m, fd=0, *_):
        try:
            if fd in self.files:
                return int(os.isatty(self.files[fd]))
            if fd in self.streams:
                return int(bool(self.streams[fd].isatty()))
        except (AttributeError, ValueError, OSError):
            return 0
        return -E.EBADF

    def sys_getenv(self, m, name=0, buf=0, n=0, *_):
        n, buf = self._size(n), self._address(buf)
        key = self._string(m, self._address(name))
        if isinstance(key, int):
            return key
        if not self._can_store(m, buf, n):
            return -E.EFAULT
        value = self.environ.get(os.fsdecode(key))
        if value is None:
            return -1
        data = os.fsencode(value)
        if n > 0:
            k = min(len(data), n - 1)
            self._store(m, buf, data[:k] + b"\0")
        return len(data)

    # ---- processes: the mini OS's calls.  A bare run is one process with no
    # kernel to fork it or wait for it: the stdlib's wrappers see -ENOSYS and
    # say so (errno ENOSYS, "needs minios").  Sleeping and counting time the
    # host can do.
    def _needs_minios(self, m, *_):
        return -E.ENOSYS

    sys_fork = sys_execv = sys_waitpid = sys_kill = sys_getppid = _needs_minios
    sys_halt = sys_nice = sys_procinfo = sys_sysinfo = _needs_minios
    # the file system's and the threads' calls need minios too: the host's
    # files are reached through open/read/write only, and a bare run is
    # one thread
    sys_pipe = sys_dup = sys_dup2 = sys_mkdir = sys_chdir = sys_fstat = _needs_minios
    sys_thread_create = sys_thread_join = sys_thread_exit = _needs_minios
    sys_gettid = sys_mutex_lock = sys_mutex_unlock = _needs_minios

    def sys_msleep(self, m, ms=0, *_):
        if ms > 0:
            time.sleep(min(ms, 60_000) / 1000)     # at most a minute per call
        return 0

    def sys_uptime(self, m, *_):
        return (time.monotonic_ns() - self.started) // 1_000_000
