/* Inner blocks may shadow outer names; the outer variable is untouched. */
#include <stdio.h>

int x = 1;

int main(void) {
    printf("%d\n", x);
    int x = 2;
    printf("%d\n", x);
    {
        int x = 3;
        printf("%d\n", x);
        {
            x = 4;
            int x = 5;
            printf("%d\n", x);
        }
        printf("%d\n", x);
    }
    printf("%d\n", x);
    {
        int y = x * 10;
        printf("%d\n", y);
    }
    {
        int y = 7;
        printf("%d\n", y);
    }
    return x;
}
