// The main window's transcript over a real store: streaming repaints coalesced to one relayout
// of the changed row, older pages fetched at the top with the view anchored, and screenshots of
// each state.
#include "models/conversationlistmodel.h"
#include "models/searchresultmodel.h"
#include "models/transcriptmodel.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/composer.h"
#include "ui/conversationsidebar.h"
#include "ui/emptystatewidget.h"
#include "ui/errorbanner.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

class TestMainWindowTranscript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamingRepaintsAreCoalesced();
    void scrollingToTopFetchesOlderAnchored();
    void opensWithAScreenOfRows_data();
    void opensWithAScreenOfRows();
    void screenshots();
};

void TestMainWindowTranscript::streamingRepaintsAreCoalesced()
{
    MainWindowFixture f;
    // 25 messages: the first page (8), the page that fills the view (10) and the tester's page (the
    // last 7) read them all before anything is counted, so no later fetch lays out a row.
    const qint64 id = f.store.addConversation(u"Streaming"_s, 24);
    Message answer = f.store.repository
                         ->addMessage(message(
                             id, MessageRole::Assistant, u"Revenue"_s, MessageStatus::Streaming))
                         .value();
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(id);
    TranscriptView *view = window->transcriptView();
    QTRY_VERIFY(view->isAtBottom());
    QTest::qWait(50);

    MessageDelegate *delegate = view->messageDelegate();
    // The view's own model (the proxy that fetches older pages only when asked) stays consistent.
    // The tester fetches the older page itself (not as the view does, keeping the position):
    // back to the newest, and the view settles, before anything is counted.
    QAbstractItemModelTester tester(
        view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::qWait(50);
    view->scrollToNewest();
    QTRY_VERIFY(view->isAtBottom());
    QTest::qWait(50);
    QSignalSpy modelChanges(window->transcriptModel(), &QAbstractItemModel::dataChanged);
    QSignalSpy relayouts(delegate, &QAbstractItemDelegate::sizeHintChanged);
    const int flushesBefore = view->flushCount();
    const int layoutsBefore = delegate->layoutCount();
    const int row = window->transcriptModel()->rowOf(answer.id);
    const int heightBefore = view->visualRect(view->model()->index(row, 0)).height();

    for (int i = 0; i < 200; ++i) {
        answer.text += u" grew **12%** in March, driven by the enterprise plan."_s;
        QVERIFY(!f.store.repository->updateMessage(answer, Repository::MessageField::Text));
    }
    QCOMPARE(modelChanges.size(), 200);
    QCOMPARE(relayouts.size(), 0); // nothing yet: applied at the next frame

    QTRY_COMPARE(view->flushCount(), flushesBefore + 1);
    QCOMPARE(relayouts.size(), 1);
    QTest::qWait(50);
    // Only the changed row was laid out again, once.
    QCOMPARE(delegate->layoutCount() - layoutsBefore, 1);
    QVERIFY(view->visualRect(view->model()->index(row, 0)).height() > heightBefore);
    QVERIFY(view->isAtBottom()); // the streaming answer is followed
}

void TestMainWindowTranscript::scrollingToTopFetchesOlderAnchored()
{
    MainWindowFixture f;
    const qint64 id = f.store.addConversation(u"Long history"_s, 180);
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(id);
    TranscriptView *view = window->transcriptView();
    QTest::qWait(50);
    // The view does not page in everything just because the last row is visible.
    const int page = MainWindow::transcriptPageSize;
    // By hand: 8 one-line bubbles (~68 px each, ~545 px) do not fill the default window's
    // ~560 px transcript, so one page more is read at the open, and no more.
    const int opened = window->transcriptModel()->rowCount();
    QCOMPARE(opened, MainWindow::transcriptFirstPageSize + page);
    QTRY_VERIFY(view->isAtBottom());

    const qint64 firstId = window->transcriptModel()->messageAt(0)->id;
    view->verticalScrollBar()->setValue(0);
    QCOMPARE(window->transcriptModel()->rowCount(), opened + page);
    const int oldFirstRow = window->transcriptModel()->rowOf(firstId);
    QCOMPARE(oldFirstRow, page);
    // What was at the top of the view is still there.
    QVERIFY(qAbs(view->visualRect(view->model()->index(oldFirstRow, 0)).top()) <= 1);
}

void TestMainWindowTranscript::opensWithAScreenOfRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expectedRows");
    // Worked by hand for a 1100 x 900 window (a transcript ~700 px tall): a one-line bubble is
    // ~70 px, so the first 8 (~560 px) leave the top empty and one more page is read before the
    // first paint (8 + 10, ~1,260 px); a 1,600-character answer wraps to ~20 lines (~340 px), so
    // 8 of them are almost four screens and nothing more is read.
    QTest::newRow("one-line messages") << u"Revenue by region"_s << 18;
    QString longAnswer;
    while (longAnswer.size() < 1600)
        longAnswer += u"Revenue in EMEA grew by 12 percent against the prior quarter. "_s;
    QTest::newRow("long answers") << longAnswer << 8;
}

