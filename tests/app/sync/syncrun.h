#pragma once

#include "app/sync/syncengine.h"

#include <QSignalSpy>
#include <QTest>

// Runs one sync to its end (bounded in time) and returns the outcome; neither flag is set
// when it did not end in time.
struct SyncRun
{
    bool finished = false;
    bool failed = false;
    SyncReport report;
    SyncError error;

    static SyncRun of(SyncEngine &engine, int timeoutMs = 60000)
    {
        SyncRun run;
        QSignalSpy finishedSpy(&engine, &SyncEngine::finished);
        QSignalSpy failedSpy(&engine, &SyncEngine::failed);
        engine.start();
        (void)QTest::qWaitFor([&] { return finishedSpy.size() + failedSpy.size() > 0; }, timeoutMs);
        run.finished = finishedSpy.size() == 1;
        run.failed = failedSpy.size() == 1;
        if (run.finished)
            run.report = finishedSpy.first().first().value<SyncReport>();
        if (run.failed)
            run.error = failedSpy.first().first().value<SyncError>();
        return run;
    }
};
