#pragma once

#include <QSignalSpy>
#include <QTest>

// Runs a chartroom-cli Command (start(), then finished(int exitCode)) in-process under the
// test's event loop, as chartroom-cli runs it under app.exec(). Its exit code, or -1 when it did
// not finish within `timeoutMs`.
template<typename C> int runCommand(C &command, int timeoutMs = 60000)
{
    QSignalSpy finished(&command, &C::finished);
    command.start();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return -1;
    return finished.constFirst().constFirst().toInt();
}

// The same for a command made here from `arguments` (its constructor's).
template<typename C, typename... Arguments> int runCommandOf(Arguments &&...arguments)
{
    C command(std::forward<Arguments>(arguments)...);
    return runCommand(command);
}
