"""The C preprocessor of pvm (C99 6.10 plus the GNU bits real code uses).

    from compiler.preprocess.preprocessor import preprocess, PreprocessError
    res = preprocess("prog.c", include_dirs=["inc"], defines={"NDEBUG": "1"})
    res.text        # one '\\n'-terminated line per entry of res.line_map
    res.line_map    # [(file name, line)] where each output line came from
    res.includes    # paths of the headers read, in the order first read
    res.warnings    # formatted warnings (heading, source line, caret)

Errors raise PreprocessError (a PvmError): .diagnostics is a list of
(filename, line, col, message) tuples that also carry .severity; str(err)
is clang-style text with the source line and a caret.  All errors of a run
are collected (up to 20) except fatal ones (a missing #include file), which
stop at once.

The stages, one module each in compiler/preprocess/: lex (splices, comments,
tokens), files (reading, #include search, per-file #if stack and #line map),
directives, macro (#define, substitution, # and ##), expand (rescanning, with
macros disabled inside their own expansion), expr (#if arithmetic), output
(text and line map), diag (diagnostics), predefined.
This module holds the state of one run and the reading loop that ties them.

Known differences from gcc -E: every #pragma is dropped from the output
(only `once`, `push_macro` and `pop_macro` have an effect); digraphs come out (and are stringized) as the
punctuator they stand for; bytes that are not UTF-8 become U+FFFD;
`#__VA_OPT__` is rejected.  Split res.text on '\n', not str.splitlines(),
which also splits at characters such as U+2028 that may sit in literals.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .diag import Diagnostic, PreprocessError
from .directives import run_directive
from .expand import HAS_INCLUDE, Expander, Stream
from .files import MAX_INCLUDE_DEPTH, FileState, SourceFile, find_include, read_source
from .lex import BAD_LITERAL, IDENT, NUMBER, PUNCT, STRING, Token
from .macro import Macro, MacroError, parse_define
from .output import Output
from .predefined import DYNAMIC_MACROS, predefined_macros, string_literal

__all__ = ["preprocess", "PreprocessError", "PreprocessResult", "Diagnostic"]

# #pragma push_macro("NAME") and pop_macro("NAME"), as spelled by spell_tokens.
_MACRO_PRAGMA = re.compile(r'\s*(?:push|pop)_macro\s*\(\s*"([A-Za-z_$][\w$]*)"\s*\)\s*$')

MAX_ERRORS = 20


@dataclass
class PreprocessResult:
    text: str
    line_map: list = field(default_factory=list)
    includes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def preprocess(path, text=None, include_dirs=(), defines=None, trigraphs=False) -> PreprocessResult:
    """Preprocess the file `path` (or `text`, named `path`); see the module docstring.
    `trigraphs`: replace ??= and the other trigraphs (gcc's -trigraphs)."""
    pp = Preprocessor([os.fspath(d) for d in include_dirs], trigraphs)
    try:
        return pp.run(os.fspath(path), text, defines or {})
    except RecursionError:
        raise PreprocessError(pp.errors + [Diagnostic(
            os.fspath(path), 0, 0, "nesting too deep to preprocess", "fatal error")]) from None


class Preprocessor:
    """The state of one preprocessing run."""

    def __init__(self, include_dirs, trigraphs=False):
        self.include_dirs = include_dirs
        self.trigraphs = trigraphs
        self.macros = {}                 # name -> Macro
        self.expander = Expander(self.macros, self.pragma, self.has_include)
        self.out = Output()
        self.stack = []                  # FileStates being read; the main file first
        self.fs = None                   # the file being read (stack[-1])
        self.sources = {}                # path -> SourceFile (each file lexed once)
        self.includes = []               # paths of headers read
        self.once = set()                # files with #pragma once (real paths)
        self.pushed = {}                 # name -> stack of Macro or None (push_macro)
        self.guards = {}                 # real path -> include-guard macro name
        self.lex_reported = set()        # files whose lexing errors were reported
        self.errors = []                 # Diagnostics (errors and their notes)
        self.nerrors = 0
        self.warnings = []               # formatted warning texts
        self.counter = 0                 # __COUNTER__
        self.main_name = ""

    # --- the run ----------------------------------------------------------

    def run(self, path, text, defines):
        self.main_name = path
        self._predefine(defines)
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8", "replace")
        if text is None:
            try:
                text = read_source(path)
            except OSError as e:
                raise PreprocessError([Diagnostic(path, 0, 0, f"cannot open file: {e.strerror}",
                                                  "fatal error")]) from None
        self._enter(SourceFile(path, path, text, self.trigraphs))
        stream = Stream(reader=self.read, peek=self.peek)
        nxt, emit = self.expander.next, self.out.emit
        while True:
            if not stream.ctxs and not self.fs.skipping:
                self._copy_plain_tokens()
            try:
                t = nxt(stream)
            except MacroError as e:
                self.report(e, None)
                stream.unwind()
                continue
            if t is None:
                break
            if t.kind == BAD_LITERAL:
                quote = "'" if "'" in t.text[:3] else '"'
                self.error(t, f"missing terminating {quote} character")
                continue
            emit(t)
        if self.errors:
            raise PreprocessError(self.errors)
        return PreprocessResult(self.out.text(), self.out.line_map, self.includes,
                                self.warnings)

    def _copy_plain_tokens(self):
        """Emit file tokens up to the next one that needs work (the fast path).

        Work means: a directive, an identifier that names a macro (or is
        _Pragma), or an unterminated literal; everything else goes straight
        to the output.
        """
        fs = self.fs
        toks, pos, n = fs.toks, fs.pos, len(fs.toks)
        macros, emit = self.macros, self.out.emit
        while pos < n:
            t = toks[pos]
            kind = t.kind
            if kind == IDENT:
                if t.text in macros or t.text == "_Pragma":
                    break
            elif kind == PUNCT:
                if t.bol and t.text == "#":
                    break
            elif kind == BAD_LITERAL:
                break
            emit(t)
            pos += 1
        fs.pos = pos

    def read(self, in_args=False):
        """The next token of the text lines, running directives on the way.

        At the end of a file, go back to its includer, except while reading
        macro arguments (an invocation may not span files): then None.
        """
        while True:
            fs = self.fs
            toks = fs.toks
            pos = fs.pos
            if pos >= len(toks):
                if in_args or not self._leave():
                    return None
                continue
            t = toks[pos]
            if t.bol and t.kind == PUNCT and t.text == "#":
                run_directive(self, fs, pos, in_args)
                continue
            if fs.skipping:
                k = bisect_left(fs.dirs, pos)
                fs.pos = fs.dirs[k] if k < len(fs.dirs) else len(toks)
                continue
            fs.pos = pos + 1
            return t

    def peek(self):
        """The next file token if it may continue a macro invocation, else None."""
        fs = self.fs
        if fs.pos < len(fs.toks):
            t = fs.toks[fs.pos]
            if not (t.bol and t.kind == PUNCT and t.text == "#"):
                return t
        return None

    # --- files ------------------------------------------------------------

    def _enter(self, src, found_in=None):
        fs = FileState(src, found_in)
        self.stack.append(fs)
        self.fs = fs
        self.out.begin_file(fs)
        if src.lexed.errors and src.key not in self.lex_reported:
            self.lex_reported.add(src.key)
            for line, col, message in src.lexed.errors:
                self._add_error([self._diag(fs, line, col, message, "error")])

    def _leave(self):
        """Finish the current file; False at the end of the main file."""
        fs = self.fs
        for cond in fs.conds:
            self.error(cond[2], "unterminated conditional directive")
        if fs.guard_end is not None and fs.guard_end[0] == len(fs.toks) and not fs.conds:
            self.guards[fs.src.key] = fs.guard_end[1]
        self.out.advance(fs.src.lexed.nlines)
        self.stack.pop()
        if not self.stack:
            return False
        self.fs = self.stack[-1]
        self.out.resume(self.fs, self.fs.resume_line)
        return True

    def has_include(self, name, angled, is_next):
        """__has_include: whether #include (or #include_next) would find `name`."""
        fs = self.fs
        start = 0
        if is_next:
            angled, start = True, (fs.found_in + 1 if fs.found_in is not None else 0)
        return find_include(name, angled, fs.src.dir, self.include_dirs, start) is not None

    def include(self, fs, name, angled, tok, line, kind="include"):
        """Start reading the file an #include names (its last token is on `line`)."""
        if len(self.stack) > MAX_INCLUDE_DEPTH:
            self.fatal(tok, f"#include nested too deeply (limit {MAX_INCLUDE_DEPTH})")
        start = 0
        if kind == "include_next":
            angled, start = True, (fs.found_in + 1 if fs.found_in is not None else 0)
        found = find_include(name, angled, fs.src.dir, self.include_dirs, start)
        if found is None:
            self.fatal(tok, f"'{name}' file not found", len(name) + 2)
        path, found_in = found
        src = self.sources.get(path)
        key = src.key if src is not None else os.path.realpath(path)
        if key in self.once:
            return
        guard = self.guards.get(key)
        if guard is not None and guard in self.macros:
            return
        if kind == "import":
            self.once.add(key)
        if src is None:
            try:
                src = SourceFile(path, path, read_source(path), self.trigraphs)
            except OSError as e:
                self.fatal(tok, f"cannot open '{name}': {e.strerror}", len(name) + 2)
            self.sources[path] = src
            self.includes.append(path)
        self.out.advance(line)
        fs.resume_line = line
        self._enter(src, found_in)

    # --- macros -----------------------------------------------------------

    def _predefine(self, defines):
        for name, value in predefined_macros().items():
            self._define_text("<built-in>", f"{name} {value}")
        for name in DYNAMIC_MACROS + HAS_INCLUDE:
            self.macros[name] = Macro(name, None, False, [], builtin=self._dynamic(name))
        for name, value in defines.items():
            value = "1" if value is None else str(value).replace("\n", " ")
            self._define_text("<command-line>", f"{name} {value}")

    def _define_text(self, where, text):
        fs = FileState(SourceFile(where, where, text))
        try:
            if fs.src.lexed.errors:
                line, col, message = fs.src.lexed.errors[0]
                raise MacroError(message, Token(0, "", line, col), fs)
            self.define(parse_define(fs.toks, fs, []))
        except MacroError as e:
            self.fs = fs
            self.report(e, Token(0, "", 1, 1))
            raise PreprocessError(self.errors) from None

    def _dynamic(self, name):
        def expand(tok):
            fs = self.fs
            kind = NUMBER
            if name == "__LINE__":
                text = str(fs.presumed(tok.line)[1])
            elif name == "__FILE__":
                kind, text = STRING, string_literal(fs.presumed(tok.line)[0])
            elif name == "__BASE_FILE__":
                kind, text = STRING, string_literal(self.main_name)
            elif name in HAS_INCLUDE:
                raise MacroError(f"'{name}' used outside of preprocessing directive", tok)
            elif name == "__COUNTER__":
                text = str(self.counter)
                self.counter += 1
            else:
                text = str(len(self.stack) - 1)
            return Token(kind, text, tok.line, tok.col, tok.ws, False, False,
                         (self.macros.get(name), None))
        return expand

    def define(self, m):
        old = self.macros.get(m.name)
        if old is not None:
            if old.builtin is not None:
                self.warn(m.token, f"redefining builtin macro '{m.name}'")
            elif not old.same_as(m):
                notes = []
                if old.token is not None and old.where is not None:
                    notes = [self._diag(old.where, old.token.line, old.token.col,
                                        "previous definition is here", "note")]
                self.warn(m.token, f"'{m.name}' macro redefined", notes)
        self.macros[m.name] = m

    def undefine(self, name, tok):
        m = self.macros.pop(name, None)
        if m is not None and m.builtin is not None:
            self.warn(tok, f"undefining builtin macro '{name}'")

    def pragma(self, text, tok, args=()):
        """#pragma and _Pragma: `once`, `push_macro` and `pop_macro` are obeyed,
        every other pragma ignored.  args: the tokens of a #pragma line."""
        words = text.split()
        if words[:1] == ["once"]:
            self.once.add(self.fs.src.key)
            return
        action = text.lstrip().partition("(")[0].strip()
        if action not in ("push_macro", "pop_macro"):
            return
        m = _MACRO_PRAGMA.match(text)
        if m is None:
            where = args[2] if len(args) > 2 else args[-1] if args else tok
            self.error(where, f"invalid #pragma {action} directive")
            return
        name = m.group(1)
        if action == "push_macro":
            self.pushed.setdefault(name, []).append(self.macros.get(name))
        elif self.pushed.get(name):
            # gcc: the definition saved by the matching push comes back (none
            # if the name was undefined then); a pop with no push is ignored.
            saved = self.pushed[name].pop()
            if saved is None:
                self.macros.pop(name, None)
            else:
                self.macros[name] = saved

    # --- diagnostics ------------------------------------------------------

    def _diag(self, fs, line, col, message, severity, length=1):
        name, pline = fs.presumed(line)
        return Diagnostic(name, pline, col, message, severity, fs.source_line(line), length)

    def _at(self, tok, message, severity, where=None, length=1):
        """Diagnostics at a token: in a macro definition, plus a note at the use."""
        fs = where or self.fs
        origin = tok.origin
        if where is None and origin is not None and origin[1] is not None \
                and origin[0] is not None and origin[0].where is not None:
            m, dt = origin
            return [self._diag(m.where, dt.line, dt.col, message, severity, length),
                    self._diag(fs, tok.line, tok.col, f"in expansion of macro '{m.name}'",
                               "note", len(m.name))]
        return [self._diag(fs, tok.line, tok.col, message, severity, length)]

    def error(self, tok, message):
        self._add_error(self._at(tok, message, "error"))

    def fatal(self, tok, message, length=1):
        self.errors.extend(self._at(tok, message, "fatal error", length=length))
        raise PreprocessError(self.errors)

    def warn(self, tok, message, notes=()):
        diags = self._at(tok, message, "warning") + list(notes)
        self.warnings.append("\n".join(d.format() for d in diags))

    def report(self, e, fallback):
        """Record a MacroError (with its notes)."""
        tok = e.token or fallback
        if tok is None:
            tok = Token(0, "", 0, 0)
        diags = self._at(tok, e.message, "error", e.where)
        for message, t, where in e.notes:
            if t is not None and (where is not None or self.fs is not None):
                diags.append(self._diag(where or self.fs, t.line, t.col, message, "note"))
        self._add_error(diags)

    def _add_error(self, diags):
        self.errors.extend(diags)
        self.nerrors += 1
        if self.nerrors >= MAX_ERRORS:
            raise PreprocessError(self.errors + [Diagnostic(
                diags[0][0], 0, 0, "too many errors emitted, stopping now", "fatal error")])
