"""Robustness: random and mutated source text never crashes the compiler.

Whatever the input (binary junk, unterminated comments and strings, deep
nesting, mutated valid programs), compiling gives a Program or a
CompileError, never another exception or a hang.
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.diagnostics import CompileError
from compiler.driver import compile_source

SEED = """
typedef struct node { int v; struct node *next; } node;
static int table[4] = {1, 2, 3, 4};
enum { A, B = 3 };
double scale(double x) { return x * 1.5f; }
int walk(node *n) { int s = 0; while (n) { s += n->v; n = n->next; } return s; }
int main(int argc, char **argv) {
    node a = { 1, 0 }, b = { .v = 2, .next = &a };
    char buf[8] = "hi";
    unsigned long u = sizeof buf;
    for (int i = 0; i < 4; i++) { switch (i) { case A: break; default: u += table[i]; } }
    return walk(&b) + (int)u + (argc > 1 ? argv[1][0] : 'x') + (int)scale(2);
}
"""

TOKENS = ["int", "char", "*", "(", ")", "{", "}", "[", "]", ";", ",", "=", "+", "-", "x", "y", "1", "0x",
          "'a'", '"s"', "struct", "typedef", "if", "else", "while", "for", "return", "sizeof", "?", ":",
          "->", ".", "...", "&", "++", "/*", "*/", "//", "\\", "#", "\n", "switch", "case", "default",
          "enum", "union", "double", "1.5e", "goto", "L:", "static", "const", "void", "unsigned"]


def compiles_or_reports(src: str) -> None:
    try:
        compile_source(src, link_stdlib=False)
    except CompileError as exc:
        assert "internal compiler error" not in str(exc), str(exc)


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@fuzz
@given(st.text(max_size=200))
def test_random_text(src):
    compiles_or_reports(src)


@fuzz
@given(st.binary(max_size=200))
def test_binary_junk(data):
    compiles_or_reports(data.decode("latin-1"))


@fuzz
@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_token_soup(tokens):
    compiles_or_reports(" ".join(tokens))


@fuzz
@given(st.data())
def test_mutated_valid_program(data):
    src = SEED
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(src)))
        j = data.draw(st.integers(i, min(len(src), i + 12)))
        src = src[:i] + data.draw(st.sampled_from(TOKENS + [""])) + src[j:]
    compiles_or_reports(src)


def test_seed_program_compiles():
    compile_source(SEED + "\nvoid _start(int c, char **v) { }", link_stdlib=False)


def test_deep_nesting_is_reported_not_crashing():
    for src in ["int main(void) { return " + "(" * 10000 + "1" + ")" * 10000 + "; }",
                "int main(void) " + "{" * 10000 + "}" * 10000,
                "int main(void) { return " + "-" * 10000 + "1; }"]:
        compiles_or_reports(src)
