"""The debugger's view of the stopped program: frames, their variables, and
expressions evaluated in a frame's scope.

`FrameView` is mixed into pvm.debug.Debugger.  A frame's locals come from
the LocalInfo records the compiler keeps (register number or frame offset,
type spelling, scope range); their types are parsed back with the
program's compile session.  To evaluate C in a frame, every local in scope
becomes a variable at its home in guest memory: frame offset, or for a
register local the frame's register save area (the current frame's
registers are spilled there first and reloaded after, canonical again).
"""
from __future__ import annotations

import struct

from compiler import types as T
from compiler.diagnostics import CompileError

from .engine import Frame
from .memory import ScratchMemory
from pvm.tools.repl.display import float_text, integer_text, pointer_text, value_text


class FrameView:
    """Frames, variables and evaluation for a Debugger (self.m, self.session,
    self.engine, self.loader, self.evaluator, self.frame)."""

    def watch_text(self, w, value) -> str:
        if isinstance(value, bytes):
            from pvm.tools.repl.display import strict_value_text
            tmp = ScratchMemory(value)
            return strict_value_text(tmp, w.type, 0x10000, 0)
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
        return self.sources.line(path, line)

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
        from pvm.tools.repl.evaluate import Outcome
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
            struct.pack_into("<" + fn.kinds, m.mem, f.fp - 8 * fn.nregs, *regs)
