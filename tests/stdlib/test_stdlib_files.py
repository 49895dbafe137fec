"""The file calls only minios services (pipe, dup, dup2, chdir, mkdir, fstat,
stat, and <dirent.h> on top of them) under a bare `pvm run`, on every tier:
each fails with -1 (NULL for opendir) and errno ENOSYS, and the first failure
in a run says why on stderr, once, naming the function called.  What they do
under minios is tested with the kernel."""
from __future__ import annotations

import pathlib

import pytest

pvm = pytest.importorskip("pvm")
pytest.importorskip("compiler.driver")

ROOT = pathlib.Path(__file__).resolve().parents[2]


def note(name: str) -> bytes:
    return name.encode() + b": not available under pvm run: processes need minios (pvm boot)\n"


PROGRAM = r"""
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

#define CHECK(call) do { errno = 0; printf("%s = %ld %s\n", #call, (long)(call), \
                                        errno == ENOSYS ? "ENOSYS" : "?"); } while (0)

int main(void)
{
    int fds[2] = {7, 8};
    struct stat st;
    DIR *dir;
    st.st_size = 12345;
    CHECK(pipe(fds));
    CHECK(dup(1));
    CHECK(dup2(1, 5));
    CHECK(chdir("sub"));
    CHECK(mkdir("new", 0755));
    CHECK(fstat(1, &st));
    CHECK(stat("sub", &st));
    CHECK(stat("file.txt", &st));
    errno = 0;
    dir = opendir("sub");
    printf("opendir(\"sub\") = %s %s\n", dir ? "a DIR" : "NULL", errno == ENOSYS ? "ENOSYS" : "?");
    printf("untouched: fds %d %d, st_size %ld\n", fds[0], fds[1], st.st_size);
    errno = 0;
    printf("stat of a missing file: %d %s\n", stat("missing", &st), errno == ENOENT ? "ENOENT" : "?");
    errno = 0;
    dir = opendir("missing");
    printf("opendir of a missing one: %s %s\n", dir ? "a DIR" : "NULL", errno == ENOENT ? "ENOENT" : "?");
    return 0;
}
"""

EXPECTED = b"""\
pipe(fds) = -1 ENOSYS
dup(1) = -1 ENOSYS
dup2(1, 5) = -1 ENOSYS
chdir("sub") = -1 ENOSYS
mkdir("new", 0755) = -1 ENOSYS
fstat(1, &st) = -1 ENOSYS
stat("sub", &st) = -1 ENOSYS
stat("file.txt", &st) = -1 ENOSYS
opendir("sub") = NULL ENOSYS
untouched: fds 7 8, st_size 12345
stat of a missing file: -1 ENOENT
opendir of a missing one: NULL ENOENT
"""


@pytest.fixture
def files(tmp_path, monkeypatch):
    """A bare run's root (its current directory) with a directory and a file."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "file.txt").write_text("hello\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_file_calls_are_enosys_under_bare_run(tier, files):
    r = pvm.run_source(PROGRAM, tier=tier)
    assert (r.status, r.stdout) == (0, EXPECTED), r.stderr.decode()
    assert r.stderr == note("pipe")         # one line, for the first call only
    assert not (files / "new").exists()


@pytest.mark.parametrize("name, call", [
    ("stat", 'struct stat st; stat("sub", &st)'),     # not "fstat": the note names what was called
    ("opendir", 'opendir("sub")'),
    ("mkdir", 'mkdir("sub", 0)'),
])
def test_the_note_names_the_first_call(files, name, call):
    src = ("#include <dirent.h>\n#include <sys/stat.h>\n#include <unistd.h>\n"
           f"int main(void) {{ {call}; return dup(1) == -1; }}\n")
    r = pvm.run_source(src)
    assert (r.status, r.stderr) == (1, note(name))


def test_dirent_matches_the_disk_format():
    """<dirent.h> cannot include <pvm/fs.h> (both name a struct dirent), so
    the name length and the record dirent.c reads are checked here."""
    minifs = pytest.importorskip("pvm.abi.minifs")
    header = (ROOT / "stdlib/include/dirent.h").read_text()
    source = (ROOT / "stdlib/src/dirent.c").read_text()
    assert f"char d_name[{minifs.DIRSIZ}];" in header
    assert f"#define NAME_MAX_BYTES {minifs.DIRSIZ}" in source
    assert minifs.DIRENT.format == f"<i{minifs.DIRSIZ}s"     # int inum; char name[DIRSIZ]


HOST_PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <dirent.h>
#include <thread.h>
#include <sys/stat.h>

static void work(void *arg) { }

int main(void)
{
    int fds[2];
    struct stat st;
    mutex_t m = MUTEX_INITIALIZER;
    int failed = pipe(fds) + dup(1) + dup2(1, 5) + chdir(".") + mkdir("d", 0) + fstat(1, &st)
                 + stat(".", &st) + thread_create(work, 0, 0) + thread_join(1, 0) + thread_self()
                 + mutex_lock(&m) + mutex_unlock(&m) + system("true");
    printf("%d %s %d %s %s\n", failed, errno == ENOSYS ? "ENOSYS" : "?", system(NULL),
           opendir(".") ? "?" : "NULL", popen("true", "r") ? "?" : "NULL");
    return 0;
}
"""


def test_the_host_build_has_them_too(host, tmp_path):
    """The host build of the library (gcc, host_shim.c) compiles the new
    headers and units; its shim answers these calls ENOSYS like a bare run."""
    r = host.run(host.build(HOST_PROGRAM), cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, b"-13 ENOSYS 0 NULL NULL\n")
    assert r.stderr == note("pipe")
    assert not (tmp_path / "d").exists()
