"""A code space: one loaded program, and the facts about its code that the
machine and both tiers read.

The Program (functions, rodata, data) is verified and read-only; the code
space adds where each function's text lies (`layout`, `text_offsets`),
which text addresses are functions (`function_at`) and which are valid
return addresses (`return_points`).  Nothing here depends on a tier.

Tiers keep their own per-function code (the interpreter's translations, the
JIT's native code and tables).  When the program changes while it runs (the
REPL defines or redefines a function), the code space tells every tier that
registered with it, through a small protocol:

    tier.functions_added()    the program has more functions: grow tables
    tier.forget(k)            function k's code changed: drop what was made
    tier.embeds_callees       functions whose made code includes callees'
                              code directly (their callers must be redone)
"""
from __future__ import annotations

from itertools import accumulate

from pvm import isa
from pvm.bytecode.cfg import resume_points
from pvm.bytecode.program import Program, program_layout

_encoders: dict = {}          # opcode name -> (its struct's pack, its opcode), made on first use


def encode_code(code: list[tuple]) -> bytes:
    """isa.encode_code, with the table lookups of each instruction done once
    per opcode (a program's whole text is encoded at every load)."""
    enc = _encoders
    if not enc:
        enc.update((op.name, (isa.FORMAT[op.name].pack, op.code)) for op in isa.OPS)
    out = []
    for ins in code:
        pack, opcode = enc[ins[0]]
        out.append(pack(opcode, *ins[1:]))
    return b"".join(out)


class CodeSpace:
    def __init__(self, program: Program, key: str | None = None):
        self.program = program
        self.key = key                  # the program's digest: caches of made code; None: none
        self.layout = program_layout(program)
        self.text_offsets: list = []    # per function: text address of each instruction
        self.return_points: dict = {}   # text address -> (function, instruction index)
        self.function_at: dict = {}     # text address of a function's entry -> its index
        self.tiers: list = []           # registered tiers (see the module docstring)
        self._locations: dict | None = None   # text address -> (function, index), made on use
        # closed: `program` holds every caller of every function, for good
        # (pvm run); a tier may then derive facts from the whole program
        # (pvm/jit/interproc.py), kept in `facts`.  The REPL's space is open.
        self.closed = key is not None
        self.facts: dict = {}
        for k, address in enumerate(self.layout.function_address):
            self.text_offsets.append([])
            self._place(k, address)

    # ---- facts per function ------------------------------------------------
    def frame_bytes(self, k: int) -> int:
        """Bytes of function k's frame below FP: register save area + locals."""
        return self.program.functions[k].frame_bytes

    def call_shape(self, k: int) -> int:
        """How many register arguments a call of k passes; -1 if variadic."""
        return self.program.functions[k].call_shape

    def location(self, address: int) -> tuple | None:
        """(function, instruction index) of the instruction at a text
        address, or None: where a trap frame's PC resumes."""
        if self._locations is None:
            self._locations = {a: (k, j) for k, offsets in enumerate(self.text_offsets)
                               for j, a in enumerate(offsets)}
        return self._locations.get(address)

    def text(self, k: int) -> bytes:
        return encode_code(self.program.functions[k].code)

    def _place(self, k: int, address: int) -> None:
        fn = self.program.functions[k]
        size = isa.SIZE
        offsets = list(accumulate([size[ins[0]] for ins in fn.code], initial=address))
        offsets.pop()                   # the end of the function
        self.text_offsets[k] = offsets
        self._locations = None
        for j in resume_points(fn.code):
            self.return_points[offsets[j]] = (k, j)
        self.function_at[address] = k

    def write_image(self, memory) -> None:
        """Put the program's text, rodata and initial data into guest memory
        (a GuestMemory): text is a read-only shadow, for pointers into it."""
        p, lay = self.program, self.layout
        for k, address in enumerate(lay.function_address):
            memory.load_image(address, self.text(k))
        memory.load_image(lay.rodata_base, p.rodata)
        memory.load_image(lay.data_base, p.data)

    # ---- a live program: changed while it runs (REPL, debugger) ------------
    def _open(self) -> None:
        """The program changes: whole-program facts no longer hold, so the
        code made from them is dropped (once: an open space has none)."""
        if self.closed:
            self.closed = False
            self.facts.clear()
            for tier in self.tiers:
                for k in range(len(self.program.functions)):
                    tier.forget(k)

    def add_function(self, fn, address: int, memory) -> int:
        """Load one more function at text `address`; returns its index."""
        self._open()
        k = len(self.program.functions)
        self.program.functions.append(fn)
        lay = self.layout
        self.layout = lay.replace(function_address=lay.function_address + (address,))
        self.text_offsets.append([])
        self._place(k, address)
        memory.load_image(address, self.text(k))
        for tier in self.tiers:
            tier.functions_added()
        return k

    def replace_function(self, k: int, fn, address: int, memory) -> list[int]:
        """Give function k new code (same calling shape) at `address`.
        Calls by index and pointers to its old address now reach the new
        code.  Returns the functions whose made code was dropped because
        they called the old one."""
        self._open()
        for a in self.text_offsets[k][1:]:
            self.return_points.pop(a, None)
        self.program.functions[k] = fn
        addrs = list(self.layout.function_address)
        addrs[k] = address
        self.layout = self.layout.replace(function_address=tuple(addrs))
        self._place(k, address)
        memory.load_image(address, self.text(k))
        dropped = self.callers_of(k)
        for tier in self.tiers:
            tier.functions_added()          # shapes and addresses changed
            for i in [k] + dropped:
                tier.forget(i)
        return dropped

    def callers_of(self, k: int) -> list[int]:
        """Functions whose made code depends on function k's: its direct
        callers, and, where a tier's code embeds callees (native code is
        compiled together and calls directly), their callers again."""
        fns = self.program.functions
        callers: dict[int, set] = {}
        for i, f in enumerate(fns):
            for ins in f.code:
                if ins[0] in isa.DIRECT_CALLS and 0 <= ins[2] < len(fns):
                    callers.setdefault(ins[2], set()).add(i)
        embedding = set()
        for tier in self.tiers:
            embedding |= tier.embeds_callees
        out, work = set(), [k]
        while work:
            j = work.pop()
            for i in callers.get(j, ()):
                if i not in out and i != k:
                    out.add(i)
                    if i in embedding:
                        work.append(i)
        return sorted(out)
