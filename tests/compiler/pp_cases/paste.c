/* ## joins tokens; empty arguments become placemarkers (6.10.3.3). */
#define cat(a, b) a ## b
#define xcat(a, b) cat(a, b)
#define cat3(a, b, c) a ## b ## c
cat(x, y) cat(x, ) cat(, y) cat(, ) cat(1, 2) cat(+, +) cat(<<, =) cat(&, &)
cat(a b, c d) cat(a, 1) cat(_, _) cat(x, cat(y, z)) xcat(x, xcat(y, z))
cat3(a, , c) cat3(, , ) cat3(1, 2, 3) cat3(, b, )
#define ONE 1
cat(ONE, 2) xcat(ONE, 2) cat(O, NE) cat(ON, E)(3)
#define HASH_HASH # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c HASH_HASH d)
char p[] = join(x, y);
#define OBJ a ## b ## c
OBJ
#define F(x, y) x ## y ## x
F(1, ) F(, 2) F(a, b)
#define name(x) v_ ## x ## _t
name(int) name() name(long long)
