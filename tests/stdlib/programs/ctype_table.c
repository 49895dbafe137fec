/* <ctype.h> classes for EOF and every byte value. */
#include <stdio.h>
#include <ctype.h>

int main(void)
{
    int c;
    for (c = -1; c < 256; c++) {
        int bits = !!isalnum(c) | !!isalpha(c) << 1 | !!isblank(c) << 2 | !!iscntrl(c) << 3
                   | !!isdigit(c) << 4 | !!isgraph(c) << 5 | !!islower(c) << 6 | !!isprint(c) << 7
                   | !!ispunct(c) << 8 | !!isspace(c) << 9 | !!isupper(c) << 10 | !!isxdigit(c) << 11;
        printf("%d:%x:%d:%d\n", c, bits, tolower(c), toupper(c));
    }
    return 0;
}
