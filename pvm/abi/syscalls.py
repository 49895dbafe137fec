"""The system call ABI: the one list of system calls.

A guest makes a system call with `SYSCALL A, N`: R[A] holds the number,
R[A+1..A+N] the arguments, and the result comes back in R[A].  As on Linux, a
result in [-4095, -1] is a negated errno.  In C, `__syscall(n, a, b, ...)` is
the compiler builtin that emits this instruction; stdlib wraps it.

Without a guest OS the VM services these calls itself against the host
(`pvm.machine.hostos`); the mini OS will service the very same numbers, so one
compiled program runs unchanged with or without it.  `stdlib/include/sys/
syscall.h` is generated from this table (`python -m pvm.abi`).
"""
from __future__ import annotations

from typing import NamedTuple


class Syscall(NamedTuple):
    number: int
    name: str
    args: str       # C parameter list, for the header and docs
    doc: str


SYSCALLS: list[Syscall] = [
    Syscall(1, "exit", "int status", "end the program with this status"),
    Syscall(2, "read", "int fd, void *buf, unsigned long n", "read up to n bytes; 0 at end of file"),
    Syscall(3, "write", "int fd, const void *buf, unsigned long n", "write n bytes; returns the count written"),
    Syscall(4, "open", "const char *path, int flags, int mode", "open a file (Linux O_* flag values)"),
    Syscall(5, "close", "int fd", "close a file descriptor"),
    Syscall(6, "lseek", "int fd, long offset, int whence", "move the file offset; returns the new offset"),
    Syscall(7, "sbrk", "long increment", "grow the heap; returns the old break, or -ENOMEM"),
    Syscall(8, "time", "void", "seconds since 1970-01-01 UTC"),
    Syscall(9, "getpid", "void", "the process id"),
    Syscall(10, "clock", "void", "monotonic time in nanoseconds"),
    Syscall(11, "unlink", "const char *path", "remove a file"),
    Syscall(12, "isatty", "int fd", "1 if fd is a terminal, else 0"),
    Syscall(13, "getenv", "const char *name, char *buf, unsigned long n",
            "copy environment variable name into buf; returns its length, or -1 if unset"),
    # ---- processes: minios services these; a bare `pvm run` returns -ENOSYS
    # (msleep and uptime excepted: the host can sleep and count)
    Syscall(14, "fork", "void", "a copy of this process; returns the child's pid, 0 in the child"),
    Syscall(15, "execv", "const char *path, char *const *argv",
            "replace this process's program with the bytecode file path; returns only on error"),
    Syscall(16, "waitpid", "int pid, int *status, int options",
            "wait for child pid to end (-1: any child); returns its pid and stores its status"),
    Syscall(17, "kill", "int pid, int sig", "end process pid with signal sig (SIGKILL, SIGTERM)"),
    Syscall(18, "getppid", "void", "the parent's process id"),
    Syscall(19, "msleep", "long ms", "sleep at least ms milliseconds"),
    Syscall(20, "uptime", "void", "milliseconds since the machine started"),
    Syscall(21, "halt", "int status", "power the machine off with this exit status (minios)"),
    Syscall(22, "nice", "int increment", "lower (or raise) this process's priority; returns the new nice value"),
    Syscall(23, "procinfo", "int slot, struct procinfo *info",
            "describe process-table slot (<sys/proc.h>); -ESRCH if it is free, -EINVAL past the table"),
    Syscall(24, "sysinfo", "struct sysinfo *info", "the kernel's counts: memory pages, processes (<sys/proc.h>)"),
    # ---- files and threads: minios only (a bare `pvm run` returns -ENOSYS)
    Syscall(25, "pipe", "int *fds", "a pipe: fds[0] reads what fds[1] writes"),
    Syscall(26, "dup", "int fd", "a new descriptor (the lowest free) for the same open file"),
    Syscall(27, "dup2", "int fd, int newfd", "make newfd a descriptor for fd's open file (closing newfd first)"),
    Syscall(28, "mkdir", "const char *path, int mode", "make a directory (mode is ignored)"),
    Syscall(29, "chdir", "const char *path", "change the working directory"),
    Syscall(30, "fstat", "int fd, struct stat *st", "describe an open file (<sys/stat.h>)"),
    Syscall(31, "thread_create", "void *fn, void *arg, unsigned long stack_size",
            "a new thread of this process calling fn(arg) on a stack of its own (0: 64 KiB); returns its id"),
    Syscall(32, "thread_join", "int tid, long *value", "wait for thread tid to end; stores what it passed to thread_exit"),
    Syscall(33, "thread_exit", "long value", "end the calling thread (in the main thread: the process)"),
    Syscall(34, "gettid", "void", "the calling thread's id (the main thread's is the pid)"),
    Syscall(35, "mutex_lock", "int *word", "wait until *word is 0, then set it to 1 (kernel mutex)"),
    Syscall(36, "mutex_unlock", "int *word", "set *word to 0 and wake one waiter"),
]

BY_NAME = {s.name: s for s in SYSCALLS}
BY_NUMBER = {s.number: s for s in SYSCALLS}



def parameters(s: Syscall) -> list[str]:
    """The C parameters of a call, one string each ([] for `void`)."""
    return [] if s.args == "void" else [p.strip() for p in s.args.split(",")]


def pointer_parameters(s: Syscall) -> list[int]:
    """Which arguments (0-based) are guest addresses: the ones declared with `*`."""
    return [i for i, p in enumerate(parameters(s)) if "*" in p]


def kernel_table() -> str:
    """minios/include/systab.h: the kernel's dispatch table, one entry per
    call of the table above (minios/kernel/syscall.c includes it once)."""
    out = ["/* Generated by `python -m pvm.abi` from pvm/abi/syscalls.py: do not edit. */",
           "/* The kernel's system calls: sys_NAME(tf) for each number in <sys/syscall.h>. */",
           "#ifndef _MINIOS_SYSTAB_H", "#define _MINIOS_SYSTAB_H", "",
           "#include <sys/syscall.h>", "", "struct trapframe;", ""]
    out += [f"long sys_{s.name}(struct trapframe *tf);" for s in SYSCALLS]
    out += ["", "static long (*const syscalls[])(struct trapframe *) = {"]
    out += [f"    [SYS_{s.name}] = sys_{s.name}," for s in SYSCALLS]
    out += ["};", "", f"#define NSYSCALL {max(s.number for s in SYSCALLS) + 1}", "", "#endif", ""]
    return "\n".join(out)


def header() -> str:
    """stdlib/include/sys/syscall.h: the whole file."""
    out = ["/* Generated by `python -m pvm.abi` from pvm/abi/syscalls.py: do not edit. */",
           "#ifndef _SYS_SYSCALL_H", "#define _SYS_SYSCALL_H", ""]
    for s in SYSCALLS:
        out.append(f"#define SYS_{s.name} {s.number}   /* {s.name}({s.args}): {s.doc} */")
    out += ["", "#endif", ""]
    return "\n".join(out)

