// A stored Looker chart (asset "looker-chart": the chart part with its Vega-Lite spec and the
// DataResult rows kept with it) in the real window, with no server at all: the line chart is
// drawn in the transcript card and the chart panel, a bar chart and a chart whose data was not
// kept get honest "not rendered" cards, nothing is fetched; the chart exports to PNG and CSV (also
// through `chartroom-cli export`) and into a conversation's HTML export. Screenshots:
// looker-chart-card.png, looker-chart-panel.png, looker-point-chart.png.
#include "app/cli/exportcommand.h"
#include "app/core/assetsummary.h"
#include "app/export/conversationexporter.h"
#include "models/transcriptmodel.h"
#include "tests/support/capturedoutput.h"
#include "tests/support/commandrun.h"
#include "tests/ui/windowfixture.h"
#include "ui/chart/chartcard.h"
#include "ui/chart/chartcardcache.h"
#include "ui/chart/chartexport.h"
#include "ui/chart/chartpanel.h"
#include "ui/chart/chartrenderer.h"
#include "ui/chart/chartview.h"
#include "ui/transcriptview.h"

#include <QChart>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {
QByteArray chartPart(const char *spec, const char *rows)
{
    QJsonObject part { { u"query"_s,
                           QJsonObject { { u"instructions"_s, u"Plot orders by month"_s },
                               { u"dataResultName"_s, u"data_result"_s } } },
        { u"result"_s, QJsonObject { { u"vegaConfig"_s, QString::fromUtf8(spec) } } } };
    if (rows) {
        part.insert(u"data"_s,
            QJsonObject { { u"name"_s, u"data_result"_s },
                { u"schema"_s,
                    QJsonObject { { u"fields"_s,
                        QJsonArray { QJsonObject { { u"name"_s, u"orders.created_month"_s },
                                         { u"type"_s, u"STRING"_s } },
                            QJsonObject { { u"name"_s, u"orders.total"_s },
                                { u"type"_s, u"FLOAT64"_s } } } } } },
                { u"data"_s, QJsonDocument::fromJson(QByteArray(rows)).array() } });
    }
    return QJsonDocument(part).toJson(QJsonDocument::Compact);
}

// (No "$schema" URL here: moc reads the // inside a raw string as a comment.)
const char *lineSpec = R"({
  "title": "Orders by region", "mark": {"type": "line", "point": true},
  "encoding": {
    "x": {"field": "orders.created_month", "type": "temporal", "timeUnit": "yearmonth",
          "axis": {"title": "Month"}},
    "y": {"field": "orders.total", "type": "quantitative", "title": "Order total"},
    "color": {"field": "orders.region", "type": "nominal", "title": "Region"}}})";

// Six months for two regions; the totals are strings, as Looker may send them.
const char *lineRows = R"([
  {"orders.created_month": "2024-01", "orders.region": "EMEA", "orders.total": "120"},
  {"orders.created_month": "2024-02", "orders.region": "EMEA", "orders.total": "135.5"},
  {"orders.created_month": "2024-03", "orders.region": "EMEA", "orders.total": "128"},
  {"orders.created_month": "2024-04", "orders.region": "EMEA", "orders.total": "150"},
  {"orders.created_month": "2024-05", "orders.region": "EMEA", "orders.total": "162"},
  {"orders.created_month": "2024-06", "orders.region": "EMEA", "orders.total": "171"},
  {"orders.created_month": "2024-01", "orders.region": "AMER", "orders.total": 80},
  {"orders.created_month": "2024-02", "orders.region": "AMER", "orders.total": 95},
  {"orders.created_month": "2024-03", "orders.region": "AMER", "orders.total": 110},
  {"orders.created_month": "2024-04", "orders.region": "AMER", "orders.total": 104},
  {"orders.created_month": "2024-05", "orders.region": "AMER", "orders.total": 121},
  {"orders.created_month": "2024-06", "orders.region": "AMER", "orders.total": 140}])";

const char *barSpec = R"({"title": "Orders by status", "mark": "bar", "encoding": {
    "x": {"field": "orders.status", "type": "nominal"},
    "y": {"field": "orders.count", "type": "quantitative"}}})";
} // namespace

class TestLookerChartCard : public QObject
{
    Q_OBJECT
    WindowFixture m_f;
    qint64 m_conversation = 0;
    qint64 m_line = 0;
    qint64 m_bar = 0;
    qint64 m_lost = 0;

private Q_SLOTS:
    void initTestCase()
    {
        const auto conversation
            = m_f.store.repository->createConversation(u"Looker orders"_s, u"looker"_s, u"c-1"_s);
        QVERIFY(conversation);
        m_conversation = conversation->id;
        Message question;
        question.conversationId = m_conversation;
        question.role = MessageRole::User;
        question.text = u"Plot orders by month and region"_s;
        QVERIFY(m_f.store.repository->addMessage(question));
        Message answer;
        answer.conversationId = m_conversation;
        answer.role = MessageRole::Assistant;
        answer.text = u"Here are the orders by month."_s;
        for (const QByteArray &value : { chartPart(lineSpec, lineRows), chartPart(barSpec, "[]"),
                 chartPart(lineSpec, nullptr) }) {
            Asset a;
            a.type = u"looker-chart"_s;
            a.valueJson = value;
            answer.assets << a;
        }
        const auto stored = m_f.store.repository->addMessage(answer);
        QVERIFY(stored);
        QCOMPARE(stored->assets.size(), 3);
        m_line = stored->assets.at(0).id;
        m_bar = stored->assets.at(1).id;
        m_lost = stored->assets.at(2).id;
    }

