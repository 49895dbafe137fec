"""switch: dense case sets become a JTAB jump table, sparse ones a compare tree;
both agree with gcc on every type of controlling expression."""
import shutil
import subprocess

import pytest

import pvm
from compiler.driver import compile_source
from compiler_helpers import ops


def test_dense_switch_is_a_jump_table():
    code = ops("int f(int x) { switch (x) { case 3: return 10; case 4: return 11; case 6: return 12;"
               " case 5: return 13; default: return 0; } }", "f")
    names = [i[0] for i in code]
    assert code[0] == ("ADDI64", 1, 0, -3)           # index = x - min, in 64 bits
    assert code[1] == ("JTAB", 1, 4)                 # 4 entries: 3, 4, 5, 6
    assert names[2:7] == ["JMP"] * 5                 # the table, then the default
    targets = [code[i][1] for i in range(2, 6)]
    returns = [code[t + 1][0] == "RET" and code[t][2] for t in targets]
    assert returns == [10, 11, 13, 12]               # entry i is the case for 3 + i
    assert code[6][1] == code.index(("LI", 1, 0))    # out of range: default


def test_holes_in_a_table_go_to_default():
    code = ops("int f(int x) { switch (x) { case 0: return 1; case 1: return 2; case 2: return 3;"
               " case 7: return 4; } return 9; }", "f")
    assert code[0] == ("JTAB", 0, 8)                 # min 0: no subtraction
    table = [code[i][1] for i in range(1, 9)]
    assert table[3] == table[4] == table[5] == table[6] == code[9][1]   # holes = after the switch


def test_sparse_switch_keeps_the_compare_tree():
    names = [i[0] for i in ops("int f(int x) { switch (x) { case 1: return 1; case 100: return 2;"
                               " case 1000: return 3; case 10000: return 4; case 5: return 5; } return 0; }",
                               "f")]
    assert "JTAB" not in names and "JEQ" in names


def test_few_cases_keep_the_compare_tree():
    names = [i[0] for i in ops("int f(int x) { switch (x) { case 1: return 1; case 2: return 2;"
                               " case 3: return 3; } return 0; }", "f")]
    assert "JTAB" not in names


PROGRAM = r"""
#include <stdio.h>
#include <limits.h>
static int s_int(int x) {
    switch (x) { case -2: return 1; case -1: return 2; case 0: return 3; case 1: return 4;
                 case 3: return 5; default: return 0; }
}
static int s_uint(unsigned x) {
    switch (x) { case 0xFFFFFFFEu: return 1; case 0xFFFFFFFFu: return 2; case 0: return 3;
                 case 1: return 4; case 2: return 5; }
    return 0;
}
static int s_long(long x) {
    switch (x) { case LONG_MIN: return 1; case LONG_MIN + 1: return 2; case LONG_MIN + 2: return 3;
                 case LONG_MIN + 3: return 4; }
    return 0;
}
static int s_ulong(unsigned long x) {
    switch (x) { case 0xFFFFFFFFFFFFFFFEul: return 1; case 0xFFFFFFFFFFFFFFFFul: return 2; case 0: return 3;
                 case 1: return 4; default: return 9; }
}
static int s_char(signed char c) {
    switch (c) { case 'a': return 1; case 'b': return 2; case 'c': return 3; case 'd': return 4;
                 case -128: return 5; }
    return 0;
}
static int s_uchar(unsigned char c) {
    switch (c) { case 250: return 1; case 251: return 2; case 252: return 3; case 253: return 4;
                 case 255: return 5; }
    return 0;
}
static int s_fall(int x) {
    int r = 0;
    switch (x) { default: r += 100; case 1: r += 1; case 2: r += 2; break; case 3: r += 3;
                 case 4: r += 4; case 5: r += 5; }
    return r;
}
int main(void) {
    long probes[] = {LONG_MIN, LONG_MIN + 1, LONG_MIN + 3, LONG_MIN + 4, INT_MIN, -129, -128, -3, -2, -1,
                     0, 1, 2, 3, 4, 5, 6, 97, 98, 100, 101, 250, 253, 254, 255, 256, INT_MAX,
                     0xFFFFFFFEl, 0xFFFFFFFFl, 0x100000000l, LONG_MAX};
    for (unsigned i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        long p = probes[i];
        printf("%ld: %d %d %d %d %d %d %d\n", p, s_int((int)p), s_uint((unsigned)p), s_long(p),
               s_ulong((unsigned long)p), s_char((signed char)p), s_uchar((unsigned char)p), s_fall((int)p));
    }
    return 0;
}
"""


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_switches_of_every_type_match_gcc(tmp_path, tier):
    if shutil.which("gcc") is None:
        pytest.skip("gcc not found")
    src = tmp_path / "sw.c"
    src.write_text(PROGRAM)
    exe = tmp_path / "sw"
    subprocess.run(["gcc", "-w", "-O0", str(src), "-o", str(exe)], check=True)
    want = subprocess.run([str(exe)], capture_output=True, check=True).stdout
    got = pvm.run(compile_source(PROGRAM), tier=tier)
    assert got.stdout == want and got.status == 0
    code = ops(PROGRAM.split("int main")[0].replace("#include <stdio.h>\n#include <limits.h>\n", "")
               .replace("LONG_MIN", "(-0x7fffffffffffffffl - 1)"), "s_uint")
    assert "JTAB" in [i[0] for i in code]
