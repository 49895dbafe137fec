"""Lowering guest memory: loads, stores and block operations, each
bounds-checked exactly as pvm/machine/semantics.py checks it (unless the guard of a
versioned loop has checked it already, pvm/jit/loops.py).

Paged code (pvm/machine/mmu.py) has no bounds check: each access probes
the MMU's native TLB inline, QEMU's way.  The entry of page va >> 12 is
entry (va >> 12) & (TLB_ENTRIES - 1); the access hits iff that entry's tag for the
access kind equals the page of the access's last byte (an entry only ever
holds pages with its index, so an access across pages never hits), and the
host address is then guest memory + va + the entry's addend.  A miss calls
the fill callback (a page-table walk); if that cannot translate (a fault,
or an access across two pages) native code stops with a SEGV status that
the bridge marks `recheck`, and the run loop runs the instruction on the
stepper, which has the one definition of page faults (pvm/exec/loop.py).
"""
from __future__ import annotations

from llvmlite import ir

from pvm import isa
from pvm.bytecode.program import TEXT_BASE
from pvm.machine.mmu import TLB_ENTRIES
from . import context as C
from .liveness import registers, uses_defs
from .loops import ACCESSES
from .irtypes import CTX, F32, F64, I1, I8, I16, I32, I64, INT64_MIN, guest_memory, tlb_table

READ, WRITE, EXECUTE = 0, 1, 2           # the TLB word of each access kind (context.ACCESSES)
# a loop guard proves a range of at most this many pages (it walks each once
# per entry into the loop: 256 MiB, a few microseconds per MiB)
MAX_RANGE_PAGES = 1 << 16
PAGE_SLOTS = 8                           # page cache slots per access kind (MemoryLowering.cached)
NO_PAGE = -1                             # an empty slot: no address has this page number
# after these a page's translation may have changed (a callee or a system
# call may trap, a kernel remap pages): probe groups end, the page cache forgets
REMAPS = frozenset(name for name, op in isa.BY_NAME.items()
                   if op.has("call") or op.has("machine") or op.has("privileged")
                   or op.has("boundary"))


def _internal(module, name: str, cold: bool = False) -> ir.Function:
    """A noinline helper function of this module (`pvm_tlb_fill`, ...),
    declared once: (i64)(ctx, i64, i64, i64)."""
    f = ir.Function(module, ir.FunctionType(I64, [CTX, I64, I64, I64]), name)
    f.linkage = "internal"
    f.attributes.add("noinline")
    if cold:
        f.attributes.add("cold")
    return f


def _probe(b, module, addr, width: int, access: int):
    """The inline TLB probe: (hit, the entry's index of its first word)."""
    c = lambda v: ir.Constant(I64, v)
    return probe_span(b, module, addr, addr if width == 1 else b.add(addr, c(width - 1)), access)


def probe_span(b, module, first, last, access: int):
    """The probe of bytes first..last (one page, or a miss): (hit, entry)."""
    c = lambda v: ir.Constant(I64, v)
    tlb = tlb_table(module)
    vpn = b.lshr(first, c(12))
    entry = b.shl(b.and_(vpn, c(TLB_ENTRIES - 1)), c(2))
    tag = b.load(b.gep(tlb, [b.add(entry, c(access))]))
    last_vpn = vpn if last is first else b.lshr(last, c(12))
    return b.icmp_signed("==", tag, last_vpn), entry


