"""system, popen and pclose under a bare `pvm run`, on every tier: no shell
can run without minios, so system(NULL) is 0, and system(cmd) and popen fail
with errno ENOSYS and the one-time note, named after the function called.
(Running commands is tested under minios.)"""
from __future__ import annotations

import pytest

pvm = pytest.importorskip("pvm")
pytest.importorskip("compiler.driver")

NOTE = b"system: not available under pvm run: processes need minios (pvm boot)\n"

PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

int main(void)
{
    FILE *f;
    errno = 0;
    printf("system(NULL) = %d, errno %d\n", system(NULL), errno);
    errno = 0;
    printf("system(\"echo hi\") = %d %s\n", system("echo hi"), errno == ENOSYS ? "ENOSYS" : "?");
    errno = 0;
    f = popen("echo hi", "r");
    printf("popen(\"echo hi\", \"r\") = %s %s\n", f ? "a FILE" : "NULL", errno == ENOSYS ? "ENOSYS" : "?");
    errno = 0;
    f = popen("cat", "w");
    printf("popen(\"cat\", \"w\") = %s %s\n", f ? "a FILE" : "NULL", errno == ENOSYS ? "ENOSYS" : "?");
    errno = 0;
    f = popen("cat", "rw");
    printf("popen(\"cat\", \"rw\") = %s %s\n", f ? "a FILE" : "NULL", errno == EINVAL ? "EINVAL" : "?");
    errno = 0;
    printf("pclose(stdin) = %d %s\n", pclose(stdin), errno == ECHILD ? "ECHILD" : "?");
    printf("stdin still open: %d\n", fileno(stdin));
    return 0;
}
"""

EXPECTED = b"""\
system(NULL) = 0, errno 0
system("echo hi") = -1 ENOSYS
popen("echo hi", "r") = NULL ENOSYS
popen("cat", "w") = NULL ENOSYS
popen("cat", "rw") = NULL EINVAL
pclose(stdin) = -1 ECHILD
stdin still open: 0
"""


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_shell_calls_are_enosys_under_bare_run(tier):
    r = pvm.run_source(PROGRAM, tier=tier)
    assert (r.status, r.stdout) == (0, EXPECTED), r.stderr.decode()
    assert r.stderr == NOTE         # system(NULL) asks quietly; the note comes once


def test_popen_names_itself_in_the_note():
    src = ('#include <stdio.h>\n#include <stdlib.h>\n'
           'int main(void) { FILE *f = popen("ls", "r"); return !f && system("ls") == -1; }\n')
    r = pvm.run_source(src)
    assert (r.status, r.stderr) == (1, NOTE.replace(b"system", b"popen"))
