"""The pvm instruction set: the one table everything else derives from.

pvm is a register machine.  Each function has its own file of up to 256
registers, r0..r255; the first ones hold the arguments on entry.  Every
register has a declared kind, fixed for the whole function:

    q   integer: a Python int that is always *canonical*, i.e. a W-bit value
        is kept sign-extended from W bits (RISC-V's convention), so every
        register fits a signed 64-bit slot.  An `unsigned` value is kept as its
        bit pattern; the few operations where signedness matters (divide,
        remainder, right shift, compare, widen, convert) have U variants.
    d   floating: a Python float.  `float` (32-bit) values are rounded to
        single precision by FROUND32 after each operation.

Instruction encoding: one opcode byte, then the operands in order, each
little-endian, with a size fixed by its kind:

    kind  size  meaning
    r     1     integer register            (R[A])
    f     1     floating register           (F[A])
    b     1     first register of an argument block, any kinds (checked
                against the callee's parameter kinds)
    n     1     small count (u8)
    k     8     signed 64-bit immediate      (K)
    x     8     IEEE double immediate        (X)
    l     4     label: instruction index in the same function (L)
    F     4     function index              (FN)

Jumps name instruction *indices*; the file format maps them to byte offsets
only for text addresses (function pointers, return addresses).

Each row gives: name, operand kinds, which operands it writes (`writes`:
"A" when the first operand is a destination register, else ""), the effect
in one line of notation (the documentation), the flags, and for straight-line instructions a Python
template (`py`) from which both interpreter forms are generated: `{A}` `{B}`
`{C}` stand for the operands in order.  Control-flow instructions
(`terminator`, `call`) have no template: the interpreter implements them in a
function named after the opcode (`op_CALL`), found by name.

Memory templates use the helpers the interpreter binds in their namespace:
ld8/ld8u/ld16/ld16u/ld32/ld64/ldf32/ldf64 and st8/st16/st32/st64/stf32/stf64
(bounds-checked, raising a guest fault), idiv/irem/... (trapping on zero).
"""
from __future__ import annotations

import hashlib

OPERAND_SIZE = {"r": 1, "f": 1, "b": 1, "n": 1, "k": 8, "x": 8, "l": 4, "F": 4}
REGISTER_KINDS = {"r": "q", "f": "d"}
OPERAND_LETTERS = "ABCD"     # operands in order, as templates ({A}) and `writes` name them


class Op:
    """One row of the table: immutable, compared and hashed by its fields.
    (A plain class, not a dataclass: `pvm run` imports this module, and
    dataclasses costs a start-up ~7 ms for importing inspect.)"""
    __slots__ = ("name", "code", "operands", "writes", "effect", "py", "flags")
    name: str
    code: int
    operands: str          # kinds, e.g. "rrr"
    writes: str            # the operands it writes, by letter: "A" (a destination register) or ""
    effect: str            # one line of notation, for docs and the disassembler
    py: str | None         # Python template for straight-line instructions
    flags: frozenset

    def __init__(self, name: str, code: int, operands: str, writes: str, effect: str,
                 py: str | None = None, flags: frozenset = frozenset()):
        put = object.__setattr__
        put(self, "name", name)
        put(self, "code", code)
        put(self, "operands", operands)
        put(self, "writes", writes)
        put(self, "effect", effect)
        put(self, "py", py)
        put(self, "flags", flags)

    def _fields(self) -> tuple:
        return (self.name, self.code, self.operands, self.writes, self.effect, self.py,
                self.flags)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of a frozen Op")

    __delattr__ = __setattr__

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __reduce__(self):             # copy and pickle: through __init__
        return (Op, self._fields())

    def __repr__(self) -> str:
        return (f"Op(name={self.name!r}, code={self.code!r}, operands={self.operands!r}, "
                f"writes={self.writes!r}, effect={self.effect!r}, py={self.py!r}, "
                f"flags={self.flags!r})")

    @property
    def size(self) -> int:
        return 1 + sum(OPERAND_SIZE[k] for k in self.operands)

    def has(self, flag: str) -> bool:
        return flag in self.flags

    @property
    def sensitive(self) -> bool:
        """Touches machine state beyond registers and memory (see Flags)."""
        return bool(self.flags & SENSITIVE_STATE)

    @property
    def written(self) -> tuple[int, ...]:
        """Positions of the operands this instruction writes (its destination
        registers); every other register operand is only read."""
        return tuple(OPERAND_LETTERS.index(letter) for letter in self.writes)


