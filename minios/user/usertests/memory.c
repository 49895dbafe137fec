/* usertests: memory: sbrk, bad pointers into system calls, stack
 * overflows; threads and mutexes.  Included by usertests.c. */

/* The heap grows by megabytes, every page can be touched, a huge sbrk
 * fails with ENOMEM and the process goes on. */
static void t_sbrk(void)
{
    char *start = sbrk(0), *p;
    for (int mib = 0; mib < 4; mib++) {
        p = sbrk(1 << 20);
        CHECK(p != (char *)-1, "sbrk of MiB %d: errno %d", mib, errno);
        for (long i = 0; i < 1 << 20; i += 4096)
            p[i] = (char)i;
    }
    CHECK(sbrk(0) == start + (4 << 20), "the break did not move by 4 MiB");
    CHECK(sbrk(1L << 40) == (void *)-1 && errno == ENOMEM, "a huge sbrk: errno %d", errno);
    CHECK(sbrk(1L << 30) == (void *)-1 && errno == ENOMEM, "a 1 GiB sbrk: errno %d", errno);
    CHECK(sbrk(-(4L << 20)) == start + (4 << 20) && sbrk(0) == start, "shrinking");
    p = malloc(100);
    CHECK(p != 0, "malloc after a failed sbrk");
    free(p);
}

static void badptr_thread(void *arg) { thread_exit(7); }

/* Each call with a pointer gets each bad pointer: -EFAULT, and the caller lives. */
static void t_badptr(void)
{
    long bad[] = {0, -8, 0x7f0000000000L, 0x3000000, (long)t_badptr};
    const char *names[] = {"NULL", "-8", "kernel-ish", "unmapped", "text"};
    int fd = open("/bin/sh", O_RDONLY), fds[2];
    long r, v;
    CHECK(fd >= 0, "open /bin/sh");
    for (int i = 0; i < 5; i++) {
        long p = bad[i], text = i == 4;
        int pid, tid;
#define EXPECT_EFAULT(call, what) \
        do { r = call; CHECK(r == -EFAULT, "%s with a %s pointer: %ld", what, names[i], r); } while (0)
        EXPECT_EFAULT(__syscall(SYS_read, fd, p, 8), "read");
        if (!text) {
            EXPECT_EFAULT(__syscall(SYS_write, 1, p, 8), "write");
            EXPECT_EFAULT(__syscall(SYS_open, p, O_RDONLY, 0), "open");
            EXPECT_EFAULT(__syscall(SYS_open, p, O_CREAT | O_WRONLY, 0644), "open O_CREAT");
            EXPECT_EFAULT(__syscall(SYS_execv, p, 0), "execv");
            EXPECT_EFAULT(__syscall(SYS_mkdir, p, 0755), "mkdir");
            EXPECT_EFAULT(__syscall(SYS_chdir, p), "chdir");
            EXPECT_EFAULT(__syscall(SYS_unlink, p), "unlink");
            char *argv[] = {"echo", (char *)p, 0};
            if (p)                     /* a NULL argv[1] just ends argv: echo would run */
                EXPECT_EFAULT(__syscall(SYS_execv, "/bin/echo", argv), "execv's argv[1]");
            EXPECT_EFAULT(__syscall(SYS_execv, "/bin/echo", p), "execv's argv");
        }
        EXPECT_EFAULT(__syscall(SYS_pipe, p), "pipe");
        EXPECT_EFAULT(__syscall(SYS_fstat, fd, p), "fstat");
        EXPECT_EFAULT(__syscall(SYS_procinfo, 0, p), "procinfo");
        EXPECT_EFAULT(__syscall(SYS_sysinfo, p), "sysinfo");
        EXPECT_EFAULT(__syscall(SYS_mutex_lock, p), "mutex_lock");
        EXPECT_EFAULT(__syscall(SYS_mutex_unlock, p), "mutex_unlock");
        r = __syscall(SYS_getenv, p, p, 8);  /* no environment: unset, whatever the name */
        CHECK(r == -1, "getenv with a %s pointer: %ld", names[i], r);
        if (p) {                       /* a NULL status or value is "do not store it" */
            pid = fork();
            if (pid == 0)
                exit(3);
            EXPECT_EFAULT(__syscall(SYS_waitpid, pid, p, 0), "waitpid");
            expect_exit(pid, 3, "the child waited for with a bad pointer");
            tid = thread_create(badptr_thread, 0, 0);
            CHECK(tid > 0, "thread_create: errno %d", errno);
            EXPECT_EFAULT(__syscall(SYS_thread_join, tid, p), "thread_join");
            CHECK(thread_join(tid, &v) == 0 && v == 7, "thread_join after the bad one");
        }
    }
    CHECK(pipe(fds) == 0, "pipe after the bad ones");
    CHECK(write(fds[1], "ok", 2) == 2 && read(fds[0], &v, 2) == 2, "the pipe works");
    close(fds[0]);
    close(fds[1]);
    close(fd);
}

static int recurse(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

static void t_stackoverflow(void)
{
    int pid = fork();
    if (pid == 0) {
        recurse(0);
        exit(0);
    }
    expect_signal(pid, SIGSEGV, "the recursing child");
}

#define NTHREADS 4
#define ROUNDS 300
static mutex_t counter_lock = MUTEX_INITIALIZER;
static volatile long counter;

static void count(void *arg)
{
    for (int i = 0; i < ROUNDS; i++) {
        mutex_lock(&counter_lock);
        long c = counter;
        if (i % 50 == 0)
            usleep(0);                 /* give the slice away while holding the lock */
        counter = c + 1;
        mutex_unlock(&counter_lock);
    }
    thread_exit((long)arg * 10);
}

/* Threads increment a shared counter under a mutex; each join gets its value. */
static void t_threads(void)
{
    int tids[NTHREADS];
    long v;
    for (long i = 0; i < NTHREADS; i++) {
        tids[i] = thread_create(count, (void *)(i + 1), 0);
        CHECK(tids[i] > 0, "thread_create: errno %d", errno);
    }
    for (int i = 0; i < NTHREADS; i++) {
        CHECK(thread_join(tids[i], &v) == 0, "thread_join: errno %d", errno);
        CHECK(v == (i + 1) * 10, "thread %d's value %ld", i, v);
    }
    CHECK(counter == NTHREADS * ROUNDS, "counter %ld, not %d", counter, NTHREADS * ROUNDS);
    CHECK(thread_join(tids[0], &v) == -1, "a second join of one thread");
    CHECK(mutex_unlock(&counter_lock) == -1 && errno == EPERM, "unlock of a free mutex");
}

static void overflow(void *arg) { recurse(0); }

/* A thread's stack overflow ends its whole process with SIGSEGV. */
static void t_threadoverflow(void)
{
    int pid = fork();
    if (pid == 0) {
        thread_create(overflow, 0, 16384);
        for (;;)
            sleep(1);
    }
    expect_signal(pid, SIGSEGV, "the process of the recursing thread");
}
