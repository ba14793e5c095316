// The agent of a new Looker conversation, as Looker's SDK test sets it up (create an agent with
// sources, then a conversation with its agent_id, then chat): the configured agent id; else,
// with sources, the agent found by name with GET /agents/search or created with POST /agents;
// else none. Against the strict FakeLookerServer, through a real ChatSession and store.

#include "app/core/chatsession.h"
#include "app/looker/lookerbackend.h"
#include "app/looker/lookerrequests.h"
#include "tests/support/fakelookerserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QByteArray agentsPath = "/api/4.0/agents";
const QByteArray searchPath = "/api/4.0/agents/search";
const QByteArray conversationsPath = "/api/4.0/conversations";

QJsonObject bodyOf(const FakeHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

const QJsonArray orders { QJsonObject {
    { u"model"_s, u"thelook"_s }, { u"explore"_s, u"orders"_s } } };
} // namespace

class TestLookerAgent : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static LookerConfig config(const FakeLookerServer &server, bool withSources)
    {
        LookerConfig c;
        c.baseUrl = server.baseUrl();
        c.clientId = u"looker-id"_s;
        c.clientSecret = u"looker-secret"_s;
        if (withSources)
            c.sources = { { u"thelook"_s, u"orders"_s } };
        c.limits.connectTimeoutMs = 5000;
        c.limits.idleTimeoutMs = 5000;
        return c;
    }

    // A store, the fake (listening, answering "Fine."), and once start()ed a ChatSession on a
    // LookerBackend with or without sources.
    struct Rig
    {
        TempStore store;
        FakeLookerServer server;
        std::unique_ptr<LookerBackend> backend;
        std::unique_ptr<ChatSession> session;

        bool listen()
        {
            server.setChatScript({ FakeLookerServer::text(u"Fine."_s) });
            return server.listen();
        }
        void start(QNetworkAccessManager &network, bool withSources)
        {
            backend = std::make_unique<LookerBackend>(network, config(server, withSources));
            session = std::make_unique<ChatSession>(*store.repository);
            session->setBackend(backend.get());
        }
        Message ask()
        {
            QSignalSpy finished(session.get(), &ChatSession::answerFinished);
            auto sent = session->send(0, u"Revenue by month"_s);
            if (!sent || !finished.wait(10000))
                return {};
            auto messages = store.repository->messages(*sent);
            return messages && !messages->isEmpty() ? messages->last() : Message {};
        }
        QJsonObject conversationCreate(int i) const
        {
            return bodyOf(server.requestsTo("POST", conversationsPath).value(i));
        }
    };

private Q_SLOTS:
    void createdWhenMissing()
    {
        Rig rig;
        QVERIFY(rig.listen());
        FakeLookerServer &server = rig.server;
        server.addAgent(u"Someone else's"_s, orders); // agent-1: another name
        rig.start(m_network, true);
        QCOMPARE(rig.ask().status, MessageStatus::Complete);

        // Searched by the name Chartroom gives it, then created with the SDK test's fields.
        const auto searches = server.requestsTo("GET", searchPath);
        QCOMPARE(searches.size(), 1);
        QCOMPARE(searches.first().path,
            QByteArray("/api/4.0/agents/search?name=Chartroom:%20thelook/orders"
                       "&category=conversation&deleted=false"));
        const auto creates = server.requestsTo("POST", agentsPath);
        QCOMPARE(creates.size(), 1);
        const QJsonObject agent = bodyOf(creates.first());
        QCOMPARE(agent.keys(),
            (QStringList {
                u"category"_s, u"context"_s, u"description"_s, u"name"_s, u"sources"_s }));
        QCOMPARE(agent[u"name"_s].toString(), u"Chartroom: thelook/orders"_s);
        QCOMPARE(agent[u"category"_s].toString(), u"conversation"_s);
        QCOMPARE(agent[u"sources"_s].toArray(), orders);
        QVERIFY(!agent[u"context"_s][u"instructions"_s].toString().isEmpty());
        QVERIFY(!agent[u"description"_s].toString().isEmpty());

        // The conversation belongs to the new agent (agent-1 exists; the new one is agent-3:
        // agent-1, then the login's token-2).
        const QString created = server.agents().last()[u"id"_s].toString();
        QCOMPARE(created, u"agent-3"_s);
        QCOMPARE(server.requestsTo("POST", conversationsPath).size(), 1);
        QCOMPARE(rig.conversationCreate(0)[u"agent_id"_s].toString(), created);
        QVERIFY(!rig.conversationCreate(0).contains(u"sources"_s));

        // A second conversation in the same session reuses it: no more lookups.
        QCOMPARE(rig.ask().status, MessageStatus::Complete);
        QCOMPARE(server.requestsTo("GET", searchPath).size(), 1);
        QCOMPARE(server.requestsTo("POST", agentsPath).size(), 1);
        QCOMPARE(rig.conversationCreate(1)[u"agent_id"_s].toString(), created);
    }

    void foundByName()
    {
        Rig rig;
        QVERIFY(rig.listen());
        const QString existing = rig.server.addAgent(u"Chartroom: thelook/orders"_s, orders);
        rig.start(m_network, true);
        QCOMPARE(rig.ask().status, MessageStatus::Complete);
        QCOMPARE(rig.server.requestsTo("POST", agentsPath).size(), 0);
        QCOMPARE(rig.conversationCreate(0)[u"agent_id"_s].toString(), existing);
    }

    void noSourcesNoAgent()
    {
        Rig rig;
        QVERIFY(rig.listen());
        rig.start(m_network, false);
        QCOMPARE(rig.ask().status, MessageStatus::Complete);
        QCOMPARE(rig.server.requestsTo("GET", searchPath).size(), 0);
        QCOMPARE(rig.server.requestsTo("POST", agentsPath).size(), 0);
        QCOMPARE(rig.conversationCreate(0),
            (QJsonObject {
                { u"name"_s, u"Revenue by month"_s }, { u"category"_s, u"conversation"_s } }));
    }

    void creationRefused()
    {
        Rig rig;
        QVERIFY(rig.listen());
        rig.server.injectError("POST", agentsPath, 422,
            FakeLookerServer::validationBody({ { u"sources"_s, u"unknown explore orders"_s } }));
        rig.start(m_network, true);
        const Message answer = rig.ask();
        QCOMPARE(answer.status, MessageStatus::Error);
        QVERIFY2(answer.errorDetail.contains(u"agent"_s), qPrintable(answer.errorDetail));
        QVERIFY2(answer.errorDetail.contains(u"sources: unknown explore orders"_s),
            qPrintable(answer.errorDetail));
        QCOMPARE(rig.server.requestsTo("POST", conversationsPath).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLookerAgent)
#include "tst_lookeragent.moc"