    void summaryNamesTheLineChart()
    {
        const auto asset = m_f.store.repository->asset(m_line);
        const AssetSummary summary = AssetSummary::fromJson(asset->type, asset->valueJson);
        QCOMPARE(int(summary.kind()), int(AssetSummary::Kind::Line));
        QCOMPARE(summary.headline(), u"Line chart · Orders by region"_s);
        const auto bar = m_f.store.repository->asset(m_bar);
        QCOMPARE(AssetSummary::fromJson(bar->type, bar->valueJson).headline(),
            u"Bar chart · Orders by status"_s);
    }

    void drawnInTheTranscriptOffline()
    {
        auto window = m_f.makeWindow();
        window->resize(1100, 1500);
        QVERIFY(showAndActivate(window.get()));
        ChartCardCache *cache = window->chartCache();
        QSignalSpy fetched(&cache->fetcher(), &ChartDataFetcher::fetched);
        QSignalSpy failed(&cache->fetcher(), &ChartDataFetcher::failed);
        window->openConversation(m_conversation);
        window->transcriptView()->scrollToNewest();
        QTRY_VERIFY(cache->renderCount() >= 1);
        const ChartCardCache::Card line = cache->card(m_line);
        QCOMPARE(int(line.state), int(ChartCardCache::State::Ready));
        QCOMPARE(line.chartType, u"line-chart"_s);
        QCOMPARE(line.title, u"Orders by region"_s);
        QCOMPARE(line.data->series.size(), 2);
        QCOMPARE(line.data->series.at(0).name, u"AMER"_s);
        QCOMPARE(line.data->pointCount(), 12);
        QCOMPARE(ChartCard::captionFor(line), u"click to explore"_s);
        const ChartCardCache::Card bar = cache->card(m_bar);
        QCOMPARE(int(bar.state), int(ChartCardCache::State::NotRendered));
        QCOMPARE(int(bar.error.code), int(ChartError::Code::Unsupported));
        QVERIFY2(bar.error.message.contains(u"“bar”"_s), qPrintable(bar.error.message));
        const ChartCardCache::Card lost = cache->card(m_lost);
        QCOMPARE(int(lost.state), int(ChartCardCache::State::NotRendered));
        QVERIFY2(lost.error.message.contains(u"not kept"_s), qPrintable(lost.error.message));
        // Retry/Refresh has nothing to fetch for a Looker chart.
        cache->refresh(m_line);
        QCOMPARE(int(cache->card(m_line).state), int(ChartCardCache::State::Ready));
        QCoreApplication::processEvents();
        QCOMPARE(fetched.count() + failed.count(), 0);
        QTest::qWait(50);
        QVERIFY(window->grab().save(screenshotPath(u"looker-chart-card.png"_s)));
    }

    void openedInThePanel()
    {
        auto window = m_f.makeWindow();
        window->openConversation(m_conversation);
        ChartPanel *panel = window->openChart(m_line);
        panel->resize(1000, 620);
        QVERIFY(QTest::qWaitForWindowExposed(panel));
        QTRY_VERIFY(panel->chartView());
        QChart *chart = panel->chartView()->chart();
        QCOMPARE(chart->series().size(), 2);
        auto *amer = qobject_cast<QLineSeries *>(chart->series().first());
        QVERIFY(amer);
        QCOMPARE(amer->count(), 6);
        QCOMPARE(amer->at(0), QPointF(1704067200000.0, 80)); // 2024-01-01T00:00Z, by hand
        QVERIFY(!panel->findChild<QPushButton *>(u"chartRefresh"_s)->isVisible());
        std::unique_ptr<QMenu> menu(panel->chartView()->createContextMenu());
        QStringList actions;
        for (QAction *a : menu->actions())
            actions << a->text();
        QVERIFY2(actions.contains(u"Export CSV…"_s) && actions.contains(u"View Data"_s),
            qPrintable(actions.join(u", ")));
        QVERIFY2(!actions.contains(u"Refresh"_s), "nothing to refresh: the rows came with it");
        QTest::qWait(50);
        QVERIFY(panel->grab().save(screenshotPath(u"looker-chart-panel.png"_s)));
        panel->close();
    }

