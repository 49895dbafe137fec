"""Memory that grows: a `pvm run` reserves a quarter of the host's memory
(program.default_memory) as anonymous memory that costs nothing until
touched, so a program may malloc far more than the 64 MiB it once had, on
every tier, and an allocation past the limit is still a clean NULL."""
from __future__ import annotations

import pytest

pvm = pytest.importorskip("pvm")
pytest.importorskip("compiler.driver")

from pvm.bytecode.program import MAX_DEFAULT_MEMORY, MIN_DEFAULT_MEMORY, default_memory
from pvm.cli import size

BIG = r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    long n = atol(argv[1]);
    char *a = malloc(n), *b = malloc(n);
    if (!a || !b) { printf("NULL\n"); return 1; }
    for (long i = 0; i < n; i += 1 << 20) { a[i] = 1; b[n - 1 - i] = 2; }
    long sum = 0;
    for (long i = 0; i < n; i += 1 << 20) sum += a[i] + b[n - 1 - i];
    printf("%ld %s\n", sum, malloc((size_t)1 << 40) ? "huge" : "NULL");
    return 0;
}
"""


def test_the_default_is_a_quarter_of_the_host_within_bounds():
    import os
    host = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    m = default_memory()
    assert MIN_DEFAULT_MEMORY <= m <= MAX_DEFAULT_MEMORY
    assert m % (1 << 20) == 0
    assert m == max(MIN_DEFAULT_MEMORY, min(MAX_DEFAULT_MEMORY, host // 4 >> 20 << 20))


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_two_100_mib_blocks_by_default(tier):
    """200 MiB in all: more than the old fixed 64 MiB, less than the 256 MiB floor."""
    n = 100 << 20
    r = pvm.run_source(BIG, [str(n)], tier=tier)
    assert (r.status, r.stdout, r.stderr) == (0, f"{3 * (n >> 20)} NULL\n".encode(), b"")


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_past_the_limit_malloc_is_null(tier):
    r = pvm.run_source(BIG, [str(100 << 20)], tier=tier, memory=size("150M"))
    assert (r.status, r.stdout, r.stderr) == (1, b"NULL\n", b"")


def test_paged_runs_get_the_same_default():
    n = 100 << 20
    r = pvm.run_source(BIG, [str(n)], tier="interp", paged=True)
    assert (r.status, r.stdout) == (0, f"{3 * (n >> 20)} NULL\n".encode()), r.stderr
