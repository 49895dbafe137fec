/* Pointer arithmetic on long and unsigned long long arrays steps by 8 bytes. */
#include <stdio.h>

int main(void) {
    long a[6];
    int i;
    for (i = 0; i < 6; i++)
        a[i] = (long)i << 33;
    long *p = a + 5;
    printf("%ld\n", *p);
    printf("%ld\n", p[-3]);
    printf("%ld\n", (long)((char *)p - (char *)a));
    unsigned long long u[3];
    u[0] = 1; u[1] = 2; u[2] = 3;
    unsigned long long *q = &u[2];
    printf("%llu\n", *q - *(q - 2));
    return 0;
}
