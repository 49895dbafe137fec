"""The machine on hand-built programs: both interpreter forms, traps, fuel.

These do not need the compiler, so they pin down the VM's contract alone:
the translator (fast form) and the stepper (reference form) must agree on
every result, trap location and fuel stop.
"""
import io

import pytest

import pvm
from pvm.exec.session import start
from pvm.bytecode.program import Function, Program
from pvm.machine.traps import Trap


def fib_program(n):
    fib = Function("fib", 1, "qqqq", "q", 0, [
        ("LI", 1, 2), ("JLT", 0, 1, 8), ("ADDI32", 2, 0, -1), ("CALL", 2, 0, 2, 1),
        ("ADDI32", 3, 0, -2), ("CALL", 3, 0, 3, 1), ("ADD32", 1, 2, 3), ("RET", 1), ("RET", 0)],
        [2, 3, 4, 4, 4, 4, 4, 4, 3])
    start = Function("_start", 2, "qqqqq", "", 0, [
        ("LI", 2, n), ("CALL", 2, 0, 2, 1), ("LI", 3, 1), ("MOV", 4, 2), ("SYSCALL", 3, 1),
        ("RETV",)], [10] * 6)
    return Program([fib, start], entry=1, files=["fib.c"])



MODES = ["interp", "step", "jit"]     # translator, stepper, native code


def run(program, mode="interp", fuel=None, stack=1 << 20):
    from pvm.machine.hostos import HostOS
    os_ = HostOS(stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.BytesIO())
    runner = start(program, [b"prog"], fuel=fuel, host=os_, stack=stack, memory=4 << 20,
                   tier="jit" if mode == "jit" else "interp")
    m = runner.m
    try:
        return ("exit", runner.run(stepping=mode == "step"), os_.stdout.getvalue())
    except Trap as t:
        return ("trap", t.status, f"{t.message} in {m.where()}", m.fuel_budget - m.fuel)


@pytest.mark.parametrize("stepping", MODES)
def test_fib_exit_status(stepping):
    assert run(fib_program(15), stepping) == ("exit", 610 & 0xFF, b"")


@pytest.mark.parametrize("mode", ["interp", "jit"])
def test_fuel_stops_at_the_same_instruction_as_the_stepper(mode):
    for fuel in list(range(0, 60)) + [597, 811]:
        fast = run(fib_program(10), mode, fuel=fuel)
        ref = run(fib_program(10), "step", fuel=fuel)
        assert fast == ref
        assert fast[0] == "trap" and fast[1] == 152
        assert fast[2].startswith(f"Out of fuel after {fuel} instructions in ")


@pytest.mark.parametrize("mode", ["interp", "jit"])
def test_enough_fuel_runs_to_the_end(mode):
    # find the exact instruction count of fib(10) by bisection on the fast form
    lo, hi = 0, 100_000                  # lo runs out of fuel, hi is enough
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if run(fib_program(10), mode, fuel=mid)[0] == "exit":
            hi = mid
        else:
            lo = mid
    needed = hi
    assert 177 * 5 < needed < 177 * 10     # fib(10) makes 177 calls
    assert run(fib_program(10), "step", fuel=needed)[0] == "exit"
    assert run(fib_program(10), "step", fuel=needed - 1)[1] == 152


def one_function(code, kinds="qqqq", lines=None):
    start = Function("main", 2, kinds, "", 0, code, lines or list(range(1, len(code) + 1)))
    return Program([start], entry=0, files=["t.c"])


@pytest.mark.parametrize("stepping", MODES)
def test_null_read_is_a_segfault_at_the_right_line(stepping):
    p = one_function([("LI", 2, 0), ("LD32", 3, 2, 0), ("RETV",)])
    assert run(p, stepping)[:3] == ("trap", 139, "Segmentation fault: read of address 0x0 in main (t.c:2)")


@pytest.mark.parametrize("stepping", MODES)
def test_write_to_text_is_a_segfault(stepping):
    p = one_function([("LI", 2, 0x10000), ("ST8", 2, 2, 0), ("RETV",)])
    assert run(p, stepping)[:3] == ("trap", 139, "Segmentation fault: write of address 0x10000 in main (t.c:2)")


