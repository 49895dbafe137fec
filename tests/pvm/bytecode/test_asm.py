"""The assembler and disassembler: exact round trips and pleasant hand-written text."""
from __future__ import annotations

import inspect
import re
import struct

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pvm.bytecode import asm, bcfile
from pvm import isa
from pvm.bytecode.asm import AsmError, assemble
from pvm.bytecode.dis import disassemble
from pvm.errors import PvmError
from pvm.bytecode.program import Function, Program, Symbol


def same_file(p: Program, effects: bool = False) -> None:
    text = disassemble(p, effects=effects)
    assert bcfile.encode(assemble(text, "round.s")) == bcfile.encode(p), text


# ---- round trips -----------------------------------------------------------------

def test_property_round_trip(programs):
    @settings(max_examples=80, deadline=None)
    @given(programs())
    def check(p):
        same_file(p)
        same_file(p, effects=True)

    check()


def test_every_opcode_round_trips(corpus):
    every = corpus[1]
    assert {ins[0] for f in every.functions for ins in f.code} == {op.name for op in isa.OPS}
    same_file(every)
    same_file(every, effects=True)


def test_rich_sample_round_trips(sample):
    same_file(sample)
    assert assemble(disassemble(sample)) == sample


def test_nan_payloads_and_signed_zero_survive():
    weird = struct.unpack("<d", struct.pack("<Q", 0xFFF0000000000123))[0]
    f = Function("f", 0, "d", "", 0, [("LF", 0, weird), ("LF", 0, -0.0), ("LF", 0, float("nan")),
                                       ("LF", 0, float("-inf")), ("RETV",)], [0] * 5)
    text = disassemble(Program([f], 0))
    assert "#nan:0xfff0000000000123" in text and "#-0.0" in text and "#-inf" in text
    same_file(Program([f], 0))


def test_duplicate_function_names_are_referred_to_by_index():
    a = Function("dup", 0, "q", "q", 0, [("CALL", 0, 1, 0, 0), ("RET", 0)], [0, 0], static=True)
    b = Function("dup", 0, "q", "q", 0, [("LI", 0, 1), ("RET", 0)], [0, 0], static=True)
    text = disassemble(Program([a, b], 1))
    assert "CALL r0, @1, r0, 0" in text and ".entry 1" in text
    same_file(Program([a, b], 1))


def test_awkward_names_are_quoted():
    f = Function('say "hi"; now\n', 0, "", "", 0, [("RETV",)], [0])
    text = disassemble(Program([f], 0, files=["my file.c"]))
    assert '.func "say \\"hi\\"; now\\x0a"' in text
    same_file(Program([f], 0, files=["my file.c"]))


# ---- what a listing looks like ---------------------------------------------------

def listing_of(sample) -> str:
    return disassemble(sample, effects=True)


def test_listing_shows_labels_operands_and_lines(sample):
    text = listing_of(sample)
    assert ".func main params=2 kinds=qqqd returns=q frame=32 file=0" in text
    assert ".func half params=1 kinds=dq returns=q frame=0 variadic static  ;" in text
    assert re.search(r"LI r2, #-5 +; a\.c:3  R\[A\] := K", text)
    assert re.search(r"JZ r2, L3 +; a\.c:4", text)
    assert "\nL3:\n    CALL r2, @half, f3, 1" in text
    assert re.search(r"LF f3, #1\.5 +; F\[A\] := X", text)   # same line: no marker
    assert re.search(r"F2I r1, f0 +; b\.c:10", text)


def test_listing_header_and_data(sample):
    text = disassemble(sample)
    assert text.startswith("; pvm bytecode listing")
    assert "; entry main (function 0); 2 functions" in text
    assert '.file "a.c"\n.file "b.c"\n.entry main' in text
    assert re.search(r"\.rodata\n    68 69 00 +; 0x[0-9a-f]+  hi\.", text)
    assert ".bss 24" in text
    assert '.symbol main func 0x10000 40 "int (int, char **)"' in text
    assert '.local buf "char [16]" frame -48 1 4' in text
    assert "effect" not in text and ":= K" not in text


