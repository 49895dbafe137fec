"""`pvm debug prog.c [args]`: a source-level debugger with gdb's commands.

    (pvm) break fact          (pvm) run            (pvm) backtrace
    (pvm) next / step / finish / continue / stepi
    (pvm) print n * 2         (pvm) x/4xw &arr     (pvm) watch total
    (pvm) info locals|registers|breakpoints        (pvm) frame 1

The program is compiled through a compiler.incremental.Session, so the
debugger knows its types, globals and functions by name, and linked as
`pvm run` links it (same addresses).  `print` compiles its expression with
the REPL's evaluator (pvm/tools/repl/evaluate.py) in the scope of the selected frame:
each local of that frame (from the LocalInfo debug records: register or
frame offset, type) is made visible as a variable at its home in guest
memory, the register save area for register locals.  The expression runs
on the live machine below the stopped frame; assignments stick, a fault in
it is reported and undone.  Execution control is in pvm/tools/debug/engine.py.
An empty line repeats the last command; commands come from the terminal,
a pipe, or a file given with -x.
"""
from __future__ import annotations

import os
import shlex
import sys

from compiler.diagnostics import CompileError

from .engine import Engine
from pvm.sources import SourceLines
from .frames import FrameView
from .memory import examine, program_names

HELP = """\
run [ARGS]          start (or restart) the program
break FILE:LINE|FUNC|LINE, tbreak   set a breakpoint;  delete [N]  remove one or all
continue, step, next, finish        run on; step into calls; over them; out of this one
stepi, disassemble  one instruction; this function's bytecode with the current one marked
print EXPR          evaluate C in the selected frame (locals and globals in scope)
x/NFU ADDR          examine memory: N units, F in x d u o t c f a s i, U in b h w g
watch EXPR          stop when its value changes
backtrace, frame N, up, down        the call stack, and choosing a frame
info locals|args|registers|breakpoints|frame
list [LINE]         source around the current (or given) line
quit"""

_UNITS = {"b": 1, "h": 2, "w": 4, "g": 8}


