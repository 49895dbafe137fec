"""Lowering: one bytecode function to LLVM IR, one `lower_<OPNAME>` per opcode.

Each register becomes an alloca (LLVM's mem2reg turns them into SSA values),
guest memory is the external array `pvm_guest_memory` (resolved to the
machine's buffer when the object code loads), and every access is
bounds-checked exactly as pvm/machine/semantics.py checks it.  Two kinds of function come out:

    i64 pvm_f<k>(i64 *ctx, i64 fp, params...)      a fresh call
    i64 pvm_f<k>_at<L>(i64 *ctx, i64 fp)           resume at instruction L,
                                                    registers from the frame's
                                                    save area in guest memory

A float result comes back as its bits in the i64.  Native code leaves the way
the interpreter's translated code does (pvm/interp/translate.py): a RET returns the
value; anything else (trap, fuel running short, a call that must go through
the main loop, the exit system call) is an *origin* that stores STATUS, FUNC,
PC, FP and FUEL in the context and returns, and each native caller on the way
out stores its callee's frame link and spills its own registers into guest
memory.  So when Python regains control, guest memory plus the context hold
the exact state the interpreter would have had.

This module has the function's frame, its exits and the arithmetic; memory
access is in lower_memory.py, calls and returns in lower_calls.py, the types
in irtypes.py, versioned loops in loops.py and inlining in inline.py.
"""
from __future__ import annotations

from llvmlite import ir

from .. import isa
from . import loops
from .liveness import entry_constants, live_in
from pvm.bytecode.program import TEXT_BASE
from pvm.bytecode.cfg import leaders
from . import context as C
from .irtypes import (CTX, F32, F64, I1, I8, I16, I32, I64, INT64_MIN, fresh_type,
                      guest_memory, kind_type, resume_type, tlb_table)
from .lower_calls import CallLowering
from . import inline, interproc
from .diamonds import store_arms
from .inline import InlinedCopy
from .lower_memory import REMAPS, MemoryLowering, probe_groups


