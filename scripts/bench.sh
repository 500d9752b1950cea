#!/usr/bin/env bash
# Measures rampart on generated corpora (internal/corpus: Express and Koa monorepos with
# vulnerabilities planted at known lines) and prints the figures with the machine:
#
#   scripts/bench.sh [LINES...]   # corpus sizes in source lines (default 100000)
#   scripts/bench.sh 100000 1000000
#
# 1. the phase benchmarks of internal/scan (discover, parse, lower, analyze, report, and
#    the whole scan, which also checks that every planted vulnerability is found), once,
#    on a corpus of the first size;
# 2. for each size, a whole `bin/rampart scan DIR --all --format json` on all cores and
#    on one (GOMAXPROCS=1), with lines/s, files/s, wall seconds and peak RSS, beside a
#    parse-only baseline (BenchmarkParse) and the ratio of the scan to it; then a scan
#    that fills the analysis cache, and one after a one-line change to one file, which
#    reads every other file's analysis from the cache;
# 3. the lookup of a project's packages in a large advisory archive (internal/osvdb).
#
# Corpora go to a temporary directory, removed on exit. Peak RSS needs GNU time
# (/usr/bin/time); without it the script says so and times the wall clock alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
	sizes=(100000)
fi
for n in "${sizes[@]}"; do
	[[ $n =~ ^[0-9]+$ ]] || { echo "bench.sh: size $n is not a number of lines" >&2; exit 2; }
done

echo "machine: $(uname -srm), $(nproc) cores," \
	"$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs || echo unknown CPU)"
echo "go: $(go version | cut -d' ' -f3-)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== build"
go build -o bin/rampart ./cmd/rampart
go build -o "$tmp/gencorpus" ./scripts/gencorpus
go test -c -o "$tmp/scan.test" ./internal/scan
scan_flags=(--all --format json --quiet)
if bin/rampart scan --help 2>&1 | grep -q no-cache; then
	scan_flags+=(--no-cache)
fi
gnutime=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
else
	echo "(no GNU time at /usr/bin/time: wall clock only, no peak RSS)"
fi

# field NAME FILE prints the value of a "NAME: value" line of a manifest-like JSON file.
field() { grep -m1 "\"$1\"" "$2" | tr -dc '0-9'; }

# timed OUT CMD... runs CMD and writes "WALL_SECONDS PEAK_RSS_MIB" to OUT.
timed() {
	local out=$1
	shift
	if [ -n "$gnutime" ]; then
		"$gnutime" -v -o "$out.time" "$@" >/dev/null
		awk -F': ' '
			/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
				for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
			/Maximum resident set size/ { rss = $2 / 1024 }
			END { printf "%.2f %.0f\n", wall, rss }' "$out.time" >"$out"
	else
		local start end
		start=$(date +%s.%N)
		"$@" >/dev/null
		end=$(date +%s.%N)
		awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f n/a\n", b - a }' >"$out"
	fi
}

# parse_seconds LINES prints the seconds BenchmarkParse takes per iteration at LINES.
parse_seconds() {
	RAMPART_BENCH_LINES=$1 "$tmp/scan.test" -test.run '^$' -test.bench 'BenchmarkParse$' \
		-test.benchtime 3x | awk '/^BenchmarkParse/ { printf "%.2f\n", $3 / 1e9 }'
}

echo "== phase benchmarks, ${sizes[0]} lines (3 iterations each)"
RAMPART_BENCH_LINES=${sizes[0]} "$tmp/scan.test" -test.run '^$' -test.bench . \
	-test.benchtime 3x | grep -E '^Benchmark'

echo "== whole scans: bin/rampart scan DIR ${scan_flags[*]}"
printf '%-9s %6s %9s %10s %8s %8s %8s %6s %8s %7s %8s %8s %8s\n' lines files "lines/s" \
	"files/s" wall "RSS MiB" parse "ratio" "1 core" speedup "filling" "1 change" "RSS MiB"
for n in "${sizes[@]}"; do
	dir="$tmp/corpus-$n"
	"$tmp/gencorpus" -lines "$n" -seed 1 -out "$dir" >/dev/null
	lines=$(field source_lines "$dir/.rampart-corpus.json")
	files=$(field source_files "$dir/.rampart-corpus.json")
	timed "$tmp/all" bin/rampart scan "$dir" "${scan_flags[@]}"
	timed "$tmp/one" env GOMAXPROCS=1 bin/rampart scan "$dir" "${scan_flags[@]}"
	timed "$tmp/fill" bin/rampart scan "$dir" --all --format json --quiet \
		--cache-dir "$tmp/cache-$n"
	echo "// changed" >>"$(find "$dir" -path '*/src/routes/*.js' | sort | head -n 1)"
	timed "$tmp/change" bin/rampart scan "$dir" --all --format json --quiet \
		--cache-dir "$tmp/cache-$n"
	read -r wall rss <"$tmp/all"
	read -r wall1 _ <"$tmp/one"
	read -r fill _ <"$tmp/fill"
	read -r change crss <"$tmp/change"
	parse=$(parse_seconds "$n")
	awk -v n="$lines" -v f="$files" -v w="$wall" -v r="$rss" -v p="$parse" -v w1="$wall1" \
		-v fl="$fill" -v c="$change" -v cr="$crss" '
		BEGIN { printf "%-9d %6d %9.0f %10.0f %8.2f %8s %8.2f %6.2f %8.2f %7.2f %8.2f %8.2f %8s\n",
			n, f, n / w, f / w, w, r, p, w / p, w1, w1 / w, fl, c, cr }'
	rm -rf "$dir" "$tmp/cache-$n"
done
echo "(ratio: whole scan over parse-only; speedup: one core over all $(nproc);" \
	"filling: a scan that writes the cache; 1 change: the next scan after one file changed)"

# The advisory database: a project's 1,000 packages against a 100,000-record archive,
# through the package-name index and without it.
echo "== advisory lookup"
go test -run '^$' -bench 'BenchmarkLoad' -benchtime 3x ./internal/osvdb/ | grep -E '^Benchmark'
