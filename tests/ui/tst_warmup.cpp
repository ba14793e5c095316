// The transcript's warm-up (MessageDelegate::warmUp, run by TranscriptView after its first
// paint, or the main window's empty state's): its samples hold every face and kind of block a
// message may, each face with every letter and digit (read back through Qt's own markdown parser,
// not the delegate); the view runs each sample once after it is shown; and a warm-up leaves no
// trace in the delegate: no layout counted, the real rows' layouts unchanged, nothing of the sample
// kept.
#include "app/export/markdownpolicy.h"
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace {

struct Faces
{
    bool heading = false, bold = false, italic = false, boldItalic = false, code = false;
    bool list = false, quote = false, table = false, fence = false;
    QStringList withAllGlyphs; // the faces whose sample holds every letter and digit
};

bool hasEveryGlyph(const QString &text)
{
    const QString needed = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789€%"_s;
    return std::all_of(needed.begin(), needed.end(), [&](QChar c) { return text.contains(c); });
}

Faces facesOf(const QStringList &samples)
{
    Faces faces;
    for (const QString &sample : samples) {
        QTextDocument document;
        document.setMarkdown(sample, MarkdownPolicy::documentFeatures());
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            const QTextBlockFormat format = block.blockFormat();
            faces.heading |= format.headingLevel() == 2;
            faces.quote |= format.hasProperty(QTextFormat::BlockQuoteLevel);
            faces.fence |= format.hasProperty(QTextFormat::BlockCodeFence);
            faces.list |= block.textList() && block.textList()->count() >= 2;
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat chars = it.fragment().charFormat();
                const bool bold = chars.fontWeight() >= QFont::Bold;
                const QString text = it.fragment().text();
                const auto face = [&](bool is, bool &flag, const QString &name) {
                    flag |= is;
                    if (is && hasEveryGlyph(text))
                        faces.withAllGlyphs << name;
                };
                face(bold && !chars.fontItalic(), faces.bold, u"bold"_s);
                face(chars.fontItalic() && !bold, faces.italic, u"italic"_s);
                face(bold && chars.fontItalic(), faces.boldItalic, u"bold italic"_s);
                face(chars.fontFixedPitch() && !format.hasProperty(QTextFormat::BlockCodeFence),
                    faces.code, u"code"_s);
                if (format.hasProperty(QTextFormat::BlockCodeFence) && hasEveryGlyph(text))
                    faces.withAllGlyphs << u"fenced"_s;
                if (format.headingLevel() == 2 && hasEveryGlyph(text))
                    faces.withAllGlyphs << u"heading"_s;
            }
        }
        for (QTextFrame *frame : document.rootFrame()->childFrames()) {
            if (auto *table = qobject_cast<QTextTable *>(frame)) {
                faces.table = true;
                for (int r = 0; r < table->rows(); ++r) {
                    for (int c = 0; c < table->columns(); ++c) {
                        const QTextTableCell cell = table->cellAt(r, c);
                        QTextCursor cursor(&document);
                        cursor.setPosition(cell.firstPosition());
                        cursor.setPosition(cell.lastPosition(), QTextCursor::KeepAnchor);
                        if (hasEveryGlyph(cursor.selectedText()))
                            faces.withAllGlyphs << u"table"_s;
                    }
                }
            }
        }
    }
    return faces;
}

} // namespace

class TestWarmUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samplesHoldEveryFace();
    void viewWarmsUpOnceShown();
    void windowWarmsUpOnItsEmptyState();
    void warmUpLeavesNoTrace();
};

void TestWarmUp::samplesHoldEveryFace()
{
    const Faces faces = facesOf(MessageDelegate::warmUpSamples());
    QVERIFY(faces.heading);
    QVERIFY(faces.bold);
    QVERIFY(faces.italic);
    QVERIFY(faces.boldItalic);
    QVERIFY(faces.code);
    QVERIFY(faces.list);
    QVERIFY(faces.quote);
    QVERIFY(faces.table);
    QVERIFY(faces.fence);
    for (const QString &face : { u"heading"_s, u"bold"_s, u"italic"_s, u"bold italic"_s, u"code"_s,
             u"table"_s, u"fenced"_s })
        QVERIFY2(faces.withAllGlyphs.contains(face), qPrintable(face));
}

void TestWarmUp::viewWarmsUpOnceShown()
{
    TranscriptView view;
    view.resize(700, 500);
    QCOMPARE(view.messageDelegate()->warmUpCount(), 0);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qsizetype samples = MessageDelegate::warmUpSamples().size();
    QTRY_COMPARE(view.messageDelegate()->warmUpCount(), samples);
    view.viewport()->repaint(); // later paints start no second warm-up
    QTest::qWait(50);
    QCOMPARE(view.messageDelegate()->warmUpCount(), samples);
}

// Start-up with no conversation open shows the empty state, not the transcript: the warm-up
// follows its first paint, so the first conversation opened lays out and paints warm.
void TestWarmUp::windowWarmsUpOnItsEmptyState()
{
    MainWindowFixture fixture;
    auto window = fixture.makeWindow();
    window->resize(900, 600);
    const MessageDelegate *delegate = window->transcriptView()->messageDelegate();
    QCOMPARE(delegate->warmUpCount(), 0);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->transcriptView()->isVisible());
    const qsizetype samples = MessageDelegate::warmUpSamples().size();
    QTRY_COMPARE(delegate->warmUpCount(), samples);
    QCOMPARE(delegate->layoutCount(), 0); // the transcript itself laid nothing out

    // Opening a conversation paints the transcript: no second warm-up.
    const qint64 id = fixture.store.addConversation(u"Revenue"_s, 2);
    window->openConversation(id);
    QVERIFY(window->transcriptView()->isVisible());
    window->transcriptView()->viewport()->repaint();
    QTest::qWait(50);
    QCOMPARE(delegate->warmUpCount(), samples);
}

void TestWarmUp::warmUpLeavesNoTrace()
{
    TempStore store;
    QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
    const qint64 conversation = store.addConversation(u"Revenue"_s, 0);
    Message m;
    m.conversationId = conversation;
    m.role = MessageRole::Assistant;
    m.text = u"Revenue grew by **12 %**."_s;
    QVERIFY(store.repository->addMessage(m));
    TranscriptModel model(*store.repository);
    model.setConversation(conversation);
    TranscriptView view;
    view.resize(700, 500);
    view.setTranscriptModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    MessageDelegate *delegate = view.messageDelegate();
    QTRY_COMPARE(delegate->warmUpCount(), MessageDelegate::warmUpSamples().size());

    const QModelIndex row = view.model()->index(0, 0);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.widget = &view;
    option.rect = view.visualRect(row);
    const MessageDelegate::RowInfo before = delegate->rowInfo(option, row);
    const int layouts = delegate->layoutCount();
    for (const QString &sample : MessageDelegate::warmUpSamples()) {
        const QSize size = delegate->warmUp(&view, sample);
        QVERIFY(size.height() > 0);
    }
    QCOMPARE(delegate->layoutCount(), layouts);
    const MessageDelegate::RowInfo after = delegate->rowInfo(option, row);
    QCOMPARE(delegate->layoutCount(), layouts); // the real row is still laid out: no new layout
    QCOMPARE(after.layout.bubbleRect(), before.layout.bubbleRect());
    QCOMPARE(after.documentChars, before.documentChars);
    QVERIFY(before.documentChars > 0);
}

QTEST_MAIN(TestWarmUp)
#include "tst_warmup.moc"
