/* usertests: processes: fork, exit and wait; orphans; kill; pipes
 * between processes.  Included by usertests.c. */

/* Several children, each with its own exit status, reaped by pid in an
 * order of the parent's choosing; a killed one is WIFSIGNALED; then no
 * children are left. */
static void t_forkwait(void)
{
    int pids[5], i, status;
    for (i = 0; i < 5; i++) {
        pids[i] = fork();
        CHECK(pids[i] >= 0, "fork: errno %d", errno);
        if (pids[i] == 0)
            exit(10 + i);
    }
    for (i = 4; i >= 0; i--)
        expect_exit(pids[i], 10 + i, "child");
    i = fork();
    if (i == 0)
        for (;;)
            sleep(1);
    CHECK(kill(i, SIGKILL) == 0, "kill: errno %d", errno);
    CHECK(waitpid(i, &status, 0) == i, "waitpid killed");
    CHECK(WIFSIGNALED(status) && !WIFEXITED(status) && WTERMSIG(status) == SIGKILL,
          "killed child's status %#x", status);
    CHECK(wait(&status) == -1 && errno == ECHILD, "wait with no children: errno %d", errno);
    CHECK(waitpid(12345, &status, WNOHANG) == -1 && errno == ECHILD, "waitpid of a stranger");
}

/* A grandchild whose parent exits is adopted by init (pid 1). */
static void t_orphan(void)
{
    int fds[2], pid, tries;
    char c = '?';
    CHECK(pipe(fds) == 0, "pipe");
    pid = fork();
    if (pid == 0) {
        if (fork() == 0) {
            for (tries = 0; getppid() != 1 && tries < 100; tries++)
                usleep(10000);
            c = getppid() == 1 ? 'y' : 'n';
            write(fds[1], &c, 1);
            exit(0);
        }
        exit(0);
    }
    close(fds[1]);
    expect_exit(pid, 0, "parent of the orphan");
    CHECK(read(fds[0], &c, 1) == 1, "no word from the orphan");
    CHECK(c == 'y', "the orphan's parent is not init");
    CHECK(read(fds[0], &c, 1) == 0, "no end of file after the orphan exited");
}

static void t_killsleep(void)
{
    int pid = fork();
    if (pid == 0) {
        sleep(100);
        exit(0);
    }
    usleep(20000);
    CHECK(kill(pid, SIGKILL) == 0, "kill: errno %d", errno);
    expect_signal(pid, SIGKILL, "sleeping child");
    CHECK(kill(pid, SIGKILL) == -1 && errno == ESRCH, "kill of a reaped child: errno %d", errno);
}

static void t_killspin(void)
{
    int pid = fork();
    if (pid == 0)
        for (;;)
            ;
    usleep(30000);
    CHECK(kill(pid, SIGTERM) == 0, "kill: errno %d", errno);
    expect_signal(pid, SIGTERM, "spinning child");
}

#define BIG (40 * 1024)

/* A transfer of ten pipe buffers in odd-sized pieces arrives intact. */
static void t_pipebig(void)
{
    static char buf[1000];
    int fds[2], pid, i, n;
    long total = 0;
    CHECK(pipe(fds) == 0, "pipe");
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        for (long sent = 0; sent < BIG; sent += n) {
            n = BIG - sent < 997 ? BIG - sent : 997;
            for (i = 0; i < n; i++)
                buf[i] = (char)((sent + i) * 7);
            if (write(fds[1], buf, n) != n)
                exit(1);
        }
        exit(0);
    }
    close(fds[1]);
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        for (i = 0; i < n; i++)
            CHECK(buf[i] == (char)((total + i) * 7), "byte %ld is wrong", total + i);
        total += n;
    }
    CHECK(n == 0 && total == BIG, "got %ld bytes, not %d (last read %d)", total, BIG, n);
    expect_exit(pid, 0, "writer");
}

/* A reader sees the end of file only when every write end is closed. */
static void t_pipeeof(void)
{
    int fds[2], pid, n;
    char c;
    CHECK(pipe(fds) == 0, "pipe");
    pid = fork();
    if (pid == 0) {
        write(fds[1], "ab", 2);
        exit(0);
    }
    expect_exit(pid, 0, "writer");
    CHECK(read(fds[0], &c, 1) == 1 && c == 'a', "first byte");
    write(fds[1], "c", 1);
    close(fds[1]);
    CHECK(read(fds[0], &c, 1) == 1 && c == 'b', "second byte");
    CHECK(read(fds[0], &c, 1) == 1 && c == 'c', "third byte");
    n = read(fds[0], &c, 1);
    CHECK(n == 0, "read at the end gave %d", n);
    close(fds[0]);
}

/* A write to a pipe whose reader has gone ends the writer with SIGPIPE. */
static void t_sigpipe(void)
{
    int fds[2], reader, writer;
    CHECK(pipe(fds) == 0, "pipe");
    reader = fork();
    if (reader == 0)
        exit(0);                       /* the reader exits without reading */
    expect_exit(reader, 0, "reader");
    close(fds[0]);
    writer = fork();
    if (writer == 0) {
        for (int i = 0; i < 100; i++)
            write(fds[1], "x", 1);
        exit(0);
    }
    close(fds[1]);
    expect_signal(writer, SIGPIPE, "writer");
}