def fill_helper(module, size: int) -> ir.Function:
    """i64 pvm_tlb_fill(ctx, va, width, access): a TLB miss, out of line
    and cold, so that a probe's hit path stays small.  It walks the page
    table natively (mmu.walk's steps, from the root in ctx[ROOT]) and fills
    the entry as Mmu._fill does; whatever that does not make a hit (not
    present, not permitted, across pages) goes to the fill callback
    (C.FILL, mmu.fill_native), which has the exact definition.  A native
    walk costs nanoseconds, a callback microseconds: a program whose pages
    outnumber the TLB's entries misses often."""
    from pvm.machine import mmu as MMU
    f = module.globals.get("pvm_tlb_fill")
    if f is not None:
        return f
    f = _internal(module, "pvm_tlb_fill", cold=True)
    ctx, va, width, access = f.args
    c = lambda v: ir.Constant(I64, v)
    b = ir.IRBuilder(f.append_basic_block("entry"))
    slow = f.append_basic_block("slow")
    mem = guest_memory(module, size)

    def need(ok):
        go = f.append_basic_block("walk")
        b.cbranch(ok, go, slow)
        b.position_at_end(go)

    misses = b.gep(ctx, [c(C.MISSES)])
    b.store(b.add(b.load(misses), c(1)), misses)
    root = b.load(b.gep(ctx, [c(C.ROOT)]))
    need(b.and_(b.icmp_unsigned("<", va, c(MMU.VA_LIMIT)), b.icmp_signed("!=", root, c(0))))
    table, pte = root, None
    for shift in (30, 21, 12):
        at = b.add(table, b.shl(b.and_(b.lshr(va, c(shift)), c(511)), c(3)))
        need(b.icmp_unsigned("<=", at, c(size - 8)))
        pte = b.load(b.bitcast(b.gep(mem, [at]), I64.as_pointer()), align=8)
        need(b.icmp_signed("!=", b.and_(pte, c(MMU.P)), c(0)))
        table = b.and_(pte, c(MMU.ADDR))
    need(b.icmp_unsigned("<=", table, c(size - MMU.PAGE)))
    vpn = b.lshr(va, c(12))
    delta = b.sub(table, b.shl(vpn, c(12)))
    tlb = tlb_table(module)
    entry = b.shl(b.and_(vpn, c(TLB_ENTRIES - 1)), c(2))
    words = [b.gep(tlb, [b.add(entry, c(i))]) for i in range(4)]
    tags = [b.load(w) for w in words[:3]]
    holds = b.or_(b.icmp_signed("==", tags[0], vpn), b.or_(b.icmp_signed("==", tags[1], vpn),
                                                         b.icmp_signed("==", tags[2], vpn)))
    keep = b.and_(b.icmp_signed("==", b.load(words[3]), delta), holds)
    for i in range(3):                    # the slot now holds this page
        b.store(b.select(keep, tags[i], c(-1)), words[i])
    b.store(delta, words[3])
    for i, bits in enumerate((MMU.P | MMU.U, MMU.P | MMU.U | MMU.W, MMU.P | MMU.U | MMU.X)):
        granted = b.icmp_signed("==", b.and_(pte, c(bits)), c(bits))
        b.store(b.select(granted, vpn, b.load(words[i])), words[i])
    tag = b.load(b.gep(tlb, [b.add(entry, access)]))
    last = b.lshr(b.sub(b.add(va, width), c(1)), c(12))
    need(b.icmp_signed("==", tag, last))
    b.ret(delta)
    b.position_at_end(slow)
    cb = b.inttoptr(b.load(b.gep(ctx, [c(C.FILL)])), f.type)
    b.ret(b.call(cb, list(f.args)))
    return f


def xlate_helper(module, size: int) -> ir.Function:
    """i64 pvm_xlate(ctx, va, width, access): the addend for an access the
    machine's own protocol makes (save-area slots of exits and resume
    entries), probe and fill out of line.  Where it cannot translate
    (unmapped stack: never under `pvm run --paged`, which maps the whole
    stack) it records va in ctx[LOST] and returns an addend that points at
    ctx[SCRATCH], so nothing outside guest memory is touched; the bridge
    then reports a page fault there."""
    f = module.globals.get("pvm_xlate")
    if f is None:
        f = _internal(module, "pvm_xlate")
        ctx, va, width, access = f.args
        b = ir.IRBuilder(f.append_basic_block("entry"))
        c = lambda v: ir.Constant(I64, v)
        tlb = tlb_table(module)
        vpn = b.lshr(va, c(12))
        entry = b.shl(b.and_(vpn, c(TLB_ENTRIES - 1)), c(2))
        tag = b.load(b.gep(tlb, [b.add(entry, access)]))
        last = b.lshr(b.sub(b.add(va, width), c(1)), c(12))
        hit, miss = f.append_basic_block("hit"), f.append_basic_block("miss")
        b.cbranch(b.icmp_signed("==", tag, last), hit, miss)
        b.position_at_end(hit)
        b.ret(b.load(b.gep(tlb, [b.add(entry, c(3))])))
        b.position_at_end(miss)
        addend = b.call(fill_helper(module, size), [ctx, va, width, access])
        lost, ok = f.append_basic_block("lost"), f.append_basic_block("ok")
        b.cbranch(b.icmp_signed("==", addend, c(INT64_MIN)), lost, ok)
        b.position_at_end(ok)
        b.ret(addend)
        b.position_at_end(lost)
        b.store(va, b.gep(ctx, [c(C.LOST)]))
        scratch = b.ptrtoint(b.gep(ctx, [c(C.SCRATCH)]), I64)
        base = b.ptrtoint(guest_memory(module, size), I64)
        b.ret(b.sub(b.sub(scratch, base), va))
    return f


