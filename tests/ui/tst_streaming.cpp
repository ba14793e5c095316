// A real answer streaming into the real window: the Luzmo backend (built by the backend
// controller from settings, as in the app) against an in-process fake server on loopback.
#include "models/transcriptmodel.h"
#include "tests/support/fakehttpserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/composer.h"
#include "ui/errorbanner.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {
QByteArray recordedStream()
{
    QFile f(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// `current` with a Luzmo account on the fake server as the default, agent "item".
AccountSettings luzmoAt(AccountSettings current, const FakeHttpServer &server)
{
    Account luzmo = Account::create(Account::Kind::Luzmo);
    luzmo.baseUrl = QString::fromLatin1(server.baseUrl());
    luzmo.keyId = u"key-id"_s;
    luzmo.secret = u"token-secret"_s;
    luzmo.agent = u"item"_s;
    current.accounts.first().agent = u"item"_s; // the session's agent
    current.add(luzmo);
    current.setDefault(luzmo.id);
    return current;
}

// What the transcript shows at one moment of the stream.
struct Sample
{
    QString status;
    QString text;
    QString footer;
    bool thinking = false;
};
} // namespace

class TestStreaming : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(!recordedStream().isEmpty()); }
    void answerStreamsIntoTheWindow();
    void failedAnswerShowsErrorAndRetryWorks();
    void stopMidStreamMarksInterrupted_data();
    void stopMidStreamMarksInterrupted();
    void sessionFailuresGoToTheBanner();
};

void TestStreaming::answerStreamsIntoTheWindow()
{
    WindowFixture f;
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray stream = recordedStream();
    server.setHandler([&stream](const FakeHttpServer::Request &) {
        return FakeHttpServer::sse(FakeHttpServer::split(stream, 90), 25);
    });
    f.backends.apply(luzmoAt(f.backends.settings(), server));
    auto window = f.makeWindow();
    window->resize(1240, 820);
    QVERIFY(showAndActivate(window.get()));
    TranscriptView *view = window->transcriptView();
    Composer *composer = window->composer();

    QTest::keyClicks(composer->editor(), u"Show monthly revenue as a line chart."_s);
    QVERIFY(composer->sendButton()->isEnabled());
    QSignalSpy finished(&f.session, &ChatSession::answerFinished);
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QVERIFY(f.session.isBusy());
    QVERIFY(composer->stopButton()->isEnabled());
    QTest::keyClicks(composer->editor(), u"And by region?"_s);
    QVERIFY(!composer->sendButton()->isEnabled()); // not while an answer arrives

    TranscriptModel *model = window->transcriptModel();
    QCOMPARE(model->rowCount(), 2);
    const int row = 1;
    QCOMPARE(view->activeAnswer(), f.session.activeAnswerId());
    const int layoutsBefore = view->messageDelegate()->layoutCount();
    const int flushesBefore = view->flushCount();

    // Sample what the window shows while the answer arrives.
    QList<Sample> samples;
    bool shot = false;
    QTimer sampler;
    sampler.setInterval(10);
    connect(&sampler, &QTimer::timeout, this, [&] {
        if (!f.session.isBusy())
            return;
        const MessageDelegate::RowInfo info = view->rowInfo(row);
        const QModelIndex index = model->index(row);
        samples << Sample { index.data(TranscriptModel::StatusRole).toString(),
            index.data(TranscriptModel::TextRole).toString(), info.footerText, info.thinking };
        // Mid-stream, as painted: text on screen and the progress line under it.
        if (!shot && !info.thinking && !info.footerText.isEmpty()) {
            shot = true;
            view->viewport()->repaint();
            QVERIFY(window->grab().save(screenshotPath(u"streaming.png"_s)));
        }
    });
    sampler.start();
    QVERIFY(finished.wait(15000));
    sampler.stop();
    QVERIFY(shot);

    // The placeholder first, then the progress line under the bubble, then text that grows.
    QVERIFY(!samples.isEmpty());
    QVERIFY(samples.first().thinking);
    QVERIFY(samples.first().text.isEmpty());
    const auto sawFooter = [&samples](const QString &line) {
        return std::any_of(samples.cbegin(), samples.cend(),
            [&line](const Sample &s) { return s.footer == line; });
    };
    QVERIFY(sawFooter(u"Reading dataset…"_s) || sawFooter(u"Choosing a chart…"_s));
    QStringList texts;
    for (const Sample &s : std::as_const(samples)) {
        QVERIFY(s.status == u"pending" || s.status == u"streaming");
        QVERIFY(!s.footer.isEmpty() || s.thinking);
        if (!s.text.isEmpty() && (texts.isEmpty() || texts.last() != s.text)) {
            QVERIFY(texts.isEmpty() || s.text.startsWith(texts.last())); // it only grows
            texts << s.text;
        }
    }
    QVERIFY2(texts.size() >= 2, qPrintable(texts.join(u" | ")));

    // The end: complete, no progress line, the chart's card, Stop off, Send back.
    QTRY_COMPARE(model->index(row).data(TranscriptModel::StatusRole).toString(), u"complete"_s);
    QTRY_VERIFY(view->rowInfo(row).footerText.isEmpty());
    const MessageDelegate::RowInfo done = view->rowInfo(row);
    QCOMPARE(model->index(row).data(TranscriptModel::AssetCountRole).toInt(), 1);
    QCOMPARE(done.cards, QStringList { u"Line chart · Monthly revenue"_s });
    QVERIFY(done.layout.cardRect(0).top() > done.layout.textRect().bottom());
    QVERIFY(!done.retry);
    QVERIFY(!composer->stopButton()->isEnabled());
    QVERIFY(composer->sendButton()->isEnabled());
    QCOMPARE(view->activeAnswer(), 0);
    // Rows are laid out (markdown parsed) at most once per applied frame, not per delta.
    QTest::qWait(50);
    const int layouts = view->messageDelegate()->layoutCount() - layoutsBefore;
    const int flushes = view->flushCount() - flushesBefore;
    QVERIFY2(
        layouts <= flushes + 2, qPrintable(u"%1 layouts, %2 frames"_s.arg(layouts).arg(flushes)));
    QVERIFY(window->grab().save(screenshotPath(u"answer-with-asset.png"_s)));
}

