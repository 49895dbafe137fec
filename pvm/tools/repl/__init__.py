"""`pvm repl`: a C prompt over one live machine."""
