"""The guest ABI: what a guest program and the machine agree on.

syscalls   the system calls (numbers, C parameters)
errno      the errno values a failing call returns negated
fcntl      the open() flags and lseek() origins
headers    the C headers generated from those tables (`python -m pvm.abi`)
"""
