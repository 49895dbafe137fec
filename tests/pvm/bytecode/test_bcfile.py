"""The bytecode file format: round trips, determinism, and refusing damaged files."""
from __future__ import annotations

import copy
import math
import struct
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pvm.bytecode import bcfile
from pvm import isa
from pvm.errors import LoadError
from pvm.bytecode.program import Function


def test_decode_inverts_encode(sample):
    p = sample
    assert bcfile.decode(bcfile.encode(p)) == p


def test_encoding_is_deterministic(sample):
    p = sample
    assert bcfile.encode(p) == bcfile.encode(copy.deepcopy(p))


def test_header_holds_magic_version_table_hash_and_entry(sample):
    p = sample
    p.entry = 1
    data = bcfile.encode(p)
    magic, version, flags, table, entry = bcfile.HEADER.unpack_from(data)
    assert (magic, version, flags, table, entry) == (b"PVM\x00", bcfile.VERSION, 0,
                                                     isa.table_hash(), 1)


def test_instruction_offsets_point_at_opcodes(sample):
    data = bcfile.encode(sample)
    program, offsets = bcfile.decode_with_offsets(data)
    for f, starts in zip(program.functions, offsets.instructions):
        assert [data[s] for s in starts] == [isa.BY_NAME[ins[0]].code for ins in f.code]


def test_line_table_is_compact(sample):
    p = sample
    p.functions[0].code = [("NOP",)] * 999 + [("RETV",)]
    p.functions[0].lines = [5] * 500 + [6] * 500
    p.functions[0].returns = ""
    plain = len(bcfile.encode(p))
    assert bcfile.decode(bcfile.encode(p)).functions[0].lines == p.functions[0].lines
    p.functions[0].lines = [0] * 1000
    assert abs(len(bcfile.encode(p)) - plain) < 8


def test_float_immediates_keep_their_bits(sample):
    p = sample
    weird = struct.unpack("<d", struct.pack("<Q", 0x7FF4000000000001))[0]
    p.functions[0].code[1] = ("LF", 3, weird)
    back = bcfile.decode(bcfile.encode(p)).functions[0].code[1][2]
    assert math.isnan(back) and struct.pack("<d", back) == struct.pack("<d", weird)


def test_unrepresentable_program_is_refused_on_encode(sample):
    p = sample
    p.functions[0].code[0] = ("LI", 300, 1)
    with pytest.raises(ValueError):
        bcfile.encode(p)


def test_property_round_trip(programs):
    @settings(max_examples=60, deadline=None)
    @given(programs(allow_nan=False))
    def check(p):
        data = bcfile.encode(p)
        assert bcfile.decode(data) == p
        assert bcfile.encode(bcfile.decode(data)) == data

    check()


# ---- damaged files: each names the offset and the rule -------------------------

def load_error(data: bytes) -> LoadError:
    with pytest.raises(LoadError) as info:
        bcfile.decode(data, "t.pvm")
    return info.value


def test_every_truncation_is_refused(sample):
    data = bcfile.encode(sample)
    for n in range(len(data)):
        e = load_error(data[:n])
        assert e.filename == "t.pvm" and e.offset is not None and 0 <= e.offset <= n


def test_bad_magic(sample):
    e = load_error(b"ELF\x00" + bcfile.encode(sample)[4:])
    assert e.offset == 0 and "magic" in str(e)


def test_wrong_version(sample):
    data = bytearray(bcfile.encode(sample))
    data[4] = 99
    e = load_error(bytes(data))
    assert e.offset == 4 and "version 99" in str(e)


def test_unknown_flags(sample):
    data = bytearray(bcfile.encode(sample))
    data[6] = 1
    assert "flags" in str(load_error(bytes(data)))


def test_other_instruction_set_is_refused(sample):
    data = bytearray(bcfile.encode(sample))
    data[8] ^= 0xFF
    e = load_error(bytes(data))
    assert e.offset == 8 and "instruction set" in str(e)


def function_record(data: bytes, index: int = 0) -> int:
    return bcfile.decode_with_offsets(data)[1].functions[index]


