/* sh: the minios shell.
 *
 *   sh -c 'CMDS'     run CMDS and exit with the last command's status
 *   sh               read commands from stdin, line by line ("$ " on a terminal)
 *
 * Each line (or the -c string) is parsed into a tree of struct cmd, then run.
 * The grammar, one parse function per rule:
 *
 *   list     := [pipeline] { (';' | '\n' | '&') [pipeline] }   ('&': in the background)
 *   pipeline := command { '|' command }
 *   command  := { WORD | REDIR WORD }                          (at least one)
 *   REDIR    := '<' | '>' | '>>' | '2>' | '2>>'                 (2: standard error)
 *   WORD     := characters but blanks and ;&|<>, with '...' and "..." quoting
 *
 * A command's status is its exit code, or 128 + the signal that killed it;
 * a pipeline's is its last command's.  The builtins are `cd [DIR]` and
 * `exit [N]`.  Other names are programs: NAME with a '/' as it is, else
 * BINDIR/NAME, else NAME in the current directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#ifndef BINDIR
#define BINDIR "/bin"           /* where programs live (a test build points elsewhere) */
#endif

#define MAXARGS 32
#define MAXREDIRS 8
#define MAXNODES 64             /* struct cmds in one line */
#define MAXJOBS 16              /* background jobs remembered for their "Done" */

enum { EXEC, PIPE, LIST, BACK };
enum { WORD = 'w', APPEND = 'a', ERR = 'e', ERR_APPEND = 'E' };   /* tokens besides ;&|<> and \n */

/* The characters of a token other than a word or one of ;&|<> and \n. */
static const char *spelling(int tok)
{
    return tok == APPEND ? ">>" : tok == ERR ? "2>" : tok == ERR_APPEND ? "2>>" : NULL;
}

struct redir {
    int fd;                     /* 0 or 1 */
    int flags;                  /* for open() */
    char *file;
};

struct cmd {
    int type;
    char *argv[MAXARGS + 1];    /* EXEC: the words, then NULL */
    int argc;
    struct redir redir[MAXREDIRS];
    int nredir;
    struct cmd *left, *right;   /* PIPE: left | right; LIST: left ; right; BACK: left & */
};

static int status;              /* the last command's, the shell's own at the end */
static int jobs[MAXJOBS];       /* pids of background jobs not yet reaped (0: free) */
static int backgrounded;        /* whether any job went to the background: only then is
                                   there anything to reap between commands */

/* ---- parsing ---- */

static struct cmd nodes[MAXNODES];
static int nnodes;
static char *p;                 /* the next character to parse */
static char *words;             /* where the next word's unquoted copy goes (in parse's wordbuf) */
static int bad;                 /* the line had a syntax error (already reported) */

static void syntax(int tok)
{
    char near[4] = {(char)tok, 0, 0, 0};
    if (bad++)
        return;
    if (spelling(tok))
        strcpy(near, spelling(tok));
    fprintf(stderr, "sh: syntax error near '%s'\n", tok == 0 || tok == '\n' ? "newline" : near);
}

static struct cmd *node(int type, struct cmd *left, struct cmd *right)
{
    struct cmd *c;
    if (nnodes == MAXNODES) {
        if (!bad++)
            fprintf(stderr, "sh: line too long\n");
        return NULL;
    }
    c = &nodes[nnodes++];
    memset(c, 0, sizeof *c);
    c->type = type;
    c->left = left;
    c->right = right;
    return c;
}

/* Skip blanks; the next token, left unread. */
static int peek(void)
{
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == 0)
        return 0;
    if (p[0] == '>' && p[1] == '>')
        return APPEND;
    if (p[0] == '2' && p[1] == '>')         /* at a word's start: standard error */
        return p[2] == '>' ? ERR_APPEND : ERR;
    if (strchr(";&|<>\n", *p))
        return *p;
    return WORD;
}

/* Read the next token; for a WORD, return its copy without the quotes. */
static char *next(void)
{
    char *w = words, quote;
    int tok = peek();
    if (tok != WORD) {
        if (spelling(tok))
            p += strlen(spelling(tok));
        else if (tok != 0)
            p++;
        return NULL;
    }
    while (*p && !strchr(" \t;&|<>\n", *p)) {
        if (*p != '\'' && *p != '"') {
            *words++ = *p++;
            continue;
        }
        quote = *p++;
        while (*p && *p != quote)
            *words++ = *p++;
        if (!*p) {
            if (!bad++)
                fprintf(stderr, "sh: syntax error: unterminated %c\n", quote);
            break;
        }
        p++;
    }
    *words++ = 0;
    return w;
}

