"""Code generation for memory access, assignment, calls and builtins
(mixed into codegen.FuncGen; see gen_expr for the conventions).

Calling convention (the ABI, shared with the stdlib and the VM):
  - arguments go in consecutive registers C..C+N-1 of the caller, matching
    the callee's first N register kinds ('q' integers and pointers, 'd'
    floating); arguments past a variadic callee's fixed ones are pushed by
    the VM into 8-byte slots (integers as int64, doubles as IEEE double);
  - a struct argument is passed as a pointer to a copy the caller makes in
    its own frame; the callee uses that memory as the parameter object;
    but among a variadic callee's extra arguments a struct is passed by
    value, its bytes spread over ceil(size/8) consecutive 8-byte slots, so
    that `va_arg(ap, struct s)` reads it where it lies and steps over it;
  - a function returning a struct takes a hidden first argument, the address
    where the result goes, and returns that address in its 'q' result;
  - float arguments and results travel as doubles rounded to float.
"""
from __future__ import annotations

from . import ast as A
from . import types as T
from .gen_expr import load_op, store_op
from .obj import Ref


class RegValue(A.Expr):
    """A pseudo-expression: a value already in register `reg` (compound assignment)."""

    def __init__(self, reg: int, ty: T.CType):
        self.reg, self.ty, self.pos = reg, ty, (0, 0)