// A conversation opens with its newest screenful (MainWindow::transcriptFirstPageSize), read
// and laid out before the first paint; a screen the first page does not fill gets the next page
// at once, never a half-empty transcript. The 200-message conversation is far from read whole.
void TestMainWindowTranscript::opensWithAScreenOfRows()
{
    QFETCH(QString, text);
    QFETCH(int, expectedRows);
    MainWindowFixture f;
    const qint64 id = f.store.repository->createConversation(u"Regions"_s)->id;
    qint64 newestId = 0;
    for (int i = 0; i < 200; ++i) {
        const MessageRole role = i % 2 ? MessageRole::Assistant : MessageRole::User;
        const StoreResult<Message> added = f.store.addMessage(id, text, role);
        QVERIFY(added);
        newestId = added->id;
    }
    auto window = f.makeWindow();
    window->resize(1100, 900);
    QVERIFY(showAndActivate(window.get()));
    TranscriptView *view = window->transcriptView();
    MessageDelegate *delegate = view->messageDelegate();
    const int layoutsBefore = delegate->layoutCount();
    window->openConversation(id);
    // Synchronously, as the first paint sees it.
    QCOMPARE(window->transcriptModel()->rowCount(), expectedRows);
    QCOMPARE(delegate->layoutCount() - layoutsBefore, expectedRows);
    const QScrollBar *bar = view->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the rows do not fill the transcript");
    QVERIFY(view->isAtBottom());
    // The newest first page alone did not fill it when more was read (from the geometry).
    if (expectedRows > MainWindow::transcriptFirstPageSize) {
        const QAbstractItemModel *rows = view->model();
        const int newest = rows->rowCount() - MainWindow::transcriptFirstPageSize;
        const int firstPageHeight = view->visualRect(rows->index(rows->rowCount() - 1, 0)).bottom()
            - view->visualRect(rows->index(newest, 0)).top();
        QVERIFY2(firstPageHeight < view->viewport()->height(),
            qPrintable(
                u"%1 px in a %2 px view"_s.arg(firstPageHeight).arg(view->viewport()->height())));
    }
    // And nothing more is read while it sits at the bottom.
    QTest::qWait(50);
    QCOMPARE(window->transcriptModel()->rowCount(), expectedRows);
    const QModelIndex last = view->model()->index(view->model()->rowCount() - 1, 0);
    QCOMPARE(last.data(TranscriptModel::IdRole).toLongLong(), newestId);
    const QString shot = QDir::temp().filePath(u"chartroom-firstpage-%1.png"_s.arg(expectedRows));
    QVERIFY(window->grab().save(shot));
}

