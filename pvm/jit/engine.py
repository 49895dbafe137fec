"""The code library: a unit of functions in, addresses of native code out.

Owns everything llvmlite: initialisation, the target machine, the O2
pipeline (new pass builder), one MCJIT engine per machine, and the on-disk
cache of object code.  A cache entry is keyed by what determines the code:
the program's bytecode digest, the functions in the unit and the entry, the
lowering options, and the toolchain (pvm/cache.py's stamp).  A hit adds the
cached object file to the engine directly, skipping lowering, LLVM's
optimiser and its code generator; that is what makes a second `pvm run` of
a program start fast.  $PVM_CACHE (see pvm/cache.py) names the directory.
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
    def __init__(self, opt: int = 2, disk_cache: bool = True, symbols: dict | None = None):
        _init()
        target = llvm.Target.from_default_triple()
        self.tm = target.create_target_machine(opt=opt, jit=True)
        self.opt = opt
        self.ee = llvm.create_mcjit_compiler(llvm.parse_assembly(""), self.tm)
        self.ee.finalize_object()
        d = bytecode_cache.cache_dir() if disk_cache else None
        self.cache_dir = os.path.join(d, "native") if d else None
        self.code_bytes = 0          # native code generated (or loaded) so far
        self.compile_ms: list = []   # LLVM time of each compilation that ran LLVM
        self.last_from_cache = False
        self.symbols = symbols or {}  # resolved when object code loads (guest memory)

    def optimise(self, module) -> None:
        pto = llvm.create_pipeline_tuning_options(speed_level=self.opt)
        pb = llvm.create_pass_builder(self.tm, pto)
        pb.getModulePassManager().run(module, pb)

    def _path(self, key: str) -> str | None:
        if self.cache_dir is None or key is None:
            return None
        return os.path.join(self.cache_dir, key + ".o")

    def cached(self, key: str | None) -> bool:
        """Is there object code for `key` in the disk cache?"""
        path = self._path(key)
        return path is not None and os.path.exists(path)

    def compile(self, key: str | None, build_ir, names: list, dump=None) -> dict:
        """Native code for a unit; returns {name: address}.

        `key` names the unit's code for the disk cache (None: no caching);
        `build_ir()` gives its LLVM IR text, called only on a miss (or for
        `dump`, which receives the optimised IR)."""
        path = None if dump is not None else self._path(key)
        obj = None
        if path is not None:
            try:
                with open(path, "rb") as f:
                    obj = f.read()
            except OSError:
                obj = None
        self.last_from_cache = obj is not None
        if obj is None:
            t0 = time.perf_counter()
            module = llvm.parse_assembly(build_ir())
            module.verify()
            self.optimise(module)
            if dump is not None:
                dump(str(module))
            obj = self.tm.emit_object(module)
            self.compile_ms.append((time.perf_counter() - t0) * 1000)
            if path is not None:
                try:
                    os.makedirs(self.cache_dir, exist_ok=True)
                    tmp = f"{path}.{os.getpid()}"
                    with open(tmp, "wb") as f:
                        f.write(obj)
                    os.replace(tmp, path)
                except OSError:
                    pass            # a read-only cache only costs speed
        self.code_bytes += len(obj)
        for name, address in self.symbols.items():
            # process-wide in LLVM, so (re)set just before this engine links
            llvm.add_symbol(name, address)
        self.ee.add_object_file(llvm.ObjectFileRef.from_data(obj))
        self.ee.finalize_object()
        return {n: self.ee.get_function_address(n) for n in names}


def unit_key(*parts) -> str:
    spec = "|".join(str(p) for p in parts) + "|" + bytecode_cache.toolchain_stamp()
    return hashlib.sha256(spec.encode()).hexdigest()[:32]
