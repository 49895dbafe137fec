"""Compiler diagnostics: collecting them, and printing them like gcc/clang.

A `Source` knows the preprocessed text of one unit and where each of its
lines came from (file, line); `Diagnostics` collects errors and warnings
against positions in that text and formats each as

    prog.c:12:5: error: use of undeclared identifier 'x'
       12 |     x = 1;
          |     ^

The quoted line is the original source line when the file can be read and
the preprocessed line has the same text (so the caret column is right), and
the preprocessed line otherwise.
"""
from __future__ import annotations

import os

from pvm.errors import EXIT_COMPILE, PvmError
from pvm.sources import SourceLines


class CompileError(PvmError):
    """Compilation failed; str() is the full diagnostic text."""
    status = EXIT_COMPILE


class Source:
    def __init__(self, text: str, name: str, line_map: list | None = None, files: dict | None = None):
        self.text = text
        self.name = name
        self.lines = text.split("\n")
        self.line_map = line_map or [(name, i + 1) for i in range(len(self.lines))]
        self.sources = SourceLines(files)   # the original sources' lines, by file name

    def origin(self, line: int) -> tuple[str, int]:
        """(file, line) a line of the preprocessed text came from."""
        if 1 <= line <= len(self.line_map):
            return self.line_map[line - 1]
        if self.line_map:
            f, l = self.line_map[-1]
            return f, l + (line - len(self.line_map))
        return self.name, line

    def original_line(self, filename: str, line: int) -> str | None:
        lines = self.sources.lines(filename)
        return lines[line - 1] if 1 <= line <= len(lines) else None

    def quote(self, line: int, col: int) -> tuple[str, int] | None:
        """The source text to quote for (line, col), and the caret column."""
        pre = self.lines[line - 1] if 1 <= line <= len(self.lines) else None
        filename, orig = self.origin(line)
        text = self.original_line(filename, orig) if os.path.basename(filename) != "<input>" else None
        if text is not None and pre is not None and text.strip() != pre.strip():
            text = None
        if text is None:
            text = pre
        if text is None:
            return None
        return text.replace("\t", " "), col


class Diagnostics:
    def __init__(self, source: Source, warn=None, permissive: bool = False):
        self.source = source
        self.permissive = permissive
        self.errors: list[str] = []
        self.warn = warn
        self.max_errors = 20

    def format(self, kind: str, pos, message: str) -> str:
        line, col = pos if pos else (0, 0)
        filename, orig = self.source.origin(line) if line else (self.source.name, 0)
        if not line:
            return f"{filename}: {kind}: {message}"
        head = f"{filename}:{orig}:{col}: {kind}: {message}"
        quoted = self.source.quote(line, col)
        if not quoted:
            return head
        text, c = quoted
        gutter = f"{orig:5d} | "
        caret = " " * (len(gutter) - 2) + "| " + " " * max(c - 1, 0) + "^"
        return f"{head}\n{gutter}{text}\n{caret}"

    def error(self, pos, message: str) -> None:
        self.errors.append(self.format("error", pos, message))
        if len(self.errors) >= self.max_errors:
            self.errors.append(f"{self.source.name}: fatal error: too many errors emitted, stopping now")
            raise CompileError("\n".join(self.errors))

    def warning(self, pos, message: str) -> None:
        if self.warn is not None:
            self.warn(self.format("warning", pos, message))

    def permerror(self, pos, message: str) -> bool:
        """A diagnostic gcc makes an error that -fpermissive downgrades (gcc's
        "permerror"): a warning when permissive, else an error that names the
        flag.  Returns whether compilation may go on as old C would."""
        if self.permissive:
            self.warning(pos, message)
            return True
        self.error(pos, message + " [-fpermissive accepts it]")
        return False

    def check(self) -> None:
        """Raise CompileError if any error has been reported."""
        if self.errors:
            raise CompileError("\n".join(self.errors))