/* command := { WORD | REDIR WORD } */
static struct cmd *parse_command(void)
{
    struct cmd *c = node(EXEC, NULL, NULL);
    struct redir *r;
    int tok;
    while (c && !bad) {
        tok = peek();
        if (tok == WORD) {
            if (c->argc == MAXARGS) {
                fprintf(stderr, "sh: too many arguments\n");
                bad++;
                break;
            }
            c->argv[c->argc++] = next();
        } else if (tok == '<' || tok == '>' || tok == APPEND || tok == ERR || tok == ERR_APPEND) {
            next();
            if (peek() != WORD) {
                syntax(peek());
                break;
            }
            if (c->nredir == MAXREDIRS) {
                fprintf(stderr, "sh: too many redirections\n");
                bad++;
                break;
            }
            r = &c->redir[c->nredir++];
            r->fd = tok == '<' ? 0 : tok == ERR || tok == ERR_APPEND ? 2 : 1;
            r->flags = tok == '<' ? O_RDONLY
                     : tok == '>' || tok == ERR ? O_WRONLY | O_CREAT | O_TRUNC
                     : O_WRONLY | O_CREAT | O_APPEND;
            r->file = next();
        } else {
            if (c->argc == 0 && c->nredir == 0)
                syntax(tok);    /* e.g. "| x", "x | ;", "&" */
            break;
        }
    }
    return c;
}

/* pipeline := command { '|' command } */
static struct cmd *parse_pipeline(void)
{
    struct cmd *c = parse_command();
    if (bad || peek() != '|')
        return c;
    next();
    return node(PIPE, c, parse_pipeline());
}

/* list := [pipeline] { (';' | '\n' | '&') [pipeline] } */
static struct cmd *parse_list(void)
{
    struct cmd *c = NULL;
    int tok = peek();
    if (tok == 0 || bad)
        return NULL;
    if (tok != ';' && tok != '\n')
        c = parse_pipeline();
    tok = peek();
    if (bad)
        return NULL;
    if (tok == '&')
        c = node(BACK, c, NULL);
    else if (tok != ';' && tok != '\n' && tok != 0)
        syntax(tok);
    next();
    return node(LIST, c, parse_list());
}

/* Parse s; NULL for nothing to run.  The tree points into wordbuf. */
static struct cmd *parse(char *s)
{
    static char *wordbuf;
    struct cmd *c;
    free(wordbuf);
    /* each word is no longer than its text, and ends where a delimiter (or s's end) is */
    wordbuf = malloc(strlen(s) + 1);
    if (!wordbuf) {
        fprintf(stderr, "sh: out of memory\n");
        status = 1;
        return NULL;
    }
    nnodes = 0;
    bad = 0;
    p = s;
    words = wordbuf;
    c = parse_list();
    if (bad) {
        status = 2;
        return NULL;
    }
    return c;
}

/* ---- running ---- */

/* How a child ended, as bash says it; NULL for signals it keeps quiet about. */
static const char *ending(int st, char *buf)
{
    switch (WTERMSIG(st)) {
    case SIGINT:
    case SIGPIPE: return NULL;      /* asked for, or its reader went away */
    case SIGSEGV: return "Segmentation fault";
    case SIGFPE: return "Floating point exception";
    case SIGILL: return "Illegal instruction";
    case SIGABRT: return "Aborted";
    case SIGKILL: return "Killed";
    case SIGTERM: return "Terminated";
    }
    sprintf(buf, "Signal %d", WTERMSIG(st));
    return buf;
}

static int exit_status(int st)
{
    return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* Wait for child pid; its wait status, or -1. */
static int wait_for(int pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "sh: wait: %s\n", strerror(errno));
            return -1;
        }
    }
    return st;
}

/* In a child: exec argv[0], found as the header says; never returns. */
static void execute(char **argv)
{
    char path[256];
    if (!strchr(argv[0], '/')) {
        if (strlen(BINDIR) + strlen(argv[0]) + 2 <= sizeof path) {
            sprintf(path, "%s/%s", BINDIR, argv[0]);
            execv(path, argv);
            if (errno != ENOENT)
                goto cannot;
        }
        execv(argv[0], argv);
        if (errno == ENOENT) {
            fprintf(stderr, "sh: %s: command not found\n", argv[0]);
            _exit(127);
        }
        goto cannot;
    }
    execv(argv[0], argv);
cannot:
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);     /* 126: there, but cannot run (as bash) */
}

