"""Evaluation of #if / #elif controlling expressions (C99 6.10.1).

The tokens arrive macro-expanded with every `defined X` already replaced by 0
or 1.  Arithmetic is done in intmax_t / uintmax_t (64 bits): a value is a pair
(int, unsigned); remaining identifiers are 0; character constants have the
value gcc gives them (plain char is signed).

The parser is an operator-precedence (shunting-yard) loop with explicit
stacks, so 10,000 nested parentheses cost no Python recursion.  Short-circuit
operators need no control flow either: an error that only an evaluated
operand may raise (division by zero) travels as a "poisoned" value, and
`0 && x`, `1 || x` and the untaken arm of `?:` drop the poison.
"""
from __future__ import annotations

from .lex import CHAR, IDENT, NUMBER, PUNCT, STRING

_MASK = (1 << 64) - 1
_SIGN = 1 << 63


class ExprError(Exception):
    """A malformed #if expression: message and the token it is about."""

    def __init__(self, message, token=None):
        super().__init__(message)
        self.message, self.token = message, token


def _wrap(v, unsigned):
    v &= _MASK
    return v if unsigned or v < _SIGN else v - (1 << 64)


_BINARY_PREC = {
    "*": 10, "/": 10, "%": 10, "+": 9, "-": 9, "<<": 8, ">>": 8,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "==": 6, "!=": 6, "&": 5, "^": 4, "|": 3,
    "&&": 2, "||": 1, ",": -1,
}
_UNARY = {"+", "-", "~", "!"}
_UNARY_PREC = 11
_COND_PREC = 0

# Operator-stack entries are (name, token); these names never reduce by
# precedence: "(" waits for ")", "?" waits for ":".
_OPEN = ("(", "?")


def evaluate(tokens) -> int:
    """The value of a #if expression; raise ExprError if it is malformed."""
    values, ops = [], []
    expect_operand = True
    last = tokens[-1] if tokens else None
    for tok in tokens:
        text = tok.text
        if expect_operand:
            kind = tok.kind
            if kind == NUMBER:
                values.append(parse_integer(tok) + (None,))
                expect_operand = False
            elif kind == IDENT:
                values.append((0, False, None))
                expect_operand = False
            elif kind == CHAR:
                values.append((char_value(tok), False, None))
                expect_operand = False
            elif kind == PUNCT and text in _UNARY:
                ops.append(("u" + text, tok))
            elif kind == PUNCT and text == "(":
                ops.append(("(", tok))
            elif kind == STRING or kind != PUNCT:
                raise ExprError(f"token {text!r} is not valid in preprocessor expressions", tok)
            else:
                raise ExprError("expected value in expression", tok)
            continue
        if text in _BINARY_PREC and tok.kind == PUNCT:
            prec = _BINARY_PREC[text]
            while ops and ops[-1][0] not in _OPEN and _prec(ops[-1][0]) >= prec:
                _reduce(values, ops)
            ops.append((text, tok))
            expect_operand = True
        elif text == "?" and tok.kind == PUNCT:
            while ops and ops[-1][0] not in _OPEN and _prec(ops[-1][0]) > _COND_PREC:
                _reduce(values, ops)
            ops.append(("?", tok))
            expect_operand = True
        elif text == ":" and tok.kind == PUNCT:
            while ops and ops[-1][0] not in _OPEN:
                _reduce(values, ops)
            if not ops or ops[-1][0] != "?":
                raise ExprError("':' without preceding '?'", tok)
            ops[-1] = ("?:", ops[-1][1])
            expect_operand = True
        elif text == ")" and tok.kind == PUNCT:
            while ops and ops[-1][0] not in _OPEN:
                _reduce(values, ops)
            if not ops or ops[-1][0] != "(":
                raise ExprError("missing '(' in expression", tok)
            ops.pop()
        elif tok.kind in (NUMBER, IDENT, CHAR) or text == "(":
            raise ExprError(f"missing binary operator before token {text!r}", tok)
        else:
            raise ExprError(f"token {text!r} is not valid in preprocessor expressions", tok)
    if expect_operand:
        raise ExprError("expected value in expression" if tokens else "expected expression", last)
    while ops:
        name, tok = ops[-1]
        if name == "(":
            raise ExprError("missing ')' in expression", tok)
        if name == "?":
            raise ExprError("'?' without following ':'", tok)
        _reduce(values, ops)
    value, _, poison = values[-1]
    if poison is not None:
        raise ExprError(*poison)
    return value


def _prec(name):
    if name[0] == "u" and len(name) == 2:
        return _UNARY_PREC
    if name == "?:":
        return _COND_PREC
    return _BINARY_PREC[name]


def _reduce(values, ops):
    name, tok = ops.pop()
    if name[0] == "u" and len(name) == 2:
        v, u, p = values.pop()
        op = name[1]
        if op == "-":
            v = _wrap(-v, u)
        elif op == "~":
            v = _wrap(~v, u)
        elif op == "!":
            v, u = int(v == 0), False
        values.append((v, u, p))
        return
    if name == "?:":
        c, a, b = values[-3], values[-2], values[-1]
        del values[-3:]
        u = a[1] or b[1]
        pick = a if c[0] else b
        values.append((_wrap(pick[0], u), u, c[2] or pick[2]))
        return
    b = values.pop()
    a = values.pop()
    values.append(_binary(name, a, b, tok))


