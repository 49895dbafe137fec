"""Macro definitions and their substitution (C99 6.10.3).

`parse_define` turns the tokens of a #define line into a Macro.  `substitute`
builds the replacement list of one invocation: parameters are replaced by
their fully macro-expanded arguments, except operands of `#` (stringized,
6.10.3.2) and `##` (pasted unexpanded, 6.10.3.3, with placemarkers for empty
arguments).  Rescanning the result is the expander's job (expand.py).

GNU `, ## __VA_ARGS__` is supported as gcc does it: the comma disappears when
the variable arguments are left out entirely.  So is `__VA_OPT__(...)` (C23),
which gcc also accepts in C99 mode: its contents count only when the variable
arguments expand to at least one token.
"""
from __future__ import annotations

from .lex import BAD_LITERAL, CHAR, IDENT, PADDING, PLACEMARKER, PUNCT, STRING, Token, make_token


class MacroError(Exception):
    """A macro definition or invocation is wrong.

    token: where to point; where: the file state it is in (None: the file
    being read); notes: extra (message, token, where) diagnostics.
    """

    def __init__(self, message, token=None, where=None, notes=()):
        super().__init__(message)
        self.message, self.token, self.where, self.notes = message, token, where, list(notes)


class Macro:
    """One #define: params is None for an object-like macro."""
    __slots__ = ("name", "params", "variadic", "body", "pidx", "where", "token",
                 "builtin", "disabled", "simple", "vaopt")

    def __init__(self, name, params, variadic, body, where=None, token=None, builtin=None):
        self.name = name
        self.params = params          # tuple of parameter names, or None
        self.variadic = variadic      # the last parameter takes the variable arguments
        self.body = body              # replacement-list tokens
        index = {p: i for i, p in enumerate(params or ())}
        self.pidx = [index.get(t.text, -1) if t.kind == IDENT else -1 for t in body]
        self.where = where            # file state of the definition (for diagnostics)
        self.token = token            # the name token in the #define
        self.builtin = builtin        # callable(token) -> Token for __LINE__ and friends
        self.disabled = False         # its expansion is being rescanned (expand.py)
        # Object-like with no ##: substitution is a plain copy.
        self.simple = params is None and not any(
            t.kind == PUNCT and t.text == "##" for t in body)
        self.vaopt = _find_vaopt(body) if variadic else []   # (start, close) of __VA_OPT__(...)

    def same_as(self, other) -> bool:
        """Whether a redefinition is identical (6.10.3p2): no diagnostic then."""
        if (self.params, self.variadic, len(self.body)) != (other.params, other.variadic,
                                                            len(other.body)):
            return False
        return all(a.text == b.text and (i == 0 or a.ws == b.ws)
                   for i, (a, b) in enumerate(zip(self.body, other.body)))


def parse_define(toks, where, warnings):
    """The Macro defined by the tokens after `#define`; raise MacroError."""
    if not toks:
        raise MacroError("macro name missing")
    name = toks[0]
    if name.kind != IDENT:
        raise MacroError("macro name must be an identifier", name)
    if name.text == "defined":
        raise MacroError("'defined' cannot be used as a macro name", name)
    params, variadic, i, n = None, False, 1, len(toks)
    if n > 1 and toks[1].text == "(" and toks[1].kind == PUNCT and not toks[1].ws:
        params, i = [], 2
        while True:
            if i >= n:
                raise MacroError("missing ')' in macro parameter list", toks[-1])
            t = toks[i]
            if t.text == ")" and not params and t.kind == PUNCT:
                i += 1
                break
            if t.text == "...":
                params.append("__VA_ARGS__")
                variadic = True
                i += 1
            elif t.kind == IDENT:
                if t.text == "__VA_ARGS__":
                    raise MacroError("__VA_ARGS__ can only appear in the expansion of a "
                                     "C99 variadic macro", t)
                if t.text in params:
                    raise MacroError(f"duplicate macro parameter name '{t.text}'", t)
                params.append(t.text)
                i += 1
                if i < n and toks[i].text == "...":
                    variadic = True
                    i += 1
            else:
                raise MacroError("invalid token in macro parameter list", t)
            if i >= n:
                raise MacroError("missing ')' in macro parameter list", toks[-1])
            t = toks[i]
            i += 1
            if t.text == ")":
                break
            if t.text != "," or variadic:
                raise MacroError("missing ')' in macro parameter list" if variadic
                                 else "expected comma in macro parameter list", t)
        params = tuple(params)
    body = toks[i:]
    if body and body[0].text == "##" and body[0].kind == PUNCT:
        raise MacroError("'##' cannot appear at either end of a macro expansion", body[0])
    if body and body[-1].text == "##" and body[-1].kind == PUNCT:
        raise MacroError("'##' cannot appear at either end of a macro expansion", body[-1])
    macro = Macro(name.text, params, variadic, body, where, name)
    for k, t in enumerate(body):
        if t.kind != PUNCT and t.kind != IDENT:
            continue
        if params is not None and t.text == "#" and t.kind == PUNCT and (
                k + 1 >= len(body) or macro.pidx[k + 1] < 0):
            raise MacroError("'#' is not followed by a macro parameter", t)
        if t.text == "__VA_ARGS__" and not (variadic and params[-1] == "__VA_ARGS__"):
            warnings.append(("__VA_ARGS__ can only appear in the expansion of a C99 "
                             "variadic macro", t))
    return macro


