"""Bytecode: programs and their layout, the file format, the verifier, assembler and disassembler."""
