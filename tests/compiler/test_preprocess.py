"""Tests of the C preprocessor (compiler/preprocess/preprocessor.py and compiler/pp_*.py).

Semantics are checked three ways: the examples of the C99 standard with
their documented results, gcc -E on the case files in pp_cases/ and on random
macro programs (token sequences must match), and hand-written cases for the
line map, diagnostics, include search and robustness.  A hypothesis test
throws random and mutated text at it: only PreprocessError may come out.
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.preprocess.files import SYSTEM_INCLUDE_DIR
from compiler.preprocess.lex import lex
from compiler.preprocess.preprocessor import PreprocessError, preprocess

CASES = Path(__file__).parent / "pp_cases"
HAVE_GCC = shutil.which("gcc") is not None
needs_gcc = pytest.mark.skipif(not HAVE_GCC, reason="gcc is not installed")


def pp(text, name="t.c", **kw):
    return preprocess(name, text=text, **kw)


def toks(text):
    """The token texts of some C text: how outputs are compared."""
    return [t.text for t in lex(text).tokens]


def out_toks(text, **kw):
    return toks(pp(text, **kw).text)


def error_of(text, name="t.c", **kw):
    with pytest.raises(PreprocessError) as info:
        preprocess(name, text=text, **kw)
    return info.value


def gcc_tokens(path, cwd, include_dirs=()):
    """gcc's output for a file, as tokens (#pragma lines, which we drop, removed)."""
    args = ["gcc", "-std=gnu99", "-undef", "-E", "-P"] + [f"-I{d}" for d in include_dirs]
    r = subprocess.run(args + [str(path)], cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        return None
    lines = [ln for ln in r.stdout.split("\n") if not ln.lstrip().startswith("#pragma")]
    return toks("\n".join(lines))


# --- the interface ---------------------------------------------------------

def test_result_has_one_text_line_per_line_map_entry():
    res = pp("#define N 3\nint a[N];\n\n/* c */ int b;\n")
    assert res.text.split("\n")[:-1] == ["", "int a[3];", "", "        int b;"]
    assert res.text.endswith("\n")
    assert res.line_map == [("t.c", 1), ("t.c", 2), ("t.c", 3), ("t.c", 4)]
    assert res.includes == [] and res.warnings == []


def test_empty_input_gives_empty_output():
    res = pp("")
    assert res.text == "" and res.line_map == []


def test_file_is_read_from_disk(tmp_path):
    src = tmp_path / "main.c"
    src.write_text("#define X 42\nint x = X;\n")
    res = preprocess(str(src))
    assert toks(res.text) == toks("int x = 42;")
    assert res.line_map[1] == (str(src), 2)


def test_missing_main_file_is_an_error(tmp_path):
    with pytest.raises(PreprocessError) as info:
        preprocess(str(tmp_path / "nope.c"))
    assert "cannot open file" in str(info.value)


def test_defines_from_the_command_line():
    assert out_toks("A B F(2) D", defines={"A": "1", "B": "x + y", "F(v)": "v*v", "D": None}) \
        == toks("1 x + y 2*2 1")


def test_bad_command_line_define_names_command_line():
    err = error_of("x", defines={"3": "1"})
    assert err.diagnostics[0][0] == "<command-line>"


def test_lines_without_macros_keep_their_text_and_columns():
    src = "int main(void) {\n\treturn f(a,  b) /* c */ + 1;\n}\n"
    lines = pp(src).text.split("\n")
    assert lines[0] == "int main(void) {"
    assert lines[1] == "\treturn f(a,  b)         + 1;"


def test_tokens_after_a_shorter_expansion_keep_their_column():
    line = pp("#define LONGNAME 1\nx = LONGNAME + y;\n").text.split("\n")[1]
    assert line.index("y") == "x = LONGNAME + y;".index("y")


# --- the C99 standard's examples (6.10.3.5) ------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("std_example3.c",
     """f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
        f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
        int i[] = { 1, 23, 4, 5, };
        char c[2][6] = { "hello", "" };"""),
    ("std_example4.c",
     r"""printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
        fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
        "vers2.h"
        "hello";
        "hello" ", world" """),
    ("std_example5_7.c",
     """int j[] = { 123, 45, 67, 89, 10, 11, 12, };
        fprintf(stderr, "Flag" );
        fprintf(stderr, "X = %d\\n", x );
        puts( "The first, second, and third items." );
        ((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));"""),
])
def test_standard_examples(name, expected):
    res = preprocess(str(CASES / name))
    assert toks(res.text) == toks(expected)
    assert res.warnings == []     # the redefinitions in example 6 are identical


