// A 4 MB message in a real transcript over a real store: its bubble shows only the first part
// (its height bounded, its document short) with a "Show all (4.0 MB)" link, and a click on the
// link lays the whole message out.
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "ui/markdownstyle.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
// About 4 MB of Markdown paragraphs: 40,000 paragraphs of 105 characters, a blank line apart.
QString hugeMarkdown()
{
    const QString paragraph = u"Revenue in **March** grew by twelve percent, driven by the"
                              u" enterprise plan and the new regional partners."_s;
    QString text;
    text.reserve(40000 * (paragraph.size() + 2));
    for (int i = 0; i < 40000; ++i) {
        if (i > 0)
            text += u"\n\n"_s;
        text += paragraph;
    }
    return text;
}
} // namespace

class TestHugeMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hugeMessageIsCutUntilShownAll();
    void newLongMessageIsLaidOutInTwoSteps();
    void streamingPastTheCutKeepsTheDocument();
    void cutPoint();
    void showAllSaysTheUtf8Size_data();
    void showAllSaysTheUtf8Size();
};

void TestHugeMessage::cutPoint()
{
    // Short enough: whole.
    QCOMPARE(MarkdownStyle::cutPoint(u"abc"_s, 3), 3);
    // "aaaa\n\nbbbb\n\ncccc": the second blank line starts at 10, before the limit 12.
    QCOMPARE(MarkdownStyle::cutPoint(u"aaaa\n\nbbbb\n\ncccc"_s, 12), 10);
    // No paragraph in the second half of the limit (the blank line at 2 < 10 / 2): the last line.
    QCOMPARE(MarkdownStyle::cutPoint(u"aa\n\nbbbbb\ncccccccc"_s, 10), 9);
    // One line: the last space at or before the limit.
    QCOMPARE(MarkdownStyle::cutPoint(u"aaaa bbbb cccc"_s, 11), 9);
    // No break at all: the limit, or one less rather than split a surrogate pair.
    QCOMPARE(MarkdownStyle::cutPoint(u"abcdefghij"_s, 4), 4);
    QCOMPARE(MarkdownStyle::cutPoint(u"abc\U0001F600defg"_s, 4), 3);
}

void TestHugeMessage::hugeMessageIsCutUntilShownAll()
{
    QLocale::setDefault(QLocale::c());
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 id = store.addConversation(u"Huge"_s, 3);
    QVERIFY(id != 0);
    const QString huge = hugeMarkdown();
    QCOMPARE(huge.size(), 40000 * 105 + 39999 * 2); // 4,279,998 characters
    Message last;
    last.conversationId = id;
    last.role = MessageRole::Assistant;
    last.text = huge;
    QVERIFY(store.repository->addMessage(last));

    TranscriptModel model(*store.repository);
    model.setConversation(id);
    QCOMPARE(model.rowCount(), 4);
    TranscriptView view;
    view.resize(800, 600);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int row = 3;

    // Its first layout stopped at firstLimit (see newLongMessageIsLaidOutInTwoSteps); then the
    // rest of the shown part.
    QTRY_COMPARE(view.rowInfo(row).shownChars, 93 * 107 - 2);
    MessageDelegate::RowInfo info = view.rowInfo(row);
    // Bounded: the first 10,000 characters wrap to a few thousand pixels, never the ~1,000,000 of
    // the whole message.
    const int viewHeight = view.viewport()->height();
    QVERIFY2(info.layout.sizeHint().height() < 20 * viewHeight,
        qPrintable(QString::number(info.layout.sizeHint().height())));
    // 4,279,998 bytes (ASCII) / 1,048,576 = 4.08 MB.
    QCOMPARE(info.showAll, u"Show all (4.1 MB)"_s);
    // The page held only the message's first 64 KiB (read without the rest).
    QVERIFY(model.index(row).data(TranscriptModel::TextCutRole).toBool());
    QCOMPARE(info.totalChars,
        QString::fromUtf8(huge.toUtf8().left(int(TranscriptModel::previewBytes))).size());
    QVERIFY(info.shownChars <= MessageDelegate::elideLimit);
    QVERIFY(info.documentChars <= MessageDelegate::elideLimit);
    // Cut at a paragraph boundary: whole paragraphs, 107 characters each with
    // the blank line: 93 of them (9,951 characters; 94 would be 10,058).
    QCOMPARE(info.shownChars, 93 * 107 - 2);
    QVERIFY(!info.layout.showAllRect().isEmpty());
    QVERIFY(info.layout.bubbleRect().contains(info.layout.showAllRect()));

    // Click the link where it is drawn: the whole message is laid out.
    view.scrollToNewest();
    QTRY_VERIFY(view.isAtBottom());
    // Looked at: the end of the shown part and the link under it.
    QVERIFY(view.grab().save(u"/tmp/chartroom-hugemessage-cut.png"_s));
    const QRect rowRect = view.visualRect(view.model()->index(row, 0));
    const QPoint link = info.layout.showAllRect().center() + rowRect.topLeft();
    QVERIFY2(view.viewport()->rect().contains(link),
        qPrintable(u"link at %1,%2, row at %3"_s.arg(link.x()).arg(link.y()).arg(rowRect.top())));
    // The link points like a link; the text above it is an I-beam (selectable).
    QTest::mouseMove(view.viewport(), link);
    QTRY_COMPARE(view.viewport()->cursor().shape(), Qt::PointingHandCursor);
    const QPoint text = rowRect.topLeft() + info.layout.textRect().bottomLeft() + QPoint(4, -4);
    QTest::mouseMove(view.viewport(), text);
    QTRY_COMPARE(view.viewport()->cursor().shape(), Qt::IBeamCursor);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, link);
    info = view.rowInfo(row);
    QVERIFY(info.showAll.isEmpty());
    QVERIFY(view.messageDelegate()->isExpanded(model.messageAt(row)->id));
    // The whole text, read from the store for the click.
    QCOMPARE(info.shownChars, huge.size());
    QCOMPARE(info.totalChars, huge.size());
    QVERIFY(!model.index(row).data(TranscriptModel::TextCutRole).toBool());
    QVERIFY(info.layout.sizeHint().height() > 20 * viewHeight);
    // The short messages above it are not cut.
    const MessageDelegate::RowInfo first = view.rowInfo(0);
    QVERIFY(first.showAll.isEmpty());
    QCOMPARE(first.shownChars, first.totalChars);
}

