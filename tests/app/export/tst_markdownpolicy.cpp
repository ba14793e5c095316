// One markdown policy (MarkdownPolicy): raw HTML in a message is text, not markup, in the HTML
// export, the PDF export's document and the transcript's document alike.

#include "app/export/htmlexport.h"
#include "app/export/pdfexport.h"
#include "models/transcriptmodel.h"
#include "ui/messagedelegate.h"

#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
const QString rawBold = u"<b>x</b>"_s;
const QString rawImage = u"<img src=\"https://example.com/x.png\">"_s;

ExportedConversation conversationWith(const QString &text)
{
    ExportedConversation exported;
    exported.conversation.id = 1;
    exported.conversation.title = u"Raw HTML"_s;
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
        = HtmlExport().write(conversationWith(u"Bold: "_s + rawBold + u" image: "_s + rawImage));
    QVERIFY2(html.contains(u"Bold: &lt;b&gt;x&lt;/b&gt; image: "
                           u"&lt;img src=&quot;https://example.com/x.png&quot;&gt;"_s),
        qPrintable(html));
    QVERIFY(!html.contains(rawBold));
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(!html.contains(u"src=\"https://example.com"_s));
}

void TestMarkdownPolicy::pdfDocumentShowsRawHtmlAsText()
{
    QTextDocument document;
    PdfExport().build(conversationWith(u"Bold: "_s + rawBold + u" image: "_s + rawImage), document);
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(u"Bold: "_s + rawBold + u" image: "_s + rawImage), qPrintable(text));
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
    QTest::newRow("bold") << rawBold << u"\\<b\\>x\\</b\\>"_s;
    QTest::newRow("image") << rawImage << u"\\<img src=\"https://example.com/x.png\"\\>"_s;
    QTest::newRow("both") << u"a "_s + rawBold + u" b "_s + rawImage
                          << u"a \\<b\\>x\\</b\\> b \\<img src=\"https://example.com/x.png\"\\>"_s;
}

void TestMarkdownPolicy::transcriptShowsRawHtmlAsText()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    QStandardItemModel model;
    for (const QString &text : { raw, escaped, u"x"_s }) {
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
    option.font = QFont(u"DejaVu Sans"_s, 10);
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
