"""`pvm debug prog.c [args]`: a source-level debugger with gdb's commands.

    (pvm) break fact          (pvm) run            (pvm) backtrace
    (pvm) next / step / finish / continue / stepi
    (pvm) print n * 2         (pvm) x/4xw &arr     (pvm) watch total
    (pvm) info locals|registers|breakpoints        (pvm) frame 1

The program is compiled through a compiler.incremental.Session, so the
debugger knows its types, globals and functions by name, and linked as
`pvm run` links it (same addresses).  `print` compiles its expression with
the REPL's evaluator (pvm/repl_eval.py) in the scope of the selected frame:
each local of that frame (from the LocalInfo debug records: register or
frame offset, type) is made visible as a variable at its home in guest
memory, the register save area for register locals.  The expression runs
on the live machine below the stopped frame; assignments stick, a fault in
it is reported and undone.  Execution control is in pvm/debug_engine.py.
An empty line repeats the last command; commands come from the terminal,
a pipe, or a file given with -x.
"""
from __future__ import annotations

import os
import shlex
import sys

from compiler import types as T
from compiler.diagnostics import CompileError

from .debug_engine import Engine, Frame
from .repl_format import describe, float_text, integer_text, pointer_text, value_text

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


class Debugger:
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
        self.sources: dict = {}

    @classmethod
    def from_file(cls, path, args=(), include_dirs=(), defines=None, **kw):
        from compiler.driver import link_objects
        from compiler.incremental import Session
        from compiler.stdlib_cache import stdlib_objects
        from .errors import PvmError
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
        from .hostos import HostOS
        from .machine import Machine
        from .repl_eval import Evaluator
        from .repl_loader import Loader
        m = Machine(self.program, tier=self.tier, os=HostOS())
        m.set_args([os.fsencode(os.path.basename(self.path))] + [os.fsencode(a) for a in self.args])
        old = self.engine
        self.m = m
        self.engine = Engine(m)
        self.engine.decl_lines = self.decl_lines
        if old is not None:
            for b in old.breakpoints:
                self.engine.breakpoints.append(b)
            self.engine.numbers = old.numbers
            self.engine._index()
        self.locals_at: dict = {}
        self.loader = Loader(m, resolve=self._resolve)
        self.loader.names.update(program_names(self.program, self.obj))
        self.evaluator = Evaluator(self.session, m, self.loader)
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
        f = self.frames()[self.frame]
        if f.level + 1 >= len(self.frames()) or self.m.program.functions[self.frames()[f.level + 1].func].name == "_start" \
                and False:
            return self.say('"finish" not meaningful in the outermost frame.')
        self.say(f"Run till exit from {self.frame_text(self.frames()[0])}")
        self.report(self.engine.resume("finish"))

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
        m = self.m
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

    def watch_text(self, w, value) -> str:
        if isinstance(value, bytes):
            from .repl_format import _value
            tmp = _ScratchMemory(value)
            return _value(tmp, w.type, 0x10000, 0)
        return self.register_text(w.type, value)

    def register_text(self, ty, value) -> str:
        if ty.is_float:
            return float_text(ty, float(value))
        if ty.is_pointer:
            return pointer_text(self.m, ty, int(value))
        if ty.is_integer:
            v = int(value) & ((1 << (8 * ty.size)) - 1)
            if ty.signed and v >> (8 * ty.size - 1):
                v -= 1 << (8 * ty.size)
            return integer_text(ty, v)
        return str(value)

    # ---- frames -------------------------------------------------------------------------------
    def frames(self) -> list[Frame]:
        return self.engine.frames()

    def function_type(self, k: int):
        sym = self.session.lookup(self.m.program.functions[k].name)
        return sym.ty if sym is not None and sym.kind == "func" else None

    def frame_text(self, f: Frame, address: bool = True) -> str:
        m = self.m
        fn = m.program.functions[f.func]
        args = ", ".join(f"{name}={text}" for name, text in self.arguments(f))
        at = f"{m.text_offsets[f.func][f.pc]:#x} in " if address and f.level else ""
        return f"{at}{fn.name} ({args}) at {f.file(m)}:{f.line(m)}"

    def source_text(self, f: Frame) -> str:
        line = f.line(self.m)
        return f"{line}\t{self.source_line(f.file(self.m), line)}"

    def source_line(self, path: str, line: int) -> str:
        lines = self.sources.get(path)
        if lines is None:
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    lines = fh.read().split("\n")
            except OSError:
                lines = []
            self.sources[path] = lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def arguments(self, f: Frame) -> list:
        ty = self.function_type(f.func)
        if ty is None:
            return []
        return [(name, text) for name, text, _ in self.variables(f)[:len(ty.params)]]

    def in_scope(self, f: Frame) -> list:
        """The frame's LocalInfo records in scope at its pc, innermost last."""
        fn = self.m.program.functions[f.func]
        found = {}
        for loc in fn.locals:
            if loc.start <= f.pc < max(loc.end, loc.start + 1) or loc.start == 0:
                old = found.get(loc.name)
                if old is None or loc.start >= old.start:
                    found[loc.name] = loc
        return sorted(found.values(), key=lambda l: (l.start, fn.locals.index(l)))

    def local_named(self, f: Frame, name: str):
        for loc in self.in_scope(f):
            if loc.name == name:
                ty = self.session.parse_type(loc.type)
                if ty is None:
                    return None
                return (loc.where, ty, loc.offset)
        return None

    def variables(self, f: Frame) -> list:
        """[(name, value text, LocalInfo)] of the locals in scope."""
        m = self.m
        out = []
        regs = f.regs(m)
        for loc in self.in_scope(f):
            ty = self.session.parse_type(loc.type)
            if ty is None:
                out.append((loc.name, f"<{loc.type}>", loc))
            elif loc.where == "reg":
                value = regs[loc.offset] if loc.offset < len(regs) else 0
                out.append((loc.name, self.register_text(ty, value) if ty.is_scalar else "?", loc))
            else:
                out.append((loc.name, value_text(m, ty, f.fp + loc.offset), loc))
        return out

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
        f = self.frames()[self.frame]
        path = f.file(self.m) if self.m else self.path
        center = int(arg) if arg.isdigit() else f.line(self.m)
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
            from .repl_commands import register_lines
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
    def frame_locals(self, f: Frame) -> dict:
        """Each local in scope as (CType, link name); sets where they live."""
        m = self.m
        fn = m.program.functions[f.func]
        self.locals_at = {}
        out = {}
        for loc in self.in_scope(f):
            ty = self.session.parse_type(loc.type)
            if ty is None:
                continue
            if loc.where == "reg":
                address = f.fp - 8 * fn.nregs + 8 * loc.offset
                if ty.is_float:
                    ty = T.DOUBLE                # a 'd' register holds a double
            else:
                address = f.fp + loc.offset
            link = f"$local.{loc.name}"
            self.locals_at[link] = ("addr", address)
            out[loc.name] = (ty, link)
        return out

    def evaluate(self, text: str):
        """Compile and run `text` in the selected frame: (Compiled, value
        address or the value of a pointer expression), or None after saying why."""
        m = self.m
        f = self.frames()[self.frame]
        live = self.started and m.halted is None
        if live and f.level == 0:
            m.spill_regs()                       # register locals get a home in memory
        locals_ = self.frame_locals(f) if live else {}
        ev = self.evaluator
        try:
            c = ev.session.compile(text, "<expr>", locals_=locals_)
            if c.obj is not None:
                self.loader.load([c.obj])
        except CompileError as e:
            self.say(str(e))
            return None
        c.commit()
        if c.entry is None or c.result is None and c.kind != "expr":
            self.say("print needs an expression")
            return None
        from .repl_eval import Outcome
        out = Outcome()
        ev.run(self.loader.function(c.entry), out)
        if live:
            self._canonical_registers(f)
        if out.error:
            self.say(out.error)
            return None
        if c.result is None:
            return c, None
        address = self.loader.address(c.result)
        if c.type.is_pointer:
            return c, int.from_bytes(m.mem[address:address + 8], "little")
        return c, address

    def _canonical_registers(self, f: Frame) -> None:
        """After an expression assigned through a register's memory home,
        reload the registers, each canonical again (sign-extended)."""
        m = self.m
        fn = m.program.functions[f.func]
        regs = f.regs(m) if f.level else m.unspill_regs()
        for loc in self.in_scope(f):
            if loc.where != "reg":
                continue
            ty = self.session.parse_type(loc.type)
            if ty is not None and ty.is_integer and ty.size < 8:
                bits = 8 * ty.size
                v = regs[loc.offset] & ((1 << bits) - 1)
                regs[loc.offset] = v - (1 << bits) if v >> (bits - 1) else v
        if f.level == 0:
            m.regs = regs
        elif fn.kinds:
            import struct
            struct.pack_into("<" + fn.kinds, m.mem, f.fp - 8 * fn.nregs, *regs)

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
        from . import isa
        from .dis import _instruction, function_refs
        m = self.m
        fn = m.program.functions[k]
        ins = fn.code[j]
        refs = getattr(self, "_refs", None)
        if refs is None or len(refs) != len(m.program.functions):
            refs = self._refs = function_refs(m.program)
        mark = "=> " if j == current else "   "
        line = fn.lines[j] if j < len(fn.lines) else 0
        return (f"{mark}{m.text_offsets[k][j]:#x} <{fn.name}+{j}>:\t"
                f"{_instruction(fn, ins, isa.BY_NAME.get(ins[0]), refs, m.layout):<32}  ; line {line}")


