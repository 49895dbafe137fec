"""Semantic analysis of expressions: types, implicit conversions, folding.

`ExprChecker` is mixed into check.Checker.  `expr(e)` returns the checked
node (maybe a replacement) with `.ty` set; `rvalue(e)` also applies the
array/function-to-pointer decay.  Implicit conversions become explicit
`Convert` nodes, `a[i]` becomes `*(a + i)`, and operations on constants are
folded to `IntConst`/`FloatConst`, so codegen sees only typed, simple trees.
Errors are reported and replaced by an `int` zero so checking continues.
"""
from __future__ import annotations

from . import ast as A
from . import fold
from . import types as T

_BUILTINS = {"__syscall", "__builtin_va_start", "__builtin_trap", "__builtin_unreachable",
             "__builtin_expect", "__builtin_memcpy", "__builtin_memmove", "__builtin_memset",
             "__builtin_sqrt", "__builtin_prefetch"}


def int_const(value: int, ty: T.CType, pos) -> A.IntConst:
    node = A.IntConst(fold.wrap(value, ty), ty.name if ty.is_integer else "long", pos)
    node.ty = ty
    return node


def is_null_pointer_constant(e) -> bool:
    while isinstance(e, A.Convert) and e.ty.is_pointer and e.ty.target.is_void:
        e = e.operand
    return isinstance(e, A.IntConst) and e.value == 0