void TestStreaming::failedAnswerShowsErrorAndRetryWorks()
{
    WindowFixture f;
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray stream = recordedStream();
    int calls = 0;
    server.setHandler([&](const FakeHttpServer::Request &) {
        if (++calls == 1) {
            return FakeHttpServer::json(503,
                R"({"type":{"code":503,"description":"Service Unavailable"},)"
                R"("message":"The AI service is temporarily unavailable."})");
        }
        return FakeHttpServer::sse(FakeHttpServer::split(stream, 400), 5);
    });
    f.backends.apply(luzmoAt(f.backends.settings(), server));
    auto window = f.makeWindow();
    window->resize(1240, 820);
    QVERIFY(showAndActivate(window.get()));
    QSignalSpy finished(&f.session, &ChatSession::answerFinished);
    window->composer()->setText(u"Top customers by lifetime value"_s);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));

    TranscriptModel *model = window->transcriptModel();
    TranscriptView *view = window->transcriptView();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1).data(TranscriptModel::StatusRole).toString(), u"error"_s);
    QTRY_VERIFY(view->rowInfo(1).statusText.contains(u"temporarily unavailable"_s));
    MessageDelegate::RowInfo failed = view->rowInfo(1);
    QVERIFY(failed.retry);
    QVERIFY(failed.layout.bubbleRect().contains(failed.layout.actionRect()));
    QTest::qWait(30);
    QVERIFY(window->grab().save(screenshotPath(u"error-retry.png"_s)));

    // A click beside the link does nothing; on it, the question is asked again.
    const QRect rowRect = view->visualRect(view->model()->index(1, 0));
    const QPoint beside = rowRect.topLeft() + failed.layout.statusRect().center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, beside);
    QCOMPARE(server.requests().size(), 1);
    const QPoint link = rowRect.topLeft() + failed.layout.actionRect().center();
    QTest::mouseMove(view->viewport(), link);
    QCOMPARE(view->viewport()->cursor().shape(), Qt::PointingHandCursor);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link);
    QVERIFY(f.session.isBusy());
    QVERIFY(finished.wait(10000));
    // Questions only: the answer's chart then asks for its data (`data`) on its own.
    int prompts = 0;
    for (const FakeHttpServer::Request &request : server.requests())
        prompts += request.path.endsWith("/aiprompt") ? 1 : 0;
    QCOMPARE(prompts, 2);
    QCOMPARE(model->rowCount(), 3); // the failed answer stays, the new one follows
    QCOMPARE(model->index(2).data(TranscriptModel::StatusRole).toString(), u"complete"_s);
    QVERIFY(model->index(2).data(TranscriptModel::TextRole).toString().startsWith(u"Here is"_s));
    QVERIFY(!window->errorBanner()->isVisible());
}