void TestMainWindowTranscript::screenshots()
{
    MainWindowFixture f;
    Repository &repo = *f.store.repository;
    const auto add
        = [&repo](qint64 c, MessageRole role, const QString &text,
              MessageStatus status = MessageStatus::Complete, const QString &error = {}) {
              QVERIFY(repo.addMessage(message(c, role, text, status, error)).ok());
          };
    const qint64 churn = repo.createConversation(u"Churn rate by subscription plan"_s)->id;
    add(churn, MessageRole::User, u"What is the monthly churn rate per subscription plan?"_s);
    add(churn, MessageRole::Assistant,
        u"Churn is lowest on **Enterprise** (0.8%) and highest on **Starter** (4.9%)."_s);
    const qint64 spend = repo.createConversation(u"Marketing spend vs. signups"_s)->id;
    add(spend, MessageRole::User, u"Plot marketing spend against new signups per week"_s);
    add(spend, MessageRole::Assistant, u"Spend and signups move together until week 31, then"_s,
        MessageStatus::Interrupted, u"the connection to the server was lost"_s);
    const qint64 customers = repo.createConversation(u"Top 10 customers by lifetime value"_s)->id;
    add(customers, MessageRole::User, u"Who are our top 10 customers by lifetime value?"_s);
    add(customers, MessageRole::Assistant, {}, MessageStatus::Error,
        u"No backend configured: add one in Settings to get answers. Your question was saved."_s);
    const qint64 revenue = repo.createConversation(u"Monthly revenue 2024"_s)->id;
    add(revenue, MessageRole::User, u"Show monthly revenue for 2024 as a line chart"_s);
    add(revenue, MessageRole::Assistant,
        u"Here is **monthly revenue for 2024**. Revenue grew steadily, with two clear peaks:\n\n"
        "- **March**: the spring campaign lifted sales to **$1.42M** (+18% on February)\n"
        "- **November**: Black Friday drove the best month of the year, **$1.87M**\n"
        "- The summer dip (July–August) is seasonal and matches 2023\n\n"
        "| Quarter | Revenue | Growth |\n|---|---:|---:|\n| Q1 | $3.9M | +6% |\n"
        "| Q2 | $4.1M | +5% |\n| Q3 | $3.8M | −7% |\n| Q4 | $5.2M | +37% |\n"_s);
    add(revenue, MessageRole::User, u"Which regions drove the growth in Q4?"_s);
    add(revenue, MessageRole::Assistant,
        u"Mostly **North America** and the **Nordics**. Together they account for 71% of the "
        "Q4 increase; the rest of Europe was flat."_s,
        MessageStatus::Streaming);

    auto window = f.makeWindow();
    window->resize(1240, 820);
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(revenue);
    QTest::qWait(100);
    QTRY_VERIFY(window->transcriptView()->isAtBottom());

    const QString dir = qEnvironmentVariable("CHARTROOM_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString main = QDir(dir).filePath(u"mainwindow.png"_s);
    QVERIFY(window->grab().save(main));

    QLineEdit *search = window->sidebar()->searchField();
    QTest::keyClicks(search, u"revenue"_s);
    QTRY_VERIFY(window->sidebar()->searchResults()->isVisible());
    // One row per conversation: only "Monthly revenue 2024" mentions revenue (title and text).
    QCOMPARE(window->sidebar()->searchModel()->rowCount(), 1);
    QTest::qWait(50);
    const QString searchShot = QDir(dir).filePath(u"mainwindow-search.png"_s);
    QVERIFY(window->grab().save(searchShot));

    search->clear();
    window->openConversation(customers);
    QTest::qWait(50);
    // The failed answer: its error in words, with Retry.
    QCOMPARE(window->transcriptModel()->rowCount(), 2);
    const MessageDelegate::RowInfo failed = window->transcriptView()->rowInfo(1);
    QVERIFY2(failed.statusText.contains(u"No backend configured"_s), qPrintable(failed.statusText));
    QVERIFY(failed.retry);
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-error.png"_s)));
    window->openConversation(spend);
    QTest::qWait(50);
    // The interrupted answer keeps its text and says why it stopped.
    const MessageDelegate::RowInfo stopped = window->transcriptView()->rowInfo(1);
    QVERIFY2(stopped.statusText.contains(u"connection to the server was lost"_s),
        qPrintable(stopped.statusText));
    QCOMPARE(window->transcriptModel()->index(1).data(TranscriptModel::TextRole).toString(),
        u"Spend and signups move together until week 31, then"_s);
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-interrupted.png"_s)));
    window->newConversation();
    QTest::qWait(300); // let the search field's clear button fade out
    // A new conversation: no messages, the empty state with its example questions.
    QCOMPARE(window->transcriptModel()->rowCount(), 0);
    auto *empty = window->findChild<EmptyStateWidget *>();
    QVERIFY(empty && empty->isVisible());
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-empty.png"_s)));
    qInfo("Screenshots in %s", qUtf8Printable(QDir::toNativeSeparators(dir)));
}

QTEST_MAIN(TestMainWindowTranscript)
#include "tst_mainwindowtranscript.moc"