class Debugger(FrameView):
    def __init__(self, path, args, program, session, obj, *, decl_lines=None, tier="interp",
                 stdin=None, stdout=None):
        self.path, self.args = path, list(args)
        self.tier = tier
        self.decl_lines = decl_lines or {}
        self.program, self.session, self.obj = program, session, obj
        self.stdin = stdin or sys.stdin
        self.out = stdout or sys.stdout
        self.m = None
        self.engine = None
        self.frame = 0
        self.status = 0
        self.faulted = False
        self.pending: list = []             # breakpoints set before `run`: (func, pc, where)
        self.temporary: set = set()
        self.sources = SourceLines()

    @classmethod
    def from_file(cls, path, args=(), include_dirs=(), defines=None, **kw):
        from compiler.driver import link_objects
        from compiler.incremental import Session
        from compiler.driver import stdlib_objects
        from pvm.errors import PvmError
        session = Session(include_dirs, defines, name=path)
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError as e:
            raise PvmError(f"pvm debug: {path}: {e.strerror}")
        c = session.compile(text, filename=path, decls_only=True)
        c.commit()
        program = link_objects([c.obj] + stdlib_objects())
        return cls(path, args, program, session, c.obj, decl_lines=c.decl_lines, **kw)

    # ---- output ---------------------------------------------------------------
    def say(self, text: str = "") -> None:
        sys.stdout.flush()
        self.out.write(text + "\n")
        self.out.flush()

    # ---- the machine ------------------------------------------------------------
    def start(self) -> None:
        from pvm.exec.session import start
        from pvm.machine.hostos import HostOS
        from pvm.tools.repl.evaluate import Evaluator
        from pvm.tools.repl.loader import Loader
        runner = start(self.program, [os.path.basename(self.path), *self.args],
                       host=HostOS(), tier=self.tier)
        m = runner.m
        old = self.engine
        self.m = m
        self.engine = Engine(runner)
        self.engine.decl_lines = self.decl_lines
        if old is not None:
            for b in old.breakpoints:
                self.engine.breakpoints.append(b)
            self.engine.numbers = old.numbers
            self.engine._index()
        self.locals_at: dict = {}
        self.loader = Loader(m, resolve=self._resolve, names=program_names(self.program, self.obj))
        self.evaluator = Evaluator(self.session, runner, self.loader)
        self.frame = 0
        self.faulted = False
        self.started = False

    def _stack(self) -> bool:
        """Whether there is a stopped program whose frames can be shown."""
        if not self.started or self.m.halted is not None:
            self.say("No stack.")
            return False
        return True

    def _resolve(self, name: str):
        return self.locals_at.get(name)

    # ---- the command loop -----------------------------------------------------------
    def run(self, command_file: str | None = None) -> int:
        self.say(f"pvm debug: {self.path} (type `help` for commands)")
        self.start()
        if command_file:
            with open(command_file, encoding="utf-8") as f:
                for line in f:
                    if not self.command(line.strip()):
                        return self.status
        interactive = self.stdin.isatty()
        last = ""
        while True:
            if interactive:
                try:
                    line = input("(pvm) ")
                except EOFError:
                    break
                except KeyboardInterrupt:
                    self.say()
                    continue
            else:
                line = self.stdin.readline()
                if not line:
                    break
            line = line.strip() or last
            last = line if line.split()[:1] and line.split()[0] in ("s", "step", "n", "next", "si",
                                                                    "stepi", "c", "continue") else ""
            if not self.command(line):
                break
        return self.status

    def command(self, line: str) -> bool:
        if not line or line.startswith("#"):
            return True
        word, _, arg = line.partition(" ")
        if word.startswith("x/") or word == "x":
            return self.cmd_x(word[2:] if word.startswith("x/") else "", arg.strip()) is not False
        name = ALIASES.get(word, word)
        handler = getattr(self, "cmd_" + name, None)
        if handler is None:
            self.say(f'Undefined command: "{word}".  Try "help".')
            return True
        try:
            return handler(arg.strip()) is not False
        except CompileError as e:
            self.say(str(e))
            return True

    # ---- starting and running --------------------------------------------------------
    def cmd_help(self, arg):
        self.say(HELP)

    def cmd_quit(self, arg):
        return False

    def cmd_run(self, arg):
        if arg:
            self.args = shlex.split(arg)
        if self.m is None or self.started:
            self.start()
        self.started = True
        self.report(self.engine.resume("continue"))

    def _running(self) -> bool:
        if self.m.halted is not None or not self.started:
            self.say("The program is not being run.")
            return False
        if self.faulted:
            self.say("The program stopped at a fault and cannot continue; `run` starts it again.")
            return False
        return True

    def _go(self, mode):
        if self._running():
            self.report(self.engine.resume(mode))

    def cmd_continue(self, arg):
        self._go("continue")

    def cmd_step(self, arg):
        self._go("step")

    def cmd_next(self, arg):
        self._go("next")

    def cmd_stepi(self, arg):
        if self._running():
            stop = self.engine.resume("stepi")
            if stop.kind == "step":
                self.frame = 0
                self.say(self.instruction_line(self.m.func, self.m.pc, self.m.pc))
            else:
                self.report(stop)

    def cmd_finish(self, arg):
        if not self._running():
            return
        frames = self.frames()
        f = frames[self.frame]
        if f.level + 1 >= len(frames):
            return self.say('"finish" not meaningful in the outermost frame.')
        self.say(f"Run till exit from #{f.level:<2} {self.frame_text(f)}")
        self.report(self.engine.resume("finish", frame=(f.fp, f.func)))

    # ---- breakpoints --------------------------------------------------------------------
    def cmd_break(self, arg, temporary=False):
        m, engine = self.m, self.engine
        where = arg or f"{self.path}:{self.frames()[self.frame].line(m)}"
        place = None
        file, sep, line = where.rpartition(":")
        if sep and line.isdigit():
            place = engine.line_address(file, int(line))
        elif where.isdigit():
            place = engine.line_address(self.path, int(where))
        else:
            k = self.loader.function(where) if self._is_function(where) else None
            if k is not None:
                pc = engine.body_start(k)
                place = (k, pc, m.program.functions[k].lines[pc])
        if place is None:
            return self.say(f'No function or line "{where}" in the program.')
        k, pc, line = place
        bp = engine.add_breakpoint(k, pc, where)
        if temporary:
            self.temporary.add(bp.number)
        fn = m.program.functions[k]
        self.say(f"{'Temporary breakpoint' if temporary else 'Breakpoint'} {bp.number} at "
                 f"{m.text_offsets[k][pc]:#x}: file {m.program.files[fn.file]}, line {line}.")

    def _is_function(self, name: str) -> bool:
        return any(f.name == name for f in self.program.functions) or \
            getattr(self.session.lookup(name), "kind", "") == "func"

    def cmd_tbreak(self, arg):
        self.cmd_break(arg, temporary=True)

    def cmd_delete(self, arg):
        if arg and not arg.isdigit():
            return self.say("delete takes a breakpoint number")
        if not self.engine.delete(int(arg) if arg else None) and arg:
            self.say(f"No breakpoint number {arg}.")

    def cmd_watch(self, arg):
        if not arg:
            return self.say("watch needs an expression")
        if not self._stack():
            return
        f = self.frames()[self.frame]
        loc = self.local_named(f, arg)
        if loc is not None and loc[0] == "reg":
            _, ty, r = loc
            w = self.engine.add_watch(arg, ty, reg=(f.fp, f.func, r))
        else:
            got = self.evaluate(f"&({arg})")
            if got is None:
                return
            c, address = got
            w = self.engine.add_watch(arg, c.type.target, address=address)
        self.say(f"Watchpoint {w.number}: {arg}")

    # ---- reporting a stop -------------------------------------------------------------------
    def report(self, stop) -> None:
        self.frame = 0
        if stop.kind == "exit":
            sys.stdout.flush()
            return self.say(f"[program exited with code {stop.status}]" if stop.status
                            else "[program exited normally]")
        if stop.kind == "trap":
            self.faulted = True
            self.say(f"\nProgram stopped: {stop.message}")
        elif stop.kind == "interrupt":
            self.say("\nProgram interrupted.")
        elif stop.kind == "breakpoint":
            bp = stop.breakpoint
            self.say(f"\n{'Temporary breakpoint' if bp.number in self.temporary else 'Breakpoint'} "
                     f"{bp.number}, {self.frame_text(self.frames()[0], address=False)}")
            if bp.number in self.temporary:
                self.engine.delete(bp.number)
            f = self.frames()[0]
            self._last_fp, self._last_func = f.fp, f.func
            return self.say(self.source_text(f))
        elif stop.kind == "watch":
            w = stop.watch
            self.say(f"\nWatchpoint {w.number}: {w.expr}\n")
            self.say(f"Old value = {self.watch_text(w, stop.old)}")
            self.say(f"New value = {self.watch_text(w, stop.new)}")
        elif stop.kind == "watch-scope":
            self.say(f"\nWatchpoint {stop.watch.number} deleted because the program has left the "
                     "block in which its expression is valid.")
        elif stop.kind == "finish":
            f = self.frames()[0]
            self._last_fp, self._last_func = f.fp, f.func
            self.say(self.frame_text(f))
            self.say(self.source_text(f))
            ret = self.function_type(stop.left)
            if ret is not None and not ret.ret.is_void:
                self.say(f"Value returned is {self.register_text(ret.ret, stop.returned)}")
            return
        f = self.frames()[0]
        if stop.kind == "step" and f.fp == getattr(self, "_last_fp", None) \
                and f.func == getattr(self, "_last_func", None):
            self.say(self.source_text(f))
        else:
            self.say(self.frame_text(f))
            self.say(self.source_text(f))
        self._last_fp, self._last_func = f.fp, f.func

    # ---- frames -------------------------------------------------------------------------------
    def cmd_backtrace(self, arg):
        if not self._stack():
            return
        for f in self.frames():
            if self.m.program.functions[f.func].name == "_start" and f.level:
                break
            self.say(f"#{f.level:<2} {self.frame_text(f)}")

    def cmd_frame(self, arg):
        if not self._stack():
            return
        frames = self.frames()
        if arg:
            if not arg.isdigit() or int(arg) >= len(frames):
                return self.say(f"No frame {arg}.")
            self.frame = int(arg)
        f = frames[self.frame]
        self.say(f"#{f.level:<2} {self.frame_text(f)}")
        self.say(self.source_text(f))

    def cmd_up(self, arg):
        self.cmd_frame(str(min(self.frame + 1, len(self.frames()) - 1)))

    def cmd_down(self, arg):
        self.cmd_frame(str(max(self.frame - 1, 0)))

    def cmd_list(self, arg):
        path, center = self.path, 1
        if self.started and self.m.halted is None:
            f = self.frames()[self.frame]
            if self.source_line(f.file(self.m), f.line(self.m)):
                path, center = f.file(self.m), f.line(self.m)
        if arg.isdigit():
            center = int(arg)
        center = max(center, 6)
        for n in range(max(center - 5, 1), center + 5):
            text = self.source_line(path, n)
            if not text and n > center:
                break
            self.say(f"{n}\t{text}")

    def cmd_info(self, arg):
        what = arg.split()[0] if arg else ""
        if what not in ("breakpoints", "break", "b", "watchpoints") and not self._stack():
            return
        f = self.frames()[self.frame]
        if what in ("locals", "args"):
            ty = self.function_type(f.func)
            nargs = len(ty.params) if ty is not None else 0
            rows = self.variables(f)
            rows = rows[:nargs] if what == "args" else rows[nargs:]
            if not rows:
                self.say("No arguments." if what == "args" else "No locals.")
            for name, text, _ in rows:
                self.say(f"{name} = {text}")
        elif what in ("registers", "reg", "r"):
            from pvm.tools.repl.commands import register_lines
            fn = self.m.program.functions[f.func]
            sp = f.fp - 8 * fn.nregs - fn.frame_size
            self.say(f"pc  {self.m.text_offsets[f.func][f.pc]:#x} <{fn.name}+{f.pc}>   "
                     f"fp  {f.fp:#x}   sp  {sp:#x}")
            for line in register_lines(fn.kinds, f.regs(self.m)):
                self.say(line)
        elif what in ("breakpoints", "break", "b", "watchpoints"):
            if not self.engine.breakpoints and not self.engine.watchpoints:
                return self.say("No breakpoints or watchpoints.")
            self.say("Num     Type           What")
            for b in self.engine.breakpoints:
                fn = self.m.program.functions[b.func]
                self.say(f"{b.number:<7} breakpoint     in {fn.name} at "
                         f"{self.m.program.files[fn.file]}:{fn.lines[b.pc]}" +
                         (f"  (hit {b.hits} time{'s' if b.hits != 1 else ''})" if b.hits else ""))
            for w in self.engine.watchpoints:
                self.say(f"{w.number:<7} watchpoint     {w.expr}")
        elif what == "frame":
            self.cmd_frame(str(self.frame))
        else:
            self.say("info locals|args|registers|breakpoints|frame")

    # ---- evaluating -----------------------------------------------------------------------------
    def cmd_print(self, arg):
        if not arg:
            return self.say("print needs an expression")
        got = self.evaluate(arg)
        if got is None:
            return
        c, _ = got
        if c.result is None:
            return
        self.say(self.evaluator.show(c))

    def cmd_x(self, spec, arg):
        count, fmt, unit = 1, "x", None
        digits = "".join(ch for ch in spec if ch.isdigit())
        if digits:
            count = int(digits)
        for ch in spec:
            if ch in _UNITS:
                unit = ch
            elif ch.isalpha():
                fmt = ch
        size = _UNITS[unit] if unit else (1 if fmt in "cs" else 8 if fmt in "ag" else 4)
        if fmt == "f" and unit is None:
            size = 8
        if not arg:
            return self.say("x needs an address")
        got = self.evaluate(f"(unsigned long)({arg})")
        if got is None:
            return
        c, address = got
        address = int.from_bytes(self.m.mem[address:address + 8], "little")
        for line in examine(self.m, address, count, fmt, size):
            self.say(line)

    def cmd_disassemble(self, arg):
        f = self.frames()[self.frame]
        k = f.func
        if arg:
            k = self.loader.function(arg)
            if k is None:
                return self.say(f'No function "{arg}".')
        fn = self.m.program.functions[k]
        self.say(f"Dump of bytecode for function {fn.name}:")
        for j in range(len(fn.code)):
            self.say(self.instruction_line(k, j, f.pc if k == f.func else -1))
        self.say("End of dump.")

    def instruction_line(self, k: int, j: int, current: int) -> str:
        from pvm import isa
        from pvm.bytecode.dis import format_instruction, function_refs
        m = self.m
        fn = m.program.functions[k]
        ins = fn.code[j]
        refs = getattr(self, "_refs", None)
        if refs is None or len(refs) != len(m.program.functions):
            refs = self._refs = function_refs(m.program)
        mark = "=> " if j == current else "   "
        line = fn.lines[j] if j < len(fn.lines) else 0
        return (f"{mark}{m.text_offsets[k][j]:#x} <{fn.name}+{j}>:\t"
                f"{format_instruction(fn, ins, isa.BY_NAME.get(ins[0]), refs, m.layout):<32}  ; line {line}")


ALIASES = {"b": "break", "br": "break", "c": "continue", "cont": "continue", "s": "step",
           "n": "next", "si": "stepi", "fin": "finish", "p": "print", "bt": "backtrace",
           "where": "backtrace", "f": "frame", "d": "delete", "q": "quit", "exit": "quit",
           "r": "run", "i": "info", "l": "list", "disas": "disassemble", "h": "help"}
