"""Syntax errors: their messages, and recovery so that one run reports several.

Only used once Lark's fast parse has failed.  `collect` parses the tokens
again, feeding them one at a time to Lark's interactive LALR parser with no
AST actions (this pass only recognises).  At each error it records a
message, then repairs the input the way a person would read it: it inserts
the one or two tokens that let the parser accept the offending token (a
missing ';', ')', ']', '(' or expression), or else deletes that token.  As
in yacc, an error within the next few tokens after a repair, on the same
line as the last error reported, is taken to be a consequence of it and not
reported; nor is an error at the end of input after earlier errors.  The
work is bounded (at most MAX_REPAIRS repairs), so any input finishes
quickly.
"""
from __future__ import annotations

import copy

from lark import Token
from lark.exceptions import UnexpectedToken

MAX_REPAIRS = 100       # repairs attempted before giving up on the rest of the input
QUIET_TOKENS = 3        # tokens after a repair in which new errors are not reported

# Tokens a repair may insert, in order of preference, with the text they stand for.
_INSERTIONS = [("SEMICOLON", ";"), ("RPAR", ")"), ("RSQB", "]"), ("INTEGER", "0"), ("IDENTIFIER", "_"),
               ("LPAR", "("), ("RBRACE", "}")]


def spelling(tok) -> str:
    if tok.type == "$END":
        return "end of input"
    return f"'{tok.value}'"


def expected_words(names, terminals: dict[str, str]) -> str:
    """"'x' or 'y'" for a short list of expected terminals, else ''."""
    spell = {v: k for k, v in terminals.items()}
    words = sorted(spell.get(n, n.lower().replace("_", " ")) for n in names if not n.startswith("$"))
    if not words or len(words) > 4:
        return ""
    return " or ".join(f"'{w}'" if w in spell.values() else w for w in words)


def message(tok, expected, last, terminals) -> tuple[int, int, str]:
    """(line, col, text) of the error at `tok` (`last`: the token before it, for end of input)."""
    if tok.type == "$END":
        line, col = (last.end_line, last.end_column) if last is not None else (1, 1)
        words = expected_words(expected, terminals)
        return line, col, "unexpected end of input" + (f"; expected {words}" if words else "")
    expected = set(expected)
    if {"IDENTIFIER", "INTEGER"} <= expected:
        return tok.line, tok.column, f"expected expression before {spelling(tok)}"
    if {"IDENTIFIER", "LPAR"} <= expected:      # a declarator
        return tok.line, tok.column, f"expected identifier or '(' before {spelling(tok)}"
    for name, text in (("SEMICOLON", ";"), ("RPAR", ")"), ("RSQB", "]"), ("COLON", ":")):
        if name in expected:
            return tok.line, tok.column, f"expected '{text}' before {spelling(tok)}"
    words = expected_words(expected, terminals)
    if words:
        return tok.line, tok.column, f"expected {words} before {spelling(tok)}"
    return tok.line, tok.column, f"syntax error before {spelling(tok)}"


def _fake(type_: str, text: str, at: Token) -> Token:
    return Token(type_, text, at.start_pos, at.line, at.column, at.line, at.column, at.end_pos)


def _repair(ip, tok, expected, depth: int = 2):
    """An interactive parser that has accepted up to `depth` tokens inserted
    before `tok`, then `tok`; or None."""
    for type_, text in _INSERTIONS:
        if type_ not in expected:
            continue
        trial = ip.copy(deepcopy_values=False)
        try:
            trial.feed_token(_fake(type_, text, tok))
        except UnexpectedToken:
            continue
        try:
            trial.feed_token(tok)
            return trial
        except UnexpectedToken as exc:
            if depth > 1:
                deeper = _repair(trial, tok, exc.expected, depth - 1)
                if deeper is not None:
                    return deeper
    return None


def collect(lark_parser, toks: list, terminals: dict[str, str]) -> list[tuple[int, int, str]]:
    """Every syntax error worth reporting in `toks`, as (line, col, message)."""
    errors: list[tuple[int, int, str]] = []
    ip = lark_parser.parse_interactive(toks)
    # recognise only: the AST actions would see repaired, possibly odd input
    conf = copy.copy(ip.parser_state.parse_conf)
    conf.callbacks = {}
    ip.parser_state.parse_conf = conf
    quiet_until = -1
    reported_line = 0
    repairs = 0
    last = None
    for i, tok in enumerate(toks):
        try:
            ip.feed_token(tok)
            last = tok
            continue
        except UnexpectedToken as exc:
            expected = exc.expected
        if i >= quiet_until or tok.line > reported_line:
            errors.append(message(tok, expected, last, terminals))
            reported_line = tok.line
        repairs += 1
        if repairs > MAX_REPAIRS:
            return errors
        repaired = _repair(ip, tok, expected)
        if repaired is not None:
            ip = repaired
            last = tok
        quiet_until = i + 1 + QUIET_TOKENS
    try:
        ip.feed_eof(last)
    except UnexpectedToken as exc:
        if not errors:
            errors.append(message(exc.token, exc.expected, last, terminals))
    return errors or [(1, 1, "syntax error")]
