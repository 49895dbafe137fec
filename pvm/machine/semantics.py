"""The meaning of the helper calls in isa.py's templates, bound to one memory.

`bind(mem, data_base)` returns the namespace in which the interpreter's
generated code runs: guest memory loads and stores with bounds checks, and
the arithmetic that needs more than a Python operator (C division, float
conversions).  Both interpreter forms (the stepper and the translator) use
exactly these functions, so they cannot disagree about what an instruction
means; the JIT's lowering is tested against them.

Memory rules: reads are valid in [TEXT_BASE, len(mem)), writes in
[data_base, len(mem)): text and rodata are read-only, and the first 64 KiB
(NULL and small offsets from it) are never mapped.
"""
from __future__ import annotations

import math
import struct

from pvm.bytecode.program import TEXT_BASE
from .traps import DivideByZero, SegFault

M32, M64 = 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF
S32, S64 = 0x80000000, 0x8000000000000000
INT64_MIN = -S64


def sext32(v: int) -> int:
    return ((v & M32) ^ S32) - S32


def sext64(v: int) -> int:
    return ((v & M64) ^ S64) - S64


# ---- integer division, C semantics (truncate toward zero) -----------------

def _tdiv(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def idiv32(a, b):
    a, b = sext32(a), sext32(b)      # a 32-bit operation reads the low halves
    if b == 0:
        raise DivideByZero()
    if a == -S32 and b == -1:          # x86 idiv faults on INT_MIN / -1
        raise DivideByZero("integer overflow in division")
    return _tdiv(a, b)


def irem32(a, b):
    a, b = sext32(a), sext32(b)      # (the compiler's int * may leave more)
    if b == 0:
        raise DivideByZero()
    if a == -S32 and b == -1:
        raise DivideByZero("integer overflow in division")
    return a - _tdiv(a, b) * b


def udiv32(a, b):
    b &= M32
    if b == 0:
        raise DivideByZero()
    return sext32((a & M32) // b)


def urem32(a, b):
    b &= M32
    if b == 0:
        raise DivideByZero()
    return sext32((a & M32) % b)


def idiv64(a, b):
    if b == 0:
        raise DivideByZero()
    if a == INT64_MIN and b == -1:
        raise DivideByZero("integer overflow in division")
    return _tdiv(a, b)


def irem64(a, b):
    if b == 0:
        raise DivideByZero()
    if a == INT64_MIN and b == -1:
        raise DivideByZero("integer overflow in division")
    return a - _tdiv(a, b) * b


def udiv64(a, b):
    b &= M64
    if b == 0:
        raise DivideByZero()
    return sext64((a & M64) // b)


def urem64(a, b):
    b &= M64
    if b == 0:
        raise DivideByZero()
    return sext64((a & M64) % b)


# ---- floating point, IEEE semantics ----------------------------------------

_f32 = struct.Struct("<f")


def fround32(x: float) -> float:
    try:
        return _f32.unpack(_f32.pack(x))[0]
    except OverflowError:              # finite double beyond float range
        return math.copysign(math.inf, x)


DEFAULT_NAN = -math.nan       # x86's "real indefinite": the sign bit is set


def fdiv(a: float, b: float) -> float:
    """IEEE division as x86 does it (Python raises on a zero divisor)."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a:
            return a
        if a == 0.0:
            return DEFAULT_NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def fsqrt(x: float) -> float:
    """IEEE square root as x86 sqrtsd: a negative operand gives the default NaN."""
    if x < 0.0:
        return DEFAULT_NAN
    return math.sqrt(x)         # sqrt(-0.0) is -0.0, sqrt(nan) is that nan


def f2i(x: float) -> int:
    """double -> int64 truncating, as x86 cvttsd2si: out of range gives INT64_MIN."""
    if x != x or not -9.223372036854775808e18 <= x < 9.223372036854775808e18:
        return INT64_MIN
    return int(x)


def f2u(x: float) -> int:
    """double -> uint64 truncating (gcc's sequence), kept as its bit pattern."""
    if x != x or not -9.223372036854775808e18 < x < 1.8446744073709551616e19:
        return INT64_MIN
    return sext64(int(x))


# ---- guest memory ----------------------------------------------------------

def bind(mem: bytearray, data_base: int) -> dict:
    """The helper namespace for code running on `mem`."""
    top = len(mem)
    lo, wlo = TEXT_BASE, data_base
    structs = {n: struct.Struct("<" + n) for n in "bBhHiqfd"}
    ub, uB, uh, uH, ui, uq, uf, ud = (structs[n].unpack_from for n in "bBhHiqfd")
    pb, ph, pi, pq, pf, pd = (structs[n].pack_into for n in "bhiqfd")

    def ld8(a):
        if lo <= a < top:
            return ub(mem, a)[0]
        raise SegFault("read", a)

    def ld8u(a):
        if lo <= a < top:
            return mem[a]
        raise SegFault("read", a)

    def ld16(a):
        if lo <= a <= top - 2:
            return uh(mem, a)[0]
        raise SegFault("read", a)

    def ld16u(a):
        if lo <= a <= top - 2:
            return uH(mem, a)[0]
        raise SegFault("read", a)

    def ld32(a):
        if lo <= a <= top - 4:
            return ui(mem, a)[0]
        raise SegFault("read", a)

    def ld64(a):
        if lo <= a <= top - 8:
            return uq(mem, a)[0]
        raise SegFault("read", a)

    def ldf32(a):
        if lo <= a <= top - 4:
            return uf(mem, a)[0]
        raise SegFault("read", a)

    def ldf64(a):
        if lo <= a <= top - 8:
            return ud(mem, a)[0]
        raise SegFault("read", a)

    def st8(a, v):
        if wlo <= a < top:
            mem[a] = v & 0xFF
        else:
            raise SegFault("write", a)

    def st16(a, v):
        if wlo <= a <= top - 2:
            ph(mem, a, ((v & 0xFFFF) ^ 0x8000) - 0x8000)
        else:
            raise SegFault("write", a)

    def st32(a, v):
        if wlo <= a <= top - 4:
            pi(mem, a, ((v & M32) ^ S32) - S32)
        else:
            raise SegFault("write", a)

    def st64(a, v):
        if wlo <= a <= top - 8:
            pq(mem, a, v)
        else:
            raise SegFault("write", a)

    def stf32(a, v):
        if wlo <= a <= top - 4:
            pf(mem, a, fround32(v))
        else:
            raise SegFault("write", a)

    def stf64(a, v):
        if wlo <= a <= top - 8:
            pd(mem, a, v)
        else:
            raise SegFault("write", a)

    def check_range(a, n, access, base):
        """A block access faults at its first byte if any byte is invalid."""
        if not (base <= a and n <= top and a <= top - n):
            raise SegFault(access, a)

    def memcopy(dst, src, n):
        n &= M64
        if n == 0:
            return
        check_range(src, n, "read", lo)
        check_range(dst, n, "write", wlo)
        mem[dst:dst + n] = mem[src:src + n]

    def memfill(dst, byte, n):
        n &= M64
        if n == 0:
            return
        check_range(dst, n, "write", wlo)
        mem[dst:dst + n] = bytes([byte & 0xFF]) * n

    ns = dict(locals())
    for name in ("mem", "top", "lo", "wlo", "structs", "check_range"):
        ns.pop(name)
    ns.update(idiv32=idiv32, irem32=irem32, udiv32=udiv32, urem32=urem32,
              idiv64=idiv64, irem64=irem64, udiv64=udiv64, urem64=urem64,
              fround32=fround32, fdiv=fdiv, fsqrt=fsqrt, f2i=f2i, f2u=f2u)
    return {k: v for k, v in ns.items() if callable(v)}
