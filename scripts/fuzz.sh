#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz in build-asan (clang-14, ASan + UBSan, see
# scripts/lib-sanitize-build.sh) and runs each for SECONDS (default 30) on a copy of its seed
# corpus (tests/fuzz/corpus/<target>, never written). Fails when a target finds a crash, a leak,
# undefined behaviour, a broken property, a timeout (10 s) or too much memory (2 GiB), and says
# where the reproducer is and how to run it.
# Usage: scripts/fuzz.sh [SECONDS]
#   FUZZ_TARGETS="fuzz_sse fuzz_csv"  runs only those;  FUZZ_OUT=DIR  keeps logs and reproducers
#   there (default build-asan/fuzz);  CHARTROOM_BUILD_LOCK=FILE  builds under flock FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
source scripts/lib-apt.sh
source scripts/lib-sanitize-build.sh
bash scripts/install-deps.sh

if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  targets=()
  for source in tests/fuzz/fuzz_*.cpp; do
    name=${source##*/}
    targets+=("${name%.cpp}")
  done
fi

start=$SECONDS
if [ -n "${CHARTROOM_BUILD_LOCK:-}" ]; then
  exec 9>"$CHARTROOM_BUILD_LOCK"
  flock 9
fi
sanitize_build "${targets[@]}"
if [ -n "${CHARTROOM_BUILD_LOCK:-}" ]; then flock -u 9; fi
echo "fuzz: built ${#targets[@]} targets in $((SECONDS - start)) s; running each for $seconds s"

out=$(realpath -m "${FUZZ_OUT:-build-asan/fuzz}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Parsers that log what they skip would spend the run writing to stderr.
export QT_LOGGING_RULES=${QT_LOGGING_RULES:-*=false}
failed=()
for t in "${targets[@]}"; do
  rm -rf "${out:?}/$t"
  mkdir -p "$out/$t" "$work/$t"
  cp -r "tests/fuzz/corpus/$t/." "$work/$t/"
  log=$out/$t/fuzz.log
  if "build-asan/tests/fuzz/$t" "$work/$t" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/$t/" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $t: ok, ${runs:-?} runs, corpus $(find "$work/$t" -type f | wc -l) inputs"
  else
    failed+=("$t")
    tail -40 "$log" >&2
    for repro in "$out/$t"/crash-* "$out/$t"/leak-* "$out/$t"/timeout-* "$out/$t"/oom-*; do
      [ -e "$repro" ] || continue
      echo "fuzz: $t FOUND A PROBLEM; reproducer: $repro" >&2
      echo "      run it again: build-asan/tests/fuzz/$t $repro" >&2
    done
    echo "fuzz: $t failed; its log: $log" >&2
  fi
done
echo "fuzz: done in $((SECONDS - start)) s"
if ((${#failed[@]})); then
  echo "fuzz: problems found by: ${failed[*]}" >&2
  exit 1
fi
