"""Preprocessing directives (C99 6.10): one handler per directive name.

`run_directive` is called by the file reader at each `#` that starts a line.
In a skipped group only the conditional directives are looked at (and
nothing there is evaluated).  Conditionals live on the current file's stack,
so 10,000-deep nesting costs no recursion.

Handlers take (pp, fs, start, name_token, args, in_args): the Preprocessor,
the file, the index of the `#` token, the directive name and the tokens after
it; in_args is true while a macro's arguments are being read.
"""
from __future__ import annotations

from .expr import ExprError, evaluate
from .files import ACTIVE, DEAD, DONE, SEEK
from .lex import IDENT, NUMBER, PUNCT, STRING, spell_tokens
from .macro import MacroError, parse_define


def run_directive(pp, fs, start, in_args=False):
    toks = fs.toks
    n = len(toks)
    end = start + 1
    while end < n and not toks[end].bol:
        end += 1
    fs.pos = end
    if end == start + 1:
        return                                   # the null directive
    name_tok = toks[start + 1]
    args = toks[start + 2:end]
    name = name_tok.text if name_tok.kind == IDENT else None
    if fs.skipping:
        if name in _CONDITIONALS:
            _CONDITIONALS[name](pp, fs, start, name_tok, args, in_args)
        return
    handler = _HANDLERS.get(name)
    if handler is None:
        if name_tok.kind == NUMBER:              # GNU line marker: # 33 "file.c" 1
            do_line(pp, fs, start, name_tok, [name_tok] + args, in_args, marker=True)
        else:
            pp.error(name_tok, "invalid preprocessing directive")
        return
    handler(pp, fs, start, name_tok, args, in_args)


def _extra_tokens(pp, args, name):
    if args:
        pp.warn(args[0], f"extra tokens at end of #{name} directive")


# --- conditionals ---------------------------------------------------------

def _condition(pp, name_tok, args):
    """Evaluate a #if/#elif line; errors are reported and count as false."""
    if not args:
        pp.error(name_tok, f"#{name_tok.text} with no expression")
        return False
    try:
        return evaluate(pp.expander.expand_list(args, in_if=True)) != 0
    except ExprError as e:
        pp.error(e.token or args[-1], e.message)
    except MacroError as e:
        pp.report(e, name_tok)
    return False


def _macro_name(pp, name_tok, args):
    if not args:
        pp.error(name_tok, "macro name missing")
        return None
    if args[0].kind != IDENT:
        pp.error(args[0], "macro name must be an identifier")
        return None
    if args[0].text == "defined" and name_tok.text in ("define", "undef"):
        pp.error(args[0], "'defined' cannot be used as a macro name")
        return None
    return args[0].text


def do_if(pp, fs, start, name_tok, args, in_args):
    if fs.skipping:
        fs.conds.append([DEAD, False, name_tok, None])
        return
    guard = None
    if start == 0 and len(args) in (3, 5) and args[0].text == "!" and args[1].text == "defined":
        rest = args[2:]
        if len(rest) == 3 and rest[0].text == "(" and rest[2].text == ")":
            rest = rest[1:2]
        if len(rest) == 1 and rest[0].kind == IDENT:
            guard = rest[0].text
    state = ACTIVE if _condition(pp, name_tok, args) else SEEK
    fs.conds.append([state, False, name_tok, guard])
    fs.update_skipping()


def do_ifdef(pp, fs, start, name_tok, args, in_args):
    if fs.skipping:
        fs.conds.append([DEAD, False, name_tok, None])
        return
    name = _macro_name(pp, name_tok, args)
    _extra_tokens(pp, args[1:], name_tok.text)
    defined = name is not None and name in pp.macros
    want = name_tok.text == "ifdef"
    guard = name if start == 0 and not want else None
    fs.conds.append([ACTIVE if defined == want else SEEK, False, name_tok, guard])
    fs.update_skipping()


def do_elif(pp, fs, start, name_tok, args, in_args):
    if not fs.conds:
        pp.error(name_tok, "#elif without #if")
        return
    top = fs.conds[-1]
    if top[1]:
        pp.error(name_tok, "#elif after #else")
        return
    top[3] = None
    if top[0] == ACTIVE:
        top[0] = DONE
    elif top[0] == SEEK and _condition(pp, name_tok, args):
        top[0] = ACTIVE
    fs.update_skipping()


def do_else(pp, fs, start, name_tok, args, in_args):
    if not fs.conds:
        pp.error(name_tok, "#else without #if")
        return
    top = fs.conds[-1]
    if top[1]:
        pp.error(name_tok, "#else after #else")
        return
    if top[0] != DEAD:
        _extra_tokens(pp, args, "else")
    top[1] = True
    top[3] = None
    top[0] = {ACTIVE: DONE, SEEK: ACTIVE}.get(top[0], top[0])
    fs.update_skipping()


def do_endif(pp, fs, start, name_tok, args, in_args):
    if not fs.conds:
        pp.error(name_tok, "#endif without #if")
        return
    top = fs.conds.pop()
    if top[0] != DEAD:
        _extra_tokens(pp, args, "endif")
    if top[3] is not None and not fs.conds:
        fs.guard_end = (fs.pos, top[3])
    fs.update_skipping()


