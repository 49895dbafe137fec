"""Source files for the preprocessor: reading, #include search, per-file state.

A SourceFile is read and lexed once per preprocess() call however often it
is included.  A FileState is one inclusion of it being read: the position in
its tokens, its #if stack, and its #line mapping from physical lines to the
presumed (file name, line) that diagnostics and the line map report.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right

from .lex import lex

# <repo>/stdlib/include: the system header directory (searched last).
SYSTEM_INCLUDE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "stdlib", "include")

MAX_INCLUDE_DEPTH = 200

# States of one #if group on the conditional stack.
ACTIVE = 0   # this group's lines are being read
DONE = 1     # an earlier group of this #if was read: skip to #endif
SEEK = 2     # no group taken yet: an #elif or #else may still be
DEAD = 3     # the enclosing group is skipped: skip everything


_TRIGRAPHS = {"=": "#", "(": "[", "/": "\\", ")": "]", "'": "^", "<": "{", "!": "|", ">": "}", "-": "~"}
_TRIGRAPH = re.compile(r"\?\?([=(/)'<!>-])")


def replace_trigraphs(text: str) -> str:
    """Translation phase 1's trigraphs (??= is #, ??/ is a backslash, ...): only
    with -trigraphs or a strict -std=, as in gcc; before any other phase, so
    they act in comments and string literals too."""
    return _TRIGRAPH.sub(lambda m: _TRIGRAPHS[m.group(1)], text)


def read_source(path: str) -> str:
    """A file's text; bytes that are not UTF-8 become U+FFFD. Raises OSError."""
    with open(path, "rb") as f:
        data = f.read()
    return data.decode("utf-8", "replace")


class SourceFile:
    """One file's name (as diagnostics show it), path, identity and tokens."""
    __slots__ = ("name", "path", "dir", "key", "lexed")

    def __init__(self, name, path, text, trigraphs=False):
        if trigraphs:
            text = replace_trigraphs(text)
        self.name = name
        self.path = path
        self.dir = os.path.dirname(path)
        self.key = os.path.realpath(path) if path and not path.startswith("<") else path
        self.lexed = lex(text)


class FileState:
    """One inclusion of a SourceFile being read."""
    __slots__ = ("src", "toks", "dirs", "pos", "conds", "skipping", "marks",
                 "mark_lines", "guard_end", "resume_line", "found_in")

    def __init__(self, src, found_in=None):
        self.src = src
        self.toks = src.lexed.tokens
        self.dirs = src.lexed.directives
        self.pos = 0
        self.conds = []          # [state, else_seen, token, guard macro name or None]
        self.skipping = False
        self.marks = [(src.name, 0)]   # (name, line delta) set by #line ...
        self.mark_lines = [1]          # ... from this physical line on
        self.guard_end = None    # token index after the #endif closing an include guard
        self.resume_line = 0     # physical line of the #include being read (in this file)
        self.found_in = found_in  # index of the include directory it was found in

    def presumed(self, line):
        """(file name, line) that physical `line` reports, after #line."""
        marks = self.marks
        if len(marks) == 1:
            name, delta = marks[0]
        else:
            name, delta = marks[max(0, bisect_right(self.mark_lines, line) - 1)]
        return name, line + delta

    def set_line(self, from_line, name, number):
        """#line: physical line `from_line` is line `number` of `name`."""
        self.mark_lines.append(from_line)
        self.marks.append((name, number - from_line))

    def source_line(self, line):
        lines = self.src.lexed.lines
        return lines[line - 1] if 0 < line <= len(lines) else None

    def update_skipping(self):
        self.skipping = bool(self.conds) and self.conds[-1][0] != ACTIVE


def find_include(name, angled, includer_dir, include_dirs, start=0):
    """(path, index of the directory) of an #include, or None.

    "name": the includer's directory, then -I dirs, then the system dir;
    <name>: -I dirs then the system dir.  Absolute names are used as they are.
    `start` skips directories (for #include_next).
    """
    if os.path.isabs(name):
        return (name, None) if os.path.isfile(name) else None
    dirs = list(include_dirs) + [SYSTEM_INCLUDE_DIR]
    if not angled and start == 0:
        path = os.path.join(includer_dir, name) if includer_dir else name
        if os.path.isfile(path):
            return path, None
    for i in range(start, len(dirs)):
        path = os.path.join(dirs[i], name)
        if os.path.isfile(path):
            return path, i
    return None
