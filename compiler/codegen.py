"""Code generation: a checked Unit -> an Object of pvm register bytecode.

`FuncGen` compiles one function.  Registers: parameters are r0..r(n-1)
(after the hidden struct-return pointer, if any); each scalar local whose
address is never taken (and is not volatile) gets its own register for its
block's lifetime (up to LOCAL_REGISTERS; the rest live in the frame);
temporaries are allocated stack-like above them and
released after each statement.  Register kinds are fixed per function, so
an allocation skips registers already used with the other kind.  Two
registers are added at the end only if used: ZERO (holds 0: a global is
loaded in one instruction as `LD32 r, ZERO, &g`) and FPREG (holds FP: a
frame object at offset K is `LD32 r, FPREG, K`).  Memory locals (arrays,
structs, address-taken variables) live in the frame below the register save
area; their offsets (`FrameOff`) are fixed once the register count is known.

Expressions are in gen_expr.py and gen_access.py; `UnitGen` also lays out
the unit's static data (staticdata.py).
"""
from __future__ import annotations

from . import ast as A
from . import fold
from pvm import isa

from . import types as T
from .gen_access import AccessGen
from .gen_asm import AsmGen
from .gen_expr import ExprGen, store_op
from .obj import ObjFunction, Object, Ref
from .staticdata import data_item
from .stdlib_files import portable_name

MAX_REGS = 256
# Scalar locals get registers below this number; past it they live in the
# frame, so a function with hundreds of locals still leaves registers for
# temporaries (and compiles).
LOCAL_REGISTERS = 160
MAX_CONSTANTS = 32          # registers for integer constants used in loops


class CodegenError(Exception):
    """A limit of the machine was exceeded (reported as a compile error at `pos`)."""

    def __init__(self, pos, message):
        super().__init__(message)
        self.pos = pos


class FrameOff:
    """Offset of a frame object from the bottom of the memory-locals area."""
    __slots__ = ("off",)

    def __init__(self, off: int):
        self.off = off

    def __add__(self, n: int) -> "FrameOff":
        return FrameOff(self.off + n)

    def __repr__(self):
        return f"FrameOff({self.off})"


