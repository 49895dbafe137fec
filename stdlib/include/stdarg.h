/* <stdarg.h>: variable argument lists.
 *
 * pvm passes the arguments after a variadic function's named parameters in
 * 8-byte memory slots (integers widened to int64, doubles as IEEE doubles,
 * and structs by value over ceil(size/8) slots), so a va_list is just a
 * pointer that walks those slots.  Under gcc (the host test build) the same
 * names map to gcc's builtins. */
#ifndef _STDARG_H
#define _STDARG_H

#ifdef __pvm__
typedef char *va_list;
#define va_start(ap, last) ((void)(last), (ap) = __builtin_va_start())
/* The compiler steps over as many slots as T covers (a struct larger than 8
 * bytes is spread over several); a plain pointer bump could only step one. */
#define va_arg(ap, T) __builtin_va_arg(ap, T)
#define va_end(ap) ((void)(ap))      /* evaluated, for its side effects */
#define va_copy(d, s) ((d) = (s))
#else
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, T) __builtin_va_arg(ap, T)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(d, s) __builtin_va_copy(d, s)
#endif

#endif
