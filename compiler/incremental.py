"""Incremental compilation: one C unit that grows input by input (REPL, debugger).

A `Session` keeps what a translation unit knows at its end and starts the
next input from there: the preprocessor's macros, include guards and
`#pragma once` files, and the checker's file scope (symbols with their
types, struct/union/enum tags, typedef names).  So a declaration made in one
input is in scope in every later one, with its exact type, and a header is
read once.  Each input becomes its own `Object` whose references to earlier
inputs are plain `Ref`s by name; the linker's incremental mode
(compiler/link.py's Linker, applied to the live machine by
pvm/tools/repl/loader.py) resolves them against what is loaded.

An input is, tried in this order:
  * declarations (functions, globals, types, directives): compiled as they
    are.  A global whose initializer is not constant (`int y = x * 2;`) is
    defined zero and assigned by an initializing function (`init`);
  * an expression, when it has no trailing `;` (as in cling): compiled into
    `void __repl_N(void) { __repl_result_N = (EXPR); }` where the result
    variable gets the expression's own type, found by checking it first;
  * statements: compiled into `void __repl_N(void) { STATEMENTS }`.
Redefining a function, variable, typedef, tag or enumerator drops the old
file-scope entry first, so the new one may even change its type; what was
compiled against the old one keeps it.

Nothing is committed until the caller calls `Compiled.commit()` (after the
object loaded), so a failed input leaves the session as it was.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import ast as A
from . import parse as P
from . import types as T
from . import libfuncs
from .check import Checker, Symbol
from .codegen import UnitGen
from .diagnostics import CompileError, Diagnostics, Source
from .driver import guard_internal_errors
from compiler.preprocess.macro import Macro
from compiler.preprocess.predefined import DYNAMIC_MACROS
from compiler.preprocess.preprocessor import HAS_INCLUDE, PreprocessError, Preprocessor

NOT_CONSTANT = "initializer element is not a compile-time constant"


@dataclass
class _PPState:
    macros: dict | None = None
    once: set = field(default_factory=set)
    guards: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    counter: int = 0


class _Preprocessor(Preprocessor):
    """The preprocessor, started from a saved state instead of afresh."""

    def __init__(self, include_dirs, state: _PPState):
        super().__init__(include_dirs)
        self.state = state

    def _predefine(self, defines):
        st = self.state
        if st.macros is None:
            super()._predefine(defines)
        else:
            self.macros.update(st.macros)
            for name in DYNAMIC_MACROS + HAS_INCLUDE:     # bound to this run
                self.macros[name] = Macro(name, None, False, [], builtin=self._dynamic(name))
        self.once |= st.once
        self.guards.update(st.guards)
        self.sources.update(st.sources)
        self.counter = st.counter

    def saved(self) -> _PPState:
        return _PPState(dict(self.macros), set(self.once), dict(self.guards),
                        dict(self.sources), self.counter)


@dataclass
class Compiled:
    """One compiled input; see the module docstring for the kinds."""
    kind: str                       # 'decl', 'expr', 'stmt' or 'empty'
    obj: object = None              # compiler.obj.Object
    entry: str | None = None        # function to run: the wrapper, or decl initializers
    result: str | None = None       # data item receiving an expression's value
    type: T.CType | None = None     # the expression's type (undecayed)
    via_address: bool = False       # result holds the address of an array (or function)
    defined: list = field(default_factory=list)   # names of functions/variables defined
    decl_lines: dict = field(default_factory=dict)  # function name -> line of its declarator
    warnings: list = field(default_factory=list)
    _commit: object = None

    def commit(self) -> None:
        if self._commit is not None:
            self._commit()


class Session:
    def __init__(self, include_dirs=(), defines=None, name: str = "<repl>"):
        self.include_dirs = [os.fspath(d) for d in include_dirs]
        self.defines = dict(defines or {})
        self.name = name
        self.pp = _PPState()
        self.scope: dict = {}           # the checker's file scope: name -> Symbol
        self.tags: dict = {}            # file-scope struct/union/enum tags
        self.static_count = 0           # keeps static-local names unique across inputs
        self.serial = 0                 # numbers wrapper functions and objects

    # ---- what is known ---------------------------------------------------------
    def names(self) -> list[str]:
        """Identifiers in scope (for completion)."""
        return sorted(n for n in self.scope if not n.startswith(("__repl_", ".")))

    def lookup(self, name: str):
        return self.scope.get(name)

    # ---- compiling --------------------------------------------------------------
    def compile(self, text: str, filename: str | None = None, locals_: dict | None = None,
                decls_only: bool = False) -> Compiled:
        """Compile one input (CompileError with gcc-style text on errors).
        `locals_` maps extra names to (CType, link name): a debugger frame's
        variables, visible as if they were globals at those link names."""
        return guard_internal_errors(lambda: self._compile(text, filename, locals_ or {}, decls_only))

    def _compile(self, text, filename, locals_, decls_only) -> Compiled:
        name = filename or self.name
        pp_text, line_map, pp_state, warnings = self._preprocess(name, text)
        files = {name: text.split("\n")}
        self.serial += 1
        n = self.serial
        if not pp_text.strip():
            return Compiled("empty", warnings=warnings, _commit=lambda: self._set_pp(pp_state))
        body = pp_text.rstrip()
        terminated = body.endswith((";", "}"))
        attempts = [("decl", body if terminated else body + ";")]
        if not decls_only:
            if not terminated:
                attempts.append(("expr", body))
            attempts.append(("stmt", body if terminated else body + ";"))
        first_error = None
        for kind, src in attempts:
            unit_text, lmap = self._wrap(kind, src, line_map, name, n)
            unit, errors = P.parse(unit_text)
            if unit is None:
                if first_error is None or (kind == "stmt" and not _looks_like_declaration(body)):
                    first_error = (unit_text, lmap, errors)
                continue
            unit.items = unit.items[1:]          # the typedef-name prefix
            source = Source(unit_text, name, lmap, files)
            build = getattr(self, "_" + kind)
            c = build(unit, source, n, locals_, warnings)
            c.warnings = warnings + c.warnings
            commit_checker = c._commit
            c._commit = lambda commit_checker=commit_checker: (commit_checker(), self._set_pp(pp_state))
            return c
        unit_text, lmap, errors = first_error
        diag = Diagnostics(Source(unit_text, name, lmap, files))
        for line, col, msg in errors:
            diag.errors.append(diag.format("error", (line, col), msg))
        diag.check()
        raise AssertionError("unreachable")

    def _set_pp(self, state) -> None:
        self.pp = state

    def _preprocess(self, name, text):
        pp = _Preprocessor(self.include_dirs, self.pp)
        try:
            res = pp.run(name, text, self.defines)
        except PreprocessError as exc:
            raise CompileError(str(exc)) from None
        except RecursionError:
            raise CompileError(f"{name}: fatal error: nesting too deep to preprocess") from None
        return res.text, res.line_map, pp.saved(), list(res.warnings)

    def _wrap(self, kind, body, line_map, name, n):
        """The text to parse: a line declaring the typedef names in scope
        (for the parser's lexer hack), then the input, maybe in a wrapper."""
        typedefs = [k for k, s in self.scope.items() if s.kind == "typedef"]
        prefix = f"typedef int {', '.join(typedefs)};" if typedefs else "typedef int __repl_t;"
        head = [(name, 0)]
        if kind == "decl":
            return prefix + "\n" + body + "\n", head + line_map + [(name, 0)]
        fname = f"__repl_{n}"
        first = line_map[0] if line_map else (name, 1)
        lmap = head + [first]
        lines = body.count("\n") + 1
        if kind == "expr":          # the parenthesis on a line of its own keeps the columns
            body = f"(\n{body}\n);"
            lmap.append(first)
        text = f"{prefix}\nvoid {fname}(void) {{\n{body}\n}}\n"
        lmap += list(line_map[:lines])
        lmap += [lmap[-1]] * 4
        return text, lmap

    # ---- the checker, seeded with the session's file scope -------------------------
    def _checker(self, diag, locals_=None, warn_to=None) -> Checker:
        c = Checker(diag, libfuncs)
        c.scopes = [dict(self.scope)]
        c.tags = [dict(self.tags)]
        c.static_count = self.static_count
        for lname, (ty, link) in (locals_ or {}).items():
            c.scopes[0][lname] = Symbol(lname, ty, "var", "global", "external", link,
                                        defined=True, is_extern=True)
        return c

    def _generate(self, checker, checked, source, diag, n, locals_):
        diag.check()
        obj = UnitGen(checked, source, f"{self.name}#{n}").generate(diag)
        diag.check()
        scope, tags, count = checker.scopes[0], checker.tags[0], checker.static_count
        for lname in locals_:
            scope.pop(lname, None)

        def commit():
            self.scope, self.tags, self.static_count = scope, tags, count
        return obj, commit

    def _diag(self, source, warnings):
        return Diagnostics(source, warnings.append)

    # ---- the three kinds of input -----------------------------------------------------
    def _decl(self, unit, source, n, locals_, warnings) -> Compiled:
        diag = self._diag(source, warnings)
        c = self._checker(diag, locals_)
        _forget_redefined(unit, c.scopes[0], c.tags[0])
        checked = c.check_unit(unit)
        if any(NOT_CONSTANT in e for e in diag.errors):
            retry = self._decl_with_init(unit, source, n, locals_)
            if retry is not None:
                return retry
        obj, commit = self._generate(c, checked, source, diag, n, locals_)
        defined = [f.sym.name for f in checked.functions] + \
                  [v.name for v in checked.variables if "." not in v.name]
        lines = {f.sym.name: source.origin(f.pos[0])[1] for f in checked.functions}
        return Compiled("decl", obj, defined=defined, decl_lines=lines, _commit=commit)

    def _decl_with_init(self, unit, source, n, locals_):
        """Globals with non-constant initializers: defined zero, then assigned
        in order by a function `__repl_N` the caller runs once."""
        fresh, _ = P.parse(source.text)
        if fresh is None:
            return None
        items = fresh.items[1:]
        assigns = []
        for item in items:
            if not isinstance(item, A.Declaration) or set(item.specs.storage) & {"typedef", "extern"}:
                continue
            for idecl in item.inits:
                if isinstance(idecl.init, A.Expr) and not isinstance(idecl.declarator, A.ArrayDecl) \
                        and not isinstance(idecl.declarator, A.FuncDecl):
                    name = _declared_name(idecl.declarator)
                    assigns.append(A.ExprStmt(A.Assign("=", A.Ident(name, idecl.pos), idecl.init,
                                                       idecl.pos), idecl.pos))
                    idecl.init = None
        if not assigns:
            return None
        skeleton, _ = P.parse(f"void __repl_{n}(void) {{ }}")
        fd = skeleton.items[0]
        fd.body.items = assigns
        fd.pos = assigns[0].pos
        fresh.items = items + [fd]
        warnings: list = []
        diag = self._diag(source, warnings)
        c = self._checker(diag, locals_)
        _forget_redefined(fresh, c.scopes[0], c.tags[0])
        checked = c.check_unit(fresh)
        if diag.errors:
            return None
        obj, commit = self._generate(c, checked, source, diag, n, locals_)
        c.scopes[0].pop(f"__repl_{n}", None)
        defined = [v.name for v in checked.variables if "." not in v.name]
        defined += [f.sym.name for f in checked.functions if f.sym.name != f"__repl_{n}"]
        return Compiled("decl", obj, entry=f"__repl_{n}", defined=defined, warnings=warnings,
                        _commit=commit)

    def _stmt(self, unit, source, n, locals_, warnings) -> Compiled:
        diag = self._diag(source, warnings)
        c = self._checker(diag, locals_)
        checked = c.check_unit(unit)
        obj, commit = self._generate(c, checked, source, diag, n, locals_)
        c.scopes[0].pop(f"__repl_{n}", None)
        return Compiled("stmt", obj, entry=f"__repl_{n}", _commit=commit)

    def _expr(self, unit, source, n, locals_, warnings) -> Compiled:
        # first pass: the expression's type, on a throwaway copy of the scope
        diag = self._diag(source, [])
        probe = self._checker(diag, locals_)
        checked = probe.check_unit(unit)
        diag.check()
        stmt = checked.functions[0].body.items[0]
        e = stmt.expr
        ty = e.operand.ty if isinstance(e, A.Convert) and (e.operand.ty.is_array or e.operand.ty.is_func) \
            else e.ty
        if ty.is_void:
            c = self._stmt(_reparse(source.text), source, n, locals_, warnings)
            c.kind, c.type = "expr", ty
            return c
        # second pass: assign it to a variable of that type
        result = f"__repl_result_{n}"
        via_address = ty.is_array or ty.is_func
        slot_ty = T.pointer(ty.elem if ty.is_array else ty) if via_address else ty.unqualified()
        text = source.text.replace("{\n(\n", f"{{\n{result} = (\n", 1)
        unit2, errors = P.parse(text)
        if unit2 is None:
            raise CompileError("\n".join(m for _, _, m in errors))
        unit2.items = unit2.items[1:]
        source2 = Source(text, source.name, source.line_map, source.sources.files)
        diag = self._diag(source2, warnings)
        c = self._checker(diag, locals_)
        c.scopes[0][result] = Symbol(result, slot_ty, "var", "global", "external", result)
        checked = c.check_unit(unit2)
        obj, commit = self._generate(c, checked, source2, diag, n, locals_)
        c.scopes[0].pop(f"__repl_{n}", None)
        c.scopes[0].pop(result, None)
        return Compiled("expr", obj, entry=f"__repl_{n}", result=result, type=ty,
                        via_address=via_address, _commit=commit)

    # ---- types by name (for a debugger's locals) ---------------------------------------
    def parse_type(self, spelling: str) -> T.CType | None:
        """The CType a spelling such as 'struct point *' or 'int [4]' names
        in this session's scope, or None."""
        typedefs = [k for k, s in self.scope.items() if s.kind == "typedef"]
        prefix = f"typedef int {', '.join(typedefs)};" if typedefs else "typedef int __repl_t;"
        unit, _ = P.parse(f"{prefix}\nvoid __repl_type(void) {{ (void)sizeof({spelling}); }}")
        if unit is None:
            return None
        try:
            e = unit.items[1].body.items[0].expr.operand
            tn = e.type_name
            diag = Diagnostics(Source("", "<type>"))
            ty = self._checker(diag).type_name(tn)
        except (AttributeError, IndexError, CompileError):
            return None
        return None if diag.errors else ty


def _reparse(text: str):
    """A fresh AST of text already parsed once (checking rewrites the tree)."""
    unit, _ = P.parse(text)
    unit.items = unit.items[1:]
    return unit


def _declared_name(d) -> str | None:
    while d is not None and not isinstance(d, A.NameDecl):
        d = getattr(d, "inner", None)
    return d.name if d is not None else None


def _looks_like_declaration(text: str) -> bool:
    words = text.split(None, 1)
    first = words[0].split("(")[0] if words else ""
    return first in {"int", "char", "short", "long", "unsigned", "signed", "float", "double", "void",
                     "struct", "union", "enum", "typedef", "static", "extern", "const", "_Bool",
                     "volatile", "inline"}


def _forget_redefined(unit, scope: dict, tags: dict) -> None:
    """Drop file-scope entries that this input defines anew (see module doc)."""
    def forget_tags(specs):
        for t in specs.types:
            if isinstance(t, A.StructSpec) and t.fields is not None and t.tag:
                tags.pop(t.tag, None)
            if isinstance(t, A.EnumSpec) and t.items is not None:
                if t.tag:
                    tags.pop(t.tag, None)
                for item in t.items:
                    if item.name in scope and scope[item.name].kind == "enum":
                        scope.pop(item.name)

    for item in unit.items:
        if isinstance(item, A.FunctionDef):
            forget_tags(item.specs)
            name = _declared_name(item.declarator)
            old = scope.get(name)
            if old is not None and (old.defined or old.kind != "func"):
                scope.pop(name)
        elif isinstance(item, A.Declaration):
            forget_tags(item.specs)
            storage = set(item.specs.storage)
            for idecl in item.inits:
                name = _declared_name(idecl.declarator)
                old = scope.get(name)
                if old is None:
                    continue
                if "typedef" in storage:
                    scope.pop(name)
                elif "extern" not in storage and not isinstance(idecl.declarator, A.FuncDecl) \
                        and (old.defined or old.kind != "var"):
                    scope.pop(name)
