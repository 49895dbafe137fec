"""The LLVM types and signatures native code is built from, shared by the
lowering (pvm/jit/lower.py and its parts) and the tier (pvm/jit/tier.py)."""
from __future__ import annotations

from llvmlite import ir

from .context import MEMORY_SYMBOL, TLB_SYMBOL

I1, I8, I16, I32, I64 = (ir.IntType(n) for n in (1, 8, 16, 32, 64))
F32, F64 = ir.FloatType(), ir.DoubleType()
CTX = I64.as_pointer()
INT64_MIN = -(1 << 63)


def guest_memory(module: ir.Module, size: int):
    """Guest memory byte 0, as an external symbol the code library resolves
    to this machine's buffer when it loads the object code (engine.py).  A
    link-time constant, unlike a pointer loaded from the context, needs no
    register of its own in a hot loop, and the object code stays the same
    from run to run, so the disk cache still applies."""
    g = module.globals.get(MEMORY_SYMBOL)
    if g is None:
        g = ir.GlobalVariable(module, ir.ArrayType(I8, size), MEMORY_SYMBOL)
        g.linkage = "external"
    return g.bitcast(I8.as_pointer())


def tlb_table(module: ir.Module):
    """Paged code: the MMU's native TLB (pvm/machine/mmu.py), int64 words,
    as an external symbol like guest memory.  LLVM knows it is not guest
    memory, so a guest store does not make it reload a TLB entry."""
    from pvm.machine.mmu import TLB_ENTRIES, TLB_WORDS
    g = module.globals.get(TLB_SYMBOL)
    if g is None:
        g = ir.GlobalVariable(module, ir.ArrayType(I64, TLB_ENTRIES * TLB_WORDS), TLB_SYMBOL)
        g.linkage = "external"
    return g.bitcast(I64.as_pointer())


def kind_type(kind: str):
    return F64 if kind == "d" else I64


def fresh_type(fn) -> ir.FunctionType:
    return ir.FunctionType(I64, [CTX, I64] + [kind_type(k) for k in fn.kinds[:fn.nparams]])


def resume_type() -> ir.FunctionType:
    return ir.FunctionType(I64, [CTX, I64])
