// LookerSyncSource against the strict FakeLookerServer: conversations listed with
// GET /conversations/search page after page until a short one (never GET /conversations, which
// the fake answers 404), messages mapped in `order`, every part of an answer (data, chart with
// its data, follow-ups) stored as assets, tolerated message shapes, and a turn asked here and
// synced afterwards matched, not doubled.

#include "tests/app/sync/lookersyncfixture.h"

using namespace Qt::StringLiterals;

class TestLookerSync : public LookerSyncFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }

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
};

QTEST_GUILESS_MAIN(TestLookerSync)
#include "tst_lookersync.moc"
