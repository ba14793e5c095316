#!/usr/bin/env bash
# Installs the Debian packages Chartroom needs to build, run and test.
# Idempotent: does nothing (quickly) when everything is already there.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite
  qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qtkeychain-qt6-dev
  xvfb xauth fonts-dejavu-core clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "install-deps: installing ${#missing[@]} Debian packages..."
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "${0##*/}: apt-get failed" >&2
    exit 1
  fi
  rm -f "$log"
fi
