// LookerSyncSource through the real SyncEngine into a TempStore, against FakeLookerServer on
// loopback: the first sync imports the conversations and their messages in `order`; a re-run
// changes nothing; a later change is picked up; conversations removed or marked deleted
// remotely are soft-deleted locally; a wrong client secret fails as an auth error in words;
// `sync --backend looker` through SyncCommand.

#include "fakelookerserver.h"
#include "lookersession.h"
#include "lookersyncsource.h"
#include "output.h"
#include "synccommand.h"
#include "syncrun.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>

#include <cstdio>
#include <memory>

class TestLookerSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLookerServer> m_server;
    QNetworkAccessManager m_network;

    LookerConfig config(const QString &secret = u"looker-secret"_qs) const
    {
        LookerConfig c;
        c.baseUrl = m_server->baseUrl();
        c.clientId = u"looker-id"_qs;
        c.clientSecret = secret;
        return c;
    }

    SyncRun sync(TempStore &store, int pageSize = 0, const QString &secret = u"looker-secret"_qs)
    {
        LookerSession session(m_network, config(secret));
        LookerSyncSource source(session, u"looker"_qs);
        if (pageSize > 0)
            source.setPageSize(pageSize);
        SyncEngine engine(*store.repository, source);
        return SyncRun::of(engine, 20000);
    }

    static QString query(TempStore &store, const QString &sql)
    {
        QSqlQuery q(store.database.connection());
        if (!q.exec(sql))
            return u"<error>"_qs;
        QStringList rows;
        while (q.next())
            rows << q.value(0).toString();
        return rows.join(u'|');
    }
    // "title:deleted" of the looker conversations, by remote id.
    static QString conversations(TempStore &store)
    {
        return query(store,
            u"SELECT title || ':' || deleted FROM conversations WHERE backend = 'looker' "
            u"ORDER BY remote_id"_qs);
    }
    // "role:text" of a conversation's messages, in their order.
    static QString messages(TempStore &store, const QString &remoteId)
    {
        return query(store,
            u"SELECT m.role || ':' || m.text FROM messages m JOIN conversations c ON "
            u"c.id = m.conversation_id WHERE c.remote_id = '%1' ORDER BY m.seq"_qs.arg(remoteId));
    }
    static QString snapshot(TempStore &store)
    {
        return query(store,
                   u"SELECT id || ':' || text || ':' || updated_at || ':' || seq FROM messages"_qs)
            + u'#'
            + query(store,
                u"SELECT id || ':' || title || ':' || updated_at || ':' || deleted "
                u"FROM conversations"_qs);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeLookerServer>();
        QVERIFY(m_server->listen());
    }

    void mapsMessages()
    {
        QJsonObject thought { { u"message"_qs, FakeLookerServer::thought(u"thinking"_qs) },
            { u"type"_qs, u"system"_qs }, { u"order"_qs, 2 } };
        thought.insert(u"id"_qs, u"t"_qs);
        const QJsonObject conversation { { u"id"_qs, u"c1"_qs }, { u"name"_qs, u"Revenue"_qs },
            { u"created_at"_qs, u"2025-06-01T09:00:00.000+00:00"_qs },
            { u"messages"_qs,
                QJsonArray { FakeLookerServer::systemTurn(u"It grew."_qs, 3), thought,
                    FakeLookerServer::userTurn(u"How did revenue do?"_qs, 1) } } };
        const RemoteConversation c = LookerSyncSource::conversationFromJson(conversation);
        QCOMPARE(c.remoteId, u"c1"_qs);
        QCOMPARE(c.title, u"Revenue"_qs);
        QCOMPARE(c.updatedAt, c.createdAt); // no updated_at: created_at
        QCOMPARE(c.messages.size(), 2); // the thought is left out
        QCOMPARE(c.messages.at(0).role, MessageRole::User);
        QCOMPARE(c.messages.at(0).text, u"How did revenue do?"_qs);
        QCOMPARE(c.messages.at(0).createdAt,
            QDateTime::fromString(u"2025-06-01T10:00:00Z"_qs, Qt::ISODate));
        QCOMPARE(c.messages.at(1).role, MessageRole::Assistant);
        QCOMPARE(c.messages.at(1).text, u"It grew."_qs);
        QCOMPARE(c.messages.at(0).remoteId, u"c1#1"_qs); // no id: conversation and order
    }

    void firstSyncImportsInOrderAndRerunIsIdempotent()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        // Stored out of order: the sync follows `order`.
        const QString a = m_server->addConversation(u"Revenue"_qs,
            { FakeLookerServer::systemTurn(u"Up 5%."_qs, 2),
                FakeLookerServer::userTurn(u"Revenue?"_qs, 1),
                FakeLookerServer::userTurn(u"By region?"_qs, 3),
                FakeLookerServer::systemTurn(u"EMEA leads."_qs, 4) });
        const QString b = m_server->addConversation(u"Churn"_qs,
            { FakeLookerServer::userTurn(u"Churn?"_qs, 1),
                FakeLookerServer::systemTurn(u"2%."_qs, 2) },
            u"2025-06-02T10:00:00.000+00:00"_qs);
        const QString gone
            = m_server->addConversation(u"Deleted"_qs, { FakeLookerServer::userTurn(u"x"_qs, 1) });
        m_server->setDeleted(gone);

        const SyncRun first = sync(store, 1); // one conversation per page
        QVERIFY2(first.finished, qPrintable(first.error.message));
        QCOMPARE(first.report.pages, 2);
        QCOMPARE(first.report.conversationsSeen, 2);
        QCOMPARE(first.report.messagesSeen, 6);
        QCOMPARE(conversations(store), u"Revenue:0|Churn:0"_qs);
        QCOMPARE(messages(store, a),
            u"user:Revenue?|assistant:Up 5%.|user:By region?|assistant:EMEA leads."_qs);
        QCOMPARE(messages(store, b), u"user:Churn?|assistant:2%."_qs);
        QCOMPARE(m_server->requestsTo("GET", "/api/4.0/conversations/" + gone.toUtf8()).size(), 0);

        const QString before = snapshot(store);
        const int gets
            = int(m_server->requestsTo("GET", "/api/4.0/conversations/" + a.toUtf8()).size());
        const SyncRun again = sync(store);
        QVERIFY2(again.finished, qPrintable(again.error.message));
        QCOMPARE(again.report.conversationsSeen, 0); // nothing after the cursor
        QCOMPARE(snapshot(store), before);
        QCOMPARE(m_server->requestsTo("GET", "/api/4.0/conversations/" + a.toUtf8()).size(), gets);

        // A new turn (updated_at moves): only that conversation is read again.
        m_server->addMessageTo(a, FakeLookerServer::userTurn(u"And APAC?"_qs, 5));
        m_server->setUpdatedAt(a, u"2025-06-03T10:00:00.000+00:00"_qs);
        const SyncRun later = sync(store);
        QVERIFY2(later.finished, qPrintable(later.error.message));
        QCOMPARE(later.report.conversationsSeen, 1);
        QCOMPARE(messages(store, a),
            u"user:Revenue?|assistant:Up 5%.|user:By region?|assistant:EMEA leads.|"
            u"user:And APAC?"_qs);
        QCOMPARE(messages(store, b), u"user:Churn?|assistant:2%."_qs);
    }

    void remoteDeletionsSoftDelete()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const QString a
            = m_server->addConversation(u"A"_qs, { FakeLookerServer::userTurn(u"a"_qs, 1) });
        const QString b
            = m_server->addConversation(u"B"_qs, { FakeLookerServer::userTurn(u"b"_qs, 1) });
        m_server->addConversation(u"C"_qs, { FakeLookerServer::userTurn(u"c"_qs, 1) });
        QVERIFY(sync(store).finished);
        QCOMPARE(conversations(store), u"A:0|B:0|C:0"_qs);

        m_server->removeConversation(a);
        m_server->setDeleted(b);
        const SyncRun run = sync(store);
        QVERIFY2(run.finished, qPrintable(run.error.message));
        QCOMPARE(run.report.conversationsDeleted, 2);
        QCOMPARE(conversations(store), u"A:1|B:1|C:0"_qs);
    }

    void wrongSecretFailsAsAuth()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        m_server->addConversation(u"A"_qs, { FakeLookerServer::userTurn(u"a"_qs, 1) });
        const SyncRun run = sync(store, 0, u"wrong"_qs);
        QVERIFY(run.failed);
        QCOMPARE(run.error.code, SyncError::Code::Backend);
        QVERIFY(run.error.api);
        QCOMPARE(run.error.api->code, ApiError::Code::Auth);
        QVERIFY2(!run.error.message.isEmpty(), qPrintable(run.error.message));
        QCOMPARE(conversations(store), QString());
    }

    void unauthorisedCallFailsAsAuth()
    {
        // Every list answers 401 (the token is refused even after a new login).
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        m_server->injectError("GET", "/api/4.0/conversations", 401,
            FakeLookerServer::messageBody(u"Requires authentication."_qs), 10);
        const SyncRun run = sync(store);
        QVERIFY(run.failed);
        QVERIFY(run.error.api);
        QCOMPARE(run.error.api->code, ApiError::Code::Auth);
        QVERIFY2(run.error.message.contains(u"401"), qPrintable(run.error.message));
    }

    void syncCommand()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const QString a = m_server->addConversation(u"Revenue"_qs,
            { FakeLookerServer::userTurn(u"Revenue?"_qs, 1),
                FakeLookerServer::systemTurn(u"Up 5%."_qs, 2) });
        FILE *out = std::tmpfile();
        FILE *err = std::tmpfile();
        QVERIFY(out && err);
        const Output output(out, err);
        SyncCommand::Options options;
        options.backend = u"looker"_qs;
        options.url = m_server->baseUrl();
        options.key = u"looker-id"_qs;
        options.token = u"looker-secret"_qs;
        QCOMPARE(SyncCommand(*store.repository, m_network, output).run(options), int(ExitOk));
        QCOMPARE(messages(store, a), u"user:Revenue?|assistant:Up 5%."_qs);

        options.token = u"wrong"_qs;
        QCOMPARE(SyncCommand(*store.repository, m_network, output).run(options), int(ExitFailure));
        options.token.clear();
        QCOMPARE(SyncCommand(*store.repository, m_network, output).run(options), int(ExitUsage));
        std::fclose(out);
        std::fclose(err);
    }
};

QTEST_GUILESS_MAIN(TestLookerSync)
#include "tst_lookersync.moc"
