"""stdout is line-buffered on a terminal and fully buffered otherwise, and
stderr is unbuffered, as with glibc: the order in which lines reach a
shared terminal (or pipe) shows it."""
from __future__ import annotations

import os
import pty
import subprocess

import pytest

PROGRAM = r'''
#include <stdio.h>
int main(void) {
    printf("out 1\n");
    fprintf(stderr, "err 1\n");
    printf("out 2 ");
    fprintf(stderr, "err 2\n");
    printf("done\n");
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("unbuffered ");
    fprintf(stderr, "err 3\n");
    return 0;
}
'''


def run_on_terminal(exe) -> bytes:
    try:
        leader, follower = pty.openpty()
    except OSError:
        pytest.skip("no pseudo-terminals here")
    try:
        p = subprocess.Popen([str(exe)], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
        os.close(follower)
        data = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        p.wait(timeout=30)
    finally:
        os.close(leader)
    return data.replace(b"\r\n", b"\n")


def test_line_buffered_on_a_terminal(host):
    mine = run_on_terminal(host.build(PROGRAM))
    assert mine == run_on_terminal(host.build_glibc(PROGRAM))
    assert mine == b"out 1\nerr 1\nerr 2\nout 2 done\nunbuffered err 3\n"


def test_fully_buffered_into_a_pipe(host):
    r = host.compare(PROGRAM, merge=True)
    assert r.stdout == b"err 1\nerr 2\nout 1\nout 2 done\nunbuffered err 3\n"