def _find_vaopt(body):
    """Index pairs (of __VA_OPT__, of its ')') in a variadic macro's body."""
    groups, k, n = [], 0, len(body)
    while k < n:
        t = body[k]
        if t.kind != IDENT or t.text != "__VA_OPT__":
            k += 1
            continue
        if k + 1 >= n or body[k + 1].text != "(" or body[k + 1].kind != PUNCT:
            raise MacroError("__VA_OPT__ must be followed by an open parenthesis", t)
        depth, j = 0, k + 1
        while j < n:
            u = body[j]
            if u.kind == PUNCT and u.text == "(":
                depth += 1
            elif u.kind == PUNCT and u.text == ")":
                depth -= 1
                if depth == 0:
                    break
            elif u.kind == IDENT and u.text == "__VA_OPT__":
                raise MacroError("__VA_OPT__ may not appear in a __VA_OPT__", u)
            j += 1
        else:
            raise MacroError("unterminated __VA_OPT__", t)
        edges = (body[k + 2], body[j - 1]) if j > k + 2 else ()
        if any(e.kind == PUNCT and e.text == "##" for e in edges):
            raise MacroError("'##' cannot appear at either end of __VA_OPT__", t)
        groups.append((k, j))
        k = j + 1
    return groups


def _apply_vaopt(m, present, line, col):
    """The body and parameter indices with each __VA_OPT__(...) resolved."""
    body, pidx, last = [], [], 0
    for start, close in m.vaopt:
        body += m.body[last:start]
        pidx += m.pidx[last:start]
        if present:
            body += m.body[start + 2:close]
            pidx += m.pidx[start + 2:close]
        else:
            body.append(Token(PLACEMARKER, "", line, col, m.body[start].ws))
            pidx.append(-1)
        last = close + 1
    return body + m.body[last:], pidx + m.pidx[last:]


def padding(ws, line, col):
    """A PADDING token: ws True/False stands for a token of that spacing (a
    macro name, a parameter); None marks the end of a macro or an argument."""
    return Token(PADDING, "", line, col, ws)


def after_padding(state, pad):
    """gcc's spacing rule (cpplib's `source`): the spacing a token gets from the
    paddings before it.  state is None (take the token's own) or the spacing
    of the first padding since the last token, which the end of a macro or
    argument forgets if it was no space."""
    if state is None:
        return pad.ws
    if state is False and pad.ws is None:
        return None
    return state


def stringize(tokens) -> str:
    """The text of the string literal `#param` makes of an argument (6.10.3.2)."""
    parts = ['"']
    state, first = None, True
    for t in tokens:
        if t.kind == PADDING:
            state = after_padding(state, t)
            continue
        if not first and (t.ws if state is None else state):
            parts.append(" ")
        state, first = None, False
        s = t.text
        if t.kind in (STRING, CHAR, BAD_LITERAL):
            s = s.replace("\\", "\\\\").replace('"', '\\"')
        parts.append(s)
    parts.append('"')
    return "".join(parts)


