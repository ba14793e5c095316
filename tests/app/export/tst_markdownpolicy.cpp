// One markdown policy (MarkdownPolicy): raw HTML in a message is text, not markup, in the HTML
// export, the PDF export's document and the transcript's document alike.

#include "htmlexport.h"
#include "messagedelegate.h"
#include "pdfexport.h"
#include "transcriptmodel.h"

#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

namespace {
const QString rawBold = u"<b>x</b>"_qs;
const QString rawImage = u"<img src=\"https://example.com/x.png\">"_qs;

ExportedConversation conversationWith(const QString &text)
{
    ExportedConversation exported;
    exported.conversation.id = 1;
    exported.conversation.title = u"Raw HTML"_qs;
    exported.exportedAt = QDateTime(QDate(2024, 5, 14), QTime(10, 3), Qt::UTC);
    Message m;
    m.id = 1;
    m.conversationId = 1;
    m.role = MessageRole::Assistant;
    m.status = MessageStatus::Complete;
    m.text = text;
    m.createdAt = exported.exportedAt;
    exported.messages << m;
    return exported;
}
} // namespace

class TestMarkdownPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlExportShowsRawHtmlAsText();
    void pdfDocumentShowsRawHtmlAsText();
    void transcriptShowsRawHtmlAsText_data();
    void transcriptShowsRawHtmlAsText();
};

void TestMarkdownPolicy::htmlExportShowsRawHtmlAsText()
{
    const QString html
        = HtmlExport().write(conversationWith(u"Bold: "_qs + rawBold + u" image: "_qs + rawImage));
    QVERIFY2(html.contains(u"Bold: &lt;b&gt;x&lt;/b&gt; image: "
                           u"&lt;img src=&quot;https://example.com/x.png&quot;&gt;"_qs),
        qPrintable(html));
    QVERIFY(!html.contains(rawBold));
    QVERIFY(!html.contains(u"<img"_qs));
    QVERIFY(!html.contains(u"src=\"https://example.com"_qs));
}

void TestMarkdownPolicy::pdfDocumentShowsRawHtmlAsText()
{
    QTextDocument document;
    PdfExport().build(
        conversationWith(u"Bold: "_qs + rawBold + u" image: "_qs + rawImage), document);
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(u"Bold: "_qs + rawBold + u" image: "_qs + rawImage), qPrintable(text));
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it)
            QVERIFY(!it.fragment().charFormat().isImageFormat());
    }
}

void TestMarkdownPolicy::transcriptShowsRawHtmlAsText_data()
{
    // Markdown's backslash escapes make the same characters literal text under any policy: the
    // raw message must lay out exactly as its escaped twin.
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("bold") << rawBold << u"\\<b\\>x\\</b\\>"_qs;
    QTest::newRow("image") << rawImage << u"\\<img src=\"https://example.com/x.png\"\\>"_qs;
    QTest::newRow("both") << u"a "_qs + rawBold + u" b "_qs + rawImage
                          << u"a \\<b\\>x\\</b\\> b \\<img src=\"https://example.com/x.png\"\\>"_qs;
}

void TestMarkdownPolicy::transcriptShowsRawHtmlAsText()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    QStandardItemModel model;
    for (const QString &text : { raw, escaped, u"x"_qs }) {
        auto *item = new QStandardItem;
        item->setData(qint64(model.rowCount() + 1), TranscriptModel::IdRole);
        item->setData(text, TranscriptModel::TextRole);
        item->setData(
            QDateTime(QDate(2024, 5, 14), QTime(10, 3), Qt::UTC), TranscriptModel::CreatedAtRole);
        model.appendRow(item);
    }
    MessageDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 900, 400);
    option.font = QFont(u"DejaVu Sans"_qs, 10);
    const auto textSize = [&](int row) {
        return delegate.rowInfo(option, model.index(row, 0)).layout.textRect().size();
    };
    QVERIFY(!textSize(0).isEmpty());
    QCOMPARE(textSize(0), textSize(1));
    // Interpreted, "<b>x</b>" would be one bold letter.
    QVERIFY(textSize(0).width() > 3 * textSize(2).width());
}

QTEST_MAIN(TestMarkdownPolicy)
#include "tst_markdownpolicy.moc"
