"""Accesses of one block at known distances from one address share one
check (pvm/jit/lower_memory.py ProbeGroup): which accesses are grouped, and
that a group whose span fails its check (while its first access alone would
pass) stops native code before it, so the stepper reports a fault at the
very access the interpreter does, with the same fuel, bare and paged."""
from __future__ import annotations

import re

import pytest

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit.lower_memory import probe_groups


def groups_of(code: list) -> list:
    found = probe_groups(code, 0, len(code), frozenset())
    return sorted({tuple(g.pcs): (g.lo, g.hi, g.write) for g in found.values()}.items())


def test_an_address_computed_again_the_same_way_is_the_same_group():
    """`t = p[i]; p[i] = u;` computes p + (i << 2) twice, into other
    registers: one group, at the write's strictness."""
    code = [("LI", 5, 2), ("SHL64", 6, 1, 5), ("ADD64", 7, 0, 6), ("LD32", 8, 7, 0),
            ("SHL64", 9, 1, 5), ("ADD64", 10, 6, 0), ("ST32", 10, 3, 0)]
    assert groups_of(code) == [((3, 6), (0, 4, True))]


def test_constant_steps_and_copies_keep_the_root():
    code = [("MOV", 4, 1), ("LD64", 5, 4, 8), ("ADDI64", 4, 4, 16), ("LD64", 6, 4, 0),
            ("LI", 7, 24), ("ADD64", 8, 1, 7), ("ST64", 8, 6, 0)]
    assert groups_of(code) == [((1, 3, 6), (8, 32, True))]


def test_a_new_value_or_a_call_starts_a_new_group():
    code = [("LD64", 5, 1, 0), ("LD64", 1, 1, 8),          # r1 = r1->next: the last of r1's group
            ("LD64", 6, 1, 0), ("LD64", 7, 2, 0),
            ("CALL", 8, 0, 8, 0),                           # a call ends every group
            ("LD64", 9, 2, 8), ("LD64", 10, 1, 8)]
    assert groups_of(code) == [((0, 1), (0, 16, False))]


def test_a_product_of_different_values_is_another_root():
    code = [("SHL64", 6, 1, 5), ("ADD64", 7, 0, 6), ("LD32", 8, 7, 0),
            ("SHL64", 9, 2, 5), ("ADD64", 10, 0, 9), ("ST32", 10, 3, 0)]
    assert groups_of(code) == []


# argv[1]: how far the struct pointer goes; at the end it is ARGV[2] itself.
# "top": the last 8 bytes of memory hold p->a and p->b is past them;
# "text": p points at the program's code, read then written;
# "fine": p stays in the array.
GROUPS = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pair { long a, b; };
static struct pair pairs[64];
int main(int argc, char **argv)
{
    long steps = argc > 1 ? atol(argv[1]) : 1000, sum = 0;
    struct pair *p = pairs;
    for (long i = 0; i < steps; i++) {
        p = &pairs[i % 64];
        if (i == steps - 1 && argc > 2) {
            if (strcmp(argv[2], "top") == 0)
                p = (struct pair *)(atol(argv[3]) - 8);
            else if (strcmp(argv[2], "text") == 0)
                p = (struct pair *)(long)main;
        }
        sum += p->a;                  /* the group's first access: fine alone */
        p->b = sum + p->b;            /* ... and the one that faults */
        p->a = i;
    }
    printf("%ld\n", sum);
    return 0;
}
"""
MEMORY = 16 << 20


@pytest.mark.parametrize("paged", [False, True])
@pytest.mark.parametrize("args", [(), ("500", "fine"), ("500", "top", str(MEMORY)),
                                  ("77", "text")])
def test_a_failing_group_faults_where_the_interpreter_does(args, paged):
    if paged and "top" in args:
        pytest.skip("paged memory has no top at --memory: its last page is not mapped")
    program = pvm.compile_source(GROUPS, name="g.c")
    interp = pvm.run(program, args=args, tier="interp", paged=paged, memory=MEMORY)
    if "top" in args:
        assert interp.status == 139 and b"read of address 0x1000000 in main (g.c:20)" in interp.stderr
    elif "text" in args:
        assert interp.status == 139 and b"write of address" in interp.stderr
    else:
        assert interp.status == 0
    log = []
    jit = pvm.run(program, args=args, tier="jit", paged=paged, memory=MEMORY, jit_log=log.append)
    assert (jit.status, jit.stdout, jit.stderr) == (interp.status, interp.stdout, interp.stderr)
    # the group's check failed and the stepper took over (unmetered: no other steps)
    steps = int(re.search(r"(\d+) fuel steps", log[-1]).group(1))
    assert steps == (1 if "top" in args or ("text" in args and not paged) else 0), log[-1]
    for fuel in (999, 4321, 12_345, 30_000):
        jit = pvm.run(program, args=args, tier="jit", paged=paged, memory=MEMORY, fuel=fuel)
        want = interp if fuel is None else pvm.run(program, args=args, tier="interp",
                                                   paged=paged, memory=MEMORY, fuel=fuel)
        assert (jit.status, jit.stdout, jit.stderr) == (want.status, want.stdout, want.stderr), fuel


BUMP = r"""
long bump(long *a, long i)
{
    a[i] = a[i] * 3 + 1;
    a[i + 1] += a[i];
    return a[i];
}
int main(void) { long a[4] = {0}; return (int)bump(a, 1); }
"""


def test_a_group_s_loads_and_stores_after_the_first_have_no_check():
    """bump's accesses, a[i] and a[i + 1] read and written, are one group:
    lowered, it has the group's one check and no check of its own for any
    load or store (each would be a block trap<pc>)."""
    import io

    from llvmlite import ir

    from pvm import api
    from pvm.exec.session import start
    from pvm.jit.irtypes import fresh_type
    from pvm.jit.lower import FunctionLowering
    from pvm.machine.hostos import HostOS
    program = pvm.compile_source(BUMP, name="b.c")
    k = next(k for k, f in enumerate(program.functions) if f.name == "bump")
    code = program.functions[k].code
    accesses = [pc for pc, ins in enumerate(code) if ins[0] in ("LD64", "ST64")]
    assert [code[pc][0] for pc in accesses].count("ST64") == 2 and len(accesses) == 6
    host = HostOS(stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.BytesIO())
    m = start(program, ["b"], host=host, tier="jit", program_key=api.digest(program)).m
    module = ir.Module(name="t")
    declared = {k: ir.Function(module, fresh_type(program.functions[k]), f"pvm_f{k}")}
    FunctionLowering(module, m, k, None, declared).lower()
    text = str(module)
    assert text.count("groupstep") and f"groupstep{accesses[0]}:" in text
    assert not [pc for pc in accesses if f"trap{pc}:" in text], text
