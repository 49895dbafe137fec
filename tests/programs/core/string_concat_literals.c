/* Adjacent string literals are joined into one. */
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *s = "Hello, " "world" "!";
    printf("%s\n", s);
    printf("%d\n", (int)strlen(s));
    printf("%d\n", (int)sizeof("ab" "cd"));
    puts("one "
         "two "
         "three");
    printf("%s\n", "\x41" "B");
    return (int)strlen("12" "345");
}
