"""Loop versioning: an inner loop's bounds checks, proven once at its entry.

`for (k = 0; k < n; k++) s += a[i*n + k] * b[k*n + j];` checks two addresses
on every iteration, and `while (n--) *d++ = *s++;` four, although every
address moves by a fixed stride and the whole range could be checked once.
LLVM has passes that do this (inductive range check elimination, loop
predication), but not in the O2 pipeline llvmlite builds.  So the lowering
does it, from the bytecode:

1. find the innermost natural loops whose header ends in a test (`JLT`,
   `JLE`, `JEQ`, `JNE`, or `JZ`/`JNZ` of a register, or of a comparison
   `LT`, `LE`, `LTU64`, `LEU64`, `EQ`, `NE` made in the header) and whose
   *counted* registers are known: a register whose only definition in the
   loop is `r += step` (a constant, or a register the loop does not write),
   in a block every iteration passes through, holds r0 + k*step at the
   header of iteration k = 0, 1, ... (pointer increments, a second index
   counting down, the counter of `while (n--)`);
2. follow every register through the loop body as an affine function
   coef*k + base of the iteration number k, coef and base built from
   constants and registers the loop does not write (arithmetic mod 2^64,
   which is exactly what the machine computes);
3. the test compares two such functions, so their difference is
   d*k + e with d the difference of their slopes: the loop runs while it
   is below zero (`<`, `<=`, d >= 1) or not zero (`!=`, d = 1), which gives
   N, the number of iterations, in closed form at the loop's entry.  A guard
   there computes, in 128-bit integers, both sides of the test at k = 0 and
   k = N, and checks they are exact (the machine's 64-bit values are these
   numbers: no wrap-around, and for an unsigned test no negative side), so
   the loop really runs at most N times; then each load's or store's address
   at k = 0 and k = N - 1, and checks both are in guest memory (an affine
   function between its two ends stays between them);
4. if so the loop runs in a copy without those checks, else in the ordinary
   copy.  Both copies have the same exits, so a trap or a fuel stop in either
   is exact; native code that resumes in the middle of a loop (after a call
   through the main loop) resumes in the ordinary copy.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from llvmlite import ir

from .. import isa
from .liveness import successors, uses_defs
from pvm.bytecode.cfg import leaders, loop_body

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
MIN_TRIPS = 8                  # shorter loops are not worth the guard
MAX_TERM = 24                  # nodes in one symbolic value: bigger ones are "unknown"

# ---- loop-invariant terms: ('k', n) ('r', reg) ('fp',) ('+', x, y) ('*', x, y) ('<<', x, y) ('-', x)
# and (extension, x), e.g. ('SEXT32', x) for an `int` cast of an invariant value
ZERO, ONE = ("k", 0), ("k", 1)
EXTENSIONS = {"SEXT8": (8, True), "SEXT16": (16, True), "SEXT32": (32, True),
              "ZEXT8": (8, False), "ZEXT16": (16, False), "ZEXT32": (32, False)}


def _wrap(n: int) -> int:
    n &= (1 << 64) - 1
    return n - (1 << 64) if n >> 63 else n


def _size(t) -> int:
    return 1 + sum(_size(x) for x in t[1:] if isinstance(x, tuple))


def _add(x, y):
    if x[0] == "k" and y[0] == "k":
        return ("k", _wrap(x[1] + y[1]))
    if x == ZERO:
        return y
    if y == ZERO:
        return x
    return ("+", x, y)


def _neg(x):
    return ("k", _wrap(-x[1])) if x[0] == "k" else ("-", x)


def _mul(x, y):
    if x[0] == "k" and y[0] == "k":
        return ("k", _wrap(x[1] * y[1]))
    if ZERO in (x, y):
        return ZERO
    if x == ONE:
        return y
    if y == ONE:
        return x
    return ("*", x, y)


def _shl(x, y):
    if y[0] == "k":
        return _mul(x, ("k", _wrap(1 << (y[1] & 63))))
    return ZERO if x == ZERO else ("<<", x, y)


def _affine(coef, base):
    if _size(coef) + _size(base) > MAX_TERM:
        return None
    return coef, base


# ---- the bytecode's memory accesses, from the opcode table (pvm/isa.py):
# name -> (index of the address operand, width in bytes, write)
ACCESSES = {name: (1 if name.startswith("LD") else 0,
                   int("".join(c for c in name if c.isdigit())) // 8, name.startswith("ST"))
            for name, op in isa.BY_NAME.items()
            if op.has("memory") and name.startswith(("LD", "ST"))}


@dataclass
class Access:
    pc: int
    coef: tuple                # address = coef * k + base + offset
    base: tuple
    offset: int
    width: int
    write: bool


@dataclass
class Loop:
    header: int                # first pc of the header block
    blocks: list               # first pcs of the loop's blocks, in order
    counted: dict              # register -> its step: r = r0 + k*step at the header
    relation: str              # the body runs while x - y `relation` 0: "<", "<=", "!="
    x: tuple                   # (coef, base) of each side of the test
    y: tuple
    unsigned: bool             # the test compares as unsigned 64-bit numbers
    accesses: list = field(default_factory=list)

    @property
    def proven(self) -> set:
        return {a.pc for a in self.accesses}


class _Blocks:
    """The function's basic blocks: starts, ends, successors, dominators."""

    def __init__(self, code: list):
        self.starts = leaders(code)
        self.end = {s: (self.starts[i + 1] if i + 1 < len(self.starts) else len(code))
                    for i, s in enumerate(self.starts)}
        self.succ = {s: successors(code, self.end[s] - 1) for s in self.starts}
        self.order = self._reverse_postorder()
        self.idom = self._dominators()

    def _reverse_postorder(self) -> list:
        seen, out, stack = {0}, [], [(0, iter(self.succ[0]))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                out.append(node)
                stack.pop()
            elif nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, iter(self.succ[nxt])))
        return out[::-1]

    def _dominators(self) -> dict:
        """Cooper, Harvey and Kennedy's iterative algorithm."""
        index = {s: i for i, s in enumerate(self.order)}
        preds = {s: [] for s in self.order}
        for s in self.order:
            for t in self.succ[s]:
                preds[t].append(s)
        self.preds = preds
        idom = {0: 0}

        def meet(a, b):
            while a != b:
                while index[a] > index[b]:
                    a = idom[a]
                while index[b] > index[a]:
                    b = idom[b]
            return a

        changed = True
        while changed:
            changed = False
            for s in self.order[1:]:
                done = [p for p in preds[s] if p in idom]
                new = done[0]
                for p in done[1:]:
                    new = meet(p, new)
                if idom.get(s) != new:
                    idom[s] = new
                    changed = True
        return idom

    def dominates(self, a: int, b: int) -> bool:
        while b != a:
            if b == 0:
                return a == 0
            b = self.idom[b]
        return True


