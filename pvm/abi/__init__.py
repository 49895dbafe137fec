"""The guest ABI: what a guest program and the machine agree on.

syscalls   the system calls (numbers, C parameters)
errno      the errno values a failing call returns negated
fcntl      the open() flags and lseek() origins
memmap     the memory map: devices and their registers, interrupt lines, CSRs,
           trap causes, the trap frame
headers    the C headers generated from those tables (`python -m pvm.abi`)
"""
