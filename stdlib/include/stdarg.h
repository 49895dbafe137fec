/* <stdarg.h>: variable argument lists.
 *
 * pvm passes the arguments after a variadic function's named parameters in
 * 8-byte memory slots (integers widened to int64, doubles as IEEE doubles),
 * so a va_list is just a pointer that walks those slots.  Under gcc (the host
 * test build) the same names map to gcc's builtins. */
#ifndef _STDARG_H
#define _STDARG_H

#ifdef __pvm__
typedef char *va_list;
#define va_start(ap, last) ((void)(last), (ap) = __builtin_va_start())
#define va_arg(ap, T) (*(T *)(((ap) += 8) - 8))
#define va_end(ap) ((void)0)
#define va_copy(d, s) ((d) = (s))
#else
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, T) __builtin_va_arg(ap, T)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(d, s) __builtin_va_copy(d, s)
#endif

#endif
