"""The host services are the VM's security boundary: what a guest may reach.

Most tests call HostOS directly on a small Machine (its memory is the guest's)
with a tmp_path as the root; the last ones run C programs through
pvm.run_source from inside a tmp_path, on the interpreter and the JIT.
"""
import errno as host_errno
import io
import os

import pytest

import pvm
from pvm.abi import errno as E
from pvm.abi import fcntl as F
from pvm.abi import syscalls as S
from pvm.bytecode.program import TEXT_BASE, Function, Program
from pvm.machine import hostos
from pvm.machine.hostos import MAX_FILES, MAX_IO, HostOS
from pvm.machine.state import Machine

N = {s.name: s.number for s in S.SYSCALLS}
MEMORY = 1 << 20


def tiny_program():
    main = Function("main", 0, "q", "", 0, [("RETV",)], [1])
    return Program([main], entry=0, files=["t.c"])


class Guest:
    """A HostOS on a small machine, with a bump allocator for guest memory."""

    def __init__(self, root, memory=MEMORY, stdin=b"", environ=None):
        self.os = HostOS(stdin=io.BytesIO(stdin), stdout=io.BytesIO(), stderr=io.BytesIO(),
                         root=str(root), environ=environ or {})
        self.m = Machine(tiny_program(), memory=memory, stack=1 << 16, os=self.os)
        self.free = self.m.layout.heap_base

    def call(self, name, *args):
        return self.os.syscall(self.m, N[name], *args)

    def put(self, data: bytes) -> int:
        at = self.free
        self.m.mem[at:at + len(data)] = data
        self.free += len(data) + 16
        return at

    def cstr(self, text) -> int:
        return self.put(os.fsencode(text) + b"\0")

    def buffer(self, n) -> int:
        return self.put(bytes(n))

    def open(self, path, flags=F.O_RDONLY, mode=0o644):
        return self.call("open", self.cstr(path), flags, mode)

    def end_of_memory_string(self) -> int:
        """An address whose bytes run, without a NUL, to the end of memory."""
        end = len(self.m.mem)
        self.m.mem[end - 8:end] = b"x" * 8
        return end - 8


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "root"
    r.mkdir()
    (tmp_path / "secret").write_bytes(b"outside")
    return r


@pytest.fixture
def guest(root):
    g = Guest(root)
    yield g
    g.os.close_all()


# ---- paths stay inside the root -------------------------------------------

@pytest.mark.parametrize("path", ["../secret", "a/../../secret", "/etc/passwd", "..", "/"])
def test_a_path_outside_the_root_is_refused(guest, path):
    assert guest.open(path) == -E.EACCES


def test_creating_outside_the_root_is_refused_and_creates_nothing(guest, root):
    assert guest.open("../made", F.O_WRONLY | F.O_CREAT) == -E.EACCES
    assert not (root.parent / "made").exists()


def test_a_symlink_out_of_the_root_is_refused(guest, root):
    (root / "link").symlink_to(root.parent / "secret")
    (root / "dirlink").symlink_to(root.parent)
    assert guest.open("link") == -E.EACCES
    assert guest.open("dirlink/secret") == -E.EACCES
    assert guest.call("unlink", guest.cstr("dirlink/secret")) == -E.EACCES
    assert (root.parent / "secret").exists()


def test_a_dangling_symlink_out_of_the_root_cannot_create_a_file(guest, root):
    (root / "trap").symlink_to(root.parent / "created")
    assert guest.open("trap", F.O_WRONLY | F.O_CREAT) == -E.EACCES
    assert not (root.parent / "created").exists()


def test_unlink_removes_a_symlink_not_its_target(guest, root):
    (root / "target").write_bytes(b"keep")
    (root / "inner").symlink_to(root / "target")
    (root / "outer").symlink_to(root.parent / "secret")
    assert guest.call("unlink", guest.cstr("inner")) == 0
    assert guest.call("unlink", guest.cstr("outer")) == 0
    assert (root / "target").read_bytes() == b"keep"
    assert (root.parent / "secret").read_bytes() == b"outside"
    assert not os.path.lexists(root / "inner") and not os.path.lexists(root / "outer")


