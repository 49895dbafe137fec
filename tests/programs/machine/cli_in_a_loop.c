// expect: 4950
/* A loop whose body has an instruction without operands (cli): the JIT's
   loop versioning reads every instruction of the body (it crashed on
   this).  A bare program is its own kernel, so cli is allowed here. */
#include <stdio.h>

int main(void) {
    static long a[100];
    long sum = 0;
    for (int i = 0; i < 100; i++) {
        asm volatile("cli");
        a[i] = i;
    }
    for (int i = 0; i < 100; i++)
        sum += a[i];
    printf("%ld\n", sum);
    return 0;
}
