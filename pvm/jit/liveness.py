"""Register liveness over one bytecode function.

When native code leaves for the interpreter it must put the registers the
interpreter will read into the frame's save area.  Spilling only the live
ones keeps each exit small; spilling all of them at one shared exit would
keep every register alive everywhere and make LLVM's compile time explode.
A dead register's slot may hold anything: nothing reads it again.
"""
from __future__ import annotations

from .. import isa


def uses_defs(ins: tuple) -> tuple[int, int]:
    """Bit sets of the registers an instruction reads and writes (which
    operands it writes is declared in the opcode table: Op.writes)."""
    op = isa.BY_NAME[ins[0]]
    uses = defs = 0
    written = op.written
    for i, (kind, value) in enumerate(zip(op.operands, ins[1:])):
        if kind not in isa.REG_OPERANDS:
            continue
        if kind == "b":                        # argument block of N registers
            n = ins[1 + op.operands.index("n")]
            for r in range(value, value + n):
                uses |= 1 << r
        elif i in written:
            defs |= 1 << value
        else:
            uses |= 1 << value
    if op.name == "SYSCALL":                   # reads R[A] .. R[A+N] too
        a, n = ins[1], ins[2]
        for r in range(a, a + n + 1):
            uses |= 1 << r
    return uses, defs


def successors(code: list, pc: int) -> list[int]:
    ins = code[pc]
    op = isa.BY_NAME[ins[0]]
    out = []
    if op.has("branch"):
        out.append(ins[1 + op.operands.index("l")])
    if not op.has("terminator") and pc + 1 < len(code):
        out.append(pc + 1)
    if op.has("table"):
        out.extend(range(pc + 1, min(pc + 2 + ins[2], len(code))))
    return out


def live_in(code: list) -> list[int]:
    """live_in[pc]: bit set of registers live just before instruction pc."""
    n = len(code)
    ud = [uses_defs(ins) for ins in code]
    succ = [successors(code, pc) for pc in range(n)]
    live = [0] * n
    changed = True
    while changed:                             # backward dataflow to a fixed point
        changed = False
        for pc in range(n - 1, -1, -1):
            out = 0
            for s in succ[pc]:
                out |= live[s]
            uses, defs = ud[pc]
            new = uses | (out & ~defs)
            if new != live[pc]:
                live[pc] = new
                changed = True
    return live


def registers(bits: int) -> list[int]:
    out, r = [], 0
    while bits:
        if bits & 1:
            out.append(r)
        bits >>= 1
        r += 1
    return out


def entry_constants(code: list) -> dict:
    """{register: (pc, instruction)} for registers that hold one constant
    from an instruction in the function's straight-line start onward: set
    there by LI/LF/FADDR and only ever set again to the same value.  The
    compiler keeps a loop's constants in such registers; a resume entry
    (pvm/jit/lower.py) materialises them as constants instead of loading
    them from the frame, so LLVM can fold them (shift counts, multipliers)
    just as it does in the fresh entry."""
    prefix = {}
    for pc, ins in enumerate(code):
        op = isa.BY_NAME[ins[0]]
        if op.has("branch") or op.has("terminator") or op.has("call") or op.has("table"):
            break
        if ins[0] in ("LI", "LF", "FADDR"):
            prefix.setdefault(ins[1], (pc, ins))
    if not prefix:
        return {}
    for ins in code:
        _, defs = uses_defs(ins)
        for r in registers(defs & sum(1 << r for r in prefix)):
            if r in prefix and ins != prefix[r][1]:
                del prefix[r]
    return prefix
