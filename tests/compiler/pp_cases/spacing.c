/* Tokens that would paste must stay apart in the output. */
#define NEG -1
#define MINUS -
#define PLUS +
#define ID(x) x
#define EMPTY
-NEG -MINUS 1 +PLUS 2 MINUS-1 a EMPTY b -EMPTY- +EMPTY+ &EMPTY& <EMPTY< /EMPTY*x*/ /EMPTY/ x
ID(-)- ID(+)+ ID(<)<= ID(.)5 ID(1)e ID(x)y ID(1)ID(2) ID(a)ID(b) ID(.).. ID(%):
#define cat(a, b) a ## b
cat(-, >) cat(<, <=) cat(%:, %:) cat(L, 'a') cat(u8, "s") cat(1, e5) cat(0x, 1p3)
#define E1 1e
E1+2 ID(1e)+2 ID(1E)-2
#define P(x) x.x
P(1) P(a)