ALIASES = {"b": "break", "br": "break", "c": "continue", "cont": "continue", "s": "step",
           "n": "next", "si": "stepi", "fin": "finish", "p": "print", "bt": "backtrace",
           "where": "backtrace", "f": "frame", "d": "delete", "q": "quit", "exit": "quit",
           "r": "run", "i": "info", "l": "list", "disas": "disassemble", "h": "help"}


class _ScratchMemory:
    """Old watched bytes, readable by repl_format as if at TEXT_BASE."""

    def __init__(self, data: bytes):
        from .program import TEXT_BASE
        self.mem = bytes(TEXT_BASE) + data
        self.function_at = {}
        self.program = type("P", (), {"symbols": [], "functions": []})()


def program_names(program, obj) -> dict:
    """name -> location for the names the debugged unit can mention: its
    own definitions first (as the linker lays them out), then the library's."""
    names = {}
    for k, f in enumerate(program.functions):
        names.setdefault(f.name, ("fn", k))
    from .program import program_layout
    lay = program_layout(program)
    ranges = {"rodata": (lay.rodata_base, lay.data_base), "data": (lay.data_base, lay.bss_base),
              "bss": (lay.bss_base, lay.heap_base)}
    data = [s for s in program.symbols if s.kind == "data"]
    for d in obj.datas:
        lo, hi = ranges[d.section]
        for s in data:
            if s.name == d.name and lo <= s.address < hi:
                names[d.name] = ("addr", s.address)
                break
    for s in data:
        names.setdefault(s.name, ("addr", s.address))
    return names


