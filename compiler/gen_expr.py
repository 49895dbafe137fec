"""Code generation for expressions (mixed into codegen.FuncGen).

Three entry points, each choosing the fewest instructions it can:
  val(e, dest=None) -> register holding e's value (in `dest` if given).  The
      register may belong to a variable: callers never write to it.  A
      struct-typed value is represented by its address.
  addr(e) -> (base register, K): the address of lvalue e as base + K, so a
      load or store can fold the constant offset (`LD32 A, B, K`); K is an
      int, a FrameOff (patched once the frame is laid out) or a Ref (patched
      by the linker).
  branch(e, label, when): jump to label if e's truth equals `when`, fusing a
      comparison into JLT/JLE/JEQ/JNE/JZ/JNZ.
  effect(e): evaluate only for side effects (`i++;` is one ADDI32).
Operands are read before the destination is written in every instruction,
so a destination may coincide with an operand register.
"""
from __future__ import annotations

from . import ast as A
from . import fold
from . import types as T
from .obj import Ref

_NEGATE = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_FLOAT_OPS = {"+": "FADD", "-": "FSUB", "*": "FMUL", "/": "FDIV"}


def load_op(t: T.CType) -> str:
    if t.is_float:
        return "LDF32" if t.size == 4 else "LDF64"
    if t.is_pointer or t.size == 8:
        return "LD64"
    if t.size == 4:
        return "LD32"
    if t.size == 2:
        return "LD16" if t.signed else "LD16U"
    return "LD8" if t.signed else "LD8U"


def store_op(t: T.CType) -> str:
    if t.is_float:
        return "STF32" if t.size == 4 else "STF64"
    return {1: "ST8", 2: "ST16", 4: "ST32", 8: "ST64"}[8 if t.is_pointer else t.size]


def int_conversion(src: T.CType, dst: T.CType) -> str | None:
    """The width-conversion op turning a canonical `src` value into a canonical `dst` value."""
    if dst.is_bool:
        return None if (src.is_integer and src.is_bool) else "BOOL"
    if src.is_integer and src.is_bool:
        return None
    ssize = 8 if src.is_pointer else src.size
    ssigned = False if src.is_pointer else src.signed
    dsize = 8 if dst.is_pointer else dst.size
    dsigned = False if dst.is_pointer else dst.signed
    if dsize == 8:
        return "ZEXT32" if (ssize == 4 and not ssigned) else None
    if dsize == 4:
        return "SEXT32" if ssize == 8 else None
    if ssize < dsize or (ssize == dsize and ssigned == dsigned):
        if not (ssize < dsize and ssigned and not dsigned):
            return None
    if dsize == 2:
        return "SEXT16" if dsigned else "ZEXT16"
    return "SEXT8" if dsigned else "ZEXT8"


def _is_zero(e) -> bool:
    return isinstance(e, A.IntConst) and e.value == 0


