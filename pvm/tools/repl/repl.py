"""`pvm repl`: a C prompt over one live machine.

    pvm> int sq(int x) { return x * x; }
    pvm> sq(12)
    (int) 144
    pvm> :help

Declarations accumulate, statements run at once, an expression without a
trailing `;` prints its value and type (compiler/incremental.py says how an
input is understood, pvm/tools/repl/evaluate.py how it runs).  Input continues over
several lines while braces, brackets or parentheses are open, a comment is
unterminated, or a line ends with a backslash.

On a terminal the prompt is prompt_toolkit's: line editing, history kept in
~/.pvm_history (or $PVM_HISTORY), Tab completion of identifiers in scope and
of meta commands, syntax highlighting by pygments.  Otherwise (a pipe, a
file, TERM=dumb, or prompt_toolkit missing) lines are read plainly, without
prompts when stdin is not a terminal, so a session can be scripted:
results go to stdout, diagnostics and trap reports to stderr.
"""
from __future__ import annotations

import os
import sys

from .commands import Commands
from .reader import PlainReader

class Repl:
    def __init__(self, *, tier="interp", include_dirs=(), defines=None, memory=None, stack=None,
                 stdin=None, stdout=None, stderr=None):
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.options = dict(tier=tier, include_dirs=include_dirs, defines=defines, memory=memory,
                            stack=stack)
        self.commands = Commands(self)
        self.status = 0
        self.reset()

    def reset(self) -> None:
        from compiler.incremental import Session
        from .evaluate import Evaluator
        from .loader import new_machine
        o = self.options
        self.session = Session(o["include_dirs"], o["defines"])
        runner, loader = new_machine(memory=o["memory"], stack=o["stack"])
        self.evaluator = Evaluator(self.session, runner, loader)
        if o["tier"] != "interp":
            self.evaluator.set_tier(o["tier"])

    @property
    def machine(self):
        return self.evaluator.m

    # ---- output -------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def complain(self, text: str) -> None:
        self.stdout.flush()
        self.stderr.write(text + "\n")
        self.stderr.flush()

    # ---- one input ----------------------------------------------------------------
    def handle(self, text: str) -> bool:
        """Run one complete input; False when the session should end."""
        stripped = text.strip()
        if not stripped:
            return True
        if stripped.startswith(":"):
            return self.commands.run(stripped)
        out = self.evaluator.evaluate(text)
        return self.report(out)

    def report(self, out) -> bool:
        if out.error:
            self.complain(out.error)
        for note in out.notes:
            self.complain(note)
        if out.value is not None:
            self.say(out.value)
        if out.exit_status is not None:
            self.status = out.exit_status
            return False
        return True

    # ---- the loop -------------------------------------------------------------------
    def run(self) -> int:
        reader = self._reader()
        try:
            while True:
                text = reader.read()
                if text is None:
                    break
                if not self.handle(text):
                    break
        finally:
            reader.close()
        return self.status

    def _reader(self):
        interactive = self.stdin.isatty() and self.stdout.isatty()
        if interactive and os.environ.get("TERM") != "dumb":
            try:
                from .prompt import PromptReader
                return PromptReader(self)
            except ImportError:
                pass
        return PlainReader(self, prompts=interactive)
