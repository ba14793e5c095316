#include "app/cli/command.h"

Command::Command(const Output &output, QObject *parent)
    : QObject(parent)
    , m_output(output)
{
}

void Command::start()
{
    if (const int exitCode = run(); exitCode != Running)
        finish(exitCode);
}

void Command::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

int Command::usageError(const CommandLine::Failure &failure, const QString &usage)
{
    m_output.error(failure.text);
    m_output.error(usage);
    return ExitUsage;
}
