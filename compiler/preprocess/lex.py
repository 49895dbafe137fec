"""Preprocessing tokens: translation phases 1-3 of C99 (5.1.1.2).

`lex(text)` turns a source file into a flat list of preprocessing tokens in one
pass of one compiled regex: line splices (backslash-newline) are removed first,
comments become whitespace, and newlines are not kept as tokens; instead the
first token of each logical line has `bol` set (so a directive is a `#` token
with `bol`).  Every token records the *physical* line and 1-based column where
it starts, so diagnostics and the output line map point at the real source even
across splices and multi-line comments.

Source tokens are never mutated after lexing (macro expansion makes copies), so
a lexed file can be reused for every #include of it.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# Token kinds.  PADDING tokens exist only inside macro expansion (expand.py):
# they carry the spacing gcc gives a token that follows a macro boundary.
IDENT, NUMBER, STRING, CHAR, PUNCT, OTHER, BAD_LITERAL, PLACEMARKER, PADDING = range(9)


class Token:
    """One preprocessing token.

    line/col: where it starts (physical line in its file); for a token made by
    macro expansion, where the outermost macro invocation starts.
    ws: whitespace (or a comment or a newline) came before it.
    bol: it is the first token of a logical line.
    noexpand: "painted blue": an identifier that named a macro while that
    macro's own expansion was being rescanned, never to be expanded again.
    origin: None for a token read from a file; for a token made by macro
    expansion, the tuple (macro, definition token or None).
    """
    __slots__ = ("kind", "text", "line", "col", "ws", "bol", "noexpand", "origin")

    def __init__(self, kind, text, line, col, ws=False, bol=False,
                 noexpand=False, origin=None):
        self.kind = kind
        self.text = text
        self.line = line
        self.col = col
        self.ws = ws
        self.bol = bol
        self.noexpand = noexpand
        self.origin = origin

    def __repr__(self):
        return f"Token({self.text!r}@{self.line}:{self.col})"


# One regex for every preprocessing token; the number of the group that
# matched (m.lastindex) says what was found.  Order matters: literals before
# identifiers (for L"x"), comments and unterminated comments before '/'.
_TOKEN_RE = re.compile(r"""
  ([ \t\f\v]*)                                       # 1 blanks before the token
  (?:(\n)                                            # 2 newline
  | (/\*[\s\S]*?\*/|//[^\n]*)                         # 3 comment
  | (/\*[\s\S]*)                                      # 4 unterminated comment
  | ((?:u8|[uUL])?"(?:[^"\\\n]|\\.)*")                # 5 string literal
  | ([uUL]?'(?:[^'\\\n]|\\.)*')                       # 6 character constant
  | ((?:[A-Za-z_$]|[^\x00-\x7f\s\ufffd])(?:[A-Za-z0-9_$]|[^\x00-\x7f\s\ufffd])*)  # 7 identifier
  | (\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.$]|[^\x00-\x7f\s\ufffd])*)  # 8 pp-number
  | (%:%:|%:|<:|:>|<%|%>)                            # 9 digraph
  | (\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|&&|\|\||\#\#
     |[<>=!*/%+\-&^|]=
     |[][(){}.;,?:~\#*/%+\-&^|<>=!])                  # 10 punctuator
  | ((?:u8|[uUL])?["'][^\n]*)                         # 11 unterminated literal
  | ([^ \t\f\v]))                                    # 12 any other character
""", re.VERBOSE)

_G_NEWLINE, _G_COMMENT, _G_BAD_COMMENT, _G_DIGRAPH = 2, 3, 4, 9
_KIND_OF_GROUP = (None, None, None, None, None, STRING, CHAR, IDENT, NUMBER, PUNCT, PUNCT,
                  BAD_LITERAL, OTHER)

# Digraphs are lexed as the punctuator they stand for (C99 6.4.6p3).
DIGRAPHS = {"<:": "[", ":>": "]", "<%": "{", "%>": "}", "%:": "#", "%:%:": "##"}

_SPLICE_RE = re.compile(r"\\[ \t]*\n")


class Lexed:
    """A lexed file: tokens, where its directives are, and its lexing errors."""
    __slots__ = ("tokens", "directives", "nlines", "errors", "lines")

    def __init__(self, tokens, directives, nlines, errors, lines):
        self.tokens = tokens          # list[Token], newlines not included
        self.directives = directives  # indices of the '#' tokens that start directives
        self.nlines = nlines          # number of physical lines
        self.errors = errors          # list of (line, col, message)
        self.lines = lines            # the physical lines, for carets in diagnostics


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR end a line, as in gcc."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def lex(text: str) -> Lexed:
    """Lex a whole file (see the module docstring)."""
    text = normalize_newlines(text)
    lines = text.split("\n")
    nlines = len(lines) - (1 if text.endswith("\n") or not text else 0)
    splices = []
    if "\\" in text:
        pieces, removed, last = [], 0, 0
        for m in _SPLICE_RE.finditer(text):
            pieces.append(text[last:m.start()])
            last = m.end()
            splices.append(m.start() - removed)
            removed += m.end() - m.start()
        if splices:
            pieces.append(text[last:])
            text = "".join(pieces)
    tokens, directives, errors = [], [], []
    append = tokens.append
    line, line_start, ws, bol = 1, 0, True, True
    kinds = _KIND_OF_GROUP
    for m in _TOKEN_RE.finditer(text):
        g = m.lastindex
        if g > _G_BAD_COMMENT:
            start = m.start(g)
            if splices:
                tline, tcol = _where(start, line, line_start, splices)
            else:
                tline, tcol = line, start - line_start + 1
            s = m.group(g)
            if g == _G_DIGRAPH:
                s = DIGRAPHS[s]
            if bol and s == "#":
                directives.append(len(tokens))
            append(Token(kinds[g], s, tline, tcol, ws or start != m.start(), bol))
            ws = bol = False
        elif g == _G_NEWLINE:
            line += 1
            line_start = m.end()
            ws = bol = True
        else:
            s = m.group(g)
            if g == _G_BAD_COMMENT:
                errors.append((*_where(m.start(g), line, line_start, splices),
                               "unterminated /* comment"))
            n = s.count("\n")
            if n:
                line += n
                line_start = m.start(g) + s.rfind("\n") + 1
            ws = True
    return Lexed(tokens, directives, nlines, errors, lines)


def _where(offset, line, line_start, splices):
    """Physical (line, col) of an offset into spliced text."""
    if not splices:
        return line, offset - line_start + 1
    k = bisect_right(splices, offset)
    start = line_start
    if k and splices[k - 1] > start:
        start = splices[k - 1]
    return line + k, offset - start + 1


def lex_fragment(text: str) -> list[Token]:
    """Lex text that is not a file (e.g. a -D value or a pasted token)."""
    return lex(text).tokens


def pastes(left: str, right: str) -> bool:
    """Whether `left` written right before `right` would lex differently."""
    a, b = left[-1], right[0]
    if a in _WORD or a == ".":
        if b in _WORD or b in "'\"." or (a in "eEpP" and b in "+-"):
            return _glues(left, right)
        return False
    if a in _GLUE_LEFT and b in _GLUE_RIGHT:
        return _glues(left, right)
    return False


_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_GLUE_LEFT = frozenset("+-*/%<>=!&|^#:.")
_GLUE_RIGHT = frozenset("+-*/%<>=!&|^#:.>0123456789")


def _glues(left, right):
    m = _TOKEN_RE.match(left + right)
    return m is not None and m.end() > len(left)


def spell_tokens(tokens) -> str:
    """Tokens as text, one space where there was whitespace between them."""
    out = []
    for i, t in enumerate(tokens):
        if i and t.ws:
            out.append(" ")
        out.append(t.text)
    return "".join(out)


def make_token(text: str):
    """(kind, canonical text) if `text` is exactly one preprocessing token, else None."""
    m = _TOKEN_RE.match(text)
    if m is None or m.end() != len(text) or m.start(m.lastindex) != 0:
        return None
    kind = _KIND_OF_GROUP[m.lastindex]
    if kind is None or kind == BAD_LITERAL:
        return None
    return kind, DIGRAPHS.get(text, text) if kind == PUNCT else text
