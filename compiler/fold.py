"""Constant folding: C arithmetic on compile-time values, exact at every width.

Used by the checker to fold integer constant expressions (array sizes, case
labels, enumerators, static initializers) and any operation whose operands
are constants.  Values are the mathematical value of the C type: unsigned
types hold 0..2^n-1, signed types -2^(n-1)..2^(n-1)-1.
"""
from __future__ import annotations

import math

from . import types as T
from .literals import round_float32


def wrap(value: int, t: T.CType) -> int:
    """`value` converted to integer (or pointer) type `t` (modular)."""
    if t.is_pointer:
        return value & 0xFFFFFFFFFFFFFFFF
    if t.is_bool:
        return int(value != 0)
    bits = t.size * 8
    value &= (1 << bits) - 1
    if t.signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def canonical(value: int, t: T.CType) -> int:
    """The register form of an integer value of type `t` (sign-extended from
    32 or 64 bits for int-sized and wider types, RISC-V style)."""
    if t.is_pointer or t.size >= 4:
        bits = 64 if (t.is_pointer or t.size == 8) else 32
        value &= (1 << bits) - 1
        if value >= 1 << (bits - 1):
            value -= 1 << bits
    return value


def convert(value, src: T.CType, dst: T.CType):
    """A constant of type `src` converted to `dst`; None if not foldable."""
    if dst.is_float:
        v = float(value)
        return round_float32(v) if dst.size == 4 else v
    if src.is_float:
        if math.isnan(value) or math.isinf(value):
            return None
        if dst.is_bool:
            return int(value != 0)
        return wrap(int(value), dst)
    return wrap(value, dst)


def binary(op: str, a, b, t: T.CType):
    """a op b computed in type t (the operands already converted); None if
    the result is not a constant (division by zero)."""
    if t.is_float:
        if op == "+": r = a + b
        elif op == "-": r = a - b
        elif op == "*": r = a * b
        elif op == "/":
            if b == 0:
                return None
            r = a / b
        else:
            return None
        return round_float32(r) if t.size == 4 else r
    if op == "+": r = a + b
    elif op == "-": r = a - b
    elif op == "*": r = a * b
    elif op in ("/", "%"):
        if b == 0:
            return None
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q
        r = q if op == "/" else a - q * b
    elif op == "&": r = a & b
    elif op == "|": r = a | b
    elif op == "^": r = a ^ b
    elif op == "<<": r = a << (b & (t.size * 8 - 1))
    elif op == ">>": r = a >> (b & (t.size * 8 - 1))
    else:
        return None
    return wrap(r, t)


def compare(op: str, a, b) -> int:
    return int({"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b, "==": a == b, "!=": a != b}[op])
