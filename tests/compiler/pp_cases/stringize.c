/* # makes string literals: spacing collapses, quotes and backslashes escape. */
#define S(x) #x
#define XS(x) S(x)
#define ONE 1
S(a b) S(  a   +   b  ) S("str\n") S('"') S('\'') S("\\") S(ONE) XS(ONE) S() S( ) S((a,b))
S(@) S(a
  b
  c) S(/* comment */ x /* y */ z) S("a" "b") S(L"w" L'c')
#define V(...) #__VA_ARGS__
V() V(a) V(a,b) V(a , b ,c) V( a , ( b , c ) )
#define PASTE_STR(a, b) #a ## #b
#define TWO(a) #a #a
TWO(x y)
