"""pvm repl: driven through piped stdin and through a pseudo-terminal."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pvm.tools.repl.reader import needs_more

ROOT = Path(__file__).resolve().parents[3]


def repl(text: str, *args, cwd=None, env=None):
    """Run `pvm repl` with `text` on stdin: (status, stdout lines, stderr)."""
    r = subprocess.run([sys.executable, "-m", "pvm", "repl", *args], input=text.encode(),
                       capture_output=True, timeout=120, cwd=cwd or ROOT,
                       env=dict(os.environ, **(env or {})))
    assert b"Traceback" not in r.stderr, r.stderr.decode()
    return r.returncode, r.stdout.decode().splitlines(), r.stderr.decode()


def test_values_print_with_their_types():
    status, out, err = repl(
        '#include <stdio.h>\n'
        'struct point { int x, y; };\n'
        'struct point p = {1, 2};\n'
        'int arr[3] = {4, 5, 6};\n'
        'char *s = "hello";\n'
        'int sq(int x) { return x * x; }\n'
        '40 + 2\n'
        '1.0 / 2\n'
        '(float)1 / 3\n'
        'p\n'
        'arr\n'
        's\n'
        "(char)'a'\n"
        '-1 + 0u\n'
        'sq\n'
        '&p\n'
        '(void)0\n')
    assert status == 0, err
    assert out[0] == "(int) 42"
    assert out[1] == "(double) 0.5"
    assert out[2] == "(float) 0.33333334"
    assert out[3] == "(struct point) {x = 1, y = 2}"
    assert out[4] == "(int [3]) {4, 5, 6}"
    assert out[5].startswith("(char *) 0x") and out[5].endswith(' "hello"')
    assert out[6] == "(char) 97 'a'"
    assert out[7] == "(unsigned int) 4294967295"
    assert out[8].startswith("(int (int)) 0x") and out[8].endswith(" <sq>")
    assert out[9].startswith("(struct point *) 0x") and out[9].endswith(" <p>")
    assert len(out) == 10                     # a void expression prints nothing


def test_declarations_accumulate_and_statements_run():
    status, out, err = repl(
        '#include <stdio.h>\n'
        '#define N 4\n'
        'typedef unsigned long ulong;\n'
        'enum color { RED, GREEN = 5 };\n'
        'ulong total = 0;\n'
        'for (int i = 0; i < N; i++) {\n'
        '    total += i;\n'
        '}\n'
        'printf("total %lu\\n", total);\n'
        'GREEN * total\n'
        'int y = GREEN * 2;\n'           # not a constant initializer: assigned at once
        'int z = y + 1;\n'
        'z\n')
    assert status == 0, err
    assert out == ["total 6", "(unsigned long) 30", "(int) 11"]


def test_redefining_a_function_replaces_it_for_later_calls():
    status, out, err = repl(
        'int twice(int x) { return 2 * x; }\n'
        'int use(void) { return twice(10); }\n'
        'use()\n'
        'int twice(int x) { return 3 * x; }\n'
        'use()\n'
        'double twice(double x) { return x / 2; }\n'
        'twice(3)\n'
        'use()\n')
    assert status == 0, err
    assert out == ["(int) 20", "(int) 30", "(double) 1.5", "(int) 30"]
    assert "'use' still calls the old 'twice'" in err


def test_main_is_called_like_any_function():
    status, out, err = repl(
        'int main(void) { return 3; }\n'
        'main()\n'
        'main() * 2\n'
        'int main(int argc, char **argv) { return argc + (argv == 0); }\n'
        'main(40, 0)\n')
    assert status == 0, err
    assert out == ["(int) 3", "(int) 6", "(int) 41"]


def test_a_session_may_define_a_library_name_and_the_library_keeps_its_own():
    status, out, err = repl(
        '#include <stdio.h>\n'
        'printf("%s\\n", "abc")\n'
        'unsigned long strlen(const char *s) { return 42; }\n'
        'strlen("ab")\n'
        'printf("%s\\n", "xyz")\n')
    assert status == 0, err
    assert out == ["abc", "(int) 4", "(unsigned long) 42", "xyz", "(int) 4"]
    assert "still calls" not in err


def test_errors_keep_the_session_and_traps_restore_the_machine():
    status, out, err = repl(
        '#include <assert.h>\n'
        'int g = 1;\n'
        'nope + 1\n'
        'g\n'
        'g = 5; *(int *)0 = 1;\n'
        'g\n'
        'int down(int n) { return down(n + 1) + 1; }\n'
        'down(0)\n'
        'g = 6; assert(g == 7);\n'
        'g\n'
        'int zero = 0;\n'
        'g / zero\n'
        'g + 1\n')
    assert status == 0, err
    assert out == ["(int) 1", "(int) 1", "(int) 1", "(int) 2"]
    assert "error: use of undeclared identifier 'nope'" in err
    assert "    1 | nope + 1\n      | ^" in err
    assert "Segmentation fault: write of address 0x0" in err
    assert "Stack overflow in down" in err
    assert "Assertion `g == 7' failed." in err
    assert "Floating point exception: integer division by zero" in err
    assert err.count("back in its state before this input") == 4


def test_exit_ends_the_session_with_its_status():
    status, out, err = repl('#include <stdlib.h>\n#include <stdio.h>\nprintf("bye\\n");\nexit(3);\n1\n')
    assert status == 3
    assert out == ["bye"]


def test_meta_commands(tmp_path):
    (tmp_path / "lib.c").write_text("int triple(int x) { return 3 * x; }\nint counter = 41;\n")
    status, out, err = repl(
        ':help\n'
        ':load lib.c\n'
        'triple(counter)\n'
        ':dis triple\n'
        ':mem &counter 4\n'
        ':mem 0\n'
        ':regs\n'
        ':time triple(2)\n'
        ':tier\n'
        ':jit triple\n'
        ':nope\n'
        ':reset\n'
        'counter\n'
        ':quit\n'
        '1\n', cwd=tmp_path)
    text = "\n".join(out)
    assert status == 0, err
    assert ":load FILE.c" in text and ":time EXPR" in text        # :help
    assert "(loaded lib.c)" in text
    assert "(int) 123" in text
    assert ".func triple params=1" in text and "MUL64" in text    # :dis
    assert "29 00 00 00" in text                                  # :mem: 41 little-endian
    assert "Cannot access memory at address 0x0" in text
    assert "tier interp" in text
    assert "interp: " in text and " ms" in text                   # :time
    assert "triple: not compiled: the tier is interp" in text     # :jit
    assert "unknown command ':nope'" in err
    assert "(a fresh machine)" in text
    assert "use of undeclared identifier 'counter'" in err        # :reset forgot it
    assert out[-1] != "(int) 1"                                   # :quit stopped reading


def test_jit_tier_runs_repl_functions():
    pytest.importorskip("llvmlite")
    status, out, err = repl(
        'int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n'
        ':tier jit\n'
        'fib(20)\n'
        ':jit fib\n'
        'int fib(int n) { return n; }\n'
        'fib(20)\n'
        ':tier auto\n'
        'fib(7)\n')
    assert status == 0, err
    assert "(int) 6765" in out
    assert "fib: compiled to native code" in out
    assert "(int) 20" in out and "(int) 7" in out


def test_needs_more_sees_unfinished_input():
    assert needs_more("int f(void) {")
    assert needs_more("int x = (1 +")
    assert needs_more("/* a comment")
    assert not needs_more('char *s = "abc')            # an error to report, not more input
    assert needs_more("#define A \\")
    assert not needs_more("int f(void) { return '}'; }")
    assert not needs_more('puts("{")')
    assert not needs_more("x // {")


# ---- through a pseudo-terminal -------------------------------------------------------

def spawn(tmp_path, *args):
    pexpect = pytest.importorskip("pexpect")
    if not os.path.exists("/dev/ptmx"):
        pytest.skip("no pseudo-terminals here")
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", PVM_HISTORY=str(tmp_path / "history"),
               TERM="xterm")
    return pexpect.spawn(sys.executable, ["-m", "pvm", *args], env=env, encoding="utf-8",
                         timeout=60, dimensions=(24, 200), cwd=str(ROOT))


def test_terminal_session_with_ctrl_c_multiline_completion_and_history(tmp_path):
    c = spawn(tmp_path, "repl")
    c.expect("pvm>")
    c.sendline("int counter = 41;")
    c.expect("pvm>")
    c.sendline("int bump(int by) {")            # multi-line: continues while braces are open
    c.expect(r"\.\.\.>")
    c.sendline("  return counter += by;")
    c.expect(r"\.\.\.>")
    c.sendline("}")
    c.expect("pvm>")
    c.send("bu\t")                               # Tab completes the name
    c.expect("bump")
    c.sendline("(1)")
    c.expect(r"\(int\) 42")
    c.expect("pvm>")
    c.sendline("while (1) counter++;")
    c.expect("while")
    import time
    time.sleep(0.5)
    c.sendintr()                                 # Ctrl-C stops the runaway loop
    c.expect("Interrupted")
    c.expect("pvm>")
    c.sendline("counter")                        # ... and the machine is as it was
    c.expect(r"\(int\) 42")
    c.expect("pvm>")
    c.sendline(":quit")
    c.expect(pytest.importorskip("pexpect").EOF)
    c.close()
    assert c.exitstatus == 0
    assert "bump(1)" in (tmp_path / "history").read_text()


def test_ctrl_c_stops_a_loop_on_the_jit_tier_too(tmp_path):
    pytest.importorskip("llvmlite")
    c = spawn(tmp_path, "repl", "--tier=jit")
    c.expect("pvm>")
    c.sendline("int n = 0;")
    c.expect("pvm>")
    c.sendline("while (1) n++;")
    c.expect("while")
    import time
    time.sleep(1.5)
    c.sendintr()
    c.expect("Interrupted")
    c.expect("pvm>")
    c.sendline("n")
    c.expect(r"\(int\) 0")
    c.sendline(":quit")
    c.expect(pytest.importorskip("pexpect").EOF)


def test_the_repl_links_through_the_compilers_linker():
    """One linker: REPL inputs are linked by compiler/link.py's incremental
    mode; stdlib members come in once, and the machine agrees with the
    linker on where every function is."""
    from io import StringIO
    from compiler.link import Linker
    from pvm.tools.repl.repl import Repl
    out, err = StringIO(), StringIO()
    r = Repl(stdout=out, stderr=err)
    linker = r.evaluator.loader.linker
    assert isinstance(linker, Linker)
    for text in ('#include <string.h>', 'strlen("abc")', 'static const char *t = "xy";',
                 'strlen(t) + strlen("q")', 'int nope(void);', 'nope() + 1'):
        r.handle(text)
    assert out.getvalue().splitlines() == ["(unsigned long) 3", "(unsigned long) 3"]
    assert "in function '__repl_6': undefined reference to 'nope'" in err.getvalue()
    assert [f.name for f in r.machine.program.functions].count("strlen") == 1
    assert list(r.machine.layout.function_address) == linker.function_address
    assert r.machine.program.functions == linker.functions
