"""The process calls (fork, execv, waitpid, kill, ...) under a bare `pvm run`,
on every tier: there is no kernel to service them, so each fails with -1 and
errno ENOSYS, and the first failure in a run explains itself on stderr, once.
sleep and uptime work without minios.  (What they do under minios is tested
with the kernel; the <sys/wait.h> macros are compared with glibc in
programs/wait_status.c.)"""
from __future__ import annotations

import pytest

pvm = pytest.importorskip("pvm")
pytest.importorskip("compiler.driver")

NOTE = b"fork: not available under pvm run: processes need minios (pvm boot)\n"

PROGRAM = r"""
#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/proc.h>
#include <sys/wait.h>

#define CHECK(call) do { errno = 0; printf("%s = %ld %s\n", #call, (long)(call), \
                                        errno == ENOSYS ? "ENOSYS" : "?"); } while (0)

int main(void)
{
    char *argv[] = {"echo", "hi", 0};
    int status = 12345;
    struct procinfo info;
    long t0 = uptime(), t1;
    CHECK(fork());
    CHECK(waitpid(-1, &status, 0));
    CHECK(waitpid(3, &status, WNOHANG));
    CHECK(wait(&status));
    CHECK(kill(1, SIGKILL));
    CHECK(execv("echo", argv));
    CHECK(getppid());
    CHECK(procinfo(0, &info));
    CHECK(halt(3));
    errno = 0;
    printf("nice(1) = %d %s\n", nice(1), errno == ENOSYS ? "ENOSYS" : "?");
    printf("status untouched: %d\n", status);
    printf("sleep(0) = %u, usleep(2000) = %d\n", sleep(0), usleep(2000));
    t1 = uptime();
    printf("uptime: %s\n", t0 >= 0 && t1 >= t0 + 2 ? "counts" : "wrong");
    return 0;
}
"""

EXPECTED = b"""\
fork() = -1 ENOSYS
waitpid(-1, &status, 0) = -1 ENOSYS
waitpid(3, &status, WNOHANG) = -1 ENOSYS
wait(&status) = -1 ENOSYS
kill(1, SIGKILL) = -1 ENOSYS
execv("echo", argv) = -1 ENOSYS
getppid() = -1 ENOSYS
procinfo(0, &info) = -1 ENOSYS
halt(3) = -1 ENOSYS
nice(1) = -1 ENOSYS
status untouched: 12345
sleep(0) = 0, usleep(2000) = 0
uptime: counts
"""


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_process_calls_are_enosys_under_bare_run(tier):
    r = pvm.run_source(PROGRAM, tier=tier)
    assert (r.status, r.stdout) == (0, EXPECTED), r.stderr.decode()
    assert r.stderr == NOTE         # one line, for the first call only


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_the_note_names_the_first_call(tier):
    src = "#include <signal.h>\nint main(void) { kill(1, 9); kill(1, 9); return kill(2, 15) == -1; }\n"
    r = pvm.run_source(src, tier=tier)
    assert (r.status, r.stderr) == (1, NOTE.replace(b"fork", b"kill"))
