"""The REPL's meta commands: `:help`, `:load`, `:dis`, `:tier`, `:jit`, `:mem`,
`:regs`, `:time`, `:reset`, `:quit`.

Each is a method `cmd_<name>(arg)` of `Commands`; `COMMANDS` (name -> one
line of help) is the list `:help` prints and Tab completes.
"""
from __future__ import annotations

import os
import shlex

COMMANDS = {
    ":help": "this list",
    ":load": ":load FILE.c  compile a file's declarations into the session",
    ":dis": ":dis NAME  disassemble a function",
    ":tier": ":tier interp|jit|auto  choose how later inputs run (no argument: show it)",
    ":jit": ":jit NAME  whether the JIT compiled a function, why or why not, and its LLVM IR",
    ":mem": ":mem ADDR [LEN]  hex dump of guest memory (ADDR is a C expression)",
    ":regs": ":regs  machine registers, and those of the last input that trapped",
    ":time": ":time EXPR  run an expression on each tier and show the time it took",
    ":reset": ":reset  a fresh machine and an empty session",
    ":quit": ":quit  leave (so does end of input, Ctrl-D)",
}


class Commands:
    def __init__(self, repl):
        self.repl = repl

    def run(self, line: str) -> bool:
        name, _, arg = line.partition(" ")
        arg = arg.strip()
        if name not in COMMANDS:
            close = [c for c in COMMANDS if c.startswith(name)]
            if len(close) == 1:
                name = close[0]
            else:
                self.repl.complain(f"unknown command '{name}' (:help lists them)")
                return True
        return getattr(self, "cmd_" + name[1:])(arg) is not False

    # ---- the commands -------------------------------------------------------------
    def cmd_help(self, arg):
        say = self.repl.say
        say("Type C: declarations (functions, variables, types, #include, #define) are kept;")
        say("statements run at once; an expression without a trailing ';' prints its value.")
        say("A trap or Ctrl-C in an input puts the machine back as it was before it.")
        for name, text in COMMANDS.items():
            say(f"  {text if text.startswith(name) else name + '  ' + text}")

    def cmd_quit(self, arg):
        return False

    def cmd_reset(self, arg):
        self.repl.reset()
        self.repl.say("(a fresh machine)")

    def cmd_load(self, arg):
        if not arg:
            return self.repl.complain(":load needs a file name")
        path = shlex.split(arg)[0]
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError as e:
            return self.repl.complain(f":load: {path}: {e.strerror}")
        out = self.repl.evaluator.evaluate(text, filename=path, decls_only=True)
        if out.error is None and out.exit_status is None:
            self.repl.say(f"(loaded {os.path.basename(path)})")
        return self.repl.report(out)

    def _function(self, name: str) -> int | None:
        k = self.repl.evaluator.loader.function(name)
        if k is None:
            self.repl.complain(f"no function named '{name}'")
        return k

    def cmd_dis(self, arg):
        from pvm.bytecode.dis import format_function, function_refs
        if not arg:
            return self.repl.complain(":dis needs a function name")
        k = self._function(arg)
        if k is None:
            return
        m = self.repl.machine
        for line in format_function(m.program, k, function_refs(m.program), False, m.layout):
            self.repl.say(line)

    def cmd_tier(self, arg):
        ev = self.repl.evaluator
        if not arg:
            return self.repl.say(f"tier {ev.tier}")
        from pvm.errors import PvmError
        try:
            ev.set_tier(arg)
        except PvmError as e:
            return self.repl.complain(str(e))
        self.repl.say(f"tier {arg}")

    def cmd_jit(self, arg):
        if not arg:
            return self.repl.complain(":jit needs a function name")
        k = self._function(arg)
        if k is None:
            return
        ev, m = self.repl.evaluator, self.repl.machine
        say = self.repl.say
        jit = self.repl.evaluator.runner.jit
        if jit is None:
            say(f"{arg}: not compiled: the tier is interp (:tier jit or :tier auto compiles)")
        elif k in jit.compiled:
            say(f"{arg}: compiled to native code")
        elif k in jit.refused:
            say(f"{arg}: not compiled: {jit.refused[k]}")
        elif ev.tier == "auto":
            say(f"{arg}: not compiled yet: called {max(m.calls[k], 0)} times; "
                f"compiled after {self.repl.evaluator.runner.interp.jit_threshold} calls or loop iterations")
        else:
            say(f"{arg}: not compiled yet: the jit tier compiles a function before its first run")
        try:
            say(llvm_ir(m, k).rstrip())
        except Exception as e:       # noqa: BLE001 - a lowering limit is worth a line, not a traceback
            self.repl.complain(f"no LLVM IR for {arg}: {e}")

    def cmd_mem(self, arg):
        words = arg.rsplit(None, 1)
        if not words:
            return self.repl.complain(":mem needs an address")
        length = 64
        expr = arg
        if len(words) == 2 and words[1].isdigit():
            expr, length = words[0], int(words[1])
        address = self.address_of(expr)
        if address is not None:
            for line in hexdump(self.repl.machine, address, min(length, 1 << 16)):
                self.repl.say(line)

    def address_of(self, expr: str) -> int | None:
        """The value of a C expression used as an address."""
        text = expr.strip()
        try:
            return int(text, 0)
        except ValueError:
            pass
        ev = self.repl.evaluator
        from compiler.diagnostics import CompileError
        try:
            c = ev.session.compile(f"(unsigned long)({text})")
            ev.loader.load([c.obj])
        except CompileError as e:
            self.repl.complain(str(e))
            return None
        from .evaluate import Outcome
        out = Outcome()
        ev.run(ev.loader.function(c.entry), out)
        if out.error:
            self.repl.complain(out.error)
            return None
        a = ev.loader.address(c.result)
        return int.from_bytes(self.repl.machine.mem[a:a + 8], "little")

    def cmd_regs(self, arg):
        m, ev = self.repl.machine, self.repl.evaluator
        sp = m.sp() if m.fp else m.stack_top
        self.repl.say(f"fp {m.fp:#x}  sp {sp:#x}  brk {m.brk:#x}  text end {m.layout.text_end:#x}  "
                      f"tier {ev.tier}  functions {len(m.program.functions)}")
        if ev.last_fault is None:
            return self.repl.say("no input has trapped yet (registers are shown for the last one that did)")
        message, func, regs = ev.last_fault
        fn = m.program.functions[func]
        self.repl.say(f"at the last trap: {message}")
        for line in register_lines(fn.kinds, regs):
            self.repl.say(line)

    def cmd_time(self, arg):
        if not arg:
            return self.repl.complain(":time needs an expression")
        from pvm.api import TIERS
        out, times = self.repl.evaluator.time_expression(arg, TIERS)
        self.repl.report(out)
        for tier, seconds, compile_s in times:
            extra = f" (+{compile_s * 1000:.1f} ms compiling)" if tier == "jit" else ""
            self.repl.say(f"{tier}: {seconds * 1000:.3f} ms{extra}")
        return out.exit_status is None


