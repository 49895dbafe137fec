"""Predefined macros: the target's facts and the dynamic __FILE__/__LINE__ family.

pvm is LP64 little-endian with 8-bit signed char, like x86-64 Linux, but it
is not x86-64, so __x86_64__ (and __GNUC__) are deliberately not defined.

__DATE__ and __TIME__ are deterministic: they show the time in the
SOURCE_DATE_EPOCH environment variable (seconds since 1970, UTC) when it is
set to a valid number, else the epoch itself ("Jan  1 1970", "00:00:00"), so
the same source always gives the same output.
"""
from __future__ import annotations

import os
import time

TARGET_MACROS = {
    "__STDC__": "1",
    "__STDC_VERSION__": "199901L",
    "__STDC_HOSTED__": "1",
    "__pvm__": "1",
    "__LP64__": "1",
    "_LP64": "1",
    "__CHAR_BIT__": "8",
    "__SIZEOF_SHORT__": "2",
    "__SIZEOF_INT__": "4",
    "__SIZEOF_LONG__": "8",
    "__SIZEOF_LONG_LONG__": "8",
    "__SIZEOF_POINTER__": "8",
    "__SIZEOF_FLOAT__": "4",
    "__SIZEOF_DOUBLE__": "8",
    "__SIZEOF_SIZE_T__": "8",
    "__SCHAR_MAX__": "0x7f",
    "__SHRT_MAX__": "0x7fff",
    "__INT_MAX__": "0x7fffffff",
    "__LONG_MAX__": "0x7fffffffffffffffL",
    "__LONG_LONG_MAX__": "0x7fffffffffffffffLL",
    "__ORDER_LITTLE_ENDIAN__": "1234",
    "__ORDER_BIG_ENDIAN__": "4321",
    "__BYTE_ORDER__": "__ORDER_LITTLE_ENDIAN__",
}

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
