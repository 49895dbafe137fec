/* #include of a macro that expands to a header name, in both forms. */
#define STDIO <stdio.h>
#include STDIO
#define LIBRARY(name) <name.h>
#include LIBRARY(string)
#define QUOTED "lang_once.h"
#include QUOTED
#define str(x) #x
#define xstr(x) str(x)
#define GUARD_HEADER lang_guarded.h
#include xstr(GUARD_HEADER)

int main(void) {
    char buf[16];
    strcpy(buf, "included");
    printf("%s %zu %d %d\n", buf, strlen(buf), ONCE_VALUE, guarded_value());
    return 0;
}
