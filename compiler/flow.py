"""Control flow facts about checked statements, for the checker's warnings.

`completes(s)` says whether control can run off the end of statement `s`
(as opposed to leaving by return, goto, break, continue or a call that
never returns); the checker warns, as clang does, when the closing brace of
a non-void function is reachable.  The analysis is structural, like clang's
-Wreturn-type: constant conditions count (`while (1)` without a `break`
never completes), a labelled statement is assumed reachable by a jump, and
calls to `_Noreturn` functions and to exit/abort end a path.
"""
from __future__ import annotations

from . import ast as A

# Standard functions that never return, whether or not the header says _Noreturn.
NORETURN = frozenset(("exit", "_Exit", "abort", "quick_exit", "longjmp", "__builtin_trap",
                      "__builtin_unreachable", "__assert_fail"))
_LOOPS = (A.While, A.DoWhile, A.For)


def missing_return(body: A.Compound) -> str | None:
    """clang's warning when the end of non-void function `body` is reachable, else None."""
    if not completes(body):
        return None
    if _contains(body, lambda s: isinstance(s, A.Return) and s.expr is not None, ()):
        return "non-void function does not return a value in all control paths"
    return "non-void function does not return a value"


def completes(s) -> bool:
    """Whether control can reach the point just after statement s."""
    if isinstance(s, tuple):                  # a checked declaration
        return True
    if isinstance(s, (A.Return, A.Goto, A.Break, A.Continue)):
        return False
    if isinstance(s, A.ExprStmt):
        return not _never_returns(s.expr)
    if isinstance(s, A.Compound):
        reachable = True
        for item in s.items:
            if not reachable and isinstance(item, (A.Label, A.Case, A.Default)):
                reachable = True
            if reachable:
                reachable = completes(item)
        return reachable
    if isinstance(s, A.If):
        truth = _constant(s.cond)
        then = truth is not False and completes(s.then)
        other = truth is not True and (s.other is None or completes(s.other))
        return then or other
    if isinstance(s, (A.While, A.For)):
        return _constant(s.cond) is not True or _contains(s.body, _is_break, _LOOPS + (A.Switch,))
    if isinstance(s, A.DoWhile):
        if _contains(s.body, _is_break, _LOOPS + (A.Switch,)):
            return True
        ends = completes(s.body) or _contains(s.body, lambda x: isinstance(x, A.Continue), _LOOPS)
        return ends and _constant(s.cond) is not True
    if isinstance(s, A.Switch):
        return (s.default is None or completes(s.body)
                or _contains(s.body, _is_break, _LOOPS + (A.Switch,)))
    if isinstance(s, (A.Label, A.Case, A.Default)):
        return completes(s.body)
    return True


def _is_break(s) -> bool:
    return isinstance(s, A.Break)


def _constant(cond):
    """True or False for a constant condition (None in `for (;;)` is true), else None."""
    if cond is None:
        return True
    if isinstance(cond, (A.IntConst, A.FloatConst)):
        return bool(cond.value)
    return None


def _never_returns(e) -> bool:
    while isinstance(e, A.Convert) and e.ty is not None and e.ty.is_void:
        e = e.operand
    if isinstance(e, A.Comma):
        return _never_returns(e.left) or _never_returns(e.right)
    if not isinstance(e, A.Call):
        return False
    if e.builtin in ("__builtin_trap", "__builtin_unreachable"):
        return True
    f = e.func
    while isinstance(f, A.Convert):
        f = f.operand
    sym = getattr(f, "sym", None) if isinstance(f, A.Ident) else None
    return sym is not None and sym.kind == "func" and (sym.noreturn or sym.name in NORETURN)


def _children(s) -> list:
    if isinstance(s, A.Compound):
        return s.items
    if isinstance(s, A.If):
        return [s.then] + ([s.other] if s.other is not None else [])
    if isinstance(s, (A.While, A.DoWhile, A.For, A.Switch, A.Label, A.Case, A.Default)):
        return [s.body]
    return []


def _contains(s, pred, stop: tuple) -> bool:
    """Whether a statement inside s (not inside a nested `stop` statement) satisfies pred."""
    work = list(_children(s))
    while work:
        x = work.pop()
        if pred(x):
            return True
        if not isinstance(x, stop):
            work.extend(_children(x))
    return False
