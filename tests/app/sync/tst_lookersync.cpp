// LookerSyncSource through the real SyncEngine into a TempStore, against the strict
// FakeLookerServer on loopback: conversations are listed with GET /conversations/search, page
// after page until a short one (never GET /conversations, which the fake answers 404); the
// first sync imports the conversations and their messages in `order`, every part of an answer
// (data, chart with its data, follow-ups) as assets; a re-run changes nothing; a later change is
// picked up; a turn asked here and synced afterwards is matched, not doubled; conversations
// removed or marked deleted remotely are soft-deleted locally; a wrong client secret fails as
// an auth error in words; `sync --backend looker` through SyncCommand.

#include "app/cli/output.h"
#include "app/cli/synccommand.h"
#include "app/core/chatsession.h"
#include "app/looker/lookerbackend.h"
#include "app/looker/lookermessagemapper.h"
#include "app/looker/lookersession.h"
#include "app/sync/lookersyncsource.h"
#include "tests/app/sync/syncrun.h"
#include "tests/support/commandrun.h"
#include "tests/support/fakelookerserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

class TestLookerSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLookerServer> m_server;
    QNetworkAccessManager m_network;

    LookerConfig config(const QString &secret = u"looker-secret"_s) const
    {
        LookerConfig c;
        c.baseUrl = m_server->baseUrl();
        c.clientId = u"looker-id"_s;
        c.clientSecret = secret;
        return c;
    }

    SyncRun sync(TempStore &store, int pageSize = 0, const QString &secret = u"looker-secret"_s,
        int searchPageSize = 0)
    {
        LookerSession session(m_network, config(secret));
        LookerSyncSource source(session, u"looker"_s);
        if (pageSize > 0)
            source.setPageSize(pageSize);
        if (searchPageSize > 0)
            source.setSearchPageSize(searchPageSize);
        SyncEngine engine(*store.repository, source);
        return SyncRun::of(engine, 20000);
    }

    static QString query(TempStore &store, const QString &sql)
    {
        QSqlQuery q(store.database.connection());
        if (!q.exec(sql))
            return u"<error>"_s;
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
            u"ORDER BY remote_id"_s);
    }
    // "role:text" of a conversation's messages, in their order.
    static QString messages(TempStore &store, const QString &remoteId)
    {
        return query(store,
            u"SELECT m.role || ':' || m.text FROM messages m JOIN conversations c ON "
            u"c.id = m.conversation_id WHERE c.remote_id = '%1' ORDER BY m.seq"_s.arg(remoteId));
    }
    // "type" of a conversation's assets, in message and asset order.
    static QString assets(TempStore &store, const QString &remoteId)
    {
        return query(store,
            u"SELECT a.type || '=' || COALESCE(a.remote_id, '') FROM message_assets a JOIN "
            u"messages m ON m.id = a.message_id JOIN conversations c ON c.id = m.conversation_id "
            u"WHERE c.remote_id = '%1' ORDER BY m.seq, a.id"_s.arg(remoteId));
    }
    static QString snapshot(TempStore &store)
    {
        return query(store,
                   u"SELECT id || ':' || text || ':' || updated_at || ':' || seq FROM messages"_s)
            + u'#'
            + query(store,
                u"SELECT id || ':' || title || ':' || updated_at || ':' || deleted "
                u"FROM conversations"_s);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeLookerServer>();
        QVERIFY(m_server->listen());
    }

    void mapsMessages()
    {
        QJsonObject thought { { u"message"_s, FakeLookerServer::thought(u"thinking"_s) },
            { u"type"_s, u"system"_s }, { u"order"_s, 2 } };
        thought.insert(u"id"_s, u"t"_s);
        const QJsonObject conversation { { u"id"_s, u"c1"_s }, { u"name"_s, u"Revenue"_s },
            { u"created_at"_s, u"2025-06-01T09:00:00.000+00:00"_s },
            { u"messages"_s,
                QJsonArray { FakeLookerServer::systemTurn(u"It grew."_s, 3), thought,
                    FakeLookerServer::userTurn(u"How did revenue do?"_s, 1) } } };
        const RemoteConversation c = LookerSyncSource::conversationFromJson(conversation);
        QCOMPARE(c.remoteId, u"c1"_s);
        QCOMPARE(c.title, u"Revenue"_s);
        QCOMPARE(c.updatedAt, c.createdAt); // no updated_at: created_at
        QCOMPARE(c.messages.size(), 2); // the thought is left out
        QCOMPARE(c.messages.at(0).role, MessageRole::User);
        QCOMPARE(c.messages.at(0).text, u"How did revenue do?"_s);
        QCOMPARE(c.messages.at(0).createdAt,
            QDateTime::fromString(u"2025-06-01T10:00:00Z"_s, Qt::ISODate));
        QCOMPARE(c.messages.at(1).role, MessageRole::Assistant);
        QCOMPARE(c.messages.at(1).text, u"It grew."_s);
        QCOMPARE(c.messages.at(0).remoteId, u"c1#1"_s); // no id: conversation and order
    }

    // Every part of an answer, as a live answer stores it: the data part, the chart part with
    // the DataResult it draws, the follow-up questions; the thoughts are not text.
    void syncsEveryPart()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const QJsonArray rows { QJsonObject { { u"month"_s, u"2025-01"_s }, { u"revenue"_s, 120 } },
            QJsonObject { { u"month"_s, u"2025-02"_s }, { u"revenue"_s, 135 } } };
        const QJsonObject vega { { u"mark"_s, u"line"_s } };
        const QString a = m_server->addConversation(u"Revenue"_s,
            { FakeLookerServer::userTurn(u"Revenue by month?"_s, 1),
                FakeLookerServer::systemTurn(FakeLookerServer::thought(u"Planning"_s), 2),
                FakeLookerServer::systemTurn(
                    FakeLookerServer::withId(FakeLookerServer::data(u"q"_s, rows), u"m-1"_s), 3),
                FakeLookerServer::systemTurn(
                    FakeLookerServer::withId(
                        FakeLookerServer::chart(vega, u"monthly_revenue"_s), u"m-2"_s),
                    4),
                FakeLookerServer::systemTurn(u"Up from 120 to 135."_s, 5),
                FakeLookerServer::systemTurn(
                    FakeLookerServer::followups({ u"By region?"_s, u"Last year?"_s }), 6) });
        const SyncRun first = sync(store);
        QVERIFY2(first.finished, qPrintable(first.error.message));
        QCOMPARE(messages(store, a), u"user:Revenue by month?|assistant:Up from 120 to 135."_s);
        // Ids: messageId/part when the message has one, else the place in the answer.
        QCOMPARE(assets(store, a),
            u"looker-data=m-1/looker-data|looker-chart=m-2/looker-chart|followups=part-2"_s);
        const QString chartJson
            = query(store, u"SELECT value_json FROM message_assets WHERE type = 'looker-chart'"_s);
        const QJsonObject chart = QJsonDocument::fromJson(chartJson.toUtf8()).object();
        QCOMPARE(chart[u"result"_s][u"vegaConfig"_s].toString(), u"{\"mark\":\"line\"}"_s);
        QCOMPARE(chart[u"data"_s][u"name"_s].toString(), u"monthly_revenue"_s);
        QCOMPARE(chart[u"data"_s][u"data"_s].toArray(), rows);
        const QString followups
            = query(store, u"SELECT value_json FROM message_assets WHERE type = 'followups'"_s);
        QCOMPARE(followups, u"{\"questions\":[\"By region?\",\"Last year?\"]}"_s);

        const QString before = snapshot(store);
        m_server->setUpdatedAt(a, u"2025-06-02T10:00:00.000+00:00"_s); // listed again
        const SyncRun again = sync(store);
        QVERIFY2(again.finished, qPrintable(again.error.message));
        QCOMPARE(again.report.messagesAdded, 0);
        QCOMPARE(again.report.assetsAdded, 0);
        QCOMPARE(assets(store, a).count(u'|'), 2);
        QCOMPARE(snapshot(store), before);
    }

    // A turn asked here is persisted remotely; syncing it afterwards matches the local messages
    // and assets by their remote ids instead of adding them again.
    void askedHereThenSyncedIsNotDoubled()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const QJsonArray rows { QJsonObject { { u"month"_s, u"2025-01"_s }, { u"revenue"_s, 7 } } };
        m_server->setChatScript({ FakeLookerServer::thought(u"Planning"_s),
            FakeLookerServer::withId(FakeLookerServer::data(u"q"_s, rows), u"m-1"_s),
            FakeLookerServer::chart({ { u"mark"_s, u"line"_s } }),
            FakeLookerServer::text(u"Seven."_s),
            FakeLookerServer::followups({ u"And February?"_s }) });
        LookerBackend backend(m_network, config(), u"looker"_s);
        ChatSession session(*store.repository);
        session.setBackend(&backend);
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QVERIFY(session.send(0, u"Revenue in January?"_s));
        QVERIFY(finished.wait(10000));
        const QString remote = m_server->conversations().first()[u"id"_s].toString();
        QCOMPARE(messages(store, remote), u"user:Revenue in January?|assistant:Seven."_s);
        const QString live = assets(store, remote);
        QCOMPARE(live, u"looker-data=m-1/looker-data|looker-chart=part-1|followups=part-2"_s);

        const SyncRun run = sync(store);
        QVERIFY2(run.finished, qPrintable(run.error.message));
        QCOMPARE(run.report.conversationsAdded, 0);
        QCOMPARE(run.report.messagesAdded, 0);
        QCOMPARE(run.report.assetsAdded, 0);
        QCOMPARE(messages(store, remote), u"user:Revenue in January?|assistant:Seven."_s);
        QCOMPARE(assets(store, remote), live);
    }

    // GET /conversations/search with limit/offset until a page is shorter than the limit.
    void searchPagesUntilShortPage_data()
    {
        QTest::addColumn<int>("conversations");
        QTest::addColumn<QStringList>("offsets");
        QTest::newRow("5 by 2: the third page is short")
            << 5 << QStringList { u"0"_s, u"2"_s, u"4"_s };
        QTest::newRow("4 by 2: an empty page ends it")
            << 4 << QStringList { u"0"_s, u"2"_s, u"4"_s };
        QTest::newRow("1 by 2: one page") << 1 << QStringList { u"0"_s };
        QTest::newRow("none") << 0 << QStringList { u"0"_s };
    }

    void searchPagesUntilShortPage()
    {
        QFETCH(int, conversations);
        QFETCH(QStringList, offsets);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        for (int i = 0; i < conversations; ++i)
            m_server->addConversation(u"C%1"_s.arg(i), { FakeLookerServer::userTurn(u"q"_s, 1) },
                u"2025-06-01T10:00:0%1.000+00:00"_s.arg(i));
        const SyncRun run = sync(store, 0, u"looker-secret"_s, 2);
        QVERIFY2(run.finished, qPrintable(run.error.message));
        QCOMPARE(run.report.conversationsAdded, conversations);
        QStringList seen;
        // The page listing, then the listing for deletions: the same offsets twice.
        for (const auto &request : m_server->requestsTo("GET", "/api/4.0/conversations/search")) {
            const QUrlQuery q(QString::fromUtf8(request.path.mid(request.path.indexOf('?') + 1)));
            QCOMPARE(q.queryItemValue(u"limit"_s), u"2"_s);
            QCOMPARE(q.queryItemValue(u"sorts"_s), u"updated_at"_s);
            seen << q.queryItemValue(u"offset"_s);
        }
        QCOMPARE(seen, offsets + offsets);
        QCOMPARE(m_server->requestsTo("GET", "/api/4.0/conversations").size(), 0);
    }

    // Tolerated variants of the stored messages: numeric ids, no `type` (the message object
    // says who spoke), no `order` (their place), and an answer that ended in an error.
    void toleratedMessageShapes_data()
    {
        QTest::addColumn<QJsonArray>("messages");
        QTest::addColumn<QString>("expected"); // "role:text:remoteId|..."
        const QJsonObject user { { u"userMessage"_s, QJsonObject { { u"text"_s, u"Hi?"_s } } } };
        const QJsonObject answer = FakeLookerServer::text(u"Hello."_s);
        QTest::newRow("numeric ids and order")
            << QJsonArray { QJsonObject { { u"id"_s, 12 }, { u"type"_s, u"user"_s },
                                { u"order"_s, 1 }, { u"message"_s, user } },
                   QJsonObject { { u"id"_s, 13 }, { u"type"_s, u"system"_s }, { u"order"_s, 2 },
                       { u"message"_s, answer } } }
            << u"user:Hi?:12|assistant:Hello.:13"_s;
        QTest::newRow("no type, no order, no ids") << QJsonArray {
            QJsonObject { { u"message"_s, user } }, QJsonObject { { u"message"_s, answer } }
        } << u"user:Hi?:c1#0|assistant:Hello.:c1#1"_s;
        QTest::newRow("another type word with a userMessage") << QJsonArray {
            QJsonObject { { u"id"_s, u"a"_s }, { u"type"_s, u"USER"_s }, { u"message"_s, user } },
            QJsonObject { { u"id"_s, u"b"_s }, { u"type"_s, u"AGENT"_s }, { u"message"_s, answer } }
        } << u"user:Hi?:a|assistant:Hello.:b"_s;
        QTest::newRow("an answer that ended in an error") << QJsonArray {
            QJsonObject { { u"id"_s, u"a"_s }, { u"type"_s, u"user"_s }, { u"message"_s, user } },
            QJsonObject { { u"id"_s, u"b"_s }, { u"type"_s, u"system"_s },
                { u"message"_s, FakeLookerServer::errorMessage(u"No explore"_s) } }
        } << u"user:Hi?:a|assistant:Looker could not answer: No explore:b"_s;
        QTest::newRow("thoughts only: no answer") << QJsonArray {
            QJsonObject { { u"id"_s, u"a"_s }, { u"type"_s, u"user"_s }, { u"message"_s, user } },
            QJsonObject { { u"id"_s, u"b"_s }, { u"type"_s, u"system"_s },
                { u"message"_s, FakeLookerServer::thought(u"Hmm"_s) } }
        } << u"user:Hi?:a"_s;
    }

    void toleratedMessageShapes()
    {
        QFETCH(QJsonArray, messages);
        QFETCH(QString, expected);
        const RemoteConversation c = LookerSyncSource::conversationFromJson(
            QJsonObject { { u"id"_s, u"c1"_s }, { u"name"_s, u"Hi"_s } }, messages);
        QStringList got;
        for (const RemoteMessage &m : c.messages)
            got << (m.role == MessageRole::User ? u"user"_s : u"assistant"_s) + u':' + m.text + u':'
                    + m.remoteId;
        QCOMPARE(got.join(u'|'), expected);
    }

    void firstSyncImportsInOrderAndRerunIsIdempotent()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        // Stored out of order: the sync follows `order`.
        const QString a = m_server->addConversation(u"Revenue"_s,
            { FakeLookerServer::systemTurn(u"Up 5%."_s, 2),
                FakeLookerServer::userTurn(u"Revenue?"_s, 1),
                FakeLookerServer::userTurn(u"By region?"_s, 3),
                FakeLookerServer::systemTurn(u"EMEA leads."_s, 4) });
        const QString b = m_server->addConversation(u"Churn"_s,
            { FakeLookerServer::userTurn(u"Churn?"_s, 1),
                FakeLookerServer::systemTurn(u"2%."_s, 2) },
            u"2025-06-02T10:00:00.000+00:00"_s);
        const QString gone
            = m_server->addConversation(u"Deleted"_s, { FakeLookerServer::userTurn(u"x"_s, 1) });
        m_server->setDeleted(gone);

        const SyncRun first = sync(store, 1); // one conversation per page
        QVERIFY2(first.finished, qPrintable(first.error.message));
        QCOMPARE(first.report.pages, 2);
        QCOMPARE(first.report.conversationsSeen, 2);
        QCOMPARE(first.report.messagesSeen, 6);
        QCOMPARE(conversations(store), u"Revenue:0|Churn:0"_s);
        QCOMPARE(messages(store, a),
            u"user:Revenue?|assistant:Up 5%.|user:By region?|assistant:EMEA leads."_s);
        QCOMPARE(messages(store, b), u"user:Churn?|assistant:2%."_s);
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
        m_server->addMessageTo(a, FakeLookerServer::userTurn(u"And APAC?"_s, 5));
        m_server->setUpdatedAt(a, u"2025-06-03T10:00:00.000+00:00"_s);
        const SyncRun later = sync(store);
        QVERIFY2(later.finished, qPrintable(later.error.message));
        QCOMPARE(later.report.conversationsSeen, 1);
        QCOMPARE(messages(store, a),
            u"user:Revenue?|assistant:Up 5%.|user:By region?|assistant:EMEA leads.|"
            u"user:And APAC?"_s);
        QCOMPARE(messages(store, b), u"user:Churn?|assistant:2%."_s);
    }

    void remoteDeletionsSoftDelete()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const QString a
            = m_server->addConversation(u"A"_s, { FakeLookerServer::userTurn(u"a"_s, 1) });
        const QString b
            = m_server->addConversation(u"B"_s, { FakeLookerServer::userTurn(u"b"_s, 1) });
        m_server->addConversation(u"C"_s, { FakeLookerServer::userTurn(u"c"_s, 1) });
        QVERIFY(sync(store).finished);
        QCOMPARE(conversations(store), u"A:0|B:0|C:0"_s);

        m_server->removeConversation(a);
        m_server->setDeleted(b);
        const SyncRun run = sync(store);
        QVERIFY2(run.finished, qPrintable(run.error.message));
        QCOMPARE(run.report.conversationsDeleted, 2);
        QCOMPARE(conversations(store), u"A:1|B:1|C:0"_s);
    }

    void wrongSecretFailsAsAuth()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        m_server->addConversation(u"A"_s, { FakeLookerServer::userTurn(u"a"_s, 1) });
        const SyncRun run = sync(store, 0, u"wrong"_s);
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
        m_server->injectError("GET", "/api/4.0/conversations/search", 401,
            FakeLookerServer::messageBody(u"Requires authentication."_s), 10);
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
        const QString a = m_server->addConversation(u"Revenue"_s,
            { FakeLookerServer::userTurn(u"Revenue?"_s, 1),
                FakeLookerServer::systemTurn(u"Up 5%."_s, 2) });
        FILE *out = std::tmpfile();
        FILE *err = std::tmpfile();
        QVERIFY(out && err);
        const Output output(out, err);
        SyncCommand::Options options;
        options.backend = u"looker"_s;
        options.url = m_server->baseUrl();
        options.key = u"looker-id"_s;
        options.token = u"looker-secret"_s;
        QCOMPARE(
            runCommandOf<SyncCommand>(*store.repository, m_network, output, options), int(ExitOk));
        QCOMPARE(messages(store, a), u"user:Revenue?|assistant:Up 5%."_s);

        options.token = u"wrong"_s;
        QCOMPARE(runCommandOf<SyncCommand>(*store.repository, m_network, output, options),
            int(ExitFailure));
        options.token.clear();
        QCOMPARE(runCommandOf<SyncCommand>(*store.repository, m_network, output, options),
            int(ExitUsage));
        std::fclose(out);
        std::fclose(err);
    }
};

QTEST_GUILESS_MAIN(TestLookerSync)
#include "tst_lookersync.moc"
