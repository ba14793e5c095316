// First paint of a long conversation (issue 14.4, first half): the real main window, offscreen,
// opening a 10,000-message conversation of realistic markdown (BigHistory, BenchLoop::chatMessage)
// and painting it at its newest end: the model's first page, the view's layout of those rows
// (the delegate's markdown layout of each row it sizes) and the paint of the visible ones, done
// synchronously as the event loop would. Prints one JSON line: the first (cold) open and the
// median of the following ones, split into open / layout / paint, and how many rows the
// delegate laid out for it. Usage: bench_firstpaint [--smoke] [--messages N] [--runs N].
// Asserts no time (goal: 5 ms); --smoke checks that the newest message is what is painted at
// the bottom.

#include "app/core/chatsession.h"
#include "models/transcriptmodel.h"
#include "tests/bench/benchloop.h"
#include "tests/support/bighistory.h"
#include "tests/support/tempstore.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
int fail(const QString &why)
{
    std::fprintf(stderr, "bench_firstpaint: %s\n", qPrintable(why));
    return 1;
}

struct Run
{
    double openMs = 0; // openConversation: the model's reset and first page
    double layoutMs = 0; // the view's layout of the loaded rows, scrolled to the newest
    double paintMs = 0; // the viewport's paint
    int rowsLaidOut = 0;
    double totalMs() const { return openMs + layoutMs + paintMs; }
};
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    const int count
        = std::max(2, int(BenchLoop::argument(args, u"--messages"_s, smoke ? 500 : 10000)));
    const int runs = std::max(1, int(BenchLoop::argument(args, u"--runs"_s, smoke ? 2 : 11)));

    TempStore store;
    if (!store.error.isEmpty())
        return fail(store.error);
    const qint64 shortId = store.addConversation(u"Short"_s, 2);
    const qint64 longId = BigHistory::addLongConversation(
        *store.repository, u"Long"_s, count, &BenchLoop::chatMessage);
    if (shortId == 0 || longId == 0)
        return fail(u"could not write the history"_s);

    ChatSession session(*store.repository);
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(u"bench.ini"_s), QSettings::IniFormat);
    MainWindow window(*store.repository, session, &settings);
    window.resize(1100, 720);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(u"the window was not shown"_s);
    TranscriptView *view = window.transcriptView();
    MessageDelegate *delegate = view->messageDelegate();

    QList<Run> done;
    for (int r = 0; r < runs; ++r) {
        // From another conversation, settled, as when a person picks one in the sidebar.
        window.openConversation(shortId);
        view->scrollToNewest();
        view->viewport()->repaint();
        QTest::qWait(30);

        Run run;
        const int layoutsBefore = delegate->layoutCount();
        QElapsedTimer clock;
        clock.start();
        window.openConversation(longId);
        run.openMs = clock.nsecsElapsed() / 1e6;
        clock.restart();
        view->scrollToNewest();
        run.layoutMs = clock.nsecsElapsed() / 1e6;
        clock.restart();
        view->viewport()->repaint();
        run.paintMs = clock.nsecsElapsed() / 1e6;
        run.rowsLaidOut = delegate->layoutCount() - layoutsBefore;
        done << run;
        QTest::qWait(30);
    }

    int visible = 0;
    const QAbstractItemModel *rows = view->model();
    for (int row = 0; row < rows->rowCount(); ++row)
        visible += view->visualRect(rows->index(row, 0)).intersects(view->viewport()->rect());
    QList<double> totals, opens, layouts, paints;
    for (qsizetype i = done.size() > 1 ? 1 : 0; i < done.size(); ++i) {
        totals << done.at(i).totalMs();
        opens << done.at(i).openMs;
        layouts << done.at(i).layoutMs;
        paints << done.at(i).paintMs;
    }
    std::printf("{\"bench\":\"first_paint\",\"messages\":%d,\"first_ms\":%.2f,\"median_ms\":%.2f,"
                "\"open_ms\":%.2f,\"layout_ms\":%.2f,\"paint_ms\":%.2f,\"rows_loaded\":%d,"
                "\"rows_laid_out\":%d,\"rows_visible\":%d}\n",
        count, done.first().totalMs(), BenchLoop::percentile(totals, 50),
        BenchLoop::percentile(opens, 50), BenchLoop::percentile(layouts, 50),
        BenchLoop::percentile(paints, 50), rows->rowCount(), done.last().rowsLaidOut, visible);
    std::fflush(stdout);

    if (!smoke)
        return 0;
    // What is painted at the bottom is the newest message (its text from chatMessage alone).
    const QModelIndex bottom = view->indexAt(QPoint(40, view->viewport()->height() - 8));
    if (!bottom.isValid() || bottom.row() != rows->rowCount() - 1)
        return fail(u"the newest message is not at the bottom"_s);
    if (bottom.data(TranscriptModel::TextRole).toString() != BenchLoop::chatMessage(count))
        return fail(u"the bottom row is not message %1"_s.arg(count));
    if (visible < 2)
        return fail(u"%1 rows are visible"_s.arg(visible));
    return 0;
}
