"""The machine: its state (memory, registers, frames, fuel), traps and the host services."""
