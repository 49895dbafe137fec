/* <stdlib.h>: exit and abort, integer conversions, abs/div, getenv. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <sys/syscall.h>

#ifdef __pvm_host__
void __host_abort(void);
#endif

#define ATEXIT_MAX 32

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*fn)(void))
{
    if (atexit_count == ATEXIT_MAX)
        return -1;
    atexit_fns[atexit_count++] = fn;
    return 0;
}

/* Runs the atexit functions (last registered first), flushes every stdio
 * stream, then ends the program. */
void exit(int status)
{
    while (atexit_count > 0)
        atexit_fns[--atexit_count]();
    __stdio_flush_all();
    _exit(status);
}

void _Exit(int status)
{
    _exit(status);
}

/* Like glibc's, abort does not flush stdio.  The machine reports the trap
 * as an abort (exit status 134, as a shell shows SIGABRT). */
void abort(void)
{
#ifdef __pvm_host__
    __host_abort();
#endif
    __builtin_trap();
}

int abs(int n) { return n < 0 ? -n : n; }
long labs(long n) { return n < 0 ? -n : n; }
long long llabs(long long n) { return n < 0 ? -n : n; }

div_t div(int a, int b)
{
    div_t r;
    r.quot = a / b;
    r.rem = a % b;
    return r;
}

ldiv_t ldiv(long a, long b)
{
    ldiv_t r;
    r.quot = a / b;
    r.rem = a % b;
    return r;
}

lldiv_t lldiv(long long a, long long b)
{
    lldiv_t r;
    r.quot = a / b;
    r.rem = a % b;
    return r;
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* The syntax shared by the strto* family: space, sign, an optional 0x
 * prefix (base 0 or 16), digits.  Returns the magnitude; *overflow is set
 * if it does not fit an unsigned long.  *end gets the first unparsed
 * character, or the start of the string when there were no digits. */
static unsigned long scan_integer(const char *nptr, char **end, int base,
                                  int *negative, int *overflow)
{
    const char *s = nptr;
    unsigned long acc = 0, cutoff, cutlim;
    int any = 0, d;

    *negative = 0;
    *overflow = 0;
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '-') {
        *negative = 1;
        s++;
    } else if (*s == '+') {
        s++;
    }
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
        && digit_value((unsigned char)s[2]) < 16) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = s[0] == '0' ? 8 : 10;
    }
    if (base < 2 || base > 36) {
        errno = EINVAL;
        if (end)
            *end = (char *)nptr;
        return 0;
    }
    cutoff = ULONG_MAX / (unsigned long)base;
    cutlim = ULONG_MAX % (unsigned long)base;
    for (;; s++) {
        d = digit_value((unsigned char)*s);
        if (d >= base)
            break;
        any = 1;
        if (acc > cutoff || (acc == cutoff && (unsigned long)d > cutlim))
            *overflow = 1;
        else
            acc = acc * (unsigned long)base + (unsigned long)d;
    }
    if (end)
        *end = (char *)(any ? s : nptr);
    return acc;
}

long strtol(const char *s, char **end, int base)
{
    int negative, overflow;
    unsigned long mag = scan_integer(s, end, base, &negative, &overflow);
    if (negative) {
        if (overflow || mag > (unsigned long)LONG_MAX + 1) {
            errno = ERANGE;
            return LONG_MIN;
        }
        return (long)(0UL - mag);
    }
    if (overflow || mag > (unsigned long)LONG_MAX) {
        errno = ERANGE;
        return LONG_MAX;
    }
    return (long)mag;
}

unsigned long strtoul(const char *s, char **end, int base)
{
    int negative, overflow;
    unsigned long mag = scan_integer(s, end, base, &negative, &overflow);
    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return negative ? 0UL - mag : mag;
}

long long strtoll(const char *s, char **end, int base)
{
    return strtol(s, end, base);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    return strtoul(s, end, base);
}

int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }
long long atoll(const char *s) { return strtol(s, NULL, 10); }

/* The environment comes from the host (or the mini OS) through the getenv
 * system call; each value fetched is kept so the pointer stays valid. */
struct env_value {
    struct env_value *next;
    char *name;
    char *value;
};

static struct env_value *env_cache;

char *getenv(const char *name)
{
    char small[256];
    struct env_value *e;
    long len;
    char *value;

    for (e = env_cache; e; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e->value;
    len = __syscall(SYS_getenv, (long)name, (long)small, (long)sizeof small);
    if (len < 0)
        return NULL;
    value = malloc((size_t)len + 1);
    e = malloc(sizeof *e);
    if (!value || !e)
        return NULL;
    if (len < (long)sizeof small)
        memcpy(value, small, (size_t)len);
    else
        __syscall(SYS_getenv, (long)name, (long)value, len + 1);
    value[len] = 0;
    e->name = strdup(name);
    e->value = value;
    e->next = env_cache;
    env_cache = e;
    return value;
}
