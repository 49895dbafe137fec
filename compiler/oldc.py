"""Old C, as gcc 14 handles it: K&R definitions, implicit int, implicit declarations.

K&R (identifier-list) function definitions are valid C99 and always
accepted.  Their parameters arrive default-promoted (the function has no
prototype), so a parameter declared `char`, `short` or `float` is received as
`int`/`double` under a hidden name and converted into a local of its declared
type, which is what a C89 compiler does.

Implicit int and implicit function declarations were removed by C99; gcc 14
and clang 16 reject them, and so does pvm unless the dialect is permissive
(Diagnostics.permerror).  An implicitly declared function is `int f()`, except
that a function the C library declares gets the library's real prototype, as
gcc's built-in knowledge of the library does (so `abort()` is `void abort(void)`
and `strlen(s)` passes a pointer and returns an unsigned long).
"""
from __future__ import annotations

from . import ast as A
from . import types as T
from .symbols import Symbol


def _promoted(ty: T.CType) -> T.CType:
    """The type an argument of type `ty` has after the default argument promotions."""
    if ty.is_float:
        return T.DOUBLE
    return T.promote(ty) if ty.is_integer else ty


def name_declarator(d):
    """The function declarator nearest the declared name (the one holding the parameters)."""
    found = None
    while d is not None and not isinstance(d, A.NameDecl):
        if isinstance(d, A.FuncDecl):
            found = d
        d = d.inner
    return found


class OldC:
    """Checker methods for old-style C (mixed into check.Checker)."""

    def kr_parameters(self, fd: A.FunctionDef, ret: T.CType):
        """The function type and parameter symbols of a K&R definition, and the
        declarations that convert promoted parameters to their declared types."""
        fdecl = name_declarator(fd.declarator)
        names = fdecl.old_names or []
        declared = {}
        for decl in fd.kr_decls:
            if not isinstance(decl, A.Declaration):
                continue
            base, storage = self.specifiers(decl.specs)
            if storage not in ("", "register"):
                self.diag.error(decl.pos, "invalid storage class specifier in function declarator")
            for idecl in decl.inits:
                name, ty, pos, _ = self.declarator(base, idecl.declarator)
                if name not in names:
                    self.diag.error(pos, f"parameter named '{name}' is missing")
                    continue
                if name in declared:
                    self.diag.error(pos, f"redefinition of parameter '{name}'")
                if idecl.init is not None:
                    self.diag.error(pos, f"C does not allow initializing parameter '{name}'")
                declared[name] = (ty, pos, decl.specs, idecl.declarator)
        params, types, converts = [], [], []
        for name in names:
            if name in declared:
                ty, pos, specs, declarator = declared[name]
            else:
                pos = fdecl.pos
                self.diag.permerror(pos, f"type of '{name}' defaults to 'int'; ISO C99 and later do "
                                    "not support implicit int")
                ty, specs, declarator = T.INT, None, None
            if ty.is_void or (ty.is_struct and not ty.defn.complete):
                self.diag.error(pos, f"parameter '{name}' has incomplete type '{ty}'")
                ty = T.INT
            ty = T.decay(ty) if (ty.is_array or ty.is_func) else ty
            passed = _promoted(ty)
            hidden = name
            if not T.same(passed, ty, quals=False) and specs is not None:
                hidden = f"{name}.promoted"     # no C identifier can spell it
                converts.append(A.Declaration(specs, [A.InitDecl(declarator, A.Ident(hidden, pos), pos)], pos))
            types.append(passed)
            params.append(Symbol(hidden, passed, "var", "param", "none", pos=pos))
        return T.FunctionType(ret, types, False, prototyped=False), params, converts

    def implicit_declaration(self, f: A.Ident):
        """Declare `f`, called with no declaration in scope; None if that is an error."""
        lib = self.library.lookup(f.name) if self.library else None
        if lib is not None:
            header, ty = lib
            ok = self.diag.permerror(f.pos, f"call to undeclared library function '{f.name}' with type "
                                     f"'{ty}'; ISO C99 and later do not support implicit function "
                                     f"declarations; did you mean to #include <{header}>?")
        else:
            ty = T.FunctionType(T.INT, [], False, prototyped=False)
            ok = self.diag.permerror(f.pos, f"call to undeclared function '{f.name}'; ISO C99 and later "
                                     "do not support implicit function declarations")
        if not ok:
            return None
        # gcc remembers an implicit declaration for the rest of the file
        sym = Symbol(f.name, ty, "func", "global", "external", f.name, f.pos)
        self.scopes[0][f.name] = sym
        self.unit.symbols.append(sym)
        return sym

    def library_builtin(self, f: A.Ident) -> None:
        """gcc's `__builtin_abort`, `__builtin_strlen`, ...: the library function of
        that name with its real prototype, declared or not (a gcc extension, no warning)."""
        name = f.name[len("__builtin_"):]
        lib = self.library.lookup(name) if self.library else None
        if lib is None:
            return
        f.name = name
        if self.lookup(name) is None:
            sym = Symbol(name, lib[1], "func", "global", "external", name, f.pos)
            self.scopes[0][name] = sym
            self.unit.symbols.append(sym)
