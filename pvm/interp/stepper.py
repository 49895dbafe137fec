"""The interpreter's reference form: one instruction at a time.

Slow but exact at every instruction: it runs the last few instructions when
fuel runs short, and it is what the debugger's stepi and `--trace` use.
Registers live in the list m.regs; m.func and m.pc say where we are.

Straight-line instructions run handlers generated from the same isa.py
templates the translator uses (a register operand {A} becomes R[A]), so the
two forms share one definition of every instruction.  Control flow is
written out below, one `op_<NAME>` per opcode.
"""
from __future__ import annotations

from pvm import isa
from pvm.abi import memmap as MM
from pvm.machine import privileged
from pvm.machine.traps import SegFault


def make_handler(op: isa.Op, namespace: dict):
    """handler(m, R, *operands) for a templated opcode."""
    params = "ABC"[:len(op.operands)]
    subst = {p: (f"R[{p}]" if k in isa.REG_OPERANDS else p) for p, k in zip(params, op.operands)}
    body = op.py.replace("FP", "m.fp").format(**subst)
    src = f"def op_{op.name}(m, R{''.join(', ' + p for p in params)}):\n    {body}\n"
    glb = dict(namespace)
    exec(compile(src, f"<pvm-op:{op.name}>", "exec"), glb)
    return glb[f"op_{op.name}"]


class Handlers(dict):
    """Handlers made on first use: most runs never step at all."""

    def __init__(self, namespace: dict):
        super().__init__()
        self.namespace = namespace

    def __missing__(self, name: str):
        op = isa.BY_NAME[name]
        h = self[name] = make_handler(op, self.namespace) if op.py is not None else None
        return h


