/* The failure path of assert(), worded exactly as glibc's. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

extern const char *__progname;

void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
{
    fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n",
            __progname, __progname[0] ? ": " : "", file, line,
            func ? func : "", func ? ": " : "", expr);
    abort();
}
