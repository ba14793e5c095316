#pragma once

#include "app/luzmo/luzmoconfig.h"
#include "tests/support/fakehttpserver.h"

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
