/* usertests: the shell from C (system, popen); the process table filled;
 * a storm of random system calls.  Included by usertests.c. */

static void read_file(const char *path, char *buf, int n)
{
    int fd = open(path, O_RDONLY), got;
    CHECK(fd >= 0, "open %s: errno %d", path, errno);
    got = read(fd, buf, n - 1);
    buf[got > 0 ? got : 0] = 0;
    close(fd);
}

static void t_system(void)
{
    char buf[64];
    int status = system("echo x > /tmp/ut_sys");
    CHECK(status == 0, "system's status %#x", status);
    read_file("/tmp/ut_sys", buf, sizeof buf);
    CHECK(strcmp(buf, "x\n") == 0, "the file holds '%s'", buf);
    CHECK(unlink("/tmp/ut_sys") == 0, "unlink");
    status = system("exit 3");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3, "exit 3 gave status %#x", status);
    CHECK(system(0) != 0, "system(NULL) says there is no shell");
}

static void t_popen(void)
{
    char buf[64];
    FILE *f = popen("echo hi", "r");
    CHECK(f != 0, "popen r: errno %d", errno);
    CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "hi\n") == 0, "popen read '%s'", buf);
    CHECK(fgets(buf, sizeof buf, f) == 0, "more than one line");
    CHECK(pclose(f) == 0, "pclose r");
    f = popen("wc > /tmp/ut_wc", "w");
    CHECK(f != 0, "popen w: errno %d", errno);
    fputs("one two\nthree\n", f);
    CHECK(pclose(f) == 0, "pclose w");
    read_file("/tmp/ut_wc", buf, sizeof buf);
    CHECK(strcmp(buf, "      2       3      14\n") == 0, "wc said '%s'", buf);
    unlink("/tmp/ut_wc");
    f = popen("exit 5", "r");
    CHECK(f && WEXITSTATUS(pclose(f)) == 5, "pclose's status");
}

/* Fork until the table is full (EAGAIN); when the children have gone,
 * fork works again. */
static void t_proctable(void)
{
    int fds[2], pid, n = 0, status;
    char c;
    CHECK(pipe(fds) == 0, "pipe");
    for (;;) {
        pid = fork();
        if (pid == 0) {
            close(fds[1]);
            read(fds[0], &c, 1);       /* until the parent closes its end */
            _exit(0);
        }
        if (pid < 0)
            break;
        n++;
        CHECK(n <= NPROC_GUESS, "%d forks and the table is not full", n);
    }
    CHECK(errno == EAGAIN, "fork failed with errno %d, not EAGAIN", errno);
    CHECK(n > 10, "only %d forks", n);
    close(fds[1]);
    close(fds[0]);
    for (int i = 0; i < n; i++) {
        CHECK(wait(&status) > 0, "wait %d of %d: errno %d", i, n, errno);
        CHECK(status == 0, "a child's status %#x", status);
    }
    CHECK(wait(&status) == -1 && errno == ECHILD, "children left");
    pid = fork();
    if (pid == 0)
        exit(9);
    CHECK(pid > 0, "fork after the table emptied: errno %d", errno);
    expect_exit(pid, 9, "the child after");
}

/* Remove path and everything under it (the storm's leavings). */
static void remove_tree(const char *path)
{
    char sub[MAXPATH_GUESS];
    struct dirent *e;
    DIR *d = opendir(path);
    if (d) {
        while ((e = readdir(d)) != 0) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            remove_tree(sub);
        }
        closedir(d);
    }
    unlink(path);
}

static unsigned long seed;
static unsigned long lcg(void)
{
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return seed >> 33;
}

static char storm_buf[256];

/* A random argument: a small number, a descriptor, a good or bad pointer, a length. */
static long storm_arg(void)
{
    switch (lcg() % 12) {
    case 0: return 0;
    case 1: return 1;
    case 2: return -1;
    case 3: return lcg() % 20;                 /* a descriptor, most likely */
    case 4: return (long)storm_buf;
    case 5: return (long)storm_buf + 200;      /* good, then runs off the buffer */
    case 6: return 0x3000000;                  /* unmapped */
    case 7: return 0x7f0000000000L;            /* kernel-ish */
    case 8: return (long)storm_arg;            /* text */
    case 9: return (long)(lcg() << 20 | lcg());
    case 10: return lcg() % 4096;
    default: return O_CREAT | O_RDWR;
    }
}

/* Calls the storm leaves out: those that end the process or the machine,
 * start programs or threads, or may wait forever. */
static int storm_skips(long n)
{
    return n == SYS_exit || n == SYS_halt || n == SYS_kill || n == SYS_thread_exit ||
           n == SYS_execv || n == SYS_waitpid || n == SYS_fork || n == SYS_msleep ||
           n == SYS_thread_create || n == SYS_thread_join || n == SYS_mutex_lock;
}

static void storm(unsigned long s, int calls)
{
    int fd = open("out", O_CREAT | O_WRONLY, 0644);
    seed = s;
    dup2(fd, 0);                       /* no console: reads must not wait for typing */
    dup2(fd, 1);
    dup2(fd, 2);
    for (int i = 0; i < calls; i++) {
        long n = 1 + lcg() % 40, a = storm_arg(), b = storm_arg(), c = storm_arg();
        if (storm_skips(n))
            continue;
        strcpy(storm_buf, "sx");       /* a path argument names something here */
        __syscall(n, a, b, c);
    }
    _exit(0);
}

/* Random system calls in children: each child exits or is killed (after a
 * time limit, if it blocked, say reading a pipe of its own); the kernel lives. */
static void t_storm(void)
{
    for (int k = 0; k < 4; k++) {
        int pid, status = 0, waited = 0;
        remove_tree("/tmp/ut_storm");
        CHECK(mkdir("/tmp/ut_storm", 0755) == 0, "mkdir");
        pid = fork();
        if (pid == 0) {
            chdir("/tmp/ut_storm");
            storm(12345 + k, 500);
        }
        while (waitpid(pid, &status, WNOHANG) == 0) {
            if (++waited == 50)
                kill(pid, SIGKILL);
            usleep(20000);
        }
        CHECK(WIFEXITED(status) || WIFSIGNALED(status), "status %#x", status);
        remove_tree("/tmp/ut_storm");
        CHECK(open("/tmp/ut_storm", O_RDONLY) == -1, "the storm's directory is still there");
    }
}