/* cd and exit; -1 if c is no builtin, else its status. */
static int builtin(struct cmd *c)
{
    char *dir;
    if (c->argc == 0)
        return -1;
    if (strcmp(c->argv[0], "exit") == 0)
        exit(c->argc > 1 ? atoi(c->argv[1]) & 0xff : status);
    if (strcmp(c->argv[0], "cd") != 0)
        return -1;
    dir = c->argc > 1 ? c->argv[1] : "/";
    if (chdir(dir) < 0) {
        fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    return 0;
}

/* In a child: open c's redirections onto fds 0, 1 and 2. */
static void redirect(struct cmd *c)
{
    struct redir *r;
    int fd;
    for (r = c->redir; r < c->redir + c->nredir; r++) {
        fd = open(r->file, r->flags, 0644);
        if (fd < 0) {
            fprintf(stderr, "sh: cannot open %s: %s\n", r->file, strerror(errno));
            _exit(1);
        }
        if (fd != r->fd) {
            dup2(fd, r->fd);
            close(fd);
        }
    }
}

/* Fork a child running command c with stdin from in and stdout to out
 * (-1: the shell's own), closing unused (the other end of its pipe);
 * returns its pid, or -1. */
static int spawn(struct cmd *c, int in, int out, int unused)
{
    int pid, st;
    fflush(stdout);             /* the child must not inherit unwritten output */
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sh: fork: %s\n", strerror(errno));
        if (errno == ENOSYS)    /* no kernel (a bare pvm run): nothing can run */
            exit(1);
        return -1;
    }
    if (pid > 0)
        return pid;
    if (in >= 0) {
        dup2(in, 0);
        close(in);
    }
    if (out >= 0) {
        dup2(out, 1);
        close(out);
    }
    if (unused >= 0)
        close(unused);
    redirect(c);
    if (c->argc == 0)
        _exit(0);               /* only redirections: "> f" makes f empty */
    if ((st = builtin(c)) >= 0)
        _exit(st);              /* a builtin in a pipeline affects only its child */
    execute(c->argv);
    return -1;
}

/* Start pipeline c, each command's stdout the next one's stdin; stores
 * the children's pids in pids (*n of them); returns the last one's, or -1. */
static int start(struct cmd *c, int *pids, int *n)
{
    int in = -1, fds[2], pid = -1;
    for (; c->type == PIPE; c = c->right) {
        if (pipe(fds) < 0) {
            fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
            break;
        }
        pid = spawn(c->left, in, fds[1], fds[0]);
        if (pid > 0)
            pids[(*n)++] = pid;
        close(fds[1]);
        if (in >= 0)
            close(in);
        in = fds[0];
    }
    if (c->type != PIPE) {
        pid = spawn(c, in, -1, -1);
        if (pid > 0)
            pids[(*n)++] = pid;
    }
    if (in >= 0)
        close(in);
    return pid;
}

/* Run pipeline c and wait for all of it; status is the last command's. */
static void foreground(struct cmd *c)
{
    int pids[MAXNODES], n = 0, i, last, st;
    char buf[16];
    const char *how;
    if (c->type == EXEC && (st = builtin(c)) >= 0) {
        status = st;            /* cd must change the shell's own directory */
        return;
    }
    last = start(c, pids, &n);
    status = 1;
    for (i = 0; i < n; i++) {
        st = wait_for(pids[i]);
        if (st < 0)
            continue;
        if (WIFSIGNALED(st) && (how = ending(st, buf)))
            fprintf(stderr, "%s (pid %d)\n", how, pids[i]);
        if (pids[i] == last)
            status = exit_status(st);
    }
}

/* Start pipeline c without waiting; its last command's pid is the job's. */
static void background(struct cmd *c)
{
    int pids[MAXNODES], n = 0, i, last;
    last = start(c, pids, &n);
    status = last > 0 ? 0 : 1;
    if (last <= 0)
        return;
    fprintf(stderr, "[%d]\n", last);
    for (i = 0; i < MAXJOBS; i++) {
        if (jobs[i] == 0) {
            backgrounded = 1;
            jobs[i] = last;
            break;
        }
    }
}

/* Reap the children that have ended (without waiting), and report the jobs among them. */
static void reap(void)
{
    int pid, st, i;
    char buf[16];
    const char *how;
    if (!backgrounded)
        return;
    while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
        for (i = 0; i < MAXJOBS && jobs[i] != pid; i++)
            ;
        if (i == MAXJOBS)
            continue;           /* an earlier command of a background pipeline */
        jobs[i] = 0;
        if (WIFSIGNALED(st) && (how = ending(st, buf)))
            fprintf(stderr, "[%d] %s\n", pid, how);
        else if (WIFEXITED(st) && WEXITSTATUS(st) != 0)
            fprintf(stderr, "[%d] Exit %d\n", pid, WEXITSTATUS(st));
        else
            fprintf(stderr, "[%d] Done\n", pid);
    }
}

static void run(struct cmd *c)
{
    for (; c; c = c->right) {   /* a LIST: left, then the rest */
        if (!c->left)
            continue;           /* an empty command */
        if (c->left->type == BACK)
            background(c->left->left);
        else
            foreground(c->left);
    }
}

/* Parse and run a line (or the -c string), then report the jobs that ended. */
static void command_line(char *s)
{
    run(parse(s));
    reap();
}

int main(int argc, char **argv)
{
    char *buf = NULL;
    size_t cap = 0;
    int interactive;
    if (argc == 3 && strcmp(argv[1], "-c") == 0) {
        command_line(argv[2]);
        return status;
    }
    if (argc != 1) {
        fprintf(stderr, "usage: sh [-c COMMANDS]\n");
        return 2;
    }
    interactive = isatty(0);
    for (;;) {
        if (interactive) {
            fputs("$ ", stdout);
            fflush(stdout);
        }
        if (getline(&buf, &cap, stdin) < 0)
            break;
        command_line(buf);
    }
    return status;
}
