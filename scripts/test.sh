#!/usr/bin/env bash
# Quick start, 2 of 2: installs what Chartroom needs, builds it with warnings as errors and runs
# every test (format check, unit, integration, widget and peer tests) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-peers.sh
bash scripts/check-format.sh
bash scripts/build.sh build-test Debug -DCHARTROOM_WERROR=ON -DCHARTROOM_BUILD_TESTS=ON
cd build-test
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j 2
