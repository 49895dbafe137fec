/* A static local keeps its value between calls and is initialised once. */
#include <stdio.h>

static int next_id(void) {
    static int id = 100;
    return id++;
}

static int calls(void) {
    static int n;
    n++;
    return n;
}

int main(void) {
    int i;
    for (i = 0; i < 5; i++)
        printf("%d ", next_id());
    printf("\n");
    for (i = 0; i < 3; i++)
        calls();
    printf("%d\n", calls());
    return calls();
}
