#!/usr/bin/env bash
# Configures and builds Chartroom: scripts/build.sh BUILD_DIR BUILD_TYPE [cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$1
build_type=$2
shift 2
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >"$build_dir.configure.log" 2>&1 \
    || { cat "$build_dir.configure.log" >&2; echo "build: cmake configure failed" >&2; exit 1; }
fi
jobs=$(nproc 2>/dev/null || echo 2)
ninja -C "$build_dir" -j "$jobs" --quiet 2>&1 | grep -v '^ninja: no work to do' || true
# ninja's status is lost in the pipe above; ask again so a failed build fails loudly.
ninja -C "$build_dir" -j "$jobs" --quiet >/dev/null 2>&1 \
  || { ninja -C "$build_dir" -j 1 2>&1 | tail -40 >&2; echo "build: compilation failed" >&2; exit 1; }
