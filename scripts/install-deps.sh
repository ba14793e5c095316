#!/usr/bin/env bash
# Installs the Debian packages Chartroom needs to build, run and test.
# Idempotent: does nothing (quickly) when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib-apt.sh

ensure_debs \
  cmake ninja-build g++ pkg-config \
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite \
  qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qtkeychain-qt6-dev \
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n \
  libmd4c-dev libmd4c-html0-dev libsqlite3-dev \
  libsimdjson-dev \
  xvfb xauth fonts-dejavu-core clang-format \
  appstream desktop-file-utils