def substitute(m, args, name, expand, va_omitted=False):
    """The replacement of one invocation of `m` at token `name`, before rescanning.

    args: the raw argument token lists (None for an object-like macro);
    expand: a function giving the full macro expansion of an argument.
    """
    line, col = name.line, name.col
    body, pidx = m.body, m.pidx
    if m.simple:
        return [Token(t.kind, t.text, line, col, t.ws, False, False, (m, t)) for t in body]
    origin = (m, None)

    def copy(toks):
        return [Token(t.kind, t.text, line, col, t.ws, False, t.noexpand, origin)
                for t in toks]

    def copy_raw(toks):       # an operand of ## (gcc skips paddings when pasting)
        return [Token(t.kind, t.text, line, col, t.ws, False, t.noexpand, origin)
                for t in toks if t.kind != PADDING]

    expanded = {}
    if m.vaopt:
        va = len(m.params) - 1
        expanded[va] = expand(args[va])
        present = any(t.kind != PADDING for t in expanded[va])
        body, pidx = _apply_vaopt(m, present, line, col)
    out = []
    n = len(body)
    i = 0
    while i < n:
        t = body[i]
        p = pidx[i]
        if t.kind == PUNCT and args is not None and t.text == "#":
            out.append(Token(STRING, stringize(args[pidx[i + 1]]), line, col, t.ws, False,
                             False, (m, t)))
            i += 2
            continue
        if t.kind == PUNCT and t.text == "##":
            op = t
            i += 1
            r, rp = body[i], pidx[i]
            i += 1
            if r.kind == PUNCT and args is not None and r.text == "#":
                right = [Token(STRING, stringize(args[pidx[i]]), line, col, r.ws, False,
                               False, (m, r))]
                i += 1
            elif rp >= 0:
                if (m.variadic and rp == len(m.params) - 1 and out
                        and body[i - 3].text == "," and out[-1].text == ","):
                    # GNU comma elision: `, ## __VA_ARGS__`.
                    if va_omitted:
                        out.pop()
                    else:
                        if rp not in expanded:
                            expanded[rp] = expand(args[rp])
                        out.extend(copy(expanded[rp]))
                    continue
                right = copy_raw(args[rp])
            else:
                right = [Token(r.kind, r.text, line, col, r.ws, False, False, (m, r))]
            if not right or right[0].kind == PLACEMARKER:
                continue
            if not out:
                out.extend(right)
                continue
            left = out[-1]
            if left.kind == PLACEMARKER:
                out[-1] = right[0]
            else:
                out[-1] = _paste(m, op, left, right[0])
            out.extend(right[1:])
            continue
        if p >= 0:
            if i + 1 < n and body[i + 1].kind == PUNCT and body[i + 1].text == "##":
                raw = copy_raw(args[p])
                if raw:
                    got = raw
                    got[0].ws = t.ws
                    out.extend(got)
                else:
                    out.append(Token(PLACEMARKER, "", line, col, t.ws, False, False, origin))
            else:
                # Paddings around the argument, as gcc puts them, give its
                # first token the parameter's spacing and let an empty one
                # pass the parameter's on (`#define m(a, b) a b+` of m(1,)
                # stringizes as "1 +").
                if p not in expanded:
                    expanded[p] = expand(args[p])
                if i:
                    out.append(padding(t.ws, line, col))
                out.extend(copy(expanded[p]))
                out.append(padding(None, line, col))
            i += 1
            continue
        out.append(Token(t.kind, t.text, line, col, t.ws, False, False, (m, t)))
        i += 1
    return [t for t in out if t.kind != PLACEMARKER]


def _paste(m, op, left, right):
    """The token `left ## right` forms; an error unless it is one valid token."""
    made = make_token(left.text + right.text)
    if made is None:
        raise MacroError(f"pasting formed '{left.text}{right.text}', an invalid "
                         "preprocessing token", op, m.where)
    kind, text = made
    return Token(kind, text, left.line, left.col, left.ws, False, False, left.origin)
