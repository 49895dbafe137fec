"""Parsing: preprocessed text -> ast.TranslationUnit, with Lark's LALR parser.

The grammar is the data file c.lark.  The LALR tables are built once and
cached on disk (Lark's `cache=`), so start-up only unpickles them.  Tokens
come from lexer.tokenize (a custom Lark lexer that just hands them over);
`Builder` turns each reduction straight into an AST node while parsing
(Lark's inline transformer), with every token kept so that nodes can carry
the position of their keyword or operator.

parse() returns (unit or None, errors as (line, col, message)); it never
raises for bad input.  After a syntax error, syntax_errors.py parses again
with recovery to report the further errors too.
"""
from __future__ import annotations

import hashlib
import os
import pathlib
import sys

import lark
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from pvm import cache

from . import ast as A
from . import lexer, literals, syntax_errors

GRAMMAR = pathlib.Path(__file__).with_name("c.lark")
_VALUE_TOKENS = frozenset(("IDENTIFIER", "TYPE_NAME", "INTEGER", "FLOATING", "CHARACTER", "STRING"))


def _pos(tok) -> A.Pos:
    return (tok.line, tok.column)


def _nodes(children) -> list:
    """The children that carry meaning: everything but punctuation and keywords."""
    return [c for c in children if not isinstance(c, Token) or c.type in _VALUE_TOKENS]


def _first_pos(children) -> A.Pos:
    for c in children:
        if isinstance(c, Token):
            return _pos(c)
        p = getattr(c, "pos", None)
        if p and p != (0, 0):
            return p
    return (0, 0)


class _PtrMark:
    def __init__(self, quals, pos):
        self.quals, self.pos = quals, pos


def _wrap_pointers(marks, inner):
    for mark in reversed(marks):
        inner = A.PtrDecl(mark.quals, inner, mark.pos)
    return inner


