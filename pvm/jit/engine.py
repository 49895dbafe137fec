"""The code library: a unit of functions in, addresses of native code out.

Owns everything LLVM: initialisation, the target machine, the O2 pipeline
(new pass builder) and the on-disk cache of object code.  Object code, new
or cached, is loaded by pvm/jit/objload.py, so llvmlite is imported only
when something must be compiled: a run whose native code is all in the
disk cache (a second run of a program) never loads it.  Object code the
loader does not take (it knows what LLVM's JIT code model emits today)
goes to an MCJIT engine instead.  A cache entry is
keyed by what determines the code: the program's bytecode digest, the
functions in the unit and the entry, the lowering options, and the
toolchain (pvm/cache.py's stamp).  $PVM_CACHE (see pvm/cache.py) names the
directory.
"""
from __future__ import annotations

import gc
import hashlib
import os
import time

from .. import cache
from . import objload

_llvm = None


def llvm():
    """llvmlite.binding, imported and initialised on first use."""
    global _llvm
    if _llvm is None:
        import llvmlite.binding as binding
        binding.initialize_native_target()
        binding.initialize_native_asmprinter()
        _llvm = binding
    return _llvm


class Engine:
    def __init__(self, opt: int = 2, disk_cache: bool = True, symbols: dict | None = None):
        self.opt = opt
        self._tm = None
        d = cache.cache_dir() if disk_cache else None
        self.cache_dir = os.path.join(d, "native") if d else None
        self.code_bytes = 0          # native code generated (or loaded) so far
        self.compile_ms: list = []   # LLVM time of each compilation that ran LLVM
        self.last_from_cache = False
        self.symbols = symbols or {}  # resolved when object code loads (guest memory)
        self.loaded: list = []        # the memory of every object loaded: keeps code alive
        self._mcjit = None            # the fallback loader, made on first use

    @property
    def tm(self):
        """The target machine: the JIT code model (absolute addresses, see objload.py)."""
        if self._tm is None:
            self._tm = llvm().Target.from_default_triple().create_target_machine(
                opt=self.opt, jit=True)
        return self._tm

    def optimise(self, module, cheap: bool = False) -> None:
        """The O2 pipeline (self.opt), or O1 for a huge unit (`cheap`), whose
        O2 time grows faster than its size."""
        pto = llvm().create_pipeline_tuning_options(speed_level=min(self.opt, 1) if cheap else self.opt)
        pb = llvm().create_pass_builder(self.tm, pto)
        pb.getModulePassManager().run(module, pb)

    def _path(self, key: str) -> str | None:
        if self.cache_dir is None or key is None:
            return None
        return os.path.join(self.cache_dir, key + ".o")

    def cached(self, key: str | None) -> bool:
        """Is there object code for `key` in the disk cache?"""
        path = self._path(key)
        return path is not None and os.path.exists(path)

    def compile(self, key: str | None, build_ir, names: list, dump=None, cheap: bool = False) -> dict:
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
        if obj is not None:
            cache.touch(path)
            try:
                return self._load(obj, names)
            except objload.ObjectError:
                self.last_from_cache = False    # a damaged entry: compile it afresh
        obj = self._compile(build_ir, dump, cheap)
        if path is not None:
            try:
                cache.atomic_write(path, obj)
                cache.maybe_prune(self.cache_dir, "native")
            except OSError:
                pass                # a read-only cache only costs speed
        try:
            return self._load(obj, names)
        except objload.ObjectError:
            # fresh object code this loader does not take (a newer LLVM
            # emitting a new relocation, say): LLVM's own loader can
            return self._load_mcjit(obj, names)

    def _compile(self, build_ir, dump, cheap: bool = False) -> bytes:
        """LLVM: IR text -> verified, optimised module -> object file.

        Python's cycle collector is off meanwhile: building the IR makes
        hundreds of thousands of objects (llvmlite's values point at their
        blocks and back), and the collections they triggered, each walking
        every object the run holds, were 10-14 % of a cold `--tier=jit` run.
        Their garbage goes at the first collection after."""
        t0 = time.perf_counter()
        collecting = gc.isenabled()
        gc.disable()
        try:
            module = llvm().parse_assembly(build_ir())
            module.verify()
            self.optimise(module, cheap)
            if dump is not None:
                dump(str(module))
            obj = self.tm.emit_object(module)
        finally:
            if collecting:
                gc.enable()
        self.compile_ms.append((time.perf_counter() - t0) * 1000)
        return obj

    def _load(self, obj: bytes, names: list) -> dict:
        exported, code = objload.load(obj, self.symbols)
        missing = [n for n in names if n not in exported]
        if missing:
            raise objload.ObjectError(f"no symbol {missing[0]} in the object code")
        self.loaded.append(code)
        self.code_bytes += len(obj)
        return {n: exported[n] for n in names}

    def _load_mcjit(self, obj: bytes, names: list) -> dict:
        """The fallback loader: an MCJIT engine (RuntimeDyld) of llvmlite."""
        binding = llvm()
        if self._mcjit is None:
            self._mcjit = binding.create_mcjit_compiler(binding.parse_assembly(""), self.tm)
        for name, address in self.symbols.items():
            binding.add_symbol(name, address)     # process-wide: set just before linking
        self._mcjit.add_object_file(binding.ObjectFileRef.from_data(obj))
        self._mcjit.finalize_object()
        self.code_bytes += len(obj)
        return {n: self._mcjit.get_function_address(n) for n in names}


def unit_key(*parts) -> str:
    spec = "|".join(str(p) for p in parts) + "|" + cache.toolchain_stamp()
    return hashlib.sha256(spec.encode()).hexdigest()[:32]
