"""Predefined macros: the target's facts and the dynamic __FILE__/__LINE__ family.

pvm is LP64 little-endian with 8-bit signed char and IEEE float/double, like
x86-64 Linux, and its data-model macros (__SIZE_TYPE__, __INT_MAX__,
__SIZEOF_*__, __FLT_*__, __DBL_*__, ...) are gcc's for that target, so code
written against gcc's predefined macros builds unchanged.  It is not x86-64,
so __x86_64__ is not defined; nor is __GNUC__, since code under it expects gcc
extensions pvm does not compile (statement expressions, typeof, __attribute__);
nor is anything about long double, which pvm does not have.

__DATE__ and __TIME__ are deterministic: they show the time in the
SOURCE_DATE_EPOCH environment variable (seconds since 1970, UTC) when it is
set to a valid number, else the epoch itself ("Jan  1 1970", "00:00:00"), so
the same source always gives the same output.
"""
from __future__ import annotations

import os
import time

def _target_macros() -> dict[str, str]:
    """The target's data model, spelled exactly as gcc's `-dM -E` spells it on
    x86-64 Linux (same LP64 types, same IEEE float and double)."""
    m = {
        "__STDC__": "1", "__STDC_VERSION__": "199901L", "__STDC_HOSTED__": "1",
        "__STDC_IEC_559__": "1", "__pvm__": "1",
        "__LP64__": "1", "_LP64": "1", "__CHAR_BIT__": "8",
        "__ORDER_LITTLE_ENDIAN__": "1234", "__ORDER_BIG_ENDIAN__": "4321", "__ORDER_PDP_ENDIAN__": "3412",
        "__BYTE_ORDER__": "__ORDER_LITTLE_ENDIAN__", "__FLOAT_WORD_ORDER__": "__ORDER_LITTLE_ENDIAN__",
        "__SCHAR_MAX__": "0x7f", "__SHRT_MAX__": "0x7fff", "__INT_MAX__": "0x7fffffff",
        "__LONG_MAX__": "0x7fffffffffffffffL", "__LONG_LONG_MAX__": "0x7fffffffffffffffLL",
        "__WCHAR_MAX__": "0x7fffffff", "__WCHAR_MIN__": "(-__WCHAR_MAX__ - 1)",
        "__SCHAR_WIDTH__": "8", "__SHRT_WIDTH__": "16", "__INT_WIDTH__": "32", "__LONG_WIDTH__": "64",
        "__LONG_LONG_WIDTH__": "64", "__PTRDIFF_WIDTH__": "64", "__SIZE_WIDTH__": "64",
        "__INTMAX_WIDTH__": "64", "__INTPTR_WIDTH__": "64",
        "__SIZE_MAX__": "0xffffffffffffffffUL", "__PTRDIFF_MAX__": "0x7fffffffffffffffL",
        "__INTMAX_MAX__": "0x7fffffffffffffffL", "__UINTMAX_MAX__": "0xffffffffffffffffUL",
        "__INTPTR_MAX__": "0x7fffffffffffffffL", "__UINTPTR_MAX__": "0xffffffffffffffffUL",
        "__SIZE_TYPE__": "long unsigned int", "__PTRDIFF_TYPE__": "long int",
        "__INTPTR_TYPE__": "long int", "__UINTPTR_TYPE__": "long unsigned int",
        "__INTMAX_TYPE__": "long int", "__UINTMAX_TYPE__": "long unsigned int",
        "__WCHAR_TYPE__": "int", "__WINT_TYPE__": "unsigned int", "__SIG_ATOMIC_TYPE__": "int",
        "__CHAR16_TYPE__": "short unsigned int", "__CHAR32_TYPE__": "unsigned int",
        "__FLT_EVAL_METHOD__": "0", "__FLT_EVAL_METHOD_TS_18661_3__": "0", "__FLT_RADIX__": "2",
        "__FLT_IS_IEC_60559__": "2", "__DBL_IS_IEC_60559__": "2",
        # gcc says 21, for long double; pvm's widest floating type is double
        "__DECIMAL_DIG__": "17",
    }
    for what, size in (("SHORT", 2), ("INT", 4), ("LONG", 8), ("LONG_LONG", 8), ("POINTER", 8),
                       ("FLOAT", 4), ("DOUBLE", 8), ("SIZE_T", 8), ("PTRDIFF_T", 8),
                       ("WCHAR_T", 4), ("WINT_T", 4)):
        m[f"__SIZEOF_{what}__"] = str(size)
    # exact-width, least-width and fast types: (bits, signed type, its max, unsigned type, its max)
    ints = {8: ("signed char", "0x7f", "unsigned char", "0xff"),
            16: ("short int", "0x7fff", "short unsigned int", "0xffff"),
            32: ("int", "0x7fffffff", "unsigned int", "0xffffffffU"),
            64: ("long int", "0x7fffffffffffffffL", "long unsigned int", "0xffffffffffffffffUL")}
    for bits, (st, smax, ut, umax) in ints.items():
        fast = ints[8 if bits == 8 else 64]
        for kind, (t, tmax, u, umx) in (("", (st, smax, ut, umax)), ("_LEAST", (st, smax, ut, umax)),
                                        ("_FAST", fast)):
            m[f"__INT{kind}{bits}_TYPE__"] = t
            m[f"__UINT{kind}{bits}_TYPE__"] = u
            m[f"__INT{kind}{bits}_MAX__"] = tmax
            m[f"__UINT{kind}{bits}_MAX__"] = umx
            if kind:
                m[f"__INT{kind}{bits}_WIDTH__"] = str(64 if kind == "_FAST" and bits > 8 else bits)
    floats = {
        "FLT": dict(MANT_DIG="24", DIG="6", MIN_EXP="(-125)", MIN_10_EXP="(-37)", MAX_EXP="128",
                    MAX_10_EXP="38", DECIMAL_DIG="9",
                    MAX="3.40282346638528859811704183484516925e+38F",
                    NORM_MAX="3.40282346638528859811704183484516925e+38F",
                    MIN="1.17549435082228750796873653722224568e-38F",
                    EPSILON="1.19209289550781250000000000000000000e-7F",
                    DENORM_MIN="1.40129846432481707092372958328991613e-45F"),
        "DBL": dict(MANT_DIG="53", DIG="15", MIN_EXP="(-1021)", MIN_10_EXP="(-307)", MAX_EXP="1024",
                    MAX_10_EXP="308", DECIMAL_DIG="17",
                    MAX="((double)1.79769313486231570814527423731704357e+308L)",
                    NORM_MAX="((double)1.79769313486231570814527423731704357e+308L)",
                    MIN="((double)2.22507385850720138309023271733240406e-308L)",
                    EPSILON="((double)2.22044604925031308084726333618164062e-16L)",
                    DENORM_MIN="((double)4.94065645841246544176568792868221372e-324L)"),
    }
    for prefix, facts in floats.items():
        for name, value in facts.items():
            m[f"__{prefix}_{name}__"] = value
        m.update({f"__{prefix}_HAS_DENORM__": "1", f"__{prefix}_HAS_INFINITY__": "1",
                  f"__{prefix}_HAS_QUIET_NAN__": "1"})
    return m


TARGET_MACROS = _target_macros()

# Expanded by the preprocessor itself at each use (see Preprocessor._builtin).
DYNAMIC_MACROS = ("__FILE__", "__LINE__", "__COUNTER__", "__INCLUDE_LEVEL__",
                  "__BASE_FILE__")

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def build_time(environ=os.environ):
    """(__DATE__, __TIME__) values, as string literal texts."""
    try:
        epoch = int(environ.get("SOURCE_DATE_EPOCH", "0"))
        if not 0 <= epoch <= 253402300799:
            raise ValueError
    except ValueError:
        epoch = 0
    t = time.gmtime(epoch)
    date = f'"{_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} {t.tm_year}"'
    return date, f'"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"'


def predefined_macros(environ=os.environ):
    """name -> replacement text of every static predefined macro."""
    macros = dict(TARGET_MACROS)
    macros["__DATE__"], macros["__TIME__"] = build_time(environ)
    return macros


def string_literal(text: str) -> str:
    """`text` as a C string literal (for __FILE__)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
