#include "tests/app/looker/lookerbackendfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace LookerBackendFixture {
QJsonObject bodyOf(const FakeHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

LookerConfig config(FakeLookerServer &server, int maxRateLimitRetries)
{
    LookerConfig c;
    c.baseUrl = server.baseUrl();
    c.clientId = u"looker-id"_s;
    c.clientSecret = u"looker-secret"_s;
    c.agentId = server.agents().isEmpty() ? server.addAgent(u"Orders"_s,
                    QJsonArray { QJsonObject {
                        { u"model"_s, u"thelook"_s }, { u"explore"_s, u"orders"_s } } })
                                          : server.agents().first()[u"id"_s].toString();
    c.limits.connectTimeoutMs = 5000;
    c.limits.idleTimeoutMs = 5000;
    c.maxRateLimitRetries = maxRateLimitRetries;
    return c;
}

Message lastMessage(TempStore &store, qint64 conversation)
{
    auto messages = store.repository->messages(conversation);
    return messages && !messages->isEmpty() ? messages->last() : Message {};
}

Message ask(ChatSession &session, TempStore &store, qint64 *conversation, const QString &text,
    int timeoutMs)
{
    QSignalSpy finished(&session, &ChatSession::answerFinished);
    auto sent = session.send(*conversation, text);
    if (!sent)
        return {};
    *conversation = *sent;
    if (!finished.wait(timeoutMs))
        return {};
    return lastMessage(store, *conversation);
}
} // namespace LookerBackendFixture
