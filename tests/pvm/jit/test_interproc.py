"""Parameters every caller passes the same constant (pvm/jit/interproc.py):
which are found, which are not (two values, an address taken, an open code
space), and that a program whose indirect call became direct behaves as on
the interpreter, faults and fuel stops included."""
from __future__ import annotations

import io
import re

import pytest

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit import interproc
    from pvm.machine.codespace import CodeSpace

COUNT = r"""
#include <stdio.h>
#include <stdlib.h>
static int *nowhere;
static int less(const void *a, const void *b) { return *(const int *)a < *(const int *)b; }
static long count(const int *a, long n, long size, int (*cmp)(const void *, const void *))
{
    long c = 0;
    for (long i = 1; i < n; i++)
        c += cmp((const char *)a + i * size, a);
    return n > 100000 ? c + count(a, n / 2, size, cmp) : c;
}
int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000, *a = malloc(n * sizeof(int));
    for (int i = 0; i < n; i++)
        a[i] = (int)((i * 7919L) % 1009);
    if (argc > 2)                      /* the comparison then reads through NULL */
        a = nowhere;
    printf("%ld %ld\n", count(a, n, sizeof(int), less), count(a + 1, n - 1, sizeof(int), less));
    return 0;
}
"""


def index(program, name):
    return next(k for k, f in enumerate(program.functions) if f.name == name)


def facts(source, name, key="k"):
    program = pvm.compile_source(source, name="t.c")
    return program, interproc.constant_params(CodeSpace(program, key), index(program, name))



def same_on_jit_and_interp(program, args, budgets):
    """The JIT's run equals the interpreter's, unmetered and stopped at each
    fuel budget; returns the interpreter's result."""
    interp = pvm.run(program, args=args, tier="interp")
    for fuel in (None, *budgets):
        a = pvm.run(program, args=args, tier="jit", fuel=fuel)
        b = interp if fuel is None else pvm.run(program, args=args, tier="interp", fuel=fuel)
        assert (a.status, a.stdout, a.stderr) == (b.status, b.stdout, b.stderr), fuel
    return interp


def test_a_constant_pointer_and_size_are_found():
    program, found = facts(COUNT, "count")
    assert found == {2: ("k", 4), 3: ("f", index(program, "less"))}


def test_an_open_code_space_has_no_facts():
    """The REPL's space (no program key, functions added later) is open."""
    assert facts(COUNT, "count", key=None)[1] == {}


def test_no_fact_for_a_parameter_whose_callers_differ():
    program, found = facts(COUNT.replace("count(a + 1, n - 1, sizeof(int), less)",
                                         "count(a + 1, n - 1, sizeof(short), less)"), "count")
    assert found == {3: ("f", index(program, "less"))}


TAKEN = "long (*taken)(const int *, long, long, int (*)(const void *, const void *));\n"


@pytest.mark.parametrize("how", [
    TAKEN.replace(";", " = count;") + "void keep(void) {}\n",     # in the initial data
    TAKEN + "void keep(void) { taken = count; }\n",        # by an instruction (FADDR)
])
def test_no_fact_when_the_address_is_taken(how):
    source = COUNT.replace("int main(", how + "int main(").replace(
        "    return 0;", "    keep();\n    return argc > 5 ? (int)taken(a, 2, 4, less) : 0;")
    assert facts(source, "count")[1] == {}


@pytest.mark.parametrize("args", [["1000"], ["300000"], ["1000", "fault"]])
def test_the_devirtualised_call_behaves_as_the_interpreter(args):
    program = pvm.compile_source(COUNT, name="count.c")
    interp = same_on_jit_and_interp(program, args, (3000, 12345, 40000))
    if "fault" in args:
        assert interp.status == 139 and b"in less (count.c:5)" in interp.stderr


def count_ir(monkeypatch, with_facts: bool) -> str:
    """count's optimised IR with every function compiled (pvm bench's jit column)."""
    from pvm.exec.session import start
    from pvm.machine.hostos import HostOS
    if not with_facts:
        monkeypatch.setattr(interproc, "constant_params", lambda space, k: {})
        monkeypatch.setattr(interproc, "indirect_targets", lambda space, shape: [])
    program = pvm.compile_source(COUNT, name="count.c")
    dumps = []
    runner = start(program, ["count", "1000"], host=HostOS(stdout=io.BytesIO()), tier="jit",
                   program_key=pvm.api.digest(program) + str(with_facts),
                   dump_llvm=dumps.append)
    runner.jit.compile_all()
    k = index(program, "count")
    text = next(t for t in dumps if re.search(rf"^define [^@]*@pvm_f{k}\(", t, re.M))
    start_at = re.search(rf"^define [^@]*@pvm_f{k}\(", text, re.M).start()
    return text[start_at:text.index("\n}\n", start_at)]


