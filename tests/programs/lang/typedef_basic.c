/* typedef names for integer, pointer and array types. */
#include <stdio.h>

typedef unsigned char byte;
typedef long long i64;
typedef int *intptr;
typedef int vec3[3];
typedef const char *string;

static i64 dot(vec3 a, vec3 b) {
    return (i64)a[0] * b[0] + (i64)a[1] * b[1] + (i64)a[2] * b[2];
}

int main(void) {
    byte b = 255;
    b++;
    i64 big = 1LL << 40;
    int x = 5;
    intptr p = &x;
    vec3 u = {1, 2, 3}, v = {4, 5, 6};
    string s = "typedef";
    printf("%d %lld %d %lld %s\n", b, big, *p, dot(u, v), s);
    printf("%d %d\n", (int)sizeof(vec3), (int)sizeof(byte));
    typedef int local_t;
    local_t y = 9;
    return y;
}
