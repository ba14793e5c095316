// Paging that reaches both ends (issue 13.1): a 10,000-message transcript and a 1,000-conversation
// sidebar, driven offscreen with the keys, the mouse wheel and the scroll bar, reach their true
// first and last rows ("message 1" / "message 10000", "Conversation 1000" / "Conversation 1").
#include "models/conversationlistmodel.h"
#include "models/transcriptmodel.h"
#include "tests/support/bighistory.h"
#include "tests/support/tempstore.h"
#include "ui/conversationsidebar.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QListView>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace {
enum class Action { Key, Wheel, SetScrollBar, DragScrollBar };

// Visible: the row's rectangle overlaps the viewport.
bool isShown(QAbstractItemView *view, int row)
{
    const QModelIndex index = view->model()->index(row, 0);
    return index.isValid() && view->visualRect(index).intersects(view->viewport()->rect());
}

void wheel(QAbstractItemView *view, int notches)
{
    const QPointF pos = QRectF(view->viewport()->rect()).center();
    QWheelEvent event(pos, view->viewport()->mapToGlobal(pos), {}, QPoint(0, 120 * notches),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &event);
}

// Presses the slider's handle and drags it to the very top (toEnd false) or bottom, then lets go.
void dragScrollBar(QScrollBar *bar, bool toEnd)
{
    QStyleOptionSlider option;
    option.initFrom(bar);
    option.orientation = bar->orientation();
    option.minimum = bar->minimum();
    option.maximum = bar->maximum();
    option.sliderPosition = bar->sliderPosition();
    option.sliderValue = bar->value();
    option.singleStep = bar->singleStep();
    option.pageStep = bar->pageStep();
    option.upsideDown = bar->invertedAppearance();
    const QRect handle = bar->style()->subControlRect(
        QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSlider, bar);
    const QPoint from = handle.center();
    const QPoint to(from.x(), toEnd ? bar->height() + handle.height() : -handle.height());
    QTest::mousePress(bar, Qt::LeftButton, {}, from);
    QMouseEvent move(
        QEvent::MouseMove, to, bar->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bar, &move);
    QTest::mouseRelease(bar, Qt::LeftButton, {}, to);
}

// One step of travel towards the start (toEnd false) or the end of `view`.
void travel(QAbstractItemView *view, Action action, Qt::Key key, bool toEnd)
{
    QScrollBar *bar = view->verticalScrollBar();
    switch (action) {
    case Action::Key:
        QTest::keyClick(view, key);
        break;
    case Action::Wheel:
        wheel(view, toEnd ? -3 : 3);
        break;
    case Action::SetScrollBar:
        bar->setValue(toEnd ? bar->maximum() : bar->minimum());
        break;
    case Action::DragScrollBar:
        dragScrollBar(bar, toEnd);
        break;
    }
    QCoreApplication::processEvents();
}

// Travels until `text` is the first (toEnd false) or last row of the model and is shown, at most
// `budget` steps; returns the steps taken, or -1 when the end was not reached.
int travelTo(QAbstractItemView *view, Action action, Qt::Key key, bool toEnd, const QString &text,
    int budget)
{
    for (int step = 1; step <= budget; ++step) {
        travel(view, action, key, toEnd);
        QAbstractItemModel *model = view->model();
        const int row = toEnd ? model->rowCount() - 1 : 0;
        if (model->index(row, 0).data().toString() == text && isShown(view, row))
            return step;
    }
    return -1;
}

void addRows()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<int>("startKey");
    QTest::addColumn<int>("endKey");
    QTest::addColumn<int>("budget");
    // Home and End reach the end in one press; the others move a page (or a step) at a time, so
    // their budget follows the history's height (10,000 rows of a few lines, ~100 rows a page).
    QTest::newRow("Home/End") << Action::Key << int(Qt::Key_Home) << int(Qt::Key_End) << 1;
    QTest::newRow("PageUp/PageDown")
        << Action::Key << int(Qt::Key_PageUp) << int(Qt::Key_PageDown) << 4000;
    QTest::newRow("wheel") << Action::Wheel << 0 << 0 << 4000;
    QTest::newRow("scroll bar set") << Action::SetScrollBar << 0 << 0 << 400;
    QTest::newRow("scroll bar drag") << Action::DragScrollBar << 0 << 0 << 400;
}
} // namespace