def _natural_loops(g: _Blocks) -> dict:
    """header -> set of block starts, for every loop with a back edge."""
    loops: dict = {}
    for u in g.order:
        for h in g.succ[u]:
            if g.dominates(h, u):                 # u -> h is a back edge
                loops.setdefault(h, set()).update(loop_body(h, u, g.preds))
    return loops


class _Forms:
    """Symbolic execution of one loop iteration: register -> (coef, base)."""

    def __init__(self, code: list, written: int):
        self.code = code
        self.written = written              # registers some loop instruction writes

    def value(self, state: dict, r: int):
        if not self.written >> r & 1:
            return ZERO, ("r", r)
        return state.get(r)

    def step(self, state: dict, ins: tuple) -> None:
        """Apply one instruction to `state` (in place)."""
        name = ins[0]
        a = ins[1] if len(ins) > 1 else None     # CLI, RETV, ...: no operand
        _, defs = uses_defs(ins)
        new = None
        v = self.value
        if name == "LI":
            new = ZERO, ("k", _wrap(ins[2]))
        elif name == "MOV":
            new = v(state, ins[2])
        elif name == "FRAME":
            new = ZERO, _add(("fp",), ("k", ins[2]))
        elif name in ("ADD64", "SUB64"):
            x, y = v(state, ins[2]), v(state, ins[3])
            if x and y:
                if name == "SUB64":
                    y = _neg(y[0]), _neg(y[1])
                new = _affine(_add(x[0], y[0]), _add(x[1], y[1]))
        elif name == "ADDI64":
            x = v(state, ins[2])
            if x:
                new = x[0], _add(x[1], ("k", _wrap(ins[3])))
        elif name in EXTENSIONS:                  # of an invariant value only
            x = v(state, ins[2])
            if x and x[0] == ZERO:
                new = _affine(ZERO, (name, x[1]))
        elif name == "NEG64":
            x = v(state, ins[2])
            if x:
                new = _neg(x[0]), _neg(x[1])
        elif name == "MUL64":
            x, y = v(state, ins[2]), v(state, ins[3])
            if x and y and x[0] != ZERO:
                x, y = y, x
            if x and y and x[0] == ZERO:          # invariant * affine
                new = _affine(_mul(x[1], y[0]), _mul(x[1], y[1]))
        elif name == "SHL64":
            x, y = v(state, ins[2]), v(state, ins[3])
            if x and y and y[0] == ZERO:          # affine << invariant
                new = _affine(_shl(x[0], y[1]), _shl(x[1], y[1]))
        for r in range(256):
            if defs >> r & 1:
                state.pop(r, None)
        if new is not None and defs == 1 << a:
            state[a] = new


