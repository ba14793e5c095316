#!/usr/bin/env bash
# Runs the benchmarks in a Release build (issue 14.6) and prints them beside their goals.
# Builds build-release (configured once, if it does not exist yet; only the bench targets are
# built, under the shared build lock), generates a 100 MB aiprompt stream in /tmp, runs bench_sse
# and the npm eventsource-parser reference (tests/peers/sse-bench) on the same file in the same
# run, and prints the SSE table: C++ MB/s, JS MB/s, the ratio and the goals (>= 1 GB/s, >= 5x).
# Then it runs the other benchmarks of tests/bench with their default sizes (bench_store takes
# minutes at 1M messages the first time; the 1M stores are kept in $CHARTROOM_BENCH_DIR,
# default /var/tmp/chartroom-bench); --sse-only skips them. Every JSON line they print is kept in
# build-release/bench.log, and scripts/bench-table.py prints them all as one table, each figure
# beside its goal (--markdown: the README's table).
# Usage: scripts/bench.sh [--sse-only] [--megabytes N] [--markdown]
set -euo pipefail
cd "$(dirname "$0")/.."

sse_only=0
megabytes=100
markdown=
while [ $# -gt 0 ]; do
  case $1 in
    --sse-only) sse_only=1 ;;
    --megabytes) megabytes=$2; shift ;;
    --markdown) markdown=--markdown ;;
    *) echo "usage: scripts/bench.sh [--sse-only] [--megabytes N] [--markdown]" >&2; exit 2 ;;
  esac
  shift
done

build=build-release
others=(bench_latency bench_uistall bench_firstpaint bench_store bench_import bench_analyst bench_chart
  bench_sync bench_hugemessage bench_coldstart bench_serverload)
targets=(bench_sse)
[ "$sse_only" = 1 ] || targets+=("${others[@]}")
if [ ! -f "$build/build.ninja" ]; then
  flock /tmp/chartroom-build.lock cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCHARTROOM_BUILD_TESTS=ON >/dev/null
fi
flock /tmp/chartroom-build.lock ninja -C "$build" -j 2 "${targets[@]}"

js_dir=tests/peers/sse-bench
if [ ! -d "$js_dir/node_modules/eventsource-parser" ]; then
  (cd "$js_dir" && npm ci --no-audit --no-fund --silent)
fi

file=/tmp/chartroom-bench-sse-${megabytes}mb.sse
[ -f "$file" ] || "$build/tests/bench/bench_sse" --generate "$file" --megabytes "$megabytes"

field() { # field NAME JSON-LINE
  sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" <<<"$2"
}

cpp=$("$build/tests/bench/bench_sse" --file "$file")
js=$(node "$js_dir/bench-sse.js" --file "$file")
cpp_mbs=$(field mb_per_s "$cpp")
js_mbs=$(field mb_per_s "$js")
# Each parses the file 3 times and reports the fastest; the first run's MB/s beside it.
first_mbs() { awk -v b="$(field bytes "$1")" -v s="$(field first_run_s "$1")" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
cpp_first=$(first_mbs "$cpp")
js_first=$(first_mbs "$js")
ratio=$(awk -v a="$cpp_mbs" -v b="$js_mbs" 'BEGIN { printf "%.2f", a / b }')
meets() { awk -v v="$1" -v g="$2" 'BEGIN { print (v >= g ? "met" : "NOT met") }'; }

echo "bench.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "SSE stream: $file ($(field bytes "$cpp") bytes, $(field events "$cpp") events), 16 KiB chunks"
printf '%-52s %12s %14s  %s\n' "what" "measured" "goal" ""
printf '%-52s %12s %14s  %s\n' "C++ SseParser + AiPromptDecoder + AnswerAssembler" \
  "$cpp_mbs MB/s" ">= 1000 MB/s" "$(meets "$cpp_mbs" 1000)"
printf '%-52s %12s %14s\n' "  its first run (first touch of the file's pages)" "$cpp_first MB/s" "-"
printf '%-52s %12s %14s\n' "JS eventsource-parser + JSON.parse (node $(node --version))" \
  "$js_mbs MB/s" "-"
printf '%-52s %12s %14s\n' "  its first run" "$js_first MB/s" "-"
printf '%-52s %12s %14s  %s\n' "ratio C++ / JS" "${ratio}x" ">= 5x" "$(meets "$ratio" 5)"

log=$build/bench.log
{
  echo "{\"bench\":\"sse\",\"impl\":\"cpp\",\"mb_per_s\":$cpp_mbs}"
  echo "{\"bench\":\"sse\",\"impl\":\"cpp_first\",\"mb_per_s\":$cpp_first}"
  echo "{\"bench\":\"sse\",\"impl\":\"js\",\"mb_per_s\":$js_mbs}"
  echo "{\"bench\":\"sse\",\"impl\":\"js_first\",\"mb_per_s\":$js_first}"
  echo "{\"bench\":\"sse\",\"impl\":\"ratio\",\"ratio\":$ratio}"
} >"$log"
[ "$sse_only" = 1 ] && exit 0

# The other benchmarks print one JSON line per measurement (and some human-readable lines).
# The 1M-message stores are written once (minutes) and kept between runs.
keep=${CHARTROOM_BENCH_DIR:-/var/tmp/chartroom-bench}
mkdir -p "$keep/store" "$keep/coldstart"
for bench in "${others[@]}"; do
  args=()
  case $bench in
    bench_store) args=(--dir "$keep/store") ;;
    bench_coldstart) args=(--dir "$keep/coldstart") ;;
  esac
  echo "--- $bench ${args[*]}"
  QT_QPA_PLATFORM=offscreen "$build/tests/bench/$bench" "${args[@]}" | tee -a "$log"
  if [ "$bench" = bench_coldstart ]; then # again as after a restart, the last conversation open
    echo "--- $bench ${args[*]} --reopen"
    QT_QPA_PLATFORM=offscreen "$build/tests/bench/$bench" "${args[@]}" --reopen | tee -a "$log"
  fi
done
echo
echo "bench.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), Release"
python3 scripts/bench-table.py "$log" $markdown
