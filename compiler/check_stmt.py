"""Semantic analysis of statements and block items (mixed into check.Checker):
case/default/break/continue placement, labels, returns, and scopes.

Every selection and iteration statement is a block, and so is each of its
substatements (C99 6.8.4p3, 6.8.5p5): a tag or enumerator declared in a
condition (`if (sizeof(enum { in = 1 }))`) or in an unbraced substatement
goes out of scope with it.
"""
from __future__ import annotations

from . import asmstmt
from . import ast as A
from . import types as T


class StmtError(Exception):
    """Raised inside a statement's check to abandon it (it becomes empty)."""


class StmtChecker:
    def block_items(self, items: list) -> None:
        for i, item in enumerate(items):
            items[i] = self.block_item(item)

    def block_item(self, item):
        if isinstance(item, A.Declaration):
            return ("decl", self.declaration(item), item.pos)
        if isinstance(item, A.StaticAssert):
            self.static_assert(item)
            return A.ExprStmt(None, item.pos)
        return self.statement(item)

    def statement(self, s):
        try:
            return getattr(self, "s_" + type(s).__name__)(s)
        except StmtError:
            return A.ExprStmt(None, s.pos)

    def s_Compound(self, s: A.Compound):
        self.push()
        self.block_items(s.items)
        self.pop()
        return s

    def s_AsmStmt(self, s: A.AsmStmt):
        return asmstmt.check(self, s)

    def s_ExprStmt(self, s: A.ExprStmt):
        if s.expr is not None:
            s.expr = self.rvalue(s.expr)
        return s

    def condition(self, e):
        return self.scalar(e, "statement requires expression of scalar type; condition")

    def substatement(self, s):
        """A statement that is a block of its own (6.8.4p3, 6.8.5p5)."""
        if isinstance(s, A.Compound):
            return self.statement(s)
        self.push()
        try:
            return self.statement(s)
        finally:
            self.pop()

    def s_If(self, s: A.If):
        self.push()
        try:
            s.cond = self.condition(s.cond)
            s.then = self.substatement(s.then)
            if s.other is not None:
                s.other = self.substatement(s.other)
        finally:
            self.pop()
        return s

    def loop_body(self, body):
        self.loops += 1
        try:
            return self.substatement(body)
        finally:
            self.loops -= 1

    def s_While(self, s: A.While):
        self.push()
        try:
            s.cond = self.condition(s.cond)
            s.body = self.loop_body(s.body)
        finally:
            self.pop()
        return s

    def s_DoWhile(self, s: A.DoWhile):
        self.push()
        try:
            s.body = self.loop_body(s.body)
            s.cond = self.condition(s.cond)
        finally:
            self.pop()
        return s

    def s_For(self, s: A.For):
        self.push()
        if isinstance(s.init, A.Declaration):
            storage = [w for w in s.init.specs.storage if w not in ("auto", "register")]
            if storage:
                self.diag.error(s.init.pos, "declaration of non-local variable in 'for' loop")
            s.init = ("decl", self.declaration(s.init, in_for=True), s.init.pos)
        elif s.init is not None:
            s.init = self.rvalue(s.init)
        if s.cond is not None:
            s.cond = self.condition(s.cond)
        if s.step is not None:
            s.step = self.rvalue(s.step)
        s.body = self.loop_body(s.body)
        self.pop()
        return s

    def s_Switch(self, s: A.Switch):
        self.push()
        x = self.rvalue(s.expr)
        if not x.ty.is_integer:
            self.diag.error(s.expr.pos, f"statement requires expression of integer type ('{x.ty}' invalid)")
            x = A.IntConst(0, "int", s.pos)
            x.ty = T.INT
        s.expr = self.convert(x, T.promote(x.ty))
        self.switches.append(s)
        try:
            s.body = self.substatement(s.body)
        finally:
            self.switches.pop()
            self.pop()
        return s

    def s_Case(self, s: A.Case):
        if not self.switches:
            self.diag.error(s.pos, "'case' statement not in switch statement")
            s.body = self.statement(s.body)
            return s
        sw = self.switches[-1]
        from . import fold
        s.value = fold.wrap(self.const_int(s.expr, "case value"), sw.expr.ty)
        for v, other in sw.cases:
            if v == s.value:
                self.diag.error(s.expr.pos, f"duplicate case value '{v}'")
                break
        sw.cases.append((s.value, s))
        s.body = self.statement(s.body)
        return s

    def s_Default(self, s: A.Default):
        if not self.switches:
            self.diag.error(s.pos, "'default' statement not in switch statement")
        elif self.switches[-1].default is not None:
            self.diag.error(s.pos, "multiple default labels in one switch")
        else:
            self.switches[-1].default = s
        s.body = self.statement(s.body)
        return s

    def s_Label(self, s: A.Label):
        if s.name in self.labels:
            self.diag.error(s.pos, f"redefinition of label '{s.name}'")
        self.labels[s.name] = s
        s.body = self.statement(s.body)
        return s

    def s_Goto(self, s: A.Goto):
        self.gotos.append(s)
        return s

    def s_Break(self, s: A.Break):
        if not self.loops and not self.switches:
            self.diag.error(s.pos, "'break' statement not in loop or switch statement")
        return s

    def s_Continue(self, s: A.Continue):
        if not self.loops:
            self.diag.error(s.pos, "'continue' statement not in loop statement")
        return s

    def s_Return(self, s: A.Return):
        ret = self.func_type.ret
        if s.expr is None:
            if not ret.is_void:
                self.diag.error(s.pos, f"non-void function '{self.func_name}' should return a value")
            return s
        x = self.rvalue(s.expr)
        if ret.is_void:
            if not x.ty.is_void:
                self.diag.error(s.pos, f"void function '{self.func_name}' should not return a value")
            s.expr = x
            return s
        s.expr = self.assign_convert(x, ret, s.pos, "returning")
        return s
