"""Shared helpers for the compiler tests: compile small sources and run them."""
from __future__ import annotations

import pvm
from compiler import parse
from compiler.check import check
from compiler.codegen import UnitGen
from compiler.diagnostics import CompileError, Diagnostics, Source
from compiler.driver import compile_source

# A minimal entry point (its own unit) for programs linked without the stdlib.
START = "int main(int argc, char **argv);\nvoid _start(int argc, char **argv) { __syscall(1, main(argc, argv)); }\n"


def status_of(src: str) -> int:
    """Exit status of `src` (which defines main), linked without the stdlib."""
    from compiler.driver import compile_unit, link_objects
    program = link_objects([compile_unit("start.c", START), compile_unit("prog.c", src)])
    return pvm.api.run(program).status


def run(src: str, args=()) -> pvm.api.RunResult:
    """Compile with the stdlib and run, capturing output."""
    return pvm.api.run(compile_source(src), list(args))


def errors_of(src: str, name: str = "prog.c") -> str:
    """The diagnostic text compiling `src` produces (fails if it compiles)."""
    try:
        compile_source(src, name=name, link_stdlib=False)
    except CompileError as exc:
        return str(exc)
    raise AssertionError("expected a compile error")


def unit_object(src: str):
    """The Object of one directive-free unit (no preprocessor)."""
    source = Source(src, "t.c")
    diag = Diagnostics(source)
    unit, errs = parse.parse(src)
    assert not errs, errs
    checked = check(unit, diag)
    diag.check()
    obj = UnitGen(checked, source, "t.c").generate(diag)
    diag.check()
    return obj


def ops(src: str, name: str) -> list:
    """Opcode sequence (with operands) of function `name` in `src`."""
    obj = unit_object(src)
    f = next(f for f in obj.functions if f.name == name)
    return [tuple(ins) for ins in f.code]
