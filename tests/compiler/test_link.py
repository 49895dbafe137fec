"""compiler/link.py's incremental mode: a Linker that links step by step
against what it linked before, with the batch link's diagnostics."""
from __future__ import annotations

import pytest

from compiler.diagnostics import CompileError
from compiler.driver import compile_unit
from compiler.link import Arena, ArenaPlacement, Linker, link
from pvm import isa

A = """
const char *greeting = "hi";
int counter = 7;
int twice(int x) { return 2 * x; }
"""
B = """
extern int counter;
extern const char *greeting;
int twice(int x);
int use(void) { return twice(counter) + greeting[0]; }
"""


def arenas() -> ArenaPlacement:
    """Each section in an arena of its own, far apart."""
    return ArenaPlacement({"text": Arena(0x1000, 0x10000), "rodata": Arena(0x10000, 0x20000),
                           "data": Arena(0x20000, 0x30000), "bss": Arena(0x30000, 0x40000)})


def summary(linked_steps) -> tuple:
    """Functions (index, address, name, code) and data (name, address, bytes) of some steps."""
    funcs = [(f.index, f.address, f.function.name, f.function.code) for s in linked_steps for f in s.functions]
    data = [(d.name, d.address, d.data) for s in linked_steps for d in s.data]
    return sorted(funcs), sorted(data)


def test_two_objects_at_once_or_one_after_the_other_are_placed_alike():
    a, b = compile_unit("a.c", A), compile_unit("b.c", B)
    at_once = Linker(placement=arenas())
    together = at_once.link([a, b])
    stepwise = Linker(placement=arenas())
    first, second = stepwise.link([a]), stepwise.link([b])
    assert summary([together]) == summary([first, second])
    assert at_once.symbols == stepwise.symbols
    # b's references went to what the first step placed
    use = second.functions[0].function
    assert [ins[2] for ins in use.code if ins[0] == "CALL"] == [stepwise.function("twice")]
    operands = [x for ins in use.code for x in ins[1:]]
    assert stepwise.address("counter") in operands and stepwise.address("greeting") in operands


def test_a_step_keeps_its_objects_whole_and_takes_from_the_library_what_it_needs():
    lib = compile_unit("lib.c", "int sq(int x) { return x * x; } int cube(int x) { return x * sq(x); }"
                                " int unused(void) { return 0; }")
    linker = Linker([lib], placement=arenas())
    first = linker.link([compile_unit("u1.c", "int cube(int); int f(void) { return cube(3); }"
                                              " int g(void) { return 1; }")])
    assert sorted(f.function.name for f in first.functions) == ["cube", "f", "g", "sq"]
    second = linker.link([compile_unit("u2.c", "int sq(int); int h(void) { return sq(2); }")])
    assert [f.function.name for f in second.functions] == ["h"]       # sq is linked already
    assert linker.function("unused") is None


def test_a_data_symbol_defined_later_resolves():
    # within one step: a pointer in data to a variable of a later object
    uses = compile_unit("uses.c", "extern int later; int *p = &later; int get(void) { return later; }")
    defines = compile_unit("defines.c", "int later = 5;")
    linker = Linker(placement=arenas())
    linked = linker.link([uses, defines])
    p = next(d for d in linked.data if d.name == "p")
    assert int.from_bytes(p.data, "little") == linker.address("later")
    # across steps: a pointer to a variable an earlier step placed
    more = linker.link([compile_unit("more.c", "extern int later; int *q = &later + 1;")])
    assert int.from_bytes(more.data[0].data, "little") == linker.address("later") + 4


def test_undefined_reference_reads_as_in_the_batch_link():
    start = compile_unit("s.c", "int main(void); void _start(int c, char **v) { main(); }")
    prog = compile_unit("prog.c", "int missing(int); int main(void) { return missing(1); }")
    with pytest.raises(CompileError) as batch:
        link([start, prog])
    with pytest.raises(CompileError) as step:
        Linker(placement=arenas()).link([prog])
    assert "prog.c: in function 'main': undefined reference to 'missing'" in str(batch.value)
    assert str(step.value) == str(batch.value)


def test_a_failed_step_changes_nothing():
    linker = Linker(placement=arenas())
    linker.link([compile_unit("a.c", "int one(void) { return 1; }")])
    before = (dict(linker.symbols), list(linker.functions), list(linker.files))
    with pytest.raises(CompileError):
        linker.link([compile_unit("b.c", "int nope(void); int two(void) { return nope() + 1; }")])
    assert (linker.symbols, linker.functions, linker.files) == before


def test_multiple_definition_reads_as_in_the_batch_link():
    start = compile_unit("s.c", "int f(void); void _start(int c, char **v) { f(); }")
    a, b = compile_unit("a.c", "int f(void) { return 1; }"), compile_unit("b.c", "int f(void) { return 2; }")
    with pytest.raises(CompileError) as batch:
        link([start, a, b])
    assert str(batch.value) == "b.c: multiple definition of 'f'; first defined in a.c"
    linker = Linker(placement=arenas())
    with pytest.raises(CompileError) as one_step:
        linker.link([a, b])
    assert str(one_step.value) == str(batch.value)
    linker.link([a])
    with pytest.raises(CompileError) as two_steps:
        linker.link([b])
    assert str(two_steps.value) == str(batch.value)


