"""C types for LP64 (x86-64 Linux): sizes, alignment, conversions, spelling.

Type objects are immutable in practice; qualifiers (`const`, `volatile`) are
fields, and `qualified()` returns a copy.  A struct or union type points to
a shared `StructDef`, so every qualified copy sees the definition complete
once its closing brace has been checked.  `long double` is treated as
`double`; `enum` types are `int`.
"""
from __future__ import annotations

import copy


class CType:
    kind = ""
    size = 0
    align = 1
    const = False
    volatile = False

    def qualified(self, const=False, volatile=False) -> "CType":
        if (const or self.const) == self.const and (volatile or self.volatile) == self.volatile:
            return self
        t = copy.copy(self)
        t.const = const or self.const
        t.volatile = volatile or self.volatile
        return t

    def unqualified(self) -> "CType":
        if not (self.const or self.volatile):
            return self
        t = copy.copy(self)
        t.const = t.volatile = False
        return t

    # classification
    @property
    def is_integer(self): return self.kind == "int"
    @property
    def is_float(self): return self.kind == "float"
    @property
    def is_arith(self): return self.kind in ("int", "float")
    @property
    def is_pointer(self): return self.kind == "ptr"
    @property
    def is_scalar(self): return self.kind in ("int", "float", "ptr")
    @property
    def is_array(self): return self.kind == "array"
    @property
    def is_func(self): return self.kind == "func"
    @property
    def is_struct(self): return self.kind == "struct"
    @property
    def is_void(self): return self.kind == "void"
    @property
    def is_bool(self): return False

    @property
    def reg_kind(self) -> str:
        """Register kind holding a value of this type: 'q' or 'd'."""
        return "d" if self.kind == "float" else "q"

    def __str__(self):
        return spell(self)

    def __repr__(self):
        return f"<{spell(self)}>"


class VoidType(CType):
    kind = "void"
    size = 1        # GNU: sizeof(void) == 1, arithmetic on void * steps bytes


class IntType(CType):
    kind = "int"

    def __init__(self, name: str, size: int, signed: bool, rank: int):
        self.name, self.size, self.align, self.signed, self.rank = name, size, size, signed, rank

    @property
    def is_bool(self):
        return self.name == "_Bool"


class EnumInt(IntType):
    """`int`, the type of every enum here, for an enum with no negative
    constant: gcc makes such an enum unsigned underneath, which shows only
    in a bit-field of that type (unsigned).  The same type as int otherwise."""


class FloatType(CType):
    kind = "float"

    def __init__(self, name: str, size: int):
        self.name, self.size, self.align = name, size, size


class PointerType(CType):
    kind = "ptr"
    size = align = 8

    def __init__(self, target: CType):
        self.target = target


class ArrayType(CType):
    kind = "array"

    def __init__(self, elem: CType, length: int | None):
        self.elem, self.length = elem, length

    @property
    def size(self):
        return self.elem.size * (self.length or 0)

    @property
    def align(self):
        return self.elem.align


class FunctionType(CType):
    kind = "func"
    size = 1

    def __init__(self, ret: CType, params: list, variadic: bool, prototyped: bool = True):
        self.ret, self.params, self.variadic, self.prototyped = ret, params, variadic, prototyped


class Field:
    """A member: `offset` is its byte offset; a bit-field's `bits` is (width,
    shift): it occupies bits shift..shift+width-1 of the `type`-sized storage
    unit at `offset` (little-endian, so bit 0 is the unit's lowest bit)."""

    def __init__(self, name: str | None, type: CType, offset: int, bits: tuple[int, int] | None = None):
        self.name, self.type, self.offset, self.bits = name, type, offset, bits


class BitField(IntType):
    """The type of one bit-field as an initializer item: an integer type of the
    declared type's size and signedness that stores into `width` bits at `shift`
    of its storage unit."""

    def __init__(self, base: IntType, width: int, shift: int):
        super().__init__(base.name, base.size, base.signed, base.rank)
        self.width, self.shift = width, shift


def bit_field_value_type(t: IntType, width: int) -> IntType:
    """The type a bit-field's value has in an expression (as gcc): `_Bool` stays
    `_Bool`; a field narrower than int is an int (every value fits); a 32-bit
    unsigned one an unsigned int; otherwise its declared type."""
    if t.is_bool:
        return BOOL
    if width < 32 or (width == 32 and t.signed):
        return INT
    if width == 32:
        return UINT
    return LONG if t.signed else ULONG


