// expect: 9233600
/* A function moves its calls' stack below its own frame (setsp) and
   returns without moving it back: the redirection ends with its frame, so
   the next call that gets a frame at the same address runs normally.
   (It used to find the stale redirection and crash pvm on the JIT.) */
#include <stdio.h>

static int leaf(int a, int b, int c, int d) { return a + b * c - d; }

static int user(int n) {
    long sp;
    asm volatile("getsp %0" : "=r"(sp));
    sp = (sp - 64) & -16;
    asm volatile("setsp %0" : : "r"(sp));
    int t = 0;
    for (int i = 0; i < n; i++)
        t += leaf(i, n, 3, 1);
    return t;
}

int main(void) {
    long s = 0;
    for (int i = 0; i < 200; i++)
        s += user(i);
    printf("%ld\n", s);
    return 0;
}
