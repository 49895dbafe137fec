"""The code library: LLVM IR text in, addresses of native functions out.

Owns everything llvmlite: initialisation, the target machine, the O2
pipeline (new pass builder), one MCJIT engine per machine, and the on-disk
object cache.  A cache entry is keyed by the hash of the IR before
optimisation, which is a function of the bytecode alone, so a second run of
the same program finds its native code there and skips LLVM's optimiser and
code generator.  $PVM_CACHE (see pvm/cache.py) names the directory.
"""
from __future__ import annotations

import hashlib
import os
import time

import llvmlite.binding as llvm

from .. import cache as bytecode_cache

_initialised = False


def _init() -> None:
    global _initialised
    if not _initialised:
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        _initialised = True


class Engine:
    def __init__(self, opt: int = 2, disk_cache: bool = True):
        _init()
        target = llvm.Target.from_default_triple()
        self.tm = target.create_target_machine(opt=opt, jit=True)
        self.opt = opt
        self.ee = llvm.create_mcjit_compiler(llvm.parse_assembly(""), self.tm)
        self.ee.finalize_object()      # the empty first module, before any caching
        d = bytecode_cache.cache_dir() if disk_cache else None
        self.cache_dir = os.path.join(d, "native") if d else None
        self._pending_key: str | None = None
        self._pending_name: str | None = None
        self.ee.set_object_cache(self._notify, self._getbuffer)
        self.code_bytes = 0          # native code generated (or loaded) so far
        self.compile_ms: list = []   # LLVM time of each compilation
        self.last_from_cache = False

    # ---- object cache -----------------------------------------------------------
    def _path(self, key: str) -> str:
        return os.path.join(self.cache_dir, key + ".o")

    def _ours(self, module) -> bool:
        """MCJIT asks about every module it compiles: only the pending one
        may be read from or written to the cache under the pending key."""
        return bool(self.cache_dir and self._pending_key and module.name == self._pending_name)

    def _getbuffer(self, module):
        if self._ours(module):
            try:
                with open(self._path(self._pending_key), "rb") as f:
                    data = f.read()
                self.last_from_cache = True
                return data
            except OSError:
                return None
        return None

    def _notify(self, module, buffer: bytes) -> None:
        self.code_bytes += len(buffer)
        if self._ours(module) and not self.last_from_cache:
            try:
                os.makedirs(self.cache_dir, exist_ok=True)
                tmp = self._path(self._pending_key) + f".{os.getpid()}"
                with open(tmp, "wb") as f:
                    f.write(buffer)
                os.replace(tmp, self._path(self._pending_key))
            except OSError:
                pass

    # ---- compiling --------------------------------------------------------------------
    def optimise(self, module) -> None:
        pto = llvm.create_pipeline_tuning_options(speed_level=self.opt)
        pb = llvm.create_pass_builder(self.tm, pto)
        pb.getModulePassManager().run(module, pb)

    def compile(self, ir_text: str, names: list, dump=None) -> dict:
        """Compile a module; returns {name: address}."""
        t0 = time.perf_counter()
        key = hashlib.sha256(f"{self.opt}\n{ir_text}".encode()).hexdigest()[:32]
        self._pending_key = key
        self.last_from_cache = False
        module = llvm.parse_assembly(ir_text)
        module.verify()
        module.name = self._pending_name = f"pvm_{key}"
        cached = self.cache_dir is not None and os.path.exists(self._path(key))
        if not cached:
            self.optimise(module)
        if dump is not None:
            dump(str(module))
        self.ee.add_module(module)
        self.ee.finalize_object()
        addresses = {n: self.ee.get_function_address(n) for n in names}
        self._pending_key = None
        self.compile_ms.append((time.perf_counter() - t0) * 1000)
        return addresses
