// Offline mode end to end: a real store, the Luzmo backend, real HTTP over loopback. A remote
// backend that refuses connections is marked offline; prompts then wait in the outbox and are
// sent in order, one at a time, once it is reachable again (the probe timing: tst_connectivity).

#include "app/core/chatsession.h"
#include "app/core/connectivity.h"
#include "app/core/outboxsender.h"
#include "app/luzmo/luzmobackend.h"
#include "models/outbox.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray recordedStream()
{
    QFile f(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString promptOf(const FakeHttpServer::Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    return body[u"properties"_s][u"input"_s][0][u"text"_s].toString();
}

// A remote backend ("remote") whose network can be cut: while down, requests go to a port where
// nothing listens (connection refused); while up, to the fake server.
class SwitchableBackend : public Backend
{
public:
    SwitchableBackend(QNetworkAccessManager &network, const FakeHttpServer &server)
        : m_up(network, config(QString::fromLatin1(server.baseUrl())), u"remote"_s)
        , m_down(network, config(u"http://127.0.0.1:1"_s), u"remote"_s)
    {
    }
    static LuzmoConfig config(const QString &url)
    {
        LuzmoConfig c;
        c.host = QUrl(url);
        c.key = u"k"_s;
        c.token = u"t"_s;
        c.limits.idleTimeoutMs = 5000;
        return c;
    }
    void setUp(bool up) { m_isUp = up; }
    int asked = 0;

    QString id() const override { return u"remote"_s; }
    QString displayName() const override { return u"Remote"_s; }
    QString validate(const PromptRequest &request) const override { return m_up.validate(request); }
    AnswerStream *ask(const PromptRequest &request, QObject *parent) override
    {
        ++asked;
        return (m_isUp ? m_up : m_down).ask(request, parent);
    }

private:
    LuzmoBackend m_up;
    LuzmoBackend m_down;
    bool m_isUp = true;
};

// The offline parts over one store, as the GUI wires them.
struct Offline
{
    explicit Offline(TempStore &store, Backend &backend)
        : outbox(store.database)
        , session(*store.repository)
        , sender(outbox, session, connectivity, *store.repository)
    {
        connectivity.setProbeInterval(60'000); // tests drive reconnection themselves
        session.setBackend(&backend);
        session.setOffline(&connectivity, &outbox);
    }
    Connectivity connectivity;
    Outbox outbox;
    ChatSession session;
    OutboxSender sender;
};
} // namespace

class TestOffline : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    QByteArray m_stream;

    static QList<Message> messages(TempStore &store, qint64 conversation)
    {
        auto all = store.repository->messages(conversation);
        return all ? *all : QList<Message>();
    }

    // Sends once with the network down, so the backend is known to be offline.
    static qint64 failOnce(Offline &offline, SwitchableBackend &backend)
    {
        backend.setUp(false);
        QSignalSpy finished(&offline.session, &ChatSession::answerFinished);
        auto conversation = offline.session.send(0, u"Anyone there?"_s);
        if (!conversation || !finished.wait(10000))
            return 0;
        return *conversation;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stream = recordedStream();
        QVERIFY(!m_stream.isEmpty());
    }

    void refusedConnectionQueuesTheNextPrompt()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(m_stream, 400));
        });
        SwitchableBackend backend(m_network, server);
        Offline offline(store, backend);
        QSignalSpy changed(&offline.connectivity, &Connectivity::offlineChanged);

        QVERIFY(!offline.connectivity.isOffline(u"remote"_s));
        const qint64 first = failOnce(offline, backend);
        QVERIFY(first);
        // The failed answer says why; the backend is now known to be offline.
        QCOMPARE(messages(store, first).last().status, MessageStatus::Error);
        QVERIFY(offline.connectivity.isOffline(u"remote"_s));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toString(), u"remote"_s);
        QCOMPARE(changed.first().at(1).toBool(), true);
        QVERIFY(offline.connectivity.nextProbeDelay(u"remote"_s) > 0);

        // The next prompt is stored (pending) and queued: no request is made.
        QSignalSpy queued(&offline.session, &ChatSession::queued);
        const int asked = backend.asked;
        auto conversation = offline.session.send(0, u"Revenue by month?"_s);
        QVERIFY(conversation);
        QVERIFY(!offline.session.isBusy());
        QCOMPARE(backend.asked, asked);
        QCOMPARE(queued.count(), 1);
        const QList<Message> stored = messages(store, *conversation);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().role, MessageRole::User);
        QCOMPARE(stored.first().status, MessageStatus::Pending);
        QCOMPARE(stored.first().text, u"Revenue by month?"_s);
        const auto rows = offline.outbox.queued(u"remote"_s);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().conversationId, *conversation);
        QCOMPARE(rows->first().id, queued.first().at(0).toLongLong());
        QCOMPARE(server.requests().size(), 0);
    }

    void drainsInOrderWhenBackOnline()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        int inFlight = 0;
        int maxInFlight = 0;
        server.setHandler([&](const FakeHttpServer::Request &request) {
            maxInFlight = std::max(maxInFlight, ++inFlight);
            // Each answer its own ids, as a real server gives them (the same ids would be the
            // same messages, and be matched to them).
            return FakeHttpServer::sse(
                FakeHttpServer::split(FakeHttpServer::withFreshIds(m_stream, request), 400), 2);
        });
        SwitchableBackend backend(m_network, server);
        Offline offline(store, backend);
        QSignalSpy finished(&offline.session, &ChatSession::answerFinished);
        connect(&offline.session, &ChatSession::answerFinished, this, [&] { --inFlight; });
        QVERIFY(failOnce(offline, backend));
        inFlight = 0;
        finished.clear();

        auto a = offline.session.send(0, u"first"_s);
        auto b = offline.session.send(0, u"second"_s);
        QVERIFY(offline.session.send(*a, u"third"_s)); // a follow-up in the first conversation
        QCOMPARE(*offline.outbox.queuedCount(), 3);
        QCOMPARE(server.requests().size(), 0);

        backend.setUp(true);
        offline.connectivity.reportSuccess(u"remote"_s); // e.g. a probe got through
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
        QTRY_COMPARE(*offline.outbox.queuedCount(), 0);
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(promptOf(server.requests().at(0)), u"first"_s);
        QCOMPARE(promptOf(server.requests().at(1)), u"second"_s);
        QCOMPARE(promptOf(server.requests().at(2)), u"third"_s);
        QCOMPARE(maxInFlight, 1);
        // The follow-up continued the remote conversation its first answer started.
        const QJsonObject third = QJsonDocument::fromJson(server.requests().at(2).body).object();
        QVERIFY(!third[u"properties"_s][u"conversation_id"_s].toString().isEmpty());

        for (qint64 c : { *a, *b }) {
            for (const Message &m : messages(store, c))
                QCOMPARE(m.status, MessageStatus::Complete);
        }
        QCOMPARE(messages(store, *a).size(), 4); // first, its answer, third, its answer
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM outbox WHERE status = 'sent'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void probeThatFailsQueuesAgain()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(m_stream, 400));
        });
        SwitchableBackend backend(m_network, server);
        Offline offline(store, backend);
        QVERIFY(failOnce(offline, backend));
        auto c = offline.session.send(0, u"still waiting"_s);
        QVERIFY(c);
        const int delay = offline.connectivity.nextProbeDelay(u"remote"_s);

        // A probe while still down: the prompt goes back in the queue, the question waits again,
        // and the next probe waits longer.
        QSignalSpy finished(&offline.session, &ChatSession::answerFinished);
        Q_EMIT offline.connectivity.probeDue(u"remote"_s);
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(*offline.outbox.queuedCount(), 1);
        QCOMPARE(messages(store, *c).first().status, MessageStatus::Pending);
        QCOMPARE(messages(store, *c).size(), 2);
        QCOMPARE(messages(store, *c).last().status, MessageStatus::Error);
        QVERIFY(offline.connectivity.nextProbeDelay(u"remote"_s) > delay);

        // The next probe gets through: the same answer row is asked again, not a second one.
        backend.setUp(true);
        Q_EMIT offline.connectivity.probeDue(u"remote"_s);
        QVERIFY(finished.wait(10000));
        QVERIFY(!offline.connectivity.isOffline(u"remote"_s));
        const QList<Message> after = messages(store, *c);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.first().status, MessageStatus::Complete);
        QCOMPARE(after.last().status, MessageStatus::Complete);
        QCOMPARE(*offline.outbox.queuedCount(), 0);
    }

    void cancelledPromptIsNeverSent()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(m_stream, 400));
        });
        SwitchableBackend backend(m_network, server);
        Offline offline(store, backend);
        QVERIFY(failOnce(offline, backend));
        QSignalSpy queued(&offline.session, &ChatSession::queued);
        auto dropped = offline.session.send(0, u"never mind"_s);
        auto kept = offline.session.send(0, u"keep me"_s);
        QCOMPARE(queued.count(), 2);
        const qint64 droppedRow = queued.first().at(0).toLongLong();

        auto cancelled = offline.sender.cancel(droppedRow);
        QVERIFY(cancelled);
        QVERIFY(*cancelled);
        QCOMPARE(*offline.sender.cancel(droppedRow), false); // once is enough
        // The question stays in its conversation (the text is not lost), marked as not sent.
        const Message question = messages(store, *dropped).first();
        QCOMPARE(question.status, MessageStatus::Error);
        QCOMPARE(question.errorDetail, u"Cancelled before it was sent."_s);

        QSignalSpy finished(&offline.session, &ChatSession::answerFinished);
        backend.setUp(true);
        offline.connectivity.reportSuccess(u"remote"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(promptOf(server.requests().first()), u"keep me"_s);
        QCOMPARE(messages(store, *dropped).size(), 1);
        QCOMPARE(messages(store, *kept).size(), 2);
        QCOMPARE(offline.outbox.entry(droppedRow)->status, OutboxEntry::Status::Cancelled);
    }

    void queueSurvivesARestart()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(m_stream, 400));
        });
        SwitchableBackend backend(m_network, server);
        qint64 conversation = 0;
        {
            Offline before(store, backend);
            QVERIFY(failOnce(before, backend));
            auto c = before.session.send(0, u"written offline"_s);
            QVERIFY(c);
            conversation = *c;
        }
        // A new run over the same store: the connectivity starts unknown (online), so the queue
        // drains as soon as the sender starts.
        QVERIFY(store.repository->markStreamingInterrupted());
        backend.setUp(true);
        Offline after(store, backend);
        QCOMPARE(*after.outbox.queuedCount(), 1);
        QSignalSpy finished(&after.session, &ChatSession::answerFinished);
        after.sender.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(promptOf(server.requests().last()), u"written offline"_s);
        const QList<Message> stored = messages(store, conversation);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.last().status, MessageStatus::Complete);
        QTRY_COMPARE(*after.outbox.queuedCount(), 0);
    }

    void systemOfflineQueuesUntilTheNetworkIsBack()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(m_stream, 400));
        });
        SwitchableBackend backend(m_network, server);
        Offline offline(store, backend);
        offline.connectivity.setSystemOnline(false);
        QVERIFY(offline.session.send(0, u"on the train"_s));
        QCOMPARE(server.requests().size(), 0);
        QSignalSpy finished(&offline.session, &ChatSession::answerFinished);
        offline.connectivity.setSystemOnline(true);
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.requests().size(), 1);
    }

    void localBackendNeverQueues()
    {
        TempStore store;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(m_stream, 400));
        });
        LuzmoBackend local(m_network,
            SwitchableBackend::config(QString::fromLatin1(server.baseUrl())), u"local"_s);
        Offline offline(store, local);
        ApiError refused;
        refused.code = ApiError::Code::Network;
        offline.connectivity.reportFailure(u"local"_s, refused);
        offline.connectivity.setSystemOnline(false);
        QVERIFY(!offline.connectivity.isOffline(u"local"_s));
        QSignalSpy queued(&offline.session, &ChatSession::queued);
        QSignalSpy finished(&offline.session, &ChatSession::answerFinished);
        QVERIFY(offline.session.send(0, u"local question"_s));
        QVERIFY(offline.session.isBusy());
        QVERIFY(finished.wait(10000));
        QCOMPARE(queued.count(), 0);
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOffline)
#include "tst_offline.moc"
