// After `chartroom-cli sync` (SyncCommand) the synced line charts keep a snapshot of their data:
// the built-in server on loopback (as a Luzmo account) holds conversations with charts; once
// synced, every line-chart asset has data, and with the server gone each still renders from it.
// A chart whose data cannot be fetched is told on stderr and does not fail the sync.
#include "app/charts/chartdata.h"
#include "app/cli/output.h"
#include "app/cli/synccommand.h"
#include "app/luzmo/luzmoclient.h"
#include "app/server/localserver.h"
#include "models/repository.h"
#include "tests/support/commandrun.h"
#include "tests/support/tempstore.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
QString readAll(FILE *file)
{
    std::fflush(file);
    std::rewind(file);
    QByteArray bytes;
    char buffer[4096];
    while (const size_t n = std::fread(buffer, 1, sizeof buffer, file))
        bytes.append(buffer, qsizetype(n));
    return QString::fromUtf8(bytes);
}

bool isLineChart(const Asset &asset)
{
    return asset.type == u"item"
        && !ChartData::check(QJsonDocument::fromJson(asset.valueJson).object());
}

// The line-chart assets of every conversation in the store.
QList<Asset> lineCharts(Repository &repository)
{
    QList<Asset> charts;
    const QList<Conversation> conversations = *repository.conversations(1000);
    for (const Conversation &c : conversations) {
        const QList<Message> messages = *repository.messages(c.id);
        for (const Message &m : messages) {
            for (const Asset &a : m.assets) {
                if (isLineChart(a))
                    charts << a;
            }
        }
    }
    return charts;
}
} // namespace

class TestSyncSnapshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_serverDir;
    std::unique_ptr<LocalServer> m_server;
    QNetworkAccessManager m_network;

    // Starts the server over m_serverDir and asks it `questions` (agent "item": each answer
    // holds a line chart).
    void startServer(const QStringList &questions)
    {
        LocalServer::Options options;
        options.dataDirectory = m_serverDir.path();
        options.streamDelayMs = 0;
        m_server = std::make_unique<LocalServer>(options);
        QVERIFY(m_server->start().isEmpty());
        LuzmoClient client(m_network, config());
        for (const QString &question : questions) {
            AiPromptRequest prompt;
            prompt.agent = u"item"_s;
            prompt.texts = { question };
            prompt.stream = false;
            QObject owner;
            ApiCall *call = client.createAiPrompt(prompt, &owner);
            QSignalSpy done(call, &ApiCall::succeeded);
            QVERIFY(done.wait(15000));
        }
    }
    LuzmoConfig config() const
    {
        LuzmoConfig c;
        c.host = QUrl(m_server->url());
        c.key = m_server->key();
        c.token = m_server->token();
        return c;
    }
    SyncCommand::Options syncOptions(bool json = false) const
    {
        SyncCommand::Options o;
        o.backend = u"luzmo"_s;
        o.url = QUrl(m_server->url());
        o.key = m_server->key();
        o.token = m_server->token();
        o.json = json;
        return o;
    }