def examine(m, address: int, count: int, fmt: str, size: int) -> list[str]:
    """gdb's x command: `count` units of `size` bytes at `address` in format `fmt`."""
    import struct
    from .repl_format import c_string, symbol_suffix
    if fmt == "s":
        out = []
        for _ in range(count):
            text = c_string(m, address)
            out.append(f"{address:#x}{symbol_suffix(m, address)}:\t{text}")
            end = m.mem.find(b"\0", address) if 0 < address < len(m.mem) else -1
            address = end + 1 if end >= 0 else address + 1
        return out
    if fmt == "i":
        k = next((i for i, offs in enumerate(m.text_offsets) if offs and offs[0] <= address
                  and address in offs), None)
        if k is None:
            return [f"{address:#x}: not the start of an instruction"]
        from . import isa
        from .dis import _instruction, function_refs
        fn, refs = m.program.functions[k], function_refs(m.program)
        j = m.text_offsets[k].index(address)
        return [f"{m.text_offsets[k][i]:#x} <{fn.name}+{i}>:\t"
                f"{_instruction(fn, fn.code[i], isa.BY_NAME.get(fn.code[i][0]), refs, m.layout)}"
                for i in range(j, min(j + count, len(fn.code)))]
    per_line = 8 if size == 1 else 4 if size <= 4 else 2
    out, row = [], []
    for i in range(count):
        at = address + i * size
        if not (0x10000 <= at and at + size <= len(m.mem)):
            out.append(f"Cannot access memory at address {at:#x}")
            break
        raw = bytes(m.mem[at:at + size])
        u = int.from_bytes(raw, "little")
        s = int.from_bytes(raw, "little", signed=True)
        if fmt == "x":
            text = f"{u:#0{2 + 2 * size}x}"
        elif fmt == "d":
            text = str(s)
        elif fmt == "u":
            text = str(u)
        elif fmt == "o":
            text = f"0{u:o}"
        elif fmt == "t":
            text = f"{u:0{8 * size}b}"
        elif fmt == "c":
            text = f"{s} {repr(chr(u & 0xFF)) if 32 <= (u & 0xFF) < 127 else ''}".rstrip()
        elif fmt == "f":
            text = repr(struct.unpack("<f" if size == 4 else "<d", raw)[0]) if size in (4, 8) else str(u)
        elif fmt == "a":
            text = f"{u:#x}{symbol_suffix(m, u)}"
        else:
            return [f"Undefined output format \"{fmt}\"."]
        if i % per_line == 0:
            if row:
                out.append("\t".join(row))
            row = [f"{at:#x}{symbol_suffix(m, at)}:"]
        row.append(text)
    if row:
        out.append("\t".join(row))
    return out