def test_address_immediates_say_what_they_point_at():
    f = Function("f", 0, "q", "", 0, [("LI", 0, 0), ("LI", 0, 0), ("LI", 0, 0), ("LI", 0, 65536),
                                      ("RETV",)], [0] * 5)
    p = Program([f], 0, rodata=b"ok\n\x00\xff\x00", data=b"\x00" * 16, bss_size=8)
    lay = bcfile_layout(p)
    p.symbols = [Symbol("odd\nname", "data", lay.data_base + 8, 8, "long")]
    f.code[:3] = [("LI", 0, lay.rodata_base), ("LI", 0, lay.rodata_base + 4),
                  ("LI", 0, lay.data_base + 12)]
    text = disassemble(p)
    assert f'LI r0, #{lay.rodata_base:#x}' in text and '; = "ok\\n"' in text
    assert "; = rodata+0x4" in text and "; = odd\\x0aname+4" in text
    assert "LI r0, #65536\n" in text
    same_file(p)


# ---- hand-written assembly -------------------------------------------------------

def docstring_example() -> str:
    lines = inspect.getdoc(asm).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("    ; hello.s"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("    "))
    return "\n".join(line[4:] for line in lines[start:end])


def test_the_docstring_example_assembles():
    p = assemble(docstring_example(), "hello.s")
    main = p.functions[0]
    assert p.rodata == b"hello, world\n" and p.files == ["hello.s"]
    assert main.code[2] == ("LI", 2, bcfile_layout(p).rodata_base)
    assert main.code[-1] == ("RET", 0)


def bcfile_layout(p):
    from pvm.bytecode.program import program_layout
    return program_layout(p)


HAND = """
; count down from 3, then return the total
.file "count.c"
.func main params=0 returns=q      ; kinds inferred from use
        li r0, #3                  ; any case
        LI r1, #0
loop:   ADD32 r1, r1, r0
        ADDI32 r0, r0, #-1 ; count.c:7
        JNZ r0, loop
        .line 9
        CALL r1, @twice, r1, 1
        RET r1
.func twice params=1 returns=q frame=16
        ADD64 r0, r0, r0
        RET r0
"""


def test_hand_written_labels_comments_and_lines():
    p = assemble(HAND, "count.s")
    main, twice = p.functions
    assert main.kinds == "qq" and twice.kinds == "q"
    assert main.code[4] == ("JNZ", 0, 2)
    assert main.code[5] == ("CALL", 1, 1, 1, 1)
    assert main.lines == [0, 0, 0, 7, 7, 9, 9]
    assert p.entry == 0 and twice.frame_size == 16 and main.file == 0


def test_hand_written_data_labels_and_bss():
    text = """
.data
table:  01 02 03 04
        &msg                 ; an 8-byte pointer to msg
.rodata
msg:    "hi\\n\\x00" 00 "\\101"
.bss 8
buf: .bss 64
.func _start
        LI r0, &buf+8
        LI r1, &table-1
        RETV
"""
    p = assemble(text, "d.s")
    lay = bcfile_layout(p)
    assert p.rodata == b"hi\n\x00\x00A"
    assert p.data == b"\x01\x02\x03\x04" + struct.pack("<Q", lay.rodata_base)
    assert p.bss_size == 72
    assert p.functions[0].code[:2] == [("LI", 0, lay.bss_base + 16), ("LI", 1, lay.data_base - 1)]


def test_inferred_kinds_with_floats_and_call_blocks():
    p = assemble(".func f returns=d\n LF f2, #1e3\n FCALLR f2, r0, r3, 2\n FRET f2\n", "k.s")
    assert p.functions[0].kinds == "qqdqq"
    assert p.functions[0].code[0] == ("LF", 2, 1000.0)


def test_quoted_function_names_and_index_references():
    text = '.func "a b" returns=q\n CALL r0, @"a b", r1, 0\n FADDR r0, @0\n RET r0\n'
    p = assemble(text, "q.s")
    assert p.functions[0].name == "a b"
    assert p.functions[0].code[:2] == [("CALL", 0, 0, 1, 0), ("FADDR", 0, 0)]