def test_unknown_opcode_names_its_offset(sample):
    data = bytearray(bcfile.encode(sample))
    at = bcfile.decode_with_offsets(bytes(data))[1].instructions[0][2]
    data[at] = 0xEE
    e = load_error(bytes(data))
    assert e.offset == at and "unknown opcode 0xee" in str(e)
    assert f"offset {at:#x}" in str(e)


def test_instruction_cut_by_code_length(sample):
    p = sample
    p.functions = [Function("f", 0, "q", "q", 0, [("LI", 0, 7), ("RET", 0)], [1, 1])]
    data = bytearray(bcfile.encode(p))
    _, offsets = bcfile.decode_with_offsets(bytes(data))
    ret = offsets.instructions[0][1]
    # shrink the code length by one so RET's operand falls outside the code
    length_at = ret - 10 - 4
    assert struct.unpack_from("<I", data, length_at)[0] == 12
    struct.pack_into("<I", data, length_at, 11)
    assert "runs past the end" in str(load_error(bytes(data)))


def test_huge_counts_allocate_nothing(sample):
    data = bytearray(bcfile.encode(sample))
    count_at = function_record(bytes(data)) - 4
    struct.pack_into("<I", data, count_at, 0xFFFFFFFF)
    tracemalloc.start()
    e = load_error(bytes(data))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10 << 20, "a huge count must be refused before anything is allocated for it"
    assert e.offset == count_at and "does not fit" in str(e)


def test_huge_string_length(sample):
    data = bytearray(bcfile.encode(sample))
    name_at = function_record(bytes(data))
    struct.pack_into("<I", data, name_at, 0xFFFFFFF0)
    assert "truncated function name" in str(load_error(bytes(data)))


def test_name_must_be_utf8(sample):
    p = sample
    p.functions[0].name = "mainx"
    data = bcfile.encode(p).replace(b"mainx", b"main\xff")
    e = load_error(data)
    assert "not valid UTF-8" in str(e) and e.offset == function_record(bcfile.encode(p))


def test_line_table_must_cover_the_code(sample):
    p = sample
    p.functions[1].lines = [10]              # one line for two instructions
    e = load_error(bcfile.encode(p))
    assert "line table covers 1 of the function's 2 instructions" in str(e)


def test_overlong_varint_is_refused(sample):
    p = sample
    data = bcfile.encode(p)
    at = bcfile.decode_with_offsets(data)[1].line_tables[0]
    bad = data[:at] + b"\xff" * 12 + data[at + 12:]
    assert "more than 64 bits" in str(load_error(bad))


def test_sections_must_come_in_order(sample):
    data = bcfile.encode(sample)
    e = load_error(data.replace(b"RODA", b"XXXX"))
    assert "expected section 'RODA'" in str(e)


def test_trailing_bytes_are_refused(sample):
    assert "after the last section" in str(load_error(bcfile.encode(sample) + b"\x00"))


def test_unknown_symbol_kind(sample):
    p = sample
    data = bytearray(bcfile.encode(p))
    at = data.rindex(b"main") + 4            # the first symbol's kind byte
    data[at] = 7
    assert "unknown kind 7" in str(load_error(bytes(data)))


def _line_table_outcome(read, data: bytes, n: int):
    r = bcfile._Reader(data, "t.pvm")
    try:
        return read(r, n), r.pos
    except LoadError as e:
        return str(e)


@given(st.lists(st.integers(0, 1 << 33), max_size=12), st.integers(0, 12),
       st.binary(max_size=24))
@settings(max_examples=300, deadline=None)
def test_the_line_tables_fast_path_reads_as_the_checked_one(lines, n, noise):
    """_read_lines reads the usual table (single-byte numbers) inline and
    leaves the rest to _read_lines_checked: both give the same lines, or
    the same error, for good tables, tables of another length and noise."""
    w = bcfile._Writer()
    runs = bcfile._line_runs(lines)
    w.uleb(len(runs))
    previous = 0
    for line, count in runs:
        w.sleb(line - previous)
        w.uleb(count)
        previous = line
    for data, count in ((bytes(w.out), len(lines)), (bytes(w.out), n), (noise, n)):
        assert _line_table_outcome(bcfile._read_lines, data, count) == \
            _line_table_outcome(bcfile._read_lines_checked, data, count)
