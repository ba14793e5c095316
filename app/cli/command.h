#pragma once

#include "app/cli/commandline.h"
#include "app/cli/output.h"

#include <QObject>

// A command of chartroom-cli: started once from the event loop (app.exec()), it ends with
// finished(exitCode), exactly once, possibly before start() returns. Nothing in it spins an event
// loop of its own.
class Command : public QObject
{
    Q_OBJECT
public:
    explicit Command(const Output &output, QObject *parent = nullptr);

    // Runs the command; finished() follows, exactly once.
    void start();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(int exitCode);

protected:
    static constexpr int Running = -1;
    // The command's work: its exit code when it is done, or Running when finish() comes later.
    virtual int run() = 0;
    void finish(int exitCode);
    // Words the command line's failure as QCommandLineParser does, then `usage`; ExitUsage.
    int usageError(const CommandLine::Failure &failure, const QString &usage);

    const Output &m_output;

private:
    bool m_finished = false;
};