def range_helper(module, size: int) -> ir.Function:
    """i64 pvm_range(ctx, lo, hi, access): for a versioned loop's guard in
    paged code (loops.py), the one addend of every page of [lo, hi) if
    they are all permitted for `access` and physically contiguous (at most
    MAX_RANGE_PAGES pages, each probed or refilled), else MISS."""
    f = module.globals.get("pvm_range")
    if f is not None:
        return f
    f = _internal(module, "pvm_range")
    ctx, lo, hi, access = f.args
    c = lambda v: ir.Constant(I64, v)
    b = ir.IRBuilder(f.append_basic_block("entry"))
    fail, loop, body, done = (f.append_basic_block(n) for n in ("fail", "loop", "body", "done"))
    tlb = tlb_table(module)

    def addend(va):                       # probe, else refill (pvm_tlb_fill)
        vpn = b.lshr(va, c(12))
        entry = b.shl(b.and_(vpn, c(TLB_ENTRIES - 1)), c(2))
        hit = b.icmp_signed("==", b.load(b.gep(tlb, [b.add(entry, access)])), vpn)
        got, miss, join = (f.append_basic_block(n) for n in ("hit", "miss", "join"))
        b.cbranch(hit, got, miss)
        b.position_at_end(got)
        a_hit = b.load(b.gep(tlb, [b.add(entry, c(3))]))
        b.branch(join)
        b.position_at_end(miss)
        a_miss = b.call(fill_helper(module, size), [ctx, va, c(1), access])
        b.branch(join)
        b.position_at_end(join)
        a = b.phi(I64)
        a.add_incoming(a_hit, got)
        a.add_incoming(a_miss, miss)
        return a

    first, last = b.lshr(lo, c(12)), b.lshr(b.sub(hi, c(1)), c(12))
    few = b.and_(b.icmp_unsigned("<", lo, hi), b.icmp_unsigned("<", b.sub(last, first), c(MAX_RANGE_PAGES)))
    start = f.append_basic_block("start")
    b.cbranch(few, start, fail)
    b.position_at_end(start)
    a0 = addend(lo)
    second = b.add(first, c(1))
    b.cbranch(b.icmp_signed("==", a0, c(INT64_MIN)), fail, loop)
    pre = b.block
    b.position_at_end(loop)
    vpn = b.phi(I64)
    vpn.add_incoming(second, pre)
    b.cbranch(b.icmp_unsigned(">", vpn, last), done, body)
    b.position_at_end(body)
    a = addend(b.shl(vpn, c(12)))
    vpn.add_incoming(b.add(vpn, c(1)), b.block)
    b.cbranch(b.icmp_signed("==", a, a0), loop, fail)
    b.position_at_end(done)
    b.ret(a0)
    b.position_at_end(fail)
    b.ret(c(INT64_MIN))
    return f


class ProbeGroup:
    """Accesses of one basic block at known distances from one address (the
    same base register, or an address computed again the same way, as in
    `t = p[i]; ...; p[i] = u`), with no call between them: one check of the
    span [lo, hi) serves them all.  Paged, one TLB probe when the span lies
    on one page (a page's translation cannot change until user code traps,
    and a call might), as in nbody's b->x, b->y, b->vx ...; bare, one bounds
    check, at the first, for the strictest kind of access among them."""

    def __init__(self):
        self.lo, self.hi, self.write, self.pcs = None, None, False, []
        self.offsets: dict = {}            # pc -> its access's distance from the root

    def add(self, pc: int, offset: int, width: int, write: bool) -> None:
        self.lo = offset if self.lo is None else min(self.lo, offset)
        self.hi = offset + width if self.hi is None else max(self.hi, offset + width)
        self.write |= write
        self.pcs.append(pc)
        self.offsets[pc] = offset


