"""`pvm`: the one command.  Each subcommand is a thin layer over pvm.api.

    pvm run prog.c [args...]        compile (cached) and run
    pvm build a.c -o prog.pvm       compile to a bytecode file
    pvm dis prog.pvm                disassemble
    pvm asm prog.s -o prog.pvm      assemble a listing
    pvm repl                        a C prompt over a live machine
    pvm debug prog.c [args...]      a source-level debugger
    pvm bench                       the benchmarks
    pvm mkfs disk.img [DIR...]      a minios disk image
    pvm fsck disk.img               check a minios disk image
    pvm cp disk.img:/f host-file    copy a file out of (or into) a disk image
    pvm boot [--run 'CMD; CMD']     build minios and boot it

Exit statuses: the program's own, or 1 (compile error), 2 (bad usage or a
bad bytecode file), 139/136/134/152 for guest traps (see pvm/errors.py).
"""
from __future__ import annotations

import os
import sys

from pvm.errors import EXIT_INTERNAL, EXIT_LOAD, PvmError
from pvm.bytecode.program import BOOT_MEMORY, DEFAULT_STACK

DUMP_STAGES = ("tokens", "ast", "types", "bc", "llvm")
REMAINDER = "..."           # argparse.REMAINDER: the rest of the command line


def device_options(p) -> None:
    """The machine's device options `pvm run` and `pvm boot` share."""
    p.add_argument("--printer", metavar="FILE",
                   help="the line printer device appends to FILE")
    p.add_argument("--deterministic", action="store_true",
                   help="the real-time clock counts instructions (100 M per second) "
                        "instead of reading the host's clock")


