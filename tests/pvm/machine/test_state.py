"""The machine is state: memory through one accessor layer, frames, the
code space and its protocol with the tiers.  No tier is involved here."""
from __future__ import annotations

import pytest

from pvm.bytecode.program import Function, Program, TEXT_BASE
from pvm.errors import UsageError
from pvm.machine.state import Machine
from pvm.machine.traps import BadCall, ReturnedToHost, SegFault, StackOverflow


def tiny_program() -> Program:
    g = Function("g", 1, "qq", "q", 0, [("RET", 0)], [1])
    f = Function("f", 0, "q", "q", 16, [("LI", 0, 1), ("CALL", 0, 0, 0, 1), ("RET", 0)], [2, 2, 2])
    start = Function("_start", 2, "qq", "", 0, [("RETV",)], [3])
    return Program([g, f, start], entry=2, rodata=b"hi\0", data=b"\1\2\3\4", files=["t.c"])


def machine(**kw) -> Machine:
    return Machine(tiny_program(), memory=1 << 20, stack=64 << 10, **kw)


def test_a_machine_holds_no_tier():
    m = machine()
    for name in ("jit", "stepper", "run", "call_function", "set_tier", "translated"):
        assert not hasattr(m, name), name


def test_the_image_is_loaded_through_the_accessor_layer():
    m = machine()
    lay = m.layout
    assert m.guest.read(lay.rodata_base, 3) == b"hi\0"
    assert m.guest.read(lay.data_base, 4) == b"\1\2\3\4"
    assert m.guest.cstring(lay.rodata_base) == b"hi"
    assert m.function_at[lay.function_address[1]] == 1


def test_guest_memory_checks_like_guest_code():
    m = machine()
    g = m.guest
    with pytest.raises(SegFault, match="read of address 0x8"):
        g.load64(8)
    with pytest.raises(SegFault, match="write"):
        g.store64(TEXT_BASE, 1)                  # text is read-only
    with pytest.raises(SegFault, match="read"):
        g.read(g.size - 4, 8)                    # runs past the end
    g.store64(m.layout.data_base, -5)
    assert g.load64(m.layout.data_base) == -5
    g.write(m.layout.data_base, b"abcdef\0")
    assert g.cstring(m.layout.data_base) == b"abcdef"
    assert g.cstring(m.layout.data_base, limit=3) is None     # no NUL within the limit
    assert g.cstring(4) is None                                # unreadable


def test_frames_enter_and_leave_through_memory():
    m = machine()
    m.set_args([b"prog"])
    assert (m.func, m.pc) == (2, 0)
    with pytest.raises(ReturnedToHost):          # _start's return address is 0
        m.leave()
    m.set_args([b"prog"])
    m.func, m.pc = 1, 2                          # as if f were about to return to a bad place
    m.guest.store64(m.fp + 8, 0x1234)
    with pytest.raises(BadCall, match="return to invalid address 0x1234"):
        m.leave()


def test_a_frame_below_the_stack_limit_overflows():
    m = machine()
    m.set_args([b"prog"])
    with pytest.raises(StackOverflow):
        m.enter(1, (), return_address=0, caller_sp=m.stack_limit + 8)


def test_memory_too_small_is_the_users_mistake():
    with pytest.raises(UsageError, match="too small for this program"):
        Machine(tiny_program(), memory=1 << 12)


class RecordingTier:
    """A tier as the code space sees it (the protocol in codespace.py)."""

    def __init__(self, embeds=()):
        self.embeds_callees = set(embeds)
        self.events = []

    def functions_added(self):
        self.events.append("added")

    def forget(self, k):
        self.events.append(("forget", k))


def test_the_code_space_tells_every_tier_what_changed():
    m = machine()
    tier, native = RecordingTier(), RecordingTier(embeds={1})
    m.space.tiers += [tier, native]
    new = Function("h", 0, "q", "q", 0, [("LI", 0, 7), ("RET", 0)], [5, 5])
    k = m.add_function(new, m.layout.text_end + 64)
    assert k == 3 and tier.events == ["added"]
    assert m.guest.read(m.layout.function_address[3], 1) != b"\0"
    tier.events.clear()
    g2 = Function("g", 1, "qq", "q", 0, [("ADDI64", 0, 0, 1), ("RET", 0)], [1, 1])
    dropped = m.replace_function(0, g2, m.layout.text_end + 256)
    assert dropped == [1]                        # f calls g
    assert tier.events == ["added", ("forget", 0), ("forget", 1)]
    assert m.function_at[m.layout.function_address[0]] == 0
