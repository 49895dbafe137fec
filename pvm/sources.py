"""Source text for reports: the debugger and the tracer show source lines."""
from __future__ import annotations


class SourceLines:
    """Lines of source files, read once each; a missing file has no lines.
    `files` may give some texts up front (the compiler passes the sources
    it was handed, which need not exist on disk)."""

    def __init__(self, files: dict | None = None):
        self.files: dict[str, list[str]] = dict(files or {})

    def lines(self, path: str) -> list[str]:
        lines = self.files.get(path)
        if lines is None:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    lines = f.read().split("\n")
            except OSError:
                lines = []
            self.files[path] = lines
        return lines

    def line(self, path: str, number: int) -> str:
        lines = self.lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else ""
