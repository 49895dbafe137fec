"""The small Python API: compile C, load bytecode, run it, capture output.

    import pvm
    r = pvm.run_source('int main(void) { return 42; }')
    r.status, r.stdout, r.stderr          # 42, b'', b''

The CLI, the tests and the REPL all go through `execute`, so a program
behaves the same however it is started.
"""
from __future__ import annotations

import hashlib
import io
import os

from . import cache
from pvm.bytecode.program import DEFAULT_STACK, Program, Record
from pvm.errors import PvmError
from pvm.exec.session import run_reporting, start


def _tiers() -> tuple:
    """The tiers this installation can run: the JIT's own answer
    (pvm.jit.available: llvmlite present, x86-64 Linux), not a guess."""
    from pvm.jit import available
    return ("interp",) if available(load=False) else ("interp", "jit")


def __getattr__(name: str):
    # TIERS on first use: `pvm run` imports this module and does not need it
    if name == "TIERS":
        global TIERS
        TIERS = _tiers()
        return TIERS
    raise AttributeError(f"module 'pvm.api' has no attribute {name!r}")


FEATURES = frozenset({"core", "lang"})


class RunResult(Record):
    __slots__ = ("status", "stdout", "stderr")
    status: int
    stdout: bytes
    stderr: bytes

    def __init__(self, status: int, stdout: bytes, stderr: bytes):
        self.status, self.stdout, self.stderr = status, stdout, stderr


def compile_source(text: str, name: str = "<input>", include_dirs=(), defines=None,
                   dialect=None) -> Program:
    """Compile C source text to a linked, verified Program (CompileError on
    errors); `dialect`: compiler.dialect.Dialect (-std=, -fpermissive, -trigraphs)."""
    from compiler.driver import compile_source as cs
    return cs(text, name=name, include_dirs=tuple(include_dirs), defines=defines, dialect=dialect)


def compile_file(path: str, include_dirs=(), defines=None, use_cache: bool = True,
                 dialect=None) -> Program:
    """Compile a .c file, reusing the on-disk cache when nothing changed."""
    if use_cache:
        from compiler.build_cache import compile_cached
        return compile_cached(path, tuple(include_dirs), dict(defines or {}), dialect)
    from compiler.driver import compile_program
    return compile_program([path], include_dirs=tuple(include_dirs), defines=defines,
                           dialect=dialect)


def load(path: str) -> Program:
    """Read and verify a bytecode file (LoadError if anything is wrong)."""
    from pvm.bytecode.verify import load as load_bytes
    with open(path, "rb") as f:
        data = f.read(1 << 30)
    program = load_bytes(data, path)
    program.digest = hashlib.sha256(data).hexdigest()
    return program


def digest(program: Program) -> str:
    if not program.digest:
        from pvm.bytecode.bcfile import encode
        program.digest = hashlib.sha256(encode(program)).hexdigest()
    return program.digest


def program_for(path: str, include_dirs=(), defines=None, dialect=None) -> Program:
    """A .c file is compiled; anything else is read as bytecode."""
    if path.endswith((".c", ".h")):
        return compile_file(path, include_dirs, defines, dialect=dialect)
    return load(path)


def execute(program: Program, argv: list, *, stdin=None, stdout=None, stderr=None,
            tier: str = "interp", fuel: int | None = None, memory: int | None = None,
            stack: int = DEFAULT_STACK, root: str | None = None, environ: dict | None = None,
            **machine_options) -> int:
    """Run `program` with `argv` on a fresh machine; report a trap on stderr
    as one line; return the exit status.  The program may use the files
    below `root` (default: the current directory) and sees `environ`
    (default: this process's environment)."""
    from pvm.machine.hostos import HostOS
    host = HostOS(stdin=stdin, stdout=stdout, stderr=stderr, root=root, environ=environ)
    try:
        runner = start(program, argv, host=host, tier=tier, fuel=fuel, memory=memory,
                       stack=stack, program_key=digest(program), **machine_options)
        return run_reporting(runner)
    finally:
        host.close_all()


def run(program: Program, args=(), stdin: bytes = b"", name: str = "prog", **kw) -> RunResult:
    """Run a Program with captured standard streams."""
    out, err = io.BytesIO(), io.BytesIO()
    status = execute(program, [name, *args], stdin=io.BytesIO(stdin), stdout=out, stderr=err, **kw)
    return RunResult(status, out.getvalue(), err.getvalue())


def run_source(text: str, args=(), stdin: bytes = b"", name: str = "<input>", **kw) -> RunResult:
    """Compile and run C source; a compile error becomes status 1 with the
    diagnostics on stderr, as on the command line."""
    try:
        program = compile_source(text, name=name)
    except PvmError as e:
        return RunResult(e.status, b"", (str(e) + "\n").encode())
    return run(program, args, stdin, name=name, **kw)


def run_file(path: str, args=(), stdin: bytes = b"", include_dirs=(), defines=None, **kw) -> RunResult:
    """Compile (or load) and run a .c or .pvm file with captured streams."""
    try:
        program = program_for(path, include_dirs, defines)
    except PvmError as e:
        return RunResult(e.status, b"", (str(e) + "\n").encode())
    return run(program, args, stdin, name=os.path.basename(path), **kw)
