"""Control-flow facts of a function's code, derived from the opcode table.

Both tiers cut functions into the same basic blocks: the interpreter's
translation dispatches on block starts, the JIT lowers one LLVM block per
leader and resumes native code only there, and the run loop hands control
between them at these boundaries.  So the rule lives here, once.
"""
from __future__ import annotations

from pvm import isa


def leaders(code: list[tuple]) -> list[int]:
    """Indices that start a basic block: 0, jump targets, the instruction
    after any branch, terminator, call or boundary (a resume point), and
    each machine instruction, which is a block of its own (the run loop
    executes it between two blocks of fast code)."""
    starts = {0}
    for i, ins in enumerate(code):
        op = isa.BY_NAME[ins[0]]
        if op.has("branch"):
            starts.add(ins[op.operands.index("l") + 1])
        if op.has("machine"):
            starts.add(i)
        if op.has("branch") or op.has("terminator") or op.has("call") or op.has("boundary") \
                or op.has("machine"):
            if i + 1 < len(code):
                starts.add(i + 1)
        if op.has("table"):                   # every JMP of the table, and the default
            starts.update(range(i + 1, min(i + 2 + ins[2], len(code))))
    return sorted(starts)


_CALLS = frozenset(op.name for op in isa.OPS if op.has("call"))


def resume_points(code: list[tuple]) -> list[int]:
    """Indices right after a call: where a frame continues when its callee
    returns (each is a leader, and a valid return address).  (Every load
    asks, for every function: a set lookup per instruction.)"""
    calls, last = _CALLS, len(code) - 1
    return [i + 1 for i, ins in enumerate(code) if ins[0] in calls and i < last]


def loop_body(header: int, latch: int, preds) -> set:
    """The blocks of the natural loop of the back edge latch -> header: the
    header and every block that reaches the latch without passing through
    it (`preds`: block -> its predecessors).  The interpreter's block
    layout and the JIT's loop versioning find loops by different back
    edges (a depth-first walk's, a dominator's), then both take this."""
    body, todo = {header}, [latch]
    while todo:
        x = todo.pop()
        if x not in body:
            body.add(x)
            todo.extend(preds.get(x, ()))
    return body
