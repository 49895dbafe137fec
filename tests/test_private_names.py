"""No module of pvm/ or compiler/ reaches into another's private names.

A name with one leading underscore is its module's own business: free to
be renamed or removed without looking elsewhere.  So a module may not
import one from another pvm/compiler module (`from .dis import _x`) nor
read one through a module it imported (`verify._x`).  What another module
needs gets a public name.  Tests are not checked: they may poke at
internals on purpose.
"""
from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGES = ("pvm", "compiler")



def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def absolute(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of `from <level dots><target> import ...` in `module`."""
    if level == 0:
        return target or ""
    base = module.split(".")
    base = base[:len(base) - level + (1 if is_package else 0)]
    return ".".join(base + ([target] if target else []))


def ours(name: str) -> bool:
    return name.split(".")[0] in PACKAGES


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def violations(path: pathlib.Path, me: str | None = None) -> list[tuple[str, int, str]]:
    """(file, line, "module.name") for each private name of another of our
    modules that `path` (the module named `me`) imports or reads."""
    me = me or module_name(path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    found = []
    modules: dict[str, str] = {}         # local name -> our module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if ours(alias.name):
                    if alias.asname:
                        modules[alias.asname] = alias.name
                    else:
                        modules[alias.name.split(".")[0]] = alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            source = absolute(me, is_package, node.level, node.module)
            if not ours(source) or source == me:
                continue
            for alias in node.names:
                full = f"{source}.{alias.name}"
                if is_module(full):
                    modules[alias.asname or alias.name] = full
                elif private(alias.name):
                    found.append((rel, node.lineno, full))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and private(node.attr):
            owner = dotted(node.value, modules)
            if owner is not None and owner != me and is_module(owner):
                found.append((rel, node.lineno, f"{owner}.{node.attr}"))
    return found


def dotted(node: ast.expr, modules: dict[str, str]) -> str | None:
    """The module an expression such as `verify` or `pvm.bytecode.verify` names."""
    if isinstance(node, ast.Name):
        return modules.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = dotted(node.value, modules)
        return f"{owner}.{node.attr}" if owner is not None else None
    return None


def all_violations() -> list[tuple[str, int, str]]:
    return [v for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
            for v in violations(path)]


def test_no_module_uses_another_modules_private_names():
    found = [f"{file}:{line}: {name}" for file, line, name in all_violations()]
    assert not found, "give these names public names:\n" + "\n".join(found)


def test_the_checker_sees_both_forms(tmp_path):
    """An import of a private name and a read through an imported module."""
    path = tmp_path / "probe.py"
    path.write_text("from pvm.bytecode.dis import _x\nfrom pvm.bytecode import verify\n"
                    "from ..bytecode.bcfile import _y\nimport pvm.bytecode.asm as a\n"
                    "verify._y\na._z\nverify.ok\nself._w\n")
    names = [name for _, _, name in violations(path, "pvm.tools.probe")]
    assert names == ["pvm.bytecode.dis._x", "pvm.bytecode.bcfile._y",
                     "pvm.bytecode.verify._y", "pvm.bytecode.asm._z"]
