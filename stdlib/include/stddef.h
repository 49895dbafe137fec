/* <stddef.h>: size_t, ptrdiff_t, NULL, offsetof (LP64). */
#ifndef _STDDEF_H
#define _STDDEF_H

#ifndef _PVM_SIZE_T
#define _PVM_SIZE_T
typedef unsigned long size_t;
#endif
#ifndef _PVM_PTRDIFF_T
#define _PVM_PTRDIFF_T
typedef long ptrdiff_t;
#endif
#ifndef _PVM_WCHAR_T
#define _PVM_WCHAR_T
typedef int wchar_t;
#endif
typedef long max_align_t;

#ifndef NULL
#define NULL ((void *)0)
#endif

#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
