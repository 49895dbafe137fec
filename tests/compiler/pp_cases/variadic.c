/* Variadic macros, and gcc's ", ## __VA_ARGS__" comma elision. */
#define V(...) <__VA_ARGS__>
V() V(1) V(1, 2) V(,) V((a, b), c) V( x )
#define W(a, ...) [a|__VA_ARGS__]
W(1) W(1,) W(1, 2) W(1, 2, 3) W() W(,)
#define E(fmt, ...) p(fmt, ## __VA_ARGS__)
#define ONE 1
E("a") E("a",) E("a", ONE) E("a", ONE, 2) E(x, (a, b))
#define O(...) q(x, ## __VA_ARGS__)
O() O(1) O(,)
#define N(args...) n(args)
N() N(1, 2)
#define NE(f, args...) f(0, ## args)
NE(g) NE(g, 1, 2)
#define COUNT(...) COUNT_(__VA_ARGS__, 3, 2, 1, 0)
#define COUNT_(a, b, c, n, ...) n
COUNT(x) COUNT(x, y) COUNT(x, y, z)
