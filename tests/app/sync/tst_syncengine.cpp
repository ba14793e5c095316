// SyncEngine against the real built-in server (LocalServer on loopback): conversations created
// through its aiprompt endpoint are imported with their messages in order and their charts;
// a re-run changes nothing; a later run brings only what is new; the open views follow.

#include "app/luzmo/luzmoclient.h"
#include "app/net/apicall.h"
#include "app/server/localserver.h"
#include "app/sync/luzmosyncsource.h"
#include "models/conversationlistmodel.h"
#include "tests/app/sync/syncrun.h"
#include "tests/support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_serverDir;
    std::unique_ptr<LocalServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<LuzmoClient> m_client;

    static std::optional<QJsonObject> wait(ApiCall *call)
    {
        std::optional<QJsonObject> result;
        bool done = false;
        QObject::connect(call, &ApiCall::succeeded, call, [&](const QByteArray &body) {
            result = QJsonDocument::fromJson(body).object();
            done = true;
        });
        QObject::connect(call, &ApiCall::failed, call, [&](const ApiError &) { done = true; });
        (void)QTest::qWaitFor([&] { return done; }, 20000);
        return result;
    }
    // One turn on the server; returns the remote conversation id.
    QString ask(const QString &text, const QString &conversationId = {})
    {
        AiPromptRequest request;
        request.agent = u"item"_s;
        request.texts = QStringList { text };
        request.conversationId = conversationId;
        request.stream = false;
        const auto answer = wait(m_client->createAiPrompt(request, this));
        return answer ? answer->value(u"conversation_id").toString() : QString();
    }
    // The server's messages of a conversation, in its order.
    QJsonArray serverMessages(const QString &conversationId)
    {
        const QJsonObject find { { u"where"_s,
                                     QJsonObject { { u"conversation_id"_s, conversationId } } },
            { u"include"_s, QJsonArray { QJsonObject { { u"model"_s, u"AIMessageAsset"_s } } } },
            { u"order"_s, QJsonArray { QJsonValue(QJsonArray { u"created_at"_s, u"asc"_s }) } } };
        const auto answer = wait(m_client->get(u"aimessage"_s, find, this));
        return answer ? answer->value(u"rows").toArray() : QJsonArray();
    }
    static QString snapshot(TempStore &store)
    {
        QSqlQuery q(store.database.connection());
        q.exec(u"SELECT group_concat(id || ':' || text || ':' || updated_at || ':' || seq, '|') "
               u"FROM messages"_s);
        q.next();
        QString s = q.value(0).toString();
        q.exec(u"SELECT group_concat(id || ':' || title || ':' || updated_at, '|') FROM "
               u"conversations"_s);
        q.next();
        return s + u"#" + q.value(0).toString();
    }

    // The search index holds exactly the synced messages (they are indexed in one statement per
    // page, migration 7): FTS5's own check against the messages table passes, no row is left
    // marked, and a word finds the same messages as a plain LIKE over their text.
    static void verifySearchIndex(TempStore &store, const QString &word)
    {
        QSqlQuery q(store.database.connection());
        QVERIFY2(q.exec(u"INSERT INTO messages_fts (messages_fts, rank) "
                        u"VALUES ('integrity-check', 1)"_s),
            qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"SELECT count(*) FROM messages WHERE fts_deferred <> 0"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(u"SELECT group_concat(id) FROM (SELECT rowid AS id FROM messages_fts "
                       u"WHERE messages_fts MATCH '"_s
                    + word + u"' ORDER BY rowid)"_s)
            && q.next());
        const QString indexed = q.value(0).toString();
        QVERIFY(q.exec(u"SELECT group_concat(id) FROM (SELECT id FROM messages "
                       u"WHERE text LIKE '%"_s
                    + word + u"%' ORDER BY id)"_s)
            && q.next());
        QVERIFY(!indexed.isEmpty());
        QCOMPARE(indexed, q.value(0).toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_serverDir.isValid());
        LocalServer::Options options;
        options.dataDirectory = m_serverDir.path();
        options.streamDelayMs = 0;
        m_server = std::make_unique<LocalServer>(options);
        QCOMPARE(m_server->start(), QString());
        LuzmoConfig config;
        config.host = QUrl(m_server->url());
        config.key = m_server->key();
        config.token = m_server->token();
        m_client = std::make_unique<LuzmoClient>(m_network, config);
        QVERIFY(!ask(u"Show monthly revenue as a line chart"_s).isEmpty());
        const QString second = ask(u"Show revenue by region as a line chart"_s);
        QVERIFY(!second.isEmpty());
        QVERIFY(!ask(u"Describe the trend"_s, second).isEmpty());
    }

    void importsThenIsIdempotent_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("one page") << 25;
        QTest::newRow("pages of one conversation") << 1;
    }
    void importsThenIsIdempotent()
    {
        QFETCH(int, pageSize);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        ConversationListModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LuzmoSyncSource source(*m_client, u"local"_s);
        source.setPageSize(pageSize);
        SyncEngine engine(*store.repository, source);

        const SyncRun first = SyncRun::of(engine);
        QVERIFY2(first.finished, qPrintable(first.error.message));
        QCOMPARE(first.report.conversationsAdded, 2);
        QCOMPARE(first.report.messagesAdded, 6);
        QCOMPARE(model.rowCount(), 2); // the open list followed the sync
        auto conversations = store.repository->conversations(10);
        QCOMPARE(conversations->size(), 2);
        int assets = 0;
        for (const Conversation &c : *conversations) {
            QCOMPARE(c.backend, u"local"_s);
            const QJsonArray remote = serverMessages(c.remoteId);
            auto local = store.repository->messages(c.id);
            QCOMPARE(local->size(), remote.size());
            for (int i = 0; i < remote.size(); ++i) {
                const QJsonObject r = remote.at(i).toObject();
                const Message &m = local->at(i);
                QCOMPARE(m.remoteId, r.value(u"id").toString());
                QCOMPARE(roleName(m.role), r.value(u"role").toString());
                QCOMPARE(m.text, r.value(u"message").toString());
                QCOMPARE(m.agent, r.value(u"agent").toString());
                QCOMPARE(m.seq, i + 1);
                QCOMPARE(m.status, MessageStatus::Complete);
                const QJsonArray ra = r.value(u"aiMessageAssets").toArray();
                QCOMPARE(m.assets.size(), ra.size());
                for (int k = 0; k < ra.size(); ++k) {
                    QCOMPARE(m.assets.at(k).remoteId, ra.at(k).toObject().value(u"id").toString());
                    QCOMPARE(QJsonDocument::fromJson(m.assets.at(k).valueJson).object(),
                        ra.at(k).toObject().value(u"value").toObject());
                    ++assets;
                }
            }
        }
        QVERIFY(assets > 0); // the item agent answers with charts
        QCOMPARE(first.report.assetsAdded, assets);
        verifySearchIndex(store, u"revenue"_s);

        const QString before = snapshot(store);
        const SyncRun again = SyncRun::of(engine);
        QVERIFY(again.finished);
        QCOMPARE(again.report.conversationsAdded + again.report.conversationsUpdated
                + again.report.conversationsDeleted,
            0);
        QCOMPARE(again.report.messagesAdded + again.report.messagesUpdated, 0);
        QCOMPARE(snapshot(store), before);

        // A full re-sync from no cursor also changes nothing (upsert by remote id).
        QSqlQuery q(store.database.connection());
        QVERIFY(q.exec(u"DELETE FROM sync_state"_s));
        const SyncRun full = SyncRun::of(engine);
        QVERIFY(full.finished);
        QCOMPARE(full.report.messagesSeen, 6);
        QCOMPARE(full.report.messagesAdded + full.report.messagesUpdated, 0);
        QCOMPARE(snapshot(store), before);
    }

    void laterRunBringsOnlyWhatIsNew()
    {
        TempStore store;
        LuzmoSyncSource source(*m_client, u"local"_s);
        SyncEngine engine(*store.repository, source);
        QVERIFY(SyncRun::of(engine).finished);
        const int before = store.repository->conversations(10)->size();

        QTest::qWait(5); // the server's times have milliseconds
        const QString remote = store.repository->conversations(10)->last().remoteId;
        QVERIFY(!ask(u"And per quarter?"_s, remote).isEmpty());
        QVERIFY(!ask(u"Show the number of orders as a line chart"_s).isEmpty());
        QSignalSpy added(store.repository.get(), &Repository::messageAdded);
        const SyncRun run = SyncRun::of(engine);
        QVERIFY(run.finished);
        QCOMPARE(run.report.conversationsSeen, 2);
        QCOMPARE(run.report.messagesSeen, 4); // only the two new turns came over the wire
        QCOMPARE(run.report.messagesAdded, 4);
        QCOMPARE(run.report.conversationsAdded, 1);
        QCOMPARE(run.report.conversationsUpdated, 1);
        QCOMPARE(added.size(), 4);
        QCOMPARE(store.repository->conversations(10)->size(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
