"""`pvm debug`: a source-level debugger with gdb's commands."""