# the header's test: a conditional branch, or JZ/JNZ of a comparison
COMPARES = {"LT": ("<", False), "LE": ("<=", False), "LTU64": ("<", True),
            "LEU64": ("<=", True), "EQ": ("==", False), "NE": ("!=", False)}
BRANCHES = {"JLT": "<", "JLE": "<=", "JEQ": "==", "JNE": "!="}


def _counted(code: list, g: _Blocks, members: list, written: int) -> dict:
    """Register -> step, for each register the loop changes by a fixed step
    exactly once per iteration: its only definition in the loop is `r +=
    step` (or `r -= step`), in a block that dominates every way back to the
    header."""
    latches = [s for s in members if members[0] in g.succ[s]]
    defs: dict = {}
    for s in members:
        for pc in range(s, g.end[s]):
            d = uses_defs(code[pc])[1]
            r = 0
            while d:
                if d & 1:
                    defs.setdefault(r, []).append((s, code[pc]))
                d >>= 1
                r += 1
    out = {}
    for r, sites in defs.items():
        if len(sites) != 1:
            continue
        block, ins = sites[0]
        if not all(g.dominates(block, latch) for latch in latches):
            continue
        name = ins[0]
        if name == "ADDI64" and ins[2] == r:
            out[r] = ("k", _wrap(ins[3]))
        elif name == "ADD64" and r in ins[2:] and not written >> (ins[2] ^ ins[3] ^ r) & 1:
            out[r] = ("r", ins[2] ^ ins[3] ^ r)
        elif name == "SUB64" and ins[2] == r and not written >> ins[3] & 1:
            out[r] = ("-", ("r", ins[3]))
    return out


def _test(code: list, g: _Blocks, header: int, body: set, forms: _Forms, state: dict,
          compared: dict):
    """(relation, x, y, unsigned): the body runs while x - y `relation` 0,
    from the header's last instruction; None if it is not such a test.
    `compared`: pc -> the forms of both operands of each comparison in the
    header, where it is made."""
    test = code[g.end[header] - 1]
    inside = [t for t in g.succ[header] if t in body]
    if len(inside) != 1 or test[0] not in BRANCHES and test[0] not in ("JZ", "JNZ"):
        return None
    taken = inside[0] == test[-1] and test[-1] != g.end[header]
    unsigned = False
    if test[0] in BRANCHES:
        op, x, y = BRANCHES[test[0]], forms.value(state, test[1]), forms.value(state, test[2])
    else:
        # JZ/JNZ r: of the comparison that made r in the header, if one did
        made = None
        for pc in range(header, g.end[header] - 1):
            if uses_defs(code[pc])[1] >> test[1] & 1:
                made = pc
        ins = code[made] if made is not None else None
        if ins is not None and ins[0] in COMPARES:
            (op, unsigned), (x, y) = COMPARES[ins[0]], compared[made]
        else:
            op, x, y = "!=", forms.value(state, test[1]), (ZERO, ZERO)
        if test[0] == "JZ":
            taken = not taken
    if x is None or y is None:
        return None
    if not taken:                                   # the body runs while it is false
        op, x, y = {"<": ("<=", y, x), "<=": ("<", y, x), "==": ("!=", x, y),
                    "!=": ("==", x, y)}[op]
    if op == "==":
        return None
    slope = _add(x[0], _neg(y[0]))
    if op == "!=":                                   # must meet zero: a slope of 1 or -1
        if slope == ("k", -1):
            x, y = y, x
        elif slope != ONE:
            return None
    elif slope[0] == "k" and slope[1] < 1:
        return None
    return op, x, y, unsigned


