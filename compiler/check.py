"""Semantic analysis: scopes, declarations, statements -> a checked `Unit`.

The checker walks the AST once, in order.  It resolves every identifier to
a `Symbol`, builds types from declarations (types.py), checks statements
(break/continue/case placement, labels, returns) and expressions
(check_expr.py), and records for codegen:
  - `Unit.functions`: each defined function with its parameter symbols;
  - `Unit.variables`: every object with static storage this unit defines
    (globals, static locals, file-scope compound literals), with initializer.
A symbol's `addr_taken` says whether a local may live in a register.
Errors go to `Diagnostics`; checking continues with the next declaration
or statement.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import ast as A
from . import flow
from . import types as T
from .check_expr import ExprChecker
from .check_stmt import StmtChecker
from .diagnostics import Diagnostics
from .initializers import InitChecker
from .oldc import OldC, name_declarator
from .symbols import Symbol


@dataclass(eq=False)
class FuncInfo:
    sym: Symbol
    params: list
    body: A.Compound
    pos: tuple
    end: tuple


@dataclass
class Unit:
    functions: list = field(default_factory=list)
    variables: list = field(default_factory=list)   # Symbols with static storage defined here
    symbols: list = field(default_factory=list)     # every file-scope symbol, in order
    strings: dict = field(default_factory=dict)     # bytes -> Symbol of the string literal object

    def string_symbol(self, data: bytes) -> Symbol:
        """The (shared, read-only) object holding string literal `data`."""
        sym = self.strings.get(data)
        if sym is None:
            name = f".str.{len(self.strings)}"
            sym = Symbol(name, T.ArrayType(T.CHAR, len(data) + 1), "var", "static", "internal", name,
                         defined=True, rodata=True)
            sym.init = data + b"\0"
            self.strings[data] = sym
        return sym


class Checker(ExprChecker, StmtChecker, InitChecker, OldC):
    def __init__(self, diag: Diagnostics, library=None):
        self.diag = diag
        # what the C library declares (compiler/libfuncs.py), for calls of
        # undeclared library functions; None: nothing is known
        self.library = library
        self.scopes: list[dict] = [{}]
        self.tags: list[dict] = [{}]
        self.unit = Unit()
        self.func_type: T.FunctionType | None = None
        self.func_name = ""
        self.labels: dict = {}
        self.gotos: list = []
        self.loops = 0
        self.switches: list = []
        self.static_count = 0
        self.block_externs: dict = {}   # name -> Symbol of an `extern` declared only in a block
        self.defining = None            # the FuncDecl of the function definition being declared

    # ---- scopes
    def lookup(self, name: str):
        for scope in reversed(self.scopes):
            sym = scope.get(name)
            if sym is not None:
                return sym
        return None

    def push(self):
        self.scopes.append({})
        self.tags.append({})

    def pop(self):
        self.scopes.pop()
        self.tags.pop()

    @property
    def at_file_scope(self) -> bool:
        return len(self.scopes) == 1

    # ---- entry point
    def check_unit(self, unit: A.TranslationUnit) -> Unit:
        for item in unit.items:
            if isinstance(item, A.FunctionDef):
                self.function_definition(item)
            elif isinstance(item, A.StaticAssert):
                self.static_assert(item)
            else:
                self.declaration(item)
        for sym in self.scopes[0].values():
            if sym.kind == "var" and not sym.defined and not sym.is_extern:
                sym.defined = True
                self.unit.variables.append(sym)
        return self.unit

    def static_assert(self, item: A.StaticAssert) -> None:
        if not self.const_int(item.cond, "static assertion expression"):
            self.diag.error(item.pos, "static assertion failed: " + item.message.decode("utf-8", "replace"))

    # ---- declaration specifiers and declarators
    def specifiers(self, specs: A.DeclSpecs) -> tuple[T.CType, str]:
        """Base type and storage class ('' if none) of declaration specifiers."""
        storage = ""
        for s in specs.storage:
            if storage:
                self.diag.error(specs.pos, f"cannot combine with previous '{storage}' declaration specifier")
            storage = s
        words = [t for t in specs.types if isinstance(t, str)]
        others = [t for t in specs.types if not isinstance(t, str)]
        ty: T.CType
        if others:
            if words or len(others) > 1:
                self.diag.error(specs.pos, "cannot combine with previous type specifier")
            ty = self.other_specifier(others[0])
        elif words:
            ty = T.from_specifiers(words)
            if ty is None:
                self.diag.error(specs.pos, f"invalid combination of type specifiers '{' '.join(words)}'")
                ty = T.INT
            elif ty.is_float and "long" in words:
                self.diag.error(specs.pos, "'long double' is not supported; pvm's floating types are "
                                "float and double")
        else:
            self.diag.permerror(specs.pos, "type specifier missing, defaults to 'int'; ISO C99 and later "
                                "do not support implicit int")
            ty = T.INT
        return ty.qualified("const" in specs.quals, "volatile" in specs.quals), storage

    def other_specifier(self, spec) -> T.CType:
        if isinstance(spec, A.TypedefRef):
            sym = self.lookup(spec.name)
            if sym is None or sym.kind != "typedef":
                self.diag.error(spec.pos, f"unknown type name '{spec.name}'")
                return T.INT
            return sym.ty
        if isinstance(spec, A.StructSpec):
            return self.struct_specifier(spec)
        return self.enum_specifier(spec)

    def find_tag(self, tag: str, innermost_only: bool = False):
        scopes = self.tags[-1:] if innermost_only else reversed(self.tags)
        for scope in scopes:
            if tag in scope:
                return scope[tag]
        return None

    def struct_specifier(self, spec: A.StructSpec, forward: bool = False) -> T.CType:
        """The type a struct/union specifier names; `forward`: it is a whole
        declaration (`struct s;`), which declares the tag in this scope."""
        is_union = spec.kind == "union"
        if spec.fields is None:
            found = self.find_tag(spec.tag, innermost_only=forward)
            if found is not None:
                if not isinstance(found, T.StructType) or found.defn.is_union != is_union:
                    self.diag.error(spec.pos, f"use of '{spec.tag}' with tag type that does not match "
                                    "previous declaration")
                    return T.INT
                return found
            st = T.StructType(T.StructDef(spec.tag, is_union))
            self.tags[-1][spec.tag] = st
            return st
        st = self.find_tag(spec.tag, innermost_only=True) if spec.tag else None
        if st is not None and (not isinstance(st, T.StructType) or st.defn.is_union != is_union):
            self.diag.error(spec.pos, f"use of '{spec.tag}' with tag type that does not match "
                            "previous declaration")
            st = None
        elif st is not None and st.defn.complete:
            self.diag.error(spec.pos, f"redefinition of '{spec.kind} {spec.tag}'")
            st = None
        if st is None:
            st = T.StructType(T.StructDef(spec.tag, is_union))
            if spec.tag:
                self.tags[-1][spec.tag] = st
        members, seen = [], set()
        for fdecl in spec.fields:
            base, storage = self.specifiers(fdecl.specs)
            if storage:
                self.diag.error(fdecl.pos, f"type name does not allow storage class to be specified")
            if not fdecl.declarators:
                if base.is_struct:
                    members.append((None, base))
                continue
            for declarator, width in fdecl.declarators:
                name, ty, pos, _ = self.declarator(base, declarator)
                if width is not None:
                    member = self.bit_field(name, ty, width)
                    if member is not None:
                        if name is not None:
                            if name in seen:
                                self.diag.error(pos, f"duplicate member '{name}'")
                            seen.add(name)
                        members.append(member)
                    continue
                if ty.is_func:
                    self.diag.error(pos, f"field '{name}' declared as a function")
                    continue
                if (ty.is_struct and not ty.defn.complete) or (ty.is_array and ty.length is None
                                                                and declarator is not fdecl.declarators[-1][0]):
                    self.diag.error(pos, f"field has incomplete type '{ty}'")
                    continue
                if name in seen:
                    self.diag.error(pos, f"duplicate member '{name}'")
                seen.add(name)
                members.append((name, ty))
        st.defn.layout(members)
        return st

    def bit_field(self, name, ty: T.CType, width_expr) -> tuple | None:
        """(name, type, width) of a bit-field member, or None after an error."""
        shown = f"'{name}'" if name else "anonymous bit-field"
        if not ty.is_integer:
            self.diag.error(width_expr.pos, f"bit-field {shown} has non-integral type '{ty}'")
            return None
        width = self.const_int(width_expr, "bit-field width")
        limit = 1 if ty.is_bool else ty.size * 8
        if width < 0:
            self.diag.error(width_expr.pos, f"bit-field {shown} has negative width ({width})")
            return None
        if width == 0 and name is not None:
            self.diag.error(width_expr.pos, f"named bit-field '{name}' has zero width")
            return None
        if width > limit:
            self.diag.error(width_expr.pos, f"width of bit-field {shown} ({width} bits) exceeds "
                            f"the width of its type ({limit} bit{'s' if limit > 1 else ''})")
            return None
        if isinstance(ty, T.EnumInt):
            # gcc: an enum without negative constants is unsigned underneath
            ty = T.UINT.qualified(ty.const, ty.volatile)
        return name, ty, width

    def enum_specifier(self, spec: A.EnumSpec) -> T.CType:
        if spec.items is None:
            found = self.find_tag(spec.tag) if spec.tag else None
            return found if found is not None and found.is_integer else T.INT
        if spec.tag:
            self.tags[-1][spec.tag] = T.INT
        value, negative = 0, False
        for item in spec.items:
            if item.value is not None:
                value = self.const_int(item.value, "enumerator value")
            negative = negative or value < 0
            self.define(Symbol(item.name, T.INT, "enum", "global", "none", value=value, pos=item.pos,
                               defined=True), item.pos)
            value += 1
        ty = T.INT if negative else T.ENUM_NONNEGATIVE
        if spec.tag:
            self.tags[-1][spec.tag] = ty
        return ty

    def declarator(self, base: T.CType, d) -> tuple[str | None, T.CType, tuple, list | None]:
        """(name, type, position, parameter symbols of the function declarator nearest the name)."""
        ty, params, pos = base, None, (0, 0)
        while d is not None:
            if isinstance(d, A.NameDecl):
                return d.name, ty, d.pos, params
            pos = d.pos
            if isinstance(d, A.PtrDecl):
                ty = T.PointerType(ty).qualified("const" in d.quals, "volatile" in d.quals)
            elif isinstance(d, A.ArrayDecl):
                ty = self.array_of(ty, d)
            elif isinstance(d, A.FuncDecl):
                ty, params = self.function_of(ty, d)
            d = d.inner
        return None, ty, pos, params

    def array_of(self, elem: T.CType, d: A.ArrayDecl) -> T.CType:
        if elem.is_func:
            self.diag.error(d.pos, "'type' declared as array of functions")
            elem = T.INT
        elif elem.is_void or (elem.is_struct and not elem.defn.complete):
            self.diag.error(d.pos, f"array has incomplete element type '{elem}'")
            elem = T.INT
        if d.size is None:
            return T.ArrayType(elem, None)
        x = self.rvalue(d.size)
        if not isinstance(x, A.IntConst):
            self.diag.error(d.size.pos, "variable length arrays are not supported")
            return T.ArrayType(elem, 1)
        if x.value < 0:
            self.diag.error(d.size.pos, "array has negative size")
            return T.ArrayType(elem, 1)
        return T.ArrayType(elem, x.value)

    def function_of(self, ret: T.CType, d: A.FuncDecl):
        if ret.is_func or ret.is_array:
            self.diag.error(d.pos, f"function cannot return {'function' if ret.is_func else 'array'} type '{ret}'")
            ret = T.INT
        if d.old_names and d is not self.defining:
            # C99 6.7.5.3p3: only a definition may name parameters without types
            self.diag.permerror(d.pos, "parameter names (without types) in function declaration")
        if d.old_names is not None:
            # a K&R definition's identifier list: its types come from the
            # declarations after it (OldC.kr_parameters)
            return T.FunctionType(ret, [], False, prototyped=False), [None] * len(d.old_names)
        params, types, names = [], [], set()
        for i, p in enumerate(d.params):
            base, storage = self.specifiers(p.specs)
            name, ty, pos, _ = self.declarator(base, p.declarator)
            if name is not None and name in names:
                self.diag.error(pos, f"redefinition of parameter '{name}'")
            names.add(name)
            if ty.is_void and name is None and len(d.params) == 1 and not ty.const:
                break
            if ty.is_void:
                self.diag.error(p.pos, "parameter has incomplete type 'void'")
                ty = T.INT
            ty = T.decay(ty) if (ty.is_array or ty.is_func) else ty
            if storage not in ("", "register"):
                self.diag.error(p.pos, f"invalid storage class specifier in function declarator")
            types.append(ty)
            params.append(Symbol(name or "", ty, "var", "register" if storage == "register" else "param",
                                 "none", pos=pos if name else p.pos))
        return T.FunctionType(ret, types, d.variadic), params

    def type_name(self, tn: A.TypeName) -> T.CType:
        base, _ = self.specifiers(tn.specs)
        _, ty, _, _ = self.declarator(base, tn.declarator)
        return ty

    # ---- declarations
    def define(self, sym: Symbol, pos) -> Symbol:
        """Enter `sym` in the current scope, merging with a compatible earlier declaration."""
        scope = self.scopes[-1]
        old = scope.get(sym.name)
        if old is None:
            scope[sym.name] = sym
            if self.at_file_scope:
                self.unit.symbols.append(sym)
                self.check_block_extern(sym, pos)
            return sym
        if not self.at_file_scope and not (_has_linkage(old) and _has_linkage(sym)) and not (
                sym.kind == old.kind == "typedef"):
            if old.kind != sym.kind:
                self.diag.error(pos, f"redefinition of '{sym.name}' as different kind of symbol")
            elif sym.is_extern:
                self.diag.error(pos, f"extern declaration of '{sym.name}' follows non-extern declaration")
            elif _has_linkage(old):
                self.diag.error(pos, f"non-extern declaration of '{sym.name}' follows extern declaration")
            else:
                self.diag.error(pos, f"redefinition of '{sym.name}'")
            return old
        if old.kind != sym.kind or (sym.kind in ("enum",)) or (
                sym.kind == "var" and not old.is_static_storage):
            if sym.kind == "typedef" and old.kind == "typedef" and T.same(old.ty, sym.ty):
                return old
            what = "redefinition" if old.kind == sym.kind else "redefinition as different kind of symbol"
            self.diag.error(pos, f"{what} of '{sym.name}'")
            return old
        if sym.kind == "typedef" and T.same(old.ty, sym.ty):
            return old
        if sym.kind == "typedef" or not T.same(old.ty, sym.ty, quals=False):
            if sym.kind == "typedef":
                self.diag.error(pos, f"typedef redefinition with different types ('{sym.ty}' vs '{old.ty}')")
            elif (old.ty.is_array and sym.ty.is_array and T.same(old.ty.elem, sym.ty.elem)
                  and None in (old.ty.length, sym.ty.length)):
                if old.ty.length is None:
                    old.ty = sym.ty
            elif old.ty.is_func and sym.ty.is_func and T.same(old.ty, sym.ty):
                if sym.ty.prototyped:
                    old.ty = sym.ty
            elif sym.kind == "var":
                self.diag.error(pos, f"redefinition of '{sym.name}' with a different type: "
                                f"'{sym.ty}' vs '{old.ty}'")
            else:
                self.diag.error(pos, f"conflicting types for '{sym.name}'")
            return old
        if sym.ty.is_func and sym.ty.prototyped:
            old.ty = sym.ty
        if sym.linkage == "internal" and old.linkage == "external" and not old.is_extern:
            self.diag.error(pos, f"static declaration of '{sym.name}' follows non-static declaration")
        if (sym.kind == "var" and sym.linkage == "external" and not sym.is_extern
                and old.linkage == "internal"):
            self.diag.error(pos, f"non-static declaration of '{sym.name}' follows static declaration")
        if not sym.is_extern:
            old.is_extern = False
        return old

    def check_block_extern(self, sym: Symbol, pos) -> None:
        """A file-scope declaration of a name an earlier block declared `extern`
        must agree with it (C99 6.2.2: they are the same object)."""
        prior = self.block_externs.get(sym.name)
        if prior is None:
            return
        if sym.linkage == "internal":
            self.diag.error(pos, f"static declaration of '{sym.name}' follows non-static declaration")
        elif prior.kind != sym.kind:
            self.diag.error(pos, f"redefinition of '{sym.name}' as different kind of symbol")
        elif not _same_object_type(prior.ty, sym.ty):
            self.diag.error(pos, f"redefinition of '{sym.name}' with a different type: "
                            f"'{sym.ty}' vs '{prior.ty}'")

    def declaration(self, decl: A.Declaration, in_for: bool = False) -> list:
        """Check a declaration; returns [(symbol, initializer)] for local objects that need initializing."""
        specs = decl.specs
        if (not decl.inits and len(specs.types) == 1 and isinstance(specs.types[0], A.StructSpec)
                and specs.types[0].fields is None and not specs.storage):
            self.struct_specifier(specs.types[0], forward=True)
            return []
        base, storage = self.specifiers(specs)
        out = []
        if not decl.inits:
            if not (base.is_struct or any(isinstance(t, A.EnumSpec) for t in decl.specs.types)):
                self.diag.warning(decl.pos, "declaration does not declare anything")
            return out
        for idecl in decl.inits:
            name, ty, pos, params = self.declarator(base, idecl.declarator)
            pos = idecl.pos
            if storage == "typedef":
                if idecl.init is not None:
                    self.diag.error(pos, "illegal initializer (only variables can be initialized)")
                self.define(Symbol(name, ty, "typedef", linkage="none", pos=pos, defined=True), pos)
                continue
            if ty.is_func:
                if in_for:
                    self.diag.error(pos, "non-variable declaration in 'for' loop")
                if idecl.init is not None:
                    self.diag.error(pos, f"illegal initializer (only variables can be initialized)")
                if storage not in ("", "extern", "static") or (storage == "static" and not self.at_file_scope):
                    self.diag.error(pos, f"invalid storage class for function '{name}'")
                sym = self.declare_function(name, ty, storage, pos)
                sym.noreturn = sym.noreturn or "_Noreturn" in decl.specs.funcs
                continue
            if ty.is_void:
                self.diag.error(pos, f"variable has incomplete type 'void'")
                continue
            if self.at_file_scope or storage in ("static", "extern"):
                sym = self.static_object(name, ty, storage, idecl, pos)
            else:
                sym = Symbol(name, ty, "var", "register" if storage == "register" else "local", "none",
                             pos=pos, defined=True)
                sym = self.define(sym, pos)
                init = None
                if idecl.init is not None:
                    init = self.initializer(sym, idecl.init)
                if sym.ty.is_array and sym.ty.length is None:
                    self.diag.error(pos, f"definition of variable with array type needs an explicit size "
                                    "or an initializer")
                elif sym.ty.is_struct and not sym.ty.defn.complete:
                    self.diag.error(pos, f"variable has incomplete type '{sym.ty}'")
                out.append((sym, init))
        return out

    def declare_function(self, name: str, ty: T.FunctionType, storage: str, pos) -> Symbol:
        linkage = "internal" if storage == "static" else "external"
        if not self.at_file_scope:
            outer = self.scopes[0].get(name)
            if outer is not None and outer.kind == "func":
                current = self.scopes[-1].get(name)
                if current is not None and current is not outer:
                    self.diag.error(pos, f"redefinition of '{name}' as different kind of symbol")
                    return outer
                if not T.same(outer.ty, ty, quals=False):
                    self.diag.error(pos, f"conflicting types for '{name}'")
                self.scopes[-1][name] = outer
                return outer
            if outer is not None:
                self.diag.error(pos, f"redefinition of '{name}' as different kind of symbol")
            sym = self.define(Symbol(name, ty, "func", "global", linkage, name, pos), pos)
            self.scopes[0].setdefault(name, sym)
            return sym
        return self.define(Symbol(name, ty, "func", "global", linkage, name, pos), pos)

    def static_object(self, name, ty, storage, idecl: A.InitDecl, pos) -> Symbol:
        if self.at_file_scope:
            linkage = "internal" if storage == "static" else "external"
            sym = Symbol(name, ty, "var", "global", linkage, name, pos, is_extern=storage == "extern")
        elif storage == "extern":
            sym = Symbol(name, ty, "var", "global", "external", name, pos, is_extern=True)
            outer = self.scopes[0].get(name) or self.block_externs.get(name)
            current = self.scopes[-1].get(name)
            if outer is not None and (current is None or current is outer):
                if outer.kind != "var":
                    self.diag.error(pos, f"redefinition of '{name}' as different kind of symbol")
                elif not _same_object_type(outer.ty, ty):
                    self.diag.error(pos, f"redeclaration of '{name}' with a different type: "
                                    f"'{ty}' vs '{outer.ty}'")
                self.scopes[-1][name] = outer
                return outer
            self.block_externs.setdefault(name, sym)
        else:
            self.static_count += 1
            sym = Symbol(name, ty, "var", "static", "internal", f"{self.func_name}.{name}.{self.static_count}",
                         pos)
        sym = self.define(sym, pos)
        if idecl.init is not None:
            if storage == "extern" and not self.at_file_scope:
                self.diag.error(pos, "'extern' variable cannot have an initializer")
                return sym
            if sym.defined and sym.init is not None:
                self.diag.error(pos, f"redefinition of '{name}'")
                return sym
            sym.init = self.initializer(sym, idecl.init, static=True)
            sym.is_extern = False
        if not sym.is_extern or idecl.init is not None:
            if not sym.defined and (idecl.init is not None or sym.storage == "static"):
                sym.defined = True
                self.unit.variables.append(sym)
        if sym.ty.is_struct and not sym.ty.defn.complete and not sym.is_extern:
            self.diag.error(pos, f"variable has incomplete type '{sym.ty}'")
        return sym

    def compound_literal_object(self, ty: T.CType, e: A.CompoundLiteral) -> Symbol:
        self.static_count += 1
        if self.at_file_scope:
            sym = Symbol(f".compound.{self.static_count}", ty, "var", "static", "internal",
                         f".compound.{self.static_count}", e.pos, defined=True)
            sym.init = self.initializer(sym, e.init, static=True)
            self.unit.variables.append(sym)
        else:
            sym = Symbol(f".compound.{self.static_count}", ty, "var", "local", "none", pos=e.pos,
                         defined=True, addr_taken=True)
            sym.init = self.initializer(sym, e.init)
        return sym

    # ---- function definitions and statements
    def function_definition(self, fd: A.FunctionDef) -> None:
        base, storage = self.specifiers(fd.specs)
        self.defining = name_declarator(fd.declarator)
        name, ty, pos, params = self.declarator(base, fd.declarator)
        self.defining = None
        if not ty.is_func or name is None:
            self.diag.error(pos, "expected a function declarator")
            return
        if storage not in ("", "static", "extern"):
            self.diag.error(pos, f"invalid storage class for function '{name}'")
        converts = []
        if not ty.prototyped and (fd.kr or params):
            ty, params, converts = self.kr_parameters(fd, ty.ret)
        sym = self.declare_function(name, ty, storage, pos)
        sym.noreturn = sym.noreturn or "_Noreturn" in fd.specs.funcs
        if sym.defined:
            self.diag.error(pos, f"redefinition of '{name}'")
        sym.defined = True
        if ty.ret.is_struct and not ty.ret.defn.complete:
            self.diag.error(pos, f"incomplete result type '{ty.ret}' in function definition")
        self.func_type, self.func_name = ty, name
        self.labels, self.gotos = {}, []
        self.push()
        for p in params or []:
            if not p.name:
                self.diag.error(p.pos, "parameter name omitted")
                continue
            self.define(p, p.pos)
        fd.body.items[:0] = converts
        self.block_items(fd.body.items)
        self.pop()
        for g in self.gotos:
            if g.name not in self.labels:
                self.diag.error(g.pos, f"use of undeclared label '{g.name}'")
        if not ty.ret.is_void and name != "main" and not sym.noreturn:
            warning = flow.missing_return(fd.body)
            if warning:
                self.diag.warning(fd.body.end, warning)
        self.unit.functions.append(FuncInfo(sym, params or [], fd.body, pos, fd.body.end))
        self.func_type = None


def _has_linkage(sym: Symbol) -> bool:
    """Functions and file-scope or extern objects (not static locals, which
    the checker gives internal link names but which have no linkage in C)."""
    return sym.kind == "func" or (sym.kind == "var" and sym.storage == "global")


def _same_object_type(a: T.CType, b: T.CType) -> bool:
    if a.is_array and b.is_array and None in (a.length, b.length):
        return T.same(a.elem, b.elem, quals=False)
    return T.same(a, b, quals=False)


def check(unit: A.TranslationUnit, diag: Diagnostics, library=None) -> Unit:
    return Checker(diag, library).check_unit(unit)
