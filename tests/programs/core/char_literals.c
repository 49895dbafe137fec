/* Character literals, including every escape sequence; their type is int. */
#include <stdio.h>

int main(void) {
    printf("%d %d %d %d\n", 'A', 'z', '0', ' ');
    printf("%d %d %d %d %d\n", '\n', '\t', '\r', '\0', '\\');
    printf("%d %d %d\n", '\'', '\"', '\?');
    printf("%d %d %d %d\n", '\a', '\b', '\f', '\v');
    printf("%d %d %d\n", '\x41', '\101', '\7');
    printf("%d %d\n", '\xff', '\377');
    printf("%d\n", (int)sizeof('a'));
    printf("%c%c%c\n", 'o', 'k', '!');
    return 0;
}
