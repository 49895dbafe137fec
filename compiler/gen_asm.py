"""Code generation for asm statements (mixed into codegen.FuncGen; the
statement's rules and text are in asmstmt.py).

Each operand gets a fresh register of its kind: an input's value (a `+`
output's current value) is put there before the instructions, and each
output is stored from there to its lvalue after them, converted to the
lvalue's type as an assignment would be (an `int` output is sign-extended
from the register's low 32 bits, a `_Bool` output is made 0 or 1).  An
output's address is taken once, before the instructions.

After the instructions FPREG is loaded again (`FRAME FPREG, 0`): the asm may
have moved FP (`setfp`, `setsp`), and the function's frame accesses go
through FPREG.  Nothing else needs reloading: codegen keeps no memory value in
a register across statements (locals live either in registers or in memory,
never cached), so the "memory" clobber costs nothing.
"""
from __future__ import annotations

from pvm.bytecode import verify
from pvm.bytecode.program import Function, Program

from . import ast as A
from . import types as T
from .gen_access import RegValue
from .gen_expr import load_op


class AsmGen:
    def s_AsmStmt(self, s: A.AsmStmt) -> None:
        regs, homes = [], []
        for op in s.outputs:
            home = None if self.reg_of(op.expr) is not None else self.addr(op.expr)
            r = self.tmp("d" if op.kind == "f" else "q")
            if op.inout and home is None:
                self.val(op.expr, r)
            elif op.inout:
                self.emit(load_op(op.expr.ty), r, *home)
            regs.append(r)
            homes.append(home)
        for op in s.inputs:
            if op.kind == "i":
                regs.append(None)
            elif op.tied is not None:
                regs.append(self.val(op.expr, regs[op.tied]))
            else:
                regs.append(self.val(op.expr, self.tmp("d" if op.kind == "f" else "q")))
        first = len(self.code)
        for instruction in s.code:
            ins = list(instruction.ins)
            for i, n in instruction.operands.items():
                ins[i] = regs[n]
            self.emit(*ins)
        self.asm_ranges.append((first, len(self.code), s.pos))
        self.emit("FRAME", self.FPREG, 0)
        for op, r, home in zip(s.outputs, regs, homes):
            self.store_output(op.expr, r, home)

    def store_output(self, target, r: int, home) -> None:
        ty = target.ty.unqualified()
        held = ty if ty.is_pointer else (T.DOUBLE if ty.is_float else T.LONG)
        value = RegValue(r, held)
        if not T.same(held, ty, quals=False):
            value = A.Convert(value, ty, target.pos)
        reg = self.reg_of(target)
        if reg is not None:
            self.val(value, reg)
        else:
            self.store(ty, *home, self.val(value))

    def asm_violation(self, code: list, kinds: str, shift: int, returns: str, variadic: bool):
        """(position, message) for the first asm instruction of the finished
        function `code` the verifier refuses, else None."""
        if not self.asm_ranges:
            return None
        f = Function(self.info.sym.name, 0, kinds, returns, 0, code, [0] * len(code),
                     variadic=variadic)
        program = Program(functions=[f], entry=0, rodata=b"", data=b"", bss_size=0,
                          symbols=[], files=[])
        for start, end, pos in self.asm_ranges:
            for j in range(start + shift, end + shift):
                try:
                    verify.check_instruction(program, 0, f, j, code[j])
                except verify.RuleBroken as broken:
                    return pos, f"asm does not verify: {broken.violation.rule}"
        return None
