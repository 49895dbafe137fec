"""Initializers: braces, designators and brace elision flattened to stores.

`InitChecker` (mixed into check.Checker) turns the initializer of an object
into an `Init`: a list of (byte offset, scalar type, value) in source order,
where later entries override earlier ones and everything not mentioned is
zero.  Values are checked expressions; a char array initialized from a
string literal gets a `bytes` value.  For objects with static storage each
value is then evaluated at compile time (`static_value`) to an int, a float,
bytes, or an address constant `Addr(symbol, addend)`.
An array of unknown length takes its length from the initializer.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import ast as A
from . import types as T


@dataclass
class Addr:
    """An address constant: the address of `sym` (a Symbol) plus `addend` bytes."""
    sym: object
    addend: int = 0


@dataclass
class Init:
    items: list = field(default_factory=list)   # (offset, type, value)


class _Excess(Exception):
    pass


class InitChecker:
    def initializer(self, sym, init, static: bool = False) -> Init:
        out = Init()
        ty = sym.ty
        self._max_index = 0
        if ty.is_array and ty.length is None:
            self._open_array = True
        if isinstance(init, A.InitList):
            self.fill_braced(ty, 0, init, out, outer=True)
        elif ty.is_array and not (isinstance(init, A.StringLit) and _is_char(ty.elem)):
            self.diag.error(init.pos, "array initializer must be an initializer list"
                            + (" or wide string literal" if isinstance(init, A.StringLit) else ""))
        elif ty.is_struct:
            x = self.rvalue(init)           # only a value of the same type, no brace elision
            if not getattr(x, "error", False):
                self.scalar_item(ty, 0, _Checked(x), out)
        else:
            self.fill_designated(ty, 0, [], init, out, outer=True)
        if ty.is_array and ty.length is None:
            sym.ty = T.ArrayType(ty.elem, self._max_index).qualified(ty.const, ty.volatile)
        if static:
            out.items = [(off, t, self.static_value(v, t)) for off, t, v in out.items]
        return out

    # ---- the flattening
    def fill_braced(self, ty, off, init: A.InitList, out: Init, outer=False) -> None:
        if not ty.is_array and not ty.is_struct:
            if not init.items:
                self.diag.error(init.pos, "scalar initializer cannot be empty")
                return
            desig, first = init.items[0]
            if len(init.items) > 1:
                self.diag.warning(init.pos, "excess elements in scalar initializer")
            self.fill_designated(ty, off, [], first, out)
            return
        items = list(init.items)
        i = self.fill_list(ty, off, items, 0, True, out, outer)
        if i < len(items):
            self.diag.warning(items[i][1].pos, f"excess elements in {'array' if ty.is_array else 'struct'} initializer")

    def fill_designated(self, ty, off, designators, init, out: Init, outer=False) -> None:
        """Initialize the subobject named by `designators` inside (ty, off) from `init`."""
        if designators:
            kind, what = designators[0]
            sub = self.subobject(ty, off, kind, what, init)
            if sub is None:
                return
            st, soff, _ = sub
            self.fill_designated(st, soff, designators[1:], init, out)
            return
        if isinstance(init, A.InitList):
            self.fill_braced(ty, off, init, out, outer)
            return
        if ty.is_array or ty.is_struct:
            self.fill_one(ty, off, [([], init)], 0, out, outer)
            return
        self.scalar_item(ty, off, init, out)

    def subobject(self, ty, off, kind, what, init):
        """(type, offset, position) of the member or element a designator names."""
        if kind == "index":
            if not ty.is_array:
                self.diag.error(what.pos, f"array designator cannot initialize non-array type '{ty}'")
                return None
            k = self.const_int(what, "array designator")
            if k < 0 or (ty.length is not None and k >= ty.length):
                self.diag.error(what.pos, f"array designator index ({k}) exceeds array bounds")
                return None
            self._note_index(ty, k)
            return ty.elem, off + k * ty.elem.size, k
        if not ty.is_struct:
            self.diag.error(init.pos, f"field designator '{what}' does not refer to any field in type '{ty}'")
            return None
        for p, f in enumerate(_members(ty)):
            if f.name == what:
                return _field_type(f), off + f.offset, p
        found = ty.defn.find_field(what)
        if found is None:
            self.diag.error(init.pos, f"field designator '{what}' does not refer to any field in type '{ty}'")
            return None
        return _field_type(found[0]), off + found[1], None

    def _note_index(self, ty, k):
        if ty.length is None:
            self._max_index = max(self._max_index, k + 1)

    def fill_list(self, ty, off, items, i, braced, out: Init, outer=False, designated_first=False) -> int:
        """Initialize aggregate (ty, off) from items[i:]; returns the index of the first unused item.
        Without `braced` (brace elision) stop at a designator or when the object is full;
        `designated_first`: items[i] carries the rest of a designator into this object, and
        the items after it continue from the element it designates (C99 6.7.8p17)."""
        start = i
        if ty.is_array and ty.elem.is_integer and ty.elem.size == 1 and i < len(items):
            s = items[i][1]
            if isinstance(s, A.StringLit) and not items[i][0]:
                self.string_item(ty, off, s, out, outer)
                return i + 1
        fields = _members(ty) if ty.is_struct else None
        count = len(fields) if fields is not None else ty.length
        if ty.is_struct and ty.defn.is_union:
            count = min(count, 1)
        p = 0
        while i < len(items):
            desig, init = items[i]
            if desig:
                if not braced and not (designated_first and i == start):
                    return i
                kind, what = desig[0]
                sub = self.subobject(ty, off, kind, what, init)
                i += 1
                if sub is None:
                    continue
                st, soff, pos = sub
                if len(desig) > 1 and (st.is_array or st.is_struct):
                    # `[1][0] = 4, 3`: the 3 follows the innermost designated element
                    items[i - 1] = (desig[1:], init)
                    i = self.fill_list(st, soff, items, i - 1, False, out, designated_first=True)
                elif len(desig) > 1 or isinstance(init, A.InitList) or not (st.is_array or st.is_struct):
                    self.fill_designated(st, soff, desig[1:], init, out)
                else:
                    items[i - 1] = ([], init)
                    i = self.fill_one(st, soff, items, i - 1, out)
                p = (pos + 1) if pos is not None else p
                continue
            if count is not None and p >= count:
                return i
            if fields is not None:
                st, soff = _field_type(fields[p]), off + fields[p].offset
            else:
                st, soff = ty.elem, off + p * ty.elem.size
                self._note_index(ty, p) if outer else None
            i = self.fill_one(st, soff, items, i, out)
            p += 1
        return i

    def fill_one(self, st, soff, items, i, out: Init, outer=False) -> int:
        init = items[i][1]
        if isinstance(init, A.InitList):
            self.fill_braced(st, soff, init, out)
            return i + 1
        if st.is_array or st.is_struct:
            if isinstance(init, _Checked):
                x = init.expr
            else:
                x = self.rvalue(init) if not isinstance(init, A.StringLit) else None
            if x is not None and st.is_struct and x.ty.is_struct and x.ty.defn is st.defn:
                out.items.append((soff, st, x))
                return i + 1
            if x is not None:
                items[i] = ([], _Checked(x))
            return self.fill_list(st, soff, items, i, False, out, outer)
        self.scalar_item(st, soff, init, out)
        return i + 1

    def scalar_item(self, ty, off, init, out: Init) -> None:
        x = init.expr if isinstance(init, _Checked) else self.rvalue(init)
        if ty.is_struct:
            if not (x.ty.is_struct and x.ty.defn is ty.defn):
                self.diag.error(x.pos, f"initializing '{ty}' with an expression of incompatible type '{x.ty}'")
                return
            out.items.append((off, ty, x))
            return
        out.items.append((off, ty, self.assign_convert(x, ty, x.pos, "initializing")))

    def string_item(self, ty, off, s: A.StringLit, out: Init, outer) -> None:
        data = s.data
        if ty.length is None:
            length = len(data) + 1
            if outer:
                self._max_index = max(self._max_index, length)
        else:
            length = ty.length
            if len(data) > length:
                self.diag.warning(s.pos, "initializer-string for char array is too long")
        out.items.append((off, T.ArrayType(T.CHAR, length), (data + b"\0" * length)[:length]))

    # ---- compile-time values
    def static_value(self, x, ty):
        """The compile-time value of initializer expression `x` for a static object."""
        if isinstance(x, bytes):
            return x
        if isinstance(x, (A.IntConst, A.FloatConst)):
            return x.value
        addr = self.address_constant(x)
        if addr is not None and addr.sym is None:
            # an offset from a null pointer: `(size_t)&((struct r *)0)->x`, the
            # classic offsetof, is an integer constant
            return addr.addend
        if addr is not None:
            if ty.is_integer and ty.size < 8:
                self.diag.error(x.pos, "initializer element is not a compile-time constant")
            return addr
        self.diag.error(x.pos, "initializer element is not a compile-time constant")
        return 0

    def address_constant(self, x) -> Addr | None:
        """The address `x` computes, if known at compile time; sym None: an
        integer cast to a pointer (a null pointer plus the addend)."""
        if isinstance(x, A.IntConst):
            return Addr(None, x.value)
        if isinstance(x, A.Binary) and x.op in ("+", "-") and x.ty.is_integer and x.ty.size == 8:
            left, right = self.address_constant(x.left), self.address_constant(x.right)
            if left is not None and right is not None and right.sym is None:
                return Addr(left.sym, left.addend + (right.addend if x.op == "+" else -right.addend))
            return None
        if isinstance(x, A.Convert) and isinstance(x.operand, A.IntConst) and x.ty.is_pointer:
            return Addr(None, x.operand.value)
        if isinstance(x, A.Convert):
            inner = x.operand
            if inner.ty.is_array or inner.ty.is_func:
                return self.lvalue_address(inner)
            if (inner.ty.is_pointer or inner.ty.is_integer) and (x.ty.is_pointer or x.ty.size == 8):
                return self.address_constant(inner)
            return None
        if isinstance(x, A.Unary) and x.op == "&":
            return self.lvalue_address(x.operand)
        if isinstance(x, A.Binary) and x.op in ("+", "-") and x.ty.is_pointer:
            base = self.address_constant(x.left)
            if base is not None and isinstance(x.right, A.IntConst):
                step = x.ty.target.size * x.right.value
                return Addr(base.sym, base.addend + (step if x.op == "+" else -step))
        return None

    def lvalue_address(self, x) -> Addr | None:
        if isinstance(x, A.Ident) and x.sym is not None and (x.sym.kind == "func" or x.sym.is_static_storage):
            return Addr(x.sym, 0)
        if isinstance(x, A.StringLit):
            return Addr(self.unit.string_symbol(x.data), 0)
        if isinstance(x, A.CompoundLiteral) and x.sym.is_static_storage:
            return Addr(x.sym, 0)
        if isinstance(x, A.Member) and not x.arrow:
            base = self.lvalue_address(x.base)
            return Addr(base.sym, base.addend + x.offset) if base else None
        if isinstance(x, A.Member) and x.arrow:
            base = self.address_constant(x.base)
            return Addr(base.sym, base.addend + x.offset) if base else None
        if isinstance(x, A.Unary) and x.op == "*":
            return self.address_constant(x.operand)
        return None


def _members(ty) -> list:
    """The members an initializer list fills in order: not the unnamed bit-fields."""
    return [f for f in ty.defn.fields if f.name is not None or f.bits is None]


def _field_type(f) -> T.CType:
    """A member's type as an initializer item: a bit-field's says where its bits go."""
    return T.BitField(f.type, *f.bits) if f.bits is not None else f.type


def _is_char(t: T.CType) -> bool:
    return t.is_integer and t.size == 1 and not t.is_bool


@dataclass
class _Checked:
    """An item whose expression has already been checked (brace elision)."""
    expr: object

    @property
    def pos(self):
        return self.expr.pos
