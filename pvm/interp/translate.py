"""The interpreter's fast form: each guest function becomes one Python function.

Dispatching one instruction at a time costs CPython ~70 ns before the
instruction does anything (shared/INTERPRETER-FIGURES.md).  So the
interpreter translates a function, the first time it runs, into Python
source in which every instruction is one statement and every register a
Python local variable, and lets CPython run that.  The meaning of each
straight-line instruction comes from its template in isa.py; control flow
becomes a `while True` loop over basic blocks with a binary if-tree on the
block's leading instruction index `L`.

The generated function `fn(m, L, how, fp, *params)` runs the frame at `fp`
from block L, its registers taken (how=0) from its parameters for a fresh
call, (how=1) from the frame's register save area in guest memory plus
m.retval after a call through the main loop, or (how=2) from m.regs (handed
over by the stepper).  Fuel is read from m.fuel on entry and kept in a local.
A RET stores the fuel back and returns the value.  Every other way out is an
exception, so the common path pays nothing for it:
  * Step: the fuel left does not cover the next block; registers are in
    m.regs and m.func/m.pc/m.fp/m.fuel say where, for the stepper to finish;
  * FlatCall(k): call function k through the main loop (deep recursion,
    variadic indirect callee): registers spilled, m.args set, m.pc at the
    resume point;
  * a Trap (fault, divide by zero, ...), GuestExit, KeyboardInterrupt.
A call is a plain Python call of the callee's translation; CPython 3.11
makes that without using the C stack.  While it runs, the caller's registers
stay in Python locals, and only if an exception passes through the call
does the caller spill them and the callee's frame link (saved FP, return
address) into guest memory, exactly where Machine.enter and CALL would have
put them.  Interpreter.locate_fault (tier.py) does the same for the innermost frame from
its locals.  So whenever control is back in the main loop, guest memory plus
the Machine object are the whole, exact state: what the stepper, the
debugger and a guest OS switching stacks need.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import struct
import sys

from pvm import cache, isa
from pvm.bytecode.program import Record
from pvm.bytecode.cfg import leaders, resume_points



INDENT = "    "


class Translation(Record):
    __slots__ = ("function", "source", "pc_of_line")
    function: object          # the Python function fn(m, L, how, fp, *params)
    source: str | None        # None when it came from the disk cache
    pc_of_line: dict          # Python source line -> instruction index

    def __init__(self, function, source: str | None, pc_of_line: dict):
        self.function, self.source, self.pc_of_line = function, source, pc_of_line


def _literal(kind: str, value) -> str:
    if kind == "x":
        if value != value or value in (float("inf"), float("-inf")):
            return f"float({str(value)!r})"
        return repr(float(value))
    return repr(int(value))


def operand_texts(op: isa.Op, args: tuple) -> list[str]:
    """Operands as Python expressions: registers are locals r0..r255."""
    out = []
    for kind, value in zip(op.operands, args):
        out.append(f"r{value}" if kind in isa.REG_OPERANDS else _literal(kind, value))
    return out


def straight(op: isa.Op, args: tuple) -> str:
    """The statement for a templated (straight-line) instruction."""
    text = op.py.replace("FP", "fp")
    names = "ABC"
    return text.format(**{names[i]: t for i, t in enumerate(operand_texts(op, args))})


class FunctionTranslator:
    def __init__(self, findex: int, fn, tier):
        self.findex = findex
        self.fn = fn
        self.code = fn.code
        self.regs = [f"r{i}" for i in range(fn.nregs)]
        self.tier = tier
        self.threshold = tier.hot_threshold(fn)
        self.packers: dict = {}          # name -> struct format of variadic argument stores
        self.lines: list[str] = []
        self.pc_of_line: dict[int, int] = {}

    def callee_info(self, k: int) -> tuple:
        callee = self.tier.program.functions[k]
        return callee.nparams, callee.variadic, callee.frame_bytes

    def return_address(self, pc: int) -> int:
        return self.tier.text_offsets[self.findex][pc]

    # -- output helpers
    def emit(self, depth: int, text: str, pc: int | None = None) -> None:
        self.lines.append(INDENT * depth + text)
        if pc is not None:
            self.pc_of_line[len(self.lines)] = pc

    def reg_tuple(self) -> str:
        if not self.regs:
            return "()"
        return ", ".join(self.regs) + ("," if len(self.regs) == 1 else "")

    def spill(self, depth: int, pc: int) -> None:
        if self.regs:
            self.emit(depth, f"SPILL{self.findex}(mem, fp - {8 * len(self.regs)}, {', '.join(self.regs)})", pc)

    # -- the whole function
    def translate(self) -> str:
        fn = self.fn
        blocks = leaders(self.code)
        params = self.regs[:fn.nparams]
        self.emit(0, f"def fn(m, L, how, fp{''.join(', ' + p + '=0' for p in params)}):")
        self.emit(1, "fuel = m.fuel")
        if self.threshold is not None:       # tier policy `auto`: count calls and back-edges
            k = self.findex
            self.emit(1, "be = 0")
            self.emit(1, f"if how == 0 and CALLS[{k}] >= 0:")
            self.emit(2, f"CALLS[{k}] += 1")
            self.emit(2, f"if CALLS[{k}] > {self.threshold}:")
            self.emit(3, f"native = TIER_UP({k})")
            self.emit(3, f"if native: return native(m, 0, 0, fp{''.join(', ' + p for p in params)})")
        self.emit(1, "if how == 0:")
        for i in range(fn.nparams, fn.nregs):
            self.emit(2, f"r{i} = {'0.0' if fn.kinds[i] == 'd' else '0'}")
        self.emit(2, "pass")
        self.emit(1, "elif how == 1:")
        if self.regs:
            self.emit(2, f"{self.reg_tuple()} = UNSPILL{self.findex}(mem, fp - {8 * len(self.regs)})")
        resumes = [(pc, self.code[pc - 1][1]) for pc in resume_points(self.code)]
        self.dispatch(2, [(pc, [f"r{dst} = m.retval"]) for pc, dst in resumes], "L")
        self.emit(1, "else:")
        if self.regs:
            self.emit(2, f"{self.reg_tuple()} = m.regs")
        else:
            self.emit(2, "pass")
        self.emit(1, "while True:")
        bodies = []
        for n, start in enumerate(blocks):
            end = blocks[n + 1] if n + 1 < len(blocks) else len(self.code)
            bodies.append((start, end))
        self.dispatch_blocks(2, bodies)
        return "\n".join(self.lines) + "\n"

    def dispatch(self, depth: int, cases: list, var: str) -> None:
        """A binary if-tree choosing among `cases` [(key, lines)] by var."""
        if not cases:
            self.emit(depth, "pass")
            return
        if len(cases) == 1:
            for line in cases[0][1]:
                self.emit(depth, line)
            return
        mid = len(cases) // 2
        self.emit(depth, f"if {var} < {cases[mid][0]}:")
        self.dispatch(depth + 1, cases[:mid], var)
        self.emit(depth, "else:")
        self.dispatch(depth + 1, cases[mid:], var)

    def dispatch_blocks(self, depth: int, blocks: list) -> None:
        if len(blocks) == 1:
            self.block(depth, *blocks[0])
            return
        mid = len(blocks) // 2
        self.emit(depth, f"if L < {blocks[mid][0]}:")
        self.dispatch_blocks(depth + 1, blocks[:mid])
        self.emit(depth, "else:")
        self.dispatch_blocks(depth + 1, blocks[mid:])

    def block(self, d: int, start: int, end: int) -> None:
        n = end - start
        if isa.BY_NAME[self.code[start][0]].has("machine"):
            # a machine instruction is a block of its own, which fast code
            # never runs: stop before it, uncharged, for the run loop to step
            self.emit(d, f"m.regs = [{', '.join(self.regs)}]; m.fuel = fuel; "
                         f"m.fp = fp; m.func = {self.findex}; m.pc = {start}; raise Step()", start)
            return
        self.emit(d, f"if fuel < {n}:")
        self.emit(d + 1, f"m.regs = [{', '.join(self.regs)}]; m.fuel = fuel; "
                        f"m.fp = fp; m.func = {self.findex}; m.pc = {start}; raise Step()")
        self.emit(d, f"fuel -= {n}")
        for pc in range(start, end):
            ins = self.code[pc]
            op = isa.BY_NAME[ins[0]]
            if op.py is not None:
                self.emit(d, straight(op, ins[1:]), pc)
            else:
                getattr(self, "op_" + op.name)(d, pc, *operand_texts(op, ins[1:]))
        last = isa.BY_NAME[self.code[end - 1][0]]
        if not (last.has("terminator") or last.has("call")):
            self.emit(d, f"L = {end}; continue")

    # -- control flow: one method per non-templated opcode
    def back_edge(self, d, pc, label) -> None:
        """Count a loop iteration; a hot loop asks the main loop for OSR."""
        if self.threshold is None or int(label) > pc:
            return
        self.emit(d, "be += 1", pc)
        self.emit(d, f"if be > {self.threshold} and OSR_OK[{self.findex}]:", pc)
        self.emit(d + 1, f"m.regs = [{', '.join(self.regs)}]; m.fuel = fuel; m.fp = fp; "
                         f"m.func = {self.findex}; m.pc = {label}; raise TierUp({self.findex})", pc)

    def op_JMP(self, d, pc, label):
        self.back_edge(d, pc, label)
        self.emit(d, f"L = {label}; continue", pc)

    def _branch(self, d, pc, cond, label):
        if self.threshold is None or int(label) > pc:
            self.emit(d, f"if {cond}: L = {label}; continue", pc)
            return
        self.emit(d, f"if {cond}:", pc)
        self.back_edge(d + 1, pc, label)
        self.emit(d + 1, f"L = {label}; continue", pc)

    def op_JTAB(self, d, pc, a, n):
        """Enter the table's JMP for R[A] (it counts as an instruction, as
        in the stepper), or the default after the table."""
        n = int(n)
        self.emit(d, f"L = {pc + 1} + {a} if 0 <= {a} < {n} else {pc + 1 + n}; continue", pc)

    def op_JZ(self, d, pc, a, label):
        self._branch(d, pc, f"{a} == 0", label)

    def op_JNZ(self, d, pc, a, label):
        self._branch(d, pc, f"{a} != 0", label)

    def op_JEQ(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} == {b}", label)

    def op_JNE(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} != {b}", label)

    def op_JLT(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} < {b}", label)

    def op_JLE(self, d, pc, a, b, label):
        self._branch(d, pc, f"{a} <= {b}", label)

    def _flat_call(self, d, pc, callee_expr, args):
        """Leave to the run loop, which pushes the frame (Machine.enter)."""
        self.spill(d, pc)
        self.emit(d, f"m.args = ({', '.join(args)}{',' if len(args) == 1 else ''}); "
                     f"m.fuel = fuel; m.fp = fp; m.func = {self.findex}; m.pc = {pc + 1}", pc)
        self.emit(d, f"raise FlatCall({callee_expr})", pc)

    def _host_call(self, d, pc, dst, callee_expr, args):
        """The call proper, once the frame is known to fit (see module doc)."""
        self.emit(d, "m.fuel = fuel", pc)
        self.emit(d, "try:", pc)
        self.emit(d + 1, f"{dst} = {callee_expr}(m, 0, 0, nfp{''.join(', ' + a for a in args)})", pc)
        self.emit(d, "except BaseException:", pc)
        self.spill(d + 1, pc)
        self.emit(d + 1, f"PUT2(mem, nfp, fp, {self.return_address(pc + 1)}); raise", pc)
        self.emit(d, "fuel = m.fuel", pc)

    def op_CALL(self, d, pc, dst, fidx, base, n):
        b, n, k = int(base[1:]), int(n), int(fidx)
        args = [f"r{b + i}" for i in range(n)]
        nparams, variadic, callee_bytes = self.callee_info(k)
        extra = args[nparams:]
        frame = self.fn.frame_bytes
        self.emit(d, f"nfp = (fp - {frame + 16 + 8 * len(extra)}) & -16", pc)
        self.emit(d, f"if nfp - {callee_bytes} < HOST_FLOOR:", pc)
        self._flat_call(d + 1, pc, fidx, args)
        if extra:       # variadic arguments go to memory slots at FP+16...
            fmt = "<" + "".join(self.fn.kinds[b + nparams + i] for i in range(len(extra)))
            name = f"VA{self.findex}_{pc}"
            self.packers[name] = fmt
            self.emit(d, f"{name}(mem, nfp + 16, {', '.join(extra)})", pc)
        self._host_call(d, pc, dst, f"F{k}", args[:nparams])
        self.emit(d, f"L = {pc + 1}; continue", pc)

    op_FCALL = op_CALL

    def op_CALLR(self, d, pc, dst, target, base, n):
        b, n = int(base[1:]), int(n)
        args = [f"r{b + i}" for i in range(n)]
        frame = self.fn.frame_bytes
        self.emit(d, f"k = FUNC_AT({target})", pc)
        self.emit(d, f"nfp = (fp - {frame + 16}) & -16", pc)
        self.emit(d, f"if CALL_SHAPE[k] != {n} or nfp - FRAME_BYTES[k] < HOST_FLOOR:", pc)
        self._flat_call(d + 1, pc, "k", args)
        self._host_call(d, pc, dst, "(FAST[k] or TRANSLATE(k))", args)
        self.emit(d, f"L = {pc + 1}; continue", pc)

    op_FCALLR = op_CALLR

    def op_RET(self, d, pc, a):
        self.emit(d, f"m.fuel = fuel; return {a}", pc)

    op_FRET = op_RET

    def op_RETV(self, d, pc):
        self.emit(d, "m.fuel = fuel; return 0", pc)

    def op_VARARGS(self, d, pc, a):
        self.emit(d, f"{a} = fp + 16", pc)

    def op_SYSCALL(self, d, pc, a, n):
        b = int(a[1:])
        args = "".join(f", r{b + 1 + i}" for i in range(int(n)))
        self.emit(d, f"m.fuel = fuel; {a} = SYSCALL(m, {a}{args})", pc)

    def op_TRAP(self, d, pc, k):
        self.emit(d, f"raise TRAP({k})", pc)


def _cache_path(key: str) -> str | None:
    d = cache.cache_dir()
    return None if d is None else os.path.join(d, "py", key + ".marshal")


def _cached(key: str):
    path = _cache_path(key)
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            # not marshal.load(f): from a file object it reads in many small
            # calls, 5-20 times slower than reading the file whole
            value = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    cache.touch(path)
    return value


def _store(key: str, value) -> None:
    path = _cache_path(key)
    if path is None:
        return
    try:
        cache.atomic_write(path, marshal.dumps(value))
    except (OSError, ValueError):
        return
    cache.maybe_prune(os.path.dirname(path), "py")


def translate(findex: int, tier, namespace: dict) -> Translation:
    """Translate one function of the interpreter `tier`'s program into
    `namespace`, its shared namespace of bound helpers (see tier.py).

    Generating the source and CPython's compile() are most of start-up, so
    the result is cached on disk like a .pyc file, keyed by the program's
    bytecode, the function and the options that shape the code."""
    fn = tier.program.functions[findex]
    fmt = struct.Struct("<" + fn.kinds)
    packer = namespace["PACKER"]              # struct's pack_into, or through the page table
    namespace[f"SPILL{findex}"] = packer(fmt)
    namespace[f"UNSPILL{findex}"] = namespace["UNPACKER"](fmt)
    key = None
    if tier.program_key is not None:
        spec = (f"{sys.version}|{tier.program_key}|{findex}|{tier.hot_threshold(fn)}|"
                f"{cache.toolchain_stamp()}")
        key = hashlib.sha256(spec.encode()).hexdigest()[:32]
        hit = _cached(key)
        if hit is not None:
            code, pc_of_line, packers = hit
            namespace.update({name: packer(struct.Struct(f)) for name, f in packers.items()})
            local: dict = {}
            exec(code, namespace, local)
            return Translation(local["fn"], None, pc_of_line)
    t = FunctionTranslator(findex, fn, tier)
    source = t.translate()
    namespace.update({name: packer(struct.Struct(f)) for name, f in t.packers.items()})
    code = compile(source, f"<pvm:{fn.name}>", "exec")
    if key is not None:
        _store(key, (code, t.pc_of_line, t.packers))
    local = {}
    exec(code, namespace, local)
    return Translation(local["fn"], source, t.pc_of_line)
