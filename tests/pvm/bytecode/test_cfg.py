"""Control-flow facts both tiers cut code by (pvm/bytecode/cfg.py)."""
from __future__ import annotations

from pvm.bytecode.cfg import leaders, loop_body


def test_a_loop_body_is_what_reaches_its_latch_without_passing_its_header():
    # 0 -> 1 (header) -> 2 -> 3 -> 1; 2 -> 4 -> 2 (an inner loop); 1 -> 5 (exit)
    preds = {1: [0, 3], 2: [1, 4], 3: [2], 4: [2], 5: [1]}
    assert loop_body(1, 3, preds) == {1, 2, 3, 4}
    assert loop_body(2, 4, preds) == {2, 4}
    assert loop_body(1, 1, preds) == {1}                  # a block that loops on itself


def test_leaders_start_at_targets_and_after_branches():
    code = [("LI", 0, 0), ("JMP", 3), ("LI", 1, 1), ("ADDI64", 0, 0, 1), ("JLT", 0, 1, 3),
            ("RETV",)]
    assert leaders(code) == [0, 2, 3, 5]
