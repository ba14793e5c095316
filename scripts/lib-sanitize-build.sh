#!/usr/bin/env bash
# Sourced by scripts/test-sanitizers.sh and scripts/fuzz.sh: one clang build, build-asan, of the
# libraries, app, tests and libFuzzer targets under ASan + UBSan (no recovery: the first report
# fails). The tests and the fuzzers share it, so CI compiles the project under clang once.
# sanitize_build [TARGETS...] configures build-asan if needed and builds the targets (all if none).
sanitize_build() {
  ensure_debs clang-14 libclang-rt-14-dev
  local dir=build-asan
  if [ ! -f "$dir/build.ninja" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCHARTROOM_SANITIZE=ON -DCHARTROOM_BUILD_FUZZERS=ON \
      -DCHARTROOM_BUILD_TESTS=ON >"$dir.configure.log" 2>&1 \
      || { cat "$dir.configure.log" >&2; echo "sanitize: cmake configure failed" >&2; return 1; }
  fi
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  ninja -C "$dir" -j "$jobs" --quiet "$@" >"$dir.build.log" 2>&1 \
    || { tail -60 "$dir.build.log" >&2; echo "sanitize: compilation failed" >&2; return 1; }
}

# Options for the sanitizer runtimes: stop at the first error, symbolised stacks, and the leak
# suppressions for what system libraries (fontconfig, Mesa, D-Bus) keep until exit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_stack_use_after_return=0:strict_string_checks=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}