def test_the_call_through_the_pointer_becomes_direct(monkeypatch):
    """count calls `less` through its parameter: with the fact, the call is
    direct and `less` copied in (its copies' budget permitting), so fewer
    native calls through a pointer remain than without it."""
    with_facts = len(re.findall(r"call i64 %", count_ir(monkeypatch, True)))
    without = len(re.findall(r"call i64 %", count_ir(monkeypatch, False)))
    assert with_facts < without, (with_facts, without)



# ---- indirect calls that test their few possible targets (indirect_targets) ----------

SORTS = r"""
#include <stdio.h>
#include <stdlib.h>
struct rec { int key; short group; long weight; };
typedef int (*cmp_fn)(const struct rec *, const struct rec *);
static int by_key(const struct rec *a, const struct rec *b) { return (a->key > b->key) - (a->key < b->key); }
static int by_group(const struct rec *a, const struct rec *b) { return a->group - b->group; }
static long weigh(const struct rec *a) { return a->weight; }
static int by_weight(const struct rec *a, const struct rec *b) { return weigh(a) < weigh(b); }
static const cmp_fn table[] = {by_weight};       /* taken in the initial data only */
static void sort(struct rec *a, int n, cmp_fn cmp)
{
    for (int moved = 1; moved;) {              /* bubble passes until none moves */
        moved = 0;
        for (int i = 0; i + 1 < n; i++)
            if (cmp(&a[i], &a[i + 1]) > 0) {
                struct rec t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                moved = 1;
            }
    }
}
int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    struct rec *a = malloc(n * sizeof *a);
    for (int i = 0; i < n; i++) {
        a[i].key = (int)((i * 7919L) % 1009);
        a[i].group = (short)(i % 5);
        a[i].weight = (i * 31L) % 17;
    }
    cmp_fn pick = argc > 2 ? (cmp_fn)(long)atoi(argv[2]) : by_key;
    sort(a, n, pick);
    sort(a, n, by_group);
    sort(a, n, table[0]);
    long sum = 0;
    for (int i = 0; i < n; i++)
        sum = sum * 31 + a[i].key * 7 + a[i].group + a[i].weight;
    printf("%ld %p\n", sum, (void *)weigh);
    return 0;
}
"""


def test_the_targets_of_an_indirect_call_are_the_functions_whose_address_is_taken():
    program = pvm.compile_source(SORTS, name="sorts.c")
    space = CodeSpace(program, "k")
    names = lambda ks: sorted(program.functions[k].name for k in ks)
    # by_weight only through the initial data; weigh has another shape
    assert names(interproc.indirect_targets(space, ("qq", "q"))) == ["by_group", "by_key", "by_weight"]
    assert names(interproc.indirect_targets(space, ("q", "q"))) == ["weigh"]
    assert interproc.indirect_targets(CodeSpace(program, None), ("qq", "q")) == []   # open
    more = SORTS.replace("static long weigh(", "static int by_id(const struct rec *a, const struct rec *b)"
                         " { return a < b; }\nstatic long weigh(").replace(
                             "sort(a, n, table[0]);", "sort(a, n, table[0]);\n    sort(a, n, by_id);")
    many = pvm.compile_source(more, name="many.c")
    assert interproc.indirect_targets(CodeSpace(many, "k"), ("qq", "q")) == []   # too many to test


@pytest.mark.parametrize("args", [["100"], ["100", "12"], ["100", "0"]])
def test_an_indirect_call_that_tests_its_targets_behaves_as_the_interpreter(args):
    """The candidates copied into sort, and a pointer made from an integer
    (a bad call, and a null one) that takes the generic path."""
    program = pvm.compile_source(SORTS, name="sorts.c")
    interp = same_on_jit_and_interp(program, args, (5000, 77777))
    assert (interp.status == 0) == (len(args) == 1), interp.stderr


def test_the_indirect_call_tests_its_targets_and_copies_them(monkeypatch):
    from pvm.exec.session import start
    from pvm.machine.hostos import HostOS
    program = pvm.compile_source(SORTS, name="sorts.c")
    k = index(program, "sort")

    def sort_ir(with_guesses):
        if not with_guesses:
            monkeypatch.setattr(interproc, "indirect_targets", lambda space, shape: [])
        dumps = []
        runner = start(program, ["sorts"], host=HostOS(stdout=io.BytesIO()), tier="jit",
                       program_key=pvm.api.digest(program) + str(with_guesses),
                       dump_llvm=dumps.append)
        runner.jit.compile_all()
        text = next(t for t in dumps if re.search(rf"^define [^@]*@pvm_f{k}\(", t, re.M))
        at = re.search(rf"^define [^@]*@pvm_f{k}\(", text, re.M).start()
        return text[at:text.index("\n}\n", at)]

    guessing = sort_ir(True)
    addresses = [str(CodeSpace(program, "k").layout.function_address[index(program, name)])
                 for name in ("by_key", "by_group", "by_weight")]
    assert all(f"i64 {a}" in guessing for a in addresses)          # compared with each
    assert "guess" in guessing and "guess" not in sort_ir(False)
