/* A wild write: the shell reports how it ended. */
int main(void)
{
    *(volatile int *)0x3000000 = 1;
    return 0;
}
