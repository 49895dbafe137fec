/* __LINE__ and __FILE__, #line, and invocations spanning lines. */
__LINE__ __FILE__
#define L __LINE__
#define F(x) x __LINE__
L F(a) F(
b)
#line 100
__LINE__ __FILE__
#line 200 "renamed.c"
__LINE__ __FILE__ L
#define N 300
#line N
__LINE__
