"""The preprocessor's output text and its line map.

Every physical line of every file read gets exactly one output line, in
reading order (an included file's lines come right after the #include's
line), so `line_map[i]` says where output line i+1 came from.  Directive lines
and skipped lines are empty; a macro invocation spanning lines is expanded
on its first line and the lines it spanned stay empty.

Within a line, a token read straight from the file is put at its own column
when nothing before it has pushed it right, so compiler diagnostics on lines
without macros (or with macros no longer than their expansion) have the right
columns.  Otherwise tokens are separated by one space where the source had
whitespace, or where they would otherwise lex as a different token (`- -1`).
"""
from __future__ import annotations

from .lex import pastes


class Output:
    """Builds the output lines; emit() takes the tokens in order."""

    def __init__(self):
        self.lines = []          # finished output lines
        self.line_map = []       # (file name, line) per output line, finished or not
        self.cur = []            # pieces of the line being built
        self.cur_len = 0
        self.open = False        # whether a line is being built
        self.fs = None           # the FileState whose lines are being output
        self.line = 0            # its physical line the current output line is for
        self.prev = None         # text of the last token on the current line
        self.aligned = True      # the last token sits at its own source column

    def begin_file(self, fs):
        """Start outputting the lines of a newly entered file."""
        self.fs = fs
        self.line = 0

    def resume(self, fs, line):
        """Go back to a file whose line `line` has already been output."""
        self.fs = fs
        self.line = line

    def advance(self, line):
        """Start output lines up to physical line `line` of the current file."""
        fs = self.fs
        lines, line_map = self.lines, self.line_map
        n = self.line
        while n < line:
            n += 1
            if self.open:
                lines.append("".join(self.cur))
            self.open = True
            self.cur = []
            line_map.append(fs.presumed(n))
        if n != self.line:
            self.line = n
            self.cur_len = 0
            self.prev = None
            self.aligned = True

    def emit(self, t):
        """Append one token, at its line (see the module docstring)."""
        line = t.line
        if line > self.line:
            self.advance(line)
        text = t.text
        n = self.cur_len
        c = t.col - 1 if line == self.line else -1
        if n == c and self.aligned and t.origin is None:
            pass                                  # right after its source neighbour
        elif n < c:
            self.cur.append(self._pad(line, n, c))
            n = c
            self.aligned = t.origin is None
        else:
            if n and (t.ws or pastes(self.prev, text)):
                self.cur.append(" ")
                n += 1
            self.aligned = False
        self.cur.append(text)
        self.cur_len = n + len(text)
        self.prev = text

    def _pad(self, line, n, c):
        """Blanks from column n to c: the source's own blanks (tabs kept) if it had them."""
        src = self.fs.source_line(line)
        if src is not None:
            seg = src[n:c]
            if len(seg) == c - n and not seg.strip(" \t"):
                return seg
        return " " * (c - n)

    def text(self):
        """The output: one '\\n'-terminated line per line_map entry."""
        if self.open:
            self.lines.append("".join(self.cur))
            self.open = False
            self.cur = []
        return "".join(line + "\n" for line in self.lines)
