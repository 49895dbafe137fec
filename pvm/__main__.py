"""`python -m pvm ...` is the same as `pvm ...`."""
from .cli import entry

entry()
