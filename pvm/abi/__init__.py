"""The guest ABI: what a guest program and the machine agree on (system calls, errno, O_* flags)."""