def test_files_inside_the_root_work(guest, root):
    (root / "sub").mkdir()
    fd = guest.open("sub/../sub/f", F.O_WRONLY | F.O_CREAT | F.O_TRUNC)
    assert fd == 3
    assert guest.call("write", fd, guest.put(b"hello"), 5) == 5
    assert guest.call("close", fd) == 0
    assert (root / "sub/f").read_bytes() == b"hello"
    fd = guest.open(str(root / "sub/f"))                 # absolute, but inside
    buf = guest.buffer(16)
    assert guest.call("read", fd, buf, 16) == 5
    assert bytes(guest.m.mem[buf:buf + 5]) == b"hello"
    assert guest.call("unlink", guest.cstr("sub/f")) == 0
    assert not (root / "sub/f").exists()


def test_empty_and_missing_paths_give_enoent(guest):
    assert guest.open("") == -E.ENOENT
    assert guest.open("nothing") == -E.ENOENT
    assert guest.call("unlink", guest.cstr("nothing")) == -E.ENOENT


def test_a_path_longer_than_path_max_is_too_long(guest):
    assert guest.open("a" * hostos.PATH_MAX) == -E.ENAMETOOLONG


# ---- every pointer is checked ---------------------------------------------

def good_arguments(g, name):
    """Arguments with which the call succeeds (or fails for another reason than
    a bad pointer), so that one bad pointer among them is what is tested."""
    with open(os.path.join(g.os.root, "data"), "wb") as f:
        f.write(b"0123456789abcdef")
    if name == "read":
        return [g.open("data"), g.buffer(16), 16]
    if name == "write":
        return [1, g.put(b"x" * 16), 16]
    if name == "open":
        return [g.cstr("data"), F.O_RDONLY, 0]
    if name == "unlink":
        return [g.cstr("data")]
    if name == "getenv":
        return [g.cstr("HOME"), g.buffer(16), 16]
    raise AssertionError(f"system call {name} takes a pointer: add its arguments here")


