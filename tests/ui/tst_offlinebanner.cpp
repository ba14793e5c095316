// The offline banner in the real window: shown while the backend is unreachable with the number
// of waiting questions, a queue list whose Cancel keeps a question from being sent, and hidden
// again once the backend is back (the queue then drains into the transcript).
#include "app/core/connectivity.h"
#include "app/core/outboxsender.h"
#include "app/luzmo/luzmobackend.h"
#include "models/outbox.h"
#include "models/transcriptmodel.h"
#include "tests/support/fakehttpserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/offlinebanner.h"
#include "ui/outboxqueuelist.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>

using namespace Qt::StringLiterals;

class TestOfflineBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheQueueAndCancels()
    {
        QFile f(
            qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray stream = f.readAll();
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            return FakeHttpServer::sse(FakeHttpServer::split(stream, 400));
        });

        WindowFixture fx;
        LuzmoConfig config;
        config.host = QUrl(QString::fromLatin1(server.baseUrl()));
        config.key = u"k"_s;
        config.token = u"t"_s;
        LuzmoBackend backend(fx.network, config, u"luzmo"_s);
        fx.session.setBackend(&backend);
        Connectivity connectivity;
        connectivity.setProbeInterval(60'000);
        Outbox outbox(fx.store.database);
        OutboxSender sender(outbox, fx.session, connectivity, *fx.store.repository);
        fx.session.setOffline(&connectivity, &outbox);

        auto window = fx.makeWindow();
        auto *banner = new OfflineBanner(connectivity, outbox, sender);
        banner->setNameResolver([](const QString &) { return u"Luzmo"_s; });
        window->addBanner(banner);
        window->resize(900, 560);
        QVERIFY(showAndActivate(window.get()));
        QVERIFY(!banner->isVisible());

        // Unreachable: the banner appears, then counts the questions written meanwhile.
        ApiError refused;
        refused.code = ApiError::Code::Network;
        connectivity.reportFailure(u"luzmo"_s, refused);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(),
            u"You're offline — questions you write will be sent when Luzmo is reachable again."_s);
        auto *showQueue = banner->findChild<QToolButton *>(u"offlineBannerShowQueue"_s);
        QVERIFY(showQueue && !showQueue->isVisible());

        window->send(u"Revenue by month for 2025?"_s);
        window->send(u"And split by region?"_s);
        QCOMPARE(server.requests().size(), 0);
        QCOMPARE(banner->text(),
            u"You're offline — 2 questions will be sent when Luzmo is reachable again."_s);
        QVERIFY(showQueue->isVisible());
        TranscriptModel *transcript = window->transcriptModel();
        QTRY_COMPARE(transcript->rowCount(), 2);
        QCOMPARE(transcript->index(0).data(TranscriptModel::StatusRole).toString(), u"pending"_s);
        QTest::qWait(0); // let the transcript lay out before the picture
        QVERIFY(window->grab().save(screenshotPath(u"offline-banner.png"_s)));

        // Show queue: one row per waiting question; Cancel keeps the first from being sent.
        QTest::mouseClick(showQueue, Qt::LeftButton);
        OutboxQueueList *list = banner->queueList();
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->count(), 2);
        QVERIFY(list->grab().save(screenshotPath(u"offline-queue.png"_s)));
        const auto cancels = list->findChildren<QPushButton *>(u"outboxCancel"_s);
        QCOMPARE(cancels.size(), 2);
        QTest::mouseClick(cancels.first(), Qt::LeftButton);
        QCOMPARE(list->count(), 1);
        QCOMPARE(banner->text(),
            u"You're offline — 1 question will be sent when Luzmo is reachable again."_s);
        QTRY_COMPARE(transcript->index(0).data(TranscriptModel::StatusRole).toString(), u"error"_s);
        QCOMPARE(transcript->index(0).data(TranscriptModel::ErrorRole).toString(),
            u"Cancelled before it was sent."_s);

        // Back online: the banner goes, the remaining question is sent and answered.
        QSignalSpy finished(&fx.session, &ChatSession::answerFinished);
        connectivity.reportSuccess(u"luzmo"_s);
        QVERIFY(!banner->isVisible());
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.requests().size(), 1);
        QTRY_COMPARE(transcript->rowCount(), 3);
        QCOMPARE(transcript->index(1).data(TranscriptModel::StatusRole).toString(), u"complete"_s);
        QCOMPARE(transcript->index(2).data(TranscriptModel::StatusRole).toString(), u"complete"_s);
    }
};

QTEST_MAIN(TestOfflineBanner)
#include "tst_offlinebanner.moc"
