"""Macro expansion with rescanning (C99 6.10.3.4), the way gcc does it.

Tokens are read from a Stream: a stack of contexts (the replacement lists
being rescanned) over an optional reader (the file).  When an identifier
names a macro, its replacement is pushed as a new context and the macro is
*disabled* until that context has been read to its end and popped.  An
identifier read while its macro is disabled is painted blue (`noexpand`)
and never expands again, which is what stops `#define foo foo` and mutual
recursion.  gcc and clang implement 6.10.3.4 this way, and macro tricks such
as deferred expansion (`EVAL(REPEAT(...))`) rely on exactly this timing, so
it is used here rather than Prosser's hide sets (which paint more).

Spacing follows gcc's PADDING tokens, because `#` shows it: a macro's
expansion is pushed between a padding that stands for the macro name and
one that marks its end, and substitute() puts the same around each argument.
A padding gives the next token the spacing of the token it stands for, so
an empty expansion passes its name's space on (`-EMPTY-` stringizes as
"--", `- EMPTY-` as "- -"), and the first token of an expansion has the
name's spacing, not its own.  Paddings stay in argument expansions (the
arguments of an enclosing `#` see them) and are folded into the spacing of
the tokens returned everywhere else (macro.after_padding).

Rescanning is a loop over the context stack, not recursion.  Only the
pre-expansion of arguments recurses (each argument is expanded on its own,
6.10.3.1); that depth is bounded by MAX_ARG_NESTING with a clear error.
"""
from __future__ import annotations

from .lex import IDENT, NUMBER, PADDING, PUNCT, STRING, Token, spell_tokens
from .macro import MacroError, after_padding, padding, substitute

MAX_ARG_NESTING = 150              # macro invocations nested inside arguments
MAX_EXPANSION_TOKENS = 1_000_000   # tokens made for one top-level invocation
HAS_INCLUDE = ("__has_include", "__has_include_next")


class Stream:
    """Tokens to read: the contexts (innermost last), then the reader (if any).

    A context is [tokens, next index, macro or None].  reader(in_args) ->
    Token or None; peek() -> the reader's next token if it may continue a
    macro invocation (same file, not a directive), else None.
    keep_padding: return PADDING tokens (an argument being expanded) rather
    than fold them into `spacing`, the pending spacing of the next token.
    """
    __slots__ = ("ctxs", "reader", "peek", "keep_padding", "spacing")

    def __init__(self, tokens=None, reader=None, peek=None, keep_padding=False):
        self.ctxs = [[tokens, 0, None]] if tokens else []
        self.reader = reader
        self.peek = peek
        self.keep_padding = keep_padding
        self.spacing = None

    def unwind(self):
        """Drop every context (after an error), enabling their macros again."""
        for _, _, m in self.ctxs:
            if m is not None:
                m.disabled = False
        self.ctxs.clear()


def _read(stream, in_args=False):
    """The next token, unexpanded; contexts read to their end are popped."""
    ctxs = stream.ctxs
    while ctxs:
        c = ctxs[-1]
        i = c[1]
        if i < len(c[0]):
            c[1] = i + 1
            return c[0][i]
        ctxs.pop()
        if c[2] is not None:
            c[2].disabled = False
    if stream.reader is not None:
        return stream.reader(in_args)
    return None


def _read_real(stream, in_args=False):
    """The next token that is not a padding, unexpanded."""
    t = _read(stream, in_args)
    while t is not None and t.kind == PADDING:
        t = _read(stream, in_args)
    return t


def _trimmed(arg):
    """An argument without the paddings that end it (gcc drops them)."""
    while arg and arg[-1].kind == PADDING:
        arg.pop()
    return arg


def _painted(t):
    return Token(t.kind, t.text, t.line, t.col, t.ws, False, True, t.origin)


def _spaced(stream, t):
    """`t` with the spacing the paddings read before it give it."""
    ws = stream.spacing
    if ws is None:
        return t
    stream.spacing = None
    if ws == t.ws:
        return t
    return Token(t.kind, t.text, t.line, t.col, ws, t.bol, t.noexpand, t.origin)


