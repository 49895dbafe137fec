"""The tools built on the API: REPL, debugger, bench, trace."""