void TestHugeMessage::newLongMessageIsLaidOutInTwoSteps()
{
    // A 4 MB message arriving at the bottom of an open transcript (a pasted question just sent):
    // its first layout stops at firstLimit (2,000), a frame later the view lays out the rest of
    // the shown part (10,000) and still shows the bottom. Each step is one short turn of the
    // event loop instead of one long one (bench_hugemessage's send measures the turns).
    QLocale::setDefault(QLocale::c());
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 id = store.addConversation(u"Huge"_s, 12);
    TranscriptModel model(*store.repository);
    model.setConversation(id);
    TranscriptView view;
    view.resize(800, 600);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scrollToNewest();
    QTRY_VERIFY(view.isAtBottom());
    QSignalSpy unfinished(view.messageDelegate(), &MessageDelegate::layoutUnfinished);

    Message question;
    question.conversationId = id;
    question.role = MessageRole::User;
    question.text = hugeMarkdown();
    auto added = store.repository->addMessage(question);
    QVERIFY(added);
    const int row = model.rowCount() - 1;
    QCOMPARE(row, 12);
    QCOMPARE(model.messageAt(row)->id, added->id);
    // Whole paragraphs of 107 characters with the blank line: 18 fit in 2,000 (1,924; 19 would
    // be 2,031).
    const MessageDelegate::RowInfo first = view.rowInfo(row);
    QCOMPARE(first.shownChars, 18 * 107 - 2);
    QCOMPARE(first.showAll, u"Show all (4.1 MB)"_s);
    QVERIFY(unfinished.isEmpty()); // reported from the event loop, not from inside the layout
    QTRY_COMPARE(unfinished.size(), 1);
    QCOMPARE(unfinished.first().first().toLongLong(), added->id);
    QTRY_COMPARE(view.rowInfo(row).shownChars, 93 * 107 - 2);
    QVERIFY(view.rowInfo(row).layout.sizeHint().height() > first.layout.sizeHint().height());
    QTRY_VERIFY(view.isAtBottom());
    QCOMPARE(unfinished.size(), 1);

    // Laid out again at another width: the whole shown part at once, no first step again.
    const int width = view.viewport()->width();
    const int layouts = view.messageDelegate()->layoutCount();
    view.resize(900, 600);
    QTRY_VERIFY(view.viewport()->width() > width);
    QCOMPARE(view.rowInfo(row).shownChars, 93 * 107 - 2);
    QVERIFY(view.messageDelegate()->layoutCount() > layouts);
    QCoreApplication::processEvents();
    QCOMPARE(unfinished.size(), 1);
}