class Builder(Transformer):
    """Reductions of c.lark -> AST nodes (one method per rule or alias)."""

    def __init__(self):
        super().__init__()
        self.errors: list = []

    def _literal_error(self, tok, exc):
        self.errors.append((tok.line, tok.column, str(exc)))

    # ---- top level
    def start(self, c):
        return A.TranslationUnit([x for x in c if x is not None])

    def empty_declaration(self, c):
        return None

    def function_definition(self, c):
        specs, decl, body = c
        return A.FunctionDef(specs, decl, body, _decl_pos(decl))

    def kr_function_definition(self, c):
        return A.FunctionDef(c[0], c[1], c[-1], _decl_pos(c[1]), kr=True, kr_decls=c[2:-1])

    def implicit_int_function_definition(self, c):
        pos = _decl_pos(c[0])
        return A.FunctionDef(A.DeclSpecs([], [], [], [], pos), c[0], c[-1], pos,
                             kr=len(c) > 2, kr_decls=c[1:-1])

    implicit_int_kr_function_definition = implicit_int_function_definition

    def declaration(self, c):
        if isinstance(c[0], A.StaticAssert):
            return c[0]
        inits = c[1] if len(c) == 3 else []
        return A.Declaration(c[0], inits, c[0].pos)

    def static_assert(self, c):
        return A.StaticAssert(c[2], _string_token(self, c[4]), _pos(c[0]))

    def declaration_specifiers(self, c):
        specs = A.DeclSpecs([], [], [], [], (0, 0))
        for item in c:
            if specs.pos == (0, 0):
                specs.pos = item[2] if isinstance(item, tuple) else item.pos
            if isinstance(item, tuple):
                kind, word, _ = item
                {"storage": specs.storage, "qual": specs.quals, "func": specs.funcs,
                 "type": specs.types}[kind].append(word)
            else:
                specs.types.append(item)
        return specs

    specifier_qualifier_list = declaration_specifiers

    def storage_class_specifier(self, c):
        return ("storage", c[0].value, _pos(c[0]))

    def function_specifier(self, c):
        return ("func", c[0].value, _pos(c[0]))

    def type_qualifier(self, c):
        return ("qual", c[0].value.strip("_"), _pos(c[0]))

    def builtin_type(self, c):
        word = c[0].value
        return ("type", "signed" if word == "__signed__" else word, _pos(c[0]))

    def typedef_name(self, c):
        return A.TypedefRef(c[0].value, _pos(c[0]))

    def init_declarator_list(self, c):
        return _nodes(c)

    def init_declarator(self, c):
        return A.InitDecl(c[0], c[2] if len(c) == 3 else None, _decl_pos(c[0]))

    # ---- struct, union, enum
    def struct_or_union(self, c):
        return c[0]

    def struct_or_union_specifier(self, c):
        kw = c[0]
        tag = c[1].value if isinstance(c[1], Token) and c[1].type != "LBRACE" else None
        fields = [x for x in c if isinstance(x, (A.StructField, A.StaticAssert))]
        return A.StructSpec(kw.value, tag, [f for f in fields if isinstance(f, A.StructField)], _pos(kw))

    def struct_reference(self, c):
        return A.StructSpec(c[0].value, c[1].value, None, _pos(c[1]))

    def struct_declaration(self, c):
        if isinstance(c[0], A.StaticAssert):
            return c[0]
        decls = c[1] if len(c) == 3 else []
        return A.StructField(c[0], decls, c[0].pos)

    def struct_declarator_list(self, c):
        return _nodes(c)

    def struct_declarator(self, c):
        return (c[0], None)

    def bit_field(self, c):
        n = _nodes(c)
        return (n[0], n[1]) if len(n) == 2 else (None, n[0])

    def enum_specifier(self, c):
        tag = c[1].value if c[1].type != "LBRACE" else None
        items = [x for x in c if isinstance(x, A.Enumerator)]
        return A.EnumSpec(tag, items, _pos(c[0]))

    def enum_reference(self, c):
        return A.EnumSpec(c[1].value, None, _pos(c[1]))

    def enumerator(self, c):
        return A.Enumerator(c[0].value, c[2] if len(c) == 3 else None, _pos(c[0]))

    # ---- declarators
    def declarator(self, c):
        return _wrap_pointers(c[:-1], c[-1])

    def pointer(self, c):
        return _PtrMark([q[1] for q in c[1:]], _pos(c[0]))

    def name_declarator(self, c):
        return A.NameDecl(c[0].value, _pos(c[0]))

    def direct_declarator(self, c):
        return c[1]

    def array_declarator(self, c):
        size = c[2] if len(c) == 4 else None
        return A.ArrayDecl(c[0], size, _pos(c[1]))

    def array_size(self, c):
        exprs = [x for x in c if isinstance(x, A.Expr)]
        return exprs[0] if exprs else None

    def function_declarator(self, c):
        params, variadic = c[2]
        return A.FuncDecl(c[0], params, variadic, _pos(c[1]))

    def old_function_declarator(self, c):
        # `f()` declares f without a prototype (any arguments, promoted)
        names = c[2] if len(c) == 4 else []
        return A.FuncDecl(c[0], [], False, _pos(c[1]), old_names=names)

    def identifier_list(self, c):
        return [t.value for t in _nodes(c)]

    def parameter_type_list(self, c):
        variadic = bool(c) and c[-1] == "..."
        return [x for x in c if isinstance(x, A.ParamDecl)], variadic

    def ellipsis(self, c):
        return "..."

    def parameter_declaration(self, c):
        decl = c[1] if len(c) == 2 else None
        return A.ParamDecl(c[0], decl, _decl_pos(decl) if decl else c[0].pos)

    def type_name(self, c):
        return A.TypeName(c[0], c[1] if len(c) == 2 else None, c[0].pos)

    def abstract_declarator(self, c):
        if isinstance(c[-1], _PtrMark):
            return _wrap_pointers(c, None)
        return _wrap_pointers(c[:-1], c[-1])

    def direct_abstract_declarator(self, c):
        return c[1]

    def abstract_array(self, c):
        inner = c[0] if not isinstance(c[0], Token) else None
        size = next((x for x in c if isinstance(x, A.Expr)), None)
        return A.ArrayDecl(inner, size, _first_pos(c))

    def abstract_function(self, c):
        inner = c[0] if not isinstance(c[0], Token) else None
        ptl = next((x for x in c if isinstance(x, tuple)), ([], False))
        return A.FuncDecl(inner, ptl[0], ptl[1], _first_pos(c), old_names=None if isinstance(c[-2], tuple) else [])

    # ---- initializers
    def brace_initializer(self, c):
        items = next((x for x in c if isinstance(x, list)), [])
        return A.InitList(items, _pos(c[0]))

    def initializer_list(self, c):
        if len(c) == 1:
            return [c[0]]
        return c[0] + [c[2]]

    def designated_initializer(self, c):
        if len(c) == 1:
            return ([], c[0])
        return (c[:-2], c[-1])

    def index_designator(self, c):
        return ("index", c[1])

    def field_designator(self, c):
        return ("field", c[1].value)

    # ---- statements
    def label(self, c):
        return A.Label(c[0].value, c[2], _pos(c[0]))

    def case(self, c):
        return A.Case(c[1], c[3], _pos(c[0]))

    def default(self, c):
        return A.Default(c[2], _pos(c[0]))

    def compound_statement(self, c):
        return A.Compound([x for x in c[1:-1] if x is not None], _pos(c[0]), _pos(c[-1]))

    def expression_statement(self, c):
        return A.ExprStmt(c[0] if len(c) == 2 else None, _first_pos(c))

    def if_statement(self, c):
        return A.If(c[2], c[4], c[6] if len(c) == 7 else None, _pos(c[0]))

    def switch_statement(self, c):
        return A.Switch(c[2], c[4], _pos(c[0]))

    def while_statement(self, c):
        return A.While(c[2], c[4], _pos(c[0]))

    def do_statement(self, c):
        return A.DoWhile(c[1], c[4], _pos(c[0]))

    def for_statement(self, c):
        cond, step = c[3]
        return A.For(c[2], cond, step, c[5], _pos(c[0]))

    def for_init(self, c):
        return c[0] if not isinstance(c[0], Token) else None

    def for_cond(self, c):
        semi = next(i for i, x in enumerate(c) if isinstance(x, Token) and x.type == "SEMICOLON")
        return (c[0] if semi == 1 else None, c[semi + 1] if len(c) > semi + 1 else None)

    def jump_statement(self, c):
        word, pos = c[0].value, _pos(c[0])
        if word == "goto":
            return A.Goto(c[1].value, pos)
        if word == "break":
            return A.Break(pos)
        if word == "continue":
            return A.Continue(pos)
        return A.Return(c[1] if len(c) == 3 else None, pos)

    def asm_statement(self, c):
        strings = [(t.value, _pos(t)) for t in c if isinstance(t, Token) and t.type == "STRING"]
        parts = next((x for x in c if isinstance(x, tuple)), ([], [], []))
        volatile = any(x == "volatile" for x in c if isinstance(x, str) and not isinstance(x, Token))
        return A.AsmStmt(strings, *parts, volatile, _pos(c[0]))

    def asm_qualifier(self, c):
        return "volatile"

    def asm_parts(self, c):
        parts, current = [[], [], []], -1
        for x in c:
            if isinstance(x, Token) and x.type == "COLON":
                current += 1
            elif isinstance(x, list):
                parts[current] = x
        return tuple(parts)

    def asm_operands(self, c):
        return [x for x in c if isinstance(x, A.AsmOperand)]

    def asm_operand(self, c):
        strings = [t for t in c if isinstance(t, Token) and t.type == "STRING"]
        expr = next(x for x in c if isinstance(x, A.Expr))
        return A.AsmOperand(b"".join(_string_token(self, t) for t in strings), expr, _pos(strings[0]))

    def asm_clobbers(self, c):
        return [x for x in c if isinstance(x, tuple)]

    def asm_clobber(self, c):
        return (b"".join(_string_token(self, t) for t in c), _pos(c[0]))

    # ---- expressions
    def comma(self, c):
        return A.Comma(c[0], c[2], _pos(c[1]))

    def assignment(self, c):
        return A.Assign(c[1].value, c[0], c[2], _pos(c[1]))

    def assignment_operator(self, c):
        return c[0]

    def conditional(self, c):
        return A.Cond(c[0], c[2], c[4], _pos(c[1]))

    def binary(self, c):
        return A.Binary(c[1].value, c[0], c[2], _pos(c[1]))

    def cast(self, c):
        return A.Cast(c[1], c[3], _pos(c[0]))

    def pre_incdec(self, c):
        return A.IncDec(c[0].value, True, c[1], _pos(c[0]))

    def unary(self, c):
        return A.Unary(c[0].value, c[1], _pos(c[0]))

    def sizeof_expr(self, c):
        return A.SizeofExpr(c[1], _pos(c[0]))

    def sizeof_type(self, c):
        return A.SizeofType(c[2], _pos(c[0]))

    def alignof_expr(self, c):            # a GNU extension: _Alignof of an expression
        return A.SizeofExpr(c[1], _pos(c[0]), align=True)

    def alignof_type(self, c):
        return A.SizeofType(c[2], _pos(c[0]), align=True)

    def index(self, c):
        return A.Index(c[0], c[2], _pos(c[1]))

    def call(self, c):
        args = c[2] if len(c) == 4 else []
        return A.Call(c[0], args, _pos(c[1]))

    def argument_list(self, c):
        return _nodes(c)

    def member(self, c):
        return A.Member(c[0], c[2].value, c[1].value == "->", _pos(c[2]))

    def post_incdec(self, c):
        return A.IncDec(c[1].value, False, c[0], _pos(c[1]))

    def compound_literal(self, c):
        items = c[4] if isinstance(c[4], list) else []      # `(T){}`: all zero (C23, GNU)
        return A.CompoundLiteral(c[1], A.InitList(items, _pos(c[3])), _pos(c[0]))

    def primary_expression(self, c):
        return c[1]

    def identifier(self, c):
        return A.Ident(c[0].value, _pos(c[0]))

    def integer(self, c):
        tok = c[0]
        try:
            value, type_name = literals.integer(tok.value)
        except ValueError as exc:
            self._literal_error(tok, exc)
            value, type_name = 0, "int"
        return A.IntConst(value, type_name, _pos(tok))

    def floating(self, c):
        tok = c[0]
        try:
            value, type_name = literals.floating(tok.value)
        except ValueError as exc:
            self._literal_error(tok, exc)
            value, type_name = 0.0, "double"
        return A.FloatConst(value, type_name, _pos(tok))

    def character(self, c):
        tok = c[0]
        try:
            value = literals.character(tok.value)
        except ValueError as exc:
            self._literal_error(tok, exc)
            value = 0
        return A.IntConst(value, "int", _pos(tok))

    def string(self, c):
        return A.StringLit(b"".join(_string_token(self, t) for t in c), _pos(c[0]))

    def va_arg(self, c):
        return A.VaArg(c[2], c[4], _pos(c[0]))

    def offsetof(self, c):
        return A.Offsetof(c[2], c[4], _pos(c[0]))

    def offsetof_member(self, c):
        path = []
        for x in c:
            if isinstance(x, Token):
                if x.type in ("IDENTIFIER", "TYPE_NAME"):
                    path.append(x.value)
            else:
                path.append(x)
        return path


