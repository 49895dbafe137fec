"""A hypothesis strategy for random, well-defined C programs (`c_programs()`).

Used by tests/pvm/test_tiers.py to run the same program on every tier (and
gcc) and compare.  Every program is free of undefined behaviour, so any
difference is a bug:
  - signed +, -, *, <<, unary - are done in unsigned and converted back
    (conversion to a signed type is implementation-defined: modulo, as gcc);
  - divisors are guarded against 0 (and -1 for int/long: INT_MIN / -1);
  - shift counts are masked to 0..width-1;
  - doubles become integers only through a range check, so the conversion
    is always in range (NaN fails the check);
  - array indices are reduced modulo the length in unsigned arithmetic;
  - expressions have no side effects (functions called inside them only
    write their own locals), so evaluation order cannot matter;
  - loops have constant trip counts and calls never recurse.
Every expression is wrapped in a cast to its type, so the generator always
knows the exact C type of what it writes.  The program prints one checksum
with printf("%lu") and returns it modulo 101.
"""
from __future__ import annotations

from hypothesis import strategies as st

# C type -> (bits, signed); "double" is the only floating type
INT_TYPES = {"char": (8, True), "signed char": (8, True), "unsigned char": (8, False),
             "short": (16, True), "unsigned short": (16, False), "int": (32, True),
             "unsigned": (32, False), "long": (64, True), "unsigned long": (64, False)}
TYPES = list(INT_TYPES) + ["double"]
# where "(T)((a) op (b))" cannot overflow: the promoted operands are unsigned,
# or small enough that the int result of +, -, * fits
DIRECT_OK = {"char", "signed char", "unsigned char", "short", "unsigned", "unsigned long"}
DOUBLES = [0.0, 1.0, -1.0, 0.5, 2.5, -3.75, 1e10, 1e-7, 123.456, -1e300, 3.141592653589793]
STRUCT_FIELDS = {"c": "char", "uc": "unsigned char", "s": "short", "us": "unsigned short",
                 "i": "int", "u": "unsigned", "l": "long", "ul": "unsigned long", "d": "double"}
STRUCT_DECL = ("struct S { char c; unsigned char uc; short s; unsigned short us; int i;\n"
               "           unsigned u; long l; unsigned long ul; double d; int a[4]; };\n")
HELPERS = r"""
static long d2l(double d) { return d > -1e6 && d < 1e6 ? (long)d : 0L; }
static unsigned long mix_s(struct S s) {
    unsigned long h = (unsigned long)s.c * 3 + s.uc + (unsigned long)s.s * 5 + s.us
        + (unsigned long)s.i * 7 + s.u + (unsigned long)s.l * 11 + s.ul;
    for (int k = 0; k < 4; k++) h = h * 31 + (unsigned long)s.a[k];
    return h + (unsigned long)(s.d > -1e6 && s.d < 1e6 ? (long)s.d : 0L);
}
static unsigned long vmix(int n, ...) {
    va_list ap;
    unsigned long h = 17;
    va_start(ap, n);
    for (int k = 0; k < n; k++) {
        if (k % 2 == 0) h = h * 131 + (unsigned long)va_arg(ap, long);
        else { double d = va_arg(ap, double); h = h * 131 + (unsigned long)(d > -1e6 && d < 1e6 ? (long)d : 7L); }
    }
    va_end(ap);
    return h;
}
"""


def unsigned_of(t: str) -> str:
    return "unsigned long" if INT_TYPES[t][0] == 64 else "unsigned"


def literal(t: str, v) -> str:
    if t == "double":
        return f"({v!r})"
    bits, signed = INT_TYPES[t]
    v &= (1 << bits) - 1
    if signed and v >> (bits - 1):
        v -= 1 << bits
    suffix = {"long": "L", "unsigned long": "UL", "unsigned": "U"}.get(t, "")
    if v == -(1 << 63):
        return "(-9223372036854775807L-1)"
    if v == -(1 << 31):
        return "((int)(-2147483647-1))"
    return f"(({t}){v}{suffix})" if v >= 0 else f"(({t})({v}{suffix}))"