def register_lines(kinds: str, regs: list) -> list[str]:
    out, row = [], []
    for i, v in enumerate(regs):
        text = f"r{i:<3}= {v!r}" if kinds[i:i + 1] == "d" else f"r{i:<3}= {v}"
        row.append(f"{text:<24}")
        if len(row) == 4:
            out.append("".join(row).rstrip())
            row = []
    if row:
        out.append("".join(row).rstrip())
    return out


def hexdump(m, address: int, length: int) -> list[str]:
    from pvm.bytecode.program import TEXT_BASE
    end = min(address + length, len(m.mem))
    if not TEXT_BASE <= address < len(m.mem):
        return [f"Cannot access memory at address {address & 0xFFFFFFFFFFFFFFFF:#x}"]
    out = []
    for at in range(address, end, 16):
        chunk = bytes(m.mem[at:min(at + 16, end)])
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        out.append(f"{at:#010x}  {hexes:<47}  {text}")
    return out


def llvm_ir(m, k: int) -> str:
    """The LLVM IR the JIT makes for function k (before optimisation)."""
    from llvmlite import ir
    from pvm.jit.irtypes import fresh_type
    from pvm.jit.lower import FunctionLowering
    module = ir.Module(name=f"pvm_show_{k}")
    declared = {k: ir.Function(module, fresh_type(m.program.functions[k]), f"pvm_f{k}")}
    FunctionLowering(module, m, k, None, declared).lower()
    return str(module)
