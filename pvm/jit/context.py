"""The context block shared by native code and Python: one array of int64.

Native code receives a pointer to it as its first argument.  It is how
compiled code finds the call tables, and how it tells the
Python side why it stopped (`STATUS`) and where (`FUNC`, `PC`, `FP`).  The
slot numbers below are the whole interface; lower.py and bridge.py both use
these names, nothing else.
"""
from __future__ import annotations

import ctypes
import hashlib

# slot numbers (0 and 1 are free: native code finds guest memory through a
# link-time symbol, see lower.guest_memory, and its size is a constant)
FUEL = 2           # instructions left (kept in a register between calls)
STATUS = 3         # why native code stopped (see below); 0 while running
FUNC = 4           # where it stopped: function index ...
PC = 5             # ... instruction index
FP = 6             # ... and frame pointer
RETVAL = 7         # unused by native-to-native calls; the bridge's return value
ADDR = 8           # fault address, trap number, or exit status
CALLEE = 9         # function to call through the main loop (STATUS_FLATCALL)
NARGS = 10         # its argument count; the arguments are in ARGS
FLOOR = 11         # lowest FP native calls may use (bounds the C stack)
STACK_LIMIT = 12   # lowest address the guest stack may use
TABLE = 13         # address of int64[nfuncs]: native entry of each function, or 0
ADDR2FUNC = 14     # address of int32[text size]: function index + 1 at its text address
SHAPE = 15         # address of int64[nfuncs]: nparams, or -1 if variadic
FRAME_BYTES = 16   # address of int64[nfuncs]: 8*nregs + frame_size
SYSCALL = 17       # address of the system call callback
SIGNATURE = 18     # address of int64[nfuncs]: hash of (param kinds, return kind)
# paged code only (pvm/jit/lower_memory.py): the TLB is the link-time symbol
# TLB_SYMBOL; these are its slow paths
FILL = 19          # address of the TLB-fill callback: int64 fill(ctx, va, width, access)
BLOCKOP = 20       # address of the block-operation callback (paged MEMCPY/MEMSET)
LOST = 21          # a save-area slot native code could not translate (its address), or 0
SCRATCH = 22       # where such a slot's value goes instead
ROOT = 23          # the page-table root (CSR_PTBR) for native TLB refills, set on each entry
STACK_ADDEND = 24  # paged: physical minus virtual address of the stack run [FLOOR, entry FP)
MISSES = 25        # paged: TLB misses of native code so far (for bench/tests)
ARGS = 32          # first of 256 argument slots
SIZE = ARGS + 256

# STATUS values: 0 = running / returned normally
STATUS_STEP = 1          # fuel does not cover the next block: finish in the stepper
STATUS_FLATCALL = 2      # call CALLEE through the main loop, then resume at PC
STATUS_SEGV_READ = 3     # ADDR = faulting address
STATUS_SEGV_WRITE = 4
STATUS_DIV0 = 5
STATUS_DIV_OVERFLOW = 6
STATUS_STACK = 7         # stack overflow entering function FUNC
STATUS_BADCALL = 8       # indirect call to a non-function address ADDR
STATUS_TRAP = 9          # TRAP instruction, ADDR = its number
STATUS_EXIT = 10         # exit system call, ADDR = status
STATUS_HOST_ERROR = 11   # an exception inside a host callback (a bug in pvm)

Context = ctypes.c_int64 * SIZE

# int64 syscall(int64 *ctx, int64 number, int64 a1, ..., int64 a6)
SYSCALL_TYPE = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.POINTER(ctypes.c_int64),
                                *([ctypes.c_int64] * 7))

# int64 fill(int64 *ctx, int64 va, int64 width, int64 access): the addend, or MISS
FILL_TYPE = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.POINTER(ctypes.c_int64),
                             *([ctypes.c_int64] * 3))
# int64 block(int64 *ctx, int64 op (0 copy, 1 fill), int64 dst, int64 src_or_byte, int64 n):
# 0, or 1 if it faulted (nothing was written)
BLOCKOP_TYPE = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.POINTER(ctypes.c_int64),
                                *([ctypes.c_int64] * 4))
ACCESSES = ("read", "write", "execute")    # the access argument of FILL, the TLB word

# guest memory byte 0, a symbol resolved when object code loads (objload.py)
MEMORY_SYMBOL = "pvm_guest_memory"
# paged code: the MMU's native TLB, int64[TLB_ENTRIES][4] (pvm/machine/mmu.py)
TLB_SYMBOL = "pvm_guest_tlb"


def signature(kinds: str, returns: str) -> int:
    """A number naming a call shape; indirect calls compare it at run time."""
    text = f"{kinds}:{returns or 'q'}".encode()
    return int.from_bytes(hashlib.sha256(text).digest()[:7], "little")
