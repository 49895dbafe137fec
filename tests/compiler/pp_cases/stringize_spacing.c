/* The spacing `#` shows around macro boundaries, as gcc's padding gives it. */
#define str(x) #x
#define xstr(x) str(x)
#define NOTHING
#define inc(a) a + 1
#define alias inc
#define id(a) a
#define br(a) [a]
#define three(a, b, c) a b+c
xstr(-NOTHING-) xstr(- NOTHING-) xstr(-NOTHING -) xstr(x NOTHING(y))
xstr(alias (2)) xstr(alias) xstr((0)alias ()) xstr(-inc()-) xstr(id(-)NOTHING id(-))
xstr(br(x NOTHING)) xstr(br(NOTHING x)) xstr(br( NOTHING x)) xstr(three(1,,3))
xstr(three(1, ,3)) xstr(three(,2,)) xstr(inc NOTHING (1)) xstr(id(inc) (1))