class Scope:
    """What code at one point may read and write, by type."""

    def __init__(self, readable, writable, functions, arrays, loop_vars=(), can_mix=False,
                 procs=(), structs=()):
        self.readable = list(readable)      # (text, type): scalar rvalues
        self.writable = list(writable)      # (text, type): scalar lvalues
        self.functions = list(functions)    # (name, return type, param types): pure
        self.arrays = list(arrays)          # (name, elem type, length text, writable)
        self.loop_vars = list(loop_vars)
        self.can_mix = can_mix              # `cs` exists here
        self.procs = list(procs)            # (name, elem type): void name(T *, int, struct S *)
        self.structs = list(structs)        # struct S lvalues (main only)

    def child(self, loop_var=None):
        return Scope(self.readable, self.writable, self.functions, self.arrays,
                     self.loop_vars + ([loop_var] if loop_var else []), self.can_mix,
                     self.procs, self.structs)


class Gen:
    def __init__(self, draw):
        self.draw = draw
        self.n = 0

    def pick(self, seq):
        return self.draw(st.sampled_from(seq))

    def uniq(self, stem):
        self.n += 1
        return f"{stem}{self.n}"

    def const(self, t):
        if t == "double":
            return literal(t, self.draw(st.one_of(st.sampled_from(DOUBLES), st.floats(
                -1e6, 1e6, allow_nan=False, allow_infinity=False))))
        bits, signed = INT_TYPES[t]
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
        return literal(t, self.draw(st.one_of(st.integers(-9, 9), st.sampled_from([lo, hi, lo + 1, hi - 1]),
                                               st.integers(lo, hi))))

    def index(self, sc, length):
        return f"((unsigned)({self.expr(sc, self.pick(list(INT_TYPES)), 1)}) % {length})"

    def lvalue(self, sc, t=None):
        """A writable location (text, type), or None."""
        choices = [w for w in sc.writable if t is None or w[1] == t]
        arrays = [a for a in sc.arrays if a[3] and (t is None or a[1] == t)]
        kind = self.draw(st.integers(0, 1)) if choices and arrays else (0 if choices else 1)
        if kind == 0 and choices:
            return self.pick(choices)
        if arrays:
            name, et, n, _ = self.pick(arrays)
            return f"{name}[{self.index(sc, n)}]", et
        return None

    def rvalue(self, sc, t):
        options = [r for r in sc.readable if r[1] == t]
        options += [(f"{a[0]}[{a[2]} - 1]", t) for a in sc.arrays if a[1] == t]
        if t == "int":
            options += [(v, "int") for v in sc.loop_vars]
        return self.pick(options)[0] if options else self.const(t)

    def to_int(self, t, d):
        """A double expression d converted to integer type t without UB
        (inline when d is short, else through the helper d2l)."""
        if len(d) > 40:
            return f"(({t})d2l({d}))"
        return f"(({t})((({d}) > -1e6 && ({d}) < 1e6) ? (long)({d}) : 0L))"

    def expr(self, sc, t, depth):
        if depth <= 0 or self.draw(st.integers(0, 3)) == 0:
            leaf = self.draw(st.integers(0, 2))
            if leaf == 0:
                return self.const(t)
            if leaf == 1 or not sc.arrays:
                return f"(({t}){self.rvalue(sc, t)})"
            name, et, n, _ = self.pick(sc.arrays)
            elem = f"{name}[{self.index(sc, n)}]"
            return self.convert(t, et, elem)
        d = depth - 1
        if t == "double":
            form = self.draw(st.integers(0, 4))
            if form == 0:
                return f"((double)({self.expr(sc, self.pick(list(INT_TYPES)), d)}))"
            if form == 1:
                return (f"((double)(({self.expr(sc, t, d)}) {self.pick(['+', '-', '*', '/'])} "
                        f"({self.expr(sc, t, d)})))")
            if form == 2:
                return self.ternary(sc, t, d)
            return self.call(sc, t, d) or f"(-{self.expr(sc, t, d)})"
        form = self.draw(st.integers(0, 9))
        a = self.expr(sc, t, d)
        if form == 0:
            u = unsigned_of(t)
            op = self.pick(["+", "-", "*"])
            if t in DIRECT_OK and self.draw(st.booleans()):
                return f"(({t})(({a}) {op} ({self.expr(sc, t, d)})))"
            return f"(({t})(({u})({a}) {op} ({u})({self.expr(sc, t, d)})))"
        if form == 1:
            return f"(({t})(({a}) {self.pick(['&', '|', '^'])} ({self.expr(sc, self.pick(list(INT_TYPES)), d)})))"
        if form == 2:
            b = self.expr(sc, t, d)
            if len(b) > 40:             # keep programs small: a divisor in 1..256
                guard = f"((({b}) & 255) + 1)"
            else:
                bad = "0 || ({b}) == -1" if t in ("int", "long") else "0"
                guard = f"(({b}) == {bad.format(b=b)} ? 3 : ({b}))"
            return f"(({t})(({a}) {self.pick(['/', '%'])} {guard}))"
        if form == 3:
            w = 63 if INT_TYPES[t][0] == 64 else 31
            count = f"((unsigned)({self.expr(sc, self.pick(list(INT_TYPES)), d)}) & {w})"
            if self.draw(st.booleans()):
                return f"(({t})(({unsigned_of(t)})({a}) << {count}))"
            return f"(({t})(({a}) >> {count}))"
        if form == 4:
            op = self.pick(["~", "-", "!"])
            inner = f"({unsigned_of(t)})({a})" if op == "-" else f"({a})"
            return f"(({t})({op}{inner}))"
        if form == 5:
            t2 = self.pick(TYPES)
            return (f"(({t})(({self.expr(sc, t2, d)}) {self.pick(['<', '<=', '==', '!=', '>', '>='])} "
                    f"({self.expr(sc, self.pick(TYPES), d)})))")
        if form == 6:
            return f"(({t})(({a}) {self.pick(['&&', '||'])} ({self.expr(sc, self.pick(TYPES), d)})))"
        if form == 7:
            return self.ternary(sc, t, d)
        if form == 8:
            return self.call(sc, t, d) or a
        from_t = self.pick(TYPES)
        return self.convert(t, from_t, self.expr(sc, from_t, d))

    def convert(self, t, from_t, text):
        """`text` of type from_t as type t (through a range check from double)."""
        if from_t == "double" and t != "double":
            return self.to_int(t, text)
        return f"(({t})({text}))"

    def ternary(self, sc, t, d):
        c = self.expr(sc, self.pick(list(INT_TYPES)), d)
        return f"(({c}) ? ({self.expr(sc, t, d)}) : ({self.expr(sc, t, d)}))"

    def call(self, sc, t, d):
        if not sc.functions:
            return None
        name, rt, params = self.pick(sc.functions)
        args = ", ".join(self.expr(sc, p, d) for p in params)
        return self.convert(t, rt, f"{name}({args})")

    # ---- statements ----------------------------------------------------------
    def block(self, sc, depth, indent, max_len=4):
        n = self.draw(st.integers(1, max_len))
        return "".join(self.stmt(sc, depth, indent) for _ in range(n))

    def stmt(self, sc, depth, indent):
        pad = "    " * indent
        form = self.draw(st.integers(0, 10 if depth > 0 else 2))
        if form == 8 and sc.procs:
            name, et = self.pick(sc.procs)
            arrays = [a for a in sc.arrays if a[1] == et and a[3]]
            if arrays and sc.structs:
                arr, _, n, _ = self.pick(arrays)
                return f"{pad}{name}({arr}, {n}, &{self.pick(sc.structs)});\n"
        if form == 9 and len(sc.structs) > 1:
            a, b = self.pick(sc.structs), self.pick(sc.structs)
            return f"{pad}{a} = {b};\n"
        if form == 10 and sc.can_mix:
            args = []
            for k in range(self.draw(st.integers(0, 4))):
                args.append(self.expr(sc, "long" if k % 2 == 0 else "double", 2))
            s = self.pick(sc.structs)
            return (f"{pad}cs = cs * 1000003UL ^ vmix({', '.join([str(len(args))] + args)})"
                    f" ^ mix_s({s});\n")
        if form == 2 and sc.can_mix:
            t = self.pick(TYPES)
            e = self.expr(sc, t, 3)
            v = self.to_int("long", e) if t == "double" else e
            return f"{pad}cs = cs * 1000003UL ^ (unsigned long)({v});\n"
        if form in (0, 1, 2):
            lv = self.lvalue(sc)
            if lv is None:
                return f"{pad};\n"
            text, t = lv
            if t != "double" and self.draw(st.booleans()):
                return f"{pad}{text} {self.pick(['^=', '|=', '&='])} {self.expr(sc, t, 3)};\n"
            return f"{pad}{text} = {self.expr(sc, t, 3)};\n"
        if form == 3:
            var = self.uniq("i")
            trips = self.draw(st.integers(0, 6))
            inner = self.block(sc.child(var), depth - 1, indent + 1)
            return f"{pad}for (int {var} = 0; {var} < {trips}; {var}++) {{\n{inner}{pad}}}\n"
        if form == 4:
            var = self.uniq("w")
            inner = self.block(sc.child(), depth - 1, indent + 1)
            return (f"{pad}{{ int {var} = {self.draw(st.integers(0, 5))};\n"
                    f"{pad}while ({var}-- > 0) {{\n{inner}{pad}}} }}\n")
        if form == 5:
            c = self.expr(sc, self.pick(TYPES), 2)
            yes = self.block(sc.child(), depth - 1, indent + 1, 2)
            no = self.block(sc.child(), depth - 1, indent + 1, 2)
            return f"{pad}if ({c}) {{\n{yes}{pad}}} else {{\n{no}{pad}}}\n"
        if form == 6:
            sel = self.expr(sc, self.pick(list(INT_TYPES)), 2)
            cases = "".join(f"{pad}case {k}:\n{self.block(sc.child(), depth - 1, indent + 1, 2)}"
                            f"{pad}    {'break;' if self.draw(st.booleans()) else ''}\n" for k in range(3))
            return (f"{pad}switch ((unsigned)({sel}) % 5) {{\n{cases}{pad}default:\n"
                    f"{self.block(sc.child(), depth - 1, indent + 1, 1)}{pad}}}\n")
        return self.block(sc, depth - 1, indent, 2)

    # ---- whole programs -------------------------------------------------------
    def declare(self, t, name):
        return f"{t} {name} = {self.const(t)};\n"

    def struct_init(self):
        scalars = ", ".join(self.const(t) for t in STRUCT_FIELDS.values())
        return f"{{{scalars}, {{{', '.join(self.const('int') for _ in range(4))}}}}}"

    def array(self, name, t, n):
        init = ", ".join(self.const(t) for _ in range(self.draw(st.integers(1, n))))
        return f"{t} {name}[{n}] = {{{init}}};\n", (name, t, str(n), True)

    def function(self, name, globals_, garrays, callable_):
        """A pure function: it writes only its own locals."""
        rt = self.pick(TYPES)
        params = [self.pick(TYPES) for _ in range(self.draw(st.integers(0, 3)))]
        names = [(f"a{k}", t) for k, t in enumerate(params)]
        text = "".join(f"    {self.declare(t, v)}" for v, t in
                       [(self.uniq("v"), self.pick(TYPES)) for _ in range(self.draw(st.integers(0, 2)))])
        local_vars = list(names) + [(ln.split(" = ")[0].split()[-1], " ".join(ln.split(" = ")[0].split()[:-1]))
                                    for ln in text.strip().splitlines()]
        arrays = []
        if self.draw(st.booleans()):
            decl, arr = self.array(self.uniq("la"), self.pick(TYPES), self.draw(st.integers(1, 5)))
            text += "    " + decl
            arrays.append(arr)
        body = Scope(globals_ + local_vars, local_vars, [], arrays + garrays)
        text += self.block(body, 1, 1, 3)
        ret = Scope(globals_ + local_vars, [], callable_, arrays + garrays)
        sig = ", ".join(f"{t} {v}" for v, t in names) or "void"
        src = f"static {rt} {name}({sig}) {{\n{text}    return {self.expr(ret, rt, 3)};\n}}\n"
        return src, (name, rt, params)

    def procedure(self, name, globals_, gwrite, garrays, functions):
        """void name(T *p, int n, struct S *s): writes p[0..n-1], *s and globals."""
        et = self.pick(TYPES)
        fields = [(f"s->{f}", t) for f, t in STRUCT_FIELDS.items()]
        arrays = [("p", et, "n", True), ("s->a", "int", "4", True)] + garrays
        sc = Scope(globals_ + fields, gwrite + fields, functions, arrays)
        var = self.uniq("i")
        inner = self.block(sc.child(var), 1, 2, 3)
        text = (f"static void {name}({et} *p, int n, struct S *s) {{\n"
                f"    for (int {var} = 0; {var} < n; {var}++) {{\n"
                f"        p[{var}] = {self.expr(sc.child(var), et, 2)};\n{inner}    }}\n"
                f"{self.block(sc, 1, 1, 2)}}}\n")
        return text, (name, et)


