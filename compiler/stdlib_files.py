"""Where the stdlib's files are, and the names programs record for them.

Bytecode names the stdlib's own sources as `<stdlib>/crt0.c` and
`<stdlib>/include/stdio.h`, so that a program holds nothing about the host
it was built on; the debugger finds them again here.
"""
from __future__ import annotations

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
STDLIB_SRC = ROOT / "stdlib" / "src"
STDLIB_INCLUDE = ROOT / "stdlib" / "include"


def portable_name(path: str) -> str:
    """The name bytecode records for source file `path`: the stdlib's own files
    as `<stdlib>/crt0.c` and `<stdlib>/include/stdio.h`, so that a program
    holds nothing about the host it was built on; other names as given."""
    if not os.path.isabs(path):
        return path
    p = pathlib.Path(path)
    for base, prefix in ((STDLIB_SRC, "<stdlib>"), (STDLIB_INCLUDE, "<stdlib>/include")):
        try:
            return f"{prefix}/{p.relative_to(base).as_posix()}"
        except ValueError:
            continue
    return path


def host_path(name: str) -> str:
    """Where the file a program names (`portable_name`) lives on this host:
    `<stdlib>/crt0.c` in this installation's stdlib; other names as they are."""
    for prefix, base in (("<stdlib>/include/", STDLIB_INCLUDE), ("<stdlib>/", STDLIB_SRC)):
        if name.startswith(prefix):
            return str(base / name[len(prefix):])
    return name
