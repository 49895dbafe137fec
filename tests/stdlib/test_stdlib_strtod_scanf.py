"""strtod (correctly rounded, like glibc) and the scanf family, against glibc."""
from __future__ import annotations

import random

from test_stdlib_printf import c_string

STRTOD_FIXED = [
    "0", "-0", "1", "-1", "0.1", "1e10", "1E-10", "  +3.14159", "2.5e+3xyz", ".5", "5.", ".", "-.e3",
    "1e", "1e+", "0x1p0", "0x1.8p1", "-0x.8p-2", "0X1P-1074", "0x1p-1075", "0x1.fffffffffffff8p1023",
    "0x", "0xg", "0x1.00000000000008p0", "0x1.00000000000018p0", "inf", "-INF", "infinity", "InFiNiTyX",
    "nan", "-nan", "nan(123)", "nanx", "1e309", "-1e309", "1e-400", "4.9406564584124654e-324",
    "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072011e-308",
    "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308",
    "1.7976931348623159e308", "9007199254740993", "9007199254740992.5", "9007199254740993.000000001",
    "123456789012345678901234567890", "0.000000000000000000000000000000000001234",
    "1" + "0" * 400 + "e-400", "0." + "0" * 350 + "1e350",
    "9007199254740993" + "0" * 800 + "1e-800",
    "9007199254740993" + "0" * 900 + "e-900",
    "7.2057594037927933e16", "3.0517578125e-05", "100000000000000000000000",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126", "abc", "", "   ", "-", "+.",
]


def random_decimals(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
        point = rng.randint(0, len(digits))
        text = digits[:point] + "." + digits[point:]
        if rng.random() < 0.7:
            text += "e" + str(rng.randint(-330, 310))
        out.append(rng.choice(["", "-", "+"]) + text)
    for _ in range(count // 4):                       # the exact decimal of a random double
        out.append(repr(rng.uniform(-1e6, 1e6)))
        out.append(f"{rng.getrandbits(53) | 1}e{rng.randint(-340, 280)}")
    return out


def strtod_program(inputs: list[str]) -> str:
    body = [f"    show({c_string(s)});" for s in inputs]
    return ("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <errno.h>\n"
            "static void show(const char *s) {\n"
            "    char *end; double d; unsigned long u;\n"
            "    errno = 0; d = strtod(s, &end); memcpy(&u, &d, 8);\n"
            "    printf(\"%016lx %ld %d %.17g\\n\", u, (long)(end - s), errno, d);\n"
            "    printf(\"%.9g %g\\n\", strtof(s, 0), atof(s));\n}\n"
            "int main(void) {\n" + "\n".join(body) + "\n    return 0;\n}\n")


def test_strtod_matches_glibc(host):
    host.compare(strtod_program(STRTOD_FIXED + random_decimals(random.Random(5), 600)))


SSCANF = r'''
#include <stdio.h>
#include <string.h>
int main(void) {
    int a = -1, b = -1, c = -1, n = -1, r;
    unsigned u = 0; long l = 0; short h = 0; signed char hh = 0; unsigned long ul = 0;
    double d = 0; float f = 0; void *p = 0;
    char s1[32], s2[32], s3[32], ch[4] = "zzz";
    r = sscanf("12 34 56", "%d %d %d", &a, &b, &c); printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("12abc", "%d%s", &a, s1); printf("%d: %d %s\n", r, a, s1);
    r = sscanf("  -7,+8", "%d,%d", &a, &b); printf("%d: %d %d\n", r, a, b);
    r = sscanf("x", "%d", &a); printf("%d\n", r);
    r = sscanf("", "%d", &a); printf("%d\n", r);
    r = sscanf("   ", "%d", &a); printf("%d\n", r);
    r = sscanf("0x1f 017 0 10", "%i %i %i %x", &a, &b, &c, &u); printf("%d: %d %d %d %u\n", r, a, b, c, u);
    r = sscanf("ff 777 -1", "%x %o %u", &a, &b, &u); printf("%d: %d %d %u\n", r, a, b, u);
    r = sscanf("123456789", "%3d%2d%d", &a, &b, &c); printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("9223372036854775807 70000 300", "%ld %hd %hhd", &l, &h, &hh); printf("%d: %ld %d %d\n", r, l, h, hh);
    r = sscanf("18446744073709551615", "%lu", &ul); printf("%d: %lu\n", r, ul);
    r = sscanf("3.25 -1e-3 0x1p4 inf", "%lf %f %lf %lf", &d, &f, &d, &d); printf("%d: %g %g\n", r, d, f);
    r = sscanf("2.5e", "%lf%s", &d, s1); printf("%d: %g\n", r, d);
    r = sscanf("hello world", "%s %s", s1, s2); printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("hello", "%3s%s", s1, s2); printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("abc", "%c%c", ch, ch + 1); printf("%d: [%s]\n", r, ch);
    r = sscanf(" x", "%c", ch); printf("%d: [%d]\n", r, ch[0]);
    r = sscanf(" x", " %c", ch); printf("%d: [%c]\n", r, ch[0]);
    r = sscanf("key=value;rest", "%[^=]=%[^;];%s", s1, s2, s3); printf("%d: [%s] [%s] [%s]\n", r, s1, s2, s3);
    r = sscanf("abc123def", "%[a-c]%d%[]a-z]", s1, &a, s2); printf("%d: [%s] %d [%s]\n", r, s1, a, s2);
    r = sscanf("12 34", "%*d %d%n", &a, &n); printf("%d: %d %d\n", r, a, n);
    r = sscanf("100%", "%d%%", &a); printf("%d: %d\n", r, a);
    r = sscanf("date: 2024-01-15", "date: %d-%d-%d", &a, &b, &c); printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("date 2024", "date: %d", &a); printf("%d\n", r);
    r = sscanf("0x1234abcd", "%p", &p); printf("%d: %p\n", r, p);
    r = sscanf("5 6", "%d", &a); printf("%d: %d\n", r, a);
    r = sscanf("-", "%d", &a); printf("%d\n", r);
    r = sscanf("+", "%f", &f); printf("%d\n", r);
    r = sscanf("1 2", "%d %d %d", &a, &b, &c); printf("%d: %d %d\n", r, a, b);
    return 0;
}
'''


def test_sscanf_matches_glibc(host):
    host.compare(SSCANF)


SCANF_STDIN = r'''
#include <stdio.h>
int main(void) {
    int n, total = 0, count = 0, r;
    char word[32];
    double x, sum = 0;
    r = scanf("%d", &n);
    printf("first %d %d\n", r, n);
    while (count < n && scanf("%d", &r) == 1) { total += r; count++; }
    printf("total %d of %d\n", total, count);
    while ((r = scanf("%31s %lf", word, &x)) == 2) { printf("%s=%g\n", word, x); sum += x; }
    printf("r=%d sum=%.3f\n", r, sum);
    r = scanf("%d", &n);
    printf("at end %d\n", r);
    return 0;
}
'''


def test_scanf_from_stdin_matches_glibc(host):
    host.compare(SCANF_STDIN, stdin=b"4\n10 20\n30\n  40\nalpha 1.5\nbeta -2e1\ngamma x\n")
