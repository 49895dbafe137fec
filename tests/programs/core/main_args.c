// args: alpha beta 42 -7
/* argc counts the program name and every argument; argv[argc] is NULL. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int i, sum = 0;
    printf("argc=%d\n", argc);
    for (i = 1; i < argc; i++) {
        printf("argv[%d]=%s\n", i, argv[i]);
        sum += atoi(argv[i]);
    }
    printf("%d %d\n", argv[argc] == 0, sum);
    return sum;
}
