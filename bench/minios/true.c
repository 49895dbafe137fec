/* Does nothing, successfully: what forkexec runs. */
int main(void) { return 0; }
