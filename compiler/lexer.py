"""Tokenizer for preprocessed C, feeding Lark's LALR parser.

Owns: splitting text into Lark `Token`s whose types are the terminal names
the grammar (c.lark) gives each keyword and punctuator, plus IDENTIFIER,
TYPE_NAME, INTEGER, FLOATING, CHARACTER and STRING; and the "lexer hack"
(`TypedefScopes`): an identifier that names a typedef in scope becomes
TYPE_NAME, which is what makes C parseable by an LALR(1) grammar.

GNU `__attribute__((...))` and `__extension__` are accepted and dropped
here, so the grammar never sees them.

Lines and columns are 1-based positions in the preprocessed text; the driver
maps lines back to source files.  Bad input never raises: each problem is
recorded as (line, col, message) and the character skipped.
"""
from __future__ import annotations

import re

from lark import Token

KEYWORDS = frozenset("""
    auto break case char const continue default do double else enum extern float for goto if
    inline int long register restrict return short signed sizeof static struct switch typedef
    union unsigned void volatile while _Bool _Noreturn _Static_assert _Alignof __alignof__
    __inline __inline__ __restrict __restrict__ __const __volatile__ __signed__
    __builtin_va_arg __builtin_offsetof asm __asm__ __asm __volatile
""".split())

PUNCTUATORS = sorted("""
    ... <<= >>= -> ++ -- << >> <= >= == != && || *= /= %= += -= &= ^= |=
    [ ] ( ) { } . & * + - ~ ! / % < > ^ | ? : ; = ,
""".split(), key=len, reverse=True)

_TOKEN_RE = re.compile(r"""
    (?P<ws>[ \t\r\f\v]+)
  | (?P<nl>\n)
  | (?P<comment>//[^\n]*|/\*(?:[^*]|\*(?!/))*\*/)
  | (?P<badcomment>/\*)
  | (?P<ident>(?:[A-Za-z_$]|[^\x00-\x7f\s\ufffd])(?:[A-Za-z0-9_$]|[^\x00-\x7f\s\ufffd])*(?!['"]))
  | (?P<number>\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*)
  | (?P<char>(?:L|u8|u|U)?'(?:\\.|[^'\\\n])*')
  | (?P<string>(?:L|u8|u|U)?"(?:\\.|[^"\\\n])*")
  | (?P<badquote>(?:L|u8|u|U)?['"])
  | (?P<punct>""" + "|".join(re.escape(p) for p in PUNCTUATORS) + r""")
  | (?P<hash>\#[^\n]*)
""", re.VERBOSE)

# GNU spellings accepted and ignored: attributes (with their parenthesised
# arguments) and `__extension__`.
_ATTRIBUTE = frozenset(("__attribute__", "__attribute"))
_IGNORED = _ATTRIBUTE | {"__extension__"}

_TYPE_KEYWORDS = frozenset("void char short int long float double signed unsigned _Bool __signed__".split())
_TAG_KEYWORDS = frozenset(("struct", "union", "enum"))


