#pragma once

#include <QtGlobal>

#include <algorithm>

// How long a test waits, at most, for an outcome that timers, threads or another process bring
// about: `ms` at full speed, times CHARTROOM_TIMEOUT_SCALE (an integer, default 1), which
// scripts/test-sanitizers.sh sets to 4 for the several times slower ASan + UBSan build. Only
// how long to wait before giving up, never a time the test asserts.
inline int scaledMs(int ms)
{
    static const int scale = std::max(1, qEnvironmentVariableIntValue("CHARTROOM_TIMEOUT_SCALE"));
    return ms * scale;
}
