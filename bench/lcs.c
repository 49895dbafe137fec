/* lcs.c: longest common subsequences of DNA-like strings by dynamic
 * programming over a 2-D array, with the traceback that recovers one, a
 * benchmark of nested loops with two induction variables, 2-D indexing,
 * byte compares and max.
 *
 * Size: n (argv[1], default 4): pairs of strings over ACGT.  The first of a
 * pair is 100-299 random letters; the second is a copy with about one
 * letter in eight changed, dropped or doubled.  The whole table
 * dp[i][j] = LCS length of the prefixes is filled, then walked back from
 * the corner to spell out a longest common subsequence.
 * Unit of work: one table cell: the sum over pairs of len(a) * len(b).
 * Prints "checksum: <sum over pairs of (LCS length * 2^20 + a hash of the
 * subsequence found, mod 2^20)>" and "work:".
 */
#include <stdio.h>
#include <stdlib.h>

#define MAXLEN 360

static short dp[MAXLEN + 1][MAXLEN + 1];
static char a[MAXLEN + 1], b[MAXLEN + 1], common[MAXLEN + 1];
static unsigned int seed = 4321;

static unsigned int next(void)
{
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

int main(int argc, char **argv)
{
    static const char acgt[4] = {'A', 'C', 'G', 'T'};
    int n = argc > 1 ? atoi(argv[1]) : 4;
    long checksum = 0, work = 0;
    for (int pair = 0; pair < n; pair++) {
        int la = 100 + (int)(next() % 200), lb = 0;
        for (int i = 0; i < la; i++)
            a[i] = acgt[next() & 3];
        for (int i = 0; i < la && lb < MAXLEN - 1; i++) {
            unsigned int r = next() % 24;
            if (r == 0)
                continue;                              /* dropped */
            b[lb++] = r == 1 ? acgt[next() & 3] : a[i];  /* changed or kept */
            if (r == 2)
                b[lb++] = a[i];                        /* doubled */
        }
        for (int j = 0; j <= lb; j++)
            dp[0][j] = 0;
        for (int i = 1; i <= la; i++) {
            dp[i][0] = 0;
            char ai = a[i - 1];
            for (int j = 1; j <= lb; j++) {
                if (ai == b[j - 1])
                    dp[i][j] = (short)(dp[i - 1][j - 1] + 1);
                else if (dp[i - 1][j] >= dp[i][j - 1])
                    dp[i][j] = dp[i - 1][j];
                else
                    dp[i][j] = dp[i][j - 1];
            }
        }
        int len = dp[la][lb], k = len;
        for (int i = la, j = lb; i > 0 && j > 0;) {
            if (a[i - 1] == b[j - 1]) {
                common[--k] = a[i - 1];
                i--;
                j--;
            } else if (dp[i - 1][j] >= dp[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        unsigned int h = 0;
        for (int i = 0; i < len; i++)
            h = h * 31 + (unsigned char)common[i];
        checksum += ((long)len << 20) + (h & 0xfffff);
        work += (long)la * lb;
    }
    printf("checksum: %ld\n", checksum);
    printf("work: %ld\n", work);
    return 0;
}
