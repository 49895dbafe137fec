"""Lowering guest memory: loads, stores and block operations, each
bounds-checked exactly as pvm/machine/semantics.py checks it (unless the guard of a
versioned loop has checked it already, pvm/jit/loops.py)."""
from __future__ import annotations

from llvmlite import ir

from pvm.bytecode.program import TEXT_BASE
from . import context as C
from .irtypes import F32, F64, I1, I8, I16, I32, I64


class MemoryLowering:
    """The memory instructions of FunctionLowering (pvm/jit/lower.py)."""

    def check_access(self, addr, width: int, write: bool, pc: int) -> None:
        if pc in self.proven:                 # by the guard of the loop copy being lowered
            return
        lo = self.data_base if write else TEXT_BASE
        limit = self.b.sub(self.top, self.c64(width + lo))
        ok = self.b.icmp_unsigned("<=", self.b.sub(addr, self.c64(lo)), limit)
        self.check(ok, C.STATUS_SEGV_WRITE if write else C.STATUS_SEGV_READ, pc, addr)

    # ---- memory ------------------------------------------------------------------------
    def _load(self, pc, a, b, k, ty, width, signed):
        addr = self.b.add(self.get(b), self.c64(k))
        self.check_access(addr, width, False, pc)
        v = self.b.load(self.mem_ptr(addr, ty), align=1)
        if ty is F32:
            v = self.b.fpext(v, F64)
        elif ty is not I64 and ty is not F64:
            v = self.b.sext(v, I64) if signed else self.b.zext(v, I64)
        self.set(a, v)

    def lower_LD8(self, pc, a, b, k):
        self._load(pc, a, b, k, I8, 1, True)

    def lower_LD8U(self, pc, a, b, k):
        self._load(pc, a, b, k, I8, 1, False)

    def lower_LD16(self, pc, a, b, k):
        self._load(pc, a, b, k, I16, 2, True)

    def lower_LD16U(self, pc, a, b, k):
        self._load(pc, a, b, k, I16, 2, False)

    def lower_LD32(self, pc, a, b, k):
        self._load(pc, a, b, k, I32, 4, True)

    def lower_LD64(self, pc, a, b, k):
        self._load(pc, a, b, k, I64, 8, True)

    def lower_LDF32(self, pc, a, b, k):
        self._load(pc, a, b, k, F32, 4, True)

    def lower_LDF64(self, pc, a, b, k):
        self._load(pc, a, b, k, F64, 8, True)

    def _store(self, pc, a, b, k, ty, width):
        addr = self.b.add(self.get(a), self.c64(k))
        self.check_access(addr, width, True, pc)
        v = self.get(b)
        if ty is F32:
            v = self.b.fptrunc(v, F32)
        elif ty is not I64 and ty is not F64:
            v = self.b.trunc(v, ty)
        self.b.store(v, self.mem_ptr(addr, ty), align=1)

    def lower_ST8(self, pc, a, b, k):
        self._store(pc, a, b, k, I8, 1)

    def lower_ST16(self, pc, a, b, k):
        self._store(pc, a, b, k, I16, 2)

    def lower_ST32(self, pc, a, b, k):
        self._store(pc, a, b, k, I32, 4)

    def lower_ST64(self, pc, a, b, k):
        self._store(pc, a, b, k, I64, 8)

    def lower_STF32(self, pc, a, b, k):
        self._store(pc, a, b, k, F32, 4)

    def lower_STF64(self, pc, a, b, k):
        self._store(pc, a, b, k, F64, 8)

    def _check_block(self, pc, addr, n, write):
        """Semantics.check_range: every byte of [addr, addr+n) valid."""
        b = self.b
        lo = self.c64(self.data_base if write else TEXT_BASE)
        ok = b.and_(b.icmp_unsigned("<=", lo, addr),
                    b.and_(b.icmp_unsigned("<=", n, self.top),
                           b.icmp_unsigned("<=", addr, b.sub(self.top, n))))
        self.check(ok, C.STATUS_SEGV_WRITE if write else C.STATUS_SEGV_READ, pc, addr)

    def _intrinsic(self, name, types):
        return self.module.declare_intrinsic(name, types)

    def _nonzero(self, pc, n):
        """Branch around a block operation of zero bytes (it checks nothing)."""
        go, done = self.new_block(f"blk{pc}"), self.new_block(f"blkdone{pc}")
        self.b.cbranch(self.b.icmp_signed("!=", n, self.c64(0)), go, done)
        self.b.position_at_end(go)
        return done

    def lower_MEMCPY(self, pc, a, b, c):
        bld = self.b
        dst, src, n = self.get(a), self.get(b), self.get(c)
        done = self._nonzero(pc, n)
        self._check_block(pc, src, n, False)
        self._check_block(pc, dst, n, True)
        fn = self._intrinsic("llvm.memmove", [I8.as_pointer(), I8.as_pointer(), I64])
        bld.call(fn, [bld.gep(self.base, [dst]), bld.gep(self.base, [src]), n, ir.Constant(I1, 0)])
        bld.branch(done)
        bld.position_at_end(done)

    def lower_MEMSET(self, pc, a, b, c):
        bld = self.b
        dst, byte, n = self.get(a), self.get(b), self.get(c)
        done = self._nonzero(pc, n)
        self._check_block(pc, dst, n, True)
        fn = self._intrinsic("llvm.memset", [I8.as_pointer(), I64])
        bld.call(fn, [bld.gep(self.base, [dst]), bld.trunc(byte, I8), n, ir.Constant(I1, 0)])
        bld.branch(done)
        bld.position_at_end(done)
