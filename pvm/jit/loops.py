"""Loop versioning: an inner loop's bounds checks, proven once at its entry.

`for (k = 0; k < n; k++) s += a[i*n + k] * b[k*n + j];` checks two addresses
on every iteration, although both move by a fixed stride and the whole range
could be checked once.  LLVM has passes that do this (inductive range check
elimination, loop predication), but not in the O2 pipeline llvmlite builds.
So the lowering does it, from the bytecode:

1. find the innermost natural loops whose header ends in `JLT`/`JLE`
   comparing an induction variable h with a loop-invariant bound, where h's
   only definition in the loop is `h += step` (a constant, or a register the
   loop does not write);
2. follow every register through the loop body as an affine function
   coef*h + base of h's value at the header, coef and base built from
   constants and registers the loop does not write (arithmetic mod 2^64,
   which is exactly what the machine computes);
3. at the loop's entry a guard computes, in 128-bit integers, each such
   load's or store's address at the first and the last value h can take, and
   checks both are in guest memory (an affine function between its two ends
   stays between them), and that h cannot wrap around;
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
from pvm.bytecode.cfg import leaders

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
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
    coef: tuple                # address = coef * h + base + offset
    base: tuple
    offset: int
    width: int
    write: bool


@dataclass
class Loop:
    header: int                # first pc of the header block
    blocks: list               # first pcs of the loop's blocks, in order
    iv: int                    # the induction register
    step: tuple                # h += step on each iteration that increments
    bound: tuple               # the body runs while h `relation` bound
    relation: str              # "<", "<=", ">" or ">="
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
                body = loops.setdefault(h, {h})
                work = [u]
                while work:
                    x = work.pop()
                    if x not in body:
                        body.add(x)
                        work.extend(g.preds[x])
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


_TESTS = {  # (op, h is the first operand, branch taken) -> relation of h to the bound
    ("JLT", True, True): "<", ("JLT", True, False): ">=",
    ("JLE", True, True): "<=", ("JLE", True, False): ">",
    ("JLT", False, True): ">", ("JLT", False, False): "<=",
    ("JLE", False, True): ">=", ("JLE", False, False): "<",
}


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
    test = code[g.end[header] - 1]
    if test[0] not in ("JLT", "JLE"):
        return None
    inside = [t for t in g.succ[header] if t in body]
    if len(inside) != 1:
        return None
    taken = inside[0] == test[3] and test[3] != g.end[header]
    forms = _Forms(code, written)
    for iv_first in (True, False):
        iv = test[1] if iv_first else test[2]
        if not written >> iv & 1:
            continue
        defs = [pc for s in members for pc in range(s, g.end[s]) if uses_defs(code[pc])[1] >> iv & 1]
        if len(defs) != 1:
            continue
        inc = code[defs[0]]
        if inc[0] == "ADDI64" and inc[1] == inc[2] == iv and inc[3] != 0:
            step = ("k", _wrap(inc[3]))
        elif inc[0] == "ADD64" and inc[1] == iv and iv in inc[2:] and not written >> (inc[2] ^ inc[3] ^ iv) & 1:
            step = ("r", inc[2] ^ inc[3] ^ iv)
        else:
            continue
        # the header up to its test: h is the induction register's value on entry
        state = {iv: (ONE, ZERO)}
        for pc in range(header, g.end[header] - 1):
            forms.step(state, code[pc])
        h_form = forms.value(state, iv)
        other = forms.value(state, test[2] if iv_first else test[1])
        if h_form != (ONE, ZERO) or other is None or other[0] != ZERO:
            continue
        relation = _TESTS[(test[0], iv_first, taken)]
        up = relation in ("<", "<=")
        if step[0] == "k" and (step[1] > 0) != up:
            continue
        loop = Loop(header, members, iv, step, other[1], relation)
        _find_accesses(code, g, loop, forms, state)
        return loop if loop.accesses else None
    return None


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


def emit_guard(lowering, loop: Loop, lo_read: int, lo_write: int, top: int):
    """An i1: true when every access in `loop.accesses` stays in guest memory
    for every value h can take, and h cannot wrap (see the module docstring)."""
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

    h0, bound, step = b.sext(lowering.get(loop.iv), I128), wide(loop.bound), wide(loop.step)
    if loop.relation in ("<", "<="):
        first = h0
        last = b.sub(bound, k128(1)) if loop.relation == "<" else bound
        ok = b.and_(b.icmp_signed(">=", step, k128(1)),
                    b.icmp_signed("<=", b.add(last, step), k128(INT64_MAX)))
    else:
        last = h0
        first = b.add(bound, k128(1)) if loop.relation == ">" else bound
        ok = b.and_(b.icmp_signed("<=", step, k128(-1)),
                    b.icmp_signed(">=", b.add(first, step), k128(INT64_MIN)))
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
        for h in (first, last):
            addr = b.add(b.mul(c, h), start)
            ends.append(addr)
            ok = b.and_(ok, b.and_(b.icmp_signed(">=", addr, floor),
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
            ok = b.and_(ok, b.icmp_signed("!=", addend, ir.Constant(I64, INT64_MIN)))
    return ok
