"""The object loader (pvm/jit/objload.py): LLVM's object code runs after our
own relocation, and a damaged object file is refused, never half-loaded or a
crash."""
from __future__ import annotations

import ctypes
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pvm

pytestmark = pytest.mark.skipif("jit" not in pvm.TIERS, reason="the JIT needs llvmlite")
if "jit" in pvm.TIERS:
    from pvm.jit import objload
    from pvm.jit.engine import Engine

# a call between functions, a jump table, a double constant, memset through
# the C library and an external data symbol: every kind of reference the
# JIT's code uses
IR = r"""
@pvm_guest_memory = external global [4096 x i8]
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define internal i64 @triple(i64 %x) noinline {
  %r = mul i64 %x, 3
  ret i64 %r
}

define i64 @entry(i64 %x, i64 %n) {
start:
  call void @llvm.memset.p0.i64(ptr @pvm_guest_memory, i8 7, i64 %n, i1 false)
  %t = call i64 @triple(i64 %x)
  switch i64 %x, label %other [ i64 0, label %a
                                i64 1, label %b
                                i64 2, label %c
                                i64 3, label %d
                                i64 4, label %e ]
a: ret i64 %t
b: %vb = add i64 %t, 100
   ret i64 %vb
c: %vc = add i64 %t, 200
   ret i64 %vc
d: %vd = add i64 %t, 300
   ret i64 %vd
e: %ve = add i64 %t, 400
   ret i64 %ve
other:
  %f = sitofp i64 %x to double
  %g = fadd double %f, 0.25
  %h = fmul double %g, 4.0
  %i = fptosi double %h to i64
  ret i64 %i
}
"""


@pytest.fixture(scope="module")
def memory():
    return (ctypes.c_char * 4096)()


@pytest.fixture(scope="module")
def obj(memory):
    return Engine(disk_cache=False)._compile(lambda: IR, None)


def test_loaded_code_runs(obj, memory):
    exported, code = objload.load(obj, {"pvm_guest_memory": ctypes.addressof(memory)})
    assert set(exported) == {"entry"}                # triple is internal
    entry = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64, ctypes.c_int64)(exported["entry"])
    assert [entry(x, 0) for x in range(5)] == [0, 103, 206, 309, 412]
    assert entry(10, 0) == 41 and entry(-3, 0) == -11          # the double constants
    assert entry(1, 100) == 103
    assert memory.raw[:100] == b"\x07" * 100 and memory.raw[100] == 0
    assert code.size >= 4096


def test_the_engine_loads_what_it_compiles(memory):
    engine = Engine(disk_cache=False, symbols={"pvm_guest_memory": ctypes.addressof(memory)})
    address = engine.compile(None, lambda: IR, ["entry"])["entry"]
    entry = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64, ctypes.c_int64)(address)
    assert entry(4, 0) == 412 and engine.code_bytes > 0 and engine.compile_ms


def test_an_undefined_symbol_is_refused(obj):
    with pytest.raises(objload.ObjectError, match="pvm_guest_memory"):
        objload.load(obj, {})


@pytest.mark.parametrize("damage", ["empty", "magic", "truncated", "machine", "relocation"])
def test_damaged_objects_are_refused(obj, damage):
    data = bytearray(obj)
    if damage == "empty":
        data = bytearray()
    elif damage == "magic":
        data[1] = ord("X")
    elif damage == "truncated":
        data = data[:len(data) // 2]
    elif damage == "machine":
        struct.pack_into("<H", data, 18, 3)                     # i386
    else:                                                       # an unknown relocation type
        shoff, = struct.unpack_from("<Q", data, 40)
        shnum, = struct.unpack_from("<H", data, 60)
        for i in range(shnum):
            sec = objload.SECTION.unpack_from(data, shoff + i * 64)
            if sec[1] == objload.SHT_RELA and sec[5]:
                info, = struct.unpack_from("<Q", data, sec[4] + 8)
                struct.pack_into("<Q", data, sec[4] + 8, (info >> 32 << 32) | 37)
                break
    with pytest.raises(objload.ObjectError):
        objload.load(bytes(data), {"pvm_guest_memory": 4096})


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_random_damage_never_crashes(obj, data):
    """Bytes changed anywhere outside the code itself: the loader loads or
    raises ObjectError (it never runs the code here)."""
    damaged = bytearray(obj)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        damaged = damaged[:data.draw(st.integers(0, len(damaged)))]
    try:
        objload.load(bytes(damaged), {"pvm_guest_memory": 4096})
    except objload.ObjectError:
        pass


def test_a_damaged_cache_entry_is_compiled_again(tmp_path, monkeypatch, memory):
    monkeypatch.setenv("PVM_CACHE", str(tmp_path))
    symbols = {"pvm_guest_memory": ctypes.addressof(memory)}
    Engine(symbols=symbols).compile("k1", lambda: IR, ["entry"])
    (entry_file,) = (tmp_path / "native").glob("k1.o")
    entry_file.write_bytes(b"\x7fELF garbage")
    engine = Engine(symbols=symbols)
    address = engine.compile("k1", lambda: IR, ["entry"])["entry"]
    assert not engine.last_from_cache and engine.compile_ms
    entry = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64, ctypes.c_int64)(address)
    assert entry(2, 0) == 206
    assert entry_file.read_bytes()[:4] == b"\x7fELF" and len(entry_file.read_bytes()) > 100


def test_a_warm_run_does_not_load_llvmlite(tmp_path):
    """The second run of a program finds all its native code in the disk
    cache: it runs natively without ever importing llvmlite."""
    import subprocess
    import sys
    src = tmp_path / "hot.c"
    src.write_text("#include <stdio.h>\n"
                   "static long f(long x) { return x * 3 + 1; }\n"
                   "int main(void) { long s = 0; for (long i = 0; i < 5000; i++) s += f(i);\n"
                   "  printf(\"%ld\\n\", s); return 0; }\n")
    probe = ("import sys, pvm.cli; status = pvm.cli.main(['run', '--jit-log', sys.argv[1]]); "
             "print('llvmlite' in sys.modules, file=sys.stderr); sys.exit(status)")
    env = {**__import__("os").environ, "PVM_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", probe, str(src)], capture_output=True,
                           env=env, timeout=300) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout == b"37497500\n"
    assert runs[0].stderr.endswith(b"True\n") and b"LLVM" in runs[0].stderr
    assert runs[1].stderr.endswith(b"False\n") and b"as in the last run" in runs[1].stderr


def test_object_code_the_loader_refuses_goes_to_mcjit(monkeypatch, memory):
    """A fresh object the loader cannot take (simulated) is loaded by an
    MCJIT engine, and runs the same."""
    def refuse(obj, symbols):
        raise objload.ObjectError("unsupported relocation type 42 (test)")
    monkeypatch.setattr(objload, "load", refuse)
    engine = Engine(disk_cache=False, symbols={"pvm_guest_memory": ctypes.addressof(memory)})
    address = engine.compile(None, lambda: IR, ["entry"])["entry"]
    entry = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64, ctypes.c_int64)(address)
    assert [entry(x, 0) for x in range(5)] == [0, 103, 206, 309, 412] and entry(10, 3) == 41
    assert engine._mcjit is not None and memory.raw[:3] == b"\x07" * 3
