"""Values of C literal tokens: integers, floating constants, characters, strings.

Each function takes the token's spelling and returns its value, raising
ValueError with a user-facing message for malformed input.  Integer literal
types follow C99 6.4.4.1 for LP64 (decimal literals without a U suffix never
become unsigned; hex/octal ones may).
"""
from __future__ import annotations

import re
import struct

_INT_RE = re.compile(r"(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$")
_SUFFIXES = {"": "", "u": "u", "l": "l", "ul": "ul", "lu": "ul", "ll": "ll", "ull": "ull", "llu": "ull"}

_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "e": 27,
            "\\": 92, "'": 39, '"': 34, "?": 63}


def integer(text: str) -> tuple[int, str]:
    """Value and C type name ('int', 'unsigned long', ...) of an integer literal."""
    m = _INT_RE.match(text)
    if not m:
        raise ValueError(f"invalid integer constant '{text}'")
    digits, suffix = m.groups()
    key = suffix.lower()
    if key not in _SUFFIXES or "lL" in suffix or "Ll" in suffix:
        raise ValueError(f"invalid suffix '{suffix}' on integer constant")
    key = _SUFFIXES[key]
    if digits[:2] in ("0x", "0X"):
        value, decimal = int(digits[2:], 16), False
    elif digits[:2] in ("0b", "0B"):
        value, decimal = int(digits[2:], 2), False
    elif digits.startswith("0"):
        value, decimal = int(digits, 8), False
    else:
        value, decimal = int(digits), True
    unsigned = "u" in key
    longs = key.count("l")
    candidates = []
    if longs == 0:
        candidates += [("int", 31, False), ("unsigned int", 32, True)]
    candidates += [("long", 63, False), ("unsigned long", 64, True)]
    for name, bits, is_unsigned in candidates:
        if unsigned and not is_unsigned:
            continue
        if is_unsigned and decimal and not unsigned:
            continue
        if value < (1 << bits):
            if longs == 2:
                name = name.replace("long", "long long")
            return value, name
    if value < (1 << 64):
        return value, "unsigned long long" if longs == 2 else "unsigned long"
    raise ValueError("integer literal is too large to be represented in any integer type")


def floating(text: str) -> tuple[float, str]:
    """Value and type name ('double', 'float', 'long double') of a floating constant."""
    body, kind = text, "double"
    if body[-1] in "fF":
        body, kind = body[:-1], "float"
    elif body[-1] in "lL":
        body, kind = body[:-1], "long double"
    try:
        if body[:2].lower() == "0x":
            value = float.fromhex(body)
        else:
            if not re.fullmatch(r"([0-9]*\.[0-9]*|[0-9]+)([eE][+-]?[0-9]+)?", body) or body in (".",):
                raise ValueError
            value = float(body)
    except (ValueError, OverflowError):
        raise ValueError(f"invalid floating constant '{text}'") from None
    if kind == "float":
        value = round_float32(value)
    return value, kind


def round_float32(value: float) -> float:
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _unescape(body: str, what: str) -> list[int]:
    """Code points of a character or string literal body (between the quotes)."""
    return [b for _, codes in _pieces(body, what) for b in codes]


def _pieces(body: str, what: str):
    """(offset in body, code points) of each source character or escape sequence."""
    i, n = 0, len(body)
    while i < n:
        start, c = i, body[i]
        if c != "\\":
            yield start, list(c.encode("utf-8", "surrogatepass"))
            i += 1
            continue
        i += 1
        if i >= n:
            raise ValueError(f"incomplete escape sequence in {what}")
        c = body[i]
        if c in _ESCAPES:
            yield start, [_ESCAPES[c]]
            i += 1
        elif c in "01234567":
            j = i
            while j < n and j < i + 3 and body[j] in "01234567":
                j += 1
            yield start, [int(body[i:j], 8) & 0xFF]
            i = j
        elif c == "x":
            j = i + 1
            while j < n and body[j] in "0123456789abcdefABCDEF":
                j += 1
            if j == i + 1:
                raise ValueError("\\x used with no following hex digits")
            yield start, [int(body[i + 1:j], 16) & 0xFF]
            i = j
        elif c in "uU":
            width = 4 if c == "u" else 8
            digits = body[i + 1:i + 1 + width]
            if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise ValueError(f"incomplete universal character name in {what}")
            yield start, list(chr(int(digits, 16)).encode("utf-8", "surrogatepass"))
            i += 1 + width
        else:
            raise ValueError(f"unknown escape sequence '\\{c}'")


def character(text: str) -> int:
    """Value (an int, as C's type int) of a character constant like 'a' or '\\n'."""
    quote = text.index("'")
    body = text[quote + 1:-1]
    codes = _unescape(body, "character constant")
    if not codes:
        raise ValueError("empty character constant")
    value = 0
    for b in codes[-4:]:
        value = (value << 8) | b
    if len(codes) == 1:
        return codes[0] - 256 if codes[0] >= 128 else codes[0]
    return value - (1 << 32) if value >= 1 << 31 else value


def string(text: str) -> bytes:
    """Bytes of one string literal token (without the terminating NUL)."""
    quote = text.index('"')
    if text[:quote] in ("L", "u", "U"):
        raise ValueError("wide string literals are not supported (pvm has no wchar_t strings)")
    return bytes(_unescape(text[quote + 1:-1], "string literal"))


def string_offsets(text: str) -> list[int]:
    """For each byte of string literal token `text`'s value, the offset in
    `text` of the character or escape sequence it comes from (so a
    diagnostic can point into the literal: inline asm)."""
    quote = text.index('"')
    return [quote + 1 + at for at, codes in _pieces(text[quote + 1:-1], "string literal")
            for _ in codes]
