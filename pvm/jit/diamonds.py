"""If/else whose two arms each end by storing to memory: one store after them.

    if (up >= left) dp[i][j] = up; else dp[i][j] = left;

compiles to a block that branches to two arms, each ending with a store of
the same width, that meet again.  LLVM turns such a diamond into a select
(a `cmov`) only when the arms are left with nothing to do, and its passes
that sink the two stores into the join (MergedLoadStoreMotion, InstCombine)
need a join with exactly these two predecessors: after `else if`, or any
if/else at the end of a loop body, the join has more, and the diamond stays
two unpredictable branches (lcs's inner loop ran 1.6 times gcc -O2's, which
uses a cmov).  So the lowering gives each such diamond a block of its own
after the arms (lower.py `sink`): each arm branches there with the pointer
and the value it would have stored, and the store happens once, from phis.
A check that faults in an arm still faults in that arm, before the branch:
only the store instruction itself moves, past nothing but the arm's jump.
"""
from __future__ import annotations

from typing import NamedTuple

from pvm import isa
from pvm.bytecode.cfg import leaders
from .liveness import successors
from .loops import ACCESSES

STORES = frozenset(name for name, (_, _, write) in ACCESSES.items() if write)


class Arm(NamedTuple):
    head: int          # the block that branches to both arms
    store: int         # the arm's last instruction but its jump: the store sunk
    join: int          # where both arms go


def store_arms(code: list) -> dict[int, Arm]:
    """{first pc of an arm: its Arm} for each diamond head -> two arms ->
    one join where both arms end with a store of the same width and have
    no other way in than the head's branch."""
    starts = leaders(code)
    ends = dict(zip(starts, starts[1:] + [len(code)]))
    preds: dict[int, list] = {}
    for s in starts:
        for t in successors(code, ends[s] - 1):
            preds.setdefault(t, []).append(s)

    def ending(start: int) -> tuple[int, int] | None:
        """(store pc, join) of a block that ends `ST..; [JMP join]`."""
        last = ends[start] - 1
        if code[last][0] == "JMP":
            store, join = last - 1, code[last][1]
        else:
            store, join = last, ends[start]
        if store < start or code[store][0] not in STORES or join >= len(code):
            return None
        return store, join

    arms = {}
    for head in starts:
        last = ends[head] - 1
        op = isa.BY_NAME[code[last][0]]
        if not op.has("branch") or op.has("terminator") or op.has("table"):
            continue
        a, b = successors(code, last)
        if a == b or preds.get(a) != [head] or preds.get(b) != [head]:
            continue
        ea, eb = ending(a), ending(b)
        if ea is None or eb is None or ea[1] != eb[1] or ea[1] in (head, a, b) \
                or code[ea[0]][0] != code[eb[0]][0]:
            continue
        arms[a] = Arm(head, ea[0], ea[1])
        arms[b] = Arm(head, eb[0], eb[1])
    return arms