def test_a_redefinition_with_the_same_shape_replaces_the_function_in_place():
    linker = Linker(placement=arenas(), redefine=True)
    first = linker.link([compile_unit("r1.c", "int f(int x) { return x; } int g(void) { return f(1); }")])
    k = first.defined["f"][1]
    again = linker.link([compile_unit("r2.c", "int f(int x) { return x + 1; }")])
    assert again.replaced == ["f"] and again.functions[0].replaces
    assert again.defined["f"] == ("fn", k) and linker.function("f") == k
    assert linker.function_address[k] == again.functions[0].address != first.functions[0].address
    assert again.stale == []
    # a new calling shape: a new index, and g still calls the old code
    changed = linker.link([compile_unit("r3.c", "double f(double x) { return x * 2; }")])
    assert not changed.functions[0].replaces and linker.function("f") != k
    assert changed.stale == [("g", "f")]


def test_the_batch_link_is_a_first_step_of_the_linker():
    start = compile_unit("s.c", "int main(void); void _start(int c, char **v) { main(); }")
    prog = compile_unit("prog.c", 'int unused(void) { return 3; } int main(void) { return "ab"[1]; }')
    program = link([start, prog])
    assert [f.name for f in program.functions] == ["_start", "main"]
    linked = Linker([start, prog]).link(roots=["_start"])
    assert [f.function.code for f in linked.functions] == [f.code for f in program.functions]
    assert linked.symbols == program.symbols


START = "int main(void); void _start(int c, char **v) { main(); }"
LIBRARY = """
int strlen(const char *s) { int n = 0; while (s[n]) n++; return n; }
int show(const char *s) { return strlen(s); }
"""


def test_the_programs_own_definition_of_a_library_name_wins_and_the_library_binds_its_own():
    lib = compile_unit("string.c", LIBRARY)
    prog = compile_unit("prog.c", "int strlen(const char *s) { return 99; } int show(const char *);"
                                  "int main(void) { return strlen(\"a\") + show(\"abc\"); }")
    program = link([compile_unit("crt0.c", START), prog], library=[lib])
    strlens = [f for f in program.functions if f.name == "strlen"]
    assert [program.files[f.file] for f in strlens] == ["prog.c", "string.c"]
    index = {program.files[f.file]: program.functions.index(f) for f in strlens}
    main = next(f for f in program.functions if f.name == "main")
    show = next(f for f in program.functions if f.name == "show")
    assert index["prog.c"] in [ins[2] for ins in main.code if ins[0] in isa.DIRECT_CALLS]
    assert [ins[2] for ins in show.code if ins[0] in isa.DIRECT_CALLS] == [index["string.c"]]


def test_a_library_member_no_one_needs_is_not_linked_beside_the_programs_own():
    lib = compile_unit("string.c", LIBRARY)
    prog = compile_unit("prog.c", "int strlen(const char *s) { return 99; } int main(void) { return strlen(\"a\"); }")
    program = link([compile_unit("crt0.c", START), prog], library=[lib])
    assert [(f.name, program.files[f.file]) for f in program.functions] == \
        [("_start", "crt0.c"), ("strlen", "prog.c"), ("main", "prog.c")]


def test_a_name_defined_twice_by_the_program_is_still_a_multiple_definition():
    lib = compile_unit("string.c", LIBRARY)
    a = compile_unit("a.c", "int strlen(const char *s) { return 1; } int main(void) { return strlen(\"\"); }")
    b = compile_unit("b.c", "int strlen(const char *s) { return 2; }")
    with pytest.raises(CompileError, match="b.c: multiple definition of 'strlen'; first defined in a.c"):
        link([compile_unit("crt0.c", START), a, b], library=[lib])


def test_a_step_may_define_a_name_the_library_defines_and_the_library_keeps_its_own():
    linker = Linker([compile_unit("string.c", LIBRARY)], placement=arenas(), redefine=True)
    first = linker.link([compile_unit("u1.c", "int show(const char *); int f(void) { return show(\"ab\"); }")])
    library_strlen = linker.function("strlen")
    second = linker.link([compile_unit("u2.c", "int strlen(const char *s) { return 7; }")])
    assert [f.replaces for f in second.functions] == [False] and second.stale == []
    assert linker.function("strlen") != library_strlen
    show = next(f.function for f in first.functions if f.function.name == "show")
    assert [ins[2] for ins in show.code if ins[0] in isa.DIRECT_CALLS] == [library_strlen]
    plain = Linker([compile_unit("string.c", LIBRARY)], placement=arenas())
    plain.link([compile_unit("u3.c", "int strlen(const char *s) { return 7; }")])   # no multiple definition