def _access(ins) -> tuple | None:
    """(base register, offset, width, write) of a plain load or store, else None."""
    access = ACCESSES.get(ins[0])
    if access is None:
        return None
    at, width, write = access                 # STx base, value, k; LDx dest, base, k
    return ins[1 + at], ins[3], width, write


_MASK = (1 << 64) - 1
_CONST = ("k",)                                     # the root of a constant


def _value(values: dict, pc: int, ins) -> tuple:
    """(root, offset) of the value instruction pc writes: the same root for
    values that differ by a known constant (local value numbering; a root is
    a register's value at the block's start, a constant, a frame address,
    or an expression of roots)."""
    name = ins[0]
    get = lambda r: values.get(r) or (("in", r), 0)   # noqa: E731
    if name == "LI":
        return _CONST, ins[2] & _MASK
    if name == "FRAME":
        return ("fp",), ins[2] & _MASK
    if name == "MOV":
        return get(ins[2])
    if name == "ADDI64":
        root, off = get(ins[2])
        return root, (off + ins[3]) & _MASK
    if name in ("ADD64", "SUB64"):
        (r1, o1), (r2, o2) = get(ins[2]), get(ins[3])
        if name == "SUB64":
            if r2 == _CONST:
                return r1, (o1 - o2) & _MASK
            return ("-", (r1, o1), (r2, o2)), 0
        if r2 == _CONST:
            return r1, (o1 + o2) & _MASK
        if r1 == _CONST:
            return r2, (o1 + o2) & _MASK
        return ("+",) + tuple(sorted([r1, r2], key=repr)), (o1 + o2) & _MASK
    if name in ("SHL64", "MUL64"):
        return (name, get(ins[2]), get(ins[3])), 0
    return ("def", pc), 0


def probe_groups(code, start: int, end: int, proven) -> dict:
    """pc -> its ProbeGroup, for the accesses of code[start:end] that share
    a check with another (not those a loop guard proved)."""
    groups, open_, values = [], {}, {}
    for pc in range(start, end):
        ins = code[pc]
        access = _access(ins)
        if access is not None and pc not in proven:
            base, offset, width, write = access
            root, off = values.get(base) or (("in", base), 0)
            g = open_.get(root)
            if g is None:
                g = open_[root] = ProbeGroup()
                groups.append(g)
            at = (off + offset) & _MASK
            g.add(pc, at - (1 << 64) if at >> 63 else at, width, write)
        if ins[0] in REMAPS:
            open_.clear()
        defs = uses_defs(ins)[1]
        if defs and defs == 1 << ins[1]:
            values[ins[1]] = _value(values, pc, ins)
        else:
            for r in registers(defs):
                values[r] = (("def", pc, r), 0)
    return {pc: g for g in groups if len(g.pcs) > 1 and g.hi - g.lo <= 4096 for pc in g.pcs}


