// expect: fp above locals 1
// expect: frames 10 deep 1
// expect: arrays after asm 6
// expect: status 3
// expect-status: 3
/* `frame %0, #0` reads FP; frame objects used after an asm statement stay
   right (codegen reloads its copy of FP after every asm). */
#include <stdio.h>

static long fp(void) {
    long r;
    asm volatile("frame %0, #0" : "=r"(r));
    return r;
}

static int deeper(int n, long above) {
    long here;
    asm("frame %0, #0" : "=r"(here));
    if (here >= above)
        return 0;
    return n == 0 ? 1 : deeper(n - 1, here);
}

int main(void) {
    int local = 0;
    long f;
    asm("frame %0, #0" : "=r"(f));
    printf("fp above locals %d\n", (long)&local < f);
    printf("frames 10 deep %d\n", deeper(10, fp() + 4096));
    int a[3] = {1, 2, 0};
    asm volatile("nop" : : : "memory");
    a[2] = a[0] + a[1];
    asm volatile("nop");
    printf("arrays after asm %d\n", a[0] + a[1] + a[2]);
    printf("status 3\n");
    return a[2];
}
