/* offsetof from stddef.h gives member offsets. */
#include <stdio.h>
#include <stddef.h>

struct header {
    char kind;
    short flags;
    int length;
    long stamp;
    char name[5];
    double weight;
};

int main(void) {
    printf("%d %d %d %d %d %d\n", (int)offsetof(struct header, kind),
           (int)offsetof(struct header, flags), (int)offsetof(struct header, length),
           (int)offsetof(struct header, stamp), (int)offsetof(struct header, name),
           (int)offsetof(struct header, weight));
    printf("%d\n", (int)sizeof(struct header));
    return 0;
}
