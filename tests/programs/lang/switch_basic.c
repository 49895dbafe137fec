/* switch with cases, default and break. */
#include <stdio.h>

static const char *day(int d) {
    switch (d) {
    case 0: return "sun";
    case 1: return "mon";
    case 2: return "tue";
    case 3: return "wed";
    case 4: return "thu";
    case 5: return "fri";
    case 6: return "sat";
    default: return "???";
    }
}

int main(void) {
    int d;
    for (d = -1; d <= 7; d++)
        printf("%s ", day(d));
    printf("\n");
    int x = 3, r = 0;
    switch (x) {
    case 1:
        r = 10;
        break;
    case 3:
        r = 30;
        break;
    }
    printf("%d\n", r);
    switch (x) {
    case 99:
        r = -1;
    }
    printf("%d\n", r);
    return 0;
}