def _plan_loop(code: list, g: _Blocks, header: int, body: set) -> Loop | None:
    members = [s for s in g.order if s in body]           # header first
    written = 0
    for s in members:
        for pc in range(s, g.end[s]):
            written |= uses_defs(code[pc])[1]
    # the body must be acyclic apart from the way back to the header
    position = {s: i for i, s in enumerate(members)}
    for s in members:
        for t in g.succ[s]:
            if t in body and t != header and position[t] <= position[s]:
                return None
    counted = _counted(code, g, members, written)
    if not counted:
        return None
    forms = _Forms(code, written)
    # the header up to its test, from r0 + k*step for each counted register
    state = {r: (step, ("r", r)) for r, step in counted.items()}
    compared = {}
    for pc in range(header, g.end[header] - 1):
        ins = code[pc]
        if ins[0] in COMPARES:
            compared[pc] = forms.value(state, ins[2]), forms.value(state, ins[3])
        forms.step(state, ins)
    test = _test(code, g, header, body, forms, state, compared)
    if test is None:
        return None
    loop = Loop(header, members, counted, *test)
    _find_accesses(code, g, loop, forms, state)
    return loop if loop.accesses else None


def _find_accesses(code: list, g: _Blocks, loop: Loop, forms: _Forms, header_state: dict) -> None:
    """Forward over the body in order; a block starts with what all its
    predecessors in the loop agree on."""
    out = {loop.header: header_state}
    for s in loop.blocks[1:]:
        ins_states = [out[p] for p in g.preds[s] if p in out]
        state = dict(ins_states[0]) if ins_states else {}
        for other in ins_states[1:]:
            state = {r: f for r, f in state.items() if other.get(r) == f}
        for pc in range(s, g.end[s]):
            ins = code[pc]
            acc = ACCESSES.get(ins[0])
            if acc is not None:
                f = forms.value(state, ins[1 + acc[0]])
                if f is not None:
                    loop.accesses.append(Access(pc, f[0], f[1], ins[3], acc[1], acc[2]))
            forms.step(state, ins)
        out[s] = state


def plan(code: list) -> list:
    """The innermost loops worth a checked and an unchecked copy."""
    if len(code) > 20000:
        return []
    g = _Blocks(code)
    loops = _natural_loops(g)
    out = []
    for header, body in loops.items():
        if any(h != header and h in body for h in loops):
            continue                                       # not innermost
        loop = _plan_loop(code, g, header, body)
        if loop is not None:
            out.append(loop)
    return out


# ---- the guard, in LLVM IR ------------------------------------------------------
I64, I128 = ir.IntType(64), ir.IntType(128)


