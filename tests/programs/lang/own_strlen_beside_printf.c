/* A program's own strlen is the one its calls reach; printf's own use of
   strlen (for %s) stays inside the library, as glibc's does. */
#include <stdio.h>
#include <string.h>

static int calls;

size_t strlen(const char *s) {
    const volatile char *c = s;     /* (so that gcc -O2 does not see strlen's idiom and call strlen) */
    size_t n = 0;
    calls++;
    while (c[n])
        n++;
    return n;
}

int main(int argc, char **argv) {
    char word[32];
    (void)argv;
    sprintf(word, "x%dy", argc * 12345);
    size_t n = strlen(word);
    printf("%s has %d chars\n", word, (int)n);
    puts(word);
    printf("%s %s\n", "printf's", "strings");
    printf("calls=%d\n", calls);
    n += strlen(word + 2);
    printf("%d calls=%d\n", (int)n, calls);
    return calls;
}
