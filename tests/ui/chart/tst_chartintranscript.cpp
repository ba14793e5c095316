// The chart in the real window: the built-in server's line chart is drawn in the transcript
// (its data fetched once and stored), opens in the interactive view (hover, legend toggle, zoom,
// context menu), and with the server stopped still renders from its snapshot; other item types
// and unreachable data show honest cards. Screenshots: chart-in-transcript.png, chart-view.png,
// chart-offline.png.
#include "app/luzmo/luzmobackend.h"
#include "app/server/localserver.h"
#include "models/transcriptmodel.h"
#include "tests/ui/windowfixture.h"
#include "ui/chart/chartcardcache.h"
#include "ui/chart/chartpanel.h"
#include "ui/chart/chartview.h"
#include "ui/composer.h"
#include "ui/transcriptview.h"

#include <QChart>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

class TestChartInTranscript : public QObject
{
    Q_OBJECT
    WindowFixture m_f;
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<LuzmoBackend> m_local;
    qint64 m_conversation = 0;
    qint64 m_assetId = 0;

private Q_SLOTS:
    void initTestCase()
    {
        LocalServer::Options options;
        options.dataDirectory = m_f.store.dir.path();
        options.streamDelayMs = 0;
        m_server = std::make_unique<LocalServer>(options);
        QVERIFY(m_server->start().isEmpty());
        LuzmoConfig config;
        config.host = QUrl(m_server->url());
        config.key = m_server->key();
        config.token = m_server->token();
        m_local = std::make_unique<LuzmoBackend>(m_f.network, config, u"local"_s);
        m_f.backends.setLocalBackend(m_local.get());
        m_f.backends.restore();
    }

    void chartInTranscript()
    {
        auto window = m_f.makeWindow();
        window->resize(1240, 900);
        QVERIFY(showAndActivate(window.get()));
        QSignalSpy finished(&m_f.session, &ChatSession::answerFinished);
        QTest::keyClicks(
            window->composer()->editor(), u"Show monthly revenue by region as a line chart"_s);
        QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        TranscriptModel *model = window->transcriptModel();
        m_conversation = model->conversationId();
        m_assetId
            = model->index(1).data(TranscriptModel::AssetIdsRole).toList().first().toLongLong();
        ChartCardCache *cache = window->chartCache();
        // No snapshot yet: the card fetches it once, then draws the chart.
        QTRY_COMPARE_WITH_TIMEOUT(
            int(cache->card(m_assetId).state), int(ChartCardCache::State::Ready), 15000);
        const auto asset = m_f.store.repository->asset(m_assetId);
        QVERIFY(!asset->dataJson.isEmpty());
        QVERIFY(asset->dataTakenAt.isValid());
        window->transcriptView()->scrollToNewest();
        QTRY_VERIFY(cache->renderCount() >= 1);
        const int renders = cache->renderCount();
        window->transcriptView()->viewport()->repaint();
        QCOMPARE(cache->renderCount(), renders); // painted from the cached image
        QVERIFY(window->grab().save(screenshotPath(u"chart-in-transcript.png"_s)));
    }