@pytest.mark.parametrize("stepping", MODES)
def test_wild_pointer_address_is_printed_unsigned(stepping):
    p = one_function([("LI", 2, 0x7FFF5AD40750), ("LD64", 3, 2, 0), ("RETV",)])
    assert run(p, stepping)[2] == "Segmentation fault: read of address 0x7fff5ad40750 in main (t.c:2)"
    p = one_function([("LI", 2, -8), ("LD8", 3, 2, 0), ("RETV",)])
    assert run(p, stepping)[2] == "Segmentation fault: read of address 0xfffffffffffffff8 in main (t.c:2)"


@pytest.mark.parametrize("stepping", MODES)
def test_divide_by_zero_traps(stepping):
    p = one_function([("LI", 2, 7), ("LI", 3, 0), ("DIV32", 2, 2, 3), ("RETV",)])
    assert run(p, stepping)[:3] == ("trap", 136, "Floating point exception: integer division by zero in main (t.c:3)")


@pytest.mark.parametrize("stepping", MODES)
def test_runaway_recursion_is_a_stack_overflow(stepping):
    f = Function("f", 1, "q", "q", 0, [("CALL", 0, 0, 0, 1), ("RET", 0)], [3, 3])
    start = Function("_start", 2, "qq", "", 0, [("CALL", 0, 0, 0, 1), ("RETV",)], [9, 9])
    p = Program([f, start], entry=1, files=["r.c"])
    assert run(p, stepping, stack=1 << 20)[:3] == ("trap", 139, "Stack overflow in f (r.c:3)")


@pytest.mark.parametrize("stepping", MODES)
def test_write_syscall_and_exit(stepping):
    # rodata holds "hi\n"; text is 0x10000.., rodata follows at a 16-byte boundary
    code = [("LI", 2, 3), ("LI", 3, 1), ("LI", 4, 0), ("LI", 5, 3), ("SYSCALL", 2, 3),
            ("LI", 2, 1), ("LI", 3, 7), ("SYSCALL", 2, 1), ("RETV",)]
    p = one_function(code, kinds="qqqqqq")
    p.rodata = b"hi\n"
    from pvm.bytecode.program import program_layout
    p.functions[0].code[2] = ("LI", 4, program_layout(p).rodata_base)
    assert run(p, stepping) == ("exit", 7, b"hi\n")


@pytest.mark.parametrize("stepping", MODES)
def test_variadic_arguments_are_in_memory_slots(stepping):
    # sum(n, ...) adds its n variadic arguments
    sum_ = Function("sum", 1, "qqqq", "q", 0, [
        ("VARARGS", 1), ("LI", 2, 0),                 # p = va_start; acc = 0
        ("JZ", 0, 8),                                 # while (n)
        ("LD64", 3, 1, 0), ("ADD64", 2, 2, 3), ("ADDI64", 1, 1, 8), ("ADDI64", 0, 0, -1),
        ("JMP", 2),
        ("RET", 2)], [1] * 9, variadic=True)
    start = Function("_start", 2, "qqqqqqq", "", 0, [
        ("LI", 2, 3), ("LI", 3, 10), ("LI", 4, 20), ("LI", 5, 12),
        ("CALL", 2, 0, 2, 4), ("LI", 5, 1), ("MOV", 6, 2), ("SYSCALL", 5, 1), ("RETV",)], [1] * 9)
    p = Program([sum_, start], entry=1, files=["v.c"])
    assert run(p, stepping) == ("exit", 42, b"")


@pytest.mark.parametrize("stepping", MODES)
def test_indirect_call_to_a_non_function_faults(stepping):
    p = one_function([("LI", 2, 0x10001), ("CALLR", 3, 2, 3, 0), ("RETV",)])
    status, text = run(p, stepping)[1:3]
    assert status == 139 and "call to non-function address 0x10001" in text


def jump_table_program(x):
    """switch (x) { case 0: r = 5; case 1: r = 10; case 2: r = 20; default: r = 99 }"""
    code = [("LI", 2, x), ("JTAB", 2, 3), ("JMP", 9), ("JMP", 11), ("JMP", 13),
            ("LI", 3, 99), ("JMP", 15),                     # 5: default
            ("NOP",), ("NOP",),                             # 7, 8: never reached
            ("LI", 3, 5), ("JMP", 15), ("LI", 3, 10), ("JMP", 15), ("LI", 3, 20), ("JMP", 15),
            ("LI", 4, 1), ("MOV", 5, 3), ("SYSCALL", 4, 1), ("RETV",)]
    return one_function(code, kinds="qqqqqq")


