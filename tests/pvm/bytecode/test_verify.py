"""The verifier: one tiny program per rule, and the loader under fuzzing.

Each rule test builds a program that breaks exactly one rule, writes it as a
file, loads it, and checks that the error names the rule and the file offset
of the offending instruction (or function, or header field)."""
from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pvm.bytecode import asm, bcfile, dis
from pvm import isa
from pvm.bytecode import verify
from pvm.errors import LoadError
from pvm.bytecode.program import Function, Program


def fn(code, kinds="qd", returns="", nparams=0, **kw) -> Function:
    return Function(name=kw.pop("name", "f"), nparams=nparams, kinds=kinds, returns=returns,
                    frame_size=kw.pop("frame_size", 0), code=list(code),
                    lines=kw.pop("lines", [1] * len(code)), **kw)


def prog(*functions, **kw) -> Program:
    return Program(functions=list(functions), entry=kw.pop("entry", 0), files=["t.c"], **kw)


def rejected(p: Program, rule: str, where=None) -> LoadError:
    """Load `p` from bytes; the error must quote `rule` and sit at `where`:
    (function, instruction), ("function", i), "entry" or "layout"."""
    data = bcfile.encode(p)
    with pytest.raises(LoadError) as info:
        verify.load(data, "t.pvm")
    e = info.value
    assert rule in e.rule, e.rule
    _, offsets = bcfile.decode_with_offsets(data)
    expected = {"entry": offsets.entry, "layout": offsets.bss}.get(where)
    if isinstance(where, tuple) and where[0] == "function":
        expected = offsets.functions[where[1]]
    elif isinstance(where, tuple):
        expected = offsets.instructions[where[0]][where[1]]
    assert e.offset == expected
    assert f"t.pvm: invalid bytecode at offset {expected:#x}: " in str(e)
    assert e.status == 2
    return e


def test_valid_program_loads():
    p = prog(fn([("LI", 0, 1), ("RET", 0)], returns="q"))
    assert verify.load(bcfile.encode(p), "t.pvm") == p


# ---- operands -------------------------------------------------------------------

def test_register_operand_beyond_nregs():
    rejected(prog(fn([("NOP",), ("MOV", 0, 5), ("RETV",)])), "register operand 5 >= nregs", (0, 1))


def test_integer_operand_needs_q_register():
    rejected(prog(fn([("MOV", 0, 1), ("RETV",)])), "register kind mismatch: r1 needs a 'q'", (0, 0))


def test_floating_operand_needs_d_register():
    rejected(prog(fn([("FNEG", 1, 0), ("RETV",)])), "register kind mismatch: f0 needs a 'd'", (0, 0))


def test_label_outside_the_function():
    rejected(prog(fn([("JMP", 2), ("RETV",)])), "label 2 is outside the function", (0, 0))


def test_function_index_out_of_range():
    rejected(prog(fn([("FADDR", 0, 1), ("RETV",)])), "function index 1 out of range", (0, 0))


# ---- calls --------------------------------------------------------------------

def callee(nparams=2, kinds="qd", returns="q", variadic=False) -> Function:
    return fn([("RET", 0)] if returns == "q" else [("RETV",)], kinds=kinds, nparams=nparams,
              returns=returns, variadic=variadic, name="g")


def test_call_arity_mismatch():
    caller = fn([("CALL", 0, 1, 0, 1), ("RETV",)], kinds="qdq")
    rejected(prog(caller, callee()), "call arity mismatch: 1 arguments to 'g', which takes 2", (0, 0))


def test_variadic_call_needs_the_fixed_arguments():
    caller = fn([("CALL", 0, 1, 0, 1), ("RETV",)], kinds="qdq")
    rejected(prog(caller, callee(variadic=True)), "which takes at least 2", (0, 0))


def test_variadic_call_may_pass_more():
    caller = fn([("CALL", 0, 1, 0, 3), ("RETV",)], kinds="qdd")
    p = prog(caller, callee(variadic=True))
    assert verify.load(bcfile.encode(p), "t.pvm") == p


def test_call_argument_kinds_must_match_parameters():
    caller = fn([("CALL", 0, 1, 1, 2), ("RETV",)], kinds="qdq")
    rejected(prog(caller, callee()), "call kind mismatch: arguments have kinds 'dq'", (0, 0))


def test_call_needs_integer_or_void_result():
    caller = fn([("CALL", 0, 1, 0, 0), ("RETV",)])
    g = fn([("LF", 0, 1.0), ("FRET", 0)], kinds="d", returns="d", name="g")
    rejected(prog(caller, g), "CALL to 'g', which returns d", (0, 0))


