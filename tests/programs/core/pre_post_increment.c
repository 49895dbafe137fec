/* Prefix and postfix ++ and -- and the values they yield. */
#include <stdio.h>

int main(void) {
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("%d %d %d %d %d\n", a, b, c, d, i);
    long l = -1;
    l++;
    ++l;
    printf("%ld\n", l);
    unsigned char u = 255;
    u++;
    printf("%d\n", u);
    char ch = 'a';
    ch++;
    printf("%c\n", ch);
    int x = 10;
    int y = x++ + 5;
    printf("%d %d\n", x, y);
    return 0;
}
