"""C types (LP64 sizes, conversions, spelling, struct layout) and object files."""
import pytest

from compiler import obj as objfile
from compiler import types as T
from compiler_helpers import unit_object


def test_lp64_sizes():
    assert [T.from_specifiers(w.split()).size for w in
            ["char", "short", "int", "long", "long long", "unsigned long int", "_Bool"]] == [1, 2, 4, 8, 8, 8, 1]
    assert T.PointerType(T.CHAR).size == 8
    assert T.from_specifiers(["long", "short"]) is None


@pytest.mark.parametrize("a, b, want", [
    (T.CHAR, T.SHORT, T.INT), (T.INT, T.UINT, T.UINT), (T.LONG, T.UINT, T.LONG),
    (T.ULONG, T.LONG, T.ULONG), (T.LLONG, T.ULONG, T.ULLONG), (T.INT, T.FLOAT, T.FLOAT),
    (T.FLOAT, T.DOUBLE, T.DOUBLE), (T.UCHAR, T.USHORT, T.INT),
])
def test_usual_arithmetic_conversions(a, b, want):
    assert T.common(a, b).name == want.name


def test_spelling_like_clang():
    fp = T.PointerType(T.FunctionType(T.INT, [T.INT, T.PointerType(T.CHAR)], False))
    assert T.spell(fp) == "int (*)(int, char *)"
    assert T.spell(T.ArrayType(T.ArrayType(T.INT, 4), 3)) == "int [3][4]"
    assert T.spell(T.PointerType(T.CHAR.qualified(const=True))) == "const char *"
    assert T.spell(T.PointerType(T.ArrayType(T.INT, 2))) == "int (*)[2]"


def test_struct_and_union_layout():
    d = T.StructDef("s", False)
    d.layout([("c", T.CHAR), ("l", T.LONG), ("s", T.SHORT)])
    assert [f.offset for f in d.fields] == [0, 8, 16] and (d.size, d.align) == (24, 8)
    u = T.StructDef("u", True)
    u.layout([("c", T.CHAR), ("i", T.INT)])
    assert (u.size, u.align) == (4, 4)


def test_static_data_with_relocations():
    o = unit_object('int x = 5; int *p = &x + 1; char s[] = "ab"; const char *m = "hi"; int z[100];')
    data = {d.name: d for d in o.datas}
    assert data["x"].section == "data" and data["x"].data == (5).to_bytes(4, "little")
    assert data["p"].relocs == [(0, "x", 4)]
    assert data["s"].data == b"ab\0" and data["s"].size == 3
    assert data["m"].relocs[0][1].startswith(".str.")
    assert data["z"].section == "bss" and data["z"].size == 400


def test_object_serialization_round_trips_deterministically():
    src = "static int k = 3; int f(int a) { return a * k; } int g(void) { return f(2) + (int)sizeof(long); }"
    a, b = unit_object(src), unit_object(src)
    text = objfile.dumps(a)
    assert text == objfile.dumps(b)
    assert objfile.dumps(objfile.loads(text)) == text
    with pytest.raises(ValueError):
        objfile.loads('{"format": "something else"}')


def test_static_symbols_are_private_to_their_unit():
    import pvm
    from compiler.driver import compile_unit, link_objects
    a = compile_unit("a.c", "static int v = 1; int geta(void) { return v; }")
    b = compile_unit("b.c", "static int v = 20; int geta(void); int main(void) { return geta() + v; }")
    start = compile_unit("s.c", "int main(void); void _start(int c, char **v) { __syscall(1, main()); }")
    assert pvm.api.run(link_objects([start, a, b])).status == 21


def test_unused_functions_are_dropped_by_the_linker():
    from compiler.driver import compile_source
    p = compile_source("int unused(void) { return 1; } int main(void) { return 0; }"
                       "\nvoid _start(int c, char **v) { main(); }", link_stdlib=False)
    assert [f.name for f in p.functions] == ["main", "_start"]
    assert p.functions[p.entry].name == "_start"
