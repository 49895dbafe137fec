"""What a test program declares about itself, and how to run it under gcc.

Every `.c` file under core/, lang/ and traps/ is a test.  A program may start
with `// key: value` lines (see `directives`):

    // args: a b c              command-line arguments (split on spaces)
    // stdin: text\\n            standard input (Python escapes allowed)
    // fuel: N                  run with an instruction budget
    // feature: lang            needs the whole language (also implied by lang/)
    // expect-status: 139       traps/ only: the exit status pvm must give
    // expect-stderr: LINE      traps/ only: a line stderr must contain exactly
    // expect-stderr-contains: TEXT   traps/ only: text stderr must contain

(A module of its own, not conftest, so that test files can import it without
clashing with the other test folders' conftest modules.)
"""
from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
GCC = ["gcc", "-std=c99", "-w", "-O0"]


def directives(path: Path) -> dict[str, list[str]]:
    """The `// key: value` lines at the top of a program, each key's values in order."""
    found: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if not line.startswith("// ") or ":" not in line:
            break
        key, _, value = line[3:].partition(":")
        found.setdefault(key.strip(), []).append(value.strip())
    return found


def run_options(d: dict[str, list[str]]) -> dict:
    """Keyword arguments for pvm.run_file from a program's directives."""
    kw = {}
    if "args" in d:
        kw["args"] = d["args"][0].split()
    if "stdin" in d:
        kw["stdin"] = d["stdin"][0].encode().decode("unicode_escape").encode("latin-1")
    if "fuel" in d:
        kw["fuel"] = int(d["fuel"][0])
    return kw


def gcc_run(path: Path, exe: Path) -> tuple[int, bytes]:
    """Compile `path` with gcc to `exe`, run it as its directives say, and
    return (exit status, stdout); a signal N counts as status 128+N."""
    c = subprocess.run([*GCC, str(path), "-o", str(exe), "-lm"], capture_output=True, text=True)
    assert c.returncode == 0, f"gcc rejects {path.name}:\n{c.stderr}"
    kw = run_options(directives(path))
    r = subprocess.run([str(exe), *kw.get("args", [])], input=kw.get("stdin", b""),
                       capture_output=True, timeout=30, cwd=path.parent)
    return (r.returncode if r.returncode >= 0 else 128 - r.returncode), r.stdout