    void exportsPngAndCsv()
    {
        const auto asset = m_f.store.repository->asset(m_line);
        const auto data = ChartData::fromAsset(asset->type, asset->valueJson, {}).value();
        QTemporaryDir dir;
        const QString png = dir.filePath(u"orders.png"_s);
        QVERIFY(!ChartExport::write(data, ChartExport::Format::Png, png, QSize(800, 450)));
        QImage image;
        QVERIFY(image.load(png));
        QCOMPARE(image.size(), QSize(800, 450));
        // The two series' colours are there, not only a blank frame.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);
        const QString csv = dir.filePath(u"orders.csv"_s);
        QVERIFY(!ChartExport::write(data, ChartExport::Format::Csv, csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.at(0), QByteArray("Month,Region,Order total\r"));
        QCOMPARE(lines.at(1), QByteArray("2024-01-01,AMER,80\r"));
        QCOMPARE(lines.at(2), QByteArray("2024-01-01,EMEA,120\r"));
        QCOMPARE(lines.at(4), QByteArray("2024-02-01,EMEA,135.5\r"));
        QCOMPARE(lines.size(), 14); // header, 12 rows, the empty piece after the last CRLF
        // The conversation exporter's renderer draws it too; the bar chart stays a placeholder.
        QVERIFY(!ChartExport::image(*asset, QSize(600, 340)).isNull());
        QVERIFY(ChartExport::image(*m_f.store.repository->asset(m_bar), QSize(600, 340)).isNull());
    }

    void pointMarkDrawsUnjoinedDots()
    {
        const QByteArray value = chartPart(R"({"title": "Order size", "mark": "point", "encoding": {
            "x": {"field": "orders.items", "type": "quantitative"},
            "y": {"field": "orders.total", "type": "quantitative"}}})",
            R"([{"orders.items": 1, "orders.total": 12}, {"orders.items": 3, "orders.total": 40},
                {"orders.items": 2, "orders.total": null}, {"orders.items": 5, "orders.total": 61}])");
        const auto data = ChartData::fromAsset(u"looker-chart"_s, value, {}).value();
        std::unique_ptr<QChart> chart(ChartRenderer::build(data, {}));
        QCOMPARE(chart->series().size(), 1); // the gap does not split unjoined points
        auto *dots = qobject_cast<QScatterSeries *>(chart->series().first());
        QVERIFY(dots);
        QCOMPARE(dots->points(), (QList<QPointF> { { 1, 12 }, { 3, 40 }, { 5, 61 } }));
        QVERIFY(ChartRenderer::image(data, QSize(700, 400))
                    .save(screenshotPath(u"looker-point-chart.png"_s)));
    }

    void cliExport_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("starts"); // the file's first bytes, or the error's words
        QTest::newRow("csv") << u"line"_s << u"csv"_s << 0
                             << QByteArray("Month,Region,Order total\r\n2024-01-01,AMER,80\r\n");
        QTest::newRow("png") << u"line"_s << u"png"_s << 0 << QByteArray("\x89PNG");
        QTest::newRow("svg") << u"line"_s << u"svg"_s << 0 << QByteArray("<?xml");
        QTest::newRow("pdf") << u"line"_s << u"pdf"_s << 0 << QByteArray("%PDF");
        QTest::newRow("json, the chart part")
            << u"line"_s << u"json"_s << 0 << QByteArray("{\n    \"data\": {");
        QTest::newRow("bar") << u"bar"_s << u"png"_s << 1 << QByteArray("“bar”");
        QTest::newRow("data not kept") << u"lost"_s << u"csv"_s << 1 << QByteArray("not kept");
    }
    void cliExport()
    {
        QFETCH(QString, which);
        QFETCH(QString, format);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, starts);
        const qint64 id = which == u"line" ? m_line : which == u"bar" ? m_bar : m_lost;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"out."_s + format);
        std::FILE *out = std::tmpfile();
        std::FILE *err = std::tmpfile();
        CapturedRun r;
        {
            Output output(out, err);
            ExportCommand command(*m_f.store.repository,
                CommandLine(ExportCommand::options(),
                    { QString::number(id), u"--format"_s, format, u"--out"_s, path }),
                output);
            r.exitCode = runCommand(command);
        }
        r.out = readBack(out);
        r.err = readBack(err);
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode != 0) {
            QVERIFY2(r.err.contains(QString::fromUtf8(starts)), qPrintable(r.err));
            QVERIFY2(!r.err.contains(u"open it in Chartroom"_s), qPrintable(r.err));
            return;
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.startsWith(starts), bytes.left(80).constData());
    }

    void inTheConversationExport()
    {
        const ConversationExporter exporter(&ChartExport::image);
        const auto exported = ConversationExporter::load(*m_f.store.repository, m_conversation);
        QVERIFY(exported);
        const auto html = exporter.render(*exported, ExportFormat::Html);
        QVERIFY(html);
        const QString text = QString::fromUtf8(*html);
        const QString figure = u"id=\"asset-"_s + QString::number(m_line) + u"\">\n<img src="_s;
        QVERIFY2(text.contains(figure), "the line chart is an image");
        QVERIFY(text.contains(u"<figcaption>Line chart: Orders by region"_s));
        QVERIFY(text.contains(
            u"id=\"asset-"_s + QString::number(m_bar) + u"\">\n<div class=\"placeholder\""_s));
    }
};

QTEST_MAIN(TestLookerChartCard)
#include "tst_lookerchartcard.moc"
