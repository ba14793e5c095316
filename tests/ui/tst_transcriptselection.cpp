// Selecting a message's text in a real transcript over a real store, with the mouse (press and
// drag, double-click) and the keyboard (Shift+arrows, Ctrl+A), and copying it (Ctrl+C, the
// context menu's Copy). Where each word is drawn is worked out from the view's font, not from
// the selection's hit-testing: the bubble's text starts at its text rect, and a word starts
// after the advance of the text before it on the line.
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptselection.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Row 0: the question; row 1: the answer (two paragraphs); row 2: an answer that failed.
const QString question = u"How did revenue do?"_s;
const QString answer = u"Revenue rose in March\n\nCosts fell"_s;
constexpr int answerRow = 1;
constexpr int failedRow = 2;
} // namespace

class TestTranscriptSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void dragSelects_data();
    void dragSelects();
    void doubleClickSelectsWord();
    void shiftRightExtends();
    void ctrlASelectsMessage();
    void contextMenuCopies();
    void clickWithoutDragCopiesAsBefore();
    void retryStillClickable();
    void showAllStillClickable();
    void selectionIsPainted();

private:
    // Where the text `before` + `word` ends on the first line of the answer, in viewport
    // coordinates: `at` 0 is the start of `word`, 1 its end.
    QPoint pointIn(const QString &before, const QString &word, int at) const;
    void drag(QPoint from, QPoint to);

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<TranscriptModel> m_model;
    std::unique_ptr<TranscriptView> m_view;
    qint64 m_conversation = 0;
};

void TestTranscriptSelection::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY2(m_store->error.isEmpty(), qPrintable(m_store->error));
    m_conversation = m_store->addConversation(u"Sales"_s, 0);
    QVERIFY(m_conversation != 0);
    Message m;
    m.conversationId = m_conversation;
    m.role = MessageRole::User;
    m.text = question;
    QVERIFY(m_store->repository->addMessage(m));
    m.role = MessageRole::Assistant;
    m.text = answer;
    QVERIFY(m_store->repository->addMessage(m));
    m.text = u"Partial"_s;
    m.status = MessageStatus::Error;
    m.errorDetail = u"The network is down"_s;
    QVERIFY(m_store->repository->addMessage(m));

    m_model = std::make_unique<TranscriptModel>(*m_store->repository);
    m_model->setConversation(m_conversation);
    QCOMPARE(m_model->rowCount(), 3);
    m_view = std::make_unique<TranscriptView>();
    m_view->resize(800, 600);
    m_view->setTranscriptModel(m_model.get());
    QVERIFY(TranscriptSelection::attach(m_view.get(), m_view->messageDelegate()));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setFocus();
    QGuiApplication::clipboard()->setText(u"before"_s);
}

void TestTranscriptSelection::cleanup()
{
    m_view.reset();
    m_model.reset();
    m_store.reset();
}

QPoint TestTranscriptSelection::pointIn(const QString &before, const QString &word, int at) const
{
    const MessageDelegate::RowInfo info = m_view->rowInfo(answerRow);
    const QRect text = info.layout.textRect().translated(
        m_view->visualRect(m_view->model()->index(answerRow, 0)).topLeft());
    const QFontMetrics metrics(m_view->font());
    const int start = metrics.horizontalAdvance(before);
    const int end = metrics.horizontalAdvance(before + word);
    // One pixel inside the word, so the nearest character boundary is the word's own.
    const int x = at == 0 ? start + 1 : end - 1;
    return QPoint(text.left() + x, text.top() + metrics.ascent() / 2);
}

