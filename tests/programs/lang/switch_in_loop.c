/* break inside a switch leaves the switch; continue goes to the enclosing loop. */
#include <stdio.h>

int main(void) {
    const char *prog = "++>+-<.x+.";
    int acc = 0, ptr = 0, out = 0, skipped = 0;
    const char *p;
    for (p = prog; *p; p++) {
        switch (*p) {
        case '+': acc++; break;
        case '-': acc--; break;
        case '>': ptr++; break;
        case '<': ptr--; break;
        case '.': out = out * 10 + acc; break;
        default: skipped++; continue;
        }
        acc += 0;
    }
    printf("%d %d %d %d\n", acc, ptr, out, skipped);
    return 0;
}
