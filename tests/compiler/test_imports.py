"""The compiler stands below the VM: of pvm it uses only the instruction set,
the bytecode, the cache utilities, the error types and source lines (so
nothing of pvm that runs programs can import the compiler back in a cycle)."""
from __future__ import annotations

import ast
import pathlib

COMPILER = pathlib.Path(__file__).resolve().parents[2] / "compiler"
ALLOWED = ("pvm.isa", "pvm.bytecode", "pvm.cache", "pvm.errors", "pvm.sources")


def pvm_modules_imported(path: pathlib.Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.split(".")[0] == "pvm")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] == "pvm":
            # `from pvm import isa` imports the module pvm.isa
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def allowed(name: str) -> bool:
    return any(name == a or name.startswith(a + ".") for a in ALLOWED)


def test_the_compiler_imports_only_the_lower_layers_of_pvm():
    found = {f"{path.relative_to(COMPILER.parent)}: {name}"
             for path in sorted(COMPILER.rglob("*.py"))
             for name in pvm_modules_imported(path) if not allowed(name)}
    assert not found, sorted(found)
