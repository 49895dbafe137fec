// expect-status: 139
// expect-stderr: Segmentation fault: read of address 0x8 in second (null_deref_in_function.c:8)
/* The report names the function and line where the fault happened,
   not main. */
#include <stdio.h>

static long second(long *v) {
    return v[1]; /* faults here */
}

static long first(long *v) {
    return second(v) + 1;
}

int main(void) {
    printf("%ld\n", first(0));
    return 0;
}
