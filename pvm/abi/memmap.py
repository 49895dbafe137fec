"""(Placeholder until the devices branch lands: the values the machine uses.)"""
DEVICE_BASE = 0x7F0000000000
CSR_STATUS, CSR_TVEC, CSR_KSTACK, CSR_KSLIMIT, CSR_IPENDING, CSR_IMASK, CSR_PTBR = range(7)
STATUS_USER, STATUS_IE, STATUS_PREV_USER, STATUS_PREV_IE = 1, 2, 4, 8
CAUSE_SYSCALL, CAUSE_ILLEGAL, CAUSE_FAULT_READ, CAUSE_FAULT_WRITE, CAUSE_FAULT_EXEC = 1, 2, 3, 4, 5
CAUSE_PROTECTION, CAUSE_DIVIDE, CAUSE_BREAKPOINT, CAUSE_BADCALL, CAUSE_STACK = 6, 7, 8, 9, 10
CAUSE_INTERRUPT = 16
IRQ_TIMER, IRQ_CONSOLE, IRQ_DISK = 0, 1, 2
TRAPFRAME_FIELDS = [("cause", 1), ("value", 1), ("pc", 1), ("fp", 1), ("status", 1),
                    ("slimit", 1), ("a", 7), ("ret", 1)]
TRAPFRAME_OFFSET = {}
_at = 0
for _name, _count in TRAPFRAME_FIELDS:
    TRAPFRAME_OFFSET[_name] = _at
    _at += 8 * _count
TRAPFRAME_SIZE = _at