private Q_SLOTS:
    void init() { QVERIFY(m_serverDir.isValid()); }
    void cleanup() { m_server.reset(); }

    void syncedChartsRenderOffline()
    {
        startServer({ u"Show monthly revenue"_s, u"Revenue by month as a line"_s,
            u"Plot monthly orders"_s });
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        FILE *out = std::tmpfile();
        FILE *err = std::tmpfile();
        Output output(out, err);
        SyncCommand command(*store.repository, m_network, output, syncOptions());
        QCOMPARE(runCommand(command), int(ExitOk));
        const QString printed = readAll(out);
        const QString errors = readAll(err);
        std::fclose(out);
        std::fclose(err);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));

        const QList<Asset> charts = lineCharts(*store.repository);
        QVERIFY2(!charts.isEmpty(), qPrintable(printed)); // not every answer is a line chart
        QVERIFY2(printed.contains(
                     u"Stored the data of "_s + QString::number(charts.size()) + u" charts"),
            qPrintable(printed));
        QVERIFY(store.repository->assetsWithoutSnapshot(u"luzmo"_s, 100)->isEmpty());

        // The network is cut: the server is gone. Every chart renders from its snapshot.
        m_server.reset();
        for (const Asset &asset : charts) {
            const Asset stored = *store.repository->asset(asset.id);
            QVERIFY(!stored.dataJson.isEmpty());
            QVERIFY(stored.dataTakenAt.isValid());
            const auto data = ChartData::fromAsset(stored.valueJson, stored.dataJson);
            QVERIFY(data.has_value());
            QVERIFY(data->pointCount() > 0);
        }
        // And a second sync finds nothing left to fetch (and does not need the data resource).
        QVERIFY(store.repository->assetsWithoutSnapshot(u"luzmo"_s, 100)->isEmpty());
    }

    void aChartThatCannotBeFetchedDoesNotFailTheSync()
    {
        startServer({ u"Show monthly revenue"_s });
        TempStore store;
        {
            Output quiet(std::tmpfile(), std::tmpfile());
            SyncCommand first(*store.repository, m_network, quiet, syncOptions());
            QCOMPARE(runCommand(first), int(ExitOk));
        }
        // A synced answer gains a line chart whose data query cannot be built.
        const Conversation conversation = store.repository->conversations(1)->first();
        const Message answer = store.repository->messages(conversation.id)->last();
        Asset broken;
        broken.type = u"item"_s;
        broken.valueJson = R"({"type":"line-chart","slots":[]})";
        const StoreResult<Asset> added = store.repository->addAsset(answer.id, broken);
        QVERIFY(added);
        QCOMPARE(store.repository->assetsWithoutSnapshot(u"luzmo"_s, 100)->size(), 1);

        FILE *out = std::tmpfile();
        FILE *err = std::tmpfile();
        Output output(out, err);
        SyncCommand command(*store.repository, m_network, output, syncOptions(true));
        QCOMPARE(runCommand(command), int(ExitOk));
        const QString printed = readAll(out);
        const QString errors = readAll(err);
        std::fclose(out);
        std::fclose(err);
        const QJsonObject report = QJsonDocument::fromJson(printed.toUtf8()).object();
        QCOMPARE(report.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(report.value(u"charts_stored"_s).toInt(), 0);
        QCOMPARE(report.value(u"charts_failed"_s).toInt(), 1);
        QVERIFY2(errors.contains(u"chart "_s + QString::number(added->id)), qPrintable(errors));
    }

    void deletedConversationsAndOtherBackendsAreLeftAlone()
    {
        TempStore store;
        const StoreResult<Conversation> mine
            = store.repository->createConversation(u"Mine"_s, u"acct-1"_s, u"r1"_s);
        const StoreResult<Conversation> other
            = store.repository->createConversation(u"Other"_s, u"acct-2"_s, u"r2"_s);
        QVERIFY(mine && other);
        const auto addChart = [&](qint64 conversationId, const QByteArray &value) {
            Message m;
            m.conversationId = conversationId;
            m.role = MessageRole::Assistant;
            Asset a;
            a.type = u"item"_s;
            a.valueJson = value;
            m.assets << a;
            return store.repository->addMessage(m)->assets.first().id;
        };
        const QByteArray line = R"({"type":"line-chart","slots":[]})";
        const qint64 wanted = addChart(mine->id, line);
        addChart(mine->id, R"({"type":"bar-chart","slots":[]})");
        addChart(mine->id, "not json");
        addChart(other->id, line);
        const qint64 done = addChart(mine->id, line);
        QVERIFY(!store.repository->setAssetSnapshot(done, "{}", QDateTime::currentDateTimeUtc()));

        const auto assets = store.repository->assetsWithoutSnapshot(u"acct-1"_s, 100);
        QVERIFY2(assets, qPrintable(assets ? QString() : assets.error().message));
        QCOMPARE(assets->size(), 1);
        QCOMPARE(assets->first().id, wanted);
        QVERIFY(!store.repository->deleteConversation(mine->id));
        QVERIFY(store.repository->assetsWithoutSnapshot(u"acct-1"_s, 100)->isEmpty());
    }
};

QTEST_MAIN(TestSyncSnapshots)
#include "tst_syncsnapshots.moc"
