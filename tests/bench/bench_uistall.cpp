// UI stalls (issue 14.3): the real main window, offscreen, (1) receiving a 1 MB answer as fast
// as a loopback socket carries it (a FakeHttpServer in its own thread writes the Luzmo SSE
// stream in 16 KB chunks with no pause; LuzmoBackend, ChatSession, TranscriptModel and the
// transcript as in the app), and (2) a 10,000-message conversation (BigHistory,
// BenchLoop::chatMessage) scrolled a page per frame from its newest end to its first message
// (fetching the older pages on the way, as the scroll bar does) and back. For each: the longest
// the event loop went without turning (a 1 ms timer's largest gap), how many gaps were over
// 8 ms, and for (1) how often the text was announced and the streaming row laid out again, for
// (2) the time per frame (scroll step and paint). One JSON line each. Usage: bench_uistall
// [--smoke] [--megabytes N] [--messages N] [--only stream|scroll]. Asserts no time (goal: no
// stall over 8 ms); --smoke checks the whole text arrived (plain SQL) and the scroll reached
// both ends.

#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "models/transcriptmodel.h"
#include "tests/bench/benchloop.h"
#include "tests/bench/benchstream.h"
#include "tests/support/bighistory.h"
#include "tests/support/tempstore.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
int fail(const QString &why)
{
    std::fprintf(stderr, "bench_uistall: %s\n", qPrintable(why));
    return 1;
}

struct Fixture
{
    TempStore store;
    QNetworkAccessManager network;
    std::unique_ptr<ChatSession> session;
    QTemporaryDir settingsDir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<MainWindow> window;

    bool open()
    {
        if (!store.error.isEmpty())
            return false;
        store.repository->indexLongMessagesInBackground(); // as the app does (app/gui/main.cpp)
        session = std::make_unique<ChatSession>(*store.repository);
        settings = std::make_unique<QSettings>(
            settingsDir.filePath(u"bench.ini"_s), QSettings::IniFormat);
        window = std::make_unique<MainWindow>(*store.repository, *session, settings.get());
        window->resize(1100, 720);
        window->show();
        return QTest::qWaitForWindowExposed(window.get());
    }
};

int streamIntoWindow(bool smoke, double megabytes)
{
    // Deltas of deltaChars characters, one of them two bytes in UTF-8.
    const int count = std::max(8, int(megabytes * 1024 * 1024 / (BenchStream::deltaChars + 1)));
    const BenchStream::Answer answer = BenchStream::answer(count);
    const QByteArray body = answer.head + answer.deltas.join() + answer.tail;
    ServerThread server([&body](const FakeHttpServer::Request &) {
        return FakeHttpServer::sse(FakeHttpServer::split(body, 16 * 1024), 0);
    });
    Fixture f;
    if (!server.isListening() || !f.open())
        return fail(u"no server or no window"_s);
    LuzmoConfig config;
    config.host = QUrl(server.baseUrl());
    config.key = u"key"_s;
    config.token = u"token"_s;
    LuzmoBackend backend(f.network, config);
    f.session->setBackend(&backend);
    f.session->setAgent(u"item"_s);
    const qint64 conversation = f.store.addConversation(u"Stream"_s, 0);
    f.window->openConversation(conversation);
    QTest::qWait(50);

    TranscriptView *view = f.window->transcriptView();
    int updates = 0;
    QObject::connect(f.session.get(), &ChatSession::answerTextChanged, [&updates] { ++updates; });
    const int layoutsBefore = view->messageDelegate()->layoutCount();
    const int flushesBefore = view->flushCount();
    QSignalSpy finished(f.session.get(), &ChatSession::answerFinished);
    BenchLoop::StallMonitor monitor;
    QElapsedTimer clock;
    f.window->composer()->setText(u"Write a very long report."_s);
    monitor.start();
    clock.start();
    QTest::mouseClick(f.window->composer()->sendButton(), Qt::LeftButton);
    const qint64 answerId = f.session->activeAnswerId();
    if (!finished.wait(300000))
        return fail(u"the answer did not finish"_s);
    const double seconds = clock.nsecsElapsed() / 1e9;
    BenchLoop::runFor(200); // the last frame and the store's last write
    monitor.stop();
    std::printf("{\"bench\":\"stream_into_window\",\"text_bytes\":%lld,\"deltas\":%d,"
                "\"seconds\":%.3f,\"longest_stall_ms\":%.1f,\"stalls_over_8ms\":%d,"
                "\"text_updates\":%d,\"flushes\":%d,\"relayouts\":%d}\n",
        static_cast<long long>(answer.text.toUtf8().size()), count, seconds, monitor.longestMs(),
        monitor.over(8), updates, view->flushCount() - flushesBefore,
        view->messageDelegate()->layoutCount() - layoutsBefore);
    std::fflush(stdout);
    if (!smoke)
        return 0;
    QSqlQuery q(f.store.database.connection());
    q.prepare(u"SELECT text, status FROM messages WHERE id = ?"_s);
    q.addBindValue(answerId);
    if (!q.exec() || !q.next() || q.value(0).toString() != answer.text
        || q.value(1).toString() != u"complete"_s)
        return fail(u"the stored answer is not the whole text, complete"_s);
    const TranscriptModel *model = f.window->transcriptModel();
    const int row = model->rowOf(answerId);
    if (row < 0 || model->index(row).data(TranscriptModel::TextRole).toString() != answer.text)
        return fail(u"the transcript does not show the whole text"_s);
    return 0;
}