def _mix(text, t):
    v = f"d2l({text})" if t == "double" else text
    return f"    cs = cs * 1000003UL ^ (unsigned long)({v});\n"


@st.composite
def c_programs(draw, max_functions: int = 3, max_statements: int = 6):
    """C source text of a random well-defined program (see module docstring)."""
    g = Gen(draw)
    out = ["#include <stdio.h>\n#include <stdarg.h>\n", STRUCT_DECL, HELPERS]
    globals_ = [(f"g{k}", draw(st.sampled_from(TYPES))) for k in range(draw(st.integers(1, 4)))]
    out += [g.declare(t, v) for v, t in globals_]
    garrays = []
    for k in range(draw(st.integers(1, 2))):
        decl, arr = g.array(f"ga{k}", g.pick(TYPES), draw(st.integers(1, 8)))
        out.append(decl)
        garrays.append(arr)
    out.append(f"struct S gs = {g.struct_init()};\n")
    functions = []
    for k in range(draw(st.integers(0, max_functions))):
        src, sig = g.function(f"f{k}", globals_, [(a[0], a[1], a[2], False) for a in garrays], functions)
        out.append(src)
        functions.append(sig)
    procs = []
    for k in range(draw(st.integers(0, 2))):
        src, sig = g.procedure(f"p{k}", globals_, globals_, garrays, functions)
        out.append(src)
        procs.append(sig)
    main = ["int main(void) {\n    unsigned long cs = 0;\n"]
    locals_ = [(f"x{k}", draw(st.sampled_from(TYPES))) for k in range(draw(st.integers(1, 5)))]
    main += ["    " + g.declare(t, v) for v, t in locals_]
    larrays = []
    for k in range(draw(st.integers(0, 2))):
        decl, arr = g.array(f"la{k}", g.pick(TYPES), draw(st.integers(1, 6)))
        main.append("    " + decl)
        larrays.append(arr)
    main.append(f"    struct S ls = {g.struct_init()};\n")
    target = draw(st.sampled_from(["ls", "gs"]))
    main.append(f"    struct S *ps = &{target};\n")
    pointers = []
    for k, (name, t, n, _) in enumerate(garrays + larrays):
        if draw(st.booleans()):
            at = draw(st.integers(0, int(n) - 1))
            main.append(f"    {t} *q{k} = &{name}[{at}];\n")
            pointers.append((f"q{k}", t, str(int(n) - at), True))
    fields = [(f"{s}{f}", t) for s in ("ls.", "gs.", "ps->") for f, t in STRUCT_FIELDS.items()]
    scalars = globals_ + locals_ + fields
    sarrays = [(f"{s}a", "int", "4", True) for s in ("ls.", "gs.", "ps->")]
    sc = Scope(scalars, scalars, functions, garrays + larrays + pointers + sarrays, can_mix=True,
               procs=procs, structs=["ls", "gs", "*ps"])
    for _ in range(draw(st.integers(1, max_statements))):
        main.append(g.stmt(sc, 2, 1))
    for v, t in scalars:
        main.append(_mix(v, t))
    for name, t, n, _ in garrays + larrays:
        main.append(f"    for (int k = 0; k < {n}; k++) {{\n    {_mix(name + '[k]', t)}    }}\n")
    main.append("    cs = cs * 31 + mix_s(ls) + mix_s(gs);\n")
    main.append('    printf("%lu\\n", cs);\n    return (int)(cs % 101);\n}\n')
    return "".join(out) + "".join(main)
