"""Reading the REPL's input: when an input is unfinished, completions, and
the plain reader (pvm/tools/repl/prompt.py is the terminal's reader)."""
from __future__ import annotations

from .commands import COMMANDS

KEYWORDS = ("auto break case char const continue default do double else enum extern float for goto if "
            "inline int long register return short signed sizeof static struct switch typedef union "
            "unsigned void volatile while _Bool").split()


def needs_more(text: str) -> bool:
    """Whether an input is visibly unfinished (open brackets, a comment not
    closed, a trailing backslash)."""
    if text.rstrip("\n").endswith("\\"):
        return True
    depth, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                return True
            i = end + 2
            continue
        if c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "\"'":                 # a literal ends at its line's end (else: an error)
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        i += 1
    return depth > 0


class PlainReader:
    """Lines from stdin; prompts only on a terminal."""

    def __init__(self, repl, prompts: bool):
        self.repl, self.prompts = repl, prompts

    def read(self) -> str | None:
        lines = []
        while True:
            if self.prompts:
                self.repl.stdout.write("pvm> " if not lines else "...> ")
                self.repl.stdout.flush()
            try:
                line = self.repl.stdin.readline()
            except KeyboardInterrupt:
                self.repl.say("")
                lines = []
                continue
            if not line:
                return "\n".join(lines) if lines else None
            lines.append(line.rstrip("\n"))
            text = finished(lines)
            if text is not None:
                return text

    def close(self) -> None:
        pass


def finished(lines: list) -> str | None:
    """The input these lines make, or None while it visibly goes on (a
    meta command is always one line)."""
    text = "\n".join(lines)
    if not text.strip().startswith(":") and needs_more(text):
        return None
    return text


def completions(repl, line: str, word: str) -> list[str]:
    """Candidates for the word being typed at the end of `line`."""
    if line.lstrip().startswith(":") and " " not in line.strip():
        return sorted(c for c in COMMANDS if c.startswith(word))
    names = set(repl.session.names()) | set(KEYWORDS)
    return sorted(n for n in names if n.startswith(word) and n != word)