@pytest.mark.parametrize("text, line, message", [
    (".func f\n FROB r0\n", 2, "unknown instruction 'FROB'"),
    (".func f\n ADD32 r0, r1\n", 2, "ADD32 takes 3 operands (r, r, r), not 2"),
    (".func f\n MOV r0, f1\n", 2, "expected an integer register rN, found 'f1'"),
    (".func f\n MOV r0, r300\n", 2, "out of range for a register number"),
    (".func f\n JMP nowhere\n", 2, "undefined label 'nowhere'"),
    (".func f\n CALL r0, @g, r0, 0\n RETV\n", 2, "undefined function 'g'"),
    (".func f\n.func f\n.func g\n CALL r0, @f, r0, 0\n RETV\n", 4, "ambiguous"),
    ('.file "x.c\n', 1, "unterminated string"),
    (".func f\n MOV r1, r0\n FNEG f1, f1\n", 3, "register 1 used as both r1 and f1 (line 2)"),
    (".func f\n RETV\nend:\n", 1, "label at the end of function 'f'"),
    (".func f\n RETV\n LI r0, #1\n", 3, "control falls off the end"),
    (".func f kinds=qd\n MOV r0, r1\n RETV\n", 2, "register kind mismatch: r1 needs a 'q'"),
    (".func f returns=q\n RETV\n.entry g\n", 3, "undefined function 'g'"),
    ("LI r0, #1\n", 1, "instruction outside a function"),
    (".bogus\n", 1, "unknown directive .bogus"),
    (".func f\n LI r0, #99999999999999999999\n", 2, "out of range for a 64-bit integer"),
    (".func f\n LF f0, #pi\n", 2, "expected a floating-point number, found 'pi'"),
    (".data\n zz\n", 2, "expected hex bytes"),
    (".data\n &nope\n.func f\n RETV\n", 2, "undefined data label 'nope'"),
    ('.rodata\n "\\q"\n', 2, "unknown escape \\q"),
    (".func f wide=3\n", 1, "unknown .func attribute 'wide=3'"),
])
def test_errors_name_file_and_line(text, line, message):
    with pytest.raises(AsmError) as info:
        assemble(text, "bad.s")
    assert str(info.value).startswith(f"bad.s:{line}: error: ")
    assert message in str(info.value)
    assert isinstance(info.value, PvmError) and info.value.status == 1


def test_verify_can_be_skipped():
    p = assemble(".func f\n LI r0, #1\n", "raw.s", verify=False)
    assert p.functions[0].code == [("LI", 0, 1)]


# ---- fuzzing: any text gives a program or one AsmError -----------------------------

PIECES = st.sampled_from(list('rf#@&L:;,."\\ \n0123456789abcdefxqd=-+\t\x00\u2028\ré') +
                         [".func ", ".data", ".rodata", ".bss ", ".entry ", ".local ", ".line ",
                          "LI ", "CALL ", "RET ", "JMP ", "params=", "kinds=", "returns="])


def assembles_or_reports(text: str) -> None:
    try:
        p = assemble(text, "fuzz.s")
    except AsmError as e:
        assert str(e).startswith("fuzz.s:") and ": error: " in str(e)
        return
    data = bcfile.encode(p)
    assert bcfile.encode(assemble(disassemble(p), "again.s")) == data


def test_fuzz_mutated_listings(corpus):
    listings = [disassemble(p, effects=True) for p in corpus] + [docstring_example()]

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(listings), st.integers(0, 1 << 20), st.integers(0, 6),
           st.lists(PIECES, max_size=4).map("".join))
    def check(text, at, cut, insert):
        at %= len(text) + 1
        assembles_or_reports(text[:at] + insert + text[at + cut:])

    check()


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_fuzz_random_text(text):
    assembles_or_reports(text)


# ---- parse_instruction: the one instruction reader `pvm asm` and inline asm share

def test_parse_instruction_returns_the_tuple_and_where_each_part_starts():
    from pvm.bytecode.asm import parse_instruction
    ins, columns = parse_instruction("  addi64 r3, r4, #-5")
    assert ins == ("ADDI64", 3, 4, -5)
    assert columns == [2, 9, 13, 17]
    assert parse_instruction("fadd f1,f2,f3")[0] == ("FADD", 1, 2, 3)


def test_parse_instruction_leaves_references_unresolved():
    from pvm.bytecode.asm import parse_instruction
    ins, columns = parse_instruction("li r1, &msg+4")
    assert ins[:2] == ("LI", 1) and not isinstance(ins[2], int) and columns[2] == 7
    ins, _ = parse_instruction("faddr r1, @main")
    assert not isinstance(ins[2], int)


@pytest.mark.parametrize("text, column, message", [
    ("frob r1", 0, "unknown instruction 'frob'"),
    ("add64 r1, r2", 0, "ADD64 takes 3 operands"),
    ("add64 r1, f2, r3", 10, "expected an integer register rN, found 'f2'"),
    ("li r1, 5", 7, "expected an immediate #N"),
    ("add64 r1,, r3", 8, "missing operand"),
    ("mov r1, r300", 8, "out of range"),
])
def test_parse_instruction_errors_say_which_column(text, column, message):
    from pvm.bytecode.asm import AsmError, parse_instruction
    with pytest.raises(AsmError) as info:
        parse_instruction(text, "x.c", 7)
    assert info.value.column == column and message in info.value.message
    assert str(info.value).startswith("x.c:7: error:")
