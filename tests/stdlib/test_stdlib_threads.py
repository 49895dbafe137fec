"""<thread.h>, kernel threads, under a bare `pvm run`, on every tier: there
is no kernel to make a thread, so the calls fail with -1 and errno ENOSYS
and the first failure says why on stderr, once.  thread_exit cannot fail:
there the main thread is the only one, and it ends the process like exit.
(Threads themselves are tested under minios.)"""
from __future__ import annotations

import pytest

pvm = pytest.importorskip("pvm")
pytest.importorskip("compiler.driver")

NOTE = b"thread_create: not available under pvm run: processes need minios (pvm boot)\n"

PROGRAM = r"""
#include <stdio.h>
#include <errno.h>
#include <thread.h>

#define CHECK(call) do { errno = 0; printf("%s = %ld %s\n", #call, (long)(call), \
                                        errno == ENOSYS ? "ENOSYS" : "?"); } while (0)

static mutex_t m = MUTEX_INITIALIZER;
static int ran;

static void work(void *arg)
{
    ran = *(int *)arg;
}

int main(void)
{
    long value = 5;
    int seven = 7;
    mutex_t other;
    CHECK(thread_create(work, &seven, 0));
    CHECK(thread_create(work, &seven, 1 << 20));
    CHECK(thread_join(1, &value));
    CHECK(thread_join(1, NULL));
    CHECK(thread_self());
    CHECK(mutex_lock(&m));
    CHECK(mutex_unlock(&m));
    other.word = 9;
    mutex_init(&other);
    printf("untouched: value %ld, ran %d, m %d; other %d\n", value, ran, m.word, other.word);
    thread_exit(3);
    printf("not reached\n");
    return 0;
}
"""

EXPECTED = b"""\
thread_create(work, &seven, 0) = -1 ENOSYS
thread_create(work, &seven, 1 << 20) = -1 ENOSYS
thread_join(1, &value) = -1 ENOSYS
thread_join(1, NULL) = -1 ENOSYS
thread_self() = -1 ENOSYS
mutex_lock(&m) = -1 ENOSYS
mutex_unlock(&m) = -1 ENOSYS
untouched: value 5, ran 0, m 0; other 0
"""


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_thread_calls_are_enosys_under_bare_run(tier):
    r = pvm.run_source(PROGRAM, tier=tier)
    # status 3 from thread_exit(3), with stdout flushed as exit does
    assert (r.status, r.stdout) == (3, EXPECTED), r.stderr.decode()
    assert r.stderr == NOTE


def test_the_note_names_the_first_call():
    src = ("#include <thread.h>\nstatic mutex_t m;\n"
           "int main(void) { mutex_lock(&m); return thread_self() == -1; }\n")
    r = pvm.run_source(src)
    assert (r.status, r.stderr) == (1, NOTE.replace(b"thread_create", b"mutex_lock"))