int scrollEndToEnd(bool smoke, int count)
{
    Fixture f;
    if (!f.open())
        return fail(u"no window"_s);
    const qint64 id = BigHistory::addLongConversation(
        *f.store.repository, u"Long"_s, count, &BenchLoop::chatMessage);
    if (id == 0)
        return fail(u"could not write the history"_s);
    TranscriptView *view = f.window->transcriptView();
    f.window->openConversation(id);
    view->scrollToNewest();
    view->viewport()->repaint();
    QTest::qWait(50);

    QScrollBar *bar = view->verticalScrollBar();
    const TranscriptModel *model = f.window->transcriptModel();
    QList<double> frames;
    bool up = true;
    bool done = false;
    bool reachedTop = false;
    const int layoutsBefore = view->messageDelegate()->layoutCount();
    QTimer stepper;
    stepper.setInterval(0);
    QObject::connect(&stepper, &QTimer::timeout, [&] {
        QElapsedTimer clock;
        clock.start();
        if (up)
            bar->setValue(bar->value() - bar->pageStep());
        else
            bar->setValue(bar->value() + bar->pageStep());
        view->viewport()->repaint();
        frames << clock.nsecsElapsed() / 1e6;
        if (up && bar->value() == bar->minimum() && !model->canFetchMore({})) {
            const QModelIndex top = view->indexAt(QPoint(40, 4));
            reachedTop = top.isValid() && top.row() == 0
                && top.data(TranscriptModel::TextRole).toString() == BenchLoop::chatMessage(1);
            up = false;
        } else if (!up && bar->value() == bar->maximum()) {
            done = true;
        }
    });
    BenchLoop::StallMonitor monitor;
    monitor.start();
    stepper.start();
    BenchLoop::runUntil([&done] { return done; }, 600000);
    stepper.stop();
    monitor.stop();
    std::printf("{\"bench\":\"scroll_end_to_end\",\"messages\":%d,\"frames\":%lld,"
                "\"frame_p50_ms\":%.2f,\"frame_p99_ms\":%.2f,\"frame_max_ms\":%.2f,"
                "\"longest_stall_ms\":%.1f,\"stalls_over_8ms\":%d,\"rows_laid_out\":%d}\n",
        count, static_cast<long long>(frames.size()), BenchLoop::percentile(frames, 50),
        BenchLoop::percentile(frames, 99), BenchLoop::percentile(frames, 100), monitor.longestMs(),
        monitor.over(8), view->messageDelegate()->layoutCount() - layoutsBefore);
    std::fflush(stdout);
    if (!smoke)
        return 0;
    if (!done || !reachedTop || model->rowCount() != count)
        return fail(
            u"the scroll did not reach both ends (%1 of %2 rows loaded)"_s.arg(model->rowCount())
                .arg(count));
    const QModelIndex bottom = view->indexAt(QPoint(40, view->viewport()->height() - 8));
    if (!bottom.isValid()
        || bottom.data(TranscriptModel::TextRole).toString() != BenchLoop::chatMessage(count))
        return fail(u"the newest message is not at the bottom after scrolling back"_s);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    const double megabytes = BenchLoop::argument(args, u"--megabytes"_s, smoke ? 0.05 : 1);
    const int messages = int(BenchLoop::argument(args, u"--messages"_s, smoke ? 300 : 10000));
    const qsizetype only = args.indexOf(u"--only"_s); // stream | scroll
    const QString part = only > 0 && only + 1 < args.size() ? args.at(only + 1) : QString();
    if (part != u"scroll"_s) {
        if (const int e = streamIntoWindow(smoke, megabytes))
            return e;
    }
    return part == u"stream"_s ? 0 : scrollEndToEnd(smoke, messages);
}