# Flags:
#   terminator  ends a basic block; control does not fall through (JMP, RET)
#   table       JTAB: the K instructions after it are the JMPs of a jump table
#   branch      may transfer to its label operand
#   call        transfers to another function and later resumes after itself
#   may_trap    can raise a guest trap (fault, divide by zero, ...)
#   memory      reads or writes guest memory
#   privileged  traps when run in user mode (ILLEGAL; SYSCALL traps as itself)
#   machine     run by the machine itself (the stepper, pvm/interp/stepper.py),
#               never by a tier's fast code: fast code stops before it and
#               goes on after it, so it starts and ends a basic block
#   boundary    ends a basic block: the next instruction is a resume point
#
# What machine state an instruction touches beyond registers and memory is
# declared with these words in its flags; touching any of them makes it
# *sensitive* (Popek and Goldberg), and the table refuses to build if a
# sensitive instruction is not privileged (check_privileges below):
#   mode        kernel/user mode        interrupts  interrupt enable/pending
#   traps       the trap vector and stacks    mmu   address translation
#   devices     device state            code        the store of loaded code

W32 = "(({e}) + 0x80000000 & 0xFFFFFFFF) - 0x80000000"
W64 = "(({e}) + 0x8000000000000000 & 0xFFFFFFFFFFFFFFFF) - 0x8000000000000000"


def w32(expr: str) -> str:
    """Template: R[A] := expr wrapped to a sign-extended 32-bit value."""
    return "{A} = " + W32.replace("{e}", expr)


def w64(expr: str) -> str:
    """Template: R[A] := expr wrapped to a sign-extended 64-bit value."""
    return "{A} = " + W64.replace("{e}", expr)