def size(text: str) -> int:
    """`64M`, `8MiB`, `65536`, `1G` -> bytes."""
    import argparse
    t = text.strip().upper().removesuffix("IB").removesuffix("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(t[-1:], 1)
    try:
        n = int(t[:-1] if mult > 1 else t, 0) * mult
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: '{text}' (try 64M)")
    if n <= 0:
        raise argparse.ArgumentTypeError(f"size must be positive: '{text}'")
    return n


def positive(text: str) -> int:
    import argparse
    try:
        n = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: '{text}'")
    if n < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: '{text}'")
    return n


def defines(items: list) -> dict:
    out = {}
    for item in items or ():
        name, _, value = item.partition("=")
        out[name] = value if "=" in item else "1"
    return out


def add_compile_options(p: argparse.ArgumentParser, dialects: bool = True) -> None:
    p.add_argument("-I", dest="include", action="append", default=[], metavar="DIR",
                   help="add DIR to the #include search path")
    p.add_argument("-D", dest="define", action="append", default=[], metavar="NAME[=VAL]",
                   help="predefine a macro (value 1 if none is given)")
    if not dialects:            # the REPL and the debugger compile gnu99 only
        return
    p.add_argument("-std", dest="std", default=None, metavar="STD",
                   help="the C dialect: c89|gnu89|c99|gnu99 (default)|c11|gnu11|c17|gnu17 "
                        "(c89 and gnu89 imply -fpermissive; strict ones -trigraphs)")
    p.add_argument("-fpermissive", dest="permissive", action="store_true",
                   help="accept old C as gcc does: implicit declarations, implicit int and "
                        "int/pointer conversions become warnings")
    p.add_argument("-trigraphs", dest="trigraphs", action="store_true",
                   help="replace ??= and the other trigraphs")


def dialect(a):
    """The compiler.dialect.Dialect the options name (None: the default,
    without loading the module: a cached run loads no compiler)."""
    if a.std is None and not a.permissive and not a.trigraphs:
        return None
    from compiler.dialect import Dialect
    return Dialect.from_options(std=a.std, permissive=a.permissive, trigraphs=a.trigraphs)


class _Unused:
    """Stands in for the parser of a command that is not being run: every
    call (add_argument, ...) does nothing."""

    def __getattr__(self, name):
        return lambda *args, **kw: None


class _Subcommands:
    """The subcommands, of which only `command`'s parser is built when it is
    a known command: building every one (a dozen parsers with their help
    texts) cost each `pvm run` ~3 ms.  For help and errors without a known
    command, all are built."""

    def __init__(self, actions, command: str | None):
        self.actions, self.command = actions, command

    def add_parser(self, name: str, **kw):
        if self.command in COMMANDS and name != self.command:
            return _Unused()
        return self.actions.add_parser(name, **kw)


def run_options(run) -> None:
    """`pvm run`'s options, added to an argparse parser, or to a _Defaults
    (the values a plain `pvm run FILE ARGS...` gets, without argparse)."""
    add_compile_options(run)
    run.add_argument("--tier", default="auto", choices=("interp", "jit", "auto"),
                     help="execution tier (default: auto)")
    run.add_argument("--fuel", type=positive, metavar="N",
                     help="stop after N executed instructions (exit status 152)")
    run.add_argument("--memory", type=size, metavar="SIZE",
                     help="guest memory size: the most the program can use, heap and stack "
                          "(default: a quarter of this computer's memory, at least 256M; "
                          "reserved, not used, until the program touches it)")
    run.add_argument("--stack", type=size, default=DEFAULT_STACK, metavar="SIZE",
                     help="stack size (default 8M)")
    run.add_argument("--dump", choices=DUMP_STAGES, metavar="STAGE",
                     help="print a compiler stage (tokens|ast|types|bc) instead of running; "
                          "llvm: run, writing the JIT's optimised LLVM IR to stderr")
    run.add_argument("--jit-threshold", type=positive, default=1000, metavar="N",
                     help="with --tier=auto, compile a function after N calls or N loop "
                          "iterations (default 1000)")
    run.add_argument("--jit-log", action="store_true",
                     help="print a line to stderr for every JIT event")
    run.add_argument("--jit-cache-mb", type=positive, default=256, metavar="MB",
                     help="stop compiling once this much native code exists (default 256)")
    run.add_argument("--disk", metavar="IMG",
                     help="attach IMG (a host file of 512-byte sectors) as the disk device")
    run.add_argument("--paged", action="store_true",
                     help="run in user mode under paged virtual memory, the VM acting as a "
                          "minimal kernel (page tables, system calls through the trap path)")
    device_options(run)
    run.add_argument("--jit-cold-start", action="store_true",
                     help="with --tier=auto, warm up in the interpreter even if an earlier "
                          "run of this program left its hot functions' native code cached")
    run.add_argument("--trace", nargs="?", const="", metavar="FUNC",
                     help="print every executed instruction (of FUNC only, if given) with its "
                          "source line, on stderr; runs on the interpreter's stepper")
    run.add_argument("--profile", action="store_true",
                     help="at exit, print instructions and time per function and tier on stderr")
    run.add_argument("file", metavar="FILE")
    run.add_argument("args", nargs=REMAINDER, metavar="ARGS")


class _Defaults:
    """Collects the values a parser would give options that are not on the
    command line, from the same add_argument calls (see plain_run)."""

    def __init__(self):
        self.values: dict = {}

    def add_argument(self, *flags, **kw) -> None:
        dest = kw.get("dest")
        if dest is None:
            longs = [f for f in flags if f.startswith("--")]
            dest = (longs or flags)[0].lstrip("-").replace("-", "_")
        action = kw.get("action")
        default = kw.get("default", {"store_true": False, "store_false": True}.get(action))
        if isinstance(default, str) and "type" in kw:
            default = kw["type"](default)           # as argparse converts string defaults
        self.values[dest] = default


def plain_run(argv: list):
    """The parsed options of `pvm run FILE [ARGS...]` with no options before
    FILE (how programs are usually run), without argparse: with the
    subparser it builds and the modules it imports (re, gettext, locale,
    shutil), argparse cost a start-up 5-10 ms.  None for any other command
    line (argparse parses it).  tests/pvm/test_cli.py holds both parsers to
    the same answers."""
    if len(argv) < 2 or argv[0] != "run" or argv[1].startswith("-") or "--" in argv:
        return None             # ("--": argparse drops the first one from ARGS)
    from types import SimpleNamespace
    d = _Defaults()
    run_options(d)
    values = d.values
    values.update(command="run", file=argv[1], args=list(argv[2:]))
    return SimpleNamespace(**values)


def parser(command: str | None = "bench"):
    import argparse
    top = argparse.ArgumentParser(
        prog="pvm", description="pvm: a C-like language, its bytecode virtual machine and tools.",
        epilog="Run `pvm COMMAND --help` for a command's options.")
    sub = _Subcommands(top.add_subparsers(dest="command", metavar="COMMAND"), command)

    run = sub.add_parser("run", help="compile (if .c) and run a program",
                         description="Compile a .c file (cached) or load a .pvm file, and run it. "
                                     "Arguments after FILE go to the program.")
    run_options(run)

    build = sub.add_parser("build", help="compile C files to a bytecode file",
                           description="Compile C files (and .pvo objects) separately and link them, "
                                       "with the stdlib, into a portable .pvm bytecode file.")
    add_compile_options(build)
    build.add_argument("-o", dest="output", metavar="OUT",
                       help="output file (default: the first FILE with .pvm, or .pvo with -c)")
    build.add_argument("-c", dest="object", action="store_true",
                       help="compile one C file to an object file (.pvo) without linking")
    build.add_argument("files", nargs="+", metavar="FILE")

    dis = sub.add_parser("dis", help="disassemble a bytecode file (or a .c file)",
                         description="Print a readable listing of a .pvm file; `pvm asm` reads it back.")
    add_compile_options(dis)
    dis.add_argument("file", metavar="FILE")

    asm = sub.add_parser("asm", help="assemble a listing into a bytecode file",
                         description="Assemble a listing (the format `pvm dis` prints) to a .pvm file.")
    asm.add_argument("-o", dest="output", metavar="OUT", help="output file (default: FILE with .pvm)")
    asm.add_argument("file", metavar="FILE")

    repl = sub.add_parser("repl", help="an interactive C prompt over a live machine",
                          description="A C prompt over one live machine: declarations accumulate, "
                                      "statements run, expressions print their value and type. "
                                      "Type :help at the prompt.")
    add_compile_options(repl, dialects=False)
    repl.add_argument("--tier", default="interp", choices=("interp", "jit", "auto"),
                      help="execution tier (default: interp; :tier changes it)")
    repl.add_argument("--memory", type=size, metavar="SIZE",
                      help="guest memory size (default: as pvm run)")
    repl.add_argument("--stack", type=size, default=DEFAULT_STACK, metavar="SIZE",
                      help="stack size (default 8M)")
    repl.add_argument("load", nargs="*", metavar="FILE", help="C files to :load first")

    debug = sub.add_parser("debug", help="a source-level debugger",
                           description="Debug a C program at source level (gdb-like commands; "
                                       "type `help` at the prompt). Arguments after FILE go to the program.")
    add_compile_options(debug, dialects=False)
    debug.add_argument("--tier", default="interp", choices=("interp", "jit", "auto"),
                       help="tier for the calls that run at full speed (default: interp); "
                            "what is stepped always runs in the interpreter")
    debug.add_argument("-x", dest="commands", metavar="FILE",
                       help="read debugger commands from FILE before the terminal")
    debug.add_argument("file", metavar="FILE")
    debug.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS")

    mkfs = sub.add_parser("mkfs", help="write a minios disk image",
                          description="Write a minios disk image (a file system, pvm/abi/minifs.py) "
                                      "holding the base system (/bin: every minios/user/*.c "
                                      "compiled to bytecode, named without .c; /dev/console, "
                                      "/dev/printer; empty /spool and /tmp) and each DIR's tree "
                                      "copied into /: X.c compiled to bytecode as X, other files "
                                      "as they are.  A DIR's file replaces a base file of the "
                                      "same path, a later DIR an earlier one's.")
    mkfs.add_argument("-q", dest="quiet", action="store_true",
                      help="print nothing (default: a line per file and a summary)")
    mkfs.add_argument("--size", type=positive, default=None, metavar="N",
                      help="the image's size in 1 KiB blocks (default 4096: 4 MiB)")
    mkfs.add_argument("--inodes", type=positive, default=None, metavar="N",
                      help="how many inodes the image has (default 256)")
    mkfs.add_argument("--minios", metavar="TREE",
                      help="take the base system from TREE/user (default: minios/ of pvm's checkout)")
    mkfs.add_argument("image", metavar="IMG", help="the image file to write")
    mkfs.add_argument("dirs", nargs="*", metavar="DIR", help="directories whose trees to add")

    fsck = sub.add_parser("fsck", help="check a minios disk image",
                          description="Check a minios disk image: the superblock, every "
                                      "directory's `.` and `..`, link counts, the bitmap against "
                                      "the blocks in use, file sizes against their blocks, "
                                      "orphan inodes, an uninstalled log.  One line per problem, "
                                      "then a summary; exit status 0 if clean, 1 if not.  It "
                                      "never repairs.")
    fsck.add_argument("--replay", action="store_true",
                      help="first install the blocks a committed log holds, as the kernel does "
                           "at boot (writes IMG)")
    fsck.add_argument("image", metavar="IMG")

    cp = sub.add_parser("cp", help="copy a file into or out of a minios disk image",
                        description="Copy a regular file between a minios disk image and the "
                                    "host: `pvm cp IMG:/path HOSTFILE` copies out, `pvm cp "
                                    "HOSTFILE IMG:/path` copies in (creating the file or "
                                    "replacing its contents; its directory must exist), writing "
                                    "IMG in place.")
    cp.add_argument("source", metavar="SRC", help="IMG:/path or a host file")
    cp.add_argument("dest", metavar="DEST", help="a host file or directory, or IMG:/path")

    boot = sub.add_parser("boot", help="build minios and boot it",
                          description="Build the minios kernel (minios/kernel/*.c, -I minios/include) "
                                      "and its default disk image (as `pvm mkfs`), both cached and "
                                      "rebuilt when a source changes, and boot it with the console "
                                      "on this terminal.  The exit status is the machine's: with "
                                      "--run, the last command's.  A boot never changes the "
                                      "default disk image (it runs on a copy).")
    boot.add_argument("--tier", default="auto", choices=("interp", "jit", "auto"),
                      help="execution tier (default: auto)")
    boot.add_argument("--disk", metavar="IMG",
                      help="boot with IMG (from `pvm mkfs`) as the disk instead of the base "
                           "system; the guest may write to it")
    boot.add_argument("--run", metavar="CMDS",
                      help="have init run `sh -c CMDS` and power off with its status "
                           "(e.g. --run 'echo hi; ps')")
    boot.add_argument("--memory", type=size, default=BOOT_MEMORY, metavar="SIZE",
                      help="the machine's physical memory (default 64M; the kernel puts "
                           "every page on its free list at boot)")
    device_options(boot)
    boot.add_argument("--minios", metavar="TREE",
                      help="build from the minios source tree TREE (default: minios/ of pvm's "
                           "checkout)")

    bench = sub.add_parser("bench", help="run the benchmarks on each tier",
                           description="Run the benchmark programs on each tier.")
    if command == "bench":      # its options live with the tool: load it only to use it
        from pvm.tools.bench import suite
        suite.add_arguments(bench)
    return top


def cmd_run(a) -> int:
    from . import api
    if a.dump and a.dump != "llvm":
        from compiler.dumps import dump
        sys.stdout.write(dump(a.dump, [a.file], include_dirs=tuple(a.include),
                              defines=defines(a.define)))
        return 0
    program = api.program_for(a.file, a.include, defines(a.define), dialect(a))
    if a.trace is not None or a.profile:
        from pvm.tools.trace import run_observed
        return run_observed(program, [os.path.basename(a.file), *a.args], trace=a.trace,
                            profile=a.profile, tier=a.tier, fuel=a.fuel, memory=a.memory,
                            stack=a.stack, jit_threshold=a.jit_threshold)
    def to_stderr(text):
        print(text, file=sys.stderr, flush=True)
    return api.execute(program, [os.path.basename(a.file), *a.args], tier=a.tier, fuel=a.fuel,
                       memory=a.memory, stack=a.stack, jit_threshold=a.jit_threshold,
                       jit_log=to_stderr if a.jit_log else None,
                       dump_llvm=to_stderr if a.dump == "llvm" else None,
                       jit_cache_mb=a.jit_cache_mb, jit_warm_start=not a.jit_cold_start,
                       paged=a.paged, devices=dict(disk=a.disk, printer=a.printer,
                                                   deterministic=a.deterministic))


def _write(path: str, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


def warn(text: str) -> None:
    print(text, file=sys.stderr)


def cmd_build(a) -> int:
    from compiler.driver import compile_program, compile_unit, save_object
    from pvm.bytecode.bcfile import encode
    if a.object:
        if len(a.files) != 1 or not a.files[0].endswith(".c"):
            print("pvm build -c: give exactly one .c file", file=sys.stderr)
            return EXIT_LOAD
        obj = compile_unit(a.files[0], None, tuple(a.include), defines(a.define), warn,
                           dialect=dialect(a))
        save_object(obj, a.output or os.path.splitext(a.files[0])[0] + ".pvo")
        return 0
    program = compile_program(a.files, include_dirs=tuple(a.include), defines=defines(a.define),
                              warn=warn, dialect=dialect(a))
    _write(a.output or os.path.splitext(a.files[0])[0] + ".pvm", encode(program))
    return 0


def cmd_dis(a) -> int:
    from . import api
    from pvm.bytecode.dis import disassemble
    sys.stdout.write(disassemble(api.program_for(a.file, a.include, defines(a.define), dialect(a))))
    return 0


def cmd_asm(a) -> int:
    from pvm.bytecode.asm import assemble
    from pvm.bytecode.bcfile import encode
    with open(a.file, encoding="utf-8", errors="replace") as f:
        program = assemble(f.read(), a.file)
    _write(a.output or os.path.splitext(a.file)[0] + ".pvm", encode(program))
    return 0


def cmd_repl(a) -> int:
    from pvm.tools.repl.repl import Repl
    r = Repl(tier=a.tier, include_dirs=a.include, defines=defines(a.define), memory=a.memory,
             stack=a.stack)
    for path in a.load:
        if not r.handle(f":load {path}"):
            return r.status
    return r.run()


def cmd_debug(a) -> int:
    from pvm.tools.debug.debugger import Debugger
    return Debugger.from_file(a.file, a.args, include_dirs=a.include, defines=defines(a.define),
                              tier=a.tier).run(a.commands)


def cmd_bench(a) -> int:
    from pvm.tools.bench import suite as bench
    return bench.main(a)


def cmd_mkfs(a) -> int:
    from pvm.abi import minifs
    from pvm.tools import mkfs
    return mkfs.main(a.image, a.dirs, quiet=a.quiet, minios=a.minios or mkfs.MINIOS,
                     size=minifs.DEFAULT_BLOCKS if a.size is None else a.size,
                     ninodes=minifs.DEFAULT_INODES if a.inodes is None else a.inodes)


def cmd_fsck(a) -> int:
    from pvm.tools import fsck
    return fsck.main(a.image, do_replay=a.replay)


def cmd_cp(a) -> int:
    from pvm.tools import cp
    return cp.main(a.source, a.dest)


def cmd_boot(a) -> int:
    from pvm.tools import boot
    return boot.execute(a.run, disk=a.disk, printer=a.printer, tier=a.tier, memory=a.memory,
                        deterministic=a.deterministic, minios=a.minios or boot.MINIOS, warn=warn)


COMMANDS = {"run": cmd_run, "build": cmd_build, "dis": cmd_dis, "asm": cmd_asm,
            "repl": cmd_repl, "debug": cmd_debug, "bench": cmd_bench, "mkfs": cmd_mkfs,
            "fsck": cmd_fsck, "cp": cmd_cp, "boot": cmd_boot}


_RUN_VALUE_OPTIONS = {"-I", "-D", "--tier", "--fuel", "--memory", "--stack", "--dump",
                      "--jit-threshold", "--jit-cache-mb"}


def _bare_trace(argv: list) -> list:
    """`pvm run --trace prog.c`: a bare --trace must not take the file as
    its FUNC, so it becomes `--trace=` (options end at the file)."""
    if argv[:1] != ["run"]:
        return argv
    out, skip = list(argv), False
    for i, a in enumerate(argv[1:], 1):
        if skip:
            skip = False
        elif a == "--trace":
            out[i] = "--trace="
        elif a in _RUN_VALUE_OPTIONS:
            skip = True
        elif not a.startswith("-"):
            break
    return out


def main(argv: list | None = None) -> int:
    argv = _bare_trace(list(sys.argv[1:] if argv is None else argv))
    a = plain_run(argv)
    if a is None:
        p = parser(argv[0] if argv else None)
        a = p.parse_args(argv)
        if a.command is None:
            p.print_help()
            return EXIT_LOAD
    try:
        return COMMANDS[a.command](a)
    except PvmError as e:
        sys.stdout.flush()
        print(str(e), file=sys.stderr)
        return e.status
    except OSError as e:
        print(f"pvm: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return EXIT_LOAD
    except KeyboardInterrupt:
        print("pvm: interrupted", file=sys.stderr)
        return 130
    except Exception as e:              # a bug in pvm, never reported as the user's mistake
        return internal_error(e)


def internal_error(e: Exception) -> int:
    """Report a bug in pvm itself: one line saying so (the traceback with
    PVM_TRACEBACK=1), and the status of an internal software error."""
    sys.stdout.flush()
    print(f"pvm: internal error (a bug in pvm, not in your program): "
          f"{type(e).__name__}: {e}", file=sys.stderr)
    if os.environ.get("PVM_TRACEBACK"):
        import traceback
        traceback.print_exception(e, file=sys.stderr)
    else:
        print("pvm: run again with PVM_TRACEBACK=1 to see where", file=sys.stderr)
    return EXIT_INTERNAL


def entry() -> None:
    """Console-script entry point.

    After `pvm run` the process ends without Python's teardown of every
    module and object, which took 30-45 ms here: a fifth of a short run.
    Nothing is lost: the standard streams are flushed first, and the guest's
    own files are unbuffered host files (pvm/machine/hostos.py)."""
    argv = sys.argv[1:]
    status = main(argv)
    if argv[:1] == ["run"]:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):       # a closed pipe: nothing more to say
                pass
        os._exit(status)
    sys.exit(status)
