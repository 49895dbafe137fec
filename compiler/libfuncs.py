"""What the C library declares: for a name called with no declaration in scope,
the header that declares it and the prototype it has there.

Read from pvm's own headers (stdlib/include), so the table cannot drift from
them: the header names are found by a quick scan, and a header's prototypes by
compiling its declarations, once per process and only when an undeclared
library function is called.
"""
from __future__ import annotations

import functools
import os
import re

from .preprocess.files import SYSTEM_INCLUDE_DIR

# Headers whose functions are gcc built-ins or otherwise well known; the POSIX
# ones (unistd.h, fcntl.h) are left out: gcc does not know them either.
_HEADERS = ("stdlib.h", "string.h", "stdio.h", "math.h", "ctype.h", "strings.h", "time.h")
_DECLARED = re.compile(r"^[A-Za-z_][^#;{}()]*?\b([A-Za-z_]\w*)\s*\([^;{}]*\)\s*;", re.M)


@functools.lru_cache(maxsize=1)
def _header_of() -> dict[str, str]:
    """name -> the standard header declaring a function of that name."""
    found = {}
    for header in _HEADERS:
        try:
            with open(os.path.join(SYSTEM_INCLUDE_DIR, header), encoding="utf-8") as f:
                text = f.read()
        except OSError:
            continue
        for m in _DECLARED.finditer(text):
            found.setdefault(m.group(1), header)
    return found


@functools.lru_cache(maxsize=None)
def _prototypes(header: str) -> dict:
    """name -> FunctionType of each function `header` declares."""
    from .check import check
    from .diagnostics import Diagnostics, Source
    from .parse import parse
    from .preprocess.preprocessor import preprocess
    res = preprocess(f"<{header}>", text=f"#include <{header}>\n")
    unit, errors = parse(res.text)
    if unit is None or errors:
        return {}
    diag = Diagnostics(Source(res.text, header, res.line_map))
    checked = check(unit, diag)
    return {s.name: s.ty for s in checked.symbols if s.kind == "func"}


def header_of(name: str) -> str | None:
    """The standard header that declares function `name`, if any."""
    return _header_of().get(name)


def lookup(name: str):
    """(header, prototype) of library function `name`, or None."""
    header = header_of(name)
    if header is None:
        return None
    ty = _prototypes(header).get(name)
    return (header, ty) if ty is not None else None
