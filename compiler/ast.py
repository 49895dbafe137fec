"""The abstract syntax tree: one class per construct of c.lark.

Plain data built by parse.py.  `pos` is (line, col) in the preprocessed text
of the token that best locates the construct for a diagnostic (the operator
of a binary expression, the name of a declarator).  The checker (check.py)
annotates expressions in place: `ty` is the C type, `sym` the Symbol an
identifier denotes; it replaces implicit conversions by `Convert` nodes.

Declarators are trees that say how to build a type from the declaration's
base type (see types.declare): `PtrDecl(inner)` means "pointer to the base,
then apply inner", so `int *a[3]` is PtrDecl(ArrayDecl(NameDecl a, 3)).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Pos = tuple  # (line, col)


class Node:
    pos: Pos = (0, 0)


# ---- expressions

class Expr(Node):
    ty: Any = None          # set by the checker


@dataclass
class Ident(Expr):
    name: str
    pos: Pos = (0, 0)
    sym: Any = None


@dataclass
class IntConst(Expr):
    value: int
    type_name: str          # 'int', 'unsigned long', ...
    pos: Pos = (0, 0)


@dataclass
class FloatConst(Expr):
    value: float
    type_name: str          # 'double' or 'float'
    pos: Pos = (0, 0)


@dataclass
class StringLit(Expr):
    data: bytes             # without the terminating NUL
    pos: Pos = (0, 0)


@dataclass
class Unary(Expr):
    op: str                 # & * + - ~ !
    operand: Expr
    pos: Pos = (0, 0)


@dataclass
class IncDec(Expr):
    op: str                 # ++ or --
    prefix: bool
    operand: Expr
    pos: Pos = (0, 0)


@dataclass
class Binary(Expr):
    op: str
    left: Expr
    right: Expr
    pos: Pos = (0, 0)
    optype: Any = None      # type the operation is done in (set by the checker)


@dataclass
class Assign(Expr):
    op: str                 # '=' or '+=', '<<=', ...
    target: Expr
    value: Expr
    pos: Pos = (0, 0)
    optype: Any = None      # for compound assignment: type of the operation


@dataclass
class Cond(Expr):
    cond: Expr
    then: Expr
    other: Expr
    pos: Pos = (0, 0)


@dataclass
class Comma(Expr):
    left: Expr
    right: Expr
    pos: Pos = (0, 0)


@dataclass
class Call(Expr):
    func: Expr
    args: list
    pos: Pos = (0, 0)
    builtin: str = ""       # '__syscall' etc. when the callee is a builtin


@dataclass
class Index(Expr):
    base: Expr
    index: Expr
    pos: Pos = (0, 0)


@dataclass
class Member(Expr):
    base: Expr
    name: str
    arrow: bool
    pos: Pos = (0, 0)
    offset: int = 0         # set by the checker
    bits: Any = None        # a bit-field: (width, shift, storage unit type) (the checker)


@dataclass
class Cast(Expr):
    type_name: Any
    operand: Expr
    pos: Pos = (0, 0)


@dataclass
class SizeofExpr(Expr):
    operand: Expr
    pos: Pos = (0, 0)
    align: bool = False     # _Alignof / __alignof__ of an expression (GNU)


@dataclass
class SizeofType(Expr):
    type_name: Any
    pos: Pos = (0, 0)
    align: bool = False     # _Alignof


@dataclass
class CompoundLiteral(Expr):
    type_name: Any
    init: Any
    pos: Pos = (0, 0)
    sym: Any = None         # the unnamed object, created by the checker


@dataclass
class VaArg(Expr):
    ap: Expr
    type_name: Any
    pos: Pos = (0, 0)


@dataclass
class Offsetof(Expr):
    type_name: Any
    path: list              # field names (str) and index expressions
    pos: Pos = (0, 0)


@dataclass
class Convert(Expr):
    """A conversion of `operand` to type `ty` (implicit or from a cast)."""
    operand: Expr
    ty: Any
    pos: Pos = (0, 0)


# ---- declarations

@dataclass
class DeclSpecs(Node):
    storage: list           # 'typedef', 'static', ...
    quals: list             # 'const', 'volatile', ...
    types: list             # keywords (str), TypedefRef, StructSpec, EnumSpec
    funcs: list             # 'inline', ...
    pos: Pos = (0, 0)


@dataclass
class TypedefRef(Node):
    name: str
    pos: Pos = (0, 0)


@dataclass
class StructSpec(Node):
    kind: str               # 'struct' or 'union'
    tag: str | None
    fields: list | None     # list of StructField, or None for a reference
    pos: Pos = (0, 0)


@dataclass
class StructField(Node):
    specs: DeclSpecs
    declarators: list       # (declarator or None, bit width expr or None)
    pos: Pos = (0, 0)


@dataclass
class EnumSpec(Node):
    tag: str | None
    items: list | None      # list of Enumerator, or None for a reference
    pos: Pos = (0, 0)


@dataclass
class Enumerator(Node):
    name: str
    value: Expr | None
    pos: Pos = (0, 0)


@dataclass
class NameDecl(Node):
    name: str
    pos: Pos = (0, 0)


@dataclass
class PtrDecl(Node):
    quals: list
    inner: Any              # declarator or None (abstract)
    pos: Pos = (0, 0)


@dataclass
class ArrayDecl(Node):
    inner: Any
    size: Expr | None
    pos: Pos = (0, 0)


@dataclass
class FuncDecl(Node):
    inner: Any
    params: list            # ParamDecl
    variadic: bool
    pos: Pos = (0, 0)
    old_names: list | None = None   # K&R identifier list (a definition's parameters)


@dataclass
class ParamDecl(Node):
    specs: DeclSpecs
    declarator: Any
    pos: Pos = (0, 0)


@dataclass
class TypeName(Node):
    specs: DeclSpecs
    declarator: Any
    pos: Pos = (0, 0)


@dataclass
class InitList(Node):
    items: list             # (designators, initializer); designator: ('index', Expr) | ('field', str)
    pos: Pos = (0, 0)


@dataclass
class InitDecl(Node):
    declarator: Any
    init: Any               # Expr, InitList or None
    pos: Pos = (0, 0)


@dataclass
class Declaration(Node):
    specs: DeclSpecs
    inits: list             # InitDecl
    pos: Pos = (0, 0)


@dataclass
class StaticAssert(Node):
    cond: Expr
    message: bytes
    pos: Pos = (0, 0)


@dataclass
class FunctionDef(Node):
    specs: DeclSpecs
    declarator: Any
    body: Any
    pos: Pos = (0, 0)
    kr: bool = False        # K&R: an identifier list, its parameters declared after it
    kr_decls: list = field(default_factory=list)   # those Declarations


@dataclass
class TranslationUnit(Node):
    items: list
    pos: Pos = (0, 0)


# ---- statements

@dataclass
class Compound(Node):
    items: list
    pos: Pos = (0, 0)
    end: Pos = (0, 0)


@dataclass
class ExprStmt(Node):
    expr: Expr | None
    pos: Pos = (0, 0)


@dataclass
class If(Node):
    cond: Expr
    then: Any
    other: Any
    pos: Pos = (0, 0)


@dataclass
class While(Node):
    cond: Expr
    body: Any
    pos: Pos = (0, 0)


@dataclass
class DoWhile(Node):
    body: Any
    cond: Expr
    pos: Pos = (0, 0)


@dataclass
class For(Node):
    init: Any               # Declaration, Expr or None
    cond: Expr | None
    step: Expr | None
    body: Any
    pos: Pos = (0, 0)


@dataclass
class Switch(Node):
    expr: Expr
    body: Any
    pos: Pos = (0, 0)
    cases: list = field(default_factory=list)   # (value, Case node), set by the checker
    default: Any = None


@dataclass
class Case(Node):
    expr: Expr
    body: Any
    pos: Pos = (0, 0)
    value: int = 0


@dataclass
class Default(Node):
    body: Any
    pos: Pos = (0, 0)


@dataclass
class Label(Node):
    name: str
    body: Any
    pos: Pos = (0, 0)


@dataclass
class Goto(Node):
    name: str
    pos: Pos = (0, 0)


@dataclass
class Break(Node):
    pos: Pos = (0, 0)


@dataclass
class Continue(Node):
    pos: Pos = (0, 0)


@dataclass
class Return(Node):
    expr: Expr | None
    pos: Pos = (0, 0)


@dataclass
class AsmOperand(Node):
    """One `"constraint"(expr)` of an asm statement."""
    constraint: bytes       # the decoded string, e.g. b"=r"
    expr: Expr
    pos: Pos = (0, 0)       # of the constraint string
    kind: str = ""          # set by the checker: 'r', 'f' or 'i'
    inout: bool = False     # set by the checker: a `+` output, read and written
    tied: int | None = None  # set by the checker: an input in output N's register


@dataclass
class AsmStmt(Node):
    """`asm [volatile] ("text" : outputs : inputs : clobbers);`.  The text is
    kept as its literal tokens, (spelling, (line, col)), so diagnostics can
    point into it; the checker sets `code`, the instructions with %N
    still in them (see compiler/asmstmt.py)."""
    strings: list
    outputs: list           # AsmOperand
    inputs: list            # AsmOperand
    clobbers: list          # (bytes, pos)
    volatile: bool
    pos: Pos = (0, 0)
    code: list = field(default_factory=list)