class TestPaging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void transcriptReachesBothEnds_data() { addRows(); }
    void transcriptReachesBothEnds();
    void sidebarReachesBothEnds_data() { addRows(); }
    void sidebarReachesBothEnds();
    void homeKeepsOpeningIncremental();
};

void TestPaging::transcriptReachesBothEnds()
{
    QFETCH(Action, action);
    QFETCH(int, startKey);
    QFETCH(int, endKey);
    QFETCH(int, budget);
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 id = BigHistory::addLongConversation(*store.repository, u"Long"_s, 10000);
    QVERIFY(id != 0);
    TranscriptModel model(*store.repository);
    model.setConversation(id);
    TranscriptView view;
    view.resize(600, 800);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    view.scrollToNewest();
    QTRY_VERIFY(view.isAtBottom());

    const int up = travelTo(&view, action, Qt::Key(startKey), false, u"message 1"_s, budget);
    QVERIFY2(up > 0,
        qPrintable(u"top row: %1 of %2 loaded"_s.arg(model.index(0).data().toString())
                       .arg(model.rowCount())));
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), 10000);
    // And back down to the newest message.
    const int down = travelTo(&view, action, Qt::Key(endKey), true, u"message 10000"_s, budget);
    QVERIFY2(down > 0, "the newest message was not reached again");
    QVERIFY(isShown(&view, model.rowCount() - 1));
}

void TestPaging::sidebarReachesBothEnds()
{
    QFETCH(Action, action);
    QFETCH(int, startKey);
    QFETCH(int, endKey);
    QFETCH(int, budget);
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    QCOMPARE(BigHistory::addConversations(*store.repository, 1000).size(), 1000);
    ConversationSidebar sidebar(*store.repository);
    sidebar.resize(320, 600);
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
    QListView *list = sidebar.conversationList();
    list->setFocus();
    QTRY_VERIFY(list->model()->rowCount() > 0);
    QCOMPARE(list->model()->index(0, 0).data().toString(), u"Conversation 1000"_s);

    // The list's start is loaded first: travel to its end (the oldest), then back.
    const int down
        = travelTo(list, action, Qt::Key(endKey), true, u"Conversation 1"_s, qMax(1, budget / 10));
    QAbstractItemModel *model = list->model();
    QVERIFY2(down > 0,
        qPrintable(u"bottom row: %1 of %2 loaded"_s
                       .arg(model->index(model->rowCount() - 1, 0).data().toString())
                       .arg(model->rowCount())));
    QCOMPARE(model->rowCount(), 1000);
    QVERIFY(!sidebar.conversationModel()->canFetchMore({}));
    const int up = travelTo(
        list, action, Qt::Key(startKey), false, u"Conversation 1000"_s, qMax(1, budget / 10));
    QVERIFY2(up > 0, "the newest conversation was not reached again");
}

void TestPaging::homeKeepsOpeningIncremental()
{
    // Opening shows the newest page only; Home then loads the rest, since it asks for the first.
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 id = BigHistory::addLongConversation(*store.repository, u"Long"_s, 10000);
    TranscriptModel model(*store.repository);
    model.setConversation(id);
    TranscriptView view;
    view.resize(600, 800);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scrollToNewest();
    QTRY_VERIFY(view.isAtBottom());
    QCoreApplication::processEvents();
    QVERIFY2(model.rowCount() <= 200, qPrintable(QString::number(model.rowCount())));
    QVERIFY(model.canFetchMore({}));
}

QTEST_MAIN(TestPaging)
#include "tst_paging.moc"
