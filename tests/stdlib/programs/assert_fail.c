/* A failed assert prints glibc's message and aborts (status 134). */
#include <stdio.h>
#include <assert.h>

static int check(int x)
{
    assert(x > 0 && "x must be positive");
    return x * 2;
}

int main(void)
{
    printf("%d\n", check(3));
    fflush(stdout);
    return check(-1);
}
