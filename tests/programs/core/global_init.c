/* Globals initialised with constant expressions of several types. */
#include <stdio.h>

int answer = 42;
long big = 1L << 40;
unsigned int mask = 0xffff0000u;
char letter = 'Q';
short neg = -300;
unsigned char byte = 250;
int computed = 6 * 7 + (100 >> 2) - 3 % 2;
long long llv = -1234567890123LL;
int zero;

int main(void) {
    printf("%d %ld %u %c %d %d\n", answer, big, mask, letter, neg, byte);
    printf("%d %lld %d\n", computed, llv, zero);
    answer++;
    byte += 10;
    printf("%d %d\n", answer, byte);
    return 0;
}
