/* Counting letters of a string into an array indexed by character. */
#include <stdio.h>

int main(void) {
    int freq[26];
    int i;
    for (i = 0; i < 26; i++)
        freq[i] = 0;
    const char *s = "sphinx of black quartz judge my vow";
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            freq[*s - 'a']++;
    for (i = 0; i < 26; i++)
        if (freq[i] > 1)
            printf("%c:%d ", 'a' + i, freq[i]);
    printf("\n");
    return 0;
}