def bad_pointers(g, parameter, size):
    """(what, address) pairs that must each give -EFAULT."""
    end = len(g.m.mem)
    bad = [("NULL", 0), ("below the text", TEXT_BASE - 16), ("past the end", end + 64),
           ("negative", -8), ("huge", (1 << 64) - 8)]
    if parameter.startswith("const char *"):
        bad.append(("a string running off the end", g.end_of_memory_string()))
    else:
        bad.append(("a range running off the end", end - size // 2))
    if not parameter.startswith("const"):       # a buffer the call fills
        bad.append(("the text segment", TEXT_BASE))
    return bad


# the process calls only minios services; a bare run answers them -ENOSYS
MINIOS_ONLY = {"fork", "execv", "waitpid", "kill", "getppid", "halt", "nice", "procinfo", "sysinfo",
               "pipe", "dup", "dup2", "mkdir", "chdir", "fstat", "thread_create", "thread_join",
               "thread_exit", "gettid", "mutex_lock", "mutex_unlock"}
POINTER_CALLS = [(s.name, i) for s in S.SYSCALLS for i in S.pointer_parameters(s)
                 if s.name not in MINIOS_ONLY]


def test_the_process_calls_are_enosys_on_a_bare_run(root):
    g = Guest(root)
    for name in sorted(MINIOS_ONLY):
        assert g.call(name, *[0] * len(S.parameters(S.BY_NAME[name]))) == -E.ENOSYS, name
    assert g.call("uptime") >= 0 and g.call("msleep", 1) == 0
    g.os.close_all()


def test_the_pointer_list_covers_the_calls_that_take_paths_and_buffers():
    assert {name for name, _ in POINTER_CALLS} >= {"read", "write", "open", "unlink", "getenv"}


@pytest.mark.parametrize("name,index", POINTER_CALLS)
def test_a_bad_pointer_gives_efault(root, name, index):
    g = Guest(root, environ={"HOME": "/home/guest"})
    parameter = S.parameters(S.BY_NAME[name])[index]
    args = good_arguments(g, name)
    assert g.call(name, *args) >= 0, "the template arguments must be good"
    for what, address in bad_pointers(g, parameter, 16):
        args = good_arguments(g, name)
        args[index] = address
        assert g.call(name, *args) == -E.EFAULT, f"{name}: {parameter} is {what}"
    assert (root / "data").read_bytes() == b"0123456789abcdef"
    g.os.close_all()


def test_a_bad_pointer_changes_no_memory(guest):
    before = bytes(guest.m.mem)
    fd = guest.open("..")                       # refused: nothing to read from
    assert fd < 0
    assert guest.call("read", 0, len(guest.m.mem) - 4, 8) == -E.EFAULT
    assert bytes(guest.m.mem[:guest.free - 64]) == before[:guest.free - 64]


# ---- descriptors ----------------------------------------------------------

def test_more_than_max_files_gives_emfile(guest, root):
    (root / "f").write_bytes(b"")
    fds = []
    while (fd := guest.open("f")) >= 0:
        fds.append(fd)
    assert fd == -E.EMFILE
    assert fds == list(range(3, MAX_FILES))
    assert guest.call("close", fds[5]) == 0
    assert guest.open("f") == fds[5]            # the lowest free descriptor again


@pytest.mark.parametrize("fd", [-1, 3, 17, MAX_FILES, 1 << 40])
def test_closing_or_using_a_bad_fd_gives_ebadf(guest, fd):
    buf = guest.buffer(8)
    assert guest.call("close", fd) == -E.EBADF
    assert guest.call("read", fd, buf, 8) == -E.EBADF
    assert guest.call("write", fd, buf, 8) == -E.EBADF
    assert guest.call("lseek", fd, 0, F.SEEK_SET) == -E.EBADF
    assert guest.call("isatty", fd) == -E.EBADF


def test_a_closed_fd_is_bad(guest, root):
    (root / "f").write_bytes(b"abc")
    fd = guest.open("f")
    assert guest.call("close", fd) == 0
    assert guest.call("read", fd, guest.buffer(4), 4) == -E.EBADF
    assert guest.call("close", fd) == -E.EBADF


def test_the_standard_streams(root):
    g = Guest(root, stdin=b"typed")
    buf = g.buffer(8)
    assert g.call("read", 0, buf, 8) == 5 and bytes(g.m.mem[buf:buf + 5]) == b"typed"
    assert g.call("read", 0, buf, 8) == 0                      # end of file
    assert g.call("write", 1, g.put(b"out"), 3) == 3
    assert g.call("write", 2, g.put(b"err"), 3) == 3
    assert g.os.stdout.getvalue() == b"out" and g.os.stderr.getvalue() == b"err"
    assert g.call("write", 0, buf, 1) == -E.EBADF              # stdin is not for writing
    assert g.call("read", 1, buf, 1) == -E.EBADF
    assert g.call("lseek", 1, 0, F.SEEK_SET) == -E.ESPIPE
    assert g.call("isatty", 1) == 0


def test_a_closed_standard_stream_is_bad_and_its_number_reused(guest, root):
    stdout = guest.os.stdout
    assert guest.call("close", 1) == 0
    assert guest.call("write", 1, guest.put(b"lost"), 4) == -E.EBADF
    assert guest.call("close", 1) == -E.EBADF
    assert not stdout.closed and guest.os.stdout is stdout   # still the host's
    fd = guest.open("redirected", F.O_WRONLY | F.O_CREAT)
    assert fd == 1
    assert guest.call("write", 1, guest.put(b"to file"), 7) == 7
    assert (root / "redirected").read_bytes() == b"to file"
    assert stdout.getvalue() == b""


# ---- sizes ----------------------------------------------------------------

def test_one_write_moves_at_most_max_io_bytes(root):
    g = Guest(root, memory=MAX_IO * 2)
    assert g.call("write", 1, g.m.layout.heap_base, MAX_IO + 100) == MAX_IO
    assert len(g.os.stdout.getvalue()) == MAX_IO


def test_one_read_moves_at_most_max_io_bytes(root):
    (root / "big").write_bytes(b"z" * (MAX_IO + 100))
    g = Guest(root, memory=MAX_IO * 2)
    fd = g.open("big")
    assert g.call("read", fd, g.free, MAX_IO + 100) == MAX_IO
    g.os.close_all()


@pytest.mark.parametrize("name", ["read", "write"])
def test_a_size_of_minus_one_is_huge_not_negative(guest, root, name):
    (root / "f").write_bytes(b"abc")
    fd = guest.open("f", F.O_RDWR)
    assert guest.call(name, fd, guest.buffer(8), -1) == -E.EFAULT


def test_zero_bytes(guest):
    buf = guest.buffer(1)
    assert guest.call("write", 1, buf, 0) == 0
    assert guest.call("read", 0, buf, 0) == 0


# ---- flags and origins are pvm's, translated -------------------------------

def test_open_flags_are_translated_to_the_host():
    assert hostos.host_open_flags(F.O_WRONLY | F.O_CREAT | F.O_TRUNC) == \
        os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    assert hostos.host_open_flags(F.O_RDWR | F.O_APPEND | F.O_EXCL) == \
        os.O_RDWR | os.O_APPEND | os.O_EXCL
    assert hostos.host_open_flags(F.O_RDONLY | F.O_CLOEXEC | F.O_NOCTTY) == os.O_RDONLY


@pytest.mark.parametrize("flags", [F.O_ACCMODE, 0o10000000, 1 << 30, F.O_RDONLY | 0o40])
def test_a_flag_bit_pvm_does_not_define_gives_einval(guest, root, flags):
    (root / "f").write_bytes(b"")
    assert guest.open("f", flags) == -E.EINVAL


def test_flags_do_what_they_say(guest, root):
    (root / "f").write_bytes(b"abc")
    assert guest.open("f", F.O_WRONLY | F.O_CREAT | F.O_EXCL) == -E.EEXIST
    fd = guest.open("f", F.O_WRONLY | F.O_APPEND)
    guest.call("write", fd, guest.put(b"def"), 3)
    assert (root / "f").read_bytes() == b"abcdef"
    fd = guest.open("f", F.O_WRONLY | F.O_TRUNC)
    assert (root / "f").read_bytes() == b""
    assert guest.call("read", fd, guest.buffer(4), 4) == -E.EBADF   # opened for writing only


def test_lseek_origins(guest, root):
    (root / "f").write_bytes(b"0123456789")
    fd = guest.open("f")
    assert guest.call("lseek", fd, -3, F.SEEK_END) == 7
    assert guest.call("lseek", fd, 1, F.SEEK_CUR) == 8
    assert guest.call("lseek", fd, 2, F.SEEK_SET) == 2
    assert guest.call("lseek", fd, 0, 7) == -E.EINVAL
    assert guest.call("lseek", fd, -1, F.SEEK_SET) == -E.EINVAL


def test_host_errno_is_translated_by_name_and_unknown_ones_become_eio():
    assert hostos.guest_errno(OSError(host_errno.ENOENT, "x")) == -E.ENOENT
    assert hostos.guest_errno(OSError(host_errno.EISDIR, "x")) == -E.EISDIR
    assert not hasattr(E, "EHOSTDOWN")
    assert hostos.guest_errno(OSError(host_errno.EHOSTDOWN, "x")) == -E.EIO
    assert hostos.guest_errno(OSError(None, "no number")) == -E.EIO


def test_a_host_error_reaches_the_guest_as_pvms_errno(guest, root):
    (root / "d").mkdir()
    fd = guest.open("d")                         # a directory opens, but does not read
    assert guest.call("read", fd, guest.buffer(4), 4) == -E.EISDIR
    assert guest.call("unlink", guest.cstr("d")) == -E.EISDIR


# ---- the rest -------------------------------------------------------------

def test_getenv(root):
    g = Guest(root, environ={"NAME": "value"})
    buf = g.buffer(4)
    assert g.call("getenv", g.cstr("NAME"), buf, 4) == 5
    assert bytes(g.m.mem[buf:buf + 4]) == b"val\0"               # truncated, terminated
    assert g.call("getenv", g.cstr("UNSET"), buf, 4) == -1


def test_an_unknown_system_call_is_enosys(guest):
    assert guest.os.syscall(guest.m, 999, 1, 2, 3) == -E.ENOSYS
    assert guest.os.syscall(guest.m, -1) == -E.ENOSYS


# ---- C programs on the machine --------------------------------------------

BOUNDARY_PROGRAM = r"""
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static void report(const char *what, long r)
{
    printf("%s: %ld %s\n", what, r, r < 0 ? strerror(errno) : "ok");
}

int main(void)
{
    char buf[8];
    int n = 0, fd;
    report("escape", open("../secret", O_RDONLY));
    report("absolute", open("/etc/passwd", O_RDONLY));
    report("bad flag", open("mine", O_RDONLY | 010000000));
    FILE *f = fopen("mine", "w");
    fputs("written by the guest", f);
    fclose(f);
    report("null read", read(0, NULL, 4));
    report("wild write", write(1, (void *)-1L, 4));
    report("bad close", close(42));
    while ((fd = open("mine", O_RDONLY)) >= 0)
        n++;
    printf("opened %d, then: %s\n", n, strerror(errno));
    report("unlink", unlink("mine"));
    report("again", unlink("mine"));
    return 0;
}
"""


def expected_boundary_output():
    return (f"escape: -1 Permission denied\n"
            f"absolute: -1 Permission denied\n"
            f"bad flag: -1 Invalid argument\n"
            f"null read: -1 Bad address\n"
            f"wild write: -1 Bad address\n"
            f"bad close: -1 Bad file descriptor\n"
            f"opened {MAX_FILES - 3}, then: Too many open files\n"
            f"unlink: 0 ok\n"
            f"again: -1 No such file or directory\n")


@pytest.mark.parametrize("tier", ["interp", "jit"])
def test_a_c_program_meets_the_boundary(tmp_path, monkeypatch, tier):
    if tier == "jit":
        from pvm.jit import available
        if available(load=True) is not None:
            pytest.skip("no JIT here")
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "secret").write_bytes(b"outside")
    monkeypatch.chdir(root)                      # pvm.run_source roots the guest here
    r = pvm.run_source(BOUNDARY_PROGRAM, tier=tier)
    assert r.stderr == b""
    assert r.stdout.decode() == expected_boundary_output()
    assert r.status == 0
    assert sorted(os.listdir(root)) == [] and (tmp_path / "secret").read_bytes() == b"outside"


def test_the_api_grants_the_directory_and_environment_it_is_given(tmp_path):
    """api.execute's root= and environ= reach the host services: the
    program's files land in root, and it sees only the environment given."""
    src = r'''
    #include <stdio.h>
    #include <stdlib.h>
    int main(void) {
        FILE *f = fopen("out.txt", "w");
        if (!f) return 3;
        fputs(getenv("GREETING") ? getenv("GREETING") : "none", f);
        fclose(f);
        return getenv("HOME") != NULL;
    }'''
    r = pvm.run_source(src, root=str(tmp_path), environ={"GREETING": "hi"})
    assert r.status == 0, r.stderr
    assert (tmp_path / "out.txt").read_text() == "hi"
