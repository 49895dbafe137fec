"""The C preprocessor: tokens, directives, macro expansion, #if expressions."""
