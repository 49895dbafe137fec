"""Trigraphs are replaced only with -trigraphs or a strict -std= (as in gcc)."""
from __future__ import annotations

import pvm
from dialect_helpers import TIERS, compile_in

SRC = ('??=include <stdio.h>\nint main(void) {\n    int a??(2??) = ??< 5, 6 ??>;\n'
       '    printf("%d%s\\n", a??(1??) ??! 1, "??/?");\n    return 0;\n}\n')
PLAIN = 'int printf(const char *, ...);\nint main(void) { printf("%s\\n", "what??!"); return 0; }\n'


def test_trigraphs_with_the_option_or_strict_standard():
    for options in ({"trigraphs": True}, {"std": "c99"}, {"std": "c89"}):
        program = compile_in(SRC, **options)
        for tier in TIERS:
            assert pvm.api.run(program, tier=tier).stdout == b"7?\n"


def test_no_trigraphs_by_default_or_in_gnu_modes():
    for options in ({}, {"std": "gnu99"}, {"std": "gnu89"}):
        assert pvm.api.run(compile_in(PLAIN, **options)).stdout == b"what??!\n"
