"""The target's predefined macros are gcc's, spelled as gcc's -dM -E spells them."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from compiler.preprocess.predefined import TARGET_MACROS

# pvm's own value where it differs from gcc's on purpose
PVM_ONLY = {"__pvm__", "__DECIMAL_DIG__"}   # gcc's __DECIMAL_DIG__ is long double's


@pytest.mark.skipif(shutil.which("gcc") is None or "x86_64" not in subprocess.run(
    ["gcc", "-dumpmachine"], capture_output=True, text=True).stdout, reason="needs gcc for x86-64")
def test_values_match_gcc_for_x86_64_linux():
    out = subprocess.run(["gcc", "-std=c99", "-dM", "-E", "-x", "c", "/dev/null"],
                         capture_output=True, text=True, check=True).stdout
    gcc = dict(re.match(r"#define (\S+) ?(.*)", line).groups() for line in out.splitlines())
    compared = {k: v for k, v in TARGET_MACROS.items() if k not in PVM_ONLY}
    assert {k: gcc.get(k) for k in compared} == compared
    for name in ("__SIZE_TYPE__", "__INT8_TYPE__", "__UINT64_TYPE__", "__INTMAX_TYPE__", "__FLT_EPSILON__",
                 "__DBL_MAX__", "__SIZEOF_LONG_LONG__", "__BYTE_ORDER__", "__LONG_LONG_MAX__"):
        assert name in compared


def test_no_gcc_extension_or_long_double_promise():
    for name in ("__GNUC__", "__x86_64__", "__SIZEOF_LONG_DOUBLE__", "__SIZEOF_INT128__"):
        assert name not in TARGET_MACROS
