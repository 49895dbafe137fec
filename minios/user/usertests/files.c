/* usertests: files and directories.  Included by usertests.c. */

static long file_size(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? st.st_size : -1;
}

/* create, write, read, lseek, O_APPEND, O_TRUNC, O_EXCL, fstat. */
static void t_files(void)
{
    char buf[32];
    int fd;
    unlink("/tmp/ut_f");
    fd = open("/tmp/ut_f", O_CREAT | O_RDWR, 0644);
    CHECK(fd >= 0, "create: errno %d", errno);
    CHECK(write(fd, "hello world", 11) == 11, "write");
    CHECK(file_size(fd) == 11, "fstat size %ld, not 11", file_size(fd));
    CHECK(lseek(fd, 6, SEEK_SET) == 6, "lseek");
    CHECK(read(fd, buf, sizeof buf) == 5 && memcmp(buf, "world", 5) == 0, "read after lseek");
    CHECK(read(fd, buf, sizeof buf) == 0, "read at the end");
    CHECK(lseek(fd, -5, SEEK_END) == 6 && lseek(fd, 1, SEEK_CUR) == 7, "lseek from the end");
    CHECK(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL, "lseek before the start");
    CHECK(lseek(fd, 20, SEEK_SET) == 20 && write(fd, "!", 1) == 1, "write past the end");
    CHECK(file_size(fd) == 21, "size after a write past the end: %ld", file_size(fd));
    CHECK(lseek(fd, 11, SEEK_SET) == 11 && read(fd, buf, 10) == 10 && buf[0] == 0 && buf[8] == 0,
          "the gap is not zeros");
    close(fd);
    CHECK(open("/tmp/ut_f", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST,
          "O_EXCL of an existing file: errno %d", errno);
    fd = open("/tmp/ut_f", O_WRONLY | O_APPEND);
    CHECK(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0, "open O_APPEND");
    CHECK(write(fd, "ab", 2) == 2 && file_size(fd) == 23, "O_APPEND wrote inside the file");
    close(fd);
    fd = open("/tmp/ut_f", O_RDWR | O_TRUNC);
    CHECK(fd >= 0 && file_size(fd) == 0, "O_TRUNC left %ld bytes", file_size(fd));
    close(fd);
    CHECK(open("/tmp/ut_nonesuch", O_RDONLY) == -1 && errno == ENOENT, "open of nothing");
    fd = open("/tmp/ut_f", O_RDONLY);
    CHECK(write(fd, "x", 1) == -1 && errno == EBADF, "write to a read-only file: errno %d", errno);
    close(fd);
    CHECK(read(fd, buf, 1) == -1 && errno == EBADF, "read of a closed fd");
    CHECK(unlink("/tmp/ut_f") == 0, "unlink");
}

/* A file unlinked while open can still be read; its name is gone at once. */
static void t_unlinkopen(void)
{
    char buf[8];
    int fd = open("/tmp/ut_u", O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, "still", 5) == 5, "create");
    CHECK(unlink("/tmp/ut_u") == 0, "unlink: errno %d", errno);
    CHECK(open("/tmp/ut_u", O_RDONLY) == -1 && errno == ENOENT, "the name is still there");
    CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 8) == 5 && memcmp(buf, "still", 5) == 0,
          "read after unlink");
    CHECK(write(fd, "more", 4) == 4 && file_size(fd) == 9, "write after unlink");
    close(fd);
}

/* dup and fork share one offset. */
static void t_sharedoffset(void)
{
    char buf[8];
    int fd = open("/tmp/ut_o", O_CREAT | O_RDWR | O_TRUNC, 0644), fd2, pid;
    CHECK(fd >= 0, "create");
    fd2 = dup(fd);
    CHECK(fd2 > fd, "dup");
    write(fd, "a", 1);
    write(fd2, "b", 1);
    CHECK(lseek(fd, 0, SEEK_CUR) == 2, "dup's offset is not shared");
    pid = fork();
    if (pid == 0) {
        write(fd, "c", 1);
        exit(0);
    }
    expect_exit(pid, 0, "child");
    write(fd2, "d", 1);
    CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd2, buf, 8) == 4 && memcmp(buf, "abcd", 4) == 0,
          "fork's offset is not shared");
    close(fd);
    close(fd2);
    unlink("/tmp/ut_o");
}