def _slots(ty: T.CType) -> int:
    """8-byte variadic slots a struct argument covers."""
    return max(1, (ty.size + 7) // 8)


def _signed64(x: int) -> int:
    x &= (1 << 64) - 1
    return x - (1 << 64) if x >> 63 else x


def _offset(k, more: int):
    """Constant offset k + more; addresses wrap around at 64 bits (an int k
    must fit the instruction's signed 64-bit immediate)."""
    return _signed64(k + more) if type(k) is int else k + more


def _convert(e, ty):
    if T.same(e.ty, ty, quals=False):
        return e
    return A.Convert(e, ty.unqualified(), e.pos)


class AccessGen:
    def v_RegValue(self, e, dest):
        return self.into(e.reg, dest, e.ty.reg_kind)

    # ---- addresses
    def addr(self, e):
        """(base register, K) with address(e) == R[base] + K."""
        if isinstance(e, A.Ident):
            loc = self.where(e.sym)
            kind = loc[0]
            if kind == "frame":
                return self.FPREG, self.frame_off(loc[1])
            if kind == "global":
                return self.ZERO, Ref("addr", loc[1])
            if kind == "indirect":
                return loc[1], 0
            raise AssertionError(f"address of register variable {e.name}")
        if isinstance(e, A.Unary) and e.op == "*":
            p = e.operand
            if (isinstance(p, A.Binary) and p.op in ("+", "-") and p.ty.is_pointer
                    and isinstance(p.right, A.IntConst) and p.left.ty.is_pointer):
                k = p.right.value * (p.ty.target.size or 1) * (1 if p.op == "+" else -1)
                base, k0 = self.pointer_base(p.left)
                return base, _offset(k0, k)
            return self.pointer_base(p)
        if isinstance(e, A.Member):
            if e.arrow:
                base, k = self.pointer_base(e.base)
            else:
                base, k = self.addr(e.base)
            return base, _offset(k, e.offset)
        if isinstance(e, A.StringLit):
            return self.ZERO, Ref("addr", self.unit.string_symbol(e.data).link_name)
        if isinstance(e, A.CompoundLiteral):
            if e.sym.storage == "local":
                self.init_object(e.sym, e.sym.init)
            return self.addr(A.Ident(e.sym.name, e.pos, e.sym))
        return self.val(e), 0

    def pointer_base(self, p):
        """(base, K) for the address held by pointer expression p; folds `&x` and array decay."""
        if isinstance(p, A.Convert) and p.operand.ty.is_array:
            return self.addr(p.operand)
        if isinstance(p, A.Unary) and p.op == "&":
            return self.addr(p.operand)
        return self.val(p), 0

    # ---- bit-fields (a Member with `bits` = (width, shift, storage unit type))
    def extract_bits(self, d, src, width, shift, signed, ty) -> None:
        """d := bits shift..shift+width-1 of src, sign- or zero-extended to a
        canonical value of type ty."""
        if width == 64:
            self.into(src, d)
            return
        save = self.top
        n = self.tmp("q")
        self.emit("LI", n, 64 - shift - width)
        self.emit("SHL64", d, src, n)
        self.emit("LI", n, 64 - width)
        self.emit("SHR64" if signed else "SHRU64", d, d, n)
        self.top = save
        if not signed and width == 32 and ty.size == 4:
            self.emit("SEXT32", d, d)

    def store_bits(self, unit, width, shift, base, k, v) -> None:
        """Replace bits shift..shift+width-1 of the storage unit at base+k with
        the low `width` bits of register v."""
        mark = self.top
        c, m, t = self.tmp("q"), self.tmp("q"), self.tmp("q")
        mask = ((1 << width) - 1) << shift
        self.emit(load_op(unit), c, base, k)
        self.emit("LI", m, _signed64(~mask))
        self.emit("AND", c, c, m)
        self.emit("LI", m, shift)
        self.emit("SHL64", t, v, m)
        self.emit("LI", m, _signed64(mask))
        self.emit("AND", t, t, m)
        self.emit("OR", c, c, t)
        self.emit(store_op(unit), base, c, k)
        self.top = mark

    def load_bits(self, e, dest):
        width, shift, unit = e.bits
        mark = self.top
        base, k = self.addr(e)
        self.top = mark
        d = self.result(dest, "q")
        self.emit(load_op(unit), d, base, k)
        self.extract_bits(d, d, width, shift, unit.signed, e.ty)
        return d

    def assign_bits(self, e: A.Assign, dest, want):
        target = e.target
        width, shift, unit = target.bits
        mark = self.top
        base, k = self.addr(target)
        if e.op == "=":
            v = self.val(e.value)
        else:
            cur = self.tmp("q")
            self.emit(load_op(unit), cur, base, k)
            self.extract_bits(cur, cur, width, shift, unit.signed, target.ty)
            v = self.val(self.compound_value(e, RegValue(cur, target.ty)), cur)
        self.store_bits(unit, width, shift, base, k, v)
        if not want:
            self.top = mark
            return None
        r = self.tmp("q")
        self.extract_bits(r, v, width, 0, unit.signed, target.ty)     # the value stored
        self.top = mark
        return self.keep(r, dest, mark)

    def incdec_bits(self, e: A.IncDec, one, op, optype, dest, want):
        target = e.operand
        width, shift, unit = target.bits
        mark = self.top
        base, k = self.addr(target)
        cur = self.tmp("q")
        self.emit(load_op(unit), cur, base, k)
        self.extract_bits(cur, cur, width, shift, unit.signed, target.ty)
        new = self.tmp("q")
        a = A.Assign(op, target, one, e.pos, optype)
        self.val(self.compound_value(a, RegValue(cur, target.ty)), new)
        self.store_bits(unit, width, shift, base, k, new)
        if not want:
            self.top = mark
            return None
        if e.prefix:
            self.extract_bits(new, new, width, 0, unit.signed, target.ty)
            self.top = mark
            return self.keep(new, dest, mark)
        self.top = mark
        return self.keep(cur, dest, mark)

    # ---- stores
    def store(self, ty, base, k, value_reg):
        if isinstance(ty, T.BitField):
            self.store_bits(ty, ty.width, ty.shift, base, k, value_reg)
        elif ty.is_struct:
            src = value_reg
            mark = self.top
            dst = self.materialize(base, k, None)
            n = self.tmp("q")
            self.emit("LI", n, ty.size)
            self.emit("MEMCPY", dst, src, n)
            self.top = mark
        else:
            self.emit(store_op(ty), base, value_reg, k)

    def assign(self, e: A.Assign, dest, want=True):
        target = e.target
        if isinstance(target, A.Member) and target.bits is not None:
            return self.assign_bits(e, dest, want)
        ty = target.ty
        reg = self.reg_of(target)
        if reg is not None:
            value = e.value if e.op == "=" else self.compound_value(e, target)
            self.val(value, reg)
            return self.into(reg, dest, ty.reg_kind) if want else None
        mark = self.top
        base, k = self.addr(target)
        if e.op == "=":
            v = self.val(e.value)
        else:
            cur = self.tmp(ty.reg_kind)
            self.emit(load_op(ty), cur, base, k)
            v = self.val(self.compound_value(e, RegValue(cur, ty)), cur)
        self.store(ty, base, k, v)
        self.top = mark
        if not want:
            return None
        if ty.is_struct:
            # the value is the target's address; keep its register allocated
            # (it may be `base` itself), as an outer assignment still needs it
            return self.keep(self.materialize(base, k, dest), dest, mark)
        return self.keep(v, dest, mark, ty.reg_kind)

    def keep(self, v, dest, mark, kind="q"):
        """Return v (or copy it to dest), keeping a temp v allocated."""
        if dest is not None:
            return self.into(v, dest, kind)
        if v >= mark and v < 256:
            self.top = max(self.top, v + 1)
        return v

    def v_Assign(self, e, dest):
        return self.assign(e, dest)

    def compound_value(self, e: A.Assign, current):
        """The expression `current op value`, converted back to the target type."""
        op, t = e.op[:-1], e.optype
        tt = current.ty.unqualified()
        if t.is_pointer:
            b = A.Binary(op, current, e.value, e.pos, t)
            b.ty = t
            return b
        b = A.Binary(op, _convert(current, t), e.value, e.pos, t)
        b.ty = t
        return _convert(b, tt)

    def reg_of(self, e):
        if isinstance(e, A.Ident):
            loc = self.where(e.sym)
            if loc[0] == "reg":
                return loc[1]
        return None

    def incdec(self, e: A.IncDec, dest, want=True):
        ty = e.ty
        one = A.FloatConst(1.0, "double", e.pos) if ty.is_float else A.IntConst(1, "int", e.pos)
        one.ty = T.DOUBLE if ty.is_float else (T.LONG if ty.is_pointer else T.INT)
        if ty.is_float and ty.size == 4:
            one.ty = T.FLOAT
        if ty.is_integer:
            optype = T.promote(ty)
            one.ty = optype
        else:
            optype = ty
        op = "+=" if e.op == "++" else "-="
        if isinstance(e.operand, A.Member) and e.operand.bits is not None:
            return self.incdec_bits(e, one, op, optype, dest, want)
        reg = self.reg_of(e.operand)
        if reg is not None:
            old = None
            if want and not e.prefix:
                old = self.result(dest, ty.reg_kind)
                self.into(reg, old, ty.reg_kind)
            a = A.Assign(op, e.operand, one, e.pos, optype)
            self.val(self.compound_value(a, e.operand), reg)
            if not want:
                return None
            return old if old is not None else self.into(reg, dest, ty.reg_kind)
        mark = self.top
        base, k = self.addr(e.operand)
        cur = self.tmp(ty.reg_kind)
        self.emit(load_op(ty), cur, base, k)
        a = A.Assign(op, e.operand, one, e.pos, optype)
        if want and not e.prefix:
            new = self.tmp(ty.reg_kind)
            self.val(self.compound_value(a, RegValue(cur, ty)), new)
            self.store(ty, base, k, new)
            self.top = mark
            return self.keep(cur, dest, mark, ty.reg_kind)
        self.val(self.compound_value(a, RegValue(cur, ty)), cur)
        self.store(ty, base, k, cur)
        self.top = mark
        if not want:
            return None
        return self.keep(cur, dest, mark, ty.reg_kind)

    def v_IncDec(self, e, dest):
        return self.incdec(e, dest)

    # ---- calls
    def v_Call(self, e: A.Call, dest):
        if e.builtin:
            return self.builtin(e, dest)
        callee = e.func
        ft = callee.ty.target
        ret = ft.ret
        mark = self.top
        direct = None
        if isinstance(callee, A.Convert) and isinstance(callee.operand, A.Ident) and callee.operand.sym.kind == "func":
            direct = Ref("fn", callee.operand.sym.link_name or callee.operand.sym.name)
        fptr = None if direct is not None else self.val(callee)
        args = list(e.args)
        fixed = len(ft.params)
        # a struct among a variadic call's extra arguments travels by value, in
        # as many 8-byte slots as it covers (see the module docstring)
        spread = [a.ty.is_struct and ft.variadic and i >= fixed for i, a in enumerate(args)]
        kinds = []
        for a, by_value in zip(args, spread):
            kinds += ["q"] * _slots(a.ty) if by_value else ["q" if a.ty.is_struct else a.ty.reg_kind]
        # `int main(void)` takes crt0's argc and argv all the same (codegen.py):
        # a call of main from C passes zeros for the ones it leaves out
        missing = 0
        if direct is not None and direct.name == "main" and callee.operand.sym.linkage == "external":
            missing = max(0, 2 - len(kinds))
            kinds += ["q"] * missing
        hidden = None
        if ret.is_struct:
            hidden = self.frame_object(ret.size, ret.align)
            kinds.insert(0, "q")
        p = self.block(kinds)
        i = 0
        if hidden is not None:
            self.emit("FRAME", p, self.frame_off(hidden))
            i = 1
        for a, by_value in zip(args, spread):
            if by_value:
                i += self.struct_slots(a, p + i)
                self.top = p + len(kinds)
                continue
            if a.ty.is_struct:
                copy = self.frame_object(a.ty.size, a.ty.align)
                src = self.val(a)
                self.emit("FRAME", p + i, self.frame_off(copy))
                n = self.tmp("q")
                self.emit("LI", n, a.ty.size)
                self.emit("MEMCPY", p + i, src, n)
                self.top = p + len(kinds)
            else:
                self.val(a, p + i)
                self.top = p + len(kinds)
            i += 1
        for j in range(missing):
            self.emit("LI", p + i + j, 0)
        self.top = mark
        kind = "d" if ret.is_float else "q"
        if fptr is not None and fptr >= mark:
            self.top = max(self.top, fptr + 1)
        d = self.result(dest, kind)
        if direct is not None:
            self.emit("FCALL" if kind == "d" else "CALL", d, direct, p, len(kinds))
        else:
            self.emit("FCALLR" if kind == "d" else "CALLR", d, fptr, p, len(kinds))
        if dest is None:
            self.top = max(mark, d + 1)
        return d

    def struct_slots(self, a, first: int) -> int:
        """Load struct argument a into registers first, first+1, ... as 8-byte
        chunks (through an 8-byte-aligned copy, so no load reads past it)."""
        n = _slots(a.ty)
        copy = self.frame_object(8 * n, 8)
        src = self.val(a)
        dst = self.tmp("q")
        self.emit("FRAME", dst, self.frame_off(copy))
        size = self.tmp("q")
        self.emit("LI", size, a.ty.size)
        self.emit("MEMCPY", dst, src, size)
        for j in range(n):
            self.emit("LD64", first + j, self.FPREG, self.frame_off(copy + 8 * j))
        return n

    def builtin(self, e: A.Call, dest):
        name = e.builtin
        if name == "__syscall":
            mark = self.top
            p = self.block(["q"] * len(e.args))
            for i, a in enumerate(e.args):
                self.val(a, p + i)
                self.top = p + len(e.args)
            self.emit("SYSCALL", p, len(e.args) - 1)
            self.top = mark
            return self.keep(p, dest, mark)
        if name in ("__builtin_memcpy", "__builtin_memmove", "__builtin_memset"):
            mark = self.top
            regs = [self.val(a) for a in e.args]
            self.emit("MEMSET" if name == "__builtin_memset" else "MEMCPY", *regs)
            self.top = mark
            return self.keep(regs[0], dest, mark)
        if name == "__builtin_prefetch":
            for a in e.args:
                self.effect(a)
            return self.result(dest, "q")
        if name == "__builtin_sqrt":
            mark = self.top
            x = self.val(e.args[0])
            self.top = mark
            d = self.result(dest, "d")
            self.emit("FSQRT", d, x)
            return d
        d = self.result(dest, "q")
        if name == "__builtin_va_start":
            self.emit("VARARGS", d)
        elif name == "__builtin_trap":
            self.emit("TRAP", 0)
        elif name == "__builtin_unreachable":
            self.emit("TRAP", 1)
        return d

    # ---- object initialization (locals)
    def init_object(self, sym, init) -> None:
        loc = self.where(sym)
        if init is None:
            return
        if loc[0] == "reg":
            for off, ty, value in init.items:
                self.val(value, loc[1])
            return
        mark = self.top
        base, k = self.addr(A.Ident(sym.name, sym.pos, sym))
        size = sym.ty.size
        covered = sum(t.size for _, t, _ in init.items)
        if (sym.ty.is_array or sym.ty.is_struct) and (
                covered < size or any(isinstance(t, T.BitField) for _, t, _ in init.items)):
            dst = self.materialize(base, k, None)
            n = self.tmp("q")
            self.emit("LI", n, size)
            self.emit("MEMSET", dst, self.ZERO, n)
        for off, ty, value in init.items:
            if isinstance(value, bytes):
                self.store_bytes(base, k + off, value)
            else:
                v = self.val(value)
                self.store(ty, base, k + off, v)
            self.top = max(mark, base + 1) if base < 256 and base >= mark else mark
        self.top = mark

    def store_bytes(self, base, k, data: bytes) -> None:
        mark = self.top
        t = self.tmp("q")
        i = 0
        while i < len(data):
            n = 8 if len(data) - i >= 8 else 4 if len(data) - i >= 4 else 2 if len(data) - i >= 2 else 1
            v = int.from_bytes(data[i:i + n], "little", signed=True)
            self.emit("LI", t, v)
            self.emit({8: "ST64", 4: "ST32", 2: "ST16", 1: "ST8"}[n], base, t, k + i)
            i += n
        self.top = mark
