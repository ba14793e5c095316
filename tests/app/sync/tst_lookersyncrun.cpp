// Looker sync runs against the strict FakeLookerServer: the first sync imports in order and a
// re-run changes nothing, a later change is picked up; conversations removed or marked deleted
// remotely are soft-deleted locally; a wrong client secret or a refused token fails as an auth
// error in words; `sync --backend looker` through SyncCommand.

#include "app/cli/output.h"
#include "app/cli/synccommand.h"
#include "tests/app/sync/lookersyncfixture.h"
#include "tests/support/commandrun.h"

#include <cstdio>

using namespace Qt::StringLiterals;

class TestLookerSyncRun : public LookerSyncFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }

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

QTEST_GUILESS_MAIN(TestLookerSyncRun)
#include "tst_lookersyncrun.moc"