void TestTranscriptSelection::drag(QPoint from, QPoint to)
{
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    // QTest::mouseMove sends no buttons: send the move with the left button held.
    for (int step = 1; step <= 4; ++step) {
        const QPoint p = from + (to - from) * step / 4;
        QMouseEvent move(QEvent::MouseMove, p, viewport->mapToGlobal(p), Qt::NoButton,
            Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

void TestTranscriptSelection::dragSelects_data()
{
    QTest::addColumn<QString>("fromBefore");
    QTest::addColumn<QString>("fromWord");
    QTest::addColumn<int>("fromAt");
    QTest::addColumn<QString>("toBefore");
    QTest::addColumn<QString>("toWord");
    QTest::addColumn<int>("toAt");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one word") << u"Revenue "_s << u"rose"_s << 0 << u"Revenue "_s << u"rose"_s << 1
                              << u"rose"_s;
    QTest::newRow("the whole line") << u""_s << u"Revenue"_s << 0 << u"Revenue rose in "_s
                                    << u"March"_s << 1 << u"Revenue rose in March"_s;
    QTest::newRow("backwards") << u"Revenue rose in "_s << u"March"_s << 1 << u"Revenue rose "_s
                               << u"in"_s << 0 << u"in March"_s;
    QTest::newRow("part of a word") << u"Revenue rose in "_s << u"Ma"_s << 1
                                    << u"Revenue rose in "_s << u"March"_s << 1 << u"rch"_s;
}

void TestTranscriptSelection::dragSelects()
{
    QFETCH(QString, fromBefore);
    QFETCH(QString, fromWord);
    QFETCH(int, fromAt);
    QFETCH(QString, toBefore);
    QFETCH(QString, toWord);
    QFETCH(int, toAt);
    QFETCH(QString, expected);
    drag(pointIn(fromBefore, fromWord, fromAt), pointIn(toBefore, toWord, toAt));
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestTranscriptSelection::doubleClickSelectsWord()
{
    // The middle of "March".
    const QPoint start = pointIn(u"Revenue rose in "_s, u"March"_s, 0);
    const QPoint end = pointIn(u"Revenue rose in "_s, u"March"_s, 1);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, (start + end) / 2);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"March"_s);
}

void TestTranscriptSelection::shiftRightExtends()
{
    drag(pointIn(u"Revenue "_s, u"rose"_s, 0), pointIn(u"Revenue "_s, u"rose"_s, 1));
    // Two characters more: the space and the "i" of "in".
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"rose i"_s);
    // And one back.
    QTest::keyClick(m_view.get(), Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"rose "_s);
}

void TestTranscriptSelection::ctrlASelectsMessage()
{
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointIn(u""_s, u"Revenue"_s, 1));
    QTest::keyClick(m_view.get(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    // The two Markdown paragraphs, one line each in plain text.
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Revenue rose in March\nCosts fell"_s);
}

void TestTranscriptSelection::contextMenuCopies()
{
    const QPoint at = pointIn(u"Revenue "_s, u"rose"_s, 1);
    drag(pointIn(u""_s, u"Revenue"_s, 0), at);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(m_view->viewport(), &event);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QAction *copy = nullptr;
    for (QAction *action : menu->actions())
        if (action->text().remove(u'&') == u"Copy"_s)
            copy = action;
    QVERIFY(copy);
    QVERIFY(copy->isEnabled());
    copy->trigger();
    menu->close();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Revenue rose"_s);
}

void TestTranscriptSelection::clickWithoutDragCopiesAsBefore()
{
    // A selection, then a click without a drag: nothing is selected, and Ctrl+C copies what it
    // did before selections existed (the view's own copy: the current message's Markdown).
    drag(pointIn(u"Revenue "_s, u"rose"_s, 0), pointIn(u"Revenue "_s, u"rose"_s, 1));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointIn(u""_s, u"Revenue"_s, 1));
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), answer);
}

void TestTranscriptSelection::retryStillClickable()
{
    QSignalSpy retry(m_view.get(), &TranscriptView::retryRequested);
    const MessageDelegate::RowInfo info = m_view->rowInfo(failedRow);
    QVERIFY(info.retry);
    const QPoint link = info.layout.actionRect().center()
        + m_view->visualRect(m_view->model()->index(failedRow, 0)).topLeft();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, link);
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.at(0).at(0).toLongLong(), m_model->messageAt(failedRow)->id);
}

void TestTranscriptSelection::showAllStillClickable()
{
    // 300 paragraphs of 100 characters, a blank line apart: 30,598 characters, more than
    // MessageDelegate::elideLimit, so the bubble ends in a "Show all" link.
    QStringList paragraphs;
    for (int i = 0; i < 300; ++i)
        paragraphs << QString(100, u'x');
    const qint64 other = m_store->addConversation(u"Long"_s, 0);
    Message m;
    m.conversationId = other;
    m.role = MessageRole::Assistant;
    m.text = paragraphs.join(u"\n\n"_s);
    QCOMPARE(m.text.size(), 30598);
    QVERIFY(m_store->repository->addMessage(m));
    m_model->setConversation(other);
    QCOMPARE(m_model->rowCount(), 1);
    m_view->scrollToNewest();
    MessageDelegate::RowInfo info = m_view->rowInfo(0);
    QVERIFY(!info.showAll.isEmpty());
    const QPoint link = info.layout.showAllRect().center()
        + m_view->visualRect(m_view->model()->index(0, 0)).topLeft();
    QVERIFY(m_view->viewport()->rect().contains(link));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, link);
    info = m_view->rowInfo(0);
    QVERIFY(info.showAll.isEmpty());
    QCOMPARE(info.shownChars, 30598);
}

void TestTranscriptSelection::selectionIsPainted()
{
    const QPoint from = pointIn(u"Revenue "_s, u"rose"_s, 0);
    const QPoint to = pointIn(u"Revenue "_s, u"rose"_s, 1);
    const QColor highlight = m_view->palette().color(QPalette::Highlight);
    const auto highlighted = [&] {
        const QImage image = m_view->viewport()->grab().toImage();
        int count = 0;
        for (int x = from.x(); x <= to.x(); ++x)
            count += image.pixelColor(x, from.y() + 1) == highlight ? 1 : 0;
        return count;
    };
    QCOMPARE(highlighted(), 0);
    drag(from, to);
    // Most of the row of pixels across "rose" is the highlight (the rest is glyphs).
    QVERIFY2(highlighted() > (to.x() - from.x()) / 3, qPrintable(QString::number(highlighted())));
}

QTEST_MAIN(TestTranscriptSelection)
#include "tst_transcriptselection.moc"