def _binary(op, a, b, tok):
    (x, xu, xp), (y, yu, yp) = a, b
    if op == "&&":
        if xp is None and not x:
            return (0, False, None)
        return (int(bool(x) and bool(y)), False, xp or yp)
    if op == "||":
        if xp is None and x:
            return (1, False, None)
        return (int(bool(x) or bool(y)), False, xp or yp)
    if op == ",":
        return (y, yu, xp or yp)
    poison = xp or yp
    if op in ("<<", ">>"):
        return (_shift(op, x, xu, y, yu), xu, poison)
    u = xu or yu
    if u:
        x, y = x & _MASK, y & _MASK
    if op == "+":
        v = x + y
    elif op == "-":
        v = x - y
    elif op == "*":
        v = x * y
    elif op in ("/", "%"):
        if y == 0:
            return (0, u, poison or ("division by zero in preprocessor expression", tok))
        q = abs(x) // abs(y)
        if (x < 0) != (y < 0):
            q = -q
        v = q if op == "/" else x - y * q
    elif op == "&":
        v = x & y
    elif op == "|":
        v = x | y
    elif op == "^":
        v = x ^ y
    else:
        v = {"<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y,
             "==": x == y, "!=": x != y}[op]
        return (int(v), False, poison)
    return (_wrap(v, u), u, poison)


def _shift(op, x, xu, n, nu):
    """gcc's #if shifts: a negative count shifts the other way; >= 64 saturates."""
    if not nu and n < 0:
        op, n = ("<<" if op == ">>" else ">>"), -n
    if op == "<<":
        return 0 if n >= 64 else _wrap(x << n, xu)
    if n >= 64:
        return -1 if (not xu and x < 0) else 0
    return x >> n


_INT_SUFFIXES = {"", "u", "l", "ul", "lu", "ll", "ull", "llu"}


def parse_integer(tok):
    """The (value, unsigned) of an integer constant in #if (6.4.4.1)."""
    text = tok.text
    low = text.lower()
    if low.startswith(("0x", "0b")) and len(low) > 2:
        base, digits = (16 if low[1] == "x" else 2), low[2:]
        valid = "0123456789abcdef"[:base]
    else:
        base, digits, valid = 10, low, "0123456789"
    i = 0
    while i < len(digits) and digits[i] in valid:
        i += 1
    body, suffix = digits[:i], digits[i:]
    if base == 16:
        is_float = "." in digits or "p" in digits
    else:
        is_float = "." in low or (base == 10 and "e" in low)
    if is_float:
        raise ExprError("floating point literal in preprocessor expression", tok)
    if suffix not in _INT_SUFFIXES or ("ll" in suffix and "ll" not in text and "LL" not in text):
        bad = text[len(text) - len(suffix):]
        raise ExprError(f"invalid suffix '{bad}' on integer constant", tok)
    if not body:
        raise ExprError(f"invalid integer constant '{text}'", tok)
    if base == 10 and body[0] == "0" and len(body) > 1:
        base = 8
        for c in body:
            if c in "89":
                raise ExprError(f"invalid digit '{c}' in octal constant", tok)
    significant = body.lstrip("0")
    value = int(significant or "0", base) if len(significant) <= 64 else _MASK + 1
    if value > _MASK:
        raise ExprError("integer literal is too large to be represented in any integer type", tok)
    unsigned = "u" in suffix or value >= _SIGN
    return value, unsigned


_SIMPLE_ESCAPES = {"n": 10, "t": 9, "v": 11, "b": 8, "r": 13, "f": 12, "a": 7,
                   "\\": 92, "'": 39, '"': 34, "?": 63, "e": 27, "E": 27}


def char_value(tok) -> int:
    """The value of a character constant, as gcc computes it for x86-64."""
    text = tok.text
    prefix = text[:text.index("'")]
    units = char_units(text[len(prefix) + 1:-1], tok, wide=bool(prefix))
    if not units:
        raise ExprError("empty character constant", tok)
    if prefix == "L":
        v = units[-1] & 0xFFFFFFFF
        return v - (1 << 32) if v >= 1 << 31 else v
    if prefix == "u":
        return units[-1] & 0xFFFF
    if prefix == "U":
        return units[-1] & 0xFFFFFFFF
    if len(units) == 1:
        v = units[0] & 0xFF
        return v - 256 if v >= 128 else v
    v = 0
    for c in units:
        v = ((v << 8) | (c & 0xFF)) & 0xFFFFFFFF
    return v - (1 << 32) if v >= 1 << 31 else v


def char_units(body: str, tok, wide: bool) -> list[int]:
    """Code units of a character constant's body (bytes of UTF-8 unless wide)."""
    units, i, n = [], 0, len(body)
    while i < n:
        c = body[i]
        if c != "\\":
            j = body.find("\\", i)
            j = n if j < 0 else j
            chunk = body[i:j]
            if wide:
                units.extend(ord(ch) for ch in chunk)
            else:
                units.extend(chunk.encode("utf-8", "surrogatepass"))
            i = j
            continue
        if i + 1 >= n:
            raise ExprError("incomplete escape sequence in character constant", tok)
        e = body[i + 1]
        i += 2
        if e in _SIMPLE_ESCAPES:
            units.append(_SIMPLE_ESCAPES[e])
        elif e in "01234567":
            j = i - 1
            while i < n and i - j < 3 and body[i] in "01234567":
                i += 1
            units.append(int(body[j:i], 8))
        elif e == "x":
            j = i
            while i < n and body[i] in "0123456789abcdefABCDEF":
                i += 1
            if i == j:
                raise ExprError("\\x used with no following hex digits", tok)
            units.append(int(body[j:i], 16))
        elif e in "uU":
            width = 4 if e == "u" else 8
            digits = body[i:i + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise ExprError(f"incomplete universal character name \\{e}{digits}", tok)
            i += width
            cp = int(digits, 16)
            if wide:
                units.append(cp)
            else:
                units.extend(chr(min(cp, 0x10FFFF)).encode("utf-8", "surrogatepass"))
        else:
            units.extend(e.encode("utf-8", "surrogatepass") if not wide else [ord(e)])
    return units
