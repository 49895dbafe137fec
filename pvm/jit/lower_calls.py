"""Lowering calls, returns and system calls.

A direct call of a native function is a native call; anything else (a
callee not native yet, a frame that would not fit the stack) leaves native
code as a *flat call* through the main loop, which resumes after it.  After
a native callee stops short of returning, the caller stores the callee's
frame link and spills its own live registers before unwinding, so that the
interpreter finds every guest frame as it would have built it."""
from __future__ import annotations

from llvmlite import ir

from pvm.bytecode.program import TEXT_BASE
from . import context as C
from .context import signature
from . import interproc
from .inline import inline_call, inlinable
from .liveness import uses_defs
from .irtypes import CTX, F64, I32, I64, fresh_type, kind_type


class CallLowering:
    """The call and return instructions of FunctionLowering (pvm/jit/lower.py)."""

    def _bits(self, v):
        return self.b.bitcast(v, I64) if v.type == F64 else v

    def _flat(self, pc, callee, args) -> None:
        """Origin: call `callee` through the main loop, resume at pc + 1."""
        for i, r in enumerate(args):
            self.ctx_store(C.ARGS + i, self._bits(self.get(r)))
        self.ctx_store(C.CALLEE, callee)
        self.ctx_store(C.NARGS, self.c64(len(args)))
        self.origin(C.STATUS_FLATCALL, pc + 1, live=self.after_call(pc))  # resumes after the call

    def _native_call(self, pc, dst, target, fty, nfp, args) -> None:
        """Call native code; on an abnormal return, store the callee's frame
        link and unwind; else continue at pc + 1 with the result in dst."""
        b = self.b
        if self.metered:
            self.ctx_store(C.FUEL, b.load(self.fuel))
        values = [self.get(r) for r in args]
        result = b.call(target, [self.ctx, nfp] + values)
        failed = b.icmp_signed("!=", self.ctx_load(C.STATUS), self.c64(0))
        bad, good = self.new_block(f"unwind{pc}"), self.new_block(f"back{pc}")
        b.cbranch(failed, bad, good)
        b.position_at_end(bad)
        self.unwind_call(pc, nfp)
        b.position_at_end(good)
        if self.metered:
            b.store(b.load(self.ctx_slot(C.FUEL)), self.fuel)
        kind = self.fn.kinds[dst]
        self.set(dst, b.bitcast(result, F64) if kind == "d" else result)
        b.branch(self.blocks[pc + 1])

    def unwind_call(self, pc: int, nfp) -> None:
        """The callee at nfp stopped: spill what is live after the call,
        store the callee's frame link (saved FP, return address), unwind."""
        b = self.b
        self.exit(self.after_call(pc))
        ret_addr = self.m.text_offsets[self.findex][pc + 1]
        if self.paged:                  # translated at the call (frame_link)
            link = self.links[pc]
            b.store(self.fp, link)
            b.store(self.c64(ret_addr), b.gep(link, [self.c64(1)]))
            b.branch(self.unwind)
            return
        b.store(self.fp, self.mem_ptr(nfp, I64))
        b.store(self.c64(ret_addr), self.mem_ptr(b.add(nfp, self.c64(8)), I64))
        b.branch(self.unwind)

    def stack_ptr(self, at, ty):
        """Paged code: the host pointer of a native frame's link or
        variadic slot: above the floor, in the stack run the bridge found
        writable and contiguous (tier.py _stack_run)."""
        b = self.b
        return b.bitcast(b.gep(self.base, [b.add(at, self.stack_addend)]), ty.as_pointer())

    def frame_link(self, pc: int, nfp) -> None:
        self.links[pc] = self.stack_ptr(nfp, I64)

    def after_call(self, pc: int) -> int:
        """Registers the interpreter needs to resume after the call at pc
        (the destination gets the result instead)."""
        dst = self.fn.code[pc][1]
        return self.live[pc + 1] & ~(1 << dst) if pc + 1 < len(self.fn.code) else 0

    def _frame(self, extra: int):
        frame = self.fn.frame_bytes
        return self.b.and_(self.b.sub(self.fp, self.c64(frame + 16 + 8 * extra)), self.c64(-16))

    def lower_CALL(self, pc, dst, k, base, n):
        b = self.b
        callee = self.program.functions[k]
        args = list(range(base, base + n))
        fixed, extra = args[:callee.nparams], args[callee.nparams:]
        nfp = self._frame(len(extra))
        fits = b.icmp_signed(">=", b.sub(nfp, self.c64(callee.frame_bytes)), self.floor)
        go, flat = self.new_block(f"call{pc}"), self.new_block(f"flat{pc}")
        b.cbranch(fits, go, flat)
        b.position_at_end(flat)
        self._flat(pc, self.c64(k), args)
        b.position_at_end(go)
        for i, r in enumerate(extra):       # variadic arguments: memory slots at FP+16
            v = self.get(r)
            at = b.add(nfp, self.c64(16 + 8 * i))
            if self.paged:
                p = self.stack_ptr(at, v.type)
            else:
                p = self.mem_ptr(at, v.type)
            b.store(v, p)
        if self.paged:
            self.frame_link(pc, nfp)
        if inlinable(self, k):
            inline_call(self, pc, dst, k, nfp, fixed)
            return
        target = self.declared.get(k)
        if target is None:                   # not in this module: through the table
            fty = fresh_type(callee)
            slot = b.gep(b.inttoptr(self.ctx_load(C.TABLE), I64.as_pointer()), [self.c64(k)])
            p = b.load(slot)
            there, missing = self.new_block(f"native{pc}"), self.new_block(f"interp{pc}")
            b.cbranch(b.icmp_signed("!=", p, self.c64(0)), there, missing)
            b.position_at_end(missing)
            self._flat(pc, self.c64(k), args)
            b.position_at_end(there)
            target = b.inttoptr(p, fty.as_pointer())
        self._native_call(pc, dst, target, None, nfp, fixed)

    lower_FCALL = lower_CALL

    def lower_CALLR(self, pc, dst, t, base, n):
        b = self.b
        args = list(range(base, base + n))
        known = self.known_callee(t, args, dst)
        if known is not None:           # a constant pointer: a direct call (interproc.py)
            self.lower_CALL(pc, dst, known, base, n)
            return
        addr = self.get(t)
        for k in self.likely_callees(args, dst):
            # one of the few functions of its shape whose address is taken:
            # the call the interpreter makes, direct (inline.py may copy it)
            there, other = self.new_block(f"guess{pc}"), self.new_block(f"other{pc}")
            b.cbranch(b.icmp_unsigned("==", addr, self.c64(self.layout.function_address[k])),
                      there, other)
            b.position_at_end(there)
            self.lower_CALL(pc, dst, k, base, n)
            b.position_at_end(other)
        text = self.layout.text_end - TEXT_BASE
        off = b.sub(addr, self.c64(TEXT_BASE))
        self.check(b.icmp_unsigned("<", off, self.c64(text)), C.STATUS_BADCALL, pc, addr)
        table = b.inttoptr(self.ctx_load(C.ADDR2FUNC), I32.as_pointer())
        idx = b.sext(b.load(b.gep(table, [off])), I64)
        self.check(b.icmp_signed("!=", idx, self.c64(0)), C.STATUS_BADCALL, pc, addr)
        if self.paged:      # the target's page must be executable (the stepper's FUNC_AT)
            self.translate(addr, 1, 2, pc)
        k = b.sub(idx, self.c64(1))

        def array(slot):
            return b.load(b.gep(b.inttoptr(self.ctx_load(slot), I64.as_pointer()), [k]))

        kinds = "".join(self.fn.kinds[r] for r in args)
        sig = signature(kinds, self.fn.kinds[dst])
        nfp = self._frame(0)
        p = array(C.TABLE)
        ok = b.and_(b.icmp_signed("==", array(C.SIGNATURE), self.c64(sig)),
                    b.and_(b.icmp_signed("!=", p, self.c64(0)),
                           b.icmp_signed(">=", b.sub(nfp, array(C.FRAME_BYTES)), self.floor)))
        go, flat = self.new_block(f"icall{pc}"), self.new_block(f"iflat{pc}")
        b.cbranch(ok, go, flat)
        b.position_at_end(flat)
        self._flat(pc, k, args)
        b.position_at_end(go)
        if self.paged:
            self.frame_link(pc, nfp)
        fty = ir.FunctionType(I64, [CTX, I64] + [kind_type(c) for c in kinds])
        self._native_call(pc, dst, b.inttoptr(p, fty.as_pointer()), fty, nfp, args)

    lower_FCALLR = lower_CALLR

    def known_callee(self, t: int, args: list, dst: int):
        """The function an indirect call through register t always reaches,
        if t is a parameter every caller passes the same function pointer
        and this function never changes, and the call's shape is that
        function's (else the indirect call's check would trap: leave it)."""
        known = self.constant_params.get(t)
        if known is None or known[0] != "f":
            return None
        for ins in self.fn.code:
            if uses_defs(ins)[1] >> t & 1:
                return None
        callee = self.program.functions[known[1]]
        kinds = "".join(self.fn.kinds[r] for r in args)
        if callee.variadic or signature(kinds, self.fn.kinds[dst]) != \
                signature(callee.kinds[:callee.nparams], callee.returns):
            return None
        return known[1]

    def likely_callees(self, args: list, dst: int) -> list:
        """The candidates an indirect call tests (interproc.indirect_targets);
        none in paged code, whose call must also find the target's page
        executable."""
        if self.paged:
            return []
        kinds = "".join(self.fn.kinds[r] for r in args)
        return interproc.indirect_targets(self.m.space,
                                          interproc.call_shape(kinds, self.fn.kinds[dst]))

    def lower_RET(self, pc, a):
        if self.metered:
            self.ctx_store(C.FUEL, self.b.load(self.fuel))
        self.b.ret(self._bits(self.get(a)))

    lower_FRET = lower_RET

    def lower_RETV(self, pc):
        if self.metered:
            self.ctx_store(C.FUEL, self.b.load(self.fuel))
        self.b.ret(self.c64(0))

    def lower_VARARGS(self, pc, a):
        self.set(a, self.b.add(self.fp, self.c64(16)))

    def lower_SYSCALL(self, pc, a, n):
        b = self.b
        fty = ir.FunctionType(I64, [CTX] + [I64] * 7)
        cb = b.inttoptr(self.ctx_load(C.SYSCALL), fty.as_pointer())
        args = [self.get(a + i) for i in range(n + 1)] + [self.c64(0)] * (6 - n)
        self.ctx_store(C.FP, self.fp)
        if self.metered:
            self.ctx_store(C.FUEL, b.load(self.fuel))
        v = b.call(cb, [self.ctx] + args)
        status = self.ctx_load(C.STATUS)
        stop, go = self.new_block(f"sysstop{pc}"), self.new_block(f"sysok{pc}")
        b.cbranch(b.icmp_signed("!=", status, self.c64(0)), stop, go)
        b.position_at_end(stop)
        self.origin(status, pc)
        b.position_at_end(go)
        self.set(a, v)

    def lower_TRAP(self, pc, k):
        self.origin(C.STATUS_TRAP, pc, self.c64(k))
