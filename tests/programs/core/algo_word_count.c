/* Counting lines, words and characters, like wc. */
#include <stdio.h>

int main(void) {
    const char *text = "one two  three\nfour\n\n  five six seven\n";
    int lines = 0, words = 0, chars = 0, in_word = 0;
    const char *p;
    for (p = text; *p; p++) {
        chars++;
        if (*p == '\n')
            lines++;
        if (*p == ' ' || *p == '\n' || *p == '\t')
            in_word = 0;
        else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    printf("%d %d %d\n", lines, words, chars);
    return words;
}