class ExprChecker:
    # ---- helpers
    def bad(self, pos, message: str, *operands) -> A.Expr:
        """Report an error (unless an operand already had one) and stand in an int 0."""
        if not any(getattr(x, "error", False) for x in operands):
            self.diag.error(pos, message)
        node = int_const(0, T.INT, pos)
        node.error = True
        return node

    def expr(self, e: A.Expr) -> A.Expr:
        return getattr(self, "e_" + type(e).__name__)(e)

    def decay(self, e: A.Expr) -> A.Expr:
        t = e.ty
        if t.is_array or t.is_func:
            return A.Convert(e, T.decay(t), e.pos)
        if t.is_struct and not t.defn.complete:
            return self.bad(e.pos, f"incomplete type '{t}' where a complete type is required")
        if t.const or t.volatile:
            e.ty = t
        return e

    def rvalue(self, e: A.Expr) -> A.Expr:
        return self.decay(self.expr(e))

    def scalar(self, e: A.Expr, what: str) -> A.Expr:
        e = self.rvalue(e)
        if not e.ty.is_scalar:
            return self.bad(e.pos, f"{what} must have scalar type ('{e.ty}' invalid)")
        return e

    def convert(self, e: A.Expr, ty: T.CType) -> A.Expr:
        """Convert a checked rvalue to `ty`, folding constants."""
        if T.same(e.ty, ty, quals=False):
            return e
        if ty.is_void:
            c = A.Convert(e, T.VOID, e.pos)
            return c
        if isinstance(e, A.IntConst) and (ty.is_integer or ty.is_pointer):
            node = A.IntConst(fold.wrap(e.value, ty), "long", e.pos)
            node.ty = ty.unqualified()
            return node
        if isinstance(e, (A.IntConst, A.FloatConst)) and ty.is_arith:
            v = fold.convert(e.value, e.ty, ty)
            if v is not None:
                if ty.is_float:
                    node = A.FloatConst(v, ty.name, e.pos)
                else:
                    node = A.IntConst(v, ty.name, e.pos)
                node.ty = ty.unqualified()
                return node
        return A.Convert(e, ty.unqualified(), e.pos)

    def is_lvalue(self, e: A.Expr) -> bool:
        if isinstance(e, A.Ident):
            return e.sym is not None and e.sym.kind == "var"
        if isinstance(e, A.Unary):
            return e.op == "*"
        if isinstance(e, A.Member):
            return e.arrow or self.is_lvalue(e.base)
        return isinstance(e, (A.StringLit, A.CompoundLiteral))

    def modifiable(self, e: A.Expr, pos) -> bool:
        if getattr(e, "error", False):
            return False
        if not self.is_lvalue(e):
            self.diag.error(pos, "expression is not assignable")
            return False
        if e.ty.is_array:
            self.diag.error(pos, f"array type '{e.ty}' is not assignable")
            return False
        if e.ty.const or (e.ty.is_struct and any(f.type.const for f in e.ty.defn.fields)):
            if isinstance(e, A.Ident):
                self.diag.error(pos, f"cannot assign to variable '{e.name}' with const-qualified type '{e.ty}'")
            else:
                self.diag.error(pos, f"read-only variable is not assignable")
            return False
        return True

    def mark_address_taken(self, e: A.Expr) -> None:
        while True:
            if isinstance(e, A.Ident):
                if e.sym is not None:
                    e.sym.addr_taken = True
                return
            if isinstance(e, A.Member) and not e.arrow:
                e = e.base
            else:
                return

    def assign_convert(self, e: A.Expr, ty: T.CType, pos, context: str) -> A.Expr:
        """Convert rvalue `e` for assignment to an object of type `ty` (C99 6.5.16.1)."""
        src = e.ty
        ty = ty.unqualified()
        if ty.is_arith and src.is_arith:
            return self.convert(e, ty)
        if ty.is_pointer:
            if is_null_pointer_constant(e):
                return self.convert(e, ty)
            if src.is_pointer:
                a, b = ty.target, src.target
                if not (a.is_void or b.is_void or T.same(a.unqualified(), b.unqualified(), quals=False)):
                    if _differ_in_sign(a, b):
                        self.diag.warning(pos, f"{context} '{ty}' from '{src}' converts between pointers "
                                          "to integer types with different sign")
                    else:
                        # an error, as in gcc 14 (-Wincompatible-pointer-types)
                        self.diag.permerror(pos, f"incompatible pointer types {context} '{ty}' from '{src}'")
                elif (b.const and not a.const) and not a.is_void and not b.is_void:
                    self.diag.warning(pos, f"{context} '{ty}' from '{src}' discards qualifiers")
                return A.Convert(e, ty, e.pos)
            if src.is_integer:
                # an error, as in clang 15+ and gcc 14 (-Wint-conversion)
                self.diag.permerror(pos, f"incompatible integer to pointer conversion {context} '{ty}' from '{src}'")
                return A.Convert(e, ty, e.pos)
        if ty.is_bool and src.is_pointer:
            return A.Convert(e, ty, e.pos)
        if ty.is_integer and src.is_pointer:
            self.diag.permerror(pos, f"incompatible pointer to integer conversion {context} '{ty}' from '{src}'")
            return A.Convert(e, ty, e.pos)
        if ty.is_struct and src.is_struct and ty.defn is src.defn:
            return e
        self.diag.error(pos, f"{context} '{ty}' from incompatible type '{src}'")
        return int_const(0, ty, pos) if ty.is_integer else e

    # ---- primary expressions
    def e_Ident(self, e: A.Ident) -> A.Expr:
        sym = self.lookup(e.name)
        if sym is None and e.name == "__func__" and self.func_type is not None:
            return self.e_StringLit(A.StringLit(self.func_name.encode(), e.pos))
        if sym is None:
            if e.name in _BUILTINS:
                return self.bad(e.pos, f"builtin '{e.name}' must be called")
            return self.bad(e.pos, f"use of undeclared identifier '{e.name}'")
        if sym.kind == "enum":
            return int_const(sym.value, T.INT, e.pos)
        if sym.kind == "typedef":
            return self.bad(e.pos, f"unexpected type name '{e.name}': expected expression")
        e.sym = sym
        sym.used = True
        e.ty = sym.ty
        return e

    def e_IntConst(self, e: A.IntConst) -> A.Expr:
        if e.ty is None:
            e.ty = T.INTS_BY_NAME[e.type_name]
        return e

    def e_FloatConst(self, e: A.FloatConst) -> A.Expr:
        if e.ty is None:
            e.ty = T.FLOAT if e.type_name == "float" else T.DOUBLE
        return e

    def e_StringLit(self, e: A.StringLit) -> A.Expr:
        e.ty = T.ArrayType(T.CHAR, len(e.data) + 1)
        return e

    def e_Convert(self, e: A.Convert) -> A.Expr:
        return e

    # ---- operators
    def e_Unary(self, e: A.Unary) -> A.Expr:
        op = e.op
        if op == "&":
            x = self.expr(e.operand)
            if isinstance(x, A.Ident) and x.sym is not None and x.sym.storage == "register":
                self.diag.error(e.pos, f"address of register variable '{x.name}' requested")
            if isinstance(x, A.Member) and x.bits is not None:
                return self.bad(e.pos, f"address of bit-field '{x.name}' requested")
            if not (self.is_lvalue(x) or x.ty.is_func):
                return self.bad(e.pos, "cannot take the address of an rvalue of type "
                                f"'{x.ty}'")
            self.mark_address_taken(x)
            e.operand = x
            e.ty = T.PointerType(x.ty)
            return e
        if op == "*":
            x = self.rvalue(e.operand)
            if not x.ty.is_pointer:
                return self.bad(e.pos, f"indirection requires pointer operand ('{x.ty}' invalid)")
            e.operand = x
            e.ty = x.ty.target
            if e.ty.is_void:
                self.diag.warning(e.pos, "dereferencing 'void *' pointer")
            return e
        x = self.rvalue(e.operand)
        if op == "!":
            if not x.ty.is_scalar:
                return self.bad(e.pos, f"invalid argument type '{x.ty}' to unary expression")
            if isinstance(x, (A.IntConst, A.FloatConst)):
                return int_const(int(x.value == 0), T.INT, e.pos)
            e.operand = x
            e.ty = T.INT
            return e
        if not x.ty.is_arith or (op == "~" and not x.ty.is_integer):
            return self.bad(e.pos, f"invalid argument type '{x.ty}' to unary expression")
        t = T.promote(x.ty)
        x = self.convert(x, t)
        if op == "+":
            return x
        if isinstance(x, A.IntConst):
            return int_const(-x.value if op == "-" else ~x.value, t, e.pos)
        if isinstance(x, A.FloatConst) and op == "-":
            node = A.FloatConst(-x.value, t.name, e.pos)
            node.ty = t
            return node
        e.operand = x
        e.ty = t
        return e

    def e_IncDec(self, e: A.IncDec) -> A.Expr:
        x = self.expr(e.operand)
        if self.modifiable(x, e.pos) and not (x.ty.is_scalar):
            self.diag.error(e.pos, f"cannot increment value of type '{x.ty}'")
        e.operand = x
        e.ty = x.ty.unqualified()
        return e

    def arith_operands(self, e: A.Binary, left, right):
        t = T.common(left.ty, right.ty)
        return self.convert(left, t), self.convert(right, t), t

    def e_Binary(self, e: A.Binary) -> A.Expr:
        op = e.op
        left = self.rvalue(e.left)
        right = self.rvalue(e.right)
        e.left, e.right = left, right
        lt, rt = left.ty, right.ty
        if op in ("&&", "||"):
            if not (lt.is_scalar and rt.is_scalar):
                return self.invalid_operands(e, lt, rt)
            if isinstance(left, A.IntConst) and isinstance(right, A.IntConst):
                v = (left.value and right.value) if op == "&&" else (left.value or right.value)
                return int_const(int(bool(v)), T.INT, e.pos)
            e.left, e.right, e.ty, e.optype = left, right, T.INT, T.INT
            return e
        if op in ("+", "-") and (lt.is_pointer or rt.is_pointer):
            return self.pointer_arith(e, left, right)
        if op in ("==", "!=", "<", ">", "<=", ">="):
            return self.comparison(e, left, right)
        if op in ("<<", ">>"):
            if not (lt.is_integer and rt.is_integer):
                return self.invalid_operands(e, lt, rt)
            t = T.promote(lt)
            left, right = self.convert(left, t), self.convert(right, t)
        else:
            ok = lt.is_arith and rt.is_arith
            if op in ("%", "&", "|", "^"):
                ok = lt.is_integer and rt.is_integer
            if not ok:
                return self.invalid_operands(e, lt, rt)
            left, right, t = self.arith_operands(e, left, right)
        if isinstance(left, (A.IntConst, A.FloatConst)) and isinstance(right, (A.IntConst, A.FloatConst)):
            v = fold.binary(op, left.value, right.value, t)
            if v is not None:
                return self.convert(int_const(v, t, e.pos) if t.is_integer else _float(v, t, e.pos), t)
            if op in ("/", "%") and t.is_integer:
                self.diag.warning(e.pos, f"{'division' if op == '/' else 'remainder'} by zero is undefined")
        e.left, e.right, e.ty, e.optype = left, right, t, t
        return e

    def invalid_operands(self, e, lt, rt) -> A.Expr:
        operands = [getattr(e, name, None) for name in ("left", "right", "target", "value")]
        return self.bad(e.pos, f"invalid operands to binary expression ('{lt}' and '{rt}')", *operands)

    def pointer_arith(self, e: A.Binary, left, right) -> A.Expr:
        lt, rt = left.ty, right.ty
        if e.op == "-" and lt.is_pointer and rt.is_pointer:
            if not T.same(lt.target.unqualified(), rt.target.unqualified(), quals=False):
                return self.bad(e.pos, f"'{lt}' and '{rt}' are not pointers to compatible types")
            e.left, e.right, e.ty, e.optype = left, right, T.LONG, lt
            return e
        if rt.is_pointer:
            if e.op == "-" or not lt.is_integer:
                return self.invalid_operands(e, lt, rt)
            left, right = right, left
            lt, rt = rt, lt
        if not rt.is_integer:
            return self.invalid_operands(e, lt, rt)
        if lt.target.is_func or (lt.target.is_struct and not lt.target.defn.complete):
            return self.bad(e.pos, f"arithmetic on a pointer to an incomplete type '{lt.target}'")
        e.left, e.right = left, self.convert(right, T.LONG)
        e.ty = e.optype = lt.unqualified()
        return e

    def comparison(self, e: A.Binary, left, right) -> A.Expr:
        lt, rt = left.ty, right.ty
        if lt.is_arith and rt.is_arith:
            left, right, t = self.arith_operands(e, left, right)
            if isinstance(left, (A.IntConst, A.FloatConst)) and isinstance(right, (A.IntConst, A.FloatConst)):
                return int_const(fold.compare(e.op, left.value, right.value), T.INT, e.pos)
        elif lt.is_pointer and rt.is_pointer:
            a, b = lt.target.unqualified(), rt.target.unqualified()
            if not (a.is_void or b.is_void or T.same(a, b, quals=False)):
                self.diag.warning(e.pos, f"comparison of distinct pointer types ('{lt}' and '{rt}')")
            t = T.ULONG
            left, right = A.Convert(left, t, left.pos), A.Convert(right, t, right.pos)
        elif (lt.is_pointer and rt.is_integer) or (lt.is_integer and rt.is_pointer):
            if not (is_null_pointer_constant(left) or is_null_pointer_constant(right)):
                self.diag.warning(e.pos, f"comparison between pointer and integer ('{lt}' and '{rt}')")
            t = T.ULONG
            left, right = self.convert(left, t), self.convert(right, t)
        else:
            return self.invalid_operands(e, lt, rt)
        e.left, e.right, e.ty, e.optype = left, right, T.INT, t
        return e

    def e_Assign(self, e: A.Assign) -> A.Expr:
        target = self.expr(e.target)
        value = self.rvalue(e.value)
        e.target, e.value = target, value
        e.ty = target.ty.unqualified()
        if not self.modifiable(target, e.pos):
            e.value = value
            return e
        if e.op == "=":
            e.value = self.assign_convert(value, target.ty, e.pos, "assigning to")
            return e
        # compound assignment: target = (T)(target op value), computed in optype
        op = e.op[:-1]
        tt = target.ty.unqualified()
        if tt.is_pointer and op in ("+", "-"):
            if not value.ty.is_integer:
                return self.invalid_operands(e, tt, value.ty)
            e.optype = tt
            e.value = self.convert(value, T.LONG)
            return e
        if op in ("<<", ">>"):
            if not (tt.is_integer and value.ty.is_integer):
                return self.invalid_operands(e, tt, value.ty)
            e.optype = T.promote(tt)
        else:
            ok = tt.is_arith and value.ty.is_arith
            if op in ("%", "&", "|", "^"):
                ok = tt.is_integer and value.ty.is_integer
            if not ok:
                return self.invalid_operands(e, tt, value.ty)
            e.optype = T.common(tt, value.ty)
        e.value = self.convert(value, e.optype)
        return e

    def e_Cond(self, e: A.Cond) -> A.Expr:
        cond = self.scalar(e.cond, "condition")
        a, b = self.rvalue(e.then), self.rvalue(e.other)
        at, bt = a.ty, b.ty
        if at.is_arith and bt.is_arith:
            t = T.common(at, bt)
        elif at.is_void and bt.is_void:
            t = T.VOID
        elif at.is_pointer and is_null_pointer_constant(b):
            t = at
        elif bt.is_pointer and is_null_pointer_constant(a):
            t = bt
        elif at.is_pointer and bt.is_pointer:
            t = bt if (bt.target.is_void and not at.target.is_void) else at
            x, y = at.target, bt.target
            if not (x.is_void or y.is_void or T.same(x.unqualified(), y.unqualified(), quals=False)):
                # an error, as in gcc 14 (-Wincompatible-pointer-types)
                self.diag.permerror(e.pos, f"pointer type mismatch in conditional expression ('{at}' and '{bt}')")
        elif (at.is_void or bt.is_void) and self.diag.permissive:
            # GNU C: `c ? f() : 0`, only one side void, is a void expression
            self.diag.warning(e.pos, "ISO C forbids conditional expression with only one void side")
            t = T.VOID
        elif at.is_struct and bt.is_struct and at.defn is bt.defn:
            t = at.unqualified()
        else:
            return self.bad(e.pos, f"incompatible operand types ('{at}' and '{bt}')", cond, a, b)
        a, b = self.convert(a, t), self.convert(b, t)
        if isinstance(cond, A.IntConst) and isinstance(a, (A.IntConst, A.FloatConst)) \
                and isinstance(b, (A.IntConst, A.FloatConst)):
            return a if cond.value else b
        e.cond, e.then, e.other, e.ty = cond, a, b, t
        return e

    def e_Comma(self, e: A.Comma) -> A.Expr:
        e.left = self.rvalue(e.left)
        e.right = self.rvalue(e.right)
        e.ty = e.right.ty
        return e

    def e_Index(self, e: A.Index) -> A.Expr:
        deref = A.Unary("*", A.Binary("+", e.base, e.index, e.pos), e.pos)
        return self.e_Unary(deref)

    def e_Member(self, e: A.Member) -> A.Expr:
        base = self.rvalue(e.base) if e.arrow else self.expr(e.base)
        st = base.ty
        if e.arrow:
            if not st.is_pointer:
                return self.bad(e.pos, f"member reference type '{st}' is not a pointer")
            st = st.target
        if not st.is_struct:
            return self.bad(e.pos, f"member reference base type '{st}' is not a structure or union")
        if not st.defn.complete:
            return self.bad(e.pos, f"incomplete definition of type '{st}'")
        found = st.defn.find_field(e.name)
        if found is None:
            return self.bad(e.pos, f"no member named '{e.name}' in '{st.unqualified()}'")
        field, off = found
        e.base, e.offset = base, off
        ft = field.type
        if field.bits is not None:
            e.bits = (*field.bits, ft)
            ft = T.bit_field_value_type(ft, field.bits[0]).qualified(ft.const, ft.volatile)
        e.ty = ft.qualified(st.const, st.volatile)
        return e

    def e_Call(self, e: A.Call) -> A.Expr:
        f = e.func
        if isinstance(f, A.Ident) and f.name in _BUILTINS and self.lookup(f.name) is None:
            return self.builtin_call(e, f.name)
        if isinstance(f, A.Ident) and f.name.startswith("__builtin_") and self.lookup(f.name) is None:
            self.library_builtin(f)
        if isinstance(f, A.Ident) and self.lookup(f.name) is None and self.implicit_declaration(f) is None:
            for a in e.args:
                self.rvalue(a)
            node = int_const(0, T.INT, f.pos)   # reported by implicit_declaration
            node.error = True
            return node
        f = self.rvalue(f)
        ft = f.ty.target if f.ty.is_pointer else None
        if ft is None or not ft.is_func:
            return self.bad(e.pos, f"called object type '{f.ty}' is not a function or function pointer")
        args = [self.rvalue(a) for a in e.args]
        n = len(ft.params)
        if ft.prototyped and (len(args) < n or (len(args) > n and not ft.variadic)):
            few = "few" if len(args) < n else "many"
            at_least = "at least " if ft.variadic else ""
            return self.bad(e.pos, f"too {few} arguments to function call, expected {at_least}{n}, have {len(args)}")
        out = []
        for i, a in enumerate(args):
            if i < n and ft.prototyped:
                out.append(self.assign_convert(a, ft.params[i], a.pos, "passing to parameter of type"))
            else:
                out.append(self.default_promote(a))
        e.func, e.args, e.ty = f, out, ft.ret
        if ft.ret.is_struct and not ft.ret.defn.complete:
            self.diag.error(e.pos, f"calling function with incomplete return type '{ft.ret}'")
        return e

    def default_promote(self, a: A.Expr) -> A.Expr:
        if a.ty.is_float:
            return self.convert(a, T.DOUBLE)
        if a.ty.is_integer:
            return self.convert(a, T.promote(a.ty))
        if a.ty.is_void:
            return self.bad(a.pos, "argument type 'void' is incomplete")
        return a

    def builtin_call(self, e: A.Call, name: str) -> A.Expr:
        e.builtin = name
        args = [self.rvalue(a) for a in e.args]
        if name == "__syscall":
            if not 1 <= len(args) <= 7:
                return self.bad(e.pos, "__syscall takes a number and up to 6 arguments")
            e.args = [self.convert(a, T.LONG) if (a.ty.is_integer or a.ty.is_pointer) else
                      self.bad(a.pos, f"invalid system call argument type '{a.ty}'") for a in args]
            e.ty = T.LONG
        elif name == "__builtin_va_start":
            if self.func_type is None or not self.func_type.variadic:
                self.diag.error(e.pos, "'va_start' used in function with fixed arguments")
            e.args, e.ty = [], T.PointerType(T.CHAR)
        elif name in ("__builtin_memcpy", "__builtin_memmove", "__builtin_memset"):
            if len(args) != 3:
                return self.bad(e.pos, f"{name} takes 3 arguments")
            second = T.INT if name == "__builtin_memset" else T.PointerType(T.VOID.qualified(const=True))
            e.args = [self.assign_convert(args[0], T.PointerType(T.VOID), e.pos, "passing to parameter of type"),
                      self.assign_convert(args[1], second, e.pos, "passing to parameter of type"),
                      self.assign_convert(args[2], T.ULONG, e.pos, "passing to parameter of type")]
            e.ty = T.PointerType(T.VOID)
        elif name == "__builtin_expect":
            if len(args) != 2:
                return self.bad(e.pos, "__builtin_expect takes 2 arguments")
            return self.convert(args[0], T.LONG)
        elif name == "__builtin_prefetch":      # a hint: only the arguments' side effects
            if not 1 <= len(args) <= 3:
                return self.bad(e.pos, "__builtin_prefetch takes 1 to 3 arguments")
            e.args, e.ty = args, T.VOID
        elif name == "__builtin_sqrt":          # the FSQRT instruction; no errno
            if len(args) != 1 or not args[0].ty.is_arith:
                return self.bad(e.pos, "__builtin_sqrt takes 1 arithmetic argument")
            e.args, e.ty = [self.convert(args[0], T.DOUBLE)], T.DOUBLE
        else:
            e.args, e.ty = [], T.VOID
        return e

    def e_Cast(self, e: A.Cast) -> A.Expr:
        ty = self.type_name(e.type_name)
        x = self.rvalue(e.operand)
        if ty.is_void:
            return A.Convert(x, T.VOID, e.pos) if not x.ty.is_void else x
        if not ty.is_scalar:
            return self.bad(e.pos, f"used type '{ty}' where arithmetic or pointer type is required")
        if not x.ty.is_scalar:
            return self.bad(e.pos, f"operand of type '{x.ty}' where arithmetic or pointer type is required")
        if (ty.is_float and x.ty.is_pointer) or (ty.is_pointer and x.ty.is_float):
            return self.bad(e.pos, f"operand of type '{x.ty}' cannot be cast to a pointer type"
                            if ty.is_pointer else f"pointer cannot be cast to type '{ty}'")
        out = self.convert(x, ty)
        if out is x and not isinstance(x, (A.IntConst, A.FloatConst)):
            out = A.Convert(x, ty.unqualified(), e.pos)     # a cast is never an lvalue
        return out

    def e_SizeofExpr(self, e: A.SizeofExpr) -> A.Expr:
        x = self.expr(e.operand)
        if isinstance(x, A.Member) and x.bits is not None:
            return self.bad(e.pos, f"invalid application of '{'_Alignof' if e.align else 'sizeof'}' to a bit-field")
        if e.align:
            return self.align_of(x.ty, e.pos)
        return self.size_of(x.ty, e.pos)

    def e_SizeofType(self, e: A.SizeofType) -> A.Expr:
        ty = self.type_name(e.type_name)
        if e.align:
            return self.align_of(ty, e.pos)
        return self.size_of(ty, e.pos)

    def align_of(self, ty: T.CType, pos) -> A.Expr:
        if ty.is_func or ty.is_void:        # gcc: 1, as for sizeof
            return int_const(1, T.ULONG, pos)
        if ty.is_struct and not ty.defn.complete:
            return self.bad(pos, f"invalid application of '_Alignof' to an incomplete type '{ty}'")
        return int_const(ty.align, T.ULONG, pos)

    def size_of(self, ty: T.CType, pos) -> A.Expr:
        if ty.is_func:
            return self.bad(pos, "invalid application of 'sizeof' to a function type")
        if (ty.is_struct and not ty.defn.complete) or (ty.is_array and ty.length is None):
            return self.bad(pos, f"invalid application of 'sizeof' to an incomplete type '{ty}'")
        return int_const(ty.size, T.ULONG, pos)

    def e_Offsetof(self, e: A.Offsetof) -> A.Expr:
        ty = self.type_name(e.type_name)
        offset = 0
        for step in e.path:
            if isinstance(step, str):
                if not ty.is_struct or not ty.defn.complete:
                    return self.bad(e.pos, f"offsetof requires a struct or union type, not '{ty}'")
                found = ty.defn.find(step)
                if found is None:
                    return self.bad(e.pos, f"no member named '{step}' in '{ty}'")
                ty, off = found
                offset += off
            else:
                idx = self.const_int(step, "array index in offsetof")
                if not ty.is_array:
                    return self.bad(e.pos, "subscripted value is not an array")
                ty = ty.elem
                offset += idx * ty.size
        return int_const(offset, T.ULONG, e.pos)

    def e_VaArg(self, e: A.VaArg) -> A.Expr:
        ap = self.expr(e.ap)
        ty = self.type_name(e.type_name)
        if not (self.is_lvalue(ap) and ap.ty.is_pointer):
            return self.bad(e.pos, "first argument to 'va_arg' must be a va_list lvalue")
        if not (ty.is_scalar or (ty.is_struct and ty.defn.complete)):
            return self.bad(e.pos, f"va_arg of type '{ty}' is not supported")
        e.ap, e.ty = ap, ty
        return e

    def e_CompoundLiteral(self, e: A.CompoundLiteral) -> A.Expr:
        ty = self.type_name(e.type_name)
        e.sym = self.compound_literal_object(ty, e)
        e.ty = e.sym.ty
        return e

    def const_int(self, e: A.Expr, what: str) -> int:
        """Value of an integer constant expression; reports an error if it is not one."""
        x = self.rvalue(e)
        if isinstance(x, A.IntConst) and x.ty.is_integer:
            return x.value
        if isinstance(x, A.IntConst):
            return x.value
        self.diag.error(e.pos, f"{what} is not an integer constant expression")
        return 0


def _differ_in_sign(a: T.CType, b: T.CType) -> bool:
    """Pointed-to integer types that differ only in signedness (`char *` and
    `unsigned char *`): gcc's -Wpointer-sign, a warning, not an incompatibility."""
    return (a.is_integer and b.is_integer and not a.is_bool and not b.is_bool
            and a.size == b.size)


def _float(v: float, t: T.CType, pos) -> A.FloatConst:
    node = A.FloatConst(v, t.name, pos)
    node.ty = t
    return node