def test_fcall_needs_floating_result():
    caller = fn([("FCALL", 1, 1, 0, 0), ("RETV",)])
    rejected(prog(caller, callee(nparams=0)), "FCALL to 'g', which returns q", (0, 0))


def test_argument_block_past_nregs():
    caller = fn([("NOP",), ("CALLR", 0, 0, 1, 2), ("RETV",)])
    rejected(prog(caller), "argument block r1..r2 runs past nregs", (0, 1))


def test_syscall_registers_inside_nregs():
    rejected(prog(fn([("SYSCALL", 0, 2), ("RETV",)], kinds="qq")),
             "system call registers r0..r2 run past nregs", (0, 0))


def test_syscall_registers_are_integers():
    rejected(prog(fn([("SYSCALL", 0, 1), ("RETV",)], kinds="qd")), "must all be 'q'", (0, 0))


def test_syscall_takes_at_most_six_arguments():
    rejected(prog(fn([("SYSCALL", 0, 7), ("RETV",)], kinds="q" * 8)),
             "system call with 7 arguments", (0, 0))


# ---- returns and control ------------------------------------------------------------

def test_ret_needs_integer_function():
    rejected(prog(fn([("RET", 0)], returns="")), "RET in a function returning void", (0, 0))


def test_fret_needs_floating_function():
    rejected(prog(fn([("FRET", 1)], returns="q")), "FRET in a function returning q", (0, 0))


@pytest.mark.parametrize("returns", ["q", "d"])
def test_retv_needs_void_function(returns):
    rejected(prog(fn([("RETV",)], returns=returns)), f"RETV in a function returning {returns}",
             (0, 0))


def test_control_must_not_fall_off_the_end():
    rejected(prog(fn([("LI", 0, 1), ("JZ", 0, 0)])), "control falls off the end", (0, 1))


def test_varargs_needs_variadic_function():
    rejected(prog(fn([("VARARGS", 0), ("RETV",)])), "VARARGS in a function that is not variadic",
             (0, 0))


# ---- functions and program ------------------------------------------------------------

def test_function_needs_code():
    rejected(prog(fn([])), "at least one instruction", ("function", 0))


def test_nparams_at_most_nregs():
    rejected(prog(fn([("RETV",)], nparams=3)), "3 parameters but 2 registers", ("function", 0))


def test_at_most_256_registers():
    rejected(prog(fn([("RETV",)], kinds="q" * 257)), "257 registers (at most 256)", ("function", 0))


def test_kinds_are_q_or_d():
    rejected(prog(fn([("RETV",)], kinds="qx")), "register kind 'x' is not 'q' or 'd'", ("function", 0))


def test_return_kind_is_q_d_or_void():
    rejected(prog(fn([("RETV",)], returns="i")), "return kind 'i'", ("function", 0))


@pytest.mark.parametrize("size, rule", [(-16, "not a non-negative multiple of 16"),
                                        (24, "not a non-negative multiple of 16"),
                                        (1 << 31, "absurd")])
def test_frame_size(size, rule):
    rejected(prog(fn([("RETV",)], frame_size=size)), rule, ("function", 0))


def test_source_file_index_in_range():
    rejected(prog(fn([("RETV",)], file=1)), "source file index 1 out of range", ("function", 0))


def test_entry_in_range():
    rejected(prog(fn([("RETV",)]), entry=1), "entry function index 1 out of range", "entry")


def test_image_must_fit():
    rejected(prog(fn([("RETV",)]), bss_size=1 << 40), "beyond the 1024 MiB", "layout")


def test_lines_match_code_in_memory():
    # a file cannot say this (its line table must cover the code): verify a Program
    p = prog(fn([("NOP",), ("RETV",)], lines=[1]))
    with pytest.raises(LoadError, match="1 line numbers for 2 instructions"):
        verify.verify(p, "t.pvm")


def test_unknown_opcode_in_memory():
    p = prog(fn([("FROB", 1), ("RETV",)]))
    v = verify.first_violation(p)
    assert v.rule == "unknown opcode 'FROB'" and (v.function, v.index) == (0, 0)


def test_unknown_opcode_in_file():
    data = bytearray(bcfile.encode(prog(fn([("NOP",), ("RETV",)]))))
    at = bcfile.decode_with_offsets(bytes(data))[1].instructions[0][0]
    data[at] = 0xFF
    with pytest.raises(LoadError, match=f"at offset {at:#x}: unknown opcode 0xff"):
        verify.load(bytes(data), "t.pvm")


def test_message_names_the_function_and_instruction():
    e = rejected(prog(fn([("NOP",), ("MOV", 0, 5), ("RETV",)], name="main")), "", (0, 1))
    assert "function 'main', instruction 1 (MOV): register operand 5" in str(e)