    void interactiveView()
    {
        auto window = m_f.makeWindow();
        window->openConversation(m_conversation);
        ChartPanel *panel = window->openChart(m_assetId);
        panel->resize(1000, 620);
        QVERIFY(QTest::qWaitForWindowExposed(panel));
        QTRY_VERIFY(panel->chartView());
        ChartView *view = panel->chartView();
        QTest::qWait(50);
        QChart *chart = view->chart();
        QVERIFY(chart->series().size() >= 2);
        // Hover over a real point: x, series and value.
        auto *series = qobject_cast<QLineSeries *>(chart->series().first());
        const QPointF point = series->at(5);
        const QPoint at
            = view->mapFromScene(chart->mapToScene(chart->mapToPosition(point, series)));
        const QString text = view->hoverText(at);
        QVERIFY2(text.contains(series->name()) && text.contains(u'$'), qPrintable(text));
        // The legend toggles series.
        QVERIFY(view->isSeriesVisible(1));
        view->toggleSeries(1);
        QVERIFY(!view->isSeriesVisible(1));
        view->toggleSeries(1);
        QVERIFY(view->isSeriesVisible(1));
        // Wheel zoom and reset.
        const qreal width = chart->axes(Qt::Horizontal).first()->property("max").toReal()
            - chart->axes(Qt::Horizontal).first()->property("min").toReal();
        QWheelEvent wheel(QPointF(at), QPointF(view->mapToGlobal(at)), {}, { 0, 120 }, Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        const auto axisWidth = [chart] {
            QAbstractAxis *x = chart->axes(Qt::Horizontal).first();
            return x->property("max").toReal() - x->property("min").toReal();
        };
        QVERIFY(axisWidth() < width * 0.9);
        view->resetZoom();
        QCOMPARE(axisWidth(), width);
        // The context menu offers the exports, copy, data and refresh.
        std::unique_ptr<QMenu> menu(view->createContextMenu());
        QStringList actions;
        for (QAction *a : menu->actions())
            actions << a->text();
        for (const QString &expected :
            { u"Export PNG…"_s, u"Export SVG…"_s, u"Export PDF…"_s, u"Export CSV…"_s,
                u"Export JSON…"_s, u"Copy Image"_s, u"View Data"_s, u"Refresh"_s })
            QVERIFY2(actions.contains(expected), qPrintable(expected));
        QVERIFY(panel->findChild<QLabel *>(u"chartCaption"_s)->text().startsWith(u"Data as of"_s));
        view->hoverText(at);
        QVERIFY(panel->grab().save(screenshotPath(u"chart-view.png"_s)));
        panel->close();
    }

    void offlineFromSnapshot()
    {
        m_server.reset(); // the server is gone
        // A bar chart, and a line chart that never got its data.
        Message m;
        m.conversationId = m_conversation;
        m.role = MessageRole::Assistant;
        m.text = u"Two more charts."_s;
        Asset bar;
        bar.type = u"item"_s;
        bar.valueJson
            = R"({"type": "bar-chart", "options": {"title": {"en": "Units by category"}}, "slots": []})";
        Asset line;
        line.type = u"item"_s;
        line.valueJson = m_f.store.repository->asset(m_assetId)->valueJson;
        m.assets << bar << line;
        QVERIFY(m_f.store.repository->addMessage(m));

        auto window = m_f.makeWindow(); // a fresh window: everything comes from the store
        window->resize(1240, 1300);
        QVERIFY(showAndActivate(window.get()));
        ChartCardCache *cache = window->chartCache();
        cache->setRetryDelay(300);
        QSignalSpy fetchFailed(&cache->fetcher(), &ChartDataFetcher::failed);
        window->openConversation(m_conversation);
        window->transcriptView()->scrollToNewest();
        QTRY_VERIFY(cache->renderCount() >= 1);
        QCOMPARE(int(cache->card(m_assetId).state), int(ChartCardCache::State::Ready));
        TranscriptModel *model = window->transcriptModel();
        const QVariantList ids
            = model->index(model->rowCount() - 1).data(TranscriptModel::AssetIdsRole).toList();
        QCOMPARE(int(cache->card(ids.at(0).toLongLong()).state),
            int(ChartCardCache::State::NotRendered));
        QTRY_COMPARE_WITH_TIMEOUT(int(cache->card(ids.at(1).toLongLong()).state),
            int(ChartCardCache::State::Failed), 20000);
        QVERIFY(!cache->card(ids.at(1).toLongLong()).error.message.isEmpty());
        // The card says its data will be fetched later, and it is: shown again after the delay,
        // it asks once more (and fails again, the server being gone).
        QVERIFY(cache->card(ids.at(1).toLongLong()).retriesLater);
        const int failures = int(fetchFailed.count());
        QVERIFY(failures >= 1);
        const auto shownAgainAndAsked = [&] {
            window->transcriptView()->viewport()->update(); // as if scrolled past again
            return fetchFailed.count() > failures;
        };
        QTRY_VERIFY_WITH_TIMEOUT(shownAgainAndAsked(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(int(cache->card(ids.at(1).toLongLong()).state),
            int(ChartCardCache::State::Failed), 20000);
        QTest::qWait(50);
        window->transcriptView()->scrollToNewest();
        QTest::qWait(50);
        QVERIFY(window->grab().save(screenshotPath(u"chart-offline.png"_s)));
    }
};

QTEST_MAIN(TestChartInTranscript)
#include "tst_chartintranscript.moc"
