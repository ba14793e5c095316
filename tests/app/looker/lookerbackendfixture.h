#pragma once

// The Looker backend end to end, shared by tst_lookerbackend and tst_lookerbackenderrors: an
// account for the fake Looker server, and one question asked through a real ChatSession.
#include "app/core/chatsession.h"
#include "app/looker/lookerbackend.h"
#include "tests/support/fakelookerserver.h"
#include "tests/support/tempstore.h"

#include <QByteArray>
#include <QJsonObject>

namespace LookerBackendFixture {
inline const QByteArray chatPath = "/api/4.0/conversational_analytics/chat";
inline const QByteArray conversationsPath = "/api/4.0/conversations";

QJsonObject bodyOf(const FakeHttpServer::Request &request);
// An account with an agent the server knows (its id is "agent-1" on a fresh fake).
LookerConfig config(FakeLookerServer &server, int maxRateLimitRetries = 2);
Message lastMessage(TempStore &store, qint64 conversation);
// Sends `text` and waits for the answer; returns the stored answer.
Message ask(ChatSession &session, TempStore &store, qint64 *conversation, const QString &text,
    int timeoutMs = 10000);
} // namespace LookerBackendFixture
