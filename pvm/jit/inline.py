"""Inlining small callees, and a few levels of a small self-recursive function.

LLVM inlines small callees on its own, but only those compiled in the same
unit and cheap by its measure, and never a function into itself, so in fib
or a tree walk every guest call stays a native call, and so does a call of
a helper such as a sort's swap (whose bounds checks and exits make it look
big to LLVM).  A native call costs a frame check, the call, and a test of
the status after it.  Here the lowering
copies the callee's body into the call site, and into the copy's call sites,
as deep as an instruction budget allows (inline_depth): each copy has its
own registers and its frame pointer is the callee's new FP, so a stop inside
it (trap, fuel, a call through the main loop) spills the copy's registers
into that frame like a real callee would, then spills the caller's and stores
the frame link, exactly as pvm/jit/lower.py's unwind after a native call.  The
interpreter therefore finds the same frames either way; only the native call
and return are gone.  (A tail call or accumulator transformation, as clang
does for fib, would drop guest frames, and is not allowed here.)
"""
from __future__ import annotations

from llvmlite import ir

from pvm import isa
from pvm.bytecode.cfg import leaders
from . import loops
from .interproc import MAX_INLINED
from .liveness import successors
from .irtypes import F64, I64, kind_type

BUDGET = 320              # instructions, the function and all its copies
OTHER_BUDGET = 240        # instructions of other functions copied into one function
OTHER_DEPTH = 2           # ... and how deep copies of copies go


def inline_depth(fn, findex: int) -> int:
    """How many levels of copies fit the budget: the function itself, its
    c recursive calls, their c*c, ... (fib, 10 instructions and 2 calls: 4
    levels, 310 instructions; a 48-instruction tree walk: 1 level).  Each
    level about halves the calls left and doubles LLVM's time: fib(38) with
    3, 4, 5 levels took 60, 131, 253 ms to compile and ran in 101-104,
    85-87, 65-67 ms (fastest of runs; gcc -O2: 60-75 ms) on this machine."""
    calls = sum(1 for ins in fn.code if ins[0] in isa.DIRECT_CALLS and ins[2] == findex)
    size, total, level = len(fn.code), len(fn.code), 0
    while True:
        size *= calls
        if size == 0 or total + size > BUDGET:
            return level
        total += size
        level += 1


def _versioned_loops(code: list) -> bool:
    """Whether the function has a loop that loops.py would version."""
    if not any(t <= pc for pc in range(len(code)) for t in successors(code, pc)):
        return False
    return bool(loops.plan(code))


def inlinable(caller: FunctionLowering, k: int) -> bool:
    """Whether the call of function k at hand is lowered as a copy of k's
    body; a call of another function spends the caller's budget."""
    callee = caller.program.functions[k]
    if callee.variadic or len(callee.code) > MAX_INLINED:
        return False
    if k == caller.findex:
        return caller.depth < inline_depth(callee, k)
    if caller.depth >= OTHER_DEPTH or caller.budget[0] < len(callee.code):
        return False
    # a callee whose loop loops.py can version keeps its own code, where it
    # is versioned (a copy's blocks are lowered plain); a loop that cannot
    # be (strlen's, strcmp's: ended by the data) is the same code in a
    # copy, and on short strings the call it saves is most of the time
    # (wordfreq's strlen of a syllable: ~10 instructions of call for 3
    # iterations of ~4)
    if _versioned_loops(callee.code):
        return False
    caller.budget[0] -= len(callee.code)
    return True


class InlinedCopy:
    """The callee's body lowered into the caller's LLVM function: mixed into
    FunctionLowering as lower.py's InlinedLowering (this module does not
    import lower.py, which imports it)."""

    def lower_into(self, caller: FunctionLowering, pc: int, dst: int, nfp, args: list) -> None:
        fn, b = self.fn, caller.b
        self.inlined = True
        self.depth = caller.depth + 1
        self.budget = caller.budget         # one budget for the function and its copies
        self.b, self.func, self.ctx, self.fp = b, caller.func, caller.ctx, nfp
        self.entry_block = caller.entry_block
        self.base, self.top, self.floor, self.fuel = caller.base, caller.top, caller.floor, caller.fuel
        if caller.paged:
            self.stack_addend = caller.stack_addend
            self.page_cache = caller.page_cache       # one cache: a page is a page
        at_entry = ir.IRBuilder(caller.entry_block)
        at_entry.position_at_start(caller.entry_block)          # allocas there: mem2reg
        self.regs = [at_entry.alloca(kind_type(kd), name=f"in{pc}r{i}")
                     for i, kd in enumerate(fn.kinds)]
        self.result = at_entry.alloca(I64, name=f"in{pc}result")
        for i, kd in enumerate(fn.kinds):
            b.store(args[i] if i < fn.nparams else ir.Constant(kind_type(kd), 0), self.regs[i])
        self.store_constant_params()     # what every caller passes (interproc.py)
        # a stop inside the copy: its own registers are spilled by its exits,
        # then the caller unwinds as after a native callee that stopped
        self.unwind = caller.func.append_basic_block(f"in{pc}unwind")
        self.done = caller.func.append_basic_block(f"in{pc}done")
        self.blocks = {p: caller.func.append_basic_block(f"in{pc}L{p}") for p in leaders(fn.code)}
        b.branch(self.blocks[0])
        b.position_at_end(self.unwind)
        caller.unwind_call(pc, nfp)
        starts = sorted(self.blocks)
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(fn.code)
            self.lower_block(start, end)
        b.position_at_end(self.done)
        value = b.load(self.result)
        caller.set(dst, b.bitcast(value, F64) if caller.fn.kinds[dst] == "d" else value)
        b.branch(caller.blocks[pc + 1])

    def lower_RET(self, pc, a):
        self.b.store(self._bits(self.get(a)), self.result)
        self.b.branch(self.done)

    lower_FRET = lower_RET

    def lower_RETV(self, pc):
        self.b.store(ir.Constant(I64, 0), self.result)
        self.b.branch(self.done)


def inline_call(caller: FunctionLowering, pc: int, dst: int, k: int, nfp, fixed: list) -> None:
    """Lower `CALL dst, k, fixed...` at pc by copying k's body (see above)."""
    copy = caller.inlined_copy(k)
    copy.lower_into(caller, pc, dst, nfp, [caller.get(r) for r in fixed])

