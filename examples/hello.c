/* hello.c: the smallest complete program, printing one line.
 *
 *   pvm run examples/hello.c
 */
#include <stdio.h>

int main(void)
{
    printf("Hello, world!\n");
    return 0;
}
