// ChartDataFetcher against the real built-in server on loopback: the line chart the analyst
// answers with gets its data through the `data` resource and keeps it as a snapshot that
// renders; errors (server gone, unsupported items, unknown assets) arrive in words.
#include "app/charts/chartdata.h"
#include "app/charts/chartdatafetcher.h"
#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "app/server/localserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestChartDataFetcher : public QObject
{
    Q_OBJECT

    TempStore m_store;
    QNetworkAccessManager m_network;
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<LuzmoBackend> m_backend;
    qint64 m_assetId = 0;

    LuzmoConfig config() const
    {
        LuzmoConfig c;
        c.host = QUrl(m_server->url());
        c.key = m_server->key();
        c.token = m_server->token();
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_store.error.isEmpty(), qPrintable(m_store.error));
        LocalServer::Options options;
        options.dataDirectory = m_store.dir.path();
        options.streamDelayMs = 0;
        m_server = std::make_unique<LocalServer>(options);
        const QString error = m_server->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_backend = std::make_unique<LuzmoBackend>(m_network, config(), u"local"_s);
        // A real answer with a real line-chart item, stored as the app stores it.
        ChatSession session(*m_store.repository);
        session.setBackend(m_backend.get());
        QSignalSpy finished(&session, &ChatSession::answerFinished);
        QVERIFY(session.send(0, u"Show monthly revenue by region as a line chart"_s));
        QVERIFY(finished.wait(15000));
        const auto answer = m_store.repository->message(finished.first().first().toLongLong());
        // The chart, then how the analyst read the question.
        QVERIFY(answer && answer->assets.size() == 2);
        QCOMPARE(answer->assets.at(0).type, u"item"_s);
        QCOMPARE(answer->assets.at(1).type, u"interpretation"_s);
        m_assetId = answer->assets.first().id;
        QVERIFY(answer->assets.first().dataJson.isEmpty());
    }

    void fetchStoresASnapshot()
    {
        ChartDataFetcher fetcher(*m_store.repository);
        const QDateTime now(QDate(2025, 3, 3), QTime(14, 5), Qt::UTC);
        fetcher.setNow(now);
        QSignalSpy fetched(&fetcher, &ChartDataFetcher::fetched);
        QSignalSpy failed(&fetcher, &ChartDataFetcher::failed);
        fetcher.fetch(m_assetId, m_backend->client());
        QVERIFY(fetcher.isFetching(m_assetId));
        fetcher.fetch(m_assetId, m_backend->client()); // once is enough
        QVERIFY(fetched.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fetched.size(), 1);
        QVERIFY(!fetcher.isFetching(m_assetId));

        const auto asset = m_store.repository->asset(m_assetId);
        QVERIFY(asset);
        QCOMPARE(asset->dataTakenAt, now);
        QCOMPARE(asset->dataJson, fetched.first().at(1).toByteArray());
        const QJsonObject snapshot = QJsonDocument::fromJson(asset->dataJson).object();
        QCOMPARE(snapshot[u"version"_s].toInt(), 1);
        QVERIFY(snapshot[u"query"_s].toObject()[u"queries"_s].isArray());
        const QJsonArray columns = snapshot[u"columns"_s].toArray();
        QCOMPARE(columns.first().toObject()[u"slot"_s].toString(), u"x-axis"_s);
        QVERIFY(snapshot[u"rows"_s].toArray().size() >= 12);

        // The snapshot renders: series by region, months on x.
        const auto data = ChartData::fromAsset(asset->valueJson, asset->dataJson);
        const auto *error = data ? nullptr : &data.error();
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const ChartData &chart = *data;
        QCOMPARE(chart.xKind, ChartData::XKind::Datetime);
        QVERIFY(chart.series.size() >= 2);
        QVERIFY(chart.pointCount() >= 12);
        QCOMPARE(chart.format.currency, u"$"_s);
    }

    void unsupportedItemFailsInWords()
    {
        Message m;
        m.conversationId = m_store.repository->conversations(1)->first().id;
        m.role = MessageRole::Assistant;
        m.text = u"A bar chart"_s;
        Asset a;
        a.type = u"item"_s;
        a.valueJson = R"({"type": "bar-chart", "slots": []})";
        m.assets << a;
        const auto stored = m_store.repository->addMessage(m);
        QVERIFY(stored);
        ChartDataFetcher fetcher(*m_store.repository);
        QSignalSpy failed(&fetcher, &ChartDataFetcher::failed);
        fetcher.fetch(stored->assets.first().id, m_backend->client());
        QCOMPARE(failed.size(), 0); // always after fetch() returned
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<ChartError>().code, ChartError::Code::Unsupported);
    }

    void unknownAssetFailsInWords()
    {
        ChartDataFetcher fetcher(*m_store.repository);
        QSignalSpy failed(&fetcher, &ChartDataFetcher::failed);
        fetcher.fetch(987654, m_backend->client());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<ChartError>().code, ChartError::Code::Store);
    }

    void serverGoneFailsInWords()
    {
        LuzmoConfig c = config();
        m_server.reset(); // stopped: nothing listens on its port any more
        LuzmoBackend gone(m_network, c, u"local"_s);
        ChartDataFetcher fetcher(*m_store.repository);
        QSignalSpy failed(&fetcher, &ChartDataFetcher::failed);
        fetcher.fetch(m_assetId, gone.client());
        QVERIFY(failed.wait(20000));
        const ChartError error = failed.first().at(1).value<ChartError>();
        QCOMPARE(error.code, ChartError::Code::Backend);
        QVERIFY2(error.message.contains(u"could not be loaded"_s), qPrintable(error.message));
        // The earlier snapshot is still there for offline rendering.
        QVERIFY(!m_store.repository->asset(m_assetId)->dataJson.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChartDataFetcher)
#include "tst_chartdatafetcher.moc"
