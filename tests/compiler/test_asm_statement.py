"""Inline asm statements: GCC's extended syntax with pvm assembly as the text
(compiler/asmstmt.py checks and reads them, compiler/gen_asm.py emits them)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pvm import isa
from compiler.diagnostics import CompileError
from compiler.driver import compile_source

from compiler_helpers import errors_of, ops, status_of


def caret_column(message: str) -> int:
    """The 1-based column the caret of the first diagnostic points at, checked
    against the column the heading names."""
    lines = message.splitlines()
    head = re.match(r"prog\.c:\d+:(\d+): error: ", lines[0])
    assert head, message
    caret = lines[2]
    assert caret.startswith("      | ")
    column = len(caret) - len("      | ")
    assert column == int(head.group(1)), message
    return column


def column_of(src: str, needle: str) -> int:
    """The 1-based column of the first `needle` in one-line `src`."""
    return src.index(needle) + 1


# ---- what works

def test_add_through_asm():
    assert status_of("int main(void) { long a = 40, b = 2, c;\n"
                     '  asm("add64 %0, %1, %2" : "=r"(c) : "r"(a), "r"(b));\n'
                     "  return c; }") == 42


def test_in_out_operand_and_immediates():
    assert status_of("int main(void) { int x = 5;\n"
                     '  asm volatile("addi64 %0, %0, %1" : "+r"(x) : "i"(7 * 3));\n'
                     "  return x; }") == 26


def test_several_instructions_separated_by_semicolons_and_newlines():
    src = ("int main(void) { long x = 1;\n"
           '  __asm__ __volatile__("addi64 %0, %0, #1; addi64 %0, %0, #2\\n"\n'
           '                       "addi64 %0, %0, #3" : "+r"(x));\n'
           "  return x; }")
    assert status_of(src) == 7
    code = [ins[0] for ins in ops(src, "main")]
    assert code.count("ADDI64") == 3


def test_floating_operands():
    assert status_of("int main(void) { double d = 1.25, e; float f;\n"
                     '  asm("fadd %0, %1, %1" : "=f"(e) : "f"(d));\n'
                     '  asm("fmul %0, %1, %2" : "=f"(f) : "f"(e), "f"(e));\n'
                     "  return (int)(f * 4); }") == 25


def test_outputs_through_pointers_and_conversion_to_the_lvalue_type():
    # the register's 64 bits are converted as an assignment would: to int, to _Bool
    assert status_of("int main(void) { int box[2] = {0, 0}; int *p = box; _Bool b;\n"
                     '  asm("li %0, #0x100000003" : "=r"(p[1]));\n'
                     '  asm("li %0, #8" : "=r"(b));\n'
                     "  return box[1] * 10 + b; }") == 31


def test_matching_constraint_starts_an_input_in_the_output_register():
    assert status_of("int main(void) { long x, y = 9;\n"
                     '  asm("addi64 %0, %0, #1" : "=r"(x) : "0"(y));\n'
                     "  return x; }") == 10


def test_basic_asm_and_clobbers():
    src = ('int main(void) { asm("nop"); asm volatile("nop" : : : "memory", "cc");'
           " return 3; }")
    assert status_of(src) == 3
    assert [ins[0] for ins in ops(src, "main")].count("NOP") == 2


def test_frame_pointer_is_reloaded_after_every_asm():
    # an asm may move FP (setfp), and frame accesses go through FPREG
    src = ("int main(void) { int a[2]; a[0] = 1;\n"
           '  asm("nop");\n'
           "  a[1] = 2; return a[0] + a[1]; }")
    code = ops(src, "main")
    nop = next(i for i, ins in enumerate(code) if ins[0] == "NOP")
    fpreg = code[0][1]
    assert code[0] == ("FRAME", fpreg, 0) and code[nop + 1] == ("FRAME", fpreg, 0)
    assert status_of(src) == 3


def test_frame_gives_the_frame_pointer():
    assert status_of("int main(void) { long fp; int local;\n"
                     '  asm("frame %0, #0" : "=r"(fp));\n'
                     "  long p = (long)&local;\n"
                     "  return p < fp && fp - p < 4096; }") == 1


@pytest.mark.skipif("GETFP" not in isa.BY_NAME, reason="GETFP is not in the opcode table yet")
def test_getfp_gives_what_frame_gives():
    assert status_of("int main(void) { long a, b;\n"
                     '  asm("getfp %0" : "=r"(a));\n'
                     '  asm("frame %0, #0" : "=r"(b));\n'
                     "  return a == b; }") == 1


# ---- refused, with the caret under the offending character

REFUSED = [
    ('void f(void) { asm("jmp L1"); }', "jmp", "jumps are not allowed in asm"),
    ('void f(void) { long x = 0; asm("jz %0, L1" : : "r"(x)); }', "jz", "jumps are not allowed"),
    ('void f(void) { asm("L1: nop"); }', "L1", "labels are not allowed in asm"),
    ('void f(void) { asm("nop;" "\\n  call r1, @f, r2, 0"); }', "call", "calls are not allowed"),
    ('void f(void) { asm("  retv"); }', "retv", "returns are not allowed in asm"),
    ('long g; void f(void) { long x; asm("li %0, &g" : "=r"(x)); }', "&g", "data references"),
    ('void f(void) { long x; asm("faddr %0, @f" : "=r"(x)); }', "@f", "function references"),
    ('void f(void) { long x; asm("mov %0, r3" : "=r"(x)); }', "r3", "names register 'r3' directly"),
    ('void f(void) { long x; asm("add64 %0, %1, %3" : "=r"(x) : "r"(x)); }', "%3",
     "invalid operand number %3 in asm: the statement has 2 operands"),
    ('void f(void) { long x; asm("li %0, 5%" : "=r"(x)); }', "%\"", "invalid '%' in asm"),
    ('void f(void) { long x; asm("frob %0" : "=r"(x)); }', "frob", "unknown instruction 'frob'"),
    ('void f(void) { long x; asm("li %0, 5" : "=r"(x)); }', "5\"", "expected an immediate #N"),
    ('void f(void) { long x; asm("add64 %0, %0" : "=r"(x)); }', "add64", "ADD64 takes 3 operands"),
    ('void f(void) { long x; double d; asm("fadd %0, %1, %1" : "=f"(d) : "r"(x)); }', "%1",
     "expected a floating register fN, found 'r1' (%1 is an integer register)"),
    # escapes and concatenation shift the column: the caret still finds the character
    ('void f(void) { asm("nop\\t;" "\\x20\\tnop; jmp L"); }', "jmp", "jumps are not allowed"),
]


@pytest.mark.parametrize("src, at, message", REFUSED, ids=[r[1] for r in REFUSED])
def test_refused_with_caret_into_the_string(src, at, message):
    text = errors_of(src)
    assert message in text.splitlines()[0], text
    assert caret_column(text) == column_of(src, at)


OPERAND_ERRORS = [
    ('void f(void) { asm("li %0, #5" : "=r"(3)); }', "3)", "expression is not assignable"),
    ('void f(void) { double x; asm("li %0, #5" : "=r"(x)); }', "x)",
     "invalid type 'double' for an 'r' operand of asm"),
    ('void f(void) { long x; double d; asm("nop" : "=f"(x)); }', "x)",
     "invalid type 'long' for an 'f' operand"),
    ('void f(int n) { long x; asm("addi64 %0, %0, %1" : "=r"(x) : "i"(n)); }', "n))",
     "constraint 'i' needs an integer constant expression"),
    ('void f(void) { long x; asm("nop" : "r"(x)); }', '"r"', "lacks '=' or '+'"),
    ('void f(void) { long x; asm("nop" : : "=r"(x)); }', '"=r"', "input operand constraint contains '='"),
    ('void f(void) { long x; asm("nop" : "=m"(x)); }', '"=m"', "unsupported output constraint '=m'"),
    ('void f(void) { long x; asm("nop" : : "g"(x)); }', '"g"', "unsupported constraint 'g'"),
    ('void f(void) { long x; asm("nop" : : "1"(x)); }', '"1"', "matching constraint '1' names no output"),
    ('void f(void) { asm("nop" : : : "r3"); }', '"r3"', "unknown clobber 'r3'"),
    ('void f(void) { const long x = 1; asm("nop" : "=r"(x)); }', "x)", "cannot assign to variable 'x'"),
]


@pytest.mark.parametrize("src, at, message", OPERAND_ERRORS, ids=[r[2][:30] for r in OPERAND_ERRORS])
def test_operand_errors(src, at, message):
    text = errors_of(src)
    assert message in text.splitlines()[0], text
    assert caret_column(text) == column_of(src, at)


def test_verifier_refusal_is_a_compile_error_at_the_statement():
    src = 'void f(void) { long x; asm("varargs %0" : "=r"(x)); }'
    text = errors_of(src)
    assert "asm does not verify: VARARGS in a function that is not variadic" in text
    assert caret_column(text) == column_of(src, "asm(")


def test_every_error_of_a_statement_is_reported():
    text = errors_of('void f(void) { asm("frob; jmp L; nop"); }')
    assert "unknown instruction 'frob'" in text and "jumps are not allowed" in text


# ---- the compiler never fails otherwise

_PIECES = st.sampled_from(["%0", "%1", "%2", "%9", "%%", "%", "r1", "f0", "#5", "#-1", "#x", "&g",
                           "@f", "@\"f\"", "L1:", "L1", ",", ", ", ";", "\\n", " ", "\\t", "\\x41",
                           "\\\"", "\\\\", "nop", "add64", "addi64", "fadd", "li", "lf", "frame",
                           "jmp", "call", "syscall", "varargs", "trap", "ret", "ld64", "st64", "#1.5",
                           "\\0", "é", "0x10", ":", "\""])
_CONSTRAINT = st.sampled_from(["r", "f", "i", "=r", "+r", "=f", "+f", "0", "1", "=&r", "", "m", "=",
                               "+i", "=i", "rr"])
_EXPR = st.sampled_from(["x", "d", "p", "5", "1.5", "*p", "x + 1", "&x", "f", "\"s\"", "c[0]"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(_PIECES, max_size=12).map("".join),
       outs=st.lists(st.tuples(_CONSTRAINT, _EXPR), max_size=3),
       ins=st.lists(st.tuples(_CONSTRAINT, _EXPR), max_size=3),
       clobbers=st.lists(st.sampled_from(['"memory"', '"cc"', '"r1"', '""']), max_size=2))
def test_random_asm_is_compiled_or_refused_never_crashes(text, outs, ins, clobbers):
    operands = lambda ops_: ", ".join(f'"{c}"({e})' for c, e in ops_)
    src = ("long g; void f(void);\n"
           "void h(void) { long x = 1; double d = 2; long *p = &x; char c[2];\n"
           f'  asm volatile("{text}" : {operands(outs)} : {operands(ins)} : {", ".join(clobbers)});\n'
           "}\n")
    try:
        compile_source(src, name="prog.c", link_stdlib=False)
    except CompileError:
        pass
