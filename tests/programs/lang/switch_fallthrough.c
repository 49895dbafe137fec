/* Without break, control falls through into the next case. */
#include <stdio.h>

static int count_from(int n) {
    int hits = 0;
    switch (n) {
    case 0:
        hits++;
        /* fall through */
    case 1:
        hits++;
        /* fall through */
    case 2:
        hits++;
        /* fall through */
    default:
        hits++;
    }
    return hits;
}

int main(void) {
    int i;
    for (i = 0; i < 4; i++)
        printf("%d ", count_from(i));
    printf("\n");
    int c = 'e', vowel = 0;
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        vowel = 1;
        break;
    }
    printf("%d\n", vowel);
    return 0;
}
