/* <stdlib.h>: memory, conversions, sorting, random numbers, exit. */
#ifndef _STDLIB_H
#define _STDLIB_H

#ifndef _PVM_SIZE_T
#define _PVM_SIZE_T
typedef unsigned long size_t;
#endif
#ifndef _PVM_WCHAR_T
#define _PVM_WCHAR_T
typedef int wchar_t;
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX 1

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;

void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void *reallocarray(void *p, size_t count, size_t size);
void free(void *p);
void *aligned_alloc(size_t align, size_t n);
int posix_memalign(void **out, size_t align, size_t n);

void exit(int status);
void _Exit(int status);
void abort(void);
int atexit(void (*fn)(void));
char *getenv(const char *name);
/* The wait status of `/bin/sh -c command` (minios; -1 with errno ENOSYS
 * under a bare `pvm run`); system(NULL) is nonzero iff a shell can run. */
int system(const char *command);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
double atof(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double strtod(const char *s, char **end);
float strtof(const char *s, char **end);

int abs(int n);
long labs(long n);
long long llabs(long long n);
div_t div(int a, int b);
ldiv_t ldiv(long a, long b);
lldiv_t lldiv(long long a, long long b);

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));

int rand(void);
void srand(unsigned int seed);
long random(void);
void srandom(unsigned int seed);

#endif
