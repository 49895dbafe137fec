/* A 2-D char array holding several strings. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char names[4][8];
    strcpy(names[0], "red");
    strcpy(names[1], "green");
    strcpy(names[2], "blue");
    strcpy(names[3], "cyan");
    int i;
    for (i = 0; i < 4; i++)
        printf("%s:%d ", names[i], (int)strlen(names[i]));
    printf("\n");
    names[1][0] = 'G';
    printf("%s %c\n", names[1], names[2][3]);
    printf("%d\n", (int)sizeof names);
    return 0;
}