class Expander:
    """Expands macros from streams; `macros` maps names to Macro objects.

    on_pragma(text, token) is called for each _Pragma("...") operator;
    has_include(name, angled, next) answers __has_include in #if.
    """

    def __init__(self, macros, on_pragma, has_include):
        self.macros = macros
        self.on_pragma = on_pragma
        self.has_include = has_include
        self.depth = 0
        self.work = 0

    def next(self, stream, in_if=False):
        """The next fully macro-expanded token of `stream`, or None at its end."""
        macros = self.macros
        ctxs = stream.ctxs
        while True:
            if ctxs:
                t = _read(stream)
            else:
                if stream.reader is None:
                    return None
                self.work = 0
                t = stream.reader(False)
            if t is None:
                return None
            if t.kind == PADDING:
                if stream.keep_padding:
                    return t
                stream.spacing = after_padding(stream.spacing, t)
                continue
            if t.kind != IDENT or t.noexpand:
                return _spaced(stream, t)
            m = macros.get(t.text)
            if m is None:
                if in_if and t.text == "defined":
                    return self._defined(stream, t)
                if t.text == "_Pragma":
                    self._pragma_operator(stream, t)
                    continue
                return _spaced(stream, t)
            if m.disabled:
                return _spaced(stream, _painted(t))
            if m.builtin is not None:
                if in_if and m.name in HAS_INCLUDE:
                    return self._has_include(stream, t)
                return _spaced(stream, m.builtin(t))
            if m.params is None:
                out = self._substitute(m, None, t, False)
            else:
                if not self._paren_follows(stream):
                    return _spaced(stream, t)
                args, omitted = self._collect_args(stream, m, t)
                out = self._substitute(m, args, t, omitted)
            m.disabled = True
            out.insert(0, padding(t.ws, t.line, t.col))
            out.append(padding(None, t.line, t.col))
            ctxs.append([out, 0, m])

    def expand_list(self, tokens, in_if=False, keep_padding=False):
        """The full expansion of a token list on its own (an argument, a #if line);
        keep_padding for an argument (see the module docstring).  Without it
        the paddings are dropped, not folded: in a directive gcc makes none,
        so a header name built by a macro is spelled with each token's own
        spacing."""
        if not tokens:
            return []
        if self.depth >= MAX_ARG_NESTING:
            raise MacroError(f"macro invocations nested too deeply in arguments "
                             f"(limit {MAX_ARG_NESTING})", tokens[0])
        self.depth += 1
        stream = Stream(tokens, keep_padding=True)
        try:
            out = []
            nxt = self.next
            while True:
                t = nxt(stream, in_if)
                if t is None:
                    return out if keep_padding else [t for t in out if t.kind != PADDING]
                out.append(t)
        finally:
            self.depth -= 1
            stream.unwind()

    def _substitute(self, m, args, name, omitted):
        try:
            out = substitute(m, args, name, self._expand_argument, omitted)
        except MacroError as e:
            e.notes.append((f"in expansion of macro '{m.name}'", name, None))
            raise
        self.work += len(out)
        if self.work > MAX_EXPANSION_TOKENS:
            self.work = 0
            raise MacroError(f"expansion of macro '{m.name}' makes too many tokens "
                             f"(limit {MAX_EXPANSION_TOKENS})", name)
        return out

    def _expand_argument(self, tokens):
        return self.expand_list(tokens, keep_padding=True)

    def _paren_follows(self, stream):
        """Consume a '(' that continues an invocation; whether there was one.

        Like gcc, contexts read to their end on the way are popped even if
        no '(' follows, and the paddings passed over are put back as one.
        """
        ctxs = stream.ctxs
        pad = None
        while ctxs:
            c = ctxs[-1]
            if c[1] < len(c[0]):
                t = c[0][c[1]]
                if t.kind == PADDING:
                    if pad is None or pad.ws is None or (pad.ws is False and t.ws is None):
                        pad = t
                    c[1] += 1
                    continue
                if t.kind == PUNCT and t.text == "(":
                    c[1] += 1
                    return True
                if pad is not None:
                    ctxs.append([[pad], 0, None])
                return False
            ctxs.pop()
            if c[2] is not None:
                c[2].disabled = False
        if stream.peek is not None:
            t = stream.peek()
            if t is not None and t.kind == PUNCT and t.text == "(":
                stream.reader(True)
                return True
        if pad is not None:
            ctxs.append([[pad], 0, None])
        return False

    def _collect_args(self, stream, m, name):
        """Read the arguments of an invocation up to its ')' (6.10.3p10-12)."""
        args, cur, depth = [], [], 0
        nparams = len(m.params)
        rest = nparams - 1 if m.variadic else -1
        macros = self.macros
        while True:
            t = _read(stream, True)
            if t is None:
                raise MacroError("unterminated function-like macro invocation", name,
                                 notes=[(f"macro '{m.name}' defined here", m.token, m.where)])
            kind = t.kind
            if kind == PADDING:
                if cur:           # gcc keeps paddings inside an argument only
                    cur.append(t)
                continue
            if kind == PUNCT:
                s = t.text
                if s == "(":
                    depth += 1
                elif s == ")":
                    if depth == 0:
                        args.append(_trimmed(cur))
                        break
                    depth -= 1
                elif s == "," and depth == 0 and len(args) != rest:
                    args.append(_trimmed(cur))
                    cur = []
                    continue
            elif kind == IDENT and not t.noexpand:
                other = macros.get(t.text)
                if other is not None and other.disabled:
                    t = _painted(t)
            cur.append(t)
        omitted = False
        if nparams == 0:
            if len(args) == 1 and not args[0]:
                args = []
        elif m.variadic:
            if len(args) == nparams - 1:
                args.append([])
                omitted = True
            elif nparams == 1 and not args[0]:
                omitted = True
        if len(args) != nparams:
            few = len(args) < nparams
            raise MacroError(f"too {'few' if few else 'many'} arguments provided to "
                             f"function-like macro invocation", t if few else name,
                             notes=[(f"macro '{m.name}' defined here", m.token, m.where)])
        return args, omitted

    def _defined(self, stream, t):
        """`defined X` or `defined ( X )` in #if: 1 or 0."""
        nxt = _read_real(stream)
        paren = nxt is not None and nxt.kind == PUNCT and nxt.text == "("
        if paren:
            nxt = _read_real(stream)
        if nxt is None or nxt.kind != IDENT:
            raise MacroError("macro name must be an identifier" if nxt is not None
                             else "macro name missing", nxt or t)
        if paren:
            close = _read_real(stream)
            if close is None or close.text != ")":
                raise MacroError("missing ')' after 'defined'", close or nxt)
        value = "1" if nxt.text in self.macros else "0"
        return Token(NUMBER, value, t.line, t.col, t.ws, False, False, t.origin)

    def _has_include(self, stream, t):
        """__has_include ( "name" ) or ( <name> ) in #if: 1 or 0."""
        args = []
        while True:
            g = _read_real(stream)
            if g is None:
                break
            args.append(g)
            if g.kind == PUNCT and g.text == ")":
                break
        if len(args) < 3 or args[0].text != "(" or args[-1].text != ")":
            raise MacroError(f"missing '(' or ')' around the operand of {t.text}", t)
        inner = args[1:-1]
        if len(inner) == 1 and inner[0].kind == STRING and inner[0].text.startswith('"'):
            name, angled = inner[0].text[1:-1], False
        elif len(inner) >= 2 and inner[0].text == "<" and inner[-1].text == ">":
            name, angled = spell_tokens(inner[1:-1]), True
        else:
            raise MacroError(f"operator '{t.text}' requires a header name",
                             inner[0] if inner else t)
        found = self.has_include(name, angled, t.text == "__has_include_next")
        return Token(NUMBER, "1" if found else "0", t.line, t.col, t.ws, False, False, t.origin)

    def _pragma_operator(self, stream, t):
        """_Pragma ( string-literal ) (6.10.9): destringize and run as a pragma."""
        got = []
        for _ in range(3):
            g = _read_real(stream, True)
            if g is None:
                break
            got.append(g)
        if (len(got) < 3 or got[0].text != "(" or got[1].kind != STRING
                or got[2].text != ")"):
            raise MacroError("_Pragma takes a parenthesized string literal", t)
        s = got[1].text
        s = s[s.index('"') + 1:-1].replace('\\"', '"').replace("\\\\", "\\")
        self.on_pragma(s, t)
