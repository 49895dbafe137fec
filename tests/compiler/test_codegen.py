"""Golden opcode sequences: the code generator's choices for small functions."""
from compiler_helpers import ops


def test_return_constant():
    assert ops("int f(void) { return 3; }", "f") == [("LI", 0, 3), ("RET", 0)]


def test_arguments_are_registers_and_add_immediate_is_fused():
    assert ops("int f(int a, int b) { return a + b + 5; }", "f") == [
        ("ADD64", 2, 0, 1), ("ADDI64", 2, 2, 5), ("RET", 2)]


def test_signed_int_arithmetic_is_64_bit_unsigned_wraps_at_32():
    # signed overflow is undefined, so the 64-bit sum is the int sum whenever
    # one exists (no sign extension per operation); unsigned must wrap
    assert [c[0] for c in ops("int f(int a, int b) { return a * b - a + 1; }", "f")] == [
        "MUL64", "SUB64", "ADDI64", "RET"]
    assert [c[0] for c in ops("unsigned f(unsigned a, unsigned b) { return a * b - a + 1; }", "f")] == [
        "MUL32", "SUB32", "ADDI32", "RET"]
    assert [c[0] for c in ops("int f(int a) { return -a / 3 << 2; }", "f")][:1] == ["NEG64"]


def test_loop_is_rotated_and_compare_fused_into_branch():
    code = ops("int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; }", "f")
    assert code == [
        ("LI", 1, 0),            # s
        ("LI", 2, 0),            # i
        ("JMP", 5),              # to the test
        ("ADD64", 1, 1, 2),      # s += i, straight into s's register
        ("ADDI64", 2, 2, 1),     # i++
        ("JLT", 2, 0, 3),        # i < n: one fused compare-and-branch per iteration
        ("RET", 1)]


def test_greater_equal_swaps_operands_and_zero_test_uses_jz():
    code = ops("int f(int a, int b) { if (a >= b) return 1; if (a == 0) return 2; return 3; }", "f")
    assert code[0] == ("JLT", 0, 1, 3)    # !(a >= b) is a < b
    assert code[3] == ("JNZ", 0, 6)       # !(a == 0)


def test_global_access_uses_zero_register_and_offset():
    from compiler.obj import Ref
    code = ops("int g[4]; int f(void) { return g[2]; }", "f")
    assert code[0] == ("LI", 1, 0)        # the ZERO register, set once on entry
    assert code[1] == ("LD32", 0, 1, Ref("addr", "g", 8))


def test_array_element_in_frame_is_one_load():
    code = ops("int f(void) { int a[4]; a[3] = 7; return a[3]; }", "f")
    assert code[0][0] == "FRAME"          # FPREG := FP
    loads = [i for i in code if i[0] == "LD32"]
    stores = [i for i in code if i[0] == "ST32"]
    assert len(loads) == 1 and len(stores) == 1
    assert loads[0][2] == stores[0][1]    # both address the frame via FPREG with a constant K
    assert loads[0][3] == stores[0][3] and loads[0][3] < 0


def test_unsigned_operations_use_unsigned_opcodes():
    code = ops("unsigned f(unsigned a, unsigned b) { return a / b + (a >> 3) + (a < b); }", "f")
    names = [i[0] for i in code]
    assert "DIVU32" in names and "SHRU32" in names and "LTU32" in names


def test_narrowing_conversions():
    names = [i[0] for i in ops("int f(long x) { char c = x; unsigned char u = x; short s = x; return c + u + s; }", "f")]
    assert names[:3] == ["SEXT8", "ZEXT8", "SEXT16"]


def test_call_passes_consecutive_registers():
    from compiler.obj import Ref
    code = ops("int g(int a, int b); int f(int x) { return g(x, x + 1); }", "f")
    assert code == [("MOV", 1, 0), ("ADDI64", 2, 0, 1), ("CALL", 1, Ref("fn", "g"), 1, 2), ("RET", 1)]


def test_every_instruction_has_a_line():
    from compiler_helpers import unit_object
    obj = unit_object("int f(int a)\n{\n  int b = a * 2;\n  return b;\n}\n")
    f = obj.functions[0]
    assert f.lines == [3, 3, 4]
    assert ("b", "int", "reg", 1, 0, 3) in f.locals


def test_builtin_sqrt_is_one_instruction():
    assert ops("double f(double x) { return __builtin_sqrt(x); }", "f") == [
        ("FSQRT", 1, 0), ("FRET", 1)]
    code = ops("double f(int n) { return __builtin_sqrt(n); }", "f")
    assert [c[0] for c in code] == ["I2F", "FSQRT", "FRET"]
