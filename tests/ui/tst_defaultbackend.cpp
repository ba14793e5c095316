// The first-launch experience: no account, no network. The built-in analyst server answers
// "Show monthly revenue as a line chart" from the bundled sample dataset, through the same
// Luzmo client a real account uses, into the real window.
#include "models/transcriptmodel.h"
#include "tests/ui/localanswers.h"
#include "ui/composer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

class TestDefaultBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void localServerAnswersInTheWindow()
    {
        WindowFixture f;
        LocalAnswers local(f);
        const QString error = local.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(f.session.backend(), local.backend.get());

        auto window = f.makeWindow();
        window->resize(1240, 820);
        QVERIFY(showAndActivate(window.get()));
        QVERIFY(local.ask(window.get(), u"Show monthly revenue as a line chart"_s));

        TranscriptModel *model = window->transcriptModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1).data(TranscriptModel::StatusRole).toString(), u"complete"_s);
        const QString text = model->index(1).data(TranscriptModel::TextRole).toString();
        QVERIFY2(text.contains(u"Revenue"_s) && text.contains(u"$"_s), qPrintable(text));
        // The chart, and how the built-in analyst read the question (drawn as chips).
        QCOMPARE(model->index(1).data(TranscriptModel::AssetCountRole).toInt(), 2);
        const QVariantList assets = model->index(1).data(TranscriptModel::AssetsRole).toList();
        QCOMPARE(assets.at(1).toMap().value(u"type"_s).toString(), u"interpretation"_s);
        const QVariantMap asset = assets.first().toMap();
        const QJsonObject item
            = QJsonDocument::fromJson(asset.value(u"valueJson"_s).toByteArray()).object();
        QCOMPARE(item[u"type"_s].toString(), u"line-chart"_s);
        QCOMPARE(f.store.repository->conversation(model->conversationId())->backend, u"local"_s);
        QVERIFY(!f.store.repository->conversation(model->conversationId())->remoteId.isEmpty());
        QTest::qWait(100); // a few frames: the view applies changes at most 60 times a second
        QVERIFY(window->grab().save(screenshotPath(u"default-backend.png"_s)));
    }
};

QTEST_MAIN(TestDefaultBackend)
#include "tst_defaultbackend.moc"