class MemoryLowering:
    """The memory instructions of FunctionLowering (pvm/jit/lower.py)."""

    def translate(self, addr, width: int, access: int, pc: int, status: int | None = None,
                  miss_to=None):
        """Paged code: the host address (i8*) of guest va `addr` for an
        access of `width` bytes on one page, or stop at pc with `status`
        (a SEGV the run loop rechecks on the stepper); or, with `miss_to`,
        branch there instead."""
        return self.b.gep(self.base, [self.b.add(addr, self.translate_addend(
            addr, width, access, pc, status, miss_to))])

    def translate_addend(self, addr, width: int, access: int, pc: int, status: int | None = None,
                         miss_to=None):
        """translate's addend (host offset minus guest va)."""
        b = self.b
        hit, entry = _probe(b, self.module, addr, width, access)
        got, miss, join = (self.new_block(f"tlbhit{pc}"), self.new_block(f"tlbmiss{pc}"),
                           self.new_block(f"tlbok{pc}"))
        b.cbranch(hit, got, miss).set_weights([2000, 1])
        b.position_at_end(got)
        addend_hit = b.load(b.gep(tlb_table(self.module), [b.add(entry, self.c64(3))]))
        b.branch(join)
        b.position_at_end(miss)
        addend_miss = b.call(fill_helper(self.module, len(self.m.mem)), [self.ctx, addr, self.c64(width),
                                                         self.c64(access)])
        filled = b.block
        if status is None:
            status = C.STATUS_SEGV_WRITE if access == WRITE else C.STATUS_SEGV_READ
        fault = miss_to or self.new_block(f"pagefault{pc}")
        b.cbranch(b.icmp_signed("==", addend_miss, self.c64(INT64_MIN)), fault, join)
        if miss_to is None:
            b.position_at_end(fault)
            self.origin(status, pc, addr)
        b.position_at_end(join)
        addend = b.phi(I64)
        addend.add_incoming(addend_hit, got)
        addend.add_incoming(addend_miss, filled)
        return addend

    def access_ptr(self, addr, ty, width: int, write: bool, pc: int, reg: int):
        """The host pointer of a guest load or store through base register
        `reg`, checked."""
        if self.paged and pc in self.proven:    # its span's addend, from the loop's guard
            b = self.b
            addend = b.load(self.span_addends[pc])
            return b.bitcast(b.gep(self.base, [b.add(addr, addend)]), ty.as_pointer())
        if self.paged and pc in self.probe_groups:
            return self.b.bitcast(self.grouped(addr, width, write, pc), ty.as_pointer())
        if self.paged and width == 1:           # byte loops: see make_page_cache
            return self.b.bitcast(self.cached_byte(addr, WRITE if write else READ, pc, reg),
                                  ty.as_pointer())
        if self.paged:
            return self.b.bitcast(self.translate(addr, width, WRITE if write else READ, pc),
                                  ty.as_pointer())
        self.check_bare(addr, width, write, pc)
        return self.mem_ptr(addr, ty)

    def check_bare(self, addr, width: int, write: bool, pc: int) -> None:
        """Bare code: the check of one load or store, or of its group."""
        if pc in self.probe_groups:
            self.check_group(addr, pc)
        else:
            self.check_access(addr, width, write, pc)

    def check_group(self, addr, pc: int) -> None:
        """Bare code: at a ProbeGroup's first access, one check that its whole
        span is in memory for the strictest of its accesses (a write's if
        any writes); the others need none.  If it fails, native code stops
        before that access and the stepper runs the rest of the block, each
        access checked alone, so a fault is still reported where it is
        (the rest of the block's fuel is given back, as it was charged at
        the block's start)."""
        g = self.probe_groups[pc]
        if g in self.group_probes:
            return
        self.group_probes[g] = True
        b = self.b
        lo = self.data_base if g.write else TEXT_BASE
        first = b.add(addr, self.c64(g.lo - g.offsets[pc]))
        ok = b.icmp_unsigned("<=", b.sub(first, self.c64(lo)),
                             self.c64(len(self.m.mem) - (g.hi - g.lo) - lo))
        good, bad = self.new_block(f"groupok{pc}"), self.new_block(f"groupstep{pc}")
        b.cbranch(ok, good, bad)
        b.position_at_end(bad)
        if self.metered:
            b.store(b.add(b.load(self.fuel), self.c64(self.block_end - pc)), self.fuel)
        self.origin(C.STATUS_STEP, pc)
        b.position_at_end(good)

    # ---- the page cache: the last page translated, in registers --------------
    def make_page_cache(self) -> None:
        """Paged: allocas, in the entry block, for PAGE_SLOTS pages per access
        kind: (vpn, addend) of the last page an access through a base
        register r (slot r % PAGE_SLOTS) translated.  mem2reg turns them
        into SSA values carried round loops, so `while (*s) h ^= *s++;`
        tests its page with a shift and a compare instead of two TLB probes
        (the second one LLVM folds away).  Shared with inlined copies.
        Called while the builder is in the entry block.

        Only byte accesses use it: a wider one must also test that it does
        not cross the page's end, and with that test and its slots spilled
        round a loop (qsort's scans) it was 7-13 % slower than the TLB probe;
        on byte loops (strhash's hashes, strcmp) it saved 8-15 %."""
        at_entry = self.b
        self.page_cache = {}
        for access in (READ, WRITE):
            for i in range(PAGE_SLOTS):
                vpn = at_entry.alloca(I64, name=f"page{access}_{i}")
                addend = at_entry.alloca(I64, name=f"addend{access}_{i}")
                at_entry.store(ir.Constant(I64, NO_PAGE), vpn)
                at_entry.store(ir.Constant(I64, 0), addend)
                self.page_cache[access, i] = vpn, addend

    def forget_pages(self) -> None:
        """After a call, a trap or a privileged instruction: a page's
        translation may have changed (the interpreter's TLB keeps a page
        until TLBFLUSH, so this is stricter than the machine)."""
        for vpn, _ in self.page_cache.values():
            self.b.store(ir.Constant(I64, NO_PAGE), vpn)

    def follow_pointer(self, ins) -> None:
        """Which cache slot a register's accesses use, in the block lowered:
        a copy of a pointer (MOV), or a pointer moved by a constant
        (ADDI64), uses the slot of the register it came from, so `c =
        *s++` and `*s` share one (a heuristic: any slot is correct)."""
        op = isa.BY_NAME[ins[0]]
        if ins[0] in ("MOV", "ADDI64"):
            self.page_slot[ins[1]] = self.page_slot.get(ins[2], ins[2])
            return
        for i in op.written:
            self.page_slot.pop(ins[1 + i], None)

    def cached_byte(self, addr, access: int, pc: int, reg: int):
        """The host address of a byte access through the page cache: a hit
        iff its page is the one its slot holds; else the TLB (translate)
        refills the slot."""
        b, c = self.b, self.c64
        slot = self.page_slot.get(reg, reg) % PAGE_SLOTS
        slot_vpn, slot_addend = self.page_cache[access, slot]
        vpn = b.lshr(addr, c(12))
        hit = b.icmp_unsigned("==", vpn, b.load(slot_vpn))
        fast, slow, join = (self.new_block(f"pagehit{pc}"), self.new_block(f"pagemiss{pc}"),
                            self.new_block(f"pageok{pc}"))
        b.cbranch(hit, fast, slow).set_weights([2000, 1])
        b.position_at_end(fast)
        addend_fast = b.load(slot_addend)
        b.branch(join)
        b.position_at_end(slow)
        addend_slow = self.translate_addend(addr, 1, access, pc)
        b.store(vpn, slot_vpn)
        b.store(addend_slow, slot_addend)
        slow_end = b.block
        b.branch(join)
        b.position_at_end(join)
        addend = b.phi(I64)
        addend.add_incoming(addend_fast, fast)
        addend.add_incoming(addend_slow, slow_end)
        return b.gep(self.base, [b.add(addr, addend)])

    def grouped(self, addr, width: int, write: bool, pc: int):
        """The host address of an access of a ProbeGroup: through the
        group's one probe, made at its first access, if that hit; else
        probed alone (the miss and fault paths stay per access, precise)."""
        b, g = self.b, self.probe_groups[pc]
        if g not in self.group_probes:
            c = self.c64
            at = g.offsets[pc]                   # the first access: its address less this
            lo, last = b.add(addr, c(g.lo - at)), b.add(addr, c(g.hi - 1 - at))
            hit, entry = probe_span(b, self.module, lo, last, WRITE if g.write else READ)
            addend = b.load(b.gep(tlb_table(self.module), [b.add(entry, c(3))]))
            self.group_probes[g] = (hit, addend)
        hit, addend = self.group_probes[g]
        fast, slow, join = (self.new_block(f"grouphit{pc}"), self.new_block(f"groupmiss{pc}"),
                            self.new_block(f"groupok{pc}"))
        b.cbranch(hit, fast, slow).set_weights([2000, 1])
        b.position_at_end(fast)
        p_fast = b.gep(self.base, [b.add(addr, addend)])
        b.branch(join)
        b.position_at_end(slow)
        p_slow = self.translate(addr, width, WRITE if write else READ, pc)
        slow_end = b.block
        b.branch(join)
        b.position_at_end(join)
        p = b.phi(p_fast.type)
        p.add_incoming(p_fast, fast)
        p.add_incoming(p_slow, slow_end)
        return p

    def xlate_ptr(self, addr, ty, width: int, write: bool):
        """Paged code: the host pointer of a save-area slot (pvm_xlate)."""
        b = self.b
        addend = b.call(xlate_helper(self.module, len(self.m.mem)),
                        [self.ctx, addr, self.c64(width), self.c64(WRITE if write else READ)])
        return b.bitcast(b.gep(self.base, [b.add(addr, addend)]), ty.as_pointer())

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
        v = self.b.load(self.access_ptr(addr, ty, width, False, pc, b), align=1)
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
        if self.paged:
            p = self.access_ptr(addr, ty, width, True, pc, a)
        else:
            self.check_bare(addr, width, True, pc)
            p = self.mem_ptr(addr, ty)
        v = self.get(b)
        if ty is F32:
            v = self.b.fptrunc(v, F32)
        elif ty is not I64 and ty is not F64:
            v = self.b.trunc(v, ty)
        if self.sinking is not None and self.sinking[0] == pc:
            self.sinking[1].add(self.b.block, p, v)     # stored after the arms (diamonds.py)
        else:
            self.b.store(v, p, align=1)

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

    def _paged_block(self, pc, op, dst, x, n):
        """Paged MEMCPY/MEMSET: the interpreter's paged memcopy/memfill
        (mmu.bind_paged) through the C.BLOCKOP callback; if it faults
        (nothing written), the stepper runs the instruction again."""
        b = self.b
        done = self._nonzero(pc, n)
        # within one page each (strcpy's, a struct's): memmove/memset in place
        fast, slow = self.new_block(f"blkpage{pc}"), self.new_block(f"blkslow{pc}")
        room = b.sub(self.c64(4096), b.and_(dst, self.c64(4095)))
        if op == 0:
            room = b.select(b.icmp_unsigned("<", b.and_(x, self.c64(4095)), b.and_(dst, self.c64(4095))),
                            room, b.sub(self.c64(4096), b.and_(x, self.c64(4095))))
        b.cbranch(b.icmp_unsigned("<=", n, room), fast, slow)
        b.position_at_end(fast)
        to = self.translate(dst, 1, WRITE, pc, miss_to=slow)
        if op == 0:
            src = self.translate(x, 1, READ, pc, miss_to=slow)
            fn = self._intrinsic("llvm.memmove", [I8.as_pointer(), I8.as_pointer(), I64])
            b.call(fn, [to, src, n, ir.Constant(I1, 0)])
        else:
            fn = self._intrinsic("llvm.memset", [I8.as_pointer(), I64])
            b.call(fn, [to, b.trunc(x, I8), n, ir.Constant(I1, 0)])
        b.branch(done)
        # longer: in place too if each range is one contiguous run of
        # permitted pages (the loop guards' proof), else the callback
        b.position_at_end(slow)
        native, call = self.new_block(f"blkrun{pc}"), self.new_block(f"blkcall{pc}")
        a_dst = self.span_range(dst, b.add(dst, n), True)
        ok = b.icmp_signed("!=", a_dst, self.c64(INT64_MIN))
        if op == 0:
            a_src = self.span_range(x, b.add(x, n), False)
            ok = b.and_(ok, b.icmp_signed("!=", a_src, self.c64(INT64_MIN)))
        b.cbranch(ok, native, call)
        b.position_at_end(native)
        to = b.gep(self.base, [b.add(dst, a_dst)])
        if op == 0:
            fn = self._intrinsic("llvm.memmove", [I8.as_pointer(), I8.as_pointer(), I64])
            b.call(fn, [to, b.gep(self.base, [b.add(x, a_src)]), n, ir.Constant(I1, 0)])
        else:
            fn = self._intrinsic("llvm.memset", [I8.as_pointer(), I64])
            b.call(fn, [to, b.trunc(x, I8), n, ir.Constant(I1, 0)])
        b.branch(done)
        b.position_at_end(call)
        fty = ir.FunctionType(I64, [CTX, I64, I64, I64, I64])
        cb = b.inttoptr(self.ctx_load(C.BLOCKOP), fty.as_pointer())
        failed = b.call(cb, [self.ctx, self.c64(op), dst, x, n])
        self.check(b.icmp_signed("==", failed, self.c64(0)), C.STATUS_SEGV_WRITE, pc, dst)
        b.branch(done)
        b.position_at_end(done)

    def lower_MEMCPY(self, pc, a, b, c):
        bld = self.b
        dst, src, n = self.get(a), self.get(b), self.get(c)
        if self.paged:
            return self._paged_block(pc, 0, dst, src, n)
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
        if self.paged:
            return self._paged_block(pc, 1, dst, byte, n)
        done = self._nonzero(pc, n)
        self._check_block(pc, dst, n, True)
        fn = self._intrinsic("llvm.memset", [I8.as_pointer(), I64])
        bld.call(fn, [bld.gep(self.base, [dst]), bld.trunc(byte, I8), n, ir.Constant(I1, 0)])
        bld.branch(done)
        bld.position_at_end(done)
