/* Self-reference and mutual recursion stop thanks to hide sets (6.10.3.4p2). */
#define foo foo
#define bar baz + bar
#define baz bar * 2
foo bar baz
#define f(x) g(x) + f(x)
#define g(x) f(x) * x
f(1) g(2)
#define AA BB
#define BB AA
AA BB
#define NIL(xxx) xxx
#define G_0(arg) NIL(G_1)(arg)
#define G_1(arg) NIL(arg)
G_0(42)
#define q(x) x
q(q)(1) q(q(q))(2)
#define lparen (
#define apply(m) m lparen 7)
apply(q)
#define obj(x) [x]
#define rec obj(rec)
rec
#define self(x) self(x + 1)
self(self(0))