class FunctionLowering(MemoryLowering, CallLowering):
    def __init__(self, module: ir.Module, machine, findex: int, entry: int | None,
                 declared: dict, paged: bool = False):
        """entry None: the fresh-call function; else a resume entry at `entry`.
        `paged`: code of a paged context, every guest access through the
        TLB (lower_memory.py) and no versioned loops."""
        self.module = module
        self.m = machine
        self.program = machine.program
        self.layout = machine.layout
        self.findex = findex
        self.fn = self.program.functions[findex]
        self.entry_pc = entry
        self.declared = declared          # function index -> ir.Function in this module
        self.data_base = self.layout.data_base
        self.live = live_in(self.fn.code)
        self._exit = None
        self.inlined = False              # True: a copy inside a caller (pvm/jit/inline.py)
        self.depth = 0                    # copies around this one
        self.budget = [inline.OTHER_BUDGET]     # instructions of other functions it may copy
        self.proven = frozenset()         # accesses whose checks a loop guard did
        self.probe_groups: dict = {}      # pc -> its ProbeGroup, in the block lowered
        self.group_probes: dict = {}      # ... and each group's (hit, addend) once probed (bare: True)
        self.block_end = 0                # the end of the block lowered
        # without --fuel nothing ever reads the count: leave it out entirely
        self.metered = machine.metered
        self.paged = paged
        self.links: dict = {}             # paged: pc of a call -> host pointer of its frame link
        self.constant_params = {} if paged else interproc.constant_params(machine.space, findex)
        self.store_arms = store_arms(self.fn.code)   # if/else storing in both arms (diamonds.py)
        self.sinks: dict = {}             # (head, join's LLVM block) -> its Sink
        self.sinking = None               # (store pc, Sink) in an arm being lowered

    def store_constant_params(self) -> None:
        """Parameters every caller passes the same constant (interproc.py)
        start as that constant, for LLVM to fold (an indirect call through
        one becomes direct: lower_calls.py known_callee)."""
        for i, (kind, v) in self.constant_params.items():
            if self.fn.kinds[i] == "q":
                value = v if kind == "k" else self.layout.function_address[v]
                self.b.store(self.c64(value), self.regs[i])

    def inlined_copy(self, k: int) -> "InlinedLowering":
        """A lowering of function k's body into this function (inline.py)."""
        return InlinedLowering(self.module, self.m, k, None, self.declared, self.paged)

    # ---- small helpers ------------------------------------------------------
    def ctx_slot(self, slot: int):
        return self.b.gep(self.ctx, [ir.Constant(I64, slot)])

    def ctx_load(self, slot: int):
        return self.b.load(self.ctx_slot(slot))

    def ctx_store(self, slot: int, value) -> None:
        self.b.store(value, self.ctx_slot(slot))

    def c64(self, v: int):
        return ir.Constant(I64, v)

    def get(self, r: int):
        return self.b.load(self.regs[r])

    def set(self, r: int, value) -> None:
        self.b.store(value, self.regs[r])

    def t32(self, v):
        return self.b.trunc(v, I32)

    def s64(self, v):
        return self.b.sext(v, I64)

    def bool64(self, c):
        return self.b.zext(c, I64)

    def span_slot(self, coef, base, write):
        """Paged: the alloca holding the addend of a versioned loop's span."""
        key = (coef, base, write)
        if key not in self._span_slots:      # made in lower(), in the entry block
            self._span_slots[key] = self.b.alloca(I64, name="span")
        return self._span_slots[key]

    def span_range(self, lo, hi, write: bool):
        """Paged: the addend of one span [lo, hi), or MISS (guard_addends)."""
        return self.guard_addends([(lo, hi, write)])[0]

    def guard_addends(self, spans: list) -> list:
        """Paged: for a loop's guard, the addend of each span [lo, hi)
        (write: for storing), or MISS.  When all of them lie on one page the
        TLB holds, one inline probe answers for all: a loop of a few
        iterations (nbody's inner one) enters its guard every time round the
        outer loop, and a call of pvm_range per span each time cost more
        than the loop itself.  Otherwise each span is walked (pvm_range)."""
        from .lower_memory import WRITE, READ, probe_span, range_helper
        b, c = self.b, self.c64
        lo, hi = spans[0][0], spans[0][1]
        for l, h, _ in spans[1:]:
            lo = b.select(b.icmp_unsigned("<", l, lo), l, lo)
            hi = b.select(b.icmp_unsigned(">", h, hi), h, hi)
        write = any(w for _, _, w in spans)
        hit, entry = probe_span(b, self.module, lo, b.sub(hi, c(1)), WRITE if write else READ)
        one_page = b.and_(hit, b.icmp_unsigned("<", lo, hi))
        fast, slow, join = self.new_block("spanhit"), self.new_block("spanwalk"), self.new_block("span")
        b.cbranch(one_page, fast, slow).set_weights([1000, 1])
        b.position_at_end(fast)
        a_fast = b.load(b.gep(tlb_table(self.module), [b.add(entry, c(3))]))
        b.branch(join)
        b.position_at_end(slow)
        walk = range_helper(self.module, len(self.m.mem))
        a_slow = [b.call(walk, [self.ctx, l, h, c(WRITE if w else READ)]) for l, h, w in spans]
        slow_end = b.block
        b.branch(join)
        b.position_at_end(join)
        addends = []
        for a in a_slow:
            phi = b.phi(I64)
            phi.add_incoming(a_fast, fast)
            phi.add_incoming(a, slow_end)
            addends.append(phi)
        return addends

    def new_block(self, name: str):
        return self.func.append_basic_block(name)

    def mem_ptr(self, addr, ty):
        p = self.b.gep(self.base, [addr])
        return self.b.bitcast(p, ty.as_pointer())

    # ---- origins: leave native code with the exact state ----------------------
    def exit(self, bits: int, status=None, pc: int = 0, addr=None) -> None:
        """One call of this function's cold exit helper: store the registers
        in `bits` into the frame's save area and, for an origin (`status`
        given), why and where native code stops.  Dead registers are passed
        as undef, so that no exit keeps a register alive (LLVM would pay)."""
        b = self.b
        values = [b.load(self.regs[r]) if bits >> r & 1 else ir.Constant(kind_type(kd), ir.Undefined)
                  for r, kd in enumerate(self.fn.kinds)]
        if status is None:
            status = self.c64(0)
        elif not isinstance(status, ir.Value):
            status = self.c64(status)
        has_addr = ir.Constant(I1, addr is not None)
        b.call(self.exit_helper(), [self.ctx, self.base, self.fp, status, self.c64(pc),
                                    b.load(self.fuel), addr if addr is not None else self.c64(0),
                                    has_addr] + values)

    def exit_helper(self) -> ir.Function:
        name = f"pvm_exit{self.findex}_{self.entry_pc}"
        if self._exit is None:      # an inlined copy shares its function's helper
            self._exit = self.module.globals.get(name)
        if self._exit is None:
            kinds = self.fn.kinds
            fty = ir.FunctionType(ir.VoidType(), [CTX, I8.as_pointer(), I64, I64, I64, I64, I64, I1]
                                  + [kind_type(k) for k in kinds])
            f = self._exit = ir.Function(self.module, fty, name)
            f.linkage = "internal"
            f.attributes.add("noinline")
            f.attributes.add("cold")
            ctx, base, fp, status, pc, fuel, addr, has_addr = f.args[:8]
            b = ir.IRBuilder(f.append_basic_block("entry"))
            save = b.sub(fp, self.c64(8 * len(kinds)))
            for i, k in enumerate(kinds):
                if self.paged:          # each 8-byte aligned slot is on one page
                    saved, self.b, self.ctx = (self.b, self.ctx), b, ctx
                    p = self.xlate_ptr(b.add(save, self.c64(8 * i)), kind_type(k), 8, True)
                    self.b, self.ctx = saved
                    b.store(f.args[8 + i], p, align=1)
                    continue
                p = b.gep(base, [b.add(save, self.c64(8 * i))])
                b.store(f.args[8 + i], b.bitcast(p, kind_type(k).as_pointer()), align=1)
            origin, done = f.append_basic_block("origin"), f.append_basic_block("done")
            b.cbranch(b.icmp_signed("!=", status, self.c64(0)), origin, done)
            b.position_at_end(origin)
            slots = [(C.STATUS, status), (C.FUNC, self.c64(self.findex)), (C.PC, pc), (C.FP, fp)]
            if self.metered:            # else ctx[FUEL] keeps the bridge's count
                slots.append((C.FUEL, fuel))
            for slot, v in slots:
                b.store(v, b.gep(ctx, [self.c64(slot)]))
            with b.if_then(has_addr):
                b.store(addr, b.gep(ctx, [self.c64(C.ADDR)]))
            b.branch(done)
            b.position_at_end(done)
            b.ret_void()
        return self._exit

    def origin(self, status, pc: int, addr=None, live: int | None = None) -> None:
        """Stop native code here and unwind (the current IR block ends).

        Every stop inside one bytecode block (running short of fuel at its
        start, a fault in it) goes through the block's one shared exit,
        which spills the registers live at any of them: few exits, so LLVM
        stays fast, and few phis, since most registers are not redefined
        within a block."""
        if live is not None:                      # a stop with its own register set
            self.exit(live, status, pc, addr)
            self.b.branch(self.unwind)
            return
        if not isinstance(status, ir.Value):
            status = self.c64(status)
        self.stops.append((self.b.block, status, self.c64(pc),
                           addr if addr is not None else self.c64(0),
                           ir.Constant(I1, addr is not None), self.live[pc]))
        self.b.branch(self.block_exit)

    def finish_block_exit(self) -> None:
        if not self.stops:
            self.block_exit.parent.blocks.remove(self.block_exit)
            return
        b = self.b
        b.position_at_end(self.block_exit)
        phis = [b.phi(t) for t in (I64, I64, I64, I1)]
        bits = 0
        for pred, *values, live in self.stops:
            bits |= live
            for phi, v in zip(phis, values):
                phi.add_incoming(v, pred)
        status, pc, addr, has_addr = phis
        values = [b.load(self.regs[r]) if bits >> r & 1 else ir.Constant(kind_type(kd), ir.Undefined)
                  for r, kd in enumerate(self.fn.kinds)]
        b.call(self.exit_helper(), [self.ctx, self.base, self.fp, status, pc, b.load(self.fuel),
                                    addr, has_addr] + values)
        b.branch(self.unwind)

    def check(self, ok, status: int, pc: int, addr=None) -> None:
        """Continue if `ok`, else stop with `status` at `pc`."""
        good, bad = self.new_block(f"ok{pc}"), self.new_block(f"trap{pc}")
        self.b.cbranch(ok, good, bad)
        self.b.position_at_end(bad)
        self.origin(status, pc, addr)
        self.b.position_at_end(good)

    # ---- the function --------------------------------------------------------
    def lower(self) -> ir.Function:
        fn, k = self.fn, self.findex
        if self.entry_pc is None:
            name, fty = f"pvm_f{k}", fresh_type(fn)
        else:
            name, fty = f"pvm_f{k}_at{self.entry_pc}", resume_type()
        func = self.module.globals.get(name) or ir.Function(self.module, fty, name)
        self.func = func
        self.ctx, self.fp = func.args[0], func.args[1]
        entry = self.entry_block = func.append_basic_block("entry")
        self.b = b = ir.IRBuilder(entry)
        self.regs = [b.alloca(kind_type(kd), name=f"r{i}") for i, kd in enumerate(fn.kinds)]
        self.fuel = b.alloca(I64, name="fuel")
        if self.paged:
            self.make_page_cache()
        self.base = guest_memory(self.module, len(self.m.mem))
        self.top = self.c64(len(self.m.mem))   # fixed for the run: a constant
        self.floor = self.ctx_load(C.FLOOR)
        if self.paged:                         # native frames are in one run above the floor
            self.stack_addend = self.ctx_load(C.STACK_ADDEND)
        b.store(self.ctx_load(C.FUEL) if self.metered else self.c64(0), self.fuel)
        save = b.sub(self.fp, self.c64(8 * fn.nregs))
        if self.entry_pc is None:
            for i, kd in enumerate(fn.kinds):
                b.store(func.args[2 + i] if i < fn.nparams else ir.Constant(kind_type(kd), 0),
                        self.regs[i])
            self.store_constant_params()
        else:
            constants = entry_constants(fn.code)
            for i, kd in enumerate(fn.kinds):
                if i in constants and constants[i][0] < self.entry_pc:
                    getattr(self, "lower_" + constants[i][1][0])(0, *constants[i][1][1:])
                    continue
                addr = b.add(save, self.c64(8 * i))
                if self.paged:
                    p = self.xlate_ptr(addr, kind_type(kd), 8, False)
                else:
                    p = self.mem_ptr(addr, kind_type(kd))
                b.store(b.load(p), self.regs[i])
            if self.paged:              # a save area it could not read (see xlate_helper)
                lost, fine = func.append_basic_block("lost"), func.append_basic_block("loaded")
                b.cbranch(b.icmp_signed("!=", self.ctx_load(C.LOST), self.c64(0)), lost, fine)
                b.position_at_end(lost)
                for slot, v in ((C.STATUS, self.c64(C.STATUS_SEGV_READ)),
                                (C.FUNC, self.c64(k)), (C.PC, self.c64(self.entry_pc)),
                                (C.FP, self.fp)):
                    self.ctx_store(slot, v)
                b.ret(self.c64(0))
                b.position_at_end(fine)
        # the common way out, once the origin has spilled what is live
        self.unwind = func.append_basic_block("unwind")
        blocks = {pc: func.append_basic_block(f"L{pc}") for pc in leaders(fn.code)}
        # an inner loop whose accesses can be proven at its entry gets a
        # guard there and a second, unchecked copy (pvm/jit/loops.py)
        # (in paged code the guard also proves each range one contiguous
        # run of permitted pages, and the copy adds that run's addend)
        versioned = loops.plan(fn.code)
        if self.paged:
            self.span_addends, self._span_slots = {}, {}
            for loop in versioned:
                for a in loop.accesses:
                    self.span_addends[a.pc] = self.span_slot(a.coef, a.base, a.write)
        outside = dict(blocks)                  # how the rest of the code enters a loop
        for loop in versioned:
            outside[loop.header] = func.append_basic_block(f"guard{loop.header}")
        owner = {s: loop for loop in versioned for s in loop.blocks}
        self.blocks = outside
        b.branch(self.blocks[self.entry_pc or 0])
        b.position_at_end(self.unwind)
        b.ret(self.c64(0))
        starts = sorted(blocks)
        ends = dict(zip(starts, starts[1:] + [len(fn.code)]))
        for start in starts:
            # inside a loop, the way back to its header skips the guard
            self.blocks = blocks if start in owner else outside
            self.lower_block(start, ends[start])
        for loop in versioned:
            fast = dict(outside)
            fast.update({s: func.append_basic_block(f"fast{s}") for s in loop.blocks})
            self.blocks, self.proven = fast, loop.proven
            for start in loop.blocks:
                self.lower_block(start, ends[start])
            self.proven = frozenset()
            b.position_at_end(outside[loop.header])
            # a short loop skips the guard, which costs about as much as a few
            # iterations' checks, paged too (nbody's inner loop of 1-4
            # iterations ran ~10 % faster probing each access than behind a
            # guard on every entry)
            if self.paged:
                from pvm.machine.mmu import VA_LIMIT
                lo_read, lo_write, top = 0, 0, VA_LIMIT
            else:
                lo_read, lo_write, top = TEXT_BASE, self.data_base, len(self.m.mem)
            ok = loops.emit_guard(self, loop, lo_read, lo_write, top, blocks[loop.header],
                                  loops.MIN_TRIPS)
            b.cbranch(ok, fast[loop.header], blocks[loop.header])
        return func

    def lower_block(self, start: int, end: int) -> None:
        arm = self.store_arms.get(start)
        if arm is None:
            return self._lower_block(start, end)
        # an arm of a store diamond goes on to its sink, which stores and
        # goes on to the join (one sink per copy of the diamond lowered)
        blocks = self.blocks
        join = blocks[arm.join]
        sink = self.sinks.get((arm.head, id(join)))
        if sink is None:
            sink = self.sinks[arm.head, id(join)] = Sink(self.new_block(f"sink{arm.head}"), join)
        self.blocks, self.sinking = {**blocks, arm.join: sink.block}, (arm.store, sink)
        try:
            self._lower_block(start, end)
        finally:
            self.blocks, self.sinking = blocks, None

    def _lower_block(self, start: int, end: int) -> None:
        b = self.b
        self.block_exit = self.new_block(f"exit{start}")
        self.stops: list = []
        b.position_at_end(self.blocks[start])
        n = end - start
        if isa.BY_NAME[self.fn.code[start][0]].has("machine"):
            # a block of its own that native code never runs: exit before
            # it, uncharged, for the run loop to step (pvm/exec/loop.py)
            self.origin(C.STATUS_STEP, start)
            self.finish_block_exit()
            return
        if self.metered:
            fuel = b.load(self.fuel)
            short = b.icmp_signed("<", fuel, self.c64(n))
            run, step = self.new_block(f"run{start}"), self.new_block(f"step{start}")
            b.cbranch(short, step, run)
            b.position_at_end(step)
            self.origin(C.STATUS_STEP, start)
            b.position_at_end(run)
            b.store(b.sub(fuel, self.c64(n)), self.fuel)
        # accesses that share one TLB probe, or one bounds check
        self.probe_groups = probe_groups(self.fn.code, start, end, self.proven)
        self.group_probes = {}
        self.block_end = end
        self.page_slot = {}
        for pc in range(start, end):
            ins = self.fn.code[pc]
            getattr(self, "lower_" + ins[0])(pc, *ins[1:])
            if not self.paged:
                continue
            self.follow_pointer(ins)
            if ins[0] in REMAPS:
                if b.block.is_terminated:       # an inlined call: before its branch on
                    b.position_before(b.block.terminator)
                    self.forget_pages()
                    b.position_at_end(b.block)
                else:
                    self.forget_pages()
        if not b.block.is_terminated:
            b.branch(self.blocks[end])
        self.finish_block_exit()

    # ---- moves and constants --------------------------------------------------
    def lower_NOP(self, pc):
        pass

    def lower_MOV(self, pc, a, b):
        self.set(a, self.get(b))

    lower_FMOV = lower_MOV

    def lower_LI(self, pc, a, k):
        self.set(a, self.c64(k))

    def lower_LF(self, pc, a, x):
        """A double constant, hidden from LLVM's constant folder behind an
        empty asm: LLVM folds 0/0 or inf-inf to +NaN where x86 computes the
        default NaN (sign set), so a folded expression could differ from the
        interpreter.  The asm emits no instruction."""
        self.set(a, self.opaque(ir.Constant(F64, x)))

    def opaque(self, x):
        """x, as a value LLVM cannot see through (an empty asm)."""
        # no memory, no side effect: LLVM may still hoist it out of loops
        return self.b.call(ir.InlineAsm(ir.FunctionType(F64, [F64]), "", "=x,0"), [x],
                           attrs=("readnone", "nounwind"))

    def lower_FADDR(self, pc, a, f):
        self.set(a, self.c64(self.layout.function_address[f]))

    def lower_FRAME(self, pc, a, k):
        self.set(a, self.b.add(self.fp, self.c64(k)))

    # ---- integer arithmetic ---------------------------------------------------
    def _op32(self, a, b_, c, fn):
        self.set(a, self.s64(fn(self.t32(self.get(b_)), self.t32(self.get(c)))))

    def _op64(self, a, b_, c, fn):
        self.set(a, fn(self.get(b_), self.get(c)))

    def lower_ADD32(self, pc, a, b, c):
        self._op32(a, b, c, self.b.add)

    def lower_SUB32(self, pc, a, b, c):
        self._op32(a, b, c, self.b.sub)

    def lower_MUL32(self, pc, a, b, c):
        self._op32(a, b, c, self.b.mul)

    def _divide(self, pc, a, b_, c, width, signed, rem):
        b = self.b
        ty = I32 if width == 32 else I64
        x, y = self.get(b_), self.get(c)
        if width == 32:
            x, y = self.t32(x), self.t32(y)
        self.check(b.icmp_signed("!=", y, ir.Constant(ty, 0)), C.STATUS_DIV0, pc)
        if signed:
            overflow = b.and_(b.icmp_signed("==", x, ir.Constant(ty, -(1 << (width - 1)))),
                              b.icmp_signed("==", y, ir.Constant(ty, -1)))
            self.check(b.not_(overflow), C.STATUS_DIV_OVERFLOW, pc)
            r = (b.srem if rem else b.sdiv)(x, y)
        else:
            r = (b.urem if rem else b.udiv)(x, y)
        self.set(a, self.s64(r) if width == 32 else r)

    def lower_DIV32(self, pc, a, b, c):
        self._divide(pc, a, b, c, 32, True, False)

    def lower_DIVU32(self, pc, a, b, c):
        self._divide(pc, a, b, c, 32, False, False)

    def lower_REM32(self, pc, a, b, c):
        self._divide(pc, a, b, c, 32, True, True)

    def lower_REMU32(self, pc, a, b, c):
        self._divide(pc, a, b, c, 32, False, True)

    def lower_DIV64(self, pc, a, b, c):
        self._divide(pc, a, b, c, 64, True, False)

    def lower_DIVU64(self, pc, a, b, c):
        self._divide(pc, a, b, c, 64, False, False)

    def lower_REM64(self, pc, a, b, c):
        self._divide(pc, a, b, c, 64, True, True)

    def lower_REMU64(self, pc, a, b, c):
        self._divide(pc, a, b, c, 64, False, True)

    def _shift32(self, a, b_, c, how):
        b = self.b
        count = b.and_(self.t32(self.get(c)), ir.Constant(I32, 31))
        self.set(a, self.s64(how(self.t32(self.get(b_)), count)))

    def lower_SHL32(self, pc, a, b, c):
        self._shift32(a, b, c, self.b.shl)

    def lower_SHR32(self, pc, a, b, c):
        self._shift32(a, b, c, self.b.ashr)

    def lower_SHRU32(self, pc, a, b, c):
        self._shift32(a, b, c, self.b.lshr)

    def lower_NEG32(self, pc, a, b):
        self.set(a, self.s64(self.b.neg(self.t32(self.get(b)))))

    def lower_ADDI32(self, pc, a, b, k):
        self.set(a, self.s64(self.b.add(self.t32(self.get(b)), ir.Constant(I32, k & 0xFFFFFFFF))))

    def lower_ADD64(self, pc, a, b, c):
        self._op64(a, b, c, self.b.add)

    def lower_SUB64(self, pc, a, b, c):
        self._op64(a, b, c, self.b.sub)

    def lower_MUL64(self, pc, a, b, c):
        self._op64(a, b, c, self.b.mul)

    def _shift64(self, a, b_, c, how):
        self.set(a, how(self.get(b_), self.b.and_(self.get(c), self.c64(63))))

    def lower_SHL64(self, pc, a, b, c):
        self._shift64(a, b, c, self.b.shl)

    def lower_SHR64(self, pc, a, b, c):
        self._shift64(a, b, c, self.b.ashr)

    def lower_SHRU64(self, pc, a, b, c):
        self._shift64(a, b, c, self.b.lshr)

    def lower_NEG64(self, pc, a, b):
        self.set(a, self.b.neg(self.get(b)))

    def lower_ADDI64(self, pc, a, b, k):
        self.set(a, self.b.add(self.get(b), self.c64(k)))

    def lower_AND(self, pc, a, b, c):
        self._op64(a, b, c, self.b.and_)

    def lower_OR(self, pc, a, b, c):
        self._op64(a, b, c, self.b.or_)

    def lower_XOR(self, pc, a, b, c):
        self._op64(a, b, c, self.b.xor)

    def lower_NOT(self, pc, a, b):
        self.set(a, self.b.not_(self.get(b)))

    # ---- comparisons --------------------------------------------------------------
    def _cmp(self, a, b_, c, op, signed=True, width=64):
        x, y = self.get(b_), self.get(c)
        if width == 32:
            x, y = self.t32(x), self.t32(y)
        cmp = self.b.icmp_signed if signed else self.b.icmp_unsigned
        self.set(a, self.bool64(cmp(op, x, y)))

    def lower_EQ(self, pc, a, b, c):
        self._cmp(a, b, c, "==")

    def lower_NE(self, pc, a, b, c):
        self._cmp(a, b, c, "!=")

    def lower_LT(self, pc, a, b, c):
        self._cmp(a, b, c, "<")

    def lower_LE(self, pc, a, b, c):
        self._cmp(a, b, c, "<=")

    def lower_LTU32(self, pc, a, b, c):
        self._cmp(a, b, c, "<", False, 32)

    def lower_LEU32(self, pc, a, b, c):
        self._cmp(a, b, c, "<=", False, 32)

    def lower_LTU64(self, pc, a, b, c):
        self._cmp(a, b, c, "<", False)

    def lower_LEU64(self, pc, a, b, c):
        self._cmp(a, b, c, "<=", False)

    def lower_BOOL(self, pc, a, b):
        self.set(a, self.bool64(self.b.icmp_signed("!=", self.get(b), self.c64(0))))

    def lower_LNOT(self, pc, a, b):
        self.set(a, self.bool64(self.b.icmp_signed("==", self.get(b), self.c64(0))))

    # ---- width conversions -------------------------------------------------------
    def _ext(self, a, b, ty, signed):
        v = self.b.trunc(self.get(b), ty)
        self.set(a, self.b.sext(v, I64) if signed else self.b.zext(v, I64))

    def lower_SEXT8(self, pc, a, b):
        self._ext(a, b, I8, True)

    def lower_SEXT16(self, pc, a, b):
        self._ext(a, b, I16, True)

    def lower_SEXT32(self, pc, a, b):
        self._ext(a, b, I32, True)

    def lower_ZEXT8(self, pc, a, b):
        self._ext(a, b, I8, False)

    def lower_ZEXT16(self, pc, a, b):
        self._ext(a, b, I16, False)

    def lower_ZEXT32(self, pc, a, b):
        self._ext(a, b, I32, False)

    # ---- floating point ----------------------------------------------------------------
    def lower_FADD(self, pc, a, b, c):
        self._op64(a, b, c, self.b.fadd)

    def lower_FSUB(self, pc, a, b, c):
        self._op64(a, b, c, self.b.fsub)

    def lower_FMUL(self, pc, a, b, c):
        self._op64(a, b, c, self.b.fmul)

    def lower_FDIV(self, pc, a, b, c):
        self._op64(a, b, c, self.b.fdiv)

    def lower_FNEG(self, pc, a, b):
        """A sign flip of exactly its operand: LLVM would rewrite -(x / y)
        as (-x) / y, which differs when the quotient is a NaN."""
        self.set(a, self.b.fneg(self.opaque(self.get(b))))

    def lower_FROUND32(self, pc, a, b):
        self.set(a, self.b.fpext(self.b.fptrunc(self.get(b), F32), F64))

    def lower_FSQRT(self, pc, a, b):
        """sqrtsd: a negative operand gives the default NaN (sign set)."""
        fn = self.module.declare_intrinsic("llvm.sqrt", [F64])
        x = self.get(b)
        negative = self.b.fcmp_ordered("<", x, ir.Constant(F64, 0.0))
        default_nan = self.b.bitcast(self.c64(-0x8000000000000), F64)
        self.set(a, self.b.select(negative, default_nan, self.b.call(fn, [x])))

    def _fcmp(self, a, b, c, op):
        # C's != is true for NaN operands (unordered); the others are ordered
        cmp = self.b.fcmp_unordered if op == "!=" else self.b.fcmp_ordered
        self.set(a, self.bool64(cmp(op, self.get(b), self.get(c))))

    def lower_FEQ(self, pc, a, b, c):
        self._fcmp(a, b, c, "==")

    def lower_FNE(self, pc, a, b, c):
        self._fcmp(a, b, c, "!=")

    def lower_FLT(self, pc, a, b, c):
        self._fcmp(a, b, c, "<")

    def lower_FLE(self, pc, a, b, c):
        self._fcmp(a, b, c, "<=")

    def lower_I2F(self, pc, a, b):
        self.set(a, self.b.sitofp(self.get(b), F64))

    def lower_U2F(self, pc, a, b):
        self.set(a, self.b.uitofp(self.get(b), F64))

    def lower_F2I(self, pc, a, b):
        """x86 cvttsd2si: NaN or out of range gives INT64_MIN."""
        bld, x = self.b, self.get(b)
        ok = bld.and_(bld.fcmp_ordered(">=", x, ir.Constant(F64, -9.223372036854775808e18)),
                      bld.fcmp_ordered("<", x, ir.Constant(F64, 9.223372036854775808e18)))
        safe = bld.select(ok, x, ir.Constant(F64, 0.0))
        self.set(a, bld.select(ok, bld.fptosi(safe, I64), self.c64(INT64_MIN)))

    def lower_F2U(self, pc, a, b):
        bld, x = self.b, self.get(b)
        ok = bld.and_(bld.fcmp_ordered(">", x, ir.Constant(F64, -9.223372036854775808e18)),
                      bld.fcmp_ordered("<", x, ir.Constant(F64, 1.8446744073709551616e19)))
        big = bld.fcmp_ordered(">=", x, ir.Constant(F64, 9.223372036854775808e18))
        low = bld.fptosi(bld.select(bld.and_(ok, bld.not_(big)), x, ir.Constant(F64, 0.0)), I64)
        high = bld.fptoui(bld.select(big, bld.select(ok, x, ir.Constant(F64, 0.0)),
                                     ir.Constant(F64, 0.0)), I64)
        self.set(a, bld.select(ok, bld.select(big, high, low), self.c64(INT64_MIN)))

    # ---- control flow -------------------------------------------------------------------
    def lower_JMP(self, pc, label):
        self.b.branch(self.blocks[label])

    def _branch(self, pc, cond, label):
        self.b.cbranch(cond, self.blocks[label], self.blocks[pc + 1])

    def lower_JTAB(self, pc, a, n):
        sw = self.b.switch(self.get(a), self.blocks[pc + 1 + n])
        for i in range(n):
            sw.add_case(self.c64(i), self.blocks[pc + 1 + i])

    def lower_JZ(self, pc, a, label):
        self._branch(pc, self.b.icmp_signed("==", self.get(a), self.c64(0)), label)

    def lower_JNZ(self, pc, a, label):
        self._branch(pc, self.b.icmp_signed("!=", self.get(a), self.c64(0)), label)

    def lower_JEQ(self, pc, a, b, label):
        self._branch(pc, self.b.icmp_signed("==", self.get(a), self.get(b)), label)

    def lower_JNE(self, pc, a, b, label):
        self._branch(pc, self.b.icmp_signed("!=", self.get(a), self.get(b)), label)

    def lower_JLT(self, pc, a, b, label):
        self._branch(pc, self.b.icmp_signed("<", self.get(a), self.get(b)), label)

    def lower_JLE(self, pc, a, b, label):
        self._branch(pc, self.b.icmp_signed("<=", self.get(a), self.get(b)), label)

def lowered_ops() -> set:
    return {name[len("lower_"):] for name in dir(FunctionLowering) if name.startswith("lower_")
            and name[len("lower_"):] in isa.BY_NAME}


class Sink:
    """The block after a store diamond's arms (diamonds.py): phis of the
    pointer and the value each arm would have stored, the store, the join."""

    def __init__(self, block, join):
        self.block, self.join = block, join
        self.ptr = self.value = None

    def add(self, arm_end, ptr, value) -> None:
        if self.ptr is None:
            b = ir.IRBuilder(self.block)
            self.ptr, self.value = b.phi(ptr.type), b.phi(value.type)
            b.store(self.value, self.ptr, align=1)
            b.branch(self.join)
        self.ptr.add_incoming(ptr, arm_end)
        self.value.add_incoming(value, arm_end)


class InlinedLowering(InlinedCopy, FunctionLowering):
    """A callee's body lowered into its caller's LLVM function (inline.py)."""