void TestHugeMessage::streamingPastTheCutKeepsTheDocument()
{
    // An answer streaming past the cut: its shown part no longer changes, so each frame lays
    // out the link's size again but never parses that part again.
    QLocale::setDefault(QLocale::c());
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 id = store.addConversation(u"Streaming"_s, 2);
    TranscriptModel model(*store.repository);
    model.setConversation(id);
    TranscriptView view;
    view.resize(800, 600);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int row = 1;
    const qint64 answer = model.messageAt(row)->id;
    const QString huge = hugeMarkdown();
    const auto stream = [&](const QString &text) {
        const int flushes = view.flushCount();
        model.setLiveText(answer, text);
        QTRY_VERIFY(view.flushCount() > flushes);
    };
    QTextDocument *(*documentOf)(TranscriptView &, int) = [](TranscriptView &v, int r) {
        const QModelIndex index = v.model()->index(r, 0);
        QStyleOptionViewItem option;
        option.rect = v.visualRect(index);
        option.font = v.font();
        option.widget = &v;
        return v.messageDelegate()->textDocument(option, index, nullptr);
    };

    // 1,048,576 of the 4 MB: cut at 93 paragraphs (as above), 1.0 MB.
    stream(huge.left(1024 * 1024));
    MessageDelegate::RowInfo info = view.rowInfo(row);
    QCOMPARE(info.shownChars, 93 * 107 - 2);
    QCOMPARE(info.showAll, u"Show all (1.0 MB)"_s);
    QTextDocument *document = documentOf(view, row);
    QVERIFY(document);
    const int layouts = view.messageDelegate()->layoutCount();

    // 3 MB: the same shown part, the same document; the link says the new size.
    stream(huge.left(3 * 1024 * 1024));
    info = view.rowInfo(row);
    QCOMPARE(info.showAll, u"Show all (3.0 MB)"_s);
    QCOMPARE(info.shownChars, 93 * 107 - 2);
    QVERIFY(view.messageDelegate()->layoutCount() > layouts); // the row was laid out again
    QCOMPARE(documentOf(view, row), document); // ... with its document kept

    // A text whose beginning differs (e.g. reconciled by the end of the answer): a new document.
    stream(u"A short answer."_s);
    info = view.rowInfo(row);
    QVERIFY(info.showAll.isEmpty());
    QCOMPARE(info.documentChars, 16); // 15 characters and the paragraph separator
    QVERIFY(documentOf(view, row) != document);
}

void TestHugeMessage::showAllSaysTheUtf8Size_data()
{
    // 1,048,576 characters of one kind, a paragraph break every 1,000: the link gives the size
    // in UTF-8 (1, 2, 3 or 4 bytes a character; an emoji is two UTF-16 units, 4 bytes), the
    // breaks adding 2 bytes per 1,000 characters: 2,096 bytes, under 0.1 MB.
    QTest::addColumn<QString>("character");
    QTest::addColumn<QString>("link");
    QTest::newRow("ASCII") << u"a"_s << u"Show all (1.0 MB)"_s;
    QTest::newRow("é, 2 bytes") << u"é"_s << u"Show all (2.0 MB)"_s;
    QTest::newRow("€, 3 bytes") << u"€"_s << u"Show all (3.0 MB)"_s;
    QTest::newRow("😀, 4 bytes") << u"😀"_s << u"Show all (4.0 MB)"_s;
}

void TestHugeMessage::showAllSaysTheUtf8Size()
{
    QFETCH(QString, character);
    QFETCH(QString, link);
    QLocale::setDefault(QLocale::c());
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 id = store.addConversation(u"Sizes"_s, 0);
    const QString block = character.repeated(1000);
    QStringList blocks;
    for (int i = 0; i < 1048; ++i)
        blocks << block;
    blocks << character.repeated(576);
    Message m;
    m.conversationId = id;
    m.role = MessageRole::Assistant;
    m.text = blocks.join(u"\n\n"_s);
    QVERIFY(store.repository->addMessage(m));
    TranscriptModel model(*store.repository);
    model.setConversation(id);
    TranscriptView view;
    view.resize(800, 600);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.rowInfo(0).showAll, link);
    // Laid out again (the rest of the shown part, then another width): the same size.
    QTRY_VERIFY(view.rowInfo(0).shownChars > MessageDelegate::firstLimit);
    view.resize(900, 600);
    QCOMPARE(view.rowInfo(0).showAll, link);
}

QTEST_MAIN(TestHugeMessage)
#include "tst_hugemessage.moc"