def _string_token(builder, tok) -> bytes:
    try:
        return literals.string(tok.value)
    except ValueError as exc:
        builder._literal_error(tok, exc)
        return b""


def _decl_pos(decl) -> A.Pos:
    """Position of the name a declarator declares (or of the declarator)."""
    while decl is not None and not isinstance(decl, A.NameDecl):
        if getattr(decl, "inner", None) is None:
            return decl.pos
        decl = decl.inner
    return decl.pos if decl is not None else (0, 0)


class _TokenFeed(Lexer):
    """A Lark lexer that yields tokens produced beforehand by lexer.tokenize."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, data):
        return iter(data)


_parser: Lark | None = None
_builder = Builder()
_terminals: dict[str, str] = {}


def _cache_path() -> str:
    """Where Lark keeps the parser tables ("" when caching is off).  The name
    carries a digest of the grammar and of the Lark and Python versions, so
    an existing file is always current: Lark only ever reads it."""
    base = cache.cache_dir()
    if base is None:                 # PVM_CACHE=off
        return ""
    spec = f"{GRAMMAR.read_text()}|{lark.__version__}|{sys.version_info[:2]}"
    return os.path.join(base, f"c-grammar-{hashlib.sha256(spec.encode()).hexdigest()[:16]}.lark-cache")


def _build(cache_file: str) -> Lark:
    return Lark(GRAMMAR.read_text(), parser="lalr", lexer=_TokenFeed, keep_all_tokens=True,
                maybe_placeholders=False, transformer=_builder, cache=cache_file or False)


def _build_and_cache(path: str) -> Lark:
    """Build the parser and publish its tables at `path` atomically: Lark
    writes its cache file in place, and a concurrent run would read half of
    it, so Lark writes a private file whose bytes atomic_write publishes."""
    private = f"{path}.{os.getpid()}.new"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError:
        return _build("")
    built = _build(private)
    try:
        with open(private, "rb") as f:
            cache.atomic_write(path, f.read())
    except OSError:
        pass                         # a read-only cache only costs speed
    try:
        os.remove(private)
    except OSError:
        pass
    return built


def parser() -> Lark:
    global _parser
    if _parser is None:
        path = _cache_path()
        _parser = _build(path) if not path or os.path.exists(path) else _build_and_cache(path)
        for term in _parser.terminals:
            _terminals[term.pattern.value] = term.name
    return _parser


def terminal_names() -> dict[str, str]:
    parser()
    return _terminals


def tokens(text: str):
    return lexer.tokenize(text, terminal_names())


def parse(text: str):
    """Parse preprocessed text: (TranslationUnit or None, [(line, col, message)])."""
    toks, errors = tokens(text)
    if errors:
        return None, errors
    p = parser()
    builder = _builder
    builder.errors = []
    try:
        unit = p.parse(toks)
    except UnexpectedToken:
        return None, syntax_errors.collect(p, toks, _terminals)
    except (UnexpectedEOF, UnexpectedCharacters, UnexpectedInput) as exc:
        line = getattr(exc, "line", 1) or 1
        return None, [(line, getattr(exc, "column", 1) or 1, "unexpected end of input")]
    if builder.errors:
        return None, builder.errors
    return unit, []
