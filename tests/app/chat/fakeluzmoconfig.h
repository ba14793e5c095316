#pragma once

#include "app/luzmo/luzmoconfig.h"
#include "tests/support/fakehttpserver.h"

#include <QFile>
#include <QUrl>

// The chat session suites' Luzmo account: the fake server on loopback, a key and token, and an
// idle limit short enough for a test.
inline LuzmoConfig fakeLuzmoConfig(const FakeHttpServer &server)
{
    LuzmoConfig c;
    c.host = QUrl(QString::fromLatin1(server.baseUrl()));
    c.key = QStringLiteral("k");
    c.token = QStringLiteral("t");
    c.limits.idleTimeoutMs = 5000;
    return c;
}

// The recorded Luzmo answer (tests/data/aiprompt-stream.sse) with the question's, the answer's
// and the chart's ids made the `n`th of their kind: each prompt gets its own, as from Luzmo
// (one remote id twice is one message to the store).
inline QByteArray recordedLuzmoAnswer(int n)
{
    QFile f(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR")
        + QStringLiteral("/tests/data/aiprompt-stream.sse"));
    QByteArray stream = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    // The ids' last 12 hex digits (see the file), each replaced by 12 digits of its own.
    const char *const tails[] = { "9a84b446d9ef", "c4b6e9a10d98", "0fe651a342af" };
    for (int kind = 0; kind < 3; ++kind)
        stream.replace(tails[kind], QByteArray::number((kind + 1) * 100000000000LL + n));
    return stream;
}
