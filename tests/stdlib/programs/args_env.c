/* argc/argv and getenv.
 * args: one "two words" 3 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int i;
    char *v;
    printf("argc=%d\n", argc);
    for (i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("argv[argc]=%p\n", (void *)argv[argc]);
    v = getenv("PVM_TEST_VAR");
    printf("PVM_TEST_VAR=%s\n", v ? v : "(unset)");
    printf("again same pointer: %d\n", getenv("PVM_TEST_VAR") == v);
    printf("unset: %p\n", (void *)getenv("PVM_SURELY_NOT_SET_XYZ"));
    printf("long value length: %zu\n", strlen(getenv("PVM_LONG_VAR")));
    return argc;
}
