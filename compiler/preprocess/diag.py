"""Diagnostics of the preprocessor: the error class and clang-style formatting.

A diagnostic is a 4-tuple (filename, line, col, message) so callers can unpack
it; it also carries .severity ('error', 'fatal error', 'warning' or 'note')
and the source line it points into, so `format()` can print

    file.c:3:10: fatal error: 'foo.h' file not found
    #include "foo.h"
             ^~~~~~~
"""
from __future__ import annotations

from pvm.errors import PvmError


class Diagnostic(tuple):
    """(filename, line, col, message) plus .severity, .source_line, .length."""

    def __new__(cls, filename, line, col, message, severity="error",
                source_line=None, length=1):
        d = tuple.__new__(cls, (filename, line, col, message))
        d.severity = severity
        d.source_line = source_line
        d.length = length
        return d

    filename = property(lambda self: self[0])
    line = property(lambda self: self[1])
    col = property(lambda self: self[2])
    message = property(lambda self: self[3])

    def format(self) -> str:
        """The diagnostic as text: a heading, then the source line and a caret."""
        filename, line, col, message = self
        if line > 0:
            head = f"{filename}:{line}:{col}: {self.severity}: {message}"
        else:
            head = f"{filename}: {self.severity}: {message}"
        src = self.source_line
        if src is None or line <= 0 or col <= 0:
            return head
        src = src.rstrip("\n")
        # Keep tabs in the indentation of the caret so it lines up.
        pad = "".join(c if c == "\t" else " " for c in src[:col - 1])
        pad += " " * max(0, col - 1 - len(src))
        width = max(1, min(self.length, len(src) - col + 1))
        return f"{head}\n{src}\n{pad}^{'~' * (width - 1)}"


class PreprocessError(PvmError):
    """Preprocessing failed; .diagnostics lists every error (and its notes)."""

    def __init__(self, diagnostics):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))