# --- macros -----------------------------------------------------------------

def do_define(pp, fs, start, name_tok, args, in_args):
    warnings = []
    try:
        m = parse_define(args, fs, warnings)
    except MacroError as e:
        pp.report(e, name_tok)
        return
    for message, tok in warnings:
        pp.warn(tok, message)
    pp.define(m)


def do_undef(pp, fs, start, name_tok, args, in_args):
    name = _macro_name(pp, name_tok, args)
    _extra_tokens(pp, args[1:], "undef")
    if name is not None:
        pp.undefine(name, args[0])


# --- files ------------------------------------------------------------------

def do_include(pp, fs, start, name_tok, args, in_args, kind="include"):
    if in_args:
        pp.error(name_tok, "embedding a #include directive within macro arguments "
                           "is not supported")
        return
    got = _header_name(pp, fs, args)
    if got is None:
        try:
            got = _header_name(pp, fs, pp.expander.expand_list(args))
        except MacroError as e:
            pp.report(e, name_tok)
            return
    if got is None:
        pp.error(args[0] if args else name_tok, 'expected "FILENAME" or <FILENAME>')
        return
    name, angled, tok, rest = got
    _extra_tokens(pp, rest, kind)
    if not name:
        pp.error(tok, "empty filename in #include")
        return
    pp.include(fs, name, angled, tok, args[-1].line, kind)


def _header_name(pp, fs, toks):
    """(name, angled, token, extra tokens) of "name" or <name>, or None."""
    if not toks:
        return None
    first = toks[0]
    if first.kind == STRING and first.text.startswith('"'):
        return first.text[1:-1], False, first, toks[1:]
    if first.kind != PUNCT or first.text != "<":
        return None
    for k in range(1, len(toks)):
        if toks[k].kind == PUNCT and toks[k].text == ">":
            break
    else:
        return None
    name = spell_tokens(toks[1:k])
    if first.origin is None:     # the raw source text keeps e.g. "//" in the name
        src = fs.source_line(first.line) or ""
        close = src.find(">", first.col)
        if close >= 0 and src[first.col - 1:first.col] == "<":
            name = src[first.col:close]
    return name, True, first, toks[k + 1:]


def do_include_next(pp, fs, start, name_tok, args, in_args):
    do_include(pp, fs, start, name_tok, args, in_args, kind="include_next")


def do_import(pp, fs, start, name_tok, args, in_args):
    do_include(pp, fs, start, name_tok, args, in_args, kind="import")


def do_line(pp, fs, start, name_tok, args, in_args, marker=False):
    try:
        toks = args if marker else pp.expander.expand_list(args)
    except MacroError as e:
        pp.report(e, name_tok)
        return
    if not toks or toks[0].kind != NUMBER or not toks[0].text.isdigit():
        pp.error(toks[0] if toks else name_tok,
                 "#line directive requires a simple digit sequence")
        return
    number = int(toks[0].text) if len(toks[0].text) <= 10 else 1 << 31
    if number > 2147483647:
        pp.error(toks[0], "line number out of range in #line directive")
        return
    name = None
    rest = toks[1:]
    if rest:
        if rest[0].kind != STRING or not rest[0].text.startswith('"'):
            pp.error(rest[0], "invalid filename for #line directive")
            return
        name = _unescape(rest[0].text[1:-1])
        rest = rest[1:]
    if marker:
        rest = [t for t in rest if not (t.kind == NUMBER and t.text in ("1", "2", "3", "4"))]
    _extra_tokens(pp, rest, "line")
    last = (args[-1] if args else name_tok).line
    if not in_args:
        pp.out.advance(last)
    fs.set_line(last + 1, fs.presumed(last)[0] if name is None else name, number)


def _unescape(s):
    """A #line file name's escapes: \\\\ and \\" (enough for what gcc writes)."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            i += 1
        out.append(s[i])
        i += 1
    return "".join(out)


# --- diagnostics and pragmas ---------------------------------------------------

def do_error(pp, fs, start, name_tok, args, in_args):
    pp.error(name_tok, spell_tokens(args) or "#error")


def do_warning(pp, fs, start, name_tok, args, in_args):
    pp.warn(name_tok, spell_tokens(args) or "#warning")


def do_pragma(pp, fs, start, name_tok, args, in_args):
    pp.pragma(spell_tokens(args), name_tok, args)


def do_ignore(pp, fs, start, name_tok, args, in_args):
    """#ident, #sccs, #assert, #unassert: accepted and ignored, as gcc -E keeps no trace."""


_CONDITIONALS = {
    "if": do_if, "ifdef": do_ifdef, "ifndef": do_ifdef,
    "elif": do_elif, "else": do_else, "endif": do_endif,
}
_HANDLERS = dict(_CONDITIONALS, **{
    "define": do_define, "undef": do_undef, "include": do_include,
    "include_next": do_include_next, "import": do_import, "line": do_line,
    "error": do_error, "warning": do_warning, "pragma": do_pragma,
    "ident": do_ignore, "sccs": do_ignore, "assert": do_ignore, "unassert": do_ignore,
})
