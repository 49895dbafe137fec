"""Random programs of the new machine instructions (stack switches, control
registers, traps, interrupts), with random operands, in kernel or user
mode: never a host exception, and every tier ends the same way."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pvm
from pvm.bytecode.program import Function, Program

NREGS = 6
WILD = st.one_of(st.integers(-2, 2), st.integers(-(1 << 63), (1 << 63) - 1),
                 st.sampled_from([0x10000, 0x10008, 0x7F0000000000, 0x7F0000002000,
                                  0x3FF0000, 0x3FFFFF0, 4 << 20, (4 << 20) - 16]))
REG = st.integers(0, NREGS - 1)
MACHINE_OPS = ["GETFP", "GETSP", "SETFP", "SETSP", "GETSL", "SETSL", "IRET", "CLI", "STI", "WFI"]


@st.composite
def instruction(draw):
    kind = draw(st.sampled_from(MACHINE_OPS + ["LI", "CSRR", "CSRW", "USER", "LD64", "ST64"]))
    if kind == "LI":
        return ("LI", draw(REG), draw(WILD))
    if kind == "CSRR":
        return ("CSRR", draw(REG), draw(st.integers(-1, 8)))
    if kind == "CSRW":
        return ("CSRW", draw(st.integers(-1, 8)), draw(REG))
    if kind == "USER":                     # drop to user mode by writing STATUS
        return ("CSRW", 0, draw(REG))
    if kind == "LD64":
        return ("LD64", draw(REG), draw(REG), draw(st.sampled_from([0, 8, 0x1000])))
    if kind == "ST64":
        return ("ST64", draw(REG), draw(REG), draw(st.sampled_from([0, 8, 0x1000])))
    if kind in ("CLI", "STI", "WFI"):
        return (kind,)
    return (kind, draw(REG))


def program(code: list) -> Program:
    body = [("LI", r, 0) for r in range(NREGS)] + code + [("RETV",)]
    start = Function("_start", 0, "q" * NREGS, "", 32, body, [1] * len(body))
    return Program([start], entry=0, files=["fuzz.c"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(instruction(), max_size=12))
def test_random_machine_instructions_end_the_same_way_on_every_tier(code):
    p = program(code)
    results = []
    for tier in ["interp"] + (["jit"] if "jit" in pvm.TIERS else []):
        r = pvm.run(p, tier=tier, fuel=20_000, memory=4 << 20, stack=1 << 20)
        assert 0 <= r.status <= 255
        assert b"Traceback" not in r.stderr and b"internal error" not in r.stderr, r.stderr
        results.append((r.status, r.stdout, r.stderr))
    assert all(res == results[0] for res in results), results
