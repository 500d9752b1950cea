#!/usr/bin/env bash
# Measures a whole scan (discovery, parsing, pattern rules, lowering, data flow, sorting)
# of a generated repository of over 100,000 lines of Express code, and the parse alone of
# the same repository, and prints files/s and lines/s with the machine; then the lookup of
# a project's packages in a large advisory archive.
#   scripts/bench.sh [COUNT]   # COUNT runs of 5 iterations each (default 3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count=${1:-3}
echo "machine: $(uname -sm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "go: $(go version | cut -d' ' -f3-)"
go test -run '^$' -bench 'Benchmark(Scan|Parse)$' -benchtime 5x -count "$count" ./internal/scan/ |
	grep -E '^Benchmark'
# The advisory database: a project's 1,000 packages against a 100,000-record archive,
# through the package-name index and without it.
go test -run '^$' -bench 'BenchmarkLoad' -benchtime 3x ./internal/osvdb/ | grep -E '^Benchmark'
