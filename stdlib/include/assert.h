/* <assert.h>: a failed assertion prints, as glibc does,
 *   prog: file.c:12: main: Assertion `x > 0' failed.
 * on stderr and aborts.  Like every standard header, this one may be
 * included again after changing NDEBUG, so it has no include guard. */
#undef assert

#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H_DECLS
#define _ASSERT_H_DECLS
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func);
#define static_assert _Static_assert
#endif
