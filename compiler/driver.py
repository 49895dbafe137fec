"""The compiler driver: the pipeline in one place.

    compile_unit:  preprocess -> tokens -> parse (Lark) -> AST -> check -> codegen -> Object
    compile_program / compile_source:  compile_unit for each file, + the stdlib objects,
                   -> link -> pvm.program.Program (entry `_start`)

The stdlib (stdlib/src/*.c) is compiled once to Objects and cached on disk
(stdlib_cache.py).  Every failure reaches the caller as CompileError with
gcc-style text; an unexpected failure inside the compiler becomes
CompileError("internal compiler error: ...") rather than a traceback.
"""
from __future__ import annotations

import os
import sys
import traceback

from . import obj as objfile
from .diagnostics import CompileError, Diagnostics, Source

__all__ = ["compile_program", "compile_source", "compile_unit", "CompileError", "link_objects",
           "stdlib_objects"]


def preprocess_source(path, text, include_dirs, defines, dependencies=None,
                      trigraphs=False) -> Source:
    """Preprocess one file (`text`, or read from `path`) -> (Source, warnings);
    the files it includes are appended to `dependencies` if given."""
    from compiler.preprocess.preprocessor import PreprocessError, preprocess
    try:
        res = preprocess(path, text=text, include_dirs=include_dirs, defines=defines, trigraphs=trigraphs)
    except PreprocessError as exc:
        raise CompileError(str(exc)) from None
    if dependencies is not None:
        dependencies.extend(getattr(res, "includes", []))
    files = {path: text.split("\n")} if text is not None else None
    return Source(res.text, path, res.line_map, files), list(getattr(res, "warnings", []))


def guard_internal_errors(fn):
    """Run fn(), turning any internal failure into a one-line CompileError."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        return fn()
    except CompileError:
        raise
    except RecursionError:
        raise CompileError("error: program too deeply nested (expressions or statements)") from None
    except Exception as exc:   # noqa: BLE001 - the one place internal errors are caught
        where = traceback.extract_tb(exc.__traceback__)[-1]
        raise CompileError(f"internal compiler error: {type(exc).__name__}: {exc} "
                           f"(at {os.path.basename(where.filename)}:{where.lineno})") from None
    finally:
        sys.setrecursionlimit(limit)


def parse_and_check(source: Source, diag: Diagnostics):
    """The front end: parse and type-check -> (AST, checked unit); errors go
    to `diag`, which raises CompileError after each stage that had any."""
    from . import libfuncs, parse
    from .check import check
    unit, errors = parse.parse(source.text)
    for line, col, msg in errors:
        diag.error((line, col), msg)
    diag.check()
    checked = check(unit, diag, library=libfuncs)
    diag.check()
    return unit, checked


def compile_unit(path: str, text: str | None = None, include_dirs=(), defines=None, warn=None,
                 dependencies=None, name: str | None = None, dialect=None):
    """Compile one translation unit to an Object (in `dialect`, a compiler.dialect.Dialect:
    the -std=, -fpermissive and -trigraphs options)."""
    from .dialect import DEFAULT
    dialect = dialect or DEFAULT

    def run():
        from .codegen import UnitGen
        source, pp_warnings = preprocess_source(path, text, tuple(include_dirs), defines,
                                                dependencies, trigraphs=dialect.trigraphs)
        for w in pp_warnings:
            if warn is not None:
                warn(w)
        diag = Diagnostics(source, warn, permissive=dialect.permissive)
        _, checked = parse_and_check(source, diag)
        obj = UnitGen(checked, source, name or path).generate(diag)
        diag.check()
        return obj
    return guard_internal_errors(run)


def stdlib_objects() -> list:
    """The C library's compiled Objects (cached on disk: stdlib_cache.py)."""
    from .stdlib_cache import stdlib_objects as cached
    return cached(compile_unit)


def link_objects(objects, entry: str = "_start", library=()):
    """Link `objects` and what they need of the `library` (an archive:
    compiler/link.py) into a Program."""
    from .link import link
    return guard_internal_errors(lambda: link(objects, entry, library))


def _stdlib_if(link_stdlib: bool) -> list:
    """The library a program links against: the stdlib, as an archive, so
    the program's own definition of a libc name is the one its calls reach."""
    return stdlib_objects() if link_stdlib else []


def compile_program(paths, include_dirs=(), defines=None, link_stdlib=True, warn=None, dependencies=None,
                    dialect=None):
    """Compile and link C files (and the stdlib) into a Program."""
    objects = []
    for p in paths:
        p = os.fspath(p)
        if p.endswith(".pvo"):
            objects.append(load_object(p))
        else:
            objects.append(compile_unit(p, None, include_dirs, defines, warn, dependencies, dialect=dialect))
    return link_objects(objects, library=_stdlib_if(link_stdlib))


def compile_source(text: str, name: str = "<input>", include_dirs=(), defines=None, link_stdlib=True,
                   warn=None, dialect=None):
    """Compile and link C source text (and the stdlib) into a Program."""
    obj = compile_unit(name, text, include_dirs, defines, warn, dialect=dialect)
    return link_objects([obj], library=_stdlib_if(link_stdlib))


def save_object(obj, path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(objfile.dumps(obj))


def load_object(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            return objfile.loads(f.read())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CompileError(f"{path}: cannot read object file: {exc}") from None
