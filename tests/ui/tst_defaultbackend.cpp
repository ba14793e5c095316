// The first-launch experience: no account, no network. The built-in analyst server answers
// "Show monthly revenue as a line chart" from the bundled sample dataset, through the same
// Luzmo client a real account uses, into the real window.
#include "composer.h"
#include "localserver.h"
#include "luzmobackend.h"
#include "transcriptmodel.h"
#include "windowfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

class TestDefaultBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void localServerAnswersInTheWindow()
    {
        WindowFixture f;
        LocalServer::Options options;
        options.dataDirectory = f.store.dir.path();
        LocalServer server(options);
        const QString error = server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        LuzmoConfig config;
        config.host = QUrl(server.url());
        config.key = server.key();
        config.token = server.token();
        LuzmoBackend local(f.network, config, u"local"_qs);
        f.backends.setLocalBackend(&local);
        f.backends.restore(); // no saved choice: Local is the default
        QCOMPARE(f.session.backend(), &local);

        auto window = f.makeWindow();
        window->resize(1240, 820);
        QVERIFY(showAndActivate(window.get()));
        QSignalSpy finished(&f.session, &ChatSession::answerFinished);
        QTest::keyClicks(window->composer()->editor(), u"Show monthly revenue as a line chart"_qs);
        QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));

        TranscriptModel *model = window->transcriptModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1).data(TranscriptModel::StatusRole).toString(), u"complete"_qs);
        const QString text = model->index(1).data(TranscriptModel::TextRole).toString();
        QVERIFY2(text.contains(u"Revenue"_qs) && text.contains(u"$"_qs), qPrintable(text));
        // The chart, and how the built-in analyst read the question (drawn as chips).
        QCOMPARE(model->index(1).data(TranscriptModel::AssetCountRole).toInt(), 2);
        const QVariantList assets = model->index(1).data(TranscriptModel::AssetsRole).toList();
        QCOMPARE(assets.at(1).toMap().value(u"type"_qs).toString(), u"interpretation"_qs);
        const QVariantMap asset = assets.first().toMap();
        const QJsonObject item
            = QJsonDocument::fromJson(asset.value(u"valueJson"_qs).toByteArray()).object();
        QCOMPARE(item[u"type"_qs].toString(), u"line-chart"_qs);
        QCOMPARE(f.store.repository->conversation(model->conversationId())->backend, u"local"_qs);
        QVERIFY(!f.store.repository->conversation(model->conversationId())->remoteId.isEmpty());
        QTest::qWait(100); // a few frames: the view applies changes at most 60 times a second
        QVERIFY(window->grab().save(screenshotPath(u"default-backend.png"_qs)));
    }
};

QTEST_MAIN(TestDefaultBackend)
#include "tst_defaultbackend.moc"
