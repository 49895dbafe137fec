/* Initialising char arrays from string literals. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char a[] = "hello";
    char b[10] = "hi";
    char c[3] = "abc";
    char words[3][6] = {"one", "two", "three"};
    printf("%s %d\n", a, (int)sizeof a);
    printf("%s %d %d\n", b, (int)sizeof b, b[9]);
    printf("%c%c%c %d\n", c[0], c[1], c[2], (int)sizeof c);
    printf("%s %s %s\n", words[0], words[1], words[2]);
    a[0] = 'j';
    printf("%s\n", a);
    char e[] = {"braced"};
    printf("%s %d\n", e, (int)strlen(e));
    return 0;
}
