"""`python -m pvm.abi`: regenerate the C headers from the ABI tables."""
from pvm.abi.headers import main

main()
