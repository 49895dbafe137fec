"""`pvm bench`: the benchmark suite against gcc -O2."""