void TestStreaming::stopMidStreamMarksInterrupted_data()
{
    // How the person stops it: the Stop button, or Esc wherever the focus is in the window.
    QTest::addColumn<QString>("how");
    QTest::newRow("stop button") << u"button"_s;
    QTest::newRow("esc in the composer") << u"composer"_s;
    QTest::newRow("esc in the transcript") << u"transcript"_s;
    QTest::newRow("esc in the conversation list") << u"conversationList"_s;
}

void TestStreaming::stopMidStreamMarksInterrupted()
{
    QFETCH(QString, how);
    WindowFixture f;
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray stream = recordedStream();
    const QByteArray firstText
        = stream.left(stream.indexOf("data: {\"type\":\"text_start\",\"index\":1"));
    server.setHandler([&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response r = FakeHttpServer::sse(FakeHttpServer::split(firstText, 200), 5);
        r.stallAfterChunks = true; // the rest never comes: the user stops it
        return r;
    });
    f.backends.apply(luzmoAt(f.backends.settings(), server));
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->composer()->setText(u"Monthly revenue"_s);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    TranscriptModel *model = window->transcriptModel();
    TranscriptView *view = window->transcriptView();
    // Deltas show as they arrive (live text), so wait for all that will come.
    QTRY_COMPARE_WITH_TIMEOUT(model->index(1).data(TranscriptModel::TextRole).toString(),
        u"Here is the monthly revenue for 2025."_s, 5000);
    QVERIFY(window->composer()->stopButton()->isEnabled());

    QSignalSpy finished(&f.session, &ChatSession::answerFinished);
    if (how == u"button") {
        QTest::mouseClick(window->composer()->stopButton(), Qt::LeftButton);
    } else {
        QWidget *target = how == u"composer" ? window->composer()->editor()
            : how == u"transcript"           ? static_cast<QWidget *>(view)
                                             : window->findChild<QWidget *>(how);
        QVERIFY(target);
        target->setFocus();
        QTest::keyClick(target, Qt::Key_Escape);
    }
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QCOMPARE(model->index(1).data(TranscriptModel::StatusRole).toString(), u"interrupted"_s);
    QCOMPARE(model->index(1).data(TranscriptModel::TextRole).toString(),
        u"Here is the monthly revenue for 2025."_s);
    QVERIFY(!window->composer()->stopButton()->isEnabled());
    QTRY_VERIFY(view->rowInfo(1).statusText.startsWith(u"Interrupted"_s));
    QVERIFY(view->rowInfo(1).retry);
    QVERIFY(view->rowInfo(1).footerText.isEmpty());
}

void TestStreaming::sessionFailuresGoToTheBanner()
{
    WindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    Q_EMIT f.session.failed(u"The answer could not be saved: the disk is full"_s);
    QCOMPARE(
        window->errorBanner()->message(), u"The answer could not be saved: the disk is full"_s);
    window->retry(424242); // no such message
    QVERIFY(window->errorBanner()->message().startsWith(u"Could not ask again"_s));
}

QTEST_MAIN(TestStreaming)
#include "tst_streaming.moc"
