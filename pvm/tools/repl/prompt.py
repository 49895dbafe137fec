"""The REPL's terminal prompt: prompt_toolkit with history, completion and colour.

Imported only on a terminal; an ImportError (prompt_toolkit or pygments
missing) makes the REPL fall back to plain reading.
"""
from __future__ import annotations

import os

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.lexers import PygmentsLexer
from pygments.lexers.c_cpp import CLexer

from .reader import completions, finished


class _Completer(Completer):
    def __init__(self, repl):
        self.repl = repl

    def get_completions(self, document, complete_event):
        line = document.current_line_before_cursor
        word = document.get_word_before_cursor(WORD=line.lstrip().startswith(":") and " " not in line.strip())
        for c in completions(self.repl, line, word):
            yield Completion(c, start_position=-len(word))


def history_path() -> str:
    return os.environ.get("PVM_HISTORY") or os.path.join(os.path.expanduser("~"), ".pvm_history")


class PromptReader:
    def __init__(self, repl):
        self.repl = repl
        try:
            history = FileHistory(history_path())
        except OSError:
            history = InMemoryHistory()
        self.session = PromptSession(history=history, completer=_Completer(repl),
                                     lexer=PygmentsLexer(CLexer), complete_while_typing=False,
                                     enable_history_search=True)

    def read(self) -> str | None:
        lines = []
        while True:
            try:
                line = self.session.prompt("pvm> " if not lines else "...> ")
            except KeyboardInterrupt:
                lines = []
                continue
            except EOFError:
                return None
            lines.append(line)
            text = finished(lines)
            if text is not None:
                return text

    def close(self) -> None:
        pass
