"""Every program in examples/ runs through pvm with the output and exit
status that examples/README.md promises, on every tier."""
from __future__ import annotations

from pathlib import Path

import pytest

import pvm

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FEATURES = frozenset(getattr(pvm, "FEATURES", ()))

PRIMES_100 = (b"2 3 5 7 11 13 17 19 23 29\n31 37 41 43 47 53 59 61 67 71\n73 79 83 89 97\n"
              b"25 primes up to 100\n")
COUNTER = b"".join(b"call %d (fresh local is 1)\n" % i for i in range(1, 7))
STACK_SWITCH = (b"before the switch: the callee's local is not in the array\n"
                b"on the new stack: the callee's local is in the array\n"
                b"on the new stack: main's local keeps its address and holds 42\n"
                b"after switching back: the callee's local is not in the array\n")
UTHREADS = (b"main: created threads 1 and 2\n"
            b"A: counter 0 -> 1\nB: counter 1 -> 2\nA: counter 2 -> 3\n"
            b"B: counter 3 -> 4\nA: counter 4 -> 5\nA: returns\nB: counter 5 -> 6\n"
            b"main: joined 1\nB: calls uthread_exit\nmain: joined 2; counter is 6\n")

# (file, arguments, exact stdout or None, exit status, line stderr must hold or None).
# For the two that fault, stdout is only checked to be a prefix of what is shown:
# when stdout is not a terminal it is fully buffered, and a fault loses the buffer.
CASES = [
    ("hello.c", [], b"Hello, world!\n", 0, None),
    ("counter.c", [], COUNTER, 0, None),
    ("primes.c", [], PRIMES_100, 0, None),
    ("primes.c", ["1"], b"no primes below 2\n", 1, None),
    ("args.c", ["one", "two", "three"],
     b'argc = 4\nargv[1] = "one"\nargv[2] = "two"\nargv[3] = "three"\nargv[4] is NULL\n', 3, None),
    ("args.c", [], b"argc = 1\nargv[1] is NULL\n", 0, None),
    ("linked_list.c", [], b"pushed: 64 49 36 25 16 9 4 1\nreversed: 1 4 9 16 25 36 49 64\n"
     b"sum of squares 1..8 = 204\n", 0, None),
    ("pointers.c", [], b"x = 42, read through p: 42\nreading address 0x7fff5ad40750...\n", 139,
     "Segmentation fault: read of address 0x7fff5ad40750 in main (pointers.c:18)"),
    ("recursion.c", [], b"recursing forever...\n", 139, "Stack overflow in f (recursion.c:11)"),
    ("machine/stack_switch.c", [], STACK_SWITCH, 0, None),
    ("machine/uthreads.c", [], UTHREADS, 0, None),
]
NEEDS_LANG = {"linked_list.c"}


def case_params():
    params = []
    for name, args, stdout, status, report in CASES:
        marks = []
        if name in NEEDS_LANG:
            marks.append(pytest.mark.lang)
            if "lang" not in FEATURES:
                marks.append(pytest.mark.xfail(reason="needs the whole language", strict=False))
        params.append(pytest.param(name, args, stdout, status, report,
                                   id=" ".join([name, *args]), marks=marks))
    return params


@pytest.mark.parametrize("name, args, stdout, status, report", case_params())
def test_example_runs_as_documented(name, args, stdout, status, report, tier, run_pvm):
    r = run_pvm(EXAMPLES / name, tier, args=args)
    err = r.stderr.decode("utf-8", "replace")
    assert b"Traceback (most recent call last)" not in r.stderr, err
    assert r.status == status, f"exit status {r.status}, expected {status}; stderr:\n{err}"
    if report is None:
        assert r.stderr == b"", err
        if stdout is not None:
            assert r.stdout == stdout
    else:
        assert report in [line.strip() for line in err.splitlines()], err
        assert stdout.startswith(r.stdout), r.stdout


@pytest.mark.parametrize("name, args, stdout, status, report", case_params())
def test_example_runs_the_same_under_paged_virtual_memory(name, args, stdout, status, report,
                                                          tier, run_pvm):
    r = run_pvm(EXAMPLES / name, tier, args=args, paged=True)
    err = r.stderr.decode("utf-8", "replace").replace("page fault on ", "")
    assert b"Traceback (most recent call last)" not in r.stderr, err
    assert r.status == status, f"exit status {r.status}, expected {status}; stderr:\n{err}"
    if report is None:
        assert r.stderr == b"" and (stdout is None or r.stdout == stdout), err
    else:
        assert report in [line.strip() for line in err.splitlines()], err


def test_primes_up_to_1000(tier, run_pvm):
    r = run_pvm(EXAMPLES / "primes.c", tier, args=["1000"])
    assert r.stdout.endswith(b"983 991 997\n168 primes up to 1000\n")


def test_every_example_is_tested_and_says_how_to_run_it():
    from test_machine_examples import TESTED as MACHINE_TESTED
    names = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.c")}
    assert names == {case[0] for case in CASES} | {f"machine/{n}" for n in MACHINE_TESTED}
    readme = (EXAMPLES / "README.md").read_text()
    for name in names:
        head = (EXAMPLES / name).read_text().split("*/", 1)[0]
        assert head.startswith("/*") and f"pvm run examples/{name}" in head, name
        assert f"pvm run examples/{name}" in readme, f"README.md does not show {name}"