_ROWS: list[tuple] = [
    # name      kinds  writes effect                                py template                          flags
    # ---- moves and constants
    ("NOP",     "",    "",   "no operation",                         "pass",                               ""),
    ("MOV",     "rr",  "A",  "R[A] := R[B]",                          "{A} = {B}",                          ""),
    ("FMOV",    "ff",  "A",  "F[A] := F[B]",                          "{A} = {B}",                          ""),
    ("LI",      "rk",  "A",  "R[A] := K",                             "{A} = {B}",                          ""),
    ("LF",      "fx",  "A",  "F[A] := X",                             "{A} = {B}",                          ""),
    ("FADDR",   "rF",  "A",  "R[A] := text address of function FN",   "{A} = faddr[{B}]",                   ""),
    ("FRAME",   "rk",  "A",  "R[A] := FP + K   (address of a frame slot)", "{A} = FP + {B}",                ""),
    # ---- integer arithmetic; 32-bit results are sign-extended from bit 31
    ("ADD32",   "rrr", "A",  "R[A] := sext32(R[B] + R[C])",           w32("{B} + {C}"),                     ""),
    ("SUB32",   "rrr", "A",  "R[A] := sext32(R[B] - R[C])",           w32("{B} - {C}"),                     ""),
    ("MUL32",   "rrr", "A",  "R[A] := sext32(R[B] * R[C])",           w32("{B} * {C}"),                     ""),
    ("DIV32",   "rrr", "A",  "R[A] := R[B] / R[C]  (signed, toward zero)", "{A} = idiv32({B}, {C})",       "may_trap"),
    ("DIVU32",  "rrr", "A",  "R[A] := sext32(u32(R[B]) / u32(R[C]))", "{A} = udiv32({B}, {C})",             "may_trap"),
    ("REM32",   "rrr", "A",  "R[A] := R[B] % R[C]  (signed, sign of dividend)", "{A} = irem32({B}, {C})",  "may_trap"),
    ("REMU32",  "rrr", "A",  "R[A] := sext32(u32(R[B]) % u32(R[C]))", "{A} = urem32({B}, {C})",             "may_trap"),
    ("SHL32",   "rrr", "A",  "R[A] := sext32(R[B] << (R[C] & 31))",   w32("{B} << ({C} & 31)"),             ""),
    ("SHR32",   "rrr", "A",  "R[A] := R[B] >> (R[C] & 31)  (arithmetic)", "{A} = {B} >> ({C} & 31)",       ""),
    ("SHRU32",  "rrr", "A",  "R[A] := sext32(u32(R[B]) >> (R[C] & 31))", w32("({B} & 0xFFFFFFFF) >> ({C} & 31)"), ""),
    ("NEG32",   "rr",  "A",  "R[A] := sext32(-R[B])",                 w32("-{B}"),                          ""),
    ("ADDI32",  "rrk", "A",  "R[A] := sext32(R[B] + K)",              w32("{B} + {C}"),                     ""),
    ("ADD64",   "rrr", "A",  "R[A] := sext64(R[B] + R[C])",           w64("{B} + {C}"),                     ""),
    ("SUB64",   "rrr", "A",  "R[A] := sext64(R[B] - R[C])",           w64("{B} - {C}"),                     ""),
    ("MUL64",   "rrr", "A",  "R[A] := sext64(R[B] * R[C])",           w64("{B} * {C}"),                     ""),
    ("DIV64",   "rrr", "A",  "R[A] := R[B] / R[C]  (signed, toward zero)", "{A} = idiv64({B}, {C})",       "may_trap"),
    ("DIVU64",  "rrr", "A",  "R[A] := sext64(u64(R[B]) / u64(R[C]))", "{A} = udiv64({B}, {C})",             "may_trap"),
    ("REM64",   "rrr", "A",  "R[A] := R[B] % R[C]  (signed)",         "{A} = irem64({B}, {C})",             "may_trap"),
    ("REMU64",  "rrr", "A",  "R[A] := sext64(u64(R[B]) % u64(R[C]))", "{A} = urem64({B}, {C})",             "may_trap"),
    ("SHL64",   "rrr", "A",  "R[A] := sext64(R[B] << (R[C] & 63))",   w64("{B} << ({C} & 63)"),             ""),
    ("SHR64",   "rrr", "A",  "R[A] := R[B] >> (R[C] & 63)  (arithmetic)", "{A} = {B} >> ({C} & 63)",       ""),
    ("SHRU64",  "rrr", "A",  "R[A] := u64(R[B]) >> (R[C] & 63)",      w64("({B} & 0xFFFFFFFFFFFFFFFF) >> ({C} & 63)"), ""),
    ("NEG64",   "rr",  "A",  "R[A] := sext64(-R[B])",                 w64("-{B}"),                          ""),
    ("ADDI64",  "rrk", "A",  "R[A] := sext64(R[B] + K)",              w64("{B} + {C}"),                     ""),
    ("AND",     "rrr", "A",  "R[A] := R[B] & R[C]",                   "{A} = {B} & {C}",                    ""),
    ("OR",      "rrr", "A",  "R[A] := R[B] | R[C]",                   "{A} = {B} | {C}",                    ""),
    ("XOR",     "rrr", "A",  "R[A] := R[B] ^ R[C]",                   "{A} = {B} ^ {C}",                    ""),
    ("NOT",     "rr",  "A",  "R[A] := ~R[B]",                         "{A} = ~{B}",                         ""),
    # ---- comparisons and truth values: the result is 0 or 1
    ("EQ",      "rrr", "A",  "R[A] := R[B] == R[C]",                  "{A} = int({B} == {C})",              ""),
    ("NE",      "rrr", "A",  "R[A] := R[B] != R[C]",                  "{A} = int({B} != {C})",              ""),
    ("LT",      "rrr", "A",  "R[A] := R[B] < R[C]  (signed)",         "{A} = int({B} < {C})",               ""),
    ("LE",      "rrr", "A",  "R[A] := R[B] <= R[C]  (signed)",        "{A} = int({B} <= {C})",              ""),
    ("LTU32",   "rrr", "A",  "R[A] := u32(R[B]) < u32(R[C])",         "{A} = int(({B} & 0xFFFFFFFF) < ({C} & 0xFFFFFFFF))", ""),
    ("LEU32",   "rrr", "A",  "R[A] := u32(R[B]) <= u32(R[C])",        "{A} = int(({B} & 0xFFFFFFFF) <= ({C} & 0xFFFFFFFF))", ""),
    ("LTU64",   "rrr", "A",  "R[A] := u64(R[B]) < u64(R[C])",         "{A} = int(({B} & 0xFFFFFFFFFFFFFFFF) < ({C} & 0xFFFFFFFFFFFFFFFF))", ""),
    ("LEU64",   "rrr", "A",  "R[A] := u64(R[B]) <= u64(R[C])",        "{A} = int(({B} & 0xFFFFFFFFFFFFFFFF) <= ({C} & 0xFFFFFFFFFFFFFFFF))", ""),
    ("BOOL",    "rr",  "A",  "R[A] := R[B] != 0",                     "{A} = int({B} != 0)",                ""),
    ("LNOT",    "rr",  "A",  "R[A] := R[B] == 0",                     "{A} = int({B} == 0)",                ""),
    # ---- integer width conversions
    ("SEXT8",   "rr",  "A",  "R[A] := sext8(R[B])",                   "{A} = ({B} + 0x80 & 0xFF) - 0x80",   ""),
    ("SEXT16",  "rr",  "A",  "R[A] := sext16(R[B])",                  "{A} = ({B} + 0x8000 & 0xFFFF) - 0x8000", ""),
    ("SEXT32",  "rr",  "A",  "R[A] := sext32(R[B])",                  w32("{B}"),                           ""),
    ("ZEXT8",   "rr",  "A",  "R[A] := R[B] & 0xFF",                   "{A} = {B} & 0xFF",                   ""),
    ("ZEXT16",  "rr",  "A",  "R[A] := R[B] & 0xFFFF",                 "{A} = {B} & 0xFFFF",                 ""),
    ("ZEXT32",  "rr",  "A",  "R[A] := R[B] & 0xFFFFFFFF",             "{A} = {B} & 0xFFFFFFFF",             ""),
    # ---- floating point (IEEE double; float is double rounded by FROUND32)
    ("FADD",    "fff", "A",  "F[A] := F[B] + F[C]",                   "{A} = {B} + {C}",                    ""),
    ("FSUB",    "fff", "A",  "F[A] := F[B] - F[C]",                   "{A} = {B} - {C}",                    ""),
    ("FMUL",    "fff", "A",  "F[A] := F[B] * F[C]",                   "{A} = {B} * {C}",                    ""),
    ("FDIV",    "fff", "A",  "F[A] := F[B] / F[C]  (IEEE: x/0 is inf or nan)", "{A} = fdiv({B}, {C})",     ""),
    ("FNEG",    "ff",  "A",  "F[A] := -F[B]",                         "{A} = -{B}",                         ""),
    ("FROUND32", "ff", "A",  "F[A] := (double)(float)F[B]",           "{A} = fround32({B})",                ""),
    ("FSQRT",   "ff",  "A",  "F[A] := sqrt(F[B])  (IEEE, correctly rounded)", "{A} = fsqrt({B})",          ""),
    ("FEQ",     "rff", "A",  "R[A] := F[B] == F[C]",                  "{A} = int({B} == {C})",              ""),
    ("FNE",     "rff", "A",  "R[A] := F[B] != F[C]",                  "{A} = int({B} != {C})",              ""),
    ("FLT",     "rff", "A",  "R[A] := F[B] < F[C]",                   "{A} = int({B} < {C})",               ""),
    ("FLE",     "rff", "A",  "R[A] := F[B] <= F[C]",                  "{A} = int({B} <= {C})",              ""),
    ("I2F",     "fr",  "A",  "F[A] := (double)R[B]  (signed)",        "{A} = float({B})",                   ""),
    ("U2F",     "fr",  "A",  "F[A] := (double)u64(R[B])",             "{A} = float({B} & 0xFFFFFFFFFFFFFFFF)", ""),
    ("F2I",     "rf",  "A",  "R[A] := (int64)F[B]  (toward zero)",    "{A} = f2i({B})",                     ""),
    ("F2U",     "rf",  "A",  "R[A] := (uint64)F[B]  (toward zero)",   "{A} = f2u({B})",                     ""),
    # ---- memory: loads R[A] := mem[R[B] + K]; stores mem[R[A] + K] := R[B]
    ("LD8",     "rrk", "A",  "R[A] := sext8(mem8[R[B] + K])",         "{A} = ld8({B} + {C})",               "memory may_trap"),
    ("LD8U",    "rrk", "A",  "R[A] := mem8[R[B] + K]",                "{A} = ld8u({B} + {C})",              "memory may_trap"),
    ("LD16",    "rrk", "A",  "R[A] := sext16(mem16[R[B] + K])",       "{A} = ld16({B} + {C})",              "memory may_trap"),
    ("LD16U",   "rrk", "A",  "R[A] := mem16[R[B] + K]",               "{A} = ld16u({B} + {C})",             "memory may_trap"),
    ("LD32",    "rrk", "A",  "R[A] := sext32(mem32[R[B] + K])",       "{A} = ld32({B} + {C})",              "memory may_trap"),
    ("LD64",    "rrk", "A",  "R[A] := mem64[R[B] + K]",               "{A} = ld64({B} + {C})",              "memory may_trap"),
    ("LDF32",   "frk", "A",  "F[A] := (double)memf32[R[B] + K]",      "{A} = ldf32({B} + {C})",             "memory may_trap"),
    ("LDF64",   "frk", "A",  "F[A] := memf64[R[B] + K]",              "{A} = ldf64({B} + {C})",             "memory may_trap"),
    ("ST8",     "rrk", "",   "mem8[R[A] + K] := R[B]",                "st8({A} + {C}, {B})",                "memory may_trap"),
    ("ST16",    "rrk", "",   "mem16[R[A] + K] := R[B]",               "st16({A} + {C}, {B})",               "memory may_trap"),
    ("ST32",    "rrk", "",   "mem32[R[A] + K] := R[B]",               "st32({A} + {C}, {B})",               "memory may_trap"),
    ("ST64",    "rrk", "",   "mem64[R[A] + K] := R[B]",               "st64({A} + {C}, {B})",               "memory may_trap"),
    ("STF32",   "rfk", "",   "memf32[R[A] + K] := (float)F[B]",       "stf32({A} + {C}, {B})",              "memory may_trap"),
    ("STF64",   "rfk", "",   "memf64[R[A] + K] := F[B]",              "stf64({A} + {C}, {B})",              "memory may_trap"),
    ("MEMCPY",  "rrr", "",   "mem[R[A]..+R[C]] := mem[R[B]..+R[C]]  (memmove semantics)", "memcopy({A}, {B}, {C})", "memory may_trap"),
    ("MEMSET",  "rrr", "",   "mem[R[A]..+R[C]] := R[B] & 0xFF",       "memfill({A}, {B}, {C})",             "memory may_trap"),
    # ---- control flow (implemented by op_<NAME> in the interpreter)
    ("JMP",     "l",   "",   "goto L",                                None,                                 "terminator branch"),
    ("JZ",      "rl",  "",   "if R[A] == 0 goto L",                   None,                                 "branch"),
    ("JNZ",     "rl",  "",   "if R[A] != 0 goto L",                   None,                                 "branch"),
    ("JEQ",     "rrl", "",   "if R[A] == R[B] goto L",                None,                                 "branch"),
    ("JNE",     "rrl", "",   "if R[A] != R[B] goto L",                None,                                 "branch"),
    ("JLT",     "rrl", "",   "if R[A] < R[B] goto L  (signed)",       None,                                 "branch"),
    ("JLE",     "rrl", "",   "if R[A] <= R[B] goto L  (signed)",      None,                                 "branch"),
    ("JTAB",    "rk",  "",   "goto pc+1+R[A] if 0 <= R[A] < K (each a JMP), else pc+1+K", None,            "terminator table"),
    ("CALL",    "rFbn", "A",  "R[A] := FN(R[C], ..., R[C+N-1])  (0 if FN returns nothing)", None,          "call may_trap"),
    ("FCALL",   "fFbn", "A",  "F[A] := FN(R[C], ..., R[C+N-1])",       None,                                 "call may_trap"),
    ("CALLR",   "rrbn", "A",  "R[A] := (*R[B])(R[C], ..., R[C+N-1])",  None,                                 "call may_trap"),
    ("FCALLR",  "frbn", "A",  "F[A] := (*R[B])(R[C], ..., R[C+N-1])",  None,                                 "call may_trap"),
    ("RET",     "r",   "",   "return R[A]",                           None,                                 "terminator"),
    ("FRET",    "f",   "",   "return F[A]",                           None,                                 "terminator"),
    ("RETV",    "",    "",   "return (no value)",                     None,                                 "terminator"),
    ("VARARGS", "r",   "A",  "R[A] := address of the first variadic argument", None,                        ""),
    ("SYSCALL", "rn",  "A",  "R[A] := syscall R[A](R[A+1], ..., R[A+N])  (user mode: a trap to the kernel)", None,
     "may_trap privileged mode boundary"),
    ("TRAP",    "k",   "",   "raise guest trap K (see TRAPS)",        None,                                 "terminator may_trap"),
    # ---- the stack: a thread or a kernel switches stacks with these
    ("GETFP",   "r",   "A",  "R[A] := FP",                            None,                                 "machine"),
    ("GETSP",   "r",   "A",  "R[A] := SP  (FP - frame size, or what SETSP set for this frame)", None,      "machine"),
    ("SETFP",   "r",   "",   "FP := R[A]; go on at pc+1 with the same registers (its RET returns through the frame at R[A])", None, "machine may_trap"),
    ("SETSP",   "r",   "",   "SP := R[A]: this frame's calls push their frames below R[A]", None,       "machine may_trap"),
    ("GETSL",   "r",   "A",  "R[A] := stack limit (lowest address a frame may use)", None,               "machine"),
    ("SETSL",   "r",   "",   "stack limit := R[A]",                   None,                                 "machine may_trap"),
    # ---- the privileged machine: control and status registers, traps, interrupts
    ("CSRR",    "rk",  "A",  "R[A] := CSR[K]",                        None,
     "machine privileged may_trap mode interrupts traps mmu"),
    ("CSRW",    "kr",  "",   "CSR[K] := R[B]",                        None,
     "machine privileged may_trap mode interrupts traps mmu"),
    ("IRET",    "r",   "",   "resume what the trap frame at R[A] describes (mode, FP, PC, interrupts)", None,
     "machine privileged terminator may_trap mode interrupts traps"),
    ("CLI",     "",    "",   "interrupts off",                        None,                                 "machine privileged interrupts"),
    ("STI",     "",    "",   "interrupts on",                         None,                                 "machine privileged interrupts"),
    ("WFI",     "",    "",   "wait for an interrupt (the clock jumps to the next timer deadline)", None,  "machine privileged interrupts"),
    # ---- virtual memory and loaded code (pvm/machine/mmu.py, modules.py)
    ("TLBFLUSH", "r",  "",   "forget the TLB's translation of the page at R[A] (every page if R[A] == 0)", None,
     "machine privileged mmu"),
    ("MODLOAD", "rr",  "A",  "R[A] := handle of the bytecode image struct pvm_image R[B] names, verified (or -errno)", None,
     "machine privileged may_trap code mmu"),
    ("MODFREE", "r",   "",   "release the module handle R[A]",       None,                                 "machine privileged code"),
]