@pytest.mark.parametrize("mode", MODES)
def test_jump_table_dispatch(mode):
    for x, want in ((-1, 99), (0, 5), (1, 10), (2, 20), (3, 99), (1 << 40, 99)):
        assert run(jump_table_program(x), mode)[:2] == ("exit", want)


def test_jump_table_fuel_counts_the_table_jump():
    for fuel in range(0, 8):
        assert run(jump_table_program(2), "interp", fuel=fuel) == \
            run(jump_table_program(2), "step", fuel=fuel)


@pytest.mark.parametrize("mode", MODES)
def test_return_to_the_main_loop_after_a_nested_system_call(mode):
    """_start calls variadic f indirectly (so through the main loop); f calls
    g, which makes a system call; f's return must pop f's own frame."""
    g = Function("g", 0, "qqqq", "q", 0, [
        ("LI", 0, 12), ("LI", 1, 0), ("SYSCALL", 0, 1), ("LI", 0, 5), ("RET", 0)], [1] * 5)
    f = Function("f", 0, "qq", "q", 0, [
        ("CALL", 0, 0, 0, 0), ("ADDI32", 0, 0, 2), ("RET", 0)], [2] * 3, variadic=True)
    start = Function("_start", 2, "qqqq", "", 16, [
        ("FADDR", 2, 1), ("CALLR", 3, 2, 3, 0), ("LI", 0, 1), ("MOV", 1, 3), ("SYSCALL", 0, 1),
        ("RETV",)], [3] * 6)
    p = Program([g, f, start], entry=2, files=["n.c"])
    assert run(p, mode, fuel=10_000)[:2] == ("exit", 7)


def test_without_llvmlite_auto_stays_in_the_interpreter_and_jit_says_why(monkeypatch):
    import pvm.jit
    from pvm.errors import PvmError
    monkeypatch.setattr(pvm.jit, "available", lambda load=True: "llvmlite cannot be imported (test)")
    runner = start(fib_program(5), tier="auto", memory=4 << 20, stack=1 << 20)
    assert runner.jit is None
    with pytest.raises(PvmError, match="--tier=jit is not available here: llvmlite cannot"):
        start(fib_program(5), tier="jit", memory=4 << 20, stack=1 << 20)


@pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
def test_an_llvmlite_that_fails_to_load_when_needed_leaves_auto_interpreting(monkeypatch, tmp_path):
    """auto imports llvmlite only to compile; if that import fails then, the
    function is refused (once, logged) and the program runs on, interpreted."""
    import pvm.jit.engine

    def broken():
        raise ImportError("libLLVM.so: cannot open shared object file (test)")
    monkeypatch.setattr(pvm.jit.engine, "llvm", broken)
    monkeypatch.setenv("PVM_CACHE", str(tmp_path))
    log = []
    r = pvm.run(fib_program(16), tier="auto", jit_threshold=10, jit_log=log.append)
    ref = pvm.run(fib_program(16), tier="interp")
    assert (r.status, r.stdout) == (ref.status, ref.stdout)
    assert any("refused" in e and "cannot open shared object" in e for e in log), log


@pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
def test_a_resume_entry_that_cannot_be_compiled_is_refused_once(monkeypatch, tmp_path):
    """Native code from the disk cache runs without llvmlite; a resume entry
    missing from the cache then needs it.  If it cannot be had, the call
    finishes interpreted (the bridge takes None), and it is not retried."""
    import pvm.jit.engine
    calls = []

    def broken():
        calls.append(1)
        raise ImportError("no llvmlite (test)")
    monkeypatch.setenv("PVM_CACHE", str(tmp_path))
    log = []
    jit = start(fib_program(5), tier="auto", memory=4 << 20, stack=1 << 20,
                jit_log=log.append).jit
    monkeypatch.setattr(pvm.jit.engine, "llvm", broken)
    assert jit.resume_entry(0, 1) is None and jit.resume_entry(0, 1) is None
    assert len(calls) == 1 and any("refused a resume entry" in e for e in log), log