# --- agreement with gcc ------------------------------------------------------------

@needs_gcc
@pytest.mark.parametrize("name", sorted(p.name for p in CASES.glob("*.c")))
def test_case_file_matches_gcc(name):
    want = gcc_tokens(name, CASES, ["inc"])
    assert want is not None, "gcc rejected the case file"
    got = preprocess(name_path := str(CASES / name), include_dirs=[str(CASES / "inc")])
    # __FILE__ is spelled as each was given the name; compare without the directory.
    got_toks = [t.replace(str(CASES) + "/", "") for t in toks(got.text)]
    assert got_toks == want, name_path


REPO = Path(__file__).resolve().parents[2]
_STDLIB_SOURCES = sorted(p.name for p in (REPO / "stdlib" / "src").glob("*.c"))


@needs_gcc
@pytest.mark.parametrize("name", _STDLIB_SOURCES)
def test_stdlib_sources_preprocess_like_gcc(name):
    """The C library's own sources and headers, against gcc with the same headers."""
    from compiler.preprocess.predefined import TARGET_MACROS
    defines = [f"-D{k}={v}" for k, v in TARGET_MACROS.items() if not k.startswith("__STDC")]
    path = REPO / "stdlib" / "src" / name
    r = subprocess.run(["gcc", "-std=gnu99", "-undef", "-nostdinc", f"-I{SYSTEM_INCLUDE_DIR}",
                        "-E", "-P", *defines, str(path)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip("gcc rejects this file")
    want = toks("\n".join(ln for ln in r.stdout.split("\n") if not ln.startswith("#pragma")))
    assert toks(preprocess(str(path)).text) == want


IF_EXPRESSIONS = [
    "1", "0", "-1 < 0", "-1 < 0u", "0u - 1 == 18446744073709551615u", "~0u > 0",
    "0x7fffffffffffffff + 1 < 0", "-9223372036854775807 - 1 < 0", "18446744073709551615 == -1",
    "1 << 63 < 0", "1u << 63 > 0", "-1 >> 63 == -1", "-8 >> 1 == -4", "8 >> -1 == 16",
    "1 << 64 == 0", "-1 >> 64 == -1", "5 / 2 == 2", "-5 / 2 == -2", "-5 % 2 == -1", "5 % -2 == 1",
    "-9223372036854775807 - 1 == (-9223372036854775807 - 1) / -1",
    "'a' == 97", "'\\377' == -1", "'\\xff' < 0", "'ab' == 0x6162", "'abcde' == 0x62636465",
    "L'\\xffffffff' == -1", "u'\\xffff' == 65535", "'\\0' == 0", "'\\'' == 39", "'\"' == 34",
    "'\\e' == 27", "'\\a' + '\\b' + '\\f' + '\\v' + '\\r' + '\\t' + '\\n' == 7+8+12+11+13+9+10",
    "(1 ? -1 : 0u) > 0", "(0 ? 1u : -1) > 0", "1 ? 2 : (1 / 0)", "0 && 1 / 0", "1 || 1 % 0",
    "!0 == 1", "!5 == 0", "~5 == -6", "-(-5) == 5", "+3 == 3", "(1, 2) == 2",
    "1 == 1 == 1", "2 > 1 > 0", "3 & 5 ^ 6 | 8", "1 + 2 * 3 - 4 / 2 % 3 == 5",
    "0x10 + 010 + 0b11 == 27", "10u + 10l + 10ll + 10ull + 10LU == 50",
    "UNDEFINED", "UNDEFINED + 1", "defined UNDEFINED", "!defined(UNDEFINED)",
    "__STDC__", "__STDC_VERSION__ >= 199901L", "((((((((((((((((((((1))))))))))))))))))))",
    "1 ? 2 ? 3 : 4 : 5", "0 ? 1 : 0 ? 2 : 3", "0 ? 1 : 2 ? 0 : 4",
]


@needs_gcc
def test_if_expressions_match_gcc(tmp_path):
    src = "".join(f"#if {e}\nyes{i}\n#else\nno{i}\n#endif\n" for i, e in enumerate(IF_EXPRESSIONS))
    (tmp_path / "e.c").write_text(src)
    want = gcc_tokens("e.c", tmp_path)
    got = toks(preprocess(str(tmp_path / "e.c")).text)
    assert got == want
    assert got.count("yes") + sum(t.startswith("yes") for t in got) > 20   # not all "no"


_FUZZ_NAMES = ["a", "b", "f", "g", "h", "E"]


def _fuzz_body(rng, params):
    out = []
    for _ in range(rng.randint(0, 7)):
        r = rng.random()
        if params and r < 0.3:
            p = rng.choice(params)
            out.append("#" + p if rng.random() < 0.15 else p)
        elif r < 0.6:
            out.append(rng.choice(_FUZZ_NAMES))
        elif r < 0.65 and "__VA_ARGS__" in params:
            out.append(rng.choice([", ## __VA_ARGS__", "__VA_OPT__(,)", "#__VA_ARGS__",
                                   "__VA_OPT__(x ## __VA_ARGS__)"]))
        elif r < 0.75:
            out.append(rng.choice(["(", ")", ","]))
        elif r < 0.85 and out and out[-1] != "##":
            out.append("##")
        else:
            out.append(rng.choice(["1", "x", "+", "-", '"s"', "."]))
    while out and out[-1] == "##":
        out.pop()
    while out and out[0] == "##":
        out.pop(0)
    return " ".join(out)


def fuzz_macro_program(rng):
    """Random #defines of a few names, then random lines using them."""
    lines = []
    for n in _FUZZ_NAMES:
        r = rng.random()
        if r < 0.15:
            continue
        if r < 0.4:
            lines.append(f"#define {n} {_fuzz_body(rng, [])}")
        elif r < 0.8:
            ps = rng.choice([[], ["x"], ["x", "y"]])
            lines.append(f"#define {n}({', '.join(ps)}) {_fuzz_body(rng, ps)}")
        else:
            ps = rng.choice([["..."], ["x", "..."]])
            names = [p if p != "..." else "__VA_ARGS__" for p in ps]
            lines.append(f"#define {n}({', '.join(ps)}) {_fuzz_body(rng, names)}")
    for _ in range(rng.randint(1, 4)):
        use, depth = [], 0
        for _ in range(rng.randint(1, 14)):
            r = rng.random()
            if r < 0.45:
                use.append(rng.choice(_FUZZ_NAMES))
            elif r < 0.65:
                use.append("(")
                depth += 1
            elif r < 0.8 and depth:
                use.append(")")
                depth -= 1
            elif r < 0.9:
                use.append(",")
            else:
                use.append(rng.choice(["1", "z", "+"]))
        lines.append(" ".join(use + [")"] * depth))
    return "\n".join(lines) + "\n"


@needs_gcc
@pytest.mark.parametrize("seed", range(0, 160, 20))
def test_random_macro_programs_match_gcc(tmp_path, seed):
    """Random macro programs: the same tokens as gcc, and an error exactly when gcc errs."""
    for s in range(seed, seed + 20):
        src = fuzz_macro_program(random.Random(s))
        (tmp_path / "r.c").write_text(src)
        want = gcc_tokens("r.c", tmp_path)
        try:
            got = toks(preprocess(str(tmp_path / "r.c")).text)
        except PreprocessError:
            got = None
        assert got == want, f"seed {s}:\n{src}"


# --- the line map -----------------------------------------------------------------

def write(tmp_path, files):
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return tmp_path


def test_line_map_through_includes(tmp_path):
    write(tmp_path, {"main.c": 'int a;\n#include "h.h"\nint b;\n',
                     "h.h": "/* h */\nint h1;\nint h2;\n"})
    res = preprocess(str(tmp_path / "main.c"))
    m, h = str(tmp_path / "main.c"), str(tmp_path / "h.h")
    assert res.line_map == [(m, 1), (m, 2), (h, 1), (h, 2), (h, 3), (m, 3)]
    assert res.text.split("\n")[:-1] == ["int a;", "", "", "int h1;", "int h2;", "int b;"]
    assert res.includes == [h]


def test_line_map_of_nested_includes_and_file_without_final_newline(tmp_path):
    write(tmp_path, {"main.c": '#include "a.h"\nmain', "a.h": '#include "b.h"\na\n',
                     "b.h": "b"})
    res = preprocess(str(tmp_path / "main.c"))
    names = [(os.path.basename(f), n) for f, n in res.line_map]
    assert names == [("main.c", 1), ("a.h", 1), ("b.h", 1), ("a.h", 2), ("main.c", 2)]
    lines = res.text.split("\n")
    assert lines[2] == "b" and lines[3] == "a" and lines[4] == "main"


def test_invocation_over_several_lines_expands_on_its_first_line():
    res = pp("#define F(a, b) a + b\nx = F(1,\n      2);\ny;\n")
    assert res.text.split("\n")[:-1] == ["", "x = 1 + 2", "        ;", "y;"]
    assert [n for _, n in res.line_map] == [1, 2, 3, 4]


def test_splices_and_block_comments_keep_lines():
    res = pp("int a = 1 + \\\n  2;\n/* one\n   two */ int b;\n#define X \\\n 5\nX\n")
    lines = res.text.split("\n")
    assert toks(lines[0]) == ["int", "a", "=", "1", "+"] and toks(lines[1]) == ["2", ";"]
    assert toks(lines[3]) == ["int", "b", ";"]
    assert lines[6] == "5" and len(res.line_map) == 7


def test_line_directive_changes_line_map_and_line_macro():
    res = pp("a\n#line 100\nb __LINE__\n#line 7 \"other.c\"\nc __LINE__ __FILE__\nd\n")
    assert res.line_map == [("t.c", 1), ("t.c", 2), ("t.c", 100), ("t.c", 101),
                            ("other.c", 7), ("other.c", 8)]
    assert toks(res.text) == toks('a b 100 c 7 "other.c" d')


def test_gnu_line_markers_are_accepted():
    res = pp('# 40 "gen.c" 2\nx __LINE__\n')
    assert res.line_map[1] == ("gen.c", 40)


def test_line_and_file_macros_in_a_header(tmp_path):
    write(tmp_path, {"main.c": '#include "h.h"\n__LINE__ __FILE__\n',
                     "h.h": "\n\n__LINE__ __FILE__ __INCLUDE_LEVEL__\n"})
    res = preprocess(str(tmp_path / "main.c"))
    h, m = str(tmp_path / "h.h"), str(tmp_path / "main.c")
    assert toks(res.text) == ["3", f'"{h}"', "1", "2", f'"{m}"']


def test_counter_counts():
    assert out_toks("__COUNTER__ __COUNTER__ __COUNTER__") == ["0", "1", "2"]


# --- predefined macros ---------------------------------------------------------

def test_target_macros():
    src = ("__STDC__ __STDC_VERSION__ __pvm__ __LP64__ __CHAR_BIT__ __SIZEOF_INT__ "
           "__SIZEOF_LONG__ __SIZEOF_POINTER__ __INT_MAX__ __LONG_MAX__ __x86_64__ __GNUC__")
    assert out_toks(src) == ["1", "199901L", "1", "1", "8", "4", "8", "8", "0x7fffffff",
                             "0x7fffffffffffffffL", "__x86_64__", "__GNUC__"]


def test_date_and_time_are_deterministic(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert out_toks("__DATE__ __TIME__") == ['"Jan  1 1970"', '"00:00:00"']
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert out_toks("__DATE__ __TIME__") == ['"Nov 14 2023"', '"22:13:20"']
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "garbage")
    assert out_toks("__DATE__") == ['"Jan  1 1970"']


# --- #include search, guards, once ------------------------------------------------

def test_quoted_include_searches_includer_dir_then_dash_i_then_system(tmp_path):
    write(tmp_path, {"src/main.c": '#include "sub/a.h"\n#include "b.h"\n#include "sys/syscall.h"\n',
                     "src/sub/a.h": '#include "near.h"\n',
                     "src/sub/near.h": "near_sub\n",
                     "src/near.h": "near_src\n",
                     "inc/b.h": "b_from_inc\n"})
    res = preprocess(str(tmp_path / "src/main.c"), include_dirs=[str(tmp_path / "inc")])
    t = toks(res.text)
    assert t[:2] == ["near_sub", "b_from_inc"]
    assert os.path.join(SYSTEM_INCLUDE_DIR, "sys/syscall.h") in res.includes


def test_angled_include_does_not_search_includer_dir(tmp_path):
    write(tmp_path, {"main.c": "#include <local.h>\n", "local.h": "x\n"})
    err = error_of(None, name=str(tmp_path / "main.c"))
    assert "'local.h' file not found" in str(err)
    res = preprocess(str(tmp_path / "main.c"), include_dirs=[str(tmp_path)])
    assert toks(res.text) == ["x"]


def test_system_headers_come_from_the_repo_stdlib():
    assert SYSTEM_INCLUDE_DIR == str(Path(__file__).resolve().parents[2] / "stdlib" / "include")
    res = pp("#include <sys/syscall.h>\nSYS_write\n")
    assert toks(res.text)[-1].isdigit()


def test_include_guard_and_pragma_once(tmp_path):
    write(tmp_path, {"main.c": '#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\n'
                               "#undef G_H\n#include \"g.h\"\n",
                     "g.h": "#ifndef G_H\n#define G_H\ng\n#endif\n",
                     "o.h": "#pragma once\no\n"})
    res = preprocess(str(tmp_path / "main.c"))
    assert toks(res.text) == ["g", "o", "g"]
    assert [os.path.basename(p) for p in res.includes] == ["g.h", "o.h"]


def test_include_next(tmp_path):
    write(tmp_path, {"main.c": "#include <x.h>\n", "one/x.h": "one\n#include_next <x.h>\n",
                     "two/x.h": "two\n"})
    res = preprocess(str(tmp_path / "main.c"),
                     include_dirs=[str(tmp_path / "one"), str(tmp_path / "two")])
    assert toks(res.text) == ["one", "two"]


def test_recursive_include_stops_at_the_depth_limit(tmp_path):
    write(tmp_path, {"loop.h": '#include "loop.h"\n'})
    err = error_of('#include "loop.h"\n', name=str(tmp_path / "main.c"))
    assert "#include nested too deeply (limit 200)" in str(err)
    assert err.diagnostics[-1].severity == "fatal error"


def test_include_of_a_directory_is_not_found(tmp_path):
    (tmp_path / "d.h").mkdir()
    err = error_of('#include "d.h"\n', name=str(tmp_path / "m.c"))
    assert "file not found" in str(err)


# --- diagnostics -----------------------------------------------------------------------

def test_missing_include_is_fatal_with_a_caret():
    err = error_of('int x;\n#include "foo.h"\nint y;\n#error never reached\n', name="file.c")
    assert str(err) == ("file.c:2:10: fatal error: 'foo.h' file not found\n"
                        '#include "foo.h"\n'
                        "         ^~~~~~~")
    assert err.diagnostics == [("file.c", 2, 10, "'foo.h' file not found")]


def test_error_directive_and_more_errors_are_collected():
    err = error_of("#error stop \"here\" now\nint x;\n#error again\n")
    assert [d[:3] for d in err.diagnostics] == [("t.c", 1, 2), ("t.c", 3, 2)]
    assert err.diagnostics[0][3] == 'stop "here" now'
    assert str(err).startswith('t.c:1:2: error: stop "here" now\n#error stop "here" now\n ^')


def test_unterminated_comment_is_an_error_with_a_caret():
    err = error_of("int a;\n  int b; /* oops\nmore\n")
    assert str(err) == "t.c:2:10: error: unterminated /* comment\n  int b; /* oops\n         ^"


def test_unterminated_string_in_code_is_an_error_but_not_when_skipped():
    err = error_of('char *s = "abc;\n')
    assert "missing terminating \" character" in str(err)
    assert out_toks("#if 0\ndon't\n#endif\nok\n") == ["ok"]


def test_errors_inside_a_macro_expansion_get_a_note():
    err = error_of("#define CAT(a, b) a ## b\n\nint x = CAT(+, /);\n")
    d = err.diagnostics
    assert d[0][:3] == ("t.c", 1, 21) and "pasting formed '+/'" in d[0][3]
    assert d[1] == ("t.c", 3, 9, "in expansion of macro 'CAT'") and d[1].severity == "note"
    err = error_of("#define MAX(a, b) ((a) > (b) ? (a) : (b))\n#if MAX(1, )\n#endif\n")
    assert "in expansion of macro 'MAX'" in str(err)


@pytest.mark.parametrize("src, message", [
    ("#if\n#endif\n", "#if with no expression"),
    ("#if 1 +\n#endif\n", "expected value in expression"),
    ("#if (1\n#endif\n", "missing ')' in expression"),
    ("#if 1 2\n#endif\n", "missing binary operator before token '2'"),
    ("#if 1 ? 2\n#endif\n", "'?' without following ':'"),
    ("#if 1.0\n#endif\n", "floating point literal in preprocessor expression"),
    ('#if "s"\n#endif\n', "is not valid in preprocessor expressions"),
    ("#if 1 / 0\n#endif\n", "division by zero in preprocessor expression"),
    ("#if 99999999999999999999\n#endif\n", "too large"),
    ("#if 1 = 1\n#endif\n", "'=' is not valid"),
    ("#if defined\n#endif\n", "macro name missing"),
    ("#if defined(X\n#endif\n", "missing ')' after 'defined'"),
    ("#else\n", "#else without #if"),
    ("#endif\n", "#endif without #if"),
    ("#elif 1\n", "#elif without #if"),
    ("#if 1\n#else\n#else\n#endif\n", "#else after #else"),
    ("#if 1\n#else\n#elif 1\n#endif\n", "#elif after #else"),
    ("#if 1\n", "unterminated conditional directive"),
    ("#ifdef\n#endif\n", "macro name missing"),
    ("#ifdef 3\n#endif\n", "macro name must be an identifier"),
    ("#define\n", "macro name missing"),
    ("#define defined\n", "'defined' cannot be used as a macro name"),
    ("#define f(x x\n", "expected comma in macro parameter list"),
    ("#define f(x\n", "missing ')' in macro parameter list"),
    ("#define f(x, x) x\n", "duplicate macro parameter name 'x'"),
    ("#define f(x) #y\n", "'#' is not followed by a macro parameter"),
    ("#define f(x) ## x\n", "'##' cannot appear at either end of a macro expansion"),
    ("#define f(x) x\nf(1, 2)\n", "too many arguments provided to function-like macro invocation"),
    ("#define f(x, y) x\nf(1)\n", "too few arguments provided to function-like macro invocation"),
    ("#define f(x) x\nf(1\n", "unterminated function-like macro invocation"),
    ("#foo\n", "invalid preprocessing directive"),
    ("#include\n", 'expected "FILENAME" or <FILENAME>'),
    ('#include ""\n', "empty filename in #include"),
    ("#line x\n", "#line directive requires a simple digit sequence"),
    ("#line 5 x\n", "invalid filename for #line directive"),
    ('_Pragma(1)\n', "_Pragma takes a parenthesized string literal"),
    ("#define f(...) __VA_OPT__ x\n", "__VA_OPT__ must be followed by an open parenthesis"),
    ("#define f(...) __VA_OPT__(x\n", "unterminated __VA_OPT__"),
    ("#define f(...) __VA_OPT__(## x)\n", "'##' cannot appear at either end of __VA_OPT__"),
    ("#define f(...) __VA_OPT__(__VA_OPT__())\n", "__VA_OPT__ may not appear in a __VA_OPT__"),
    ("__has_include(<a.h>)\n", "'__has_include' used outside of preprocessing directive"),
    ("#if __has_include(a.h)\n#endif\n", "requires a header name"),
])
def test_error_messages(src, message):
    err = error_of(src)
    assert message in str(err)
    assert all(len(d) == 4 for d in err.diagnostics)


def test_warnings_are_formatted_with_carets():
    res = pp("#warning careful\n#define A 1\n#define A 2\n#define A 2\n#if 1\n#endif x\n")
    assert res.warnings[0] == "t.c:1:2: warning: careful\n#warning careful\n ^"
    assert res.warnings[1].startswith("t.c:3:9: warning: 'A' macro redefined")
    assert "t.c:2:9: note: previous definition is here" in res.warnings[1]
    assert "extra tokens at end of #endif directive" in res.warnings[2]
    assert len(res.warnings) == 3


def test_at_most_twenty_errors_are_reported():
    err = error_of("#error e\n" * 50)
    assert sum(d.severity == "error" for d in err.diagnostics) == 20
    assert "too many errors emitted" in str(err)


def test_error_in_a_header_names_the_header(tmp_path):
    write(tmp_path, {"h.h": "\n#error in header\n"})
    err = error_of('#include "h.h"\n', name=str(tmp_path / "m.c"))
    assert err.diagnostics[0][:2] == (str(tmp_path / "h.h"), 2)


# --- macro semantics not covered by the case files ----------------------------------------

def test_strings_and_chars_are_not_expanded():
    assert out_toks("#define X 1\n\"X\" 'X' X L\"X\"\n") == ['"X"', "'X'", "1", 'L"X"']


def test_stringized_spacing_at_macro_boundaries():
    """An empty expansion passes its name's space to the next token; an
    expansion's first token takes the name's spacing, unless an empty
    argument came first (gcc's padding; pp_cases/stringize_spacing.c)."""
    head = "#define s(x) #x\n#define xs(x) s(x)\n#define E\n#define f(a) a + 1\n"
    assert out_toks(head + "xs(-E-) xs(- E-) xs(a E(b)) xs((0)f ()) xs(f E (1))\n") == [
        '"--"', '"- -"', '"a (b)"', '"(0) + 1"', '"f (1)"']


def test_malformed_push_macro_is_an_error_at_its_operand():
    err = error_of('#define X 1\n#pragma push_macro(X)\n')
    assert err.diagnostics[0][1:] == (2, 20, "invalid #pragma push_macro directive")


def test_header_name_from_a_macro_keeps_each_tokens_own_spacing(tmp_path):
    """In a directive gcc adds no padding: `, plain` puts a space in the name."""
    write(tmp_path, {"inc/plain.h": "plain\n"})
    src = "#define IN(d, f) <d/f.h>\n#include IN(inc,plain)\n#include IN(inc, plain)\n"
    err = error_of(src, name=str(tmp_path / "m.c"), include_dirs=[str(tmp_path)])
    assert "'inc/ plain.h' file not found" in str(err) and "m.c:3:10: note" in str(err)


def test_macro_defined_inside_arguments():
    assert out_toks("#define f(x) x\nf(1\n#define Y 2\nY)\n") == ["1", "2"]


def test_include_inside_arguments_is_rejected():
    assert "#include directive within macro arguments" in str(
        error_of('#define f(x) x\nf(\n#include "x.h"\n)\n'))


def test_invocation_cannot_span_the_end_of_a_header(tmp_path):
    write(tmp_path, {"h.h": "#define f(x) x\nf(1\n"})
    err = error_of('#include "h.h"\n)\n', name=str(tmp_path / "m.c"))
    assert "unterminated function-like macro invocation" in str(err)


def test_pragmas_are_dropped_from_the_output():
    res = pp('#pragma pack(1)\nx _Pragma("weak y") z\n')
    assert toks(res.text) == ["x", "z"]


def test_digraphs_work_and_come_out_as_plain_punctuators():
    assert out_toks("%:define A <: :> <% %>\nA\n") == ["[", "]", "{", "}"]


def test_null_directive_and_ignored_directives():
    assert out_toks("#\n# /* c */\n#ident \"x\"\n#sccs \"y\"\nok\n") == ["ok"]


# --- robustness --------------------------------------------------------------------------

def test_ten_thousand_nested_ifs():
    n = 10_000
    res = pp("#if 1\n" * n + "deep\n" + "#endif\n" * n)
    assert toks(res.text) == ["deep"] and len(res.line_map) == 2 * n + 1
    assert out_toks("#if 0\n" + "#if 1\n" * n + "x\n" + "#endif\n" * n + "#endif\nok\n") == ["ok"]


def test_ten_thousand_nested_parentheses_in_if():
    n = 10_000
    assert out_toks("#if " + "(" * n + "1" + ")" * n + "\nyes\n#endif\n") == ["yes"]
    assert out_toks("#if " + "- " * n + "1\nyes\n#endif\n") == ["yes"]
    assert out_toks("#if " + "!" * n + "0\n#else\nno\n#endif\n") == ["no"]


def test_ten_thousand_nested_parentheses_in_arguments():
    n = 10_000
    assert len(out_toks("#define f(x) x\nf(" + "(" * n + "1" + ")" * n + ")\n")) == 2 * n + 1


def test_deeply_nested_invocations_give_an_error_not_a_crash():
    n = 400
    err = error_of("#define f(x) x\n" + "f(" * n + "1" + ")" * n + "\n")
    assert "nested too deeply" in str(err)
    assert out_toks("#define f(x) x\n" + "f(" * 50 + "1" + ")" * 50 + "\n") == ["1"]


def test_self_referential_and_mutually_recursive_macros_stop():
    assert out_toks("#define a a b\n#define b a\na b\n") == ["a", "a", "a", "b"]   # as gcc
    assert out_toks("#define f(x) f(x + 1)\nf(f(0))\n") == toks("f(f(0 + 1) + 1)")


def test_long_chains_of_macros_do_not_recurse():
    n = 10_000
    src = "".join(f"#define m{i} m{i + 1}\n" for i in range(n)) + "m0\n"
    assert out_toks(src) == [f"m{n}"]


def test_huge_argument_lists():
    n = 20_000
    assert len(out_toks("#define f(...) __VA_ARGS__\nf(" + "1," * n + "1)\n")) == 2 * n + 1
    assert "too many arguments" in str(error_of("#define f(x) x\nf(" + "1," * 1000 + "1)\n"))


def test_exponential_expansion_is_stopped(monkeypatch):
    monkeypatch.setattr("compiler.preprocess.expand.MAX_EXPANSION_TOKENS", 50_000)
    src = "#define a0 x\n" + "".join(f"#define a{i + 1} a{i} a{i}\n" for i in range(40)) + "a40\n"
    assert "makes too many tokens" in str(error_of(src))


def test_binary_junk_gives_output_or_an_error():
    rng = random.Random(7)
    for _ in range(50):
        junk = bytes(rng.randrange(256) for _ in range(400)).decode("latin-1")
        try:
            res = pp(junk)
        except PreprocessError:
            continue
        assert res.text.count("\n") == len(res.line_map)


def test_non_utf8_file_is_read(tmp_path):
    (tmp_path / "l1.c").write_bytes(b"char *s = \"caf\xe9\";\n")
    assert toks(preprocess(str(tmp_path / "l1.c")).text)[-2] == '"caf\ufffd"'
    assert toks(preprocess("b.c", text=b"int \xff;").text) == ["int", "\ufffd", ";"]


_ALPHABET = list("#()\\,/*\"'\n\n\n abcdfxyz019_.+-<>=!&|^~?:%{}[];\t") + [
    "#define ", "#if ", "#ifdef ", "#endif\n", "#else\n", "#elif ", "#undef ", "#include ",
    "#line ", "defined", "__VA_ARGS__", "##", "...", "\\\n", "/*", "*/", "//", "f(", "x",
    "#error", "_Pragma(", "\"a\"", "'c'", "\x00", "\u00e9",
]
_TEXT = st.lists(st.sampled_from(_ALPHABET) | st.characters(), max_size=80).map("".join)


def _check_no_crash(text):
    try:
        res = pp(text)
    except PreprocessError as e:
        assert e.diagnostics and all(len(d) == 4 for d in e.diagnostics)
        str(e)
        return
    assert res.text.count("\n") == len(res.line_map)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_random_text_gives_output_or_preprocess_error(text):
    _check_no_crash(text)


_SEEDS = [p.read_text() for p in sorted(CASES.glob("*.c"))]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_SEEDS), st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                                                 _TEXT), max_size=4))
def test_mutated_sources_give_output_or_preprocess_error(seed, edits):
    text = seed
    for pos, length, insert in edits:
        pos %= len(text) + 1
        text = text[:pos] + insert + text[pos + length:]
    _check_no_crash(text)


# --- speed ------------------------------------------------------------------------------

def test_a_large_file_preprocesses_whole():
    body = ("static int f{i}(int x) {{ /* c */ return MAX(x, {i}) + N; }} // x\n")
    src = "#define MAX(a, b) ((a) > (b) ? (a) : (b))\n#define N 10\n" + "".join(
        body.format(i=i) for i in range(5000))
    res = pp(src)
    assert len(res.line_map) == 5002
    assert res.text.count("((x) > (4999) ? (x) : (4999)) + 10") == 1