class ExprGen:
    # ---- values
    def val(self, e: A.Expr, dest: int | None = None) -> int:
        return getattr(self, "v_" + type(e).__name__)(e, dest)

    def into(self, r: int, dest: int | None, kind: str = "q") -> int:
        if dest is None or dest == r:
            return r
        self.emit("FMOV" if kind == "d" else "MOV", dest, r)
        return dest

    def result(self, dest, kind):
        return dest if dest is not None else self.tmp(kind)

    def v_IntConst(self, e, dest):
        if dest is None and self.loop_depth:
            r = self.const_reg(fold.canonical(e.value, e.ty))
            if r is not None:
                return r
        d = self.result(dest, "q")
        self.emit("LI", d, fold.canonical(e.value, e.ty))
        return d

    def v_FloatConst(self, e, dest):
        d = self.result(dest, "d")
        self.emit("LF", d, float(e.value))
        return d

    def v_StringLit(self, e, dest):
        d = self.result(dest, "q")
        self.emit("LI", d, Ref("addr", self.unit.string_symbol(e.data).link_name))
        return d

    def v_Ident(self, e, dest):
        loc = self.where(e.sym)
        if e.ty.is_struct or e.ty.is_array:
            return self.address_value(e, dest)
        if loc[0] == "reg":
            return self.into(loc[1], dest, e.ty.reg_kind)
        return self.load(e, dest)

    def load(self, e, dest):
        if isinstance(e, A.Member) and e.bits is not None:
            return self.load_bits(e, dest)
        mark = self.top
        base, k = self.addr(e)
        self.top = mark
        d = self.result(dest, e.ty.reg_kind)
        self.emit(load_op(e.ty), d, base, k)
        return d

    def address_value(self, e, dest):
        """The address of lvalue e, in a register."""
        mark = self.top
        base, k = self.addr(e)
        if type(k) is int and k == 0 and base < 256:
            return self.keep(base, dest, mark)
        self.top = mark
        return self.materialize(base, k, dest)

    def materialize(self, base, k, dest):
        if isinstance(k, Ref):
            d = self.result(dest, "q")
            self.emit("LI", d, k)
            return d
        if base == self.FPREG:
            d = self.result(dest, "q")
            self.emit("FRAME", d, k)
            return d
        if k == 0:
            return self.into(base, dest)
        d = self.result(dest, "q")
        self.emit("ADDI64", d, base, k)
        return d

    def v_Unary(self, e, dest):
        op = e.op
        if op == "&":
            x = e.operand
            if x.ty.is_func:
                return self.func_address(x, dest)
            return self.address_value(x, dest)
        if op == "*":
            if e.ty.is_struct or e.ty.is_array or e.ty.is_func:
                return self.val(e.operand, dest)
            if e.ty.is_void:            # `*v;` for a void *v: nothing to load
                self.effect(e.operand)
                return self.result(dest, "q")
            return self.load(e, dest)
        if op == "!":
            mark = self.top
            x = self.val(e.operand)
            self.top = mark
            d = self.result(dest, "q")
            if e.operand.ty.is_float:
                z = self.tmp("d")
                self.emit("LF", z, 0.0)
                self.emit("FEQ", d, x, z)
                self.top = mark if dest is not None else d + 1
            else:
                self.emit("LNOT", d, x)
            return d
        mark = self.top
        x = self.val(e.operand)
        self.top = mark
        kind = e.ty.reg_kind
        d = self.result(dest, kind)
        if e.ty.is_float:
            self.emit("FNEG", d, x)
        elif op == "-":
            self.emit("NEG64" if e.ty.size == 8 or e.ty.signed else "NEG32", d, x)
        else:
            self.emit("NOT", d, x)
        return d

    def func_address(self, x, dest):
        if isinstance(x, A.Ident) and x.sym.kind == "func":
            d = self.result(dest, "q")
            self.emit("FADDR", d, Ref("fn", x.sym.link_name or x.sym.name))
            return d
        if isinstance(x, A.Unary) and x.op == "*":
            return self.val(x.operand, dest)
        return self.val(x, dest)

    def v_Convert(self, e, dest):
        src, dst = e.operand.ty, e.ty
        x = e.operand
        if src.is_array:
            return self.address_value(x, dest)
        if src.is_func:
            return self.func_address(x, dest)
        if dst.is_void:
            self.effect(x)
            return self.result(dest, "q")
        if src.is_float and dst.is_float:
            if dst.size == 4 and src.size == 8:
                mark = self.top
                r = self.val(x)
                self.top = mark
                d = self.result(dest, "d")
                self.emit("FROUND32", d, r)
                return d
            return self.val(x, dest)
        if not src.is_float and not dst.is_float:
            conv = int_conversion(src, dst)
            if conv is None:
                return self.val(x, dest)
            mark = self.top
            r = self.val(x)
            d = dest if dest is not None else (r if mark <= r < 256 else self.tmp("q"))
            self.emit(conv, d, r)
            if dest is not None:
                self.top = mark
            return d
        mark = self.top
        r = self.val(x)
        self.top = mark
        if dst.is_float:
            d = self.result(dest, "d")
            if src.is_integer and not src.signed and src.size == 8:
                self.emit("U2F", d, r)
            elif src.is_integer and not src.signed and src.size == 4:
                t = self.tmp("q")
                self.emit("ZEXT32", t, r)
                self.emit("I2F", d, t)
                self.top = mark if dest is not None else d + 1
            else:
                self.emit("I2F", d, r)
            if dst.size == 4:
                self.emit("FROUND32", d, d)
            return d
        if src.is_float:
            d = self.result(dest, "q")
            if dst.is_integer and dst.is_bool:
                z = self.tmp("d")
                self.emit("LF", z, 0.0)
                self.emit("FNE", d, r, z)
                self.top = mark if dest is not None else d + 1
                return d
            unsigned64 = dst.is_integer and not dst.signed and dst.size == 8
            self.emit("F2U" if unsigned64 else "F2I", d, r)
            conv = int_conversion(T.LONG, dst)
            if conv:
                self.emit(conv, d, d)
            return d
        raise AssertionError("unreachable conversion")

    # ---- binary operators
    def v_Binary(self, e, dest):
        op = e.op
        if op in ("&&", "||") or op in _NEGATE:
            if op in _NEGATE and not e.optype.is_float:
                return self.compare_value(e, dest)
            return self.bool_value(e, dest)
        t = e.optype
        if t.is_pointer:
            return self.pointer_arith(e, dest)
        mark = self.top
        left = self.val(e.left)
        if t.is_float:
            right = self.val(e.right)
            self.top = mark
            d = self.result(dest, "d")
            self.emit(_FLOAT_OPS[op], d, left, right)
            if t.size == 4:
                self.emit("FROUND32", d, d)
            return d
        # Signed int +, - and * are done in 64 bits: the result is the same
        # unless the int overflows, which C leaves undefined, as gcc relies on.
        # It saves the sign extension after each one, so the JIT's LLVM sees
        # i*n+k as 64-bit induction arithmetic (strength reduction, no sext).
        # Both tiers run the same instructions, so they still agree always.
        widened = t.signed and t.size == 4 and op in ("+", "-", "*")
        wide = t.size == 8 or widened
        if op in ("+", "-") and isinstance(e.right, A.IntConst):
            k = e.right.value if op == "+" else -e.right.value
            self.top = mark
            d = self.result(dest, "q")
            self.emit("ADDI64" if wide else "ADDI32", d, left, fold.canonical(k, T.LONG if wide else T.INT))
            return d
        right = self.val(e.right)
        self.top = mark
        d = self.result(dest, "q")
        self.emit(self.int_op(op, T.LONG if widened else t), d, left, right)
        return d

    def int_op(self, op: str, t: T.CType) -> str:
        w = "64" if t.size == 8 else "32"
        if op in ("&", "|", "^"):
            return {"&": "AND", "|": "OR", "^": "XOR"}[op]
        if op in ("/", "%", ">>") and not t.signed:
            return {"/": "DIVU", "%": "REMU", ">>": "SHRU"}[op] + w
        return {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "REM", "<<": "SHL", ">>": "SHR"}[op] + w

    def scale(self, r: int, size: int) -> int:
        """r * size in a fresh temp (r is a long)."""
        if size == 1:
            return r
        t = self.tmp("q")
        shift = size & (size - 1) == 0
        amount = size.bit_length() - 1 if shift else size
        c = self.const_reg(amount) if self.loop_depth else None
        if c is None:
            c = t
            self.emit("LI", t, amount)
        self.emit("SHL64" if shift else "MUL64", t, r, c)
        return t

    def pointer_arith(self, e, dest):
        mark = self.top
        if e.left.ty.is_pointer and e.right.ty.is_pointer:
            size = e.left.ty.target.size or 1
            left = self.val(e.left)
            right = self.val(e.right)
            self.top = mark
            d = self.result(dest, "q")
            self.emit("SUB64", d, left, right)
            if size > 1:
                t = self.tmp("q")
                if size & (size - 1) == 0:
                    self.emit("LI", t, size.bit_length() - 1)
                    self.emit("SHR64", d, d, t)
                else:
                    self.emit("LI", t, size)
                    self.emit("DIV64", d, d, t)
                self.top = mark if dest is not None else d + 1
            return d
        size = e.ty.target.size or 1
        left = self.val(e.left)
        if isinstance(e.right, A.IntConst):
            k = e.right.value * size * (1 if e.op == "+" else -1)
            self.top = mark
            d = self.result(dest, "q")
            self.emit("ADDI64", d, left, fold.canonical(k, T.LONG))
            return d
        right = self.scale(self.val(e.right), size)
        self.top = mark
        d = self.result(dest, "q")
        self.emit("ADD64" if e.op == "+" else "SUB64", d, left, right)
        return d

    def compare_value(self, e, dest):
        op, t = e.op, e.optype
        mark = self.top
        left = self.val(e.left)
        right = self.val(e.right)
        self.top = mark
        d = self.result(dest, "q")
        if op in (">", ">="):
            left, right, op = right, left, "<" if op == ">" else "<="
        unsigned = t.is_pointer or not t.signed
        if op in ("==", "!="):
            self.emit("EQ" if op == "==" else "NE", d, left, right)
        elif unsigned:
            w = "64" if (t.is_pointer or t.size == 8) else "32"
            self.emit(("LTU" if op == "<" else "LEU") + w, d, left, right)
        else:
            self.emit("LT" if op == "<" else "LE", d, left, right)
        return d

    def bool_value(self, e, dest):
        """&&, || and float comparisons as 0/1 values, via branches."""
        if e.op in _NEGATE:
            mark = self.top
            left = self.val(e.left)
            right = self.val(e.right)
            self.top = mark
            d = self.result(dest, "q")
            op = e.op
            if op in (">", ">="):
                left, right, op = right, left, "<" if op == ">" else "<="
            self.emit({"==": "FEQ", "!=": "FNE", "<": "FLT", "<=": "FLE"}[op], d, left, right)
            return d
        d = self.result(dest, "q")
        false, end = self.label(), self.label()
        self.branch(e, false, False)
        self.emit("LI", d, 1)
        self.emit("JMP", end)
        self.place(false)
        self.emit("LI", d, 0)
        self.place(end)
        return d

    # ---- branches
    def branch(self, e, label, when: bool) -> None:
        if isinstance(e, A.IntConst):
            if bool(e.value) == when:
                self.emit("JMP", label)
            return
        if isinstance(e, A.Unary) and e.op == "!":
            return self.branch(e.operand, label, not when)
        if isinstance(e, A.Binary):
            op = e.op
            if op in ("&&", "||"):
                if (op == "&&") == when:
                    skip = self.label()
                    self.branch(e.left, skip, not when)
                    self.branch(e.right, label, when)
                    self.place(skip)
                else:
                    self.branch(e.left, label, when)
                    self.branch(e.right, label, when)
                return
            if op in _NEGATE and not e.optype.is_float:
                return self.compare_branch(e, label, when)
        mark = self.top
        if e.ty.is_float:
            x = self.val(e)
            z = self.tmp("d")
            self.emit("LF", z, 0.0)
            f = self.tmp("q")
            self.emit("FNE", f, x, z)
            self.emit("JNZ" if when else "JZ", f, label)
        else:
            x = self.val(e)
            self.emit("JNZ" if when else "JZ", x, label)
        self.top = mark

    def compare_branch(self, e, label, when):
        op, t = e.op, e.optype
        if not when:
            op = _NEGATE[op]
        mark = self.top
        if op in ("==", "!=") and (_is_zero(e.right) or _is_zero(e.left)):
            x = self.val(e.left if _is_zero(e.right) else e.right)
            self.emit("JZ" if op == "==" else "JNZ", x, label)
            self.top = mark
            return
        left = self.val(e.left)
        right = self.val(e.right)
        if op in (">", ">="):
            left, right, op = right, left, "<" if op == ">" else "<="
        unsigned = t.is_pointer or not t.signed
        if op in ("==", "!="):
            self.emit("JEQ" if op == "==" else "JNE", left, right, label)
        elif unsigned:
            w = "64" if (t.is_pointer or t.size == 8) else "32"
            f = self.tmp("q")
            self.emit(("LTU" if op == "<" else "LEU") + w, f, left, right)
            self.emit("JNZ", f, label)
        else:
            self.emit("JLT" if op == "<" else "JLE", left, right, label)
        self.top = mark

    # ---- other operators
    def v_Cond(self, e, dest):
        kind = "q" if (e.ty.is_struct or e.ty.is_void) else e.ty.reg_kind
        d = self.result(dest, kind)
        other, end = self.label(), self.label()
        self.branch(e.cond, other, False)
        if e.ty.is_void:
            self.effect(e.then)
        else:
            self.val(e.then, d)
        self.emit("JMP", end)
        self.place(other)
        if e.ty.is_void:
            self.effect(e.other)
        else:
            self.val(e.other, d)
        self.place(end)
        return d

    def v_Comma(self, e, dest):
        self.effect(e.left)
        return self.val(e.right, dest)

    def v_Member(self, e, dest):
        if e.ty.is_struct or e.ty.is_array:
            return self.address_value(e, dest)
        return self.load(e, dest)

    def v_CompoundLiteral(self, e, dest):
        # addr() initializes a local compound literal's object, once
        if e.ty.is_struct or e.ty.is_array:
            return self.address_value(e, dest)
        return self.load(e, dest)

    def v_VaArg(self, e, dest):
        """__builtin_va_arg(ap, T): the value at ap, then ap += its slots.  A
        struct's value is its address: it lies in the caller's slots."""
        mark = self.top
        reg = self.reg_of(e.ap)
        if reg is None:
            base, k = self.addr(e.ap)
            cur = self.tmp("q")
            self.emit("LD64", cur, base, k)
        else:
            cur = reg
        kind = "q" if e.ty.is_struct else e.ty.reg_kind
        value = self.tmp(kind)
        if e.ty.is_struct:
            self.emit("MOV", value, cur)
        else:
            self.emit(load_op(e.ty), value, cur, 0)
        step = 8 * max(1, (e.ty.size + 7) // 8) if e.ty.is_struct else 8
        if reg is None:
            self.emit("ADDI64", cur, cur, step)
            self.emit("ST64", base, cur, k)
        else:
            self.emit("ADDI64", reg, reg, step)
        self.top = mark
        return self.keep(value, dest, mark, kind)

    # ---- effects
    def effect(self, e) -> None:
        mark = self.top
        if isinstance(e, A.IncDec):
            self.incdec(e, None, want=False)
        elif isinstance(e, A.Assign):
            self.assign(e, None, want=False)
        elif isinstance(e, A.Comma):
            self.effect(e.left)
            self.effect(e.right)
        elif isinstance(e, A.Convert) and e.ty.is_void:
            self.effect(e.operand)
        elif isinstance(e, (A.IntConst, A.FloatConst, A.StringLit)):
            pass
        elif isinstance(e, A.Ident) and e.ty.is_scalar and not e.ty.volatile:
            pass
        else:
            self.val(e)
        self.top = mark
