// expect-status: 134
// expect-stderr-contains: assert_fail.c:10
// expect-stderr-contains: Assertion `v > 0' failed.
// feature: lang
/* A failed assert() prints the file, line and expression, then aborts. */
#include <assert.h>
#include <stdio.h>

static int check(int v) {
    assert(v > 0); /* faults here */
    return v;
}

int main(void) {
    printf("%d\n", check(5));
    printf("%d\n", check(-1));
    return 0;
}
