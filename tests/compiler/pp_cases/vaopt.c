/* __VA_OPT__ (C23, accepted by gcc in C99 mode) and __has_include. */
#define F(...) f(0 __VA_OPT__(,) __VA_ARGS__)
#define G(X, ...) f(0, X __VA_OPT__(,) __VA_ARGS__)
#define SDEF(sname, ...) S sname __VA_OPT__(= { __VA_ARGS__ })
#define EMP
F(a, b, c) F() F(EMP) G(a, b, c) G(a, ) G(a) SDEF(foo); SDEF(bar, 1, 2);
#define H2(X, Y, ...) __VA_OPT__(X ## Y,) __VA_ARGS__
H2(a, b, c, d)
#define H4(X, ...) __VA_OPT__(a X ## X) ## b
H4(, 1) H4(x, 1) H4(x)
#define H5A(...) __VA_OPT__()/**/__VA_OPT__()
#define H5B(X) a ## X ## b
#define H5C(X) H5B(X)
H5C(H5A())
#define LOG(fmt, ...) printf(fmt __VA_OPT__(,) __VA_ARGS__)
LOG("x") LOG("x", 1, 2)
#if __has_include(<guarded.h>) && __has_include("inc/once.h") && !__has_include(<no_such.h>)
has_include_works
#endif
#if defined(__has_include) && defined __has_include
has_include_is_defined
#endif
