"""The packages form layers, and imports run one way: down.

Every import in pvm/ and compiler/ is read, function-local ones too, and
checked against the table below (docs/architecture.md draws it); and no two
files may import each other, directly or around a circle.  A change that
needs an upward import belongs in a lower layer, or behind a protocol that
the upper layer hands down (as the run loop hands the interpreter to the
JIT).
"""
from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]

# layer -> the layers it may import (besides itself)
BASE = {"base"}
CONTRACT = BASE | {"contract"}
ALLOWED = {
    "base": set(),
    "contract": BASE,
    "bytecode": CONTRACT,
    "compiler": CONTRACT | {"bytecode"},
    "machine": CONTRACT | {"bytecode"},
    "interp": CONTRACT | {"bytecode", "machine"},
    "jit": CONTRACT | {"bytecode", "machine"},
    "exec": CONTRACT | {"bytecode", "machine", "interp", "jit"},
    "api": CONTRACT | {"bytecode", "machine", "exec", "compiler", "jit"},
    "tools": CONTRACT | {"bytecode", "machine", "exec", "compiler", "jit", "interp", "api"},
    "cli": CONTRACT | {"bytecode", "machine", "exec", "compiler", "jit", "api", "tools"},
}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "compiler":
        return "compiler"
    sub = parts[1] if len(parts) > 1 else "__init__"
    if sub in ("errors", "cache", "sources", "paths"):
        return "base"
    if sub in ("isa", "abi"):
        return "contract"
    if sub in ("bytecode", "machine", "interp", "jit", "exec", "tools"):
        return sub
    if sub in ("api", "__init__"):
        return "api"
    if sub in ("cli", "__main__"):
        return "cli"
    raise AssertionError(f"{module}: which layer is it in? add it to tests/test_layers.py")


def modules() -> dict:
    out = {}
    for top in ("pvm", "compiler"):
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def imports(name: str, path: pathlib.Path, known: dict) -> set:
    """The pvm/compiler modules that module `name` imports anywhere in it."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = package.split(".")
                pkg = pkg[:len(pkg) - (node.level - 1)]
                base = ".".join(pkg + ([node.module] if node.module else []))
            targets = [(base, a.name) for a in node.names]
        else:
            continue
        for module, item in targets:
            if item is not None and f"{module}.{item}" in known:
                found.add(f"{module}.{item}")
            elif module in known:
                found.add(module)
    found.discard(name)
    return found


def graph() -> dict:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def test_every_import_runs_down_the_layers():
    wrong = []
    for name, deps in graph().items():
        mine = layer_of(name)
        for dep in sorted(deps):
            theirs = layer_of(dep)
            if theirs != mine and theirs not in ALLOWED[mine]:
                wrong.append(f"{name} ({mine}) imports {dep} ({theirs})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def cycles(g: dict) -> list:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_between_files():
    found = cycles(graph())
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_the_checker_sees_a_cycle_and_a_wrong_import():
    """The checks can fail: a made-up graph with a circle and an upward edge."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert "machine" not in ALLOWED["jit"] | {"jit"} or "interp" not in ALLOWED["jit"]
    assert layer_of("pvm.interp.tier") not in ALLOWED[layer_of("pvm.jit.tier")]