static long ino(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_ino : -1;
}

static void t_dirs(void)
{
    char name[64], path[200];
    int fd;
    CHECK(mkdir("/tmp/ut_d", 0755) == 0, "mkdir: errno %d", errno);
    CHECK(mkdir("/tmp/ut_d", 0755) == -1 && errno == EEXIST, "mkdir twice");
    CHECK(chdir("/tmp/ut_d") == 0, "chdir");
    CHECK(mkdir("sub", 0755) == 0 && chdir("sub") == 0, "relative mkdir and chdir");
    fd = open("../f", O_CREAT | O_WRONLY, 0644);
    CHECK(fd >= 0, "create ../f: errno %d", errno);
    close(fd);
    CHECK(ino("/tmp/ut_d/f") == ino("../f") && ino("..") == ino("/tmp/ut_d"), "relative paths");
    CHECK(chdir("/") == 0 && chdir("..") == 0 && ino(".") == ino("/") && ino("/..") == ino("/"),
          ".. of the root is not the root");
    CHECK(unlink("/tmp/ut_d") == -1 && errno == ENOTEMPTY, "unlink of a full directory: errno %d",
          errno);
    CHECK(open("/tmp/ut_d/f/x", O_CREAT | O_WRONLY, 0644) == -1 && errno == ENOTDIR,
          "a file as a directory: errno %d", errno);
    CHECK(chdir("/tmp/ut_d/f") == -1 && errno == ENOTDIR, "chdir to a file: errno %d", errno);
    memset(name, 'n', sizeof name);
    name[40] = 0;
    snprintf(path, sizeof path, "/tmp/ut_d/%s", name);
    CHECK(open(path, O_CREAT | O_WRONLY, 0644) == -1 && errno == ENAMETOOLONG,
          "a long name: errno %d", errno);
    memset(path, 'a', sizeof path);
    path[sizeof path - 1] = 0;
    for (int i = 10; i < 190; i += 10)
        path[i] = '/';
    CHECK(open(path, O_RDONLY) == -1 && errno == ENAMETOOLONG, "a long path: errno %d", errno);
    CHECK(unlink("/tmp/ut_d/f") == 0 && unlink("/tmp/ut_d/sub") == 0 && unlink("/tmp/ut_d") == 0,
          "unlink of the emptied directory: errno %d", errno);
    CHECK(unlink("/tmp/ut_d") == -1 && errno == ENOENT, "unlink twice");
    CHECK(unlink("/") == -1, "unlink of the root");
}

/* Writing until the disk is full is ENOSPC; the blocks come back with unlink. */
static void t_diskfull(void)
{
    static char buf[4096];
    struct sysinfo before, full, after;
    long total = 0, n;
    int fd;
    sysinfo_now(&before);
    fd = open("/tmp/ut_big", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    CHECK(fd >= 0, "create");
    memset(buf, 'z', sizeof buf);
    while ((n = write(fd, buf, sizeof buf)) == (long)sizeof buf)
        total += n;
    CHECK(n < 0 && errno == ENOSPC || n >= 0 && write(fd, buf, sizeof buf) == -1 && errno == ENOSPC,
          "after %ld bytes: write gave %ld, errno %d", total, n, errno);
    sysinfo_now(&full);
    CHECK(full.free_blocks < 16, "%ld blocks still free", full.free_blocks);
    CHECK(total > 1 << 20, "only %ld bytes written", total);
    close(fd);
    CHECK(unlink("/tmp/ut_big") == 0, "unlink");
    sysinfo_now(&after);
    CHECK(after.free_blocks == before.free_blocks, "free blocks %ld before, %ld after",
          before.free_blocks, after.free_blocks);
}
