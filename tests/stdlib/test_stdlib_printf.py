"""printf family against glibc: thousands of formats and values, each
printed by a program built on pvm's library and by the same program built
on glibc; the outputs must be byte-identical."""
from __future__ import annotations

import random
import struct

INT_VALUES = [0, 1, -1, 7, -7, 42, -42, 99, 100, 127, -128, 128, 255, 256, 1000, -1000,
              32767, -32768, 65535, 65536, 123456789, -123456789, 2147483647, -2147483648,
              4294967295, 4294967296, 0x7FFFFFFFFFFFFFFF, -0x8000000000000000, 0xDEADBEEF,
              0x123456789ABCDEF, -0x123456789ABCDEF]

INT_CASTS = {  # length modifier -> (signed cast, unsigned cast)
    "": ("(int)", "(unsigned int)"),
    "hh": ("(int)", "(unsigned int)"),
    "h": ("(int)", "(unsigned int)"),
    "l": ("(long)", "(unsigned long)"),
    "ll": ("(long long)", "(unsigned long long)"),
    "z": ("(long)", "(unsigned long)"),
    "j": ("(long)", "(unsigned long)"),
    "t": ("(long)", "(unsigned long)"),
}
FLAGS = ["", "-", "0", "+", " ", "#", "-+", "0+", "+ ", "#0", "-#", "0 ", "-0", "#-0+ "]
WIDTHS = ["", "1", "3", "8", "12", "25", "*"]
PRECS = ["", ".", ".0", ".1", ".3", ".8", ".20", ".*"]


