/* %s with widths, precision and the - flag. */
#include <stdio.h>

int main(void) {
    const char *s = "pvm";
    printf("[%s] [%6s] [%-6s]\n", s, s, s);
    printf("[%.2s] [%.0s] [%.10s]\n", s, s, s);
    printf("[%8.2s] [%-8.2s]\n", "hello", "hello");
    printf("[%s]\n", "");
    printf("[%1s]\n", "longer");
    printf("%s %s %s\n", "multiple", "string", "args");
    return 0;
}