class TypedefScopes:
    """Which identifiers are typedef names, per brace scope.

    Fed every token in order; decides IDENTIFIER vs TYPE_NAME.  A typedef
    name right after a type specifier (`int T;`, `struct s T;`,
    `struct {...} T;`) is an ordinary identifier being (re)declared; inside a `typedef` declaration, the first plain
    identifier of each declarator is the new type name.
    """

    def __init__(self):
        self.scopes: list[dict[str, bool]] = [{}]
        self.bodies: list[bool] = []            # per open brace: is it a struct/union/enum body?
        self.typedef_depth: int | None = None   # brace depth of an open typedef declaration
        self.expect_name = False                # next declarator name is a typedef name
        self.paren = 0                          # paren depth inside the typedef declaration
        self.prev = ""                          # spelling of the previous token

    def is_typedef(self, name: str) -> bool:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return False

    def classify(self, name: str) -> str:
        prev = self.prev
        kind = "IDENTIFIER"
        if prev not in (".", "->", "goto") and prev not in _TAG_KEYWORDS and self.is_typedef(name):
            if prev in _TYPE_KEYWORDS or prev == "TYPE_NAME":
                self.scopes[-1][name] = False   # redeclared as an ordinary identifier
            else:
                kind = "TYPE_NAME"
        if (kind == "IDENTIFIER" and self.expect_name and len(self.scopes) - 1 == self.typedef_depth
                and prev not in _TAG_KEYWORDS and prev not in (".", "->")):
            self.scopes[-1][name] = True
            self.expect_name = False
        # a tag (`struct s`) ends a type specifier just as a typedef name does
        self.prev = "TYPE_NAME" if kind == "TYPE_NAME" or prev in _TAG_KEYWORDS else name
        return kind

    def punct(self, p: str) -> None:
        depth = len(self.scopes) - 1
        if p == "{":
            self.scopes.append({})
            self.bodies.append(self.prev in _TAG_KEYWORDS or self.prev == "TYPE_NAME")
        elif p == "}":
            if len(self.scopes) > 1:
                self.scopes.pop()
                if self.bodies.pop():
                    # `struct s { ... } x;`: the type specifier ends here
                    self.prev = "TYPE_NAME"
                    return
        elif self.typedef_depth == depth:
            if p == "(":
                self.paren += 1
            elif p == ")":
                self.paren -= 1
            elif p == "," and self.paren == 0:
                self.expect_name = True
            elif p == ";":
                self.typedef_depth = None
                self.expect_name = False
        self.prev = p

    def keyword(self, word: str) -> None:
        if word == "typedef":
            self.typedef_depth = len(self.scopes) - 1
            self.expect_name = True
            self.paren = 0
        self.prev = word


def tokenize(text: str, terminal_names: dict[str, str]) -> tuple[list[Token], list[tuple[int, int, str]]]:
    """Split `text` into tokens; returns (tokens, errors as (line, col, message))."""
    tokens: list[Token] = []
    errors: list[tuple[int, int, str]] = []
    scopes = TypedefScopes()
    line, line_start, pos, n = 1, 0, 0, len(text)
    attribute = None        # paren depth inside a GNU attribute being skipped
    match = _TOKEN_RE.match
    while pos < n:
        m = match(text, pos)
        col = pos - line_start + 1
        if m is None:
            ch = text[pos]
            errors.append((line, col, f"unexpected character {ch!r}" if ch.isprintable()
                           else f"unexpected byte 0x{ord(ch):02x} in program"))
            pos += 1
            continue
        kind = m.lastgroup
        value = m.group()
        end = m.end()
        if kind == "ws":
            pass
        elif kind == "nl":
            line += 1
            line_start = end
        elif kind == "comment":
            nls = value.count("\n")
            if nls:
                line += nls
                line_start = pos + value.rfind("\n") + 1
        elif kind == "badcomment":
            errors.append((line, col, "unterminated /* comment"))
            end = n
        elif kind == "badquote":
            what = "character constant" if value.endswith("'") else "string literal"
            errors.append((line, col, f"missing terminating {value[-1]} character ({what})"))
            nl = text.find("\n", pos)
            end = n if nl < 0 else nl
        elif kind == "hash":
            if not re.match(r"#\s*(pragma\b|$|\d|line\b)", value):
                errors.append((line, col, "stray '#' in program (preprocessing directive not expanded)"))
        elif attribute is not None:
            # inside `__attribute__((...))`: dropped, parentheses counted
            if value == "(":
                attribute += 1
            elif value == ")":
                attribute -= 1
            if attribute <= 0 and value != "__attribute__":
                attribute = None
        elif kind == "ident" and value in _IGNORED:
            attribute = 0 if value in _ATTRIBUTE else None
        else:
            if kind == "ident":
                if value in KEYWORDS:
                    scopes.keyword(value)
                    ttype = terminal_names[value]
                else:
                    ttype = scopes.classify(value)
            elif kind == "punct":
                scopes.punct(value)
                ttype = terminal_names[value]
            elif kind == "number":
                scopes.prev = "0"
                ttype = "FLOATING" if _is_floating(value) else "INTEGER"
            elif kind == "char":
                scopes.prev = "'"
                ttype = "CHARACTER"
            else:
                scopes.prev = '"'
                ttype = "STRING"
            tokens.append(Token(ttype, value, pos, line, col, line, col + len(value), end))
        pos = end
    return tokens, errors


def _is_floating(text: str) -> bool:
    if text[:2].lower() == "0x":
        return "." in text or "p" in text.lower()
    return "." in text or "e" in text.lower()