def c_string(s: str) -> str:
    """A C string literal for s."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def literal(v: int) -> str:
    """A C literal for any 64-bit value (as unsigned, then cast)."""
    return f"{v & 0xFFFFFFFFFFFFFFFF}UL"


def int_lines(rng: random.Random, count: int) -> list[str]:
    lines = []
    for _ in range(count):
        conv = rng.choice("diuxXo")
        length = rng.choice(list(INT_CASTS))
        flags, width, prec = rng.choice(FLAGS), rng.choice(WIDTHS), rng.choice(PRECS)
        fmt = f"[%{flags}{width}{prec}{length}{conv}]\\n"
        args = []
        if width == "*":
            args.append(str(rng.choice([0, 5, 17, -9])))
        if prec == ".*":
            args.append(str(rng.choice([0, 2, 7, -1])))
        cast = INT_CASTS[length][0 if conv in "di" else 1]
        args.append(f"{cast}{literal(rng.choice(INT_VALUES))}")
        lines.append(f'    n = printf("{fmt}", {", ".join(args)}); printf("%d\\n", n);')
    return lines


def program(body: list[str]) -> str:
    return ("#include <stdio.h>\n#include <string.h>\n"
            "static double fb(unsigned long u) { double d; memcpy(&d, &u, 8); return d; }\n"
            "int main(void) {\n    int n = 0;\n    char buf[64];\n    (void)buf; (void)fb;\n"
            + "\n".join(body) + "\n    return n & 0;\n}\n")


def test_integer_conversions(host):
    host.compare(program(int_lines(random.Random(1), 1500)))


def test_strings_chars_pointers_and_percent(host):
    body = []
    for fmt, arg in [("%s", '"hello"'), ("%10s", '"hi"'), ("%-10s|", '"hi"'), ("%.2s", '"hello"'),
                     ("%5.1s|", '"xyz"'), ("%s", "(char *)0"), ("%.3s|", "(char *)0"),
                     ("%10s|", "(char *)0"), ("%.6s|", "(char *)0"), ("%-8.7s|", "(char *)0"),
                     ("%c", "'A'"), ("%5c|", "'z'"), ("%-5c|", "'z'"), ("%c", "256 + 'B'"),
                     ("%p", "(void *)0"), ("%10p|", "(void *)0"), ("%-10p|", "(void *)0"),
                     ("%p", "(void *)0x1234"), ("%20p|", "(void *)0xdeadbeefUL"),
                     ("%-20p|", "(void *)0xdeadbeefUL"), ("%020p|", "(void *)0xabcUL"),
                     ("%.8p|", "(void *)0xabcUL"), ("%+p|", "(void *)0xabcUL"),
                     ("% p|", "(void *)0xabcUL"), ("%.3p|", "(void *)0"),
                     ("%05s|", '"ab"'), ("%05c|", "'q'"), ("%-05d|", "42"), ("%*d|", "-6, 42"),
                     ("%-*d|", "-6, 42"), ("%.*d|", "-3, 42"), ("%%|%5%|%-5%|", None),
                     ("%hhd %hhu %hd %hu", "300, 300, 70000, 70000"), ("%lld %llu", "-1LL, -1LL"),
                     ("%zu %zd %td %jd", "(unsigned long)-1, (long)-1, (long)-2, (long)-3"),
                     ("%#o %#x %#X %#.0o %#.0x", "0, 0, 0, 0, 0"),
                     ("%#5o|%#5x|%#05x|%#-7X|", "8, 255, 255, 255"), ("%y|%5k|", None),
                     ("a%nb", None)]:
        if fmt == "a%nb":
            body.append('    printf("a%nb\\n", &n); printf("%d\\n", n);')
            continue
        call = "printf(" + c_string(fmt + "\n") + (f", {arg}" if arg else "") + ")"
        body.append(f"    n = {call}; printf(\"=%d\\n\", n);")
    host.compare(program(body))


def test_snprintf_truncation_and_counts(host):
    body = []
    for size in [0, 1, 2, 5, 8, 63]:
        for fmt, arg in [("%d", "123456"), ("%s", '"abcdefghij"'), ("%08.3f", "3.14159"),
                         ("%x-%x", "255, 4096"), ("plain text here", None)]:
            call = f"snprintf(buf, {size}, {c_string(fmt)}" + (f", {arg}" if arg else "") + ")"
            body.append(f'    memset(buf, \'#\', sizeof buf); buf[63] = 0; n = {call}; '
                        f'printf("%d [%.10s]\\n", n, buf);')
    body.append('    n = sprintf(buf, "%s=%d", "x", -5); printf("%d %s\\n", n, buf);')
    body.append('    n = snprintf((char *)0, 0, "%d%s", 12345, "abc"); printf("%d\\n", n);')
    host.compare(program(body))


def special_doubles() -> list[int]:
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 9.5, 99.5, 999.5, 0.05,
            0.15, 0.25, 0.35, 1e-5, 1e-4, 9.9999e-5, 0.0001, 0.00012345, 123456.0, 999999.5,
            1234567.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e100, 1e300, 1.7976931348623157e308,
            2.2250738585072014e-308, 5e-324, 1e-320, 3.14159265358979, 2.718281828459045,
            0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e6, 1e7, 123.456, 0.999999, 0.9999995,
            9.9999995, 99999.95, 1e-7, 5.5e-5, 4.35, 8.345, 1.005, 2 ** 53, 2 ** 63, 2 ** 64,
            2.0 ** -1074 * 3, 1.0000000000000002, 999999.5, 9999995.0, 0.99999951, 9.9999996,
            99999.96, 999999.6, 0.0000999999, 99.96, 0.95, 9.5]
    bits = [struct.unpack("<Q", struct.pack("<d", v))[0] for v in vals]
    bits += [0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000000,
             0x7FF0000000000001, 0x000FFFFFFFFFFFFF, 0x0000000000000001, 0x3FEFFFFFFFFFFFFF]
    return bits


def float_values(rng: random.Random) -> list[int]:
    bits = special_doubles()
    for _ in range(150):
        bits.append(rng.getrandbits(64))                       # anything at all
    for _ in range(150):
        e = rng.randint(1023 - 40, 1023 + 40)                   # everyday magnitudes
        bits.append(rng.getrandbits(1) << 63 | e << 52 | rng.getrandbits(52))
    for _ in range(80):                                        # short decimals: ties
        v = rng.randint(0, 10 ** rng.randint(1, 8)) / 10 ** rng.randint(0, 6)
        bits.append(struct.unpack("<Q", struct.pack("<d", v))[0])
    return bits


FLOAT_FLAGS = ["", "-", "0", "+", " ", "#", "#0", "-+", "+0", " #"]
FLOAT_WIDTHS = ["", "1", "8", "15", "30"]
FLOAT_PRECS = ["", ".0", ".1", ".2", ".3", ".5", ".10", ".17", ".25", ".40"]


def float_lines(rng: random.Random, values: list[int]) -> list[str]:
    lines = []
    for b in values:
        for _ in range(4):
            conv = rng.choice("feEgGaAF" + "feg" * 3)
            fmt = f"[%{rng.choice(FLOAT_FLAGS)}{rng.choice(FLOAT_WIDTHS)}{rng.choice(FLOAT_PRECS)}{conv}]\\n"
            lines.append(f'    n = printf("{fmt}", fb({b}UL)); printf("%d\\n", n);')
    return lines


def test_float_conversions_match_glibc(host):
    rng = random.Random(7)
    host.compare(program(float_lines(rng, float_values(rng))))


def test_float_exact_expansions(host):
    """Very long precisions print every exact digit of the binary value."""
    lines = []
    for b in special_doubles():
        for fmt in ["%.60f", "%.80e", "%.70g", "%#.0f", "%#.0e", "%#g", "%#.3g", "%#.1g", "%.3g",
                    "%.0a", "%.1a", "%.14a", "%.800f"]:
            lines.append(f'    printf("{fmt}\\n", fb({b}UL));')
    lines.append('    printf("%.1100f\\n%.1000e\\n", fb(1UL), fb(1UL));')
    host.compare(program(lines))


def test_streams_and_stderr_output(host):
    src = r'''
#include <stdio.h>
#include <errno.h>
int main(void) {
    fprintf(stdout, "%s %d\n", "to stdout", 1);
    fprintf(stderr, "%s %d\n", "to stderr", 2);
    puts("puts line");
    fputs("fputs text\n", stdout);
    putchar('x'); putchar('\n');
    printf("%d\n", puts("abc"));
    errno = 2; perror("open"); perror(""); perror(0);
    errno = 22; printf("%m|%.7m|\n");
    return 0;
}
'''
    host.compare(src)
