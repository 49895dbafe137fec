/* #pragma push_macro / pop_macro save and restore one name's definition. */
#define WIDTH 8
#define area(h) (WIDTH * h)
#pragma push_macro("WIDTH")
#undef WIDTH
#define WIDTH 16
wide area(2)
#pragma push_macro("WIDTH")
#undef WIDTH
none WIDTH
#pragma pop_macro("WIDTH")
again WIDTH
#pragma pop_macro("WIDTH")
narrow area(2)
#pragma pop_macro("WIDTH")
unchanged WIDTH
#pragma push_macro("FRESH")
#define FRESH fresh
inside FRESH
_Pragma("pop_macro(\"FRESH\")")
outside FRESH