class Stepper:
    """Executes single instructions of the machine `m` on m.regs."""

    def __init__(self, m, namespace: dict):
        self.m = m
        self.handlers = Handlers(namespace)
        self.syscall = namespace["SYSCALL"]
        self.trap = namespace["TRAP"]
        self.func_at = namespace["FUNC_AT"]

    def step(self) -> None:
        """Run the instruction at (m.func, m.pc); m.fuel is charged one."""
        m = self.m
        ins = m.program.functions[m.func].code[m.pc]
        name = ins[0]
        m.fuel -= 1
        h = self.handlers[name]
        if h is not None:
            h(m, m.regs, *ins[1:])
            m.pc += 1
        else:
            getattr(self, "op_" + name)(*ins[1:])

    # -- control flow
    def op_JMP(self, label):
        self.m.pc = label

    def _branch(self, taken, label):
        self.m.pc = label if taken else self.m.pc + 1

    def op_JTAB(self, a, n):
        m = self.m
        i = m.regs[a]
        m.pc += 1 + (i if 0 <= i < n else n)

    def op_JZ(self, a, label):
        self._branch(self.m.regs[a] == 0, label)

    def op_JNZ(self, a, label):
        self._branch(self.m.regs[a] != 0, label)

    def op_JEQ(self, a, b, label):
        R = self.m.regs
        self._branch(R[a] == R[b], label)

    def op_JNE(self, a, b, label):
        R = self.m.regs
        self._branch(R[a] != R[b], label)

    def op_JLT(self, a, b, label):
        R = self.m.regs
        self._branch(R[a] < R[b], label)

    def op_JLE(self, a, b, label):
        R = self.m.regs
        self._branch(R[a] <= R[b], label)

    def op_CALL(self, dst, fidx, base, n):
        m = self.m
        m.spill_regs()
        m.pc += 1
        m.enter(fidx, tuple(m.regs[base:base + n]))
        m.regs = m.fresh_regs(m.args)

    op_FCALL = op_CALL

    def op_CALLR(self, dst, target, base, n):
        self.op_CALL(dst, self.func_at(self.m.regs[target]), base, n)

    op_FCALLR = op_CALLR

    def op_RET(self, a):
        m = self.m
        m.retval = m.regs[a]
        self._return()

    op_FRET = op_RET

    def op_RETV(self):
        self.m.retval = 0
        self._return()

    def _return(self):
        m = self.m
        m.leave()          # raises GuestExit when returning to the host
        m.regs = m.unspill_regs()
        call = m.program.functions[m.func].code[m.pc - 1]
        m.regs[call[1]] = m.retval

    def op_VARARGS(self, a):
        m = self.m
        m.regs[a] = m.fp + 16
        m.pc += 1

    def op_SYSCALL(self, a, n):
        m = self.m
        R = m.regs
        R[a] = self.syscall(m, *R[a:a + n + 1])
        m.pc += 1

    def op_TRAP(self, k):
        raise self.trap(k)

    # -- machine instructions: only the stepper runs them (isa flag `machine`);
    #    their meaning is the machine's (pvm/machine/privileged.py)
    def op_GETFP(self, a):
        m = self.m
        m.regs[a] = m.fp
        m.pc += 1

    def op_GETSP(self, a):
        m = self.m
        m.regs[a] = m.sp()
        m.pc += 1

    def op_SETFP(self, a):
        """A stack switch: the frame at R[A] becomes this function's, whose
        RET returns through its link.  Checked here, where it is cheap: a
        frame must be 16-byte aligned and its link readable."""
        m = self.m
        fp = m.regs[a]
        if fp & 15 or not m.guest.readable(fp, 16):
            raise SegFault("setfp", fp)
        m.fp = fp
        m.sp_override = None
        m.pc += 1

    def op_SETSP(self, a):
        """Redirect this frame's calls to the stack below R[A] (x86's %esp
        under a fixed %ebp).  Off its own stack the stack limit is lifted
        to the lowest writable address, unless SETSL sets one for that
        stack; setting SP back to the frame's own restores it."""
        m = self.m
        sp = m.regs[a]
        if not m.guest.writable(sp - 16, 16):
            raise SegFault("setsp", sp)
        own = m.fp - m.frame_bytes(m.func)
        limit = m.sp_override[2] if m.sp_override and m.sp_override[0] == m.fp else m.stack_limit
        if sp == own:
            m.sp_override = None
            m.stack_limit = limit
        else:
            m.sp_override = (m.fp, sp, limit)
            if not limit <= sp <= own:
                m.stack_limit = m.guest.data_base
        m.pc += 1

    def op_GETSL(self, a):
        m = self.m
        m.regs[a] = m.stack_limit
        m.pc += 1

    def op_SETSL(self, a):
        m = self.m
        limit = m.regs[a]
        if not m.guest.writable(limit, 0):
            raise SegFault("setsl", limit)
        m.stack_limit = limit
        m.pc += 1

    def op_CSRR(self, a, k):
        m = self.m
        privileged.check_kernel(m, "CSRR")
        m.regs[a] = privileged.csr_read(m, k)
        m.pc += 1

    def op_CSRW(self, k, b):
        m = self.m
        privileged.check_kernel(m, "CSRW")
        privileged.csr_write(m, k, m.regs[b])
        m.pc += 1

    def op_IRET(self, a):
        m = self.m
        privileged.check_kernel(m, "IRET")
        privileged.iret(m, m.regs[a])

    def op_CLI(self):
        m = self.m
        privileged.check_kernel(m, "CLI")
        m.status &= ~MM.STATUS_IE
        m.pc += 1

    def op_STI(self):
        m = self.m
        privileged.check_kernel(m, "STI")
        m.status |= MM.STATUS_IE
        m.pc += 1

    def op_WFI(self):
        m = self.m
        privileged.check_kernel(m, "WFI")
        m.pc += 1
        m.wait_for_interrupt()

    def op_TLBFLUSH(self, a):
        m = self.m
        privileged.check_kernel(m, "TLBFLUSH")
        if m.ptbr:
            m.mmu.flush(m.regs[a])
        m.pc += 1

    def op_MODLOAD(self, a, b):
        m = self.m
        privileged.check_kernel(m, "MODLOAD")
        m.regs[a] = m.modules.load(m.regs[b])
        m.pc += 1

    def op_MODFREE(self, a):
        m = self.m
        privileged.check_kernel(m, "MODFREE")
        m.modules.free(m.regs[a])
        m.pc += 1