def emit_guard(lowering, loop: Loop, lo_read: int, lo_write: int, top: int, checked,
               min_trips: int = 1):
    """An i1: true when the loop runs at most N times, N computed here, and
    every access in `loop.accesses` stays in guest memory on each of those
    iterations (see the module docstring).  A loop that will run fewer than
    `min_trips` times goes straight to the `checked` block instead: the
    guard costs about as much as that many iterations' checks."""
    b = lowering.b
    memo: dict = {}

    def term(t):
        if t not in memo:
            kind = t[0]
            if kind == "k":
                v = ir.Constant(I64, t[1])
            elif kind == "r":
                v = lowering.get(t[1])
            elif kind == "fp":
                v = lowering.fp
            elif kind == "+":
                v = b.add(term(t[1]), term(t[2]))
            elif kind == "*":
                v = b.mul(term(t[1]), term(t[2]))
            elif kind == "<<":
                v = b.shl(term(t[1]), b.and_(term(t[2]), ir.Constant(I64, 63)))
            elif kind in EXTENSIONS:
                bits, signed = EXTENSIONS[kind]
                narrow = b.trunc(term(t[1]), ir.IntType(bits))
                v = b.sext(narrow, I64) if signed else b.zext(narrow, I64)
            else:
                v = b.neg(term(t[1]))
            memo[t] = v
        return memo[t]

    def wide(t):
        return b.sext(term(t), I128)

    def k128(n):
        return ir.Constant(I128, n)

    def at(form, k):                         # a register's value at iteration k
        return b.add(b.mul(wide(form[0]), k), wide(form[1]))

    def within(v, lo, hi):
        return b.and_(b.icmp_signed(">=", v, k128(lo)), b.icmp_signed("<=", v, k128(hi)))

    slope = _add(loop.x[0], _neg(loop.y[0]))
    if min_trips > 1 and slope[0] == "k":
        # first the quick test (in 64 bits: a wrong answer only sends a loop
        # to the full guard, which refuses what it cannot prove)
        left = b.sub(term(loop.y[1]), term(loop.x[1]))          # -e = d * trips
        full = lowering.new_block(f"guard{loop.header}full")
        b.cbranch(b.icmp_signed(">=", left, ir.Constant(I64, min_trips * slope[1])),
                  full, checked)
        b.position_at_end(full)
    # N, the iterations the body can run: x - y = d*k + e, and the body
    # runs while d*k < -e (or <=, or !=, with d = 1)
    d = b.sub(wide(loop.x[0]), wide(loop.y[0]))
    rest = b.sub(at(loop.y, k128(0)), at(loop.x, k128(0)))          # -e
    zero64, one64 = ir.Constant(I64, 0), ir.Constant(I64, 1)
    ok = within(rest, INT64_MIN, INT64_MAX)
    rest64 = b.trunc(rest, I64)
    r = b.select(b.icmp_signed("<", rest64, zero64), zero64, rest64)
    if slope == ONE:                         # the usual case: no division
        whole, part = b.zext(r, I128), None
    elif slope[0] == "k":                    # by a constant: LLVM multiplies
        d64 = ir.Constant(I64, slope[1])
        whole, part = b.zext(b.udiv(r, d64), I128), b.urem(r, d64)
    else:
        d_ok = within(d, 1, INT64_MAX)
        ok = b.and_(ok, d_ok)
        d64 = b.select(d_ok, b.trunc(d, I64), one64)    # never a division by zero
        whole, part = b.zext(b.udiv(r, d64), I128), b.urem(r, d64)
    if loop.relation == "<":
        n = whole if part is None else b.add(whole, b.zext(b.icmp_unsigned("!=", part, zero64), I128))
    elif loop.relation == "<=":
        n = b.select(b.icmp_signed("<", rest64, zero64), k128(0), b.add(whole, k128(1)))
    else:                                    # "!=": it must reach zero
        ok = b.and_(ok, b.icmp_signed(">=", rest64, zero64))
        n = b.zext(r, I128)
    # the test is exact at every iteration: both sides are the machine's
    # values at k = 0 and k = N (an affine function lies between its ends)
    smallest = 0 if loop.unsigned else INT64_MIN
    for side in (loop.x, loop.y):
        for k in (k128(0), n):
            ok = b.and_(ok, within(at(side, k), smallest, INT64_MAX))
    runs = b.icmp_signed(">=", n, k128(1))
    first, last = k128(0), b.select(runs, b.sub(n, k128(1)), k128(0))
    accesses_ok = ir.Constant(ir.IntType(1), 1)
    # accesses off one pointer differ in offset only: one range per pointer
    spans: dict = {}
    for a in loop.accesses:
        key = (a.coef, a.base, a.write)
        low, high = spans.get(key, (a.offset, a.offset + a.width))
        spans[key] = min(low, a.offset), max(high, a.offset + a.width)
    paged = getattr(lowering, "paged", False)
    ranges = []                              # paged: ([lo, hi), write, its addend's slot)
    for (coef, base, write), (low, high) in spans.items():
        c, start = wide(coef), wide(base)
        floor = k128((lo_write if write else lo_read) - low)
        ceiling = k128(top - high)          # the last byte accessed is below top
        ends = []
        for k in (first, last):
            addr = b.add(b.mul(c, k), start)
            ends.append(addr)
            accesses_ok = b.and_(accesses_ok, b.and_(b.icmp_signed(">=", addr, floor),
                                                     b.icmp_signed("<=", addr, ceiling)))
        if paged:
            a, z = ends
            lo = b.trunc(b.add(b.select(b.icmp_signed("<", a, z), a, z), k128(low)), I64)
            hi = b.trunc(b.add(b.select(b.icmp_signed("<", a, z), z, a), k128(high)), I64)
            ranges.append((lo, hi, write, lowering.span_slot(coef, base, write)))
    if ranges:
        # paged code (top: the end of virtual memory): each [lo, hi) must be
        # one physically contiguous run of permitted pages (lower.guard_addends,
        # lower_memory.range_helper); the unchecked copy adds its addend
        addends = lowering.guard_addends([(lo, hi, write) for lo, hi, write, _ in ranges])
        for (_, _, _, slot), addend in zip(ranges, addends):
            b.store(addend, slot)
            accesses_ok = b.and_(accesses_ok,
                                 b.icmp_signed("!=", addend, ir.Constant(I64, INT64_MIN)))
    # a loop that runs no iteration accesses nothing
    return b.and_(ok, b.or_(b.not_(runs), accesses_ok))
