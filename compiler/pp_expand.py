"""Macro expansion with rescanning (C99 6.10.3.4), by Prosser's algorithm.

Tokens are read from a Stream: a stack of pushed-back tokens (the results of
substitutions waiting to be rescanned) over an optional reader (the file).
When an identifier names a macro that is not in its own hide set, the
invocation is replaced by its substitution, pushed back and rescanned, so
rescanning is a loop, not recursion.  The hide set of a function-like
invocation is (name's hide set & closing paren's hide set) + the macro name,
which is what stops `#define foo foo` and mutual recursion.

Only the pre-expansion of arguments recurses (each argument is expanded on its
own, 6.10.3.1); that depth is bounded by MAX_ARG_NESTING with a clear error.
"""
from __future__ import annotations

from .pp_lex import EMPTY_HIDESET, IDENT, NUMBER, PUNCT, STRING, Token
from .pp_macro import MacroError, substitute

MAX_ARG_NESTING = 150          # macro invocations nested inside arguments
MAX_EXPANSION_TOKENS = 2_000_000   # tokens made for one top-level invocation


class Stream:
    """Tokens to read: pushed-back tokens first, then the reader (if any).

    reader(in_args) -> Token or None; peek() -> the reader's next token if it
    may continue a macro invocation (same file, not a directive), else None.
    """
    __slots__ = ("stack", "reader", "peek")

    def __init__(self, tokens=(), reader=None, peek=None):
        self.stack = list(reversed(tokens))
        self.reader = reader
        self.peek = peek

    def next_raw(self, in_args=False):
        if self.stack:
            return self.stack.pop()
        if self.reader is not None:
            return self.reader(in_args)
        return None


class Expander:
    """Expands macros from streams; `macros` maps names to Macro objects.

    on_pragma(text, token) is called for each _Pragma("...") operator.
    """

    def __init__(self, macros, on_pragma):
        self.macros = macros
        self.on_pragma = on_pragma
        self.depth = 0
        self.work = 0

    def next(self, stream, in_if=False):
        """The next fully macro-expanded token of `stream`, or None at its end."""
        macros = self.macros
        stack = stream.stack
        while True:
            if stack:
                t = stack.pop()
            else:
                if stream.reader is None:
                    return None
                self.work = 0
                t = stream.reader(False)
                if t is None:
                    return None
            if t.kind != IDENT:
                return t
            m = macros.get(t.text)
            if m is None:
                if in_if and t.text == "defined":
                    return self._defined(stream, t)
                if t.text == "_Pragma":
                    self._pragma_operator(stream, t)
                    continue
                return t
            if t.hide and m.name in t.hide:
                return t
            if m.builtin is not None:
                return m.builtin(t)
            if m.params is None:
                hide = (t.hide | m.self_hide) if t.hide else m.self_hide
                out = self._substitute(m, None, hide, t, False)
            else:
                if not self._paren_follows(stream):
                    return t
                args, rparen, omitted = self._collect_args(stream, m, t)
                hide = (t.hide & rparen.hide) | m.self_hide
                out = self._substitute(m, args, hide, t, omitted)
            if out:
                stack.extend(reversed(out))

    def expand_list(self, tokens, in_if=False):
        """The full expansion of a token list on its own (an argument, a #if line)."""
        if not tokens:
            return []
        if self.depth >= MAX_ARG_NESTING:
            raise MacroError(f"macro invocations nested too deeply in arguments "
                             f"(limit {MAX_ARG_NESTING})", tokens[0])
        self.depth += 1
        try:
            stream = Stream(tokens)
            out = []
            nxt = self.next
            while True:
                t = nxt(stream, in_if)
                if t is None:
                    return out
                out.append(t)
        finally:
            self.depth -= 1

    def _substitute(self, m, args, hide, name, omitted):
        try:
            out = substitute(m, args, hide, name, self.expand_list, omitted)
        except MacroError as e:
            e.notes.append((f"in expansion of macro '{m.name}'", name, None))
            raise
        self.work += len(out)
        if self.work > MAX_EXPANSION_TOKENS:
            self.work = 0
            raise MacroError(f"expansion of macro '{m.name}' makes too many tokens "
                             f"(limit {MAX_EXPANSION_TOKENS})", name)
        return out

    def _paren_follows(self, stream):
        """Consume a '(' that continues an invocation; whether there was one."""
        stack = stream.stack
        if stack:
            t = stack[-1]
            if t.kind == PUNCT and t.text == "(":
                stack.pop()
                return True
            return False
        if stream.peek is None:
            return False
        t = stream.peek()
        if t is not None and t.kind == PUNCT and t.text == "(":
            stream.reader(True)
            return True
        return False

    def _collect_args(self, stream, m, name):
        """Read the arguments of an invocation up to its ')' (6.10.3p10-12)."""
        args, cur, depth = [], [], 0
        nparams = len(m.params)
        rest = nparams - 1 if m.variadic else -1
        next_raw = stream.next_raw
        while True:
            t = next_raw(True)
            if t is None:
                raise MacroError("unterminated function-like macro invocation", name,
                                 notes=[(f"macro '{m.name}' defined here", m.token, m.where)])
            if t.kind == PUNCT:
                s = t.text
                if s == "(":
                    depth += 1
                elif s == ")":
                    if depth == 0:
                        args.append(cur)
                        break
                    depth -= 1
                elif s == "," and depth == 0 and len(args) != rest:
                    args.append(cur)
                    cur = []
                    continue
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
        elif nparams == 1 and len(args) == 1:
            pass
        if len(args) != nparams:
            few = len(args) < nparams
            raise MacroError(f"too {'few' if few else 'many'} arguments provided to "
                             f"function-like macro invocation", t if few else name,
                             notes=[(f"macro '{m.name}' defined here", m.token, m.where)])
        return args, t, omitted

    def _defined(self, stream, t):
        """`defined X` or `defined ( X )` in #if: 1 or 0."""
        nxt = stream.next_raw()
        paren = nxt is not None and nxt.kind == PUNCT and nxt.text == "("
        if paren:
            nxt = stream.next_raw()
        if nxt is None or nxt.kind != IDENT:
            raise MacroError("macro name must be an identifier" if nxt is not None
                             else "macro name missing", nxt or t)
        if paren:
            close = stream.next_raw()
            if close is None or close.text != ")":
                raise MacroError("missing ')' after 'defined'", close or nxt)
        value = "1" if nxt.text in self.macros else "0"
        return Token(NUMBER, value, t.line, t.col, t.ws, False, EMPTY_HIDESET, t.origin)

    def _pragma_operator(self, stream, t):
        """_Pragma ( string-literal ) (6.10.9): destringize and run as a pragma."""
        got = [stream.next_raw(True) for _ in range(3)]
        if (any(g is None for g in got) or got[0].text != "(" or got[1].kind != STRING
                or got[2].text != ")"):
            for g in reversed(got):
                if g is not None:
                    stream.stack.append(g)
            raise MacroError("_Pragma takes a parenthesized string literal", t)
        s = got[1].text
        s = s[s.index('"') + 1:-1].replace('\\"', '"').replace("\\\\", "\\")
        self.on_pragma(s, t)
