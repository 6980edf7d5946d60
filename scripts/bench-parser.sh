#!/usr/bin/env bash
# bench-parser.sh — our parser's throughput beside the reference parser's
# (pqref, Microsoft's TypeScript parser) on the same files, same machine:
# the connectors in m/parser/testdata/connectors and one generated section
# document of about 1.5 MB (the same file for both parsers). Prints one row
# per file: MB/s of each and the ratio. Needs node and a set-up pqref
# ($PQREF, ../shared/tools/pqref or /tmp/pqref); without them it says so and
# exits 0, since `make bench` must work with Go alone.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
pqref=""
for d in "${PQREF:-}" ../shared/tools/pqref /tmp/pqref; do
	if [ -n "$d" ] && [ -d "$d/node_modules" ]; then pqref=$(cd "$d" && pwd); break; fi
done
if [ -z "$pqref" ] || ! command -v node >/dev/null; then
	echo "bench-parser: no set-up pqref (see .ci/run), skipping the side-by-side comparison"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
large="$tmp/large.pq"
PQCERT_WRITE_LARGE="$large" PQCERT_LARGE_SIZE=$((3 << 19)) go test -count=1 -run '^TestWriteLarge$' ./m/parser >/dev/null

files=()
for f in m/parser/testdata/connectors/*.pq; do files+=("$repo/$f"); done
files+=("$large")
list=$(IFS=:; echo "${files[*]}")
ours=$(PQCERT_BENCH_FILES="$list" go test -run '^$' -bench '^BenchmarkParseFiles$' -benchtime 2s ./m/parser)

printf '%-28s %10s %12s %12s %8s\n' file bytes "pqcert MB/s" "pqref MB/s" ratio
for f in "${files[@]}"; do
	base=$(basename "$f")
	n=30 warmup=10
	if [ "$f" = "$large" ]; then n=3 warmup=1; fi # pqref does about 0.3 MB/s
	our=$(echo "$ours" | awk -v b="BenchmarkParseFiles/$base" 'index($1, b) == 1 { for (i = 1; i <= NF; i++) if ($(i+1) == "MB/s") print $i }' | head -n 1)
	ref=$(cd "$pqref" && node --expose-gc pqref.js --bench "$f" -n "$n" --warmup "$warmup" 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s.trim().split("\n")[0]);console.log(r.mbPerSec.toFixed(2))})')
	ratio=$(awk -v a="$our" -v b="$ref" 'BEGIN { if (b > 0) printf "%.0fx", a / b; else print "-" }')
	printf '%-28s %10s %12s %12s %8s\n' "$base" "$(wc -c < "$f")" "$our" "$ref" "$ratio"
done
