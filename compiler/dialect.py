"""Which C the compiler accepts: the options gcc spells -std=, -fpermissive, -trigraphs.

The default is C99 as gcc 14 and clang 16 enforce it: implicit function
declarations, implicit int and K&R (identifier-list) function definitions
are errors.  `permissive` turns those errors into warnings and accepts the
old C they belong to, as gcc's -fpermissive does; -std=c89/gnu89 imply it,
since that old C was valid C89.  `trigraphs` replaces ??= and the other
trigraphs before anything else (gcc: only with -trigraphs or a strict -std=).
"""
from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import CompileError

# -std= value -> (C89 rules, strict ISO mode: trigraphs on)
_STANDARDS = {
    "c89": (True, True), "c90": (True, True), "iso9899:1990": (True, True), "ansi": (True, True),
    "gnu89": (True, False), "gnu90": (True, False),
    "c99": (False, True), "iso9899:1999": (False, True), "gnu99": (False, False),
    "c11": (False, True), "gnu11": (False, False), "c17": (False, True), "gnu17": (False, False),
    "c18": (False, True), "gnu18": (False, False),
}


@dataclass(frozen=True)
class Dialect:
    permissive: bool = False
    trigraphs: bool = False
    std: str = "gnu99"

    @classmethod
    def from_options(cls, std: str | None = None, permissive: bool = False,
                     trigraphs: bool = False) -> "Dialect":
        """The dialect of the command-line options -std=STD, -fpermissive, -trigraphs."""
        if std is None:
            return cls(permissive, trigraphs)
        if std not in _STANDARDS:
            raise CompileError(f"error: invalid value '{std}' in '-std={std}' (pvm accepts "
                               + ", ".join(_STANDARDS) + ")")
        c89, strict = _STANDARDS[std]
        return cls(permissive or c89, trigraphs or strict, std)


DEFAULT = Dialect()
