/* Static and global objects without initializers are zero; partial
   initializers of statics zero the rest. */
#include <stdio.h>

struct s { int a; long b; char c[4]; double d; int *p; };
struct s global_s;
static int partial[6] = {1, 2};
double global_d;

int main(void) {
    static struct s local_s;
    static struct s init_s = {.a = 5};
    printf("%d %ld %d %.1f %d\n", global_s.a, global_s.b, global_s.c[3], global_s.d, global_s.p == 0);
    printf("%d %ld %d\n", local_s.a, init_s.b, init_s.a);
    printf("%d %d %d %.1f\n", partial[1], partial[2], partial[5], global_d);
    return 0;
}
