#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang, -O1, no
# recovery). .ci/run calls it after the README's test command. Tests that wait on timers read
# CHARTROOM_TIMEOUT_SCALE (tests/support/timeoutscale.h) and allow for the slower build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib-apt.sh
source scripts/lib-sanitize-build.sh
bash scripts/install-deps.sh
bash scripts/install-peers.sh
sanitize_build
cd build-asan
export CHARTROOM_TIMEOUT_SCALE=${CHARTROOM_TIMEOUT_SCALE:-4}
# QtTest stops a test function after 5 minutes; the slower build gets 20. The kill tests
# (tst_killsafety, tst_synckill) kill 5 times instead of 20: the normal suite does the 20.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-1200000}
export CHARTROOM_KILL_RUNS=${CHARTROOM_KILL_RUNS:-5}
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 1200 -j 2
