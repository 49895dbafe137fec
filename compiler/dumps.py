"""Readable text of each compiler stage, for `pvm run --dump=tokens|ast|types|bc`.

    tokens  one token per line: line:col TYPE 'text'
    ast     the parse tree as an indented outline
    types   every file-scope symbol and each function's locals with their C types
    bc      the unit's functions as assembly-like text (before linking)
"""
from __future__ import annotations

import os
from dataclasses import fields, is_dataclass

from . import ast as A
from . import types as T
from .diagnostics import CompileError, Diagnostics

STAGES = ("tokens", "ast", "types", "bc")


def dump_stage(stage: str, paths: list, include_dirs, defines, warn) -> str:
    from . import driver, parse
    from .codegen import UnitGen
    if stage not in STAGES:
        raise CompileError(f"unknown stage '{stage}' (choose from {', '.join(STAGES)})")
    out = []
    for path in paths:
        source, _ = driver.preprocess_source(path, None, include_dirs, defines)
        if stage == "tokens":
            toks, errors = parse.tokens(source.text)
            for t in toks:
                f, line = source.origin(t.line)
                out.append(f"{f}:{line}:{t.column} {t.type} {t.value!r}")
            for line, col, msg in errors:
                out.append(f"error at {line}:{col}: {msg}")
            continue
        diag = Diagnostics(source, warn)
        if stage == "ast":
            unit, errors = parse.parse(source.text)
            for line, col, msg in errors:
                diag.error((line, col), msg)
            diag.check()
            _outline(unit, 0, out)
            continue
        _, checked = driver.parse_and_check(source, diag)
        if stage == "types":
            for sym in checked.symbols:
                out.append(f"{sym.kind:8} {sym.linkage:8} {T.spell(sym.ty, sym.name)}")
            continue
        obj = UnitGen(checked, source, path).generate(diag)
        diag.check()
        out.append(bytecode_text(obj))
    return "\n".join(out) + "\n"


def bytecode_text(obj) -> str:
    lines = []
    for f in obj.functions:
        lines.append(f"func {f.name}  params={f.nparams} kinds={f.kinds} returns={f.returns or 'void'} "
                     f"frame={f.frame_size}{' variadic' if f.variadic else ''}{' static' if f.static else ''}")
        for i, ins in enumerate(f.code):
            ops = ", ".join(_operand(x) for x in ins[1:])
            lines.append(f"  {i:4}  {ins[0]:8} {ops:32} ; line {f.lines[i]}")
    for d in obj.datas:
        lines.append(f"data {d.name} {d.section} size={d.size} align={d.align}"
                     + (f" bytes={d.data[:32].hex()}" if d.data else "")
                     + (f" relocs={d.relocs}" if d.relocs else ""))
    return "\n".join(lines)


def _operand(x) -> str:
    if hasattr(x, "kind") and hasattr(x, "name"):
        return f"{'&' if x.kind == 'addr' else '@'}{x.name}" + (f"+{x.addend}" if x.addend else "")
    return repr(x) if isinstance(x, float) else str(x)


def _outline(node, depth: int, out: list) -> None:
    pad = "  " * depth
    if isinstance(node, list):
        for x in node:
            _outline(x, depth, out)
        return
    if isinstance(node, tuple):
        out.append(pad + "(" + ", ".join(type(x).__name__ if isinstance(x, A.Node) else repr(x) for x in node) + ")")
        for x in node:
            if isinstance(x, (A.Node, list)):
                _outline(x, depth + 1, out)
        return
    if not is_dataclass(node):
        out.append(pad + repr(node))
        return
    simple, nested = [], []
    for f in fields(node):
        v = getattr(node, f.name)
        if f.name == "pos" or v is None or v == [] or f.name in ("sym", "optype", "end"):
            continue
        if isinstance(v, (A.Node, list, tuple)) and not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
            nested.append((f.name, v))
        else:
            simple.append(f"{f.name}={v!r}")
    line = node.pos[0] if node.pos else 0
    out.append(f"{pad}{type(node).__name__} {' '.join(simple)}  @{line}")
    for name, v in nested:
        out.append(f"{pad}  .{name}:")
        _outline(v, depth + 2, out)


def dump(stage: str, paths, include_dirs=(), defines=None, warn=None) -> str:
    """Text of one compiler stage (tokens|ast|types|bc) for the CLI's --dump."""
    from .driver import guard_internal_errors
    return guard_internal_errors(lambda: dump_stage(stage, [os.fspath(p) for p in paths],
                                                    tuple(include_dirs), defines, warn))
