"""The interpreter's fast form: each guest function becomes one Python function.

Dispatching one instruction at a time costs CPython ~70 ns before the
instruction does anything (shared/INTERPRETER-FIGURES.md).  So the
interpreter translates a function, the first time it runs, into Python
source in which every instruction is one statement and every register a
Python local variable, and lets CPython run that.  The meaning of each
straight-line instruction comes from its template in isa.py (some in a
faster form with the same meaning, fast_form below: wraps computed only on
overflow, loads and stores inlined; and two common pairs fused into one
statement, FunctionTranslator.fuse).

Control flow is laid out as trees of basic blocks (FunctionTranslator.plan):
a block with exactly one edge into it is emitted inside its parent's code,
where that edge leaves it, as nested `if`s; only the other blocks (roots:
merges, loop headers, jump-table entries) are reached through a `while
True` loop with a binary if-tree on the block's leading instruction index
`L`, weighted so that roots in inner loops take the fewest comparisons.  A
root whose own tree jumps back to it (an inner loop) runs in a `while True:`
of its own (back-edge: `continue`; exits: `L = X; break`), a fresh call
runs the entry block's tree before the if-tree, and small return blocks are
copied into their predecessors.  Every leader that is not a root also has a
plain copy of its one block in the if-tree, for the ways in that are not
edges: a resume after a call through the main loop, a handover from the
stepper, an on-stack entry.

The generated function `fn(m, L, how, fp, *params)` runs the frame at `fp`
from block L, its registers taken (how=0) from its parameters for a fresh
call, (how=1) from the frame's register save area in guest memory plus
m.retval after a call through the main loop, or (how=2) from m.regs (handed
over by the stepper).  When the run is metered (Interpreter.counts_fuel:
a --fuel budget, a program that can take interrupts or read the clock, or
the profiler), fuel is read from m.fuel on entry, kept in a local, checked
and charged at each block's start (as before the layout: a stop or a fault
anywhere sees exactly the per-block count), stored back around calls, and
a RET stores it back and returns the value; unmetered code has no fuel code
at all (m.fuel is unlimited and nothing reads it, as for native code).
Every other way out is an exception, so the common path pays nothing for it:
  * Step: the fuel left does not cover the next block, or a machine
    instruction is next; registers are in m.regs and m.func/m.pc/m.fp/m.fuel
    say where, for the stepper to finish;
  * FlatCall(k): call function k through the main loop (deep recursion,
    variadic indirect callee): registers spilled, m.args set, m.pc at the
    resume point;
  * a Trap (fault, divide by zero, ...), GuestExit, KeyboardInterrupt.
A call is a plain Python call of the callee's translation; CPython 3.11
makes that without using the C stack.  While it runs, the caller's registers
stay in Python locals, and only if an exception passes through the call
does the caller spill them and the callee's frame link (saved FP, return
address) into guest memory, exactly where Machine.enter and CALL would have
put them.  Interpreter.locate_fault (tier.py) does the same for the innermost frame from
its locals.  So whenever control is back in the main loop, guest memory plus
the Machine object are the whole, exact state: what the stepper, the
debugger and a guest OS switching stacks need.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import struct
import sys

from pvm import cache, isa
from pvm.bytecode.program import Record
from pvm.bytecode.cfg import leaders, loop_body, resume_points



INDENT = "    "
MAX_DEPTH = 60      # blocks nest no deeper (CPython allows 100 levels of indentation)


class Translation(Record):
    __slots__ = ("function", "source", "pc_of_line")
    function: object          # the Python function fn(m, L, how, fp, *params)
    source: str | None        # None when it came from the disk cache
    pc_of_line: dict          # Python source line -> instruction index

    def __init__(self, function, source: str | None, pc_of_line: dict):
        self.function, self.source, self.pc_of_line = function, source, pc_of_line


def _literal(kind: str, value) -> str:
    if kind == "x":
        if value != value or value in (float("inf"), float("-inf")):
            return f"float({str(value)!r})"
        return repr(float(value))
    return repr(int(value))


def operand_texts(op: isa.Op, args: tuple) -> list[str]:
    """Operands as Python expressions: registers are locals r0..r255."""
    out = []
    for kind, value in zip(op.operands, args):
        out.append(f"r{value}" if kind in isa.REG_OPERANDS else _literal(kind, value))
    return out


def straight(op: isa.Op, args: tuple) -> str:
    """The statement for a templated (straight-line) instruction, as the
    template says it."""
    text = op.py.replace("FP", "fp")
    names = "ABC"
    return text.format(**{names[i]: t for i, t in enumerate(operand_texts(op, args))})


# ---- faster forms of some templates ------------------------------------------
# The template is the definition; these are the same meaning in fewer
# CPython operations, chosen by the template's shape (so a new instruction
# with a wrapping or comparing template gets them too).  Every form is
# checked against its template on boundary values (tests/pvm/interp/).
_WRAP = [(*isa.W32.split("{e}"), "-0x80000000", "0x7FFFFFFF"),
         (*isa.W64.split("{e}"), "-0x8000000000000000", "0x7FFFFFFFFFFFFFFF")]

# memory templates: helper -> (struct method of the access, bytes), inlined
# as a bounds check against the same limits (MLO/MWLO/MTOP<n>, bound in tier.py)
# and a struct call (a byte: indexing, signed by (b ^ 0x80) - 0x80), instead of a
# call of the helper
_LOADS = {"ld8": ("SB", 1), "ld8u": (None, 1), "ld16": ("UH", 2), "ld16u": ("UHU", 2),
          "ld32": ("UI", 4), "ld64": ("UQ", 8), "ldf32": ("UF", 4), "ldf64": ("UD", 8)}
_STORES = {"st8": (None, 1, "{v} & 0xFF"), "st16": ("PHU", 2, "{v} & 0xFFFF"),
           "st32": ("PIU", 4, "{v} & 0xFFFFFFFF"), "st64": ("PQ", 8, "{v}"),
           "stf64": ("PD", 8, "{v}")}
LOAD_RE = re.compile(r"^\{A\} = (\w+)\(\{B\} \+ \{C\}\)$")
STORE_RE = re.compile(r"^(\w+)\(\{A\} \+ \{C\}, \{B\}\)$")
BOOL_RE = re.compile(r"^\{A\} = int\((.*)\)$")


def _address(base: str, offset: str) -> tuple[str, str]:
    """(statement computing the address into `ad`, or "", its name)."""
    if offset == "0":
        return "", base
    return f"ad = {base} + {offset}; ", "ad"


def wrapped(op: isa.Op, texts: list) -> tuple | None:
    """(expression, width) of a wrapping template on operand texts: R[A] is
    that expression wrapped to `width` bits; None if op does not wrap."""
    t = op.py
    for (head, tail, _, _), width in zip(_WRAP, (32, 64)):
        if t.startswith("{A} = " + head) and t.endswith(tail):
            inner = t[len("{A} = " + head):-len(tail)].replace("FP", "fp")
            return inner.format(**dict(zip("ABC", texts))), width
    return None


# Arithmetic that is the same modulo 2**W whatever multiple of 2**W its
# operands are off by (+, -, *, << and shift counts masked to under W), so a
# result wrapped or not gives the same value once the next one is wrapped.
RING_OPS = frozenset(f"{name}{w}" for name in ("ADD", "SUB", "MUL", "SHL", "ADDI", "NEG")
                     for w in (32, 64))


def fused_wrap(op1: isa.Op, args1: tuple, op2: isa.Op, args2: tuple) -> list[str] | None:
    """Lines for op1 then op2, both wrapping ring arithmetic, when op2 reads
    op1's destination and overwrites it: op1's expression goes into op2's
    unwrapped and only op2's result is wrapped (exact: see RING_OPS; a
    64-bit result may feed a 32-bit one, not the other way)."""
    if op1.name not in RING_OPS or op2.name not in RING_OPS or args2[0] != args1[0]:
        return None
    first = wrapped(op1, operand_texts(op1, args1))
    a = f"r{args1[0]}"
    texts2 = operand_texts(op2, args2)
    if a not in texts2[1:]:
        return None
    (e1, w1) = first
    second = wrapped(op2, [texts2[0]] + [f"({e1})" if t == a else t for t in texts2[1:]])
    e2, w2 = second
    if w1 < w2:
        return None
    head, tail, lo, hi = _WRAP[0 if w2 == 32 else 1]
    return [f"{a} = {e2}", f"if not {lo} <= {a} <= {hi}: {a} = " + (head + a + tail).replace("{e}", a)]


def fast_form(op: isa.Op, args: tuple, inline_memory: bool = True) -> list[str] | None:
    """Lines with the meaning of op's template on `args`, faster; None: use the template.

    * a W-bit wrap is only computed when the result is out of range (the
      usual case costs a comparison instead of three big-integer operations);
    * a truth value is `1 if ... else 0`, not a call of int();
    * a load or store checks its bounds and calls the struct method itself
      (not through a Python function) unless memory goes through a page table."""
    texts = operand_texts(op, args)
    t = op.py
    for head, tail, lo, hi in _WRAP:
        if t.startswith("{A} = " + head) and t.endswith(tail):
            a = texts[0]
            inner = straight(isa.Op(op.name, op.code, op.operands, op.writes, "",
                                    "{A} = " + t[len("{A} = " + head):-len(tail)]), args)
            if op.name == "ADDI64":       # R[B] is a 64-bit value: one side can overflow
                k = int(args[2])
                check = f"{a} > {hi}" if k >= 0 else f"{a} < {lo}"
            else:
                check = f"not {lo} <= {a} <= {hi}"
            return [inner, f"if {check}: {a} = " + (head + a + tail).replace("{e}", a)]
    m = BOOL_RE.match(t)
    if m:
        return [straight(isa.Op(op.name, op.code, op.operands, op.writes, "",
                                "{A} = 1 if " + m.group(1) + " else 0"), args)]
    if not inline_memory:
        return None
    m = LOAD_RE.match(t)
    if m and m.group(1) in _LOADS:
        unpack, n = _LOADS[m.group(1)]
        pre, ad = _address(texts[1], texts[2])
        get = (f"mem[{ad}]" if unpack is None else f"(mem[{ad}] ^ 0x80) - 0x80" if unpack == "SB"
               else f"{unpack}(mem, {ad})[0]")
        top = "MTOP1" if n == 1 else f"MTOP{n}"
        return [f"{pre}{texts[0]} = {get} if MLO <= {ad} <= {top} else SEGV('read', {ad})"]
    m = STORE_RE.match(t)
    if m and m.group(1) in _STORES:
        pack, n, value = _STORES[m.group(1)]
        pre, ad = _address(texts[0], texts[2])
        v = value.format(v=texts[1])
        top = f"MTOP{n}"
        if pack is None:
            return ([pre.rstrip("; ")] if pre else []) + [
                f"if MWLO <= {ad} <= {top}: mem[{ad}] = {v}", f"else: SEGV('write', {ad})"]
        return [f"{pre}{pack}(mem, {ad}, {v}) if MWLO <= {ad} <= {top} else SEGV('write', {ad})"]
    return None


class FunctionTranslator:
    def __init__(self, findex: int, fn, tier):
        self.findex = findex
        self.fn = fn
        self.code = fn.code
        self.regs = [f"r{i}" for i in range(fn.nregs)]
        self.tier = tier
        self.threshold = tier.hot_threshold(fn)
        self.inline_memory = not getattr(tier, "paged", False)
        self.fuel = getattr(tier, "counts_fuel", True)   # see Interpreter.counts_fuel
        self.save_fuel = "m.fuel = fuel; " if self.fuel else ""
        self.packers: dict = {}          # name -> struct format of variadic argument stores
        self.lines: list[str] = []
        self.pc_of_line: dict[int, int] = {}

    def callee_info(self, k: int) -> tuple:
        callee = self.tier.program.functions[k]
        return callee.nparams, callee.variadic, callee.frame_bytes

    def return_address(self, pc: int) -> int:
        return self.tier.text_offsets[self.findex][pc]

    # -- output helpers
    def emit(self, depth: int, text: str, pc: int | None = None) -> None:
        self.lines.append(INDENT * depth + text)
        if pc is not None:
            self.pc_of_line[len(self.lines)] = pc

    def reg_tuple(self) -> str:
        if not self.regs:
            return "()"
        return ", ".join(self.regs) + ("," if len(self.regs) == 1 else "")

    def spill(self, depth: int, pc: int) -> None:
        if self.regs:
            self.emit(depth, f"SPILL{self.findex}(mem, fp - {8 * len(self.regs)}, {', '.join(self.regs)})", pc)

    # -- the whole function
    def translate(self) -> str:
        fn = self.fn
        blocks = leaders(self.code)
        params = self.regs[:fn.nparams]
        self.emit(0, f"def fn(m, L, how, fp{''.join(', ' + p + '=0' for p in params)}):")
        if self.fuel:
            self.emit(1, "fuel = m.fuel")
        if self.threshold is not None:       # tier policy `auto`: count calls and back-edges
            k = self.findex
            self.emit(1, "be = 0")
            self.emit(1, f"if how == 0 and CALLS[{k}] >= 0:")
            self.emit(2, f"CALLS[{k}] += 1")
            self.emit(2, f"if CALLS[{k}] > {self.threshold}:")
            self.emit(3, f"native = TIER_UP({k})")
            self.emit(3, f"if native: return native(m, 0, 0, fp{''.join(', ' + p for p in params)})")
        self.emit(1, "if how == 0:")
        for i in range(fn.nparams, fn.nregs):
            self.emit(2, f"r{i} = {'0.0' if fn.kinds[i] == 'd' else '0'}")
        self.plan(blocks)
        # a fresh call runs the entry block's tree right here, not through
        # the if-tree on L: a `while True:` that its exits leave by `break`
        self.emit(2, "while True:")
        self.inlining, self.loop_root = True, 0
        self.block(3, 0)
        self.inlining, self.loop_root = False, None
        self.emit(1, "elif how == 1:")
        if self.regs:
            self.emit(2, f"{self.reg_tuple()} = UNSPILL{self.findex}(mem, fp - {8 * len(self.regs)})")
        resumes = [(pc, self.code[pc - 1][1]) for pc in resume_points(self.code)]
        self.dispatch(2, [(pc, [f"r{dst} = m.retval"]) for pc, dst in resumes], "L")
        self.emit(1, "else:")
        if self.regs:
            self.emit(2, f"{self.reg_tuple()} = m.regs")
        else:
            self.emit(2, "pass")
        self.emit(1, "while True:")
        self.dispatch_blocks(2, [(start, 8 ** min(3, 1 + self.depth[start]) if start in self.roots else 1)
                                 for start in blocks])
        return "\n".join(self.lines) + "\n"

    # -- how blocks are laid out (see the module doc: trees of blocks)
    def plan(self, blocks: list) -> None:
        """Cut the function's blocks into trees: a block with exactly one
        edge into it, from its parent, is emitted inside the parent's code
        where that edge leaves it (no dispatch); the rest are roots, which
        the if-tree on L reaches.  A root that its own tree jumps back to
        (a loop) runs in a `while True:` of its own."""
        code = self.code
        self.end = {start: (blocks[n + 1] if n + 1 < len(blocks) else len(code))
                    for n, start in enumerate(blocks)}
        edges: dict = {}                  # block -> [(pred, count)]
        dynamic = {0}                     # entered other than by a static edge
        self.succs: dict = {}
        for start, end in self.end.items():
            last = code[end - 1]
            op = isa.BY_NAME[last[0]]
            out = []
            if op.has("machine"):
                dynamic.add(end)          # the stepper runs it, then enters `end`
            elif op.has("table"):
                dynamic.update(range(end, end + last[2] + 1))
            elif op.name == "JMP":
                out = [last[1]]
            elif op.has("terminator"):
                out = []
            elif op.has("branch"):
                out = [last[op.operands.index("l") + 1], end]
            else:
                out = [end]
            out = [x for x in out if x in self.end]
            self.succs[start] = out
            for x in out:
                edges.setdefault(x, []).append(start)
        self.depth = self.loop_depths(blocks, dynamic, edges)
        self.parent = {x: ps[0] for x, ps in edges.items()
                       if len(ps) == 1 and x not in dynamic and ps[0] != x}
        # a cycle of blocks that each have one edge in is unreachable:
        # give it a root anyway
        reached = set()
        while True:
            roots = [b for b in blocks if b not in self.parent]
            todo = [b for b in roots if b not in reached]
            while todo:
                b = todo.pop()
                reached.add(b)
                todo.extend(x for x in self.succs[b] if self.parent.get(x) == b and x not in reached)
            left = [b for b in blocks if b not in reached]
            if not left:
                break
            del self.parent[left[0]]
        self.roots = frozenset(b for b in blocks if b not in self.parent)
        self.loops = set()
        for b in blocks:
            r = b
            while r in self.parent:
                r = self.parent[r]
            if r in self.succs[b]:
                self.loops.add(r)
        # small blocks that return: copied into each block that jumps to them
        self.small_exits = {b for b, e in self.end.items() if e - b <= 3 and not self.succs[b]
                            and isa.BY_NAME[code[e - 1][0]].name in ("RET", "RETV", "FRET")}
        self.loop_root = None             # the root of the `while True:` being emitted
        self.inlining = False             # emitting a tree (not a plain entry copy)

    def dispatch(self, depth: int, cases: list, var: str) -> None:
        """A binary if-tree choosing among `cases` [(key, lines)] by var."""
        if not cases:
            self.emit(depth, "pass")
            return
        if len(cases) == 1:
            for line in cases[0][1]:
                self.emit(depth, line)
            return
        mid = len(cases) // 2
        self.emit(depth, f"if {var} < {cases[mid][0]}:")
        self.dispatch(depth + 1, cases[:mid], var)
        self.emit(depth, "else:")
        self.dispatch(depth + 1, cases[mid:], var)

    def loop_depths(self, blocks: list, entries: set, preds: dict) -> dict:
        """How many loops each block is in (back-edges of a depth-first
        walk, each loop's body the blocks that reach its latch without
        passing its header): the if-tree puts the roots of inner loops
        nearer its top."""
        back, seen, on_path = [], set(), set()
        for first in sorted(entries & set(self.end)):
            if first in seen:
                continue
            seen.add(first)
            on_path.add(first)
            stack = [(first, iter(self.succs[first]))]
            while stack:
                b, it = stack[-1]
                x = next(it, None)
                if x is None:
                    stack.pop()
                    on_path.discard(b)
                elif x in on_path:
                    back.append((b, x))
                elif x not in seen:
                    seen.add(x)
                    on_path.add(x)
                    stack.append((x, iter(self.succs[x])))
        bodies: dict = {}
        for latch, header in back:
            bodies.setdefault(header, set()).update(loop_body(header, latch, preds))
        depth = dict.fromkeys(blocks, 0)
        for body in bodies.values():
            for x in body:
                depth[x] += 1
        return depth

    def dispatch_blocks(self, depth: int, blocks: list) -> None:
        """A binary if-tree on L over [(block start, weight)]: heavier
        entries (roots, which jumps reach) sit nearer the top than the
        other leaders, which only a resume or a handover enters."""
        if len(blocks) == 1:
            self.entry(depth, blocks[0][0])
            return
        total, acc, mid = sum(w for _, w in blocks), 0, 1
        for i, (_, w) in enumerate(blocks[:-1]):
            acc += w
            if acc * 2 >= total:
                mid = i + 1
                break
        else:
            mid = len(blocks) - 1
        self.emit(depth, f"if L < {blocks[mid][0]}:")
        self.dispatch_blocks(depth + 1, blocks[:mid])
        self.emit(depth, "else:")
        self.dispatch_blocks(depth + 1, blocks[mid:])

    def entry(self, d: int, start: int) -> None:
        """What the if-tree runs for L == start: a root's whole tree, or for
        a block inside some tree, a plain copy of just that block."""
        if start not in self.roots:
            self.inlining, self.loop_root = False, None
            self.block(d, start)
            return
        self.inlining = True
        if start in self.loops:
            self.loop_root = start
            self.emit(d, "while True:")
            self.block(d + 1, start)
        else:
            self.loop_root = None
            self.block(d, start)
        self.inlining, self.loop_root = False, None

    def goto(self, d: int, target: int, pc: int | None = None) -> None:
        """Go on at block `target`: its code right here if it belongs to the
        tree being emitted, `continue` to the loop's root, else through the
        if-tree on L."""
        target = int(target)
        if self.inlining and d < MAX_DEPTH:
            if self.parent.get(target) == self.current:
                self.block(d, target)
                return
            if target == self.loop_root:
                self.emit(d, "continue", pc)
                return
            if target in self.small_exits:
                saved = self.current
                self.block(d, target)
                self.current = saved
                return
        self.emit(d, f"L = {target}; {'break' if self.loop_root is not None else 'continue'}", pc)

    def block(self, d: int, start: int) -> None:
        end = self.end[start]
        n = end - start
        self.current = start
        if isa.BY_NAME[self.code[start][0]].has("machine"):
            # a machine instruction is a block of its own, which fast code
            # never runs: stop before it, uncharged, for the run loop to step
            self.emit(d, f"m.regs = [{', '.join(self.regs)}]; {self.save_fuel}"
                         f"m.fp = fp; m.func = {self.findex}; m.pc = {start}; raise Step()", start)
            return
        if self.fuel:
            self.emit(d, f"if fuel < {n}:")
            self.emit(d + 1, f"m.regs = [{', '.join(self.regs)}]; m.fuel = fuel; "
                            f"m.fp = fp; m.func = {self.findex}; m.pc = {start}; raise Step()")
            self.emit(d, f"fuel -= {n}")
        fused = None
        for pc in range(start, end):
            ins = self.code[pc]
            op = isa.BY_NAME[ins[0]]
            self.current = start
            if pc == fused:
                continue
            if pc + 1 < end and self.fuse(d, pc, ins, self.code[pc + 1], start):
                fused = pc + 1
                continue
            if op.py is not None:
                for line in fast_form(op, ins[1:], self.inline_memory) or [straight(op, ins[1:])]:
                    self.emit(d, line, pc)
            else:
                getattr(self, "op_" + op.name)(d, pc, *operand_texts(op, ins[1:]))
        self.current = start
        last = isa.BY_NAME[self.code[end - 1][0]]
        if not (last.has("terminator") or last.has("call")):
            self.goto(d, end)

    def fuse(self, d: int, pc: int, ins: tuple, nxt: tuple, start: int) -> bool:
        """Emit instructions pc and pc + 1 (of the same block) as one, if
        they are a pair that has a shorter form; False if not.  The pair
        cannot stop between its two instructions (no fault there), so no
        state in between is ever seen:
          * a comparison into R[A], then JNZ/JZ on R[A]: one `if` on the
            comparison, R[A] set to 1 or 0 on each path;
          * LD8 R[A], then ZEXT8 R[A], R[A]: a byte load without the sign;
          * wrapping arithmetic into R[A], then wrapping arithmetic on R[A]
            into R[A] (an address: i << 2, then p + that): one expression,
            wrapped once (fused_wrap)."""
        op, nop = isa.BY_NAME[ins[0]], isa.BY_NAME[nxt[0]]
        lines = fused_wrap(op, ins[1:], nop, nxt[1:])
        if lines is not None:
            for line in lines:
                self.emit(d, line, pc)
            return True
        if nop.name in ("JNZ", "JZ") and op.py is not None and nxt[1] == ins[1] \
                and op.writes == "A" and BOOL_RE.match(op.py):
            cond = straight(isa.Op(op.name, op.code, op.operands, op.writes, "",
                                   BOOL_RE.match(op.py).group(1)), ins[1:])
            a, label = f"r{ins[1]}", nxt[2]
            taken, other = ("1", "0") if nop.name == "JNZ" else ("0", "1")
            self.emit(d, f"if {cond}:" if nop.name == "JNZ" else f"if not ({cond}):", pc)
            self.emit(d + 1, f"{a} = {taken}", pc + 1)
            self.back_edge(d + 1, pc + 1, label)
            self.goto(d + 1, label, pc + 1)
            self.current = start
            self.emit(d, f"{a} = {other}", pc + 1)
            return True
        if op.name == "LD8" and nop.name == "ZEXT8" and nxt[1] == nxt[2] == ins[1] and self.inline_memory:
            form = fast_form(isa.BY_NAME["LD8U"], ins[1:])
            if form is not None:
                for line in form:
                    self.emit(d, line, pc)
                return True
        return False

    # -- control flow: one method per non-templated opcode
    def back_edge(self, d, pc, label) -> None:
        """Count a loop iteration; a hot loop asks the main loop for OSR."""
        if self.threshold is None or int(label) > pc:
            return
        self.emit(d, "be += 1", pc)
        self.emit(d, f"if be > {self.threshold} and OSR_OK[{self.findex}]:", pc)
        self.emit(d + 1, f"m.regs = [{', '.join(self.regs)}]; {self.save_fuel}m.fp = fp; "
                         f"m.func = {self.findex}; m.pc = {label}; raise TierUp({self.findex})", pc)

    def op_JMP(self, d, pc, label):
        self.back_edge(d, pc, label)
        self.goto(d, label, pc)

    def _branch(self, d, pc, cond, label):
        self.emit(d, f"if {cond}:", pc)
        self.back_edge(d + 1, pc, label)
        self.goto(d + 1, label, pc)

    def op_JTAB(self, d, pc, a, n):
        """Enter the table's JMP for R[A] (it counts as an instruction, as
        in the stepper), or the default after the table."""
        n = int(n)
        jump = "break" if self.loop_root is not None else "continue"
        self.emit(d, f"L = {pc + 1} + {a} if 0 <= {a} < {n} else {pc + 1 + n}; {jump}", pc)

    def op_JZ(self, d, pc, a, label):
        self._branch(d, pc, f"{a} == 0", label)

    def op_JNZ(self, d, pc, a, label):
        self._branch(d, pc, f"{a} != 0", label)

    def op_JEQ(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} == {b}", label)

    def op_JNE(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} != {b}", label)

    def op_JLT(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} < {b}", label)

    def op_JLE(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} <= {b}", label)

    def _flat_call(self, d, pc, callee_expr, args):
        """Leave to the run loop, which pushes the frame (Machine.enter)."""
        self.spill(d, pc)
        self.emit(d, f"m.args = ({', '.join(args)}{',' if len(args) == 1 else ''}); "
                     f"{self.save_fuel}m.fp = fp; m.func = {self.findex}; m.pc = {pc + 1}", pc)
        self.emit(d, f"raise FlatCall({callee_expr})", pc)

    def _host_call(self, d, pc, dst, callee_expr, args):
        """The call proper, once the frame is known to fit (see module doc)."""
        if self.fuel:
            self.emit(d, "m.fuel = fuel", pc)
        self.emit(d, "try:", pc)
        self.emit(d + 1, f"{dst} = {callee_expr}(m, 0, 0, nfp{''.join(', ' + a for a in args)})", pc)
        self.emit(d, "except BaseException:", pc)
        self.spill(d + 1, pc)
        self.emit(d + 1, f"PUT2(mem, nfp, fp, {self.return_address(pc + 1)}); raise", pc)
        if self.fuel:
            self.emit(d, "fuel = m.fuel", pc)

    def op_CALL(self, d, pc, dst, fidx, base, n):
        b, n, k = int(base[1:]), int(n), int(fidx)
        args = [f"r{b + i}" for i in range(n)]
        nparams, variadic, callee_bytes = self.callee_info(k)
        extra = args[nparams:]
        frame = self.fn.frame_bytes
        self.emit(d, f"nfp = (fp - {frame + 16 + 8 * len(extra)}) & -16", pc)
        self.emit(d, f"if nfp - {callee_bytes} < HOST_FLOOR:", pc)
        self._flat_call(d + 1, pc, fidx, args)
        if extra:       # variadic arguments go to memory slots at FP+16...
            fmt = "<" + "".join(self.fn.kinds[b + nparams + i] for i in range(len(extra)))
            name = f"VA{self.findex}_{pc}"
            self.packers[name] = fmt
            self.emit(d, f"{name}(mem, nfp + 16, {', '.join(extra)})", pc)
        self._host_call(d, pc, dst, f"F{k}", args[:nparams])
        self.goto(d, pc + 1, pc)

    op_FCALL = op_CALL

    def op_CALLR(self, d, pc, dst, target, base, n):
        b, n = int(base[1:]), int(n)
        args = [f"r{b + i}" for i in range(n)]
        frame = self.fn.frame_bytes
        self.emit(d, f"k = FUNC_AT({target})", pc)
        self.emit(d, f"nfp = (fp - {frame + 16}) & -16", pc)
        self.emit(d, f"if CALL_SHAPE[k] != {n} or nfp - FRAME_BYTES[k] < HOST_FLOOR:", pc)
        self._flat_call(d + 1, pc, "k", args)
        self._host_call(d, pc, dst, "(FAST[k] or TRANSLATE(k))", args)
        self.goto(d, pc + 1, pc)

    op_FCALLR = op_CALLR

    def op_RET(self, d, pc, a):
        self.emit(d, f"{self.save_fuel}return {a}", pc)

    op_FRET = op_RET

    def op_RETV(self, d, pc):
        self.emit(d, f"{self.save_fuel}return 0", pc)

    def op_VARARGS(self, d, pc, a):
        self.emit(d, f"{a} = fp + 16", pc)

    def op_SYSCALL(self, d, pc, a, n):
        b = int(a[1:])
        args = "".join(f", r{b + 1 + i}" for i in range(int(n)))
        self.emit(d, f"{self.save_fuel}{a} = SYSCALL(m, {a}{args})", pc)

    def op_TRAP(self, d, pc, k):
        self.emit(d, f"raise TRAP({k})", pc)


def _cache_path(key: str) -> str | None:
    d = cache.cache_dir()
    return None if d is None else os.path.join(d, "py", key + ".marshal")


def _cached(key: str):
    path = _cache_path(key)
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            # not marshal.load(f): from a file object it reads in many small
            # calls, 5-20 times slower than reading the file whole
            value = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    cache.touch(path)
    return value


def _store(key: str, value) -> None:
    path = _cache_path(key)
    if path is None:
        return
    try:
        cache.atomic_write(path, marshal.dumps(value))
    except (OSError, ValueError):
        return
    cache.maybe_prune(os.path.dirname(path), "py")


def translate(findex: int, tier, namespace: dict) -> Translation:
    """Translate one function of the interpreter `tier`'s program into
    `namespace`, its shared namespace of bound helpers (see tier.py).

    Generating the source and CPython's compile() are most of start-up, so
    the result is cached on disk like a .pyc file, keyed by the program's
    bytecode, the function and the options that shape the code."""
    fn = tier.program.functions[findex]
    fmt = struct.Struct("<" + fn.kinds)
    packer = namespace["PACKER"]              # struct's pack_into, or through the page table
    namespace[f"SPILL{findex}"] = packer(fmt)
    namespace[f"UNSPILL{findex}"] = namespace["UNPACKER"](fmt)
    key = None
    if tier.program_key is not None:
        spec = (f"{sys.version}|{tier.program_key}|{findex}|{tier.hot_threshold(fn)}|"
                f"{getattr(tier, 'paged', False)}|{getattr(tier, 'counts_fuel', True)}|"
                f"{cache.toolchain_stamp()}")
        key = hashlib.sha256(spec.encode()).hexdigest()[:32]
        hit = _cached(key)
        if hit is not None:
            code, pc_of_line, packers = hit
            namespace.update({name: packer(struct.Struct(f)) for name, f in packers.items()})
            local: dict = {}
            exec(code, namespace, local)
            return Translation(local["fn"], None, pc_of_line)
    t = FunctionTranslator(findex, fn, tier)
    source = t.translate()
    namespace.update({name: packer(struct.Struct(f)) for name, f in t.packers.items()})
    code = compile(source, f"<pvm:{fn.name}>", "exec")
    if key is not None:
        _store(key, (code, t.pc_of_line, t.packers))
    local = {}
    exec(code, namespace, local)
    return Translation(local["fn"], source, t.pc_of_line)