# ---- fuzzing: only LoadError may come out of load --------------------------------------

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(data: bytes) -> None:
    """`load` either refuses with LoadError or gives a program that is valid,
    and then encodes and disassembles back to the same bytes."""
    try:
        p = verify.load(data, "fuzz.pvm")
    except LoadError as e:
        assert e.status == 2
        assert e.offset is None or 0 <= e.offset <= len(data)
        return
    assert bcfile.encode(p) == data
    assert bcfile.encode(asm.assemble(dis.disassemble(p), "fuzz.s")) == data


def test_every_truncation_of_every_corpus_file_is_refused(corpus):
    for p in corpus:
        data = bcfile.encode(p)
        for n in range(len(data)):
            with pytest.raises(LoadError):
                verify.load(data[:n], "cut.pvm")


def test_fuzz_bit_flips(corpus):
    files = [bcfile.encode(p) for p in corpus]

    @FUZZ
    @given(st.sampled_from(files), st.lists(st.integers(0, 1 << 20), min_size=1, max_size=6))
    def check(data, bits):
        damaged = bytearray(data)
        for bit in bits:
            damaged[bit // 8 % len(damaged)] ^= 1 << bit % 8
        load_or_refuse(bytes(damaged))

    check()


def test_fuzz_overwritten_words(corpus):
    """Counts, lengths and indices set to extreme values, anywhere in the file."""
    files = [bcfile.encode(p) for p in corpus]
    extreme = st.sampled_from([0, 1, 2, 255, 256, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
                               0xFFFFFFFE]) | st.integers(0, 0xFFFFFFFF)

    @FUZZ
    @given(st.sampled_from(files), st.integers(0, 1 << 20), extreme)
    def check(data, at, value):
        damaged = bytearray(data)
        at %= len(damaged) - 3
        struct.pack_into("<I", damaged, at, value)
        load_or_refuse(bytes(damaged))

    check()


def test_fuzz_spliced_bytes(corpus):
    """Bytes cut out of, or inserted into, the middle of a file."""
    files = [bcfile.encode(p) for p in corpus]

    @FUZZ
    @given(st.sampled_from(files), st.integers(0, 1 << 20), st.integers(0, 16), st.binary(max_size=16))
    def check(data, at, cut, insert):
        at %= len(data)
        load_or_refuse(data[:at] + insert + data[at + cut:])

    check()


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data):
    load_or_refuse(data)


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_random_bytes_after_a_valid_header(tail):
    header = bcfile.HEADER.pack(bcfile.MAGIC, bcfile.VERSION, 0, isa.table_hash(), 0)
    load_or_refuse(header + tail)


@FUZZ
@given(st.integers(0, 3), st.binary(min_size=1, max_size=8))
def test_fuzz_header_fields(field, value):
    data = bytearray(bcfile.encode(Program([fn([("RETV",)])], 0)))
    at = (0, 4, 6, 8)[field]
    data[at:at + len(value)] = value
    load_or_refuse(bytes(data))


def test_jump_table_entries_must_be_jumps():
    from pvm.errors import LoadError
    from pvm.bytecode.program import Function, Program
    from pvm.bytecode.verify import verify
    code = [("LI", 0, 1), ("JTAB", 0, 2), ("JMP", 4), ("NOP",), ("RETV",)]
    p = Program([Function("f", 0, "q", "", 0, code, [1] * 5)], 0, files=["t.c"])
    with pytest.raises(LoadError, match="jump table entry 1 is not a JMP"):
        verify(p, "t.pvm")
    code = [("LI", 0, 1), ("JTAB", 0, 3), ("JMP", 4), ("JMP", 4), ("RETV",)]
    p = Program([Function("f", 0, "q", "", 0, code, [1] * 5)], 0, files=["t.c"])
    with pytest.raises(LoadError, match="runs past the end"):
        verify(p, "t.pvm")


def test_first_violation_in_checks_only_the_functions_named():
    """Code added to a running program (the REPL) is checked function by
    function against the whole program; the others are not looked at."""
    good = fn([("RETV",)])
    calls_bad = fn([("CALL", 0, 7, 0, 0), ("RETV",)], name="g")     # no function 7
    p = prog(good, calls_bad, fn([("LI", 9, 0), ("RETV",)], name="h"))
    assert verify.first_violation_in(p, [0]) is None
    v = verify.first_violation_in(p, [0, 1])
    assert (v.function, v.index) == (1, 0) and "function index" in v.rule
    assert verify.first_violation_in(p, [2]).function == 2              # r9 of 2 registers
