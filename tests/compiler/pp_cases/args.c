/* Argument collection: nesting, newlines, pre-expansion, empty arguments. */
#define f(x, y) (x; y)
#define g(x) {x}
#define ID(x) x
#define EMPTY
#define LPAREN (
#define RPAREN )
#define COMMA ,
f((1, 2), 3) f(, ) f(EMPTY, EMPTY)
f(ID(1), ID(ID(2))) g(COMMA) ID(f)(1, 2)
f(
  1,
  2
) after
g(g(g(x))) ID(ID)(ID)(z)
#define z0() zero
z0() z0( )
#define h(x) #x x
h(COMMA) h(LPAREN)
#define APPLY(m, ...) m(__VA_ARGS__)
APPLY(f, 1, 2) APPLY(g, (a, b))
f
(1, 2)
