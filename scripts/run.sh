#!/usr/bin/env bash
# Quick start, 1 of 2: installs what Chartroom needs, builds it (Release) and launches the GUI.
# Extra arguments go to the app, e.g. scripts/run.sh --data-dir /tmp/chartroom-demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh build-release Release -DCHARTROOM_BUILD_TESTS=OFF
echo "run: starting build-release/app/chartroom"
exec build-release/app/chartroom "$@"