class StructDef:
    """The layout of one struct or union, filled in when its body is checked."""

    def __init__(self, tag: str | None, is_union: bool):
        self.tag, self.is_union = tag, is_union
        self.fields: list[Field] = []
        self.size, self.align, self.complete = 0, 1, False

    def layout(self, members: list[tuple]) -> None:
        """Lay out (name, type) members and (name, type, width) bit-fields as
        gcc does on x86-64: a bit-field goes at the next free bit unless it
        would cross a boundary of its type's alignment, then at that boundary;
        a zero-width one moves to the next boundary; an unnamed bit-field does
        not raise the struct's alignment."""
        bit, size, align = 0, 0, 1      # bit: next free bit (structs)
        for m in members:
            name, t = m[0], m[1]
            unit = t.size * 8
            if len(m) == 3:
                width = m[2]
                if name is not None:
                    align = max(align, t.align)
                if self.is_union:
                    if width:
                        self.fields.append(Field(name, t, 0, (width, 0)))
                    size = max(size, (width + 7) // 8)
                    continue
                if width == 0:
                    bit = (bit + unit - 1) // unit * unit
                    continue
                if bit // unit != (bit + width - 1) // unit:
                    bit = (bit + unit - 1) // unit * unit
                start = bit // unit * unit
                self.fields.append(Field(name, t, start // 8, (width, bit - start)))
                bit += width
                size = max(size, (bit + 7) // 8)
                continue
            align = max(align, t.align)
            if self.is_union:
                self.fields.append(Field(name, t, 0))
                size = max(size, t.size)
            else:
                offset = ((bit + 7) // 8 + t.align - 1) // t.align * t.align
                self.fields.append(Field(name, t, offset))
                bit = (offset + t.size) * 8
                size = max(size, offset + t.size)
        self.align = align
        self.size = (size + align - 1) // align * align
        self.complete = True

    def find_field(self, name: str) -> tuple[Field, int] | None:
        """Member `name` (looking into anonymous members) and its byte offset."""
        for f in self.fields:
            if f.name == name:
                return f, f.offset
            if f.name is None and f.type.is_struct and f.bits is None:
                found = f.type.defn.find_field(name)
                if found:
                    return found[0], f.offset + found[1]
        return None

    def find(self, name: str) -> tuple[CType, int] | None:
        """Type and offset of member `name`, looking into anonymous members."""
        found = self.find_field(name)
        return (found[0].type, found[1]) if found else None


class StructType(CType):
    kind = "struct"

    def __init__(self, defn: StructDef):
        self.defn = defn

    @property
    def size(self):
        return self.defn.size

    @property
    def align(self):
        return self.defn.align


VOID = VoidType()
BOOL = IntType("_Bool", 1, False, 0)
CHAR = IntType("char", 1, True, 1)
SCHAR = IntType("signed char", 1, True, 1)
UCHAR = IntType("unsigned char", 1, False, 1)
SHORT = IntType("short", 2, True, 2)
USHORT = IntType("unsigned short", 2, False, 2)
INT = IntType("int", 4, True, 3)
UINT = IntType("unsigned int", 4, False, 3)
ENUM_NONNEGATIVE = EnumInt("int", 4, True, 3)
LONG = IntType("long", 8, True, 4)
ULONG = IntType("unsigned long", 8, False, 4)
LLONG = IntType("long long", 8, True, 5)
ULLONG = IntType("unsigned long long", 8, False, 5)
FLOAT = FloatType("float", 4)
DOUBLE = FloatType("double", 8)

INTS_BY_NAME = {t.name: t for t in (BOOL, CHAR, SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LONG, ULONG,
                                    LLONG, ULLONG)}

# Multisets of type-specifier keywords (sorted) -> type.
_SPECIFIERS = {
    ("void",): VOID, ("_Bool",): BOOL, ("char",): CHAR, ("char", "signed"): SCHAR,
    ("char", "unsigned"): UCHAR, ("float",): FLOAT, ("double",): DOUBLE, ("double", "long"): DOUBLE,
}
for _names, _t in [(("short",), SHORT), (("int",), INT), (("long",), LONG), (("long", "long"), LLONG)]:
    for _sign, _tt in (((), _t), (("signed",), _t),
                       (("unsigned",), INTS_BY_NAME["unsigned " + _t.name])):
        _SPECIFIERS[tuple(sorted(_names + _sign))] = _tt
        _SPECIFIERS[tuple(sorted(_names + _sign + ("int",)))] = _tt
_SPECIFIERS[("signed",)] = INT
_SPECIFIERS[("unsigned",)] = UINT


def from_specifiers(words: list[str]) -> CType | None:
    """The type named by a list of type-specifier keywords, or None if invalid."""
    return _SPECIFIERS.get(tuple(sorted(words)))


def pointer(t: CType) -> PointerType:
    return PointerType(t)


def promote(t: CType) -> CType:
    """Integer promotions: types narrower than int become int."""
    if t.kind == "int" and t.rank < INT.rank:
        return INT
    return t.unqualified()


def common(a: CType, b: CType) -> CType:
    """Usual arithmetic conversions (C99 6.3.1.8)."""
    if a.is_float or b.is_float:
        if a.is_float and b.is_float:
            return DOUBLE if DOUBLE in (a.unqualified(), b.unqualified()) or a.size == 8 or b.size == 8 else FLOAT
        return (a if a.is_float else b).unqualified()
    a, b = promote(a), promote(b)
    if a.name == b.name:
        return a
    if a.signed == b.signed:
        return a if a.rank > b.rank else b
    u, s = (a, b) if not a.signed else (b, a)
    if u.rank >= s.rank:
        return u
    if s.size > u.size:
        return s
    return INTS_BY_NAME["unsigned " + s.name]


def decay(t: CType) -> CType:
    """Array-to-pointer and function-to-pointer conversion."""
    if t.kind == "array":
        return PointerType(t.elem)
    if t.kind == "func":
        return PointerType(t)
    return t


def variable_align(t: CType) -> int:
    """Alignment of a variable (not a member) of type t: the x86-64 ABI gives
    an array variable of 16 bytes or more an alignment of 16."""
    if t.is_array and t.size >= 16:
        return max(t.align, 16)
    return max(t.align, 1)


def same(a: CType, b: CType, quals: bool = True) -> bool:
    """Type identity (compatibility, with `quals` also the qualifiers)."""
    if a is b:
        return True
    if a.kind != b.kind or (quals and (a.const != b.const or a.volatile != b.volatile)):
        return False
    k = a.kind
    if k == "void":
        return True
    if k in ("int", "float"):
        return a.name == b.name
    if k == "ptr":
        return same(a.target, b.target)
    if k == "array":
        return same(a.elem, b.elem) and (a.length is None or b.length is None or a.length == b.length)
    if k == "struct":
        return a.defn is b.defn
    if k == "func":
        if not same(a.ret, b.ret):
            return False
        if not (a.prototyped and b.prototyped):
            return True
        return (a.variadic == b.variadic and len(a.params) == len(b.params)
                and all(same(x, y, quals=False) for x, y in zip(a.params, b.params)))
    return False


def spell(t: CType, inner: str = "") -> str:
    """C spelling of a type, as clang prints it: 'int *', 'char [4]', 'int (*)(int)'."""
    quals = " ".join(q for q, on in (("const", t.const), ("volatile", t.volatile)) if on)
    k = t.kind
    if k in ("void", "int", "float", "struct"):
        if k == "void":
            base = "void"
        elif k == "struct":
            base = ("union " if t.defn.is_union else "struct ") + (t.defn.tag or "<anonymous>")
        else:
            base = t.name
        base = f"{quals} {base}" if quals else base
        return f"{base} {inner}".rstrip() if inner else base
    if k == "ptr":
        star = "*" + (f" {quals}" if quals else "")
        text = star + (" " + inner if inner and quals else inner)
        if t.target.kind in ("array", "func"):
            text = f"({text})"
        return spell(t.target, text)
    if k == "array":
        n = "" if t.length is None else str(t.length)
        return spell(t.elem, f"{inner}[{n}]" if inner else f"[{n}]")
    if k == "func":
        params = ", ".join(spell(p) for p in t.params)
        if t.variadic:
            params = params + ", ..." if params else "..."
        elif not params and t.prototyped:
            params = "void"
        return spell(t.ret, f"{inner}({params})")
    return "?"
