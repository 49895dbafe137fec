"""Parameters every caller passes the same constant: what gcc's IPA-CP finds.

A generic routine called with one comparison function and one element size
(`sort(base, n, sizeof(int), cmp_int)`) calls through a pointer that never
changes; gcc -O2 clones it for that pointer (`sort.constprop.0`) and inlines
the comparison.  The lowering can do the same when the program is closed:
if function k's address is never taken (no FADDR of it, and its address is
nowhere in the initial data), every call of it is a direct call in the
program, and if at each of them parameter i gets the same constant (an LI
or FADDR just before the call, in the same block) or, in k's own recursive
calls, its own parameter i passed on unchanged, then parameter i *is* that
constant.  lower.py then starts k's native code with the constant in that
register, and an indirect call through it becomes a direct call (which
inline.py may copy).  Only for a closed code space: the REPL can add a
caller later (codespace.py CodeSpace.closed)."""
from __future__ import annotations

import struct

from pvm import isa
from pvm.bytecode.cfg import leaders
from .liveness import uses_defs

SAME = ("same",)        # a recursive call passing the parameter on unchanged
# inline.py copies callees of at most this many instructions; here, without
# llvmlite, so that the tier can name what a unit may copy (copied)
MAX_INLINED = 48


def _argument(code: list, pc: int, r: int, starts: set, recursive: bool, i: int,
              unwritten: int):
    """What register r holds at the call at pc: ("k", value), ("f", k),
    SAME, or None (unknown), from the last instruction of the block that
    sets it."""
    at = pc - 1
    while at >= 0:
        ins = code[at]
        if uses_defs(ins)[1] >> r & 1:
            if ins[0] == "LI":
                return ("k", ins[2])
            if ins[0] == "FADDR":
                return ("f", ins[2])
            if recursive and ins[0] == "MOV" and ins[2] == i and unwritten >> i & 1:
                return SAME
            return None
        if at in starts:
            break
        at -= 1
    return None


def constant_params(space, k: int) -> dict:
    """{parameter index: ("k", value) or ("f", function)} for function k of
    a closed code space (none for an open one)."""
    if not space.closed:
        return {}
    if "constant_params" not in space.facts:
        space.facts["constant_params"] = _whole_program(space.program, space.layout)
    return space.facts["constant_params"].get(k, {})


def _whole_program(program, layout) -> dict:
    fns = program.functions
    unwritten: dict = {}            # function -> registers it never writes, made on use

    def never_written(k: int) -> int:
        if k not in unwritten:
            written = 0
            for ins in fns[k].code:
                written |= uses_defs(ins)[1]
            unwritten[k] = ~written
        return unwritten[k]

    taken, found = set(), {}
    for j, caller in enumerate(fns):
        starts = None
        for pc, ins in enumerate(caller.code):
            if ins[0] == "FADDR":
                taken.add(ins[2])
            elif ins[0] in isa.DIRECT_CALLS:
                k = ins[2]
                callee = fns[k]
                if callee.variadic or callee.nparams == 0:
                    continue
                if starts is None:
                    starts = set(leaders(caller.code))
                params = found.setdefault(k, {})
                base, n = ins[3], ins[4]
                for i in range(min(n, callee.nparams)):
                    v = _argument(caller.code, pc, base + i, starts, j == k, i,
                                  never_written(k) if j == k else 0)
                    if v is SAME:
                        continue
                    if v is None or params.setdefault(i, v) != v:
                        params[i] = None
    initial = bytes(program.data) + b"\0" + bytes(program.rodata)
    out = {}
    for k, params in found.items():
        params = {i: v for i, v in params.items() if v is not None}
        if not params or k in taken or k == program.entry:
            continue
        if struct.pack("<Q", layout.function_address[k]) in initial:
            continue                                       # a pointer to it in initial data
        out[k] = params
    return out


# ---- the functions an indirect call can reach ---------------------------------------
MAX_GUESSES = 3         # candidates an indirect call tests before the generic path


def call_shape(kinds: str, returns: str) -> tuple:
    """The shape an indirect call and its target must agree on (the
    generic path's signature check, context.signature)."""
    return kinds, returns or "q"


def indirect_targets(space, shape: tuple) -> list:
    """The functions of a closed program an indirect call of this shape can
    reach: those whose address the program takes (an FADDR, or the address
    in its initial data) with that shape, if there are at most MAX_GUESSES;
    else none.  gcc devirtualizes such calls only with a profile; here the
    program is closed, so an indirect call can test the few candidates and
    call (or copy) the one it finds directly, and any other address (one an
    integer made) still takes the generic path."""
    if not space.closed:
        return []
    if "indirect_targets" not in space.facts:
        space.facts["indirect_targets"] = _address_taken(space.program, space.layout)
    found = space.facts["indirect_targets"].get(shape, [])
    return found if len(found) <= MAX_GUESSES else []


def _address_taken(program, layout) -> dict:
    fns = program.functions
    taken = {ins[2] for fn in fns for ins in fn.code if ins[0] == "FADDR"}
    initial = bytes(program.data) + b"\0" + bytes(program.rodata)
    taken |= {k for k in range(len(fns)) if k not in taken
              and struct.pack("<Q", layout.function_address[k]) in initial}
    out: dict = {}
    for k in sorted(taken):
        fn = fns[k]
        if not fn.variadic:
            out.setdefault(call_shape(fn.kinds[:fn.nparams], fn.returns), []).append(k)
    return out


def copied(program, unit: list) -> tuple:
    """The other functions whose bodies the unit's native code may contain
    (inline.py inlinable): part of its cache key, since the code differs
    with them."""
    out = set()
    for i in unit:
        for ins in program.functions[i].code:
            if ins[0] in isa.DIRECT_CALLS and ins[2] != i:
                callee = program.functions[ins[2]]
                if not callee.variadic and len(callee.code) <= MAX_INLINED:
                    out.add(ins[2])
    return tuple(sorted(out))
