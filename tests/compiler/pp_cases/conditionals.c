/* #if, #elif, #else, #ifdef, #ifndef, defined, and skipped groups. */
#define A 1
#define B 0
#if A
a_true
#else
a_false
#endif
#if B
b_true
#elif A && !B
elif_taken
#elif 1
never
#else
never_else
#endif
#ifdef A
ifdef_a
#endif
#ifndef C
ifndef_c
#endif
#if defined A && defined(B) && !defined C && ! defined ( C )
defined_forms
#endif
#if 0
#error not reached
#bogus directive ignored when skipped
don't worry about apostrophes ' here
#if 1
nested_in_skipped
#else
also_skipped
#endif
#elif 1
elif_after_skipped
#endif
#if UNDEFINED_IDENT == 0 && (UNDEFINED_FN + 1) == 1
undefined_is_zero
#endif
#define D defined(A)
#if D
defined_via_macro
#endif
#if 0
#elif 0
#else
else_after_elifs
#endif
#undef A
#ifdef A
after_undef
#else
undefined_now
#endif