SENSITIVE_STATE = frozenset({"mode", "interrupts", "traps", "mmu", "devices", "code"})


class TableError(Exception):
    """The opcode table breaks a rule it must keep (a bug in isa.py)."""


def check_privileges(ops) -> None:
    """Popek and Goldberg's condition for a machine that can be virtualised:
    every sensitive instruction (one that touches the state above) is
    privileged, so in user mode it traps to the kernel instead of acting."""
    for op in ops:
        if op.sensitive and not op.has("privileged"):
            raise TableError(f"{op.name} touches {', '.join(sorted(op.flags & SENSITIVE_STATE))} "
                             f"but is not privileged: user code could use it unchecked")

OPS: list[Op] = [
    Op(name, code, kinds, writes, effect, py, frozenset(flags.split()))
    for code, (name, kinds, writes, effect, py, flags) in enumerate(_ROWS)
]
check_privileges(OPS)
BY_NAME: dict[str, Op] = {op.name: op for op in OPS}
BY_CODE: dict[int, Op] = {op.code: op for op in OPS}

# Operand kinds that name registers, and which register kind each needs.
REG_OPERANDS = frozenset("rfb")

# Calls whose callee is a function index operand (CALL, FCALL: ins[2]), and
# calls through a function pointer in a register (CALLR, FCALLR).
DIRECT_CALLS = frozenset(op.name for op in OPS if op.has("call") and "F" in op.operands)
INDIRECT_CALLS = frozenset(op.name for op in OPS if op.has("call") and "F" not in op.operands)