class FuncGen(ExprGen, AccessGen, AsmGen):
    ZERO = 1000     # placeholder register numbers, assigned in finish()
    FPREG = 1001
    CONST_BASE = 2000   # placeholders for integer constants used inside loops

    def __init__(self, unit_gen: "UnitGen", info):
        self.unit = unit_gen.unit
        self.source = unit_gen.source
        self.info = info
        self.code: list[list] = []
        self.lines: list[int] = []
        self.line = 0
        self.kinds: list[str | None] = []
        self.top = 0
        self.labels: list[int] = []
        self.locs: dict = {}
        self.frame_cur = 0
        self.frame_align = 8        # largest alignment of a frame object
        self.breaks: list[int] = []
        self.continues: list[int] = []
        self.named_labels: dict[str, int] = {}
        self.case_labels: dict[int, int] = {}
        self.local_info: list = []
        self.file = self.source.origin(info.pos[0])[0]
        self.loop_depth = 0
        self.constants: dict[int, int] = {}     # value -> placeholder register (CONST_BASE + i)
        self.asm_ranges: list[tuple] = []       # (first, end, pos) of each asm statement's code

    # ---- registers, labels, frame
    def tmp(self, kind: str) -> int:
        r = self.top
        kinds = self.kinds
        while r < len(kinds) and kinds[r] not in (None, kind):
            r += 1
        if r >= len(kinds):
            kinds.append(kind)
        else:
            kinds[r] = kind
        if r >= MAX_REGS - 2:
            raise CodegenError(self.info.pos, f"function '{self.info.sym.name}' needs more than "
                               f"{MAX_REGS} registers; split it into smaller functions")
        self.top = r + 1
        return r

    def block(self, kinds: list[str]) -> int:
        """First of len(kinds) consecutive registers with those kinds (an argument block)."""
        if not kinds:
            return 0
        p = self.top
        while any(p + i < len(self.kinds) and self.kinds[p + i] not in (None, k) for i, k in enumerate(kinds)):
            p += 1
        for i, k in enumerate(kinds):
            self.top = p + i
            self.tmp(k)
        self.top = p + len(kinds)
        return p

    def const_reg(self, value: int) -> int | None:
        """A register holding `value`, loaded once on entry (for constants used
        in loops); None once MAX_CONSTANTS registers are spent on them."""
        if value == 0:
            return self.ZERO
        r = self.constants.get(value)
        if r is None:
            if len(self.constants) >= MAX_CONSTANTS:
                return None
            r = self.constants[value] = self.CONST_BASE + len(self.constants)
        return r

    def label(self) -> int:
        self.labels.append(-1)
        return len(self.labels) - 1

    def place(self, label: int) -> None:
        self.labels[label] = len(self.code)

    def emit(self, op: str, *operands) -> None:
        self.code.append([op, *operands])
        self.lines.append(self.line)

    def frame_object(self, size: int, align: int) -> int:
        align = max(align, 1)
        self.frame_align = max(self.frame_align, align)
        off = (self.frame_cur + align - 1) // align * align
        self.frame_cur = off + max(size, 1)
        return off

    def frame_off(self, off: int) -> FrameOff:
        return FrameOff(off)

    def set_line(self, pos) -> None:
        if pos and pos[0]:
            f, line = self.source.origin(pos[0])
            self.line = line if f == self.file else self.line

    # ---- symbols
    def where(self, sym):
        loc = self.locs.get(sym)
        if loc is None:
            if sym.kind == "func" or sym.is_static_storage or sym.is_extern:
                loc = ("global", sym.link_name or sym.name)
                self.locs[sym] = loc
            elif sym.name.startswith(".compound."):
                loc = ("frame", self.frame_object(sym.ty.size, T.variable_align(sym.ty)))
                self.locs[sym] = loc
            else:
                raise CodegenError(sym.pos, f"internal: no location for '{sym.name}'")
        return loc

    def in_register(self, sym) -> bool:
        return sym.ty.is_scalar and not sym.addr_taken and not sym.ty.volatile

    def allocate(self, sym) -> None:
        """Give a local its home: a register, or a frame object."""
        start = len(self.code)
        if self.in_register(sym) and self.top < LOCAL_REGISTERS:
            r = self.tmp(sym.ty.reg_kind)
            self.locs[sym] = ("reg", r)
            self.local_info.append([sym.name, T.spell(sym.ty), "reg", r, start, None])
        else:
            off = self.frame_object(sym.ty.size, T.variable_align(sym.ty))
            self.locs[sym] = ("frame", off)
            self.local_info.append([sym.name, T.spell(sym.ty), "frame", FrameOff(off), start, None])

    # ---- the function
    def generate(self) -> ObjFunction:
        info = self.info
        ft = info.sym.ty
        hidden = ft.ret.is_struct
        if hidden:
            self.tmp("q")
        for p in info.params:
            kind = "q" if p.ty.is_struct else p.ty.reg_kind
            r = self.tmp(kind)
            self.locs[p] = ("indirect", r) if p.ty.is_struct else ("reg", r)
        self.extra_params = 0
        if info.sym.name == "main" and info.sym.linkage == "external" and len(info.params) < 2:
            # crt0 always calls main(argc, argv): `int main(void)` still receives both
            self.extra_params = 2 - len(info.params)
            for _ in range(self.extra_params):
                self.tmp("q")
        self.set_line(info.pos)
        for p in info.params:
            if not p.ty.is_struct and not self.in_register(p):
                r = self.locs[p][1]
                off = self.frame_object(p.ty.size, p.ty.align)
                self.locs[p] = ("frame", off)
                self.emit(store_op(p.ty), self.FPREG, r, FrameOff(off))
            loc = self.locs[p]
            self.local_info.append([p.name, T.spell(p.ty), "frame" if loc[0] == "frame" else "reg",
                                    FrameOff(loc[1]) if loc[0] == "frame" else loc[1], 0, None])
        self.compound(info.body)
        self.set_line(info.end)
        self.implicit_return()
        return self.finish()

    def implicit_return(self) -> None:
        ret = self.info.sym.ty.ret
        if self.code and isa.BY_NAME[self.code[-1][0]].has("terminator") and len(self.code) not in self.labels:
            return
        if ret.is_void:
            self.emit("RETV")
        elif ret.is_struct:
            self.emit("RET", 0)
        elif ret.is_float:
            r = self.tmp("d")
            self.emit("LF", r, 0.0)
            self.emit("FRET", r)
        else:
            r = self.tmp("q")
            self.emit("LI", r, 0)
            self.emit("RET", r)

    def finish(self) -> ObjFunction:
        info = self.info
        kinds = [k or "q" for k in self.kinds]
        used = set()
        for ins in self.code:
            for kind, x in zip(isa.BY_NAME[ins[0]].operands, ins[1:]):
                if kind in "rfb" and x >= self.ZERO:
                    used.add(x)
        regmap = {}
        prologue = []
        fixed = [(self.ZERO, ("LI", 0)), (self.FPREG, ("FRAME", 0))]
        fixed += [(r, ("LI", value)) for value, r in self.constants.items()]
        for sentinel, first in fixed:
            if sentinel in used:
                regmap[sentinel] = len(kinds)
                kinds.append("q")
                prologue.append([first[0], regmap[sentinel], first[1]])
        if self.frame_align > 8 and len(kinds) % 2:
            # FP is 16-aligned: an even register count keeps the locals area 16-aligned too
            kinds.append("q")
        if len(kinds) > MAX_REGS:
            raise CodegenError(info.pos, f"function '{info.sym.name}' needs more than {MAX_REGS} registers")
        frame_size = (self.frame_cur + 15) // 16 * 16
        base = -(8 * len(kinds) + frame_size)
        shift = len(prologue)
        code = []
        for ins in prologue + self.code:
            op = ins[0]
            kinds_of = isa.BY_NAME[op].operands
            out = [op]
            for kind, x in zip(kinds_of, ins[1:]):
                if kind == "l":
                    x = self.labels[x] + shift
                elif kind in "rfb" and x in regmap:
                    x = regmap[x]
                elif isinstance(x, FrameOff):
                    x = base + x.off
                out.append(x)
            code.append(tuple(out))
        lines = [self.lines[0] if self.lines else 0] * shift + self.lines
        end = len(code)
        locals_ = []
        for name, ty, where, off, start, stop in self.local_info:
            if isinstance(off, FrameOff):
                off = base + off.off
            locals_.append((name, ty, where, off, start + shift if start else 0, (stop or end - shift) + shift))
        ft = info.sym.ty
        returns = "" if ft.ret.is_void else ("d" if ft.ret.is_float else "q")
        bad = self.asm_violation(code, "".join(kinds), shift, returns, ft.variadic)
        if bad is not None:
            raise CodegenError(*bad)
        nparams = len(info.params) + (1 if ft.ret.is_struct else 0) + self.extra_params
        return ObjFunction(info.sym.link_name or info.sym.name, info.sym.linkage == "internal", nparams,
                           "".join(kinds), returns, frame_size, code, lines, portable_name(self.file),
                           ft.variadic, locals_)

    # ---- statements
    def stmt(self, s) -> None:
        if isinstance(s, tuple):
            self.declaration(s)     # its registers stay allocated until the block ends
            return
        mark = self.top
        self.set_line(s.pos)
        getattr(self, "s_" + type(s).__name__)(s)
        self.top = mark

    def declaration(self, d) -> None:
        _, items, pos = d
        self.set_line(pos)
        for sym, init in items:
            self.allocate(sym)
            mark = self.top
            self.init_object(sym, init)
            self.top = mark

    def compound(self, s: A.Compound) -> None:
        mark = self.top
        first_local = len(self.local_info)
        for item in s.items:
            self.stmt(item)
        for entry in self.local_info[first_local:]:
            if entry[5] is None:
                entry[5] = len(self.code)
        self.top = mark

    s_Compound = compound

    def s_ExprStmt(self, s: A.ExprStmt) -> None:
        if s.expr is not None:
            self.effect(s.expr)

    def s_If(self, s: A.If) -> None:
        other, end = self.label(), self.label()
        self.branch(s.cond, other, False)
        self.stmt(s.then)
        if s.other is not None:
            self.emit("JMP", end)
            self.place(other)
            self.stmt(s.other)
        else:
            self.place(other)
        self.place(end)

    def loop(self, body, cond, step, test_first: bool) -> None:
        self.loop_depth += 1
        top, cont, test, end = self.label(), self.label(), self.label(), self.label()
        if test_first and cond is not None:
            self.emit("JMP", test)
        self.place(top)
        self.breaks.append(end)
        self.continues.append(cont)
        self.stmt(body)
        self.breaks.pop()
        self.continues.pop()
        self.place(cont)
        if step is not None:
            self.set_line(step.pos)
            self.effect(step)
        self.place(test)
        if cond is None:
            self.emit("JMP", top)
        else:
            self.set_line(cond.pos)
            self.branch(cond, top, True)
        self.place(end)
        self.loop_depth -= 1

    def s_While(self, s: A.While) -> None:
        self.loop(s.body, s.cond, None, True)

    def s_DoWhile(self, s: A.DoWhile) -> None:
        self.loop(s.body, s.cond, None, False)

    def s_For(self, s: A.For) -> None:
        mark = self.top
        first_local = len(self.local_info)
        if isinstance(s.init, tuple):
            self.declaration(s.init)
        elif s.init is not None:
            self.effect(s.init)
        self.loop(s.body, s.cond, s.step, True)
        for entry in self.local_info[first_local:]:
            if entry[5] is None:
                entry[5] = len(self.code)
        self.top = mark

    def s_Switch(self, s: A.Switch) -> None:
        end = self.label()
        v = self.val(s.expr)
        cases = sorted(((self.canonical_case(value, s.expr.ty), case) for value, case in s.cases),
                       key=lambda c: c[0])
        for _, case in cases:
            self.case_labels[id(case)] = self.label()
        default = self.label() if s.default is not None else end
        if s.default is not None:
            self.case_labels[id(s.default)] = default
        self.dispatch(v, cases, 0, len(cases), default)
        self.breaks.append(end)
        self.stmt(s.body)
        self.breaks.pop()
        self.place(end)

    @staticmethod
    def canonical_case(value, ty):
        return fold.canonical(value, ty)

    def dispatch(self, v, cases, lo, hi, default) -> None:
        """Binary search over sorted case values: O(log n) compares per switch,
        ending in a jump table wherever the remaining cases are dense."""
        mark = self.top
        if _dense(cases[lo:hi]):
            self.jump_table(v, cases[lo:hi], default)
            return
        if hi - lo <= 4:
            t = None
            for value, case in cases[lo:hi]:
                if value == 0:
                    self.emit("JZ", v, self.case_labels[id(case)])
                    continue
                if t is None:
                    t = self.tmp("q")
                self.emit("LI", t, value)
                self.emit("JEQ", v, t, self.case_labels[id(case)])
            self.emit("JMP", default)
            self.top = mark
            return
        mid = (lo + hi) // 2
        low = self.label()
        t = self.tmp("q")
        self.emit("LI", t, cases[mid][0])
        self.emit("JLT", v, t, low)
        self.top = mark
        self.dispatch(v, cases, mid, hi, default)
        self.place(low)
        self.dispatch(v, cases, lo, mid, default)

    def jump_table(self, v, cases, default) -> None:
        """JTAB on v - min: entry i jumps to the case for min + i (or default).

        Case values and v are canonical (sign-extended), so the subtraction
        is done in 64 bits on the canonical forms, which is exact for every
        promoted type, unsigned ones included: v - min lands in 0..K-1 only
        when v is one of the table's values.
        """
        low, high = cases[0][0], cases[-1][0]
        targets = {value: self.case_labels[id(case)] for value, case in cases}
        mark = self.top
        index = v
        if low != 0:
            index = self.tmp("q")
            self.emit("ADDI64", index, v, fold.canonical(-low, T.LONG))
        size = high - low + 1
        self.emit("JTAB", index, size)
        for value in range(low, high + 1):
            self.emit("JMP", targets.get(value, default))
        self.emit("JMP", default)
        self.top = mark

    def s_Case(self, s: A.Case) -> None:
        label = self.case_labels.get(id(s))
        if label is not None:
            self.place(label)
        self.stmt(s.body)

    def s_Default(self, s: A.Default) -> None:
        label = self.case_labels.get(id(s))
        if label is not None:
            self.place(label)
        self.stmt(s.body)

    def named(self, name: str) -> int:
        if name not in self.named_labels:
            self.named_labels[name] = self.label()
        return self.named_labels[name]

    def s_Label(self, s: A.Label) -> None:
        self.place(self.named(s.name))
        self.stmt(s.body)

    def s_Goto(self, s: A.Goto) -> None:
        self.emit("JMP", self.named(s.name))

    def s_Break(self, s: A.Break) -> None:
        self.emit("JMP", self.breaks[-1])

    def s_Continue(self, s: A.Continue) -> None:
        self.emit("JMP", self.continues[-1])

    def s_Return(self, s: A.Return) -> None:
        ret = self.info.sym.ty.ret
        if s.expr is None:
            if ret.is_void:
                self.emit("RETV")
            else:
                r = self.tmp("q" if not ret.is_float else "d")
                self.emit("LF" if ret.is_float else "LI", r, 0.0 if ret.is_float else 0)
                self.emit("FRET" if ret.is_float else "RET", r)
            return
        if ret.is_void:
            self.effect(s.expr)
            self.emit("RETV")
            return
        r = self.val(s.expr)
        if ret.is_struct:
            n = self.tmp("q")
            self.emit("LI", n, ret.size)
            self.emit("MEMCPY", 0, r, n)
            self.emit("RET", 0)
        else:
            self.emit("FRET" if ret.is_float else "RET", r)


# A jump table is used for at least this many cases spanning at most
# TABLE_SPREAD table entries per case: dense enough that the table is small.
TABLE_MIN_CASES = 4
TABLE_SPREAD = 3


def _dense(cases) -> bool:
    """Whether sorted (value, case) pairs are worth a jump table."""
    if len(cases) < TABLE_MIN_CASES:
        return False
    return cases[-1][0] - cases[0][0] + 1 <= TABLE_SPREAD * len(cases)


class UnitGen:
    def __init__(self, unit, source, name: str):
        self.unit = unit
        self.source = source
        self.name = name

    def generate(self, diag) -> Object:
        obj = Object(self.name)
        for info in self.unit.functions:
            try:
                obj.functions.append(FuncGen(self, info).generate())
            except CodegenError as exc:
                diag.error(exc.pos, str(exc))
        for sym in self.unit.variables:
            obj.datas.append(data_item(sym, diag))
        for sym in self.unit.strings.values():
            obj.datas.append(data_item(sym, diag))
        return obj
