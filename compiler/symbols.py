"""A name the checker knows: an object, a function, a typedef or an enumerator."""
from __future__ import annotations

from dataclasses import dataclass

from . import types as T


@dataclass(eq=False)
class Symbol:
    name: str
    ty: T.CType
    kind: str                   # 'var', 'func', 'typedef', 'enum'
    storage: str = "global"     # 'global', 'local', 'param', 'static' (static local), 'register'
    linkage: str = "external"   # 'external', 'internal', 'none'
    link_name: str = ""
    pos: tuple = (0, 0)
    defined: bool = False
    addr_taken: bool = False
    used: bool = False
    value: int = 0              # enumerators
    init: object = None         # initializer (checked), for objects with static storage
    is_extern: bool = False
    rodata: bool = False        # string literals: placed in read-only data
    noreturn: bool = False      # a function declared _Noreturn

    @property
    def is_static_storage(self) -> bool:
        return self.storage in ("global", "static")