# Guest traps raised by TRAP K (the rest come from the machine itself).
TRAPS = {0: "abort", 1: "unreachable code reached", 2: "assertion failed"}


def table_hash() -> bytes:
    """A hash of the opcode table, stored in every bytecode file's header.

    Any change to a name, number, operand kind or template changes it, so a
    file built against another instruction set is refused on load.
    """
    h = hashlib.sha256()
    for op in OPS:
        h.update(f"{op.name}|{op.code}|{op.operands}|{op.py}\n".encode())
    return h.digest()[:8]


def templated(op: Op) -> bool:
    return op.py is not None


_PACK = {"r": "B", "f": "B", "b": "B", "n": "B", "k": "q", "x": "d", "l": "I", "F": "I"}
SIZE = {op.name: op.size for op in OPS}
# one struct per opcode: the opcode byte, then its operands
FORMAT = {op.name: __import__("struct").Struct("<B" + "".join(_PACK[k] for k in op.operands))
          for op in OPS}


def encode(ins: tuple) -> bytes:
    """The bytes of one instruction (OPNAME, operand, ...)."""
    return FORMAT[ins[0]].pack(BY_NAME[ins[0]].code, *ins[1:])


def encode_code(code: list[tuple]) -> bytes:
    return b"".join(encode(ins) for ins in code)
