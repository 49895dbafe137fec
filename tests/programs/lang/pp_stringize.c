/* The # operator turns a macro argument into a string literal. */
#include <stdio.h>

#define STR(x) #x
#define XSTR(x) STR(x)
#define SHOW(expr) printf("%s = %d\n", #expr, (expr))
#define VERSION 3

int main(void) {
    printf("%s\n", STR(hello world));
    printf("%s\n", STR("quoted" and \n escaped));
    printf("%s %s\n", STR(VERSION), XSTR(VERSION));
    SHOW(1 + 2 * 3);
    SHOW(VERSION << 2);
    printf("[%s]\n", STR(  spaces   collapse  ));
    printf("[%s]\n", STR());
    return 0;
}
